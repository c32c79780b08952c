"""Signature blocks as scans and decision letters set them (docs/ingest.md, "An eleventh unseen set", the
after-figures): the handwriting's scribbles and blank lines between the closing and the name, a scan's bar
after the closing, a name after a scan's underscores or with an OCR'd accent in its particle, a courtesy
title before the initials, a unit or a map's OCR after other words on a line read as no name, an officer
signing under "De burgemeester van X," with a post of his own under the name, a "Namens …," block far from
the end with a decision's objection clause under it, and a board named without its organisation (a
stadsdeel's "Het dagelijks bestuur / Namens hen") as no sender. Letters written for the test: invented
people, other municipalities' real names."""

from __future__ import annotations

from opendata.ingest.extract import extract

_HEAD = (
    "Gemeente Tilburg\nRetouradres: Postbus 90155, 5000 LH Tilburg\nDatum 12 mei 2022\n"
    "Onderwerp Besluit op uw verzoek\n\nGeachte heer Verbeek,\n\nUw verzoek wijzen wij af.\n\n"
)


def _signed(text: str) -> list[dict]:
    return extract(text).facts()["signatories"]


def test_a_number_and_scribbles_between_the_body_line_and_the_name_do_not_end_the_block():
    text = _HEAD + (
        "Met vriendelijke groet,\nNamens het college van burgemeester en wethouders van de gemeente Tilburg,\n"
        "7\n/\nJoris Maasland\nWethouder\nBijlagen\n1. Verslag\n"
    )
    assert _signed(text) == [{"name": "Joris Maasland", "role": "wethouder"}]


def test_scribbles_led_by_a_number_and_blank_lines_before_the_name():
    text = _HEAD + (
        "Met vriendelijke groet,\n\nNamens het college van burgemeester en wethouders van Tilburg,\n\n"
        "38 Ke WZ, C Tr\nFO.\n\nAnneke de Wit\n\nWethouder Onderwijs en Sport\n\nMeegezonden stukken:\n"
    )
    assert _signed(text) == [{"name": "Anneke de Wit", "role": "wethouder"}]


def test_a_footnote_under_the_block_still_ends_it():
    text = _HEAD + (
        "Met vriendelijke groet,\nNamens het college van burgemeester en wethouders van Tilburg,\n"
        "Joris Maasland\nWethouder\n3 Brief d.d. 4 april 2021 (Ruimtelijke visie); Sander Kuipers\n"
    )
    assert _signed(text) == [{"name": "Joris Maasland", "role": "wethouder"}]


def test_a_scans_bar_after_the_closing_and_a_courtesy_title_before_the_initials():
    text = _HEAD + (
        "Hoogachtend, |\nhet dagelijks bestuur van het stadsdeel,\nnamens deze, |\nKs\nOo\n"
        "Mevrouw T.W. Haverkamp\nTeammanager Vergunningen & Toezicht Wonen\n"
    )
    assert _signed(text) == [{"name": "T.W. Haverkamp", "role": "teammanager"}]


def test_a_name_after_a_scans_underscores_with_an_ocr_accent_in_its_particle():
    text = _HEAD + (
        "Met vriendelijke groet,\n\nDe secretaris van\n\nde gemeente Tilburg\n\n__K.vàn der Molen\nPs\n"
    )
    assert _signed(text) == [{"name": "K.vàn der Molen", "role": "secretaris"}]


def test_capitalised_words_after_a_post_and_its_unit_are_no_name():
    text = _HEAD + (
        "Met vriendelijke groet,\nJ. Hoekstra\nDirecteur Directie Wonen Zorg en Welzijn\n"
    )
    assert _signed(text) == [{"name": "J. Hoekstra", "role": "directeur"}]


def test_a_maps_ocr_under_the_block_gives_no_name():
    text = _HEAD + (
        "Met vriendelijke groet,\nNamens het college van burgemeester en wethouders van Tilburg,\n"
        "Joris Maasland\nBurgemeester\nKaart van de locaties\nab Tk Raven Moor el. ze >\nper dte, 4 We Ne\n"
    )
    assert _signed(text) == [{"name": "Joris Maasland", "role": "burgemeester"}]


def test_an_officer_under_the_burgemeesters_line_takes_the_post_under_his_name():
    text = _HEAD + (
        "Met vriendelijke groet,\nDe burgemeester van Tilburg,\nKarel Smeets ——\n"
        "Directeur Openbare Orde en Veiligheid\n"
    )
    facts = extract(text).facts()
    assert facts["signatories"] == [{"name": "Karel Smeets", "role": "directeur"}]
    assert facts["sender"] == "gm0855"


def test_the_burgemeester_signing_under_his_own_line_keeps_his_post():
    text = _HEAD + "Met vriendelijke groet,\nDe burgemeester van Tilburg,\nKarel Smeets\n"
    assert _signed(text) == [{"name": "Karel Smeets", "role": "burgemeester"}]


def test_a_namens_block_without_a_closing_before_an_objection_clause():
    text = _HEAD + (
        "Publicatie\n\nDit besluit wordt gepubliceerd.\n\nNamens de burgemeester van Tilburg,\n\n"
        "Karel Smeets\n\nDirecteur Openbare Orde en Veiligheid\n\fGemeente Tilburg Datum 12 mei 2022\n"
        "Niet mee eens?\nBezwaar\nBent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar "
        "maken. Stuur uw bezwaarschrift naar:\nGemeente Tilburg\nT.a.v. de afdeling Juridische Zaken\n"
        + "Het bezwaarschrift moet zijn ondertekend en bevat uw naam en adres.\n" * 12
    )
    facts = extract(text).facts()
    assert facts["signatories"] == [{"name": "Karel Smeets", "role": "directeur"}]
    assert facts["sender"] == "gm0855"


def test_a_board_without_its_organisation_is_no_sender_the_municipality_over_the_name_is():
    text = _HEAD + (
        "Met vriendelijke groet,\n\nHet dagelijks bestuur\n\nNamens hen\n\nDe secretaris van\n\n"
        "de Gebiedscommissie West, gemeente Tilburg\n\nP. de Laat\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "gm0855"
    assert facts["sender_body"] is None


def test_a_board_without_its_organisation_and_no_place_leaves_the_sender_unknown():
    text = (
        "Datum 12 mei 2022\nOnderwerp Besluit op uw verzoek\n\nGeachte heer Verbeek,\n\nUw verzoek wijzen wij "
        "af.\n\nHoogachtend,\nhet algemeen bestuur van de bestuurscommissie van stadsdeel Oost,\nnamens hen,\n"
        "T.W. Haverkamp\nTeammanager Vergunningen\nBezwaar\nU kunt bezwaar maken bij Gemeente Tilburg, "
        "Postbus 90155.\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] is None
    assert facts["sender_body"] is None

