"""The classes the twenty-fifth unseen set showed (docs/ingest.md, "A twenty-fifth unseen set"), in mails
written for the test (invented people and words): lines under the closing that are no signer (a mail
address the OCR mangled, a member's post, a union's name, a building in an address, the next message's
greeting), the short closing "Groet,", and a reply's line over the message it quotes ("Op … het volgende
geschreven:") that ends the reply's signature."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted
from opendata.ingest.extract import extract

HEAD = (
    "Van: (naam verwijderd)\nVerzonden: dinsdag 4 april 2023 10:00\nAan: (naam verwijderd)\n"
    "Onderwerp: Overleg over de wedstrijd\n\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Xyzo Qzwolle.nl",
        "Stadsdeelcommissielid PvdA",
        "Koninklijke Nederlandse Schaakbond",
        "World Trade Center - B4",
        "Beste Anna, ter voorbereiding op morgen",
    ],
)
def test_a_line_under_the_closing_that_names_no_person_signs_no_one(line):
    text = (
        HEAD + f"Beste collega,\n\nDank voor het overleg van gisteren.\n\nMet vriendelijke groet,\n\n{line}\n"
    )
    assert extract(text).facts()["signatories"] == []


def test_groet_closes_a_mail_with_no_greeting():
    text = (
        HEAD
        + "Gisteravond is het overleg goed verlopen. Morgen volgt het verslag.\n\nGroet,\n\n(naam verwijderd)\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["subject"] == "Overleg over de wedstrijd"


def test_a_replys_quote_line_ends_its_signature():
    text = HEAD + (
        "Prima zo, ik neem het mee naar het overleg.\nGroet, Pieter.\nOp 30 aug. 2022 om 09:56 heeft (naam verwijderd) het volgende\n"
        "geschreven:\nHoi Pieter,\nGisteren spraken wij met Van Dijk over de afspraken.\n\nMet vriendelijke groet,\n"
        "Jan de Boer\nDirecteur\n"
    )
    names = [s["name"] for s in extract(text).facts()["signatories"]]
    assert "Jan de Boer" not in names and "Van Dijk" not in names and "Hoi Pieter" not in names
