"""Issue 16, the change stream: after a one-letter change a publish writes anew only the LDES pages that
hold that letter's versions (the new release's page, the pages its earlier versions leave) and
index.trig; every other page is the previous build's file, linked. Counted by inode, not timed, right
after the output wrote its files (the manifest later replaces a file written again with the same bytes
by a link to the previous one, which would hide the writes). The stream is also byte for byte the one
a publish from scratch writes (no record, no previous build).
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest

from opendata import outputs
from opendata.outputs.ldes.stream import PAGE_SIZE
from opendata.publish import pipeline

from .conftest import run_cli

LETTERS = 300


def _inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _watching(written: dict[str, dict[str, int]]) -> tuple[outputs.Output, ...]:
    """The registered outputs, with the inodes of the ldes and woo outputs' files noted as each wrote them."""

    def watch(output: outputs.Output) -> outputs.Output:
        write = output.write
        assert write is not None

        def noted(publication, out: Path) -> None:
            write(publication, out)
            written[output.name] = _inodes(out / {"ldes": "ldes", "woo": "sitemaps"}[output.name])

        return dataclasses.replace(output, write=noted)

    return tuple(watch(o) if o.name in ("ldes", "woo") else o for o in _without_site())


def _without_site() -> tuple[outputs.Output, ...]:
    """The registered outputs but the website: no output here reads it, and it is two thirds of a publish."""
    return tuple(o for o in outputs.OUTPUTS if o.name != "site")


def _versions(page: Path) -> set[str]:
    """The resources a page holds a version of."""
    return set(re.findall(r"<http://purl.org/dc/terms/isVersionOf> <([^>]+)>", page.read_text("utf-8")))


@pytest.fixture(scope="session")
def one_letter_changed(tmp_path_factory):
    """A corpus published, one letter's title changed, published again; and the same sources published
    from scratch; each without the website (`_without_site`). Yields the first build (its files as they
    were), the second, the one from scratch, the changed letter's key and the inodes of the second
    build's ldes/ and sitemaps/ files as written."""
    root = tmp_path_factory.mktemp("ldes-incremental")
    sources, dist, cache = root / "sources", root / "dist", root / "cache"
    made = run_cli("synth", "--letters", str(LETTERS), "--out", str(sources), "--seed", "7")
    assert made.returncode == 0, made.stderr
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(outputs, "OUTPUTS", _without_site())
        first = pipeline.publish(sources, dist, cache_dir=cache)
    assert first.exit_code == pipeline.EXIT_OK
    before = dist.resolve()
    kept = root / "first"  # the first build as it was (hard links: its inodes)
    shutil.copytree(before, kept, copy_function=lambda src, dst: Path(dst).hardlink_to(src), symlinks=True)
    letter = sorted((sources / "letters").glob("*.yaml"))[LETTERS // 2]
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8"
    )
    written: dict[str, dict[str, int]] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(outputs, "OUTPUTS", _watching(written))
        second = pipeline.publish(sources, dist, cache_dir=cache)
    assert second.exit_code == pipeline.EXIT_OK
    scratch = root / "scratch"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(outputs, "OUTPUTS", _without_site())
        again = pipeline.publish(sources, scratch, cache_dir=root / "cache-scratch")
    assert again.exit_code == pipeline.EXIT_OK
    yield kept, dist.resolve(), scratch.resolve(), letter.stem, written
    shutil.rmtree(root, ignore_errors=True)


def test_a_one_letter_change_writes_anew_only_the_pages_of_its_versions(one_letter_changed):
    first, second, _, key, written = one_letter_changed
    before, after = _inodes(first / "ldes"), written["ldes"]
    assert set(after) == set(_inodes(second / "ldes"))
    changed = {
        iri
        for page in (second / "ldes").glob("release-2-*.trig")
        for iri in _versions(page)  # release 2 holds only the changed letter's resources
    }
    assert changed and any(iri.endswith(key) for iri in changed)
    left = {name for name in before if name != "index.trig" and _versions(first / "ldes" / name) & changed}
    new = {name for name in after if name.startswith("release-2-")}
    assert len(before) > 3 and left  # pages enough that most are not the changed letter's
    assert len(changed) < PAGE_SIZE
    anew = {name for name, inode in after.items() if before.get(name) != inode}
    assert anew == ({"index.trig"} | left | new) & set(after)  # a page whose members all left is gone
    assert len(anew) < len(after) - 1


def test_the_stream_is_the_one_a_publish_from_scratch_writes(one_letter_changed):
    _, second, scratch, _, _ = one_letter_changed
    assert _contents(second / "ldes") == _contents(scratch / "ldes")
