"""The letters' packed parts, left in the build cache's database and read when an output asks.

A letter's unit carries its N-Triples and each output's part, compressed (LetterUnit.packed): about
7.5 KB a letter, 750 MB at 100,000 letters and 7.5 GB at a million. With a cache, those bytes stay
in the database: the unit in memory holds a `StoredParts`, which reads one part by (letter key,
part name) when an output asks for it, and only the part's name otherwise. The writers take the
letters in order, one at a time, so no more than a few parts are in memory at once.

A publish holds a shared lock on the cache (`units.lock`) while its units may still be read; the
cache only forgets units while nobody holds one (opendata/publish/cache.py).
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path

LOCK_FILE = "units.lock"


class CacheLost(RuntimeError):
    """A part the cache held when the build began is gone from it (deleted or damaged meanwhile)."""


class CacheLock:
    """A lock on the cache folder: shared while a build may read units, exclusive to forget some."""

    def __init__(self, folder: Path) -> None:
        self.fd: int | None = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        self._closing = weakref.finalize(self, os.close, self.fd)  # a build dropped without release()

    def try_exclusive(self) -> bool:
        """Whether no other build holds the cache now (and none will until `shared()`)."""
        assert self.fd is not None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def shared(self) -> None:
        """Hold the cache for reading (waits while another build forgets units)."""
        assert self.fd is not None
        fcntl.flock(self.fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self.fd is not None:
            self._closing()  # closing the descriptor releases the lock
            self.fd = None


class PartReader:
    """Reads parts from the cache's database; one per build, shared by its units and their threads."""

    def __init__(self, database: Path, lock: CacheLock) -> None:
        self.database, self.lock = database, lock
        self._db: sqlite3.Connection | None = sqlite3.connect(
            database.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False
        )
        self._mutex = threading.Lock()

    def part(self, key: str, name: str) -> bytes:
        with self._mutex:
            if self._db is None:
                raise CacheLost(f"the build cache {self.database} was closed before every output was written")
            row = self._db.execute(
                "SELECT blob FROM parts WHERE key = ? AND name = ?", (key, name)
            ).fetchone()
        if row is None:
            raise CacheLost(
                f"the build cache {self.database} no longer holds the part {name!r} of a letter "
                "(removed or damaged while this build ran)"
            )
        return bytes(row[0])

    def close(self) -> None:
        with self._mutex:
            if self._db is not None:
                self._db.close()
                self._db = None
        self.lock.release()


class StoredParts(Mapping[str, bytes]):
    """A letter's packed parts by name (as LetterUnit.packed): the names in memory, the bytes in the
    cache. Pickled (to be sent to another process), it becomes the plain dict of its parts."""

    __slots__ = ("_key", "_names", "_reader")

    def __init__(self, reader: PartReader, key: str, names: tuple[str, ...]) -> None:
        self._reader, self._key, self._names = reader, key, names

    def __getitem__(self, name: str) -> bytes:
        if name not in self._names:
            raise KeyError(name)
        return self._reader.part(self._key, name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __reduce__(self):
        return (dict, (dict(self.items()),))
