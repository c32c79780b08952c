"""Median latency of the example queries: pyoxigraph vs rdflib in-process, and through the endpoint.

    python -m opendata.bench_queries [--dist dist] [--runs 21]

Prints a Markdown table (the one in docs/sparql.md). Wall-clock figures: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

import rdflib
from pyoxigraph import QuerySolutions, Store

from opendata.query.pool import QueryPool
from opendata.query.store import GRAPH_FILE, load_store
from opendata.serve import Answerer, CurrentPublication, EndpointServer

T = TypeVar("T")


def _median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _timed(action: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def _row(name: str, text: str, store: Store, graph: rdflib.Graph, endpoint: str, runs: int) -> str:
    """One query's line of the table: rows, and the median time in each of the three ways."""
    rows = len(list(cast(QuerySolutions, store.query(text))))  # the example queries are SELECTs
    rdflib_rows = len(list(graph.query(text)))
    oxi = _median_ms(lambda: list(cast(QuerySolutions, store.query(text))), runs)
    rdf = _median_ms(lambda: list(graph.query(text)), runs)
    url = endpoint + "?" + urllib.parse.urlencode({"query": text})
    http = _median_ms(lambda: urllib.request.urlopen(url).read(), runs)
    note = "" if rows == rdflib_rows else f" (rdflib: {rdflib_rows} rows)"
    return f"| {name} | {rows}{note} | {oxi:.2f} | {rdf:.1f} | {rdf / oxi:.0f}x | {http:.1f} |"


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--dist", type=Path, default=Path("dist"))
    options.add_argument("--runs", type=int, default=21)
    args = options.parse_args(argv)
    dist = args.dist.resolve()
    queries = {p.stem: p.read_text(encoding="utf-8") for p in sorted((dist / "queries").glob("*.rq"))}

    oxi_load, store = _timed(lambda: load_store(dist))
    rdf_load, graph = _timed(lambda: rdflib.Graph().parse(dist / GRAPH_FILE, format="nt"))
    publication = CurrentPublication(
        dist, lambda root: QueryPool(root, Answerer(10000), size=2, timeout=30), "bench"
    )
    pool_start, _ = _timed(lambda: publication.pool(publication.build()))
    server = EndpointServer(("127.0.0.1", 0), publication)
    server.quiet = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    try:
        print(
            f"load graph.nt ({len(store)} triples): pyoxigraph {oxi_load * 1000:.1f} ms, rdflib {rdf_load * 1000:.1f} ms; "
            f"start 2 endpoint workers: {pool_start * 1000:.0f} ms\n"
        )
        print(
            "| query | rows | pyoxigraph ms | rdflib ms | rdflib / pyoxigraph | endpoint (HTTP + worker) ms |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        for name, text in queries.items():
            print(_row(name, text, store, graph, endpoint, args.runs))
        one, spare = _timed(lambda: QueryPool(dist, Answerer(10000), size=1, timeout=30))
        spare.close()
        print(f"\nstarting one worker (what replacing a timed-out worker costs): {one * 1000:.0f} ms")
    finally:
        server.shutdown()
        server.server_close()
        publication.close()


if __name__ == "__main__":
    main()
