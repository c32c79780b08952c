"""What the published data covers: the municipalities in the graph and the period of its letters.

Read with regular expressions over the N-Triples text, chunk by chunk (no RDF library and no
line-by-line Python loop, so it stays fast for millions of triples). The dates are the letters'
own (sent, received), never the clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from opendata.model.model import Model
from opendata.model.register import Register, RegisteredOrganisation

_GEMEENTE = re.compile(r"<https://identifier\.overheid\.nl/tooi/id/gemeente/([^>/#]+)>")
LETTER_CLASS = "Letter"
DATE_RANGES = ("date", "date_or_month")


@dataclass(frozen=True)
class DateValue:
    lexical: str  # 2019-06-11, 2019-06 or 2019
    datatype: str  # the XSD datatype IRI

    def first_day(self) -> str:
        return (self.lexical + "-01-01")[:10]

    def last_day(self) -> str:
        return (self.lexical + "-12-31")[:10] if len(self.lexical) == 4 else (self.lexical + "-31")[:10]


@dataclass(frozen=True)
class Coverage:
    municipalities: list[RegisteredOrganisation]  # by code
    start: DateValue | None  # the earliest letter date
    end: DateValue | None  # the latest letter date

    def modified(self, issued: str) -> DateValue:
        """The release date, or the latest letter date when that is later."""
        release = DateValue(issued, "http://www.w3.org/2001/XMLSchema#date")
        return self.end if self.end and self.end.last_day() > issued else release


def letter_date_predicates(model: Model) -> list[str]:
    """The predicate IRIs of the letters' date fields (sent, received)."""
    fields = model.classes[LETTER_CLASS].fields.values()
    return [model.expand(f.uri) for f in fields if f.uri and f.range in DATE_RANGES]


def _dated_triples(predicates: list[str]) -> list[re.Pattern]:
    """One pattern per predicate: a pattern that starts with a literal is searched for fast."""
    return [
        re.compile(re.escape(f" <{p}> ") + r'"([^"]*)"\^\^<([^>]+)> \.$', re.MULTILINE) for p in predicates
    ]


def coverage(chunks: Iterable[str], model: Model, register: Register) -> Coverage:
    """Municipalities (TOOI gemeente IRIs anywhere in the graph) and the letters' first and last date."""
    patterns = _dated_triples(letter_date_predicates(model))
    codes: set[str] = set()
    dates: set[DateValue] = set()
    for chunk in chunks:
        codes.update(_GEMEENTE.findall(chunk))
        for pattern in patterns:
            dates.update(DateValue(*match) for match in pattern.findall(chunk))
    municipalities = sorted(
        (register.by_code[code] for code in codes if code in register), key=lambda org: org.code
    )
    start = min(dates, key=lambda d: (d.first_day(), d.lexical), default=None)
    end = max(dates, key=lambda d: (d.last_day(), d.lexical), default=None)
    return Coverage(municipalities, start, end)
