"""A person reviewing a draft marks it reviewed; the message for a mark the model does not know tells
them how (issue 13: bad input gets a clear error). The model has one status, 'draft'; a reviewed record
has none. A person who wrote 'status: reviewed' (or 'gecontroleerd', or left the value empty) was told
'allowed: draft', which, followed, marks the record a draft again (found reviewing drafts of the
development set by hand)."""

from __future__ import annotations

import pytest

from opendata.publish.pipeline import build

from .test_drafts_publish import DRAFT, _with_draft


@pytest.mark.parametrize("mark", ["reviewed", "gecontroleerd", "''", ""])
def test_a_status_a_person_wrote_to_mark_a_review_is_explained(tmp_path, mark):
    datasets = _with_draft(tmp_path / "datasets", True)
    for path in (datasets / "letters" / f"{DRAFT}.yaml", datasets / "organisations.yaml"):
        text = path.read_text(encoding="utf-8")
        assert "status: draft\n" in text
        path.write_text(text.replace("status: draft\n", f"status: {mark}\n"), encoding="utf-8")
    problems = [p for p in build(datasets).problems if p.code == "invalid-value" and p.field == "status"]
    assert {p.location.path for p in problems} == {f"letters/{DRAFT}.yaml", "organisations.yaml"}
    for problem in problems:
        assert "remove the line" in problem.hint, problem.hint
        assert "allowed: draft" not in problem.hint


def test_a_status_written_in_capitals_is_still_offered_as_draft(tmp_path):
    datasets = _with_draft(tmp_path / "datasets", True)
    path = datasets / "letters" / f"{DRAFT}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: draft", "status: Draft"), encoding="utf-8"
    )
    [problem] = [p for p in build(datasets).problems if p.code == "invalid-value"]
    assert "did you mean 'draft'" in problem.hint and "remove the line" in problem.hint
