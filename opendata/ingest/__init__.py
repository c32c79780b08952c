"""`opendata ingest`: letters in (PDF, scans, Word, OpenDocument, text), draft records out.

Each file is read (read.py) and its letters extracted (extract.py) in worker processes, one file
per task; the main process then writes the drafts in the files' sorted order (drafts.py), so ids
and shared records come out the same however many workers ran.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import hashlib
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, TimeoutError
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from opendata.ingest import drafts
from opendata.ingest.gazetteer import groups_from_dataset
from opendata.ingest.read import ReadResult, read_document, suffix_supported
from opendata.model.problems import ERROR, WARNING, Location, Problem, has_errors
from opendata.sources.reading import read_yaml

__all__ = ["IngestReport", "ingest"]


@dataclass
class FileResult:
    """One input file after reading and extraction (made in a worker, sent back to the main process)."""

    display: str
    digest: str
    path: str = ""  # the ledger's key for the file's place (_path_key): a changed file keeps the ids it had
    letters: list = field(default_factory=list)  # (text, Extraction) per letter, in the file's order
    problems: list[Problem] = field(default_factory=list)
    method: str = ""
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0


@dataclass
class IngestReport:
    files: int = 0
    letters: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # record and text deleted by a person: left out
    problems: list[Problem] = field(default_factory=list)
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False  # stopped by Ctrl-C: the files read before are written

    @property
    def exit_code(self) -> int:
        return INTERRUPTED if self.interrupted else 1 if has_errors(self.problems) else 0


INTERRUPTED = 130  # the exit code of a command stopped by Ctrl-C (128 + SIGINT)


def collect_files(inputs: list[Path], problems: list[Problem]) -> list[tuple[Path, str]]:
    """Every file to read, with how it is shown: given files as given, folders searched recursively."""
    found: dict[Path, str] = {}
    for given in inputs:
        if given.is_dir():
            for path in _files_under(given):
                if not path.exists():
                    if suffix_supported(path):
                        problems.append(_not_found(path, "is a link to a file that does not exist"))
                elif suffix_supported(path):
                    found.setdefault(path.resolve(), shown(path))
                elif path.suffix.lower() in DOCUMENT_SUFFIXES:
                    problems.append(_not_read(path))
        elif given.is_file():
            found.setdefault(given.resolve(), shown(given))
        else:
            problems.append(_not_found(given, "does not exist"))
    return sorted(found.items(), key=lambda item: item[1])


def _files_under(folder: Path) -> list[Path]:
    """The files in a folder and its subfolders, sorted; links to folders followed (an archive linked
    into the folder given), each folder once (a link back up is no loop); hidden folders and files and
    Word's owner files passed over (_passed_over)."""
    seen: set[tuple[int, int]] = set()
    files = []
    for top, folders, names in os.walk(folder, followlinks=True):
        status = os.stat(top)
        if (status.st_dev, status.st_ino) in seen:
            folders[:] = []
            continue
        seen.add((status.st_dev, status.st_ino))
        folders[:] = sorted(name for name in folders if not _passed_over(Path(name)))
        files += [Path(top) / name for name in names if not _passed_over(Path(name))]
    return sorted(files)


def _not_found(path: Path, what: str) -> Problem:
    return Problem(
        "file-not-found",
        ERROR,
        f"{shown(path)} {what}",
        Location(shown(path)),
        hint="give existing files or folders",
    )


def _passed_over(path: Path) -> bool:
    """A file in a folder that is no letter: hidden (.DS_Store, ._brief.pdf of a Mac, a LibreOffice
    lock .~lock.brief.odt#) or the owner file Word keeps beside a document while it is open
    (~$brief.docx: a few bytes with the user's name, not the document)."""
    return path.name.startswith((".", "~$"))


# Letters kept in a kind of file ingest does not read: named when a folder holds one (files of other
# kinds in a folder, such as a letter's metadata, are passed over without a word). A letter sent by
# e-mail is often archived as the message itself (.eml, Outlook's .msg).
DOCUMENT_SUFFIXES = frozenset(
    (".doc", ".dot", ".docm", ".dotx", ".rtf", ".wpd", ".pages", ".ott", ".xps", ".eml", ".msg")
)


def _not_read(path: Path) -> Problem:
    return Problem(
        "unsupported-file",
        ERROR,
        f"{path.name} is a kind of document ingest does not read; it was not ingested",
        Location(shown(path)),
        hint="save it as .docx, .odt or PDF and ingest that file",
    )


def shown(path: Path) -> str:
    """A path as problems show it: a name that is not UTF-8 (an old archive's Latin-1 names) with its
    odd bytes escaped (\\xe9), so it can be printed and written as JSON."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _outside(files: list[tuple[Path, str]], root: Path, problems: list[Problem]) -> list[tuple[Path, str]]:
    """The files not inside the datasets folder: the texts there are ingest's own output (or the
    publisher's sources), and reading them again would draft every letter a second time."""
    inside = root.resolve()
    kept = [(path, display) for path, display in files if not path.is_relative_to(inside)]
    if len(kept) < len(files):
        problems.append(
            Problem(
                "input-in-datasets",
                WARNING,
                f"{len(files) - len(kept)} file(s) inside the datasets folder {root} were not read: "
                "they are its letters' texts, not letters to ingest",
                Location(str(root)),
                hint="give the folder of the letters to ingest, outside --into",
            )
        )
    return kept


def read_and_extract(
    path: Path,
    display: str,
    themes: dict[str, str] | None = None,
    groups: dict[str, tuple[str, ...]] | None = None,
) -> FileResult:
    """Read one file and extract each letter in it; never raises on bad input."""
    # extraction's patterns: ~0.1 s, loaded only where files are read (in each worker with --jobs): an
    # import of any opendata.ingest module runs this package first (`opendata ingest review` reads no file)
    from opendata.ingest.extract import extract, split_letters

    started = time.perf_counter()
    problems: list[Problem] = []
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        problems.append(
            Problem("file-unreadable", ERROR, f"cannot be read: {exc.strerror}", Location(display))
        )
        return FileResult(display, "", _path_key(path), [], problems)
    try:
        result: ReadResult = read_document(path, display, problems)
        letters = []
        whole = result.text or ""
        for start, end in (split_letters(whole) or [(0, len(whole))]) if whole else []:
            text = whole[start:end]
            extraction = extract(text, themes=themes, groups=groups)
            if is_letter(extraction, text):
                letters.append((text, extraction))
    except Exception as exc:
        problems.append(
            Problem(
                "ingest-failed",
                ERROR,
                f"reading or extracting this file failed: {type(exc).__name__}: {exc}",
                Location(display),
                hint="this is a fault of opendata ingest, not of the file: please report it",
            )
        )
        return FileResult(display, digest, _path_key(path), [], problems)
    if result.text is not None and not letters:
        problems.append(
            Problem(
                "not-a-letter",
                ERROR,
                "no salutation, and not two marks of a letter of which one only a letter has "
                "(addressee, signature, reference, closing, a letter's header labels): this does "
                "not look like a letter",
                Location(display),
                hint="check the file; ingest reads letters only",
            )
        )
    return FileResult(
        display,
        digest,
        _path_key(path),
        letters,
        problems,
        result.method,
        result.pages,
        result.ocr_pages,
        time.perf_counter() - started,
    )


def _path_key(path: Path) -> str:
    """How the ledger knows a source file by its place: a digest of its absolute path (the ledger,
    kept in the datasets folder, does not spell out folders of the machine it ran on)."""
    return hashlib.sha256(os.fsencode(path.resolve())).hexdigest()[:24]


def is_letter(extraction, text: str = "") -> bool:
    """Whether an extraction is of a letter: it shows two marks of one, and at least one of them is
    a mark only a letter has. Marks any document may have: a date line, a subject, a body that seems
    to send it. Marks of a letter alone: an addressee, a signature, a reference of its own or the
    addressee's, a closing ("Hoogachtend,"), a heading that names it a letter (a raadsinformatiebrief's;
    a page's title "Kamerbrief over …", "Ledenbrief nummer", "Felicitatiebrief …"), or a letter's
    header labels (kenmerk, contactpersoon, behandeld door…) before its subject. A salutation is a
    letter's mark enough on its own: a letter to a minister whose copy keeps only its salutation and
    body is still a letter; so is the heading of a minister's answers to written questions ("Antwoord
    van Minister … (…)"), however many ministers answer. An agenda, a list of decisions or a press
    release has a date, a subject and a body that seems to send it, and none of the letter's own marks;
    a web copy of a letter cut short still has a salutation and its reference, or its signature and
    sender; a page that carries one letter is titled as that letter."""
    from opendata.ingest.extract_kamerstuk import (  # with extraction's other patterns
        answer_writer,
        government_reply,
        written_questions,
    )
    from opendata.ingest.extract_memo import memo_rows  # with extraction's other patterns
    from opendata.ingest.extract_results import REPLY_OVER_THREAD  # with extraction's other patterns
    from opendata.ingest.extract_sender import head_address  # with extraction's other patterns
    from opendata.ingest.extract_signatures import closing_pattern  # with extraction's other patterns

    subject = extraction.subject
    labelled = subject is not None and _HEADER_LABELS.search(text, 0, subject.end + 300) is not None
    # a postal address over the subject: the addressee's, or the writer's in its letterhead
    addressed = subject is not None and head_address(text, subject.start)
    letter_only = (
        _MAIL_HEADER.match(text) is not None,
        addressed,
        bool(extraction.addressees),
        bool(extraction.signatories),
        extraction.our_reference is not None,
        extraction.your_reference is not None,
        closing_pattern().search(text) is not None,
        _headed_as_letter(extraction, text),
        labelled,
        memo_rows(text) is not None,  # a memo's "Aan" and "Van" rows
    )
    common = (extraction.date_sent is not None, subject is not None, extraction.sender is not None)
    # a text that addresses its reader as a letter does ("Geachte heer Harbers,") is one on its own, and
    # so are the answers to a member's written questions ("Antwoord van Minister … (…)"), the questions
    # themselves ("Vragen van het lid … aan de Minister van … (ingezonden …)") and the government's reply
    # on a bill ("NOTA NAAR AANLEIDING VAN HET VERSLAG", "MEMORIE VAN ANTWOORD")
    opens_as_letter = (
        extraction.salutation is not None
        or answer_writer(text) is not None
        or government_reply(text) is not None
        or written_questions(text) is not None
    )
    # a reply printed over the mail it answers, its own header lost: an e-mail, its values unknown
    reply = extraction.kind is not None and extraction.kind.detail == REPLY_OVER_THREAD
    return opens_as_letter or reply or (any(letter_only) and sum(letter_only) + sum(common) >= 2)


def _headed_as_letter(extraction, text: str) -> bool:
    """Whether a heading names the text a letter: a raadsinformatiebrief's (not its salutation counted
    again), or a page's title line naming the letter it carries ("Kamerbrief over …")."""
    from opendata.ingest.extract_reported import letter_title  # with extraction's other patterns

    kind, salutation = extraction.kind, extraction.salutation
    headed_rib = (
        kind is not None
        and kind.value == "raadsinformatiebrief"
        and (salutation is None or kind.start != salutation.start)
    )
    return headed_rib or letter_title(text) is not None or _PROPOSAL_HEADING.search(text, 0, 3000) is not None


# A proposal's heading that names the body it is written to ("VOORSTEL AAN BURGEMEESTER EN WETHOUDERS &
# VOORSTEL AAN DE RAAD", "RAADSVOORSTEL", "Voorstel van GS aan PS"), as an official's or a college's
# paper to its board or council opens, at a line's start (after a host's page number): a letter's mark.
_PROPOSAL_HEADING = re.compile(
    r"^[ \t]*(?:[0-9]{1,3}[ \t]+)?(?:VOORSTEL AAN (?:BURGEMEESTER EN WETHOUDERS|HET COLLEGE|DE RAAD|DE GEMEENTERAAD)"
    r"|RAADSVOORSTEL|COLLEGEVOORSTEL|STATENVOORSTEL|Voorstel van (?:GS|Gedeputeerde Staten) aan (?:PS|Provinciale Staten))\b",
    re.MULTILINE,
)


# the labels of a letter's header that an agenda's or a report's has not
# A printed e-mail's header opening the text, its sender's line damaged or not: "Van: …" / "Verzonden: …"
# (or "Datum:", "Sent:") / "Aan: …" / "Onderwerp: …", a line each, in that order.
_MAIL_HEADER = re.compile(
    r"\s*(?:Van|From)[ \t]*:[^\n]*\n[ \t]*(?:Verzonden|Datum|Sent|Date)[ \t]*:[^\n]*\n"
    r"(?:[^\n]*\n){0,3}?[ \t]*(?:Aan|To)[ \t]*:[^\n]*\n(?:[^\n]*\n){0,4}?[ \t]*(?:Onderwerp|Subject)[ \t]*:",
    re.IGNORECASE,
)
_HEADER_LABELS = re.compile(
    r"(?:^|[ \t])(?:ons\s+kenmerk|uw\s+kenmerk|kenmerk|uw\s+brief|uw\s+referentie|contactpersoon|"
    r"doorkiesnummer|behandeld\s+door|ons\s+nummer|zaaknummer)[ \t]*:?",
    re.IGNORECASE | re.MULTILINE,
)


def _themes(root: Path) -> dict[str, str]:
    """The dataset's themes as key -> label, for matching names the text gives."""
    path = root / "themes.yaml"
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
    return {
        str(t["id"]): str(t["name"]) for t in data if isinstance(t, dict) and t.get("id") and t.get("name")
    }


def ingest(inputs: list[Path], root: Path, jobs: int = 1, progress=None) -> IngestReport:
    """Ingest files and folders into the sources folder `root`.

    The drafts of the files read are written as the reading goes, in checkpoints (CHECKPOINT_FILES
    files or CHECKPOINT_SECONDS): a run stopped by Ctrl-C keeps what it read (the first Ctrl-C stops
    after the files being read, `report.interrupted`), and one killed keeps what its last checkpoint
    wrote; the next run does the rest, with the same ids.
    """
    report = IngestReport()
    started = time.perf_counter()
    files = _outside(collect_files(inputs, report.problems), root, report.problems)
    report.files = len(files)
    if not (root / "publication.yaml").is_file():
        report.problems.append(
            Problem(
                "not-a-datasets-folder",
                ERROR,
                f"{root} has no publication.yaml",
                Location(str(root)),
                hint="--into names the datasets folder to add drafts to",
            )
        )
        return report
    try:
        with drafts.folder_lock(root) as lock:
            _ingest_held(files, root, jobs, progress, report, lock)
    except drafts.FolderBusy:
        report.problems.append(
            Problem(
                "ingest-busy",
                ERROR,
                f"another ingest is writing into {root}; nothing was read or written",
                Location(str(root)),
                hint="wait for it to finish, then run this one again",
            )
        )
    report.seconds = time.perf_counter() - started
    return report


def _ingest_held(files, root: Path, jobs: int, progress, report: IngestReport, lock: int) -> None:
    """The ingest itself, while this process holds the datasets folder (`lock`: its descriptor)."""
    broken = unreadable_shared_files(root)
    if broken:  # nothing read, nothing written: drafts appended to a broken file would be lost in it
        report.problems += broken
        return
    try:
        ledger = drafts.Ledger.load(root)
    except drafts.LedgerUnreadable as error:
        report.problems.append(_ledger_problem(root, error))
        return
    wanted = _changed(files, root, ledger, report)
    context = (_themes(root), groups_from_dataset(root))
    writer = _Writer(root, ledger, report)
    with _interruptible() as interrupted:
        for result in _run(wanted, context, jobs, progress, interrupted, lock):
            writer.add(result)
        report.interrupted = interrupted()
    writer.finish()
    if report.interrupted:
        report.problems.append(
            _interrupted_problem(root, len(files) - len(wanted) + writer.files, len(files))
        )


CHECKPOINT_FILES = 50  # files whose drafts are written together (a checkpoint: see ingest)
CHECKPOINT_SECONDS = 10.0  # or the files read in this time, whichever comes first


@contextlib.contextmanager
def _interruptible() -> Iterator[Callable[[], bool]]:
    """While it lasts, the first Ctrl-C (SIGINT) asks the ingest to stop after the files being read
    (yields a function that says whether it was asked); a second one stops it at once."""
    asked: list[bool] = []
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) in (
        signal.SIG_IGN,
        None,
    ):
        yield lambda: False
        return

    def stop(number, frame) -> None:
        if asked:
            raise KeyboardInterrupt
        asked.append(True)

    before = signal.signal(signal.SIGINT, stop)
    try:
        yield lambda: bool(asked)
    finally:
        signal.signal(signal.SIGINT, before)


def _interrupted_problem(root: Path, done: int, total: int) -> Problem:
    return Problem(
        "ingest-interrupted",
        ERROR,
        f"the ingest was interrupted after {done} of {total} files; the drafts of those files are written",
        Location(str(root)),
        hint="run the same command again to ingest the rest (the files done are not read again)",
    )


# The shared files ingest reads (to resolve names and groups) and appends drafts to.
SHARED_FILES = ("organisations.yaml", "people.yaml", "memberships.yaml", "themes.yaml")


def _ledger_problem(root: Path, error: drafts.LedgerUnreadable) -> Problem:
    return Problem(
        "ingest-ledger-unreadable",
        ERROR,
        f"ingest's ledger is damaged ({error}): it says which ids were issued and which records a person edited",
        Location(str(root / drafts.LEDGER), error.line, error.column),
        hint="restore it from your version control or backup; deleting it makes ingest treat every "
        "existing record as edited by a person (never overwritten) and issue new ids for files it read before",
    )


def unreadable_shared_files(root: Path) -> list[Problem]:
    """The problems of the dataset's shared files that stop an ingest, each with its file and line:
    a file that is not YAML or not a list. An empty file, or one of comments only, is an empty list."""
    problems: list[Problem] = []
    for name in SHARED_FILES:
        path = root / name
        if not path.exists():
            continue
        found: list[Problem] = []
        data = read_yaml(path, name, found)  # `name`: its path in the datasets folder, as the reader needs
        shown = str(path)  # the problems name the file as the user finds it
        problems += [
            replace(p, location=replace(p.location, path=shown))
            for p in found
            if p.severity == ERROR and p.code != "file-empty"
        ]
        if data is not None and not isinstance(data, list):
            problems.append(
                Problem(
                    "not-a-list",
                    ERROR,
                    f"{name} must hold a list of records; ingest adds its drafts to that list",
                    Location(shown, getattr(data, "line", 1), 1),
                    hint="start each record with '- id: ...', or leave the file empty",
                )
            )
    return problems


def _changed(files, root: Path, ledger, report: IngestReport) -> list[tuple[Path, str]]:
    """The files to read: a file ingested before by the same code, whose records are as written, is skipped."""
    if ledger.code != drafts.code_digest():
        return files
    wanted = []
    for path, display in files:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            wanted.append((path, display))
            continue
        ids = ledger.sources.get(digest)
        gone = [letter for letter in ids or [] if drafts.deleted(root, ledger, letter)]
        if ids and all(letter in gone or drafts.as_written(root, ledger, letter) for letter in ids):
            report.unchanged.extend(letter for letter in ids if letter not in gone)
            report.deleted.extend(gone)
            report.letters += len(ids) - len(gone)
        else:
            wanted.append((path, display))
    return wanted


def _run(
    files, context, jobs: int, progress, interrupted=lambda: False, lock: int | None = None
) -> Iterator[FileResult]:
    """Read and extract every file, in parallel when jobs > 1; results in the files' order, until
    `interrupted()` (a file being read then is left for the next run).

    `context` is what extraction needs from the dataset: its themes and its named groups.
    """
    if jobs <= 1 or len(files) < 2:
        for number, (path, display) in enumerate(files, 1):
            result = read_and_extract(path, display, *context)
            if interrupted():  # Ctrl-C reached Tesseract too: this file's reading may have failed by it
                return
            yield result
            if progress:
                progress(number, len(files), display)
        return
    with ProcessPoolExecutor(  # forked (the main process runs no threads): _start_worker ties them to it
        max_workers=jobs,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(os.getpid(), lock),
    ) as pool:
        futures = [pool.submit(read_and_extract, path, display, *context) for path, display in files]
        try:
            for number, future in enumerate(futures, 1):
                while not interrupted():
                    try:
                        result = future.result(timeout=0.25)
                        break
                    except TimeoutError:
                        continue
                else:
                    return
                yield result
                if progress:
                    progress(number, len(files), result.display)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(parent: int, lock: int | None) -> None:
    """A worker (forked from the ingest): it finishes its file on Ctrl-C (the main process decides
    what is kept), ends when the ingest ends however it ends (kill -9: before, the workers lived on,
    waiting for files, for ever), and lets go of the ingest's lock of the datasets folder."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if os.getppid() != parent:  # started by a fork server, not forked from the ingest: it holds nothing of it
        return
    if lock is not None:
        os.close(lock)  # its copy of the descriptor would hold the folder's lock after the ingest died
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # Linux: killed when the ingest dies
    except (OSError, AttributeError):  # not Linux
        return
    if os.getppid() != parent:  # the ingest died between the check above and prctl
        os._exit(1)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


class _Writer:
    """The drafts of each file in the files' order, written in checkpoints (drafts.Batch)."""

    def __init__(self, root: Path, ledger, report: IngestReport) -> None:
        self.root, self.ledger, self.report = root, ledger, report
        self.index = drafts.Index.load(root)
        self.resolver = drafts.Resolver(self.index)
        self.outcome = drafts.Outcome()
        self.batch = drafts.Batch(root, ledger)
        self.files = 0  # files taken
        self._in_batch = 0
        self._shared_done = {"organisations.yaml": 0, "people.yaml": 0, "memberships.yaml": 0}
        self._since = time.perf_counter()

    def add(self, result: FileResult) -> None:
        self.report.problems.extend(result.problems)
        self.report.pages += result.pages
        self.report.ocr_pages += result.ocr_pages
        if result.letters:
            _write_file(result, self.batch, self.index, self.resolver, self.report, self.outcome)
        self.files += 1
        self._in_batch += 1
        if self._in_batch >= CHECKPOINT_FILES or time.perf_counter() - self._since >= CHECKPOINT_SECONDS:
            self.checkpoint()

    def checkpoint(self) -> None:
        """The shared files' new drafts, the ledger, then the batch's letters (drafts.Batch.commit)."""
        new = {
            "organisations.yaml": self.resolver.new_organisations,
            "people.yaml": self.resolver.new_people,
            "memberships.yaml": self.resolver.new_memberships,
        }
        shared = [(name, records[self._shared_done[name] :]) for name, records in new.items()]
        self.batch.commit(shared)
        self._shared_done = {name: len(records) for name, records in new.items()}
        self._in_batch, self._since = 0, time.perf_counter()

    def finish(self) -> None:
        self.checkpoint()
        self.ledger.save(self.root)
        self.report.written, self.report.kept = self.outcome.written, self.outcome.kept
        self.report.unchanged.extend(self.outcome.unchanged)
        self.report.deleted.extend(self.outcome.deleted)


def _write_file(result: FileResult, batch, index, resolver, report, outcome) -> None:
    """The letters of one file: ids (from the ledger when the file was ingested before), then records."""
    ledger = batch.ledger
    same_source = result.digest in ledger.sources  # the very file ingest drafted these letters from
    known = ledger.sources.get(result.digest) or ledger.paths.get(result.path, [])
    ids = []
    taken = index.letter_ids | ledger.issued
    for number, (_, extraction) in enumerate(result.letters):
        if number < len(known) and (known[number] in index.letter_ids or same_source):
            ids.append(known[number])  # the same file again, or a changed file whose records still exist
        else:
            stub = _cited_only(extraction, batch, index, resolver)
            if stub is not None and stub not in ids:
                ids.append(stub)  # the letter itself, known so far only from a letter citing it
            else:
                ids.append(drafts.letter_id(extraction, taken | set(ids), resolver))
                _warn_duplicate(extraction, ids[-1], (batch, index, resolver), result.display, report)
    ledger.sources[result.digest] = ids
    ledger.paths[result.path] = ids
    ledger.issued.update(ids)
    for number, (text, extraction) in enumerate(result.letters):
        letter = ids[number]
        attachments = ids[1:] if number == 0 else []  # the first letter in a file attaches the ones after it
        mark = resolver.mark()
        record = drafts.build_record(
            extraction, letter, resolver, attachments, [], ids[0] if number else None
        )
        stubs: list[dict] = []  # drafts of letters known only because this one cites them
        cited = _citations(extraction, letter, record, index, resolver, batch, stubs)
        if cited:
            drafts.add_citations(record, cited)
        if not drafts.write_letter(batch, record, text, report.problems, outcome, same_source):
            # a person's record is kept, or the letter was deleted: the drafts made for this one (its
            # organisations, people and cited letters) would be named by no record
            resolver.forget(mark)
            if letter in outcome.deleted:
                continue
            index.add_letter(letter, record)
            report.letters += 1
            continue
        for known_by_reference in stubs:
            batch.ledger.issued.add(known_by_reference["id"])
            index.add_letter(known_by_reference["id"], known_by_reference)
            _write_record_only(batch, known_by_reference, outcome)
        _warn_incomplete(record, result.display, report)
        index.add_letter(letter, record)
        report.letters += 1


def _reference_of(extraction) -> str:
    found = extraction.our_reference
    return drafts.normal_reference(found.value if found is not None else None)


def _cited_only(extraction, batch, index, resolver) -> str | None:
    """The id of the record ingest wrote for this letter when a letter citing it came first (its
    reference, and its sender where both are known): the letter takes that id, so the citations stay."""
    reference = _reference_of(extraction)
    target = index.by_reference.get(reference) if reference else None
    if target is None:
        return None
    record = batch.cited_only(target)
    if record is None or not resolver.may_be(extraction.sender, record.get("sender")):
        return None
    return target


def _warn_duplicate(extraction, letter: str, dataset, display: str, report: IngestReport) -> None:
    """A warning when the dataset holds a letter of the same reference and sender already (the same
    letter as a PDF and as OCR'd text, or ingested from two folders): both are written, a person keeps one."""
    batch, index, resolver = dataset
    reference = _reference_of(extraction)
    other = index.by_reference.get(reference) if reference else None
    if other is None or other == letter or not resolver.may_be(extraction.sender, _sender_of(batch, other)):
        return
    report.problems.append(
        Problem(
            "possible-duplicate",
            WARNING,
            f"{letter} has the reference {extraction.our_reference.value} of letter {other}: "
            "it may be the same letter",
            Location(display),
            field="our_reference",
            hint=f"if it is, delete one of letters/{letter}.yaml and letters/{other}.yaml with its .txt "
            "(a later ingest of the same file does not draft it again)",
        )
    )


def _sender_of(batch, letter: str) -> object:
    try:
        record = yaml.load(batch.read(f"{drafts.LETTERS}/{letter}.yaml") or "", Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    return record.get("sender") if isinstance(record, dict) else None


def _citations(extraction, letter, record, index, resolver, batch, stubs: list[dict]) -> list[str]:
    """Cited letters found in the dataset by reference (or sender and date); otherwise a draft of the
    cited letter, added to `stubs` (written with the citing letter, when it is)."""
    cited = []
    for citation in extraction.cites:
        reference = drafts.normal_reference(citation.reference.value if citation.reference else None)
        target = index.by_reference.get(reference) if reference else None
        if target is None and reference:  # cited twice in this letter
            target = next(
                (s["id"] for s in stubs if drafts.normal_reference(s["our_reference"]) == reference), None
            )
        if target is None and citation.sender and citation.date:
            # looked up by a sender that is a record already: a draft made for it would be named by none
            target = index.by_sender_date.get((resolver.existing(citation.sender), citation.date.value))
        if target is None and batch.record_deleted(drafts.cited_id(citation)):
            continue  # a person deleted the draft ingest made of this cited letter: not drafted again
        if target is None:
            taken = index.letter_ids | batch.ledger.issued | {stub["id"] for stub in stubs}
            known = drafts.cited_record(citation, letter, resolver, taken, record)
            if known is None:
                continue
            target = known["id"]
            stubs.append(known)
        if target != letter:
            cited.append(target)
    return cited


def _write_record_only(batch, record, outcome) -> None:
    key = f"{drafts.LETTERS}/{record['id']}.yaml"
    content = drafts.dump_yaml(record)
    current = batch.read(key)
    if current is not None and (
        current == content or drafts.reviewed(current, batch.ledger.written.get(key))
    ):
        return
    batch.write(key, content)
    outcome.written.append(record["id"])


def _warn_incomplete(record: dict, display: str, report: IngestReport) -> None:
    if "addressees" not in record and "addressees" not in record.get("unknown", ()):
        report.problems.append(
            Problem(
                "draft-incomplete",
                WARNING,
                f"no addressee was found for {record['id']}; "
                "the draft cannot be published until a person adds one",
                Location(display),
                field="addressees",
                hint=f"add addressees to letters/{record['id']}.yaml",
            )
        )


def terminal_progress(stream=sys.stderr):
    """A progress line on a terminal (nothing when the output is not one)."""
    if not stream.isatty():
        return None
    started = time.perf_counter()

    def show(done: int, total: int, display: str) -> None:
        rate = done / max(time.perf_counter() - started, 1e-6)
        name = display if len(display) <= 50 else "…" + display[-49:]
        stream.write(f"\r\033[K{done}/{total} files ({rate:.1f}/s) {name}")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
