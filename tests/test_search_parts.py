"""The letters' search index in parts (opendata/outputs/site/search.py): every letter page is in
exactly one part, the search page merges the parts, and a publish after a one-letter change indexes
again only the parts whose letter pages changed, linking the others from the previous build, with
the same bytes as a build from scratch."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import lxml.html
import pytest
import yaml

from opendata.outputs.site import search
from tests.conftest import run_main

LETTERS = 40
PER_PART = 5  # so that 40 letters make 8 parts


def _publish(datasets: Path, out: Path, cache: Path) -> Path:
    result = run_main("publish", "--datasets", str(datasets), "--out", str(out), "--cache", str(cache))
    assert result.returncode == 0, result.stderr
    return out.resolve()


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(search, "LETTERS_PER_BUNDLE", PER_PART)
    sources = tmp_path / "sources"
    made = run_main("synth", "--letters", str(LETTERS), "--out", str(sources), "--provinces", "pv24")
    assert made.returncode == 0, made.stderr
    return sources


def _letter_keys(build: Path) -> list[str]:
    return sorted(p.name.removesuffix(".ttl") for p in (build / "doc" / "brief").glob("*.ttl"))


def _part_files(build: Path, folder: str) -> dict[str, Path]:
    root = build / "doc" / folder
    return {p.relative_to(build).as_posix(): p for p in root.rglob("*") if p.is_file()}


def _count_indexed(monkeypatch) -> list[str]:
    """The folders of the parts Pagefind indexes from now on, in the order it indexes them."""
    indexed: list[str] = []
    index = search._index

    def counted(site, folder, keys, own):
        indexed.append(folder)
        return index(site, folder, keys, own)

    monkeypatch.setattr(search, "_index", counted)
    return indexed


def _indexed_pages(build: Path, folder: str) -> set[str]:
    """The page URLs a part's fragments hold (Pagefind: gzip, a signature, then JSON)."""
    urls = set()
    for fragment in (build / "doc" / folder / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        urls.add(json.loads(data)["url"])
    return urls


def test_each_letter_page_is_in_one_part_and_the_search_page_merges_the_parts(corpus, tmp_path):
    build = _publish(corpus, tmp_path / "dist", tmp_path / "cache")
    keys = _letter_keys(build)
    parts = search.bundles(keys)
    assert search.part_count(len(keys)) == 8 and len(parts) >= 6
    assert all(folder.startswith("pagefind/deel-") for folder in parts)
    indexed = [_indexed_pages(build, folder) for folder in parts]
    pages = {f"/brief/{key}.html" for key in keys}  # the Dutch pages: one index serves both
    assert sum(len(urls) for urls in indexed) == len(pages) and set().union(*indexed) == pages
    for folder, part_keys in parts.items():
        assert _indexed_pages(build, folder) == {f"/brief/{k}.html" for k in part_keys}
        entry = json.loads((build / "doc" / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == ["nl"]
    for name in ("zoeken.html", "zoeken.en.html"):
        page = lxml.html.parse(str(build / "doc" / name)).getroot()
        first, *others = parts
        assert json.loads(page.get_element_by_id("search").get("data-parts")) == [f"{f}/" for f in others]
        scripts = [s.get("src") for s in page.iter("script") if s.get("src")]
        assert scripts == [f"{first}/pagefind-ui.js", "pagefind/zoeken.js"]
    script = (build / "doc" / "pagefind" / "zoeken.js").read_text(encoding="utf-8")
    assert "mergeIndex" in script and "processResult: englishResults" in script


def test_a_one_letter_change_indexes_only_the_parts_whose_pages_changed(corpus, tmp_path, monkeypatch):
    out, cache = tmp_path / "dist", tmp_path / "cache"
    indexed = _count_indexed(monkeypatch)
    old = _publish(corpus, out, cache)
    keys = _letter_keys(old)
    parts = search.bundles(keys)
    assert sorted(indexed) == sorted(parts)
    indexed.clear()
    letter = sorted((corpus / "letters").glob("*.yaml"))[7]
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8"
    )
    new = _publish(corpus, out, cache)
    assert new != old and _letter_keys(new) == keys
    changed_pages = {
        key
        for key in keys
        for suffix in (".html", ".en.html")
        if (new / "doc" / "brief" / f"{key}{suffix}").read_bytes()
        != (old / "doc" / "brief" / f"{key}{suffix}").read_bytes()
    }
    assert letter.stem in changed_pages
    changed_parts = sorted(folder for folder, part_keys in parts.items() if set(part_keys) & changed_pages)
    own_part = next(folder for folder, part_keys in parts.items() if letter.stem in part_keys)
    # the other changed pages show the new title in a list the index ignores (letters citing it)
    assert own_part in indexed and set(indexed) <= set(changed_parts) and len(changed_parts) < len(parts) // 2
    for folder, part_keys in parts.items():
        before, after = _part_files(old, folder), _part_files(new, folder)
        fragments = [gzip.decompress(p.read_bytes()) for p in after.values() if p.suffix == ".pf_fragment"]
        shows_change = any(b"(gewijzigd)" in f for f in fragments)
        assert shows_change == (letter.stem in part_keys)
        if folder not in indexed:  # linked from the previous build, file by file
            assert before.keys() == after.keys()
            assert all(os.stat(after[n]).st_ino == os.stat(before[n]).st_ino for n in after), folder
    scratch = _publish(corpus, tmp_path / "scratch", tmp_path / "cache-scratch")
    assert {n: p.read_bytes() for n, p in _part_files(new, "pagefind").items()} == {
        n: p.read_bytes() for n, p in _part_files(scratch, "pagefind").items()
    }


def test_a_title_shown_only_in_other_letters_lists_indexes_only_its_own_letters_part(
    corpus, tmp_path, monkeypatch
):
    """A letter's title is on the pages of the letters that cite it, in a list the search index
    ignores (each letter is found by its own words): changing it indexes the letter's own part
    again, not those of the letters citing it, and the index equals one built from scratch."""
    out, cache = tmp_path / "dist", tmp_path / "cache"
    old = _publish(corpus, out, cache)
    parts = search.bundles(_letter_keys(old))
    part_of = {key: folder for folder, part_keys in parts.items() for key in part_keys}
    citing: dict[str, set[str]] = {}
    for source in sorted((corpus / "letters").glob("*.yaml")):
        for cited in yaml.safe_load(source.read_text(encoding="utf-8")).get("cites") or ():
            citing.setdefault(cited, set()).add(source.stem)
    cited = next(key for key, by in sorted(citing.items()) if any(part_of[b] != part_of[key] for b in by))
    indexed = _count_indexed(monkeypatch)
    letter = corpus / "letters" / f"{cited}.yaml"
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8"
    )
    new = _publish(corpus, out, cache)
    for by in citing[cited]:  # the citing letters' pages show the new title
        assert b"(gewijzigd)" in (new / "doc" / "brief" / f"{by}.html").read_bytes()
    assert indexed == [part_of[cited]]
    scratch = _publish(corpus, tmp_path / "scratch", tmp_path / "cache-scratch")
    assert {n: p.read_bytes() for n, p in _part_files(new, "pagefind").items()} == {
        n: p.read_bytes() for n, p in _part_files(scratch, "pagefind").items()
    }
