"""Issue 16, the Woo-index: after a one-letter change a publish writes anew only the sitemap that lists
the letter's documents (and the small indexes and robots.txt); a sitemap of another category is the
previous build's file, linked (counted by inode as the output wrote them, tests/test_ldes_incremental.py).
The files are byte for byte those of a publish from scratch, and they
still validate against the sitemaps.org and DiWoo XSDs. Each letter's facts come from its unit's part.
"""

from __future__ import annotations

from pathlib import Path

from opendata.build.letter_unit import LetterGraph
from opendata.outputs.woo import documents, letter_part, validate
from opendata.outputs.woo.sitemaps import FOLDER

from .test_ldes_incremental import _contents, _inodes, one_letter_changed  # noqa: F401


def _sitemaps_listing(folder: Path, key: str) -> set[str]:
    return {p.name for p in folder.glob("sitemap-*.xml") if f"/tekst/{key}." in p.read_text("utf-8")}


def test_a_one_letter_change_links_the_other_categories_sitemaps(one_letter_changed):  # noqa: F811
    first, second, _, key, written = one_letter_changed
    before, after = _inodes(first / FOLDER), written["woo"]
    sitemaps = {name for name in after if name.startswith("sitemap-")}
    listing = _sitemaps_listing(second / FOLDER, key)
    assert len(listing) == 1 and len(sitemaps) > 1  # the letter is in one of several sitemaps
    anew = {name for name, inode in after.items() if before.get(name) != inode}
    assert anew & sitemaps == listing
    assert anew <= listing | {name for name in after if name.startswith("sitemapindex-")}


def test_the_woo_index_is_the_one_a_publish_from_scratch_writes(one_letter_changed):  # noqa: F811
    _, second, scratch, _, _ = one_letter_changed
    assert _contents(second / FOLDER) == _contents(scratch / FOLDER)
    assert (second / "robots.txt").read_bytes() == (scratch / "robots.txt").read_bytes()
    assert [e for path in sorted((second / FOLDER).glob("*.xml")) for e in validate.errors(path)] == []


def test_the_part_holds_what_the_documents_are_made_of():
    nt = (
        '<https://x.example/id/brief/b1> <http://purl.org/dc/terms/title> "Een brief"@nl .\n'
        "<https://x.example/id/brief/b1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://schema.org/Letter> .\n"
        "<https://x.example/id/brief/b1> <https://schema.org/encoding> <https://x.example/tekst/b1.txt> .\n"
        "<https://x.example/id/brief/b1> <https://schema.org/about> <https://x.example/id/thema/t> .\n"
        '<https://x.example/id/brief/b1#s> <https://schema.org/name> "Elders" .\n'
    )
    letter = LetterGraph(None, None, [], nt)
    iri, facts = letter_part(letter)
    assert iri == "https://x.example/id/brief/b1"
    assert set(facts) == {documents.RDF_TYPE, documents.DCT + "title", documents.SCHEMA + "encoding"}
    made = documents.documents_of(
        iri,
        facts,
        "https://x.example/",
        "https://identifier.overheid.nl/tooi/id/gemeente/gm0546",
        documents._Organisations(),
    )
    whole = documents.letter_documents(
        iri,
        nt.splitlines(),
        "https://x.example/",
        "https://identifier.overheid.nl/tooi/id/gemeente/gm0546",
        documents._Organisations(),
    )
    assert made == whole and [d.title for d in made] == ["Een brief"]
