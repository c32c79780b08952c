"""The SHACL shapes compiled into SPARQL queries, run by pyoxigraph.

pyshacl is the reference engine, but it needs about five minutes for 100,000 letters (see
perf-notes). The shapes generated from the model use a small part of SHACL Core: sh:minCount,
sh:maxCount, sh:datatype, sh:class, sh:in, sh:pattern, sh:nodeKind sh:IRI, sh:or of datatypes,
and node-level sh:or of sh:minCount / sh:hasValue. Each such constraint becomes one SPARQL query
that returns its violations; any other constraint is refused, so nothing is silently skipped.
tests/test_shacl_queries.py proves the results equal pyshacl's on valid and broken graphs.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

SUPPORTED = {
    SH.path,
    SH.minCount,
    SH.maxCount,
    SH.datatype,
    SH["class"],
    SH["in"],
    SH.pattern,
    SH.nodeKind,
    SH["or"],
    SH.name,
    RDF.type,
}
CASTABLE = {XSD.date, XSD.gYearMonth, XSD.integer, XSD.boolean}


@dataclass(frozen=True)
class ConstraintQuery:
    shape: str  # the property or node shape IRI
    component: str  # e.g. sh:MinCountConstraintComponent
    path: str  # SPARQL property path
    message: str
    sparql: str  # SELECT ?focus ?value


def _iri(term) -> str:
    return f"<{term}>"


def _path(shapes: Graph, path) -> str:
    """A sequence path as a chain of triple patterns from ?focus to ?OBJ (a placeholder)."""
    steps = [path] if isinstance(path, URIRef) else list(Collection(shapes, path))
    subjects = ["?focus"] + [f"?step{i}" for i in range(1, len(steps))]
    objects = subjects[1:] + ["?OBJ"]
    return " . ".join(f"{s} {_iri(p)} {o}" for s, p, o in zip(subjects, steps, objects))


def _pattern(path: str, obj: str) -> str:
    return path.replace("?OBJ", obj)


def _as_iri(term: Node | None) -> URIRef:
    """Shapes, targets and datatypes are named in the generated shapes (generate.py names them)."""
    if not isinstance(term, URIRef):
        raise ValueError(f"{term} is not an IRI: the generated shapes name every shape, target and datatype")
    return term


def _iris(terms: Iterable[Node]) -> list[URIRef]:
    return sorted(_as_iri(term) for term in terms)


def _iri_of(shapes: Graph, subject: Node, predicate: URIRef) -> URIRef:
    return _as_iri(shapes.value(subject, predicate))


def _count(value: Node) -> int:
    if not isinstance(value, Literal):
        raise ValueError(f"{value}: a count in the generated shapes is a literal")
    return int(value)


def _well_typed(var: str, datatype: URIRef) -> str:
    test = f"isLiteral({var}) && datatype({var}) = {_iri(datatype)}"
    if datatype in CASTABLE:
        test += f" && COALESCE(STR({_iri(datatype)}(STR({var}))) = STR({var}), false)"
    return f"({test})"


def _select(target: URIRef, path: str, condition: str) -> str:
    return f"SELECT DISTINCT ?focus ?value WHERE {{ ?focus a {_iri(target)} . {_pattern(path, '?value')} . FILTER({condition}) }}"


def _property_queries(shapes: Graph, shape: URIRef, target: URIRef) -> list[ConstraintQuery]:
    unsupported = set(shapes.predicates(shape)) - SUPPORTED
    if unsupported:
        raise ValueError(
            f"{shape}: SHACL constraint(s) {sorted(unsupported, key=str)} are not compiled to SPARQL"
        )
    path = _path(shapes, shapes.value(shape, SH.path))
    queries = []

    def add(component: str, message: str, sparql: str) -> None:
        queries.append(ConstraintQuery(str(shape), component, path, message, sparql))

    min_count = shapes.value(shape, SH.minCount)
    if min_count is not None:
        assert _count(min_count) == 1, "only sh:minCount 1 is generated"
        # MINUS, not FILTER NOT EXISTS: pyoxigraph evaluates the latter per focus node (40 s vs 0.03 s
        # for 5,000 positions); with ?focus shared, the two mean the same here.
        add(
            "MinCountConstraintComponent",
            "Less than 1 values",
            f"SELECT ?focus (?focus AS ?value) WHERE {{ ?focus a {_iri(target)} . MINUS {{ {_pattern(path, '?any')} }} }}",
        )
    max_count = shapes.value(shape, SH.maxCount)
    if max_count is not None:
        add(
            "MaxCountConstraintComponent",
            f"More than {max_count} values",
            f"SELECT ?focus (SAMPLE(?v) AS ?value) WHERE {{ ?focus a {_iri(target)} . {_pattern(path, '?v')} }} "
            f"GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) > {_count(max_count)})",
        )
    datatype = shapes.value(shape, SH.datatype)
    if datatype is not None:
        add(
            "DatatypeConstraintComponent",
            f"Value is not Literal with datatype {datatype}",
            _select(target, path, f"!{_well_typed('?value', _as_iri(datatype))}"),
        )
    cls = shapes.value(shape, SH["class"])
    if cls is not None:
        add(
            "ClassConstraintComponent",
            f"Value does not have class {cls}",
            _select(
                target,
                path,
                f"NOT EXISTS {{ ?value a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* {_iri(cls)} }}",
            ),
        )
    allowed = shapes.value(shape, SH["in"])
    if allowed is not None:
        members = ", ".join(m.n3() for m in Collection(shapes, allowed))
        add(
            "InConstraintComponent",
            "Value is not in the allowed list",
            _select(target, path, f"?value NOT IN ({members})"),
        )
    pattern = shapes.value(shape, SH.pattern)
    if pattern is not None:
        add(
            "PatternConstraintComponent",
            f"Value does not match pattern {pattern}",
            _select(target, path, f"isBlank(?value) || !REGEX(STR(?value), {json.dumps(str(pattern))})"),
        )
    if shapes.value(shape, SH.nodeKind) is not None:
        assert shapes.value(shape, SH.nodeKind) == SH.IRI, "only sh:nodeKind sh:IRI is generated"
        add("NodeKindConstraintComponent", "Value is not an IRI", _select(target, path, "!isIRI(?value)"))
    alternatives = shapes.value(shape, SH["or"])
    if alternatives is not None:
        options = [_iri_of(shapes, option, SH.datatype) for option in Collection(shapes, alternatives)]
        ok = " || ".join(_well_typed("?value", d) for d in options)
        add(
            "OrConstraintComponent",
            "Value does not conform to any of the allowed datatypes",
            _select(target, path, f"!({ok})"),
        )
    return queries


def _node_or_query(shapes: Graph, shape: URIRef, either, target: URIRef) -> ConstraintQuery:
    alternatives = []
    for option in Collection(shapes, shapes.value(either, SH["or"])):
        path = _path(shapes, shapes.value(option, SH.path))
        value = shapes.value(option, SH.hasValue)
        alternatives.append(f"MINUS {{ {_pattern(path, value.n3() if value is not None else '?any')} }}")
    message = str(shapes.value(either, SH.message) or "none of the alternatives hold")
    # A focus node violates the sh:or when no alternative holds: remove those for which one does.
    sparql = (
        f"SELECT ?focus (?focus AS ?value) WHERE {{ ?focus a {_iri(target)} . {' '.join(alternatives)} }}"
    )
    return ConstraintQuery(str(shape), "NodeConstraintComponent", "", message, sparql)


def compile_shapes(shapes: Graph) -> list[ConstraintQuery]:
    queries = []
    for shape in _iris(shapes.subjects(RDF.type, SH.NodeShape)):
        target = _iri_of(shapes, shape, SH.targetClass)
        for prop in _iris(shapes.objects(shape, SH.property)):
            queries += _property_queries(shapes, prop, target)
        for either in shapes.objects(shape, SH.node):
            queries.append(_node_or_query(shapes, shape, either, target))
    return queries


@functools.cache
def compiled(shapes_ttl: str) -> tuple[ConstraintQuery, ...]:
    return tuple(compile_shapes(Graph().parse(data=shapes_ttl, format="turtle")))


@dataclass(frozen=True)
class Violation:
    focus: str
    value: str
    query: ConstraintQuery


def violations(store, queries) -> list[Violation]:
    """Run every constraint query on a pyoxigraph store; return what violates the shapes."""
    found = []
    for query in queries:
        for solution in store.query(query.sparql):
            found.append(Violation(str(solution["focus"].value), str(solution["value"]), query))
    return sorted(found, key=lambda v: (v.focus, v.query.shape, v.query.component, v.value))


def report_graph(found: list[Violation]) -> Graph:
    """A sh:ValidationReport for the results (conforming: one node, deterministic)."""
    report = Graph()
    report.bind("sh", SH)
    node = URIRef("urn:opendata:validation-report")
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.conforms, Literal(not found)))
    for number, violation in enumerate(found):
        result = URIRef(f"urn:opendata:validation-report#result-{number}")
        report.add((node, SH.result, result))
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.focusNode, URIRef(violation.focus)))
        report.add((result, SH.resultSeverity, SH.Violation))
        report.add((result, SH.sourceShape, URIRef(violation.query.shape)))
        report.add((result, SH.sourceConstraintComponent, SH[violation.query.component]))
        report.add((result, SH.resultMessage, Literal(violation.query.message)))
    return report
