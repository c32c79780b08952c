"""A run-together header that ends with its subject in lower case, the salutation after it: "Datum 28
oktober 2009 Uw kenmerk … Onderwerp kamervragen" / "Geachte voorzitter," (a news bank's copy of a
ministry's letter). The value is the subject; a lower-case word after "Onderwerp" inside a sentence is
not (fifteenth unseen set, issue 13). The texts are written for the test: invented wording, real names of
public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def test_a_lower_case_subject_that_ends_the_run_in_header():
    text = (
        "Ministerie van Infrastructuur en Milieu\n\n\n"
        "Datum 3 november 2011 Uw kenmerk 2011Z12345/2011D54321 Onderwerp schriftelijke vragen\n\n"
        "Geachte voorzitter,\n\n"
        "Hierbij beantwoord ik de vragen van het lid Jansen over de sluizen.\n"
    )
    assert extract(text).facts()["subject"] == "schriftelijke vragen"


def test_a_lower_case_word_after_onderwerp_in_a_sentence_is_no_subject():
    text = (
        "Datum 3 november 2011\n\n"
        "Geachte voorzitter,\n\n"
        "Het Onderwerp veiligheid komt in de volgende vergadering aan de orde, zo schreven wij.\n"
        "Geachte leden, dit is de tweede alinea.\n"
    )
    assert extract(text).facts()["subject"] is None
