"""A letter that cites an e-mail by "per (e-)mail van" and its date ("De ontvangst van uw verzoek is
bevestigd per mail van 30 maart 2021") cited nothing, where "per brief op …" and "uw e-mail van …"
were cited. Invented decision."""

from __future__ import annotations

from opendata.ingest.extract import extract

BASE = (
    "Gemeente Utrecht\n"
    "Datum 18 mei 2021\n"
    "Onderwerp Besluit op het verzoek om informatie over de busbaan\n"
    "Geachte heer,\n"
    "{}\n"
    "Met vriendelijke groet,\n"
    "De burgemeester\n"
)


def test_per_mail_van_a_date_is_cited():
    facts = extract(
        BASE.format("De ontvangst van het verzoek is bevestigd per mail van 30 maart 2021.")
    ).facts()
    assert facts["cites"] == [{"date": "2021-03-30", "reference": None}]
    facts = extract(BASE.format("Wij hebben u per e-mail van 2 april 2021 geantwoord.")).facts()
    assert facts["cites"] == [{"date": "2021-04-02", "reference": None}]


def test_a_mail_without_its_date_right_after_is_not():
    facts = extract(
        BASE.format("Wij stuurden u per mail van de afdeling op 2 april 2021 een overzicht.")
    ).facts()
    assert facts["cites"] == []
