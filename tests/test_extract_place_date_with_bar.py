"""A scanned letter's "Place, date" line with the edge of a table's rule after it, as OCR reads it
("Amsterdam, 30 november 2018 |"): it was no place-date line, so the letter had no date sent and its
subject ran on into the dated line. Invented letter."""

from __future__ import annotations

from opendata.ingest.extract import extract

TEXT = (
    "Bestuurscommissie Oost\n"
    "Postbus 94801\n"
    "1090 GV AMSTERDAM |\n"
    "betreft: verzoek om stukken over de Dapperstraat |\n"
    "Amsterdam, 30 november 2018 |\n"
    "|\n"
    "Geachte heer, mevrouw,\n"
    "Wij vragen u om de stukken over de herinrichting van de straat.\n"
)


def test_the_dated_line_with_a_bar_dates_the_letter_and_ends_the_subject():
    facts = extract(TEXT).facts()
    assert facts["date_sent"] == "2018-11-30"
    assert facts["subject"] == "verzoek om stukken over de Dapperstraat"


def test_the_dated_line_without_a_bar_as_before():
    facts = extract(TEXT.replace(" |\n", "\n")).facts()
    assert facts["date_sent"] == "2018-11-30"
    assert facts["subject"] == "verzoek om stukken over de Dapperstraat"
