"""Issue 15, "Must show": releases that say what changed, withdrawals, tombstones (docs/releases.md).

The seed (with one extra letter, X, that no other record quotes) is published as release 1. Release 2
corrects one letter's title, adds letter Y and withdraws X for privacy. The change log lists exactly
those three, X's IRI answers 410 Gone through `opendata serve` with its reason, no byte of release 2
(gzip unpacked) holds any of X's content, and the catalog's version history says the same.
"""

from __future__ import annotations

import csv
import gzip
import http.client
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import rdflib

from .conftest import DATASETS, run_main
from .scenarios import (
    CORRECTED,
    REASON,
    X_CONTENT,
    X_TITLE,
    X,
    Y,
    apache_serving,
    nginx_serving,
    prepare_release_one,
    prepare_release_two,
)
from .test_serve import Server

BASE = "https://data.leidseregio.example/id/"


def _publish(datasets: Path, out: Path, cache: Path, today: str | None = None):
    return run_main("publish", "--datasets", str(datasets), "--out", str(out), "--cache", str(cache))


def _all_bytes(dist: Path) -> dict[str, bytes]:
    """Every file of a publication, gzip files unpacked."""
    found = {}
    for path in sorted(p for p in dist.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found[path.relative_to(dist).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return found


@pytest.fixture(scope="module")
def releases(tmp_path_factory):
    """Release 1 (seed + X) and release 2 (title corrected, Y added, X withdrawn for privacy)."""
    root = tmp_path_factory.mktemp("releases")
    datasets, cache = root / "datasets", root / "cache"
    shutil.copytree(DATASETS, datasets)
    prepare_release_one(datasets)
    first = root / "first" / "dist"
    result = _publish(datasets, first, cache)
    assert result.returncode == 0, result.stdout + result.stderr
    history_1 = (datasets / "releases.csv").read_bytes()

    prepare_release_two(datasets)
    second = root / "second" / "dist"
    result = _publish(datasets, second, cache)
    assert result.returncode == 0, result.stdout + result.stderr
    return {
        "datasets": datasets,
        "cache": cache,
        "first": first,
        "second": second,
        "history_1": history_1,
        "root": root,
    }


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_change_log_lists_exactly_the_three_changes(releases):
    rows = [r for r in _rows(releases["second"] / "changes" / "changes.csv") if r["release"] == "2"]
    assert sorted((r["change"], r["resource"]) for r in rows) == [
        ("added", BASE + f"brief/{Y}"),
        ("changed", BASE + f"brief/{CORRECTED}"),
        ("withdrawn (privacy)", BASE + f"brief/{X}"),
    ]
    assert {r["version"] for r in rows} == {"2019.2"} and {r["date"] for r in rows} == {"2019-07-02"}
    titles = {r["resource"]: r["title"] for r in rows}
    assert titles[BASE + f"brief/{CORRECTED}"] == "Bestuurlijke samenwerking Leidse regio"
    assert titles[BASE + f"brief/{X}"] == ""
    markdown = (releases["second"] / "changes" / "changes.md").read_text(encoding="utf-8")
    assert "## 2019.2 (2019-07-02)" in markdown and "1 added, 1 changed, 1 withdrawn" in markdown
    history = _rows(releases["datasets"] / "releases.csv")
    assert [(r["release"], r["change"]) for r in history if r["resource"] == BASE + f"brief/{X}"] == [
        ("1", "added"),
        ("2", "withdrawn"),
    ]


def test_the_releases_as_rdf(releases):
    graph = rdflib.Graph().parse(releases["second"] / "changes" / "release-2.ttl")
    AS = rdflib.Namespace("https://www.w3.org/ns/activitystreams#")
    kinds = {
        (str(graph.value(node, rdflib.RDF.type)).rsplit("#", 1)[1], str(obj))
        for node, obj in graph.subject_objects(AS.object)
    }
    assert kinds == {
        ("Create", BASE + f"brief/{Y}"),
        ("Update", BASE + f"brief/{CORRECTED}"),
        ("Delete", BASE + f"brief/{X}"),
    }
    tombstones = rdflib.Graph().parse(releases["second"] / "changes" / "tombstones.ttl")
    x = rdflib.URIRef(BASE + f"brief/{X}")
    assert set(tombstones.predicate_objects(x)) == {
        (rdflib.RDF.type, AS.Tombstone),
        (AS.formerType, rdflib.URIRef("https://schema.org/Message")),
        (AS.deleted, rdflib.Literal("2019-07-01", datatype=rdflib.XSD.date)),
        (AS.summary, rdflib.Literal(REASON, lang="nl")),
    }


def test_the_withdrawn_iri_answers_410_with_its_reason(releases, tmp_path):
    server = Server(releases["second"], tmp_path / "serve.log")
    try:
        host, port = server.url.removeprefix("http://").split(":")
        for path in (f"/id/brief/{X}", f"/doc/brief/{X}", f"/doc/brief/{X}.ttl"):
            connection = http.client.HTTPConnection(host, int(port), timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read().decode("utf-8")
            assert response.status == 410, path
            assert REASON in body and "2019-07-01" in body
            connection.close()
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        connection.request("GET", f"/id/brief/{Y}")
        assert connection.getresponse().status == 303  # a live letter still answers as before
    finally:
        server.stop()


def test_no_byte_of_the_new_release_holds_the_withdrawn_letter(releases):
    before = _all_bytes(releases["first"])
    assert any(X_TITLE.encode() in data for data in before.values())  # the check can fail: it was there
    for name, data in _all_bytes(releases["second"]).items():
        for word in X_CONTENT:
            assert word.encode("utf-8") not in data, f"{word!r} in {name}"
    history = (releases["datasets"] / "releases.csv").read_text(encoding="utf-8")
    assert not any(word in history for word in X_CONTENT)  # the title logged in release 1 is blanked too
    builds = releases["second"].parent / ".dist.builds"
    for path in builds.rglob("*"):  # no earlier build of this --out is kept beside it
        if path.is_file():
            assert X_TITLE.encode() not in path.read_bytes()


def test_the_catalog_carries_the_version_history(releases):
    catalog = rdflib.Graph().parse(releases["second"] / "catalog.ttl")
    DCAT, DCT = rdflib.Namespace("http://www.w3.org/ns/dcat#"), rdflib.Namespace("http://purl.org/dc/terms/")
    ADMS = rdflib.Namespace("http://www.w3.org/ns/adms#")
    datasets = list(catalog.subjects(rdflib.RDF.type, DCAT.Dataset))
    assert datasets
    for dataset in datasets:
        assert str(catalog.value(dataset, DCAT.version)) == "2019.2"
        assert str(catalog.value(dataset, DCT.modified)) == "2019-07-02"
        assert "1 added, 1 changed, 1 withdrawn" in str(catalog.value(dataset, ADMS.versionNotes))
        assert (
            str(catalog.value(dataset, DCAT.previousVersion))
            == "https://data.leidseregio.example/publicatie/changes/release-1"
        )


def test_a_rebuild_of_the_same_release_is_byte_identical(releases):
    history = (releases["datasets"] / "releases.csv").read_bytes()
    again = releases["root"] / "again" / "dist"
    result = run_main("publish", "--datasets", str(releases["datasets"]), "--out", str(again), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert (releases["datasets"] / "releases.csv").read_bytes() == history
    assert _all_bytes(again) == _all_bytes(releases["second"])


def test_a_failed_publish_changes_neither_dist_nor_history(releases, tmp_path):
    datasets = tmp_path / "datasets"
    shutil.copytree(releases["datasets"], datasets)
    out = tmp_path / "dist"
    assert _publish(datasets, out, releases["cache"]).returncode == 0
    history, published = (datasets / "releases.csv").read_bytes(), _all_bytes(out)
    (datasets / "withdrawn.yaml").write_text(
        f"- resource: brief/{Y}\n  reason: per abuis\n", encoding="utf-8"
    )  # withdrawn, but its record is still there
    result = _publish(datasets, out, releases["cache"])
    assert result.returncode == 1
    assert "withdrawn-still-present" in result.stdout + result.stderr
    assert "withdrawn.yaml:1" in result.stdout + result.stderr
    assert (datasets / "releases.csv").read_bytes() == history
    assert _all_bytes(out) == published


def test_diff_prints_what_changed(releases, tmp_path):
    result = run_main("diff", str(releases["first"]), str(releases["second"]))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sorted(line.split()[0] + " " + line.split()[1] for line in lines[:-1]) == [
        f"added {BASE}brief/{Y}",
        f"changed {BASE}brief/{CORRECTED}",
        f"removed {BASE}brief/{X}",
    ]
    assert lines[-1] == "1 added, 1 changed, 1 removed"
    assert run_main("diff", str(releases["first"])).returncode == 2
    assert run_main("diff", str(releases["first"]), str(tmp_path / "nothing")).returncode == 2


@pytest.mark.integration  # a real nginx and a real Apache
@pytest.mark.parametrize("server", ["nginx", "apache"])
def test_the_generated_web_server_rules_answer_410_with_the_tombstone_page(releases, tmp_path, server):
    """The static host answers like `opendata serve`: Debian's nginx-light and apache2 with the
    generated rules."""
    dist = releases["second"].resolve()
    with nginx_serving(dist, tmp_path) if server == "nginx" else apache_serving(dist) as url:
        for path in (f"/id/brief/{X}", f"/doc/brief/{X}", f"/doc/brief/{X}.ttl"):
            with pytest.raises(urllib.error.HTTPError) as gone:
                urllib.request.urlopen(f"{url}{path}", timeout=30)
            assert gone.value.code == 410, path
            body = gone.value.read().decode("utf-8")
            assert REASON in body and "2019-07-01" in body
        with urllib.request.urlopen(f"{url}/doc/brief/{Y}", timeout=30) as live:
            assert live.status == 200
