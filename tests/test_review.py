"""`opendata review`: drafts with their low-confidence fields, where they stand and their evidence."""

from __future__ import annotations

import shutil

from opendata.ingest import ingest
from opendata.synth.render import rendered_letters

from .conftest import DATASETS, run_cli


def test_review_lists_low_confidence_fields_with_file_line_and_evidence(tmp_path):
    into = tmp_path / "datasets"
    shutil.copytree(DATASETS, into)
    folder = tmp_path / "in"
    folder.mkdir()
    _, letters = rendered_letters(3, 5)
    for letter in letters:
        (folder / f"{letter.id}.txt").write_text(letter.text(), encoding="utf-8")
    report = ingest([folder], into)
    assert report.letters == 3
    everything = run_cli("review", "--datasets", str(into), "--threshold", "1.01")
    assert everything.returncode == 0, everything.stderr
    lines = everything.stdout.splitlines()
    assert lines[-1].startswith(f"{len(report.written)}") or "draft records" in lines[-1]
    evidence = [line for line in lines if line.strip().startswith("evidence letters/")]
    assert evidence and all(".txt:" in line for line in evidence)
    first = next(line for line in lines if line.startswith("letters/"))
    path, line_number = first.split(":")[:2]
    source = (into / path).read_text(encoding="utf-8").splitlines()
    field = first.split(" = ")[0].split()[-1]
    assert source[int(line_number) - 1].lstrip("- ").startswith(("unknown", field)), (
        first,
        source[int(line_number) - 1],
    )
    nothing = run_cli("review", "--datasets", str(into), "--threshold", "0")
    assert "evidence letters/" not in nothing.stdout
    curated = run_cli("review", "--datasets", str(DATASETS))
    assert curated.stdout.strip().endswith(
        "0 draft records; 0 fields to check (confidence below 0.8 or unknown)"
    )
