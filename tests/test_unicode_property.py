"""Property: arbitrary Unicode in any field gives a publication every reference parser reads, or problems.

Hypothesis writes a value (line and paragraph separators, noncharacters, lone surrogates escaped in YAML,
control characters, right-to-left overrides, markup, quotes) into one field of the minimal dataset of
tests/cases/ — a text, a name, a reference number, a key, a date, a configuration title, a letter's text
file — and publishes in-process. The outcome is exit 0, or exit 1/2 with problems; never an exception.
After exit 0 every output parses with its reference parser: rdflib (N-Triples, Turtle, RDF/XML), pyld
(JSON-LD), `csv` (every row as wide as its header), an XML parser (SPARQL XML results).
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyld import jsonld
from rdflib import Graph

from opendata.publish import pipeline
from opendata.query import store as query

BASE = Path(__file__).resolve().parent / "cases" / "_base"
SPECIAL = [
    "\u2028",
    "\u2029",
    "\u0085",
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "\ufdd0",
    "\ud800",
    "\udfff",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\u00ad",
    "\x00",
    "\x01",
    "\x1b",
    "\x7f",
    "\r",
    "\n",
    "\t",
    "'",
    '"',
    "\\",
    "=",
    "+",
    "@",
    "<",
    ">",
    "&",
    "]]>",
    "#",
    "%zz",
    "é",
    "e\u0301",
    "\U0001f600",
    " ",
    "-",
]
VALUES = st.lists(st.one_of(st.sampled_from(SPECIAL), st.characters()), min_size=1, max_size=10).map("".join)


def _yaml_quoted(value: str) -> str:
    """The value as a YAML double-quoted scalar, every character outside printable ASCII escaped."""
    out = []
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02X}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04X}")
        else:
            out.append(f"\\U{code:08X}")
    return '"' + "".join(out) + '"'


def _set_line(path: Path, pattern: str, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    new = re.sub(pattern, lambda m: line, text, count=1, flags=re.M)
    assert new != text or line in text, (path, pattern)
    path.write_text(new, encoding="utf-8")


def _letter_text(datasets: Path, value: str) -> None:
    path = datasets / "letters" / "reactie-leiden.txt"
    path.write_bytes(path.read_bytes() + value.encode("utf-8", "surrogatepass"))


FIELDS = {  # where the value goes: (file, line pattern, line with {v}) or a function
    "letter title": ("letters/brief-gs.yaml", r"^title: .*$", "title: {v}"),
    "letter reference": ("letters/brief-gs.yaml", r"^our_reference: .*$", "our_reference: {v}"),
    "letter date": ("letters/brief-gs.yaml", r"^date_sent: .*$", "date_sent: {v}"),
    "organisation name": (
        "organisations.yaml",
        r"^  name: Gedeputeerde Staten van Zuid-Holland$",
        "  name: {v}",
    ),
    "person name": ("people.yaml", r"^  name: J\. Baljeu$", "  name: {v}"),
    "theme key": ("themes.yaml", r"^- id: samenwerking$", "- id: {v}"),
    "dossier number": ("themes.yaml", r"^  number: .*$", "  number: {v}"),
    "config title": ("publication.yaml", r"^  nl: Testcorrespondentie$", "  nl: {v}"),
    "config keyword": ("publication.yaml", r"^  nl: \[test\]$", "  nl: [{v}]"),
    "letter text file": _letter_text,
}


def _put(datasets: Path, field: str, value: str) -> None:
    target = FIELDS[field]
    if callable(target):
        target(datasets, value)
    else:
        relative, pattern, line = target
        _set_line(datasets / relative, pattern, line.format(v=_yaml_quoted(value)))


def _parse_outputs(out: Path) -> None:
    Graph().parse(out / "graph.nt", format="nt")
    Graph().parse(out / "graph.ttl", format="turtle")
    Graph().parse(out / "catalog.rdf", format="xml")
    Graph().parse(out / "void.ttl", format="turtle")
    document = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    context = json.loads((out / "context.jsonld").read_text(encoding="utf-8"))
    document["@context"] = context["@context"]  # the published context, not its URL (no network)
    jsonld.expand(document)
    for table in sorted((out / "data").glob("*.csv")):
        with open(table, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert len({len(row) for row in rows}) == 1, table
    store = query.load_store(out)
    result = query.run(store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    ElementTree.fromstring(query.serialize(result, "xml"))


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(field=st.sampled_from(sorted(FIELDS)), value=VALUES)
def test_any_unicode_in_any_field_publishes_parseable_outputs_or_problems(tmp_path_factory, field, value):
    root = tmp_path_factory.mktemp("unicode")
    datasets = root / "datasets"
    shutil.copytree(BASE, datasets)
    _put(datasets, field, value)
    outcome = pipeline.publish(datasets, root / "dist")
    assert outcome.exit_code in (0, 1, 2)
    if outcome.exit_code:
        assert outcome.problems, (field, value)
        return
    _parse_outputs(root / "dist")
