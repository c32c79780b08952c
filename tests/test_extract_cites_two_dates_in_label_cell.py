"""A header's "Uw brief:" cell that holds two of the addressee's letters, a date a line ("Uw brief: 27 maart
2024" / "7 mei 2024"), cites both; the one "Uw kenmerk" beside them is given to neither (which is whose the
row does not say). With one date, the "Uw kenmerk" is that letter's. Letters written for the test."""

from __future__ import annotations

from opendata.ingest.extract import extract

_HEADER = (
    "Provincie Voorbeeld\n\nGemeente Zandvoort\nPostbus 2\n2040 AA Zandvoort\n\n"
    "Datum: 28.05.2024\nKenmerk: 2024/0012345\nBijlagen: Geen\nUw brief: {cell}\nUw kenmerk: {yours}\n"
    "Onderwerp: Reactie op uw brieven\n\nGeachte college,\n\nWij reageren hierbij op uw zienswijze over het "
    "windpark.\n\nMet vriendelijke groet,\n\nGedeputeerde Staten van Voorbeeld\n"
)


def test_two_dates_in_the_cell_are_two_cited_letters_without_the_kenmerk():
    facts = extract(_HEADER.format(cell="27 maart 2024\n7 mei 2024", yours="Z-24-111 / Z-24-222")).facts()
    assert facts["cites"] == [
        {"date": "2024-03-27", "reference": None},
        {"date": "2024-05-07", "reference": None},
    ]


def test_one_date_in_the_cell_takes_the_kenmerk():
    # guard: one letter cited in the cell, the "Uw kenmerk" is its reference
    facts = extract(_HEADER.format(cell="27 maart 2024", yours="Z-24-111")).facts()
    assert facts["cites"] == [{"date": "2024-03-27", "reference": "Z-24-111"}]
