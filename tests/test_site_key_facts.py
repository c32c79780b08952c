"""A letter's page opens with its key facts: kind, dates, sender, addressees, references, themes and
what its source leaves open, in the reader's language, above the signatures, statements and text. Before,
a reader found the date and the sender only in the long table of all statements at the page's foot."""

from __future__ import annotations

import html
import re

SEED_LETTER = "brief/reactie-leidse-regio-2019-06-11"


def _sections(page: str) -> list[tuple[str, dict[str, str]]]:
    """Each section's heading with the rows of its first table: header cell -> the row's visible text."""
    found = []
    for heading, body in re.findall(r'<h2 id="s\d+">(.*?)</h2>(.*?)</section>', page, flags=re.S):
        rows = re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', body, flags=re.S)
        words = {html.unescape(k): html.unescape(re.sub(r"<[^>]+>", " ", v)) for k, v in rows}
        found.append((html.unescape(heading), words))
    return found


def test_the_seed_letters_page_opens_with_its_key_facts(published):
    page = (published / "doc" / f"{SEED_LETTER}.html").read_text(encoding="utf-8")
    heading, rows = _sections(page)[0]
    assert heading == "Kerngegevens"
    assert rows["verzenddatum"] == "2019-06-11"
    assert "de vijf colleges van de Leidse regio" in rows["afzender"]
    assert "Gedeputeerde Staten van Zuid-Holland" in rows["geadresseerden"]
    assert rows["uw kenmerk"] == "PZH-2019-678010037"
    assert "ons kenmerk" in rows["onbekend in de bron"]
    headings = [heading for heading, _ in _sections(page)]
    assert (
        headings.index("Kerngegevens")
        < headings.index("Tekst van de brief")
        < headings.index("Alle gegevens")
    )


def test_the_english_page_names_the_same_facts_in_english(published):
    page = (published / "doc" / f"{SEED_LETTER}.en.html").read_text(encoding="utf-8")
    heading, rows = _sections(page)[0]
    assert heading == "Key facts"
    assert rows["your reference"] == "PZH-2019-678010037"
    assert "2019-06-11" in rows.values()


def test_every_letter_page_opens_with_key_facts_and_other_pages_do_not(published):
    for page in sorted((published / "doc").rglob("*.html")):
        sections = _sections(page.read_text(encoding="utf-8"))
        first = sections[0][0] if sections else None
        is_letter = page.parent.name == "brief"
        assert (first in ("Kerngegevens", "Key facts")) == is_letter, page
