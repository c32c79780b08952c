"""graph.jsonld, compacted under the published context (context.jsonld, referenced by URL)."""

from __future__ import annotations

import json
from pathlib import Path

from ..graph import jsonld
from ..model import GENERATED_DIR
from ..publication import Publication


def write(publication: Publication, out: Path) -> None:
    (out / "context.jsonld").write_bytes((GENERATED_DIR / "context.jsonld").read_bytes())
    with open(out / "graph.jsonld", "w", encoding="utf-8", newline="\n") as handle:
        handle.write('{\n"@context": ' + json.dumps(publication.config.context_url) + ',\n"@graph": [\n')
        for number, node in enumerate(publication.nodes):
            if number:
                handle.write(",\n")
            handle.write(json.dumps(jsonld(publication.model, node), ensure_ascii=False, separators=(",", ":")))
        handle.write("\n]\n}\n")
