"""Answers to members' written questions as the Kamer publishes them: "Antwoord van Minister Jansen
(Sociale Zaken en Werkgelegenheid)" names the writer with the ministry's name in brackets; two writers
or a portfolio that is no ministry leave no sender (sixteenth unseen set, docs/ingest.md). Pages
written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_PAGE = (
    "Antwoord schriftelijke vragen : Antwoord op vragen van het lid Pietersen over wachtlijsten\n"
    "Vragen van het lid Pietersen (VVD) aan de Minister van Sociale Zaken en Werkgelegenheid over "
    "wachtlijsten bij de schuldhulp (ingezonden 2 maart 2023).\n"
    "{answer} (ontvangen 30 maart 2023). Zie ook Aanhangsel\nHandelingen, vergaderjaar 2022–2023, nr. 1999.\n"
    "Vraag 1\nKent u het bericht over de wachtlijsten?\nAntwoord 1\nJa.\n"
)


@pytest.mark.parametrize(
    ("answer", "sender", "body"),
    [
        (
            "Antwoord van Minister Jansen (Sociale Zaken en Werkgelegenheid)",
            "ministerie van Sociale Zaken en Werkgelegenheid",
            "minister",
        ),
        (
            "Antwoord van Staatssecretaris De Boer-Smit (Financiën), mede namens de Minister van Sociale "
            "Zaken en Werkgelegenheid",
            "ministerie van Financiën",
            "staatssecretaris",
        ),
    ],
)
def test_the_answering_ministry_sends(answer, sender, body):
    facts = extract(_PAGE.format(answer=answer)).facts()
    assert facts["sender"] == sender
    assert facts["sender_body"] == body
    assert facts["kind"] == "brief"


@pytest.mark.parametrize(
    "answer",
    [  # guards: two writers; a minister for a portfolio that is no ministry
        "Antwoord van Minister Jansen (Sociale Zaken en Werkgelegenheid) en van Minister De Vries "
        "(Armoedebeleid, Participatie en Pensioenen)",
        "Antwoord van Minister De Vries (Armoedebeleid, Participatie en Pensioenen)",
    ],
)
def test_no_single_ministry_no_sender(answer):
    assert extract(_PAGE.format(answer=answer)).facts()["sender"] is None


# The Kamer's own paper of answers (the Aanhangsel's PDF): its masthead names the chamber, and the
# questions' addressee stands at the start of a line. Before: the chamber was taken as the sender and
# the ministry the questions were put to as the addressee (a PDF of the PLOOI project's test data).
_AANHANGSEL = (
    "{chamber} der Staten-Generaal\n2\nVergaderjaar 2022–2023\nAanhangsel van de Handelingen\n"
    "Vragen gesteld door de leden der Kamer, met de daarop door de\nregering gegeven antwoorden\n1234\n"
    "Vragen van het lid Jansen (VVD)\naan de Minister van Onderwijs, Cultuur en Wetenschap over de "
    "bekostiging\nvan het praktijkonderwijs (ingezonden 3 februari 2023).\n{answer}\n"
    "(ontvangen 1 maart 2023).\nVraag 1\nBent u bekend met het bericht over de bekostiging?\n"
    "Antwoord 1\nJa.\n"
)


@pytest.mark.parametrize("chamber", ["Tweede Kamer", "Eerste Kamer"])
def test_on_the_kamer_s_paper_of_answers_the_ministry_writes_to_no_addressee(chamber):
    answer = "Antwoord van Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap)"
    facts = extract(_AANHANGSEL.format(chamber=chamber, answer=answer)).facts()
    assert facts["sender"] == "ministerie van Onderwijs, Cultuur en Wetenschap"
    assert facts["sender_body"] == "minister"
    assert facts["addressees"] == []


def test_on_the_kamer_s_paper_two_writers_leave_no_sender_and_not_the_kamer():
    answer = (
        "Antwoord van Minister Dijkgraaf (Onderwijs, Cultuur en Wetenschap) en van Minister Wiersma "
        "(Primair en Voortgezet Onderwijs)"
    )
    facts = extract(_AANHANGSEL.format(chamber="Tweede Kamer", answer=answer)).facts()
    assert facts["sender"] is None and facts["addressees"] == []
