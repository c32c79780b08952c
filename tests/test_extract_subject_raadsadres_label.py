"""A residents' letter to the council that heads its subject with what it is ("Raadsadres: Herinrichting
Kadeplein ; n.a.v. de inloopavond van 3 maart"): the value after the label is the subject. Before, the
letter had no subject (a residents' committee's letter to Amsterdam's council, nineteenth unseen set).
The word as a heading alone ("RAADSADRES" over the address) is no label. Invented texts."""

from __future__ import annotations

from opendata.ingest.extract import extract

LETTER = """Bewonerscomité Havenkwartier
Gemeenteraad van Zwolle
Zwolle, 4 april 2022
{line}
Geachte raadsleden,
Wij vragen u de plannen voor het Kadeplein aan te passen.
Met vriendelijke groet,
namens het Bewonerscomité Havenkwartier,
P. de Boer
"""


def test_the_value_after_raadsadres_is_the_subject():
    facts = extract(LETTER.format(line="Raadsadres: Herinrichting Kadeplein ; n.a.v. de inloopavond")).facts()
    assert facts["subject"] == "Herinrichting Kadeplein ; n.a.v. de inloopavond"


def test_raadsadres_as_a_heading_is_no_subject():
    assert extract(LETTER.format(line="RAADSADRES")).facts()["subject"] is None
