"""Issue 4: csv-metadata.json (CSV on the Web) maps the tables back to the graph's triples.

Tested with tests/csvw_rdf.py, a small CSVW-to-RDF converter (minimal mode) written for the tests,
and (issue 12, item 2) with the strict validator of the csvw package, `csvwvalidate`, as CLDF uses it.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from .conftest import DATASETS, run_cli
from .csvw_rdf import csvw_triples

BASE_URL = "https://data.leidseregio.example/publicatie/"
CSVWVALIDATE = Path(sys.executable).parent / "csvwvalidate"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
TRIO = {"https://schema.org/Message", ORG + "Organization", ORG + "Membership"}
PERIOD_LINKS = {
    URIRef(ORG + "memberDuring"),
    URIRef(TIME + "hasTime"),
    URIRef(TIME + "hasBeginning"),
    URIRef(TIME + "hasEnd"),
}
PERIOD_TYPES = {URIRef(TIME + "Interval"), URIRef(TIME + "Instant")}


@pytest.fixture(scope="module")
def with_periods(tmp_path_factory) -> Path:
    """The seed with a membership and a post that have a period (the seed's have none)."""
    datasets = tmp_path_factory.mktemp("csvw") / "datasets"
    shutil.copytree(DATASETS, datasets)
    memberships = datasets / "memberships.yaml"
    memberships.write_text(
        memberships.read_text(encoding="utf-8").replace(
            "- id: leidse-regio-gm0546\n  member: gm0546\n  organisation: leidse-regio\n  role: lid\n",
            "- id: leidse-regio-gm0546\n  member: gm0546\n  organisation: leidse-regio\n  role: lid\n"
            "  start: 2015-01-01\n  end: 2019-12-31\n",
        ),
        encoding="utf-8",
    )
    posts = datasets / "posts.yaml"
    posts.write_text(
        posts.read_text(encoding="utf-8").replace(
            "  role: gedeputeerde\n", "  role: gedeputeerde\n  start: 2019-06-13\n"
        ),
        encoding="utf-8",
    )
    out = datasets.parent / "dist"
    result = run_cli("publish", "--datasets", str(datasets), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module", params=["seed", "with-periods"])
def dist(request, published, with_periods) -> Path:
    return published if request.param == "seed" else with_periods


def _graph_triples(dist: Path) -> set[tuple]:
    return set(Graph().parse(dist / "graph.nt", format="nt"))


def test_metadata_describes_every_table_of_the_package(published):
    metadata = json.loads((published / "csv-metadata.json").read_text(encoding="utf-8"))
    package = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    assert metadata["@context"][0] == "http://www.w3.org/ns/csvw"
    assert [t["url"] for t in metadata["tables"]] == [r["path"] for r in package["resources"]]
    for table, resource in zip(metadata["tables"], package["resources"]):
        real = [c["name"] for c in table["tableSchema"]["columns"] if not c.get("virtual")]
        assert real == [f["name"] for f in resource["schema"]["fields"]]
        assert table["tableSchema"]["primaryKey"] == resource["schema"]["primaryKey"]
        assert {t["@language"] for t in table["dc:title"]} == {"en", "nl"}
        urls = {t["url"] for t in metadata["tables"]}
        for key in table["tableSchema"].get("foreignKeys", []):
            assert key["reference"]["resource"] in urls, key
            assert key["columnReference"] in real


def test_every_csvw_triple_is_a_triple_of_the_graph(dist):
    produced = csvw_triples(dist / "csv-metadata.json", BASE_URL)
    extra = produced - _graph_triples(dist)
    assert len(produced) > 600
    assert not extra, sorted(extra)[:10]


def _owner(iri) -> str:
    return str(iri).split("#")[0]


def test_csvw_regenerates_the_letters_organisations_and_memberships(dist):
    graph = _graph_triples(dist)
    trio = {_owner(s) for s, p, o in graph if p == RDF.type and str(o) in TRIO}
    period_nodes = {s for s, p, o in graph if p == RDF.type and o in PERIOD_TYPES}
    # What CSVW cannot express (csv-metadata.json says so): the OWL-Time structure of a period.
    expected = {
        (s, p, o)
        for s, p, o in graph
        if _owner(s) in trio and p not in PERIOD_LINKS and not (s in period_nodes and p == RDF.type)
    }
    produced = {t for t in csvw_triples(dist / "csv-metadata.json", BASE_URL) if _owner(t[0]) in trio}
    assert len(expected) > 300
    assert produced == expected, (sorted(expected - produced)[:5], sorted(produced - expected)[:5])
    dated = {(str(s), str(o)) for s, p, o in produced if str(p) == TIME + "inXSDDate"}
    if dist.parent.name.startswith("csvw"):
        assert (
            "https://data.leidseregio.example/id/lidmaatschap/leidse-regio-gm0546#begin",
            "2015-01-01",
        ) in dated


# ------------------------------------------------------------------ the strict CSVW validator (issue 12, item 2)


def csvwvalidate(metadata: Path) -> subprocess.CompletedProcess:
    """csvw's validator as a user runs it: strict (a foreign key column may not be empty)."""
    return subprocess.run([str(CSVWVALIDATE), "-v", str(metadata)], capture_output=True, text=True)


def test_the_strict_csvw_validator_accepts_the_tables(dist):
    result = csvwvalidate(dist / "csv-metadata.json")
    assert result.returncode == 0 and result.stdout.startswith("OK"), result.stdout + result.stderr


def test_optional_references_stay_foreign_keys_of_the_data_package(published):
    """The Frictionless package is not loosened: every reference is a foreign key there; CSVW declares the
    ones that are never empty and notes the others on their column."""
    metadata = json.loads((published / "csv-metadata.json").read_text(encoding="utf-8"))
    package = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    optional = set()
    for table, resource in zip(metadata["tables"], package["resources"]):
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        columns = {c["name"]: c for c in table["tableSchema"]["columns"]}
        declared = {k["columnReference"] for k in table["tableSchema"].get("foreignKeys", [])}
        for key in resource["schema"].get("foreignKeys", []):
            name = key["fields"][0]
            required = name in resource["schema"]["primaryKey"] or fields[name].get("constraints", {}).get(
                "required"
            )
            if required:
                assert name in declared, (resource["name"], name)
            else:
                optional.add(f"{resource['name']}.{name}")
                link = columns.get(
                    f"{name}_iri", columns[name]
                )  # the IRI column, when the key alone does not give it
                assert name not in declared and "valueUrl" in link, (resource["name"], name)
                assert "datapackage.json" in columns[name]["rdfs:comment"]
    assert {"organisations.part_of", "letters.sender", "themes.broader"} <= optional


def test_the_strict_csvw_validator_rejects_a_broken_reference(published, tmp_path):
    copy = tmp_path / "dist"
    shutil.copytree(published, copy, ignore=shutil.ignore_patterns("tekst", "*.nt*", "graph.*"))
    memberships = copy / "data" / "memberships.csv"
    rows = list(csv.reader(memberships.open(encoding="utf-8", newline="")))
    rows[1][rows[0].index("member")] = "gm9999"
    with memberships.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    result = csvwvalidate(copy / "csv-metadata.json")
    assert result.returncode != 0 and "FAIL" in result.stdout, result.stdout + result.stderr
    assert "memberships.csv:2 Key `gm9999` not found in table data/organisations.csv" in result.stdout
