"""graph.nt (sorted, canonical N-Triples) and graph.nt.gz for bulk loaders."""

from __future__ import annotations

import gzip
from pathlib import Path

from ..publication import Publication


def write(publication: Publication, out: Path) -> None:
    data = publication.ntriples_bytes
    (out / "graph.nt").write_bytes(data)
    # mtime 0 and no file name in the header: the same graph gives the same bytes.
    with open(out / "graph.nt.gz", "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed:
        packed.write(data)
