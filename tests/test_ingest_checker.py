"""`opendata ingest` checked as an outsider would: runs stopped midway (Ctrl-C, kill -9), files whose
name lies about their kind, empty files, names that are not UTF-8, the modes of the files written,
and what a kept record's warning says. Each test failed on the code before its fix."""

from __future__ import annotations

import json
import os
import signal
import stat
from pathlib import Path

import pytest
import yaml

import opendata.ingest as ingest_package
from opendata.ingest import INTERRUPTED, drafts, ingest
from opendata.synth.render import docx_bytes, pdf_bytes, rendered_letters

from .conftest import run_cli, run_main


@pytest.fixture(scope="module")
def letters():
    return rendered_letters(6, 5)[1]


@pytest.fixture
def archive(tmp_path, letters) -> Path:
    """Six letters each as text and as a Word file: the same letter twice (possible duplicates), and
    letters that cite each other; twelve files."""
    folder = tmp_path / "archive"
    for number, letter in enumerate(letters):
        (folder / "text").mkdir(parents=True, exist_ok=True)
        (folder / "word").mkdir(parents=True, exist_ok=True)
        (folder / "text" / f"{number:02}.txt").write_text(letter.text(), encoding="utf-8")
        (folder / "word" / f"{number:02}.docx").write_bytes(docx_bytes(letter))
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    """Every file of a datasets folder by its path (the ledger without the digest of the code that wrote it)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.name == drafts.LEDGER:
                ledger = json.loads(data)
                ledger.pop("code")
                data = json.dumps(ledger, sort_keys=True).encode()
            found[path.relative_to(folder).as_posix()] = data
    return found


def _copy(into: Path, name: str) -> Path:
    import shutil

    target = into.parent / name
    shutil.copytree(into, target)
    return target


class Killed(BaseException):
    """What the process sees of kill -9: nothing more is done (no cleanup, no ledger)."""


@pytest.mark.parametrize("writes", [2, 9, 23])
def test_an_ingest_killed_while_writing_is_finished_by_the_next_run_without_duplicates(
    into, archive, monkeypatch, writes
):
    # Before: drafts were written one by one and the ledger saved at the end; killed midway, the next run
    # took the letters written for a person's edits and drafted every one again as <id>-2.
    whole = _copy(into, "whole")
    assert ingest([archive], whole).exit_code == 0
    monkeypatch.setattr(ingest_package, "CHECKPOINT_FILES", 4, raising=False)
    real_write, count = drafts.write_atomically, [0]

    def dying_write(path: Path, content: str) -> None:
        count[0] += 1
        if count[0] == writes:
            raise Killed
        real_write(path, content)

    monkeypatch.setattr(drafts, "write_atomically", dying_write)
    with pytest.raises(Killed):
        ingest([archive], into)
    monkeypatch.setattr(drafts, "write_atomically", real_write)
    report = ingest([archive], into)
    assert not report.kept and report.exit_code == 0
    assert _files(into) == _files(whole)
    assert ingest([archive], into).written == []


def test_a_draft_rewritten_when_the_kill_came_keeps_its_id_and_is_not_taken_for_an_edit(
    into, archive, monkeypatch
):
    # An existing draft whose source changed: the ledger names its new digest before the file is
    # rewritten; killed in between, the old draft is still ingest's own, and the next run rewrites it.
    ingest([archive], into)
    text = sorted((archive / "text").iterdir())[0]
    text.write_text(text.read_text(encoding="utf-8").replace("Geacht", "Hooggeacht"), encoding="utf-8")
    real_write = drafts.write_atomically

    def dying_write(path: Path, content: str) -> None:
        if path.parent.name == drafts.LETTERS:
            raise Killed
        real_write(path, content)

    monkeypatch.setattr(drafts, "write_atomically", dying_write)
    with pytest.raises(Killed):
        ingest([text], into)
    monkeypatch.setattr(drafts, "write_atomically", real_write)
    report = ingest([text], into)
    assert report.kept == [] and len(report.written) == 1
    assert "Hooggeacht" in (into / drafts.LETTERS / f"{report.written[0]}.txt").read_text(encoding="utf-8")


def test_ctrl_c_writes_the_files_read_and_the_next_run_does_the_rest(into, archive):
    # Before: Ctrl-C gave a traceback and lost every file read (the drafts were written at the end).
    whole = _copy(into, "whole")
    ingest([archive], whole)

    def press_ctrl_c(done: int, total: int, display: str) -> None:
        if done == 3:
            os.kill(os.getpid(), signal.SIGINT)

    # as on a terminal: a process started in the background (CI's test workers) has SIGINT ignored,
    # and the ingest then rightly leaves it ignored
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        report = ingest([archive], into, jobs=1, progress=press_ctrl_c)
    finally:
        signal.signal(signal.SIGINT, before)
    assert report.interrupted and report.exit_code == INTERRUPTED
    assert [p.code for p in report.problems if p.severity == "error"] == ["ingest-interrupted"]
    assert "after 3 of 12 files" in report.problems[-1].message
    assert len(list((into / drafts.LETTERS).glob("*.txt"))) == 3
    again = ingest([archive], into)
    assert again.exit_code == 0 and not again.kept and len(again.unchanged) == 3
    assert _files(into) == _files(whole)


def test_files_written_keep_the_folders_permissions(into, archive):
    # Before: every file ingest wrote or rewrote was readable by its owner only (mkstemp's 0600), the
    # shared organisations.yaml and people.yaml too: the publisher's group could no longer read them.
    previous = os.umask(0o022)
    try:
        (into / "people.yaml").chmod(0o664)
        ingest([archive / "text"], into)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((into / "people.yaml").stat().st_mode) == 0o664
    assert stat.S_IMODE((into / "organisations.yaml").stat().st_mode) == 0o644
    modes = {stat.S_IMODE(p.stat().st_mode) for p in (into / drafts.LETTERS).iterdir()}
    assert modes == {0o644}
    assert stat.S_IMODE((into / drafts.LEDGER).stat().st_mode) == 0o644


def test_a_file_whose_name_lies_about_its_kind_is_read_by_its_contents(into, tmp_path, letters):
    # Before: a PDF named .txt was decoded as Windows-1252 text (not-a-letter), a PDF named .docx was
    # a damaged Word file, and a .doc in a folder was passed over without a word.
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "brief.txt").write_bytes(pdf_bytes(letters[0]))
    (folder / "brief2.docx").write_bytes(pdf_bytes(letters[1]))
    (folder / "brief3.pdf").write_bytes(docx_bytes(letters[2]))
    (folder / "oud.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    (folder / "brief4.txt").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    (folder / "gegevens.yaml").write_text("id: x\n", encoding="utf-8")  # not a document: passed over
    report = ingest([folder], into)
    codes = sorted((p.location.path.rsplit("/", 1)[-1], p.code) for p in report.problems)
    assert codes == [
        ("brief.txt", "suffix-mismatch"),
        ("brief2.docx", "suffix-mismatch"),
        ("brief3.pdf", "suffix-mismatch"),
        ("brief4.txt", "suffix-mismatch"),
        ("brief4.txt", "unsupported-file"),
        ("oud.doc", "unsupported-file"),
    ]
    assert len(report.written) == 3
    mismatch = next(p for p in report.problems if p.location.path.endswith("brief.txt"))
    assert "is a PDF" in mismatch.message and mismatch.hint == "rename it to end in .pdf"


def test_a_letter_kept_as_an_e_mail_message_is_named(into, tmp_path):
    # Before: an .eml or .msg in a folder was passed over without a word, as a metadata file is.
    folder = tmp_path / "post"
    folder.mkdir()
    (folder / "brief.eml").write_text("From: griffie@example.org\nSubject: Brief\n\nGeachte raad,\n")
    (folder / "brief.msg").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    report = ingest([folder], into)
    assert sorted((Path(p.location.path).name, p.code) for p in report.problems) == [
        ("brief.eml", "unsupported-file"),
        ("brief.msg", "unsupported-file"),
    ]


def test_an_empty_file_is_named_empty_whatever_its_kind(into, tmp_path):
    # Before: an empty PDF was "damaged (PDFium: Data format error)", an empty .docx "not a zip file".
    folder = tmp_path / "leeg"
    folder.mkdir()
    for name in ("brief.pdf", "brief.docx", "brief.txt", "brief.png", "brief.odt"):
        (folder / name).write_bytes(b"")
    report = ingest([folder], into)
    assert [(Path(p.location.path).name, p.code) for p in report.problems] == [
        (name, "file-empty") for name in ("brief.docx", "brief.odt", "brief.pdf", "brief.png", "brief.txt")
    ]


def test_a_file_name_that_is_not_utf8_is_ingested_and_shown(into, tmp_path, letters):
    # Before: ingest stopped with a UnicodeEncodeError traceback on the first such name (an old
    # archive's Latin-1 names), and nothing was ingested.
    folder = tmp_path / "oud"
    folder.mkdir()
    named = os.fsdecode(bytes(folder) + b"/brief-\xe9.txt")
    Path(named).write_text(letters[0].text(), encoding="utf-8")
    Path(os.fsdecode(bytes(folder) + b"/kapot-\xff.pdf")).write_bytes(b"%PDF-1.4 kapot")
    result = run_cli("ingest", str(folder), "--into", str(into), "--format", "json")
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert [(p["code"], p["location"]["path"].rsplit("/", 1)[-1]) for p in problems] == [
        ("pdf-corrupt", "kapot-\\xff.pdf")
    ]
    assert len(list((into / drafts.LETTERS).glob("*.yaml"))) == 1


def test_a_kept_record_warns_only_of_what_the_source_changes(into, archive):
    # Before: every re-run warned of a reviewed record whose source had not changed ("date_sent:
    # "2019-06-11" -> "2019-06-11"", a date read back against the same date as text), and a changed
    # source listed the signatories as changed when only their evidence's offsets were.
    for text in sorted((archive / "text").iterdir()):  # a letter with a date, a title and signatories
        report = ingest([text], into)
        record_path = into / drafts.LETTERS / f"{report.written[0]}.yaml"
        record = yaml.safe_load(record_path.read_text(encoding="utf-8"))
        if record.get("signatories") and record.get("date_sent") and record.get("title"):
            break
    content = record_path.read_text(encoding="utf-8").replace("status: draft\n", "")
    record_path.write_text("# nagekeken\n" + content, encoding="utf-8")
    again = ingest([text], into)
    assert again.problems == [] and again.kept == report.written
    letter = text.read_text(encoding="utf-8")
    title = record["title"]
    text.write_text("\n\n" + letter.replace(title, title + " (tweede versie)"), encoding="utf-8")
    warnings = ingest([text], into).problems
    assert [p.code for p in warnings] == ["reviewed-record-kept"]
    assert warnings[0].message.endswith(
        f'title: "{title}" -> "{title} (tweede versie)"; the letter\'s text'
    ), warnings[0].message


def _ingest_one_with_signatories(archive: Path, into: Path) -> tuple[Path, dict]:
    for text in sorted((archive / "text").iterdir()):
        report = ingest([text], into)
        path = into / drafts.LETTERS / f"{report.written[0]}.yaml"
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if record.get("signatories") and record.get("addressees"):
            return path, record
    raise AssertionError("no letter with signatories and addressees")


def test_review_lists_the_other_drafts_when_a_hand_edited_one_is_of_the_wrong_shape(into, archive):
    # Before: a draft a person had edited into the wrong shape (signatories: 3) stopped review with a
    # TypeError traceback; `unknown: title` (one name, not a list) listed its letters t, i, t, l, e;
    # a draft that was no longer YAML was passed over without a word.
    _ingest_one_with_signatories(archive, into)
    letters = into / drafts.LETTERS
    (letters / "raar.yaml").write_text(
        "id: raar\nstatus: draft\nsignatories: 3\nunknown: title\n", encoding="utf-8"
    )
    (letters / "kapot.yaml").write_text("id: kapot\nstatus: draft\nsources: [1, 2\n", encoding="utf-8")
    result = run_main("review", "--datasets", str(into))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "letters/kapot.yaml:3:10: yaml-syntax error" in result.stderr
    assert "letters/raar.yaml:4: raar title = ? (unknown: the text does not say)" in result.stdout
    assert "raar t =" not in result.stdout
    assert "draft records;" in result.stdout.splitlines()[-1]
    listed = json.loads(run_main("review", "--datasets", str(into), "--format", "json").stdout)
    assert [p["code"] for p in listed["problems"]] == ["yaml-syntax"]


def test_review_names_the_drafts_a_reviewed_letter_still_refers_to(into, archive):
    # Before: a letter marked reviewed whose sender and signatories were still draft records was not
    # listed at all; publishing without drafts then failed with "refers to unknown organisation".
    path, record = _ingest_one_with_signatories(archive, into)
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft\n", ""), encoding="utf-8")
    person = record["signatories"][0]["person"]
    people = yaml.safe_load((into / "people.yaml").read_text(encoding="utf-8"))
    assert any(p["id"] == person and p.get("status") == "draft" for p in people)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip() == f"- person: {person}")
    result = run_main("review", "--datasets", str(into))
    assert result.returncode == 0
    expected = f"letters/{path.name}:{line}: {record['id']} signatories.0.person = {person} (to check)"
    assert expected in result.stdout
    assert f"reviewed, but names the draft {person} (people.yaml:" in result.stdout


def test_review_points_at_the_line_of_a_doubtful_list_value(into, archive):
    # Before: a doubtful addressee was shown at the line of `addressees:`, not at its own item.
    path, record = _ingest_one_with_signatories(archive, into)
    listed = json.loads(
        run_main("review", "--datasets", str(into), "--threshold", "1.01", "--format", "json").stdout
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, addressee in enumerate(record["addressees"]):
        doubt = next(
            d
            for d in listed["fields"]
            if d["file"] == f"letters/{path.name}" and d["field"] == "addressees" and d["value"] == addressee
        )
        assert lines[doubt["line"] - 1].strip() == f"- {addressee}", (number, doubt)


def test_words_owner_file_beside_a_document_is_passed_over(into, tmp_path, letters):
    # Before: "~$brief.docx", the few bytes Word keeps beside a document while it is open (common in
    # folders copied from a shared drive), was a docx-corrupt error.
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    (folder / "brief.docx").write_bytes(docx_bytes(letters[0]))
    (folder / "~$brief.docx").write_bytes(b"\x0bJ. de Vries" + bytes(150))
    report = ingest([folder], into)
    assert report.problems == [] and report.files == 1 and len(report.written) == 1


def test_without_tesseract_a_scan_is_named_and_counts_no_page_read_by_ocr(
    into, tmp_path, letters, monkeypatch
):
    # Before: the summary counted "1 pages (1 by OCR)" for an image Tesseract never read.
    from PIL import Image

    from opendata.ingest import read

    monkeypatch.setattr(read, "tesseract_problem", lambda: "the tesseract program is not installed")
    folder = tmp_path / "scans"
    folder.mkdir()
    Image.new("L", (850, 1100), 255).save(folder / "scan.png")
    (folder / "brief.txt").write_text(letters[0].text(), encoding="utf-8")
    report = ingest([folder], into)
    assert [(p.code, p.location.path.endswith("scan.png")) for p in report.problems] == [
        ("ocr-unavailable", True)
    ]
    assert "tesseract-ocr-nld" in report.problems[0].hint
    assert len(report.written) == 1 and report.ocr_pages == 0


def test_a_drafts_text_a_person_corrected_is_never_overwritten(into, archive):
    # Before: a person's correction of a draft's letters/<id>.txt (an OCR error put right) was
    # overwritten without a word by the next run on the same source.
    text = sorted((archive / "text").iterdir())[0]
    letter = ingest([text], into).written[0]
    path = into / drafts.LETTERS / f"{letter}.txt"
    corrected = path.read_text(encoding="utf-8").replace("\n", "\n ", 1)
    path.write_text(corrected, encoding="utf-8")
    again = ingest([text], into)
    assert again.problems == [] and again.kept == [letter]
    assert path.read_text(encoding="utf-8") == corrected
    text.write_text(text.read_text(encoding="utf-8") + "\nP.S. Een naschrift.\n", encoding="utf-8")
    changed = ingest([text], into)
    assert [p.code for p in changed.problems] == ["reviewed-record-kept"]
    assert f"a person edited this letter's text (letters/{letter}.txt)" in changed.problems[0].message
    assert path.read_text(encoding="utf-8") == corrected


def test_a_second_ingest_into_the_same_folder_is_refused_while_the_first_runs(into, archive):
    # Before: two ingests into one folder at once each saved a ledger without the other's files; the
    # next run took 30 of 120 records the other had written for a person's edits, kept for ever.
    import fcntl

    holder = os.open(into, os.O_RDONLY)  # what a running ingest holds
    try:
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        report = ingest([archive], into)
    finally:
        os.close(holder)
    assert [p.code for p in report.problems] == ["ingest-busy"] and report.exit_code == 1
    assert not list((into / drafts.LETTERS).iterdir()) and not (into / drafts.LEDGER).exists()
    assert ingest([archive], into).exit_code == 0  # the lock went with its holder


def _worker_state(lock: int) -> tuple[int, bool]:
    """In a worker: the signal it gets when its parent dies, and whether it still holds `lock`."""
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    signal_number = ctypes.c_int(0)
    libc.prctl(2, ctypes.byref(signal_number), 0, 0, 0)  # PR_GET_PDEATHSIG
    try:
        os.fstat(lock)
    except OSError:
        return signal_number.value, False
    return signal_number.value, True


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="Linux only (prctl)")
def test_workers_die_with_the_ingest_and_do_not_hold_its_lock(into):
    # Before: after kill -9 of an ingest with --jobs 2 its two workers lived on (parent: init),
    # waiting for files for ever; a forked worker would also have kept the folder's lock held.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with (
        drafts.folder_lock(into) as lock,
        ProcessPoolExecutor(
            1,
            mp_context=multiprocessing.get_context("fork"),
            initializer=ingest_package._start_worker,
            initargs=(os.getpid(), lock),
        ) as pool,
    ):
        assert pool.submit(_worker_state, lock).result() == (signal.SIGKILL, False)


_TEXT_BOX = (
    '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:t>Anker</w:t></w:r><w:r><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx>'
    "</wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{box}"
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
)


def test_a_word_text_box_is_read_once_each_paragraph_its_own_line(tmp_path):
    # Before: a text box (where letter templates put the date and reference block) was read four
    # times: glued into its anchoring paragraph as drawing and as VML fallback, then its paragraphs
    # twice ("Datum: 3 maart 2021Ons kenmerk: Z-21-123Datum: 3 maart 2021…").
    import docx
    from docx.oxml import parse_xml

    from opendata.ingest.read import read_document

    document = docx.Document()
    document.add_paragraph("Gemeente Leiden")
    box = "<w:p><w:r><w:t>Datum: 3 maart 2021</w:t></w:r></w:p><w:p><w:r><w:t>Ons kenmerk: Z-21-123</w:t></w:r></w:p>"
    document.element.body.insert(1, parse_xml(_TEXT_BOX.format(box=box)))
    document.add_paragraph("Betreft: Het gebruik van tekstvakken in sjablonen")
    document.save(tmp_path / "brief.docx")
    result = read_document(tmp_path / "brief.docx", "brief.docx", [])
    assert result.text == (
        "Gemeente Leiden\nAnker\nDatum: 3 maart 2021\nOns kenmerk: Z-21-123\n"
        "Betreft: Het gebruik van tekstvakken in sjablonen"
    )


def test_an_opendocument_letter_is_read_without_its_comments_with_its_header_and_text_boxes(tmp_path):
    # Before: a reviewer's comment and its author's name were read into the letter ("Datum: 3 maart
    # 2021 JanKlopt deze datum?"), a footnote glued into its sentence, a text box's paragraphs glued
    # into one line, and the page header (the letterhead) left out.
    from odf import dc, draw, office, style
    from odf import text as odftext
    from odf.opendocument import OpenDocumentText

    from opendata.ingest.read import read_document

    document = OpenDocumentText()
    layout = style.PageLayout(name="pm1")
    document.automaticstyles.addElement(layout)
    page = style.MasterPage(name="Standard", pagelayoutname=layout)
    header = style.Header()
    header.addElement(odftext.P(text="Gemeente Leiden"))
    page.addElement(header)
    document.masterstyles.addElement(page)
    dated = odftext.P(text="Datum: 3 maart 2021")
    comment = office.Annotation()
    comment.addElement(dc.Creator(text="Jan"))
    comment.addElement(odftext.P(text="Klopt deze datum?"))
    dated.addElement(comment)
    document.text.addElement(dated)
    anchor = odftext.P(text="Anker")
    frame, box = draw.Frame(width="5cm", height="3cm", anchortype="paragraph"), draw.TextBox()
    box.addElement(odftext.P(text="Ons kenmerk: Z-21-123"))
    box.addElement(odftext.P(text="Uw kenmerk: 2021/44"))
    frame.addElement(box)
    anchor.addElement(frame)
    document.text.addElement(anchor)
    noted = odftext.P(text="Betreft: Tekstvakken")
    note = odftext.Note(noteclass="footnote", id="n1")
    note.addElement(odftext.NoteCitation(text="1"))
    body = odftext.NoteBody()
    body.addElement(odftext.P(text="Een voetnoot."))
    note.addElement(body)
    noted.addElement(note)
    document.text.addElement(noted)
    document.save(str(tmp_path / "brief.odt"))
    result = read_document(tmp_path / "brief.odt", "brief.odt", [])
    assert result.text == (
        "Gemeente Leiden\nDatum: 3 maart 2021\nAnker\nOns kenmerk: Z-21-123\nUw kenmerk: 2021/44\n"
        "Betreft: Tekstvakken"
    )


@pytest.mark.integration
@pytest.mark.parametrize("turn", [90, 180])
def test_a_page_scanned_sideways_or_upside_down_is_read_upright(tmp_path, letters, turn):
    # Before: Tesseract read a scan fed the wrong way as noise, and the letter was not-a-letter.
    import io
    import random

    import pypdfium2 as pdfium

    from opendata.ingest.read import read_document
    from opendata.synth.render import scan_bytes

    letter = letters[2]
    page = pdfium.PdfDocument(scan_bytes(pdf_bytes(letter), random.Random(1)))[0]
    image = page.render(scale=200 / 72).to_pil().rotate(turn, expand=True)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    (tmp_path / "scan.png").write_bytes(buffer.getvalue())
    problems: list = []
    result = read_document(tmp_path / "scan.png", "scan.png", problems)
    assert problems == []
    flat = " ".join(result.text.split())
    assert "Geacht" in flat and letter.truth["subject"].split()[0] in flat


AGENDA = """AGENDA

Vergadering van de gemeenteraad van Leiden
Datum: 14 maart 2021
Aanvang: 20.00 uur
Plaats: raadzaal, stadhuis

1. Opening
2. Vaststelling van de agenda
3. Onderwerp: Bestemmingsplan Stationsgebied
4. Rondvraag en sluiting
"""


def test_an_agenda_is_not_a_letter(into, tmp_path, letters):
    # Before: a council agenda (a date, a subject, a body that seemed to send it) was drafted as a
    # letter of the council of Leiden titled "Bestemmingsplan Stationsgebied".
    folder = tmp_path / "stukken"
    folder.mkdir()
    (folder / "agenda.txt").write_text(AGENDA, encoding="utf-8")
    (folder / "brief.txt").write_text(letters[0].text(), encoding="utf-8")
    report = ingest([folder], into)
    assert [(Path(p.location.path).name, p.code) for p in report.problems] == [("agenda.txt", "not-a-letter")]
    assert len(report.written) == 1


def test_a_letter_known_by_its_closing_alone_is_still_a_letter(into, tmp_path):
    # The guard of the rule above: a decision whose OCR lost the salutation, the addressee and the
    # signer (a real Wob decision was such) is a letter by its closing.
    folder = tmp_path / "besluit"
    folder.mkdir()
    (folder / "besluit.txt").write_text(
        "Gemeente Amsterdam\nDatum 4 oktober 2022\nOnderwerp Beslissing op uw verzoek om informatie\n\n"
        "Gec\nUw verzoek valt niet onder de reikwijdte van de wet.\n\nHoogachtend,\n"
        "Het College van Burgemeester en Wethouders van Amsterdam,\n",
        encoding="utf-8",
    )
    report = ingest([folder], into)
    assert report.problems == [] and len(report.written) == 1


def test_a_linked_folder_is_read_once_and_a_broken_link_named(into, tmp_path, letters):
    # Before: a folder linked into the folder given (an archive kept elsewhere) was passed over without
    # a word, and so was a link to a file that no longer exists.
    archive = tmp_path / "elders"
    archive.mkdir()
    (archive / "brief.txt").write_text(letters[0].text(), encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "archief").symlink_to(archive)
    (folder / "terug").symlink_to(folder)  # a loop
    (folder / "weg.pdf").symlink_to(tmp_path / "bestaat-niet.pdf")
    report = ingest([folder], into)
    assert [(Path(p.location.path).name, p.code) for p in report.problems] == [("weg.pdf", "file-not-found")]
    assert report.files == 1 and len(report.written) == 1
