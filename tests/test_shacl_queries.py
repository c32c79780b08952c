"""The SHACL shapes compiled to SPARQL find exactly what pyshacl (the reference engine) finds."""

from __future__ import annotations

import pyoxigraph
import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH, XSD

from opendata.checks.shacl_queries import compile_shapes, compiled, violations
from opendata.checks.shapes import shapes_graph
from opendata.model.model import GENERATED_DIR

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
DCT = Namespace("http://purl.org/dc/terms/")
ODNL = Namespace("https://w3id.org/opendata-nl/def#")
TIME = Namespace("http://www.w3.org/2006/time#")
BRIEF = Namespace("https://data.leidseregio.example/id/brief/")
GS = BRIEF["gs-zuid-holland-2019-01-24-samenwerking-leidse-regio"]
REACTION = BRIEF["reactie-leidse-regio-2019-06-11"]


def _pyshacl(graph: Graph) -> set[tuple]:
    _, report, _ = pyshacl.validate(graph, shacl_graph=shapes_graph(), inference="none", advanced=True)
    # Results whose source shape is a blank node are pyshacl's details of a node-level sh:or
    # (the shape inside sh:node); the NodeConstraintComponent result on the named shape says it.
    return {
        (
            str(report.value(r, SH.focusNode)),
            str(report.value(r, SH.sourceShape)),
            str(report.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
        )
        for r in report.subjects(RDF.type, SH.ValidationResult)
        if isinstance(report.value(r, SH.sourceShape), URIRef)
    }


def _compiled(graph: Graph) -> set[tuple]:
    store = pyoxigraph.Store()
    store.load(graph.serialize(format="nt").encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    queries = compiled((GENERATED_DIR / "shapes.ttl").read_text(encoding="utf-8"))
    return {(v.focus, v.query.shape, v.query.component) for v in violations(store, queries)}


def _break(graph: Graph, remove=(), add=()) -> Graph:
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    for pattern in remove:
        broken.remove(pattern)
    for triple in add:
        broken.add(triple)
    return broken


@pytest.fixture(scope="module")
def graph(published) -> Graph:
    return Graph().parse(published / "graph.nt", format="nt")


def _selector(graph):
    return next(graph.subjects(OA.start, None))


BREAKAGES = {
    "valid": lambda g: g,
    "no sender, not declared unknown": lambda g: _break(g, remove=[(GS, SCHEMA.sender, None)]),
    "date not a date": lambda g: _break(
        g,
        remove=[(REACTION, SCHEMA.dateSent, None)],
        add=[(REACTION, SCHEMA.dateSent, Literal("11juni 201-9"))],
    ),
    "impossible date": lambda g: _break(
        g,
        remove=[(REACTION, SCHEMA.dateSent, None)],
        add=[(REACTION, SCHEMA.dateSent, Literal("2019-06-31", datatype=XSD.date))],
    ),
    "unknown organisation": lambda g: _break(
        g,
        add=[(REACTION, SCHEMA.recipient, URIRef("https://identifier.overheid.nl/tooi/id/gemeente/gm9999"))],
    ),
    "two titles": lambda g: _break(g, add=[(REACTION, DCT.title, Literal("another title"))]),
    "kind not in list": lambda g: _break(
        g, remove=[(REACTION, DCT.type, None)], add=[(REACTION, DCT.type, ODNL.memo)]
    ),
    "reference number pattern": lambda g: _break(
        g, add=[(GS, ODNL.dossierNumber, Literal("DOS 2017/ 0006089"))]
    ),
    "text not an IRI": lambda g: _break(
        g, remove=[(REACTION, SCHEMA.encoding, None)], add=[(REACTION, SCHEMA.encoding, Literal("x.txt"))]
    ),
    "offset not an integer": lambda g: _break(
        g, remove=[(_selector(g), OA.start, None)], add=[(_selector(g), OA.start, Literal("twelve"))]
    ),
    "meeting date a plain string": lambda g: _break(
        g,
        remove=[(s, SCHEMA.startDate, None) for s in g.subjects(RDF.type, SCHEMA.Event)],
        add=[(s, SCHEMA.startDate, Literal("2019-09")) for s in g.subjects(RDF.type, SCHEMA.Event)],
    ),
    "membership without role": lambda g: _break(g, remove=[(None, ORG.role, None)]),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_compiled_queries_agree_with_pyshacl(graph, name):
    broken = BREAKAGES[name](graph)
    expected = _pyshacl(broken)
    assert _compiled(broken) == expected
    assert bool(expected) == (name != "valid")


def test_every_generated_constraint_is_compiled():
    assert len(compile_shapes(shapes_graph())) > 100


def test_an_unsupported_constraint_is_refused():
    shapes = Graph()
    shapes.parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property <urn:p> .
        <urn:p> sh:path <urn:q> ; sh:minLength 3 .""",
        format="turtle",
    )
    with pytest.raises(ValueError, match="not compiled"):
        compile_shapes(shapes)


def test_ill_formed_year_month_is_a_violation(graph):
    """Stricter than pyshacl, as SHACL says: an ill-formed literal does not have its datatype."""
    meetings = list(graph.subjects(RDF.type, SCHEMA.Event))
    broken = _break(
        graph,
        remove=[(m, SCHEMA.startDate, None) for m in meetings],
        add=[(m, SCHEMA.startDate, Literal("2019-13", datatype=XSD.gYearMonth)) for m in meetings],
    )
    found = _compiled(broken)
    assert {focus for focus, _, _ in found} == {str(m) for m in meetings}
