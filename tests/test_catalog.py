"""The DCAT-AP-NL 3 catalog, the VoID description and the landing page of a publication.

The catalog is validated against the official DCAT-AP 3.0.1 and DCAT-AP-NL 3.0.1 SHACL shapes
(unedited copies in opendata/standards/), and checked against the files it describes.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from pyshacl import validate
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from opendata import __version__
from opendata.model.iris import CATALOG_SEGMENTS
from opendata.model.model import load_model
from opendata.sources.config import load_config

from .conftest import DATASETS, ROOT, require_shared, run_main

STANDARDS = ROOT / "opendata" / "standards"
SHARED_STANDARDS = ROOT.parent / "shared" / "standards"
DCAT_AP = ("dcat-ap-3.0.1/shapes.ttl", "dcat-ap-3.0.1/range.ttl", "dcat-ap-3.0.1/shapes_recommended.ttl")
DCAT_AP_NL = (
    "dcat-ap-nl-3.0.1/dcat-ap-nl-SHACL.ttl",
    "dcat-ap-nl-3.0.1/dcat-ap-nl-SHACL-klassebereik.ttl",
    "dcat-ap-nl-3.0.1/dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl",
    "dcat-ap-nl-3.0.1/dcat-ap-nl-SHACL-aanbevolen.ttl",
)
COPIED_FROM = {
    "dcat-ap-3.0.1": "dcat-ap-3.0/3.0.1/html-shacl",
    "dcat-ap-nl-3.0.1": "dcat-ap-nl-3.0/latest-3.0.1",
}

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
PROV = Namespace("http://www.w3.org/ns/prov#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SH = Namespace("http://www.w3.org/ns/shacl#")
VOID = Namespace("http://rdfs.org/ns/void#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
SEED_MUNICIPALITIES = {"gm0537", "gm0546", "gm0547", "gm0579", "gm0626", "gm0638"}


@functools.cache
def shapes(files: tuple[str, ...]) -> Graph:
    graph = Graph()
    for name in files:
        graph.parse(STANDARDS / name, format="turtle")
    return graph


def shacl_results(data: Graph, files: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    """(severity, focus node, path, message) of every validation result."""
    _, report, _ = validate(data, shacl_graph=shapes(files), inference="none")
    results = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity).split("#")[1]
        results.append(
            (
                severity,
                str(report.value(result, SH.focusNode)),
                str(report.value(result, SH.resultPath)),
                str(report.value(result, SH.resultMessage)),
            )
        )
    return sorted(results)


def violations(data: Graph, files: tuple[str, ...]) -> list:
    return [r for r in shacl_results(data, files) if r[0] == "Violation"]


@pytest.fixture(scope="module")
def config():
    loaded, problems = load_config(DATASETS)
    assert loaded is not None, problems
    return loaded


@pytest.fixture(scope="module")
def catalog(published) -> Graph:
    return Graph().parse(published / "catalog.ttl", format="turtle")


def local_file(dist: Path, url: str, base_url: str) -> Path:
    assert url.startswith(base_url), f"{url} is not under {base_url}"
    return dist / unquote(url[len(base_url) :])


def the(graph: Graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, f"{subject} {predicate}: {values}"
    return values[0]


# ------------------------------------------------------------------ the official shapes


@pytest.mark.parametrize("profile", [DCAT_AP, DCAT_AP_NL], ids=["DCAT-AP 3.0.1", "DCAT-AP-NL 3.0.1"])
def test_catalog_conforms_to_the_official_shapes(catalog, profile):
    assert violations(catalog, profile) == []


@pytest.mark.parametrize(
    "profile, broken, expected_path",
    [
        (DCAT_AP, (None, RDF.type, DCT.LicenseDocument), DCT.license),  # range.ttl: the licence's class
        (DCAT_AP, (None, DCAT.accessURL, None), DCAT.accessURL),  # shapes.ttl: a mandatory property
        (DCAT_AP_NL, (None, DCT.accessRights, None), DCT.accessRights),  # mandatory in DCAT-AP-NL only
        (DCAT_AP_NL, (None, DCT.identifier, None), DCT.identifier),
    ],
    ids=["licence untyped", "no accessURL", "no access rights", "no identifier"],
)
def test_the_shapes_catch_a_broken_catalog(catalog, profile, broken, expected_path):
    damaged = Graph()
    for triple in catalog:
        damaged.add(triple)
    damaged.remove(broken)
    assert {path for _, _, path, _ in violations(damaged, profile)} >= {str(expected_path)}


def test_the_copied_shapes_are_unedited():
    require_shared(SHARED_STANDARDS)
    for name in DCAT_AP + DCAT_AP_NL:
        folder, file = name.split("/")
        original = SHARED_STANDARDS / COPIED_FROM[folder] / file
        assert (STANDARDS / name).read_bytes() == original.read_bytes(), name
    assert "releases/3.0.1/html/shacl/range.ttl" in (STANDARDS / "SOURCES.md").read_text(encoding="utf-8")


# ------------------------------------------------------------------ the catalog and the files


def distributions(catalog: Graph) -> list:
    return sorted(catalog.subjects(RDF.type, DCAT.Distribution))


def test_sizes_and_checksums_match_the_files(published, catalog, config):
    listed = distributions(catalog)
    assert len(listed) >= 10
    for distribution in listed:
        path = local_file(published, str(the(catalog, distribution, DCAT.downloadURL)), config.base_url)
        size = the(catalog, distribution, DCAT.byteSize)
        assert size.datatype == XSD.nonNegativeInteger and int(size) == path.stat().st_size, path
        checksum = the(catalog, distribution, SPDX.checksum)
        assert the(catalog, checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        value = the(catalog, checksum, SPDX.checksumValue)
        assert value.datatype == XSD.hexBinary
        assert str(value) == hashlib.sha256(path.read_bytes()).hexdigest(), path


def test_every_download_url_is_a_file_in_dist(published, catalog, config):
    for distribution in distributions(catalog):
        download = str(the(catalog, distribution, DCAT.downloadURL))
        assert str(the(catalog, distribution, DCAT.accessURL)) == download
        assert local_file(published, download, config.base_url).is_file(), download


# The data files of a publication and their IANA media types, stated here rather than read from the
# code that builds the catalog: a file that silently left the catalog would go unnoticed otherwise.
DATA_FILES = {
    "graph.ttl": "text/turtle",
    "graph.nt": "application/n-triples",
    "graph.nt.gz": "application/n-triples",
    "graph.jsonld": "application/ld+json",
    "context.jsonld": "application/ld+json",
    "ontology.ttl": "text/turtle",
    "shapes.ttl": "text/turtle",
    "datapackage.json": "application/json",
    "csv-metadata.json": "application/csvm+json",
}


def expected_data_files(published: Path) -> dict[str, str]:
    """Every data file in the publication: the fixed ones, and each table of the data package (whose
    CSV files must all be there)."""
    package = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    tables = {resource["path"]: "text/csv" for resource in package["resources"]}
    assert tables and all((published / path).is_file() for path in tables)
    on_disk = {f"data/{p.name}" for p in (published / "data").iterdir()}
    assert on_disk == set(tables), "data/ holds exactly the package's tables"
    return DATA_FILES | tables


def test_the_catalog_lists_every_data_file_and_not_itself(published, catalog, config):
    base = len(config.base_url)
    listed = {
        unquote(str(the(catalog, d, DCAT.downloadURL)))[base:]: the(catalog, d, DCAT.mediaType)
        for d in distributions(catalog)
    }
    expected = expected_data_files(published)
    assert set(listed) == set(expected)
    assert {name: URIRef(IANA + media_type) for name, media_type in expected.items()} == listed
    assert not set(listed) & {
        "catalog.ttl",
        "catalog.jsonld",
        "catalog.rdf",
        "manifest.json",
        "void.ttl",
        "index.html",
    }


def test_the_three_catalog_syntaxes_are_isomorphic(published, catalog):
    as_jsonld = Graph().parse(published / "catalog.jsonld", format="json-ld")
    as_rdfxml = Graph().parse(published / "catalog.rdf", format="xml")
    assert len(catalog) > 300
    assert isomorphic(catalog, as_jsonld)
    assert isomorphic(catalog, as_rdfxml)


def test_no_blank_nodes(catalog):
    assert not [term for triple in catalog for term in triple if not isinstance(term, (URIRef, Literal))]


def test_distribution_metadata(catalog, config):
    for distribution in distributions(catalog):
        assert str(the(catalog, distribution, DCAT.mediaType)).startswith(IANA)
        assert str(the(catalog, distribution, DCT["format"])).startswith(EU + "file-type/")
        assert the(catalog, distribution, DCT.license) == URIRef(EU + "licence/CC0")
        assert {t.language for t in catalog.objects(distribution, DCT.title)} == {"nl", "en"}
        assert {t.language for t in catalog.objects(distribution, DCT.description)} == {"nl", "en"}
    gz = URIRef(config.base_iri + CATALOG_SEGMENTS["distribution"] + "/graph.nt.gz")
    assert the(catalog, gz, DCAT.compressFormat) == URIRef(IANA + "application/gzip")
    assert the(catalog, gz, DCT["format"]) == URIRef(EU + "file-type/GZIP")
    csv = [d for d in distributions(catalog) if str(d).endswith(".csv")]
    for distribution in csv:
        assert the(catalog, distribution, DCT["format"]) == URIRef(EU + "file-type/CSV")


def test_the_licence_is_the_eu_authority_iri_matched_to_the_creative_commons_deeds(catalog, config):
    """data.europa.eu registers licences by EU authority IRI, data.overheid.nl by the Dutch deed."""
    licence = URIRef(EU + "licence/CC0")
    assert config.license == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert {the(catalog, d, DCT.license) for d in distributions(catalog)} == {licence}
    assert the(catalog, URIRef(config.base_iri + "catalogus"), DCT.license) == licence
    assert (licence, RDF.type, DCT.LicenseDocument) in catalog
    assert set(catalog.objects(licence, SKOS.exactMatch)) == {
        URIRef(config.license),
        URIRef(config.license + "deed.nl"),
    }
    assert str(the(catalog, licence, DCT.title)) == "CC0 1.0 Universal"


def test_dataset_metadata(catalog, config):
    datasets = sorted(catalog.subjects(RDF.type, DCAT.Dataset))
    graph = URIRef(config.base_iri + "dataset/graaf")
    assert graph in datasets and URIRef(config.base_iri + "dataset/tabellen") in datasets
    assert {str(t) for t in catalog.objects(graph, DCAT.theme)} == {
        EU + "data-theme/GOVE",
        "http://standaarden.overheid.nl/owms/terms/Bestuur",
    }
    assert {str(s).rsplit("/", 1)[1] for s in catalog.objects(graph, DCT.spatial)} == SEED_MUNICIPALITIES
    period = the(catalog, graph, DCT.temporal)
    assert (period, RDF.type, DCT.PeriodOfTime) in catalog
    assert the(catalog, period, DCAT.startDate) == Literal("2019-01-24", datatype=XSD.date)
    assert the(catalog, period, DCAT.endDate) == Literal("2019-06-11", datatype=XSD.date)
    assert the(catalog, graph, DCT.issued) == Literal(config.issued, datatype=XSD.date)
    assert the(catalog, graph, DCT.modified) == Literal("2019-06-11", datatype=XSD.date)
    assert the(catalog, graph, DCT.accessRights) == URIRef(EU + "access-right/PUBLIC")
    assert (URIRef(EU + "access-right/PUBLIC"), RDF.type, DCT.RightsStatement) in catalog
    assert the(catalog, graph, DCT.language) == URIRef(EU + "language/NLD")
    assert the(catalog, graph, DCAT.version) == Literal(config.version)
    assert the(catalog, graph, DCT.identifier) == Literal(str(graph))
    assert the(catalog, graph, DCAT.landingPage) == URIRef(config.landing_url)
    keywords = set(catalog.objects(graph, DCAT.keyword))
    assert Literal(config.keywords["nl"][0], lang="nl") in keywords
    assert Literal(config.keywords["en"][0], lang="en") in keywords
    for role in (DCT.publisher, DCT.creator):
        agent = the(catalog, graph, role)
        assert str(agent).startswith("https://identifier.overheid.nl/tooi/id/")
        assert (agent, RDF.type, FOAF.Agent) in catalog
        assert str(the(catalog, agent, FOAF.name)) == "gemeente Leiden"
    contact = the(catalog, graph, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Kind) in catalog
    assert the(catalog, contact, VCARD.hasEmail) == URIRef("mailto:" + config.contact["email"])
    activity = the(catalog, graph, PROV.wasGeneratedBy)
    assert (activity, RDF.type, PROV.Activity) in catalog
    assert any(__version__ in label for label in catalog.objects(activity, RDFS.label))


def test_the_sparql_endpoint_is_a_data_service(catalog, config):
    assert config.endpoint_url
    service = the(catalog, URIRef(config.base_iri + "catalogus"), DCAT.service)
    assert (service, RDF.type, DCAT.DataService) in catalog
    assert the(catalog, service, DCAT.endpointURL) == URIRef(config.endpoint_url)
    assert the(catalog, service, DCAT.servesDataset) == URIRef(config.base_iri + "dataset/graaf")


def test_catalog_iris_do_not_collide_with_the_model():
    segments = {cls.iri for cls in load_model().classes.values()}
    assert not segments & set(CATALOG_SEGMENTS.values())


# ------------------------------------------------------------------ VoID


def test_void_statistics_match_the_graph(published, config):
    void = Graph().parse(published / "void.ttl", format="turtle")
    graph = Graph().parse(published / "graph.nt", format="nt")
    dataset = URIRef(config.base_iri + "dataset/graaf")
    assert (dataset, RDF.type, VOID.Dataset) in void
    assert int(the(void, dataset, VOID.triples)) == len(graph)
    assert int(the(void, dataset, VOID.distinctSubjects)) == len(set(graph.subjects()))
    assert int(the(void, dataset, VOID.distinctObjects)) == len(set(graph.objects()))
    assert int(the(void, dataset, VOID.entities)) == len(
        {s for s in graph.subjects() if isinstance(s, URIRef)}
    )
    classes = {
        the(void, p, VOID["class"]): int(the(void, p, VOID.entities))
        for p in void.objects(dataset, VOID.classPartition)
    }
    assert classes == {c: len(set(graph.subjects(RDF.type, c))) for c in set(graph.objects(None, RDF.type))}
    properties = {
        the(void, p, VOID.property): int(the(void, p, VOID.triples))
        for p in void.objects(dataset, VOID.propertyPartition)
    }
    assert properties == {p: len(list(graph.triples((None, p, None)))) for p in set(graph.predicates())}
    assert int(the(void, dataset, VOID.classes)) == len(classes)
    for example in void.objects(dataset, VOID.exampleResource):
        assert (example, None, None) in graph
    dumps = {str(d) for d in void.objects(dataset, VOID.dataDump)}
    assert config.base_url + "graph.nt.gz" in dumps
    assert all(local_file(published, dump, config.base_url).is_file() for dump in dumps)
    assert the(void, dataset, VOID.sparqlEndpoint) == URIRef(config.endpoint_url)
    assert URIRef("https://schema.org/") in set(void.objects(dataset, VOID.vocabulary))


# ------------------------------------------------------------------ the landing page


class PageParser(HTMLParser):
    """The links and the JSON-LD scripts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.scripts: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("a", "link") and attributes.get("href"):
            self.links.append(attributes["href"])
        self._in_jsonld = tag == "script" and attributes.get("type") == "application/ld+json"
        if self._in_jsonld:
            self.scripts.append("")

    def handle_data(self, data):
        if self._in_jsonld:
            self.scripts[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False


def read_page(dist: Path) -> PageParser:
    parser = PageParser()
    parser.feed((dist / "index.html").read_text(encoding="utf-8"))
    return parser


def test_the_landing_page_describes_the_dataset_for_search_engines(published, config):
    page = read_page(published)
    assert len(page.scripts) == 1
    dataset = json.loads(page.scripts[0])
    assert dataset["@type"] == "Dataset" and dataset["@context"] == "https://schema.org/"
    assert dataset["name"] == config.title["nl"]
    assert dataset["license"] == config.license
    assert dataset["temporalCoverage"] == "2019-01-24/2019-06-11"
    assert {place["@id"].rsplit("/", 1)[1] for place in dataset["spatialCoverage"]} == SEED_MUNICIPALITIES
    downloads = {d["contentUrl"]: d["encodingFormat"] for d in dataset["distribution"]}
    assert downloads[config.base_url + "graph.ttl"] == "text/turtle"
    assert all(d["@type"] == "DataDownload" for d in dataset["distribution"])
    assert all(local_file(published, url, config.base_url).is_file() for url in downloads)


def test_every_link_on_the_landing_page_works(published):
    page = read_page(published)
    local = [link for link in page.links if not re.match(r"^(https?:|mailto:|#)", link)]
    assert "catalog.ttl" in local and "graph.nt.gz" in local
    assert all((published / unquote(link)).is_file() for link in local), local
    text = (published / "index.html").read_text(encoding="utf-8")
    assert 'lang="nl"' in text and 'lang="en"' in text


# ------------------------------------------------------------------ other configurations


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """A publication whose title tries to break out of the page, with no SPARQL endpoint."""
    import shutil

    datasets = tmp_path_factory.mktemp("hostile") / "datasets"
    shutil.copytree(DATASETS, datasets)
    config_file = datasets / "publication.yaml"
    data = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    data.pop("endpoint_url", None)
    data["title"]["nl"] = 'Brieven </script><script>alert("x")</script> & <!-- "citaat"'
    config_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = datasets.parent / "dist"
    result = run_main("publish", "--datasets", str(datasets), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_values_cannot_break_out_of_the_landing_page(hostile):
    page = read_page(hostile)
    assert len(page.scripts) == 1
    assert (
        json.loads(page.scripts[0])["name"] == 'Brieven </script><script>alert("x")</script> & <!-- "citaat"'
    )
    text = (hostile / "index.html").read_text(encoding="utf-8")
    assert text.count("<script") == 1 and "alert(&quot;x&quot;)" in text


def test_without_an_endpoint_there_is_no_data_service(hostile):
    catalog = Graph().parse(hostile / "catalog.ttl", format="turtle")
    void = Graph().parse(hostile / "void.ttl", format="turtle")
    assert not list(catalog.subjects(RDF.type, DCAT.DataService))
    assert not list(void.objects(None, VOID.sparqlEndpoint))
    assert violations(catalog, DCAT_AP) == [] and violations(catalog, DCAT_AP_NL) == []


def test_publishing_twice_gives_the_same_bytes(published, tmp_path):
    result = run_main("publish", "--datasets", str(DATASETS), "--out", str(tmp_path / "dist"))
    assert result.returncode == 0, result.stderr
    for name in ("catalog.ttl", "catalog.jsonld", "catalog.rdf", "void.ttl", "index.html"):
        assert (tmp_path / "dist" / name).read_bytes() == (published / name).read_bytes(), name
