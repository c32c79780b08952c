"""Joint arrangements by the abbreviation letters give their kind words: "RUD Zeeland" for the register's
"Regionale uitvoeringsdienst Zeeland", "VR Groningen", "OD Noord-Veluwe", "GGD Hollands Noorden"
(gazetteer.other_forms). Letters written for the test."""

from __future__ import annotations

from opendata.ingest.extract import extract
from opendata.ingest.gazetteer import load_gazetteer, other_forms

INVITATION = """\
Middelburg, 7 september 2020
Onderwerp: uitnodiging vergadering algemeen bestuur

Aan de leden van het algemeen bestuur RUD Zeeland,

Namens de voorzitter nodig ik u uit voor de vergadering van uw algemeen bestuur. Met de
GGD Hollands Noorden en de VR Groningen is over de agenda gesproken.

Met vriendelijke groet,

J. de Boer, directeur RUD Zeeland
"""


def test_the_abbreviated_kind_words_name_the_registered_body():
    gazetteer = load_gazetteer()
    for written, code in (
        ("RUD Zeeland", "so0820"),
        ("VR Groningen", "so0823"),
        ("OD Noord-Veluwe", "so0781"),
        ("GGD Hollands Noorden", "so0340"),
    ):
        found = gazetteer.resolve(written)
        assert found is not None and found.code == code, written


def test_a_director_of_rud_zeeland_signs_for_it_and_its_board_is_addressed():
    found = extract(INVITATION)
    assert found.sender is not None and found.sender.value == "so0820"
    assert [a.value for a in found.addressees] == ["so0820"]
    (signer,) = found.signatories
    assert signer.role is not None and signer.role.value == "directeur"
    assert signer.post_of is not None and signer.post_of.value == "so0820"
    mentioned = {m.value for m in found.organisations_mentioned}
    assert {"so0820", "so0340", "so0823"} <= mentioned


def test_an_abbreviation_before_no_registered_name_resolves_nothing():
    assert other_forms("Odfjell Terminals") == set() and other_forms("VRijstaat Noord") == set()
    text = INVITATION.replace("RUD Zeeland", "RUD Nieuwland").replace("VR Groningen", "VR Brillenland")
    found = extract(text)
    values = [m.value for m in found.organisations_mentioned] + [a.value for a in found.addressees]
    assert "so0820" not in values and "so0823" not in values
    assert found.sender is None or found.sender.value != "so0820"
