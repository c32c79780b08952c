"""`opendata ingest` and the dataset it adds to: shared files in any valid list form take the new drafts,
a broken one stops the ingest with its file and line before anything is written, a letter known so far
only from a letter citing it takes the record ingest wrote for it, and the same letter ingested twice
is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from opendata.ingest import SHARED_FILES, ingest
from opendata.synth.render import pdf_bytes, rendered_letters

from .conftest import run_cli


@pytest.fixture(scope="module")
def pair():
    """A synthetic letter (its reference and sender known) and a later letter citing that reference."""
    letters = rendered_letters(80, 1)[1]
    by_reference = {
        letter.truth["our_reference"]: letter
        for letter in letters
        if letter.truth.get("our_reference") and letter.truth.get("sender")
    }
    for citing in letters:
        for cited in citing.truth.get("cites") or []:
            if cited.get("reference") in by_reference:
                return by_reference[cited["reference"]], citing
    raise AssertionError("the synthetic corpus has no letter citing another one's reference")


def _records(into: Path) -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (into / "letters").glob("*.yaml")}


def _text_file(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("form", ["[]\n", "# organisaties, aangevuld door ingest\n[]\n", "", "# leeg\n"])
def test_drafts_are_added_to_a_shared_file_in_any_valid_list_form(tmp_path, into, pair, form):
    for name in ("organisations.yaml", "people.yaml"):
        (into / name).write_text(form, encoding="utf-8")
    letter = _text_file(tmp_path / "in", "a.txt", pair[0].text())
    first = ingest([letter], into)
    assert first.exit_code == 0, first.problems
    for name in ("organisations.yaml", "people.yaml"):
        text = (into / name).read_text(encoding="utf-8")
        drafts = yaml.safe_load(text)
        assert isinstance(drafts, list) and drafts, (name, text)
        assert all(record["status"] == "draft" for record in drafts)
        assert text.startswith(form.split("[]")[0])  # the file's own comments kept
    # the next ingest reads the file it wrote, and adds to it again
    second = ingest([_text_file(tmp_path / "in", "b.txt", pair[1].text())], into)
    assert second.exit_code == 0, second.problems
    assert isinstance(yaml.safe_load((into / "organisations.yaml").read_text(encoding="utf-8")), list)


BROKEN = {
    "syntax": ("- id: a\n  name: [unclosed\n", "yaml-syntax"),
    "mapping": ("id: a\nname: Gemeente A\n", "not-a-list"),
    "tab": ("- id: a\n\tname: b\n", "yaml-syntax"),
}


@pytest.mark.parametrize("name", SHARED_FILES)
@pytest.mark.parametrize("broken", sorted(BROKEN))
def test_a_broken_shared_file_stops_the_ingest_with_its_line_and_writes_nothing(
    tmp_path, into, pair, name, broken
):
    text, code = BROKEN[broken]
    (into / name).write_text(text, encoding="utf-8")
    before = {p: p.read_bytes() for p in sorted(into.rglob("*")) if p.is_file()}
    letter = _text_file(tmp_path / "in", "a.txt", pair[0].text())
    result = run_cli("ingest", str(letter), "--into", str(into), "--format", "json")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], Path(p["location"]["path"]).name) for p in problems] == [(code, name)]
    assert problems[0]["location"]["line"] >= 1
    assert {p: p.read_bytes() for p in sorted(into.rglob("*")) if p.is_file()} == before


def test_a_letter_known_from_a_citation_takes_the_record_written_for_it(tmp_path, into, pair):
    cited, citing = pair
    ingest([_text_file(tmp_path / "in", "citing.txt", citing.text())], into)
    reference = cited.truth["our_reference"]
    stubs = [key for key, r in _records(into).items() if r.get("our_reference") == reference]
    assert len(stubs) == 1 and "text" not in _records(into)[stubs[0]]

    report = ingest([_text_file(tmp_path / "in", "cited.txt", cited.text())], into)
    assert report.exit_code == 0 and not report.problems, report.problems
    records = _records(into)
    letter = records[stubs[0]]  # the same id: the citation and any link to it stay valid
    assert letter["our_reference"] == reference and letter["text"] == f"{stubs[0]}.txt"
    assert letter["title"] and str(letter["date_sent"]) == cited.truth["date_sent"]
    assert len([r for r in records.values() if r.get("our_reference") == reference]) == 1
    assert any(stubs[0] in (r.get("cites") or []) for r in records.values())

    # the same letter again, as a PDF: written, and named as a possible duplicate of the first
    pdf = tmp_path / "in" / "cited.pdf"
    pdf.write_bytes(pdf_bytes(cited))
    again = ingest([pdf], into)
    duplicates = [p for p in again.problems if p.code == "possible-duplicate"]
    assert len(duplicates) == 1 and stubs[0] in duplicates[0].message and again.exit_code == 0
    assert len(_records(into)) == len(records) + 1


def test_a_citation_record_a_person_edited_is_not_taken_over(tmp_path, into, pair):
    cited, citing = pair
    ingest([_text_file(tmp_path / "in", "citing.txt", citing.text())], into)
    reference = cited.truth["our_reference"]
    stub = next(key for key, r in _records(into).items() if r.get("our_reference") == reference)
    path = into / "letters" / f"{stub}.yaml"
    edited = path.read_text(encoding="utf-8").replace("kind: brief", "kind: bijlage", 1)
    assert edited != path.read_text(encoding="utf-8")
    path.write_text(edited, encoding="utf-8")

    report = ingest([_text_file(tmp_path / "in", "cited.txt", cited.text())], into)
    assert path.read_text(encoding="utf-8") == edited
    assert [p.code for p in report.problems] == ["possible-duplicate"]
    assert len([r for r in _records(into).values() if r.get("our_reference") == reference]) == 2


def test_a_letter_of_another_sender_with_the_same_reference_is_neither_merged_nor_named(tmp_path, into, pair):
    cited, citing = pair
    ingest([_text_file(tmp_path / "in", "citing.txt", citing.text())], into)
    reference = cited.truth["our_reference"]
    stub = next(key for key, r in _records(into).items() if r.get("our_reference") == reference)
    path = into / "letters" / f"{stub}.yaml"
    record = _records(into)[stub]
    assert record["sender"]
    # another organisation's letter that happens to carry the same number
    other = next(
        letter
        for letter in rendered_letters(80, 1)[1]
        if letter.truth.get("our_reference")
        and letter.truth.get("sender") not in (None, cited.truth["sender"])
    )
    text = other.text().replace(other.truth["our_reference"], reference)
    report = ingest([_text_file(tmp_path / "in", "other.txt", text)], into)
    assert report.exit_code == 0 and "possible-duplicate" not in [p.code for p in report.problems]
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == record  # the citation's record untouched


DAMAGED_LEDGERS = {
    "not JSON": ("{broken", 1),
    "cut short": ('{"issued": ["a", "b"', 1),
    "ids not a list": ('{"issued": 5}', 0),
    "sources not a mapping": ('{"sources": ["a"]}', 0),
    "a digest not a text": ('{"written": {"letters/a.yaml": 7}}', 0),
    "not an object": ("[]", 0),
}


@pytest.mark.parametrize("damage", sorted(DAMAGED_LEDGERS))
def test_a_damaged_ledger_stops_the_ingest_before_anything_is_written(tmp_path, into, pair, damage):
    """The ledger says which ids were issued and which records a person edited: without it ingest
    could reuse an id or overwrite an edit, so it stops, naming the file."""
    text, line = DAMAGED_LEDGERS[damage]
    (into / ".opendata-ingest.json").write_text(text, encoding="utf-8")
    before = {p: p.read_bytes() for p in sorted(into.rglob("*")) if p.is_file()}
    letter = _text_file(tmp_path / "in", "a.txt", pair[0].text())
    result = run_cli("ingest", str(letter), "--into", str(into), "--format", "json")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], Path(p["location"]["path"]).name) for p in problems] == [
        ("ingest-ledger-unreadable", ".opendata-ingest.json")
    ]
    assert problems[0]["location"]["line"] == line
    assert {p: p.read_bytes() for p in sorted(into.rglob("*")) if p.is_file()} == before


def test_files_inside_the_datasets_folder_are_not_ingested_again(tmp_path, into, pair):
    """`opendata ingest . --into datasets` from a project's root must not draft the letters' own texts."""
    project = into.parent
    letters = _text_file(project / "post", "a.txt", pair[0].text()).parent
    first = ingest([letters], into)
    assert first.exit_code == 0 and len(first.written) >= 1, first.problems
    before = {p: p.read_bytes() for p in sorted(into.rglob("*")) if p.is_file()}
    again = ingest([project], into)  # the letters' folder and the datasets folder beside it
    assert [p.code for p in again.problems] == ["input-in-datasets"]
    assert again.files == 1 and again.written == []
    assert {p: p.read_bytes() for p in sorted(into.rglob("*")) if p.is_file()} == before
