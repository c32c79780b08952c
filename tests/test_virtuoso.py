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
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from opendata import bench_virtuoso
from opendata.bench_virtuoso import (
    GRAPH,
    PASSWORD,
    QUERIES,
    SCRIPT,
    Virtuoso,
    VirtuosoError,
    dump_lines,
    term_value,
)

from .conftest import run_cli

# integration: loads the publication into a real Virtuoso server
pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        server.start()
    except VirtuosoError as error:
        pytest.fail(str(error))
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
        {n: term_value(t) for n, t in row.items()} for row in json.loads(result.stdout)["results"]["bindings"]
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
    assert virtuoso.triples_in(GRAPH) == dump_lines(dist) > 800
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
    assert virtuoso.triples_in(GRAPH) == dump_lines(dist)
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
    assert virtuoso.triples_in(GRAPH) == served == dump_lines(published)
    assert _assert_same_answers(virtuoso, published) >= 8
    staging = virtuoso.sql(
        "SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } "
        f"FILTER (STRSTARTS (STR (?g), '{GRAPH}release/')) }};"
    ).stdout
    assert staging.split() == ["0"]


def test_a_swap_too_large_for_one_transaction_is_rolled_back_and_named(published, tmp_path):
    """The swap is one transaction: above Virtuoso's TransactionAfterImageLimit (raised by users of
    large publications, by the bench to 2,000,000,000) it is rolled back (SR325). The script says which
    setting to raise, the served graph stays as it was and the staging graph is dropped, row by row."""
    server = Virtuoso(tmp_path / "small", after_image=10_000)  # the seed's swap logs more than that
    server.start()
    try:
        result = server.reload(published)
        assert result.returncode == 1, result.stdout
        assert "TransactionAfterImageLimit" in result.stderr and "is unchanged" in result.stderr
        assert server.triples_in(GRAPH) == 0
        staging = server.sql(
            "SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER (STRSTARTS (STR (?g), '{GRAPH}release/')) }};"
        ).stdout
        assert staging.split() == ["0"]
    finally:
        server.stop()


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
    before, after = dump_lines(published), 100_000
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
    ):  # a reader every quarter second (one querying without pause slows the swap badly), so a fast
        # machine still shows several readers before the swap
        seen.append({row["g"]: int(row["n"]) for row in virtuoso.select(per_graph)})
        time.sleep(0.25)
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


def _bench(*args: str, tmp: Path, path: str = "/usr/bin:/bin", **popen) -> subprocess.Popen:
    """`python -m opendata.bench_virtuoso ARGS` with its temporary folders in `tmp` (to see them removed)."""
    env = {"PATH": path, "TMPDIR": str(tmp), "LANG": "C.UTF-8"}
    return subprocess.Popen(
        [sys.executable, "-m", "opendata.bench_virtuoso", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def _servers_under(folder: Path) -> str:
    """The virtuoso-t processes still running with an ini file under `folder`."""
    found = subprocess.run(["pgrep", "-a", "-f", f"virtuoso-t.*{folder}"], capture_output=True, text=True)
    return found.stdout


def test_the_bench_loads_with_the_documented_script_and_times_every_example_query(published, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    bench = _bench(str(published), "--runs", "3", "--buffers", "10000", tmp=tmp)
    stdout, stderr = bench.communicate()
    assert bench.returncode == 0, stdout + stderr
    load = re.search(r"load \(docs/virtuoso-reload\.sh\)\s+([\d.]+) s wall\s+([\d,]+) triples", stdout)
    assert load, stdout
    assert float(load.group(1)) > 0
    assert int(load.group(2).replace(",", "")) == dump_lines(published) > 800
    assert "NumberOfBuffers 10,000, MaxDirtyBuffers 7,647" in stdout
    timed = dict(
        re.findall(r"query (\S+)\s+([\d.]+) ms median of 3\s+\(first [\d.]+ ms\)\s+[\d,]+ rows", stdout)
    )
    assert set(timed) == {path.stem for path in QUERIES.glob("*.rq")}, stdout
    assert len(timed) >= 10
    assert all(float(ms) > 0 for ms in timed.values())
    assert list(tmp.iterdir()) == []  # the server's folder is removed
    assert _servers_under(tmp) == ""  # and the server stopped


def test_the_bench_stops_the_server_and_removes_its_folder_when_the_load_fails(published, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    broken = _broken_publication(published, tmp_path / "broken")
    bench = _bench(str(broken), "--runs", "1", "--buffers", "10000", tmp=tmp)
    stdout, stderr = bench.communicate()
    assert bench.returncode == 1, stdout + stderr
    assert "virtuoso-reload.sh failed" in stderr and "is unchanged" in stderr
    assert "ms median" not in stdout
    assert list(tmp.iterdir()) == []
    assert _servers_under(tmp) == ""


def test_the_bench_stops_the_server_and_removes_its_folder_on_ctrl_c(published, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    bench = _bench(str(published), "--runs", "1", "--buffers", "10000", tmp=tmp)
    assert bench.stdout is not None
    first = bench.stdout.readline()  # printed once the server takes SQL, before the load
    assert first.startswith("Virtuoso: NumberOfBuffers"), first + bench.stderr.read()
    assert len(list(tmp.iterdir())) == 1 and _servers_under(tmp) != ""
    bench.send_signal(signal.SIGINT)
    stdout, stderr = bench.communicate()
    assert bench.returncode == 130, stdout + stderr
    assert "interrupted" in stderr
    assert list(tmp.iterdir()) == []
    assert _servers_under(tmp) == ""


def test_the_bench_without_virtuoso_exits_2_naming_the_package(published, tmp_path):
    tmp, empty = tmp_path / "tmp", tmp_path / "bin"
    tmp.mkdir()
    empty.mkdir()
    bench = _bench(str(published), tmp=tmp, path=str(empty))
    stdout, stderr = bench.communicate()
    assert bench.returncode == 2, stdout + stderr
    assert "virtuoso-t not found" in stderr and "virtuoso-opensource" in stderr
    assert list(tmp.iterdir()) == []


def test_make_bench_with_virtuoso_reports_its_load_and_queries(tmp_path, monkeypatch, capsys):
    """`python -m opendata.bench --virtuoso` on a small corpus: the Virtuoso figures are printed and
    written to the results' JSON and Markdown, beside pyoxigraph's."""
    from opendata import bench

    monkeypatch.setattr(bench, "RESULTS", tmp_path / "results")
    monkeypatch.setattr(bench_virtuoso, "BENCH_BUFFERS", 10_000)  # small, as the tests' server
    args = ["--sizes", "40", "--quick", "--virtuoso", "--work", str(tmp_path / "work"), "--name", "t"]
    assert bench.main(args) == 0
    printed = capsys.readouterr().out
    assert "load (docs/virtuoso-reload.sh)" in printed
    row = json.loads((tmp_path / "results" / "t.json").read_text(encoding="utf-8"))["sizes"][0]
    names = {path.stem for path in QUERIES.glob("*.rq")}
    assert row["virtuoso"]["triples"] == row["triples"] == dump_lines(tmp_path / "work" / "dist-40")
    assert row["virtuoso"]["load_s"] > 0 and row["virtuoso"]["buffers"] == 10_000
    assert set(row["virtuoso"]["queries"]) == set(row["query_median_ms"]) == names
    markdown = (tmp_path / "results" / "t.md").read_text(encoding="utf-8")
    assert f"| load s | {row['virtuoso']['load_s']} |" in markdown
    for name in names:
        assert f"| {name} | {row['virtuoso']['queries'][name]['median_ms']} |" in markdown
