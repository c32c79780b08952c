"""`make bench`: publish synthetic corpora of 1,000, 10,000 and 100,000 letters and print the figures.

For each size: a full publish from scratch (wall and CPU seconds, peak RSS, triples, triples per
second), the lower bound measured in the same run (read and parse every source file on every
core, and write the same N-Triples bytes) and the ratio to it, then re-publishing after changing
one letter, after adding 100 letters and after deleting one letter. On the largest corpus, the
median latency of every example query. The figures go to bench-results/latest.json and .md.

    python -m opendata.bench [--sizes 1000 10000 100000] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml
from pyoxigraph import QueryBoolean, QuerySolutions, QueryTriples

from opendata.build.publication import Publication
from opendata.model.problems import render_text
from opendata.model.resources import queries_dir

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
QUERIES = queries_dir()
SEED = 7


def _run(*args: str) -> dict:
    """Run an opendata command in a fresh process: wall and CPU seconds (its workers included)
    and peak RSS (of its largest process), from the kernel's account of that one child (wait4)."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "opendata", *args], stdout=output, stderr=output, text=True
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            raise SystemExit(f"opendata {' '.join(args)} failed:\n{output.read()}")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
    }


def _parse(paths: list[str]) -> int:
    for path in paths:
        with open(path, "rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
        text = Path(path).with_suffix(".txt")
        if text.exists():
            text.read_bytes()
    return len(paths)


def lower_bound(sources: Path, dist: Path) -> float:
    """Read and parse every source on every core, then write the publication's N-Triples bytes."""
    paths = sorted(str(p) for p in sources.rglob("*.yaml"))
    started = time.perf_counter()
    chunks = [paths[i :: os.cpu_count() or 1] for i in range(os.cpu_count() or 1)]
    with ProcessPoolExecutor(len(chunks)) as pool:
        list(pool.map(_parse, chunks))
    data = (dist / "graph.nt").read_bytes()
    target = dist.parent / "lower-bound.nt"
    target.write_bytes(data)
    target.unlink()
    return round(time.perf_counter() - started, 2)


def _triples(dist: Path) -> int:
    with open(dist / "graph.nt", "rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 24), b""))


def _change_one_letter(sources: Path) -> None:
    letter = sorted((sources / "letters").glob("*.yaml"))[
        len(list((sources / "letters").glob("*.yaml"))) // 2
    ]
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text.replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8")


def _delete_one_letter(sources: Path) -> str:
    letter = sorted((sources / "letters").glob("*.yaml"))[-1]
    key = letter.stem
    letter.unlink()
    letter.with_suffix(".txt").unlink(missing_ok=True)
    return key


def _query_latencies(dist: Path, runs: int = 7) -> dict[str, float]:
    from opendata.query.store import load_store

    store = load_store(dist)
    latencies = {}
    for query in sorted(QUERIES.glob("*.rq")):
        text = query.read_text(encoding="utf-8")
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            _drain(store.query(text))
            times.append(time.perf_counter() - started)
        latencies[query.stem] = round(statistics.median(times) * 1000, 1)
    return latencies


def _drain(result: QuerySolutions | QueryBoolean | QueryTriples) -> None:
    """Take every answer (a query's work is done as its answers are read)."""
    if not isinstance(result, QueryBoolean):
        list(result)


def _built(sources: Path, cache: Path) -> Publication:
    """The publication of a corpus the benchmark just published (so it builds without problems)."""
    from opendata.publish import pipeline

    outcome = pipeline.build(sources, cache_dir=cache)
    if outcome.publication is None:
        raise RuntimeError(render_text(outcome.problems))
    return outcome.publication


def site_figures(sources: Path, dist: Path, cache: Path) -> dict:
    """The website's share of a publish (issue 14): its build time on the cached graph, its files and size."""
    from opendata.outputs import ntriples, site, texts

    publication = _built(sources, cache)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        ntriples.write(publication, out)  # the site reads the texts; the graph is its input
        texts.write(publication, out)
        started = time.perf_counter()
        site.write(publication, out)
        elapsed = time.perf_counter() - started
    files = [p for p in (dist / "doc").rglob("*") if p.is_file()] + list((dist / "webserver").glob("*"))
    return {
        "build_s": round(elapsed, 2),
        "files": len(files),
        "megabytes": round(sum(p.stat().st_size for p in files) / 1e6, 1),
    }


def site_files_written(dist: Path) -> int:
    """Site files of the new build that are not hard links into the previous one (still beside it)."""
    return sum(1 for p in (dist / "doc").rglob("*") if p.is_file() and p.stat().st_nlink == 1)


def stream_figures(sources: Path, dist: Path, cache: Path) -> dict:
    """The LDES and the Woo-index sitemaps (issue 15): their write time on the cached graph, files and size."""
    from opendata import releases
    from opendata.outputs import ldes, woo

    publication = _built(sources, cache)
    plan = releases.plan_release(publication, None)
    publication.history, publication.release_resources = plan.history, plan.resources
    figures = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, writer, folder in (("ldes", ldes.write, "ldes"), ("sitemaps", woo.write, "sitemaps")):
            started = time.perf_counter()
            writer(publication, Path(scratch))
            files = [p for p in (dist / folder).rglob("*") if p.is_file()]
            figures[name] = {
                "write_s": round(time.perf_counter() - started, 2),
                "files": len(files),
                "megabytes": round(sum(p.stat().st_size for p in files) / 1e6, 1),
            }
    return figures


def bench_size(size: int, work: Path, with_queries: bool) -> dict:
    sources, dist, cache = work / f"sources-{size}", work / f"dist-{size}", work / f"cache-{size}"
    for path in (sources, dist, cache, work / f".dist-{size}.builds"):
        shutil.rmtree(path, ignore_errors=True)
    print(f"\n== {size:,} letters", flush=True)
    synth = _run("synth", "--letters", str(size), "--out", str(sources), "--seed", str(SEED))
    print(f"  synth            {synth['wall_s']:8.2f} s", flush=True)
    full = _run("publish", "--datasets", str(sources), "--out", str(dist), "--cache", str(cache))
    triples = _triples(dist)
    floor = lower_bound(sources, dist)
    row = {
        "letters": size,
        "full": full,
        "triples": triples,
        "triples_per_s": round(triples / full["wall_s"]),
        "lower_bound_s": floor,
        "ratio_to_lower_bound": round(full["wall_s"] / floor, 2),
    }
    print(
        f"  full publish     {full['wall_s']:8.2f} s wall {full['cpu_s']:8.2f} s CPU  {full['peak_rss_mb']:6} MB peak  "
        f"{triples:,} triples  {row['triples_per_s']:,}/s",
        flush=True,
    )
    print(f"  lower bound      {floor:8.2f} s   ratio {row['ratio_to_lower_bound']}", flush=True)
    row["site"] = site_figures(sources, dist, cache)
    print(
        f"  website          {row['site']['build_s']:8.2f} s  {row['site']['files']:,} files  "
        f"{row['site']['megabytes']:,.1f} MB",
        flush=True,
    )
    row["streams"] = stream_figures(sources, dist, cache)
    for name, figures in row["streams"].items():
        print(
            f"  {name:16} {figures['write_s']:8.2f} s  {figures['files']:,} files  {figures['megabytes']:,.1f} MB",
            flush=True,
        )
    _change_one_letter(sources)
    row["one_changed"] = _run(
        "publish", "--datasets", str(sources), "--out", str(dist), "--cache", str(cache)
    )
    row["one_changed"]["site_files_written"] = site_files_written(dist)
    print(
        f"  1 letter changed {row['one_changed']['wall_s']:8.2f} s  "
        f"{row['one_changed']['site_files_written']:,} site files written anew",
        flush=True,
    )
    _run("synth", "--letters", str(size + 100), "--out", str(sources), "--seed", str(SEED), "--overwrite")
    _change_one_letter(sources)  # the synth overwrite restored it; keep the change
    row["hundred_added"] = _run(
        "publish", "--datasets", str(sources), "--out", str(dist), "--cache", str(cache)
    )
    print(f"  100 letters added{row['hundred_added']['wall_s']:8.2f} s", flush=True)
    _delete_one_letter(sources)
    row["one_deleted"] = _run(
        "publish", "--datasets", str(sources), "--out", str(dist), "--cache", str(cache)
    )
    print(f"  1 letter deleted {row['one_deleted']['wall_s']:8.2f} s", flush=True)
    if with_queries:
        row["query_median_ms"] = _query_latencies(dist)
        for name, ms in row["query_median_ms"].items():
            print(f"  query {name:45} {ms:8.1f} ms median", flush=True)
    return row


def _markdown(results: dict) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {results['machine']}",
        "",
        "| letters | triples | full publish wall s | CPU s | peak RSS MB | triples/s | lower bound s | ratio | "
        "1 changed s | 100 added s | 1 deleted s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results["sizes"]:
        full = row["full"]
        lines.append(
            f"| {row['letters']:,} | {row['triples']:,} | {full['wall_s']} | {full['cpu_s']} | {full['peak_rss_mb']} | "
            f"{row['triples_per_s']:,} | {row['lower_bound_s']} | {row['ratio_to_lower_bound']} | "
            f"{row['one_changed']['wall_s']} | {row['hundred_added']['wall_s']} | {row['one_deleted']['wall_s']} |"
        )
    largest = results["sizes"][-1]
    if "query_median_ms" in largest:
        lines += [
            "",
            f"Example queries on {largest['letters']:,} letters (median of 7, ms):",
            "",
            "| query | ms |",
            "|---|---:|",
        ]
        lines += [f"| {name} | {ms} |" for name, ms in largest["query_median_ms"].items()]
    return "\n".join(lines) + "\n"


def _cpu_model() -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return platform.processor() or "unknown processor"
    return next(
        (line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")),
        "unknown processor",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m opendata.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/opendata-bench"))
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    machine = f"{_cpu_model()} ({platform.machine()}), {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    sizes = [bench_size(size, args.work, with_queries=size == max(args.sizes)) for size in args.sizes]
    results = {"machine": machine, "sizes": sizes}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "latest.md").write_text(_markdown(results), encoding="utf-8")
    print(f"\nwritten to {RESULTS}/latest.json and latest.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
