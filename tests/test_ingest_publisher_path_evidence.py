"""A person who corrects a draft's value and leaves the evidence ingest gave is told that the evidence
now says another value (issue 13: a person reviews drafts; the published facts say where each value was
read). Found by reviewing a draft of the development set by hand: its date sent corrected from
2014-10-03 to 2014-10-02, it published the passage '3 oktober 2014' as the source of 2014-10-02, and
validate said nothing."""

from __future__ import annotations

import yaml

from opendata.checks.records import _dates_in
from opendata.ingest import drafts, ingest
from opendata.publish.pipeline import build

from .conftest import DATASETS
from .test_ingest_publisher_path import _ANOTHER, _folder


def _reviewed(tmp_path, into, **changes) -> tuple[str, dict]:
    [letter] = ingest([_folder(tmp_path, b=_ANOTHER)], into, jobs=1).written
    path = into / "letters" / f"{letter}.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record.pop("status")
    record.update(changes)
    path.write_text(drafts.dump_yaml(record), encoding="utf-8")
    for seed in (DATASETS / "letters").iterdir():  # the seed's shared records name its letters
        (into / "letters" / seed.name).write_bytes(seed.read_bytes())
    return letter, record


def _disagreeing(into):
    return [p for p in build(into).problems if p.code == "evidence-disagrees"]


def test_a_corrected_date_and_reference_with_the_drafts_evidence_are_named(tmp_path, into):
    letter, record = _reviewed(tmp_path, into, date_sent="2021-04-13", our_reference="LEI-2021-0578")
    assert record["sources"]["date_sent"]["quote"] == "12 april 2021"
    problems = _disagreeing(into)
    assert sorted(p.field for p in problems) == ["sources.date_sent.quote", "sources.our_reference.quote"]
    for problem in problems:
        assert problem.severity == "warning" and problem.location.path == f"letters/{letter}.yaml"
        assert problem.location.line > 0 and "editorial" in problem.hint
    assert "2021-04-13" in problems[0].message and "12 april 2021" in problems[0].message

    # the evidence fixed: the passage replaced by a note, and the reference's quote by the right passage
    record["sources"]["date_sent"] = {"editorial": "Verzonden een dag na de datum in de brief (poststempel)."}
    record["our_reference"] = "LEI-2021-0577"
    (into / "letters" / f"{letter}.yaml").write_text(drafts.dump_yaml(record), encoding="utf-8")
    assert _disagreeing(into) == []


def test_the_drafts_own_evidence_agrees(tmp_path, into):
    _reviewed(tmp_path, into)
    assert _disagreeing(into) == []


def test_the_dates_a_quote_writes():
    assert _dates_in("Datum: 3 oktober 2014") == {"2014-10-03"}
    assert _dates_in("=7 FEB, 2019 |") == {"2019-02-07"}
    assert _dates_in("Op 24januari 2019 ontvingen wij uw brief") == {"2019-01-24"}
    assert _dates_in("Amsterdam, 20-8-2019") == {"2019-08-20"}
    assert _dates_in("in de maand juni 2019") == set()  # no whole date: not judged
    assert _dates_in("31 februari 2019") == set()
