"""Dutch dates in OCR'd letters: "11 juni 2019", "11juni 201-9", "L8 april 2019", "11-06-2019".

A hand-written pattern rather than dateparser, measured on the seed letter (dateparser 1.5.0):
`dateparser.parse` takes 3.7 ms for one candidate string and reads neither "L8 april 2019" nor
"11juni 201-9"; `search_dates` over the whole letter takes 450 ms and makes dates of a postcode
("2509" → 2509-11-29) and of bare years. The pattern below finds every date of the letter, with its
exact offsets, in 1.7 ms, and reads the OCR look-alikes (L8, 2O19) and split years.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from opendata.ingest.extract_noise import as_digits, noisy_alternatives

MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "october": 10,
    "november": 11,
    "december": 12,
    # English names, where they differ: an English-language mail program's header ("Sent: Fri, 2 Jun 2023"),
    # a letter in English ("10 March 2023")
    "january": 1,
    "february": 2,
    "march": 3,
    "june": 6,
    "july": 7,
    "august": 8,
}
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mrt": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "mar": 3,  # English abbreviations where they differ from the Dutch (as above)
    "may": 5,
    "oct": 10,
    "dec": 12,
}
_DIGIT = r"[0-9lIiL|!Oo]"
# A day in look-alike letters ("L8") must start a word; a day in digits may be glued to the word
# before it ("van15 augustus").
# A stamp's day OCR split in two ("Verzenddatum 2 7NOV 2013", "Ingekomen 2 4 FEB. 2015"): one space
# between its digits, the month glued to or set after the second.
_DAY = (
    rf"(?P<day>(?<![\w.,/-])(?<![0-9] )[0-3] [0-9](?=\s?[A-Za-z])|(?<![\w.,/-]){_DIGIT}{{1,2}}|"
    rf"(?<![0-9.,/-])[0-9]{{1,2}})\s*(?:e\s+|(?:st|nd|rd|th)\s+(?:of\s+)?)?"  # "1e juli", "8th (of) July"
)
_YEAR = r"(?P<year>[12](?:[ -]?[0-9lIO]){3})(?![0-9])"


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int
    confidence: float


@functools.cache
def _month_pattern() -> re.Pattern[str]:
    names = sorted(MONTHS, key=len, reverse=True)
    full = noisy_alternatives((f"m{MONTHS[name]}_{name}", name) for name in names)
    short = "|".join(
        f"(?P<a{number}_{name}>{name})\\.?"
        for name, number in sorted(MONTH_ABBREVIATIONS.items(), key=lambda item: -len(item[0]))
    )
    return re.compile(rf"{_DAY}(?:{full}|{short})(?![a-z])\s*,?\s*{_YEAR}", re.IGNORECASE)


# An English letter's date with the month first: "July 8th, 2020", "March 2, 2021".
_MONTH_FIRST = re.compile(
    r"(?<![\w-])(?P<month>{})[ \t]+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?,?[ \t]+(?P<year>(?:19|20)[0-9]{{2}})(?![\w-])".format(
        "|".join(sorted(MONTHS, key=len, reverse=True))
    ),
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?<![\w.-])(?P<day>[0-3]?[0-9])[-./](?P<month>[01]?[0-9])[-./](?P<year>(?:19|20)[0-9]{2})(?![\w-])"
)
_ISO = re.compile(r"(?<![\w.-])(?P<year>(?:19|20)[0-9]{2})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])(?![\w-])")


def _iso(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_of(match: re.Match[str]) -> int:
    name = next(
        key for key, value in match.groupdict().items() if value and key[0] in "ma" and key[1].isdigit()
    )  # "m6_juni" or "a6_jun"
    return int(name[1:].split("_")[0])


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every date written out in text[start:end], in order, with its offsets and a confidence.

    A date whose digits had to be read through look-alikes (L8, 2O19) or whose parts are glued or
    split gets a lower confidence than a clean one.
    """
    end = len(text) if end is None else end
    found: list[DateMatch] = []
    for match in _month_pattern().finditer(text, start, end):
        day_text, year_text = match["day"], match["year"]
        iso = _iso(int(as_digits(year_text)), _month_of(match), int(as_digits(day_text) or 0))
        if iso:
            clean = day_text.isdigit() and year_text.isdigit() and " " in match[0]
            found.append(DateMatch(iso, match.start(), match.end(), 0.95 if clean else 0.8))
    for match in _MONTH_FIRST.finditer(text, start, end):
        iso = _iso(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
        if iso:
            found.append(DateMatch(iso, match.start(), match.end(), 0.9))
    for pattern in (_NUMERIC, _ISO):
        for match in pattern.finditer(text, start, end):
            iso = _iso(int(match["year"]), int(match["month"]), int(match["day"]))
            if iso:
                found.append(DateMatch(iso, match.start(), match.end(), 0.9))
    found.sort(key=lambda item: item.start)
    return _without_overlaps(found)


def _without_overlaps(dates: list[DateMatch]) -> list[DateMatch]:
    kept: list[DateMatch] = []
    for date in dates:
        if kept and date.start < kept[-1].end:
            continue
        kept.append(date)
    return kept


# A later page's running header that repeats the letter's date after the body's name: "Gemeente Amsterdam
# Datum 20-8-2019" / "Kenmerk …" / "Pagina 2 van 12".
_HEADER_DATE = re.compile(
    r"^[ \t\f]*(?:Gemeente|Provincie|Waterschap|Hoogheemraadschap|Wetterskip)\b[^\n]{0,60}?"
    r"(?:\bDatum[ \t:]+|(?<=[a-z])[ \t,]+(?=[0-9]{1,2}[ \t]+[a-z]{3,9}\.?[ \t]+[0-9]{4}[ \t]*$))",
    re.MULTILINE,
)
# The first page's date label left as the template's placeholder: "Datum XX maart 2023", "Datum ntb",
# "Datum: [datum]".
_PLACEHOLDER_DATE = re.compile(
    r"^[ \t]*Datum[ \t:]+(?:[Xx]{2}\b|[Nn]tb\b|\[?datum\]?[ \t]*$|\.{2,})", re.MULTILINE
)


def running_header_date(text: str, start: int) -> DateMatch | None:
    """The date the running header of the later pages (from `start` on) repeats, where the first page's
    date OCR damaged ("Datum 20 aUQgUstUs 2019"): only where the first two headers give it alike (an
    annex further on has headers of its own date)."""
    dates = []
    for header in _HEADER_DATE.finditer(text, start):
        line_end = text.find("\n", header.end())
        found = find_dates(text, header.end(), len(text) if line_end < 0 else line_end)
        if found and found[0].start == header.end():
            dates.append(found[0])
    if len(dates) == 1 and _PLACEHOLDER_DATE.search(text, 0, start):
        # the first page's date a placeholder never filled in ("Datum XX maart 2023"), the second page's
        # header dated ("Gemeente Amsterdam 10 maart 2023"): the one header dates the letter
        return DateMatch(dates[0].iso, dates[0].start, dates[0].end, 0.65)
    if len(dates) < 2 or dates[0].iso != dates[1].iso:
        return None
    return DateMatch(dates[0].iso, dates[0].start, dates[0].end, 0.7)
