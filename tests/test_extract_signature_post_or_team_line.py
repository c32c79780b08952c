"""A signature block that names a post or a team but no person ("Medewerker Procedure ondersteuning",
"Projectteam Erotisch Centrum"): the capitalised words after the post's or team's word are its field
or the team's name, not a signer. Before, "Medewerker Procedure" and "Projectteam Erotisch" were
given as signatories (a province's cover e-mails, a municipality's letter to residents in the
nineteenth unseen set). Invented texts."""

from __future__ import annotations

from opendata.ingest.extract import extract

MAIL = """Van: Vergunningenteam <vergunningen@drenthe.example>
Verzonden: woensdag 9 oktober 2024 10:12
Aan: Gemeente Tynaarlo
Onderwerp: Afronding melding houtopstand

Geachte lezer,

Bijgaand ontvangt u onze brief over de melding. Wij verwijzen u naar de inhoud daarvan.

Met vriendelijke groet,

{signature}
Provincie Drenthe | Postbus 122 | 9400 AC Assen
"""


def _signatories(signature: str) -> list[dict]:
    return extract(MAIL.format(signature=signature)).facts()["signatories"]


def test_a_bare_post_and_its_field_sign_no_one():
    assert _signatories("Medewerker Procedure ondersteuning\nEenheid Publieke Dienstverlening") == []
    assert _signatories("Adviseur Natuur Beheer\nTeam Vergunningen") == []


def test_a_team_named_by_its_project_signs_no_one():
    assert _signatories("Projectteam Zuiderhaven Kade") == []
    assert _signatories("Kernteam Stationsgebied Noord") == []


def test_a_named_signer_under_a_team_still_signs():
    found = _signatories("Hendrika Spoelstra\nProjectleider\nProjectteam Zuiderhaven")
    assert [s["name"] for s in found] == ["Hendrika Spoelstra"]
