"""Issue 16: the release plan describes the shared records' triples (organisations, people, posts,
themes, meetings and the register organisations the letters name) once, then reads that description
from the build cache until those triples change. Counted, not timed; and the release a cached
description gives is the one a publish from scratch gives (the change log, byte for byte)."""

from __future__ import annotations

from pathlib import Path

import pytest

from opendata.releases import parts
from tests.conftest import run_main

LETTERS = 12


@pytest.fixture
def described(monkeypatch) -> list[str]:
    """The N-Triples of each part the release layer describes afresh (a letter's unit brings its own)."""
    calls: list[str] = []
    describe = parts.describe_part

    def counted(nt: str, base_iri: str, base_url: str):
        calls.append(nt)
        return describe(nt, base_iri, base_url)

    monkeypatch.setattr(parts, "describe_part", counted)
    return calls


def _publish(sources: Path, out: Path, cache: Path) -> None:
    result = run_main("publish", "--datasets", str(sources), "--out", str(out), "--cache", str(cache))
    assert result.returncode == 0, result.stderr


def _shared_calls(calls: list[str]) -> int:
    """Descriptions of the shared part: it opens with the register organisations' triples (a letter's
    part with the letter's own)."""
    return sum(nt.startswith("<https://identifier.overheid.nl/tooi/id/") for nt in calls)


def test_the_shared_records_are_described_once_until_they_change(tmp_path, described):
    sources = tmp_path / "sources"
    assert (
        run_main("synth", "--letters", str(LETTERS), "--out", str(sources), "--provinces", "pv24").returncode
        == 0
    )
    out, cache = tmp_path / "dist", tmp_path / "cache"
    _publish(sources, out, cache)
    assert _shared_calls(described) == 1
    described.clear()
    letter = sorted((sources / "letters").glob("*.yaml"))[5]
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), "utf-8"
    )
    _publish(sources, out, cache)  # a letter changed: the shared records' triples did not
    assert _shared_calls(described) == 0
    themes = sources / "themes.yaml"
    themes.write_text(
        themes.read_text(encoding="utf-8").replace(
            "  name: energietransitie", "  name: energietransitie (gewijzigd)", 1
        ),
        "utf-8",
    )
    _publish(sources, out, cache)  # a shared record changed: described again
    assert _shared_calls(described) == 1
    scratch = tmp_path / "scratch"
    _publish(sources, scratch, tmp_path / "cache-scratch")
    for name in ("releases.csv", "changes"):
        built, fresh = out.resolve() / name, scratch.resolve() / name
        if built.is_dir():
            assert {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()} == {
                p.name: p.read_bytes() for p in fresh.iterdir() if p.is_file()
            }
