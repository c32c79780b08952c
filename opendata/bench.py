"""`make bench`: publish synthetic corpora of 1,000, 10,000 and 100,000 letters and print the figures.

For each size: a full publish from scratch (wall and CPU seconds, peak RSS, triples, triples per
second), the lower bound measured in the same run (read and parse every source file on every
core, and write the same N-Triples bytes) and the ratio to it, then re-publishing after changing
one letter, after adding 100 letters and after deleting one letter. On the largest corpus, the
median latency of every example query. With --virtuoso, each size's publication is then loaded
into a private Virtuoso with docs/virtuoso-reload.sh (opendata/bench_virtuoso.py): the load's
seconds and every example query's median latency at its SPARQL endpoint. The figures go to
bench-results/latest.json and .md.

    python -m opendata.bench [--sizes 1000,10000,100000] [--quick] [--virtuoso] [--name latest] [--work DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml
from pyoxigraph import QueryBoolean, QuerySolutions, QueryTriples

from opendata import bench_virtuoso
from opendata.model.problems import render_text
from opendata.model.resources import queries_dir
from opendata.query.store import load_store

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
QUERIES = queries_dir()
SEED = 7
# The disk a corpus takes while it is benchmarked, per letter: its sources, the build cache and the
# builds of the publication (a full one, then builds after a change, which hard-link what did not
# change). Measured at 100,000 letters (1 Dec 2026): sources 0.85 GB, cache 1.3 GB, builds 14 GB
# (one build about 12 GB, 8.6 GB of it the website's 1.3 million small files); a publisher whose
# every page changes (a new version of opendata) holds two whole builds for a while: 24 GB.
DISK_PER_LETTER = 175_000  # bytes


def tree_pss_kb(root: int) -> int:
    """The memory a process and all its descendants hold now: the sum of their proportional set
    sizes (PSS: a page shared by n processes counts 1/n in each), from /proc, in kB."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue  # gone meanwhile
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        pending += children.get(pid, [])
        with (
            contextlib.suppress(OSError, ValueError, IndexError),
            open(f"/proc/{pid}/smaps_rollup", "rb") as handle,
        ):
            total += int(next(line for line in handle if line.startswith(b"Pss:")).split()[1])
    return total


class TreeMemory(threading.Thread):
    """The peak of tree_pss_kb over a run, sampled every `interval` seconds: the workers' memory
    counts too (wait4's peak RSS is that of the largest single process)."""

    def __init__(self, pid: int, interval: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.peak_kb = max(self.peak_kb, tree_pss_kb(self.pid))

    def stop(self) -> int:
        self.done.set()
        self.join()
        return self.peak_kb


def _run(*args: str, module: bool = True) -> dict:
    """Run an opendata command in a fresh process: wall and CPU seconds (its workers included),
    peak RSS (of its largest process), from the kernel's account of that one child (wait4), and
    the peak memory of the whole process tree (TreeMemory)."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, *(("-m", "opendata") if module else ()), *args],
            stdout=output,
            stderr=output,
            text=True,
        )
        sampler = TreeMemory(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        tree_peak_kb = sampler.stop()
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            raise SystemExit(f"opendata {' '.join(args)} failed:\n{output.read()}")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "tree_peak_mb": round(tree_peak_kb / 1024),
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


def _change_one_letter(sources: Path, next_to: int = 0) -> None:
    """Change the title of the middle letter (or the one `next_to` places after it)."""
    letters = sorted((sources / "letters").glob("*.yaml"))
    letter = letters[len(letters) // 2 + next_to]
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text.replace("title: ", "title: (gewijzigd) ", 1), encoding="utf-8")


def _delete_one_letter(sources: Path) -> str:
    letter = sorted((sources / "letters").glob("*.yaml"))[-1]
    key = letter.stem
    letter.unlink()
    letter.with_suffix(".txt").unlink(missing_ok=True)
    return key


def _query_latencies(dist: Path, runs: int = 7) -> dict[str, float]:
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


def publish_child() -> None:
    """In the child `_publish` starts: publish, then write the stage timings and hash counts as JSON."""
    # only this child publishes: the measuring process, which runs it, need not load the pipeline (~0.6 s)
    from opendata.publish import pipeline

    datasets, out, cache, report = (Path(arg) for arg in sys.argv[1:5])
    outcome = pipeline.publish(datasets, out, cache_dir=cache)
    if outcome.exit_code != pipeline.EXIT_OK:
        raise SystemExit(render_text(outcome.problems))
    figures = {"timings": {k: round(v, 2) for k, v in outcome.timings.items()}, **outcome.counts}
    report.write_text(json.dumps(figures), encoding="utf-8")


def _publish(sources: Path, dist: Path, cache: Path) -> dict:
    """A publish in a fresh process: wall, CPU, peak RSS, each stage's and output's seconds, bytes hashed."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "figures.json"
        child = ("-c", "from opendata.bench import publish_child; publish_child()")
        figures = _run(*child, str(sources), str(dist), str(cache), str(report), module=False)
        figures.update(json.loads(report.read_text(encoding="utf-8")))
    return figures


def folder_figures(dist: Path) -> dict[str, dict[str, int]]:
    """Per top folder of the publication (files at the top count as "."): files, bytes, and the files
    written anew by the last publish (one link: not hard-linked from the previous build beside it)."""
    figures: dict[str, dict[str, int]] = {}
    for path in dist.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(dist).parts
        row = figures.setdefault(
            relative[0] if len(relative) > 1 else ".", {"files": 0, "bytes": 0, "new": 0}
        )
        stat = path.stat()
        row["files"] += 1
        row["bytes"] += stat.st_size
        row["new"] += stat.st_nlink == 1
    return dict(sorted(figures.items()))


def _print_publish(label: str, figures: dict) -> None:
    timings = figures["timings"]
    print(
        f"  {label:16} {figures['wall_s']:8.2f} s wall {figures['cpu_s']:8.2f} s CPU  {figures['peak_rss_mb']:6} MB peak "
        f"({figures.get('tree_peak_mb', 0):,} MB all processes)  "
        f"hashed {figures['hashed_files']:,} files {figures['hashed_bytes'] / 1e6:,.1f} MB, "
        f"compared {figures.get('compared_bytes', 0) / 1e6:,.1f} MB",
        flush=True,
    )
    stages = "  ".join(f"{k} {v:.2f}" for k, v in timings.items() if not k.startswith("output:"))
    print(f"    stages s: {stages}", flush=True)
    writes = "  ".join(f"{k[7:]} {v:.2f}" for k, v in timings.items() if k.startswith("output:"))
    print(f"    outputs s: {writes}", flush=True)


def _print_folders(folders: dict[str, dict[str, int]]) -> None:
    for name, row in folders.items():
        print(
            f"    {name + '/':14} {row['files']:8,} files {row['bytes'] / 1e6:10,.1f} MB  {row['new']:8,} written anew",
            flush=True,
        )


def bench_size(size: int, work: Path, with_queries: bool, quick: bool, virtuoso: bool = False) -> dict:
    sources, dist, cache = work / f"sources-{size}", work / f"dist-{size}", work / f"cache-{size}"
    for path in (sources, dist, cache, work / f".dist-{size}.builds"):
        if path.is_symlink():  # dist: the link to the last build (rmtree refuses a link)
            path.unlink()
        shutil.rmtree(path, ignore_errors=True)
    print(f"\n== {size:,} letters", flush=True)
    synth = _run("synth", "--letters", str(size), "--out", str(sources), "--seed", str(SEED))
    print(f"  synth            {synth['wall_s']:8.2f} s", flush=True)
    full = _publish(sources, dist, cache)
    triples = _triples(dist)
    floor = lower_bound(sources, dist)
    row = {
        "letters": size,
        "full": full,
        "triples": triples,
        "triples_per_s": round(triples / full["wall_s"]),
        "lower_bound_s": floor,
        "ratio_to_lower_bound": round(full["wall_s"] / floor, 2),
        "folders": folder_figures(dist),
    }
    _print_publish("full publish", full)
    print(f"    {triples:,} triples  {row['triples_per_s']:,}/s", flush=True)
    print(f"  lower bound      {floor:8.2f} s   ratio {row['ratio_to_lower_bound']}", flush=True)
    _print_folders(row["folders"])
    _change_one_letter(sources)
    row["one_changed"] = _publish(sources, dist, cache)
    row["one_changed_folders"] = folder_figures(dist)
    _print_publish("1 letter changed", row["one_changed"])
    _print_folders(row["one_changed_folders"])
    # the steady state: from the third build on, a build recycles the one before last (publish/switch.py)
    _change_one_letter(sources, 1)
    row["one_changed_again"] = _publish(sources, dist, cache)
    _print_publish("1 changed again", row["one_changed_again"])
    if not quick:
        _run("synth", "--letters", str(size + 100), "--out", str(sources), "--seed", str(SEED), "--overwrite")
        _change_one_letter(sources)  # the synth overwrite restored it; keep the change
        row["hundred_added"] = _publish(sources, dist, cache)
        _print_publish("100 added", row["hundred_added"])
        _delete_one_letter(sources)
        row["one_deleted"] = _publish(sources, dist, cache)
        _print_publish("1 deleted", row["one_deleted"])
    if with_queries:
        row["query_median_ms"] = _query_latencies(dist)
        for name, ms in row["query_median_ms"].items():
            print(f"  query {name:45} {ms:8.1f} ms median", flush=True)
    if virtuoso:
        try:
            row["virtuoso"] = bench_virtuoso.bench(dist)
        except bench_virtuoso.VirtuosoError as error:  # a figure of its own: the others are kept
            row["virtuoso_error"] = str(error)
            print(f"  Virtuoso failed: {error}", flush=True)
    return row


def _wall(row: dict, key: str) -> str:
    return str(row[key]["wall_s"]) if key in row else "-"


def _breakdown(row: dict) -> list[str]:
    """Per stage and output: seconds of the full publish and of the one-letter changes."""
    full, one = row["full"]["timings"], row["one_changed"]["timings"]
    again = row.get("one_changed_again", {}).get("timings", {})
    lines = [
        "",
        f"{row['letters']:,} letters, seconds per stage and output (full publish / one letter changed /"
        " another changed, the build before last recycled):",
        "",
        "| stage | full s | 1 changed s | 1 changed again s |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {name} | {full[name]} | {one.get(name, '-')} | {again.get(name, '-')} |" for name in full]
    lines += [
        "",
        "| folder | files | MB | written anew after 1 change |",
        "|---|---:|---:|---:|",
    ]
    for name, folder in row["folders"].items():
        new = row["one_changed_folders"].get(name, {}).get("new", 0)
        lines.append(f"| {name}/ | {folder['files']:,} | {folder['bytes'] / 1e6:,.1f} | {new:,} |")
    return lines


def _markdown(results: dict) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {results['machine']}",
        "",
        "| letters | triples | full publish wall s | CPU s | peak RSS MB | all processes MB | MB hashed | lower bound s | ratio | "
        "1 changed s | MB hashed | files written anew | 1 changed again s | 100 added s | 1 deleted s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in results["sizes"]:
        full, one = row["full"], row["one_changed"]
        anew = sum(folder["new"] for folder in row["one_changed_folders"].values())
        total = sum(folder["files"] for folder in row["one_changed_folders"].values())
        lines.append(
            f"| {row['letters']:,} | {row['triples']:,} | {full['wall_s']} | {full['cpu_s']} | {full['peak_rss_mb']} | {full.get('tree_peak_mb', '—')} | "
            f"{full['hashed_bytes'] / 1e6:,.1f} | {row['lower_bound_s']} | {row['ratio_to_lower_bound']} | "
            f"{one['wall_s']} | {one['hashed_bytes'] / 1e6:,.1f} | {anew:,} of {total:,} | "
            f"{_wall(row, 'one_changed_again')} | {_wall(row, 'hundred_added')} | {_wall(row, 'one_deleted')} |"
        )
    for row in results["sizes"]:
        lines += _breakdown(row)
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
    lines += _virtuoso_markdown(results["sizes"])
    return "\n".join(lines) + "\n"


def _virtuoso_markdown(sizes: list[dict]) -> list[str]:
    """The Virtuoso figures of the sizes that have them (--virtuoso): load seconds, query medians."""
    failed = [
        f"Virtuoso at {row['letters']:,} letters failed: {row['virtuoso_error'].splitlines()[0]}"
        for row in sizes
        if "virtuoso_error" in row
    ]
    loaded = [row for row in sizes if "virtuoso" in row]
    if not loaded:
        return ["", *failed] if failed else []
    first = loaded[0]["virtuoso"]
    lines = [
        *([""] + failed if failed else []),
        "",
        f"Virtuoso after docs/virtuoso-reload.sh (NumberOfBuffers {first['buffers']:,}, MaxDirtyBuffers "
        f"{first['max_dirty_buffers']:,}; queries at its SPARQL endpoint over HTTP, median of {first['runs']} "
        "after one warm-up, ms):",
        "",
        "| | " + " | ".join(f"{row['letters']:,} letters" for row in loaded) + " |",
        "|---|" + "---:|" * len(loaded),
        "| load s | " + " | ".join(str(row["virtuoso"]["load_s"]) for row in loaded) + " |",
        "| triples | " + " | ".join(f"{row['virtuoso']['triples']:,}" for row in loaded) + " |",
    ]
    for name in first["queries"]:
        cells = (str(row["virtuoso"]["queries"].get(name, {}).get("median_ms", "-")) for row in loaded)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _cpu_model() -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return platform.processor() or "unknown processor"
    return next(
        (line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")),
        "unknown processor",
    )


def disk_shortfall(sizes: list[int], work: Path) -> str:
    """Why the disk under `work` cannot hold these corpora and their publications ("" when it can)."""
    needed = sum(sizes) * DISK_PER_LETTER
    free = shutil.disk_usage(work).free
    if free >= needed:
        return ""
    earlier = sorted(
        path.name for path in work.iterdir() if path.name.split("-")[0] in ("sources", "dist", "cache")
    )
    hint = f"; earlier runs in it ({', '.join(earlier)}) may be removed first" if earlier else ""
    return (
        f"{sum(sizes):,} letters need about {needed / 1e9:,.0f} GB of disk in {work} (the sources, the build"
        f" cache and the builds of each publication: about {DISK_PER_LETTER // 1000} kB a letter), and"
        f" {free / 1e9:,.0f} GB are free; give --work a folder on a larger disk{hint}"
    )


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m opendata.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes", type=_sizes, default=[1000, 10000, 100000], help="letters per corpus, e.g. 1000,10000"
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/opendata-bench"))
    parser.add_argument("--quick", action="store_true", help="of the changes, only the one-letter change")
    parser.add_argument(
        "--virtuoso",
        action="store_true",
        help="also load each publication into Virtuoso (docs/virtuoso-reload.sh) and time the example queries there",
    )
    parser.add_argument("--name", default="latest", help="bench-results/NAME.md and .json")
    args = parser.parse_args(argv)
    if args.virtuoso and not shutil.which("virtuoso-t"):  # say so before an hour of publishing
        print(
            f"bench: --virtuoso: virtuoso-t not found: install Debian's {bench_virtuoso.PACKAGE} package",
            file=sys.stderr,
        )
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    short = disk_shortfall(args.sizes, args.work)
    if short:  # say so before hours of publishing end in a full disk
        print(f"bench: {short}", file=sys.stderr)
        return 2
    machine = f"{_cpu_model()} ({platform.machine()}), {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    sizes = [
        bench_size(size, args.work, size == max(args.sizes), args.quick, args.virtuoso) for size in args.sizes
    ]
    results = {"machine": machine, "sizes": sizes}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.name}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / f"{args.name}.md").write_text(_markdown(results), encoding="utf-8")
    print(f"\nwritten to {RESULTS}/{args.name}.json and {args.name}.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
