"""A cited letter whose date has no year ("uw brief van 16 mei jl.", "uw brief gedateerd 3 maart") dates
no letter (tests/corpus/README.md), but its kenmerk in the same sentence makes it a letter known by its
reference. A reference in brackets after a cited letter's date may carry a word or two on what it numbers
("(PS24-000411 PS brief)"), and a reference whose hyphen is set apart from a lettered part by a space
("08- VW-B-097") is one reference. Sentences written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_LETTER = (
    "Gemeente Voorbeeld\n\nDatum 20 oktober 2022\nOnderwerp Uw vragen over de kade\n\nGeachte heer,\n\n"
    "{sentence}\n\nMet vriendelijke groet,\n\nDe burgemeester,\nA. Jansen\n"
)


def _cites(sentence: str) -> list[dict]:
    return extract(_LETTER.format(sentence=sentence)).facts()["cites"]


@pytest.mark.parametrize(
    ("sentence", "reference"),
    [
        (
            "Naar aanleiding van uw brief van 16 mei jl. over de kade (uw kenmerk ZK-22-0415) bericht ik u.",
            "ZK-22-0415",
        ),
        ("In uw brief gedateerd 3 maart j.l. met kenmerk 2022/118734 vraagt u om uitstel.", "2022/118734"),
        ("Met onze brief van 9 september, kenmerk UIT-22-5531, zonden wij u het besluit.", "UIT-22-5531"),
        (
            "Naar aanleiding van uw brief van 16 mei jl. (uw kenmerk 08- VW-B-097) bericht ik u.",
            "08-VW-B-097",
        ),
    ],
)
def test_a_letter_cited_without_its_year_is_known_by_its_kenmerk(sentence, reference):
    assert _cites(sentence) == [{"date": None, "reference": reference}]


@pytest.mark.parametrize(
    "sentence",
    [
        # guards: no year and no kenmerk, no letter; a date with a year stays the citation's date
        "Naar aanleiding van uw brief van 16 mei jl. over de kade bericht ik u het volgende.",
        "In de brief van 3 maart staat dat de kade in 2023 wordt hersteld.",
    ],
)
def test_a_letter_cited_without_year_or_kenmerk_is_no_cited_letter(sentence):
    assert _cites(sentence) == []


def test_a_bracketed_reference_with_words_after_it_is_the_cited_letters():
    cites = _cites("Die heeft u bij brief van 21 mei 2022 (PS22-000411 PS brief) ontvangen.")
    assert cites == [{"date": "2022-05-21", "reference": "PS22-000411"}]


@pytest.mark.parametrize(
    "sentence",
    [
        # guards: a year or a numbered attachment in brackets is no reference
        "Die heeft u bij brief van 21 mei 2022 (2022 jaarverslag) ontvangen.",
        "Die heeft u bij brief van 21 mei 2022 (bijlage 2) ontvangen.",
    ],
)
def test_brackets_after_a_cited_date_without_a_reference_give_none(sentence):
    assert _cites(sentence) == [{"date": "2022-05-21", "reference": None}]


def test_a_hyphen_before_a_word_does_not_join_the_word_to_the_reference():
    # guard: "2022-118- zie bijlage": the word after the hyphen is no part of the kenmerk
    cites = _cites("In uw brief van 3 maart 2022, kenmerk 2022-118- zie bijlage, vraagt u om uitstel.")
    assert cites == [{"date": "2022-03-03", "reference": "2022-118"}]
