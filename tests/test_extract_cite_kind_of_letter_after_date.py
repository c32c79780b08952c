"""A letter cited by its date before the word for its kind ("Op 3 juli 2019 heeft u in een raadsbrief
vier scenario's gepresenteerd", "Op 12 mei 2021 hebben wij u per informatiebrief …"): a cited letter of
that date. Before, only "brief" itself was read there (a business zone's Wob request, nineteenth unseen
set). Invented texts."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

LETTER = """Gemeente Zwolle
De burgemeester van Zwolle
Postbus 10007
8000 GA Zwolle
Zwolle, 1 juli 2021
Betreft: verzoek om informatie
Geachte burgemeester,
{sentence}
Wij verzoeken u om alle stukken hierover openbaar te maken.
Met vriendelijke groet,
Ondernemersvereniging Stadshaven
"""


@pytest.mark.parametrize(
    "sentence",
    [
        "Op 3 juli 2019 heeft u in een raadsbrief drie varianten voor de kade gepresenteerd.",
        "Op 3 juli 2019 heeft u in een informatiebrief de raad over de kade bericht.",
        "Op 3 juli 2019 heeft u in een brief de raad over de kade bericht.",
    ],
)
def test_a_kind_of_letter_after_the_date_is_cited(sentence):
    cites = extract(LETTER.format(sentence=sentence)).facts()["cites"]
    assert [c["date"] for c in cites] == ["2019-07-03"]


def test_a_date_without_a_letter_cites_nothing():
    sentence = "Op 3 juli 2019 heeft u in een raadsvergadering drie varianten gepresenteerd."
    assert extract(LETTER.format(sentence=sentence)).facts()["cites"] == []
