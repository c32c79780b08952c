"""The compiled shapes applied to a part of the graph (the shared records, or a batch of letters).

A part refers to things outside it (an organisation, a cited letter). Their existence is checked
on the records; for the shapes, a type triple is assumed for each, and violations are reported
only for the part's own nodes.
"""

from __future__ import annotations

import pyoxigraph

from opendata.checks import shacl_queries
from opendata.model.model import GENERATED_DIR, RDF_TYPE, Model
from opendata.model.problems import ERROR, Problem


def assumed_types(model: Model, builder, records) -> list[str]:
    """A type triple for everything the records refer to."""
    lines = set()
    for record in records:
        for f in record.cls.fields.values():
            if not model.is_class(f.range) or model.classes[f.range].inline:
                continue
            value = record.data.get(f.name)
            for key in value if isinstance(value, list) else [value]:
                if isinstance(key, str):
                    lines.add(
                        f"<{builder.reference(f.range, key)}> <{RDF_TYPE}> <{model.expand(model.classes[f.range].uri)}> .\n"
                    )
    return sorted(lines)


def subject_of(line: str) -> str:
    return line[1 : line.index(">")]


def shape_problems(own_lines, assumed, where) -> list[tuple[str, Problem]]:
    """(focus IRI, Problem) for each violation by one of the part's own nodes.
    `where(iri)` gives the Location to report it at, or None for a node that is not the part's own."""
    store = pyoxigraph.Store()
    store.bulk_load("".join(list(own_lines) + list(assumed)).encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    queries = shacl_queries.compiled((GENERATED_DIR / "shapes.ttl").read_text(encoding="utf-8"))
    found = []
    for violation in shacl_queries.violations(store, queries):
        location = where(violation.focus)
        if location is None:
            continue  # an assumed node: it is checked where it is defined
        found.append(
            (
                violation.focus,
                Problem(
                    "shacl",
                    ERROR,
                    f"<{violation.focus}>: {violation.query.message} (value {violation.value})",
                    location,
                    field=violation.query.shape.rsplit("-", 1)[-1],
                    hint=f"shape <{violation.query.shape}>",
                ),
            )
        )
    return found
