"""A letter's source changes and ingest drafts it again (issue 13: a draft follows its source; what a
person did stays done).

Found by changing a drafted letter's source text and ingesting it again: the letter's record and text
were drafted anew, but the draft organisations and people made from it the first time (kept in the
shared files, named by the new draft too) kept their evidence offsets into the old text, so a publish
with drafts failed on evidence-mismatch errors in records the person never touched. And the draft of a
letter known only because this one cites it, which the person had deleted, came back under a new id.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from opendata.ingest import ingest
from opendata.publish.pipeline import build

from .conftest import with_drafts

# A college answers the province; its signers and the college itself are drafted as shared records.
_ANSWER = """Gedeputeerde Staten van Overijssel
Postbus 10078
8000 GB Zwolle

Datum 3 maart 2022
Ons kenmerk ZW-2022-0042
Uw kenmerk OV-2022-0777
Onderwerp Reactie op uw brief over de N340

Geacht college,

In uw brief van 14 februari 2022, kenmerk OV-2022-0777, vraagt u ons om een reactie op de plannen voor
de N340. Wij reageren graag.

Hoogachtend,

Burgemeester en wethouders van Zwolle,
de secretaris, de burgemeester,
A.B. Jansen P.Q. de Boer
"""
_LONGER = _ANSWER.replace("Wij reageren graag.", "Wij reageren graag, en zo snel als wij kunnen.")


def _ingested(tmp_path: Path, into: Path, text: str) -> tuple[Path, str]:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "antwoord.txt").write_text(text, encoding="utf-8")
    report = ingest([folder], into, jobs=1)
    assert not [p for p in report.problems if p.severity == "error"], report.problems
    return folder, next(letter for letter in report.written if "n340" in letter)


def _shared_evidence(into: Path, letter: str) -> list[dict]:
    found = []
    for name in ("organisations.yaml", "people.yaml"):
        for record in yaml.safe_load((into / name).read_text(encoding="utf-8")) or []:
            for entry in (record.get("sources") or {}).values():
                if isinstance(entry, dict) and entry.get("letter") == letter:
                    found.append({"record": record["id"], "status": record.get("status"), **entry})
    return found


def _mismatches(into: Path) -> list:
    """Evidence that does not stand at its offsets (the seed's letters are not in `into`: the seed's
    shared records' evidence names letters that are not there, which is no concern here)."""
    return [p for p in build(into).problems if p.code == "evidence-mismatch"]


def test_a_changed_source_moves_the_evidence_of_the_shared_drafts_with_it(tmp_path, into):
    with_drafts(into)
    _folder, letter = _ingested(tmp_path, into, _ANSWER)
    before = _shared_evidence(into, letter)
    assert before, "the college and its signers are drafted from this letter"

    (tmp_path / "in" / "antwoord.txt").write_text(_LONGER, encoding="utf-8")
    again = ingest([tmp_path / "in"], into, jobs=1)
    assert letter in again.written

    text = (into / "letters" / f"{letter}.txt").read_text(encoding="utf-8")
    after = _shared_evidence(into, letter)
    assert [e["record"] for e in after] == [e["record"] for e in before]
    for entry in after:
        assert text[entry["start"] : entry["end"]] == entry["quote"], entry
    assert any(a["start"] != b["start"] for a, b in zip(after, before, strict=True))  # they did move
    assert _mismatches(into) == []


def test_a_reviewed_shared_records_evidence_is_left_as_the_person_left_it(tmp_path, into):
    _folder, letter = _ingested(tmp_path, into, _ANSWER)
    people = (into / "people.yaml").read_text(encoding="utf-8")
    reviewed = re.sub(r"^[ \t]*status: draft\n", "", people, count=1, flags=re.M)  # the first draft person
    assert reviewed != people
    (into / "people.yaml").write_text(reviewed, encoding="utf-8")
    kept = [e for e in _shared_evidence(into, letter) if e["status"] is None]

    (tmp_path / "in" / "antwoord.txt").write_text(_LONGER, encoding="utf-8")
    ingest([tmp_path / "in"], into, jobs=1)
    assert [e for e in _shared_evidence(into, letter) if e["status"] is None] == kept


def test_a_deleted_draft_of_a_cited_letter_is_not_drafted_again_when_its_citer_is(tmp_path, into):
    _folder, letter = _ingested(tmp_path, into, _ANSWER)
    record = yaml.safe_load((into / "letters" / f"{letter}.yaml").read_text(encoding="utf-8"))
    [cited] = record["cites"]  # the province's letter, known only by its reference
    (into / "letters" / f"{cited}.yaml").unlink()  # the person deleted it

    (tmp_path / "in" / "antwoord.txt").write_text(_LONGER, encoding="utf-8")
    again = ingest([tmp_path / "in"], into, jobs=1)
    assert letter in again.written
    letters = sorted(p.name for p in (into / "letters").glob("*.yaml"))
    assert letters == [f"{letter}.yaml"], letters
    assert "cites" not in yaml.safe_load((into / "letters" / f"{letter}.yaml").read_text(encoding="utf-8"))


def test_a_quote_the_new_text_no_longer_holds_is_left_for_validate_to_name(tmp_path, into):
    with_drafts(into)
    _folder, letter = _ingested(tmp_path, into, _ANSWER)
    before = {e["quote"]: e for e in _shared_evidence(into, letter)}
    assert "P.Q. de Boer" in before

    # the new text corrects the burgemeester's initials: the draft person's quote stands nowhere in it
    (tmp_path / "in" / "antwoord.txt").write_text(
        _LONGER.replace("P.Q. de Boer", "P.R. de Boer"), encoding="utf-8"
    )
    ingest([tmp_path / "in"], into, jobs=1)
    after = {e["quote"]: e for e in _shared_evidence(into, letter)}
    assert after["P.Q. de Boer"] == before["P.Q. de Boer"]  # not moved to a guess
    assert [p.field for p in _mismatches(into) if "people" in str(p.location)] == ["sources.name.start"]
