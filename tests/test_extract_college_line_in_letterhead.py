"""A municipality's letterhead that names its board on a line of its own, under the town's name and
addresses and above the addressee ("… www.zeist.nl / Zeist / College van Burgemeester en Wethouders. /
Aan: de leden van de gemeenteraad …"): the college is the sender's body. A college on the first line of
an address block (its postal lines under it) is the addressee's, not the sender's (fifteenth unseen
set, issue 13). The texts are written for the test: invented wording, real names of public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def test_the_college_line_of_a_municipalitys_letterhead():
    text = (
        "Postbus 5 3700 AA\n"
        "Het Rond 1 3701 HS\n"
        "www.zeist.nl\n"
        "Zeist\n"
        "College van Burgemeester en Wethouders.\n"
        "Contactpersoon Telefoon\n"
        "Aan: de leden van de gemeenteraad van Zeist\n"
        "Datum 3 maart 2016\n"
        "Onderwerp Voortgang herinrichting Slotlaan\n"
        "Geachte leden van de raad,\n\n"
        "Met deze brief informeren wij u over de herinrichting.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "gm0355"
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"


def test_an_addressed_college_gives_the_sender_no_body():
    text = (
        "www.zeist.nl\n"
        "Gemeente Zeist\n\n"
        "College van Burgemeester en Wethouders\n"
        "Postbus 5\n"
        "3700 AA Zeist\n"
        "Aan: het college\n"
        "Datum 3 maart 2016\n"
        "Onderwerp Voortgang herinrichting Slotlaan\n"
        "Geacht college,\n\n"
        "Met deze brief informeren wij u over de herinrichting.\n"
    )
    assert extract(text).facts()["sender_body"] is None
