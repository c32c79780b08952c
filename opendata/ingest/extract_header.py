"""The parts of a letter's header: the salutation and where the header ends, the date sent (and its
place) and the subject."""

from __future__ import annotations

import datetime
import re

from opendata.ingest.extract_dates import MONTH_ABBREVIATIONS, MONTHS, DateMatch, find_dates
from opendata.ingest.extract_noise import blanked, noisy, strip_span
from opendata.ingest.extract_references import (
    DATE_COLUMNS,
    label_row,
    stacked_value,
    table_rows,
    wrapped_label,
)
from opendata.ingest.extract_results import HEADER_LIMIT
from opendata.ingest.extract_signatures import MAIL_HEADER, last_closing
from opendata.ingest.gazetteer import load_gazetteer

SALUTATION = re.compile(
    # (a quoting copy opens the letter with a quotation mark: '"Beste lezer,')
    r"^[ \t]*[\"“„]?(?:zeer\s+)?(?:geachte?|beste|hooggeachte|l\.\s?s\.|dear)\b[^\n]{0,120}$"
    # an e-mail's greeting: the time of day ("Goedenavond (geanonimiseerd)"), or a short word before a
    # name and its comma ("Dag Bm,", "Hallo allemaal,"; not a heading such as "Dag van de raad")
    # (words after it, no OCR scraps: "hi \\ ' r — je Je ," is none)
    r"|^[ \t]*goe(?:de|ie)(?:morgen|middag|n?avond)(?:[ \t]+[\w'’().&,/#$-]+){0,6}[ \t]*[,!]?[ \t]*$"
    r"|^[ \t]*(?:hallo|hoi|dag|hi)(?:[ \t]+[\w'’().&/#$-]+){0,6}[ \t]*,[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


INLINE_SALUTATION = re.compile(
    r"(?<=\s)(?:Zeer geachte|Geachte?|Beste)\s[^\n,.]{2,70},"
    r"|(?<=\s)(?:Zeer geachte|Geachte)\s+dames\s+en\s+heren\."  # the fixed phrase may end in a full stop
)


# A second letter's header on a line of its own: its address ("Aan het College …", "Aan de raad"),
# "T.a.v.", a date or reference label, a return address.
_NEXT_HEADER = re.compile(
    rf"^[ \t]*(?:{noisy('aan')}[ \t]+(?:het|de|den)[ \t]+(?!hand\b|orde\b|slag\b|gang\b|eind\b)\w"
    rf"|t\.?[ \t]?a\.?[ \t]?v\.|{noisy('datum')}[ \t]*:|{noisy('ons kenmerk')}|retouradres\b)",
    re.IGNORECASE | re.MULTILINE,
)
_NEXT_SALUTATION_WITHIN = 500


def second_letter(text: str, salutation: re.Match[str], before: int | None = None) -> int | None:
    """The start of a second letter on the page after a first letter's `salutation` (up to `before`): a
    header line of its own ("Aan het College van …", "Datum: …") that a salutation line follows within a
    few lines, as on a party's page listing its letters one under the other. A host's preview of the
    page ("Gemeenteraad Geachte heer, mevrouw, Tijdens de") opens the same letter: a first paragraph cut
    off before a sentence ends, or one the next salutation's paragraph begins with, is no letter."""
    end = len(text) if before is None else before
    for header in _NEXT_HEADER.finditer(text, salutation.end(), end):
        next_salutation = SALUTATION.search(
            text, header.end(), min(len(text), header.end() + _NEXT_SALUTATION_WITHIN)
        )
        if next_salutation is None:
            continue
        first, then = _opening(text, salutation.start()), _opening(text, next_salutation.start())
        cut_short = re.search(r"[a-z][.?!](?:\s|$)", " ".join(first)) is None
        return None if cut_short or then[: len(first)] == first else header.start()
    return None


def _opening(text: str, start: int) -> list[str]:
    """The words of a salutation at `start` and of the paragraph after it (a blank line after the
    salutation's comma does not end it), at most 300 characters."""
    stretch = text[start : start + 300]
    paragraph = re.search(r"[^\s,][ \t]*\n[ \t]*\n", stretch)
    return (stretch[: paragraph.start() + 1] if paragraph else stretch).split()


# A sentence of a message's body: a line of five words or more with a small letter, ended by its stop.
_WORD_WITH_SMALL_LETTER = re.compile(r"[^\W\d_]*[a-z][^\W\d_]*")


def _sentence_line(line: str) -> bool:
    line = line.strip()
    return (
        line[-1:] in (".", "!", "?") and ":" not in line and len(_WORD_WITH_SMALL_LETTER.findall(line)) >= 5
    )


def headless_thread_start(text: str) -> int | None:
    """Where a printed thread's first header begins when the message above it has lost its own header:
    the text opens with the top message's sentences (a line or two of reply, a salutation before them or
    not) over "Van: … / Verzonden: … / Onderwerp: …". That header, and every value under it, is the
    answered message's; None for a text that opens with its own header (or has none)."""
    first = MAIL_HEADER.search(text)
    if first is None:
        return None
    above = text[: first.start()]
    if _OWN_HEADER_LINE.search(above) or not any(_sentence_line(line) for line in above.splitlines()):
        return None  # the top message's own header in another shape ("Van: … / Onderwerp: … / Datum: …")
    return first.start()


_OWN_HEADER_LINE = re.compile(
    r"^[ \t]*(?:Van|From|Aan|To|Onderwerp|Subject|Datum|Date|Verzonden|Sent)[ \t]*:", re.M
)


def find_salutation(text: str, start: int = 0) -> re.Match[str] | None:
    """The salutation line; or, in a text layer that ran its lines together, "Geachte …," inside a line;
    from `start` (past a document host's title line, which repeats words from anywhere in the letter).
    A salutation inside a line before a second letter's header (a page carrying two letters, the first
    one's header run into one line) is the first letter's: the values come from the first letter."""
    limit = min(len(text), start + HEADER_LIMIT + 500)
    line = SALUTATION.search(text, start, limit)
    inline = INLINE_SALUTATION.search(text, start, line.start() if line else limit)
    if line is None or (inline is not None and second_letter(text, inline, line.start()) is not None):
        return inline
    return line


def header_end(text: str, salutation: re.Match[str] | None) -> int:
    """Where the header stops: at the salutation, or (without one) after a bounded stretch."""
    if salutation is not None:
        return salutation.start()
    closing = last_closing(text)
    limit = min(len(text), 1200)
    return min(limit, closing.start()) if closing else limit


# The labels of a letter's dispatch: "Verzonden op: 2 september", "Verzenddatum".
_DISPATCH_WORDS = (
    f"{noisy('verzenddatum')}|{noisy('datum verzending')}|{noisy('datum van verzending')}|"
    f"{noisy('verzonden op')}|{noisy('verzonden')}|"
    # an e-mail's header in an English-language mail program: "Sent: Fri, 2 Jun 2023 22:28:17 +0200"
    r"sent(?=[ \t]*:)"
)
_DATE_LABEL = re.compile(
    # (a form's "Plaats en datum: Amsterdam, 17 maart 2023": the place before the date on the label's line)
    rf"^[ \t]*(?:{_DISPATCH_WORDS}|{noisy('datum brief')}|plaats[ \t]+en[ \t]+datum|{noisy('datum')}|"
    rf"{noisy('dagtekening')})"
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
    rf"(?:^|(?<=[ \t]))(?:{_DISPATCH_WORDS})[ \t]*:?[ \t]*"
    # a mail header's weekday may stand alone before the date's line: "Verzonden: vrijdag" / "8 november 2024 16:03"
    r"(?:(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag),?[ \t]*(?=\n))?"
    r"(?:(?:\n[ \t]*){1,2}(?=[0-9]))?",
    re.IGNORECASE | re.MULTILINE,
)
# A dispatch field of the letterhead's side column, which a PDF's reading order puts after the first
# page's text: the label alone on its line and the date alone on the next ("Datum verzending\n22.05.2024").
_DISPATCH_FIELD = re.compile(
    rf"^[ \t]*(?:{_DISPATCH_WORDS})[ \t]*:?[ \t]*\n(?:[ \t]*\n)?[ \t]*", re.IGNORECASE | re.MULTILINE
)
_DISPATCH_PLACE = re.compile(
    r"(?P<place>[A-Z][\w'’-]+(?:[ \t]+(?:aan|a/d|op|den)[ \t]+[A-Z][\w'’-]*)?)[ \t]*,[ \t]*"
)
# "Place, date" alone on a line; the date may follow "d.d." and end in a comma ("Oostburg, d.d.
# 12-01-2009,", "Oostburg, 21 december 2020,").
_PLACE_DATE = re.compile(
    r"^[ \t]*(?P<place>[A-Z'][\w'’.-]*(?:[ -](?:[a-z]{1,4}|[A-Z][\w'’.-]*|\([A-Z]{1,3}\))){0,3})[ \t]*,[ \t]*"
    # a scan's bar after the date, the edge of a table's rule ("Amsterdam, 30 november 2018 |")
    r"(?:d\.[ \t]?d\.[ \t]*)?(?P<date>[^\n]{6,30}?)[ \t]*[,.]?[ \t]*(?:\|[ \t]*)?$",
    re.MULTILINE,
)
# A text layer that ran the header's lines together: "Place, date" followed on the same line by the
# next part of the header ("Malden, 5 februari 2013 Aan de raad,", "Terneuzen, 7 september 2018
# Onderwerp: …").
_PLACE_COMMA_DATE = (
    r"(?P<place>[A-Z][a-zà-ÿ'’-]+(?:[ \t]+(?:aan|a/d|op|den|de)[ \t]+[A-Z][\w'’-]*)?)[ \t]*,[ \t]*"
    r"(?P<date>[0-9]{1,2}[ \t]+[a-z]{3,9}\.?[ \t]+[0-9]{4})"
)
_RUN_IN_PLACE_DATE = re.compile(
    rf"(?:^|(?<=[ \t])){_PLACE_COMMA_DATE}[ \t]+(?=(?:Onderwerp|Betreft|Aan[ \t]+(?:de|het)|Geachte?)\b)",
    re.MULTILINE,
)


# "Place, date" run onto the reference's line: "Onze ref: 2718-0179-000.001/MJP Amsterdam, 30 augustus 2018".
_REFERENCE_THEN_PLACE_DATE = re.compile(
    rf"^[ \t]*(?i:onze|ons|uw)[ \t]+(?i:ref(?:erentie)?|kenmerk)\.?[ \t]*:?[ \t]*\S+[ \t]+{_PLACE_COMMA_DATE}[ \t]*$",
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
    expect_value = labelled = False
    while 0 <= position < len(text):
        line_end = text.find("\n", position + 1)
        line_end = len(text) if line_end < 0 else line_end
        line = text[position + 1 : line_end]
        label = _SIDE_LABEL.match(line)
        if expect_value and line.strip() and not label:
            expect_value = False
        elif label and (label["colon"] or not line[label.end() :].strip()):
            expect_value = not line[label.end() :].strip()
            labelled = True
        elif line.strip():
            break
        end = line_end
        position = line_end
    if (
        not labelled
    ):  # the references after the opening paragraph ("Geacht college," / "Met deze …" / "Ons kenmerk …")
        return late_label_block(text, salutation.end()) or end
    return end


# A reference label at a line's start with its value after a colon, after two spaces, or on the next line.
_LATE_LABEL = re.compile(
    rf"[ \t]*(?:(?P<reference>{noisy('ons kenmerk')}|{noisy('uw kenmerk')}|{noisy('kenmerk')}|"
    rf"{noisy('zaaknummer')}|{noisy('dossiernummer')})|{noisy('uw brief van')}|{noisy('betreft')}|"
    rf"{noisy('onderwerp')}|{noisy('datum')})(?:[ \t]*:|[ \t]+\S|[ \t]*$)",
    re.IGNORECASE,
)


def _is_reference_label(line: str) -> bool:
    label = _LATE_LABEL.match(line)
    return label is not None and label["reference"] is not None


def late_label_block(text: str, start: int) -> int | None:
    """The end of a reference block a text layer put after the letter's opening paragraph (a body that
    starts beside its reference column): within the first eight lines after the salutation, two or
    more label lines one under the other, one of them a reference's; None without such a block."""
    spans, position, limit = [], start, min(len(text), start + 1200)
    while position < limit:
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        spans.append((position, end))
        position = end + 1
    written = 0
    for first, (line_start, line_end) in enumerate(spans):
        line = text[line_start:line_end]
        if not line.strip():
            continue
        written += 1
        if written > 8:
            return None
        if not _LATE_LABEL.match(line):
            continue
        run = [line]
        block_end = line_end
        for next_start, next_end in spans[first + 1 :]:
            if not _LATE_LABEL.match(text[next_start:next_end]):
                break
            run.append(text[next_start:next_end])
            block_end = next_end
        return block_end if len(run) >= 2 and any(_is_reference_label(item) for item in run) else None
    return None


def find_date_sent(
    text: str, head_end: int, body_end: int, labels_end: int | None = None
) -> tuple[DateMatch, float, tuple[int, int] | None] | None:
    """The letter's own date line: labelled, or "Place, date", or a date alone on a header line. A date
    after today is none (a year OCR misread, "25junl 2047" for 2017): the date line is read again
    without it, so a second date line ("Verzenddatum") is found, or none."""
    today = datetime.date.today().isoformat()
    for _ in range(3):
        dated = _find_date_sent(text, head_end, body_end, labels_end)
        if dated is None or dated[0].iso <= today:
            return dated
        text = blanked(text, dated[0].start, dated[0].end)
    return None


# A mail program's quote line opening the text, for the message under it: "Op di 25 okt. 2022 om 13:43
# schreef …:", "Op 3 mei 2023 14:02 schreef …", "On 4 March 2024, at 09:10, … wrote:" (a council member's
# print of a thread whose top message was cut off: the first message in the text is the one quoted).
_OPENING_QUOTE_LINE = re.compile(
    r"\A\s*(?:Op|On)[ \t]+(?P<when>[^\n]{6,40}?)[ \t,]+(?:om[ \t]+|at[ \t]+)?[0-9]{1,2}[:.][0-9]{2}\b"
    r"[^\n]{0,120}?\b(?:schreef|wrote)\b"
)


def _find_date_sent(
    text: str, head_end: int, body_end: int, labels_end: int | None = None
) -> tuple[DateMatch, float, tuple[int, int] | None] | None:
    labels_end = head_end if labels_end is None else labels_end
    quote = _OPENING_QUOTE_LINE.match(text)
    if quote is not None:  # a printed reply that opens with its first message's quote line
        dates = find_dates(text, quote.start("when"), quote.end("when"))
        if dates:
            return dates[0], 0.85, None
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
    for field in _DISPATCH_FIELD.finditer(text, max(head_end, 1)):  # also under a closing on page 1
        line_end = text.find("\n", field.end())
        dates = find_dates(text, field.end(), len(text) if line_end < 0 else line_end)
        if dates and dates[0].start == field.end() and not text[dates[0].end : line_end].strip():
            return dates[0], 0.85, None
    for labels, start, end in table_rows(text, head_end):
        dates = find_dates(text, start, end)
        if labels[0] in DATE_COLUMNS and dates and dates[0].start - start < 3:
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
        stretch_end = end_of_lines(text, label.end(), 3 if _rest_blank(text, label.end()) else 2)
        dates = find_dates(text, label.end(), stretch_end)
        if dates and (
            dates[0].start < (line_end if line_end >= 0 else len(text)) or _rest_blank(text, label.end())
        ):
            return dates[0], 0.95, None
        stray = _STRAY_NUMBER.match(text, label.end())
        if stray and dates and dates[0].start == stray.end():
            # a column's stray number beside the label, the date opening the next line ("Datum 32091" /
            # "23 augustus 2017 E-mailadres", a label column OCR'd in among the address lines)
            return dates[0], 0.85, None
        stamped = _stamped_above(text, label) if _rest_blank(text, label.end()) else None
        if stamped:
            return stamped, 0.75, None
    shifted = _shifted_date(text, max(labels_end, head_end))
    if shifted:
        return shifted, 0.8, None
    columns = [
        (column, label)
        for label in _COLUMN_DATE_LABEL.finditer(text, 0, max(labels_end, 1))
        if (column := _column_date(text, label))
    ]
    if columns:  # with a "Datum" and a "Verzenddatum" column, the dispatch date is the date sent
        dispatched = next(
            (column for column, label in columns if label[0].lower().startswith("verzend")), None
        )
        return dispatched or columns[0][0], 0.8, None
    for match in _PLACE_DATE.finditer(text, 0, body_end):
        if _NO_PLACE.fullmatch(match["place"].split()[0]):
            continue  # "Ingekomen, 3 maart 2025": a receiver's stamp
        dates = find_dates(text, match.start("date"), match.end("date"))
        if dates and dates[0].end == match.end("date") and dates[0].start == match.start("date"):
            return dates[0], 0.9, match.span("place")
    for match in (
        *_RUN_IN_PLACE_DATE.finditer(text, 0, min(max(head_end, 1), HEADER_LIMIT)),
        *_REFERENCE_THEN_PLACE_DATE.finditer(text, 0, min(max(head_end, 1), HEADER_LIMIT)),
    ):
        if _NO_PLACE.fullmatch(match["place"].split()[0]):
            continue
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
        line = line_at(text, date.start)
        if _label_ends_above(text, text.rfind("\n", 0, date.start) + 1):
            continue  # the value of a label above it, not the letter's date
        if _WEEKDAY_ONLY.fullmatch(
            line.replace(text[date.start : date.end], "")
        ):  # "woensdag 22 november 2017"
            return date, 0.75, None
        bare_place = _bare_place_date(text, date, head_end)
        if bare_place is not None:  # "Sint-Oedenrode 14 mei 2020." over "Geacht college,"
            return date, 0.75, bare_place
    return joined_date(text, head_end) or _footer_table_date(text, head_end, body_end)


def _footer_table_date(text: str, head_end: int, body_end: int) -> tuple[DateMatch, float, None] | None:
    """The date under a "Datum" column of a row of labels at the foot of the first page, before the
    signature ("Datum  Ons kenmerk  Uw kenmerk" over "7 februari 2024  2024-017733/SB  …"), where the
    header has no date line."""
    for labels, start, end in table_rows(text, max(body_end, head_end)):
        dates = find_dates(text, start, end)
        if start >= head_end and labels[0] in DATE_COLUMNS and dates and dates[0].start - start < 3:
            return dates[0], 0.75, None
    return None


# "Place date" without the comma, the line's last word the date's year (a full stop after it): a place of
# one to three words, each with a capital, or joined by a short word ("Bergen op Zoom", "Sint-Oedenrode").
_BARE_PLACE = re.compile(r"[ \t]*(?P<place>[A-Z][\w'’.-]*(?:[ \t]+(?:[a-z]{1,4}|[A-Z][\w'’.-]*)){0,3})[ \t]+")


# A header line of a label and its value, a column apart or after a colon: "Ons kenmerk      BAG/2021/3".
_LABELLED_LINE = re.compile(r"[ \t]*[A-Z][\w()/.-]*(?:[ \t][\w()/.-]+){0,2}?(?:[ \t]*:[ \t]*|[ \t]{2,})\S")


def _bare_place_date(text: str, date: DateMatch, head_end: int) -> tuple[int, int] | None:
    """The span of the place on a header line "Place date" (no comma) whose date ends the line, where at
    most two written lines stand between it and the end of the header (the salutation): the letter's
    own date line as a mail or a letter written by hand sets it; or where it heads a column of labels
    and their values, a column apart from the date; a label ("Orderdatum"), a receiver's stamp or a
    month is no place."""
    line_start = text.rfind("\n", 0, date.start) + 1
    line_end = text.find("\n", date.end)
    line_end = len(text) if line_end < 0 else line_end
    bare = _BARE_PLACE.fullmatch(text, line_start, date.start)
    if bare is None or text[date.end : line_end].strip(" \t.") or text.count("\n", line_end, head_end) > 8:
        return None
    written = [line for line in text[line_end:head_end].splitlines() if line.strip()]
    in_column = re.search(r"[ \t]{3,}\Z", text[line_start : date.start]) is not None
    if len(written) > 2 and not (in_column and all(_LABELLED_LINE.match(line) for line in written[:-1])):
        # (the place and date heading a column of labels: "Apeldoorn      09-03-2021" over "Ons kenmerk  …")
        return None
    words = [word.lower().rstrip(".") for word in bare["place"].split()]
    first = words[0]
    if (
        any(_NO_PLACE.match(word) for word in words)  # "GEMEENTE BOXTEL Ingekomen 2 4 FEB. 2015"
        or first.endswith(("datum", "nummer"))
        or _WEEKDAY_ONLY.fullmatch(first)
        or first in MONTHS
        or first in MONTH_ABBREVIATIONS
    ):
        return None
    return bare.span("place")


# A header a text layer ran into one line ("… 4331 BK MIDDELBURG Oostburg, d.d. 14-09-2023 Geacht
# College,"): "Place, date" inside the line, the place one word or two joined by "aan de", "op", …
# ("Ouderkerk aan de Amstel, 23 december 2008", "Bergen op Zoom, 26 augustus 2006"), a page number
# glued before it ("1Terneuzen, 7 september 2018"); the date ends the header or the next part of it
# starts with a capital; "Place: date" only with a municipality's name ("Leiden: 28 april 2014 Kenmerk: …").
# A receiver's stamp ("Ingekomen, …") or a label ("Datum, …") is no place.
_JOINED_PLACE_DATE = re.compile(
    r"(?:^|(?<=[ \t0-9]))(?P<place>[A-Z][a-zà-ÿ'’-]+"
    r"(?:[ \t]+(?:aan[ \t]+de[ \t]+|aan[ \t]+den[ \t]+|aan|a/d|op|den|de|bij)[ \t]*[A-Z][\w'’-]*)?)"
    r"[ \t]*(?P<sep>[,:])[ \t]*(?:d\.[ \t]?d\.[ \t]*)?"
    r"(?P<date>[0-9]{1,2}(?:[ \t]+[a-z]{3,9}\.?[ \t]+|-[0-9]{1,2}-)[0-9]{4})[ \t]*,?(?=[ \t]+[A-Z]|\s*$)"
)
_NO_PLACE = re.compile(
    r"(?i:ingekomen|ontvangen|datum|verzonden|verzenddatum|vergadering|bijlagen?|kenmerk|onderwerp|betreft)"
)
# "dinsdag 23 april 2013" where a header run into one line ends (a title, then the dated line).
_JOINED_WEEKDAY_DATE = re.compile(
    r"(?<![\w-])(?i:maan|d[il1I]ns|woens|donder|vr[il1I]j|zater|zon)dag[ \t]+"
    r"(?P<date>[0-9]{1,2}[ \t]+[a-z]{3,9}[ \t]+[0-9]{4})[ \t,]*$"
)
# A row of column labels run in before its values: "Datum Ons kenmerk Onderwerp 3 juni 2016 16.504446 …",
# "Datum Contactpersoon 22 januari 2016 …", "Datum Briefnummer … Onderwerp : Afspraken … 28 februari 2008".
_ROW_WORD = "(?:{})".format(
    "|".join(
        noisy(label)
        for label in (
            "datum",
            "briefnummer",
            "zaaknummer",
            "registratienummer",
            "ons kenmerk",
            "uw kenmerk",
            "kenmerk",
            "onze referentie",
            "uw referentie",
            "mijn kenmerk",
            "mijn referentie",
            "mijn dossier",
            "behandeld door",
            "telefoonnummer",
            "telefoon",
            "contactpersoon",
            "doorkiesnummer",
            "e-mail",
            "email",
            "bijlage(n)",
            "bijlagen",
            "bijlage",
            "antwoord op",
            "onderwerp",
            "betreft",
            "uw brief van",
            "aan",
            "cc",
        )
    )
)
_JOINED_ROW = re.compile(
    rf"(?<![\w-]){_ROW_WORD}(?:[ \t:]+{_ROW_WORD}){{1,12}}(?![\w-])(?:[ \t]*:)*", re.IGNORECASE
)
_ROW_DATE_LABEL = re.compile(rf"(?<![\w-]){noisy('datum')}(?![\w-])", re.IGNORECASE)
_STAMP_BEFORE = re.compile(r"(?:ingekomen|ontvangen|brief[ \t]+van|d\.[ \t]?d\.)[ \t:]*$", re.IGNORECASE)


def row_date(text: str, end: int) -> tuple[DateMatch, float, tuple[int, int] | None] | None:
    """The one date after a row of labels with "Datum" run in before its values (see above)."""
    for row in _JOINED_ROW.finditer(text, 0, end):
        if not _ROW_DATE_LABEL.search(row[0]):
            continue
        dates = [
            d
            for d in find_dates(text, row.end(), end)
            if not _STAMP_BEFORE.search(text, max(row.end(), d.start - 30), d.start)
        ]
        if len(dates) == 1 and dates[0].confidence >= 0.9:
            return dates[0], 0.7, None
        return None
    return None


def joined_date(text: str, head_end: int) -> tuple[DateMatch, float, tuple[int, int] | None] | None:
    """The date of a header run into one line, where no rule for laid-out lines found one (see above)."""
    end = max(min(head_end, HEADER_LIMIT), 1)
    subject = find_subject(text, end)
    for match in _JOINED_PLACE_DATE.finditer(text, 0, end):
        if _NO_PLACE.fullmatch(match["place"].split()[0]) or (
            subject is not None
            and subject[0] <= match.start() < subject[1]
            and not text[: match.start()].rstrip().endswith(".")  # "Onderwerp: … vergaderen. Oostburg, …"
        ):
            continue
        dates = find_dates(text, *match.span("date")) or _after_bare_comma(text, *match.span("date"))
        if not dates or (dates[0].start, dates[0].end) != match.span("date"):
            continue
        if match["sep"] == ":" and (  # "Leiden: 28 april 2014": a municipality's name only
            load_gazetteer().resolve(match["place"], kinds=("gemeente",), date=dates[0].iso, fuzzy=False)
            is None
        ):
            continue
        return dates[0], 0.75, match.span("place")
    weekday = _JOINED_WEEKDAY_DATE.search(text, 0, end)
    if weekday:
        dates = find_dates(text, *weekday.span("date"))
        if dates and (dates[0].start, dates[0].end) == weekday.span("date"):
            return dates[0], 0.7, None
    return row_date(text, end)


def _after_bare_comma(text: str, start: int, end: int) -> list[DateMatch]:
    """The date right after the place's comma without a space ("Delft,9 september 2014"), which
    find_dates does not take for a day (a decimal's digits follow a comma so)."""
    if start == 0 or text[start - 1] != ",":
        return []
    return [
        DateMatch(d.iso, start + d.start - 1, start + d.end - 1, d.confidence)
        for d in find_dates(" " + text[start:end], 0, end - start + 1)
    ]


# A web page's heading that dates the letter it carries: "Binnendijken. (12-01-2009) Vragen aan …".
_HEADING_DATE = re.compile(
    r"\((?P<date>[0-9]{1,2}-[0-9]{1,2}-[0-9]{4})\)[ \t]+(?=(?:Vragen|Brief|Schriftelijke|Technische)\b)"
)


def _shifted_date(text: str, end: int) -> DateMatch | None:
    """The date on the "kenmerk" row of a wrapped "Ons / kenmerk" label whose values sit one row up
    (extract_references.wrapped_label): a date alone there, with "Datum" opening one of the next
    three lines and no date of its own beside it. OCR may join the address column beside the labels
    to the label's line ("Haarlem Datum Juridische Zaken"): a capital "Datum" after a word or three
    is the label too."""
    wrapped = wrapped_label(text, end)
    if wrapped is None:
        return None
    start, stop = wrapped.shifted
    dates = find_dates(text, start, stop)
    if len(dates) != 1 or (dates[0].start, dates[0].end) != (start, len(text[:stop].rstrip())):
        return None
    following = text[stop : end_of_lines(text, stop + 1, 3)]
    for label in _SHIFTED_DATE_LABEL.finditer(following):
        if label["beside"] and not label["label"][:1].isupper():
            continue
        return None if find_dates(label["rest"], 0, len(label["rest"])) else dates[0]
    return None


_SHIFTED_DATE_LABEL = re.compile(
    rf"^[ \t]*(?P<beside>(?:\S+[ \t]+){{0,3}}?)(?P<label>{noisy('datum')})(?![^\W\d_])(?P<rest>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)


def _stacked_date(text: str, label: re.Match[str]) -> DateMatch | None:
    """The date of a label-only line in a column of labels, read from the column of values."""
    stacked = stacked_value(text, label.start()) if _rest_blank(text, label.end()) else None
    dates = find_dates(text, stacked.start, stacked.end) if stacked else []
    if dates and stacked and (dates[0].start, dates[0].end) == (stacked.start, stacked.end):
        return dates[0]
    return None


def _stamped_above(text: str, label: re.Match[str]) -> DateMatch | None:
    """The date a stamp put over a date label whose own value is empty: a date alone on the line right
    above the label, with at most the stamp's scraps OCR read around it ("=7 FEB, 2019 |" / "Datum" /
    "Ons kenmerk …", a stadsdeel's template stamped by hand)."""
    line_start = text.rfind("\n", 0, label.start()) + 1
    above_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
    if line_start == 0 or text[line_start : label.start()].strip():
        return None
    dates = find_dates(text, above_start, line_start)
    if len(dates) != 1:
        return None
    rest = text[above_start : dates[0].start] + text[dates[0].end : line_start]
    if _label_ends_above(text, above_start):
        return None  # the value of the label above it ("Uw brief van" / "3 maart 2019" / "Datum")
    return dates[0] if _STAMP_SCRAPS.fullmatch(rest) else None


def _label_ends_above(text: str, line_start: int) -> bool:
    """Whether the line before the one at `line_start` ends with a label whose value that line holds: any
    label with its colon ("Datum collegebehandeling:" / "12 mei 2015"), or a cited letter's ("… Den Haag
    Uw brief van" / "1 augustus 2017")."""
    above = text[:line_start].rstrip()
    return above.endswith(":") or _CITED_LABEL_ENDS.search(above) is not None


# What OCR reads of a date stamp's frame around its date: punctuation and rules, no word or number.
_STAMP_SCRAPS = re.compile(r"[\s=|_~*.,:;'\"\-\[\](){}<>/\\]*")


# A number of three digits or more alone after a date label, not a day ("Datum 32091"): a scrap of
# another column; the label's date opens the next line.
_STRAY_NUMBER = re.compile(r"[ \t]*[0-9]{3,}[ \t]*\n[ \t]*")
# A cited letter's label ending a line, its date on the next ("Uw brief van", "Uw brief d.d.", "Uw e-mail van").
_CITED_LABEL_ENDS = re.compile(
    r"\b[Uu]w[ \t]+(?:brief|e-?mail|schrijven|verzoek)(?:[ \t]+(?:van|d\.[ \t]?d\.))?[ \t]*\Z"
)
_WEEKDAY_ONLY = re.compile(r"[\s,]*(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag[\s,]*)?", re.IGNORECASE)


# A scan whose address column OCR read line by line with the label column beside it: the label ends
# the address's line, its value ends the next ("Gedeputeerde Staten van Fryslân Datum" / "Postbus
# 1240 19 juli 2010").
# a row of labels with a date's column after the subject's, and that date ending the value line after a wide gap
_DATED_ROW = re.compile(r"onderwerp[ \t]*:?[ \t]+(?:verzend)?datum\b", re.IGNORECASE)
_WIDE_GAP = re.compile(r"[ \t]{2,}|\t")


def _date_column(text: str, start: int, end: int) -> int | None:
    """Where the last column of a value row begins when that column is a date ending the row."""
    end = start + len(text[start:end].rstrip())
    gap = next(reversed(list(_WIDE_GAP.finditer(text, start, end))), None)
    if gap is None:
        return None
    dates = find_dates(text, gap.end(), end)
    if dates and dates[0].start == gap.end() and dates[0].end == end:
        return gap.start()
    return None


_COLUMN_DATE_LABEL = re.compile(
    # "… Behandeld door:  Datum:" and "Onderwerp:  Verzenddatum:" end a row of labels with their colons too
    rf"(?:(?<=[^\W\d_][ \t])|(?<=[ \t]{{2}}))(?:{noisy('verzenddatum')}|{noisy('datum')})[ \t]*(?::[ \t]*)?$",
    re.IGNORECASE | re.MULTILINE,
)


def _column_date(text: str, label: re.Match[str]) -> DateMatch | None:
    """The one date that ends the line after a column's label (see above), nothing after it."""
    if not label[0][:1].isupper():
        return None  # "… tot de datum" ending a sentence's line
    next_line = re.compile(r"[ \t]*\n(?:[ \t]*\n)?(?P<line>[^\n]+)").match(text, label.end())
    if next_line is None:
        return None
    dates = find_dates(text, *next_line.span("line"))
    end = next_line.start("line") + len(next_line["line"].rstrip())
    return (
        dates[0]
        if len(dates) == 1 and dates[0].end == end and dates[0].start > next_line.start("line")
        else None
    )


def _rest_blank(text: str, position: int) -> bool:
    end = text.find("\n", position)
    return not text[position : end if end >= 0 else len(text)].strip(" \t:.")


def end_of_lines(text: str, position: int, count: int) -> int:
    end = position
    for _ in range(count):
        following = text.find("\n", end + 1)
        if following < 0:
            return len(text)
        end = following
        while end + 1 < len(text) and text[end + 1] == "\n":
            end += 1
    return end


def line_at(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)]


# A label is a whole word: "Onderwerpen: begroting" on a publication's metadata page is no subject line.
_SUBJECT = re.compile(
    rf"^[ \t]*(?:{noisy('onderwerp')}|{noisy('betreft')}|{noisy('inzake')}|subject(?=[ \t]*:)|"
    # a residents' letter to the council heads its subject as what it is: "Raadsadres: Oranje Loper - …"
    r"raadsadres(?=[ \t]*:[ \t]*[A-Z])|"
    # the label with its last letter lost, as a typist or a cut-off scan leaves it, before its colon: "Betref:"
    rf"{noisy('betref')}(?=[ \t]*:))(?![^\W\d_])[ \t]*[:._]?[ \t]*",  # OCR's underline mark: "Onderwerp _ …"
    re.IGNORECASE | re.MULTILINE,
)
# A label inside a run-together line: "… Onderwerp: …", "… BETREFT …", "… onderwerp Toezichtsbrief …";
# "Betreft" before a lower-case word only where no sentence goes on ("Betreft het een …" does).
_INLINE_SUBJECT = re.compile(
    r"(?<=[ \t])(?:(?:Onderwerp|Betreft|BETREFT|ONDERWERP|onderwerp|betreft)(?:[ \t]*:[ \t]*(?=\S)|[ \t]*(?=[A-Z0-9'‘\"]))"
    # the label last on a run-together line, its value the next line: "… AB/2008/12 Onderwerp" / "Voortgang van …"
    r"|(?:Onderwerp|Betreft)[ \t]*\n(?=[ \t]*[A-Z])"
    # a value in lower case that ends the run-together header, the salutation next: "Datum 28 oktober 2009
    # Uw kenmerk … Onderwerp kamervragen" / "Geachte voorzitter,"
    r"|(?:Onderwerp|Betreft)[ \t]+(?=[a-z][^\n:]{2,100}\n(?:[ \t]*\n)*[ \t]*(?:Geachte?|Beste|Zeer[ \t]+geachte?)\b)"
    r"|Betreft[ \t]+(?=(?!(?:het|de|een|dit|deze|die|dat|u|uw|ons|onze|hier|zowel|niet|alleen|vooral|ook|"
    r"met|om|slechts|enkel)\b)[a-z]{4,}))"
)
# A header label straight after an inline "Onderwerp": the next label of a row of labels, not the value.
_LABEL_AFTER_LABEL = re.compile(
    r"(?:Bijlagen?|Bijlage\(n\)|Datum|(?:Ons|Uw)[ \t]+kenmerk|Kenmerk|Behandeld[ \t]+door|Zaaknummer|"
    r"Telefoon(?:nummer)?|Verzonden)\b(?![ \t]*:)"
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
# A run of a Woo publication's redaction marks and nothing else: "(geanonimiseerd) (geanonimiseerd)",
# "[5.1.2.e]", "5,1,2,e" as OCR reads it.
REDACTION_MARKS = r"(?:[\s\[(]*(?:geanonimiseerd|5[.,][ ]?1[.,]?[ ]?2[.,]?[ ]?[a-z])[\s\])]*)+"
_NOT_CONTINUATION = re.compile(
    rf"^[ \t]*(?:{noisy('datum')}|{noisy('kenmerk')}|ons|uw|bijlage|geachte?|beste|zaaknummer|dossier|"
    # an e-mail's greeting under its subject ("Subject: Agenda kenniskwartier" / "Hi allen,"); "Dag" only
    # as a greeting ends its line with a comma ("Dag van de Democratie" goes on)
    r"(?:hoi|hi|hallo|hello|dear|goedemorgen|goedemiddag|goedenavond|goede?n?dag)\b|dag\b[^\n]{0,40},[ \t]*$|"
    # … or the closing of a mail with no body ("Onderwerp: KLI-formulier, zaaknummer …" / "Met vriendelijke groet,")
    r"met[ \t]+(?:vriendelijke|hartelijke|collegiale)[ \t]+groet|hoogachtend\b|"
    r"behandeld|contact|telefoon|e-?mail|verzonden|aan\b|t\.a\.v|afdeling|doorkiesnummer|referentie|[0-9]|"
    # any short label of the header's column with its colon: "Ref. : Laura Jongeneel, tel. …",
    # "Beh. ambtenaar: …"
    r"[A-Z][\w.-]{1,20}(?:[ \t]+[\w.-]{1,20})?[ \t]*:(?:[ \t]|$)|"
    r"\S[ \t]*$|"  # a lone mark on its own line ("X", a box a form printed)
    # a line of a Woo publication's redaction marks ("(geanonimiseerd) (geanonimiseerd)", "5.1.2.e")
    rf"{REDACTION_MARKS}$|"
    # an attached file's name under an e-mail's subject ("Meldingen-0000007427.pdf")
    r"\S+\.(?:pdf|docx?|xlsx?|odt|msg|eml|jpe?g|png|zip)[ \t]*$|"
    r"[_=–—-]{4,})",  # a rule drawn under the header in underscores ("Onderwerp: Brief aan PS" / "_____")
    re.IGNORECASE,
)
_PHONE = re.compile(r"\s+(?:\+31|\(?0[0-9]{1,3}\)?)[ -]?[0-9][0-9 -]{5,}[0-9]\s*$")
# A run-together header puts the next label on the subject's line: "Onderwerp: Beantwoording …
# Verzonden op: 2 september 2020".
_NEXT_LABEL = re.compile(
    r"[ \t]+(?:Verzonden(?:[ \t]+op)?|Datum|Uw kenmerk|Ons kenmerk|Kenmerk|Uw brief van|Bijlagen?|Zaaknummer|"
    r"(?:Wordt[ \t]+)?[Bb]ehandeld door|Telefoon|"
    # the labels of a board's or college's paper, run onto the subject's line by a document host:
    # "Onderwerp: Afvalwaterakkoord … Nummer: …", "… Steller: …", "… Portefeuillehouder: …"
    r"Nummer|Registratienummer|Steller|Portefeuillehouder|Agendapunt|Afdeling)[ \t]*:"
)
# A section heading of a paper that a run-together form puts after its subject, where the body begins:
# "Onderwerp : Strategische agenda … Algemene toelichting In het Veiligheidsberaad …"; only before a
# capitalised word (the paragraph's first), so that a subject naming a toelichting goes on.
_RUN_IN_HEADING = re.compile(
    r"[ \t]+(?:(?:Algemene|Korte)[ \t]+)?(?:[Tt]oelichting|Inleiding|Samenvatting|Aanleiding|Beslispunten|"
    r"Voorgesteld[ \t]+besluit)[ \t:]+(?=[A-Z][a-z]*[ \t])"
)
# A value that runs on into sentences ("… agenda VR Algemene toelichting In het … is ingestemd met … .
# Vervolgens heeft …"): where the subject ends the line does not tell; the real letters' subjects have at
# most 33 words and no sentence break.
_SENTENCE_BREAK = re.compile(r"[a-zà-ÿ]{2}\.[ \t]+[A-Z]")
_SUBJECT_WORDS = 40
# … or the address or salutation that follows the subject: "Onderwerp: uitnodiging … Aan de leden van
# het algemeen bestuur …,".
_RUN_IN_NEXT = re.compile(
    r"[ \t]+(?:Aan[ \t]+(?:de|het)[ \t]+(?:\([a-z]+\)[ \t]+)?(?:leden|college|raad|gemeenteraad|dagelijks|algemeen)\b|"
    r"Geachte?[ \t]|"
    # a raadsvoorstel's proposed decision ("Onderwerp: Concept Kadernota … De raad besluit: …")
    r"(?:De|Het)[ \t]+(?:raad|college|gemeenteraad)[ \t]+(?:besluit|stelt)\b|"
    # any next label of the run-together form ("… (ODRU) Advies: 1. In te stemmen …")
    r"[A-Z][a-z]{3,}(?:[ \t]+[a-z]+){0,2}[ \t]*:[ \t])"
)


def ocr_scrap(value: str) -> bool:
    """Whether a subject's value is what OCR made of a stamp, a barcode or handwriting ("MO^J^St", read
    "MO J St" once the carets are blanked): no word of four letters (the real letters' subjects all have
    one)."""
    return re.search(r"[^\W\d_]{4}", value) is None


def _past_scrap(
    text: str, label: re.Match[str], scrap: tuple[int, int], head_end: int
) -> tuple[int, int] | None:
    """ "Berichtnummer Onderwerp" over "MO^J^St" over "Toekomst van …": OCR set the values of a row of
    two labels on lines of their own, and the scrap is the first label's; the subject is the next line.
    Where the label stands alone, or the next line is no value, the subject is unknown."""
    line_start = text.rfind("\n", 0, label.start()) + 1
    if not text[line_start : label.start()].strip() or "\n" not in text[label.start() : label.end()]:
        return None
    following = re.compile(r"[ \t]*\n[ \t]*(?=\S)([^\n]*)").match(text, scrap[1])
    if following is None or following.end() > head_end:
        return None
    value = following[1]
    if ocr_scrap(value) or _NOT_CONTINUATION.match(value) or find_salutation(value) is not None:
        return None
    return strip_span(text, following.start(1), following.end(1), " \t\r\n")


_MAIL_HEADER_ABOVE = re.compile(r"^[ \t]*(?:Verzonden|Sent|Aan|To)[ \t]*:", re.MULTILINE | re.IGNORECASE)
# a sentence with its writer in it, ending with a full stop: the message's text, no subject
_WRITER_SENTENCE = re.compile(r"(?=[^\n]*[ \t](?:ik|wij|we)[ \t])[^\n]{20,}[a-z)]\.[ \t]*$", re.IGNORECASE)


def _runs_into_sentences(value: str) -> bool:
    return len(value.split()) > _SUBJECT_WORDS and _SENTENCE_BREAK.search(value) is not None


def find_subject(text: str, head_end: int) -> tuple[int, int, str] | None:
    """The Onderwerp/Betreft line, with its continuation lines, as (start, end, value); not a scrap
    ("Onderwerp" over "WQ J Sd")."""
    found = _find_subject(text, head_end)
    return None if found is None or ocr_scrap(found[2]) or _REDACTED.fullmatch(found[2]) else found


# a value made only of redaction marks shows no subject
_REDACTED = re.compile(REDACTION_MARKS, re.IGNORECASE)


def _table_subject(text: str, head_end: int) -> tuple[int, int, str] | None:
    """The subject in a row of labels over a row of values whose cells bars set apart ("Datum | Kenmerk |
    Onderwerp" over "14 juni 2022 | 22-012345 | Voortgang binnenstadsplan"): the cell under the label."""
    for labels, start, end in table_rows(text, head_end):
        subject = next((n for n, label in enumerate(labels) if label in ("onderwerp", "betreft")), None)
        cells = list(re.finditer(r"[^|]+", text[start:end]))
        if subject is None or "|" not in text[start:end] or len(cells) != len(labels):
            continue
        cell = cells[subject]
        value_start, value_end = strip_span(text, start + cell.start(), start + cell.end(), " \t")
        if value_end > value_start:
            return value_start, value_end, text[value_start:value_end]
    return None


def _find_subject(text: str, head_end: int) -> tuple[int, int, str] | None:
    match = _SUBJECT.search(text, 0, max(head_end, 1))
    if match is None and (table := _table_subject(text, head_end)) is not None:
        return table
    if match is None:
        # searched past the header's end, so that a look-ahead sees the salutation after it
        inline = _INLINE_SUBJECT.search(text)
        if inline is None or inline.start() >= max(head_end, 1):
            return None
        line_end = text.find("\n", inline.end())
        end = min(head_end, line_end if line_end >= 0 else len(text))
        if _LABEL_AFTER_LABEL.match(text, inline.end()):
            # "Datum Behandeld door Ons kenmerk Onderwerp Bijlagen 22 april 2013 de heer … UR jaarrekening …":
            # the label is one of a row whose values follow the row, and which value is the subject the
            # run-together line does not tell
            return None
        line_start = text.rfind("\n", 0, inline.start()) + 1
        row = max(line_start, inline.start() - 160), inline.start()
        if len(_ROW_LABELS.findall(text, *row)) >= 3 or (
            _LABELS_RIGHT_BEFORE.search(text, *row) and _DATE_FIRST.match(text, inline.end())
        ):
            # without an e-mail column the telephone is the row's last contact value
            return _last_of_row(text, inline.end(), end, phone_last=not _MAIL_LABEL.search(text, *row))
        cuts = [
            m.start()
            for m in (
                _NEXT_LABEL.search(text, inline.end(), end),
                _RUN_IN_NEXT.search(text, inline.end(), end),
                _RUN_IN_LABEL.search(text, inline.end(), end),
                _RUN_IN_HEADING.search(text, inline.end(), end),
            )
            if m is not None
        ]
        span = strip_span(text, inline.end(), min(cuts, default=end), " \t\r\n")
        if ocr_scrap(text[slice(*span)]):
            past = _past_scrap(text, inline, span, head_end)
            if past is None:
                return None
            span = past
        if _runs_into_sentences(text[slice(*span)]):
            return None
        return (*span, normalise_subject(text[slice(*span)])) if span[1] > span[0] else None
    start = match.end()
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    in_label_row = label_row(line_at(text, match.start())) is not None
    # a scan's stray mark beside the label ("Onderwerp ;", "Onderwerp |") is no value: the next line is
    if re.fullmatch(r"[ \t]*[;|,][ \t]*", text[start:line_end]):
        start = line_end
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
        if _MAIL_HEADER_ABOVE.search(
            text, max(0, match.start() - 300), match.start()
        ) and _WRITER_SENTENCE.match(text[start:line_end]):
            # a mail header's empty "Onderwerp:" over the message's first sentence ("Deze brief hadden wij
            # … ontvangen en is al als klacht verwerkt."): the subject is lost, not that sentence
            return None
    if in_label_row:  # "Onderwerp Telefoonnummer" over "Concept informatieprotocol 06-53381467"
        phone = _PHONE.search(text, start, line_end)
        # "Onderwerp:  Verzenddatum:" over "In behandeling nemen aanvraag  25 juni 2024": the date's column
        dated = (
            _date_column(text, start, line_end) if _DATED_ROW.search(line_at(text, match.start())) else None
        )
        cut = phone.start() if phone else dated if dated is not None else line_end
        span = strip_span(text, start, cut, " \t\r\n")
        return (*span, normalise_subject(text[slice(*span)])) if span[1] > span[0] else None
    end = line_end
    stacked_below = start > match.end()  # "Onderwerp" alone on its line, the value on the next
    while True:
        continuation = re.compile(r"\n[ \t]*(?=\S)([^\n]*)").match(text, end)
        previous = text[text.rfind("\n", 0, end) + 1 : end]
        if (
            not continuation
            or (_NOT_CONTINUATION.match(continuation[1]) and not _date_announced(text, end, continuation))
            or _did_not_wrap(previous, continuation[1])
            # a value that ends a sentence ("… te Leiden.") does not go on into a capitalised line, nor into
            # a word alone (what OCR left of the salutation: "… flitbezorgdiensten." / "cerch")
            or (
                re.search(r"[a-zà-ÿ]{3}\.[ \t]*$", previous)
                and (continuation[1].lstrip()[:1].isupper() or len(continuation[1].split()) == 1)
            )
            # under a label of its own the value is one line, unless it goes on in lower case or its
            # last word dangles ("Zienswijzen … Zuid Limburg" / "Advies sprekersplein" is the next label)
            or (stacked_below and continuation[1][:1].isupper() and not _DANGLING.search(text[start:end]))
            or _is_place_date(continuation[1])
            or end >= head_end
            # a short subject over a body's full line ("Onderwerp Sluizen" / "Hierbij zend ik u het verslag
            # van het overleg over …", no blank line between in a PDF's text layer): a value that
            # wrapped fills its line about as far as the next, so this one did not wrap
            or (
                end == line_end
                and len(continuation[1].strip()) >= 50
                and len(text[start:end].strip()) < 0.5 * len(continuation[1].strip())
                and not _DANGLING.search(text[start:end])
            )
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
# Labels standing right before "Onderwerp" with no value between them ("Datum Zaakkenmerk Briefnummer Uw
# nummer Onderwerp 27 maart EBE1 …"): a row whose values all follow it, whatever its labels are, where
# a date comes first after "Onderwerp" (the row's date); with the words of a subject first ("Datum Ons
# kenmerk Uw brief van Onderwerp Verslag archiefwettelijk toezicht 2017 Uw kenmerk …") the labels before
# it had no values and the subject is "Onderwerp"'s own.
_LABELS_RIGHT_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:Datum|Zaakkenmerk|Zaaknummer|Zaak|Briefnummer|Kenmerk|(?:Ons|Uw)[ \t]+(?:kenmerk|nummer|brief"
    r"(?:[ \t]+van)?)|Behandeld[ \t]+door|Telefoon(?:nummer)?|Doorkiesnummer|Contactpersoon|Bijlage(?:n|\(n\))?|"
    r"E-?mail(?:adres)?|Antwoord[ \t]+op|Verzonden|Pagina)[ \t]+){2,}\Z"
)
_DATE_FIRST = re.compile(
    r"[ \t]*(?:[0-3]?[0-9][ \t]*(?:jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\b|"
    r"[0-3]?[0-9][-/.][01]?[0-9][-/.][0-9]{2,4}\b)",
    re.IGNORECASE,
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


# A date whose year the line's wrap put on the next line ("… bestuur d.d. 29 maart" / "2021.").
_DAY_MONTH_AT_END = re.compile(
    r"(?<![\w-])[0-3]?[0-9][ \t]+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|"
    r"oktober|november|december)[ \t]*$",
    re.IGNORECASE,
)


def _date_announced(text: str, end: int, continuation: re.Match[str]) -> bool:
    """A subject's line that ends announcing a date ("… van bestuur d.d.") goes on into the next line's date,
    a number though it opens with; one that ends with a day and month goes on into its year."""
    if _DAY_MONTH_AT_END.search(text, max(0, end - 20), end):
        return re.match(r"[ \t]*(?:19|20)[0-9]{2}[ \t]*[.,;]?[ \t]*$", continuation[1]) is not None
    if not re.search(r"\bd\.[ \t]?d\.?[ \t]*$", text[max(0, end - 12) : end]):
        return False
    dates = find_dates(text, continuation.start(1), continuation.end(1))
    return bool(dates) and dates[0].start == continuation.start(1)


def _did_not_wrap(previous: str, following: str) -> bool:
    """A line the next one's first word would have fitted on did not wrap: the next line starts something
    else (a body run straight under the subject, no blank line between: "Onderwerp Advies over de
    speeltuinen" / "Wij danken u voor uw advies over …", a full line). The line lengths of a scan's or a
    text layer's proportional type differ a little: the word must fit with room to spare."""
    words = following.split()
    if not words or not previous.strip():
        return False
    return len(previous.rstrip()) + 1 + len(words[0]) + 8 <= len(following.rstrip())


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
    end = _first_sentence_line(
        text, match.end(), min(paragraph_end.start() if paragraph_end else len(text), match.end() + 400)
    )
    span = strip_span(text, match.end(), end, " \t\r\n")
    value = normalise_subject(text[slice(*span)])
    return (*span, value) if value and "\n\n" not in text[slice(*span)] else None


def _first_sentence_line(text: str, start: int, end: int) -> int:
    """Where a subject paragraph under the salutation ends: at the line that opens the body's first
    sentence ("Subject: Meeting on …" / "Thank you for …", no blank line between), a capitalised line
    after one that does not dangle; a line that goes on in lower case or after a dangling word is the
    subject's."""
    line_end = text.find("\n", start, end)
    while line_end >= 0:
        following = text[line_end + 1 : end].lstrip(" \t")
        if (
            following[:1].isupper()
            and not _DANGLING.search(text[start:line_end])
            and text[start:line_end].strip()
        ):
            return line_end
        line_end = text.find("\n", line_end + 1, end)
    return end


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
    # a scan's bar at the end of each line of a value over two lines: "… openbaarheid bestuur |" / "d.d. …"
    joined = re.sub(r"[ \t]+\|[ \t]*(?=\n)", "", joined)
    # the colons of a row of labels ran before the value: "Betreft : : : : : Budgetsubsidie …"
    value = re.sub(r"^[\s:]+", "", re.sub(r"\s+", " ", joined)).strip()
    # a scan's bar after the value: "Besluit op uw verzoek |"
    value = re.sub(r"(?:[ \t]+\|)+$", "", value)
    if re.search(r"(?:^|[\s(])(?:[A-Za-z]\.){2,}$", value):
        return value.strip()  # an abbreviation's full stop: "… Ajax v.v.", "Dorpsstraat e.o."
    return value.rstrip(".").strip()


# A "subject" that is only the next label of the header ("Betreft" in a row of labels whose values
# follow in another order: "Aan Datum Betreft Contactpersoon …") is no subject.
LABEL_ONLY = re.compile(
    r"(?:ons |uw )?kenmerk|contactpersoon|datum|bijlagen?|bijlage\(n\)|doorkiesnummer|telefoon(?:nummer)?|"
    r"e-?mail|behandeld door|zaaknummer|briefnummer|aan|cc|verzonden|uw brief van",
    re.IGNORECASE,
)
