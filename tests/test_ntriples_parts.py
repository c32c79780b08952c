"""Issue 16: graph.nt.gz is written in parts, and a publish compresses again only the blocks of the
graph whose bytes changed (opendata/outputs/ntriples_parts.py); both dumps' sha256 are computed as
they are written.

Counted, not timed: the blocks compressed in this process (ntriples_parts.COMPRESSED). The blocks are
made small (a block ends after one letter in four, by key) so that 40 letters give some ten of them.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from opendata.outputs import digests, ntriples
from opendata.outputs import ntriples_parts as parts
from opendata.publish import pipeline, switch

from .conftest import run_cli

LETTERS = 40
PROVINCES = "pv24"
BLOCK_LETTERS = 4


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    sources = tmp_path_factory.mktemp("parts") / "sources"
    made = run_cli(
        "synth", "--letters", str(LETTERS), "--out", str(sources), "--seed", "5", "--provinces", PROVINCES
    )
    assert made.returncode == 0, made.stderr
    return sources


@pytest.fixture(autouse=True)
def _small_blocks(monkeypatch) -> Iterator[None]:
    monkeypatch.setattr(ntriples, "BLOCK_LETTERS", BLOCK_LETTERS)
    yield


@pytest.fixture
def sources(corpus, tmp_path) -> Path:
    copy = tmp_path / "sources"
    shutil.copytree(corpus, copy)
    return copy


def _publish(sources: Path, out: Path) -> int:
    """Publish in this process; the number of blocks compressed."""
    before = parts.COMPRESSED.blocks
    outcome = pipeline.publish(sources, out, cache_dir=sources.parent / "cache")
    assert outcome.exit_code == pipeline.EXIT_OK, outcome.problems
    return parts.COMPRESSED.blocks - before


def _scratch(sources: Path, root: Path, name: str) -> tuple[bytes, int]:
    """graph.nt.gz of a build from scratch of `sources` (a new --out: no previous build, no index),
    and the number of its blocks."""
    out = root / f"scratch-{name}" / "dist"
    blocks = _publish(sources, out)
    return (out / "graph.nt.gz").read_bytes(), blocks


def _index(out: Path) -> parts.Index:
    index = parts.load(switch.builds_dir(out))
    assert index is not None
    return index


def _retitle(sources: Path, place: int) -> None:
    letter = sorted((sources / "letters").glob("*.yaml"))[place]
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8"
    )


def test_the_parts_make_one_gzip_stream_of_graph_nt(sources, tmp_path):
    out = tmp_path / "dist"
    blocks = _publish(sources, out)
    plain, packed = (out / "graph.nt").read_bytes(), (out / "graph.nt.gz").read_bytes()
    assert gzip.decompress(packed) == plain
    unpacked = subprocess.run(["gzip", "-dc", str(out / "graph.nt.gz")], capture_output=True, check=True)
    assert unpacked.stdout == plain
    # one member: a reader that stops after the first member (an HTTP Content-Encoding decoder) reads it all
    single = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    assert single.decompress(packed) == plain and single.eof and single.unused_data == b""
    # several parts, each a block of whole letters decompressed on its own, tiling the file
    index = _index(out)
    assert len(index.parts) == blocks >= 5
    assert index.size == len(packed) and index.sha256 == hashlib.sha256(packed).hexdigest()
    offset = len(parts.HEADER)
    for part in index.parts:
        assert part.offset == offset
        data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(packed[offset : offset + part.length])
        assert hashlib.sha256(data).hexdigest() == part.plain and data.endswith(b"\n")
        offset += part.length
    assert offset == len(packed) - len(parts.trailer(0, 0))
    assert not (out / parts.NAME).exists() and not (out.resolve() / parts.NAME).exists()  # not published


def test_the_dumps_are_not_read_back_to_be_hashed(sources, tmp_path):
    built = pipeline.build(sources, cache_dir=tmp_path / "cache")
    assert built.publication is not None
    folder = tmp_path / "builds" / "one"
    folder.mkdir(parents=True)
    ntriples.write(built.publication, folder)
    before = (digests.HASHED.files, digests.HASHED.bytes)
    for name in ("graph.nt", "graph.nt.gz"):
        path = folder / name
        assert digests.file_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (digests.HASHED.files, digests.HASHED.bytes) == before


def test_a_title_change_compresses_one_block_and_gives_the_bytes_of_a_full_build(sources, tmp_path):
    out = tmp_path / "dist"
    first = _publish(sources, out)
    assert first >= 5
    _retitle(sources, LETTERS // 2)
    assert _publish(sources, out) == 1
    packed = (out / "graph.nt.gz").read_bytes()
    assert b"(gewijzigd)" in gzip.decompress(packed)
    expected, blocks = _scratch(sources, tmp_path, "changed")
    assert packed == expected and blocks == first
    # and again, from the build the first change made
    _retitle(sources, 3)
    assert _publish(sources, out) == 1
    assert (out / "graph.nt.gz").read_bytes() == _scratch(sources, tmp_path, "again")[0]


def _damage_parts(index: dict) -> dict:
    """The index with each part's offset moved by one byte (its file's size and digest kept)."""
    index["parts"] = [[plain, offset + 1, length, check] for plain, offset, length, check in index["parts"]]
    return index


def _swap_parts(index: dict) -> dict:
    """The index with the plain digests of its parts given to one another (each part's place, length
    and check kept: a part then names bytes of another block)."""
    found = index["parts"]
    plains = [part[0] for part in found]
    for part, plain in zip(found, plains[1:] + plains[:1], strict=True):
        part[0] = plain
    return index


@pytest.mark.parametrize(
    "harm", ["missing", "corrupt", "moved", "swapped", "stale", "stale, same size", "other settings"]
)
def test_a_missing_corrupt_or_stale_index_gives_a_correct_file(sources, tmp_path, harm):
    out = tmp_path / "dist"
    blocks = _publish(sources, out)
    record = switch.builds_dir(out) / parts.NAME
    kept = record.read_text(encoding="utf-8")
    _retitle(sources, LETTERS // 2)
    _publish(sources, out)
    if harm == "stale":  # the index of the build before, not of the published graph.nt.gz
        record.write_text(kept, encoding="utf-8")
    elif (
        harm == "stale, same size"
    ):  # ... claiming the size of the published one: its digest tells them apart
        index = json.loads(kept)
        index["bytes"] = (out / "graph.nt.gz").stat().st_size
        record.write_text(json.dumps(index), encoding="utf-8")
    elif harm == "missing":
        record.unlink()
    elif harm == "corrupt":
        record.write_text(record.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    else:
        index = json.loads(record.read_text(encoding="utf-8"))
        if harm == "moved":
            index = _damage_parts(index)
        elif harm == "swapped":
            index = _swap_parts(index)
        else:
            index["settings"]["level"] = parts.LEVEL + 1
        record.write_text(json.dumps(index), encoding="utf-8")
    _retitle(sources, 5)
    assert _publish(sources, out) == blocks  # nothing taken from the previous build
    packed = (out / "graph.nt.gz").read_bytes()
    assert gzip.decompress(packed) == (out / "graph.nt").read_bytes()
    assert packed == _scratch(sources, tmp_path, harm)[0]
    assert _index(out).sha256 == hashlib.sha256(packed).hexdigest()  # a new index, of this file


def test_a_letter_added_or_withdrawn_touches_one_or_two_blocks(sources, tmp_path):
    letter = sorted((sources / "letters").glob("*.yaml"))[LETTERS // 3]
    aside = tmp_path / "aside"
    aside.mkdir()
    for path in (letter, letter.with_suffix(".txt")):
        if path.exists():
            shutil.move(path, aside / path.name)
    out = tmp_path / "dist"
    assert _publish(sources, out) >= 5
    for path in aside.iterdir():  # added
        shutil.move(path, sources / "letters" / path.name)
    assert 1 <= _publish(sources, out) <= 2
    assert (out / "graph.nt.gz").read_bytes() == _scratch(sources, tmp_path, "added")[0]
    letter.unlink()  # withdrawn
    letter.with_suffix(".txt").unlink(missing_ok=True)
    assert 1 <= _publish(sources, out) <= 2
    assert (out / "graph.nt.gz").read_bytes() == _scratch(sources, tmp_path, "withdrawn")[0]
