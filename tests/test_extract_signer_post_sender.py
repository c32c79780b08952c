"""A writer that is no public body often names itself only in its one signer's title line ("Algemeen
directeur Stadsmuseum BLOK", "Voorzitter Stichting Het Groene Dorp"): with nothing else in the text
naming the sender, that body sends. A field or a part of a body is no writer, nor are two people's
bodies when two sign."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

LETTER = """Aan de gemeenteraad van Voorbeeldstad

Voorbeeldstad, 4 maart 2024

Geachte raadsleden,

Met verbazing lazen wij het voorstel om de kade opnieuw in te richten. Wij vragen u het besluit uit te
stellen tot de bewoners gehoord zijn.

Met vriendelijke groet,

{signature}
"""


@pytest.mark.parametrize(
    "signature, sender",
    [
        ("J. Jansen\nVoorzitter Stichting Het Groene Dorp", "Stichting Het Groene Dorp"),
        ("A.B. de Wit\nAlgemeen directeur BLOK Museum", "BLOK Museum"),
        ("P. Kok\nSecretaris Bewonersvereniging Kadewijk", "Bewonersvereniging Kadewijk"),
    ],
)
def test_the_body_a_lone_signer_leads_sends(signature, sender):
    assert extract(LETTER.format(signature=signature)).facts()["sender"] == sender


@pytest.mark.parametrize(
    "signature",
    [
        "A. Plant\nProjectleider Parkeren",  # a field of work, no body
        "J. de Boer, fractievoorzitter CDA\nK. Smit, fractievoorzitter VVD",  # two parties' chairs
        "M. Maas\nDirecteur Ruimte en Economie",  # a part of a body
    ],
)
def test_no_body_of_one_signer_no_sender(signature):
    assert extract(LETTER.format(signature=signature)).facts()["sender"] is None


def test_a_letterhead_comes_first():
    text = "Gemeente Utrecht\n" + LETTER.format(signature="J. Jansen\nVoorzitter Stichting Het Groene Dorp")
    assert extract(text).facts()["sender"] == "gm0344"
