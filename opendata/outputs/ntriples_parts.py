"""graph.nt.gz in parts: each block of the graph's N-Triples compressed on its own, and the parts of
the previous build reused for the blocks whose bytes did not change.

The file is one gzip member (one header, one trailer: every gzip reader reads all of it, also those
that stop after a first member, such as an HTTP server's `Content-Encoding: gzip` decoder) whose
DEFLATE stream is the parts one after the other. A part is a block's bytes compressed by a fresh
compressor and ended with a sync flush (byte-aligned, not final), as pigz writes its blocks: it uses
no byte of the blocks before it, so its bytes depend only on its block's bytes. After the last part
come an empty final block and the trailer (the CRC-32 and size of the whole plain graph).

The index of the last build's parts lives beside the builds (the folder of --out's builds, as the
site's record does), never inside one: it is not published. For each part, the sha256 of its
block's plain bytes, its offset and length in that build's graph.nt.gz and a check of its bytes;
for the file, its size and sha256. A part is copied from the previous build only when that build's
manifest gives its graph.nt.gz the size and sha256 the index names, the file has that size, the
compression settings are the same, and the copied bytes have the check the index names (a CRC-32
of the block's digest and the part's bytes): anything else compresses the block again. A stale or broken index costs time, never a wrong file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from opendata.outputs.digests import manifest_entries

NAME = "ntriples-parts.json"
GZ_FILE = "graph.nt.gz"
LEVEL = 6
# gzip header (RFC 1952): DEFLATE, no flags, mtime 0, no extra flags, OS unknown (the bytes Python's
# GzipFile writes with mtime=0 and no file name): the same graph gives the same bytes.
HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
FINAL = b"\x03\x00"  # an empty final fixed-Huffman block: the end of the DEFLATE stream
SETTINGS = {"level": LEVEL, "zlib": zlib.ZLIB_RUNTIME_VERSION, "format": 1}


@dataclass
class Compressed:
    """Blocks compressed in this process (the tests count them: a change of one
    letter compresses one block again, not the graph)."""

    blocks: int = 0


COMPRESSED = Compressed()


def compress(chunks: list[bytes]) -> bytes:
    """One part: the block's bytes by a fresh raw-DEFLATE compressor, sync-flushed (byte-aligned, not
    final), so parts concatenate into one DEFLATE stream. Releases the GIL while it compresses."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    pieces = [compressor.compress(chunk) for chunk in chunks]
    pieces.append(compressor.flush(zlib.Z_SYNC_FLUSH))
    return b"".join(pieces)


def trailer(crc: int, size: int) -> bytes:
    """The end of the file after the last part: the final block, then CRC-32 and size of the plain graph."""
    return FINAL + struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF)


@dataclass
class Part:
    plain: str  # sha256 of the block's plain bytes
    offset: int  # in the build's graph.nt.gz
    length: int
    check: int  # `check(plain, the part's bytes)`


@dataclass
class Index:
    size: int  # the graph.nt.gz these parts are in: its size and sha256
    sha256: str
    parts: list[Part] = field(default_factory=list)


def load(folder: Path) -> Index | None:
    """The index saved beside the builds in `folder` (None when there is none, it is unreadable or it
    was made with other compression settings)."""
    try:
        data = json.loads((folder / NAME).read_text(encoding="utf-8"))
        if data["settings"] != SETTINGS:
            return None
        parts = [Part(str(p), int(o), int(n), int(c)) for p, o, n, c in data["parts"]]
        return Index(int(data["bytes"]), str(data["sha256"]), parts)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(folder: Path, index: Index) -> None:
    """Replace the index atomically (a publish killed while writing it leaves the old one)."""
    data = {
        "settings": SETTINGS,
        "bytes": index.size,
        "sha256": index.sha256,
        "parts": [[p.plain, p.offset, p.length, p.check] for p in index.parts],
    }
    temporary = folder / f".{NAME}.{os.getpid()}"
    temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    os.replace(temporary, folder / NAME)


class Previous:
    """The parts of the previous build's graph.nt.gz, found by their block's plain sha256."""

    def __init__(self, folder: Path, build: Path | None) -> None:
        self.parts: dict[str, Part] = {}
        self.descriptor: int | None = None
        index = load(folder) if build is not None else None
        if build is None or index is None:
            return
        if manifest_entries(build).get(GZ_FILE) != (index.size, index.sha256):
            return  # the index describes another file (a build that was not published, an older one)
        with contextlib.suppress(OSError):
            descriptor = os.open(build / GZ_FILE, os.O_RDONLY | os.O_CLOEXEC)
            if os.fstat(descriptor).st_size != index.size:
                os.close(descriptor)
                return
            self.descriptor = descriptor
            self.parts = {part.plain: part for part in index.parts}

    def part(self, plain: str) -> bytes | None:
        """The previous build's part for a block of these plain bytes, if it has one whose bytes check out."""
        found = self.parts.get(plain)
        if found is None or self.descriptor is None:
            return None
        try:
            data = os.pread(self.descriptor, found.length, found.offset)
        except OSError:
            return None
        return data if len(data) == found.length and check(plain, data) == found.check else None

    def close(self) -> None:
        if self.descriptor is not None:
            os.close(self.descriptor)
            self.descriptor = None

    def __enter__(self) -> Previous:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check(plain: str, data: bytes) -> int:
    """The CRC-32 of a block's plain sha256 and its part's bytes: a part at the offset the index names
    is taken only if it is the bytes that index saw there for that block (a part moved, or an index
    entry swapped with another, fails it)."""
    return zlib.crc32(data, zlib.crc32(plain.encode("ascii")))


def block_digest(chunks: list[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()
