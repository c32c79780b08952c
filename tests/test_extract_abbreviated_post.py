"""A chair's or secretary's post abbreviated beside the signer's name ("P. de Boer, vz", "J. Mulder,
secr."): the role is the post. Before, the signer had no role (a residents' committee's letter to a
council, nineteenth unseen set). Invented texts."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

LETTER = """Bewonerscomité Havenkwartier
Gemeenteraad van Zwolle
Zwolle, 4 april 2022
Betreft: de bomen aan de kade
Geachte raadsleden,
Wij vragen u de plannen voor de kade aan te passen.
Met vriendelijke groeten,
namens het Bewonerscomité Havenkwartier,
{signature}
"""


@pytest.mark.parametrize(
    ("signature", "role"),
    [("P. de Boer, vz", "voorzitter"), ("P. de Boer, vz.", "voorzitter"), ("J. Mulder, secr.", "secretaris")],
)
def test_an_abbreviated_post_is_the_signers_role(signature, role):
    signatories = extract(LETTER.format(signature=signature)).facts()["signatories"]
    assert [(s["name"], s["role"]) for s in signatories] == [(signature.split(",")[0], role)]
