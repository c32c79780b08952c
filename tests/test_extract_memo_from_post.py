"""A memo whose header names its writer by a municipal post ("Van: …, waarnemend burgemeester …") is
sent by the one municipality the memo names, with no body of it (the burgemeester is a post, not a
body); its header may be run into one line, as a web copy sets it (thirteenth unseen set, issue 13).
The texts are written for the test: invented wording and people, real names of public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def _memo(header: str) -> str:
    return (
        "Openbare notitie Voortgang van de verkenning naar samenwerking in de regio\n"
        f"{header}\n"
        "In deze notitie zet ik uiteen hoe ver de verkenning is gevorderd die de raad mij heeft gevraagd "
        "uit te voeren. De gesprekken met de buren verlopen in goede sfeer, maar een besluit is nog niet "
        "in zicht.\n"
    )


def test_a_memo_from_a_waarnemend_burgemeester_is_sent_by_the_municipality_it_names():
    header = (
        "Aan: de gemeenteraad van Zuidplas, via de fractievoorzitters Van: Anna de Boer, waarnemend "
        "burgemeester Zuidplas Datum: 3 maart 2015"
    )
    facts = extract(_memo(header)).facts()
    assert facts["sender"] == "gm1892"
    assert facts["sender_body"] is None


def test_a_memo_from_a_wethouder_on_its_own_line_is_sent_by_the_one_municipality_named():
    facts = extract(
        _memo("Aan: de gemeenteraad van Zuidplas\nVan: wethouder Pieter Smit\nDatum: 3 maart 2015")
    ).facts()
    assert facts["sender"] == "gm1892"


def test_a_memo_naming_two_municipalities_has_no_sender():
    header = "Aan: de gemeenteraden van Zuidplas en Waddinxveen\nVan: Anna de Boer, burgemeester\nDatum: 3 maart 2015"
    assert extract(_memo(header)).facts()["sender"] is None
