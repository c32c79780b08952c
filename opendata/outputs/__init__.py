"""The writers: one module per output, registered in WRITERS. Adding a format touches only this table.

Each writer is `write(publication, out_dir) -> None` and writes its files below `out_dir`.
"""

from opendata.outputs import (
    catalog,
    changelog,
    jsonld,
    landing,
    ldes,
    model_files,
    ntriples,
    queries,
    report,
    site,
    tables,
    texts,
    turtle,
    void,
    woo,
)

WRITERS = (
    ntriples.write,
    turtle.write,
    jsonld.write,
    model_files.write,
    texts.write,
    report.write,
    queries.write,
    tables.write,
    site.write,  # reads tekst/ written above
    changelog.write,  # dist/changes/: the change log, releases as RDF, tombstones (docs/releases.md)
    woo.write,  # dist/sitemaps/, robots.txt: the Woo-index (reads the release history)
    ldes.write,  # dist/ldes/: the change stream (reads the release history)
    # Last, in this order: they describe the files written above (sizes, checksums, links).
    landing.write,
    void.write,
    catalog.write,
)
