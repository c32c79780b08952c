"""Issue 13, the publisher's error: a reviewed letter that names a record which exists only as a draft,
in a publication that leaves drafts out, is told that the record is an unpublished draft, where the
draft is and what to do, not that the record is unknown."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .conftest import DATASETS, run_main, with_drafts

LETTER = "letters/gs-zuid-holland-2019-01-24-samenwerking-leidse-regio.yaml"
# A draft shared record as ingest adds it, written for the test.
DRAFT = """- id: concept-gs-zuid-holland
  status: draft
  extracted_by: opendata-ingest 0.1.0
  name: Gedeputeerde Staten van Zuid-Holland
  kind: gedeputeerde-staten
  part_of: pv28
  sources:
    name: {editorial: "Voor de test geschreven."}
    part_of: {register: tooi}
"""


def _naming_a_draft(target: Path, include_drafts: bool = False) -> tuple[Path, int]:
    """The example datasets with a draft organisation whose reviewed letter names it as its sender;
    and the draft's line in organisations.yaml."""
    shutil.copytree(DATASETS, target)
    organisations = target / "organisations.yaml"
    before = organisations.read_text(encoding="utf-8")
    organisations.write_text(before + DRAFT, encoding="utf-8")
    letter = target / LETTER
    written = letter.read_text(encoding="utf-8")
    assert "\nsender: gs-pv28\n" in written
    letter.write_text(written.replace("\nsender: gs-pv28\n", "\nsender: concept-gs-zuid-holland\n"), "utf-8")
    if include_drafts:
        with_drafts(target)
    return target, before.count("\n") + 1


def _problems(datasets: Path) -> list[dict]:
    result = run_main("validate", "--datasets", str(datasets), "--format", "json", "--no-cache")
    return json.loads(result.stdout)["problems"]


def test_a_reference_to_an_unpublished_draft_says_it_is_a_draft_where_it_is_and_what_to_do(tmp_path):
    datasets, line = _naming_a_draft(tmp_path / "datasets")
    problems = [p for p in _problems(datasets) if p["code"] in ("unknown-reference", "reference-to-draft")]
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem["code"] == "reference-to-draft" and problem["severity"] == "error"
    assert problem["location"]["path"] == LETTER
    assert problem["field"] == "sender"
    assert "unknown" not in problem["message"]
    assert "'concept-gs-zuid-holland', a draft" in problem["message"]
    assert f"organisations.yaml:{line}:" in problem["message"]
    assert "not published" in problem["message"]
    assert f"organisations.yaml:{line}:" in problem["hint"]
    assert "status: draft" in problem["hint"] and "include_drafts: true" in problem["hint"]


def test_with_drafts_published_the_reference_holds(tmp_path):
    datasets, _ = _naming_a_draft(tmp_path / "datasets", include_drafts=True)
    codes = {p["code"] for p in _problems(datasets)}
    assert not codes & {"unknown-reference", "reference-to-draft"}, codes
