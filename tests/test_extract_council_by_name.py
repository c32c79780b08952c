"""A council named by its municipality without "van": "de leden van de Gemeenteraad Nieuwegein" mentions
the municipality, as "de gemeenteraad van Nieuwegein" does; a capitalised word after "gemeenteraad"
that is no municipality mentions nothing (fifteenth unseen set, issue 13). The texts are written for
the test: invented wording, real names of public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def test_a_council_named_by_its_municipality_without_van():
    text = (
        "Datum 3 maart 2016\n\n"
        "Geachte leden van de raad,\n\n"
        "Deze brief gaat aan de leden van de Gemeenteraad Zeist en aan de pers.\n"
    )
    assert "gm0355" in extract(text).facts()["organisations_mentioned"]


def test_a_council_before_another_capitalised_word_mentions_nothing():
    text = (
        "Datum 3 maart 2016\n\n"
        "Geachte leden van de raad,\n\n"
        "Op de agenda van de gemeenteraad Besluitvorming staat het voorstel over de haven.\n"
    )
    assert extract(text).facts()["organisations_mentioned"] == []
