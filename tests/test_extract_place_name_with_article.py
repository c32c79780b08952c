"""A municipality whose name begins with the article "De" (De Bilt, De Wolden, De Fryske Marren) named
after a body's kind words ("het college van burgemeester en wethouders van De Bilt", "Burgemeester en
wethouders van De Wolden"): the introducer read "De" as its own article and looked up the rest ("Bilt",
"Wolden"), which names no municipality, so the addressee and the signing body were unknown. opendata
ingest on 900 synthetic renderings (seed 11) lost the addressee De Wolden in every rendering of one letter
and De Marne (1999) in another. The name with its article is looked up first; a lower-case article stays
the introducer's ("van de gemeente …"). Letters written for the test."""

from __future__ import annotations

from opendata.ingest.extract import extract

LETTER = """\
Provincie Utrecht

Aan het college van burgemeester en wethouders van {place}
Postbus 300
3720 AH {capitals}

Datum: 8 november 2021
Ons kenmerk: PU-2021-88120
Onderwerp: Onderhoud provinciale wegen

Geacht college,

Wij informeren u over het onderhoud van de provinciale wegen in {place}.

Hoogachtend,

Gedeputeerde Staten van Utrecht,

de secretaris,                    de voorzitter,

F. Hazeleger                      W. Oosterbeek
"""

REPLY = """\
Gemeente De Wolden

Aan Gedeputeerde Staten van Drenthe
Postbus 122
9400 AC ASSEN

Datum: 14 februari 2020
Ons kenmerk: DW/20/0311
Onderwerp: Fietspad langs de Reest

Geacht college,

Wij reageren op uw voorstel voor het fietspad.

Met vriendelijke groet,

Burgemeester en wethouders van De Wolden,

de secretaris,                    de burgemeester,

H. Boerema                        J. Snijder
"""


def _addressees(place: str) -> list[str]:
    found = extract(LETTER.format(place=place, capitals=place.upper()))
    return [a.value for a in found.addressees]


def test_a_place_named_with_its_article_after_the_kind_words_resolves():
    assert _addressees("De Bilt") == ["gm0310"]
    found = extract(REPLY)
    assert found.sender is not None and found.sender.value == "gm1690"
    assert {s.on_behalf_of.value for s in found.signatories if s.on_behalf_of} == {"gm1690"}


def test_a_place_without_an_article_and_a_lower_case_article_stay_as_they_were():
    assert _addressees("Zeist") == ["gm0355"]
    assert _addressees("de gemeente Zeist") == ["gm0355"]
    assert _addressees("De Ronde Venen") == ["gm0736"]
