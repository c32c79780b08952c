"""Reuse of an output's files from the previous build, by the digest of what each file is made from.

A record beside the builds (never published) keeps, per file of the last build, the digest of its
inputs, the sha256 of its bytes and the file's identity; an output that can state a file's inputs
asks `Reuse.link` before it writes the file, and `Reuse.write` after. The change stream and the
Woo-index use it (the website keeps a record of its own: site/inputs.py, for pages that also depend
on what they read of other resources).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from opendata.outputs.digests import HASHED, link_if_same, remember_sha256


@dataclass
class Reuse:
    """Files of an output that the previous build holds with the bytes they would get: a record beside
    the builds (never published) keeps, per file of the last build made, the digest of its inputs, the
    sha256 of its bytes and the identity of the file (device, inode, size, mtime). A file whose inputs
    are as recorded is hard-linked from the previous build when the previous build's file is that very
    file, so a record of another build can only cost a write, never a wrong file. The previous build's
    manifest is not read (at 10,000 letters it takes seconds); the manifest takes a linked file's
    digest by inode. Without a previous build or a record every file is written."""

    record: Path
    previous: Path | None = None
    seen: dict[str, list] = field(default_factory=dict)  # path -> [inputs, sha256, *identity], as recorded
    made: dict[str, list] = field(default_factory=dict)  # the same, of this build
    linked: int = 0
    written: int = 0

    @classmethod
    def beside(cls, out: Path, name: str, previous: Path | None) -> Reuse:
        """The record `name` beside the build folder `out`."""
        reuse = cls(out.parent / name, previous)
        if previous is None:
            return reuse
        try:
            seen = json.loads(gzip.decompress(reuse.record.read_bytes()))
        except (OSError, ValueError, EOFError):
            return reuse
        if isinstance(seen, dict):
            reuse.seen = seen
        return reuse

    def link(self, target: Path, path: str, inputs: str) -> bool:
        """Link `path` (relative to the build) from the previous build when its inputs are as recorded."""
        entry = self.seen.get(path)
        if self.previous is None or not inputs or not isinstance(entry, list) or entry[:1] != [inputs]:
            return False
        try:
            before = (self.previous / path).stat()
            if [before.st_dev, before.st_ino, before.st_size, before.st_mtime_ns] != entry[2:]:
                return False
            os.link(self.previous / path, target)
        except OSError:
            return False
        remember_sha256(target, entry[1])
        self.made[path] = entry
        self.linked += 1
        return True

    def write(self, target: Path, path: str, inputs: str, data: bytes) -> None:
        """Write `data` to `path`; record its inputs ("" records nothing) and its sha256."""
        target.write_bytes(data)
        self.wrote(target, path, inputs, hashlib.sha256(data).hexdigest())

    def wrote(self, target: Path, path: str, inputs: str, digest: str) -> None:
        """`path` was written with bytes of sha256 `digest`: the manifest takes it, the record keeps it.
        Bytes the previous build's file has already become a link to it, as the manifest would make them
        (publish/switch.py), so that the record names the file the next build finds."""
        if self.previous is not None:
            with contextlib.suppress(OSError):  # not there, or elsewhere: the file stays as written
                link_if_same(os.fspath(target), os.fspath(self.previous / path), target.stat().st_size)
        remember_sha256(target, digest)
        stat = target.stat()
        HASHED.files += 1  # hashed here, as written, instead of read again by the manifest
        HASHED.bytes += stat.st_size
        self.written += 1
        if inputs:
            self.made[path] = [inputs, digest, stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns]

    def save(self) -> None:
        """Replace the record atomically (a publish killed while writing it leaves the old one)."""
        temporary = self.record.with_name(f".{self.record.name}.{os.getpid()}")
        temporary.write_bytes(gzip.compress(json.dumps(self.made, sort_keys=True).encode("utf-8"), 1))
        os.replace(temporary, self.record)
