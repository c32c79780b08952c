"""Small RDF graphs (the catalog, the VoID description) as sorted triples, written deterministically.

Every node has an IRI (no blank nodes), the triples are sorted, and pyoxigraph writes Turtle and
RDF/XML in input order, so the same graph always gives the same bytes. JSON-LD is written here,
compacted under an inline context of the prefixes (pyoxigraph writes only expanded JSON-LD).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox

from opendata.build.graph import shorten
from opendata.model.model import RDF_TYPE

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
_LOCAL_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def text(value: str, language: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=language) if language else ox.Literal(value)


def typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(datatype))


class Triples:
    """A set of triples with IRIs for subjects; `add` takes IRIs as strings."""

    def __init__(self) -> None:
        self._triples: set[ox.Triple] = set()

    def add(self, subject: str, predicate: str, value: ox.NamedNode | ox.Literal | str) -> None:
        """Add one triple; a plain `str` value is an IRI."""
        term = iri(value) if isinstance(value, str) else value
        self._triples.add(ox.Triple(iri(subject), iri(predicate), term))

    def a(self, subject: str, *classes: str) -> None:
        for cls in classes:
            self.add(subject, RDF_TYPE, cls)

    def sorted(self) -> list[ox.Triple]:
        return sorted(self._triples, key=str)

    def __len__(self) -> int:
        return len(self._triples)


def term_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """The IRI, blank node id or lexical form of a term (the graphs written here hold no quoted triples)."""
    if isinstance(term, ox.Triple):
        raise TypeError(f"a quoted triple where a term was expected: {term}")
    return term.value


def serialized(data: bytes | None) -> bytes:
    """pyoxigraph's serialize returns the bytes when given no file to write."""
    if data is None:
        raise ValueError("pyoxigraph wrote to a file where bytes were asked for")
    return data


def write_turtle(triples: Triples, path: Path, prefixes: dict[str, str]) -> None:
    ox.serialize(triples.sorted(), str(path), format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def write_rdfxml(triples: Triples, path: Path, prefixes: dict[str, str]) -> None:
    data = serialized(ox.serialize(triples.sorted(), format=ox.RdfFormat.RDF_XML, prefixes=prefixes))
    # XML parsers turn a raw carriage return into a line feed: write it as a character reference.
    path.write_bytes(data.replace(b"\r", b"&#13;"))


def _compact(value: str, prefixes: list[tuple[str, str]]) -> str:
    return shorten(value, prefixes, _LOCAL_NAME)


def _jsonld_value(term, prefixes: list[tuple[str, str]]):
    if isinstance(term, ox.NamedNode):
        return {"@id": _compact(term.value, prefixes)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == XSD + "string":
        return term.value
    return {"@value": term.value, "@type": _compact(term.datatype.value, prefixes)}


def _unwrap(values: list):
    return values[0] if len(values) == 1 else values


def jsonld(triples: Triples, prefixes: dict[str, str]) -> str:
    """Compacted JSON-LD: one object per subject, in IRI order, with the prefixes as its context."""
    by_length = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))
    nodes: dict[str, dict] = {}
    for triple in triples.sorted():
        subject = term_value(triple.subject)
        node = nodes.setdefault(subject, {"@id": _compact(subject, by_length)})
        if triple.predicate.value == RDF_TYPE:
            node.setdefault("@type", []).append(_compact(term_value(triple.object), by_length))
        else:
            key = _compact(triple.predicate.value, by_length)
            node.setdefault(key, []).append(_jsonld_value(triple.object, by_length))
    graph = [
        {key: value if key == "@id" else _unwrap(value) for key, value in node.items()}
        for node in nodes.values()
    ]
    document = {"@context": dict(sorted(prefixes.items())), "@graph": graph}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def write_jsonld(triples: Triples, path: Path, prefixes: dict[str, str]) -> None:
    path.write_text(jsonld(triples, prefixes), encoding="utf-8", newline="\n")
