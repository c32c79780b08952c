"""The build cache: each letter's finished unit of work, stored by content hash in SQLite.

A letter is rebuilt only when its own files, the code, the model or the build context change.
File digests are remembered by (size, mtime) so unchanged files are not even read again.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from pathlib import Path

from . import __version__

PACKAGE_DIR = Path(__file__).resolve().parent
CODE_FILES = ("**/*.py", "data/*")


def code_version() -> str:
    """A digest of everything that shapes a letter's result: the code, the model and its artefacts."""
    digest = hashlib.sha256(__version__.encode())
    schemas = PACKAGE_DIR.parent / "schemas"
    files = [p for pattern in CODE_FILES for p in PACKAGE_DIR.glob(pattern)]
    files += [schemas / "model.yaml", *sorted((schemas / "generated").glob("*"))]
    for path in sorted(set(files)):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    """sha256 of a file; '-' when there is no readable file (the reading stage reports why)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "-"


class UnitCache:
    """Letter units by key; a disabled cache (path None) remembers nothing."""

    def __init__(self, path: Path | None) -> None:
        self.used: set[str] = set()
        self.db = None
        if path is not None:
            path.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path / "units.sqlite")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("CREATE TABLE IF NOT EXISTS units (key TEXT PRIMARY KEY, unit BLOB)")
            self.db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INT, mtime INT, digest TEXT)")
            self._stats = {row[0]: row[1:] for row in self.db.execute("SELECT path, size, mtime, digest FROM files")}
            self._new_stats: list[tuple] = []

    def digest(self, path: Path) -> str:
        """Content digest of a file, read only when its size or mtime changed."""
        if self.db is None:
            return _file_digest(path)
        try:
            stat = path.stat()
        except OSError:
            return "-"
        known = self._stats.get(str(path))
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            return known[2]
        digest = _file_digest(path)
        self._new_stats.append((str(path), stat.st_size, stat.st_mtime_ns, digest))
        return digest

    def letter_key(self, yaml_path: Path, fingerprint: str) -> str:
        """The cache key of a letter: the build's fingerprint and its record's and text's digests."""
        text = yaml_path.with_suffix(".txt")
        parts = (fingerprint, self.digest(yaml_path), self.digest(text))
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, object]:
        self.used.update(keys)
        if self.db is None:
            return {}
        found = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = self.db.execute(f"SELECT key, unit FROM units WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            found.update((key, pickle.loads(blob)) for key, blob in rows)
        return found

    def put_many(self, items: dict[str, object]) -> None:
        if self.db is None:
            return
        self.db.executemany("INSERT OR REPLACE INTO units VALUES (?, ?)",
                            [(key, pickle.dumps(unit, protocol=pickle.HIGHEST_PROTOCOL)) for key, unit in items.items()])

    def close(self, prune: bool) -> None:
        """Store new file digests; with `prune`, forget units this build did not use."""
        if self.db is None:
            return
        self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", self._new_stats)
        if prune:
            self.db.execute("CREATE TEMP TABLE keep (key TEXT PRIMARY KEY)")
            self.db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", [(k,) for k in self.used])
            self.db.execute("DELETE FROM units WHERE key NOT IN (SELECT key FROM keep)")
        self.db.commit()
        self.db.close()
        self.db = None
