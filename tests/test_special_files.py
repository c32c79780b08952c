"""Links and special files in datasets/ are reported, never followed out of the folder, never opened blocking.

Every variant must end (the FIFO used to hang publish forever while it held the lock) with exit 1 and a
problem naming the file and its code, and the outside file's content must reach no output.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from opendata.sources.reading import MAX_TEXT_BYTES, read_regular_file

from .conftest import run_cli, run_main

BASE = Path(__file__).resolve().parent / "cases" / "_base"
TEXT = "letters/brief-gs.txt"


def _link(target: str):
    def make(datasets: Path) -> None:
        (datasets / TEXT).unlink()
        (datasets / TEXT).symlink_to(target)

    return make


def _outside_file(datasets: Path) -> None:
    secret = datasets.parent / "secret.txt"
    secret.write_text("GEHEIM buiten de bronmap\n", encoding="utf-8")
    _link(str(secret))(datasets)


def _fifo(datasets: Path) -> None:
    (datasets / TEXT).unlink()
    os.mkfifo(datasets / TEXT)


def _fifo_record(datasets: Path) -> None:
    (datasets / "people.yaml").unlink()
    os.mkfifo(datasets / "people.yaml")


def _linked_letters_folder(datasets: Path) -> None:
    outside = datasets.parent / "letters-elsewhere"
    shutil.move(datasets / "letters", outside)
    (datasets / "letters").symlink_to(outside, target_is_directory=True)


VARIANTS = {  # name -> (how to break the dataset, a file the problem names, its code)
    "link to /etc/passwd": (_link("/etc/passwd"), TEXT, "file-outside"),
    "link to a file outside": (_outside_file, TEXT, "file-outside"),
    "link to /dev/zero": (_link("/dev/zero"), TEXT, "file-outside"),
    "link to a /proc file": (_link("/proc/self/environ"), TEXT, "file-outside"),
    "FIFO as a text": (_fifo, TEXT, "special-file"),
    "FIFO as a record file": (_fifo_record, "people.yaml", "special-file"),
    "linked letters folder": (_linked_letters_folder, "letters/brief-gs.yaml", "file-outside"),
}
# read, these would block or never end: their publish runs in a process of its own, stopped if it hangs
MIGHT_HANG = {"link to /dev/zero", "FIFO as a text", "FIFO as a record file"}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_special_sources_are_reported_not_read(tmp_path, variant):
    make, path, code = VARIANTS[variant]
    datasets = tmp_path / "datasets"
    shutil.copytree(BASE, datasets)
    make(datasets)
    args = (
        "publish",
        "--datasets",
        str(datasets),
        "--out",
        str(tmp_path / "dist"),
        "--cache",
        str(tmp_path / "cache"),
        "--format",
        "json",
    )
    result = run_cli(*args, timeout=120) if variant in MIGHT_HANG else run_main(*args)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert any(p["code"] == code and p["location"]["path"] == path for p in problems), problems
    assert not (tmp_path / "dist").exists()


def test_a_link_inside_the_folder_is_read(tmp_path):
    datasets = tmp_path / "datasets"
    shutil.copytree(BASE, datasets)
    (datasets / TEXT).rename(datasets / "kopie.txt")
    (datasets / TEXT).symlink_to("../kopie.txt")
    result = run_main("validate", "--datasets", str(datasets), "--no-cache")
    assert result.returncode == 0, result.stderr


def test_every_read_is_bounded_whatever_size_the_file_reports(tmp_path):
    """/proc files report size 0; the read stops at the limit all the same."""
    problems: list = []
    raw = read_regular_file(Path("/proc/self/status"), "status", problems, "text file", 10)
    assert raw is None and problems[0].code == "file-too-large", problems  # reports size 0, holds more
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (MAX_TEXT_BYTES + 10))
    problems = []
    assert read_regular_file(big, "big.txt", problems, "text file", MAX_TEXT_BYTES) is None
    assert problems[0].code == "file-too-large"
