"""A municipality's permit letter whose header is two rows of labels with their colons, each over its
row of values set apart by wide gaps: "Ons kenmerk  Uw kenmerk  Behandeld door:  Datum:" and
"Onderwerp:  Verzenddatum:" over "In behandeling nemen aanvraag  25 juni 2024". Before: the subject
was the next label ("Verzenddatum:") and the date sent was not found (a bundle of the PZH Wooverzicht
repository). Text written for the test."""

from __future__ import annotations

from opendata.ingest.extract import extract

LETTER = (
    "Ons kenmerk  Uw kenmerk  Behandeld door:  Datum:   \n"
    "1773ABC2024  Team vergunningen   25 juni 2024   \n"
    " \n"
    "Onderwerp:  Verzenddatum:   \n"
    "In behandeling nemen aanvraag  {sent}   \n"
    " \n"
    "Geachte heer De Vries,  \n"
    "Wij hebben uw aanvraag om een vergunning voor het vellen van bomen in goede orde ontvangen.\n"
    "Met vriendelijke groet,\nBurgemeester en wethouders van Olst-Wijhe\n"
)


def test_the_subject_is_its_column_and_the_dispatch_date_the_date_sent():
    facts = extract(LETTER.format(sent="26 juni 2024")).facts()
    assert facts["subject"] == "In behandeling nemen aanvraag"
    assert facts["date_sent"] == "2024-06-26"


def test_a_subject_with_wide_gaps_and_no_date_column_keeps_its_words():
    text = (
        "Datum:  3 maart 2024\nOnderwerp:  Afrondingsbrief  melder\n\nGeachte heer De Vries,\n\n"
        "Hierbij ontvangt u onze afrondingsbrief.\n\nMet vriendelijke groet,\nGedeputeerde Staten van Overijssel\n"
    )
    facts = extract(text).facts()
    assert facts["subject"] == "Afrondingsbrief melder" and facts["date_sent"] == "2024-03-03"
