"""Values that used to break outputs or crash the run: each is refused with file:line:field or carried safely.

Refused (a problem, exit 1): U+2028, U+2029, noncharacters (U+FFFE, U+FFFF, U+FDD0, U+10FFFF), lone
surrogates, C0 controls and U+0085 (the record checks), a 5,000-digit integer, the year 0000.
Carried: right-to-left overrides and zero-width marks (every output still parses), a carriage return
before a formula in a CSV cell (quoted and protected). Never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from rdflib import Graph

from opendata.outputs.csv_cells import protect, unprotect
from opendata.outputs.tables import csv_lines

from .conftest import run_main

BASE = Path(__file__).resolve().parent / "cases" / "_base"
LETTER = "letters/brief-gs.yaml"


def _dataset(tmp_path: Path, title_escape: str | None = None) -> Path:
    datasets = tmp_path / "datasets"
    shutil.copytree(BASE, datasets)
    if title_escape is not None:
        path = datasets / LETTER
        text = re.sub(
            r"^title: .*$",
            lambda m: f'title: "Titel {title_escape} einde"',
            path.read_text(encoding="utf-8"),
            count=1,
            flags=re.M,
        )
        path.write_text(text, encoding="utf-8")
    return datasets


def _json_problems(result) -> list[dict]:
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout)["problems"]


REFUSED = {  # YAML escape in a double-quoted title -> expected code
    "line separator": ("\\u2028", "character-not-allowed"),
    "paragraph separator": ("\\u2029", "character-not-allowed"),
    "U+FFFE": ("\\uFFFE", "character-not-allowed"),
    "U+FFFF": ("\\uFFFF", "character-not-allowed"),
    "U+FDD0": ("\\uFDD0", "character-not-allowed"),
    "plane 16 noncharacter": ("\\U0010FFFF", "character-not-allowed"),
    "next line U+0085": ("\\N", "control-character"),
    "C0 control": ("\\u0001", "control-character"),
    "lone surrogate": ("\\uD800", "yaml-syntax"),
}


@pytest.mark.parametrize("variant", sorted(REFUSED))
@pytest.mark.parametrize("command", ["validate", "publish"])
def test_refused_characters_give_a_problem_with_file_line_and_field(tmp_path, variant, command):
    escape, code = REFUSED[variant]
    datasets = _dataset(tmp_path, escape)
    args = ["--out", str(tmp_path / "dist")] if command == "publish" else []
    result = run_main(command, "--datasets", str(datasets), "--no-cache", "--format", "json", *args)
    assert result.returncode == 1, result.stdout + result.stderr
    problems = _json_problems(result)
    found = [p for p in problems if p["code"] == code]
    assert found and found[0]["location"]["path"] == LETTER and found[0]["location"]["line"] == 3, problems
    if code != "yaml-syntax":
        assert found[0]["field"] == "title"


def _parse_every_output(out: Path) -> None:
    Graph().parse(out / "graph.nt", format="nt")
    Graph().parse(out / "graph.ttl", format="turtle")
    Graph().parse(out / "catalog.rdf", format="xml")
    Graph().parse(out / "catalog.ttl", format="turtle")
    json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    for table in (out / "data").glob("*.csv"):
        with open(table, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert len({len(row) for row in rows}) == 1, table  # no row broken apart


@pytest.mark.parametrize(
    "escape", ["\\u202E", "\\u200B", "\\u2066x\\u2069", "\\t=1+2", "\\r=cmd|' /C calc'!A0"]
)
def test_carried_characters_keep_every_output_parseable(tmp_path, escape):
    datasets = _dataset(tmp_path, escape)
    out = tmp_path / "dist"
    result = run_main("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    _parse_every_output(out)


def test_a_carriage_return_formula_is_quoted_and_protected(tmp_path):
    datasets = _dataset(tmp_path)
    path = datasets / LETTER
    path.write_text(
        re.sub(
            r"^title: .*$",
            lambda m: 'title: "\\r=cmd|x"',
            path.read_text(encoding="utf-8"),
            count=1,
            flags=re.M,
        ),
        encoding="utf-8",
    )
    out = tmp_path / "dist"
    assert run_main("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache").returncode == 0
    raw = (out / "data" / "letters.csv").read_bytes()
    assert b'"\'\r=cmd|x"' in raw  # quoted (it holds CR) and marked (a formula)
    with open(out / "data" / "letters.csv", encoding="utf-8", newline="") as handle:
        titles = [row["title"] for row in csv.DictReader(handle)]
    assert "'\r=cmd|x" in titles and unprotect("'\r=cmd|x") == "\r=cmd|x"


@pytest.mark.parametrize(
    "value",
    [
        "\r=cmd",
        " =cmd",
        "\n=1+1",
        "\u00a0@SUM(A1)",
        "\uff1dcmd",
        "\u200b-2+3",
        "'=x",
        "''",
        "' =x",
        "plain",
        "",
        "'plain",
        "a\rb",
    ],
)
def test_formula_protection_after_normalising_round_trips(value):
    cell = protect(value)
    assert unprotect(cell) == value
    visible = cell.lstrip(" \u00a0\n\r\t\u200b")
    assert cell.startswith("'") or not (visible[:1] and visible[:1] in "=+-@\uff1d")


@pytest.mark.parametrize("row", [["a\rb", "x"], ["c\nd"], ['e"f', "1"], ["g,h"], [""], ["\r\n", "\r"]])
def test_every_cell_with_cr_lf_quote_or_comma_is_quoted(row):
    text = csv_lines([row], [False] * len(row))
    assert list(csv.reader(io.StringIO(text, newline=""))) == [row]
    for cell in row:
        if any(c in cell for c in '\r\n",'):
            assert '"' + cell.replace('"', '""') + '"' in text


# ------------------------------------------------------------------ tracebacks that became problems (item 10)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKS = {  # name -> (edit, expected code, file)
    "5,000-digit integer": (
        lambda d: (d / LETTER).write_text(
            (d / LETTER).read_text(encoding="utf-8") + "page_count: " + "9" * 5000 + "\n", encoding="utf-8"
        ),
        "number-too-long",
        LETTER,
    ),
    "keys 1: and foo: together": (
        lambda d: (d / LETTER).write_text(
            (d / LETTER).read_text(encoding="utf-8") + "1: x\nfoo: y\n", encoding="utf-8"
        ),
        "unknown-field",
        LETTER,
    ),
    "base_iri with #": (
        lambda d: _edit(
            d / "publication.yaml",
            "base_iri: https://data.example.org/id/",
            "base_iri: https://data.example.org/id#x/",
        ),
        "config-invalid",
        "publication.yaml",
    ),
    "base_iri with %zz": (
        lambda d: _edit(
            d / "publication.yaml",
            "base_iri: https://data.example.org/id/",
            "base_iri: https://data.example.org/%zz/",
        ),
        "config-invalid",
        "publication.yaml",
    ),
    "base_iri with a bad port": (
        lambda d: _edit(
            d / "publication.yaml",
            "base_iri: https://data.example.org/id/",
            "base_iri: https://data.example.org:99999/id/",
        ),
        "config-invalid",
        "publication.yaml",
    ),
    "base_url with a query": (
        lambda d: _edit(
            d / "publication.yaml",
            "base_url: https://data.example.org/publicatie/",
            "base_url: https://data.example.org/p/?q=1/",
        ),
        "config-invalid",
        "publication.yaml",
    ),
    "base_url with a fragment": (
        lambda d: _edit(
            d / "publication.yaml",
            "base_url: https://data.example.org/publicatie/",
            "base_url: https://data.example.org/p/#f/",
        ),
        "config-invalid",
        "publication.yaml",
    ),
    "year 0000": (lambda d: _edit(d / LETTER, "date_received: 2019", "date_received: 0000"), None, LETTER),
}


@pytest.mark.parametrize("variant", sorted(BREAKS))
def test_inputs_that_crashed_give_problems(tmp_path, variant):
    edit, code, path = BREAKS[variant]
    datasets = _dataset(tmp_path)
    edit(datasets)
    result = run_main("validate", "--datasets", str(datasets), "--no-cache", "--format", "json")
    assert result.returncode in (1, 2), result.stdout + result.stderr
    problems = _json_problems(result)
    assert any((code is None or p["code"] == code) and p["location"]["path"] == path for p in problems), (
        problems
    )


def test_a_letters_subfolder_is_warned_about(tmp_path):
    datasets = _dataset(tmp_path)
    (datasets / "letters" / "sub").mkdir()
    shutil.copy(datasets / LETTER, datasets / "letters" / "sub" / "x.yaml")
    result = run_main("validate", "--datasets", str(datasets), "--no-cache", "--format", "json")
    assert result.returncode == 0
    assert any(
        p["code"] == "unknown-file" and p["location"]["path"] == "letters/sub" for p in _json_problems(result)
    )


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong table"])
def test_a_corrupt_cache_is_rebuilt_with_a_warning(tmp_path, damage):
    datasets, cache = _dataset(tmp_path), tmp_path / "cache"
    assert run_main("validate", "--datasets", str(datasets), "--cache", str(cache)).returncode == 0
    database = cache / "units.sqlite"
    if damage == "garbage":
        database.write_bytes(b"not a database at all" * 100)
    elif damage == "truncated":
        database.write_bytes(database.read_bytes()[:1000])
    else:
        db = sqlite3.connect(database)
        db.execute("DROP TABLE files")
        db.execute("CREATE TABLE files (path TEXT PRIMARY KEY)")
        db.commit()
        db.close()  # the last connection checkpoints the write-ahead log into the file
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)

    def publish():
        return run_main(
            "publish",
            "--datasets",
            str(datasets),
            "--cache",
            str(cache),
            "--out",
            str(tmp_path / "dist"),
            "--format",
            "json",
        )

    result = publish()
    assert result.returncode == 0, result.stdout + result.stderr
    assert any(p["code"] == "cache-rebuilt" for p in _json_problems(result))
    again = publish()
    assert again.returncode == 0 and not any(p["code"] == "cache-rebuilt" for p in _json_problems(again))


@pytest.mark.parametrize("blocked", ["a file in its place", "its lock a folder"])
def test_a_cache_that_cannot_be_used_is_warned_about_and_the_build_goes_on(tmp_path, blocked):
    datasets, cache = _dataset(tmp_path), tmp_path / "cache"
    if blocked == "a file in its place":
        cache.write_text("not a folder", encoding="utf-8")
    else:
        (cache / "units.lock").mkdir(parents=True)
    for command in ("validate", "publish"):
        out = ("--out", str(tmp_path / "dist")) if command == "publish" else ()
        result = run_main(
            command, "--datasets", str(datasets), "--cache", str(cache), *out, "--format", "json"
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert [p["code"] for p in _json_problems(result) if p["code"].startswith("cache")] == [
            "cache-unusable"
        ]
