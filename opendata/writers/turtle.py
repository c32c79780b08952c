"""graph.ttl, written by pyoxigraph from the sorted N-Triples (fast and deterministic)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph

from ..publication import Publication


def write(publication: Publication, out: Path) -> None:
    prefixes = dict(sorted(publication.model.prefixes.items()))
    for cls in publication.model.classes.values():
        if not cls.iri.startswith("#"):
            prefixes[cls.iri] = publication.config.base_iri + cls.iri + "/"
    triples = pyoxigraph.parse(publication.ntriples_bytes, format=pyoxigraph.RdfFormat.N_TRIPLES)
    pyoxigraph.serialize(triples, str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE, prefixes=prefixes)
