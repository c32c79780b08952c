"""Issue: publish the Leidse regio correspondence as validated linked data."""

from __future__ import annotations

import json
from pathlib import Path

import pyld.jsonld
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from opendata.publish.switch import verify

from .conftest import DATASETS, SEED, require_shared, run_cli

SCHEMA = Namespace("https://schema.org/")
ODNL = Namespace("https://w3id.org/opendata-nl/def#")
TOOI_GEMEENTE = "https://identifier.overheid.nl/tooi/id/gemeente/"


@pytest.fixture(scope="module")
def graph(published) -> Graph:
    return Graph().parse(published / "graph.ttl", format="turtle")


def test_three_letters(graph):
    letters = set(graph.subjects(RDF.type, SCHEMA.Message))
    assert len(letters) == 3


def test_five_municipalities_under_tooi_iris(graph):
    tooiont = Namespace("https://identifier.overheid.nl/tooi/def/ont/")
    for code in ("gm0546", "gm0547", "gm0579", "gm0626", "gm0638"):
        iri = URIRef(TOOI_GEMEENTE + code)
        assert (iri, RDF.type, tooiont.Gemeente) in graph
        assert (iri, tooiont.organisatiecode, Literal(code)) in graph


def test_kenmerk_and_dates(graph):
    assert (None, ODNL.ourReference, Literal("PZH-2019-678010037")) in graph
    for day in ("2019-01-24", "2019-04-18", "2019-06-11"):
        assert (None, None, Literal(day, datatype=XSD.date)) in graph, day


def test_unknowns_are_declared_not_guessed(graph):
    council_letter = URIRef(
        "https://data.leidseregio.example/id/brief/raadsinformatiebrief-2019-samenwerking-leidse-regio"
    )
    assert graph.value(council_letter, SCHEMA.sender) is None
    assert graph.value(council_letter, SCHEMA.dateSent) is None
    assert set(graph.objects(council_letter, ODNL.unknownProperty)) >= {SCHEMA.sender, SCHEMA.dateSent}


def test_source_texts_are_the_seed_unchanged():
    texts = sorted((DATASETS / "letters").glob("*.txt"))
    joined = b"".join(
        p.read_bytes()
        for p in [t for t in texts if t.name.startswith("raads")]
        + [t for t in texts if t.name.startswith("reactie")]
    )
    assert joined == require_shared(SEED).read_bytes()


def test_source_texts_are_published_unchanged(published):
    texts = sorted((DATASETS / "letters").glob("*.txt"))
    assert texts
    for text in texts:
        assert (published / "tekst" / text.name).read_bytes() == text.read_bytes()


def _local_loader(published: Path):
    context = json.loads((published / "context.jsonld").read_text(encoding="utf-8"))

    def load(url, options=None):
        assert url.endswith("/context.jsonld"), url
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": context,
        }

    return load


def test_jsonld_processed_by_pyld_is_isomorphic_to_turtle_and_ntriples(published, graph):
    document = json.loads((published / "graph.jsonld").read_text(encoding="utf-8"))
    nquads = pyld.jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": _local_loader(published)}
    )
    from_jsonld = Graph().parse(data=nquads, format="nt")
    from_nt = Graph().parse(published / "graph.nt", format="nt")
    assert len(from_jsonld) == len(graph) > 500
    assert isomorphic(from_jsonld, graph)
    assert isomorphic(from_nt, graph)


def test_manifest_lists_every_file_with_size_and_sha256(published):
    assert verify(published) == []
    names = {e["path"] for e in json.loads((published / "manifest.json").read_text())["files"]}
    assert {
        "graph.ttl",
        "graph.nt",
        "graph.jsonld",
        "context.jsonld",
        "ontology.ttl",
        "shapes.ttl",
        "validation-report.ttl",
    } <= names


def test_two_publishes_are_byte_identical(published, tmp_path):
    """Two builds from scratch, in other folders: the session's and one without a cache."""
    out = tmp_path / "dist"
    assert run_cli("publish", "--datasets", str(DATASETS), "--out", str(out), "--no-cache").returncode == 0
    outputs = [
        {p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}
        for dist in (published, out)
    ]
    assert outputs[0].keys() == outputs[1].keys()
    for name in outputs[0]:
        assert outputs[0][name] == outputs[1][name], name


def test_ontology_labels_minted_terms_in_dutch_and_english(published):
    ontology = Graph().parse(published / "ontology.ttl", format="turtle")
    from rdflib.namespace import RDFS, SKOS

    used = {
        p
        for p in Graph().parse(published / "graph.nt", format="nt").predicates()
        if str(p).startswith(str(ODNL))
    }
    assert used
    for term in used:
        langs = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"nl", "en"} <= langs, term
        assert {d.language for d in ontology.objects(term, SKOS.definition)} >= {"nl", "en"}, term
