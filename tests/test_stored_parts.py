"""Issue 16: with a build cache, the letters' packed parts stay in its database and are read when an
output asks for them (opendata/publish/stored_parts.py), so a publish's memory does not grow with
them. The cache forgets units only while no other build holds it."""

from __future__ import annotations

import filecmp
import shutil
import sqlite3
from pathlib import Path

import pytest

from opendata import releases
from opendata.build.letter_unit import NT
from opendata.publish import pipeline, stored_parts
from opendata.publish.cache import DATABASE
from opendata.publish.stored_parts import CacheLost

from .conftest import run_cli

LETTERS = 12


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    sources = tmp_path_factory.mktemp("stored") / "sources"
    made = run_cli(
        "synth", "--letters", str(LETTERS), "--out", str(sources), "--seed", "3", "--provinces", "pv24"
    )
    assert made.returncode == 0, made.stderr
    return sources


@pytest.fixture
def sources(corpus, tmp_path) -> Path:
    copy = tmp_path / "sources"
    shutil.copytree(corpus, copy)
    return copy


def _rows(cache: Path, sql: str) -> list[tuple]:
    db = sqlite3.connect(cache / DATABASE)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def _same_tree(a: Path, b: Path) -> bool:
    compared = filecmp.dircmp(a, b)
    if compared.left_only or compared.right_only or compared.diff_files or compared.funny_files:
        return False
    return all(_same_tree(a / name, b / name) for name in compared.common_dirs)


@pytest.mark.parametrize("warm", [False, True], ids=["built now", "from the cache"])
def test_the_units_read_their_parts_from_the_cache(sources, tmp_path, warm):
    cache = tmp_path / "cache"
    if warm:
        pipeline.build(sources, cache_dir=cache).publication.release_cache()
    with_cache = pipeline.build(sources, cache_dir=cache).publication
    without = pipeline.build(sources, cache_dir=None).publication
    try:
        assert len(with_cache.letters) == LETTERS
        for stored, held in zip(with_cache.letters, without.letters, strict=True):
            assert not isinstance(stored.packed, dict)  # nothing of the parts held in memory
            assert isinstance(held.packed, dict)  # no cache: nowhere else to keep them
            assert dict(stored.packed) == held.packed
            assert stored.nt == held.nt and stored.nt
    finally:
        with_cache.release_cache()
    stored_rows = _rows(cache, "SELECT count(*) FROM parts")[0][0]
    assert stored_rows == sum(len(unit.packed) for unit in without.letters)


def test_a_publish_with_the_cache_equals_one_without(sources, tmp_path):
    for cache in (tmp_path / "cache", tmp_path / "cache", None):  # built, then read back, then none
        out = tmp_path / ("dist-" + ("none" if cache is None else str(len(list(tmp_path.glob("dist-*"))))))
        outcome = pipeline.publish(sources, out, cache_dir=cache)
        assert outcome.exit_code == pipeline.EXIT_OK, outcome.problems
    first, *others = sorted(tmp_path.glob("dist-*"))
    assert others and all(_same_tree(first.resolve(), other.resolve()) for other in others)


def test_another_build_does_not_forget_the_units_a_build_still_reads(sources, tmp_path):
    cache = tmp_path / "cache"
    other = tmp_path / "other"
    shutil.copytree(sources, other)
    for path in sorted((other / "letters").glob("*.yaml"))[: LETTERS // 2]:  # half the letters differ
        path.write_text(path.read_text(encoding="utf-8").replace('title: "', 'title: "Anders ', 1), "utf-8")
    reading = pipeline.build(sources, cache_dir=cache).publication
    expected = {unit.key: unit.nt for unit in pipeline.build(sources, cache_dir=None).publication.letters}
    # while `reading` holds the cache, two builds of other sources finish (each would forget the rest)
    pipeline.build(other, cache_dir=cache).publication.release_cache()
    pipeline.build(other, cache_dir=cache).publication.release_cache()
    assert {unit.key: unit.nt for unit in reading.letters} == expected
    reading.release_cache()
    kept_before = _rows(cache, "SELECT count(*) FROM units")[0][0]
    pipeline.build(other, cache_dir=cache).publication.release_cache()  # nobody else holds it now
    kept_after = _rows(cache, "SELECT count(*) FROM units")[0][0]
    # the other sources' letters, their shared unit and the release plan's description of it only
    assert kept_after == LETTERS + 2 < kept_before


def test_a_part_gone_from_the_cache_stops_the_publish_and_keeps_the_publication(
    sources, tmp_path, monkeypatch
):
    cache, out = tmp_path / "cache", tmp_path / "dist"
    assert pipeline.publish(sources, out, cache_dir=cache).exit_code == pipeline.EXIT_OK
    published = out.resolve()
    letter = sorted((sources / "letters").glob("*.yaml"))[0]
    letter.write_text(letter.read_text(encoding="utf-8").replace('title: "', 'title: "Nieuw ', 1), "utf-8")
    real_plan = releases.plan_release

    def emptied_meanwhile(publication, today):
        db = sqlite3.connect(cache / DATABASE)
        db.execute("DELETE FROM parts WHERE name = ?", (NT,))
        db.commit()
        db.close()
        return real_plan(publication, today)

    monkeypatch.setattr(releases, "plan_release", emptied_meanwhile)
    outcome = pipeline.publish(sources, out, cache_dir=cache)
    assert outcome.exit_code == pipeline.EXIT_USAGE
    assert [p.code for p in outcome.problems] == ["cache-lost"]
    assert "publish again" in (outcome.problems[0].hint or "")
    assert out.resolve() == published  # the publication before is still the one published

    monkeypatch.setattr(releases, "plan_release", real_plan)
    assert pipeline.publish(sources, out, cache_dir=cache).exit_code == pipeline.EXIT_OK


def test_a_unit_read_after_its_build_released_the_cache_says_so(sources, tmp_path):
    publication = pipeline.build(sources, cache_dir=tmp_path / "cache").publication
    publication.release_cache()
    with pytest.raises(CacheLost, match="closed"):
        _ = publication.letters[0].nt


def test_the_parts_are_read_ahead_in_the_order_the_writers_take_the_letters(sources, tmp_path, monkeypatch):
    monkeypatch.setattr(stored_parts, "AHEAD", 5)
    publication = pipeline.build(sources, cache_dir=tmp_path / "cache").publication
    try:
        reader = publication.letters[0].packed._reader  # type: ignore[attr-defined]
        names = list(publication.letters[0].packed)
        for name in names:  # as an output does: its part of every letter, in the publication's order
            for unit in publication.letters:
                assert unit.packed[name]
        assert reader.queries == len(names) * -(-LETTERS // 5)  # a query for five letters' parts
    finally:
        publication.release_cache()


def test_parts_asked_for_out_of_order_are_read_one_by_one(sources, tmp_path, monkeypatch):
    """The change stream asks for its members' letters in no order: reading 200 letters' parts for
    each of them read 200 times what it needed (596 s of a publish of 100,000 letters)."""
    monkeypatch.setattr(stored_parts, "AHEAD", 5)
    publication = pipeline.build(sources, cache_dir=tmp_path / "cache").publication
    try:
        reader = publication.letters[0].packed._reader  # type: ignore[attr-defined]
        shuffled = publication.letters[1::2] + publication.letters[0::2][::-1]
        assert all(unit.nt for unit in shuffled)
        assert reader.rows <= 5 + LETTERS - 1  # the first read ahead, then one part each
    finally:
        publication.release_cache()
