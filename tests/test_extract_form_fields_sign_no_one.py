"""A municipality's contact form, summarised under the e-mail that forwards it: "Uw gegevens" /
"Voorletters H" / "Achternaam En" (the surname redacted to a scrap). "Achternaam En" was read as a
signer's name. A line that opens with a field of a person's data (achternaam, voorletters, voornaam,
tussenvoegsel, roepnaam) signs no one. Invented form."""

from __future__ import annotations

from opendata.ingest.extract import extract

TEXT = (
    "Van: Contactcentrum\n"
    "Aan: Team Vergunningen\n"
    "Onderwerp: FW: vraag over terrassen\n"
    "Datum: woensdag 3 maart 2021 10:12:40\n"
    "Beste collega,\n"
    "Onderstaande vraag is binnengekomen via het formulier.\n"
    "Met vriendelijke groet,\n"
    "Contactcentrum\n"
    "Gemeente Utrecht\n"
    "Hieronder staat de samenvatting van het ontvangen formulier.\n"
    "Wat wilt u aan de gemeente vragen? Welke regels gelden voor terrassen?\n"
    "Met vriendelijke groet,\n"
    "Uw gegevens\n"
    "Voorletters H\n"
    "Achternaam En\n"
    "Email nn\n"
)


def test_a_forms_name_fields_sign_no_one():
    assert extract(TEXT).facts()["signatories"] == []


def test_a_signers_name_under_the_closing_still_signs():
    text = TEXT.replace("Uw gegevens\nVoorletters H\nAchternaam En\nEmail nn\n", "Henk Jansen\n")
    assert [s["name"] for s in extract(text).facts()["signatories"]] == ["Henk Jansen"]
