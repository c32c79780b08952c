"""graph.nt (N-Triples: shared records, then letter by letter) and graph.nt.gz for bulk loaders.

A letter's N-Triples are not a part asked of this output: the build makes them for every letter
(validation and the statistics read them too), so this output has no per-letter part of its own.

graph.nt.gz is written in parts (opendata/outputs/ntriples_parts.py): the graph is cut into blocks
of consecutive letters, each compressed on its own, and a block whose bytes the previous build had
is copied from that build's file instead of compressed again. The blocks' ends depend on the letters'
keys, not on their places: a letter added, changed or withdrawn changes the block around it only.
Both files' sha256 are computed as they are written, so neither is read back to be described.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from opendata.build.publication import Publication
from opendata.outputs import ntriples_parts as parts
from opendata.outputs.digests import remember_sha256
from opendata.outputs.distributions import FileKind
from opendata.outputs.output import Output

# A block ends after a letter whose key's hash is 0 modulo BLOCK_LETTERS (some 80 letters, 0.7 MB of
# a synthetic letter's 9 KB), or once it holds BLOCK_CAP bytes (a long run without such a key).
BLOCK_LETTERS = 80
BLOCK_CAP = 4 << 20
WORKERS = 2  # threads compressing blocks (zlib releases the GIL)
IN_FLIGHT = 8  # blocks handed to them and not yet written


def ends_block(key: str) -> bool:
    """Whether a block ends after the letter of this key: a stable hash (not Python's hash(), which
    changes from process to process), so the same letters give the same blocks in every build."""
    value = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")
    return value % BLOCK_LETTERS == 0


def blocks(publication: Publication) -> Iterator[list[bytes]]:
    """The chunks of `publication.ntriples_chunks()`, encoded, in blocks: the shared records' chunk
    on its own, then the letters' in their order, cut after a letter that `ends_block`."""
    chunks = publication.ntriples_chunks()
    yield [next(chunks).encode("utf-8")]
    block: list[bytes] = []
    size = 0
    for unit, chunk in zip(publication.letters, chunks, strict=True):
        data = chunk.encode("utf-8")
        block.append(data)
        size += len(data)
        if size >= BLOCK_CAP or ends_block(unit.key):
            yield block
            block, size = [], 0
    if block:
        yield block


def _part(block: list[bytes], previous: parts.Previous) -> tuple[str, bytes, int, bool]:
    """A block's part: its plain sha256, its bytes (the previous build's, or compressed now), their
    check for the index, and whether it was compressed. Runs in a worker thread: hashing, reading
    and compressing release the GIL."""
    digest = parts.block_digest(block)
    data = previous.part(digest)
    compressed = data is None
    if data is None:
        data = parts.compress(block)
    return digest, data, parts.check(digest, data), compressed


class _Plain:
    """The sha256, CRC-32 and size of graph.nt's bytes, taken in a thread of its own, block by block
    in order (the gzip trailer needs the CRC-32 and the size of the whole)."""

    def __init__(self) -> None:
        self.sha256 = hashlib.sha256()
        self.crc = 0
        self.size = 0

    def update(self, block: list[bytes]) -> None:
        for data in block:
            self.sha256.update(data)
            self.crc = zlib.crc32(data, self.crc)
            self.size += len(data)


def write(publication: Publication, out: Path) -> None:
    """graph.nt as the chunks come; graph.nt.gz from the blocks' parts, each taken from the previous
    build or compressed in a worker thread, written in the blocks' order. Both files' sha256 are
    taken from the bytes as they are written and remembered (digests.remember_sha256)."""
    plain_path, packed_path = out / "graph.nt", out / parts.GZ_FILE
    totals, packed_sha = _Plain(), hashlib.sha256()
    written: list[parts.Part] = []
    pending: deque[tuple[Future[tuple[str, bytes, int, bool]], Future[None]]] = deque()
    with (
        open(plain_path, "wb") as plain,
        open(packed_path, "wb") as packed,
        parts.Previous(out.parent, publication.previous_build) as previous,
        ThreadPoolExecutor(WORKERS) as pool,
        ThreadPoolExecutor(1) as hasher,  # one thread: the blocks in order
    ):

        def put(data: bytes) -> None:
            packed.write(data)
            packed_sha.update(data)

        def drain(keep: int) -> None:
            while len(pending) > keep:
                made, hashed = pending.popleft()
                digest, data, check, compressed = made.result()
                hashed.result()
                if compressed:
                    parts.COMPRESSED.blocks += 1
                written.append(parts.Part(digest, packed.tell(), len(data), check))
                put(data)

        put(parts.HEADER)
        for block in blocks(publication):
            for data in block:
                plain.write(data)
            pending.append((pool.submit(_part, block, previous), hasher.submit(totals.update, block)))
            drain(IN_FLIGHT)
        drain(0)
        put(parts.trailer(totals.crc, totals.size))
    remember_sha256(plain_path, totals.sha256.hexdigest())
    remember_sha256(packed_path, packed_sha.hexdigest())
    parts.save(out.parent, parts.Index(packed_path.stat().st_size, packed_sha.hexdigest(), written))


OUTPUT = Output(
    "ntriples",
    write,
    (
        FileKind(
            "graph.nt",
            "graaf",
            "application/n-triples",
            "RDF_N_TRIPLES",
            {"nl": "Graaf (N-Triples)", "en": "Graph (N-Triples)"},
            {
                "nl": "De volledige graaf in N-Triples, gesorteerd en canoniek.",
                "en": "The whole graph in N-Triples, sorted and canonical.",
            },
            ("shapes.ttl",),
            void_feature="N-Triples",
        ),
        FileKind(
            "graph.nt.gz",
            "graaf",
            "application/n-triples",
            "GZIP",
            {"nl": "Graaf (N-Triples, gzip)", "en": "Graph (N-Triples, gzip)"},
            {
                "nl": "De volledige graaf in N-Triples, met gzip gecomprimeerd, voor bulkladers.",
                "en": "The whole graph in N-Triples, gzip-compressed, for bulk loaders.",
            },
            ("shapes.ttl",),
            compress_format="application/gzip",
            void_feature="N-Triples",
        ),
    ),
)
