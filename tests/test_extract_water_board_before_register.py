"""A water board named by its kind word and a name the register gives only to a body begun after the
letter's date ("het Hoogheemraadschap Amstel, Gooi en Vecht" in 2008; the register's "waterschap
Amstel, Gooi en Vecht" begins in 2017) is mentioned as written, kind word and the comma in its name
included. Before, it was not mentioned at all (two residents' letters to the water board and the
province, development set). From the register's date on, the name resolves to its code as before.
Invented texts."""

from __future__ import annotations

from .mentions import mentioned as mentioned_in_letter


def mentioned(sentence: str, year: int) -> list[str]:
    return mentioned_in_letter(
        sentence, place="Ouderkerk aan de Amstel", date=f"12 mei {year}", closing="Hoogachtend"
    )


def test_before_the_register_s_body_the_name_as_written():
    found = mentioned("Wij schreven eerder het Hoogheemraadschap Amstel, Gooi en Vecht over het peil.", 2008)
    assert found == ["Hoogheemraadschap Amstel, Gooi en Vecht"]


def test_after_a_board_s_title_the_name_as_written():
    found = mentioned("Het Algemeen Bestuur van het Waterschap Amstel, Gooi en Vecht besloot in april.", 2010)
    assert found == ["Waterschap Amstel, Gooi en Vecht"]


def test_from_the_register_s_date_on_the_code():
    found = mentioned("Wij schreven eerder het Hoogheemraadschap Amstel, Gooi en Vecht over het peil.", 2019)
    assert found == ["ws0155"]


def test_a_name_the_register_does_not_hold_is_not_mentioned():
    assert mentioned("Wij schreven eerder het Hoogheemraadschap Oude Polders over het peil.", 2008) == []


def test_a_register_name_of_a_body_that_existed_then_is_its_code():
    assert mentioned("Wij schreven eerder het Hoogheemraadschap van Rijnland over het peil.", 2008) == [
        "ws0616"
    ]
