"""A letter cited by "per brief op <date>" or "bij brief op <date>" ("De Kamer is per brief op 19 juni
2023 geïnformeerd") is a cited letter of that date; "uw brief op <date> ontvangen" gives the day it came
in and no citation by this rule (sixteenth unseen set, docs/ingest.md). Sentences written for the
test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_LETTER = "Geachte voorzitter,\n\n{sentence}\n\nHoogachtend,\n\nDe minister van Defensie,\nA. Bakker\n"


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Uw Kamer is per brief op 4 maart 2022 geïnformeerd over de aanschaf.", "2022-03-04"),
        ("Ik heb u bij brief op 12 oktober 2021 toegezegd hierop terug te komen.", "2021-10-12"),
    ],
)
def test_a_letter_per_brief_op_is_cited(sentence, date):
    assert extract(_LETTER.format(sentence=sentence)).facts()["cites"] == [{"date": date, "reference": None}]


def test_a_letter_received_on_a_day_is_not_cited_by_that_day():
    # guard: "op" after "uw brief" is the day it came in
    facts = extract(_LETTER.format(sentence="Uw brief op 3 mei 2023 ontvangen wij in goede orde.")).facts()
    assert facts["cites"] == []
