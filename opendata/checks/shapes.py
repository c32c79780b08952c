"""SHACL validation of the graph with pyshacl against the shapes generated from the model."""

from __future__ import annotations

import functools

import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from opendata.model.model import GENERATED_DIR
from opendata.model.problems import ERROR, WARNING, Location, Problem


@functools.cache
def shapes_graph() -> Graph:
    return Graph().parse(GENERATED_DIR / "shapes.ttl", format="turtle")


def validate(data: Graph, locate=lambda iri: Location("graph")) -> tuple[bool, Graph, list[Problem]]:
    """Validate `data`; return (conforms, the SHACL report graph, one Problem per result).

    `locate` maps a focus node IRI to the source location it came from.
    """
    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        severity = ERROR if report.value(result, SH.resultSeverity) == SH.Violation else WARNING
        shape = report.value(result, SH.sourceShape)
        value = report.value(result, SH.value)
        if value is not None:
            message = f"{message} (value {value.n3()})"
        field = (
            str(shape).rsplit("-", 1)[-1]
            if isinstance(shape, URIRef) and "-" in str(shape)
            else (str(path) if path is not None else "")
        )
        problems.append(
            Problem(
                "shacl",
                severity,
                f"<{focus}>: {message}",
                locate(str(focus)),
                field=field,
                hint=f"shape {shape.n3() if isinstance(shape, URIRef) else 'of the model'}",
            )
        )
    return conforms, report, problems
