"""A Kamerstuk's heading naming two writers, the second after the first one's ministry ("BRIEF VAN DE
MINISTER VAN KLIMAAT EN GROENE GROEI EN DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT"): no
single ministry sends it (sixteenth unseen set, docs/ingest.md). Letters written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_PAPER = (
    "30 196 Duurzame ontwikkeling\n"
    "Nr. 812\n"
    "BRIEF VAN DE {heading}\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
    "Den Haag, 3 maart 2021\n"
    "Met deze brief informeren wij u over de voortgang van het programma.\n"
)


@pytest.mark.parametrize(
    "heading",
    [
        "MINISTER VAN ECONOMISCHE ZAKEN EN DE STAATSSECRETARIS VAN DEFENSIE",
        "MINISTER VAN FINANCIËN EN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID",
        "STAATSSECRETARIS VAN FINANCIËN EN DE MINISTER VAN BINNENLANDSE ZAKEN EN\nKONINKRIJKSRELATIES",
    ],
)
def test_a_second_writer_in_the_heading_gives_no_sender(heading):
    facts = extract(_PAPER.format(heading=heading)).facts()
    assert facts["sender"] is None
    assert facts["sender_body"] is None
    assert facts["addressees"] == ["oorg10002"]
    assert facts["date_sent"] == "2021-03-03"


@pytest.mark.parametrize(
    ("heading", "ministry"),
    [  # guards: a ministry whose own name has "en" is one writer
        ("MINISTER VAN ECONOMISCHE ZAKEN EN KLIMAAT", "ministerie van Economische Zaken en Klimaat"),
        ("MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP", "ministerie van Onderwijs, Cultuur en Wetenschap"),
    ],
)
def test_one_ministry_with_en_in_its_name_is_the_sender(heading, ministry):
    facts = extract(_PAPER.format(heading=heading)).facts()
    assert facts["sender"] == ministry
    assert facts["sender_body"] == "minister"
