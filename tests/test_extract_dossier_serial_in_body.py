"""A dossier's number of a year and a serial named right after the word "dossier" in a letter's or a
mail's body ("in verband met dossier: 2019/538409", "de geweigerde vergunning (dossier 2018-26942)")
was no dossier reference: only a code that opens with a capital, in parentheses after the word, was.
Invented texts."""

from __future__ import annotations

from opendata.ingest.extract import extract


def test_a_dossier_number_after_the_word_with_a_colon():
    text = (
        "Verzonden: dinsdag 6 augustus 2019 09:21\n"
        "Aan: Juridische Zaken\n"
        "Onderwerp: FW: meldingen over boomwortels\n"
        "Goedemorgen,\n"
        "Zie onderstaand in verband met dossier: 2019/412733\n"
        "Met vriendelijke groet,\n"
        "Wijkbeheer\n"
    )
    assert extract(text).facts()["dossier_references"] == ["2019/412733"]


def test_a_dossier_number_in_parentheses_in_a_request():
    text = (
        "Aan het dagelijks bestuur\n"
        "betreft: verzoek om informatie\n"
        "Amsterdam, 3 december 2018\n"
        "Geacht bestuur,\n"
        "In het kader van de geweigerde vergunning (dossier 2018-30117) verzoeken wij u om alle stukken.\n"
        "Hoogachtend,\n"
        "Bewonersvereniging De Kade\n"
    )
    assert extract(text).facts()["dossier_references"] == ["2018-30117"]


def test_a_year_or_a_date_after_the_word_is_no_dossier():
    text = (
        "Geacht college,\n"
        "Het dossier 2018 is gesloten; het dossier van 2018-05-24 ligt ter inzage.\n"
        "Hoogachtend,\n"
        "Bewonersvereniging De Kade\n"
    )
    assert extract(text).facts()["dossier_references"] == []
