"""An e-mail's short closings and its signature block (docs/ingest.md, "Eighteenth session"):
"Hartelijke groet," and "Met groet," close a mail as "Met vriendelijke groet," does; a block that names
two bodies (an officer who serves a safety region and a municipality) is sent by the one its contact
addresses belong to; a unit's name ("Wonen en Zorg") is no signer. Mails written for the test, invented
people."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted
from opendata.ingest.extract import extract


def _mail(closing: str, block: str) -> str:
    return (
        "Van: Anna de Wit <a.dewit@leiden.nl>\nVerzonden: dinsdag 4 juni 2024 09:30\n"
        "Aan: Secretariaat <secretariaat@holland-rijnland.nl>\nOnderwerp: Agenda overleg wonen\n\n"
        "Beste collega's,\n\nHierbij stuur ik de agenda voor het overleg van volgende week. Graag hoor ik "
        "voor vrijdag of er punten bij moeten.\n\n"
        f"{closing}\n\n{block}"
    )


@pytest.mark.parametrize("closing", ["Hartelijke groet,", "Hartelijke groeten,", "Met groet,"])
def test_a_short_closing_opens_the_signature_block(closing):
    facts = extract(_mail(closing, "Anna de Wit\nBeleidsadviseur wonen\nGemeente Leiden\n")).facts()
    assert [s["name"] for s in facts["signatories"]] == ["Anna de Wit"]
    assert facts["sender"] == "gm0546"


def test_the_body_of_the_blocks_contact_address_sends():
    block = (
        "Anna de Wit\nVeiligheidsregio Hollands Midden\nGemeente Leiden\nTelefoon: 071 000 0000\n"
        "E-mail: a.dewit@leiden.nl\nwww.leiden.nl\n"
    )
    assert extract(_mail("Met vriendelijke groet,", block)).facts()["sender"] == "gm0546"


def test_a_block_of_two_bodies_with_no_address_is_sent_by_the_first():
    block = "Anna de Wit\nGemeente Leiden\nVeiligheidsregio Hollands Midden\n"
    assert extract(_mail("Met vriendelijke groet,", block)).facts()["sender"] == "gm0546"


@pytest.mark.parametrize("unit", ["Wonen en Zorg", "Openbare Orde en Veiligheid", "Ruimte & Economie"])
def test_a_units_name_is_no_signer(unit):
    facts = extract(_mail("Met vriendelijke groet,", f"{unit}\nGemeente Leiden\n")).facts()
    assert facts["signatories"] == []


def test_ocrs_semicolon_after_the_closing_still_opens_the_block():
    facts = extract(_mail("Met vriendelijke groeten;", "Anna de Wit\nGemeente Leiden\n")).facts()
    assert [s["name"] for s in facts["signatories"]] == ["Anna de Wit"]


@pytest.mark.parametrize("closing", ["Hartelijke groet,", "Met groet,", "Met vriendelijke groeten;"])
def test_the_letter_gate_knows_the_closings_the_signature_block_knows(closing):
    """One list of closings (extract_signatures.CLOSINGS) for the gate and the block: a mail to the
    burgemeester with a header the OCR mangled, no salutation it knows and a redacted signer is a letter
    by its closing."""
    text = (
        "From: 5.1.2.e\nSent: Fri, 9 Jun 2023 08:45:23 +0200\nTo: (geanonimiseerd)\n"
        "Subject: Concept collegebrief\n\nDag Bm,\n\nBijgevoegd het concept zoals het volgende week in het "
        f"college ligt.\n\n{closing}\n\n5.1.2.e\n\nGemeente Amsterdam\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["subject"] == "Concept collegebrief"
