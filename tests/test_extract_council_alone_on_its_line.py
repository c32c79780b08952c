"""A municipality's council named alone on a line of the head ("Gemeenteraad van Zwolle" over the
dated line of a residents' committee's letter, no postal lines): the addressee, never the
letterhead (a council writes no letters of its own, as the Staten do not). Before, the council's
line was taken as the letterhead, so the municipality written to was the sender and there was no
addressee (a residents' committee's letter to Amsterdam's council, nineteenth unseen set).
Invented texts."""

from __future__ import annotations

from opendata.ingest.extract import extract

LETTER = """Bewonerscomité Havenkwartier
info@havenkwartier.example
{council}
Zwolle, 4 april 2022
Betreft: de bomen aan de kade
Geachte raadsleden,
Namens de bewoners vragen wij u de plannen voor de kade aan te passen.
Met vriendelijke groet,
namens het Bewonerscomité Havenkwartier,
P. de Boer
"""


def test_a_council_alone_on_its_line_is_the_addressee_not_the_sender():
    facts = extract(LETTER.format(council="Gemeenteraad van Zwolle")).facts()
    assert facts["addressees"] == ["gm0193"]
    assert facts["sender"] != "gm0193"


def test_a_council_with_more_on_its_line_is_read_as_before():
    facts = extract(LETTER.format(council="Gemeenteraad van Zwolle vergadert op 5 april")).facts()
    assert facts["addressees"] != ["gm0193"] or facts["sender"] != "gm0193"
