"""data/*.csv, datapackage.json (Frictionless Data Package v2) and csv-metadata.json (CSVW).

The rows come from the graph's N-Triples (opendata/outputs/table_rows.py): the shared records at once,
then letter by letter into one open CSV file per table, so memory does not grow with the letters.
CSV: UTF-8 without BOM, comma, `"` quoting where needed, `\\n` line ends, a header row; rows
sorted by key (tables of a letter's parts: by letter, then key). Text cells are neutralised
against formula injection by opendata/outputs/csv_cells.py. Validation of the whole package with
frictionless is left to the tests and to `frictionless validate dist/datapackage.json`.
"""

from __future__ import annotations

import json
import re
from contextlib import ExitStack
from pathlib import Path

from opendata.build.letter_unit import LetterGraph
from opendata.build.publication import Publication
from opendata.model.model import Model
from opendata.model.tables import DATA_DIR, Table, table_schemas, tables
from opendata.outputs.csv_cells import needs_quotes, protect
from opendata.outputs.csvw import csvw_metadata
from opendata.outputs.distributions import CSVW, DATA_PACKAGE, FileKind
from opendata.outputs.output import Output
from opendata.outputs.table_rows import Cells, TableRows, read_resources
from opendata.sources.config import LICENCES

NAME = "tables"
PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


def _letter_part(table: Table) -> bool:
    """Whether the table's rows come from the letters (a letter, its signatures, its positions, the
    sources of their facts)."""
    return table.cls.name in ("Letter", "Source") or table.cls.inline


def _shared_part(table: Table) -> bool:
    """Whether the shared records have rows in the table (all but the letters' own; the sources of facts)."""
    return not _letter_part(table) or table.cls.name == "Source"


def _cell(cell) -> str:
    """A cell of RFC 4180 CSV: quoted when it holds a comma, a quote, CR or LF.

    Python's csv module with a `\\n` terminator leaves a lone carriage return unquoted, which splits
    the row for every reader that takes CR as a line end (spreadsheets, RFC 4180 parsers)."""
    text = "" if cell is None else str(cell)
    return '"' + text.replace('"', '""') + '"' if needs_quotes(text) else text


def csv_lines(rows, texts: list[bool]) -> str:
    """Rows as CSV lines with `\\n` line ends, text cells (`texts`) protected against formulas."""
    lines = []
    for row in rows:
        line = ",".join(_cell(protect(cell) if text else cell) for cell, text in zip(row, texts))
        lines.append((line or '""') + "\n")  # a row of one empty cell is not a blank line
    return "".join(lines)


def text_columns(schemas: dict) -> dict[str, list[bool]]:
    """Per table, which columns hold text (those are protected against formulas)."""
    return {
        name: [f["type"] == "string" for f in schema["schema"]["fields"]] for name, schema in schemas.items()
    }


class CsvTables:
    """One open CSV file per table, with its header; rows are added as CSV text (csv_lines)."""

    def __init__(self, folder: Path, layout: list[Table], stack: ExitStack) -> None:
        folder.mkdir(exist_ok=True)
        self.handles = {}
        for table in layout:
            path = folder / f"{table.name}.csv"
            # the ExitStack closes it: one file per table stays open while the letters stream in
            handle = stack.enter_context(open(path, "w", encoding="utf-8", newline=""))  # noqa: SIM115
            handle.write(csv_lines([[c.name for c in table.columns]], [False] * len(table.columns)))
            self.handles[table.name] = handle

    def write(self, table: Table, lines: str) -> None:
        self.handles[table.name].write(lines)


def letter_tables(
    model: Model, cells: Cells, layout: list[Table], texts: dict[str, list[bool]], nt: str
) -> dict:
    """What one letter adds to the tables: {"csv": {table: its CSV lines}, "sources": the package's
    source entry of the letter}. Made in the worker processes and cached with the letter's unit, so
    that a publish only joins text."""
    letter = TableRows(model, cells, read_resources(nt))
    found: dict = {"csv": {}, "sources": []}
    for table in layout:
        if not _letter_part(table):
            continue
        rows = list(letter.rows(table))
        found["csv"][table.name] = csv_lines(rows, texts[table.name])
        if table.kind == "entity" and table.cls.name == "Letter":
            found["sources"] += [_source(table, row) for row in rows]
    return found


# per process: (base IRI, base URL) -> the cell maker, the tables and their text columns
_CELLS: dict[tuple[str, str], tuple[Cells, list[Table], dict[str, list[bool]]]] = {}


def letter_part(letter: LetterGraph) -> dict:
    """The letter's share of the tables (made in the worker processes, cached with its unit). The
    cell maker's lookups are costly to build, so each process keeps one per base IRI and URL."""
    key = (letter.minter.base_iri, letter.minter.base_url)
    if key not in _CELLS:
        model = letter.model
        _CELLS[key] = (
            Cells(model, letter.minter),
            tables(model),
            text_columns(table_schemas(model)["tables"]),
        )
    cells, layout, texts = _CELLS[key]
    return letter_tables(letter.model, cells, layout, texts, letter.nt)


def _write_rows(publication: Publication, folder: Path, layout: list[Table], schemas: dict) -> list[dict]:
    """Write every table; return the package's sources (one per letter)."""
    cells = Cells(publication.model, publication.minter)
    texts = text_columns(schemas)
    sources = []
    with ExitStack() as stack:
        files = CsvTables(folder, layout, stack)
        shared = TableRows(publication.model, cells, read_resources(publication.shared_nt))
        for table in layout:
            if _shared_part(table):
                files.write(table, csv_lines(shared.rows(table), texts[table.name]))
        for unit in publication.letters:
            part = unit.part(NAME)
            if not (isinstance(part, dict) and "csv" in part):
                part = letter_tables(publication.model, cells, layout, texts, unit.nt)
            for table in layout:
                if _letter_part(table):
                    files.write(table, part["csv"].get(table.name, ""))
            sources += part["sources"]
    return sources


def _source(table: Table, row: list[str]) -> dict:
    """A letter as a source of the package: its title and its text (or its IRI when it has none)."""
    cell = dict(zip((c.name for c in table.columns), row))
    return {"title": cell.get("title") or cell["id"], "path": cell.get("text") or cell["iri"]}


def _contributors(publication: Publication) -> list[dict]:
    config = publication.config
    names = {org.uri: org.name for org in publication.minter.register.by_code.values()}
    roles: dict[str, list[str]] = {}
    for role, iri in (("publisher", config.publisher), ("creator", config.creator)):
        roles.setdefault(iri, []).append(role)
    contributors = []
    for iri, its_roles in roles.items():
        entry = {"title": names.get(iri, iri), "path": iri, "roles": its_roles}
        if "publisher" in its_roles:
            entry["email"] = config.contact["email"]
        contributors.append(entry)
    return contributors


def _resource(table: Table, schema: dict) -> dict:
    return {
        "name": table.name,
        "type": "table",
        "path": f"{DATA_DIR}/{table.name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        **schema,
    }


def data_package(publication: Publication, layout: list[Table], schemas: dict, sources: list[dict]) -> dict:
    """The datapackage.json descriptor; every value from the configuration and the data, none from the clock."""
    config = publication.config
    keywords = list(dict.fromkeys(config.keywords["en"] + config.keywords["nl"]))
    return {
        "$schema": PACKAGE_PROFILE,
        "name": re.sub(r"[^a-z0-9]+", "-", config.title["en"].lower()).strip("-"),
        "id": config.base_url + "datapackage.json",
        "title": config.title["en"],
        "description": config.description["en"],
        "x-nl": {"title": config.title["nl"], "description": config.description["nl"]},
        "version": config.version,
        "created": f"{config.issued}T00:00:00Z",
        "homepage": config.base_url,
        "keywords": keywords,
        "licenses": [
            {"name": config.license_id, "path": config.license, "title": LICENCES[config.license_id].title}
        ],
        "contributors": _contributors(publication),
        "sources": sources,
        "resources": [_resource(table, schemas[table.name]) for table in layout],
    }


def _write_json(path: Path, document: dict) -> None:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write(publication: Publication, out: Path) -> None:
    model = publication.model
    layout = tables(model)
    schemas = table_schemas(model)["tables"]
    sources = _write_rows(publication, out / DATA_DIR, layout, schemas)
    _write_json(out / "datapackage.json", data_package(publication, layout, schemas, sources))
    _write_json(
        out / "csv-metadata.json",
        csvw_metadata(model, publication.minter, publication.config, layout, schemas),
    )


OUTPUT = Output(
    NAME,
    write,
    (
        FileKind(
            "datapackage.json",
            "tabellen",
            "application/json",
            "JSON",
            {"nl": "Datapakket (datapackage.json)", "en": "Data package (datapackage.json)"},
            {
                "nl": "Frictionless datapakket: de tabellen met hun kolommen, typen en sleutels.",
                "en": "Frictionless data package: the tables with their columns, types and keys.",
            },
            (DATA_PACKAGE,),
        ),
        FileKind(
            f"{DATA_DIR}/*.csv",
            "tabellen",
            "text/csv",
            "CSV",
            {"nl": "Tabel {stem} (CSV)", "en": "Table {stem} (CSV)"},
            {
                "nl": "De tabel {stem} als CSV (UTF-8, met kopregel); de kolommen staan in datapackage.json.",
                "en": "The table {stem} as CSV (UTF-8, with a header row); its columns are described in "
                "datapackage.json.",
            },
            ("datapackage.json",),
        ),
        FileKind(
            "csv-metadata.json",
            "tabellen",
            "application/csvm+json",
            "JSON_LD",
            {"nl": "CSVW-metadata", "en": "CSVW metadata"},
            {
                "nl": "CSV on the Web-metadata: hoe de tabellen als RDF te lezen zijn.",
                "en": "CSV on the Web metadata: how to read the tables as RDF.",
            },
            (CSVW,),
        ),
    ),
    letter_part,
)
