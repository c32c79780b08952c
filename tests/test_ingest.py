"""`opendata ingest`: files in, draft records out; bad input gives problems; re-runs change nothing;
reviewed records are never overwritten. Everything runs for real (PDF libraries, Tesseract)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from opendata.ingest import ingest
from opendata.ingest.read import read_document
from opendata.synth.render import docx_bytes, pdf_bytes, rendered_letters, scan_bytes

from .conftest import DATASETS, ROOT, SEED, run_cli, with_drafts


@pytest.fixture(scope="module")
def letters():
    return rendered_letters(8, 3)[1]


def _problems(folder: Path, name: str, data: bytes) -> list[str]:
    path = folder / name
    path.write_bytes(data)
    problems = []
    result = read_document(path, name, problems)
    assert result.text is None
    return [p.code for p in problems]


def _pdf_with(pages: int, encrypt: str | None = None) -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption(encrypt) if encrypt else None)
    for number in range(pages):
        pdf.drawString(100, 700, f"Geachte heer, mevrouw, dit is pagina {number} van een lang rapport.")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_bad_pdfs_each_give_their_problem(tmp_path):
    assert _problems(tmp_path, "encrypted.pdf", _pdf_with(1, encrypt="geheim")) == ["pdf-encrypted"]
    assert _problems(tmp_path, "corrupt.pdf", b"%PDF-1.4\n1 0 obj <</Type /Catalog>> garbage\n%%EOF\n") == [
        "pdf-corrupt"
    ]
    assert _problems(tmp_path, "report.pdf", _pdf_with(500)) == ["pdf-too-long"]
    import pypdfium2 as pdfium

    zero = io.BytesIO()
    pdfium.PdfDocument.new().save(zero)
    assert _problems(tmp_path, "zero.pdf", zero.getvalue()) == ["pdf-no-pages"]


def test_image_without_text_is_a_problem(tmp_path):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (800, 1100), 255).save(buffer, format="PNG")
    assert _problems(tmp_path, "blank.png", buffer.getvalue()) == ["no-text"]


def test_word_file_with_tracked_changes_is_refused(tmp_path, letters):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(docx_bytes(letters[0])))
    paragraph = document.paragraphs[-1]._p
    inserted = OxmlElement("w:ins")
    inserted.set(qn("w:id"), "1")
    inserted.set(qn("w:author"), "redactie")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "toegevoegd"
    run.append(text)
    inserted.append(run)
    paragraph.append(inserted)
    buffer = io.BytesIO()
    document.save(buffer)
    assert _problems(tmp_path, "changed.docx", buffer.getvalue()) == ["docx-tracked-changes"]
    assert _problems(tmp_path, "broken.docx", b"PK\x03\x04 not really a zip") == ["docx-corrupt"]


def test_word_and_pdf_give_the_letter_in_reading_order(tmp_path, letters):
    """The side column, address window and letterhead come out in reading order (pdfminer.six)."""
    import random

    letter = letters[1]
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(pdf_bytes(letter, random.Random(5)))  # header blocks stored shuffled
    word = tmp_path / "letter.docx"
    word.write_bytes(docx_bytes(letter))
    for path in (pdf, word):
        problems = []
        text = read_document(path, path.name, problems).text
        assert problems == [] and text
        flat = " ".join(text.split())
        positions = [flat.find(" ".join(block.lines[0].split())) for block in letter.header]
        assert -1 not in positions, (path.name, positions)
        assert letter.truth["subject"] in flat
        if path is pdf:
            assert positions.index(min(positions)) == 0  # the letterhead first


def test_text_files_in_legacy_encodings_are_read(tmp_path, letters):
    text = letters[0].text()
    (tmp_path / "latin.txt").write_bytes(text.replace("Geacht", "Geächt").encode("cp1252"))
    problems = []
    result = read_document(tmp_path / "latin.txt", "latin.txt", problems)
    assert "Geächt" in result.text and [p.code for p in problems] == ["encoding"]
    (tmp_path / "scanner.txt").write_bytes(
        text.replace("\n", "\r\n", 3).replace("Geacht", "\x0cGeacht").encode()
    )
    result = read_document(tmp_path / "scanner.txt", "scanner.txt", [])
    assert "\r" not in result.text and "\x0c" not in result.text and " Geacht" in result.text


def test_ocr_reads_a_rendered_scan(tmp_path, letters):
    """A scanned-looking PDF (no text layer) is OCR'd by the real Tesseract with its Dutch model."""
    import random

    letter = letters[2]
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan_bytes(pdf_bytes(letter), random.Random(1)))
    problems = []
    result = read_document(path, "scan.pdf", problems)
    assert problems == [] and result.method == "pdf-ocr" and result.ocr_pages == result.pages >= 1
    flat = " ".join(result.text.split())
    assert "Geacht" in flat and letter.truth["subject"].split()[0] in flat
    assert letter.truth["signatories"][0]["name"].split()[-1] in flat


def test_missing_tesseract_names_the_package_and_other_files_still_ingest(tmp_path, into, letters):
    scan = tmp_path / "in" / "scan.pdf"
    scan.parent.mkdir()
    scan.write_bytes(scan_bytes(pdf_bytes(letters[2]), __import__("random").Random(1)))
    (tmp_path / "in" / "letter.txt").write_text(letters[3].text(), encoding="utf-8")
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # python, but no tesseract
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "opendata",
            "ingest",
            str(tmp_path / "in"),
            "--into",
            str(into),
            "--jobs",
            "1",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 1, result.stderr
    assert "ocr-unavailable" in result.stderr and "tesseract-ocr-nld" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(list((into / "letters").glob("*.yaml"))) >= 1  # the text letter was ingested


def test_bad_files_do_not_stop_the_others_and_nothing_is_half_written(tmp_path, into, letters):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "encrypted.pdf").write_bytes(_pdf_with(1, encrypt="geheim"))
    (folder / "notes.txt").write_text(
        "boodschappen: melk, brood, kaas, appels en nog wat eieren\n", encoding="utf-8"
    )
    (folder / "letter.pdf").write_bytes(pdf_bytes(letters[0]))
    result = run_cli("ingest", str(folder), "--into", str(into), "--format", "json")
    assert result.returncode == 1, result.stderr
    codes = {
        (p["location"]["path"].rsplit("/", 1)[-1], p["code"]) for p in json.loads(result.stdout)["problems"]
    }
    assert ("encrypted.pdf", "pdf-encrypted") in codes and ("notes.txt", "not-a-letter") in codes
    written = sorted((into / "letters").glob("*.yaml"))
    assert len(written) == 1
    assert not [p for p in into.rglob("*") if p.name.endswith(".tmp")]
    record = yaml.safe_load(written[0].read_text(encoding="utf-8"))
    assert record["status"] == "draft" and record["extracted_by"].startswith("opendata-ingest ")
    text = (into / "letters" / record["text"]).read_text(encoding="utf-8")
    for name, source in record["sources"].items():
        for entry in source if isinstance(source, list) else [source]:
            if "start" in entry:
                assert text[entry["start"] : entry["end"]] == entry["quote"], name


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("ingest", str(tmp_path), "--into", str(tmp_path / "nowhere")).returncode == 2
    assert run_cli("ingest", "--into", str(tmp_path)).returncode == 2


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rerun_is_a_no_op_and_reviewed_records_are_kept(tmp_path, into, letters):
    folder = tmp_path / "in"
    folder.mkdir()
    for letter in letters[:4]:
        (folder / f"{letter.id}.txt").write_text(letter.text(), encoding="utf-8")
    first = ingest([folder], into, jobs=2)
    assert first.letters == 4 and len(first.written) >= 4, first.problems
    before = _snapshot(into)
    second = ingest([folder], into, jobs=1)
    assert second.written == [] and len(second.unchanged) == 4
    assert _snapshot(into) == before  # byte for byte, the ledger included
    ids = sorted(p.stem for p in (into / "letters").glob("*.yaml"))
    assert len(ids) == len(set(ids))

    # A person edits one draft and reviews another; a changed source must not overwrite either.
    edited, reviewed_path = (
        (into / "letters" / f"{first.written[0]}.yaml"),
        (into / "letters" / f"{first.written[1]}.yaml"),
    )
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("kind: brief", "kind: bijlage"), encoding="utf-8"
    )
    record = yaml.safe_load(reviewed_path.read_text(encoding="utf-8"))
    reviewed_path.write_text(
        reviewed_path.read_text(encoding="utf-8").replace("status: draft\n", ""), encoding="utf-8"
    )
    kept = {p: p.read_bytes() for p in (edited, reviewed_path)}
    for letter in letters[:2]:
        path = folder / f"{letter.id}.txt"
        path.write_text(
            path.read_text(encoding="utf-8").replace(letter.truth["subject"], "Een ander onderwerp"),
            encoding="utf-8",
        )
    third = ingest([folder], into, jobs=1)
    assert {p: p.read_bytes() for p in kept} == kept
    warnings = [p for p in third.problems if p.code == "reviewed-record-kept"]
    assert len(warnings) == 2 and all("Een ander onderwerp" in p.message for p in warnings)
    assert record["id"] in {p.stem for p in (into / "letters").glob("*.yaml")}


def test_ids_are_readable_and_never_reused(tmp_path, into, letters):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(letters[0].text(), encoding="utf-8")
    ingest([folder], into)
    first = sorted(p.stem for p in (into / "letters").glob("*.yaml"))
    assert len(first) == 1 and letters[0].truth["date_sent"] in first[0]
    for path in (into / "letters").glob(f"{first[0]}.*"):
        path.unlink()  # deleted by a person
    (folder / "a.txt").write_text(letters[0].text() + "\nP.S. Een nieuwe versie.\n", encoding="utf-8")
    ingest([folder], into)
    second = sorted(p.stem for p in (into / "letters").glob("*.yaml"))
    assert len(second) == 1 and second[0] != first[0]


def test_the_seed_splits_into_its_two_letters_and_gives_the_curated_facts(tmp_path, datasets_copy):
    """The seed holds a council letter and its attachment: two drafts, the first listing the second;
    the attachment's draft has the curated record's facts (its sender, addressee, people and cited
    letter resolved to the dataset's own records)."""
    assert SEED.is_file(), f"{SEED} is needed for this test"
    curated = yaml.safe_load(
        (DATASETS / "letters" / "reactie-leidse-regio-2019-06-11.yaml").read_text(encoding="utf-8")
    )
    report = ingest([SEED], datasets_copy)
    assert report.letters == 2 and len(report.written) == 2, report.problems
    records = {
        name: yaml.safe_load((datasets_copy / "letters" / f"{name}.yaml").read_text(encoding="utf-8"))
        for name in report.written
    }
    council = next(r for r in records.values() if r.get("attachments"))
    assert council["kind"] == "raadsinformatiebrief"
    draft = records[council["attachments"][0]]
    assert draft["status"] == "draft"
    assert draft["id"].startswith("colleges-leidse-regio-2019-06-11-reactie-gemeenten-leidse-regio")
    for field in ("kind", "title", "date_sent", "your_reference", "addressees", "cites"):
        assert draft[field] == curated[field], field
    assert draft["dossier_number"] == "DOS-2017-0006089"
    assert draft["sender"] == "colleges-leidse-regio"
    assert [(s["person"], s["role"]) for s in draft["signatories"]] == [
        ("e-r-j-burgemeester-oegstgeest", "burgemeester")
    ]
    text = (datasets_copy / "letters" / draft["text"]).read_text(encoding="utf-8")
    assert (
        text
        == (DATASETS / "letters" / "reactie-leidse-regio-2019-06-11.txt")
        .read_text(encoding="utf-8")
        .strip("\n")
        or text.strip()
        == (DATASETS / "letters" / "reactie-leidse-regio-2019-06-11.txt").read_text(encoding="utf-8").strip()
    )
    assert (
        text[draft["sources"]["date_sent"]["start"] : draft["sources"]["date_sent"]["end"]] == "11juni 2019"
    )


def test_a_letter_cited_as_uw_brief_becomes_a_draft_known_by_its_reference(into):
    """Without the GS letter in the dataset, the seed's reply drafts it: known only by reference."""
    assert SEED.is_file(), f"{SEED} is needed for this test"
    report = ingest([SEED], into)
    records = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (into / "letters").glob("*.yaml")
    }
    reply = next(r for r in records.values() if r.get("your_reference") == "PZH-2019-678010037")
    cited = records[reply["cites"][0]]
    assert cited["our_reference"] == "PZH-2019-678010037" and "text" not in cited
    assert cited["sender"] == "gs-pv28" and cited["addressees"] == [reply["sender"]]
    assert set(cited["unknown"]) == {"title", "date_sent"} and cited["status"] == "draft"
    assert cited["sources"]["our_reference"]["letter"] == reply["id"]
    assert len(report.written) == 3


def test_opendocument_text_is_read_and_tracked_changes_refused(tmp_path, letters):
    from odf.dc import Creator
    from odf.namespaces import TEXTNS
    from odf.office import ChangeInfo
    from odf.opendocument import OpenDocumentText
    from odf.text import ChangedRegion, Insertion, P, TrackedChanges

    def odt(tracked: bool) -> bytes:
        document = OpenDocumentText()
        if tracked:
            changes = TrackedChanges()
            region = ChangedRegion(check_grammar=False)
            region.setAttrNS(TEXTNS, "id", "c1")
            insertion = Insertion()
            info = ChangeInfo()
            info.addElement(Creator(text="redactie"))
            insertion.addElement(info)
            region.addElement(insertion)
            changes.addElement(region)
            document.text.addElement(changes)
        for line in letters[4].text().splitlines():
            document.text.addElement(P(text=line))
        buffer = io.BytesIO()
        document.write(buffer)
        return buffer.getvalue()

    (tmp_path / "letter.odt").write_bytes(odt(False))
    problems = []
    text = read_document(tmp_path / "letter.odt", "letter.odt", problems).text
    assert problems == [] and letters[4].truth["subject"] in " ".join(text.split())
    assert _problems(tmp_path, "changed.odt", odt(True)) == ["odt-tracked-changes"]
    assert _problems(tmp_path, "broken.odt", b"PK\x03\x04 nope") == ["odt-corrupt"]


def test_parallel_ingest_writes_the_same_tree_as_one_worker(tmp_path, letters):
    folder = tmp_path / "in"
    folder.mkdir()
    for letter in letters:
        (folder / f"{letter.id}.docx").write_bytes(docx_bytes(letter))
    trees = []
    for jobs in (1, 2):
        target = tmp_path / f"datasets-{jobs}"
        shutil.copytree(DATASETS, target)
        report = ingest([folder], target, jobs=jobs)
        assert report.letters == len(letters), report.problems
        trees.append(_snapshot(target))
    assert trees[0] == trees[1]


def test_a_scanned_image_is_ocrd(tmp_path, letters):
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(pdf_bytes(letters[5]))[0]
    page.render(scale=200 / 72).to_pil().convert("L").save(tmp_path / "scan.png")
    problems = []
    result = read_document(tmp_path / "scan.png", "scan.png", problems)
    assert problems == [] and result.method == "image-ocr"
    assert letters[5].truth["subject"].split()[-1] in result.text


def test_a_pdf_holding_a_council_letter_and_its_attachments_gives_linked_drafts(tmp_path, into):
    from opendata.synth.render import bundles

    bundle = bundles(1, 1)[0]
    path = tmp_path / "bundle.pdf"
    path.write_bytes(pdf_bytes(bundle))
    report = ingest([path], into)
    assert report.letters == len(bundle) >= 2, report.problems
    records = [
        yaml.safe_load((into / "letters" / f"{letter}.yaml").read_text(encoding="utf-8"))
        for letter in report.written
        if (into / "letters" / f"{letter}.txt").is_file()
    ]
    assert [r["title"] for r in records] == [letter.truth["subject"] for letter in bundle]
    assert records[0]["attachments"] == [r["id"] for r in records[1:]]
    assert all(r["kind"] == "bijlage" and "attachments" not in r for r in records[1:])
    assert records[0]["kind"] == "raadsinformatiebrief"


def test_the_model_knows_every_role_the_signature_extractor_recognises():
    from opendata.ingest.extract_signatures import ROLE_WORDS
    from opendata.model.model import load_model

    roles = load_model().enums["Role"]["values"]
    assert set(ROLE_WORDS.values()) <= set(roles)
    assert all(roles[r].get("nl") and roles[r].get("en") for r in roles)


@pytest.mark.parametrize(
    "role", ["dijkgraaf", "griffier", "loco-burgemeester", "fractievoorzitter", "statenlid"]
)
def test_a_draft_keeps_the_role_as_written(tmp_path, into, letters, role):
    """A role beyond mayor and alderman is kept (it was dropped, and the signature with it), and validates."""
    text = letters[0].text()
    assert "de burgemeester," in text
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "brief.txt").write_text(
        text.replace("de burgemeester,", f"de {role},"), encoding="utf-8"
    )
    ingest([tmp_path / "in" / "brief.txt"], into)
    [draft] = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (into / "letters").glob("*.yaml")]
    assert [s["role"] for s in draft["signatories"]] == [role]
    with_drafts(into)
    validated = run_cli(
        "validate", "--datasets", str(into)
    )  # the fixture's shared records lack the seed's letters
    lines = (validated.stdout + validated.stderr).splitlines()
    assert any(" error: " in line for line in lines)  # those, not the draft
    assert not [line for line in lines if line.startswith(f"letters/{draft['id']}.yaml")], lines


def test_the_summary_counts_in_words_that_agree_with_their_number(tmp_path, into, letters):
    """One file read gives "1 file, 1 letter: 1 record written", not "1 files"; two give plurals."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{letters[0].id}.txt").write_text(letters[0].text(), encoding="utf-8")
    one = run_cli("ingest", str(folder), "--into", str(into))
    assert one.returncode == 0, one.stderr
    assert one.stdout.startswith("1 file, 1 letter: 1 record written, 0 unchanged"), one.stdout
    (folder / f"{letters[1].id}.txt").write_text(letters[1].text(), encoding="utf-8")
    two = run_cli("ingest", str(folder), "--into", str(into))
    assert two.stdout.startswith("2 files, 2 letters: 1 record written, 1 unchanged"), two.stdout
