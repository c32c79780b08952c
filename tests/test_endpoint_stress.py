"""Issue 10 "Must show": 50 concurrent clients for about 30 s while a memory-hungry query, a slow query
and a publish that switches `dist` run, on loopback.

Every answer must be right for the build it came from (the old or the new publication, never a
mix), no 5xx but the documented 503 for the stopped queries, and the new publication served
afterwards. The test is bounded: each client stops at the deadline, and each request has a timeout.
"""

from __future__ import annotations

import http.client
import json
import shutil
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .conftest import DATASETS, run_cli
from .test_endpoint_security import GROUP_CONCAT_CROSS, VERSION
from .test_serve import CROSS_PRODUCT, Server

# integration: 50 clients for 30 s against the endpoint while it republishes
pytestmark = pytest.mark.integration

CLIENTS = 50
DURATION = 30.0  # seconds of load
STOPPED = (b"memory", b"stopped after")  # the documented 503s: out of memory, out of time

LETTERS = "SELECT (COUNT(*) AS ?n) WHERE { ?l a <https://schema.org/Message> }"


def _publish(datasets: Path, out: Path, cache: Path, version: int) -> None:
    """Publish the seed with its editorial note on themes saying `(versie VERSION)`, in a process of its
    own, as a publisher would while the endpoint serves (the seed: the hungry queries need its size)."""
    themes = datasets / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    marker = "De indeling in thema's en dossiers is redactioneel"
    start = text.index(marker) + len(marker)
    end = text.index(".", start)
    themes.write_text(text[:start] + f" (versie {version})" + text[end:], encoding="utf-8")
    result = run_cli("publish", "--datasets", str(datasets), "--out", str(out), "--cache", str(cache))
    assert result.returncode == 0, result.stderr


def _get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _query_path(text: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": text})


def test_fifty_clients_a_hungry_and_a_slow_query_and_a_publish(tmp_path):
    datasets = tmp_path / "datasets"
    shutil.copytree(DATASETS, datasets)
    out, cache = tmp_path / "www" / "dist", tmp_path / "cache"
    _publish(datasets, out, cache, 1)
    old = {
        "version": "De indeling in thema's en dossiers is redactioneel (versie 1).",
        "index": (out / "index.html").read_bytes(),
    }
    server = Server(out, tmp_path / "stderr.log", "--workers", "4", "--timeout", "8", "--max-memory", "400")
    port = int(server.url.rsplit(":", 1)[1])
    letters = json.loads(_get(port, _query_path(LETTERS))[1])["results"]["bindings"][0]["n"]["value"]
    outcomes: Counter = Counter()
    wrong: list[str] = []
    pages: set[bytes] = set()  # every /index.html served, checked once the new one is known
    deadline = time.monotonic() + DURATION
    switched = threading.Event()
    new: dict = {}

    def check(kind: str, status: int, body: bytes) -> None:
        if status == 503 and any(reason in body for reason in STOPPED):
            outcomes["503 documented"] += 1
            return
        if status >= 500:
            wrong.append(f"{kind}: {status} {body[:200]!r}")
            return
        outcomes[f"{kind} {status}"] += 1
        if kind == "version":
            value = json.loads(body)["results"]["bindings"][0]["n"]["value"]
            if value not in (old["version"], new.get("version")):
                wrong.append(f"version: {value}")
        elif kind == "letters":
            if json.loads(body)["results"]["bindings"][0]["n"]["value"] != letters:
                wrong.append(f"letters: {body[:200]!r}")
        elif kind == "index":
            pages.add(body)

    def client(number: int) -> None:
        kinds = ("version", "letters", "index")
        turn = number
        while time.monotonic() < deadline:
            kind = kinds[turn % len(kinds)]
            turn += 1
            path = (
                "/index.html" if kind == "index" else _query_path(VERSION if kind == "version" else LETTERS)
            )
            try:
                check(kind, *_get(port, path))
            except OSError as exc:
                wrong.append(f"{kind}: connection failed: {exc}")

    def troublemaker(text: str, kind: str) -> None:
        while time.monotonic() < deadline:
            status, body = _get(port, _query_path(text))
            if status == 503 and any(reason in body for reason in STOPPED):
                outcomes[f"{kind} stopped"] += 1
            else:
                wrong.append(f"{kind}: {status} {body[:200]!r}")

    def publisher() -> None:
        time.sleep(DURATION / 3)
        new["version"] = "De indeling in thema's en dossiers is redactioneel (versie 2)."
        _publish(datasets, out, cache, 2)
        new["index"] = (out / "index.html").read_bytes()
        switched.set()

    try:
        with ThreadPoolExecutor(max_workers=CLIENTS + 3) as pool:
            jobs = [pool.submit(client, i) for i in range(CLIENTS)]
            jobs += [
                pool.submit(troublemaker, GROUP_CONCAT_CROSS, "hungry"),
                pool.submit(troublemaker, CROSS_PRODUCT, "slow"),
                pool.submit(publisher),
            ]
            for job in jobs:
                job.result()
        assert switched.is_set()
        status, body = _get(port, _query_path(VERSION))
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == new["version"]
        assert _get(port, "/index.html") == (200, (out / "index.html").read_bytes())
    finally:
        assert server.stop() == 0
    print(dict(outcomes))
    assert wrong == [], wrong[:10]
    assert pages <= {old["index"], new["index"]}
    assert outcomes["hungry stopped"] >= 1 and outcomes["slow stopped"] >= 1
    assert sum(count for kind, count in outcomes.items() if kind.endswith(" 200")) >= CLIENTS
