"""The outputs: one module per published format, each defining one `Output` (opendata/outputs/output.py),
all registered here, in OUTPUTS. Adding a format is a module and a line in this tuple: its per-letter
part, its files' place in the catalog, VoID and landing page come with its Output.

Writing outputs run in this order; the describing outputs (landing page, VoID, catalog) run after
all of them, whatever their place here (opendata.outputs.output.writing_order).
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
from opendata.outputs.output import Output

OUTPUTS: tuple[Output, ...] = (
    ntriples.OUTPUT,
    turtle.OUTPUT,
    jsonld.OUTPUT,
    model_files.OUTPUT,
    texts.OUTPUT,
    report.OUTPUT,
    queries.OUTPUT,
    tables.OUTPUT,
    site.OUTPUT,  # reads tekst/ written above
    changelog.OUTPUT,
    woo.OUTPUT,
    ldes.OUTPUT,
    # They describe the files written above (sizes, checksums, links); in this order.
    landing.OUTPUT,
    void.OUTPUT,
    catalog.OUTPUT,
)
