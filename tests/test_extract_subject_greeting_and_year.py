"""Two ways a subject line's end was misread. An e-mail's greeting "Goedendag" under its subject (no
comma after it) was taken as the subject's next line, as "Goedemorgen" was not; and a subject whose
date the line's wrap cut from its year ("… d.d. 29 maart" / "2021.") lost the year, a line that opens
with a number being no continuation. Invented letters."""

from __future__ import annotations

from opendata.ingest.extract import extract


def test_goedendag_under_the_subject_is_a_greeting():
    text = (
        "Verzonden: dinsdag 4 april 2023 09:12\n"
        "Aan: Griffie <griffie@example.nl>\n"
        "Onderwerp: Zwerfafval langs de Spaarne\n"
        "Goedendag\n"
        "Ik wil uw aandacht vragen voor het zwerfafval langs het water.\n"
    )
    assert extract(text).facts()["subject"] == "Zwerfafval langs de Spaarne"


def test_a_date_goes_on_into_its_year_on_the_next_line():
    text = (
        "Gemeente Utrecht\n"
        "Datum 18 mei 2021\n"
        "Onderwerp Besluit op uw verzoek om informatie over de busbaan ingediend op 29 maart\n"
        "2021.\n"
        "Geachte heer,\n"
        "Wij hebben uw verzoek behandeld.\n"
    )
    facts = extract(text).facts()
    assert (
        facts["subject"] == "Besluit op uw verzoek om informatie over de busbaan ingediend op 29 maart 2021"
    )


def test_a_year_that_opens_a_sentence_is_no_continuation():
    text = (
        "Gemeente Utrecht\n"
        "Datum 18 mei 2021\n"
        "Onderwerp Feest op 5 mei\n"
        "2021 was een goed jaar voor de stad en daarom vieren wij het dit jaar groots.\n"
    )
    assert extract(text).facts()["subject"] == "Feest op 5 mei"
