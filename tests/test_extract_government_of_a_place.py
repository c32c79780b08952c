"""The government of a municipality or a province named by its place ("het gemeentebestuur van Zeist",
"het stadsbestuur van Utrecht", "Provinciebestuur Zeeland") mentions that municipality or province.
Before, it mentioned none (a municipality's provisional view on a joint arrangement, development set).
Invented texts."""

from __future__ import annotations

from .mentions import mentioned as mentioned_in_letter


def mentioned(sentence: str) -> list[str]:
    return mentioned_in_letter(sentence, place="Middelburg")


def test_the_government_of_a_municipality():
    assert mentioned(
        "Bij brief van 2 februari is het gemeentebestuur van Zeist om een reactie gevraagd."
    ) == ["gm0355"]


def test_the_government_of_a_city():
    assert mentioned("Het stadsbestuur van Utrecht heeft de subsidie toegekend.") == ["gm0344"]


def test_the_government_of_a_province_without_van():
    assert mentioned("Het Provinciebestuur Zeeland heeft de subsidie toegekend.") == ["pv29"]


def test_the_government_without_a_place_mentions_nothing():
    assert mentioned("Het gemeentebestuur heeft de subsidie toegekend aan de vereniging.") == []
