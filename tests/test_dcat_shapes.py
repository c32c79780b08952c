"""Issue 12, item 3: the catalog against both releases of the official DCAT-AP 3.0.1 shapes, with two engines.

The releases: the html release's files (shapes.ttl with range.ttl, as tests/test_catalog.py uses them)
and the consolidated files (shacl/dcat-ap-SHACL.ttl with shacl/ranges.ttl), plus DCAT-AP-NL 3.0.1.
The engines: pyshacl, and shacl-engine (JavaScript, run by node; installed from the npm registry by
the test set-up, tests/clients/envs.py). Every copy in opendata/standards/ is unedited
(SOURCES.md there). Before the catalog typed the data service's endpoint URL and description
rdfs:Resource, the consolidated shapes gave two violations with either engine.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, Graph, Namespace, URIRef

from .clients.envs import CLIENTS, npm_packages
from .conftest import ROOT, require_shared

STANDARDS = ROOT / "opendata" / "standards"
SHARED_STANDARDS = ROOT.parent / "shared" / "standards"
RELEASES = {
    "DCAT-AP 3.0.1 html": ("dcat-ap-3.0.1/shapes.ttl", "dcat-ap-3.0.1/range.ttl"),
    "DCAT-AP 3.0.1 consolidated": ("dcat-ap-3.0.1/shacl/dcat-ap-SHACL.ttl", "dcat-ap-3.0.1/shacl/ranges.ttl"),
    "DCAT-AP-NL 3.0.1": (
        "dcat-ap-nl-3.0.1/dcat-ap-nl-SHACL.ttl",
        "dcat-ap-nl-3.0.1/dcat-ap-nl-SHACL-klassebereik.ttl",
        "dcat-ap-nl-3.0.1/dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl",
    ),
}
COPIED_FROM = {
    "dcat-ap-3.0.1/shacl/dcat-ap-SHACL.ttl": "dcat-ap-3.0/3.0.1/shacl/dcat-ap-SHACL.ttl",
    "dcat-ap-3.0.1/shacl/ranges.ttl": "dcat-ap-3.0/3.0.1/shacl/ranges.ttl",
}
SHACL_ENGINE = ("shacl-engine@1.1.2", "n3@2.13.12", "rdf-ext@2.6.0")
# The consolidated release links these many property shapes from sh:property without defining them.
UNDEFINED_PROPERTY_SHAPES = 5

SH = Namespace("http://www.w3.org/ns/shacl#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")


@functools.cache
def pyshacl_shapes(release: str) -> Graph:
    """The release's shapes for pyshacl, which refuses a sh:property link to a shape that is nowhere
    defined (shacl-engine skips it): those links, and only those, are dropped in memory."""
    graph = Graph()
    for name in RELEASES[release]:
        graph.parse(STANDARDS / name, format="turtle")
    dangling = [
        (shape, link) for shape, link in graph.subject_objects(SH.property) if (link, None, None) not in graph
    ]
    assert len(dangling) in (0, UNDEFINED_PROPERTY_SHAPES), dangling
    for shape, link in dangling:
        graph.remove((shape, SH.property, link))
    return graph


def pyshacl_violations(data: Path, release: str) -> set[tuple[str, str]]:
    _, report, _ = validate(
        Graph().parse(data, format="turtle"), shacl_graph=pyshacl_shapes(release), inference="none"
    )
    return {
        (str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)))
        for r in report.subjects(RDF.type, SH.ValidationResult)
        if report.value(r, SH.resultSeverity) == SH.Violation
    }


@pytest.fixture(scope="module")
def shacl_engine() -> Path:
    assert shutil.which("node") and shutil.which("npm"), "node and npm are needed to run shacl-engine"
    return npm_packages("shacl-engine", *SHACL_ENGINE)


def shacl_engine_violations(folder: Path, data: Path, release: str) -> set[tuple[str, str]]:
    shapes = [str(STANDARDS / name) for name in RELEASES[release]]
    result = subprocess.run(
        ["node", str(CLIENTS / "shacl_engine_validate.mjs"), str(data), *shapes],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    return {(r["focusNode"], r["path"]) for r in report["results"] if r["severity"] == str(SH.Violation)}


# shacl-engine runs in node with packages from npm (.test-envs/): the integration tier
@pytest.fixture(
    scope="module", params=["pyshacl", pytest.param("shacl-engine", marks=pytest.mark.integration)]
)
def violations(request):
    """violations(data file, release) -> {(focus node, path)} with one engine."""
    if request.param == "pyshacl":
        return pyshacl_violations
    folder = request.getfixturevalue("shacl_engine")
    return functools.partial(shacl_engine_violations, folder)


@pytest.mark.parametrize("release", sorted(RELEASES))
def test_the_catalog_has_no_violations(published, violations, release):
    assert violations(published / "catalog.ttl", release) == set()


def damaged(published: Path, tmp_path: Path, triple) -> Path:
    graph = Graph().parse(published / "catalog.ttl", format="turtle")
    assert triple in graph or (triple[0] is None and set(graph.triples(triple)))
    graph.remove(triple)
    path = tmp_path / "catalog.ttl"
    graph.serialize(path, format="turtle")
    return path


@pytest.mark.parametrize(
    "release, triple, path",
    [
        (
            "DCAT-AP 3.0.1 consolidated",
            (URIRef("https://data.leidseregio.example/publicatie/sparql"), RDF.type, RDFS.Resource),
            DCAT.endpointURL,
        ),
        ("DCAT-AP 3.0.1 consolidated", (None, RDF.type, DCT.LicenseDocument), DCT.license),
        ("DCAT-AP 3.0.1 html", (None, RDF.type, DCT.LicenseDocument), DCT.license),
        ("DCAT-AP 3.0.1 consolidated", (None, DCAT.accessURL, None), DCAT.accessURL),
        ("DCAT-AP 3.0.1 html", (None, DCAT.accessURL, None), DCAT.accessURL),
        ("DCAT-AP-NL 3.0.1", (None, DCT.identifier, None), DCT.identifier),
    ],
    ids=[
        "endpoint untyped",
        "licence untyped (consolidated)",
        "licence untyped (html)",
        "no accessURL (consolidated)",
        "no accessURL (html)",
        "no identifier (NL)",
    ],
)
def test_a_damaged_catalog_is_rejected(published, tmp_path, violations, release, triple, path):
    found = violations(damaged(published, tmp_path, triple), release)
    assert str(path) in {p for _, p in found}, found


def test_the_copied_shapes_are_unedited():
    require_shared(SHARED_STANDARDS)
    for local, shared in COPIED_FROM.items():
        assert (STANDARDS / local).read_bytes() == (SHARED_STANDARDS / shared).read_bytes(), local
    sources = (STANDARDS / "SOURCES.md").read_text(encoding="utf-8")
    assert (
        "releases/3.0.1/shacl/dcat-ap-SHACL.ttl" in sources and "releases/3.0.1/shacl/ranges.ttl" in sources
    )
