"""queries/: the documented example SPARQL queries (docs/queries/*.rq), ready to run."""

from __future__ import annotations

import shutil
from pathlib import Path

from opendata.build.publication import Publication
from opendata.model.resources import queries_dir
from opendata.outputs.output import Output

QUERIES_DIR = queries_dir()


def write(publication: Publication, out: Path) -> None:
    folder = out / "queries"
    folder.mkdir(exist_ok=True)
    for query in sorted(QUERIES_DIR.glob("*.rq")):
        shutil.copyfile(query, folder / query.name)


OUTPUT = Output("queries", write)
