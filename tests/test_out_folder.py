"""`publish --out` never destroys what opendata did not make.

An --out that exists and is not an opendata publication (marker + manifest), or that is, holds or lies
inside the datasets folder (links resolved), is refused with exit 2 before anything is written; old
builds are removed only when they carry opendata's marker.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from opendata.publish.switch import MARKER, builds_dir, verify

from .conftest import run_cli, run_main

BASE = Path(__file__).resolve().parent / "cases" / "_base"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _publish(datasets: Path, out: Path | str, cwd: Path | None = None):
    """In this process; in a process of its own when it must run in another working directory."""
    args = ("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache")
    return run_cli(*args, cwd=cwd) if cwd else run_main(*args)


@pytest.fixture
def datasets(tmp_path) -> Path:
    target = tmp_path / "ds"
    shutil.copytree(BASE, target)
    return target


def _refused(result) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "out-refused" in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_a_folder_with_other_files_is_refused_and_kept(tmp_path, datasets):
    www = tmp_path / "www"
    (www / "sub").mkdir(parents=True)
    (www / "index.html").write_text("my own site", encoding="utf-8")
    (www / "sub" / "photo.jpg").write_bytes(b"\xff\xd8")
    before = _tree(www)
    _refused(_publish(datasets, www))
    _refused(_publish(datasets, www))  # twice: the second run used to delete what the first moved aside
    assert _tree(www) == before and not www.is_symlink()
    assert not builds_dir(www).exists()


@pytest.mark.parametrize(
    "where", ["the datasets folder", "inside it", "a link to it", "its parent", "a link inside it"]
)
def test_the_datasets_folder_is_never_an_out(tmp_path, datasets, where):
    before = _tree(datasets)
    if where == "the datasets folder":
        out = datasets
    elif where == "inside it":
        out = datasets / "dist"
    elif where == "a link to it":
        out = tmp_path / "link"
        out.symlink_to(datasets)
    elif where == "its parent":
        out = tmp_path
    else:
        (tmp_path / "elsewhere").symlink_to(datasets, target_is_directory=True)
        out = tmp_path / "elsewhere" / "dist"
    _refused(_publish(datasets, out))
    assert _tree(datasets) == before


def test_out_dot_is_refused(tmp_path, datasets):
    work = tmp_path / "work"
    work.mkdir()
    (work / "notes.txt").write_text("mine", encoding="utf-8")
    _refused(_publish(datasets, ".", cwd=work))
    assert _tree(work) == {"notes.txt": b"mine"}


def test_a_file_and_a_foreign_link_are_refused(tmp_path, datasets):
    file_out = tmp_path / "out.txt"
    file_out.write_text("keep", encoding="utf-8")
    _refused(_publish(datasets, file_out))
    assert file_out.read_text(encoding="utf-8") == "keep"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("a", encoding="utf-8")
    link = tmp_path / "dist-link"
    link.symlink_to(elsewhere)
    _refused(_publish(datasets, link))
    assert os.readlink(link) == str(elsewhere) and _tree(elsewhere) == {"a.txt": b"a"}


def test_a_new_or_empty_folder_and_its_own_publication_are_accepted(tmp_path, datasets):
    out = tmp_path / "dist"
    assert _publish(datasets, out).returncode == 0
    assert (out / MARKER).is_file() and verify(out) == []
    assert _publish(datasets, out).returncode == 0  # republishing over its own publication
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _publish(datasets, empty).returncode == 0 and empty.is_symlink()


def test_only_marked_builds_are_pruned(tmp_path, datasets):
    out = tmp_path / "dist"
    assert _publish(datasets, out).returncode == 0
    stranger = builds_dir(out) / "not-a-build"
    stranger.mkdir()
    (stranger / "precious.txt").write_text("keep me", encoding="utf-8")
    title = datasets / "letters" / "brief-gs.yaml"
    for round_ in range(3):
        title.write_text(
            title.read_text(encoding="utf-8").replace("title: ", f"title: {round_} ", 1), encoding="utf-8"
        )
        assert _publish(datasets, out).returncode == 0
    assert (stranger / "precious.txt").read_text(encoding="utf-8") == "keep me"
    marked = [p for p in builds_dir(out).iterdir() if (p / MARKER).exists()]
    assert len(marked) <= 2 and verify(out) == []
