"""A small CSVW-to-RDF converter (W3C "Generating RDF from Tabular Data on the Web", minimal mode)
for the tests: no maintained Python CSVW library that converts to RDF is installed.

It covers what csv-metadata.json uses: per-column or inherited aboutUrl / propertyUrl / valueUrl as
RFC 6570 templates with simple `{x}` and reserved `{+x}` expansion, datatype (string, date,
integer, boolean, anyURI), required, suppressOutput, virtual columns, null = "" (the default).
As the spec says, a non-virtual column whose cell is null yields no triple; a virtual one always does.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from urllib.parse import quote, urljoin

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

INHERITED = ("aboutUrl", "propertyUrl", "valueUrl", "datatype", "null", "required")
DATATYPES = {
    "string": None,
    "date": XSD.date,
    "integer": XSD.integer,
    "boolean": XSD.boolean,
    "anyURI": XSD.anyURI,
}
UNRESERVED = "-._~"
RESERVED = ":/?#[]@!$&'()*+,;="
_EXPRESSION = re.compile(r"\{(\+?)([A-Za-z0-9_%.]+)\}")


def expand(template: str, variables: dict[str, str | None]) -> str:
    """RFC 6570 level 2: `{var}` percent-encodes all but unreserved characters, `{+var}` keeps reserved ones."""

    def replace(match: re.Match) -> str:
        value = variables.get(match.group(2))
        if value is None:
            return ""
        safe = UNRESERVED + (RESERVED + "%" if match.group(1) else "")
        return quote(value, safe=safe)

    return _EXPRESSION.sub(replace, template)


def _literal(value: str, datatype: str | None) -> Literal:
    iri = DATATYPES[datatype or "string"]
    return Literal(value) if iri is None else Literal(value, datatype=iri)


def table_triples(metadata_url: str, table: dict, folder: Path) -> set[tuple]:
    schema = table["tableSchema"]
    table_url = urljoin(metadata_url, table["url"])
    triples = set()
    with open(folder / table["url"], encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        titles = [c["titles"] for c in schema["columns"] if not c.get("virtual")]
        assert header == titles, f"{table['url']}: header {header} does not match the column titles {titles}"
        columns = [{**{k: schema[k] for k in INHERITED if k in schema}, **c} for c in schema["columns"]]
        for row in reader:
            cells = {
                c["name"]: (None if value == c.get("null", "") else value) for c, value in zip(columns, row)
            }
            for column in columns:
                triple = _cell_triple(column, cells, table_url)
                if triple is not None:
                    triples.add(triple)
    return triples


def _cell_triple(column: dict, cells: dict, table_url: str) -> tuple | None:
    if column.get("suppressOutput"):
        return None
    value = cells.get(column["name"])
    if value is None and not column.get("virtual"):
        return None
    subject = URIRef(urljoin(table_url, expand(column["aboutUrl"], cells)))
    predicate = URIRef(urljoin(table_url, expand(column["propertyUrl"], cells)))
    if "valueUrl" in column:
        return subject, predicate, URIRef(urljoin(table_url, expand(column["valueUrl"], cells)))
    return subject, predicate, _literal(value, column.get("datatype"))


def csvw_triples(metadata_path: Path, base_url: str) -> set[tuple]:
    """Every triple that the CSVW metadata's tables give, as rdflib terms."""
    metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    metadata_url = urljoin(base_url, metadata_path.name)
    triples = set()
    for table in metadata["tables"]:
        triples |= table_triples(metadata_url, table, metadata_path.parent)
    return triples
