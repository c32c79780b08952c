"""Issue 15, the change stream: dist/ldes/ replicated by a real LDES client (npm ldes-client, installed by
the test set-up into .test-envs/), first from scratch and then incrementally after a release that adds,
changes and withdraws letters. The replica (the latest member of every resource, tombstones taking a
resource out) must be isomorphic to the published graph, and no withdrawn resource may be in it.

The publication is made with `base_url` on `opendata serve`, which the test starts on a free port of
127.0.0.1 (once per release), so the client follows the stream's own links. Counts of the last run are printed (pytest -s)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from .clients.envs import CLIENTS, npm_packages
from .conftest import DATASETS, run_cli
from .scenarios import CORRECTED, REASON, X_CONTENT, X, Y, free_port, prepare_release_one, prepare_release_two
from .test_serve import Server

# integration: the LDES client from npm (.test-envs/) replicates the stream
pytestmark = pytest.mark.integration

LDES_CLIENT = ("ldes-client@0.3.0", "n3@1.26.0")
BASE = "https://data.leidseregio.example/id/"
VERSIONING = {
    rdflib.URIRef("http://purl.org/dc/terms/isVersionOf"),
    rdflib.URIRef("http://www.w3.org/ns/prov#generatedAtTime"),
}
TOMBSTONE = rdflib.URIRef("https://www.w3.org/ns/activitystreams#Tombstone")
VOCABULARY = (
    "https://w3id.org/opendata-nl/def#"  # terms of the vocabulary (ontology.ttl), not resources of the stream
)


def _publish(datasets: Path, out: Path, cache: Path) -> None:
    result = run_cli("publish", "--datasets", str(datasets), "--out", str(out), "--cache", str(cache))
    assert result.returncode == 0, result.stdout + result.stderr


def _replicate(folder: Path, url: str, state: Path) -> list[dict]:
    result = subprocess.run(
        ["node", str(CLIENTS / "ldes_replicate.mjs"), url, str(state)],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _fold(replica: dict[str, tuple[str, list]], members: list[dict]) -> None:
    """Apply members to the replica: the latest version of a resource wins; a tombstone removes it."""
    for member in sorted(members, key=lambda m: m["timestamp"]):
        dataset = rdflib.Dataset()
        dataset.parse(data=member["nquads"], format="nquads")
        triples = [(s, p, o) for s, p, o, _ in dataset.quads()]
        resource = member["isVersionOf"]
        if resource in replica and replica[resource][0] > member["timestamp"]:
            continue
        replica[resource] = (member["timestamp"], triples)


def _graph(replica: dict[str, tuple[str, list]]) -> rdflib.Graph:
    graph = rdflib.Graph()
    for resource, (_, triples) in replica.items():
        if (rdflib.URIRef(resource), rdflib.RDF.type, TOMBSTONE) in triples:
            continue
        for s, p, o in triples:
            if not (p in VERSIONING and str(s) == resource):
                graph.add((s, p, o))
    return graph


def _published(dist: Path) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o in rdflib.Graph().parse(dist / "graph.nt", format="nt"):
        if not str(s).startswith(VOCABULARY):
            graph.add((s, p, o))
    return graph


@pytest.fixture(scope="module")
def ldes_client() -> Path:
    assert shutil.which("node") and shutil.which("npm"), "node and npm are needed to run the LDES client"
    return npm_packages("ldes-client", *LDES_CLIENT)


@pytest.fixture(scope="module")
def stream(tmp_path_factory, ldes_client):
    """Release 1 replicated from scratch, release 2 replicated incrementally (same client state)."""
    root = tmp_path_factory.mktemp("ldes")
    datasets, cache, out, state = root / "datasets", root / "cache", root / "dist", root / "client-state"
    shutil.copytree(DATASETS, datasets)
    port = free_port()
    config = datasets / "publication.yaml"
    text = config.read_text(encoding="utf-8")
    base_url = f"http://127.0.0.1:{port}/"
    config.write_text(
        "\n".join(
            f"base_url: {base_url}" if line.startswith("base_url:") else line for line in text.splitlines()
        )
        + "\n",
        encoding="utf-8",
    )
    prepare_release_one(datasets)
    _publish(datasets, out, cache)
    url = f"{base_url}ldes/index.trig"
    server = Server(out, root / "serve-1.log", "--port", str(port))
    try:
        first = _replicate(ldes_client, url, state)
        replica: dict = {}
        _fold(replica, first)
        graph_1, published_1 = _graph(replica), _published(out)

        prepare_release_two(datasets)
    finally:
        server.stop()
    _publish(datasets, out, cache)
    server = Server(out, root / "serve-2.log", "--port", str(port))
    try:
        second = _replicate(ldes_client, url, state)
        _fold(replica, second)
        graph_2, published_2 = _graph(replica), _published(out)
    finally:
        server.stop()
    print(
        f"\nLDES client: {len(first)} members from scratch ({len(graph_1)} triples), "
        f"{len(second)} new members after release 2 ({len(graph_2)} triples)"
    )
    return {
        "first": first,
        "second": second,
        "graph_1": graph_1,
        "published_1": published_1,
        "graph_2": graph_2,
        "published_2": published_2,
        "out": out,
    }


def test_replica_from_scratch_equals_the_published_graph(stream):
    assert len(stream["published_1"]) > 5000
    assert isomorphic(stream["graph_1"], stream["published_1"])


def test_incremental_replica_after_release_two_equals_the_published_graph(stream):
    assert isomorphic(stream["graph_2"], stream["published_2"])
    letter = rdflib.URIRef(BASE + f"brief/{X}")
    assert not any(True for _ in stream["graph_2"].triples((letter, None, None)))
    assert not any(True for _ in stream["graph_2"].triples((None, None, letter)))


def test_the_second_run_reads_only_the_three_changes(stream):
    """Release 2 changed exactly the corrected letter, Y and X (and nothing else of its own)."""
    new = {m["isVersionOf"] for m in stream["second"]}
    assert {BASE + f"brief/{CORRECTED}", BASE + f"brief/{Y}", BASE + f"brief/{X}"} <= new
    tombstones = [m for m in stream["second"] if "activitystreams#Tombstone" in m["nquads"]]
    assert [m["isVersionOf"] for m in tombstones] == [BASE + f"brief/{X}"]
    assert REASON in tombstones[0]["nquads"]


def test_no_byte_of_the_stream_holds_the_withdrawn_letter(stream):
    for path in sorted((stream["out"] / "ldes").iterdir()):
        text = path.read_text(encoding="utf-8")
        for content in X_CONTENT:
            assert content not in text, (path.name, content)
