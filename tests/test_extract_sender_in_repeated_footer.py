"""A writer that is no public body and signs with no name, but prints its own name over its address in
every page's footer ("Ondernemersvereniging Stadshaven | Kadestraat 12 | 8011 AB Zwolle"): that name is
the sender, as written. Before, the letter had no sender (a business zone's Wob request to Amsterdam's
burgemeester, nineteenth unseen set). A person's name in such a footer sends nothing. Invented texts."""

from __future__ import annotations

from opendata.ingest.extract import extract

PAGE = "Wij verzoeken u om alle stukken over de herinrichting van de kade openbaar te maken.\n"
LETTER = (
    "STADSHAVEN\nGemeente Zwolle\nDe burgemeester van Zwolle\nPostbus 10007\n8000 GA Zwolle\n"
    "Zwolle, 1 juli 2021\nBetreft: verzoek om informatie over de kade\nGeachte burgemeester,\n"
    + PAGE
    + "{footer}\n"
    + PAGE
    + "Indien u delen weigert, verzoeken wij u dat per document te motiveren.\n{footer}\n"
)


def test_the_writers_name_in_every_pages_footer_sends():
    footer = "Ondernemersvereniging Stadshaven | Kadestraat 12 | 8011 AB Zwolle"
    assert extract(LETTER.format(footer=footer)).facts()["sender"] == "Ondernemersvereniging Stadshaven"


def test_a_persons_name_in_the_footer_sends_nothing():
    footer = "Petra Smit | Kadestraat 12 | 8011 AB Zwolle"
    assert extract(LETTER.format(footer=footer)).facts()["sender"] is None
