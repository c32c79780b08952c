"""`opendata serve`: a SPARQL 1.1 Protocol endpoint, queried with SPARQLWrapper like any client would."""

from __future__ import annotations

import http.client
import io
import json
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, SELECT, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
from SPARQLWrapper.Wrapper import ADD, CLEAR, COPY, CREATE, DELETE, DROP, INSERT, LOAD, MOVE

from opendata.query.store import is_update, query_command

from .conftest import ROOT, run_cli, run_main

UPDATE_TYPES = (ADD, CLEAR, COPY, CREATE, DELETE, DROP, INSERT, LOAD, MOVE)
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
TIMEOUT = 2
MAX_ROWS = 500


class Server:
    """An `opendata serve` process on a free loopback port."""

    def __init__(self, dist: Path, log: Path, *options: str):
        self.log = log
        with log.open("w") as errors:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "opendata", "serve", "--dist", str(dist), "--port", "0", *options],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
            )
        banner = self.process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", banner)
        if not found:
            self.stop()
            raise AssertionError(f"the server did not start: {banner}{log.read_text()}")
        self.url = f"http://127.0.0.1:{found[1]}"
        self.endpoint = self.url + "/sparql"

    def stop(self, signum: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signum)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@pytest.fixture(scope="module")
def server(published, tmp_path_factory):
    started = Server(
        published,
        tmp_path_factory.mktemp("serve") / "stderr.log",
        "--timeout",
        str(TIMEOUT),
        "--max-rows",
        str(MAX_ROWS),
        "--workers",
        "2",
    )
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture(scope="module")
def examples(published) -> dict[str, str]:
    return {
        path.stem: path.read_text(encoding="utf-8") for path in sorted((published / "queries").glob("*.rq"))
    }


def _local(published, text: str, fmt: str = "json") -> bytes:
    out, err = io.BytesIO(), io.StringIO()
    assert query_command(text, published, fmt, out=out, err=err) == 0, err.getvalue()
    return out.getvalue()


def _client(server, text: str, fmt=JSON, method: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(server.endpoint)
    client.setQuery(text)
    if client.queryType in UPDATE_TYPES and not is_update(text):
        client.queryType = SELECT  # SPARQLWrapper reads "addressee" in a comment as ADD (an update)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(POST)
        client.setRequestMethod(method)
    return client


def _http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body) without raising on HTTP errors."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def _get(server, text: str, accept: str = "") -> tuple[int, object, bytes]:
    headers = {"Accept": accept} if accept else {}
    return _http(server.endpoint + "?" + urllib.parse.urlencode({"query": text}), headers=headers)


def test_every_example_query_gives_what_opendata_query_gives(server, published, examples):
    """`opendata query NAME` in this process (the command itself once: the same JSON)."""
    assert len(examples) >= 8
    first = sorted(examples)[0]
    cli = run_cli("query", first, "--dist", str(published), "--format", "json")
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout) == json.loads(_local(published, first))
    for name, text in examples.items():
        expected = json.loads(_local(published, name))
        assert expected["results"]["bindings"], name
        for method in (None, URLENCODED, POSTDIRECTLY):  # GET, POST form, POST application/sparql-query
            assert _client(server, text, JSON, method).query().convert() == expected, (name, method)


@pytest.mark.parametrize("fmt,name", [(CSV, "csv"), (TSV, "tsv"), (XML, "xml")])
def test_the_other_results_formats_are_byte_identical_to_opendata_query(
    server, published, examples, fmt, name
):
    text = examples["meetings-region-province"]
    raw = _client(server, text, fmt).query().response.read()
    assert raw == _local(published, text, name)


def test_construct_is_negotiated_to_turtle_or_ntriples(server, published):
    text = "CONSTRUCT WHERE { ?e a <https://schema.org/Event> ; <https://schema.org/startDate> ?d }"
    expected = rdflib.Graph().parse(data=_local(published, text, "turtle"), format="turtle")
    assert len(expected) >= 6
    turtle = _client(server, text, TURTLE).query().convert()
    assert isomorphic(rdflib.Graph().parse(data=turtle, format="turtle"), expected)
    status, headers, body = _get(server, text, "application/n-triples")
    assert status == 200 and headers["Content-Type"] == "application/n-triples"
    assert isomorphic(rdflib.Graph().parse(data=body, format="nt"), expected)


def test_accept_header_q_values_wildcards_and_406(server):
    ask = "ASK { ?s a <https://schema.org/Event> }"
    status, headers, _ = _get(server, ask, "text/csv;q=0.5, application/sparql-results+xml")
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+xml"
    status, headers, body = _get(server, ask, "text/html, */*;q=0.8")
    assert (
        headers["Content-Type"] == "application/sparql-results+json" and json.loads(body)["boolean"] is True
    )
    status, _, body = _get(server, ask, "image/png")
    assert status == 406 and b"application/sparql-results+json" in body


def test_a_malformed_query_gets_400_with_the_parsers_message(server):
    bad = "SELECT ?s WHERE {\n  ?s ?p\n}"
    with pytest.raises(SyntaxError) as parser:
        pyoxigraph.Store().query(bad)
    message = re.sub(r"^error at \d+:\d+: ", "", str(parser.value))
    with pytest.raises(QueryBadFormed) as refused:
        _client(server, bad).query()
    assert message in str(refused.value)
    status, headers, body = _get(server, bad)
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert body.decode("utf-8").startswith("query:2:3: SPARQL syntax error: ") and message in body.decode(
        "utf-8"
    )


def test_update_is_refused_and_changes_nothing(server):
    insert = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    with pytest.raises(urllib.error.HTTPError) as refused:
        _client(server, insert, JSON, URLENCODED).query()  # SPARQLWrapper sends it as update=
    assert refused.value.code == 403
    assert _get(server, insert)[0] == 403
    assert _http(server.endpoint, insert.encode(), {"Content-Type": "application/sparql-update"})[0] == 403
    assert (
        _http(
            server.endpoint,
            urllib.parse.urlencode({"query": "ASK {}", "update": insert}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )[0]
        == 403
    )
    status, _, body = _get(server, "ASK { <urn:x:a> ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is False


def test_a_cross_product_is_stopped_at_the_timeout_while_others_are_answered(server, published, examples):
    expected = json.loads(_local(published, examples["leidse-regio-members"]))
    outcome = {}

    def pathological():
        try:
            _client(server, CROSS_PRODUCT).query()
        except urllib.error.HTTPError as exc:
            outcome["status"], outcome["body"] = exc.code, exc.read().decode("utf-8")

    slow = threading.Thread(target=pathological)
    slow.start()
    during = _client(server, examples["leidse-regio-members"]).query().convert()
    finished_first = slow.is_alive()
    slow.join()
    assert during == expected and finished_first
    assert outcome["status"] == 503 and f"stopped after {TIMEOUT} s" in outcome["body"]
    for _ in range(3):  # and afterwards, with the stopped worker replaced
        assert _client(server, examples["leidse-regio-members"]).query().convert() == expected


def test_twenty_concurrent_clients_all_get_correct_answers(server, published, examples):
    names = sorted(examples)
    expected = {name: json.loads(_local(published, examples[name])) for name in names}
    start = threading.Barrier(20)

    def client(i: int):
        name = names[i % len(names)]
        start.wait()
        method = (None, URLENCODED, POSTDIRECTLY)[i % 3]
        return name, _client(server, examples[name], JSON, method).query().convert()

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(client, range(20)))
    assert len(answers) == 20
    for name, answer in answers:
        assert answer == expected[name], name


def test_the_result_size_limit(server):
    status, _, body = _get(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 400 and f"more than {MAX_ROWS} rows".encode() in body
    status, _, body = _get(server, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    assert _get(server, "CONSTRUCT WHERE { ?s ?p ?o }")[0] == 400


def test_service_is_refused(server):
    status, _, body = _get(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE" in body


def test_cors_headers_and_preflight(server):
    status, headers, _ = _get(server, "ASK {}")
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = _http(
        server.endpoint,
        method="OPTIONS",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "content-type" in headers["Access-Control-Allow-Headers"].lower()


def test_the_query_page_offers_the_example_queries(server, examples):
    status, headers, body = _http(server.url + "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode("utf-8")
    data = json.loads(re.search(r'<script id="data" type="application/json">(.*?)</script>', page, re.S)[1])
    assert {q["name"]: q["text"] for q in data["queries"]} == examples
    assert "graph.ttl" in data["files"] and "<textarea" in page


@pytest.mark.parametrize(
    "path,kind",
    [
        ("/graph.ttl", "text/turtle; charset=utf-8"),
        ("/graph.nt", "application/n-triples"),
        ("/graph.nt.gz", "application/gzip"),
        ("/graph.jsonld", "application/ld+json"),
        ("/queries/joint-task-themes.rq", "application/sparql-query"),
        ("/manifest.json", "application/json"),
    ],
)
def test_the_dist_files_are_served_with_their_types(server, published, path, kind):
    status, headers, body = _http(server.url + path)
    assert (status, headers["Content-Type"]) == (200, kind)
    assert body == (published / path.lstrip("/")).read_bytes()


@pytest.mark.parametrize(
    "path",
    [
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/queries/",
        "/queries",
        "/nothing.txt",
        "/%00",
    ],
)
def test_no_path_leaves_dist(server, path):
    host, port = server.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port))
    connection.request("GET", path)  # sent as is, not normalised by a client
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 404


def test_sigint_stops_the_server_cleanly(published, tmp_path):
    started = Server(published, tmp_path / "stderr.log", "--workers", "1")
    assert _http(started.url + "/")[0] == 200
    assert started.stop(signal.SIGINT) == 0
    assert started.process.stdout.read().strip() == "stopped"
    assert "Traceback" not in (tmp_path / "stderr.log").read_text()


def test_bad_settings_and_missing_publication_exit_2(tmp_path, published):
    assert run_main("serve", "--dist", str(tmp_path)).returncode == 2
    assert run_main("serve", "--dist", str(published), "--timeout", "0").returncode == 2


def test_the_protocols_dataset_parameters(server):
    ask = "ASK { ?s ?p ?o }"

    def get(**params):
        status, _, body = _http(server.endpoint + "?" + urllib.parse.urlencode({"query": ask, **params}))
        return status, body

    assert json.loads(get()[1])["boolean"] is True
    assert json.loads(get(**{"default-graph-uri": "urn:x:no-such-graph"})[1])["boolean"] is False
    status, body = get(**{"default-graph-uri": "not an iri"})
    assert status == 400 and b"absolute IRIs" in body
    assert json.loads(get()[1])["boolean"] is True  # the worker that saw the bad request still answers


def test_negotiation_rules():
    from opendata.serve import GRAPH_MEDIA, RESULTS_MEDIA, negotiate

    assert negotiate("", RESULTS_MEDIA) == "json" and negotiate("", GRAPH_MEDIA) == "turtle"
    assert negotiate("text/*", RESULTS_MEDIA) == "csv"
    assert (
        negotiate("application/sparql-results+json;q=0.2, text/tab-separated-values", RESULTS_MEDIA) == "tsv"
    )
    assert negotiate("text/csv;q=0, */*;q=0.1", RESULTS_MEDIA) == "json"
    assert negotiate("application/rdf+xml, text/turtle;q=0.5", GRAPH_MEDIA) == "rdfxml"
    assert negotiate("text/csv", GRAPH_MEDIA) is None


def test_dot_segments_are_resolved_before_the_path_is_mapped_as_nginx_and_apache_do(server, published):
    """A raw request may carry `..` (plain or percent-encoded): nginx and Apache resolve it before they
    map the path, so `opendata serve` does too; nothing above dist/ is reached."""
    port = int(server.url.rsplit(":", 1)[1])

    def raw(path: str) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", path)
            answer = connection.getresponse()
            return answer.status, answer.read()
        finally:
            connection.close()

    for inside in ("/doc/../graph.nt", "/../graph.nt", "/queries/../../graph.nt"):  # dist's own graph.nt
        assert raw(inside) == (200, (published / "graph.nt").read_bytes()), inside
    assert raw("/doc/%2e%2E/catalog.ttl") == (200, (published / "catalog.ttl").read_bytes())
    assert raw("/doc/./index.html") == (200, (published / "doc" / "index.html").read_bytes())
    status, body = raw("/id/brief/../../doc/brief/reactie-leidse-regio-2019-06-11.ttl")
    assert (
        status == 200 and body == (published / "doc/brief/reactie-leidse-regio-2019-06-11.ttl").read_bytes()
    )
    for outside in (
        "/../../../etc/passwd",
        "/doc/%2e%2e/%2e%2e/etc/passwd",
        "/../" + published.name + "/graph.nt",
    ):
        assert raw(outside)[0] == 404, outside


def test_without_dot_segments():
    from opendata.serve import without_dot_segments

    assert without_dot_segments("/doc/brief/x") == "/doc/brief/x"
    assert without_dot_segments("/a/./b/../c") == "/a/c"
    assert without_dot_segments("/a/b/..") == "/a/"
    assert without_dot_segments("/../x") == "/x"
    assert without_dot_segments("/%2e%2e/%2E/x%2Fy") == "/x%2Fy"
