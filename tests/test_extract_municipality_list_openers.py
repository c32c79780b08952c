"""A list of municipalities that opens right after the kind word with a colon ("zes gemeenten: Zeist,
Bunnik en Houten"), with a bracket ("andere gemeenten (Oss en Vught)") or with "te weten" ("één
gemeente, te weten Zeist"), or a bracket at the end of the sentence that holds only the names: each
municipality is mentioned. Before, none was (a recreation board's mail listing its participants, a water
board member's questions, a legal aid office's letter, a veiligheidsregio's paper; development set). A
name with a typographic apostrophe ("’s-Hertogenbosch") is read as one with a straight one. Invented
texts."""

from __future__ import annotations

from .mentions import mentioned as mentioned_in_letter


def mentioned(sentence: str) -> list[str]:
    return mentioned_in_letter(sentence, place="Zeist", salutation="Geachte leden van de raad,")


def test_a_list_after_a_colon_right_after_the_kind_word():
    found = mentioned("De deelnemers zijn drie gemeenten: Zeist, Bunnik en Houten, en ook de provincie.")
    assert found == ["gm0355", "gm0312", "gm0321"]


def test_a_list_in_a_bracket_right_after_the_kind_word():
    found = mentioned("Andere gemeenten (’s-Hertogenbosch, Oss en de provincie) sturen een afloopbericht.")
    assert found == ["gm0796", "gm0828"]


def test_a_single_municipality_after_te_weten():
    assert mentioned("Het convenant is door één gemeente ondertekend, te weten Zeist.") == []
    assert mentioned("Het convenant is ondertekend door één gemeente, te weten Zeist.") == ["gm0355"]


def test_a_bracket_at_the_end_of_the_sentence_that_holds_only_names():
    found = mentioned("Twee gemeenten hebben de begroting nog niet in hun raad besproken (Bunnik en Houten).")
    assert found == ["gm0312", "gm0321"]


def test_a_typographic_apostrophe_in_a_place_name():
    found = mentioned("Het college van burgemeester en wethouders van ’s-Gravenhage heeft ons geschreven.")
    assert found == ["gm0518"]


def test_a_bracket_that_holds_more_than_names_mentions_nothing():
    assert (
        mentioned("De gemeenten overleggen met de NS over de sporen bij het station (Utrecht Centraal).")
        == []
    )


def test_a_bracket_that_holds_no_name_mentions_nothing():
    assert mentioned("De gemeenten (zie de bijlage) sturen hun reactie voor 1 mei.") == []
