"""A resource's description: the triples whose subject is the thing or a fragment of it, and the
fact-source statements about it with their fragments.

That is what `DESCRIBE` of those IRIs (the thing; its fragments: a signature, a period, an evidence
selector; its statements) returns from the endpoint, so a Linked Data client that dereferences any
of them gets the same triples as a SPARQL user. A statement is described with the record it is
about (the Concise Bounded Description's rule for reifications; the resource of docs/releases.md)
when its key names that record (Layout.described_in) and that record is described from the same
part of the graph; otherwise it keeps a document of its own. Serialized by pyoxigraph from sorted
triples: deterministic bytes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from opendata.model.model import RDF_TYPE
from opendata.outputs.site.layout import Layout
from opendata.outputs.triples import serialized, term_value

RDF_SUBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
RDF_PREDICATE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"

SERIALIZERS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD}


def parse(nt: str) -> list[ox.Triple]:
    """N-Triples text (one part of the published graph) to triples."""
    if not nt:
        return []
    return [quad.triple for quad in ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]


def group(triples: Iterable[ox.Triple], layout: Layout) -> dict[str, list[ox.Triple]]:
    """Triples by the description key of their subject, each statement's with the record it is
    about (see above); triples about anything else are left out."""
    grouped = by_key(triples, layout)
    for statement, record in folded(grouped, layout).items():
        grouped[record] += grouped.pop(statement)
    return grouped


def by_key(triples: Iterable[ox.Triple], layout: Layout) -> dict[str, list[ox.Triple]]:
    """Triples by the key of their subject (a fragment's is its thing's)."""
    grouped: dict[str, list[ox.Triple]] = defaultdict(list)
    for triple in triples:
        if isinstance(triple.subject, ox.NamedNode):
            key = layout.key_of(triple.subject.value)
            if key is not None:
                grouped[key].append(triple)
    return grouped


def folded(grouped: dict[str, list[ox.Triple]], layout: Layout) -> dict[str, str]:
    """{statement key: key of the record's description it is part of}, for a part's triples by key."""
    found = {}
    for key, triples in grouped.items():
        record = layout.described_in(key)
        if record is None or record not in grouped:
            continue
        about = [t.object for t in triples if t.predicate.value == RDF_SUBJECT]
        if len(about) == 1 and isinstance(about[0], ox.NamedNode) and layout.key_of(about[0].value) == record:
            found[key] = record
    return found


def descriptions(triples: list[ox.Triple], prefixes: dict[str, str]) -> dict[str, bytes]:
    """A description's files by extension (.ttl, .jsonld, .nt), from the triples sorted once by their
    N-Triples text; the N-Triples file is that text, line by line (`ntriples`)."""
    keyed = sorted([(str(triple), triple) for triple in triples], key=_text)
    ordered = [triple for _, triple in keyed]
    return {
        ".ttl": serialized(ox.serialize(ordered, format=SERIALIZERS[".ttl"], prefixes=prefixes)),
        ".jsonld": serialized(ox.serialize(ordered, format=SERIALIZERS[".jsonld"])),
        ".nt": "".join([f"{text} .\n" for text, _ in keyed]).encode("utf-8"),
    }


def ntriples(triples: Iterable[ox.Triple]) -> str:
    """Triples as sorted N-Triples: a triple's str is its N-Triples line without " .\n", the bytes
    pyoxigraph's serializer writes (tests/test_site_render.py checks it on hostile text)."""
    return "".join(sorted([f"{triple} .\n" for triple in triples]))


def _text(keyed: tuple[str, ox.Triple]) -> str:
    return keyed[0]


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
                if len(values) > 1:  # most properties have one value: no N-Triples text to make
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
