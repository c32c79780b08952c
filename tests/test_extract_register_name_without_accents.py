"""A register name with accents written without them ("Veiligheidsregio Fryslan" for the register's
"Veiligheidsregio Fryslân", "Dienst Justitiele Inrichtingen"), as a text layer or a plain keyboard
writes it, mentions that body; written with its accents it does as before. Invented texts."""

from __future__ import annotations

from .mentions import mentioned as mentioned_in_letter


def mentioned(sentence: str) -> list[str]:
    return mentioned_in_letter(sentence, place="Leeuwarden")


def test_a_frisian_name_without_its_circumflex():
    assert mentioned("Wij hebben dit besproken met de Veiligheidsregio Fryslan.") == ["so0460"]


def test_a_name_without_its_diaeresis():
    assert mentioned("Wij hebben de Dienst Justitiele Inrichtingen om een reactie gevraagd.") == ["oorg10114"]


def test_the_name_with_its_accents_as_before():
    assert mentioned("Wij hebben dit besproken met de Veiligheidsregio Fryslân.") == ["so0460"]
