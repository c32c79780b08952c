"""graph.jsonld, compacted under the published context (context.jsonld, referenced by URL).

A letter's JSON-LD objects are its per-letter part, made in the worker processes and cached with
its unit; the whole-publication write joins the shared records' objects and those parts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from opendata.build.graph import jsonld_text
from opendata.build.letter_unit import LetterGraph
from opendata.build.publication import Publication
from opendata.model.model import GENERATED_DIR
from opendata.outputs.distributions import JSON_LD, FileKind
from opendata.outputs.output import Output

NAME = "jsonld"
FILE = "graph.jsonld"
CONTEXT_FILE = "context.jsonld"


def letter_part(letter: LetterGraph) -> str:
    """The letter's top-level JSON-LD objects, joined by ",\\n"."""
    return ",\n".join(jsonld_text(letter.model, node) for node in letter.nodes)


def _objects(publication: Publication) -> Iterator[str]:
    """The register organisations' objects (made now: which of them the graph names depends on
    every letter), the shared records' (made and cached with their unit), then each letter's part."""
    yield from (jsonld_text(publication.model, node) for node in publication.register_nodes)
    yield from publication.shared.jsonld
    for unit in publication.letters:
        part = unit.part(NAME)
        if isinstance(part, str) and part:
            yield part  # the letter's objects, already joined by ",\n"


def write(publication: Publication, out: Path) -> None:
    (out / CONTEXT_FILE).write_bytes((GENERATED_DIR / CONTEXT_FILE).read_bytes())
    with open(out / FILE, "w", encoding="utf-8", newline="\n") as handle:
        handle.write('{\n"@context": ' + json.dumps(publication.config.context_url) + ',\n"@graph": [\n')
        for number, text in enumerate(_objects(publication)):
            handle.write(",\n" + text if number else text)
        handle.write("\n]\n}\n")


OUTPUT = Output(
    NAME,
    write,
    (
        FileKind(
            FILE,
            "graaf",
            "application/ld+json",
            "JSON_LD",
            {"nl": "Graaf (JSON-LD)", "en": "Graph (JSON-LD)"},
            {
                "nl": "De volledige graaf als compact JSON-LD onder context.jsonld.",
                "en": "The whole graph as compacted JSON-LD under context.jsonld.",
            },
            ("shapes.ttl", JSON_LD),
            void_feature="JSON-LD",
        ),
        FileKind(
            CONTEXT_FILE,
            "model",
            "application/ld+json",
            "JSON_LD",
            {"nl": "JSON-LD-context", "en": "JSON-LD context"},
            {
                "nl": "De JSON-LD-context van graph.jsonld: van veldnaam naar RDF-term.",
                "en": "The JSON-LD context of graph.jsonld: from field name to RDF term.",
            },
            (JSON_LD,),
        ),
    ),
    letter_part,
)
