"""A publish after a one-letter change writes anew only the site files that show that letter; every
other resource file is hard-linked from the previous build, and the result equals a build from scratch."""

from __future__ import annotations

import os
from pathlib import Path

from opendata.publish import switch as release
from tests.conftest import run_cli

LETTER = "reactie-leidse-regio-2019-06-11"
RESOURCE_EXTENSIONS = (".html", ".ttl", ".jsonld", ".nt")


def _publish(datasets: Path, out: Path, cache: Path) -> Path:
    result = run_cli("publish", "--datasets", str(datasets), "--out", str(out), "--cache", str(cache))
    assert result.returncode == 0, result.stderr
    return out.resolve()


def _resource_files(build: Path) -> dict[str, Path]:
    """The resources' pages and descriptions (doc/{type}/...), not indexes, pictures, search or static files."""
    doc = build / "doc"
    return {
        p.relative_to(build).as_posix(): p
        for p in doc.glob("*/**/*")
        if p.is_file()
        and p.name.endswith(RESOURCE_EXTENSIONS)
        and p.relative_to(doc).parts[0] not in ("overzicht", "pagefind", "static")
    }


def _site(build: Path) -> dict[str, bytes]:
    """The website's files (the validation report differs: a second publish of one version warns)."""
    return {
        p.relative_to(build).as_posix(): p.read_bytes()
        for folder in ("doc", "webserver")
        for p in (build / folder).rglob("*")
        if p.is_file()
    }


def test_a_one_letter_change_writes_only_the_pages_that_show_that_letter(datasets_copy, tmp_path):
    out, cache = tmp_path / "dist", tmp_path / "cache"
    old = _publish(datasets_copy, out, cache)
    old_files = _resource_files(old)
    old_inodes = {name: os.stat(path).st_ino for name, path in old_files.items()}
    letter = datasets_copy / "letters" / f"{LETTER}.yaml"
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8"
    )

    new = _publish(datasets_copy, out, cache)
    assert new != old
    new_files = _resource_files(new)
    written = sorted(name for name, path in new_files.items() if os.stat(path).st_ino != old_inodes.get(name))
    changed = sorted(
        name
        for name, path in new_files.items()
        if name not in old_files or path.read_bytes() != old_files[name].read_bytes()
    )
    assert written == changed  # every unchanged file is a link, every changed one written
    assert written, "the changed letter's own page must be written anew"
    assert any(LETTER in name for name in written)
    assert all(
        "(gewijzigd)" in new_files[name].read_text(encoding="utf-8")
        for name in written
        if name.endswith(".html")
    )
    print(f"{len(written)} of {len(new_files)} resource files written anew")
    assert len(written) < len(new_files) // 5, f"{len(written)} of {len(new_files)} files written anew"
    assert release.verify(out) == [] and release.verify(old) == []

    scratch = _publish(datasets_copy, tmp_path / "scratch", tmp_path / "cache-scratch")
    assert _site(new) == _site(scratch)
