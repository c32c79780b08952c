"""Issue: re-publishing with the cache gives the same bytes as a build from scratch."""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import pytest

from .conftest import run_cli

LETTERS = 120
PROVINCES = "pv24"  # Flevoland's world: what the cache reuses does not depend on the world's size


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _publish(sources: Path, out: Path, cache: Path | None) -> None:
    args = ["publish", "--datasets", str(sources), "--out", str(out)]
    args += ["--cache", str(cache)] if cache else ["--no-cache"]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr


def _assert_same_as_scratch(sources: Path, incremental: Path, tmp_path: Path, name: str) -> dict[str, bytes]:
    scratch = tmp_path / f"scratch-{name}" / "dist"
    _publish(sources, scratch, None)
    built, expected = _files(incremental), _files(scratch)
    assert built.keys() == expected.keys()
    different = [path for path in expected if built[path] != expected[path]]
    assert different == []
    return built


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    sources = tmp_path_factory.mktemp("incremental") / "sources"
    made = run_cli(
        "synth", "--letters", str(LETTERS), "--out", str(sources), "--seed", "3", "--provinces", PROVINCES
    )
    assert made.returncode == 0, made.stderr
    return sources


@pytest.mark.integration  # seven publishes of 120-130 letters
def test_change_add_delete_give_the_bytes_of_a_full_build(corpus, tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(corpus, sources)
    out, cache = tmp_path / "dist", tmp_path / "cache"
    _publish(sources, out, cache)

    letter = sorted((sources / "letters").glob("*.yaml"))[LETTERS // 2]
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8"
    )
    _publish(sources, out, cache)
    assert "(gewijzigd)" in (out / "graph.nt").read_text(encoding="utf-8")
    _assert_same_as_scratch(sources, out, tmp_path, "changed")

    # a shared record renamed: every page that shows its name is rendered again (the site's record of
    # what each page read), none is linked from the previous build with the old name
    organisations = sources / "organisations.yaml"
    organisations.write_text(
        organisations.read_text(encoding="utf-8").replace('name: "', 'name: "(hernoemd) ', 1),
        encoding="utf-8",
    )
    _publish(sources, out, cache)
    _assert_same_as_scratch(sources, out, tmp_path, "renamed")

    assert (
        run_cli(
            "synth",
            "--letters",
            str(LETTERS + 10),
            "--out",
            str(sources),
            "--seed",
            "3",
            "--provinces",
            PROVINCES,
            "--overwrite",
        ).returncode
        == 0
    )
    _publish(sources, out, cache)
    assert len(list((out / "tekst").glob("*.txt"))) == len(list((sources / "letters").glob("*.txt")))
    _assert_same_as_scratch(sources, out, tmp_path, "added")

    deleted = sorted((sources / "letters").glob("*.yaml"))[-1]
    key = deleted.stem
    deleted.unlink()
    deleted.with_suffix(".txt").unlink()
    _publish(sources, out, cache)
    files = _assert_same_as_scratch(sources, out, tmp_path, "deleted")
    for path, content in files.items():
        if path.endswith(".gz"):
            content = gzip.decompress(content)
        # the change log, the 410 rules and the change stream's deletion member name its IRI
        # (docs/releases.md: a removed letter leaves a tombstone; an LDES deletion is a member of its own)
        if path.startswith(("changes/", "webserver/", ".htaccess", "ldes/")):
            content = content.replace(f"/{key}".encode(), b"")
        # the tombstone pages of the letter and its positions, listed in the manifest
        content = re.sub(
            rb"changes/gone/[a-z]+/" + re.escape(key.encode()) + rb"[^\"\s<>]*\.html", b"", content
        )
        assert key.encode() not in content, f"the deleted letter {key} is still in {path}"


def test_an_unchanged_republish_reuses_every_letter(corpus, tmp_path):
    from opendata.publish.pipeline import build

    out_cache = tmp_path / "cache"
    first = build(corpus, cache_dir=out_cache)
    second = build(corpus, cache_dir=out_cache)
    assert first.exit_code == second.exit_code == 0
    assert [u.nt for u in first.publication.letters] == [u.nt for u in second.publication.letters]
    import opendata.publish.pipeline as pipeline

    calls = []
    original = pipeline._build_units
    pipeline._build_units = lambda paths, context, **options: (
        calls.append(len(paths)) or original(paths, context, **options)
    )  # a generator
    try:
        build(corpus, cache_dir=out_cache)
    finally:
        pipeline._build_units = original
    assert calls == [0]


@pytest.mark.parametrize(
    ("changed", "same"),
    [
        ("ingest/extract.py", True),
        ("synth/__init__.py", True),
        ("bench.py", True),
        ("cli.py", True),
        ("serve.py", True),
        ("query/__init__.py", True),
        ("build/graph.py", False),
        ("publish/pipeline.py", False),
        ("outputs/site/pages.py", False),
        ("data", False),
    ],
)
def test_the_cache_keeps_letters_across_changes_of_the_tools_beside_the_pipeline(
    changed, same, tmp_path, monkeypatch
):
    """The cached letters are keyed by the code that shapes them: a change to the ingest, the
    synthetic generator or the commands above the pipeline (which it never imports) keeps them; any
    other code change does not."""
    from opendata.publish import cache

    package = tmp_path / "opendata"
    shutil.copytree(cache.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE_DIR", package)
    before = cache.code_version()
    target = package / changed
    if target.is_dir():
        target = sorted(p for p in target.iterdir() if p.is_file())[0]
    target.write_bytes(target.read_bytes() + b"\n# changed\n")
    assert (cache.code_version() == before) is same
