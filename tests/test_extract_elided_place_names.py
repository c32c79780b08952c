"""Places whose names open with an elided article ("'s-Hertogenbosch", "'s-Gravenhage") as word
processors and OCR set them, with an opening quote or a backtick for the apostrophe; and organisations
whose names a letter does not give: never a name made of the kind words ("Burgemeester en wethouders
van"). Letters written for the test."""

from __future__ import annotations

from opendata.ingest.extract import extract

LETTER = """\
Gemeente {mark}s-Hertogenbosch

Retouradres Postbus 12345, 5200 GZ 'S-HERTOGENBOSCH

Het college van burgemeester en wethouders van {mark}s-Gravenhage
Postbus 12600
2500 DJ DEN HAAG

Datum: 3 maart 2021
Ons kenmerk: SH/21/0042
Onderwerp: Gezamenlijke inkoop van ‘slimme’ lantaarnpalen

Geacht college,

Wij schrijven u over de gezamenlijke inkoop van ‘slimme’ lantaarnpalen.

Met vriendelijke groet,

Burgemeester en wethouders van {mark}s-Hertogenbosch,

de secretaris,                    de burgemeester,

P. Jansen                         Q. de Vries
"""

PLACE_LOST = """\
Gemeente Oss

Aan de gemeenteraad van Oss

Datum: 3 maart 2021
Ons kenmerk: OSS/21/0042
Onderwerp: Verkeersplan

Geachte leden van de raad,

Wij informeren u over het verkeersplan, waarover de Raad van State uitspraak deed.

Met vriendelijke groet,

Burgemeester en wethouders van

de secretaris,                    de burgemeester,

P. Jansen                         Q. de Vries
"""


def _organisations(text: str) -> list[str]:
    found = extract(text)
    values = [found.sender.value] if found.sender else []
    values += [a.value for a in found.addressees] + [o.value for o in found.organisations_mentioned]
    values += [s.on_behalf_of.value for s in found.signatories if s.on_behalf_of]
    return values


def test_an_opening_quote_or_backtick_for_the_apostrophe_resolves_the_place():
    for mark in ("‘", "`", "´", "'"):
        text = LETTER.format(mark=mark)
        found = extract(text)
        assert found.sender is not None and found.sender.value == "gm0796", mark
        assert [a.value for a in found.addressees] == ["gm0518"], mark  # 's-Gravenhage is Den Haag
        assert {s.on_behalf_of.value for s in found.signatories if s.on_behalf_of} == {"gm0796"}, mark
        for value in (found.sender, *found.addressees):  # the evidence is the text as written
            assert value.quote == text[value.start : value.end]


def test_quotation_marks_around_words_stay_as_written():
    text = LETTER.format(mark="‘")
    found = extract(text)
    assert (
        found.subject is not None and found.subject.value == "Gezamenlijke inkoop van ‘slimme’ lantaarnpalen"
    )


def test_a_body_whose_place_the_letter_does_not_give_is_unknown_not_a_name_of_kind_words():
    found = extract(PLACE_LOST)
    assert all(not value.lower().rstrip(" ,").endswith(" van") for value in _organisations(PLACE_LOST))
    assert [(s.name.value, s.role.value) for s in found.signatories if s.name and s.role] == [
        ("P. Jansen", "secretaris"),
        ("Q. de Vries", "burgemeester"),
    ]
    assert all(s.on_behalf_of is None for s in found.signatories)
    assert "oorg10008" in [o.value for o in found.organisations_mentioned]  # "Raad van State": a whole name
