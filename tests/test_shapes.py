"""The SHACL shapes generated from the model pass on the publication and fail on broken graphs."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace, URIRef

from opendata.checks.shapes import validate

SCHEMA = Namespace("https://schema.org/")
GS_LETTER = URIRef(
    "https://data.leidseregio.example/id/brief/gs-zuid-holland-2019-01-24-samenwerking-leidse-regio"
)
REACTION = URIRef("https://data.leidseregio.example/id/brief/reactie-leidse-regio-2019-06-11")


@pytest.fixture(scope="module")
def graph(published) -> Graph:
    return Graph().parse(published / "graph.nt", format="nt")


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def test_publication_conforms(graph):
    conforms, _, problems = validate(graph)
    assert conforms, [p.message for p in problems]


def _violations(graph: Graph) -> list[str]:
    conforms, _, problems = validate(graph)
    assert not conforms
    return [p.message for p in problems if p.severity == "error"]


def test_letter_without_sender_fails(graph):
    broken = _copy(graph)
    broken.remove((GS_LETTER, SCHEMA.sender, None))
    messages = _violations(broken)
    assert any(str(GS_LETTER) in m and "sender" in m for m in messages), messages


def test_date_that_is_not_a_date_fails(graph):
    broken = _copy(graph)
    broken.remove((REACTION, SCHEMA.dateSent, None))
    broken.add((REACTION, SCHEMA.dateSent, Literal("11juni 201-9")))
    messages = _violations(broken)
    assert any(str(REACTION) in m and "date" in m.lower() for m in messages), messages


def test_reference_to_organisation_that_does_not_exist_fails(graph):
    broken = _copy(graph)
    broken.remove((REACTION, SCHEMA.recipient, None))
    broken.add((REACTION, SCHEMA.recipient, URIRef("https://identifier.overheid.nl/tooi/id/gemeente/gm9999")))
    messages = _violations(broken)
    assert any("gm9999" in m for m in messages), messages


def test_evidence_offsets_must_be_integers(graph):
    oa = Namespace("http://www.w3.org/ns/oa#")
    broken = _copy(graph)
    selector = next(broken.subjects(oa.start, None))
    broken.set((selector, oa.start, Literal("twelve")))
    assert _violations(broken)
