"""Issue 16: a one-letter change rewrites only the parts of the publication that depend on that letter.

Counted, not timed: the files of the new build that are not hard links into the previous one
(written anew), and the bytes read to hash them for the manifest and the catalog. The website
(doc/) is tested by tests/test_site_incremental.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from opendata.publish import pipeline

from .conftest import run_cli

LETTERS = 40
PROVINCES = "pv24"  # Flevoland's world: 6 gemeenten, so the letters share their organisations
# what a letter's title reaches besides its own pages: the dumps and tables that hold every letter,
# the release's change log, change stream and sitemaps, and the files that describe the others
DEPENDS_ON_EVERY_LETTER = (
    "graph.",
    "data/",
    "changes/",
    "ldes/",
    "sitemaps/",
    "catalog.",
    "void.",
    "index.",
    "report.",
    "validation-report",
    "datapackage.json",
    "statistics",
    "coverage",
    "releases",
    "manifest.json",
)


def _written_anew(dist: Path) -> list[str]:
    """Files outside doc/ that are not hard links into the previous build (still kept beside it)."""
    return sorted(
        p.relative_to(dist).as_posix()
        for p in dist.rglob("*")
        if p.is_file() and p.stat().st_nlink == 1 and p.relative_to(dist).parts[0] != "doc"
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, pipeline.Outcome, pipeline.Outcome]:
    root = tmp_path_factory.mktemp("writes")
    sources, dist, cache = root / "sources", root / "dist", root / "cache"
    made = run_cli(
        "synth", "--letters", str(LETTERS), "--out", str(sources), "--seed", "5", "--provinces", PROVINCES
    )
    assert made.returncode == 0, made.stderr
    first = pipeline.publish(sources, dist, cache_dir=cache)
    assert first.exit_code == pipeline.EXIT_OK
    letter = sorted((sources / "letters").glob("*.yaml"))[LETTERS // 2]
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8"
    )
    second = pipeline.publish(sources, dist, cache_dir=cache)
    assert second.exit_code == pipeline.EXIT_OK
    yield dist, first, second
    shutil.rmtree(root, ignore_errors=True)


def test_a_title_change_writes_anew_only_what_depends_on_the_letter(published):
    dist, _, _ = published
    anew = _written_anew(dist)
    assert not any(name.startswith("tekst/") for name in anew), "unchanged texts are linked, not copied"
    assert not any(name.startswith(("queries/", "webserver/", "model/")) for name in anew)
    unexpected = [name for name in anew if not name.startswith(DEPENDS_ON_EVERY_LETTER)]
    assert unexpected == []


def _pages(dist: Path) -> list[Path]:
    """The resources' pages and descriptions of doc/ (the site hashes them as it writes them)."""
    return [
        p
        for p in (dist / "doc").rglob("*")
        if p.is_file() and p.suffix in (".html", ".ttl", ".jsonld", ".nt") and "pagefind" not in p.parts
    ]


def test_a_first_build_reads_once_what_its_writers_did_not_hash(published):
    """The manifest hashes the files no writer knew the digest of; a page is hashed as it is written
    (in the site's workers as well: tests/test_site.py) and never read back for the manifest, nor
    are the N-Triples dumps (hashed as they are written: tests/test_ntriples_parts.py)."""
    dist, first, _ = published
    files = [p for p in dist.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    pages = sum(p.stat().st_size for p in _pages(dist))
    dumps = sum((dist / name).stat().st_size for name in ("graph.nt", "graph.nt.gz"))
    by_writers = pages + dumps + sum(p.stat().st_size for p in (dist / "tekst").rglob("*") if p.is_file())
    assert pages > total * 0.1
    assert (total - by_writers) * 0.9 <= first.counts["hashed_bytes"] <= total - pages - dumps


def test_a_title_change_hashes_only_the_files_that_changed(published):
    dist, _, second = published
    changed = sum((dist / name).stat().st_size for name in _written_anew(dist))
    changed += sum(
        p.stat().st_size for p in (dist / "doc").rglob("*") if p.is_file() and p.stat().st_nlink == 1
    )
    assert second.counts["hashed_bytes"] <= changed


def test_a_file_put_in_place_of_a_written_one_is_hashed_again(tmp_path):
    """A remembered digest belongs to one version of a file: another file of the same size and time
    moved into its place (another inode) is read, not taken for the first."""
    import hashlib
    import os

    from opendata.outputs import digests

    first = digests.put_file(os.fspath(tmp_path), "page.html", b"first", None, {})
    path = tmp_path / "page.html"
    before = path.stat()
    other = tmp_path / "other"
    other.write_bytes(b"other")
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, path)
    assert path.stat().st_mtime_ns == before.st_mtime_ns and path.stat().st_size == before.st_size
    assert digests.file_sha256(path) == hashlib.sha256(b"other").hexdigest() != first
