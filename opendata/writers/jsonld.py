"""graph.jsonld, compacted under the published context (context.jsonld, referenced by URL)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..graph import jsonld
from ..model import GENERATED_DIR
from ..publication import Publication


def _objects(publication: Publication) -> Iterator[str]:
    for node in publication.shared_nodes:
        yield json.dumps(jsonld(publication.model, node), ensure_ascii=False, separators=(",", ":"))
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
