"""Extraction of a letter's facts from its text, each value with its evidence (offsets, quote, confidence).

API shared with the ingest's input/output side (see the ingest contract): `extract(text)` gives an
`Extraction`, whose `facts()` is the facts format the scorer and the draft writer read;
`split_letters(text)` tells where a new letter starts in a text that holds several.

Nothing is ever guessed: a field the text does not state stays None or empty. The text is never
corrected either; the patterns tolerate OCR noise (extract_noise.py) so every value's offsets point
at the characters as they stand, and `Found.quote` is always text[start:end].
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from opendata.ingest.extract_dates import DateMatch, find_dates
from opendata.ingest.extract_kamerstuk import Kamerstuk, closing_signatory, find_kamerstuk
from opendata.ingest.extract_noise import blank_host_preamble, fold, host_title_end, noisy, strip_span
from opendata.ingest.extract_organisations import (
    COLLEGE,
    COUNCIL,
    GS,
    PS,
    OrgMention,
    find_kind_phrases,
    find_ministries,
    find_register_names,
    is_ministry,
    letterhead_name,
    logo_name,
    own_address_name,
    resolve_name_at,
    web_address_name,
)
from opendata.ingest.extract_pages import page_title, place_colon_date, titel_subject
from opendata.ingest.extract_references import (
    DOSSIER,
    OURS,
    VALUE,
    YOURS,
    clean_reference,
    find_reference_lines,
    label_row,
    split_glued,
    stacked_value,
    table_rows,
    value_after,
)
from opendata.ingest.extract_signatures import (
    NAME,
    block_end,
    board_signed_zone,
    closing_pattern,
    last_closing,
    looks_like_body,
    normalise_name,
    pair_signatories,
    signature_zone,
    unclosed_signer_zone,
)
from opendata.ingest.gazetteer import load_gazetteer

HEADER_LIMIT = 2500  # a header (letterhead, address, date, references, subject) is never longer


@dataclass(frozen=True)
class Found:
    """One extracted value with its evidence: `quote` is text[start:end], what the value was read from."""

    value: str
    start: int
    end: int
    confidence: float
    detail: str | None = None
    quote: str = ""


@dataclass(frozen=True)
class Signatory:
    name: Found | None
    role: Found | None  # role.detail: the organisation of the post when the block names it ("gm0579")
    on_behalf_of: Found | None


@dataclass(frozen=True)
class Citation:
    date: Found | None
    reference: Found | None
    sender: Found | None


@dataclass(frozen=True)
class Extraction:
    kind: Found | None
    date_sent: Found | None
    place: Found | None
    our_reference: Found | None
    your_reference: Found | None
    dossier_references: tuple[Found, ...]
    subject: Found | None
    salutation: Found | None
    sender: Found | None
    addressees: tuple[Found, ...]
    signatories: tuple[Signatory, ...]
    cites: tuple[Citation, ...]
    attachments: tuple[Found, ...]
    organisations_mentioned: tuple[Found, ...]
    themes: tuple[Found, ...]
    # A joint sender ("namens de vijf colleges van de Leidse regio"): each member body, resolved
    # through the groups given to extract(); `sender` then holds the group as written.
    sender_members: tuple[Found, ...] = field(default=())

    def facts(self) -> dict:
        """The facts format (see the ingest contract), for scoring and for the draft writer."""

        def value(found: Found | None) -> str | None:
            return found.value if found else None

        sender: str | list[str] | None = value(self.sender)
        if self.sender_members:
            sender = sorted({member.value for member in self.sender_members})
        return {
            "kind": value(self.kind),
            "date_sent": value(self.date_sent),
            "our_reference": value(self.our_reference),
            "your_reference": value(self.your_reference),
            "dossier_references": [f.value for f in self.dossier_references],
            "subject": value(self.subject),
            "sender": sender,
            "sender_body": self.sender.detail if self.sender else None,
            "addressees": [f.value for f in self.addressees],
            "signatories": [{"name": value(s.name), "role": value(s.role)} for s in self.signatories],
            "cites": [{"date": value(c.date), "reference": value(c.reference)} for c in self.cites],
            "organisations_mentioned": [f.value for f in self.organisations_mentioned],
        }


def _found(
    text: str, value: str, start: int, end: int, confidence: float, detail: str | None = None
) -> Found:
    return Found(value, start, end, round(confidence, 2), detail, text[start:end])


def _from_mention(text: str, mention: OrgMention, confidence: float | None = None) -> Found:
    return _found(
        text,
        mention.value,
        mention.start,
        mention.end,
        mention.confidence if confidence is None else confidence,
        mention.body,
    )


# ---------------------------------------------------------------- header parts

_SALUTATION = re.compile(
    r"^[ \t]*(?:zeer\s+)?(?:geachte?|beste|hooggeachte|l\.\s?s\.)\b[^\n]{0,120}$",
    re.IGNORECASE | re.MULTILINE,
)


_INLINE_SALUTATION = re.compile(
    r"(?<=\s)(?:Zeer geachte|Geachte?|Beste)\s[^\n,.]{2,70},"
    r"|(?<=\s)(?:Zeer geachte|Geachte)\s+dames\s+en\s+heren\."  # the fixed phrase may end in a full stop
)


def find_salutation(text: str, start: int = 0) -> re.Match[str] | None:
    """The salutation line; or, in a text layer that ran its lines together, "Geachte …," inside a line;
    from `start` (past a document host's title line, which repeats words from anywhere in the letter)."""
    limit = min(len(text), start + HEADER_LIMIT + 500)
    return _SALUTATION.search(text, start, limit) or _INLINE_SALUTATION.search(text, start, limit)


def header_end(text: str, salutation: re.Match[str] | None) -> int:
    """Where the header stops: at the salutation, or (without one) after a bounded stretch."""
    if salutation is not None:
        return salutation.start()
    closing = last_closing(text)
    limit = min(len(text), 1200)
    return min(limit, closing.start()) if closing else limit


_DATE_LABEL = re.compile(
    rf"^[ \t]*(?:{noisy('verzenddatum')}|{noisy('datum verzending')}|{noisy('datum van verzending')}|"
    rf"{noisy('verzonden op')}|{noisy('verzonden')}|{noisy('datum brief')}|{noisy('datum')}|{noisy('dagtekening')})"
    rf"(?![ \t]*(?:ontvangst|ontvangen|uw|van uw|vergadering|besluit|collegebesluit|raadsvergadering|inwerkingtreding))"
    # nor a date a word qualifies as another's: "Datum collegebehandeling:", "Datum commissie:"
    r"(?![ \t]*(?!brief\b|verzend|verzonden\b|van[ \t]+verzending)[a-z]{4,}[ \t]*:)",
    re.IGNORECASE | re.MULTILINE,
)
_INLINE_DATE_LABEL = re.compile(
    r"(?<=[ \t])(?:Datum|Verzonden(?:[ \t]+op)?|Verzenddatum)[ \t]*:?[ \t]*(?=[0-9lIL])"
)
# A header may date the letter ("Datum: 25 augustus") and stamp its dispatch ("Verzonden op: 2
# september"): the date sent is the dispatch date.
_DISPATCH_LABEL = re.compile(
    rf"(?:^|(?<=[ \t]))(?:{noisy('verzenddatum')}|{noisy('datum verzending')}|{noisy('datum van verzending')}|"
    rf"{noisy('verzonden op')}|{noisy('verzonden')})[ \t]*:?[ \t]*(?:(?:\n[ \t]*){{1,2}}(?=[0-9]))?",
    re.IGNORECASE | re.MULTILINE,
)
_DISPATCH_PLACE = re.compile(
    r"(?P<place>[A-Z][\w'’-]+(?:[ \t]+(?:aan|a/d|op|den)[ \t]+[A-Z][\w'’-]*)?)[ \t]*,[ \t]*"
)
# "Place, date" alone on a line; the date may follow "d.d." and end in a comma ("Oostburg, d.d.
# 12-01-2009,", "Oostburg, 21 december 2020,").
_PLACE_DATE = re.compile(
    r"^[ \t]*(?P<place>[A-Z'][\w'’.-]*(?:[ -](?:[a-z]{1,4}|[A-Z][\w'’.-]*|\([A-Z]{1,3}\))){0,3})[ \t]*,[ \t]*"
    r"(?:d\.[ \t]?d\.[ \t]*)?(?P<date>[^\n]{6,30}?)[ \t]*[,.]?[ \t]*$",
    re.MULTILINE,
)
# A text layer that ran the header's lines together: "Place, date" followed on the same line by the
# next part of the header ("Malden, 5 februari 2013 Aan de raad,", "Terneuzen, 7 september 2018
# Onderwerp: …").
_RUN_IN_PLACE_DATE = re.compile(
    r"(?:^|(?<=[ \t]))(?P<place>[A-Z][a-zà-ÿ'’-]+(?:[ \t]+(?:aan|a/d|op|den|de)[ \t]+[A-Z][\w'’-]*)?)[ \t]*,[ \t]*"
    r"(?P<date>[0-9]{1,2}[ \t]+[a-z]{3,9}\.?[ \t]+[0-9]{4})[ \t]+"
    r"(?=(?:Onderwerp|Betreft|Aan[ \t]+(?:de|het)|Geachte?)\b)",
    re.MULTILINE,
)


_SIDE_LABEL = re.compile(
    rf"[ \t]*(?:{noisy('datum')}|{noisy('verzonden op')}|{noisy('verzonden')}|{noisy('verzenddatum')}|"
    rf"{noisy('ons kenmerk')}|{noisy('uw kenmerk')}|"
    rf"{noisy('kenmerk')}|{noisy('zaaknummer')}|{noisy('dossiernummer')}|bijlagen?|bijlage\(n\)|"
    rf"{noisy('uw brief van')}|{noisy('behandeld door')}|{noisy('telefoon')}|e-?mail)(?P<colon>[ \t]*:)?",
    re.IGNORECASE,
)


def label_block_end(text: str, salutation: re.Match[str] | None, head_end: int) -> int:
    """Where labelled header lines end: the header, or, when a PDF's reading order put the side
    column of labels after the salutation ("Geacht college," / "Datum" / "13 september 2001" /
    "Ons kenmerk" / …), the end of that column."""
    if salutation is None:
        return head_end
    position = text.find("\n", salutation.end() - 1)
    end = head_end
    expect_value = False
    while 0 <= position < len(text):
        line_end = text.find("\n", position + 1)
        line_end = len(text) if line_end < 0 else line_end
        line = text[position + 1 : line_end]
        label = _SIDE_LABEL.match(line)
        if expect_value and line.strip() and not label:
            expect_value = False
        elif label and (label["colon"] or not line[label.end() :].strip()):
            expect_value = not line[label.end() :].strip()
        elif line.strip():
            break
        end = line_end
        position = line_end
    return end


def find_date_sent(
    text: str, head_end: int, body_end: int, labels_end: int | None = None
) -> tuple[DateMatch, float, tuple[int, int] | None] | None:
    """The letter's own date line: labelled, or "Place, date", or a date alone on a header line."""
    labels_end = head_end if labels_end is None else labels_end
    for label in _DISPATCH_LABEL.finditer(text, 0, max(labels_end, head_end, 1)):
        dates = find_dates(text, label.end(), min(len(text), label.end() + 40))
        if dates and dates[0].start == label.end():
            return dates[0], 0.9, None
        place = _DISPATCH_PLACE.match(text, label.end())  # "verzonden Middelburg, 31 januari 2017"
        if place and dates and dates[0].start == place.end():
            return dates[0], 0.85, strip_span(text, *place.span("place"))
        stacked = _stacked_date(text, label)
        if stacked:
            return stacked, 0.85, None
    for labels, start, end in table_rows(text, head_end):
        dates = find_dates(text, start, end)
        if labels[0] == "datum" and dates and dates[0].start - start < 3:
            return dates[0], 0.85, None
    for label in _INLINE_DATE_LABEL.finditer(text, 0, max(head_end, 1)):  # a run-together header
        dates = find_dates(text, label.end(), min(len(text), label.end() + 40))
        if dates and dates[0].start == label.end():
            return dates[0], 0.85, None
    for label in _DATE_LABEL.finditer(text, 0, max(labels_end, 1)):
        stacked = _stacked_date(text, label)
        if stacked:
            return stacked, 0.9, None
        line_end = text.find("\n", label.end())
        # a date starting on the label's line may run on to the next (a month hyphenated over the line)
        stretch_end = _end_of_lines(text, label.end(), 3 if _rest_blank(text, label.end()) else 2)
        dates = find_dates(text, label.end(), stretch_end)
        if dates and (
            dates[0].start < (line_end if line_end >= 0 else len(text)) or _rest_blank(text, label.end())
        ):
            return dates[0], 0.95, None
    for match in _PLACE_DATE.finditer(text, 0, body_end):
        dates = find_dates(text, match.start("date"), match.end("date"))
        if dates and dates[0].end == match.end("date") and dates[0].start == match.start("date"):
            return dates[0], 0.9, match.span("place")
    for match in _RUN_IN_PLACE_DATE.finditer(text, 0, min(max(head_end, 1), HEADER_LIMIT)):
        dates = find_dates(text, match.start("date"), match.end("date"))
        if dates and (dates[0].start, dates[0].end) == match.span("date"):
            return dates[0], 0.8, match.span("place")
    heading = _HEADING_DATE.search(text, 0, min(len(text), 600))
    if heading:  # "Nieuwe Natuur. (03-01-2017) Vragen … aan het College van Sluis."
        dates = find_dates(text, *heading.span("date"))
        if dates and (dates[0].start, dates[0].end) == heading.span("date"):
            return dates[0], 0.7, None
    glued = [  # a text layer that dropped the date line's spaces: "Maastricht … 1april2014"
        d
        for d in find_dates(text, 0, head_end)
        if re.fullmatch(r"[0-9]{1,2}[a-z]{3,9}[0-9]{4}", text[d.start : d.end])
        and not re.search(r"(?:ingekomen|ontvangen)\W*$", text[max(0, d.start - 30) : d.start], re.IGNORECASE)
    ]
    if len(glued) == 1:
        return glued[0], 0.7, None
    for date in find_dates(text, 0, head_end):
        line = _line_at(text, date.start)
        above = text[: text.rfind("\n", 0, date.start) + 1].rstrip()
        if above.endswith(":"):  # the value of a label above ("Datum collegebehandeling:" / "12 mei 2015")
            continue
        if _WEEKDAY_ONLY.fullmatch(
            line.replace(text[date.start : date.end], "")
        ):  # "woensdag 22 november 2017"
            return date, 0.75, None
    return None


# A web page's heading that dates the letter it carries: "Binnendijken. (12-01-2009) Vragen aan …".
_HEADING_DATE = re.compile(
    r"\((?P<date>[0-9]{1,2}-[0-9]{1,2}-[0-9]{4})\)[ \t]+(?=(?:Vragen|Brief|Schriftelijke|Technische)\b)"
)


def _stacked_date(text: str, label: re.Match[str]) -> DateMatch | None:
    """The date of a label-only line in a column of labels, read from the column of values."""
    stacked = stacked_value(text, label.start()) if _rest_blank(text, label.end()) else None
    dates = find_dates(text, stacked.start, stacked.end) if stacked else []
    if dates and stacked and (dates[0].start, dates[0].end) == (stacked.start, stacked.end):
        return dates[0]
    return None


_WEEKDAY_ONLY = re.compile(r"[\s,]*(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag[\s,]*)?", re.IGNORECASE)


def _rest_blank(text: str, position: int) -> bool:
    end = text.find("\n", position)
    return not text[position : end if end >= 0 else len(text)].strip(" \t:.")


def _end_of_lines(text: str, position: int, count: int) -> int:
    end = position
    for _ in range(count):
        following = text.find("\n", end + 1)
        if following < 0:
            return len(text)
        end = following
        while end + 1 < len(text) and text[end + 1] == "\n":
            end += 1
    return end


def _line_at(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)]


# A label is a whole word: "Onderwerpen: begroting" on a publication's metadata page is no subject line.
_SUBJECT = re.compile(
    rf"^[ \t]*(?:{noisy('onderwerp')}|{noisy('betreft')}|{noisy('inzake')})(?![^\W\d_])[ \t]*[:.]?[ \t]*",
    re.IGNORECASE | re.MULTILINE,
)
# A label inside a run-together line: "… Onderwerp: …", "… BETREFT …", "… onderwerp Toezichtsbrief …";
# "Betreft" before a lower-case word only where no sentence goes on ("Betreft het een …" does).
_INLINE_SUBJECT = re.compile(
    r"(?<=[ \t])(?:(?:Onderwerp|Betreft|BETREFT|ONDERWERP|onderwerp|betreft)(?:[ \t]*:[ \t]*(?=\S)|[ \t]*(?=[A-Z0-9'‘\"]))"
    r"|Betreft[ \t]+(?=(?!(?:het|de|een|dit|deze|die|dat|u|uw|ons|onze|hier|zowel|niet|alleen|vooral|ook|"
    r"met|om|slechts|enkel)\b)[a-z]{4,}))"
)
# The labels and sidebar a run-together header puts after the subject, without their colons:
# "… (versie 2014) kenmerk Geacht college", "… stedenbeleid Kenmerk 2009031352", "… 2017 Uw kenmerk
# Bijlage Geachte …", "Begrotingsbrief 2016 Datum De gemeenten …", "… 2014 DGBK/Bestuur, …", a
# province's sidebar ("… woningbouwprogramma 2017 Postadres Provinciehuis …").
_RUN_IN_LABEL = re.compile(
    r"[ \t]+(?:(?i:(?:ons[ \t]+|uw[ \t]+)?kenmerk|behandeld[ \t]+door|contactpersoon|doorkiesnummer|"
    r"registratienummer|zaaknummer)\b|(?:Datum|Bijlagen?|Bijlage\(n\)|Verzonden|Telefoon(?:nummer)?|Postadres|"
    r"Bezoekadres)\b|"
    r"[A-Z]{3,}/)"
)
_NOT_CONTINUATION = re.compile(
    rf"^[ \t]*(?:{noisy('datum')}|{noisy('kenmerk')}|ons|uw|bijlage|geachte?|beste|zaaknummer|dossier|"
    r"behandeld|contact|telefoon|e-?mail|verzonden|aan\b|t\.a\.v|afdeling|doorkiesnummer|referentie|[0-9]|"
    r"\S[ \t]*$)",  # a lone mark on its own line ("X", a box a form printed)
    re.IGNORECASE,
)
_PHONE = re.compile(r"\s+(?:\+31|\(?0[0-9]{1,3}\)?)[ -]?[0-9][0-9 -]{5,}[0-9]\s*$")
# A run-together header puts the next label on the subject's line: "Onderwerp: Beantwoording …
# Verzonden op: 2 september 2020".
_NEXT_LABEL = re.compile(
    r"[ \t]+(?:Verzonden(?:[ \t]+op)?|Datum|Uw kenmerk|Ons kenmerk|Kenmerk|Uw brief van|Bijlagen?|Zaaknummer|"
    r"(?:Wordt[ \t]+)?[Bb]ehandeld door|Telefoon)[ \t]*:"
)
# … or the address or salutation that follows the subject: "Onderwerp: uitnodiging … Aan de leden van
# het algemeen bestuur …,".
_RUN_IN_NEXT = re.compile(
    r"[ \t]+(?:Aan[ \t]+(?:de|het)[ \t]+(?:leden|college|raad|gemeenteraad|dagelijks|algemeen)\b|Geachte?[ \t]|"
    # a raadsvoorstel's proposed decision ("Onderwerp: Concept Kadernota … De raad besluit: …")
    r"(?:De|Het)[ \t]+(?:raad|college|gemeenteraad)[ \t]+(?:besluit|stelt)\b|"
    # any next label of the run-together form ("… (ODRU) Advies: 1. In te stemmen …")
    r"[A-Z][a-z]{3,}(?:[ \t]+[a-z]+){0,2}[ \t]*:[ \t])"
)


def find_subject(text: str, head_end: int) -> tuple[int, int, str] | None:
    """The Onderwerp/Betreft line, with its continuation lines, as (start, end, value)."""
    match = _SUBJECT.search(text, 0, max(head_end, 1))
    if match is None:
        inline = _INLINE_SUBJECT.search(text, 0, max(head_end, 1))
        if inline is None:
            return None
        line_end = text.find("\n", inline.end())
        end = min(head_end, line_end if line_end >= 0 else len(text))
        line_start = text.rfind("\n", 0, inline.start()) + 1
        row = max(line_start, inline.start() - 160), inline.start()
        if len(_ROW_LABELS.findall(text, *row)) >= 3:
            # without an e-mail column the telephone is the row's last contact value
            return _last_of_row(text, inline.end(), end, phone_last=not _MAIL_LABEL.search(text, *row))
        cuts = [
            m.start()
            for m in (
                _NEXT_LABEL.search(text, inline.end(), end),
                _RUN_IN_NEXT.search(text, inline.end(), end),
                _RUN_IN_LABEL.search(text, inline.end(), end),
            )
            if m is not None
        ]
        span = strip_span(text, inline.end(), min(cuts, default=end), " \t\r\n")
        return (*span, normalise_subject(text[slice(*span)])) if span[1] > span[0] else None
    start = match.end()
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    in_label_row = label_row(_line_at(text, match.start())) is not None
    stacked = None if text[start:line_end].strip(" \t:") else stacked_value(text, match.start())
    if stacked:  # "betreft" / "ons kenmerk" / "datum" over "Reactie VNG op de" / … / "Omgevingswet"
        return _dangling_continued(text, stacked.start, stacked.end, head_end, skip_lines=stacked.later)
    if in_label_row or not text[start:line_end].strip(" \t:"):  # the subject is on the next line
        following = re.compile(r"\s*\n[ \t]*(?::[ \t]*)?(?=\S)").match(text, line_end)
        if not following:
            return None
        start = following.end()
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
    if in_label_row:  # "Onderwerp Telefoonnummer" over "Concept informatieprotocol 06-53381467"
        phone = _PHONE.search(text, start, line_end)
        span = strip_span(text, start, phone.start() if phone else line_end, " \t\r\n")
        return (*span, normalise_subject(text[slice(*span)])) if span[1] > span[0] else None
    end = line_end
    stacked_below = start > match.end()  # "Onderwerp" alone on its line, the value on the next
    while True:
        continuation = re.compile(r"\n[ \t]*(?=\S)([^\n]*)").match(text, end)
        if (
            not continuation
            or _NOT_CONTINUATION.match(continuation[1])
            # under a label of its own the value is one line, unless it goes on in lower case or its
            # last word dangles ("Zienswijzen … Zuid Limburg" / "Advies sprekersplein" is the next label)
            or (stacked_below and continuation[1][:1].isupper() and not _DANGLING.search(text[start:end]))
            or _is_place_date(continuation[1])
            or end >= head_end
        ):
            break
        if continuation.end() > head_end:
            break
        end = continuation.end()
    label = _NEXT_LABEL.search(text, start, end)
    span = strip_span(text, start, label.start() if label else end, " \t\r\n")
    return _dangling_continued(text, *span, head_end) if span[1] > span[0] else None


# A row of labels ran together before "Onderwerp" puts their values after it, in the same order:
# "Datum Briefnummer Zaaknummer Behandeld door Telefoonnummer E mail Antwoord op Bijlagen Onderwerp 2 O
# SEP /38/A.10, ABJ … (050) d.…@provinciegroningen.nl 1 Jaarverslag provinciale archiefinspecteurs 2010
# Geachte …". The subject is the last value: after the e-mail address (and a count of attachments).
_ROW_LABELS = re.compile(
    r"\b(?:Datum|Briefnummer|Zaaknummer|Behandeld door|Telefoonnummer|E[ -]?mail|Antwoord op|Bijlagen?|Kenmerk)\b"
    r"(?![ \t]*:)"  # "Datum : … Briefnummer : …" give each value after its own label: no row
)
_MAIL_LABEL = re.compile(r"\bE[ -]?mail\b")
_ROW_PHONE = re.compile(r"\(0[0-9]{2,3}\)(?:[ \t]*[0-9][0-9 -]{4,}[0-9])?")
_ROW_ADDRESS = re.compile(r"\S+\.(?:nl|com|eu)\b(?:[ \t]+[0-9]{1,2}\b)?")
_TRAILING_MARKS = re.compile(r"(?:[ \t]+(?:[a-z]|[^\w\s]+)(?=[ \t]|$))+[ \t]*$")


def _last_of_row(text: str, start: int, end: int, *, phone_last: bool) -> tuple[int, int, str] | None:
    # the last contact value before the subject: an e-mail address or web site, else, in a row without
    # an e-mail column, the telephone number, often only its area code: "… P.J. (050) Beleidsregel …"
    addresses = list(_ROW_ADDRESS.finditer(text, start, end))
    if not addresses and phone_last:
        addresses = list(_ROW_PHONE.finditer(text, start, end))
    if not addresses:
        return None  # which value is the subject the row does not tell
    value_start = addresses[-1].end()
    value = text[value_start:end]
    marks = _TRAILING_MARKS.search(value)  # "… (IBT) a '": stray marks before the salutation
    span = strip_span(text, value_start, value_start + (marks.start() if marks else len(value)), " \t\r\n")
    return (*span, normalise_subject(text[slice(*span)])) if span[1] > span[0] else None


def _is_place_date(line: str) -> bool:
    """Whether a line is a "Place, date" line ("Oostburg, d.d. 12-01-2009,"): no subject goes on into it."""
    match = _PLACE_DATE.fullmatch(line)
    if match is None:
        return False
    dates = find_dates(line, match.start("date"), match.end("date"))
    return bool(dates) and (dates[0].start, dates[0].end) == match.span("date")


def subject_after_salutation(text: str, salutation: re.Match[str]) -> tuple[int, int, str] | None:
    """A "Betreft …" paragraph directly under the salutation, as a party's written questions to a
    board open ("Geacht College, / Betreft schriftelijke vragen conform Art. 44 … ."): (start, end, value)."""
    following = re.compile(r"[ \t]*\n(?:[ \t]*\n)*").match(text, salutation.end())
    if following is None:
        return None
    match = _SUBJECT.match(text, following.end())
    if match is None or match.end() == following.end():
        return None
    paragraph_end = re.compile(r"\n[ \t]*\n|\Z").search(text, match.end())
    end = min(paragraph_end.start() if paragraph_end else len(text), match.end() + 400)
    span = strip_span(text, match.end(), end, " \t\r\n")
    value = normalise_subject(text[slice(*span)])
    return (*span, value) if value and "\n\n" not in text[slice(*span)] else None


# A subject line that stops on a preposition, article or conjunction goes on, even past a blank
# line (an OCR'd text that doubles every line break) or onto a line that starts with a date.
_DANGLING = re.compile(
    r"\b(?:van|de|het|een|en|voor|inzake|over|op|in|met|tot|te|aan|of|der|des|bij|naar|om|tussen)[ \t]*$"
)
_LABEL_START = re.compile(
    rf"^[ \t]*(?:{noisy('datum')}|{noisy('kenmerk')}|ons\b|uw\b|bijlage|geachte?|beste|zaaknummer|aan\b)",
    re.IGNORECASE,
)


def _dangling_continued(
    text: str, start: int, end: int, head_end: int, skip_lines: int = 0
) -> tuple[int, int, str]:
    """(start, end, value) of a subject extended over the lines a dangling last word says it goes on
    to; `skip_lines` non-blank lines (the other values of a column of labels) are passed over first
    and left out of the value."""
    value, position = text[start:end], end
    while position < head_end:
        following = list(re.finditer(r"[^\n]*\S[^\n]*", text[position : min(len(text), position + 600)]))
        if len(following) <= skip_lines:
            break
        line = following[skip_lines]
        # a value a column cut over two lines goes on in lower case on the very next line
        # ("Tekst artikel 1 Nederlandse" / "grondwet bij Stadskantoor")
        lower = (
            skip_lines == 0
            and "\n" not in text[position + 1 : position + line.start()]
            and re.match(r"[ \t]*[a-zà-ÿ]", line[0]) is not None
            and ":" not in line[0]
            and not re.search(r"[.:;,]\s*$", value)
        )
        if not (_DANGLING.search(value) or lower):
            break
        if _LABEL_START.match(line[0]) or position + line.end() > head_end:
            break
        value += "\n" + line[0]
        position += line.end()
        skip_lines = 0
    return start, position, normalise_subject(value)


def normalise_subject(raw: str) -> str:
    joined = re.sub(r"(?<=[a-z])-\s*\n\s*(?=[a-z])", "", raw)
    # the colons of a row of labels ran before the value: "Betreft : : : : : Budgetsubsidie …"
    return re.sub(r"^[\s:]+", "", re.sub(r"\s+", " ", joined)).strip().rstrip(".").strip()


# A "subject" that is only the next label of the header ("Betreft" in a row of labels whose values
# follow in another order: "Aan Datum Betreft Contactpersoon …") is no subject.
_LABEL_ONLY = re.compile(
    r"(?:ons |uw )?kenmerk|contactpersoon|datum|bijlagen?|bijlage\(n\)|doorkiesnummer|telefoon(?:nummer)?|"
    r"e-?mail|behandeld door|zaaknummer|briefnummer|aan|cc|verzonden|uw brief van",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- references and citations


def references(text: str, head_end: int) -> tuple[Found | None, Found | None, list[Found]]:
    ours: Found | None = None
    yours: Found | None = None
    dossiers: list[Found] = []
    for ref in find_reference_lines(text, head_end):
        found = _found(text, ref.value, ref.start, ref.end, ref.confidence)
        if ref.role == OURS and ours is None:
            ours = found
        elif ref.role == YOURS and yours is None:
            yours = found
        elif ref.role == DOSSIER and all(d.value != ref.value for d in dossiers):
            dossiers.append(found)
    return ours, yours, dossiers


_CITE_AFTER = re.compile(
    r"(?:\b|(?<=naar))(?P<who>uw|de|onze|hun|zijn|haar|mijn|een|bij|per)\s+(?:leden)?brief\s+"
    r"(?:[‘'\"“][^’'\"”\n]{2,80}[’'\"”]\s+)?"  # its title quoted: "de brief ‘Stedenbeleid vanaf 2010’ van …"
    # a header's label with its colon: "Uw Kenmerk: 12.504528 Uw brief van: 3 december 2012"
    r"(?:van(?![a-z])(?:[ \t]*:)?|\(?d\.\s?d\.|gedateerd\b|met\s+dagtekening\b|verzonden\s+op\b)\s*",
    re.IGNORECASE,
)
# Between "de brief van" and the date: nothing, or who wrote it ending in "van" ("… van Lelystad van 10 juli").
_CITE_WRITER = re.compile(r"(?:(?P<writer>[^.;:]{0,140}?)\s*\bvan\s*)?")
# "de brief die VROM op 22 mei 2008 (kenmerk: …) heeft gestuurd": the writer before "op" and the date.
_CITE_WHO_ON = re.compile(
    r"\b(?P<who>de|een)\s+brief\s+die\s+(?P<writer>[^,.;:\n]{2,80}?)\s+op\s+(?=\S{1,3}\s*[a-z])",
    re.IGNORECASE,
)
_CITE_BEFORE = re.compile(r"\b[Oo]p\s+(?:d\.[ \t]?d\.[ \t]*)?(?=\S{1,3}\s*[a-z0-9])")
_CITE_BEFORE_TAIL = re.compile(
    r"\s*(?:ontvingen|ontving|kregen|hebben|heb|hebt|heeft|stuurde|stuurden|zond|zonden)\s+(?:wij|we|ik|u)\s+"
    r"(?:\w+\s+){0,2}(?P<who>uw|de|een|hun|mijn|onze)\s+brief"
    # written questions are a letter too: "Op d.d. 02-08-2010 heb ik namens Lijst Babijn vragen gesteld"
    r"|\s*(?:heb|hebben)\s+(?P<asker>ik|wij|we)\s+(?:[\w-]+\s+){0,4}vragen\s+gesteld\b",
    re.IGNORECASE,
)
_CITE_REFERENCE = re.compile(
    rf"(?:{noisy('kenmerk')}|{noisy('referentie')}|\bnummer|\bnr\.?)[\s:]*", re.IGNORECASE
)
_SENTENCE_END = re.compile(
    r"(?<=[a-z0-9)]{2})\.(?=\s)|\n[ \t]*\n[ \t]*(?=[A-Z])"
    r"|\n(?=[ \t]*(?:Geachte?|Datum|Ons kenmerk|Uw kenmerk|Kenmerk|Betreft|Onderwerp)\b)"
)


def find_citations(
    text: str, mentioned: Sequence[OrgMention] = ()
) -> list[tuple[Citation, str, list[Found]]]:
    """Letters cited ("uw brief van 24 januari 2019, kenmerk …"): citation, whose letter, glued extras.
    Where the text names the cited letter's writer ("de brief van Gedeputeerde Staten van Zuid-Holland
    van …", "de brief die VROM op … heeft gestuurd"), that organisation is the citation's sender."""
    found: list[tuple[Citation, str, list[Found]]] = []
    for match in _CITE_AFTER.finditer(text):
        dates = find_dates(text, match.end(), min(len(text), match.end() + 180))
        writer = _CITE_WRITER.fullmatch(text, match.end(), dates[0].start) if dates else None
        if writer:
            citation, who, extras = _citation(text, dates[0], match.start(), match["who"].lower())
            if writer["writer"]:
                citation = Citation(
                    citation.date, citation.reference, cited_writer(text, *writer.span("writer"), mentioned)
                )
            found.append((citation, who, extras))
    for match in _CITE_WHO_ON.finditer(text):
        dates = find_dates(text, match.end(), min(len(text), match.end() + 30))
        if dates and dates[0].start == match.end():
            citation, who, extras = _citation(text, dates[0], match.start(), match["who"].lower())
            sender = cited_writer(text, *match.span("writer"), mentioned)
            found.append((Citation(citation.date, citation.reference, sender), who, extras))
    for match in _CITE_BEFORE.finditer(text):
        dates = find_dates(text, match.end(), min(len(text), match.end() + 30))
        if dates and dates[0].start == match.end():
            tail = _CITE_BEFORE_TAIL.match(text, dates[0].end)
            if tail:
                who = (tail["who"] or ("mijn" if tail["asker"].lower() == "ik" else "onze")).lower()
                found.append(_citation(text, dates[0], match.start(), who))
    return sorted(found, key=lambda item: item[0].date.start if item[0].date else 0)


def cited_writer(text: str, start: int, end: int, mentioned: Sequence[OrgMention]) -> Found | None:
    """The writer named in text[start:end]: an organisation found there (a TOOI code, a ministry by
    name), else a capitalised name as written ("VROM"); "ik"/"wij" and the like name no one."""
    inside = [
        m
        for m in mentioned
        if start <= m.start < end and (m.resolved or m.value.startswith("ministerie van"))
    ]
    if inside:
        return _from_mention(text, inside[0], 0.7)
    name = re.fullmatch(
        r"\s*(?:de|het)?\s*(?P<name>[A-Z][\w&+./-]*(?:\s+[A-Z][\w&+./-]*){0,5})\s*", text[start:end]
    )
    if name is None:
        return None
    return _found(text, name["name"], start + name.start("name"), start + name.end("name"), 0.5)


def _merge_citation(cites: list[Citation], new: Citation) -> list[Citation]:
    """One citation per cited letter: the header's "Uw brief van" and the body's "uw brief van" are one."""
    for index, old in enumerate(cites):
        same_date = old.date and new.date and old.date.value == new.date.value
        if same_date and (
            old.reference is None or new.reference is None or old.reference.value == new.reference.value
        ):
            cites[index] = Citation(old.date, old.reference or new.reference, old.sender or new.sender)
            return cites
    return cites + [new]


_BRACKETED_REFERENCE = re.compile(rf"[ \t]*\((?P<v>(?=[^)]*[0-9])(?:{VALUE}))\)")


def _citation(text: str, date: DateMatch, start: int, who: str) -> tuple[Citation, str, list[Found]]:
    date_found = _found(text, date.iso, date.start, date.end, date.confidence * 0.95)
    sentence = _SENTENCE_END.search(text, date.end)
    end = min(sentence.start() if sentence else len(text), date.end + 300)
    label = _CITE_REFERENCE.search(text, date.end, end)
    if label and find_dates(
        text, date.end, label.start()
    ):  # "… van 29 maart … ingezonden op 18 april met kenmerk …"
        label = None  # the reference belongs to what the later date dates
    span = value_after(text, label.end(), next_line=False) if label else None
    if span and label and _serial_label(label[0]) and re.fullmatch(r"[0-9]{1,4}", text[slice(*span)]):
        span = None  # "(Kamerstuk 27 625, nr. 492)": a paper's number in its dossier, no reference
    bracketed = _BRACKETED_REFERENCE.match(text, date.end) if span is None else None
    if bracketed:  # "In de ledenbrief van 16 november 2021 (Lbr. 21/077)"
        span = bracketed.span("v")
    reference = None
    extras: list[Found] = []
    if span:
        pieces = split_glued(text, *span)
        a, b = pieces[0]
        reference = _found(text, clean_reference(text[a:b]), a, b, 0.8)
        extras = [_found(text, clean_reference(text[a:b]), a, b, 0.7) for a, b in pieces[1:]]
    return Citation(date_found, reference, None), who, extras


def _serial_label(label: str) -> bool:
    """ "nr." or "nummer": labels that also number a paper within a series."""
    return re.match(r"\s*(?:nr|nummer)\b", label, re.IGNORECASE) is not None


_DOSSIER_IN_BODY = re.compile(
    r"\b(?:dossier|dossiernummer|zaak|zaaknummer)(?![a-z])[^.]{0,400}?\((?P<ref>[A-Z][A-Z0-9./_-]*[0-9][A-Z0-9./_-]*)\)"
)


def _reference_in(text: str, start: int, end: int) -> Found | None:
    label = _CITE_REFERENCE.search(text, start, end)
    span = value_after(text, label.end(), next_line=False) if label else None
    if span is None or span[1] > end + 1:
        return None
    a, b = split_glued(text, *span)[0]
    return _found(text, clean_reference(text[a:b]), a, b, 0.6)


# ---------------------------------------------------------------- organisations


def mentions(text: str, date: str | None) -> list[OrgMention]:
    found = find_kind_phrases(text, date) + find_register_names(text, date) + find_ministries(text)
    head = letterhead_name(text, date, found) or logo_name(text, date)
    return sorted(found + ([head] if head else []), key=lambda m: m.start)


def organisations_mentioned(text: str, found: Sequence[OrgMention]) -> tuple[Found, ...]:
    """Each resolved organisation (or named ministry) once, at its first mention."""
    seen: dict[str, Found] = {}
    for mention in found:
        if (mention.resolved or is_ministry(mention.value)) and mention.value not in seen:
            seen[mention.value] = _found(text, mention.value, mention.start, mention.end, mention.confidence)
    return tuple(seen.values())


# "Namens …," opening a line, or (a web page that ran the signature into the last sentence) after
# the end of a sentence: "… (nieuwsbrief april 2018) Namens de Gebiedscommissie …,".
_NAMENS = re.compile(
    r"(?:^[ \t]*(?:namens|amens|mens)|(?<=[.)][ \t])namens(?=[^\n]*,[ \t]*$))[ \t]+(?!deze\b|dezen\b)"
    r"(?P<who>[^\n]{4,120}?)[ \t,]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BODY_WORDS = (
    (r"\bcolleges?\b|burgemeester\s+en\s+wethouders|\bb\s*(?:&|en)\s*w\b", COLLEGE),
    (r"gedeputeerde\s+staten", GS),
    (r"provinciale\s+staten", PS),
    (r"\braden\b|\braad\b", COUNCIL),
)


def _body_of(phrase: str) -> str | None:
    for pattern, body in _BODY_WORDS:
        if re.search(pattern, phrase, re.IGNORECASE):
            return body
    return None


# Dutch political parties by the names they sign with: "namens de PVV Noord-Brabant" is a party, not
# the province whose name follows.
_PARTIES = r"PVV|CDA|VVD|SP|D66|SGP|PvdA|PvdD|GroenLinks|GL|ChristenUnie|CU|BBB|JA21|FvD|DENK|50PLUS|Volt|NSC"
_PARTY_NAME = re.compile(
    rf"(?:(?:{_PARTIES})(?![\w-])|[^\n]*(?:fractie|[Pp]artij|PARTIJ)\b|Lijst[ \t]+[A-Z])"
)
# A party's line in the signature block: "Statenfractie PARTIJ VOOR ZEELAND (PVZ),", "Lijst Babijn".
_PARTY_LINE = re.compile(
    r"^[ \t]*(?P<who>(?:Statenfractie|Raadsfractie|Waterschapsfractie|Fractie|Lijst)[ \t]+[^\n]{2,80}?|"
    r"[A-Z][\w/&+-]*-fractie)[ \t,]*$",
    re.MULTILINE,
)
_MEMBER_OF = re.compile(r"\b(?:lid|leden)[ \t]+(?:van[ \t]+(?:de[ \t]+)?)?$", re.IGNORECASE)


def on_behalf_of(
    text: str, zone: tuple[int, int], found: Sequence[OrgMention], groups: Mapping[str, Sequence[str]]
) -> tuple[Found | None, tuple[Found, ...]]:
    """The body the block signs for ("namens …", "Burgemeester en wethouders van …"), with a group's members."""
    namens = _NAMENS.search(text, *zone)
    if namens:
        start, end = namens.span("who")
        article = re.match(r"(?:de|het)\s+(?=\S)", namens["who"], re.IGNORECASE)
        party = _PARTY_NAME.match(namens["who"], article.end() if article else 0)
        inside = [m for m in found if start <= m.start < end and m.resolved]
        if inside and not party:
            own = _from_mention(text, inside[0], 0.85)
            if len({body for pattern, body in _BODY_WORDS if re.search(pattern, namens["who"], re.I)}) > 1:
                # "namens Provinciale Staten en het college van Gedeputeerde Staten van …": two bodies
                own = replace(own, detail=None)
            return own, ()
        body = _body_of(namens["who"])
        members = _group_members(text, start, end, groups, body)
        if article and not body:  # "namens de BSD-fractie": the party's name, without the article
            start += article.end()
        who = re.sub(r"\s+", " ", text[start:end]).strip()
        return _found(text, who, start, end, 0.7, body), members
    party_line = _PARTY_LINE.search(text, *zone)
    if party_line:  # "Hoogachtend, / Statenfractie PARTIJ VOOR ZEELAND (PVZ), / …"
        return _found(text, party_line["who"].strip(), *party_line.span("who"), 0.7), ()
    in_zone = [
        m
        for m in found
        if zone[0] <= m.start < zone[1] and m.body and not _MEMBER_OF.search(text, zone[0], m.start)
    ]
    resolved = [m for m in in_zone if m.resolved]
    if resolved:
        return _from_mention(text, resolved[0], 0.9), ()
    if in_zone:
        return _from_mention(text, in_zone[0], 0.5), ()
    return None, ()


def _group_members(
    text: str, start: int, end: int, groups: Mapping[str, Sequence[str]], body: str | None
) -> tuple[Found, ...]:
    folded = fold(text[start:end])
    for name, codes in sorted(groups.items(), key=lambda item: -len(item[0])):
        if fold(name) and fold(name) in folded:
            return tuple(_found(text, code, start, end, 0.7, body) for code in codes)
    return ()


_ADDRESS_LINE = re.compile(
    r"^[ \t]*(?:aan|t\.?\s?a\.?\s?v\.?|ter\s+attentie\s+van)\b[ \t:.]*(?P<rest>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)
_POSTAL = re.compile(
    r"^[ \t]*(?:postbus\b|[^\n]*\b[1-9][0-9]{3}[ \t]?[A-Z]{2}\b)", re.IGNORECASE | re.MULTILINE
)
_SENDER_ADDRESS = re.compile(
    r"retouradres|postadres|bezoekadres|afzender|correspondentieadres", re.IGNORECASE
)
_COUNCIL_WORDS = re.compile(
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
    for line in _ADDRESS_LINE.finditer(text, 0, max(head_end, 1)):
        line_end = _address_end(text, _end_of_lines(text, line.start(), 2 if not line["rest"].strip() else 1))
        hits = _named_once([m for m in in_header if line.start() <= m.start < line_end])
        group = _addressed_group(text, line.start("rest"), line_end)
        if group is not None and not any(m.resolved and m.value[:2] in ("gm", "pv") for m in hits):
            # "Aan de raden van de aan … deelnemende gemeenten,": a group, as written (a list of named
            # municipalities is their colleges, each)
            picked.append(group)
            continue
        picked += [_found(text, m.value, m.start, m.end, 0.9 if m.resolved else 0.5, m.body) for m in hits]
        if not hits:
            own = _own_body(text, line.start("rest"), line_end, sender)
            if own:
                picked.append(own)
    if not picked:
        picked = _attention_lines(text, in_header)
    if not picked:
        # the sender's own letterhead (its name over its postal address) is no address: a body writes to
        # its own council or college (named as such), not to itself
        picked = [
            a
            for a in _address_block(text, head_end, found, sender)
            if sender is None or a.value != sender.value or a.detail is not None
        ]
    if not picked and salutation is not None:  # "Geacht college van burgemeester en wethouders van Grave,"
        named = [m for m in found if salutation.start() <= m.start < salutation.end() and m.resolved]
        picked += [_from_mention(text, m, 0.8) for m in named]
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
                picked.append(_from_mention(text, board[0], 0.5))
                break
    unique: dict[str, Found] = {}
    for item in picked:
        unique.setdefault(item.value, item)
    return tuple(_province_of(item, found) for item in unique.values())


# An address without "Aan": a line that opens with the addressed board and ends with its name ("De
# leden van de raad van de gemeente Groningen te" / "GRONINGEN"); in a run-together header a body
# followed by "T.a.v." ("Gemeente Goeree-Overflakkee T.a.v. College van B&W, de heer …") or by a
# person and a postal address ("Veiligheidsregio Utrecht De heer J.M.P. Wink Postbus 3154 …").
_BOARD_OPENS_LINE = re.compile(
    r"[ \t]*(?:de[ \t]+leden[ \t]+van[ \t]+de[ \t]+(?:gemeente)?raad|de[ \t]+(?:gemeente)?raad|het[ \t]+college)[ \t]+van\b",
    re.IGNORECASE,
)
_NAME_ENDS_LINE = re.compile(r"[ \t]*(?:te\b[ \t]*)?,?[ \t]*$", re.MULTILINE)
_ATTENTION_AFTER = re.compile(
    r"[ \t]+(?:T\.?[ \t]?a\.?[ \t]?v\.?(?=[ \t])|(?:[Dd]e[ \t]+heer|[Mm]evrouw)[ \t]+[^\n]{2,60}?[ \t]Postbus\b)"
)


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
        if (opens and _NAME_ENDS_LINE.match(text, m.end)) or attention:
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
                return (_from_mention(text, named[-1], 0.6),)
    return ()


_COUNCIL_ALONE = re.compile(
    r"(?:^[ \t]*(?P<line>)|(?<=\s)Aan[ \t]*:[ \t]*|(?<=\s)(?-i:Aan)[ \t]+(?=de[ \t]+(?:leden[ \t]+van[ \t]+de[ \t]+)?"
    r"gemeenteraad\b))(?P<body>(?:de[ \t]+)?(?:leden[ \t]+van[ \t]+(?:de[ \t]+)?)?"
    r"(?:gemeenteraad|raad|provinciale[ \t]+staten))\b(?(line)[ \t]*,?[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
# An address line to a group of councils or colleges the register has no record for.
_GROUP = re.compile(
    r"[ \t]*(?P<group>(?:de[ \t]+)?(?:gemeente)?(?:raden|colleges)(?:[ \t]+en[ \t]+(?:gemeente)?(?:raden|colleges))?"
    r"[ \t]+(?:van|in)[ \t]+[^\n]{3,140}?)[ \t]*[,.]?[ \t]*$",
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
_COUNCIL_LIST = re.compile(
    r"(?<![\w-])Aan[ \t]+de[ \t]+(?:gemeente)?raden\b(?:[ \t]+van[ \t]+(?:de[ \t]+)?(?:gemeenten[ \t]+)?(?=[A-Z])|"
    r"(?P<lost>[^,\n]{0,60}?),[ \t]*)",
    re.IGNORECASE,
)
_LISTED_NAME = re.compile(r"[ \t]*(?P<name>[A-Z][\w'’]*(?:[- ][A-Z][\w'’]*){0,3})[ \t]*(?P<sep>,|\ben\b)?")


def listed_councils(text: str, head_end: int, date: str | None) -> tuple[Found, ...]:
    """Each council of a list of municipalities after "Aan de raden …" (see above): the names the
    register resolves as municipalities, at least two; a name OCR lost is left out."""
    match = _COUNCIL_LIST.search(text, 0, max(min(head_end, HEADER_LIMIT), 1))
    if match is None:
        return ()
    gazetteer = load_gazetteer()
    found: list[Found] = []
    position = match.end()
    if match["lost"]:  # "Aan de raden-v@n-de-gemeentenn Ede, …": the first name, if OCR kept it whole
        last = re.search(r"[A-Z][\w'’-]*$", match["lost"].rstrip())
        first = gazetteer.resolve(last[0], kinds=("gemeente",), date=date, fuzzy=False) if last else None
        if last is not None and first is not None and first.code.startswith("gm"):
            start = match.start("lost") + last.start()
            found.append(_found(text, first.code, start, start + len(last[0]), 0.6, COUNCIL))
    for _ in range(30):
        name = _LISTED_NAME.match(text, position)
        if name is None:
            break
        resolved = gazetteer.resolve(name["name"], kinds=("gemeente",), date=date)
        if resolved is not None and resolved.code.startswith("gm"):
            found.append(_found(text, resolved.code, *name.span("name"), 0.6 + 0.3 * resolved.score, COUNCIL))
        if name["sep"] is None:
            break
        position = name.end()
        if name["sep"] == "en":  # the last name of the list
            last = _LISTED_NAME.match(text, position)
            if last is not None:
                resolved = gazetteer.resolve(last["name"].split()[0], kinds=("gemeente",), date=date)
                if resolved is not None and resolved.code.startswith("gm"):
                    span = last.start("name"), last.start("name") + len(last["name"].split()[0])
                    found.append(_found(text, resolved.code, *span, 0.6 + 0.3 * resolved.score, COUNCIL))
            break
    unique = {f.value: f for f in found}
    return tuple(unique.values()) if len(unique) >= 2 else ()


def council_alone(text: str, head_end: int, sender: Found | None) -> tuple[Found, ...]:
    """ "Gemeenteraad" alone in the address window (under Utrecht's letterhead), a memo's "Aan :
    Gemeenteraad", a run-together header's "… Aan de leden van de gemeenteraad Centraal nummer …": the council of the sender's municipality (else "gemeenteraad" as written). It says
    who receives the letter, not that it is a raadsinformatiebrief."""
    council = _COUNCIL_ALONE.search(text, 0, max(min(head_end, HEADER_LIMIT), 1)) or _PROPOSAL.search(
        text, 0, max(min(head_end, 600), 1)
    )
    own = _own_body(text, council.start("body"), council.end("body"), sender) if council else None
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


def _province_of(addressee: Found, found: Sequence[OrgMention]) -> Found:
    """ "Aan het College van Gedeputeerde Staten" at the provinciehuis's address names no province;
    the letter may name it elsewhere ("Lid Provinciale Staten van Zeeland", "de Provincie Zeeland").
    Where it names exactly one province, that is the addressee's; otherwise it stays as written."""
    if addressee.detail != GS or addressee.value.startswith("pv"):
        return addressee
    provinces = {m.value for m in found if m.resolved and m.value.startswith("pv")}
    if len(provinces) != 1:
        return addressee
    return replace(addressee, value=provinces.pop(), confidence=min(addressee.confidence, 0.6))


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
        if line_end >= len(text) or not following.strip() or _POSTAL.match(following):
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


def _address_block(
    text: str, head_end: int, found: Sequence[OrgMention], sender: Found | None
) -> list[Found]:
    """Bodies named in the lines just above a postal address (Postbus, postcode): the address block,
    read upwards until a blank line, the letterhead, the sender's own address or a line that is no
    part of an address."""
    head = letterhead_sender(text, found, head_end)
    picked: list[Found] = []
    doubled = _double_spaced(text, head_end)
    for postal in _POSTAL.finditer(text, 0, max(head_end, 1)):
        if _SENDER_ADDRESS.search(_line_at(text, postal.start())):
            continue
        line_end = text.rfind("\n", 0, postal.start())
        for _ in range(10 if doubled else 5):
            if line_end <= 0:
                break
            line_start = text.rfind("\n", 0, line_end) + 1
            line = text[line_start:line_end]
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
                or _SENDER_ADDRESS.search(line)
                or (head and head.start >= line_start and head.start < line_end)
            ):
                break
            if not named and not _STREET.search(line) and not _LABEL_OR_DATE_LINE.match(line):
                break
            picked += [
                _from_mention(text, m, 0.75)
                for m in named
                if not (sender and sender.start == m.start) and all(p.start != m.start for p in picked)
            ]
            line_end = line_start - 1
    return sorted(picked, key=lambda f: f.start)


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
    for pattern, body, prefix in ((_STATES_WORDS, PS, "pv"), (_COUNCIL_WORDS, COUNCIL, "gm")):
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


# A copy whose text layer ran the whole header into one line opens with the letterhead: "1 Gedeputeerde
# Staten vkff Provincie ^Zeeland De voorzitter van …", "1 'Uil Ministerie van Binnenlandse Zaken en
# Koninkrijksrelaties > Retouradres …". A body followed by a date or "Ingekomen" is the receiver's
# stamp ("GEMEENTE BOXTEL 2 0 MEI 2014"), and one after "Aan"/"T.a.v." the addressee.
_STAMP_AFTER = re.compile(
    r"[ \t]*(?:[0-9][0-9 ]{0,3}[ \t]*(?:[a-z]{3,9}\.?|[0-9]{1,2})\b|ingekomen|ontvangen|nr\b|inge-)",
    re.IGNORECASE,
)
_BEFORE_LETTERHEAD = re.compile(r"[^\n]{0,40}")


def _run_together_letterhead(text: str, found: Sequence[OrgMention], head_end: int) -> OrgMention | None:
    long_line = next(
        (m for m in re.finditer(r"[^\n]*\S[^\n]*", text[: min(len(text), 1500)]) if len(m[0]) > 200), None
    )
    if long_line is None:  # (a host's title line may stand above it)
        return None
    line_start = long_line.start() + len(long_line[0]) - len(long_line[0].lstrip())
    for mention in found:
        if not line_start <= mention.start < min(line_start + 60, head_end):
            continue
        if not (mention.resolved or mention.value.startswith("ministerie van ")):
            continue
        before = text[line_start : mention.start]
        if re.search(r"\b(?:aan|t\.?\s?a\.?\s?v|van|[0-9]{4})\b", before, re.IGNORECASE):
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


def _letterhead_board(text: str, sender: Found, head_end: int) -> Found:
    """The sender with the board its letterhead names first, where it is of the sender's kind."""
    head = _BOARD_HEAD.match(text, host_title_end_of_blanked(text))
    if head is None or head.start() >= head_end:
        return sender
    if head["gs"] and sender.value.startswith("pv"):
        return replace(sender, detail=GS)
    if head["college"] and sender.value.startswith("gm"):
        return replace(sender, detail=COLLEGE)
    return sender


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
    if index - first < 2 or index + 1 >= len(lines) or not _ADDRESS_LINE.match(lines[index + 1][0]):
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
    provinces = [m for m in found if m.resolved and m.value.startswith("pv")]
    if len({m.value for m in provinces}) != 1:
        return None
    return provinces[0]


def letterhead_sender(text: str, found: Sequence[OrgMention], head_end: int) -> OrgMention | None:
    """An organisation named on a short line among the first lines of the letter, not in an address
    block: a body directly above a postal address is the addressee, unless another body's line
    comes between them (then the first is the letterhead and the second the address)."""
    first_lines = min(_end_of_lines(text, 0, 4), 300)
    leading = len(text) - len(text.lstrip())
    first_block = text.find("\n\n", leading)
    second_line = _end_of_lines(text, leading, 2)
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
        line = _line_at(text, mention.start)
        if (
            len(line.strip()) > 100
            or _ADDRESS_LINE.match(line)
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
        near = text[mention.end : _end_of_lines(text, mention.end, 2)]
        if first_block >= 0 and mention.start > max(first_block, second_line):
            if _SENDER_ADDRESS.search(
                near
            ):  # "Burgemeester van Utrecht / Postadres Postbus …" under a page title
                return mention
            continue  # below the first block: an address, the letterhead was above
        postal = _POSTAL.search(near)
        if postal and not _SENDER_ADDRESS.search(near):
            between = [
                m for m in found if mention.end < m.start < mention.end + postal.start() and m.resolved
            ]
            if not between:
                continue
        return mention
    return None


# ---------------------------------------------------------------- the letter


def extract(
    text: str, *, themes: Mapping[str, str] | None = None, groups: Mapping[str, Sequence[str]] | None = None
) -> Extraction:
    """Extract the facts a letter's text states, each with its evidence.

    `themes`: theme id → label (the dataset's themes.yaml); only labels the text names are found.
    `groups`: names of collaborations the register lacks → member TOOI codes (see
    gazetteer.groups_from_dataset), so "namens de colleges van de Leidse regio" resolves.
    """
    title_end = host_title_end(text)
    download = _host_download_line(text)
    # a document host's page furniture is no part of the letter; nor is a stray caret OCR puts in a
    # logo's name ("Provincie ^Zeeland")
    text = blank_host_preamble(text).replace("^", " ")
    salutation = find_salutation(text, title_end)
    head_end = header_end(text, salutation)
    closing = last_closing(text)
    body_end = closing.start() if closing else len(text)
    labels_end = label_block_end(text, salutation, head_end)
    dated = find_date_sent(text, head_end, max(body_end, head_end), labels_end)
    date_sent = place = None
    page = page_title(text)
    if dated is None:  # "Leiden: 28 april 2014"; a page headed "Bewonersbrief 3 maart 2022"
        colon = place_colon_date(text, max(head_end, 1))
        if colon:
            dated = colon[0], 0.85, colon[1]
        elif page is not None and page.date is not None:
            dated = page.date, 0.7, None
    if dated:
        date, confidence, place_span = dated
        date_sent = _found(text, date.iso, date.start, date.end, min(confidence, date.confidence + 0.05))
        if place_span:
            place = _found(text, text[slice(*place_span)].strip(), *place_span, 0.85)
    iso = date_sent.value if date_sent else None
    found = mentions(text, iso)
    ours, yours, dossiers = references(text, labels_end)
    late = _late_header(text, salutation, title_end) if date_sent is None and ours is None else None
    if (
        late is not None
    ):  # the header after the opening paragraphs: "… Onskenmerk 436495-2021 Datum 15-9-2021"
        late_dated = find_date_sent(text, late, max(body_end, late), late)
        late_ours = references(text, late)[0]
        if late_dated is not None and late_ours is not None:
            date, confidence, _place = late_dated
            date_sent = _found(text, date.iso, date.start, date.end, min(confidence, date.confidence) - 0.1)
            iso, ours = date_sent.value, late_ours
            found = mentions(text, iso)
    if download is not None and (ours is None or not dossiers):
        # the copy cut the number ("Briefnummer : /21/A.9"): the host's title kept it whole
        title_ours, _title_yours, title_dossiers = references(download[0] + "\n", len(download[0]))
        if ours is None and title_ours is not None:
            ours = replace(title_ours, start=title_ours.start + download[1], end=title_ours.end + download[1])
            ours = replace(ours, confidence=0.6)
        if not dossiers:
            dossiers = [
                replace(d, start=d.start + download[1], end=d.end + download[1], confidence=0.6)
                for d in title_dossiers
            ]
    cites: list[Citation] = []
    for citation, who, extras in find_citations(text, found):
        if who == "uw" and citation.reference and yours is None:
            yours = citation.reference
        if (
            who == "uw"
            and yours is not None
            and (citation.reference is None or (citation.date is not None and citation.date.start < head_end))
        ):
            # "Uw brief van" + "Uw kenmerk": in the header the label's value is the cited letter's reference,
            # not a number after the date ("Uw brief van: 3 december 2012 Datum geregistreerd onder nr.: …")
            citation = Citation(citation.date, yours, citation.sender)
        cites = _merge_citation(cites, citation)
        dossiers += [extra for extra in extras if all(d.value != extra.value for d in dossiers)]
    zone = (
        signature_zone(text, 0, len(text))
        or _minister_zone(text)
        or _namens_zone(text)
        or unclosed_signer_zone(text)
    )
    board_signed = False
    if zone is None:  # "… waterschappen. Gedeputeerde Staten van Overijssel, voorzitter, secretaris,"
        zone = board_signed_zone(text)
        board_signed = zone is not None
    behalf, members = on_behalf_of(text, zone, found, groups or {}) if zone else (None, ())
    # a board's formula without a closing ("Gedeputeerde Staten van …, voorzitter, secretaris,") has no names
    signatories = _signatories(text, zone, behalf, found, iso) if zone and not board_signed else ()
    if zone and not signatories and not board_signed:
        signatories = _run_in_signer(text, zone, behalf)
    sender = _sender(text, behalf, found, head_end, signatories, zone) or _unsigned_sender(
        text, head_end, salutation, iso, found, signatories
    )
    if sender is not None and sender.detail is None:
        sender = _letterhead_board(text, sender, head_end)
    if (
        sender is not None
        and sender.detail is None
        and sender.value.startswith("gm")
        and _FROM_COLLEGE.search(text, 0, min(len(text), max(head_end, 600)))
    ):  # "Gemeente Woerden … RAADSVOORSTEL … Indiener: college van burgemeester en wethouders"
        sender = replace(sender, detail=COLLEGE)
    subject_found = find_subject(text, head_end)
    if subject_found is not None and _LABEL_ONLY.fullmatch(subject_found[2]):
        subject_found = None
    if subject_found is None and salutation is not None:
        subject_found = subject_after_salutation(text, salutation)
    subject = _found(text, subject_found[2], *subject_found[:2], 0.9) if subject_found else None
    titled = page.subject if page is not None and page.subject else titel_subject(text, max(head_end, 600))
    if subject is None and titled is not None:  # a web page's title, a raadsvoorstel's "TITEL"
        subject = _found(text, titled.value, titled.start, titled.end, 0.6)
    if (
        ours is None and subject_found
    ):  # "BETREFT: …, KENMERK W 22001.", "Betreft … Kenmerk 2009031352 Geacht"
        line_end = text.find("\n", subject_found[1])
        ours = _reference_in(text, subject_found[0], min(head_end, len(text) if line_end < 0 else line_end))
    if ours is None and page is not None and page.reference is not None:  # "… herbestrating (2022-246)"
        ours = _found(text, page.reference.value, page.reference.start, page.reference.end, 0.6)
    if (
        ours is None
    ):  # "LEDEN TWEEDE KAMER INZ. VERZILTING – A024": the number a site's title gives the letter
        title = _TITLE_NUMBER.match(text)
        if title:
            ours = _found(text, title["ref"], *title.span("ref"), 0.6)
    for dossier in _DOSSIER_IN_BODY.finditer(
        text
    ):  # "… hoort bij het dossier herindeling X (PL-HER-2016-57674)."
        if all(d.value != dossier["ref"] for d in dossiers):
            dossiers.append(_found(text, clean_reference(dossier["ref"]), *dossier.span("ref"), 0.7))
    kamerstuk = find_kamerstuk(text)
    if kamerstuk is not None and date_sent is None and kamerstuk.dated is not None:
        d = (
            kamerstuk.dated
        )  # "… Staten-Generaal Den Haag, 19 december 2023": the date on the addressee's line
        date_sent = _found(text, d.value, d.start, d.end, 0.8)
    if kamerstuk is not None:
        sender, signatories = _kamerstuk_parts(text, kamerstuk, behalf, zone, signatories)
        dossiers += [
            _found(text, d.value, d.start, d.end, 0.8)
            for d in kamerstuk.dossiers
            if all(clean_reference(x.value).replace(" ", "") != d.value.replace(" ", "") for x in dossiers)
        ]
    salutation_found = (
        _found(text, salutation[0].strip(), *strip_span(text, *salutation.span(), " \t"), 0.9)
        if salutation
        else None
    )
    addressees = find_addressees(text, head_end, found, sender, salutation)
    listed = listed_councils(text, head_end, iso)
    if listed and all(a.value[:2] not in ("gm", "pv") for a in addressees):
        addressees = listed
    if sender is None and _OUR_COLLEGE.search(text):
        # "Voordat ons college ingaat op uw vragen" in a letter to the council of one municipality:
        # that municipality's college writes
        councils = {a.value for a in addressees if a.detail == COUNCIL and a.value.startswith("gm")}
        if len(councils) == 1:
            council = next(a for a in addressees if a.value in councils)
            sender = _found(text, council.value, council.start, council.end, 0.5, COLLEGE)
    kind = _kind(text, head_end, salutation_found, date_sent, addressees, closing, sender)
    if kind is None and zone is not None and (signatories or behalf is not None):
        # "Namens de Gebiedscommissie …," and its signers; "Gedeputeerde Staten van Overijssel, voorzitter, …"
        kind = _found(text, "brief", *zone, 0.6)
    if kind is None and addressees and sender is not None and subject is not None:
        # an address, a sender and an "Onderwerp:" without salutation or date: a letter all the same
        kind = _found(text, "brief", subject.start, subject.end, 0.55)
    if kind is None:  # a raadsvoorstel ("Voorstel van college … aan gemeenteraad") is a letter to the council
        proposal = _PROPOSAL.search(text, 0, min(len(text), max(head_end, 600)))
        if proposal:
            kind = _found(text, "brief", *proposal.span(), 0.6)
    if not addressees:
        addressees = council_alone(text, head_end, sender)
    return Extraction(
        kind=kind,
        date_sent=date_sent,
        place=place,
        our_reference=ours,
        your_reference=yours,
        dossier_references=tuple(dossiers),
        subject=subject,
        salutation=salutation_found,
        sender=sender,
        addressees=addressees,
        signatories=signatories,
        cites=tuple(cites),
        attachments=_attachments(text, head_end, zone),
        organisations_mentioned=_with_listed(organisations_mentioned(text, found), listed),
        themes=_themes(text, themes or {}),
        sender_members=members,
    )


# A document host repeats its title, cut from the letter's first words, on a download line: 'Download
# "Datum : Briefnummer : 2014-20.110/21/A.9, PPM Zaaknummer : 518410 …"'. Where the copy's text layer
# lost part of a number the title may keep it whole.
_HOST_DOWNLOAD = re.compile(r'^Download "(?P<title>[^"\n]{10,400})"[ \t]*$', re.MULTILINE)


def _host_download_line(text: str) -> tuple[str, int] | None:
    match = _HOST_DOWNLOAD.search(text, 0, min(len(text), 2000))
    return (match["title"], match.start("title")) if match else None


# A copy whose text layer put the first page's sidebar after its opening paragraphs: the salutation
# opens the letter and the labels ("Onskenmerk / 436495-2021 / Datum / 15-9-2021") follow the body's
# first paragraphs, before the next page. The window where to read them: up to the page's end.
_NEXT_PAGE = re.compile(r"^\(2\)[ \t]*$", re.MULTILINE)


def _late_header(text: str, salutation: re.Match[str] | None, title_end: int) -> int | None:
    if salutation is None or re.search(
        r"[A-Za-z]{3}", text[title_end : salutation.start()].replace("(1)", "")
    ):
        return None
    page = _NEXT_PAGE.search(text, salutation.end())
    return min(len(text), salutation.end() + HEADER_LIMIT, page.start() if page else len(text))


def _kamerstuk_parts(
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
        sender = _found(text, s.value, s.start, s.end, 0.85, kamerstuk.role)
    elif kamerstuk.role or kamerstuk.joint:
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


def _namens_zone(text: str) -> tuple[int, int] | None:
    """A block that signs without a closing: "Namens de PVV Noord-Brabant," and the names under it, or
    a party's line and its member's name ending the text ("Lijst Babijn" / "François Babijn")."""
    matches = list(_NAMENS.finditer(text, max(0, len(text) - 800)))
    if matches and matches[-1][0].rstrip().endswith(","):
        start = matches[-1].start()
        return start, block_end(text, start, min(len(text), start + 400))
    tail = text.rstrip()
    party = list(_PARTY_LINE.finditer(tail, max(0, len(tail) - 200)))
    if party and re.fullmatch(r"\s*\n[ \t]*" + NAME.pattern + r"[^\n]{0,40}", tail[party[-1].end() :]):
        return party[-1].start(), len(tail)
    return None


def _minister_zone(text: str) -> tuple[int, int] | None:
    """A ministry's letter has no closing: its signature block starts at "De minister van …,"."""
    match = re.compile(
        r"^[ \t]*De\s+(?:minister|staatssecretaris)\s+van\s+[^\n]{3,90},[ \t]*$", re.MULTILINE | re.IGNORECASE
    ).search(text, max(0, len(text) - 700))
    return (match.start(), block_end(text, match.end(), min(len(text), match.end() + 300))) if match else None


_MINISTER = re.compile(
    r"(?P<role>[Mm]inister|[Ss]taatssecretaris)\s+van\s+(?P<name>[A-Z][\w-]*(?:\s+(?:en|van|voor)?\s*[A-Z][\w-]*){0,5}"
    # a ministry named as a list: "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"
    r"(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+en\s+[A-Z][\w-]*)?)"
)


def _sender(
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
        if behalf.value.startswith(("gm", "pv", "ws", "so")) or head is None:
            return behalf
        return _found(text, head.value, head.start, head.end, 0.75, behalf.detail)
    if head is not None:
        return _from_mention(text, head, 0.7)
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
            return _from_mention(text, below[0], 0.6)
    for signatory in signatories:
        role = signatory.role
        if role and role.detail:
            return _found(text, role.detail, role.start, role.end, 0.55)
    return _own_municipality(text, found, signatories, head_end)


# A memo's sender line that names the college but not its municipality: "Van : Burgemeester en Wethouders";
# a raadsvoorstel's "Indiener: college van burgemeester en wethouders".
_FROM_COLLEGE = re.compile(
    rf"(?:^|(?<=\s))(?:Van|Indiener)[ \t]*:[ \t]*(?:het[ \t]+)?(?:college[ \t]+van[ \t]+)?"
    rf"{noisy('burgemeester en wethouders')}"
    r"(?![ \t]+van\b)",
    re.IGNORECASE | re.MULTILINE,
)
# A raadsvoorstel's heading: "Voorstel van college danwel burgemeester aan gemeenteraad", "Voorstel van
# burgemeester en wethouders aan de raad". Its sender is the college only where it names no other.
_PROPOSAL = re.compile(
    r"\b(?:[Rr]aads)?[Vv]oorstel[ \t]+van[ \t]+(?P<from>(?:het[ \t]+)?college(?P<either>[ \t]+(?:danwel|dan wel|of)"
    r"[ \t]+(?:de[ \t]+)?burgemeester)?|burgemeester[ \t]+en[ \t]+wethouders)[ \t]+aan[ \t]+(?:de[ \t]+)?"
    r"(?P<body>gemeenteraad|raad)\b",
    re.IGNORECASE,
)
_MUNICIPAL_POSTS = {"burgemeester", "loco-burgemeester", "wethouder", "gemeentesecretaris"}


# A college writing to its own council calls itself "ons college" ("Voordat ons college ingaat op uw
# vragen …"); a province's board says "ons college" too, but does not address a municipality's council.
_OUR_COLLEGE = re.compile(r"\bons[ \t]+college\b(?![ \t]+van\b)", re.IGNORECASE)


def _with_listed(mentioned: tuple[Found, ...], listed: Sequence[Found]) -> tuple[Found, ...]:
    """The mentions with the municipalities of a listed address (their kind word lost to OCR)."""
    known = {m.value for m in mentioned}
    return mentioned + tuple(replace(f, detail=None) for f in listed if f.value not in known)


def _own_municipality(
    text: str, found: Sequence[OrgMention], signatories: Sequence[Signatory], head_end: int
) -> Found | None:
    """The municipality of a writer who names his post but not its place ("Burgemeester Jannewietske
    de Vries", a raadsvoorstel "Van : Burgemeester en Wethouders"): the one municipality the letter
    names ("de inwoners van de gemeente Súdwest-Fryslân", "de gemeente Amersfoort"), else none."""
    memo = _FROM_COLLEGE.search(text, 0, min(len(text), max(head_end, 600)))
    proposal = _PROPOSAL.search(text, 0, min(len(text), max(head_end, 600)))
    posts = [s.role for s in signatories if s.role is not None and s.role.value in _MUNICIPAL_POSTS]
    if memo is None and proposal is None and not posts:
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
    return _from_mention(text, mention, 0.55)


# A council party writing to a board names itself as the subject of its requests: "De BSD-fractie
# verzoekt uw college …", "… verzoekt de BSD-fractie uw college …".
_SELF_NAMED_PARTY = re.compile(
    rf"\b[Dd]e\s+(?P<name>[A-Z][\w/&+-]*-fractie|fractie\s+van\s+de\s+(?:{_PARTIES})|"
    rf"(?:{_PARTIES})(?:[ \t]+[A-Z][\w-]+)?)\s+(?:heeft|vraagt|verzoekt|constateert|wil|acht|stelt|"
    r"ziet|neemt|wenst|is|uw)\b"
)
# "namens" inside a sentence or heading, naming a party: "… namens Lijst Babijn …", "… namens de
# CDA-Statenfractie."
_NAMENS_PARTY = re.compile(
    rf"\bnamens[ \t]+(?:de[ \t]+)?(?P<who>Lijst[ \t]+[A-Z][\w-]+|[A-Z][\w/&+-]*-(?:[Ss]taten|[Rr]aads)?fractie|"
    rf"(?:{_PARTIES})(?![\w-]))"
)
_TO_A_BOARD = re.compile(r"Geachte?\s+(?:college|dagelijks\s+bestuur|bestuur)\b", re.IGNORECASE)


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
    return _from_mention(text, next(m for m in found if m.value in bodies), 0.5)


def _unsigned_sender(
    text: str,
    head_end: int,
    salutation: re.Match[str] | None,
    date: str | None,
    found: Sequence[OrgMention] = (),
    signatories: Sequence[Signatory] = (),
) -> Found | None:
    """A sender the signature block and letterhead do not name: the web address the letterhead
    prints, else the one council party that, writing to a board, names itself as the asker."""
    web = web_address_name(text, 0, head_end, date) or own_address_name(text, date)
    if web is not None:
        return _from_mention(text, web, 0.6)
    ours = _officers_own_body(text, found, signatories)
    if ours is not None:
        return ours
    named = {m["who"] for m in _NAMENS_PARTY.finditer(text)}
    if len(named) == 1:  # "Vragen L. Flikweert namens Lijst Babijn aan het College van Sluis."
        who = next(_NAMENS_PARTY.finditer(text))
        return _found(text, who["who"], *who.span("who"), 0.5)
    if salutation is None or not _TO_A_BOARD.match(salutation[0].strip()):
        return None
    parties = list(_SELF_NAMED_PARTY.finditer(text, salutation.end()))
    if not parties or len({m["name"] for m in parties}) != 1:
        return None
    return _found(text, parties[0]["name"], *parties[0].span("name"), 0.5)


def _minister_sender(text: str, zone: tuple[int, int] | None) -> Found | None:
    """The ministry of a signature block that opens "De minister van Binnenlandse Zaken en …,"."""
    minister = _MINISTER.search(text, *zone) if zone else None
    if minister is None:
        return None
    name = re.sub(r"\s+", " ", minister["name"]).strip()
    return _found(
        text, f"ministerie van {name}", minister.start(), minister.end(), 0.8, minister["role"].lower()
    )


def _signatories(
    text: str, zone: tuple[int, int], behalf: Found | None, found: Sequence[OrgMention], date: str | None
) -> tuple[Signatory, ...]:
    result = []
    for name, role in pair_signatories(text, *zone):
        role_found = None
        if role is not None:
            post_org = next(
                (m.value for m in found if m.resolved and role.end <= m.start <= role.end + 3), None
            )
            role_found = _found(
                text,
                role.value,
                role.start,
                role.end,
                role.confidence,
                post_org or _post_place(text, role.end, role.value, date),
            )
        name_found = _found(text, name.value, name.start, name.end, name.confidence) if name else None
        result.append(Signatory(name_found, role_found, behalf))
    return tuple(result)


# A web copy's title line in capitals that ends in the letter's number after a dash: "BLEEKLOOP – 0044",
# "LEDEN TWEEDE KAMER INZ. VERZILTING – A024" (a site that numbers the letters it publishes).
_TITLE_NUMBER = re.compile(
    r"\s*(?=[^\n]*[A-Z]{4})[A-Z0-9][A-Z0-9 .,'’/&()-]{2,120}?[ \t]+[–-][ \t]+(?P<ref>[A-Z]?[0-9]{3,5})[ \t]*\n"
)


def _run_in_signer(text: str, zone: tuple[int, int], behalf: Found | None) -> tuple[Signatory, ...]:
    """The signer a text layer ran into the closing's line, with the sender's address after the name:
    "… Met vriendelijke groeten, Wim Boogholt Afdeling Complexe projecten / Postbus …"."""
    if zone[0] == 0 or text[zone[0] - 1] == "\n":
        return ()  # the block starts on a line of its own: read as usual
    start = zone[0] + len(text[zone[0] :]) - len(text[zone[0] :].lstrip(" \t"))
    name = NAME.match(text, start)
    if name is None or looks_like_body(name[0]):
        return ()
    found = _found(text, normalise_name(name[0]), name.start(), name.end(), 0.6)
    return (Signatory(found, None, behalf),)


_POST_PLACE = re.compile(r"[ \t]+van[ \t]+(?:de[ \t]+)?(?:gemeente[ \t]+|provincie[ \t]+)?")
_PROVINCIAL_ROLES = {"gedeputeerde", "commissaris-van-de-koning", "provinciesecretaris"}


def _post_place(text: str, position: int, role: str, date: str | None) -> str | None:
    """The municipality or province of a post written as "burgemeester van Leiden"."""
    match = _POST_PLACE.match(text, position)
    if match is None:
        return None
    kinds = ("provincie",) if role in _PROVINCIAL_ROLES else ("gemeente",)
    resolved = resolve_name_at(text, match.end(), kinds, date, load_gazetteer())
    return resolved[0] if resolved else None


# "… via een raadsbrief op de hoogte gebracht", "Deze raadsbrief-orderbos-4-11-2016 …": a letter that
# refers to a raadsbrief is not one.
_RIB = re.compile(
    r"(?<!\been )(?<!\bdeze )(?:raads\s?-?\s?informatie\s?-?\s?brief|informatiebrief\s+aan\s+de\s+raad|collegebericht|"
    r"raadsmededeling|mededeling\s+aan\s+de\s+(?:gemeente)?raad|raadsbrief|memo\s+aan\s+de\s+(?:gemeente)?raad)",
    re.IGNORECASE,
)


def _kind(
    text: str,
    head_end: int,
    salutation: Found | None,
    date_sent: Found | None,
    addressees: Sequence[Found],
    closing: re.Match[str] | None,
    sender: Found | None,
) -> Found | None:
    rib = _RIB.search(text, 0, max(head_end, min(len(text), 400)))
    if rib:
        return _found(text, "raadsinformatiebrief", rib.start(), rib.end(), 0.9)
    heading = re.compile(r"\s*(bijlage\b[^\n]{0,40})", re.IGNORECASE).match(text)
    if heading:
        return _found(text, "bijlage", *heading.span(1), 0.7)
    # a college's letter to its own council is a raadsinformatiebrief where it is headed as one (above)
    # or where it is nothing but the message to the council: no letterhead, date or address before
    # "Geachte leden van de raad,". With a letter's header (an answer to questions, an annual report's
    # cover letter) it is a letter.
    if (
        salutation is not None
        and not text[: salutation.start].strip()
        and _COUNCIL_WORDS.search(salutation.value)
        and (sender is None or sender.value.startswith("gm"))
    ):
        return _found(text, "raadsinformatiebrief", salutation.start, salutation.end, 0.6)
    evidence = salutation or date_sent
    if evidence is None and closing is not None:
        return _found(text, "brief", closing.start(), closing.end(), 0.6)
    if evidence is not None:
        return _found(text, "brief", evidence.start, evidence.end, 0.8)
    return None


_ATTACHMENTS = re.compile(
    r"^[ \t]*(?:bijlagen?|bijlage\(n\)|bijlage\s*\d+)[ \t]*[:.]?[ \t]*(?P<v>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)


def _attachments(text: str, head_end: int, zone: tuple[int, int] | None) -> tuple[Found, ...]:
    """Attachments a header or closing line lists by name ("Bijlage: reactie …"); a bare count names none."""
    found = []
    for match in _ATTACHMENTS.finditer(text):
        if match.start() >= head_end and (zone is None or match.start() < zone[0]):
            continue
        value = match["v"].strip(" \t.;:-")
        if not value or re.fullmatch(r"[0-9]+|geen|-|[a-z]+", value, re.IGNORECASE) or len(value) < 4:
            continue
        start = match.start("v") + match["v"].find(value)
        found.append(_found(text, value, start, start + len(value), 0.7))
    return tuple(found)


def _themes(text: str, themes: Mapping[str, str]) -> tuple[Found, ...]:
    found = []
    for theme_id, label in sorted(themes.items()):
        if len(label) < 3:
            continue
        match = re.search(rf"(?<![\w-]){noisy(label)}(?![\w-])", text, re.IGNORECASE)
        if match:
            found.append(_found(text, theme_id, match.start(), match.end(), 0.8))
    return tuple(sorted(found, key=lambda f: f.start))


# ---------------------------------------------------------------- several letters in one text

_NEW_LETTER = re.compile(
    rf"^[ \t]*(?:t\.?\s?a\.?\s?v\.?|aan\b|{noisy('datum')}\s*:|{noisy('betreft')}|{noisy('onderwerp')}|"
    rf"{noisy('ons kenmerk')}|bijlage\b|retouradres)",
    re.IGNORECASE | re.MULTILINE,
)


def split_letters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each letter in a text that may hold several (a council letter and its attachment).

    A new letter starts where, after a closing and its signature, header lines (T.a.v., Aan, Datum,
    Betreft, Onderwerp, Ons kenmerk, a "Bijlage" heading) begin again and lead to a salutation.
    """
    starts = [0]
    position = 0
    while True:
        closing = next((m for m in _closings(text) if m.start() > position), None)
        if closing is None:
            break
        header = _NEW_LETTER.search(text, closing.end())
        if header is None:
            break
        next_closing = next((m for m in _closings(text) if m.start() > header.start()), None)
        window_end = next_closing.start() if next_closing else len(text)
        window = (header.start(), min(window_end, header.start() + 1500))
        if _SALUTATION.search(text, *window) is None and _INLINE_SALUTATION.search(text, *window) is None:
            position = closing.end()
            continue
        start = text.rfind("\n", 0, header.start()) + 1
        starts.append(start)
        position = header.end()
    bounds = [(a, b) for a, b in zip(starts, starts[1:] + [len(text)])]
    return [(a, b) for a, b in bounds if text[a:b].strip()] or [(0, len(text))]


def _closings(text: str) -> list[re.Match[str]]:
    return list(closing_pattern().finditer(text))
