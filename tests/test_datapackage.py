"""Issue 4: the graph as a Frictionless Data Package of keyed, typed, documented tables."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import frictionless
import pandas as pd
import pytest
import yaml
from rdflib import Graph

from opendata.model.model import GENERATED_DIR, load_model
from opendata.model.tables import tables
from opendata.outputs.csv_cells import protect, unprotect

from .conftest import DATASETS, ROOT, run_main

README = ROOT / "README.md"


@pytest.fixture(scope="module")
def package(published) -> dict:
    return json.loads((published / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graph(published) -> Graph:
    return Graph().parse(published / "graph.nt", format="nt")


@pytest.fixture(scope="module")
def frames(published) -> dict[str, pd.DataFrame]:
    """Every table, loaded by the three lines of the README (run from the folder holding dist/)."""
    block = re.search(
        r"## Tables for researchers.*?```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S
    )
    code = block.group(1)
    assert len(code.strip().splitlines()) == 3
    namespace: dict = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(published.parent)
        exec(compile(code, "README.md", "exec"), namespace)
    return namespace["tables"]


def _errors(report) -> set[tuple[str, str, str]]:
    """(resource, error type, field) of every error in a frictionless report."""
    return {
        (task.name, error.type, getattr(error, "field_name", ""))
        for task in report.tasks
        for error in task.errors
    } | {("", error.type, "") for error in report.errors}


# ---------------------------------------------------------------- frictionless validation


def test_published_package_is_valid(published):
    report = frictionless.validate(published / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == len(tables(load_model())) >= 20


def test_frictionless_command_line_validates_the_package(published):
    command = Path(sys.executable).parent / "frictionless"
    result = subprocess.run(
        [str(command), "validate", str(published / "datapackage.json")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "INVALID" not in result.stdout


def _package_copy(published: Path, target: Path) -> Path:
    target.mkdir()
    shutil.copy(published / "datapackage.json", target)
    shutil.copytree(published / "data", target / "data")
    return target / "datapackage.json"


def _edit(path: Path, change) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _set(row_number: int, column: str, value: str):
    def change(rows):
        rows[row_number][rows[0].index(column)] = value

    return change


def _copy_key(column: str):
    def change(rows):
        rows[2][rows[0].index(column)] = rows[1][rows[0].index(column)]

    return change


@pytest.mark.parametrize(
    ("table", "change", "expected"),
    [
        ("letters_addressees", _set(1, "addressees", "gm9999"), ("letters_addressees", "foreign-key", "")),
        ("signatories", _set(1, "letter", "no-such-letter"), ("signatories", "foreign-key", "")),
        ("letters", _set(1, "date_received", "24 januari 2019"), ("letters", "type-error", "date_received")),
        ("positions_evidence", _set(1, "start", "628.5"), ("positions_evidence", "type-error", "start")),
        ("memberships", _copy_key("id"), ("memberships", "primary-key", "")),
        ("letters_themes", lambda rows: rows.append(rows[1]), ("letters_themes", "primary-key", "")),
    ],
    ids=[
        "foreign-key",
        "foreign-key-owner",
        "type-date",
        "type-integer",
        "primary-key",
        "primary-key-composite",
    ],
)
def test_frictionless_reports_a_corrupted_copy(published, tmp_path, table, change, expected):
    descriptor = _package_copy(published, tmp_path / "package")
    _edit(descriptor.parent / "data" / f"{table}.csv", change)
    report = frictionless.validate(descriptor)
    assert not report.valid
    assert expected in _errors(report), _errors(report)


# ---------------------------------------------------------------- pandas and the graph


def test_pandas_loads_every_table_with_the_schema_types(package, frames):
    assert set(frames) == {r["name"] for r in package["resources"]}
    for resource in package["resources"]:
        frame = frames[resource["name"]]
        assert list(frame.columns) == [f["name"] for f in resource["schema"]["fields"]], resource["name"]
        for f in resource["schema"]["fields"]:
            column = frame[f["name"]]
            where = f"{resource['name']}.{f['name']}"
            if f["type"] == "date":
                assert pd.api.types.is_datetime64_any_dtype(column), where
            elif f["type"] == "integer":
                assert pd.api.types.is_integer_dtype(column) or column.isna().all(), where
            elif column.notna().any():
                assert pd.api.types.is_string_dtype(column), where
    letters = frames["letters"].set_index("id")
    assert letters.loc[
        "gs-zuid-holland-2019-01-24-samenwerking-leidse-regio", "date_received"
    ] == pd.Timestamp("2019-01-24")
    assert letters.loc["reactie-leidse-regio-2019-06-11", "date_sent"] == pd.Timestamp("2019-06-11")
    assert pd.isna(letters.loc["raadsinformatiebrief-2019-samenwerking-leidse-regio", "date_sent"])
    assert frames["positions_evidence"]["start"].dtype == "Int64"
    assert frames["organisations"].set_index("id").loc["gm0546", "cbs_code"] == "0546"


def _count(graph: Graph, query: str) -> int:
    return int(next(iter(graph.query(query)))[0])


def test_row_counts_equal_the_entities_and_relationships_in_the_graph(frames, graph):
    model = load_model()
    checked = 0
    for table in tables(model):
        owner_type = model.expand(table.cls.uri)
        if table.kind == "entity":
            query = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{owner_type}> }}"
            iris = {str(s) for (s,) in graph.query(f"SELECT ?s WHERE {{ ?s a <{owner_type}> }}")}
            assert set(frames[table.name]["iri"]) == iris, table.name
        elif table.kind == "dependent":
            query = f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?s a <{owner_type}> ; <{model.expand(table.hop.property)}> ?d }}"
        elif table.kind == "relationship":
            query = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a <{owner_type}> ; <{model.expand(table.field.uri)}> ?o }}"
        else:
            query = (
                f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a <{owner_type}>, ?t FILTER(?t != <{owner_type}>) }}"
            )
        count = _count(graph, query)
        assert len(frames[table.name]) == count, (table.name, len(frames[table.name]), count)
        checked += count > 0
    assert checked >= 20  # almost every table has rows in the seed


def test_seed_tables_hold_what_the_letters_say(frames):
    assert len(frames["letters"]) == 3
    assert {"gm0546", "gm0547", "gm0579", "gm0626", "gm0638", "pv28", "so0507"} <= set(
        frames["organisations"]["id"]
    )
    leiden = frames["organisations"].set_index("id").loc["gm0546"]
    assert (leiden["iri"], leiden["kind"], leiden["cbs_code"]) == (
        "https://identifier.overheid.nl/tooi/id/gemeente/gm0546",
        "gemeente",
        "0546",
    )
    signed = frames["signatories"].set_index("id").loc["reactie-leidse-regio-2019-06-11#ondertekening-1"]
    assert (signed["person"], signed["role"]) == ("e-r-j-burgemeester-oegstgeest", "burgemeester")
    unknown = frames["letters_unknown"]
    assert set(
        unknown[unknown["letter"] == "raadsinformatiebrief-2019-samenwerking-leidse-regio"]["unknown"]
    ) == {"date_sent", "sender", "title"}


def test_letters_table_points_to_the_published_texts(published, frames):
    with_text = frames["letters"].dropna(subset=["text"])
    assert len(with_text) == 2
    for row in with_text.itertuples():
        assert row.text == f"tekst/{row.id}.txt"
        assert (published / row.text).read_text(encoding="utf-8")
    evidence = frames["positions_evidence"]
    for row in evidence.itertuples():
        text = (published / row.source_text).read_text(encoding="utf-8")
        assert text[row.start : row.end] == row.quote, row.id


# ---------------------------------------------------------------- schemas and metadata


def test_table_schemas_are_the_generated_ones_from_the_model(package):
    generated = json.loads((GENERATED_DIR / "tables.json").read_text(encoding="utf-8"))["tables"]
    assert [r["name"] for r in package["resources"]] == list(generated)
    for resource in package["resources"]:
        assert resource["schema"] == generated[resource["name"]]["schema"]
        assert resource["path"] == f"data/{resource['name']}.csv"


def test_every_published_model_field_is_a_column_with_its_rdf_term(package):
    model = load_model()
    columns = {(r["name"], f["name"]): f for r in package["resources"] for f in r["schema"]["fields"]}
    for cls in model.classes.values():
        if not cls.table:
            continue
        for f in cls.field_list(published_only=True):
            if (
                f.name == "id"
                or f.range == "sources"
                or (model.is_class(f.range) and model.classes[f.range].inline)
            ):
                continue  # (a record's sources are rows of the sources table)
            found = [
                column
                for (table, name), column in columns.items()
                if name == f.name and table.startswith(cls.table) and "x-rdf-property" in column
            ]
            assert found, (cls.name, f.name)
            assert all(c["x-rdf-property"] == model.expand(f.uri) for c in found), (cls.name, f.name)
    private = [f.name for cls in model.classes.values() for f in cls.field_list() if f.private]
    assert private and not any(name in private for (_, name) in columns)


def test_constraints_from_the_model(package):
    schemas = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in package["resources"]}
    organisations = schemas["organisations"]
    assert "gemeente" in organisations["kind"]["constraints"]["enum"]
    assert re.fullmatch(organisations["code"]["constraints"]["pattern"], "gm0546")
    assert not re.fullmatch(organisations["code"]["constraints"]["pattern"], "gm546")
    assert schemas["letters"]["date_sent"]["type"] == "date"
    assert "required" not in schemas["letters"].get("sender", {}).get(
        "constraints", {}
    )  # may be declared unknown
    assert schemas["letters"]["iri"]["constraints"] == {"required": True, "unique": True}
    resources = {r["name"]: r["schema"] for r in package["resources"]}
    assert {"fields": ["sender"], "reference": {"resource": "organisations", "fields": ["id"]}} in resources[
        "letters"
    ]["foreignKeys"]
    assert {"fields": ["part_of"], "reference": {"fields": ["id"]}} in resources["organisations"][
        "foreignKeys"
    ]
    assert resources["letters_addressees"]["primaryKey"] == ["letter", "addressees"]


def test_every_table_and_field_has_titles_and_descriptions_in_dutch_and_english(package):
    for resource in package["resources"]:
        items = [resource] + resource["schema"]["fields"]
        for item in items:
            where = (resource["name"], item.get("name"))
            assert item["title"] and item["description"], where
            assert item["x-nl"]["title"] and item["x-nl"]["description"], where
        assert "'" in resource["description"] and "formula" in resource["description"]


def test_package_metadata_comes_from_the_configuration_and_the_data(package, frames):
    config = yaml.safe_load((DATASETS / "publication.yaml").read_text(encoding="utf-8"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert package["name"] == "leidse-regio-correspondence-2019"
    assert package["title"] == config["title"]["en"] and package["x-nl"]["title"] == config["title"]["nl"]
    assert package["description"] == config["description"]["en"]
    assert package["version"] == config["version"]
    assert package["created"] == f"{config['issued']}T00:00:00Z"
    assert package["homepage"] == config["base_url"]
    assert set(config["keywords"]["en"]) | set(config["keywords"]["nl"]) == set(package["keywords"])
    assert package["licenses"] == [
        {
            "name": "CC0-1.0",
            "path": "http://creativecommons.org/publicdomain/zero/1.0/",
            "title": "Creative Commons Zero v1.0 Universal",
        }
    ]
    assert package["contributors"] == [
        {
            "title": "gemeente Leiden",
            "path": "https://identifier.overheid.nl/tooi/id/gemeente/gm0546",
            "roles": ["publisher", "creator"],
            "email": config["contact"]["email"],
        }
    ]
    titles = {s["title"]: s["path"] for s in package["sources"]}
    assert titles == {
        (row.title if isinstance(row.title, str) else row.id): (
            row.text if isinstance(row.text, str) else row.iri
        )
        for row in frames["letters"].itertuples()
    }  # a letter without a title: its key


# ---------------------------------------------------------------- cells, redaction


@pytest.mark.parametrize(
    "value",
    [
        "=SUM(A1)",
        "+31 71",
        "-5",
        "@user",
        "\tx",
        "\rx",
        "'=x",
        "''",
        "''=x",
        "'",
        "'quoted'",
        "",
        "plain",
        "a=b",
        "'-",
        "\n=x",
    ],
)
def test_formula_protection_round_trips(value):
    cell = protect(value)
    assert unprotect(cell) == value
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_formula_cells_and_redacted_people_in_a_publication(datasets_copy, tmp_path):
    people = datasets_copy / "people.yaml"
    text = people.read_text(encoding="utf-8")
    text = text.replace(
        "- id: a-r-de-graaf\n  name: A. R. de Graaf\n",
        "- id: a-r-de-graaf\n  name: A. R. de Graaf\n  public: false\n",
    )
    people.write_text(text, encoding="utf-8")
    themes = datasets_copy / "themes.yaml"
    themes.write_text(
        themes.read_text(encoding="utf-8").replace(
            "  note: Wet maatschappelijke ondersteuning; in de brief als 'Wmo'.",
            "  note: '=HYPERLINK(\"http://example.org\")'",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "dist"
    result = run_main("publish", "--datasets", str(datasets_copy), "--out", str(out))
    assert result.returncode == 0, result.stderr
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = {
        name: list(
            csv.DictReader(
                io.StringIO((out / "data" / f"{name}.csv").read_text(encoding="utf-8"), newline="")
            )
        )
        for name in ("themes", "people", "signatories", "posts")
    }
    wmo = next(r for r in rows["themes"] if r["id"] == "wmo")
    assert wmo["note"] == '\'=HYPERLINK("http://example.org")'
    assert unprotect(wmo["note"]) == '=HYPERLINK("http://example.org")'
    redacted = "https://w3id.org/opendata-nl/def#redacted"
    assert {r["id"]: r["iri"] for r in rows["people"]}.get("redacted") == redacted
    assert "a-r-de-graaf" not in {r["id"] for r in rows["people"]}
    signer = next(r for r in rows["signatories"] if r["role"] == "gemeentesecretaris")
    assert (signer["person"], signer["person_iri"]) == ("redacted", redacted)
    post = next(r for r in rows["posts"] if r["id"] == "gemeentesecretaris-afzender-raadsinformatiebrief")
    assert post["held_by"] == "redacted"
