"""A short letter written for a test around one sentence, and the organisations extraction finds it
mentions: the scaffold of the tests of organisation mentions (invented texts)."""

from __future__ import annotations

from opendata.ingest.extract import extract

LETTER = """{place}, {date}

{salutation}

{sentence}

{closing},

Anna de Boer
"""


def mentioned(
    sentence: str,
    *,
    place: str = "Utrecht",
    date: str = "4 maart 2021",
    salutation: str = "Geachte heer Jansen,",
    closing: str = "Met vriendelijke groet",
) -> list[str]:
    """The organisations_mentioned of that letter, in the order extraction gives them."""
    text = LETTER.format(place=place, date=date, salutation=salutation, sentence=sentence, closing=closing)
    return extract(text).facts()["organisations_mentioned"]
