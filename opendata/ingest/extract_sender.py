"""Who sends the letter: the body its signature block signs for, else its letterhead (told apart from the
address block under it), else a post, a memo's "Van:", a web address, an officer's own body, a party
that names itself or a minister."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from opendata.ingest.extract_header import end_of_lines, line_at
from opendata.ingest.extract_kamerstuk import Kamerstuk, closing_signatory, ministry_name
from opendata.ingest.extract_noise import doubled_line_breaks, noisy
from opendata.ingest.extract_organisations import (
    ASSOCIATION_KIND,
    COLLEGE,
    COUNCIL,
    GS,
    PS,
    OrgMention,
    ministry_at,
    own_address_name,
    web_address_name,
)
from opendata.ingest.extract_results import Found, Signatory, from_mention
from opendata.ingest.extract_results import found as _found
from opendata.ingest.extract_signatures import (
    AUDIT_WORD,
    NAME,
    PARTIES,
    last_closing,
    listed,
    looks_like_body,
    quoted_message_start,
)
from opendata.ingest.gazetteer import load_gazetteer
from opendata.model.register import is_tooi_code

ADDRESS_LINE = re.compile(
    r"^[ \t]*(?:aan|t\.?\s?a\.?\s?v\.?|ter\s+attentie\s+van)\b[ \t:.]*(?P<rest>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)
# A postcode's letters are capitals ("2514 EA", OCR's "5130 Dn" at most): a year before a word ("de
# begroting 2008 op orde", "in 2020 en 2021") is no postcode.
POSTAL = re.compile(
    r"^[ \t]*(?:postbus\b|[^\n]*\b[1-9][0-9]{3}[ \t]?(?-i:[A-Z][A-Za-z])\b)", re.IGNORECASE | re.MULTILINE
)
SENDER_ADDRESS = re.compile(r"retouradres|postadres|bezoekadres|afzender|correspondentieadres", re.IGNORECASE)
# A short line with no sentence in it, which an address block may carry between a body's name and its
# postal line ("Gemeente Amsterdam / WOB-verzoek / Postbus 202", "… / 5.1.2.e / Postbus 2602", OCR's "DD
# on"): one to three words, no label's colon, no web or mail address (a letterhead's contact line).
SCRAP_LINE = re.compile(r"(?![^\n]*(?:www|http|@|\.nl\b))[ \t]*[^\s:]{1,20}(?:[ \t]+[^\s:]{1,20}){0,2}[ \t]*")


# A copy whose text layer ran the whole header into one line opens with the letterhead: "1 Gedeputeerde
# Staten vkff Provincie ^Zeeland De voorzitter van …", "1 'Uil Ministerie van Binnenlandse Zaken en
# Koninkrijksrelaties > Retouradres …". A body followed by a date or "Ingekomen" is the receiver's
# stamp ("GEMEENTE BOXTEL 2 0 MEI 2014"), and one after "Aan"/"T.a.v." the addressee.
_STAMP_AFTER = re.compile(
    r"[ \t]*(?:[0-9][0-9 ]{0,3}[ \t]*(?:[a-z]{3,9}\.?|[0-9]{1,2})\b|ingekomen|ontvangen|nr\b|inge-)",
    re.IGNORECASE,
)
# A body whose own address labels follow its name is the letterhead, wherever a receiver's registration
# stamp put it on the run-together line: "1 Registratiedatum: … 27/12/2016 (Omgevingsdienst regio Utrecht
# Bezoekadres: … Aan de gemeenteraad van de gemeente Woerden …" (an addressee follows "Aan"/"T.a.v.").
_OWN_ADDRESS_LABEL_AFTER = re.compile(
    r"[ \t]*(?:bezoekadres|postadres|retouradres|correspondentieadres)\b", re.IGNORECASE
)
_ADDRESSED_BEFORE = re.compile(r"\b(?:aan|t\.?\s?a\.?\s?v\.?)\b[^\n]{0,80}\Z", re.IGNORECASE)
_JOINT_BODY_BEFORE = re.compile(r"(?<![\w-])In[ \t]+\Z")
_JOINT_BODY_AFTER = re.compile(r"[ \t]+werken[ \t]+samen[ \t]*:")
_BEFORE_LETTERHEAD = re.compile(r"[^\n]{0,40}")
_PROSE = re.compile(
    r"\b[a-z]{2,}[ \t]+[a-z]{2,}[ \t]+[a-z]{2,}[ \t]+[a-z]{2,}\b"
)  # four small words in a row


def _run_together_letterhead(text: str, found: Sequence[OrgMention], head_end: int) -> OrgMention | None:
    long_line = next(
        (m for m in re.finditer(r"[^\n]*\S[^\n]*", text[: min(len(text), 1500)]) if len(m[0]) > 200), None
    )
    if long_line is None:  # (a host's title line may stand above it)
        return None
    line_start = long_line.start() + len(long_line[0]) - len(long_line[0].lstrip())
    for mention in found:
        if (
            mention.resolved
            and line_start <= mention.start < head_end
            and _OWN_ADDRESS_LABEL_AFTER.match(text, mention.end)
            and not _ADDRESSED_BEFORE.search(text, line_start, mention.start)
            # a subject's body before the province's sidebar: "Onderwerp … gemeente X Postadres Provinciehuis"
            and not _IN_A_PHRASE.search(text, line_start, mention.start)
        ):
            return mention
    for mention in found:  # a joint body's letterhead: "… In Holland Rijnland werken samen: Alphen …"
        if (
            mention.resolved
            and line_start <= mention.start < min(line_start + 400, head_end)
            and _JOINT_BODY_BEFORE.search(text, line_start, mention.start)
            and _JOINT_BODY_AFTER.match(text, mention.end)
        ):
            return mention
    for mention in found:
        if not line_start <= mention.start < min(line_start + 60, head_end):
            continue
        if not (mention.resolved or mention.value.startswith("ministerie van ")):
            continue
        before = text[line_start : mention.start]
        if re.search(r"\b(?:aan|t\.?\s?a\.?\s?v|van|[0-9]{4})\b", before, re.IGNORECASE):
            return None
        if _PROSE.search(before):  # "E. Wij hebben hierover ook overleg gevoerd met …": a body's sentence
            return None
        if _STAMP_AFTER.match(text, mention.end):
            return None
        return mention
    return None


# A letterhead that opens with the board, its province or place in a logo beside it: "Gedeputeerde
# Staten pr HOLLAND …", "1 Gedeputeerde Staten vkff Provincie Zeeland …".
_BOARD_HEAD = re.compile(
    r"\s*(?:[0-9]{1,2}[ \t]+)?(?:(?P<gs>Gedeputeerde[ \t]+Staten)|(?P<college>[Bb]urgemeester[ \t]+en[ \t]+"
    r"[Ww]ethouders))\b(?![ \t]+van\b)"
)


def letterhead_board(text: str, sender: Found, head_end: int) -> Found:
    """The sender with the board its letterhead names first, where it is of the sender's kind."""
    head = _BOARD_HEAD.match(text, host_title_end_of_blanked(text))
    if head is None or head.start() >= head_end:
        if sender.value.startswith("gm") and _college_line_in_letterhead(text, head_end):
            return replace(sender, detail=COLLEGE)
        return sender
    if head["gs"] and sender.value.startswith("pv"):
        return replace(sender, detail=GS)
    if head["college"] and sender.value.startswith("gm"):
        return replace(sender, detail=COLLEGE)
    return sender


# The board on a line of its own among the letterhead's lines, under the municipality's name and
# addresses and above the addressee: "Stadsplein 1 … www.nieuwegein.nl … Nieuwegein / College van
# Burgemeester en Wethouders. / … / Aan: de leden van de Gemeenteraad …". Not an address block's first
# line: an addressed college has its postal lines under it.
_COLLEGE_LINE = re.compile(
    r"^[ \t]*(?:[Hh]et[ \t]+)?[Cc]ollege[ \t]+van[ \t]+[Bb]urgemeester[ \t]+en[ \t]+[Ww]ethouders[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)
_ADDRESSEE_LINE = re.compile(r"^[ \t]*(?:Aan|AAN)\b", re.MULTILINE)


def _college_line_in_letterhead(text: str, head_end: int) -> bool:
    line = _COLLEGE_LINE.search(text, 0, head_end)
    if line is None:
        return False
    addressee = _ADDRESSEE_LINE.search(text, 0, head_end)
    if addressee is None or addressee.start() < line.start():
        return False
    following = re.compile(r"\n[ \t]*([^\n]*)").match(text, line.end())
    return following is None or not (POSTAL.match(following[1]) or ADDRESS_LINE.match(following[1]))


def host_title_end_of_blanked(text: str) -> int:
    """Past a document host's title line whose furniture was blanked: the title line, then at least
    two blank lines, then the letter; else 0."""
    match = re.match(r"[^\n]*\S[^\n]*\n(?:[ \t]*\n){2,}", text)
    return match.end() if match else 0


# A letterhead that prints the body's addresses first and its name under them, above the addressee:
# "Victorialaan 1 … 's-Hertogenbosch / Postbus 88 | 5430 AB Cuijk / (0485) -338 300 / …@… | www… /
# Omgevingsdienst Brabant Noord / Aan de Provinciale Staten …".
_OWN_ADDRESS_LINE = re.compile(
    r"[ \t]*(?:postbus\b|[^\n]*\b[1-9][0-9]{3}[ \t]?[A-Z]{2}\b|[^\n]*@|[^\n]*\bw[ \t]?w[ \t]?w[ \t]?\.|"
    r"\(?0[0-9]{2,3}\)?[ \t]?-?[0-9 ]{6,}|(?:[A-Z][\w'-]*[ \t]+){1,3}[0-9]+[a-z]?\b|"
    r"[^\n]*\b[1-9](?:[ \t][0-9]){3}[ \t]+[A-Z]{2}\b)",  # a letter-spaced line: "G i l d e k a m p 8 | 5 4 3 1 SP"
    re.IGNORECASE,
)


def _name_under_own_address(text: str, found: Sequence[OrgMention]) -> OrgMention | None:
    lines = list(re.finditer(r"[^\n]*\S[^\n]*", text[: min(len(text), 800)]))
    first = 1 if host_title_end_of_blanked(text) else 0
    index = first
    while index < len(lines) and _OWN_ADDRESS_LINE.match(lines[index][0]):
        index += 1
    if index - first < 2 or index + 1 >= len(lines) or not ADDRESS_LINE.match(lines[index + 1][0]):
        return None
    line = lines[index]
    named = [m for m in found if line.start() <= m.start and m.end <= line.end() and m.resolved]
    if len(named) == 1 and len(line[0].strip()) - (named[0].end - named[0].start) < 10:
        return named[0]
    return None


# A province's logo whose name the text layer lost: the letter opens with the word "provincie" alone
# ("provincie De raden van alle gemeenten in de provincie Limburg …"); the province is the one the
# letter names.
_BARE_PROVINCE = re.compile(
    r"\s*(?:[0-9]{1,2}[ \t]+)?provincie(?=[ \t]*\n|[ \t]+(?:De|Het|Aan|Gedeputeerde|T\.?a\.?v)\b)",
    re.IGNORECASE,
)


def _bare_province_logo(text: str, found: Sequence[OrgMention]) -> OrgMention | None:
    if not _BARE_PROVINCE.match(text, host_title_end_of_blanked(text)):
        return None
    provinces = [
        m
        for m in found
        if m.resolved
        and m.value.startswith("pv")
        # the province of the address ("provincie Aan het College van Gedeputeerde Staten van de
        # Provincie Noord-Holland") or of the subject is not the logo's
        and not _IN_A_PHRASE.search(text, line_start_of(text, m.start), m.start)
    ]
    if len({m.value for m in provinces}) != 1:
        return None
    return provinces[0]


# A body named inside a phrase on its line is what the line is about, not the letterhead: the subject
# ("Onderwerp: Samenwerking met de provincie Gelderland"), a title ("Inloopavond voor de gemeente X"),
# the address or a heading that names the addressee ("Aan het College van Gedeputeerde Staten van de
# Provincie …", "Vragen aan de A.V. en het D.B. van het Waterschap …").
# A letterhead's line opens with the body (a logo's letters or a number before it at most).
# ("In Holland Rijnland werken samen:" is a joint body's letterhead: "in" is left out.)
_IN_A_PHRASE = re.compile(
    r"(?:\b(?:onderwerp|betreft|inzake|kenmerk|aan)\b"
    # (within the label's or address's phrase: a sentence's end or a salutation closes it, an
    # abbreviation's full stop does not: "Vragen aan de A.V. en het D.B. van het Waterschap …")
    r"(?:(?!\b(?:geachte?|beste)\b)[^\n.]|\.(?=\S)|\.[ \t]+(?=[a-z]))*"
    r"|\b(?:met|en|voor|door|over|bij|tussen|naar|op|tot|uit|om|tegen|namens|binnen)[ \t]+"
    r"(?:(?:de|het|een)[ \t]+)?)\Z",
    re.IGNORECASE,
)


# A title that names a body's budget or planning paper is about the body, not its letterhead: "Begroting
# Veiligheidsregio Flevoland" (a municipality's press release), "Ontwerp beleidsbegroting 2021 GGD
# West-Brabant" (a college's decision on the GGD's draft), "Zienswijze kadernota 2020 Omgevingsdienst …".
_DOCUMENT_TITLE = re.compile(
    r"\b[\w-]*(?:begroting|rekening|jaarstukken|jaarverslag|kadernota|kaderbrief|zienswijzen?|"
    r"uitgangspunten(?:nota)?|voorjaarsnota|beleidsplan|bestuursrapportage)"
    r"(?:[ \t]+[0-9]{4}(?:[ \t]*[-–/][ \t]*[0-9]{4})?)?[ \t]+(?:(?:van|de|het|der)[ \t]+)*\Z",
    re.IGNORECASE,
)


# An address set over two lines: the second opens with "van", "der" or "des" ("Aan het College van
# Gedeputeerde Staten" / "van de Provincie Noord-Holland"); a letterhead's line never does.
_NAME_CONTINUED = re.compile(r"[ \t]*(?:van|der|des)\b", re.IGNORECASE)


def line_start_of(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


_ATTENTION_OPENS = re.compile(r"\s*(?:t\.?\s?a\.?\s?v\.?|ter\s+attentie\s+van)(?=\s)", re.IGNORECASE)
# A mail header's line of receivers: the body on it is sent to, or sent a copy.
_RECEIVER_LABEL = re.compile(r"[ \t]*(?:aan|cc|bcc|kopie|to)[ \t]*:", re.IGNORECASE)
# A mail program's print opens with the name of the mailbox it was printed from, over a rule and the
# message's header: the receiver's, never the writer's letterhead.
_PRINTED_MAILBOX = re.compile(r"[^\n]*\n[ \t]*_{10,}[ \t]*\n\s*(?:Van|From)[ \t]*:", re.IGNORECASE)


def council_line(text: str, mention: OrgMention) -> bool:
    """Whether `mention` is a province's Staten or a municipality's council named alone on its line: an
    addressee's line ("Provinciale Staten van Overijssel", "Gemeenteraad van Amsterdam"), never a
    letterhead (they write no letters of their own)."""
    if mention.body not in (PS, COUNCIL) or not mention.resolved:
        return False
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    end = len(text) if end < 0 else end
    return not text[start : mention.start].strip() and not text[mention.end : end].strip(" \t,")


# A receiver's stamp under a body's name: "Ontvangen" or "Ingekomen" on a short line of its own (a
# stamp's, not a sentence's) within the next four lines.
_RECEIPT_BELOW = re.compile(
    r"(?:[^\n]*\n){1,4}?[ \t]*(?=[^\n]{0,40}$)[^\n]*\b(?i:ontvangen|ingekomen)\b", re.MULTILINE
)


def letterhead_sender(text: str, found: Sequence[OrgMention], head_end: int) -> OrgMention | None:
    """An organisation named on a short line among the first lines of the letter, not in an address
    block: a body directly above a postal address is the addressee, unless another body's line
    comes between them (then the first is the letterhead and the second the address)."""
    first_lines = min(end_of_lines(text, 0, 4), 300)
    leading = len(text) - len(text.lstrip())
    first_block = text.find("\n\n", leading)
    second_line = end_of_lines(text, leading, 2)
    run_together = (
        _run_together_letterhead(text, found, head_end)
        or _name_under_own_address(text, found)
        or _bare_province_logo(text, found)
    )
    if run_together is not None:
        return run_together
    for mention in found:
        if mention.start >= min(first_lines, head_end) or not mention.resolved:
            continue
        line = line_at(text, mention.start)
        if (
            len(line.strip()) > 100
            or ADDRESS_LINE.match(line)
            or re.match(
                r"\s*(?:(?:het|de)\s+(?:college|gemeenteraad|raad|dagelijks|algemeen|leden|voorzitter|burgemeester)|leden)\b",
                line,
                re.IGNORECASE,
            )
        ):
            continue  # "Het college van …" / "De gemeenteraad …" open an address, not a letterhead
        if re.search(
            r"\baan\s+(?:het\s+|de\s+)?$", text[max(0, mention.start - 12) : mention.start], re.IGNORECASE
        ):
            continue  # a heading "Vragen aan het College van Veere …" names the addressee
        if council_line(text, mention):
            continue  # "Gemeenteraad van Amsterdam" alone on its line: the addressee
        next_line = text.find("\n", mention.end)
        if next_line >= 0 and _ATTENTION_OPENS.match(text, next_line + 1):
            # "Gemeente Amsterdam Advocaat" / "t.a.v. de burgemeester …": an address, whatever a second
            # column OCR'd into its line ("Advocaat", the writer's own block beside it)
            continue
        if _RECEIVER_LABEL.match(line):
            continue  # "CC: Gemeente Raalte", "To: …": a mail header's receivers, not its letterhead
        if _PRINTED_MAILBOX.match(text, line_start_of(text, mention.start)):
            continue  # "Postbus Info | Gemeente Berkelland" over a rule and "Van:": the mailbox that printed it
        if _IN_A_PHRASE.search(text, line_start_of(text, mention.start), mention.start):
            continue  # "Onderwerp: Samenwerking met de provincie Gelderland", a title "… met de gemeente X"
        if _DOCUMENT_TITLE.search(text, line_start_of(text, mention.start), mention.start):
            continue  # a title "Begroting Veiligheidsregio Flevoland": the body's paper, not its letterhead
        if _NAME_CONTINUED.match(line):
            continue  # "Aan het College van Gedeputeerde Staten / van de Provincie Noord-Holland": the address
        if _RECEIPT_BELOW.match(text, mention.end):
            continue  # "Gemeente / Amsterdam / AANGETEKEND … / 20 MART 2018 / Ontvangen": the receiver's stamp
        near = text[mention.end : end_of_lines(text, mention.end, _address_lines(text, mention.end))]
        if first_block >= 0 and mention.start > max(first_block, second_line):
            if SENDER_ADDRESS.search(
                near
            ):  # "Burgemeester van Utrecht / Postadres Postbus …" under a page title
                return mention
            continue  # below the first block: an address, the letterhead was above
        postal = POSTAL.search(near)
        if postal and not SENDER_ADDRESS.search(near):
            between = [
                m
                for m in found
                if mention.end < m.start < mention.end + postal.start()
                and m.resolved
                and m.value != mention.value
            ]  # "Gemeente Amsterdam / De burgemeester van Amsterdam / Postbus 202": one body's address
            if not between and not _address_follows(text, mention.end + postal.end(), head_end):
                continue
        return mention
    return None


# "Gemeente Almelo / t.a.v. [name] / Haven Zuidzijde 30 / 7607 EW ALMELO": under an attention line the
# postal address may come a line later, after the street; OCR may set a blank line between the body's
# name and its attention line ("Gemeente Enschede" / "" / "t.a.v. Burgemeester en wethouders" / "Postbus 20").
_ATTENTION_NEXT = re.compile(
    r"[ \t]*\n(?P<blank>[ \t]*\n)?[ \t]*(?:t\.?\s?a\.?\s?v\.?|ter\s+attentie\s+van)\b", re.IGNORECASE
)


# "Waterschap Rivierenland / Dagelijks Bestuur / t.a.v. … / Postbus 599": the body's board on a line of its
# own under its name, before the attention line and the postal address (a board line alone: see BOARD_LINE).
BOARD_LINE = re.compile(
    r"[ \t]*(?:(?:het|de)[ \t]+)?(?:college[ \t]+van[ \t]+)?(?:burgemeester[ \t]+en[ \t]+wethouders|"
    r"b[ \t]*(?:&|en)[ \t]*w|dijkgraaf[ \t]+en[ \t]+(?:hoog)?heemraden|gedeputeerde[ \t]+staten|"
    r"dagelijks[ \t]+bestuur|algemeen[ \t]+bestuur)[ \t.,]*$",
    re.IGNORECASE | re.MULTILINE,
)


# Under a body's name in an address block, the person or post the letter is written to, on lines of
# their own before the postal line: "De burgemeester van Amsterdam", "Mevrouw drs. F. Halsema".
_ADDRESSED_PERSON = re.compile(
    r"[ \t]*\n[ \t]*(?:(?:de|het)[ \t]+)?(?:mevrouw|de[ \t]+heer|dhr\.|mw\.|burgemeester|voorzitter|"
    r"wethouder|griffier|commissaris|dijkgraaf|secretaris|directeur)\b[^\n]{0,60}(?=\n)",
    re.IGNORECASE,
)


# An address block's opening line: "Aan de Minister van …", "Aan het college van …".
_TO_LINE = re.compile(r"^[ \t]*aan[ \t:]+\S", re.IGNORECASE | re.MULTILINE)


def _address_follows(text: str, position: int, head_end: int) -> bool:
    """Whether an address block opened by "Aan" follows, after a blank line, the block ending at `position`:
    then the body over the first postal address is the letterhead ("Gemeente Venlo / Postbus 3434 / 5902
    RK Venlo" over "Aan de Minister van … / Postbus 20011")."""
    blank = text.find("\n\n", position, max(head_end, position))
    return blank >= 0 and _TO_LINE.search(text, blank, max(head_end, blank)) is not None


def _address_lines(text: str, position: int) -> int:
    """How many lines after `position` an address block's postal line may be: two, three under "T.a.v.",
    one more under the body's board on a line of its own."""
    lines = 2
    while lines < 5 and (person := _ADDRESSED_PERSON.match(text, position)) is not None:
        lines, position = lines + 1, person.end()  # "De burgemeester van Amsterdam / Mevrouw …" under it
    board = re.compile(r"[ \t]*\n").match(text, position)
    if board is not None and BOARD_LINE.match(text, board.end()):
        lines += 1
        position = BOARD_LINE.match(text, board.end()).end()  # type: ignore[union-attr]
    scrap = re.compile(r"[^\n]*\n(?P<line>[^\n]*)\n").match(text, position)
    if scrap is not None and SCRAP_LINE.fullmatch(scrap["line"]) and POSTAL.match(text, scrap.end()):
        lines += 1  # a unit's word, a redaction's code or OCR's scrap over the postal line
    attention = _ATTENTION_NEXT.match(text, position)
    if attention is None:
        return lines
    return lines + (2 if attention["blank"] else 1)


def kamerstuk_parts(
    text: str,
    kamerstuk: Kamerstuk,
    behalf: Found | None,
    zone: tuple[int, int] | None,
    signatories: tuple[Signatory, ...],
) -> tuple[Found | None, tuple[Signatory, ...]]:
    """A Kamerstuk's sender and signatory. Its heading is no letterhead: a dossier title naming
    municipalities ("Samenvoeging van de gemeenten Bussum, …") is no sender. The heading names the
    ministry, or several writers (no single sender), or none ("BRIEF HOUDENDE …": the closing's
    minister); the one-line closing is the signatory where the ordinary reading found none."""
    sender: Found | None
    if kamerstuk.sender is not None:
        s = kamerstuk.sender
        sender = _found(text, s.value, s.start, s.end, 0.85, kamerstuk.role or None)
    elif kamerstuk.role or kamerstuk.joint or kamerstuk.body_writer:
        sender = behalf
    else:
        sender = behalf or _minister_sender(text, zone)
    closing = closing_signatory(text) if not signatories else None
    if closing is not None:
        name, role = closing
        signatories = (
            Signatory(
                _found(text, name.value, name.start, name.end, 0.85),
                _found(text, role.value, role.start, role.end, 0.9),
                None,
            ),
        )
    return sender, signatories


_MINISTER = re.compile(
    r"(?P<role>[Mm]inister|[Ss]taatssecretaris)\s+van\s+(?P<name>[A-Z][\w-]*(?:\s+(?:en|van|voor)?\s*[A-Z][\w-]*){0,5}"
    # a ministry named as a list: "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"
    r"(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+en\s+[A-Z][\w-]*)?)"
)


def sender(
    text: str,
    behalf: Found | None,
    found: Sequence[OrgMention],
    head_end: int,
    signatories: Sequence[Signatory],
    zone: tuple[int, int] | None,
) -> Found | None:
    """Who sends: the body the signature block names, else the letterhead, else the signer's post."""
    head = letterhead_sender(text, found, head_end)
    if behalf is not None:
        if behalf.value.startswith(("gm", "pv", "ws", "so")):
            return behalf
        if head is None:
            return _college_without_its_place(text, behalf, found, head_end) or behalf
        if behalf.detail is None and AUDIT_WORD.search(behalf.value):
            return (
                behalf  # "Rekenkamer Rotterdam", whatever the footer's domain ("www.rekenkamer.rotterdam.nl")
            )
        return _found(text, head.value, head.start, head.end, 0.75, behalf.detail)
    if head is not None:
        return from_mention(text, head, 0.7)
    ministry = _ministry_letterhead(text, found)
    if ministry is not None:
        return from_mention(text, ministry, 0.65)
    minister = _minister_sender(text, zone)
    if minister:
        return minister
    if zone is not None:  # "Aad Scheffer / Provincie Noord-Brabant | Postbus …" under the closing
        below = [m for m in found if zone[0] <= m.start < zone[1] and m.resolved]
        names = sorted(s.name.start for s in signatories if s.name is not None)
        if below and len(names) > 1 and below[0].start < names[-1]:
            # "Maud Maartens / Projectleider / Gemeente Purmerend / Joost de Vries / … / Intermaris":
            # the body under the first of two signers is only that signer's; the letter has two writers
            return None
        if below:
            return from_mention(text, _employer(text, zone, below), 0.6)
    for signatory in signatories:
        role = signatory.role
        if role and role.detail:
            return _found(text, role.detail, role.start, role.end, 0.55)
    return _own_municipality(text, found, signatories, head_end) or _own_province(text, found, head_end)


def registered_body(written: Found) -> Found:
    """A body written by the short name the register also knows it by ("de Afdeling bestuursrechtspraak",
    "Kadaster"): its code; a municipality or province is read by the mentions, never here."""
    if is_tooi_code(written.value):
        return written
    known = load_gazetteer().resolve(re.sub(r"^(?:de|het)\s+", "", written.value, flags=re.I), fuzzy=False)
    if known is None or known.score < 1.0 or known.code.startswith(("gm", "pv")):
        return written
    return replace(written, value=known.code)


def _employer(text: str, zone: tuple[int, int], below: Sequence[OrgMention]) -> OrgMention:
    """Of the bodies a signature block names, the one its contact addresses' domain names: an officer
    who serves two bodies lists both ("Veiligheidsregio …" over "Gemeente …") and mails from the one
    that employs them, in the contact lines under the block; else the first named."""
    if len({m.value for m in below}) > 1:
        contact_end = min(quoted_message_start(text), zone[1] + 400)
        own = own_address_name(text, None, zone[0], contact_end)
        if own is not None:
            return next((m for m in below if m.value == own.value), below[0])
    return below[0]


def _college_without_its_place(
    text: str, behalf: Found, found: Sequence[OrgMention], head_end: int
) -> Found | None:
    """The college "Namens het college van burgemeester en wethouders," signs for without its place,
    where the letter has no letterhead (or OCR lost it): that of the one municipality the later pages'
    running header names ("Gemeente Amsterdam Datum 20 augustus 2020 / Kenmerk …"), else that of the one
    municipality whose domain every contact address of the letter has ("Postbus 136 | 4100 AC Culemborg
    | www.culemborg.nl" in the footer), else that of the one municipality a footer line names with its
    postal address, else None."""
    if behalf.detail != COLLEGE:
        return None
    own = running_header_sender(text, found, head_end)
    if own is not None and own.value.startswith("gm"):
        return replace(own, detail=COLLEGE)
    mailed = own_address_name(text, None, 0, quoted_message_start(text))
    if mailed is not None and mailed.value.startswith("gm"):
        return _found(text, mailed.value, behalf.start, behalf.end, 0.6, COLLEGE)
    footer = _footer_municipality(text, found, behalf.end)
    if footer is not None:
        return _found(text, footer.value, footer.start, footer.end, 0.6, COLLEGE)
    return None


def _footer_municipality(text: str, found: Sequence[OrgMention], after: int) -> OrgMention | None:
    """The one municipality a footer line under the signature names with its postal address ("Gemeente
    Hoeksche Waard   Postbus 1000   3260 MA Oud-Beijerland"), if one line does."""
    named = {
        m.value: m
        for m in found
        if m.start >= after and m.value.startswith("gm") and POSTAL.search(line_at(text, m.start))
    }
    return next(iter(named.values())) if len(named) == 1 else None


_BW_WORDS = r"burgemeester[ \t]+(?:en|&)[ \t]+wethouders"


# A memo's sender line that names the college but not its municipality: "Van : Burgemeester en Wethouders";
# a raadsvoorstel's "Indiener: college van burgemeester en wethouders".
FROM_COLLEGE = re.compile(
    rf"(?:^|(?<=\s))(?:Van|Indiener)[ \t]*:[ \t]*(?:het[ \t]+)?(?:college[ \t]+van[ \t]+)?"
    rf"{noisy('burgemeester en wethouders')}"
    r"(?![ \t]+van\b)",
    re.IGNORECASE | re.MULTILINE,
)
# A raadsvoorstel as a council's web site sets it: "Het college van burgemeester & wethouders stelt voor :"
# opens the proposed decision (the college proposes to its own council).
COLLEGE_PROPOSES = re.compile(
    rf"^[ \t]*(?:het[ \t]+)?college[ \t]+van[ \t]+{_BW_WORDS}[ \t]+stelt[ \t]+(?:(?:de|uw)[ \t]+raad[ \t]+)?voor\b",
    re.IGNORECASE | re.MULTILINE,
)
# A raadsvoorstel's heading: "Voorstel van college danwel burgemeester aan gemeenteraad", "Voorstel van
# burgemeester en wethouders aan de raad". Its sender is the college only where it names no other.
PROPOSAL = re.compile(
    r"\b(?:[Rr]aads)?[Vv]oorstel[ \t]+van[ \t]+(?P<from>(?:het[ \t]+)?college(?P<either>[ \t]+(?:danwel|dan wel|of)"
    r"[ \t]+(?:de[ \t]+)?burgemeester)?|burgemeester[ \t]+en[ \t]+wethouders)[ \t]+aan[ \t]+(?:de[ \t]+)?"
    r"(?P<body>gemeenteraad|raad)\b",
    re.IGNORECASE,
)
_MUNICIPAL_POSTS = {"burgemeester", "loco-burgemeester", "wethouder", "gemeentesecretaris"}
MEMO_HEAD = 600  # characters at least in which a memo's or proposal's heading lines are looked for


def memo_head_end(text: str, head_end: int) -> int:
    """Where the search for a memo's or proposal's heading lines ends: the letter's head, or its first
    MEMO_HEAD characters when the head is shorter."""
    return min(len(text), max(head_end, MEMO_HEAD))


# A memo's sender line naming its writer by a municipal post: "Van: Erik van Heijningen, waarnemend
# burgemeester Hellevoetsluis", "Van: wethouder Jansen" (on a line of its own or in a header run into one).
FROM_POST = re.compile(
    r"(?:^|(?<=\s))Van[ \t]*:[ \t]*(?:[^\n:]{0,60}?[ \t,])?(?:waarnemend[ \t]+|loco-)?"
    r"(?:burgemeester|wethouder|gemeentesecretaris)\b(?![ \t]+(?:en|&)[ \t]+wethouders)",
    re.IGNORECASE | re.MULTILINE,
)
# The province's counterpart: Gedeputeerde Staten's proposal or memo to their Staten, "Voorstel van GS
# aan PS", "Voordracht van Gedeputeerde Staten aan Provinciale Staten", "Statenvoorstel van GS aan PS",
# or a paper headed "Statenvoorstel" (nr. …), which Gedeputeerde Staten send to the Staten.
STATES_PROPOSAL = re.compile(
    r"\b(?:[Ss]taten)?(?:[Vv]oorstel|[Vv]oordracht|[Nn]ota|[Bb]rief)[ \t]+van[ \t]+(?:GS|[Gg]edeputeerde[ \t]+[Ss]taten)"
    r"[ \t]+aan[ \t]+(?:PS|[Pp]rovinciale[ \t]+[Ss]taten)\b"
    r"|^[ \t]*(?:[0-9]{1,2}[ \t]+)?(?-i:Statenvoorstel|STATENVOORSTEL)(?=[ \t]+(?:[Nn]r\.?|[Nn]ummer)?[ \t]*[A-Z0-9])",
    re.MULTILINE,
)


def _own_province(text: str, found: Sequence[OrgMention], head_end: int) -> Found | None:
    """The province of Gedeputeerde Staten's proposal to their Staten (see above): the one province the
    paper names ("De provincie Overijssel wil …"), else none. A logo OCR damaged ("provincie jjqj^land
    ZUID") leaves the province named as a place only ("… rijksmonumenten Zuid-Holland 2013"); those
    names count too, so a paper that names another province anywhere (its subject, its body) has no
    one province and no sender is read from it."""
    proposal = STATES_PROPOSAL.search(text, 0, memo_head_end(text, head_end))
    if proposal is None:
        return None
    provinces = {m.value for m in found if m.resolved and m.value.startswith("pv")}
    named = {
        resolved.code
        for word in _PROVINCE_NAME.finditer(text)
        if (resolved := load_gazetteer().resolve(word[0], kinds=("provincie",), fuzzy=False)) is not None
    }
    if len(provinces | named) != 1:
        return None
    if provinces:
        mention = next(m for m in found if m.value in provinces)
        return _found(text, mention.value, *proposal.span(), 0.55, GS)
    return _found(text, named.pop(), *proposal.span(), 0.5, GS)


_PROVINCE_NAME = re.compile(
    r"(?<![\w-])(?:Groningen|Frysl[aâ]n|Friesland|Drenthe|Overijssel|Flevoland|Gelderland|Utrecht|Noord-Holland|"
    r"Zuid-Holland|Zeeland|Noord-Brabant|Limburg)(?![\w-])"
)


def _own_municipality(
    text: str, found: Sequence[OrgMention], signatories: Sequence[Signatory], head_end: int
) -> Found | None:
    """The municipality of a writer who names his post but not its place ("Burgemeester Jannewietske
    de Vries", a memo "Van: …, waarnemend burgemeester …", a raadsvoorstel "Van : Burgemeester en
    Wethouders"): the one municipality the letter names ("de inwoners van de gemeente Súdwest-Fryslân",
    "de gemeente Amersfoort"), else none."""
    end = memo_head_end(text, head_end)
    memo = FROM_COLLEGE.search(text, 0, end) or COLLEGE_PROPOSES.search(text, 0, end)
    proposal = PROPOSAL.search(text, 0, end)
    post_named = any(s.role is not None and s.role.value in _MUNICIPAL_POSTS for s in signatories)
    from_post = FROM_POST.search(text, 0, end)
    if memo is None and proposal is None and not post_named and from_post is None:
        return None
    municipalities = {m.value for m in found if m.resolved and m.value.startswith("gm")}
    if len(municipalities) != 1:
        return None
    mention = next(m for m in found if m.value in municipalities)
    if memo is not None:
        return _found(text, mention.value, memo.start(), memo.end(), 0.55, COLLEGE)
    if proposal is not None:  # "college danwel burgemeester" leaves the body open
        body = None if proposal["either"] else COLLEGE
        return _found(text, mention.value, *proposal.span("from"), 0.55, body)
    if not post_named and from_post is not None:  # the memo's writer: a post, no body of the municipality
        return _found(text, mention.value, mention.start, mention.end, 0.5, None)
    return from_mention(text, mention, 0.55)


# A council party writing to a board names itself as the subject of its requests: "De BSD-fractie
# verzoekt uw college …", "… verzoekt de BSD-fractie uw college …".
# The verb may come first: "Hierover heeft de PVV Noord-Brabant de volgende vragen".
_PARTY_NAME = rf"(?P<name>[A-Z][\w/&+-]*-fractie|fractie\s+van\s+de\s+(?:{PARTIES})|(?:{PARTIES})(?:[ \t]+[A-Z][\w-]+)?)"
_SELF_NAMED_PARTY = re.compile(
    rf"\b[Dd]e\s+{_PARTY_NAME}\s+(?:heeft|vraagt|verzoekt|constateert|wil|acht|stelt|"
    r"ziet|neemt|wenst|is|uw)\b"
    rf"|\b(?:heeft|stelt|vraagt|verzoekt)\s+de\s+{_PARTY_NAME.replace('?P<name>', '?P<asker>')}\s+"
    r"(?:de\s+volgende|u|uw)\b"
)
# "namens" inside a sentence or heading, naming a party: "… namens Lijst Babijn …", "… namens de
# CDA-Statenfractie."
_NAMENS_PARTY = re.compile(
    rf"\bnamens[ \t]+(?:de[ \t]+)?(?P<who>Lijst[ \t]+[A-Z][\w-]+|[A-Z][\w/&+-]*-(?:[Ss]taten|[Rr]aads)?fractie|"
    # "namens de fractie van GroenLinks", "namens de fractie van de VVD"
    rf"fractie[ \t]+van[ \t]+(?:de[ \t]+)?(?:(?:{PARTIES})(?![\w-])|[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+)?)|"
    rf"(?:{PARTIES})(?![\w-]))"
)
# A council member's written questions on the council's own form ("Gemeente Amsterdam" / "Schriftelijke
# vragen" / "… ondergetekende, namens de fractie van <partij>, … vragen"): the party
# writes them, not the municipality whose form it is. The college's answer quotes the same sentence under
# its "Beantwoording": that is the college's.
_QUESTIONS_FORM = re.compile(
    r"\bschriftelijke[ \t]+vragen\b|\bvragen[ \t]+van[ \t]+het[ \t]+(?:raads)?lid\b", re.I
)
_ANSWER_WORD = re.compile(r"\b(?:beantwoord\w*|antwoord\w*)\b", re.IGNORECASE)
_UNDERSIGNED = re.compile(r"\bondergetekenden?[ \t]*,?[ \t]*(?=namens\b)", re.IGNORECASE)


def questioning_party(text: str, head_end: int) -> Found | None:
    """The party whose member puts the written questions on the council's form (see above), or None."""
    if _QUESTIONS_FORM.search(text, 0, max(head_end, 1)) is None:
        return None
    undersigned = _UNDERSIGNED.search(text)
    if undersigned is None or _ANSWER_WORD.search(text, 0, undersigned.start()):
        return None
    party = _NAMENS_PARTY.match(text, undersigned.end())
    if party is None:
        return None
    return _found(text, re.sub(r"\s+", " ", party["who"]), *party.span("who"), 0.6)


_TO_A_BOARD = re.compile(r"Geachte?\s+(?:college|dagelijks\s+bestuur|bestuur)\b", re.IGNORECASE)
# An association of public bodies that names itself as the writer (no register holds it): "Vanuit de VNG
# vragen we uw aandacht …"; "hebt u de Vereniging van Nederlandse Gemeenten (VNG) gevraagd … Graag gaan
# wij in op uw verzoek"; in a letter that gives the municipalities' position ("Wij geven u graag het
# standpunt van de gemeenten … De VNG is … ingenomen met …") the association as the subject. The name as
# written (the full name where the abbreviation follows it in brackets).
_ASSOCIATION = (
    r"VNG|IPO|UvW|Vereniging[ \t]+van[ \t]+Nederlandse[ \t]+Gemeenten|Interprovinciaal[ \t]+Overleg|"
    r"Unie[ \t]+van[ \t]+Waterschappen"
)
_SELF_NAMED_ASSOCIATION = re.compile(
    rf"\bVanuit[ \t]+de[ \t]+(?P<a>{_ASSOCIATION})[ \t]+(?:vragen|geven|willen|delen|sturen|stellen|doen)[ \t]+"
    r"(?:we|wij)\b"
    rf"|\b(?:u[ \t]+(?:hebt|heeft)|(?:hebt|heeft)[ \t]+u)[ \t]+(?:de[ \t]+|het[ \t]+)?(?P<c>{_ASSOCIATION})(?:[ \t]+\([A-Za-z]{{2,5}}\))?[ \t]+"
    r"gevraagd\b[^.]{0,200}\.[ \t\n]+(?:Graag|Hierbij|Hieronder)[ \t]+(?:\w+[ \t]+)?(?:we|wij)\b"
    rf"|(?:^|(?<=[.!?][ \t]))De[ \t]+(?P<b>{_ASSOCIATION})[ \t]+(?:is|vraagt|verzoekt|pleit|steunt|roept|vindt)\b",
    re.MULTILINE,
)
# An association or a foundation that names itself as the writer at a sentence's start: "Als
# Supportersvereniging Ajax constateren wij …", "Als Stichting Groen Dorp vinden wij …". Its name opens
# with a capital and holds such a word (a board's, a council's or a body's kind words are no such name).
_WE_AS = re.compile(
    r"(?:^|(?<=[.!?][ \t]))Als[ \t]+(?P<who>(?:[A-Z][\w'’-]*[ \t]+){0,3}?"
    r"(?=[A-Z])(?i:[\w-]*" + ASSOCIATION_KIND + r")"
    r"(?:[ \t]+(?:[A-Z][\w'’-]*|van|de|het|der|voor|en))*?)[ \t]+[a-z]{3,}[ \t]+(?:wij|we)\b",
    re.MULTILINE,
)
_MUNICIPALITIES_POSITION = re.compile(
    r"\b(?:namens|standpunt[ \t]+van|inbreng[ \t]+van)[ \t]+(?:de[ \t]+)?gemeenten\b", re.IGNORECASE
)


_ASSOCIATION_NAMES = {
    "VNG": "Vereniging van Nederlandse Gemeenten",
    "IPO": "Interprovinciaal Overleg",
    "UvW": "Unie van Waterschappen",
}


def _self_named_association(text: str) -> Found | None:
    names = []
    for match in _SELF_NAMED_ASSOCIATION.finditer(text):
        group = "a" if match["a"] else "c" if match["c"] else "b"
        if group == "b" and not _MUNICIPALITIES_POSITION.search(text):
            continue
        names.append((match, group))
    if len({re.sub(r"\s+", " ", m[g]) for m, g in names}) != 1:
        return None
    match, group = names[0]
    name = re.sub(r"\s+", " ", match[group])
    full = _ASSOCIATION_NAMES.get(name)
    if full and re.search(r"\s+".join(full.split()), text):  # named in full elsewhere (a letterhead)
        name = full
    return _found(text, name, *match.span(group), 0.5)


# An officer who writes for the body calls it "ons waterschap", "onze gemeente", "onze provincie" and
# names it once ("… naar ons sturen: Hoogheemraadschap de Stichtse Rijnlanden, T.a.v. …").
_OUR_BODY = re.compile(
    r"\b(?:ons[ \t]+(?P<ws>waterschap|hoogheemraadschap|wetterskip)|onze[ \t]+(?P<gm>gemeente)|onze[ \t]+(?P<pv>provincie))\b",
    re.IGNORECASE,
)
_PARTY_POSTS = {
    "fractievoorzitter",
    "statenlid",
    "raadslid",
    "fractielid",
    "lid",
    "burgerraadslid",
    "commissielid",
    "woordvoerder",
    "steunfractielid",
    "fractiesecretaris",
}


def _officers_own_body(
    text: str, found: Sequence[OrgMention], signatories: Sequence[Signatory]
) -> Found | None:
    """The body an officer's letter calls its own (see above): every signer has a post, none a
    party's, and the letter names one body of that kind."""
    posts = [s.role.value for s in signatories if s.role is not None]
    if not posts or len(posts) != len(signatories) or any(post in _PARTY_POSTS for post in posts):
        return None
    kinds = {kind for match in _OUR_BODY.finditer(text) for kind in ("ws", "gm", "pv") if match[kind]}
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    bodies = {m.value for m in found if m.resolved and m.value.startswith(kind)}
    if len(bodies) != 1:
        return None
    return from_mention(text, next(m for m in found if m.value in bodies), 0.5)


# The sender's contact line just above the salutation, where a text layer lost the letterhead: its
# name, the officer who handles the letter and a telephone number ("… Waterschap Hunze en Aa's Emiel
# Galetzka (0598) Geachte …", "Gemeente Ede / J. de Boer / (0318) 68 00 00"). An addressee's block holds a
# postal address or "T.a.v." instead.
_CONTACT_AFTER = re.compile(
    r"[ \t\n]+(?:(?:[A-Z][\w.'’-]*|van|de|der|den|ter|ten|te|het)[ \t\n]+){1,6}\(0[0-9]{1,3}\)"
)
_ADDRESS_WORDS = re.compile(r"\bPostbus\b|\bT\.?[ \t]?a\.?[ \t]?v\.?|\b[0-9]{4}[ \t]?[A-Z]{2}\b")


def _contact_line(text: str, found: Sequence[OrgMention], salutation: re.Match[str] | None) -> Found | None:
    if salutation is None:
        return None
    window = max(0, salutation.start() - 160)
    for mention in reversed([m for m in found if window <= m.start < salutation.start() and m.resolved]):
        contact = _CONTACT_AFTER.match(text, mention.end)
        if (
            contact is not None
            and contact.end() <= salutation.start()
            and not _ADDRESS_WORDS.search(text, mention.start, salutation.start())
        ):
            return from_mention(text, mention, 0.5)
    return None


# A committee the register has no record for that offers its work in the opening sentence: "Hierbij
# bied ik u namens de begeleidingscommissie van het gezamenlijke … onderzoek het rapport … aan",
# "Hiermee sturen wij u namens de klankbordgroep … de notitie …". The committee as written.
_OFFERED_ON_BEHALF = re.compile(
    r"\b(?:Hierbij|Hiermee|Bijgaand)\s+(?:bied|stuu?r|zend|doe)\w*\s+(?:ik|wij|we)\s+(?:u\s+)?namens\s+(?:de|het)\s+"
    r"(?P<who>[\w-]*(?:commissie|werkgroep|stuurgroep|klankbordgroep)\b(?:\s+van\s+(?:de|het)\s+[^,.;:\n]{3,80}?)?)"
    r"(?=\s+(?:het|de|een|ons|onze|mijn|bijgaand\w*)\s)",
    re.IGNORECASE,
)


# A letter's head that names its writer on a "Van:" line, a residents' group or an association (its name
# holds such a word): "Van: het kernteam KOO! (Klankbordgroep Oud Osdorp) / bewoners van …". An e-mail's
# "Van:" (a "Verzonden:" line under it) names a person's mailbox, not this.
_FROM_ASSOCIATION = re.compile(
    r"^[ \t]*Van[ \t]*:[^\n]*?(?<![\w-])(?P<who>(?:[A-Z][\w'’-]*[ \t]+){0,3}?(?=[A-Z])"
    # any group, not only a werkgroep: "Klankbordgroep", "Bewonersgroep"
    r"(?i:[\w-]*(?:" + ASSOCIATION_KIND + r"|groep))"
    # (its name in quotation marks: 'Bewonersvereniging “De Miranda-Buurt”')
    r"(?:[ \t]+(?:[A-Z][\w'’-]*|van|de|het|der|voor|en|[“\"„][^”\"\n]{1,40}[”\"]))*)",
    re.MULTILINE,
)
# An e-mail's dispatch line: "Verzonden: dinsdag 4 april 2023 10:12", "Datum: … 13:51:59".
MAIL_DISPATCH = re.compile(
    r"^[ \t]*(?:Verzonden|Sent|Datum|Date)[ \t]*:[^\n]*[0-9]{1,2}:[0-9]{2}", re.MULTILINE
)


# A footer of the writer's name, street and postcode set apart by bars, on every page.
_FOOTER_NAME = re.compile(
    r"^[ \t]*(?P<who>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,4})[ \t]*\|[ \t]*[A-Z][^\n|]*?[0-9]+[a-zA-Z]?"
    r"[ \t]*\|[ \t]*[1-9][0-9]{3}[ \t]?[A-Z]{2}\b",
    re.MULTILINE,
)


# A writer that is no public body prints its own name over its address under the closing, on one line
# ("Bosgroep Zuidoost | Heideweg 3 | 9411 AB Beilen") or on lines of their own ("Groenbeheer Oost nv" /
# "Industrieweg 12" / "7511 AB ENSCHEDE"). Its name says what it is: an association's or a group's
# word, or a company's legal form.
_WRITER_KIND = re.compile(
    r"(?i:[\w-]*(?:"
    + ASSOCIATION_KIND
    + r"|groep))(?![\w-])|(?<![\w.])(?:[Nn]\.?[Vv]\.?|[Bb]\.?[Vv]\.?)(?![\w])"
)
_STREET = r"[A-Z][^\n|0-9]{2,40}?[ \t]+[0-9]+(?:-[0-9]+)?[ \t]?[a-zA-Z]?"
_POSTCODE = r"[1-9][0-9]{3}[ \t]?[A-Z]{2}[ \t]+[A-Za-z'’ -]{2,30}"
_LINES_BETWEEN = r"[ \t]*\n(?:[ \t]*\n)?[ \t]*"  # a line break, and a blank line at most
_WRITER_ADDRESS = re.compile(
    r"^[ \t\f]*(?P<who>[A-Z][\w&'’.-]*(?:[ \t]+[\w&'’.-]+){0,4})[ \t]*"
    rf"(?:\|[ \t]*{_STREET}[ \t]*\|[ \t]*{_POSTCODE}"
    # on lines of their own, the street and the postcode on one line too ("Woudenbergseweg 56-58, 3707 HX Zeist")
    rf"|{_LINES_BETWEEN}{_STREET}(?:[ \t]*,[ \t]*|{_LINES_BETWEEN}){_POSTCODE})[ \t]*$",
    re.MULTILINE,
)


# A postal address in a letter's head: a street and number over a postcode and place ("Woudenbergseweg
# 56-58" / "3707 HX Zeist"), or "Postbus 515" over them.
_HEAD_ADDRESS = re.compile(
    rf"^[ \t]*(?:{_STREET}|[Pp]ostbus[ \t]+[0-9]+)[ \t]*\n[ \t]*{_POSTCODE}[ \t]*$", re.MULTILINE
)


def associations_writing_together(text: str, head_end: int) -> tuple[Found, tuple[Found, ...]] | None:
    """Associations that write one letter together, each on a "Van:" line of the head with its address
    ("Van: Bewonersvereniging “De Kade”" / its street / … / "Van: Vereniging …" / …): the group named
    after them, and each as written (as joint_boards gives bodies that sign together); None where fewer
    than two do, or where the lines are an e-mail's."""
    writers: dict[str, Found] = {}
    for line in _FROM_ASSOCIATION.finditer(text, 0, max(head_end, 1)):
        if MAIL_DISPATCH.search(text, line.end(), line.end() + 200):
            return None
        name = re.sub(r"\s+", " ", line["who"])
        writers.setdefault(name, _found(text, name, *line.span("who"), 0.5))
    if len(writers) < 2:
        return None
    members = tuple(writers.values())
    return _found(text, listed(list(writers)), members[0].start, members[-1].end, 0.5), members


# A public body's kind opening its name, where the register has no record for it: "Gemeenschappelijke
# Regeling Drechtsteden", "Omgevingsdienst …", "Recreatieschap …".
_BODY_KIND_NAME = re.compile(
    r"[ \t]*(?P<name>(?:Gemeenschappelijke[ \t]+Regeling|Omgevingsdienst|Veiligheidsregio|Recreatieschap|"
    r"Regionale[ \t]+Uitvoeringsdienst|Belastingsamenwerking|GGD|Werkvoorzieningsschap|Samenwerkingsverband)"
    r"(?:[ \t]+[A-Z][\w'’-]*){1,4})[ \t]*$"
)


def unregistered_letterhead(text: str, head_end: int) -> Found | None:
    """The writer a letterhead names that the register does not hold: a public body's kind and name on
    the first line, over its postal address, with an address block opened by "Aan" after it
    ("Gemeenschappelijke Regeling Drechtsteden / Postbus 619 / … / Aan de gemeenteraden van …"): the
    name as written; None otherwise."""
    first = re.match(r"\s*([^\n]*)", text)
    if first is None:
        return None
    name = _BODY_KIND_NAME.fullmatch(first[1])
    if name is None:
        return None
    # the block ends at a blank line (in a text whose every line break OCR doubled, at two)
    block_end = text.find("\n\n\n\n" if doubled_line_breaks(text) else "\n\n", first.end(1))
    if block_end < 0 or not POSTAL.search(text, first.end(1), block_end):
        return None
    if not _address_follows(text, block_end - 1, head_end):
        return None
    start = first.start(1) + name.start("name")
    return _found(text, name["name"], start, start + len(name["name"]), 0.6)


def head_address(text: str, end: int) -> bool:
    """Whether a postal address stands on lines of their own in text[:end] (see above)."""
    return _HEAD_ADDRESS.search(text, 0, end) is not None


def _signature_address_writer(text: str) -> Found | None:
    """The writer's own name over its address within a few lines under the closing (of the text's own
    message, not a quoted one's), where that name says it is an association, a group or a company."""
    end = quoted_message_start(text) or len(text)
    closing = last_closing(text, 0, end)
    if closing is None:
        return None
    window_end = end
    position = closing.end()
    lines = 0
    while lines < 8:  # the closing, a name or redaction marks, the writer's lines; blank lines not counted
        following = text.find("\n", position + 1)
        if following < 0:
            break
        lines += bool(text[position:following].strip())
        position = following
    window_end = min(end, position + 200)
    for match in _WRITER_ADDRESS.finditer(text, closing.end(), window_end):
        who = re.sub(r"\s+", " ", match["who"]).strip()
        if match.start("who") > position or not _WRITER_KIND.search(who):
            continue
        if NAME.fullmatch(who) is not None and not looks_like_body(who):
            continue  # a person's name over an address
        return _found(text, who, *match.span("who"), 0.5)
    firm = _FIRM_LINE.search(text, closing.end(), min(window_end, position))
    if firm is not None:  # "Vriendelijke groet, / Baars-CIPRO B.V.": a company signs with its legal form
        return _found(text, re.sub(r"\s+", " ", firm["who"]), *firm.span("who"), 0.5)
    return None


# A company's name with its legal form on a line of its own under the closing ("Koninklijke Van der Most
# B.V.", "Stadsherstel Amsterdam NV."): the writer, as written ("B.V." whole, a full stop after "NV" left off).
_FIRM_LINE = re.compile(
    r"^[ \t\f]*(?P<who>[A-Z][\w&'’.-]*(?:[ \t]+[\w&'’.-]+){0,4}?[ \t]+(?-i:B\.V\.|N\.V\.|B\.V|N\.V|BV|NV))\.?[ \t]*$",
    re.MULTILINE,
)


def unsigned_sender(
    text: str,
    head_end: int,
    salutation: re.Match[str] | None,
    date: str | None,
    found: Sequence[OrgMention] = (),
    signatories: Sequence[Signatory] = (),
) -> Found | None:
    """A sender the signature block and letterhead do not name: the web address the letterhead
    prints, else the one council party that, writing to a board, names itself as the asker. A writer's
    own name over its address under the closing comes first: a company's e-mail with the addresses of
    the municipality it writes to is no municipality's."""
    writer = _signature_address_writer(text)
    if writer is not None:
        return writer
    # the writer's own addresses are in the writer's own message, not in the messages it answers
    web = web_address_name(text, 0, head_end, date) or own_address_name(
        text, date, 0, quoted_message_start(text)
    )
    if web is not None:
        return from_mention(text, web, 0.6)
    contact = _contact_line(text, found, salutation)
    if contact is not None:
        return contact
    offered = _OFFERED_ON_BEHALF.search(text, 0, min(len(text), max(head_end, 600) + 400))
    if offered is not None:  # "Hierbij bied ik u namens de begeleidingscommissie … het rapport … aan"
        return _found(text, re.sub(r"\s+", " ", offered["who"]), *offered.span("who"), 0.5)
    ours = _officers_own_body(text, found, signatories)
    if ours is not None:
        return ours
    named = {m["who"] for m in _NAMENS_PARTY.finditer(text)}
    if len(named) == 1:  # "Vragen L. Flikweert namens Lijst Babijn aan het College van Sluis."
        who = next(_NAMENS_PARTY.finditer(text))
        return _found(text, who["who"], *who.span("who"), 0.5)
    association = _self_named_association(text)
    if association is not None:
        return association
    writers = {re.sub(r"\s+", " ", m["who"]) for m in _WE_AS.finditer(text)}
    if len(writers) == 1:  # "Als Supportersvereniging Ajax constateren wij …"
        who = next(_WE_AS.finditer(text))
        return _found(text, re.sub(r"\s+", " ", who["who"]), *who.span("who"), 0.5)
    from_lines = list(_FROM_ASSOCIATION.finditer(text, 0, max(head_end, 1)))
    from_line = from_lines[0] if len({m["who"] for m in from_lines}) == 1 else None  # several write together
    if from_line is not None and not MAIL_DISPATCH.search(text, from_line.end(), from_line.end() + 200):
        # a form-like head's "Van: het kernteam KOO! (Klankbordgroep Oud Osdorp)": the group as written
        return _found(text, re.sub(r"\s+", " ", from_line["who"]), *from_line.span("who"), 0.5)
    footers = list(_FOOTER_NAME.finditer(text))
    names = {re.sub(r"\s+", " ", m["who"]) for m in footers}
    person = (
        NAME.fullmatch(footers[0]["who"]) is not None and not looks_like_body(footers[0]["who"])
        if footers
        else False
    )
    if len(footers) >= 2 and len(names) == 1 and not person:
        # every page's footer "BIZ Burgwallen | Oudezijds Achterburgwal 81A | 1012 DC Amsterdam": the
        # writer's own name over its address (a person's name there is no sender)
        return _found(text, names.pop(), *footers[0].span("who"), 0.5)
    if salutation is None or not _TO_A_BOARD.match(salutation[0].strip()):
        return None
    parties = list(_SELF_NAMED_PARTY.finditer(text, salutation.end()))
    names = {m["name"] or m["asker"] for m in parties}
    if len(names) != 1:
        return None
    group = "name" if parties[0]["name"] else "asker"
    return _found(text, parties[0][group], *parties[0].span(group), 0.5)


# What follows a ministry's name when it opens an address rather than a letterhead.
_ADDRESS_FOLLOWS = re.compile(
    r"\s*(?:t\.?\s?a\.?\s?v\.?|ter attentie|postbus|afdeling|directie|de minister|de heer|mevrouw)\b",
    re.IGNORECASE,
)


def _ministry_letterhead(text: str, found: Sequence[OrgMention]) -> OrgMention | None:
    """A ministry's name alone on the letter's first line, as its letterhead prints it ("Ministerie van
    Defensie"), where no address of it follows (a letter to a ministry opens "Ministerie van
    … / t.a.v. …" or "… / Postbus …")."""
    leading = len(text) - len(text.lstrip())
    line_end = text.find("\n", leading)
    line_end = len(text) if line_end < 0 else line_end
    first = next(
        (m for m in found if m.start == leading and m.value.startswith("ministerie van ")),
        None,
    )
    if first is None or text[first.end : line_end].strip() or _ADDRESS_FOLLOWS.match(text, line_end):
        return None
    return first


# The post set in capitals on a line of its own, as a ministry's letter may print it under the closing:
# "DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID,".
_MINISTER_CAPITALS = re.compile(
    r"^[ \t]*(?:DE[ \t]+)?(?P<role>MINISTER|STAATSSECRETARIS)[ \t]+VAN[ \t]+"
    # (a word hyphenated over the line's end: "MINISTER VAN INFRASTRUCT-" / "UUR EN WATERSTAAT,"; or the name
    # wrapped before or after "EN", "VAN", "VOOR": "… VAN INFRASTRUCTUUR" / "EN WATERSTAAT,")
    r"(?P<name>[A-ZÀ-Ý](?:[A-ZÀ-Ý ,'-]|-[ \t]*\n[ \t]*(?=[A-ZÀ-Ý])|[ \t]*\n[ \t]*(?=(?:EN|VAN|VOOR)[ \t])|"
    r"(?:(?<=[ \t]EN)|(?<=[ \t]VAN)|(?<=[ \t]VOOR))[ \t]*\n[ \t]*(?=[A-ZÀ-Ý])){2,90})(?<!-)[ \t]*,?[ \t]*$",
    re.MULTILINE,
)


def _minister_sender(text: str, zone: tuple[int, int] | None) -> Found | None:
    """The ministry of a signature block that opens "De minister van Binnenlandse Zaken en …,"."""
    minister = _MINISTER.search(text, *zone) if zone else None
    capitals = _MINISTER_CAPITALS.search(text, *zone) if zone and minister is None else None
    if capitals is not None and not re.search(r"\b(?:EN|VAN|VOOR)$", capitals["name"].strip(" ,")):
        name = ministry_name(
            re.sub(r"-[ \t]*\n[ \t]*", "", capitals["name"]).strip(" ,")
        )  # no ministry's has a hyphen
        return _found(
            text,
            f"ministerie van {name}",
            capitals.start("role"),
            capitals.end("name"),
            0.8,
            capitals["role"].lower(),
        )
    if minister is None:
        return None
    known = ministry_at(text, minister.start("name"))
    if known is not None:  # a ministry's own name, also as OCR left it ("Landbouw,Natuur enVoedselkwaliteit")
        return _found(text, known[0], minister.start(), known[1], 0.8, minister["role"].lower())
    name = re.sub(r"\s+", " ", minister["name"]).strip()
    return _found(
        text, f"ministerie van {name}", minister.start(), minister.end(), 0.8, minister["role"].lower()
    )


# A later page's running header: "Gemeente Zwolle" on its own line, or before a comma or the header's
# labels ("Gemeente Zwolle, raadsinformatiebrief Datum 3 mei 2022", "Gemeente Zwolle | Kenmerk …"), near a
# page number ("Pagina 2 van 4") or repeated on the pages as the same line.
_PAGE_NUMBER = re.compile(
    r"\b(?:pagina|blad(?:zijde)?|page)[ \t]*(?P<page>[0-9]{1,3})[ \t]*(?:van|/|of)[ \t]*[0-9]{1,3}\b",
    re.IGNORECASE,
)
_HEADER_KIND = re.compile(r"(?:gemeente|provincie|waterschap|hoogheemraadschap|wetterskip)\b", re.IGNORECASE)
_HEADER_GOES_ON = re.compile(
    r"[ \t|]*(?:$|,|(?i:datum|kenmerk|ons[ \t]+kenmerk|pagina|blad|page|onderwerp|zaaknummer|(?:olo[ \t]+)?nummer|referentie)\b)",
    re.MULTILINE,
)


def running_header_sender(text: str, found: Sequence[OrgMention], head_end: int) -> Found | None:
    """The sender a letterhead (scrambled by OCR) does not give, from the running header of the later
    pages: a municipality, province or water board written with its kind word at the start of a line
    near a later page's number ("Gemeente Zwolle" / "Pagina 2 van 3"), or such a line repeated after the
    first page. Only when every such header names the same organisation."""
    heads: list[OrgMention] = []
    for mention in found:
        if mention.start < head_end or not mention.resolved or not _HEADER_KIND.match(text, mention.start):
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        # (a page's form feed may open the line: "\fGemeente Amsterdam Datum …")
        if text[line_start : mention.start].strip(" \t|>\f") or not _HEADER_GOES_ON.match(text, mention.end):
            continue
        heads.append(mention)
    if not heads:
        return None
    lines: dict[str, list[OrgMention]] = {}
    for mention in heads:
        lines.setdefault(" ".join(line_at(text, mention.start).split()).lower(), []).append(mention)
    numbered = []
    for mention in heads:
        start = text.rfind("\n", 0, mention.start) + 1
        # the header's lines above and below it: "Gemeente Zwolle" / "Datum 3 mei 2022" / "Pagina 2 van 3"
        for _ in range(2):
            start = text.rfind("\n", 0, max(start - 1, 0)) + 1
        end = end_of_lines(text, mention.start, 3)
        near = [p for p in _PAGE_NUMBER.finditer(text, start, end) if int(p["page"]) >= 2]
        if near or len(lines[" ".join(line_at(text, mention.start).split()).lower()]) >= 2:
            numbered.append(mention)
    if not numbered or len({m.value for m in numbered}) != 1:
        return None
    return from_mention(text, numbered[0], 0.55)


def signer_post_sender(signatories: Sequence[Signatory]) -> Found | None:
    """The body the one signer's first role names them a post of ("Algemeen directeur STRAAT Museum",
    "De secretaris van de Bestuurscommissie Noord"), when nothing else in the text names the sender; none
    when several people sign (two chairs of two parties, a project leader beside a partner's)."""
    names = {s.name.value for s in signatories if s.name is not None}
    post = next((s.post_of for s in signatories if s.role is not None), None)
    if len(names) != 1 or post is None:
        return None
    return replace(post, confidence=min(post.confidence, 0.5))


# A joint arrangement writing to its participants: "Aan de deelnemers van recreatieschap Stichtse
# Groenlanden", "Geachte deelnemer aan …", the closing "namens het dagelijks bestuur" naming no body. The
# arrangement whose participants the letter addresses writes it; its participants, not it, are addressed.
PARTICIPANTS_OF = re.compile(
    r"\bdeelnemers?[ \t]+(?:van|aan|in)[ \t]+(?:de[ \t]+|het[ \t]+)?$", re.IGNORECASE
)
_FOR_THE_BOARD = re.compile(
    r"\bnamens[ \t]+het[ \t]+(?P<board>dagelijks|algemeen)[ \t]+bestuur\b", re.IGNORECASE
)


def arrangement_to_participants(
    text: str, found: Sequence[OrgMention], opening_end: int, zone: tuple[int, int] | None
) -> Found | None:
    """The one joint arrangement whose participants the opening (up to `opening_end`) addresses, as the
    sender with the board its closing signs for (see above); None where there is none, or several."""
    arrangements = {
        m.value: m
        for m in found
        if m.resolved
        and m.value.startswith("so")
        and m.start < opening_end
        and PARTICIPANTS_OF.search(text, max(0, m.start - 40), m.start)
    }
    if len(arrangements) != 1:
        return None
    mention = next(iter(arrangements.values()))
    board = _FOR_THE_BOARD.search(text, *zone) if zone else None
    detail = f"{board['board'].lower()}-bestuur" if board else mention.body
    return _found(text, mention.value, mention.start, mention.end, 0.5, detail)
