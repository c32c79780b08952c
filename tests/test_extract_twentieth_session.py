"""Classes the development set still missed (docs/ingest.md, "Classes left in the development set"), in
letters written for the test (invented firms, people and words, real bodies' names): an address block
with a scrap line between the body's name and its postal line; a council member's written questions on
the council's own form, signed under "Indiener(s)," by a name that opens with the digraph IJ, put by a
party to a college the form's letterhead places; the college's answer to them stays the college's."""

from __future__ import annotations

import pytest

from opendata.ingest.bench import drafted

BODY = "Geachte heer, mevrouw,\n\nGraag vraag ik uw aandacht voor het volgende verzoek.\n\n"


@pytest.mark.parametrize("scrap", ["WOB-verzoek", "5.1.2.e", "DD on", "Afdeling Inkoop"])
def test_a_scrap_line_between_the_body_and_its_postal_line_keeps_the_address(scrap):
    text = (
        "Advocatenkantoor Pels\n\n"
        f"Gemeente Utrecht\n{scrap}\nPostbus 16200\n3500 CE UTRECHT\n\n"
        "Datum 3 mei 2021\nOnderwerp: Verzoek om informatie\n\n"
        + BODY
        + "Met vriendelijke groet,\n\nmr. K. Pels\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["addressees"] == ["gm0344"]


def test_a_scrap_line_under_a_body_in_the_address_window_makes_it_no_letterhead():
    text = (
        "WWW.GRONDWERKNOORD.NL\nGemeente Utrecht, Projectbureau\nXX ee\nPostbus 16200\n3500 CE Utrecht\n"
        "OFFERTE\nOffertenummer: OFF2201\nDatum: 12-06-2022\n\n"
        + BODY
        + "Met vriendelijke groet,\n\nGrondwerk Noord B.V.\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["addressees"] == ["gm0344"] and facts["sender"] != "gm0344"


def test_a_sentence_between_the_body_and_its_postal_line_ends_the_block():
    # no address block: the municipality is named in a line of prose above an address the letter gives
    text = (
        "Advocatenkantoor Pels\n\nDatum 3 mei 2021\nOnderwerp: Verzoek om informatie\n\n"
        + BODY
        + "De gemeente Utrecht heeft mij gevraagd dit te sturen naar het volgende adres dat wij gebruiken\n"
        "Postbus 16200\n3500 CE UTRECHT\n\nMet vriendelijke groet,\n\nmr. K. Pels\n"
    )
    facts = drafted(text)
    assert facts is not None and "gm0344" not in facts["addressees"]


QUESTIONS = (
    "Gemeente\nRotterdam\n\nSchriftelijke vragen\nDatum 4 juni 2024\nVolgnummer 77\n"
    "Onderwerp\nSchriftelijke vragen van het lid IJzendoorn inzake de verlichting van fietspaden\n"
    "Aan het college van burgemeester en wethouders\n\nToelichting:\n"
    "Bewoners melden dat veel fietspaden in de winter donker zijn.\n\n"
    "Gezien het vorenstaande stelt ondergetekende, namens de fractie van {party}, de volgende vragen:\n\n"
    "1. Hoeveel fietspaden hebben geen verlichting?\n\nIndiener(s),\n\nT.R. IJzendoorn\n"
)


@pytest.mark.parametrize("party", ["GroenLinks", "de VVD", "Leefbaar Rotterdam"])
def test_written_questions_on_the_council_form_are_the_partys(party):
    facts = drafted(QUESTIONS.format(party=party))
    assert facts is not None
    assert facts["sender"] == f"fractie van {party}"
    assert facts["addressees"] == ["gm0599"]
    assert facts["signatories"] == [{"name": "T.R. IJzendoorn", "role": None}]


def test_the_colleges_answer_that_quotes_the_questions_stays_the_colleges():
    text = (
        "Gemeente Rotterdam\nRaadsinformatiebrief\nBeantwoording schriftelijke vragen\n"
        "Aan: De leden van de gemeenteraad van Rotterdam\nDatum 2 juli 2024\n"
        "Onderwerp Beantwoording schriftelijke vragen van het lid IJzendoorn over fietspaden\n\n"
        "Geachte leden van de gemeenteraad,\n\nHieronder vindt u de antwoorden.\n\nToelichting door de vragensteller\n"
        "Gezien het vorenstaande stelt ondergetekende, namens de fractie van GroenLinks, de volgende vragen:\n\n"
        "Antwoord: Er zijn twaalf.\n\nMet vriendelijke groet,\n\n"
        "Het college van burgemeester en wethouders van Rotterdam\n"
    )
    facts = drafted(text)
    assert facts is not None and facts["sender"] == "gm0599"


@pytest.mark.parametrize("name", ["A.B. IJsselmuiden", "Karin IJzerman", "P. van IJken"])
def test_a_surname_that_opens_with_ij_signs(name):
    text = (
        "Gemeente Delft\nPostbus 78\n2600 ME Delft\n\nDatum 8 april 2022\nOnderwerp: Uw melding\n\n"
        + BODY
        + f"Met vriendelijke groet,\n\n{name}\nteamleider Wijkzaken\n"
    )
    facts = drafted(text)
    assert facts is not None and [s["name"] for s in facts["signatories"]] == [name]
