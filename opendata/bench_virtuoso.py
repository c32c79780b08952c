"""The example queries from Virtuoso after the documented bulk load, and the load's time.

    python -m opendata.bench_virtuoso DIST [--runs 7] [--buffers 170000]
    make bench-virtuoso DIST=dist

Starts a Virtuoso server of its own (Debian's `virtuoso-t`, package `virtuoso-opensource`) in a
temporary folder, with its own ini file on free loopback ports; runs docs/virtuoso-reload.sh on
DIST verbatim (what users run after a publish: copy, check against the manifest, bulk load into a
private staging graph, check, swap, checkpoint) and prints its wall seconds and the triples loaded,
checked equal to the lines of DIST/graph.nt.gz; then each example query's median latency over
`--runs` runs through Virtuoso's SPARQL endpoint over HTTP (the whole JSON answer read; one warm-up
run first, whose time is printed as "first"), with its rows. The server is stopped and its folder
removed at the end, also on a failure, Ctrl-C or SIGTERM. Exit 0 measured, 1 failed, 2 virtuoso-t
missing or DIST not a publication.

Memory: Virtuoso's page buffers are 8 KB each. The bench uses NumberOfBuffers = 170000 and
MaxDirtyBuffers = 130000, the settings Debian's virtuoso.ini gives for "2 GB system memory free"
(`--buffers N` sets NumberOfBuffers, and MaxDirtyBuffers in the same ratio, 13/17). The tests use the ini's default,
10000 and 6000 (about 80 MB). ResultSetMaxRows is raised to 10,000,000 so no answer is cut short
(Debian's default of 10,000 cuts it without an error); a query that returns exactly that many rows
is flagged. TransactionAfterImageLimit is raised to 2,000,000,000 bytes: the documented reload
swaps the loaded graph in with one transaction, which at 100,000 letters (4.8 million triples) goes
above Virtuoso's default of 50,000,000 and is rolled back (SR325); the script then says so.

The `Virtuoso` class is the harness tests/test_virtuoso.py starts its server with.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path
from types import FrameType

from opendata.model.resources import queries_dir

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "docs" / "virtuoso-reload.sh"
QUERIES = queries_dir()
GRAPH = "https://data.leidseregio.example/publicatie/"
PACKAGE = "virtuoso-opensource"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
PASSWORD = "dba"  # the fresh database's own; the server listens on loopback only
TEST_BUFFERS, TEST_DIRTY = 10_000, 6_000  # Debian's virtuoso.ini default: about 80 MB
BENCH_BUFFERS = 170_000  # Debian's virtuoso.ini for "2 GB system memory free", with 130,000 dirty
BENCH_MAX_ROWS = 10_000_000
BENCH_AFTER_IMAGE = 2_000_000_000  # bytes one transaction may log: the swap of 4.8 million triples fits
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
NumberOfBuffers    = {buffers}
MaxDirtyBuffers    = {dirty}
ThreadsPerQuery    = 2
{after_image}[HTTPServer]
ServerPort         = 127.0.0.1:{http_port}
ServerRoot         = {db}
ServerThreads      = 4
Charset            = UTF-8
[SPARQL]
ResultSetMaxRows   = {max_rows}
MaxQueryExecutionTime = 300
"""


class VirtuosoError(RuntimeError):
    """The server could not be started, or a statement failed."""


class VirtuosoMissing(VirtuosoError):
    """virtuoso-t is not on PATH."""


def term_value(term: dict) -> str:
    """A result term's value; Virtuoso writes an xsd:boolean as 1 or 0, which means true or false."""
    if term.get("datatype") == XSD_BOOLEAN:
        return {"1": "true", "0": "false"}.get(term["value"], term["value"])
    return term["value"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Virtuoso:
    """A Virtuoso server of our own: its database, ini file and import folder in one directory."""

    def __init__(
        self,
        root: Path,
        buffers: int = TEST_BUFFERS,
        dirty: int = TEST_DIRTY,
        max_rows: int = 100_000,
        after_image: int | None = None,
    ) -> None:
        """`after_image`: TransactionAfterImageLimit in bytes (None: Virtuoso's default, 50,000,000)."""
        self.db, self.import_dir = root / "db", root / "import"
        self.db.mkdir(parents=True)
        self.import_dir.mkdir()
        self.sql_port, self.http_port = _free_port(), _free_port()
        self.ini = root / "virtuoso.ini"
        self.ini.write_text(
            INI.format(
                db=self.db,
                import_dir=self.import_dir,
                sql_port=self.sql_port,
                http_port=self.http_port,
                buffers=buffers,
                dirty=dirty,
                max_rows=max_rows,
                after_image="" if after_image is None else f"TransactionAfterImageLimit = {after_image}\n",
            ),
            encoding="utf-8",
        )
        self.address = f"127.0.0.1:{self.sql_port}"
        self.endpoint = f"http://127.0.0.1:{self.http_port}/sparql"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start the server and wait until it takes SQL; VirtuosoError with the log's tail if it does not."""
        binary = shutil.which("virtuoso-t")
        if not binary:
            raise VirtuosoMissing(f"virtuoso-t not found: install Debian's {PACKAGE} package")
        self.process = subprocess.Popen(
            [binary, "+configfile", str(self.ini), "+foreground"],
            cwd=self.db,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C reaches us, and we shut the server down in order
        )
        for _ in range(600):  # wait for the server to accept SQL (it starts in 2-3 s)
            if self.process.poll() is not None:
                break
            if self.sql("SELECT 1;", check=False).returncode == 0:
                return
            time.sleep(0.2)
        self.stop()
        log = self.db / "virtuoso.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"
        raise VirtuosoError(f"Virtuoso did not start:\n{tail}")

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
        if check and result.returncode != 0:
            raise VirtuosoError(result.stdout + result.stderr)
        return result

    def answer(self, query: str) -> bytes:
        """The whole answer of a query at the anonymous SPARQL endpoint, as SPARQL results JSON."""
        request = urllib.request.Request(
            self.endpoint,
            data=urllib.parse.urlencode({"query": query}).encode(),
            headers={"Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(request) as response:
            return bytes(response.read())

    def select(self, query: str) -> list[dict]:
        """Rows of a SELECT over the anonymous SPARQL endpoint, as {variable: value}."""
        bindings = json.loads(self.answer(query))["results"]["bindings"]
        return [{name: term_value(term) for name, term in row.items()} for row in bindings]

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


def dump_lines(dist: Path) -> int:
    """The triples in DIST/graph.nt.gz: its lines that hold one (as the script counts them)."""
    with gzip.open(dist / "graph.nt.gz", "rt", encoding="utf-8") as stream:
        return sum(1 for line in stream if line.startswith(("<", "_:")))


def _latency(server: Virtuoso, query: str, runs: int) -> dict:
    """One warm-up run ("first", ms), then the median of `runs` runs (ms), and the rows answered."""
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        body = server.answer(query)
        times.append(time.perf_counter() - started)
    rows = len(json.loads(body)["results"]["bindings"])
    return {
        "first_ms": round(times[0] * 1000, 1),
        "median_ms": round(statistics.median(times[1:]) * 1000, 1),
        "rows": rows,
    }


def dirty_buffers(buffers: int) -> int:
    """MaxDirtyBuffers for NumberOfBuffers, in Debian's ratio (130,000 of 170,000)."""
    return buffers * 13 // 17


def bench(dist: Path, runs: int = 7, buffers: int | None = None) -> dict:
    """Start a private server, load DIST with the documented script, time the example queries, stop.

    Prints as it goes; returns the figures. VirtuosoMissing if virtuoso-t is not installed,
    VirtuosoError if the load fails or loads another number of triples than the dump's lines."""
    dist = dist.resolve()
    buffers = buffers or BENCH_BUFFERS
    dirty = dirty_buffers(buffers)
    if not shutil.which("virtuoso-t"):
        raise VirtuosoMissing(f"virtuoso-t not found: install Debian's {PACKAGE} package")
    root = Path(tempfile.mkdtemp(prefix="opendata-bench-virtuoso-"))
    server = Virtuoso(
        root, buffers=buffers, dirty=dirty, max_rows=BENCH_MAX_ROWS, after_image=BENCH_AFTER_IMAGE
    )
    try:
        server.start()
        expected = dump_lines(dist)
        print(
            f"Virtuoso: NumberOfBuffers {buffers:,}, MaxDirtyBuffers {dirty:,} "
            f"({buffers * 8 / 1024:,.0f} MB of 8 KB pages); {dist}",
            flush=True,
        )
        started = time.perf_counter()
        loaded = server.reload(dist)
        load_s = round(time.perf_counter() - started, 2)
        if loaded.returncode != 0:
            raise VirtuosoError(
                f"docs/virtuoso-reload.sh failed (exit {loaded.returncode}):\n{loaded.stderr}"
            )
        triples = server.triples_in(GRAPH)
        if triples != expected:
            raise VirtuosoError(f"loaded {triples:,} triples, but graph.nt.gz has {expected:,} lines")
        print(f"  load (docs/virtuoso-reload.sh) {load_s:8.2f} s wall  {triples:,} triples", flush=True)
        queries = {}
        for path in sorted(QUERIES.glob("*.rq")):
            figures = queries[path.stem] = _latency(server, path.read_text(encoding="utf-8"), runs)
            cut = "  (cut short at ResultSetMaxRows)" if figures["rows"] >= BENCH_MAX_ROWS else ""
            print(
                f"  query {path.stem:45} {figures['median_ms']:8.1f} ms median of {runs}"
                f"  (first {figures['first_ms']:.1f} ms)  {figures['rows']:,} rows{cut}",
                flush=True,
            )
        return {
            "buffers": buffers,
            "max_dirty_buffers": dirty,
            "load_s": load_s,
            "triples": triples,
            "runs": runs,
            "queries": queries,
        }
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # so that `bench` stops the server and removes its folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m opendata.bench_virtuoso",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("dist", type=Path, help="a publication (the `dist` link of `opendata publish`)")
    parser.add_argument("--runs", type=int, default=7, help="runs per query, after one warm-up (7)")
    parser.add_argument(
        "--buffers",
        type=int,
        default=BENCH_BUFFERS,
        help=f"NumberOfBuffers, 8 KB each ({BENCH_BUFFERS}: about 1.3 GB); MaxDirtyBuffers 13/17 of it",
    )
    args = parser.parse_args(argv)
    if not (args.dist / "graph.nt.gz").is_file():
        print(f"bench-virtuoso: {args.dist} has no graph.nt.gz: not a publication", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _terminated)
    # Ctrl-C stops the server even when this process was started with SIGINT ignored (a background
    # job of a shell, a test runner's worker): Python then installs no KeyboardInterrupt of its own.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        bench(args.dist, args.runs, args.buffers)
    except VirtuosoMissing as error:
        print(f"bench-virtuoso: {error}", file=sys.stderr)
        return 2
    except VirtuosoError as error:
        print(f"bench-virtuoso: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench-virtuoso: interrupted; the server is stopped and its folder removed", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
