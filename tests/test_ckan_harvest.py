"""Issue 12, item 1: a CKAN portal harvests the catalog with ckanext-dcat and keeps everything, the licence too.

The harvester is the real one: ckanext-dcat's RDFParser with the euro_dcat_ap_3 profile, in its own
virtual environment created from the package registry by the test set-up (tests/clients/envs.py;
the pins and why CKAN comes without its dependencies: tests/clients/ckan-harvest-requirements.txt).
Its licence register is the one an EU-vocabulary portal configures (`licenses_group_url`): licences
keyed by their EU authority IRI. Before the catalog published that IRI, every dataset came through
with an empty license_id.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace

from .clients.envs import CLIENTS, python_env

# integration: harvests with ckanext-dcat in its own Python environment (built into .test-envs/)
pytestmark = pytest.mark.integration

DCAT = Namespace("http://www.w3.org/ns/dcat#")
EU = "http://publications.europa.eu/resource/authority/"
SEED_MUNICIPALITIES = {"gm0537", "gm0546", "gm0547", "gm0579", "gm0626", "gm0638"}
SYNTAXES = {"catalog.ttl": "turtle", "catalog.rdf": "xml", "catalog.jsonld": "json-ld"}
# A portal's licence register keyed by EU authority IRI (data.europa.eu style), in CKAN's format.
EU_REGISTER = [
    {"id": "CC0", "title": "Creative Commons CC0 1.0 Universal", "url": EU + "licence/CC0"},
    {
        "id": "CC_BY_4_0",
        "title": "Creative Commons Attribution 4.0 International",
        "url": EU + "licence/CC_BY_4_0",
    },
]


@pytest.fixture(scope="module")
def ckan_python() -> Path:
    return python_env("ckan-harvest", CLIENTS / "ckan-harvest-requirements.txt")


def harvest(ckan_python: Path, catalog: Path, rdf_format: str, register: Path) -> list[dict]:
    result = subprocess.run(
        [str(ckan_python), str(CLIENTS / "ckan_harvest.py"), str(register), str(catalog), rdf_format],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ckan") / "licenses.json"
    path.write_text(json.dumps(EU_REGISTER), encoding="utf-8")
    return path


def extras(dataset: dict) -> dict:
    return {extra["key"]: extra["value"] for extra in dataset["extras"]}


@pytest.fixture(scope="module", params=sorted(SYNTAXES))
def harvested(request, ckan_python, register, published) -> tuple[str, list[dict]]:
    return request.param, harvest(ckan_python, published / request.param, SYNTAXES[request.param], register)


def test_every_dataset_comes_through_whole(harvested, published):
    name, datasets = harvested
    catalog = Graph().parse(published / "catalog.ttl", format="turtle")
    assert len(datasets) == len(set(catalog.subjects(RDF.type, DCAT.Dataset))) == 3, name
    for dataset in datasets:
        found = extras(dataset)
        assert dataset["title"] and dataset["notes"], found["uri"]
        assert dataset["license_id"] == "CC0", found["uri"]
        assert (
            found["publisher_uri"].endswith("/gemeente/gm0546")
            and found["publisher_name"] == "gemeente Leiden"
        )
        assert found["contact_email"] == "opendata@leidseregio.example" and found["contact_name"]
        assert EU + "data-theme/GOVE" in json.loads(found["theme"])
        if found["uri"].endswith("/dataset/model"):  # the model has no place or period (README, "Harvesting")
            assert "spatial_uri" not in found and "temporal_start" not in found
            continue
        assert found["spatial_uri"].rsplit("/", 1)[1] in SEED_MUNICIPALITIES, found["uri"]
        assert (found["temporal_start"], found["temporal_end"]) == ("2019-01-24", "2019-06-11"), found["uri"]


def test_every_distribution_comes_through_whole(harvested, published):
    name, datasets = harvested
    catalog = Graph().parse(published / "catalog.ttl", format="turtle")
    resources = [resource for dataset in datasets for resource in dataset["resources"]]
    assert len(resources) == len(set(catalog.subjects(RDF.type, DCAT.Distribution))) >= 10, name
    for resource in resources:
        assert resource["name"] and resource["description"], resource["uri"]
        assert resource["license"] in {EU + "licence/CC0", "CC0 1.0 Universal"}, resource[
            "uri"
        ]  # IRI or its title
        assert resource["format"].startswith(EU + "file-type/") and resource["mimetype"], resource["uri"]
        path = published / resource["download_url"].rsplit("/publicatie/", 1)[1]
        assert resource["size"] == path.stat().st_size, resource["uri"]
        assert resource["hash_algorithm"].endswith("checksumAlgorithm_sha256") and len(resource["hash"]) == 64
