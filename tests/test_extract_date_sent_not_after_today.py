"""A letter's date sent is not after the day it is read: a year OCR misread ("25junl 2047" for a date
in 2017, as a synthetic scan read it) is no date sent. The date line is read again without it, so a
second one is found, or the date is unknown, never invented. opendata ingest on 900 synthetic
renderings had one draft dated 2047. Dates after today elsewhere in a letter (a plan in force from a
later year) are no concern of the date sent. Letters written for the test."""

from __future__ import annotations

from opendata.ingest.extract import extract

HEADER = """\
Gemeente Teylingen

Aan de gemeenteraad van Teylingen

{date_lines}
Ons kenmerk: TEY/21/3310
Onderwerp: Onderhoud van de Ruïnekade

Geachte leden van de raad,

Het onderhoud van de Ruïnekade begint na de zomer; het nieuwe beheerplan geldt vanaf 1 januari 2090.

Met vriendelijke groet,

Burgemeester en wethouders van Teylingen,

de secretaris,                    de burgemeester,

R. Aalders                        M. Blom
"""


def _date(date_lines: str) -> str | None:
    found = extract(HEADER.format(date_lines=date_lines))
    return found.date_sent.value if found.date_sent else None


def test_a_date_line_after_today_gives_way_to_the_next_date_line():
    assert _date("Datum: 3 juni 2071\nSassenheim, 3 juni 2021\n") == "2021-06-03"


def test_a_date_line_after_today_alone_leaves_the_date_unknown():
    assert _date("Datum: 3 juni 2071\n") is None
    assert _date("Datum 03-06-2071\n") is None


def test_a_date_line_before_today_stays_and_a_later_year_in_the_body_does_not_matter():
    assert _date("Datum: 3 juni 2021\n") == "2021-06-03"
    assert _date("Sassenheim, 3 juni 2021\n") == "2021-06-03"
