"""Two dates that are no cited letter of their own: the day a cited letter came in ("In uw brief van 8
maart 2021, ontvangen op 12 maart 2021, …"), also where the letter names that letter again by it ("Beslissing
op uw verzoek d.d. 12 maart 2021"); and the letter itself, named by its own date in what stands before its
date line (a report's list of the letters it holds: "De uitgaande brief van 29 januari 2025"). Letters
written for the test."""

from __future__ import annotations

from opendata.ingest.extract import extract

_DECISION = (
    "Gemeente Voorbeeld\n\nDatum 2 april 2021\nOnderwerp Beslissing op uw verzoek d.d. 12 maart 2021\n\n"
    "Geachte heer,\n\n{body}\n\nMet vriendelijke groet,\n\nDe burgemeester,\nA. Jansen\n"
)


def test_the_day_a_cited_letter_came_in_is_no_letter_of_its_own():
    body = "In uw brief van 8 maart 2021, ontvangen op 12 maart 2021, vraagt u om de stukken over de kade."
    facts = extract(_DECISION.format(body=body)).facts()
    assert facts["cites"] == [{"date": "2021-03-08", "reference": None}]


def test_a_second_letter_of_the_addressee_stays_cited():
    # guard: without "ontvangen op" the subject's date is a letter of its own
    body = "In uw brief van 8 maart 2021 vraagt u om de stukken over de kade."
    facts = extract(_DECISION.format(body=body)).facts()
    assert facts["cites"] == [
        {"date": "2021-03-12", "reference": None},
        {"date": "2021-03-08", "reference": None},
    ]


_REPORT = (
    "De vaste commissie heeft schriftelijk overleg gevoerd met de minister. Dit verslag bestaat uit:\n\n"
    "  • De uitgaande brief van 29 januari 2025.\n\n  • De antwoordbrief van 9 mei 2025.\n\n"
    "BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR FINANCIËN\n\nAan de Minister van Financiën\n\n"
    "Den Haag, 29 januari 2025\n\n{body}\n\nDe voorzitter van de commissie,\nJ. de Vries\n"
)


def test_the_letter_named_by_its_own_date_before_its_date_line_is_not_cited():
    body = "De commissie besprak op 15 oktober 2024 uw brief d.d. 30 september 2024 over de fondsen."
    facts = extract(_REPORT.format(body=body)).facts()
    assert facts["date_sent"] == "2025-01-29"
    assert facts["cites"] == [{"date": "2024-09-30", "reference": None}]


def test_a_letter_of_the_same_day_cited_in_the_body_stays_cited():
    # guard: "een afschrift van de brief die ik vandaag stuurde": another letter of the same day, after the date
    body = "Hierbij ontvangt u een afschrift van mijn brief van 29 januari 2025 aan de colleges."
    facts = extract(_REPORT.format(body=body)).facts()
    assert facts["cites"] == [{"date": "2025-01-29", "reference": None}]


def test_the_writers_acknowledgement_of_the_receipt_day_stays_cited():
    # guard: the writer's own mail of the day the request came in is a letter of its own
    body = (
        "Per mail van 8 maart 2021, ontvangen op 12 maart 2021, vraagt u om de stukken over de kade. De "
        "ontvangst van uw verzoek is bevestigd per mail van 12 maart 2021."
    )
    facts = extract(_DECISION.format(body=body).replace(" d.d. 12 maart 2021", "")).facts()
    assert {c["date"] for c in facts["cites"]} == {"2021-03-08", "2021-03-12"}
