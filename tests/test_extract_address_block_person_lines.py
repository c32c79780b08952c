"""An address block that names the person or post written to between the body and its postal line
("Gemeente Zwolle / De burgemeester van Zwolle / Mevrouw drs. A. Bakker / Postbus 10007"): the body
is the addressee, not the letterhead. Before, the postal line stood too far under the body's name,
so the municipality written to was taken as the sender and no addressee was found (a business
zone's Wob request to a burgemeester, nineteenth unseen set). Invented texts."""

from __future__ import annotations

from opendata.ingest.extract import extract

LETTER = """STADSHAVEN
Gemeente Zwolle
{lines}Postbus 10007
8000 GA Zwolle
Zwolle, 3 maart 2022
Betreft: verzoek om informatie over de kadeplannen
Geachte burgemeester,
Wij vragen u om alle stukken over de herinrichting van de kade openbaar te maken.
Met vriendelijke groet,
Ondernemersvereniging Stadshaven
"""


def _facts(lines: str) -> dict:
    return extract(LETTER.format(lines=lines)).facts()


def test_post_and_person_between_body_and_postal_line():
    facts = _facts("De burgemeester van Zwolle\nMevrouw drs. A. Bakker\n")
    assert facts["addressees"] == ["gm0193"]
    assert facts["sender"] != "gm0193"


def test_a_person_alone_between_body_and_postal_line():
    facts = _facts("De heer P. Smit\n")
    assert facts["addressees"] == ["gm0193"]
    assert facts["sender"] != "gm0193"


def test_a_body_right_over_its_postal_line_as_before():
    facts = _facts("")
    assert facts["addressees"] == ["gm0193"]
