"""What each resource's site files were made from, so a publish renders only the resources whose
inputs changed and hard-links the others' files from the previous build.

A resource's files (its page in nl and en, its description in three syntaxes) are a function of
  - its own part of the graph: the resource's triples, or for a letter's resources the letter's whole
    part and its published text (a letter page highlights its positions' passages in that text),
    and the figures drawn for it;
  - the code and vocabulary that turn them into files (`code_digest`);
  - the facts about other resources the page read (names, inverse links, letter summaries, shared
    records: noted by Facts while the page was built).
The record keeps, per resource, the digest of the first two, the reads with the digest of what they
saw, and each file's sha256. When the own digest is equal and the reads see the same values now, the
page would be rendered to the same bytes: the previous build's files are linked if its manifest
gives them those sha256 (so a record of another build can only cost a render, never a wrong file).

The record lives beside the builds (the folder of --out's builds), never inside one: it is not
published. Without it (a first publish, or a deleted record) every resource is rendered. It is an SQLite
database, read entry by entry as the writer asks and updated by the entries a build wrote anew: after a
small change a build neither reads nor writes the whole record (at 100,000 letters some 280,000 entries).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from opendata.outputs.site.facts import Facts

NAME = "site-inputs.sqlite"
FORMER_NAMES = ("site-inputs.json.gz",)  # the record as earlier versions kept it: removed on save
READS_KEPT = 1 << 18  # reads whose digest Reads remembers (a few tens of MB)
SITE = Path(__file__).resolve().parent
# Besides the site's own package: the modules and libraries whose behaviour shapes a page's bytes.
CODE_FILES = (SITE.parent / "triples.py", SITE.parent.parent / "build" / "graph.py")
LIBRARIES = ("pyoxigraph", "jinja2", "markupsafe")


@dataclass
class Entry:
    own: str  # digest of the resource's own inputs and the code
    reads: list[tuple[str, str]]  # (kind, key) read from Facts while the page was built, sorted
    seen: str  # digest of what those reads saw
    files: str  # digest of the files' paths in the build and their sha256 (files_digest)
    # a letter's: digest of what the search index takes from its page (search.py); "" for the others
    search: str = ""
    # read from the record as it is stored (a linked resource's): saving it again writes nothing
    stored: bool = field(default=False, compare=False)


def code_digest(*parts: object) -> str:
    """The site's code, its template and the libraries' versions, with `parts` (terms, prefixes...)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in SITE.rglob("*") if p.is_file() and p.suffix in (".py", ".html")):
        digest.update(path.relative_to(SITE).as_posix().encode() + b"\0" + path.read_bytes())
    for path in CODE_FILES:
        digest.update(path.read_bytes())
    for library in LIBRARIES:
        digest.update(f"{library}={version(library)}\0".encode())
    digest.update(json.dumps(parts, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def digest(*parts: str | bytes) -> str:
    found = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        found.update(len(data).to_bytes(8, "big") + data)
    return found.hexdigest()


def files_digest(names: list[str], sha256: dict[str, str]) -> str:
    """The digest of files' paths with their sha256 ("" for a path `sha256` does not have)."""
    return digest(*(f"{name}\0{sha256.get(name, '')}" for name in sorted(names)))


class Reads:
    """What reads of the facts see now (`seen`), each read's value digested once and remembered
    while it is asked for: a sender's name is read by every page of its letters, a letter's own
    names by its few pages one after another. Of the reads asked for least recently, only the
    last READS_KEPT are kept, so memory stays bounded on an archive of any size; the facts are set
    by the time pages are built and checked."""

    def __init__(self, facts: Facts):
        self.facts = facts
        self._digest = functools.lru_cache(maxsize=READS_KEPT)(self._value_digest)

    def _value_digest(self, read: tuple[str, str]) -> bytes:
        data = f"{read[0]}\0{read[1]}\0{self.facts.value(*read)}".encode("utf-8", "surrogatepass")
        return hashlib.blake2b(data, digest_size=16).digest()

    def seen(self, reads: list[tuple[str, str]]) -> str:
        """The digest of what `reads` see in the facts now."""
        return hashlib.sha256(b"".join(map(self._digest, reads))).hexdigest()


_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS reads (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, key TEXT NOT NULL,"
    " UNIQUE (kind, key))",
    # reads: the entry's read ids as unsigned 32-bit integers (array "I"), in the entry's order
    "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, own TEXT NOT NULL, reads BLOB NOT NULL,"
    " seen TEXT NOT NULL, files TEXT NOT NULL, search TEXT NOT NULL)",
)


class Record(Mapping[str, Entry]):
    """The record a previous build saved, its entries read from the database as they are asked for.
    Its reads (far fewer than the entries' references to them) are read once, whole. A record that
    cannot be read (missing, damaged, of another shape) is empty: every resource is then rendered."""

    def __init__(self, path: Path):
        self._db: sqlite3.Connection | None = None
        self._reads: dict[int, tuple[str, str]] = {}
        if not path.is_file():
            return
        try:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._reads = {
                number: (kind, key) for number, kind, key in db.execute("SELECT id, kind, key FROM reads")
            }
            db.execute("SELECT key, own, reads, seen, files, search FROM entries LIMIT 1").fetchall()
            self._db = db
        except sqlite3.DatabaseError:
            self._reads = {}

    def __getitem__(self, key: str) -> Entry:
        row = None
        if self._db is not None:
            row = self._db.execute(
                "SELECT own, reads, seen, files, search FROM entries WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            raise KeyError(key)
        own, packed, seen, files, search = row
        numbers = array("I")
        numbers.frombytes(packed)
        try:
            reads = [self._reads[number] for number in numbers]
        except KeyError:  # a read the table lacks: the entry says nothing that can be trusted
            raise KeyError(key) from None
        return Entry(own, reads, seen, files, search, stored=True)

    def __contains__(self, key: object) -> bool:
        if self._db is None or not isinstance(key, str):
            return False
        return self._db.execute("SELECT 1 FROM entries WHERE key = ?", (key,)).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        if self._db is None:
            return iter(())
        return (key for (key,) in self._db.execute("SELECT key FROM entries ORDER BY key").fetchall())

    def __len__(self) -> int:
        return 0 if self._db is None else self._db.execute("SELECT count(*) FROM entries").fetchone()[0]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __getstate__(self):
        raise TypeError("a record is read in the process that opened it; a worker is given its entries")


def load(folder: Path) -> Record:
    """The record kept by the last site build beside `folder` (empty when there is none or it is unreadable)."""
    return Record(folder / NAME)


def load_file(path: Path) -> dict[str, Entry]:
    """A saved record read whole (tests compare two builds' records)."""
    record = Record(path)
    try:
        return {key: entry for key in record if (entry := record.get(key)) is not None}
    finally:
        record.close()


def save(folder: Path, entries: dict[str, Entry]) -> None:
    """Bring the record to `entries`, in one transaction (a publish killed meanwhile leaves the old one):
    write the entries not read from it as stored, remove those of resources the build no longer has.
    Where no entry was read from it (a first build, a new code version: every page rendered), the record
    is written afresh into a new file that then replaces the old one, so reads no page makes any longer
    do not pile up across versions."""
    path = folder / NAME
    for former in FORMER_NAMES:
        with contextlib.suppress(FileNotFoundError):
            (folder / former).unlink()
    if path.is_file() and any(entry.stored for entry in entries.values()):
        try:
            _update(path, entries)
            return
        except sqlite3.DatabaseError:  # damaged since it was read: written afresh below
            pass
    temporary = folder / f".{NAME}.{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    _update(temporary, entries)
    os.replace(temporary, path)


_ROWS_AT_ONCE = 5000


def _update(path: Path, entries: dict[str, Entry]) -> None:
    """Write the entries not stored yet and remove the entries of keys `entries` lacks, in one transaction."""
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        for statement in _SCHEMA:
            db.execute(statement)
        numbers: dict[tuple[str, str], int] = {}  # the reads of the entries written, looked up once each

        def number(read: tuple[str, str]) -> int:
            found = numbers.get(read)
            if found is None:
                row = db.execute("SELECT id FROM reads WHERE kind = ? AND key = ?", read).fetchone()
                if row is None:
                    row = (db.execute("INSERT INTO reads (kind, key) VALUES (?, ?)", read).lastrowid,)
                found = numbers[read] = row[0]
            return found

        rows = []
        for key, entry in sorted(entries.items()):
            if entry.stored:
                continue
            packed = array("I", map(number, entry.reads)).tobytes()
            rows.append((key, entry.own, packed, entry.seen, entry.files, entry.search))
            if len(rows) == _ROWS_AT_ONCE:
                _put(db, rows)
        _put(db, rows)
        gone = [(key,) for (key,) in db.execute("SELECT key FROM entries").fetchall() if key not in entries]
        db.executemany("DELETE FROM entries WHERE key = ?", gone)


def _put(db: sqlite3.Connection, rows: list[tuple]) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO entries (key, own, reads, seen, files, search) VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    rows.clear()
