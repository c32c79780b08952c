"""graph.nt (N-Triples: shared records, then letter by letter) and graph.nt.gz for bulk loaders."""

from __future__ import annotations

import gzip
from pathlib import Path

from ..publication import Publication

GZIP_LEVEL = 6


def write(publication: Publication, out: Path) -> None:
    with open(out / "graph.nt", "wb") as plain, open(out / "graph.nt.gz", "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=GZIP_LEVEL) as packed:
        # mtime 0 and no file name in the gzip header: the same graph gives the same bytes.
        for chunk in publication.ntriples_chunks():
            data = chunk.encode("utf-8")
            plain.write(data)
            packed.write(data)
