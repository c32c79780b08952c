"""A staff member's role line under their name carries their unit: "teamleider Beheer Openbare Ruimte"
under "Joost Pietersma" is one signer, the teamleider, and "Beheer Openbare" no second person (ingest
drafted such a unit as a person, and as a private one, which masked the word "Openbare" in every text)."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_BLOCK = """Gemeente Leiden
Postbus 9100
2300 PC Leiden

Aan de bewoners van de Morsstraat

Datum: 12 mei 2022
Onderwerp: Werkzaamheden aan de riolering

Geachte bewoners,

In juni vervangen wij de riolering in uw straat. Wij houden u op de hoogte van de voortgang.

Met vriendelijke groet,

namens burgemeester en wethouders van Leiden,

{signature}
"""


def _signers(signature: str) -> list[tuple[str | None, str | None]]:
    found = extract(_BLOCK.format(signature=signature)).signatories
    return [(s.name.value if s.name else None, s.role.value if s.role else None) for s in found]


@pytest.mark.parametrize(
    ("role_line", "role"),
    [
        ("teamleider Beheer Openbare Ruimte", "teamleider"),
        ("manager Sociaal Domein", "manager"),
        ("directeur Stad en Wijk", "directeur"),
    ],
)
def test_a_role_line_with_its_unit_under_a_name_is_that_signers_role(role_line, role):
    assert _signers(f"Joost Pietersma\n{role_line}") == [("Joost Pietersma", role)]


def test_an_offices_holder_or_a_name_with_initials_after_a_role_is_still_a_signer():
    assert _signers("Joost Pietersma\nwethouder Piet Jansen") == [
        ("Joost Pietersma", None),
        ("Piet Jansen", "wethouder"),
    ]
    assert ("P.R. Smit", "teamleider") in _signers("J. Bakker\nteamleider P.R. Smit")
