"""graph.nt (N-Triples: shared records, then letter by letter) and graph.nt.gz for bulk loaders.

A letter's N-Triples are not a part asked of this output: the build makes them for every letter
(validation and the statistics read them too), so this output has no per-letter part of its own.
"""

from __future__ import annotations

import gzip
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from opendata.build.publication import Publication
from opendata.outputs.distributions import FileKind
from opendata.outputs.output import Output

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
