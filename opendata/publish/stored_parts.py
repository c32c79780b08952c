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
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path

LOCK_FILE = "units.lock"
AHEAD = 200  # parts of one name read in one query (SQLite takes up to 32,766 values)


class CacheLost(RuntimeError):
    """A part the cache held when the build began is gone from it (deleted or damaged meanwhile).
    `key`: the letter's cache key when its part is there but damaged (the publish forgets it)."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


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
        self._ahead: dict[str, dict[str, bytes]] = {}  # part name -> the parts last read ahead, by key
        self._order: list[str] = []  # the cache keys in the order the writers take the letters
        self._last: dict[str, int] = {}  # part name -> the position of the letter last asked for
        self.queries = 0  # how many times the database was asked (tests count them)
        self.rows = 0  # how many parts those queries gave

    def follow(self, parts: list[StoredParts]) -> None:
        """The order the writers will ask for these letters' parts in (the publication's)."""
        self._order = [stored.key for stored in parts]
        for position, stored in enumerate(parts):
            stored.position = position

    def part(self, key: str, name: str, position: int) -> bytes:
        """A letter's part. Most writers ask in the letters' order: then a miss reads the same part of
        the next letters in that order too, in one query (one query a part costs four times as much).
        A part asked for out of order is read alone."""
        with self._mutex:
            blob = self._ahead.get(name, {}).get(key)
            if blob is None and self._reads_on(name, position):
                self._ahead[name] = self._read(self._order[position : position + AHEAD], name)
                blob = self._ahead[name].get(key)
            elif blob is None:  # asked for out of order (the change stream's members): this one only
                blob = self._read([key], name).get(key)
            self._last[name] = position
        if blob is None:
            raise CacheLost(
                f"the build cache {self.database} no longer holds the part {name!r} of a letter "
                "(removed or damaged while this build ran)"
            )
        return blob

    def _reads_on(self, name: str, position: int) -> bool:
        """Whether the reads of this part go on in order (the first read of a part is taken to)."""
        return position >= 0 and (name not in self._last or position == self._last[name] + 1)

    def _read(self, keys: list[str], name: str) -> dict[str, bytes]:
        if self._db is None:
            raise CacheLost(f"the build cache {self.database} was closed before every output was written")
        self.queries += 1
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(
            f"SELECT key, blob FROM parts WHERE name = ? AND key IN ({marks})", [name, *keys]
        )
        found = {key: bytes(blob) for key, blob in rows}
        self.rows += len(found)
        return found

    def close(self) -> None:
        with self._mutex:
            if self._db is not None:
                self._db.close()
                self._db = None
            self._ahead, self._order, self._last = {}, [], {}
        self.lock.release()


def checksum(blob: bytes) -> int:
    """The check of a part's bytes kept with its letter's unit (CRC-32)."""
    return zlib.crc32(blob)


class StoredParts(Mapping[str, bytes]):
    """A letter's packed parts by name (as LetterUnit.packed): the names (and each part's checksum) in
    memory, the bytes in the cache. A part whose bytes no longer have their checksum (the database
    damaged inside, where SQLite does not see it) is lost, not handed on. Pickled (to be sent to
    another process), it becomes the plain dict of its parts."""

    __slots__ = ("_checks", "_names", "_reader", "key", "position")

    def __init__(self, reader: PartReader, key: str, names: tuple[str, ...], checks: tuple[int, ...]) -> None:
        self._reader, self.key, self._names = reader, key, names
        self._checks = checks  # in the order of the names: a tuple, not a dict per letter
        self.position = -1  # in the order the reader follows (-1: none)

    def __getitem__(self, name: str) -> bytes:
        if name not in self._names:
            raise KeyError(name)
        blob = self._reader.part(self.key, name, self.position)
        if checksum(blob) != self._checks[self._names.index(name)]:
            raise CacheLost(
                f"the build cache {self._reader.database} holds a damaged part {name!r} of a letter; "
                "the letters damaged are forgotten, and the next publish builds them again",
                self.key,
            )
        return blob

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __reduce__(self):
        return (dict, (dict(self.items()),))
