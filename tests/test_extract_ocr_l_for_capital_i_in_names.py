"""OCR's lower-case l for the capital I that opens a word of an organisation's name ("Vereniging
lrenebuurt Amsterdam", "Stichting lJsseloevers").

A real decision of Amsterdam (the eighteenth unseen set) addresses three associations; OCR read the second
as "Vereniging lrenebuurt Amsterdam", a lower-case word no name holds, so it was no addressee. No Dutch word
opens with an l before a consonant: such a word is read with its capital I. The letters below are made up."""

from opendata.ingest.extract import extract


def _letter(window: str) -> str:
    return (
        "Gemeente Amsterdam\n"
        "Retouradres: Postbus 202, 1000 AE Amsterdam\n"
        f"{window}"
        "Datum 4 april 2024\n"
        "Ons kenmerk WOO24-00031\n"
        "Onderwerp Besluit op uw verzoek\n\n"
        "Geachte besturen,\n\n"
        "Ik besluit de gevraagde stukken openbaar te maken.\n"
    )


def test_an_ocr_l_opening_a_word_is_read_as_capital_i():
    window = "Vereniging lrenebuurt Noord\nStichting lJsseloevers\n"
    facts = extract(_letter(window)).facts()
    assert facts["addressees"] == ["Vereniging Irenebuurt Noord", "Stichting IJsseloevers"]


def test_a_lower_case_word_with_a_vowel_after_its_l_is_no_name():
    assert extract(_letter("Vereniging leden Noord\n")).facts()["addressees"] == []
