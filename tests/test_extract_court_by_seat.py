"""A court named by its seat after "te" or "in" ("de rechtbank te Amsterdam", "het Gerechtshof te
's-Gravenhage") mentions the register's court named after that municipality (Rechtbank Amsterdam,
Gerechtshof Den Haag). Before, it mentioned none (a law firm's Woo request whose footer names the
court of its terms, development set; three Amsterdam sweep texts). A seat that is no register court's
name names none. Invented texts."""

from __future__ import annotations

from .mentions import mentioned as mentioned_in_letter


def mentioned(sentence: str) -> list[str]:
    return mentioned_in_letter(sentence)


def test_a_district_court_by_its_seat():
    assert mentioned("Geschillen worden voorgelegd aan de rechtbank te Amsterdam.") == ["oorg10018"]


def test_a_court_of_appeal_by_the_statutory_name_of_its_seat():
    assert mentioned("Hoger beroep stelt u in bij het Gerechtshof te 's-Gravenhage.") == ["oorg10016"]


def test_a_seat_that_is_no_court_s_name_names_none():
    assert mentioned("Geschillen worden voorgelegd aan de rechtbank te Haarlem.") == []
