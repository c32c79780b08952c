"""Faults an outside check of incremental publishing found (issue 16): changes the other incremental
tests do not make, each published with a cache and compared with a build from scratch.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from opendata.publish import cache as build_cache
from opendata.publish.pipeline import build

from .conftest import run_main

LETTER = "reactie-leidse-regio-2019-06-11"


def _letters_nt(datasets: Path, cache: Path) -> str:
    """The N-Triples of every letter, built with `cache`."""
    outcome = build(datasets, cache_dir=cache)
    assert outcome.exit_code == 0 and outcome.publication is not None
    try:
        return "".join(unit.nt for unit in outcome.publication.letters)
    finally:
        outcome.publication.release_cache()


def _same_size_edit(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` (of the same length) and give the file back its modification time, as
    `cp -p`, `touch -r`, `tar` and `rsync -a` do when they put an edited file in place."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_a_letter_edited_with_its_old_modification_time_is_built_again(datasets_copy, tmp_path, monkeypatch):
    """The cache remembered a file's digest by its size and modification time: an edit of the same
    size whose time was given back published the letter as it was before (stale, unlike a build
    from scratch). The change time and the inode, which no tool gives back, are compared too."""
    # the copy was just made: remember its digests all the same
    monkeypatch.setattr(build_cache, "RACY_NS", 0)
    cache = tmp_path / "cache"
    assert "Reactie gemeenten" in _letters_nt(datasets_copy, cache)
    _same_size_edit(datasets_copy / "letters" / f"{LETTER}.yaml", "title: Reactie", "title: Repliek")
    assert "Repliek gemeenten" in _letters_nt(datasets_copy, cache)


def test_a_file_changed_just_before_it_was_read_is_read_again_next_time(tmp_path):
    """A file written within the clock tick of the build's read can change again in that tick with
    none of its times changing: its digest is not remembered, so the next build reads it again."""
    fresh = tmp_path / "fresh.yaml"
    fresh.write_text("title: a\n", encoding="utf-8")
    cache = build_cache.UnitCache(tmp_path / "cache")
    try:
        assert cache.digest(fresh) != "-"
        assert cache._new_stats == []
    finally:
        cache.release()


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _publish(datasets: Path, out: Path, cache: Path | None) -> CompletedProcess:
    options = ["--cache", str(cache)] if cache else ["--no-cache"]
    result = run_main("publish", "--datasets", str(datasets), "--out", str(out), *options)
    assert result.returncode == 0, result.stderr
    return result


def _differ_from_scratch(datasets: Path, out: Path, tmp_path: Path) -> list[str]:
    """The files of `out` that differ from a build from scratch of a copy of the same sources."""
    sources = tmp_path / "scratch-sources"
    shutil.copytree(datasets, sources)
    _publish(sources, tmp_path / "scratch", None)
    built, expected = _files(out), _files(tmp_path / "scratch")
    return sorted(name for name in built.keys() | expected.keys() if built.get(name) != expected.get(name))


@pytest.mark.integration  # three or four publishes of the seed
def test_a_damaged_cache_is_reported_on_the_terminal_not_in_the_published_report(datasets_copy, tmp_path):
    """A cache that had to be rebuilt was listed in the published validation-report.txt (with the
    cache's path on the build machine): a publication that differed from a build from scratch of the
    same sources. The data's own warnings stay in the report."""
    out, cache = tmp_path / "dist", tmp_path / "cache"
    _publish(datasets_copy, out, cache)
    letter = datasets_copy / "letters" / f"{LETTER}.yaml"
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), "utf-8"
    )
    database = cache / build_cache.DATABASE
    database.write_bytes(database.read_bytes()[:1000])
    published = _publish(datasets_copy, out, cache)
    assert "cache-rebuilt" in published.stderr
    report = (out / "validation-report.txt").read_text(encoding="utf-8")
    assert "cache-rebuilt" not in report and str(cache) not in report
    assert "release-version-reused" in report  # the data changed after its release: the data's warning
    assert _differ_from_scratch(datasets_copy, out, tmp_path) == []


@pytest.mark.integration  # three or four publishes of the seed
def test_a_publish_without_cache_writes_a_damaged_publication_whole_again(datasets_copy, tmp_path):
    """A published file edited in place by hand was hard-linked into every later build, with the
    digest the manifest had before (opendata verify failed from then on), and a publish with
    --no-cache did the same: nothing repaired it. Without a cache nothing of an earlier build is
    reused."""
    out = tmp_path / "dist"
    _publish(datasets_copy, out, tmp_path / "cache")
    text = out / "tekst" / f"{LETTER}.txt"
    page = out / "doc" / "thema" / "jeugdzorg.html"
    for damaged in (text, page):
        with damaged.open("ab") as handle:
            handle.write(b"damaged\n")
    assert run_main("verify", str(out)).returncode != 0
    _retitle(datasets_copy)
    _publish(datasets_copy, out, None)
    assert run_main("verify", str(out)).returncode == 0
    assert _differ_from_scratch(datasets_copy, out, tmp_path) == []


def _retitle(datasets: Path) -> None:
    letter = datasets / "letters" / f"{LETTER}.yaml"
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), "utf-8"
    )


@pytest.mark.integration  # three or four publishes of the seed
def test_a_part_damaged_inside_the_cache_database_is_forgotten_and_built_again(datasets_copy, tmp_path):
    """Bytes of a letter's part changed inside the database (where SQLite does not notice) gave a
    traceback (zlib.error) at every later publish, until the cache was removed by hand. The part's
    checksum, kept with its unit, finds it: that publish stops cleanly (cache-lost, the publication
    unchanged) and forgets the letter, and the next one builds it again."""
    out, cache = tmp_path / "dist", tmp_path / "cache"
    _publish(datasets_copy, out, cache)
    with contextlib.closing(sqlite3.connect(cache / build_cache.DATABASE)) as db, db:
        db.execute("UPDATE parts SET blob = ? WHERE name = 'nt'", (b"x" * 40,))
    _retitle(datasets_copy)
    published = out.resolve()
    failed = run_main("publish", "--datasets", str(datasets_copy), "--out", str(out), "--cache", str(cache))
    assert failed.returncode == 2 and "cache-lost" in failed.stderr and "Traceback" not in failed.stderr
    assert out.resolve() == published
    again = _publish(datasets_copy, out, cache)
    assert "cache-lost" not in again.stderr
    assert _differ_from_scratch(datasets_copy, out, tmp_path) == []
