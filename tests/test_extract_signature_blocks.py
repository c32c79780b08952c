"""Signature blocks as scans and decision letters set them (docs/ingest.md, "An eleventh unseen set", the
after-figures): the handwriting's scribbles and blank lines between the closing and the name, a scan's bar
after the closing, a name after a scan's underscores or with an OCR'd accent in its particle, a courtesy
title before the initials, a unit or a map's OCR after other words on a line read as no name, an officer
signing under "De burgemeester van X," with a post of his own under the name, a "Namens …," block far from
the end with a decision's objection clause under it, and a board named without its organisation (a
stadsdeel's "Het dagelijks bestuur / Namens hen") as no sender; and the subject of a label column run into
the body without a blank line (a line the next one's first word would have fitted on did not wrap), cut
after "d.d." before its date, or with a scan's bar after it. Letters written for the test: invented
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
    text = _HEAD + ("Met vriendelijke groet,\nJ. Hoekstra\nDirecteur Directie Wonen Zorg en Welzijn\n")
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
        + "Het bezwaarschrift moet zijn ondertekend en bevat uw naam en adres.\n"
        * 12
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


# ---------------------------------------------------------------- the subject run into the body


def _subject(text: str) -> str | None:
    return extract(text).facts()["subject"]


_LABELS = (
    "Gemeente Tilburg\nDatum 12 mei 2022\nOns kenmerk TB-2022-118\nBehandeld door Afdeling Vergunningen\n"
)


def test_a_subject_over_a_body_line_it_would_have_wrapped_into_ends_on_its_line():
    text = _LABELS + (
        "Onderwerp Antwoord op het advies van de Jeugdraad over speelplekken\n"
        "Wij danken jullie hartelijk voor het advies over de speelplekken in de wijken. Wij vinden het goed dat\n"
        "jullie meedenken over de keuzes van de gemeente.\n\nMet vriendelijke groet,\n\nJoris Maasland\nWethouder\n"
    )
    assert _subject(text) == "Antwoord op het advies van de Jeugdraad over speelplekken"


def test_a_wrapped_subject_ends_before_the_body_line_under_it():
    text = _LABELS + (
        "Onderwerp Beslissing op uw verzoek in het kader van de Wet open overheid van 3\n"
        "maart 2022\n"
        "Op 3 maart 2022 heeft de gemeente Tilburg uw verzoek in het kader van de Wet open overheid ontvangen.\n"
        "U heeft verzocht om documenten over de sluiting van de speeltuin.\n\nHoogachtend,\n\nJoris Maasland\n"
        "Wethouder\n"
    )
    assert _subject(text) == "Beslissing op uw verzoek in het kader van de Wet open overheid van 3 maart 2022"


def test_a_subject_cut_after_dd_goes_on_into_the_date_on_the_next_line():
    text = _LABELS + (
        "Onderwerp Beslissing op uw verzoek in het kader van de Wet open overheid d.d.\n"
        "21 februari 2022 inzake documenten over de weigering van de vergunning van\n"
        "snackbar De Molen, Molenstraat 4 te Tilburg.\nAanleiding\n"
        "In uw e-mail van 21 februari 2022 vraagt u om documenten.\n\nHoogachtend,\n\nJoris Maasland\nWethouder\n"
    )
    assert _subject(text) == (
        "Beslissing op uw verzoek in het kader van de Wet open overheid d.d. 21 februari 2022 inzake documenten "
        "over de weigering van de vergunning van snackbar De Molen, Molenstraat 4 te Tilburg"
    )


def test_a_scans_bar_after_the_subject_is_no_part_of_it():
    text = (
        _LABELS
        + "Onderwerp Besluit Woo-verzoek Stationsstraat 12 |\n\nGeachte heer,\n\nUw verzoek is toegewezen.\n"
    )
    assert _subject(text) == "Besluit Woo-verzoek Stationsstraat 12"


def test_a_subject_wrapped_over_two_full_lines_stays_whole():
    text = _LABELS + (
        "Onderwerp Zienswijze op het ontwerp van het bestemmingsplan Buitengebied Noord en de\n"
        "bijbehorende beeldkwaliteitsparagraaf\n\nGeachte heer,\n\nHierbij ontvangt u onze zienswijze.\n"
    )
    assert _subject(text) == (
        "Zienswijze op het ontwerp van het bestemmingsplan Buitengebied Noord en de bijbehorende "
        "beeldkwaliteitsparagraaf"
    )


# ---------------------------------------------------------------- a post as written


def test_algemeen_directeur_is_the_post_as_written():
    text = (
        "Stichting Molenmuseum\nAan het college van burgemeester en wethouders van Tilburg\n\n"
        "Tilburg, 4 april 2023\n\nGeacht college,\n\nWij vragen u de molen te herstellen.\n\nHoogachtend,\n"
        "K.L. Bruinsma\nAlgemeen directeur Molenmuseum\nVoorzitter Stichting Molenmuseum\n"
    )
    assert extract(text).facts()["signatories"] == [{"name": "K.L. Bruinsma", "role": "algemeen directeur"}]


def test_a_drafts_algemeen_directeur_holds_the_models_post_of_directeur():
    from types import SimpleNamespace

    from opendata.ingest.drafts import _role

    signatory = SimpleNamespace(role=SimpleNamespace(value="algemeen directeur"))
    assert _role(signatory, None) == "directeur"
