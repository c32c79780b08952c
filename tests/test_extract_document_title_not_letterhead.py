"""A title naming a body's budget or planning paper ("Begroting Veiligheidsregio Zeeland", "Ontwerp
programmabegroting 2022 GGD Hart voor Brabant") is what the page is about, not its letterhead: a municipality's
press release on a joint arrangement's draft budget, or a college's decision on it, is no letter of the
joint arrangement (fourteenth unseen set, issue 13). The texts are written for the test: invented
wording, real names of public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def _press_release() -> str:
    return (
        "Begroting Veiligheidsregio Zeeland\n\n"
        "12 mei 2021\n\n"
        "Het college heeft de ontwerpbegroting 2022 van de Veiligheidsregio Zeeland gelezen. Het stelt de "
        "raad voor er een zienswijze over te geven.\n\n"
        "Het algemeen bestuur stelt de begroting in juli vast.\n"
    )


def _decision_item() -> str:
    return (
        "Ontwerp programmabegroting 2022 GGD Hart voor Brabant\n\n"
        "Het college besluit de raad voor te stellen de volgende zienswijze te geven:\n\n"
        " 1. De raad vraagt de GGD Hart voor Brabant de reserves toe te lichten.\n"
        " 2. De raad vraagt een overzicht van de incidentele lasten.\n"
    )


def test_a_press_release_titled_with_a_joint_arrangements_budget_has_no_sender():
    facts = extract(_press_release()).facts()
    assert facts["sender"] is None
    assert "so0619" in facts["organisations_mentioned"]


def test_a_decision_titled_with_the_ggds_draft_budget_has_no_sender():
    assert extract(_decision_item()).facts()["sender"] is None


def test_a_letterhead_line_that_opens_with_the_body_is_still_the_sender():
    letter = (
        "Veiligheidsregio Zeeland\n\nAan de raad van de gemeente Veere\n\nDatum 12 mei 2021\n\n"
        "Onderwerp Ontwerpbegroting 2022\n\nGeachte raad,\n\nHierbij ontvangt u onze ontwerpbegroting.\n\n"
        "Met vriendelijke groet,\n\nhet dagelijks bestuur\n"
    )
    assert extract(letter).facts()["sender"] == "so0619"
