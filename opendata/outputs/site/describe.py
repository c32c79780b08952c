"""A resource's description: the triples whose subject is the thing or a fragment of it.

That is what `DESCRIBE <thing>` (and its fragments: a signature, a period, an evidence selector)
returns from the endpoint, so a Linked Data client that dereferences any of those IRIs gets the
same triples as a SPARQL user. Serialized by pyoxigraph from sorted triples: deterministic bytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from opendata.model.model import RDF_TYPE
from opendata.outputs.site.layout import Layout
from opendata.outputs.triples import serialized, term_value

SERIALIZERS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD}


def parse(nt: str) -> list[ox.Triple]:
    """N-Triples text (one part of the published graph) to triples."""
    if not nt:
        return []
    return [quad.triple for quad in ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]


def group(triples: Iterable[ox.Triple], layout: Layout) -> dict[str, list[ox.Triple]]:
    """Triples by the description key of their subject; triples about anything else are left out."""
    grouped: dict[str, list[ox.Triple]] = defaultdict(list)
    for triple in triples:
        if isinstance(triple.subject, ox.NamedNode):
            key = layout.key_of(triple.subject.value)
            if key is not None:
                grouped[key].append(triple)
    return grouped


def serialize(triples: list[ox.Triple], extension: str, prefixes: dict[str, str]) -> bytes:
    ordered = sorted(triples, key=str)
    if extension == ".ttl":
        return serialized(ox.serialize(ordered, format=SERIALIZERS[extension], prefixes=prefixes))
    return serialized(ox.serialize(ordered, format=SERIALIZERS[extension]))


def _properties() -> defaultdict:
    return defaultdict(list)


class View:
    """The properties of each subject in a description, by predicate IRI: what a page template reads."""

    def __init__(self, triples: Iterable[ox.Triple]):
        self.subjects: dict[str, dict[str, list]] = defaultdict(_properties)  # picklable: workers get it
        for triple in triples:
            self.subjects[term_value(triple.subject)][triple.predicate.value].append(triple.object)
        for props in self.subjects.values():
            for values in props.values():
                values.sort(key=str)

    def values(self, subject: str, predicate: str) -> list:
        return self.subjects.get(subject, {}).get(predicate, [])

    def iris(self, subject: str, predicate: str) -> list[str]:
        return [v.value for v in self.values(subject, predicate) if isinstance(v, ox.NamedNode)]

    def first(self, subject: str, predicate: str) -> str:
        found = self.values(subject, predicate)
        return found[0].value if found else ""

    def types(self, subject: str) -> list[str]:
        return self.iris(subject, RDF_TYPE)
