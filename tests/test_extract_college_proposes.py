"""A raadsvoorstel as a council's web site sets it: the college "stelt voor" a decision to its own
council, and the one municipality the page names is the sender, with the college as its body
(fourteenth unseen set, issue 13). The texts are written for the test: invented wording, real names of
public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def _proposal(opening: str) -> str:
    return (
        "Pagina delen\n\n"
        "Zienswijze op de kadernota 2024 van de Omgevingsdienst Achterhoek\n\n"
        f"{opening}\n\n"
        " 1. In te stemmen met de kadernota 2024 van de gemeenschappelijke regeling waaraan de gemeente "
        "Doetinchem deelneemt.\n"
        " 2. Dit als zienswijze aan het dagelijks bestuur te sturen.\n\n"
        "Inhoud\n\nDe raad mag jaarlijks een zienswijze geven.\n"
    )


def test_the_college_that_proposes_to_the_council_sends_for_its_municipality():
    facts = extract(_proposal("Het college van burgemeester & wethouders stelt voor :")).facts()
    assert facts["sender"] == "gm0222"
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"


def test_a_page_that_proposes_nothing_has_no_sender():
    facts = extract(_proposal("De raad besluit:")).facts()
    assert facts["sender"] is None
