"""graph.nt (N-Triples: shared records, then letter by letter) and graph.nt.gz for bulk loaders."""

from __future__ import annotations

import gzip
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from opendata.build.publication import Publication

GZIP_LEVEL = 6
IN_FLIGHT = 64  # chunks handed to the compressing thread and not yet written


def write(publication: Publication, out: Path) -> None:
    """Compression runs in a second thread (zlib releases the GIL), beside writing the plain file."""
    with (
        open(out / "graph.nt", "wb") as plain,
        open(out / "graph.nt.gz", "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=GZIP_LEVEL) as packed,
        ThreadPoolExecutor(1) as compressor,
    ):
        # mtime 0 and no file name in the gzip header: the same graph gives the same bytes.
        pending: deque = deque()
        for chunk in publication.ntriples_chunks():
            data = chunk.encode("utf-8")
            plain.write(data)
            pending.append(compressor.submit(packed.write, data))  # one thread: written in order
            if len(pending) > IN_FLIGHT:
                pending.popleft().result()
        for future in pending:
            future.result()
