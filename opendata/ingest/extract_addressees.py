"""To whom the letter is addressed: the address block ("Aan …", "T.a.v. …", a body above a postal
address), a run-together header's address, a list of councils, or the salutation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from opendata.ingest.extract_header import end_of_lines, line_at
from opendata.ingest.extract_noise import doubled_line_breaks, joined_hyphenation, noisy, strip_span
from opendata.ingest.extract_organisations import (
    COLLEGE,
    COUNCIL,
    GS,
    PS,
    OrgMention,
    general_mailboxes,
    ministry_at,
)
from opendata.ingest.extract_results import HEADER_LIMIT, Found, from_mention
from opendata.ingest.extract_results import found as _found
from opendata.ingest.extract_sender import (
    ADDRESS_LINE,
    BOARD_LINE,
    PARTICIPANTS_OF,
    POSTAL,
    PROPOSAL,
    SCRAP_LINE,
    SENDER_ADDRESS,
    STATES_PROPOSAL,
    council_line,
    letterhead_sender,
)
from opendata.ingest.extract_signatures import signature_zone
from opendata.ingest.gazetteer import load_gazetteer, province_of_town
from opendata.model.register import is_tooi_code

COUNCIL_WORDS = re.compile(
    r"\b(?:leden\s+van\s+de\s+(?:gemeente)?raad|(?:gemeente)?raad\b|raadsleden)", re.IGNORECASE
)
_STATES_WORDS = re.compile(
    r"\b(?:leden\s+van\s+(?:provinciale\s+)?staten|provinciale\s+staten|statenleden)\b", re.IGNORECASE
)


def find_addressees(
    text: str,
    head_end: int,
    found: Sequence[OrgMention],
    sender: Found | None,
    salutation: re.Match[str] | None,
) -> tuple[Found, ...]:
    """Addressees from the address block ("Aan …", "T.a.v. …", a body above a postal address) or salutation."""
    in_header = [m for m in found if m.start < head_end]
    run_in = _run_in_addressees(text, head_end, in_header)
    if run_in:
        return run_in
    picked: list[Found] = []
    for line in ADDRESS_LINE.finditer(text, 0, max(head_end, 1)):
        line_end = _address_end(text, end_of_lines(text, line.start(), 2 if not line["rest"].strip() else 1))
        if not line["rest"].strip():  # "Aan:" over a list, an addressee to each of its items
            line_end = max(line_end, _bullets_end(text, line.end()))
        addressed = _addressed(text, line.start(), line.start("rest"), line_end, in_header, sender)
        if _board_of_organisation_above(text, line.start(), addressed, picked):
            continue  # "Aan de gemeente Breda" / "t.a.v. het college van burgemeester en wethouders"
        above = _body_above(text, line.start(), in_header, sender)
        if above is not None and all(a.value != above.value and a.confidence < 0.9 for a in addressed):
            # "Gemeente Wierden / T.a.v. College van B&W": a board without a place, for the body named on
            # the line above (as "Aan de gemeenteraad van … t.a.v. het college" is the municipality)
            addressed = [above]
        picked += addressed
    if not picked:  # a header run into one line: "… Aan het Dagelijks Bestuur van … Per e-mail Betreft: …"
        # a body the register lacks is named there only as one of the four boards ("Aan de leden van het
        # algemeen bestuur RUD Zeeland," where the register has no "RUD Zeeland" is no address read)
        boards = [m for m in in_header if m.resolved or m.body in (COLLEGE, COUNCIL, GS, PS)]
        for start, rest, end in _joined_address_lines(text, head_end):
            picked += _addressed(text, start, rest, end, boards, sender)
    if not picked:
        picked = _attention_lines(text, in_header)
    if (
        not picked
    ):  # "Provinciale Staten van Overijssel" alone on a line of the header (a PDF's address window)
        picked = _states_lines(text, in_header)
    if not picked:
        # the sender's own letterhead (its name over its postal address) is no address: a body writes to
        # its own council or college (named as such), not to itself
        picked = [
            a
            for a in _address_block(text, head_end, found, sender)
            if sender is None
            or a.value != sender.value
            or a.detail is not None
            or _over_attention(text, a.end)
        ]
    if not picked:
        picked = [
            a
            for a in _joined_address_block(text, head_end, found, sender)
            if sender is None
            or a.value != sender.value
            or a.detail is not None
            or _over_attention(text, a.end)
        ]
    if not picked and salutation is not None:  # "Geacht college van burgemeester en wethouders van Grave,"
        named = [m for m in found if salutation.start() <= m.start < salutation.end() and m.resolved]
        picked += [from_mention(text, m, 0.8) for m in named]
    # a salutation alone ("Geachte raad,", "Geachte raadsleden,", "Geacht college,") names no addressee
    # where the letter has a header (a veiligheidsregio, a province or a college writes it to many
    # councils alike); a message that is nothing but "Geachte leden van de raad, …" is to the council
    if not picked and salutation is not None and not text[: salutation.start()].strip():
        own = _own_body(text, salutation.start(), salutation.end(), sender)
        if own:
            picked.append(own)
    if (
        not picked
    ):  # "Vragen … aan het College van Sluis", "… vragen aan het Dagelijks Bestuur van waterschap …"
        for asked in _QUESTIONS_TO.finditer(text, 0, min(len(text), HEADER_LIMIT)):
            board = [m for m in found if asked.start("to") <= m.start < asked.start("to") + 24 and m.body]
            if board:
                picked.append(from_mention(text, board[0], 0.5))
                break
    if not picked:  # "Aan: gemeente@wierden.nl", "Aan: info@apeldoorn.nl; info@epe.nl": the municipalities
        picked += [from_mention(text, mailbox, 0.6) for mailbox in general_mailboxes(text, max(head_end, 1))]
    unique: dict[str, Found] = {}
    for item in picked:
        if PARTICIPANTS_OF.search(text, max(0, item.start - 40), item.start):
            continue  # "Aan de deelnemers van recreatieschap …": its participants, not the arrangement
        unique.setdefault(item.value, item)
    return tuple(_province_of(text, item, found, head_end) for item in unique.values())


# A sentence that introduces an address (it ends its line with a colon): "De factuur wordt op naam gesteld
# van de opdrachtgever:" over "Gemeente Amsterdam / t.a.v. crediteurenadministratie / Postbus 2602". The
# address is what the letter tells, not where it goes.
_INTRODUCING = re.compile(r"[ \t]*\S+(?:[ \t]+\S+){3,}[ \t]*:[ \t]*")


# An item of a list that an "Aan:" line opens: "  - de gemeenteraad van Hoorn, t.a.v. de griffie".
_BULLET_LINE = re.compile(
    r"\n(?:[ \t]*\n)?[ \t]*[-–•*·][ \t]+[^\n]+"
)  # (a blank line between, where OCR doubled them)


def _bullets_end(text: str, position: int) -> int:
    """Where the list items right under `position` (the end of an "Aan:" line) end; `position` if none."""
    end = position
    while (item := _BULLET_LINE.match(text, end)) is not None:
        end = item.end()
    return end


def _states_lines(text: str, in_header: Sequence[OrgMention]) -> list[Found]:
    """A header line that is nothing but the Staten of a named province, or a named municipality's
    council ("Gemeenteraad van Amsterdam" over a residents' group's dated line): the addressee (the
    Staten and a council write no letters of their own; a letter to them is their board's)."""
    for mention in in_header:
        if not council_line(text, mention):
            continue
        return [from_mention(text, mention, 0.8)]
    return []


_ATTENTION = re.compile(r"[ \t]*(?:t\.?\s?a\.?\s?v\.?|ter\s+attentie\s+van)\b", re.IGNORECASE)


def _board_of_organisation_above(text: str, start: int, addressed: list[Found], picked: list[Found]) -> bool:
    """Whether the attention line at `start` names only boards without a place under an address line that
    named a registered organisation ("Aan de gemeente Breda" / "t.a.v. het college van burgemeester en
    wethouders"): the boards are that organisation's, no second addressee."""
    if not (addressed and picked and _ATTENTION.match(text, start)):
        return False
    if any(is_tooi_code(a.value) or a.detail is None for a in addressed):
        return False
    above = text[:start].rstrip()  # (a blank line between, where OCR doubled every line break)
    line_above = above.rfind("\n") + 1
    return is_tooi_code(picked[-1].value) and picked[-1].start >= line_above


def _body_above(text: str, start: int, in_header: Sequence[OrgMention], sender: Found | None) -> Found | None:
    """The registered body (not the sender) that is all of the line above a "T.a.v." line at `start`."""
    if not _ATTENTION.match(text, start) or start == 0:
        return None
    end_above = start - 1  # the line break that ends the line above
    if text[end_above - 1 : end_above] == "\n" and (
        doubled_line_breaks(text) or text[end_above - 2 : end_above - 1] not in ("\n", "")
    ):
        # every line break doubled, or one blank line OCR set inside the address block ("Gemeente Enschede"
        # / "" / "t.a.v. Burgemeester en wethouders"): the line above lies past the blank one
        end_above -= 1
    above = text.rfind("\n", 0, end_above) + 1
    # (a name hyphenated over lines ends on the line above: "Waterschap Vallei en Ve-" over "luwe")
    named = [m for m in in_header if m.start < start and m.end > above and m.resolved]
    named = list({m.value: m for m in named}.values())  # one body found by two readers is one
    if len(named) != 1 or (sender is not None and named[0].value == sender.value):
        return None
    mention = named[0]
    after = text[mention.end : start].strip(" \t\n,")
    first = min(above, text.rfind("\n", 0, mention.start) + 1)
    if text[first : mention.start].strip() or (
        after and not _SIDE_LABEL_SCRAP.fullmatch(after) and not _NAME_TAIL.fullmatch(after)
    ):
        return None
    return from_mention(text, mention, 0.85)


# The letterhead's side column run by OCR onto the body's line ("Gemeente Wierden TBAN", "IBAN" read
# with a T): one of its labels, or a capitalised scrap of at most four letters.
# The rest of a body's formal name past the register's: "Tweede Kamer" / "der Staten-Generaal".
_NAME_TAIL = re.compile(r"der[ \t]+Staten-Generaal")
_SIDE_LABEL_SCRAP = re.compile(r"[A-Z][A-Za-z]{1,3}|Inlichtingen(?:[ \t]+bij)?|Telefoon|E-?mail")


def _addressed(
    text: str, start: int, rest: int, end: int, in_header: Sequence[OrgMention], sender: Found | None
) -> list[Found]:
    """The addressees of an address line text[start:end] ("Aan …", "T.a.v. …"; its words from `rest`)."""
    hits = _named_once([m for m in in_header if start <= m.start < end])
    group = _addressed_group(text, rest, end)
    if group is not None and not any(m.resolved and m.value[:2] in ("gm", "pv") for m in hits):
        # "Aan de raden van de aan … deelnemende gemeenten,": a group, as written (a list of named
        # municipalities is their colleges, each)
        return [group]
    picked = [_found(text, m.value, m.start, m.end, 0.9 if m.resolved else 0.5, m.body) for m in hits]
    if not hits:
        own = _own_body(text, rest, end, sender) or written_office(text, rest, end)
        if own:
            picked.append(own)
    return picked


# An address to an office or a committee, which the register does not hold: "Aan de Minister van
# Binnenlandse Zaken en Koninkrijksrelaties" is the ministry (as a minister's heading is), "Aan de
# commissie Burgers en Samenleving", "Aan de Statencommissie voor Financiën, …" the committee as written.
# A minister "voor" a portfolio has no ministry of that name: no addressee.
_OFFICE = re.compile(  # OCR: "de rninister", "Ministervan"
    rf"(?:(?i:de|het)[ \t]+)?(?i:{noisy('minister')}|{noisy('staatssecretaris')})[ \t]*(?i:van)[ \t]+(?=[A-Z])"
)
_COMMITTEE = re.compile(
    r"(?:(?:de|het)[ \t]+)?(?P<word>(?:(?:vaste|algemene|bijzondere)[ \t]+)?(?:raads|staten)?commissie)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[ \t]*,?[ \t]*(?P<word>[A-Z][\w&'’-]*|en|van|voor|de|het|der)\b")


def _name_words(text: str, position: int, end: int) -> int:
    """Where a capitalised name from `position` ends ("Burgers en Samenleving 1 …" ends before " 1")."""
    last = position
    for _ in range(8):
        word = _NAME_WORD.match(text, position, end)
        if word is None:
            break
        position = word.end()
        if word["word"][0].isupper():
            last = position
    return last


def written_office(text: str, rest: int, end: int) -> Found | None:
    office = _OFFICE.match(text, rest, end)
    if office is not None:
        known = ministry_at(text, office.end())
        if known is not None and known[1] <= end:  # a ministry's own name, also as OCR left it: in full
            return _found(text, known[0], office.start(), known[1], 0.6)
        name_end = _name_words(text, office.end(), end)
        if name_end > office.end():
            name = re.sub(r"\s+", " ", text[office.end() : name_end])
            return _found(text, f"ministerie van {name}", office.start(), name_end, 0.6)
    committee = _COMMITTEE.match(text, rest, end)
    if committee is not None:
        name_end = _name_words(text, committee.end(), end)
        if name_end > committee.end():
            written = re.sub(r"\s+", " ", text[committee.start("word") : name_end])
            return _found(text, written, committee.start("word"), name_end, 0.5)
    return None


# "Aan" inside a line a text layer ran together, before the addressee ("… 2008 Aan het Dagelijks Bestuur
# van het Waterschap Brabantse Delta Per e-mail …", "… Aan : De A.V. en het D.B. van het Waterschap
# Zeeuws-Vlaanderen. Onderwerp: …"); the address ends at the next part of the header: a postal address,
# "T.a.v.", "per e-mail", a label, "Place, date", the salutation, a sentence's end, or 160 characters on.
# A header set in capitals addresses with "AAN DE"/"AAN HET" ("… Delft,9 september 2014 AAN DE VERENIGDE
# VERGADERING VAN DELFLAND Advies …"); a proposal's heading ("VOORSTEL AAN BURGEMEESTER EN WETHOUDERS",
# "VOORSTEL AAN DE RAAD") names whom it is put to, no address.
_JOINED_ADDRESS = re.compile(
    r"(?:(?<=[ \t])|^)(?:Aan|(?<!VOORSTEL )(?<!NOTA )(?<!ADVIES )AAN(?=[ \t]+(?:DE|HET)[ \t]))(?:[ \t]*:)?[ \t]+"
    r"(?P<rest>(?:[Dd]e|DE|[Hh]et|HET|[A-Z'‘])[^\n]*)",
    re.MULTILINE,
)
_ADDRESS_STOP = re.compile(
    r"[ \t]+(?:Postbus\b|[Pp]rovinciehuis\b|[Gg]emeentehuis\b|[Ss]tadhuis\b|T\.?[ \t]?a\.?[ \t]?v\b|"
    r"(?i:per[ \t]+e-?mail)\b|(?:[A-Z][\w'.-]*[ \t]+){1,3}[0-9]+[a-zA-Z]?[ \t]+[1-9][0-9]{3}[ \t]?[A-Z]{2}\b|"
    r"[1-9][0-9]{3}[ \t]?[A-Z]{2}\b|(?i:onderwerp|betreft|datum|kenmerk|ons[ \t]+kenmerk|uw[ \t]+kenmerk|"
    r"uw[ \t]+brief|bijlagen?|telefoon|contact(?:persoon)?|cc|kopie|verzonden)\b[ \t]*:?|"
    r"Den[ \t]+Haag,|[A-Z][\w'’-]*(?:[ \t]+[a-z]+){0,2}[ \t]*:(?=[ \t])|(?:Zeer[ \t]+)?Geachte?\b|"
    r"[A-Z][a-zà-ÿ'’-]+(?:[ \t]+[a-z]{1,3}){0,2}(?:[ \t]+[A-Z][\w'’-]*)?,[ \t]*(?:d\.[ \t]?d\.[ \t]*)?[0-9])"
    r"|(?<![A-Z])\.(?=[ \t]+[A-Z])"
)


def _joined_address_lines(text: str, head_end: int) -> list[tuple[int, int, int]]:
    """(start, words' start, end) of each "Aan …" address inside a header's line (see above)."""
    spans = []
    for match in _JOINED_ADDRESS.finditer(text, 0, max(min(head_end, HEADER_LIMIT), 1)):
        reach = min(len(text), max(head_end, match.start("rest")), match.start("rest") + 160)
        stop = _ADDRESS_STOP.search(text, match.start("rest"), reach)
        line_end = text.find("\n", match.start("rest"))
        end = min(stop.start() if stop else reach, len(text) if line_end < 0 else line_end)
        if end > match.start("rest"):
            spans.append((match.start(), match.start("rest"), end))
    return spans


# An address without "Aan": a line that opens with the addressed board (after a host's page number:
# "(1)De leden …") and ends with its name ("De leden van de raad van de gemeente Groningen te" /
# "GRONINGEN", or run on: "… te GRONINGEN Telefoon …"); in a run-together header a body
# followed by "T.a.v." ("Gemeente Goeree-Overflakkee T.a.v. College van B&W, de heer …") or by a
# person and a postal address ("Veiligheidsregio Utrecht De heer J.M.P. Wink Postbus 3154 …").
_BOARD_OPENS_LINE = re.compile(
    r"[ \t]*(?:\(?[0-9]{1,2}\)?)?"
    r"(?:de[ \t]+leden[ \t]+van[ \t]+de[ \t]+(?:gemeente)?raad|de[ \t]+(?:gemeente)?raad|het[ \t]+college)[ \t]+van\b",
    re.IGNORECASE,
)
_NAME_ENDS_LINE = re.compile(
    # … or, run into one line, ends with its place in capitals before the next label ("… van de gemeente
    # Groningen te GRONINGEN Telefoon …")
    r"[ \t]*(?:te\b[ \t]*)?,?[ \t]*$|[ \t]+te[ \t]+[A-Z'’-]{3,}(?=[ \t]+[A-Z][a-z])",
    re.MULTILINE,
)
_ATTENTION_AFTER = re.compile(
    r"[ \t]+(?:T\.?[ \t]?a\.?[ \t]?v\.?(?=[ \t])|(?:[Dd]e[ \t]+heer|[Mm]evrouw)[ \t]+[^\n]{2,60}?[ \t]Postbus\b)"
)


# "Gemeenteraad van Albrandswaard / p/a de griffie": a council written to by way of its clerk's office
# ("per adres"), the name at the end of its line (a text layer ran the letterhead into it).
_BY_WAY_OF_CLERK = re.compile(r"[ \t,]*\n(?:[ \t]*\n)*[ \t]*p/a[ \t]+(?:de[ \t]+)?griffie\b", re.IGNORECASE)


def _attention_lines(text: str, in_header: Sequence[OrgMention]) -> list[Found]:
    picked = []
    for m in in_header:
        if not m.resolved:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        opens = m.body in (COUNCIL, COLLEGE) and _BOARD_OPENS_LINE.match(text, line_start)
        # the name's match may have taken the "T" of "T.a.v." as a word of the name
        attention = _ATTENTION_AFTER.match(text, m.end) or _ATTENTION_AFTER.match(
            text, text.rfind(" ", m.start, m.end)
        )
        clerk = m.body == COUNCIL and _BY_WAY_OF_CLERK.match(text, m.end)
        if (opens and _NAME_ENDS_LINE.match(text, m.end)) or attention or clerk:
            picked.append(_found(text, m.value, m.start, m.end, 0.7, m.body))
    return picked


# The address of a header a text layer ran into one line, or of a provincial circular, without "Aan"
# on a line of its own: "… Den Haag Provinciale Staten van Flevoland Postbus …", "… De voorzitter van
# Provinciale Staten van Zeeland T.a.v. …", "… Ingekomen Het college van burgemeester en wethouders van
# de Gemeente Lelystad Postbus …", "provincie De raden van alle gemeenten in de provincie Limburg
# Cluster …", "Aan de raden van de gemeenten in Noord-Brabant afd. …", "De raden van de in
# Zuid-Holland gelegen gemeenten d.t.v. …", "De colleges van B&W van de G31 cc …", "Aan Provinciale
# Staten Datum …"; or a group alone on its line ("De gemeenteraden").
_PLACE = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*"
_RUN_IN_GROUP = re.compile(
    r"(?:(?<=[ \t])|^[ \t]*)(?:Aan[ \t]+)?(?P<group>[Dd]e[ \t]+(?:gemeente)?raden[ \t]+van[ \t]+(?:alle[ \t]+|de[ \t]+)?"
    rf"(?:in[ \t]+{_PLACE}[ \t]+gelegen[ \t]+)?gemeenten(?:[ \t]+in[ \t]+(?:de[ \t]+provincie[ \t]+)?{_PLACE})?"
    r"|[Dd]e[ \t]+colleges[ \t]+van[ \t]+(?:B&W|B[ \t]*en[ \t]*W|burgemeester[ \t]+en[ \t]+wethouders)[ \t]+van[ \t]+"
    rf"(?:de[ \t]+)?[A-Z][\w-]*|[Dd]e[ \t]+gemeenteraden|(?P<states>Provinciale[ \t]+Staten)(?![ \t]+van\b))"
    r"(?=[ \t]+(?:Postbus|T\.?a\.?v|d\.?t\.?v|Cluster|Directie|afd\.|afdeling|cc|Datum|Briefnummer|Onderwerp|"
    r"Betreft|[Bb]ezoekadres|[Pp]ostadres|Portefeuille)(?!\w)|[ \t]*$)",
    re.MULTILINE,
)
_RUN_IN_BODY = re.compile(
    r"(?<=[ \t])(?:(?:De[ \t]+voorzitter[ \t]+van[ \t]+)?Provinciale[ \t]+Staten[ \t]+van|"
    r"Het[ \t]+college[ \t]+van[ \t]+burgemeester[ \t]+en[ \t]+wethouders[ \t]+van(?:[ \t]+de)?)[ \t]+"
    rf"(?P<name>(?:[Gg]emeente[ \t]+)?{_PLACE}(?:[ \t]+{_PLACE})?)"
    r"(?=[ \t]+(?:Postbus|T\.?a\.?v|Datum|Onderwerp|Betreft)\b)",
)


def _run_in_addressees(text: str, head_end: int, in_header: Sequence[OrgMention]) -> tuple[Found, ...]:
    """The address of a run-together header, or a group of councils alone on its line (see above)."""
    limit = max(min(head_end, HEADER_LIMIT), 1)
    for line in re.finditer(r"[^\n]*\S[^\n]*", text[:limit]):
        full_end = text.find("\n", line.start())
        run_together = (len(text) if full_end < 0 else full_end) - line.start() > 200
        for match in _RUN_IN_GROUP.finditer(text, line.start(), line.end()):
            if not run_together and match.span("group") != strip_span(text, *line.span(), " \t"):
                continue  # in a laid-out header only a line that is the group alone
            if run_together and match.start("group") - line.start() > 400:
                continue
            value = "Provinciale Staten" if match["states"] else re.sub(r"\s+", " ", match["group"])
            return (_found(text, value, *match.span("group"), 0.5),)
        if not run_together:
            continue
        for match in _RUN_IN_BODY.finditer(text, line.start(), min(line.end(), line.start() + 400)):
            named = [m for m in in_header if match.start() <= m.start < match.end() and m.resolved]
            if named:
                return (from_mention(text, named[-1], 0.6),)
    return ()


_COUNCIL_ALONE = re.compile(
    r"(?:^[ \t]*(?P<line>)|(?<=\s)Aan[ \t]*:[ \t]*|(?<=\s)(?-i:Aan)[ \t]+(?=de[ \t]+(?:leden[ \t]+van[ \t]+de[ \t]+)?"
    r"gemeenteraad\b))(?P<body>(?:de[ \t]+)?(?:leden[ \t]+van[ \t]+(?:de[ \t]+)?)?"
    r"(?:gemeenteraad|raad|provinciale[ \t]+staten))\b(?(line)[ \t]*,?[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
# A memo's line from the board to the council ("Van het college van burgemeester en wethouders aan de
# gemeenteraad", "Van Gedeputeerde Staten aan Provinciale Staten"): the address, though in lower case.
_MEMO_TO = re.compile(
    r"^[ \t]*Van[ \t]+[^\n]{3,120}?[ \t]aan[ \t]+(?P<body>(?:de[ \t]+)?(?:leden[ \t]+van[ \t]+(?:de[ \t]+)?)?"
    r"(?:gemeenteraad|raad|provinciale[ \t]+staten))[ \t]*[,.]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# An address line to a group of councils or colleges the register has no record for.
# A joint arrangement's participants ("Aan de deelnemers van de Regionale Uitvoeringsdienst Utrecht") are
# such a group too, not the arrangement they take part in.
_GROUP = re.compile(
    r"[ \t]*(?P<group>(?:de[ \t]+)?(?:(?:gemeente)?(?:raden|colleges)(?:[ \t]+en[ \t]+(?:gemeente)?(?:raden|colleges))?"
    r"|deelnemers)[ \t]+(?:van|in)[ \t]+[^\n]{3,140}?)[ \t]*[,.]?[ \t]*$",
    re.IGNORECASE,
)
# A display name quoted in an e-mail's "Aan:" line that names a body ("Aan: 'dorpsraad Hoogwoud'").
_QUOTED_BODY = re.compile(
    r"[ \t]*['\"‘“](?P<name>[^'\"’”\n]*\b(?:\w*raad|bestuur|college|\w*fractie|commissie|vereniging|stichting|"
    r"griffie)\b[^'\"’”\n]*)['\"’”][ \t]*$",
    re.IGNORECASE,
)


# A joint arrangement's letter to its members' councils, listed by name in a run-together header: "Aan
# de raden van de gemeenten Beemster, Edam-Volendam, Landsmeer … en Zeevang" (the first names and the
# kind word often lost to OCR: "Aan de raden-t n-de-gerrreerrten…, Edam-Volendam, …").
# The same list after "Aan:" with its colon, to the colleges ("Aan de colleges van burgemeester en
# wethouders van de gemeenten A, B en C"), with names written with "&" ("Aa & Hunze") and names the copy
# lost between two commas ("Aa & Hunze, , Borger-Odoorn, …, en"). An address opens with "Aan" (or "AAN"):
# a sentence's "… worden voorgelegd aan de colleges van de gemeenten A en B" addresses nobody.
# The list may open on the address's next line ("Aan de gemeenteraden van" over "Blaricum, Gooise Meren,
# …"); a minister writes to the mayors of a list ("Aan de burgemeesters van Amsterdam, Rotterdam, …").
_COUNCIL_LIST = re.compile(
    rf"(?<![\w-])(?-i:Aan|AAN)(?:[ \t]*:)?[ \t]+de[ \t]+(?:(?:{noisy('gemeenteraden')}|{noisy('raden')})\b|"
    rf"(?P<mayors>{noisy('burgemeesters')}\b)|"
    rf"(?P<colleges>{noisy('colleges')}\b(?:[ \t]+van[ \t]+"
    rf"(?:{noisy('burgemeester en wethouders')}|B[ \t]*(?:&|en)[ \t]*W)(?![\w&]))?))"
    r"(?:(?:(?:[ \t]*\n){1,2}[ \t]*|[ \t]+)van(?:(?:[ \t]*\n){1,2}[ \t]*|[ \t]+)(?:de\s*)?"
    rf"(?:{noisy('gemeenten')}\s+)?(?=[A-Z])|(?P<lost>[^,\n]{{0,60}}?),[ \t]*)",
    re.IGNORECASE,
)
# (a name hyphenated over a line break, as justified text sets it: "Slie-\ndrecht", "Borger-\nOdoorn")
_LISTED_NAME = re.compile(
    r"(?:[ \t]*,)*[ \t]*(?:\n[ \t]*){0,2}(?P<name>[A-Z][\w'’]*(?:-[ \t]*(?:\n[ \t]*){1,2}[A-Za-z][\w'’]*)?"
    r"(?:(?:[- ]|[ \t]*&[ \t]*)[A-Z][\w'’]*){0,3})(?:[ \t]*(?:\n[ \t]*){0,2}(?P<sep>,|\ben\b))?"
)


# The first word of a name ("Alphen-Chaam"), a hyphenation over a line break joined ("Zwijn-\ndrecht").
_FIRST_WORD = re.compile(r"\S+?(?:-[ \t]*(?:\n[ \t]*){1,2}[A-Za-z]\S*|(?=\s)|$)")
_LIST_ITEM = re.compile(r"(?:[ \t]*,)*[ \t]*(?:\n[ \t]*){0,2}(?P<item>[^,\n]{1,80})")


def _register_name_at(text: str, position: int, date: str | None) -> tuple[int, int, str] | None:
    """The longest municipality the register writes in two to four words at `position`, exactly
    ("Hof van Twente", "Arcen en Velden", "Sint Anthonis": words the listed-name pattern cuts), or one
    word it cannot read ("'s-Hertogenbosch"): (start, end, code); None if there is none."""
    item = _LIST_ITEM.match(text, position)
    if item is None:
        return None
    words = list(re.finditer(r"[^ \t]+", item["item"]))[:4]
    gazetteer = load_gazetteer()
    for count in range(len(words), 0, -1):
        start, end = item.start("item"), item.start("item") + words[count - 1].end()
        if count == 1 and not text[start].startswith(("'", "’")):
            return None
        resolved = gazetteer.resolve(text[start:end], kinds=("gemeente",), date=date, fuzzy=False)
        if resolved is not None and resolved.code.startswith("gm"):
            return start, end, resolved.code
    return None


_SEPARATOR = re.compile(r"(?:[ \t]*(?:\n[ \t]*){0,2}(?P<sep>,|\ben\b))?")


def _listed_name(
    text: str, position: int, date: str | None, body: str | None
) -> tuple[Found | None, str | None, int] | None:
    """The listed name at `position`: (its council if the register has it, the separator after it
    ("," or "en", None at the list's end), where the next name starts); None where no name is."""
    register = _register_name_at(text, position, date)
    if register is not None:  # several words, or an apostrophe, as the register writes the name
        separator = _SEPARATOR.match(text, register[1])
        sep = separator["sep"] if separator else None
        return (
            _found(text, register[2], register[0], register[1], 0.9, body),
            sep,
            separator.end() if separator else register[1],
        )
    name = _LISTED_NAME.match(text, position)
    if name is None:
        return None
    resolved = load_gazetteer().resolve(_written_name(name["name"]), kinds=("gemeente",), date=date)
    named = None
    if resolved is not None and resolved.code.startswith("gm"):
        named = _found(text, resolved.code, *name.span("name"), 0.6 + 0.3 * resolved.score, body)
    return named, name["sep"], name.end()


def _last_listed_name(text: str, position: int, date: str | None, body: str | None) -> Found | None:
    """The name after the list's "en": as the register writes it, else its first word (a header run
    into one line goes on after it: "… en Zeevang Postbus 1 …")."""
    register = _register_name_at(text, position, date)
    if register is not None:
        return _found(text, register[2], register[0], register[1], 0.9, body)
    last = _LISTED_NAME.match(text, position)
    if last is None:
        return None
    first = _FIRST_WORD.match(last["name"])  # (its hyphenation over a line break joined)
    if first is None:
        return None
    resolved = load_gazetteer().resolve(_written_name(first[0]), kinds=("gemeente",), date=date)
    if resolved is None or not resolved.code.startswith("gm"):
        return None
    span = last.start("name"), last.start("name") + first.end()
    return _found(text, resolved.code, *span, 0.6 + 0.3 * resolved.score, body)


def _written_name(name: str) -> str:
    """A listed name as the register writes it: "Aa & Hunze" is "Aa en Hunze", "Slie-\ndrecht" is
    "Sliedrecht", "Borger-\nOdoorn" is "Borger-Odoorn"."""
    return re.sub(r"[ \t]*&[ \t]*", " en ", joined_hyphenation(name))


def listed_councils(text: str, head_end: int, date: str | None) -> tuple[Found, ...]:
    """Each council of a list of municipalities after "Aan de raden …" (see above): the names the
    register resolves as municipalities, at least two; a name OCR lost is left out."""
    match = _COUNCIL_LIST.search(text, 0, max(min(head_end, HEADER_LIMIT), 1))
    if match is None:
        return ()
    gazetteer = load_gazetteer()
    found: list[Found] = []
    position = match.end()
    body = COLLEGE if match["colleges"] else None if match["mayors"] else COUNCIL
    if match["lost"]:  # "Aan de raden-v@n-de-gemeentenn Ede, …": the first name, if OCR kept it whole
        last = re.search(r"[A-Z][\w'’-]*$", match["lost"].rstrip())
        first = gazetteer.resolve(last[0], kinds=("gemeente",), date=date, fuzzy=False) if last else None
        if last is not None and first is not None and first.code.startswith("gm"):
            start = match.start("lost") + last.start()
            found.append(_found(text, first.code, start, start + len(last[0]), 0.6, body))
    for _ in range(30):
        listed = _listed_name(text, position, date, body)
        if listed is None:
            break
        named, separator, position = listed
        if named is not None:
            found.append(named)
        if separator is None:
            break
        if separator == "en":  # the last name of the list
            final = _last_listed_name(text, position, date, body)
            if final is not None:
                found.append(final)
            break
    unique = {f.value: f for f in found}
    return tuple(unique.values()) if len(unique) >= 2 else ()


def council_alone(text: str, head_end: int, sender: Found | None) -> tuple[Found, ...]:
    """ "Gemeenteraad" alone in the address window (under Utrecht's letterhead), a memo's "Aan :
    Gemeenteraad" or "Van het college … aan de gemeenteraad", a run-together header's "… Aan de leden van de gemeenteraad Centraal nummer …": the council of the sender's municipality (else "gemeenteraad" as written). It says
    who receives the letter, not that it is a raadsinformatiebrief."""
    window = max(min(head_end, HEADER_LIMIT), 1)
    council = (
        _COUNCIL_ALONE.search(text, 0, window)
        or _MEMO_TO.search(text, 0, window)
        or PROPOSAL.search(text, 0, max(min(head_end, 600), 1))
    )
    own = _own_body(text, council.start("body"), council.end("body"), sender) if council else None
    if own is None and council is None:  # "Voorstel van GS aan PS": the Staten, as written
        states = STATES_PROPOSAL.search(text, 0, max(min(head_end, HEADER_LIMIT), 600))
        if states is not None:
            return (_found(text, "Provinciale Staten", *states.span(), 0.5),)
    return (own,) if own else ()


def _addressed_group(text: str, start: int, end: int) -> Found | None:
    """A group of councils or colleges an address line names ("de raden van de aan het
    samenwerkingsorgaan Holland Rijnland deelnemende gemeenten", the name running on to a next line
    that starts in lower case), or a body an e-mail's "Aan:" quotes; as written."""
    quoted = _QUOTED_BODY.match(text, start, end)
    if quoted:
        return _found(text, quoted["name"].strip(), *quoted.span("name"), 0.5)
    line_end = text.find("\n", start)
    end = min(end, len(text) if line_end < 0 else line_end)
    following = re.compile(r"\n[ \t]*(?=[a-z])[^\n]*").match(text, end)
    if following and not re.search(r"[,.][ \t]*$", text[start:end]):
        end = following.end()
    group = _GROUP.match(re.sub(r"\n", " ", text[start:end]))
    if group is None:
        return None
    value = re.sub(r"\s+", " ", group["group"]).strip()
    return _found(text, value, start + group.start("group"), start + group.end("group"), 0.5)


def _province_of(text: str, addressee: Found, found: Sequence[OrgMention], head_end: int) -> Found:
    """ "Aan het College van Gedeputeerde Staten" at the provinciehuis's address names no province;
    the letter may name it elsewhere ("Lid Provinciale Staten van Zeeland", "de Provincie Zeeland").
    Where it names exactly one province, that is the addressee's, but only where the letter's own parts
    bear it out: its signature names that province, or the address's town lies in it ("Abdij 6 / 4331
    BK MIDDELBURG"). A province named only in the subject or body ("Op 3 maart schreef de provincie
    Utrecht …") is what the letter is about, not where it goes; so is one the address's town
    contradicts. Otherwise the board stays as written."""
    if addressee.detail != GS or addressee.value.startswith("pv"):
        return addressee
    provinces = {m.value for m in found if m.resolved and m.value.startswith("pv")}
    if len(provinces) != 1:
        return addressee
    province = provinces.pop()
    town = _address_province(text, addressee.end, head_end)
    if town != province:
        zone = signature_zone(text, max(head_end, addressee.end), len(text))
        signed = zone is not None and any(zone[0] <= m.start < zone[1] and m.value == province for m in found)
        if town is not None or not signed:
            return addressee
    return replace(addressee, value=province, confidence=min(addressee.confidence, 0.6))


# The postal code and town under an address ("4331 BK MIDDELBURG", "5200 MC 's-Hertogenbosch"), on its
# line or inside a header run into one line; the town's words end at a comma or the line's end.
_POSTCODE_TOWN = re.compile(r"\b[1-9][0-9]{3}[ \t]?[A-Z]{2}[ \t]+(?P<town>[A-Za-z'’][^\n,;:]{1,60})")


def _address_province(text: str, after: int, head_end: int) -> str | None:
    """The province of the town of the first postal code within a few lines after an address, or None."""
    postcode = _POSTCODE_TOWN.search(text, after, max(after, min(head_end, after + 200)))
    return province_of_town(postcode["town"]) if postcode else None


# Questions put to a board, in a web page's heading or a report of them: the board is the addressee.
_QUESTIONS_TO = re.compile(
    r"\b[Vv]ragen\b(?:(?:[^.\n]|(?<=\b[A-Z])\.){0,160}?\s)?(?:aan|tot)\s+"
    r"(?P<to>(?:het|de)\s+(?:[Cc]ollege|[Dd]agelijks\s+[Bb]estuur)\b)"
)
_NAME_GOES_ON = re.compile(r"(?:\b(?:van|en|der|des)|,)[ \t]*$", re.IGNORECASE)
_NAME_CONTINUES = re.compile(r"[ \t]*(?:der|des|van|en)\b(?![ \t]*:)", re.IGNORECASE)  # "Van:" is a label


def _address_end(text: str, line_end: int) -> int:
    """The end of an addressee's name set over several lines ("Aan het College van" / "Burgemeester
    en Wethouders" / "der Gemeente Bergen op Zoom"): a line that breaks off after "van", "en", "der"
    or a comma goes on in the next, and a next line that opens with one of them continues it."""
    for _ in range(3):
        next_end = text.find("\n", line_end + 1)
        next_end = len(text) if next_end < 0 else next_end
        following = text[line_end + 1 : next_end]
        line_start = text.rfind("\n", 0, line_end) + 1
        if line_end >= len(text) or not following.strip() or POSTAL.match(following):
            break
        if not (_NAME_GOES_ON.search(text[line_start:line_end]) or _NAME_CONTINUES.match(following)):
            break
        line_end = next_end
    return line_end


def _named_once(hits: list[OrgMention]) -> list[OrgMention]:
    """An address block's bodies: a body written without its place ("het College van Burgemeester en
    Wethouders") and the place on a later line ("der Gemeente Bergen op Zoom") are one addressee,
    the resolved organisation with the body the first names."""
    resolved = [m for m in hits if m.resolved]
    bodies = [m.body for m in hits if not m.resolved and m.body]
    if not resolved or not bodies:
        return hits
    return [OrgMention(m.value, m.start, m.end, m.confidence, m.body or bodies[0], True) for m in resolved]


_STREET = re.compile(
    r"^[ \t]*(?:[A-Z][\w'.-]*\s+){1,4}[0-9]+[a-zA-Z]?\b|^[ \t]*(?:t\.?\s?a\.?\s?v\.?|aan\b|ter attentie)|"
    r"^[ \t]*(?:provinciehuis|gemeentehuis|stadhuis|raadhuis|waterschapshuis)[ \t]*$",
    re.IGNORECASE,
)
# "College van Gedeputeerde Staten" over the provinciehuis's address, without "Aan": the addressee,
# even where the line names no province.
_BOARD_LINE = re.compile(r"[ \t]*(?:het[ \t]+)?college[ \t]+van\b", re.IGNORECASE)


# A header label or a date alone on a line: a two-column header run into the address block.
_LABEL_OR_DATE_LINE = re.compile(
    r"^[ \t]*(?:datum|ons kenmerk|uw kenmerk|kenmerk|bijlagen?|[0-9]{1,2}\s+[a-z]+\s+[0-9]{4})[ \t:]*$",
    re.IGNORECASE,
)


# A person written to by courtesy title, on a line of the address block: "Mevrouw drs. F. Halsema",
# "De heer J. de Vries", "Dhr. P. Smit".
_ADDRESSED_PERSON = re.compile(
    r"[ \t]*(?:mevrouw|de[ \t]+heer|dhr\.|mw\.|mevr\.)[ \t]+(?:[a-z]{1,4}\.[ \t]*)*[A-Z][^\n]{0,50}$",
    re.IGNORECASE,
)


def _address_block(
    text: str, head_end: int, found: Sequence[OrgMention], sender: Found | None
) -> list[Found]:
    """Bodies named in the lines just above a postal address (Postbus, postcode): the address block,
    read upwards until a blank line, the letterhead, the sender's own address or a line that is no
    part of an address."""
    head = letterhead_sender(text, found, head_end)
    picked: list[Found] = []
    doubled = _double_spaced(text, head_end)
    for postal in POSTAL.finditer(text, 0, max(head_end, 1)):
        if SENDER_ADDRESS.search(line_at(text, postal.start())):
            continue
        block_picked = len(picked)
        scraps = 0
        line_end = text.rfind("\n", 0, postal.start())
        # a Postbus line is a street line too: OCR's blank line may stand right above it
        below_street = postal[0].lstrip().lower().startswith("postbus")
        for _ in range(10 if doubled else 5):
            if line_end <= 0:
                break
            line_start = text.rfind("\n", 0, line_end) + 1
            line = text[line_start:line_end]
            if not line.strip() and below_street and _named_alone_above(text, line_start, found):
                below_street, line_end = False, line_start - 1  # OCR's blank line under the body's name
                continue
            if doubled and not line.strip() and text[max(0, line_start - 1) : line_start] == "\n":
                if text[max(0, line_start - 2) : line_start] == "\n\n":
                    break  # a blank line in a double-spaced text: the block above ended
                line_end = line_start - 1
                continue
            named = [
                m
                for m in found
                if (m.resolved or (m.body and _BOARD_LINE.match(line)))
                and m.start < line_end
                and m.end > line_start
            ]
            if (
                not line.strip()
                or SENDER_ADDRESS.search(line)
                or (head and head.start >= line_start and head.start < line_end)
            ):
                break
            if not named and BOARD_LINE.match(line) and not picked:
                # "Waterschap Rivierenland / Dagelijks Bestuur / Postbus 599": the body's board, under its name
                line_end = line_start - 1
                continue
            if not named and _ADDRESSED_PERSON.match(line) and not picked:
                # "Gemeente Amsterdam / De burgemeester van Amsterdam / Mevrouw drs. F. Halsema /
                # Postbus 202": the person written to, between the body and its postal line
                line_end = line_start - 1
                continue
            office = None if named or len(picked) > block_picked else _office_line(text, line_start, line_end)
            if office is not None:  # "De Minister van Justitie en Veiligheid" over the ministry's Postbus
                picked.append(office)
                line_end = line_start - 1
                continue
            if not named and _INTRODUCING.fullmatch(line):
                del picked[block_picked:]  # the block a sentence introduces: an address it gives
                break
            if not named and not picked and scraps < 2 and SCRAP_LINE.fullmatch(line):
                # "Gemeente Amsterdam / WOB-verzoek / Postbus 202", "Gemeente Amsterdam / 5.1,2,e / Postbus
                # 2602": a unit's word, a redaction's code or OCR's scrap between the body and its postal line
                scraps += 1
                line_end = line_start - 1
                continue
            if not named and not _STREET.search(line) and not _LABEL_OR_DATE_LINE.match(line):
                break
            picked += [
                from_mention(text, m, 0.75)
                for m in named
                if not (sender and sender.start == m.start) and all(p.start != m.start for p in picked)
            ]
            below_street = not named and bool(_STREET.search(line))
            line_end = line_start - 1
    # "Gemeente Tiel / College van B&W / t.a.v. …": the board on the line under its body's name is that
    # body's, not a second addressee
    resolved = [p for p in picked if p.value[:2] in ("gm", "pv", "ws", "so") and p.value[2:].isdigit()]
    picked = [
        p
        for p in picked
        if p in resolved
        or not p.detail
        or not any(
            text.count("\n", r.end, p.start) == 1 and not text[r.end : p.start].strip(" \t,\n")
            for r in resolved
        )
    ]
    return sorted(picked, key=lambda f: f.start)


def _office_line(text: str, start: int, end: int) -> Found | None:
    """A minister's or state secretary's office that is all of the line text[start:end], or of it and
    the line above where the ministry's name wraps ("De minister van Landbouw, Visserij," over
    "Voedselzekerheid en Natuur"): its ministry."""
    above = text.rfind("\n", 0, max(start - 1, 0)) + 1 if start > 0 else None
    for first in (start, above):
        if first is None:
            continue
        lead = first + len(text[first:end]) - len(text[first:end].lstrip())
        office = written_office(text, lead, end)
        if office is None or office.value.startswith(("commissie", "vaste", "algemene", "bijzondere")):
            continue
        if not text[office.end : end].strip(" \t,"):
            return office
    return None


def _named_alone_above(text: str, blank_start: int, found: Sequence[OrgMention]) -> bool:
    """Whether the line above a blank line is a resolved body's name and nothing else ("Gemeente
    Dalfsen"): Tesseract sets a blank line between it and the street line of its address."""
    end = blank_start - 1
    start = text.rfind("\n", 0, max(end, 0)) + 1
    line = text[start:end]
    return any(
        m.resolved
        and m.start <= start + len(line) - len(line.lstrip())
        and m.end >= start + len(line.rstrip())
        for m in found
        if start <= m.start < end
    )


# A body's name right before its postal address inside a line a text layer ran together ("… College van
# Gedeputeerde Staten Provinciehuis Abdij 6 4331 BK MIDDELBURG …", "… Tweede Kamer der Staten-Generaal
# Postbus 20018 …", the name's last words unread): the address block without "Aan"; a body the
# register lacks only as one of the four boards.
_JOINED_POSTAL = re.compile(
    r"(?:[ \t]+[A-Za-z][\w'’-]*){0,3}?[ \t]+(?:Provinciehuis|Gemeentehuis|Stadhuis|Raadhuis|Postbus[ \t]+[0-9]+|"
    r"(?:[A-Z][\w'.-]*[ \t]+){1,3}[0-9]+[a-zA-Z]?[ \t]+[1-9][0-9]{3}[ \t]?[A-Z]{2})\b"
)


def _joined_address_block(
    text: str, head_end: int, found: Sequence[OrgMention], sender: Found | None
) -> list[Found]:
    """The bodies named right before a postal address inside a run-together header (see above); not the
    letterhead, nor a name under "Postadres", "Retouradres" or the like."""
    head = letterhead_sender(text, found, head_end)
    picked: list[Found] = []
    for m in found:
        if m.start >= head_end or not (m.resolved or m.body in (COLLEGE, COUNCIL, GS, PS)):
            continue
        if m.start in {head.start if head else -1, sender.start if sender else -1}:
            continue  # the letterhead, or the sender's own name
        if not _JOINED_POSTAL.match(text, m.end) or SENDER_ADDRESS.search(
            text, max(0, m.start - 40), m.start
        ):
            continue
        if all(p.start != m.start for p in picked):
            picked.append(from_mention(text, m, 0.7))
    return picked


def _double_spaced(text: str, head_end: int) -> bool:
    """Whether an OCR'd text doubled every line break of its header (no two lines touch)."""
    head = text[: max(head_end, 1)].strip()
    return head.count("\n\n") >= 5 and re.search(r"[^\n]\n[^\n]", head) is None


# "Geachte leden van college en gemeenteraad": a circular to the colleges and councils of every
# member municipality (the VNG's ledenbrief), not a letter to one council.
_CIRCULAR = re.compile(
    r"\bcolleges?\s+en\s+(?:de\s+)?(?:gemeente)?raad(?:en)?\b|\bcolleges?\s+en\s+(?:de\s+)?raden\b",
    re.IGNORECASE,
)


def _own_body(text: str, start: int, end: int, sender: Found | None) -> Found | None:
    """ "Aan de raad" / "Geachte leden van de raad": the council of the sender's own municipality or province."""
    if _CIRCULAR.search(text, start, end):
        return None
    for pattern, body, prefix in ((_STATES_WORDS, PS, "pv"), (COUNCIL_WORDS, COUNCIL, "gm")):
        match = pattern.search(text, start, end)
        if match:
            if sender and sender.value.startswith(prefix) and sender.value[2:].isdigit():
                return _found(text, sender.value, match.start(), match.end(), 0.7, body)
            return _found(
                text,
                "provinciale staten" if body == PS else "gemeenteraad",
                match.start(),
                match.end(),
                0.4,
                body,
            )
    return None


# ---------------------------------------------------------------- organisations the register lacks

# A name that holds one of these words, alone or at the end of a compound ("Bewonersvereniging",
# "Kinderraad", "Stadsdeelbestuur"), names an organisation, not a person: a residents' committee, an
# association, a foundation, a children's council, a stadsdeel's board. Government bodies the register
# holds are resolved by the rules above; what is left of an address block is kept as written.
_ORGANISATION_WORD = re.compile(
    r"(?i:[\w-]*(?:vereniging|stichting|commissie|comit[ée]|raad|co[öo]peratie|bureau|kantoor|platform|werkgroep|"
    r"fractie|bestuur|federatie|genootschap|bond|overleg|collectief))|B\.[ \t]?V\.?|BV|N\.[ \t]?V\.?|NV"
)
# The words of such a name: capitalised words (or all capitals), the organisation word itself in lower
# case ("commissie Burgers en Samenleving", "bestuur van …"), and the small words between them.
_NAME_PART = re.compile(r"(?P<word>[A-ZÀ-ÖØ-Þ][\w'’&.-]*|[a-zà-ÿ][\w-]*|&|'t|'s)(?=[ \t]|$)")
# OCR's lower-case l for the capital I that opens a word ("lrenebuurt", "lJssel"): no Dutch word opens
# with an l before a consonant.
_OCR_CAPITAL_I = re.compile(r"l(?=[bcdfghjkmnpqrstvwxzJ])")
_SMALL_WORDS = frozenset(
    ("van", "de", "het", "der", "den", "voor", "en", "in", "op", "aan", "'t", "'s", "te", "tot", "&")
)
# A line that is a person's (a courtesy title, initials) or a salutation, or that opens an address line.
_PERSON_OR_GREETING = re.compile(
    r"[ \t]*(?:(?:de[ \t]+)?heer\b|mevr(?:ouw)?\b\.?|dhr\b\.?|mw\b\.?|mrs?\b\.?|dr\b\.?|drs\b\.?|ir\b\.?|"
    r"ing\b\.?|prof\b\.?|fam(?:ilie)?\b\.?|geachte?\b|beste\b|zeer\b|lieve\b|hallo\b|dear\b|"
    r"t\.?[ \t]?a\.?[ \t]?v\b\.?|ter[ \t]+attentie\b|retour|postbus\b|(?:[A-Z]\.[ \t]?)+(?:[a-z]{1,3}[ \t]+)*[A-Z])",
    re.IGNORECASE,
)
# Where a name's line goes on with something else: an e-mail address after a comma, "T.a.v.", a scan's bar,
# a second column (three spaces or a tab).
_NAME_CUT = re.compile(
    r"[ \t]*,[ \t]*(?=[^\s,]*@)|[ \t]+(?i:t\.?[ \t]?a\.?[ \t]?v\b)|[ \t]*\|[^\n]*$|[ \t]{3,}|\t|(?<!\.[A-Z])[ \t]*[,;:.]?[ \t]*$"
)
# A government body the register should resolve ("Gemeenteraad van Zwolie", its name lost to OCR): no name
# of its own to keep; the rules above resolve it or leave it out.
_GOVERNMENT = re.compile(
    r"[ \t]*(?:(?:de|het)[ \t]+)?(?:gemeente|provincie|waterschap|hoogheemraadschap|college|ministerie|"
    r"(?:provinciale|gedeputeerde)[ \t]+staten)",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"(?:de|het)[ \t]+", re.IGNORECASE)
# An address's attention line, under the organisation it is for ("Tegenwind Daarle" / "t.a.v. …").
_ATTENTION_LINE = re.compile(
    r"^[ \t]*(?:t\.?[ \t]?a\.?[ \t]?v\b\.?|ter[ \t]+attentie\b)", re.IGNORECASE | re.MULTILINE
)
# Words of a board, a unit or a post: a line holding one over an attention line is no organisation's name.
_BOARD_OR_UNIT = re.compile(
    r"\b(?:burgemeester|wethouders?|gedeputeerde|staten|raad|college|bestuur|directie|afdeling|team|"
    r"secretaris|voorzitter|directeur|griffier|gemeentehuis|stadhuis|raadhuis|provinciehuis)\b",
    re.IGNORECASE,
)
_MEMBERS_OF = re.compile(r"leden[ \t]+van[ \t]+(?:(?:de|het)[ \t]+)?", re.IGNORECASE)
_RETURN_ADDRESS = re.compile(r"\bretour[ \t-]?adres\b", re.IGNORECASE)
_CONTACT_LINE = re.compile(
    r"@|\bwww\.|\b[1-9][0-9]{3}[ \t]?[A-Z]{2}\b|\bpostbus\b|\btel(?:efoon)?\b|\+31|\b0[0-9]{1,3}[ -]?[0-9]{6,8}\b",
    re.IGNORECASE,
)
_LABEL_LINE = re.compile(
    r"[ \t]*(?:datum|ons[ \t]+kenmerk|uw[ \t]+kenmerk|kenmerk|onderwerp|betreft|bijlagen?|behandeld[ \t]+door|"
    r"contactpersoon|telefoon|e-?mail|verzonden|zaaknummer|portefeuille)\b",
    re.IGNORECASE,
)


def _over_attention(text: str, end: int) -> bool:
    """Whether the name ending at `end` ends its line and an attention line ("t.a.v.") is the next: an
    address, never a letterhead, also where it names the sender's own body (a province's letter to its
    own road department as the notifier: "Provincie Overijssel" / "t.a.v." / "Heetenseweg 2")."""
    below = re.match(r"[ \t,]*\n", text[end:])
    return below is not None and _ATTENTION_LINE.match(text, end + below.end()) is not None


def _article_of_name(text: str, article: re.Match[str], end: int) -> bool:
    """Whether a capitalised article opens the name itself: a capitalised word follows that is no
    organisation's word ("De Haan Advocatenkantoor"; not "De Vereniging …", nor "De bewonersvereniging …")."""
    word = re.match(r"[A-ZÀ-ÖØ-Þ][\w'’-]*", text[article.end() : end])
    return article[0][0].isupper() and word is not None and not _ORGANISATION_WORD.fullmatch(word[0])


def _organisation_name(text: str, start: int, end: int, named: bool = True) -> tuple[int, int] | None:
    """The span of an organisation's name that is all of text[start:end] (a line of an address, the
    words after "Aan"), cut before an e-mail address, "T.a.v." or a second column; None where the words
    are no such name: a person, a salutation, a street or postal line, a sentence, a name without an
    organisation word, or a bare "het bestuur"."""
    while start < end and text[start] in " \t|>•*-":
        start += 1
    if _PERSON_OR_GREETING.match(text, start, end) or _GOVERNMENT.match(text, start, end):
        return None
    article = _ARTICLE.match(text, start, end)
    if article is not None and not _article_of_name(text, article, end):
        start = (
            article.end()
        )  # "De bewonersvereniging X"; not the name's own "De" ("De Haan Advocatenkantoor")
    members = _MEMBERS_OF.match(text, start, end)
    if members is not None:  # "De leden van de stadsdeelcommissie Zuid": the committee
        start = members.end()
    cut = _NAME_CUT.search(text, start, end)
    name_end = cut.start() if cut is not None else end
    name = text[start:name_end]
    if not name or len(name) > 90 or re.search(r"[0-9@/]|www\.", name):
        return None
    words = name.split()
    if len(words) < 2 or len(words) > 10:
        return None
    position = start
    for word in words:
        position = text.index(word, position)
        part = _NAME_PART.match(text, position, name_end)
        if part is None or part.end() != position + len(word):
            return None
        lower = word[0].islower() and word not in _SMALL_WORDS and not _OCR_CAPITAL_I.match(word)
        if lower and not _ORGANISATION_WORD.fullmatch(word):
            return None  # a word of a sentence
        position += len(word)
    if words[-1] in _SMALL_WORDS or words[0] in _SMALL_WORDS:
        return None
    if not named:
        # over an attention line the name needs no organisation's word ("Tegenwind Daarle" / "t.a.v. …"),
        # but every word is capitalised or small, and none is a board's, a unit's or a post's
        if len(words) > 6 or any(w[0].islower() and w not in _SMALL_WORDS for w in words):
            return None
        if _BOARD_OR_UNIT.search(name) or _CONTACT_LINE.search(name) or _LABEL_LINE.match(name):
            return None
        return start, name_end
    if not any(_ORGANISATION_WORD.fullmatch(w.rstrip(",.")) for w in words):
        return None
    if not any(w[0].isupper() for w in words[1:]) and not words[0][0].isupper():
        return None  # "bestuur van de vereniging": no name
    return start, name_end


def _line_spans(text: str, start: int, end: int):
    """(start, end) of each line from `start` up to `end`."""
    position = start
    while position < end:
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 or line_end > len(text) else line_end
        yield position, line_end
        position = line_end + 1


def named_addressees(text: str, head_end: int, sender: Found | None) -> tuple[Found, ...]:
    """Organisations the register does not hold, as the address names them: the words of an "Aan" line,
    the lines of the address window under a "Retouradres" line, or the line over a postal address below
    the sender's own; each only where it is an organisation's name (see _organisation_name), not the
    sender's own name nor one the signature block names. For a letter that has no other addressee."""
    limit = max(min(head_end, HEADER_LIMIT), 1)
    candidates: list[tuple[int, int]] = []
    for line in ADDRESS_LINE.finditer(text, 0, limit):
        if text[line.start() : line.start("rest")].lstrip().startswith("Aan"):  # not "T.a.v.", nor prose
            rest_end = text.find("\n", line.start("rest"))
            span = _organisation_name(text, line.start("rest"), len(text) if rest_end < 0 else rest_end)
            if span is not None:
                candidates.append(span)
    for marker in _RETURN_ADDRESS.finditer(text, 0, limit):
        line_end = text.find("\n", marker.end())
        if line_end < 0:
            break
        rows, blank_before, single_spaced = 0, False, False
        for start, end in _line_spans(text, line_end + 1, limit):
            row = text[start:end]
            if not row.strip():
                # a blank line ends the block, but in a window OCR set double-spaced (a blank line under
                # every line so far: "Vereniging A" / "" / "Per e-mail: …" / "" / "Vereniging B") only two
                # blank lines in a row do
                if rows and (single_spaced or blank_before):
                    break
                blank_before = True
                continue
            if rows and not blank_before:
                single_spaced = True
            blank_before = False
            rows += 1
            if rows > 8 or _LABEL_LINE.match(row) or _SALUTATION_LINE.match(row):
                break
            span = _organisation_name(text, start, end)
            if span is not None:
                candidates.append(span)
    for attention in _ATTENTION_LINE.finditer(text, 0, limit):
        above_end = text.rfind("\n", 0, attention.start())
        if above_end > 0 and not text[text.rfind("\n", 0, above_end) + 1 : above_end].strip():
            above_end = text.rfind("\n", 0, above_end)  # one blank line OCR set between them
        if above_end <= 0:
            continue
        above_start = text.rfind("\n", 0, above_end) + 1
        span = _organisation_name(text, above_start, above_end, named=False)
        if span is not None:
            candidates.append(span)
    if not candidates:
        for postal in POSTAL.finditer(text, 0, limit):
            if SENDER_ADDRESS.search(line_at(text, postal.start())):
                continue
            above_end = text.rfind("\n", 0, postal.start())
            if above_end <= 0:
                continue
            above_start = text.rfind("\n", 0, above_end) + 1
            if _STREET.search(text[above_start:above_end]):  # "Vereniging X / Dorpsstraat 1 / 1234 AB Y"
                above_end = above_start - 1
                above_start = text.rfind("\n", 0, max(above_end, 0)) + 1
            span = _organisation_name(text, above_start, above_end) if above_end > 0 else None
            if span is not None and _UNIT.match(text, span[0]):
                continue  # "Bureau Juridische Zaken / Postbus 5": a unit of the sender, in its letterhead
            # the sender's own name over its address opens the letter: an addressee's block comes after
            # the letterhead's address or contact lines, or before the letterhead that names the sender
            # (a window at the top of the page, the body's column under it: "Coöperatie … U.A. / Balkerweg
            # 48a / 7738 PB WITHAREN" / "Provincie Overijssel / Luttenbergstraat 2 …")
            if span is not None and (
                _CONTACT_LINE.search(text, 0, above_start)
                or (sender is not None and sender.start > postal.end())
            ):
                candidates.append(span)
    zone = signature_zone(text, max(head_end, 1), len(text))
    signed = re.sub(r"\s+", " ", text[zone[0] : zone[1]]).lower() if zone else ""
    own = re.sub(r"\s+", " ", sender.value).lower() if sender is not None else None
    picked: dict[str, Found] = {}
    for start, end in candidates:
        name = re.sub(r"\s+", " ", text[start:end])
        if name.lower() == own or name.lower() in signed or _OWN_UNIT.match(name):
            continue  # (a unit's name, "Directoraat-generaal Openbaar Bestuur", is the sender's own column)
        name = re.sub(r"(?<![\w'’-])" + _OCR_CAPITAL_I.pattern, "I", name)  # "lrenebuurt": "Irenebuurt"
        picked.setdefault(name.lower(), _found(text, name, start, end, 0.5))
    return tuple(picked.values())


_UNIT_WORDS = r"afdeling|directie|team|sector|cluster|bureau"
_UNIT = re.compile(rf"(?:{_UNIT_WORDS}|dienst)\b", re.IGNORECASE)
# A unit's name that no other body bears ("Directoraat-generaal Openbaar Bestuur", "Directie Democratie en
# Bestuur" in a ministry's side column): never an addressee ("Dienst …" may be a body of its own)
_OWN_UNIT = re.compile(rf"(?:{_UNIT_WORDS}|directoraat(?:-generaal)?)\b", re.IGNORECASE)
_SALUTATION_LINE = re.compile(r"[ \t]*(?:zeer[ \t]+)?(?:geachte?|beste|lieve)\b", re.IGNORECASE)
