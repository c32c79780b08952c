"""The documented Virtuoso reload (docs/virtuoso-reload.sh) against a real Virtuoso.

The test starts Debian's `virtuoso-t` with its own ini file in tmp_path on free loopback ports, runs
the script exactly as the docs show, republishes twice (so the first build is pruned), reloads, and
compares the answer of every example query with `opendata query`. The server is shut down at the end.
Virtuoso missing is a failure, not a skip: CI installs the `virtuoso-opensource` package.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, run_cli

# integration: loads the publication into a real Virtuoso server
pytestmark = pytest.mark.integration

SCRIPT = ROOT / "docs" / "virtuoso-reload.sh"
QUERIES = ROOT / "docs" / "queries"
GRAPH = "https://data.leidseregio.example/publicatie/"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
PASSWORD = "dba"  # the fresh database's own; the server listens on loopback only
INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
Striping           = 0
[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
CaseMode           = 2
DirsAllowed        = ., {import_dir}
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
ThreadsPerQuery    = 2
[HTTPServer]
ServerPort         = 127.0.0.1:{http_port}
ServerRoot         = {db}
ServerThreads      = 4
Charset            = UTF-8
[SPARQL]
ResultSetMaxRows   = 100000
MaxQueryExecutionTime = 300
"""


def _value(term: dict) -> str:
    """A result term's value; Virtuoso writes an xsd:boolean as 1 or 0, which means true or false."""
    if term.get("datatype") == XSD_BOOLEAN:
        return {"1": "true", "0": "false"}.get(term["value"], term["value"])
    return term["value"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """A Virtuoso server of our own: its database, ini file and import folder in one directory."""

    def __init__(self, root: Path) -> None:
        self.db, self.import_dir = root / "db", root / "import"
        self.db.mkdir(parents=True)
        self.import_dir.mkdir()
        self.sql_port, self.http_port = _free_port(), _free_port()
        self.ini = root / "virtuoso.ini"
        self.ini.write_text(
            INI.format(
                db=self.db, import_dir=self.import_dir, sql_port=self.sql_port, http_port=self.http_port
            ),
            encoding="utf-8",
        )
        self.address = f"127.0.0.1:{self.sql_port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        binary = shutil.which("virtuoso-t")
        assert binary, "virtuoso-t not found: install Debian's virtuoso-opensource package"
        self.process = subprocess.Popen(
            [binary, "+configfile", str(self.ini), "+foreground"],
            cwd=self.db,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(600):  # wait for the server to accept SQL (it starts in 2-3 s)
            if self.process.poll() is not None:
                break
            if self.sql("SELECT 1;", check=False).returncode == 0:
                return
            time.sleep(0.2)
        log = (
            (self.db / "virtuoso.log").read_text(errors="replace")
            if (self.db / "virtuoso.log").exists()
            else ""
        )
        pytest.fail(f"Virtuoso did not start:\n{log[-2000:]}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.sql("shutdown;", check=False)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def sql(self, text: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [
                shutil.which("isql-vt") or "isql",
                self.address,
                "dba",
                PASSWORD,
                "VERBOSE=OFF",
                "BANNER=OFF",
                "PROMPT=OFF",
                "ECHO=OFF",
            ],
            input=text,
            capture_output=True,
            text=True,
        )
        if "*** Error" in result.stdout + result.stderr:
            result.returncode = 1
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    def select(self, query: str) -> list[dict]:
        """Rows of a SELECT over the anonymous SPARQL endpoint, as {variable: value}."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.http_port}/sparql",
            data=urllib.parse.urlencode({"query": query}).encode(),
            headers={"Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(request) as response:
            bindings = json.load(response)["results"]["bindings"]
        return [{name: _value(term) for name, term in row.items()} for row in bindings]

    def triples_in(self, graph: str) -> int:
        return int(self.select(f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}")[0]["n"])

    def reload(self, dist: Path, *args: str) -> subprocess.CompletedProcess:
        """Run the documented script, verbatim, against this server."""
        env = {"PATH": "/usr/bin:/bin", "VIRTUOSO_PASSWORD": PASSWORD, "VIRTUOSO_ADDRESS": self.address}
        return subprocess.run(
            ["sh", str(SCRIPT), *(args or (str(dist), str(self.import_dir), GRAPH))],
            env=env,
            capture_output=True,
            text=True,
        )


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    yield server
    server.stop()


def _concatenated(query: str) -> set[str]:
    """Variables bound by GROUP_CONCAT: their order is not defined, so they are compared as sets."""
    return set(re.findall(r"GROUP_CONCAT\s*\(.*?\)\s+AS\s+\?(\w+)", query, flags=re.IGNORECASE | re.DOTALL))


def _comparable(rows: list[dict], concatenated: set[str]) -> list:
    return sorted(
        tuple(
            sorted(
                (name, " ".join(sorted(value.split())) if name in concatenated else value)
                for name, value in row.items()
            )
        )
        for row in rows
    )


def _opendata_rows(dist: Path, name: str) -> list[dict]:
    result = run_cli("query", name, "--dist", str(dist), "--format", "json")
    assert result.returncode == 0, result.stderr
    return [
        {n: _value(t) for n, t in row.items()} for row in json.loads(result.stdout)["results"]["bindings"]
    ]


def _assert_same_answers(server: Virtuoso, dist: Path) -> int:
    answered = 0
    for path in sorted(QUERIES.glob("*.rq")):
        query = path.read_text(encoding="utf-8")
        expected = _opendata_rows(dist, path.stem)
        assert _comparable(server.select(query), _concatenated(query)) == _comparable(
            expected, _concatenated(query)
        ), path.name
        answered += bool(expected)
    return answered


def _lines(dist: Path) -> int:
    with gzip.open(dist / "graph.nt.gz", "rt", encoding="utf-8") as stream:
        return sum(1 for line in stream if line.startswith(("<", "_:")))


def _retitle(datasets: Path, old: str, new: str) -> None:
    letter = datasets / "letters" / "reactie-leidse-regio-2019-06-11.yaml"
    record = yaml.safe_load(letter.read_text(encoding="utf-8"))
    assert record["title"] == old
    record["title"] = new
    letter.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _title(server: Virtuoso) -> str:
    rows = server.select(
        "SELECT ?t WHERE { <https://data.leidseregio.example/id/brief/reactie-leidse-regio-2019-06-11>"
        " <http://purl.org/dc/terms/title> ?t }"
    )
    assert len(rows) == 1, rows
    return rows[0]["t"]


def test_reload_after_two_republishes_serves_the_new_publication(virtuoso, datasets_copy, tmp_path):
    dist = tmp_path / "out" / "dist"

    def publish() -> Path:
        result = run_cli(
            "publish", "--datasets", str(datasets_copy), "--out", str(dist), "--cache", str(tmp_path / "c")
        )
        assert result.returncode == 0, result.stderr
        return dist.resolve()

    first_build = publish()
    loaded = virtuoso.reload(dist)
    assert loaded.returncode == 0, loaded.stderr
    assert virtuoso.triples_in(GRAPH) == _lines(dist) > 800
    assert _assert_same_answers(virtuoso, dist) >= 8
    old_title = _title(virtuoso)

    _retitle(datasets_copy, old_title, "Eerste nieuwe titel")
    publish()
    _retitle(datasets_copy, "Eerste nieuwe titel", "Tweede nieuwe titel")
    publish()
    assert not first_build.exists()  # the build the first load came from is gone

    reloaded = virtuoso.reload(dist)
    assert reloaded.returncode == 0, reloaded.stderr
    assert _title(virtuoso) == "Tweede nieuwe titel"
    assert virtuoso.triples_in(GRAPH) == _lines(dist)
    assert _assert_same_answers(virtuoso, dist) >= 8
    graphs = {row["g"] for row in virtuoso.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert not any(g.startswith(GRAPH + "release/") for g in graphs)  # no staging graph left behind
    assert list(virtuoso.import_dir.iterdir()) == []  # nor a copied file


def _broken_publication(dist: Path, target: Path) -> Path:
    """A copy of the publication whose graph.nt.gz (listed in its manifest) has a bad line half-way."""
    shutil.copytree(dist.resolve(), target)
    with gzip.open(dist / "graph.nt.gz", "rt", encoding="utf-8") as stream:
        lines = stream.readlines()
    lines.insert(len(lines) // 2, "<https://example.org/s> <https://example.org/p> this is not N-Triples .\n")
    (target / "graph.nt.gz").write_bytes(gzip.compress("".join(lines).encode("utf-8"), mtime=0))
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if entry["path"] == "graph.nt.gz":
            entry["sha256"] = hashlib.sha256((target / "graph.nt.gz").read_bytes()).hexdigest()
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return target


def test_a_failed_load_leaves_the_served_graph_as_it_was(virtuoso, published, tmp_path):
    assert virtuoso.reload(published).returncode == 0
    served = virtuoso.triples_in(GRAPH)
    broken = _broken_publication(published, tmp_path / "broken")
    result = virtuoso.reload(broken)
    assert result.returncode == 1
    assert "is unchanged" in result.stderr
    assert virtuoso.triples_in(GRAPH) == served == _lines(published)
    assert _assert_same_answers(virtuoso, published) >= 8
    staging = virtuoso.sql(
        "SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } "
        f"FILTER (STRSTARTS (STR (?g), '{GRAPH}release/')) }};"
    ).stdout
    assert staging.split() == ["0"]


def _big_publication(target: Path, triples: int) -> Path:
    """A stand-in publication (graph.nt.gz and its manifest, all the script reads) large enough that
    loading it takes seconds, so readers can be watched while it loads."""
    target.mkdir()
    lines = "".join(f'<urn:example:s{i}> <urn:example:p> "{i}" .\n' for i in range(triples))
    (target / "graph.nt.gz").write_bytes(gzip.compress(lines.encode("ascii"), mtime=0))
    digest = hashlib.sha256((target / "graph.nt.gz").read_bytes()).hexdigest()
    (target / "manifest.json").write_text(
        json.dumps({"files": [{"path": "graph.nt.gz", "sha256": digest}]}, indent=2)
    )
    return target


def test_readers_see_the_old_graph_while_loading_and_never_an_emptied_one(virtuoso, published, tmp_path):
    """While the script loads 100,000 triples, an anonymous reader of /sparql sees the old graph and
    only it (the staging graph is private) until the swap starts, then the new one. During the swap
    itself Virtuoso lets readers see what the uncommitted transaction has done so far (old and new
    rows mixed, and the rows not yet renamed under the staging graph's name), never less than the
    old graph; docs/sparql.md says so."""
    assert virtuoso.reload(published).returncode == 0
    before, after = _lines(published), 100_000
    per_graph = (
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (STRSTARTS(STR(?g), '{GRAPH}')) }} "
        "GROUP BY ?g"
    )
    env = {"PATH": "/usr/bin:/bin", "VIRTUOSO_PASSWORD": PASSWORD, "VIRTUOSO_ADDRESS": virtuoso.address}
    big = _big_publication(tmp_path / "big", after)
    loading = subprocess.Popen(
        ["sh", str(SCRIPT), str(big), str(virtuoso.import_dir), GRAPH],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen = []
    while (
        loading.poll() is None
    ):  # a reader now and then (a reader querying without pause slows the swap badly)
        seen.append({row["g"]: int(row["n"]) for row in virtuoso.select(per_graph)})
        time.sleep(0.5)
    _, stderr = loading.communicate()
    assert loading.returncode == 0, stderr
    seen.append({row["g"]: int(row["n"]) for row in virtuoso.select(per_graph)})
    loading_only = seen[: next(i for i, graphs in enumerate(seen) if graphs != {GRAPH: before})]
    assert len(loading_only) > 5, (
        f"the load was too quick to watch: {seen}"
    )  # all of them saw the old graph alone
    assert seen[-1] == {GRAPH: after}
    assert min(graphs.get(GRAPH, 0) for graphs in seen) >= before, f"a reader saw the graph emptied: {seen}"


def test_a_graph_file_not_in_the_manifest_is_refused_before_loading(virtuoso, published, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(published.resolve(), copy)
    (copy / "graph.nt.gz").write_bytes(gzip.compress(b"", mtime=0))
    result = virtuoso.reload(copy)
    assert result.returncode == 1
    assert "not the one in" in result.stderr


def test_the_script_explains_its_usage(virtuoso):
    result = virtuoso.reload(Path("."), "only-one-argument")
    assert result.returncode == 2
    assert "usage:" in result.stderr
