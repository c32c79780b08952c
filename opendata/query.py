"""SPARQL over a publication: load dist/graph.nt into an embedded pyoxigraph store, run, format results.

The one place that knows how a query is read, run and written out; `opendata query`, the endpoint's
workers and the tests all use it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

GRAPH_FILE = "graph.nt"

# Standard SPARQL results formats (SELECT, ASK) and RDF formats (CONSTRUCT, DESCRIBE) by CLI name.
RESULTS_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
FORMATS = ("table", *RESULTS_FORMATS, *GRAPH_FORMATS)

_SYNTAX_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_PREFIX = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>\s]*)>", re.IGNORECASE)
_TURTLE_PREFIX = re.compile(r"@prefix\s+([A-Za-z][\w.-]*)?:\s*<([^>\s]*)>\s*\.")
_LONG_STRINGS = r"'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\""
_SHORT_STRINGS = r"'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\""
_LEXEMES = re.compile(
    rf"(?P<string>{_LONG_STRINGS}|{_SHORT_STRINGS})"
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<comment>#[^\n\r]*)"
)
_PROLOGUE = re.compile(r"^\s*((BASE\s*<[^>]*>|PREFIX\s+[\w.-]*:\s*<[^>]*>)\s*)*", re.IGNORECASE)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:-])", re.IGNORECASE)
_UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


class QuerySyntaxError(Exception):
    """A query the SPARQL parser rejects, with the 1-based line and column it names."""

    def __init__(self, message: str, line: int | None, column: int | None, text: str):
        super().__init__(message)
        self.message, self.line, self.column, self.text = message, line, column, text

    def located(self, source: str) -> str:
        """`source:line:col: message`, then the offending line with a caret under the column."""
        if self.line is None:
            return f"{source}: SPARQL syntax error: {self.message}"
        lines = self.text.splitlines() or [""]
        shown = lines[min(self.line, len(lines)) - 1]
        caret = " " * (max(self.column or 1, 1) - 1) + "^"
        return f"{source}:{self.line}:{self.column}: SPARQL syntax error: {self.message}\n    {shown}\n    {caret}"


class QueryRefused(Exception):
    """A query this tool will not run: SERVICE would reach out over the network."""


class PublicationMissing(Exception):
    """The folder holds no published graph."""


@dataclass(frozen=True)
class QueryText:
    text: str
    source: str  # a file name, or "<query>" for inline text


def load_store(dist: Path) -> ox.Store:
    """An in-memory store holding the publication's graph (dist/graph.nt)."""
    graph = Path(dist) / GRAPH_FILE
    if not graph.is_file():
        raise PublicationMissing(f"{dist}: no {GRAPH_FILE} here; run `opendata publish` first or give --dist DIR")
    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.N_TRIPLES)
    return store


def read_query(argument: str, dist: Path | None = None) -> QueryText:
    """A query from a .rq file, the name of an example query in dist/queries/, `-` for stdin, or inline text."""
    if argument == "-":
        return QueryText(sys.stdin.read(), "<stdin>")
    if _looks_like_path(argument) and Path(argument).is_file():
        return QueryText(Path(argument).read_text(encoding="utf-8"), argument)
    if dist is not None and re.fullmatch(r"[\w.-]+", argument):
        example = Path(dist) / "queries" / f"{argument.removesuffix('.rq')}.rq"
        if example.is_file():
            return QueryText(example.read_text(encoding="utf-8"), str(example))
    if argument.endswith(".rq"):
        raise FileNotFoundError(f"{argument}: no such query file")
    return QueryText(argument, "<query>")


def _looks_like_path(argument: str) -> bool:
    return "\n" not in argument and "{" not in argument and len(argument.encode("utf-8")) < 4096


def run(store: ox.Store, text: str, *, default_graph=None, named_graphs=None):
    """Evaluate a SPARQL query: QuerySolutions (SELECT), QueryBoolean (ASK) or QueryTriples (CONSTRUCT/DESCRIBE)."""
    if uses_service(text):
        raise QueryRefused("SERVICE (a federated query) is refused: queries here never reach out over the network")
    options = {}
    if default_graph is not None:
        options["default_graph"] = default_graph
    if named_graphs is not None:
        options["named_graphs"] = named_graphs
    try:
        return store.query(text, **options)
    except SyntaxError as exc:
        raise _syntax_error(str(exc), text) from None


def _syntax_error(message: str, text: str) -> QuerySyntaxError:
    """pyoxigraph's message, at the earliest point where it or rdflib's parser could not go on.

    pyoxigraph's PEG parser often reports the end of the input as the error position; rdflib's
    parser names the start of the construct that failed. The earlier of the two is on the right line.
    """
    found = _SYNTAX_ERROR.match(message)
    if not found:
        return QuerySyntaxError(message, None, None, text)
    position = min((int(found[1]), int(found[2])), _rdflib_error_position(text) or (10**9, 0))
    return QuerySyntaxError(found[3].strip(), position[0], position[1], text)


def _rdflib_error_position(text: str) -> tuple[int, int] | None:
    """Where rdflib's (pyparsing) SPARQL parser stops, or None when it parses the text or fails otherwise."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(text)
    except Exception as exc:  # pyparsing's ParseException carries lineno and col
        line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
        return (line, column) if isinstance(line, int) and isinstance(column, int) else None
    return None


def code_only(text: str, keep_iris: bool = True) -> str:
    """The query with its comments and string literals blanked out (and its IRIs, unless kept)."""

    def blank(match: re.Match) -> str:
        if match.lastgroup == "iri" and keep_iris:
            return match[0]
        return '""' if match.lastgroup == "string" else " "

    return _LEXEMES.sub(blank, text)


def is_update(text: str) -> bool:
    """True when the text is a SPARQL Update request (its first keyword after the prologue)."""
    body = _PROLOGUE.sub("", code_only(text))
    first = re.match(r"\s*([A-Za-z]+)", body)
    return bool(first) and first[1].upper() in _UPDATE_KEYWORDS


def uses_service(text: str) -> bool:
    """True when the query calls another endpoint (SERVICE): refused, as nothing here goes on the network."""
    return bool(_SERVICE.search(code_only(text, keep_iris=False)))


def prefixes(text: str) -> dict[str, str]:
    """The PREFIX declarations of a query, to write results with the names the researcher chose."""
    return {(name or ""): iri for name, iri in _PREFIX.findall(code_only(text))}


def publication_prefixes(dist: Path) -> dict[str, str]:
    """The prefixes graph.ttl declares (read from its header only), to shorten IRIs in tables."""
    found: dict[str, str] = {}
    turtle = Path(dist) / "graph.ttl"
    if not turtle.is_file():
        return found
    with turtle.open(encoding="utf-8") as lines:
        for line in lines:
            declared = _TURTLE_PREFIX.match(line)
            if not declared:
                break
            found[declared[1] or ""] = declared[2]
    return found


def is_graph(result) -> bool:
    return isinstance(result, ox.QueryTriples)


def serialize(result, fmt: str, query_prefixes: dict[str, str] | None = None) -> bytes:
    """Write a query result in a named format (see FORMATS); ValueError when it does not fit the result."""
    if is_graph(result):
        if fmt == "table":
            fmt = "turtle"
        if fmt not in GRAPH_FORMATS:
            raise ValueError(f"a CONSTRUCT or DESCRIBE result is RDF: use --format {' or '.join(GRAPH_FORMATS)}")
        return ox.serialize(list(result), format=GRAPH_FORMATS[fmt], prefixes=query_prefixes or None)
    if fmt == "table":
        return render_table(result, query_prefixes or {}).encode("utf-8")
    if fmt not in RESULTS_FORMATS:
        raise ValueError(f"a SELECT or ASK result is a table: use --format {' or '.join(('table', *RESULTS_FORMATS))}")
    return result.serialize(format=RESULTS_FORMATS[fmt])


def render_table(result, query_prefixes: dict[str, str]) -> str:
    """A plain-text table for people: IRIs shortened with the query's prefixes, literals by their value."""
    if isinstance(result, ox.QueryBoolean):
        return f"{'yes' if bool(result) else 'no'}\n"
    names = [variable.value for variable in result.variables]
    rows = [[term_text(solution[name], query_prefixes) for name in names] for solution in result]
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(names)]

    def line(cells: list[str]) -> str:
        return " | ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()

    out = [line(names), "-+-".join("-" * width for width in widths), *(line(row) for row in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def term_text(term, query_prefixes: dict[str, str]) -> str:
    """One RDF term as a table cell; an unbound variable is empty, line breaks show as ↵."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return _shorten(term.value, query_prefixes)
    if isinstance(term, ox.Literal):
        text = term.value.replace("\r\n", "↵").replace("\n", "↵")
        return f"{text}@{term.language}" if term.language else text
    return str(term)


def _shorten(iri: str, query_prefixes: dict[str, str]) -> str:
    best = max((ns for ns in query_prefixes.values() if ns and iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    name = next(name for name, ns in query_prefixes.items() if ns == best)
    local = iri[len(best):]
    return f"{name}:{local}" if re.fullmatch(r"[\w.-]*", local) and not local.endswith(".") else f"<{iri}>"


def query_command(argument: str, dist: Path, fmt: str, out=None, err=None) -> int:
    """`opendata query`: run one query over dist/ and write the result; 0 ok, 2 usage or query errors."""
    out, err = out or sys.stdout.buffer, err or sys.stderr
    try:
        query = read_query(argument, dist)
        store = load_store(dist)
        result = run(store, query.text)
        data = serialize(result, fmt, {**publication_prefixes(dist), **prefixes(query.text)})
    except QuerySyntaxError as exc:
        hint = "\n    hint: this is SPARQL Update; `opendata query` only reads" if is_update(query.text) else ""
        print(exc.located(query.source) + hint, file=err)
        return 2
    except (FileNotFoundError, PublicationMissing, QueryRefused, ValueError) as exc:
        print(f"opendata query: {exc}", file=err)
        return 2
    except OSError as exc:  # pyoxigraph reports evaluation failures as OSError
        print(f"opendata query: the query failed: {exc}", file=err)
        return 1
    out.write(data)
    out.flush()
    return 0
