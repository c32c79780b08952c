"""Issue 13, review: drafts (machine-extracted, not reviewed) are skipped unless publication.yaml
includes them; then the graph, the tables and the catalog mark them with their provenance (PROV)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import frictionless
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from opendata.query.store import load_store, run

from .conftest import DATASETS, ROOT, run_cli

PROV = Namespace("http://www.w3.org/ns/prov#")
ODNL = Namespace("https://w3id.org/opendata-nl/def#")
DRAFT = "concept-gm0546-2019-06-20-samenwerking"
LETTER = URIRef(f"https://data.leidseregio.example/id/brief/{DRAFT}")
TEXT = (
    "Aan Gedeputeerde Staten van Zuid-Holland\n\nDatum: 20 juni 2019\nOns kenmerk: LDN-2019-0042\n\n"
    "Geacht college,\n\nWij danken u voor het gesprek.\n"
)
RECORD = f"""id: {DRAFT}
status: draft
extracted_by: opendata-ingest 0.1.0
kind: brief
title: Samenwerking
date_sent: 2019-06-20
sender: gm0546
addressees: [gs-pv28]
our_reference: LDN-2019-0042
text: {DRAFT}.txt
sources:
  date_sent: {{start: 49, end: 61, quote: "20 juni 2019", confidence: 0.97}}
  our_reference: {{start: 75, end: 88, quote: "LDN-2019-0042", confidence: 0.9}}
  addressees:
    - {{start: 4, end: 40, quote: "Gedeputeerde Staten van Zuid-Holland", confidence: 0.8}}
  sender: {{register: tooi}}
  title: {{editorial: "De brief heeft geen onderwerp; de titel is gegeven bij de extractie."}}
"""


ORGANISATION = f"""- id: concept-gs-zuid-holland
  status: draft
  extracted_by: opendata-ingest 0.1.0
  name: Gedeputeerde Staten van Zuid-Holland
  kind: gedeputeerde-staten
  part_of: pv28
  sources:
    name: {{letter: {DRAFT}, start: 4, end: 40, quote: "Gedeputeerde Staten van Zuid-Holland", confidence: 0.8}}
    part_of: {{register: tooi}}
"""
ORGANISATION_IRI = URIRef("https://data.leidseregio.example/id/organisatie/concept-gs-zuid-holland")


def _with_draft(target: Path, include: bool | None) -> Path:
    shutil.copytree(DATASETS, target)
    (target / "letters" / f"{DRAFT}.txt").write_text(TEXT, encoding="utf-8")
    (target / "letters" / f"{DRAFT}.yaml").write_text(RECORD, encoding="utf-8")
    with open(
        target / "organisations.yaml", "a", encoding="utf-8"
    ) as handle:  # a draft shared record, as ingest adds
        handle.write(ORGANISATION)
    if include is not None:
        config = target / "publication.yaml"
        config.write_text(
            config.read_text(encoding="utf-8") + f"include_drafts: {str(include).lower()}\n", encoding="utf-8"
        )
    return target


def _publish(datasets: Path, out: Path):
    result = run_cli(
        "publish", "--datasets", str(datasets), "--out", str(out), "--cache", str(out.parent / "cache")
    )
    assert result.returncode == 0, result.stderr
    return result


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_offsets_of_the_hand_made_draft_hold():
    for start, end, quote in (
        (49, 61, "20 juni 2019"),
        (75, 88, "LDN-2019-0042"),
        (4, 40, "Gedeputeerde Staten van Zuid-Holland"),
    ):
        assert TEXT[start:end] == quote


@pytest.mark.parametrize("include", [None, False])
def test_a_draft_is_skipped_by_default_with_a_warning_naming_it(tmp_path, include):
    datasets = _with_draft(tmp_path / "datasets", include)
    out = tmp_path / "dist"
    result = _publish(datasets, out)
    warning = f"letters/{DRAFT}.yaml:2:1: draft-skipped warning: letter '{DRAFT}' is a draft"
    assert warning in result.stderr
    assert "draft-skipped warning: organisation 'concept-gs-zuid-holland' is a draft" in result.stderr
    assert DRAFT not in (out / "graph.nt").read_text(encoding="utf-8")
    assert "concept-gs-zuid-holland" not in (out / "graph.nt").read_text(encoding="utf-8")
    assert not (out / "tekst" / f"{DRAFT}.txt").exists()
    assert DRAFT not in {row["id"] for row in _rows(out / "data" / "letters.csv")}
    assert "0 van de 3 brieven zijn concepten" in (out / "catalog.ttl").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def with_drafts(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("drafts")
    datasets = _with_draft(root / "datasets", True)
    _publish(datasets, root / "dist")
    return root / "dist"


def test_a_published_draft_is_generated_by_an_extraction_with_the_tool_version(with_drafts):
    graph = Graph().parse(with_drafts / "graph.nt", format="nt")
    activity = graph.value(LETTER, PROV.wasGeneratedBy)
    assert (activity, RDF.type, PROV.Activity) in graph
    assert (activity, DCTERMS.type, ODNL.draft) in graph
    agent = graph.value(activity, PROV.wasAssociatedWith)
    assert (agent, RDF.type, PROV.SoftwareAgent) in graph
    assert graph.value(agent, RDFS.label) == Literal("opendata-ingest 0.1.0")
    assert (with_drafts / "tekst" / f"{DRAFT}.txt").read_text(encoding="utf-8") == TEXT


def test_a_published_draft_organisation_is_marked_and_its_evidence_names_its_letter(with_drafts):
    graph = Graph().parse(with_drafts / "graph.nt", format="nt")
    activity = graph.value(ORGANISATION_IRI, PROV.wasGeneratedBy)
    assert (activity, DCTERMS.type, ODNL.draft) in graph
    name = next(
        s
        for s in graph.subjects(RDF.subject, ORGANISATION_IRI)
        if graph.value(s, RDF.predicate) == URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
    )
    passage = graph.value(name, ODNL.evidence)
    assert str(graph.value(passage, URIRef("http://www.w3.org/ns/oa#hasSource"))).endswith(
        f"/tekst/{DRAFT}.txt"
    )
    organisations = {row["id"]: row for row in _rows(with_drafts / "data" / "organisations.csv")}
    assert organisations["concept-gs-zuid-holland"]["status"] == "draft"


def test_each_extracted_fact_carries_its_evidence_confidence_and_provenance(with_drafts):
    graph = Graph().parse(with_drafts / "graph.nt", format="nt")
    statements = set(graph.subjects(RDF.subject, LETTER))
    assert len(statements) == 5
    by_property = {graph.value(s, RDF.predicate): s for s in statements}
    date_sent = by_property[URIRef("https://schema.org/dateSent")]
    assert graph.value(date_sent, RDF.object) == Literal("2019-06-20", datatype=XSD.date)
    assert graph.value(date_sent, ODNL.confidence) == Literal("0.97", datatype=XSD.decimal)
    assert graph.value(date_sent, DCTERMS.type) == ODNL.text
    for statement in statements:  # the statements are machine-extracted too
        assert graph.value(graph.value(statement, PROV.wasGeneratedBy), DCTERMS.type) == ODNL.draft
    sender = by_property[URIRef("https://schema.org/sender")]
    assert graph.value(sender, DCTERMS.source) == URIRef("https://identifier.overheid.nl/tooi/")


def test_one_sparql_pattern_tells_reviewed_from_machine_extracted_facts(with_drafts):
    query = (ROOT / "docs" / "queries" / "facts-by-review-status.rq").read_text(encoding="utf-8")
    solutions = run(load_store(with_drafts), query)
    review = {}
    for solution in solutions:
        review.setdefault(solution["letter"].value.rsplit("/", 1)[1], set()).add(
            (solution["review"].value, solution["tool"].value if solution["tool"] is not None else None)
        )
    assert review[DRAFT] == {("machine-extracted", "opendata-ingest 0.1.0")}
    others = {key: marks for key, marks in review.items() if key != DRAFT}
    assert len(others) == 3 and all(marks == {("reviewed", None)} for marks in others.values())


def test_the_tables_and_the_catalog_mark_the_draft(with_drafts):
    letters = {row["id"]: row for row in _rows(with_drafts / "data" / "letters.csv")}
    assert (letters[DRAFT]["status"], letters[DRAFT]["extracted_by"]) == ("draft", "opendata-ingest 0.1.0")
    assert {letters[key]["status"] for key in letters if key != DRAFT} == {""}
    sources = [
        row for row in _rows(with_drafts / "data" / "sources.csv") if row["subject"].endswith("/" + DRAFT)
    ]
    assert {(row["field"], row["kind"], row["confidence"]) for row in sources} == {
        ("date_sent", "text", "0.97"),
        ("our_reference", "text", "0.9"),
        ("addressees", "text", "0.8"),
        ("sender", "register", ""),
        ("title", "editorial", ""),
    }
    assert {row["status"] for row in sources} == {"draft"}
    catalog = (with_drafts / "catalog.ttl").read_text(encoding="utf-8")
    assert "1 of the 4 letters are drafts" in catalog and "1 van de 4 brieven zijn concepten" in catalog


def test_the_package_with_drafts_is_valid(with_drafts):
    report = frictionless.validate(with_drafts / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
