"""A ministry's name whose last word OCR cut short ("het ministerie van Binnenlandse Zaken en Koninkrij 3
(BZK)") is that ministry, named once in full, not a shorter ministry and its abbreviation (sixteenth
unseen set, docs/ingest.md). Sentences written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract


@pytest.mark.parametrize(
    ("sentence", "ministry"),
    [
        (
            "De begroting wordt aan het ministerie van Binnenlandse Zaken en Koninkrij 3 (BZK) gezonden.",
            "ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        ),
        (
            "Wij overleggen met het Ministerie van Sociale Zaken en Werkgel egenheid over de regeling.",
            "ministerie van Sociale Zaken en Werkgelegenheid",
        ),
        (
            "Het ministerie van Economische Zaken en Klim. heeft de subsidie toegekend.",
            "ministerie van Economische Zaken en Klimaat",
        ),
    ],
)
def test_a_cut_name_is_the_whole_ministry(sentence, ministry):
    assert extract(sentence + "\n").facts()["organisations_mentioned"] == [ministry]


def test_a_word_after_the_shorter_name_that_is_no_cut_of_the_longer():
    # guard: "Koningshuis" is no part of "Koninkrijksrelaties"
    facts = extract("Dit meldt het ministerie van Binnenlandse Zaken en Koningshuis.\n").facts()
    assert facts["organisations_mentioned"] == ["ministerie van Binnenlandse Zaken"]
