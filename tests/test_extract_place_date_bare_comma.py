"""A place and date run into a header line with no space after the place's comma ("COMMISSIE BESTUUR
Delft,3 maart 2015 AAN DE VERENIGDE VERGADERING …"): the letter is dated, as with the space; a number
after a comma in a sentence is no date (fifteenth unseen set, issue 13). The texts are written for the
test: invented wording, real names of public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def test_a_run_in_place_and_date_without_a_space_after_the_comma():
    text = (
        "COMMISSIE BESTUUR Delft,3 maart 2015 AAN DE VERENIGDE VERGADERING VAN DELFLAND Advies van de "
        "commissie over het voorstel van het college van dijkgraaf en hoogheemraden. Aanwezig: de leden.\n"
    )
    assert extract(text).facts()["date_sent"] == "2015-03-03"


def test_a_decimal_before_a_month_is_no_date():
    text = (
        "COMMISSIE BESTUUR Het peil stond op 1,3 maart 2015 Zie de tabel voor de andere metingen. De "
        "commissie neemt het voor kennisgeving aan.\n"
    )
    assert extract(text).facts()["date_sent"] is None
