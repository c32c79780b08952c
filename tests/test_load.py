"""`opendata load` into a real Oxigraph server (PyPI `oxigraph`) over the Graph Store Protocol."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from opendata.query.store import query_command

from .conftest import run_cli

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
STALE = "<urn:x:stale> <urn:x:p> <urn:x:o> .\n"
NAMED = "https://data.leidseregio.example/id/graaf/2019"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    with urllib.request.urlopen(request) as response:
        return response.status, response.read()


@pytest.fixture
def oxigraph(tmp_path):
    """A fresh Oxigraph server on a loopback port, its data in a temp dir; stopped at the end."""
    assert OXIGRAPH.is_file(), "the oxigraph server comes with the test dependencies (pip install '.[test]')"
    port = _free_port()
    with (tmp_path / "oxigraph.log").open("w") as log:
        process = subprocess.Popen(
            [str(OXIGRAPH), "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):  # until it listens (or has died)
            assert process.poll() is None, (tmp_path / "oxigraph.log").read_text()
            try:
                _http(base + "/query?query=" + urllib.parse.quote("ASK {}"))
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=60)


def _ask_server(base: str, text: str) -> dict:
    status, body = _http(
        base + "/query",
        text.encode("utf-8"),
        {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert status == 200
    return json.loads(body)


def _ask_local(published, text: str) -> dict:
    out, err = io.BytesIO(), io.StringIO()
    assert query_command(text, published, "json", out=out, err=err) == 0, err.getvalue()
    return json.loads(out.getvalue())


def _count(base: str, graph: str | None = None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    answer = _ask_server(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(answer["results"]["bindings"][0]["n"]["value"])


def test_load_replaces_the_default_graph_and_the_server_answers_like_opendata_query(oxigraph, published):
    _http(oxigraph + "/store?default", STALE.encode(), {"Content-Type": "application/n-triples"}, "PUT")
    assert _count(oxigraph) == 1
    result = run_cli("load", "--endpoint", oxigraph + "/store", "--dist", str(published))
    assert result.returncode == 0, result.stderr
    assert "replaced the default graph" in result.stdout
    triples = len((published / "graph.nt").read_text(encoding="utf-8").splitlines())
    assert _count(oxigraph) == triples  # the stale triple is gone: replaced, not added to
    assert _ask_server(oxigraph, "ASK { <urn:x:stale> ?p ?o }")["boolean"] is False
    queries = sorted((published / "queries").glob("*.rq"))
    assert len(queries) >= 8
    for path in queries:
        text = path.read_text(encoding="utf-8")
        expected, got = _ask_local(published, text), _ask_server(oxigraph, text)
        assert got["head"] == expected["head"], path.name
        assert got["results"]["bindings"] == expected["results"]["bindings"], path.name
        assert expected["results"]["bindings"], path.name
    again = run_cli("load", "--endpoint", oxigraph + "/store", "--dist", str(published))
    assert again.returncode == 0 and _count(oxigraph) == triples


def test_load_gzipped_into_a_named_graph_leaves_the_default_graph_alone(oxigraph, published):
    _http(oxigraph + "/store?default", STALE.encode(), {"Content-Type": "application/n-triples"}, "PUT")
    result = run_cli(
        "load", "--endpoint", oxigraph + "/store", "--graph", NAMED, "--gzip", "--dist", str(published)
    )
    assert result.returncode == 0, result.stderr
    triples = len((published / "graph.nt").read_text(encoding="utf-8").splitlines())
    assert _count(oxigraph, NAMED) == triples
    assert _count(oxigraph) == 1


def test_a_refusing_or_unreachable_store_exits_1_and_bad_usage_2(oxigraph, published, tmp_path):
    refused = run_cli("load", "--endpoint", oxigraph + "/no-such-service", "--dist", str(published))
    assert refused.returncode == 1 and "HTTP 404" in refused.stderr
    unreachable = run_cli(
        "load", "--endpoint", f"http://127.0.0.1:{_free_port()}/store", "--dist", str(published)
    )
    assert unreachable.returncode == 1 and "cannot reach" in unreachable.stderr
    assert run_cli("load", "--endpoint", "ftp://example.org/store", "--dist", str(published)).returncode == 2
    assert run_cli("load", "--endpoint", oxigraph + "/store", "--dist", str(tmp_path)).returncode == 2
    assert _count(oxigraph) == 0
