"""A province's letter whose address window OCR reads with a blank line between the body's name and its
"t.a.v." line, the letterhead's side column run onto that line ("t.a.v. Burgemeester en wethouders
Inlichtingen bij"), or the address window read before the letterhead; and an address to the town hall
by the municipality's name ("Gemeentehuis Ede", "Stadhuis Kampen"). The seventeenth unseen set (real
PDFs: a province's letters to municipalities, five of them pages without a text layer) had the board as
written, or the municipality as sender. Letters written for the test."""

from __future__ import annotations

from opendata.ingest.extract import extract

_LETTERHEAD = (
    "Provincie Gelderland\n\nMarkt 11\n\nPostbus 9090\n\n6800 GX Arnhem\n\nTelefoon 026 359 99 99\n\n"
    "gelderland.nl\n"
)
_HEADER = (
    "Datum Kenmerk Zaaknummer Pagina Bijlagen Uw brief Uw kenmerk\n"
    "03.03.2023 GLD-2023-1188 Z-2023-0417 1 van 1\n\n"
    "Onderwerp: Afschrift van een melding\n\n"
    "Geachte Burgemeester en wethouders,\n\n"
    "Wij ontvingen een melding over het snoeien van een laan. Hierbij ontvangt u een afschrift.\n\n"
    "Met vriendelijke groet,\n\nTeam Meldingen\n"
)


def test_a_blank_line_and_a_side_label_in_the_ocr_address_block():
    text = (
        _LETTERHEAD
        + "Gemeente Ede\n\nt.a.v. Burgemeester en wethouders Inlichtingen bij\n"
        + "Postbus 9022 Loket Gelderland\n6710 HK EDE Telefoon: 026 359 99 99\n\n"
        + _HEADER
    )
    facts = extract(text).facts()
    assert facts["addressees"] == ["gm0228"]
    assert facts["sender"] == "pv25"


def test_the_address_window_read_before_the_letterhead():
    text = (
        "Gemeente Ede\n\nt.a.v. Burgemeester en wethouders\nPostbus 9022\n\n6710 HK EDE\n\n"
        + _HEADER.replace("Met vriendelijke groet", _LETTERHEAD + "\nMet vriendelijke groet")
    )
    facts = extract(text).facts()
    assert facts["addressees"] == ["gm0228"]
    assert facts["sender"] != "gm0228"


def test_an_address_to_the_town_hall_names_the_municipality():
    for hall, code in (("Gemeentehuis Ede", "gm0228"), ("Stadhuis Kampen", "gm0166")):
        text = (
            _LETTERHEAD + "\n" + hall + "\nt.a.v. Burgemeester en Wethouders\nPostbus 9022\n6710 HK EDE\n\n"
        )
        facts = extract(text + _HEADER).facts()
        assert facts["addressees"] == [code]
        assert code in facts["organisations_mentioned"]


def test_a_town_hall_in_a_sentence_or_a_street_names_no_municipality():
    # guard: a building in a sentence and a street's name are no mention of the municipality
    body = (
        "De bijeenkomst is in het stadhuis van Ede, en de stukken liggen ter inzage aan het "
        "Stadhuisplein 1 in Kampen.\n\n"
    )
    facts = extract(_LETTERHEAD + "\n" + _HEADER.replace("Hierbij ontvangt u een afschrift.", body)).facts()
    assert "gm0228" not in facts["organisations_mentioned"]
    assert "gm0166" not in facts["organisations_mentioned"]


def test_a_sentence_over_a_blank_line_and_an_attention_line_is_no_address():
    # guard: a body named inside a sentence on the line above is not the body of the address
    text = (
        _LETTERHEAD
        + "\nWij schrijven ook aan de gemeente Epe\n\nt.a.v. Burgemeester en wethouders\nPostbus 9022\n"
        + "6710 HK EDE\n\n"
        + _HEADER
    )
    facts = extract(text).facts()
    assert "gm0232" not in facts["addressees"]
