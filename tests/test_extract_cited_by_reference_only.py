"""A letter cited by its kenmerk and no date: "… de beantwoording van de vragen (brief met kenmerk
09U005574)" cites that letter, with the reference and without a date; the addressee's own letter so
cited ("uw brief met kenmerk …") is also the letter's "your reference" (fifteenth unseen set, issue 13:
a water board's answers to a board member). The texts are written for the test: invented wording, real
names of public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def test_a_letter_cited_by_its_kenmerk_alone():
    text = (
        "Technische vragen bij agendapunt 4b (Begroting 2016)\n\n"
        "In de vergadering van 12 oktober 2015 is gevraagd om een toelichting op de antwoorden over de "
        "dijkversterking (brief met kenmerk 15U001234). Hieronder treft u de toelichting aan.\n"
    )
    assert extract(text).facts()["cites"] == [{"date": None, "reference": "15U001234"}]


def test_the_addressees_letter_cited_by_its_kenmerk():
    text = (
        "Datum: 3 november 2015\n"
        "Onderwerp: Vergunning steiger\n\n"
        "Geachte heer Jansen,\n\n"
        "In uw brief met kenmerk JS-2015-77 vraagt u om een vergunning voor een steiger.\n"
    )
    facts = extract(text).facts()
    assert facts["cites"] == [{"date": None, "reference": "JS-2015-77"}]
    assert facts["your_reference"] == "JS-2015-77"


def test_a_kenmerk_without_a_letter_cites_nothing():
    text = (
        "Datum: 3 november 2015\n"
        "Kenmerk: 15U001234\n"
        "Onderwerp: Vergunning steiger\n\n"
        "Geachte heer Jansen,\n\n"
        "Wij verlenen de vergunning met kenmerk 15U009999 voor een steiger.\n"
    )
    assert extract(text).facts()["cites"] == []
