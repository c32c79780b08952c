"""graph.jsonld, compacted under the published context (context.jsonld, referenced by URL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from opendata.build.publication import Publication
from opendata.model.model import GENERATED_DIR


def _objects(publication: Publication) -> Iterator[str]:
    yield from publication.shared_jsonld()
    for unit in publication.letters:
        if unit.jsonld:
            yield unit.jsonld  # the letter's objects, already joined by ",\n"


def write(publication: Publication, out: Path) -> None:
    (out / "context.jsonld").write_bytes((GENERATED_DIR / "context.jsonld").read_bytes())
    with open(out / "graph.jsonld", "w", encoding="utf-8", newline="\n") as handle:
        handle.write('{\n"@context": ' + json.dumps(publication.config.context_url) + ',\n"@graph": [\n')
        for number, text in enumerate(_objects(publication)):
            handle.write(",\n" + text if number else text)
        handle.write("\n]\n}\n")
