"""A person marked `public: false` reaches no published file; the letter's other facts remain.

The case: the mayor who signs a letter is not public. He is named in the letter's text, signs it, holds
a post and takes part in a meeting. After `opendata publish`, every byte of every file in dist/ (and
of graph.nt.gz unpacked) is scanned for his name and his key. The letter is still there, with its
signature pointing at the redacted person. A record whose id embeds his key stops the publish.
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from opendata.publish.switch import verify

from .conftest import run_cli

BASE = Path(__file__).resolve().parent / "cases" / "_base"
KEY = "h-lenferink"
NAME = "H.J.J. Lenferink"
SECRETS = (KEY.encode(), NAME.encode(), NAME.encode("utf-16-le"), NAME.upper().encode())
BASE_IRI = "https://data.example.org/id/"
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ODNL = Namespace("https://w3id.org/opendata-nl/def#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
LETTER = URIRef(BASE_IRI + "brief/reactie-leiden")


def private_dataset(target: Path) -> Path:
    shutil.copytree(BASE, target)
    people = target / "people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8").replace(
            f"  name: {NAME}\n", f"  name: {NAME}\n  public: false\n  note: ambtenaar, geen publieke rol\n"
        ),
        encoding="utf-8",
    )
    assert "public: false" in people.read_text(encoding="utf-8")
    text = target / "letters" / "reactie-leiden.txt"
    text.write_text(
        text.read_text(encoding="utf-8") + "\nBurgemeester Lenferink was verhinderd.\n", encoding="utf-8"
    )
    meetings = target / "meetings.yaml"
    meetings.write_text(
        meetings.read_text(encoding="utf-8").replace(
            "participant_people: [j-baljeu]",
            f"participant_people: [j-baljeu, {KEY}]\n  note: met {NAME} als gast",
        ),
        encoding="utf-8",
    )
    return target


def _all_bytes(out: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files[path.relative_to(out).as_posix()] = data
        if path.suffix == ".gz":
            files[path.relative_to(out).as_posix() + " (unpacked)"] = gzip.decompress(data)
    return files


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("privacy")
    datasets = private_dataset(root / "datasets")
    text = (datasets / "letters" / "reactie-leiden.txt").read_text(encoding="utf-8")
    assert NAME in text  # the source names him
    out = root / "dist"
    result = run_cli("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_no_file_holds_the_name_or_the_key(dist):
    files = _all_bytes(dist)
    assert len(files) > 10 and "graph.nt.gz (unpacked)" in files
    leaks = [(name, secret) for name, data in files.items() for secret in SECRETS if secret in data]
    assert not leaks, leaks
    assert verify(dist) == []


def test_the_letter_keeps_its_other_facts(dist):
    graph = Graph().parse(dist / "graph.nt", format="nt")
    assert graph.value(LETTER, SCHEMA.dateSent) == Literal("2019-06-11", datatype=XSD.date)
    assert (
        str(graph.value(LETTER, URIRef("http://purl.org/dc/terms/title")))
        == "Reactie op uw brief over financiële kansen"
    )
    assert graph.value(LETTER, SCHEMA.sender) == URIRef(BASE_IRI + "organisatie/college-gm0546")
    assert (
        LETTER,
        URIRef("http://purl.org/dc/terms/references"),
        URIRef(BASE_IRI + "brief/brief-gs"),
    ) in graph
    assert graph.value(LETTER, ODNL.yourReference) == Literal("PZH-2019-678010037")


def test_the_signature_points_at_the_redacted_person(dist):
    graph = Graph().parse(dist / "graph.nt", format="nt")
    signatures = list(graph.objects(LETTER, PROV.qualifiedAttribution))
    assert len(signatures) == 1
    assert graph.value(signatures[0], PROV.agent) == ODNL.redacted
    assert (
        graph.value(signatures[0], PROV.hadRole) == ODNL.burgemeester
    )  # the role is public, the person is not
    assert (ODNL.redacted, RDF.type, FOAF.Person) in graph
    assert not list(graph.subjects(RDF.type, FOAF.Person)) or {
        str(s) for s in graph.subjects(RDF.type, FOAF.Person)
    } == {str(ODNL.redacted), BASE_IRI + "persoon/j-baljeu"}


def test_the_published_text_is_masked_with_its_offsets_intact(dist, tmp_path):
    source = (private_dataset(tmp_path / "datasets") / "letters" / "reactie-leiden.txt").read_text(
        encoding="utf-8"
    )
    published = (dist / "tekst" / "reactie-leiden.txt").read_text(encoding="utf-8")
    assert len(published) == len(source)  # masked in place: quotes keep their offsets
    start = source.index(NAME)
    assert published[start : start + len(NAME)] == "█" * len(NAME)
    surname = source.index("Burgemeester Lenferink") + len("Burgemeester ")
    assert published[surname : surname + len("Lenferink")] == "█" * len("Lenferink")  # the surname alone, too
    expected = source.replace(NAME, "█" * len(NAME)).replace("Lenferink", "█" * len("Lenferink"))
    assert published == expected  # nothing else changed


def test_other_records_that_mention_him_are_published_without_him(dist):
    graph = Graph().parse(dist / "graph.ttl", format="turtle")
    meeting = URIRef(BASE_IRI + "bijeenkomst/gesprek-2019-04-18")
    assert set(graph.objects(meeting, SCHEMA.performer)) == {
        URIRef(BASE_IRI + "persoon/j-baljeu"),
        ODNL.redacted,
    }
    post = URIRef(BASE_IRI + "functie/burgemeester-leiden")
    assert graph.value(post, URIRef("http://www.w3.org/ns/org#heldBy")) == ODNL.redacted


def _snapshot(out: Path) -> dict[str, bytes]:
    files = _all_bytes(out)
    files["<link>"] = os.readlink(out).encode()
    return files


def test_an_id_that_embeds_his_key_stops_the_publish(tmp_path):
    datasets = private_dataset(tmp_path / "datasets")
    out = tmp_path / "dist"
    assert run_cli("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache").returncode == 0
    before = _snapshot(out)
    themes = datasets / "themes.yaml"
    themes.write_text(
        themes.read_text(encoding="utf-8") + f"- id: dossier-{KEY}\n  name: een dossier\n  scheme: dossier\n",
        encoding="utf-8",
    )
    result = run_cli(
        "publish", "--datasets", str(datasets), "--out", str(out), "--format", "json", "--no-cache"
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    import json

    problems = json.loads(result.stdout)["problems"]
    leaks = [p for p in problems if p["code"] == "privacy-leak"]
    assert leaks and all(p["location"]["path"] == "people.yaml" and p["field"] == "public" for p in leaks), (
        problems
    )
    assert _snapshot(out) == before
    assert not list(tmp_path.glob(".dist.builds/tmp-*"))
