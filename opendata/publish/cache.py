"""The build cache: each letter's finished unit of work, stored by content hash in SQLite.

A letter is rebuilt only when its own files, the code, the model or the build context change.
File digests are remembered by the file's status (size, modification and change time, inode) so
unchanged files are not even read again. The change time and the inode are the kernel's own: a file
edited and given back its old modification time (`cp -p`, `touch -r`, `tar`, `rsync -a`) or swapped
for another by `mv` is read again. A file changed too recently for its times to tell a later change
in the same clock tick apart (`RACY_NS`) is not remembered: the next build reads it again.

A letter's packed parts (its N-Triples and each output's share) are stored apart from the rest of
its unit and stay on disk: the unit a build holds reads them when an output asks for them
(opendata/publish/stored_parts.py), so memory does not grow with the letters' parts. Units no
build used last time are forgotten when the next build starts, and only while no other build
holds the cache (its lock).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import sqlite3
import stat
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from opendata import __version__
from opendata.build.letter_unit import LetterUnit
from opendata.model.problems import WARNING, Location, Problem
from opendata.model.resources import schemas_dir
from opendata.publish.stored_parts import CacheLock, PartReader, StoredParts, checksum

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the opendata package
CODE_FILES = ("**/*.py", "data/*")
# tools beside the pipeline and the commands above it, which it never imports (the import-linter
# contracts in pyproject.toml: the layers above opendata.publish, and ingest and synth): changing them
# changes no letter's result, so it keeps the cache warm (editing the benchmark made 100,000 letters cold)
BESIDE_THE_PIPELINE = (
    "ingest",
    "synth",
    "__main__.py",
    "cli.py",
    "bench.py",
    "bench_queries.py",
    "bench_virtuoso.py",
    "generate.py",
    "vocabulary_doc.py",
    "query",
    "serve.py",
)
DATABASE = "units.sqlite"
# a file whose status changed less than this before it was read may change again within the same
# tick of the file system's clock without its times changing: its digest is not remembered
RACY_NS = 2_000_000_000


def code_version() -> str:
    """A digest of everything that shapes a letter's result: the code, the model and its artefacts."""
    digest = hashlib.sha256(__version__.encode())
    schemas = schemas_dir()
    files = [
        p
        for pattern in CODE_FILES
        for p in PACKAGE_DIR.glob(pattern)
        if p.relative_to(PACKAGE_DIR).parts[0] not in BESIDE_THE_PIPELINE
    ]
    files += [schemas / "model.yaml", *sorted((schemas / "generated").glob("*"))]
    for path in sorted(set(files)):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


DIGEST_LIMIT = 64 << 20  # larger sources are refused when read; hashing more of them is wasted


def _file_digest(path: Path) -> str:
    """sha256 of a regular file; '-' when there is none (the reading stage reports why).

    Opened without blocking and checked before reading: a named pipe or a link to /dev/zero in the
    sources must neither hang nor exhaust memory here, before the reading stage can report it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return "-"
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return "-"
        digest, total = hashlib.sha256(), 0
        while total <= DIGEST_LIMIT:
            block = os.read(fd, 1 << 20)
            if not block:
                return digest.hexdigest()
            digest.update(block)
            total += len(block)
        return "-"
    except OSError:
        return "-"
    finally:
        os.close(fd)


def _damaged(db: sqlite3.Connection, key: str, blob: bytes) -> bool:
    """Whether a letter's stored unit cannot be read or a part of it has lost its checksum."""
    try:
        stored = pickle.loads(blob)
    except Exception:  # unpickling can raise almost anything
        return True
    if not isinstance(stored, tuple):
        return False  # the shared records' unit: no parts
    _, names, checks = stored
    found = {
        name: checksum(part)
        for name, part in db.execute("SELECT name, blob FROM parts WHERE key = ?", (key,))
    }
    return found != dict(zip(names, checks))


class UnitCache:
    """Letter units by key; a disabled cache (path None) remembers nothing."""

    def __init__(self, path: Path | None) -> None:
        self.used: set[str] = set()
        self.db: sqlite3.Connection | None = None
        self.problems: list[
            Problem
        ] = []  # a cache that had to be rebuilt (a warning: nothing is lost but time)
        self._stats: dict[str, tuple[int, int, int, int, str]] = {}
        self._new_stats: list[tuple[str, int, int, int, int, str]] = []
        self.lock: CacheLock | None = None
        self.reader: PartReader | None = None  # reads the letters' parts while the outputs are written
        if path is None:
            return
        try:
            path.mkdir(parents=True, exist_ok=True)
            self.lock = CacheLock(path)
        except OSError as exc:  # a file where the folder should be, no permission, a read-only disk
            self._unusable(path, exc)
            return
        try:
            self._open(path / DATABASE)
        except sqlite3.DatabaseError as exc:  # not a database, truncated, or from an incompatible version
            self._rebuild(path, exc)

    def _unusable(self, path: Path, exc: OSError) -> None:
        """Build without a cache (it is only a speed-up), and say why once."""
        self.problems.append(
            Problem(
                "cache-unusable",
                WARNING,
                f"the build cache {path} cannot be used ({exc.strerror or exc}); every letter is built "
                "afresh and nothing is kept",
                Location(str(path)),
                hint="give --cache a folder this user may write (or --no-cache)",
            )
        )

    def _open(self, database: Path) -> None:
        self.db = db = sqlite3.connect(database)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS units (key TEXT PRIMARY KEY, unit BLOB)")
        db.execute(
            "CREATE TABLE IF NOT EXISTS parts (key TEXT, name TEXT, blob BLOB, PRIMARY KEY (key, name))"
        )
        db.execute("CREATE TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY)")  # the units the last build used
        columns = [row[1] for row in db.execute("PRAGMA table_info(files)")]
        if columns == ["path", "size", "mtime", "digest"]:  # an earlier version's, by size and mtime only
            db.execute("DROP TABLE files")
        db.execute(
            "CREATE TABLE IF NOT EXISTS files "
            "(path TEXT PRIMARY KEY, size INT, mtime INT, ctime INT, inode INT, digest TEXT)"
        )
        self._stats = {
            row[0]: tuple(row[1:])
            for row in db.execute("SELECT path, size, mtime, ctime, inode, digest FROM files")
        }
        if any(len(known) != 5 for known in self._stats.values()):
            raise sqlite3.DatabaseError("the table of file digests has the wrong shape")
        assert self.lock is not None
        if self.lock.try_exclusive():  # no other build reads units now: forget those the last one left
            self._forget_unkept()
        self.lock.shared()
        self.reader = PartReader(database, self.lock)

    def _forget_unkept(self) -> None:
        assert self.db is not None
        if self.db.execute("SELECT 1 FROM kept LIMIT 1").fetchone() is None:
            return  # no build has finished with this cache yet
        for table in ("units", "parts"):
            self.db.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM kept)")
        self.db.commit()

    def _rebuild(self, path: Path, exc: Exception) -> None:
        """Remove the cache's own files (only those) and start an empty cache; warn once."""
        if self.db is not None:
            self.db.close()
            self.db = None
        for name in (DATABASE, DATABASE + "-wal", DATABASE + "-shm", DATABASE + "-journal"):
            (path / name).unlink(missing_ok=True)
        self.problems.append(
            Problem(
                "cache-rebuilt",
                WARNING,
                f"the build cache {path / DATABASE} could not be read "
                f"({exc}); it was emptied and every letter is built afresh",
                Location(str(path)),
                hint="nothing to do: the cache is only a speed-up (--no-cache skips it)",
            )
        )
        self._open(path / DATABASE)

    def digest(self, path: Path) -> str:
        """Content digest of a file, read only when its status (size, times, inode) changed."""
        if self.db is None:
            return _file_digest(path)
        try:
            info = path.stat()
        except OSError:
            return "-"
        status = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        known = self._stats.get(str(path))
        if known and known[:4] == status:
            return known[4]
        digest = _file_digest(path)
        if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > RACY_NS:
            self._new_stats.append((str(path), *status, digest))
        return digest

    def letter_key(self, yaml_path: Path, fingerprint: str) -> str:
        """The cache key of a letter: the build's fingerprint and its record's and text's digests."""
        text = yaml_path.with_suffix(".txt")
        parts = (fingerprint, self.digest(yaml_path), self.digest(text))
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        """The units stored under these keys: whatever was put there (a key says its kind of unit)."""
        self.used.update(keys)
        if self.db is None:
            return {}
        found = {}
        for key, blob in self._rows_of("SELECT key, unit FROM units WHERE key IN ({})", keys):
            try:
                found[key] = pickle.loads(blob)
            except (
                Exception
            ):  # a damaged entry (unpickling can raise almost anything): build the letter again
                continue
        return found

    def _rows_of(self, sql: str, keys: list[str]) -> Iterator[tuple]:
        """The rows of `sql` (its `IN ({})` given the keys), 500 keys a query."""
        assert self.db is not None
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            yield from self.db.execute(sql.format(",".join("?" * len(chunk))), chunk)

    def put_many(self, items: Mapping[str, object]) -> None:
        if self.db is None:
            return
        self.db.executemany(
            "INSERT OR REPLACE INTO units VALUES (?, ?)",
            [(key, pickle.dumps(unit, protocol=pickle.HIGHEST_PROTOCOL)) for key, unit in items.items()],
        )

    def get_letters(self, keys: list[str]) -> dict[str, LetterUnit]:
        """The letters' units stored under these keys, their parts left in the cache (read on demand)."""
        found = self.get_many(keys)
        counts = self._part_counts(list(found))
        for key, stored in list(found.items()):
            if isinstance(stored, tuple):  # (the unit without its parts, the parts' names and checksums)
                unit, names, checks = stored
                if counts.get(key, 0) != len(names):  # parts lost: build the letter again
                    del found[key]
                    continue
                assert self.reader is not None
                unit.packed = StoredParts(self.reader, key, names, checks)
                found[key] = unit
        return found

    def _part_counts(self, keys: list[str]) -> dict[str, int]:
        """How many parts the cache holds of each of these letters."""
        if self.db is None:
            return {}
        return dict(self._rows_of("SELECT key, count(*) FROM parts WHERE key IN ({}) GROUP BY key", keys))

    def put_letters(self, units: Mapping[str, LetterUnit]) -> None:
        """Store new letters' units, their parts apart; then the units read their parts from here."""
        if self.db is None or self.reader is None:
            return
        heads, parts = [], []
        checks = {key: tuple(checksum(blob) for blob in unit.packed.values()) for key, unit in units.items()}
        for key, unit in units.items():
            head = dataclasses.replace(unit, packed={})
            heads.append((key, (head, tuple(unit.packed), checks[key])))
            parts += [(key, name, blob) for name, blob in unit.packed.items()]
        self.put_many(dict(heads))
        self.db.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?, ?)", parts)
        self.db.commit()  # before the reader, on its own connection, can see them
        for key, unit in units.items():
            unit.packed = StoredParts(self.reader, key, tuple(unit.packed), checks[key])

    @staticmethod
    def forget_damaged(path: Path) -> None:
        """Remove from the cache in `path` every letter a part of which no longer has its checksum (a
        part found damaged: the others are checked too, once), so the next build makes them again.
        Nothing when the cache cannot be opened."""
        try:
            with contextlib.closing(sqlite3.connect(path / DATABASE, timeout=60)) as db, db:
                damaged = [
                    key for key, blob in db.execute("SELECT key, unit FROM units") if _damaged(db, key, blob)
                ]
                for key in damaged:
                    db.execute("DELETE FROM units WHERE key = ?", (key,))
                    db.execute("DELETE FROM parts WHERE key = ?", (key,))
        except sqlite3.Error:
            pass

    def follow(self, units: list[LetterUnit]) -> None:
        """The order in which the outputs will read these letters' parts: the reader reads ahead."""
        if self.reader is not None:
            self.reader.follow([unit.packed for unit in units if isinstance(unit.packed, StoredParts)])

    def close(self, prune: bool) -> None:
        """Store new file digests and which units this build used: with `prune` only those are kept
        (the next build forgets the others), without it they are added to those kept. The reader of
        the letters' parts stays open until `release`."""
        if self.db is None:
            return
        self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)", self._new_stats)
        if prune:
            self.db.execute("DELETE FROM kept")
        self.db.executemany("INSERT OR IGNORE INTO kept VALUES (?)", [(k,) for k in sorted(self.used)])
        self.db.commit()
        self.db.close()
        self.db = None

    def release(self) -> None:
        """Close the reader of the letters' parts and let other builds forget units again."""
        self.close(prune=False)
        if self.reader is not None:
            self.reader.close()
            self.reader = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
