"""A letter a government body publishes as a web page, without the labels of its paper header.

Municipalities put their letters to residents on their sites ("bewonersbrieven"): the page title
is the letter's subject, Leiden's titles end in the letter's number ("Spreeuwenplaats -
herbestrating (2022-246)"), Purmerend's have a line under the title that dates the letter ("Brief
van 27 juni over …", mostly without a year), others head the page with the date ("Bewonersbrief 3
maart 2022") and put the subject on the next line, above the salutation. A raadsvoorstel copied as
one line labels its subject "TITEL". The signals are those of the page, so a news page's or a
party's title line (no number, no "Brief van" line) stays no subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from opendata.ingest.extract_dates import DateMatch, find_dates
from opendata.ingest.extract_noise import Span, noisy
from opendata.ingest.gazetteer import load_gazetteer


@dataclass(frozen=True)
class PageTitle:
    subject: Span | None
    reference: Span | None
    date: DateMatch | None


_LINE = re.compile(r"[^\n]*\S[^\n]*")
# The letter's number at the end of the title: "(2019-352)", "(22022-160-Z)" (not a year range).
_NUMBERED = re.compile(
    r"(?P<subject>\S[^\n]{2,140}?)[ \t]*\((?P<ref>[0-9]{4,5}-[0-9]{3}(?:-[A-Z])?)\)[ \t]*$"
)
# … and the letter's first sentence after it on the same line: "Bronkhorststraat - uitstel (2019-352) Op
# 12 november stuurden wij u …".
_NUMBERED_RUN_IN = re.compile(
    r"(?P<subject>\S[^\n]{2,140}?)[ \t]*\((?P<ref>[0-9]{4,5}-[0-9]{3}(?:-[A-Z])?)\)(?=[ \t]+[A-Z])"
)
# … or at its start, above the letter's own header labels: "2021-071081 Uitnodiging bewoners werkgroep" /
# "Onderwerp: Herinrichting …" / "Datum: 7 juni 2021".
_NUMBERED_LEADING = re.compile(
    r"[ \t]*(?P<ref>(?:19|20)[0-9]{2}-[0-9]{3,6})[ \t]+(?P<subject>[A-Z][^\n]{2,140}?)[ \t]*$"
)
# A header's label line between a page's title and the salutation: "Datum", "Zaaknummer: …".
_HEADER_LABEL_LINE = re.compile(
    rf"[ \t]*(?:{noisy('datum')}|{noisy('onderwerp')}|betreft|(?:ons[ \t]+|uw[ \t]+)?kenmerk|zaaknummer|"
    r"bijlagen?|beh\.?[ \t]+ambtenaar|behandeld[ \t]+door|telefoonnummer|e-?mail(?:adres)?)\b[^\n]{0,80}",
    re.IGNORECASE,
)
_DATED_BY = re.compile(r"[ \t]*(?:[Bb]ewoners)?[Bb]rief[ \t]+van[ \t]+[0-9]{1,2}[ \t]+[a-z]{3,9}\b")
_DATE_HEADING = re.compile(
    r"[ \t]*(?:[Bb]ewoners|[Rr]aadsinformatie)?[Bb]rief[ \t]+(?:van[ \t]+)?(?P<date>[^\n]{6,30}?)[ \t]*$"
)
_GREETING = re.compile(r"[ \t]*(?:Beste|Geachte?|Zeer geachte)\b")
_NOT_A_TITLE = re.compile(
    r"[ \t]*(?:datum|aan|van|onderwerp|betreft|kenmerk|geachte?|beste|transcriptie|download)\b", re.IGNORECASE
)


def _lines(text: str, start: int = 0, count: int = 3) -> list[re.Match[str]]:
    lines = []
    for line in _LINE.finditer(text, start):
        lines.append(line)
        if len(lines) == count:
            break
    return lines


# A site's skip link before the page's title: "Skip to content", "Naar de inhoud".
_SKIP_LINK = re.compile(
    r"[ \t]*(?:skip to (?:main )?content|ga naar (?:de )?inhoud|naar de inhoud)[ \t]*(?:\n|$)", re.IGNORECASE
)
# A title that opens with the kind of letter it is, straight above its salutation or its header's
# labels: "Aanbiedingsbrief gemeenteraden Veiligheidsplan" / "Geacht raad,", "Informatiebrief …", the
# writing board's short name before the word ("GS-brief over consequenties lockdown" / "Datum besluit:
# …"). A news page's "Open brief aan college over …" or "Brief van burgemeester …" names a letter it
# reports on: no title of the letter.
_LETTER_TITLE = re.compile(r"[ \t]*(?:[A-Z][a-z]{3,}brief|(?:GS|B&W|B en W|PS)[ -]?brief)\b[^\n]{3,140}")


# A council information system's page of a document (iBabs' "bestuurlijkeinformatie" sites) gives its
# fields a line each, the label over the value: "ID" / "275" / "Datum" / "5-10-2011" / "Afzender" / … /
# "Titel" / "RIB 11-020 Regionale samenwerking kop van noord-holland". The title is the subject, its
# leading raadsinformatiebrief number ("RIB 11-020") our reference.
_REPORT_TITLE = re.compile(
    r"^Titel[ \t]*\n[ \t]*(?:(?P<ref>RIB[ \t]?[0-9]{2,4}[-/.][0-9]{1,4})[ \t]+)?(?P<subject>\S[^\n]{2,160}?)[ \t]*$",
    re.MULTILINE,
)
_REPORT_FIELD = re.compile(r"^(?:ID|Datum|Afzender)[ \t]*\n[ \t]*\S", re.MULTILINE)


def _report_title(text: str) -> PageTitle | None:
    """The subject (and number) of a council information system's document page (see above)."""
    match = _REPORT_TITLE.search(text, 0, min(len(text), 2000))
    if match is None or len(_REPORT_FIELD.findall(text, max(0, match.start() - 400), match.start())) < 2:
        return None
    reference = Span(match["ref"], *match.span("ref")) if match["ref"] else None
    return PageTitle(Span(match["subject"], *match.span("subject")), reference, None)


def page_title(text: str) -> PageTitle | None:
    """Subject, our reference and date a letter's web page gives in its first lines, or None."""
    report = _report_title(text)
    if report is not None:
        return report
    skip = _SKIP_LINK.match(text, len(text) - len(text.lstrip()))
    lines = _lines(text, skip.end() if skip else 0)
    if len(lines) < 2 or _NOT_A_TITLE.match(lines[0][0]):
        return None
    first, second = lines[0], lines[1]
    numbered = None if len(first[0].strip()) > 160 else _NUMBERED.match(text, first.start(), first.end())
    # a title a text layer ran into the letter's first paragraph
    numbered = numbered or _NUMBERED_RUN_IN.match(text, first.start(), first.end())
    if numbered is None and len(first[0].strip()) > 160:
        return None
    labels_then_greeting = _labels_then_greeting(text, second.start())
    leading = _NUMBERED_LEADING.fullmatch(first[0])
    if numbered is None and leading is not None and labels_then_greeting:
        subject = leading["subject"]
        start = first.start() + leading.start("subject")
        ref = Span(leading["ref"], first.start() + leading.start("ref"), first.start() + leading.end("ref"))
        return PageTitle(Span(subject, start, start + len(subject)), ref, None)
    if numbered:
        subject = numbered["subject"].rstrip(" -–")
        return PageTitle(
            Span(subject, numbered.start("subject"), numbered.start("subject") + len(subject)),
            Span(numbered["ref"], *numbered.span("ref")),
            None,
        )
    if _DATED_BY.match(second[0]) and not re.search(r"[.:;!?]\s*$", first[0]):
        dates = find_dates(text, second.start(), second.end())
        date = dates[0] if dates and dates[0].start - second.start() < 30 else None
        title = first[0].strip()
        start = first.start() + first[0].index(title)
        return PageTitle(Span(title, start, start + len(title)), None, date)
    if _downloaded_as_titled(text, first):
        title = first[0].strip()
        start = first.start() + first[0].index(title)
        return PageTitle(Span(title, start, start + len(title)), None, None)
    heading = _DATE_HEADING.fullmatch(first[0])
    heading_dates = (
        find_dates(text, first.start() + heading.start("date"), first.start() + heading.end("date"))
        if heading
        else []
    )
    if (
        (_GREETING.match(second[0]) or labels_then_greeting or _HEADER_LABEL_LINE.fullmatch(second[0]))
        and _LETTER_TITLE.fullmatch(first[0])
        and not re.search(r"[.:;!?,]\s*$", first[0])
        and not heading_dates  # "Bewonersbrief 3 maart 2022" dates the letter; "Bewonersbrief Gorterstraat" names it
    ):
        title = first[0].strip()
        start = first.start() + first[0].index(title)
        return PageTitle(Span(title, start, start + len(title)), None, None)
    if heading:
        dates = heading_dates
        if not dates:
            return None
        subject = None
        if (
            len(lines) == 3
            and _GREETING.match(lines[2][0])
            and len(second[0].strip()) <= 140
            and not _HEADER_LABEL_LINE.fullmatch(second[0])  # "Datum" left without its value is no subject
        ):
            value = second[0].strip().rstrip(".")
            start = second.start() + second[0].index(value)
            subject = Span(value, start, start + len(value))
        return PageTitle(subject, None, dates[0])
    return None


# A government site's page of one letter: its title names the letter ("Kamerbrief over …"), a summary
# follows, and the letter's file is offered under the same title ("Kamerbrief over … (PDF | 2 pagina's |
# 181 kB)"). The title is the letter's subject.
_DOWNLOAD = r"[ \t]*\((?:PDF|ODT|DOCX?)[ \t]*\|"


def _downloaded_as_titled(text: str, first: re.Match[str]) -> bool:
    title = first[0].strip()
    if not _LETTER_TITLE.fullmatch(first[0]) or re.search(r"[.:;!?,]$", title):
        return False
    return re.search(re.escape(title) + _DOWNLOAD, text[first.end() :]) is not None


def _labels_then_greeting(text: str, start: int) -> bool:
    """Whether the lines from `start` are a header's label lines (at least one) and then the salutation."""
    for index, line in enumerate(_lines(text, start, 8)):
        if _GREETING.match(line[0]):
            return index > 0
        if not _HEADER_LABEL_LINE.fullmatch(line[0]):
            return False
    return False


# "RAADSVOORSTEL … TITEL Verstrekking werkkapitaal aan Kredietbank Nederland BESLISPUNTEN 1. …"
_TITEL = re.compile(
    r"(?:^|(?<=[\s.]))TITEL[ \t]*:?[ \t]+(?P<subject>[^\n]{3,160}?)(?=[ \t]+[A-Z]{6,}\b|[ \t]*$)",
    re.MULTILINE,
)


def titel_subject(text: str, end: int) -> Span | None:
    """The subject a raadsvoorstel labels "TITEL", within text[:end]."""
    match = _TITEL.search(text, 0, end)
    return Span(match["subject"].strip(), *match.span("subject")) if match else None


# "Leiden: 28 april 2014": a place, a colon and the date on a line of the header. The place must be a
# municipality's name, so a label ("Datum: …", "Tijd: …") is no place.
_PLACE_COLON_DATE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2})[ \t]*:[ \t]*(?P<date>[0-9][^\n]{5,25}?)[ \t]*$",
    re.MULTILINE,
)
_LABEL_WORD = re.compile(rf"{noisy('datum')}|{noisy('verzonden')}|tijd|ontvangen", re.IGNORECASE)


def place_colon_date(
    text: str, end: int, date: str | None = None
) -> tuple[DateMatch, tuple[int, int]] | None:
    """The letter's "Place: date" line in text[:end], with the place's span."""
    gazetteer = load_gazetteer()
    for match in _PLACE_COLON_DATE.finditer(text, 0, end):
        if _LABEL_WORD.fullmatch(match["place"]):
            continue
        dates = find_dates(text, *match.span("date"))
        if not dates or (dates[0].start, dates[0].end) != match.span("date"):
            continue
        if gazetteer.resolve(match["place"], kinds=("gemeente",), date=dates[0].iso, fuzzy=False) is None:
            continue
        return dates[0], match.span("place")
    return None
