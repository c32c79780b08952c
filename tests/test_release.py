"""Old builds are removed: the publication and the one before it are kept, nothing more."""

from __future__ import annotations

import shutil
from pathlib import Path

from opendata.publish.switch import builds_dir, verify

from .conftest import run_main

BASE = Path(__file__).resolve().parent / "cases" / "_base"  # small: what matters is the number of builds


def test_at_most_the_current_and_the_previous_build_are_kept(tmp_path):
    datasets = tmp_path / "datasets"
    shutil.copytree(BASE, datasets)
    out = tmp_path / "dist"
    letter = datasets / "letters" / "reactie-leiden.yaml"
    for round_ in range(4):
        letter.write_text(
            letter.read_text(encoding="utf-8").replace("title: ", f"title: ({round_}) ", 1), encoding="utf-8"
        )
        assert (
            run_main("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache").returncode == 0
        )
        builds = [p for p in builds_dir(out).iterdir() if p.is_dir()]
        assert len(builds) <= 2, builds
        assert out.resolve() in {p.resolve() for p in builds}
        assert verify(out) == []
