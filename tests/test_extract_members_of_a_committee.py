"""A letter to the members of a committee the register does not hold is addressed to the committee.

A real letter of a stadsdeel's board (the eighteenth unseen set) has "Aan De leden van de
stadsdeelcommissie Zuid" in its label column; "leden" is no organisation's word, so it had no addressee.
The letters below are made up."""

from opendata.ingest.extract import extract


def _letter(to: str) -> str:
    return (
        "Gemeente Amsterdam\n\n"
        "Beantwoording vragen\n"
        f"Aan {to}\n"
        "Datum 3 april 2024\n"
        "Onderwerp Beantwoording vragen over het plein\n\n"
        "Geachte leden van de commissie,\n\n"
        "Op 1 maart 2024 ontving het bestuur uw vragen. Hieronder treft u de antwoorden aan.\n\n"
        "Met vriendelijke groet,\n"
        "Karin Bos\n"
        "Voorzitter\n"
    )


def test_the_members_of_a_committee_address_the_committee():
    for to, name in (
        ("De leden van de stadsdeelcommissie Noord", "stadsdeelcommissie Noord"),
        ("de leden van de Adviescommissie Groen Dorp", "Adviescommissie Groen Dorp"),
        ("Leden van het Platform Zorg West", "Platform Zorg West"),
    ):
        assert extract(_letter(to)).facts()["addressees"] == [name], to


def test_members_without_an_organisation_are_no_addressee():
    assert extract(_letter("De leden van de werkgroep")).facts()["addressees"] == []
