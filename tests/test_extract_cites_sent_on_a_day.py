"""A letter cited by the day it was sent, told in a sentence that starts with that day: "Op 4 maart
2022 heb ik u per e-mail laten weten …", "Op 9 juni 2021 heeft u ons per brief gevraagd …", "Op 2
februari 2020 heeft de ondernemersvereniging een brief gestuurd …"; not a meeting, a phone call or a
decision on that day. Where the letter cites two of the addressee's letters by date and its
header gives one "Uw kenmerk", the kenmerk is given to neither: which is whose the letter does not say.
Sentences and letters written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_LETTER = (
    "Gemeente Voorbeeld\n\nDatum 20 oktober 2022\nOnderwerp Uw vragen over de kade\n\nGeachte heer,\n\n"
    "{sentence}\n\nMet vriendelijke groet,\n\nDe burgemeester,\nA. Jansen\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Op 4 maart 2022 heb ik u per e-mail laten weten dat de behandeling langer duurt.",
        "Op 4 maart 2022 hebben wij u per brief geïnformeerd over de planning.",
        "Op 4 maart 2022 heeft u ons per mail gevraagd om een toelichting.",
        "Op 4 maart 2022 heeft v per e-mail aangegeven dat u het verzoek intrekt.",  # "v": an OCR'd "u"
        "Op 4 maart 2022 heeft u ons een aanvullende brief gestuurd met nieuwe vragen.",
        "Op 4 maart 2022 hebben drie oud-wethouders van de regio een brief verstuurd aan de raad.",
    ],
)
def test_a_letter_sent_on_the_day_a_sentence_starts_with_is_cited(sentence):
    facts = extract(_LETTER.format(sentence=sentence)).facts()
    assert facts["cites"] == [{"date": "2022-03-04", "reference": None}]


@pytest.mark.parametrize(
    "sentence",
    [
        # guards: a meeting, a phone call, a decision, a mail the addressee received: no cited letter
        "Op 4 maart 2022 hebben wij telefonisch contact gehad over uw verzoek.",
        "Op 4 maart 2022 heeft u ons gesproken tijdens de inloopavond.",
        "Op 4 maart 2022 heeft de raad besloten een brief te sturen aan de provincie.",
        "Op 4 maart 2022 heeft u een mail ontvangen met nadere vragen.",
    ],
)
def test_a_day_that_dates_no_letter_sent_is_no_cited_letter(sentence):
    assert extract(_LETTER.format(sentence=sentence)).facts()["cites"] == []


def test_one_yours_reference_is_not_given_to_two_of_the_addressees_letters():
    text = (
        "Provincie Voorbeeld\n\nDatum: 28.05.2024\nUw kenmerk: Z-24-50275 / UIT-24-62753\n"
        "Onderwerp: Reactie op uw brieven\n\nGeachte college,\n\n"
        "Op 27 maart 2024 heeft u ons per brief geïnformeerd over uw zienswijze. Op 7 mei 2024 heeft u ons een "
        "aanvullende brief gestuurd.\n\nMet vriendelijke groet,\n\nGedeputeerde Staten\n"
    )
    facts = extract(text).facts()
    assert facts["cites"] == [
        {"date": "2024-03-27", "reference": None},
        {"date": "2024-05-07", "reference": None},
    ]


def test_one_yours_reference_is_given_to_the_one_letter_of_the_addressee_cited():
    # guard: with one of the addressee's letters cited, the header's "Uw kenmerk" is its reference
    text = (
        "Provincie Voorbeeld\n\nDatum: 28.05.2024\nUw kenmerk: Z-24-50275\n"
        "Onderwerp: Reactie op uw brief\n\nGeachte college,\n\n"
        "Op 27 maart 2024 heeft u ons per brief geïnformeerd over uw zienswijze.\n\n"
        "Met vriendelijke groet,\n\nGedeputeerde Staten\n"
    )
    assert extract(text).facts()["cites"] == [{"date": "2024-03-27", "reference": "Z-24-50275"}]
