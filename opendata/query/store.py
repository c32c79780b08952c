"""SPARQL over a publication: load dist/graph.nt into an embedded pyoxigraph store, run, format results.

The one place that knows how a query is read, run and written out; `opendata query`, the endpoint's
workers and the tests all use it.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from opendata.query import guard as query_guard
from opendata.query import sandbox
from opendata.query.guard import QueryRefused, QueryTooLarge, UpdateRefused  # noqa: F401 (the callers' names)

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
_UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_EXAMPLE_NAME = re.compile(r"[\w.-]+")


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
        raise PublicationMissing(
            f"{dist}: no {GRAPH_FILE} here; run `opendata publish` first or give --dist DIR"
        )
    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.N_TRIPLES)
    return store


class NoSuchExample(FileNotFoundError):
    """A bare name that names no example query (a bare word is never SPARQL)."""


def read_query(argument: str, dist: Path | None = None) -> QueryText:
    """A query from a .rq file, the name of an example query in dist/queries/, `-` for stdin, or inline text."""
    if argument == "-":
        return QueryText(sys.stdin.read(), "<stdin>")
    if _looks_like_path(argument) and Path(argument).is_file():
        return QueryText(Path(argument).read_text(encoding="utf-8"), argument)
    if dist is not None and _EXAMPLE_NAME.fullmatch(argument):
        example = Path(dist) / "queries" / f"{argument.removesuffix('.rq')}.rq"
        if example.is_file():
            return QueryText(example.read_text(encoding="utf-8"), str(example))
        if not argument.endswith(".rq"):
            raise NoSuchExample(no_example_message(argument, Path(dist)))
    if argument.endswith(".rq"):
        raise FileNotFoundError(f"{argument}: no such query file")
    return QueryText(argument, "<query>")


def no_example_message(name: str, dist: Path) -> str:
    """'no example query named X; did you mean Y?' with the closest names (difflib), or the list of them."""
    names = sorted(path.stem for path in (dist / "queries").glob("*.rq"))
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    if close:
        return f"no example query named {name!r}; did you mean {' or '.join(close)}?"
    listed = ", ".join(names) if names else f"none in {dist / 'queries'}"
    return f"no example query named {name!r} (and a single word is not SPARQL); the examples are: {listed}"


def _looks_like_path(argument: str) -> bool:
    return "\n" not in argument and "{" not in argument and len(argument.encode("utf-8")) < 4096


def run(store: ox.Store, text: str, *, default_graph=None, named_graphs=None, known_prefixes=None):
    """Evaluate a SPARQL query: QuerySolutions (SELECT), QueryBoolean (ASK) or QueryTriples (CONSTRUCT/DESCRIBE).

    The query is parsed and checked first (query_guard): SERVICE, updates and over-large queries
    never reach the engine; an undeclared prefix is named with the ones that are declared.
    """
    try:
        shape = query_guard.check(text)
    except query_guard.NotParsed as exc:
        raise _not_parsed(exc, text) from None
    if shape.undeclared:
        raise QuerySyntaxError(
            undeclared_message(list(shape.undeclared), text, known_prefixes), None, None, text
        )
    options = {}
    if default_graph is not None:
        options["default_graph"] = default_graph
    if named_graphs is not None:
        options["named_graphs"] = named_graphs
    try:
        return store.query(text, **options)
    except SyntaxError as exc:
        raise _syntax_error(str(exc), text) from None


def _not_parsed(exc: query_guard.NotParsed, text: str) -> Exception:
    """The error for a text rdflib's parser rejects: an undeclared prefix, the engine's own message, or rdflib's.

    pyoxigraph's messages are the clearer ones, but pyoxigraph parses only by running the query; it
    is asked (on an empty store) only in a process cut off the network, so that nothing it runs
    can reach out, and only for a short text (60,000 nested `!`, which rdflib rightly rejects, crash
    it). A text the engine would run but rdflib cannot read is refused: it cannot be checked.
    """
    undeclared = undeclared_prefixes(text)
    if undeclared:
        return QuerySyntaxError(undeclared_message(undeclared, text), None, None, text)
    if sandbox.is_offline() and len(text) <= query_guard.ENGINE_MESSAGE_CHARS:
        try:
            ox.Store().query(text)
        except SyntaxError as engine:
            return _syntax_error(str(engine), text, exc.position)
        except Exception:
            pass
        where = f" at line {exc.position[0]}, column {exc.position[1]}" if exc.position else ""
        return QueryRefused(
            f"this query cannot be checked before it runs, so it is refused: the SPARQL 1.1 parser "
            f"that checks every query stops{where} ({str(exc).split('  (at char')[0]})"
        )
    line, column = exc.position or (None, None)
    return QuerySyntaxError(str(exc).split("  (at char")[0], line, column, text)


_PNAME_USE = re.compile(r"(?<![\w.:?$<-])([A-Za-z][\w.-]*)?:(?=[\w%\\]|[\s;,.)}\]]|$)")


def undeclared_prefixes(text: str) -> list[str]:
    """Prefixes the query uses (`schema:Event`) without a PREFIX declaration, in order of first use."""
    code = _PREFIX.sub(" ", code_only(text, keep_iris=False))
    declared = set(prefixes(text))
    used = dict.fromkeys(match[1] or "" for match in _PNAME_USE.finditer(code))
    return [name for name in used if name not in declared and not name.lower().startswith("_")]


def undeclared_message(undeclared: list[str], text: str, known: dict[str, str] | None = None) -> str:
    """Name the undeclared prefixes, list the declared ones, and give the PREFIX line the publication uses."""
    declared = sorted(prefixes(text))
    names = ", ".join(f"{name}:" for name in undeclared)
    message = (
        f"the prefix {names} is not declared"
        if len(undeclared) == 1
        else f"the prefixes {names} are not declared"
    )
    message += (
        f" (declared: {', '.join(n + ':' for n in declared)})"
        if declared
        else " (this query declares no prefix)"
    )
    lines = [f"PREFIX {name}: <{known[name]}>" for name in undeclared if known and name in known]
    if lines:
        message += "; add " + " and ".join(lines)
    return message


def _syntax_error(message: str, text: str, parsed_at: tuple[int, int] | None = None) -> QuerySyntaxError:
    """pyoxigraph's message, at the earliest point where it or rdflib's parser could not go on.

    pyoxigraph's PEG parser often reports the end of the input as the error position; rdflib's
    parser names the start of the construct that failed. The earlier of the two is on the right line.
    """
    found = _SYNTAX_ERROR.match(message)
    if not found:
        return QuerySyntaxError(message, None, None, text)
    position = min((int(found[1]), int(found[2])), parsed_at or _rdflib_error_position(text) or (10**9, 0))
    return QuerySyntaxError(found[3].strip(), position[0], position[1], text)


def _rdflib_error_position(text: str) -> tuple[int, int] | None:
    """Where rdflib's (pyparsing) SPARQL parser stops, or None when it parses the text or fails otherwise."""
    # only for a query that does not parse; rdflib's parser costs ~0.18 s to load, which every `opendata`
    # command would pay (the CLI imports this module to build its parser)
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
    return first is not None and first[1].upper() in _UPDATE_KEYWORDS


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
            raise ValueError(
                f"a CONSTRUCT or DESCRIBE result is RDF: use --format {' or '.join(GRAPH_FORMATS)}"
            )
        return written(ox.serialize(list(result), format=GRAPH_FORMATS[fmt], prefixes=query_prefixes or None))
    if fmt == "table":
        return render_table(result, query_prefixes or {}).encode("utf-8")
    if fmt not in RESULTS_FORMATS:
        raise ValueError(
            f"a SELECT or ASK result is a table: use --format {' or '.join(('table', *RESULTS_FORMATS))}"
        )
    return written(result.serialize(format=RESULTS_FORMATS[fmt]))


def written(data: bytes | None) -> bytes:
    """What pyoxigraph's serialize() returns when it is given no file to write to: the bytes."""
    if data is None:
        raise TypeError("serialize() wrote to a file: give it no output to get the bytes")
    return data


# A table cell shows this many characters at most: one long value (a letter's text, a quote) would
# otherwise widen its column past any terminal. The other formats give every value whole.
CELL_MAX = 80


def render_table(result, query_prefixes: dict[str, str]) -> str:
    """A plain-text table for people: IRIs shortened with the query's prefixes, literals by their value,
    a value longer than CELL_MAX cut with "…" (and a last line that says so)."""
    if isinstance(result, ox.QueryBoolean):
        return f"{'yes' if bool(result) else 'no'}\n"
    names = [variable.value for variable in result.variables]
    whole = [[term_text(solution[name], query_prefixes) for name in names] for solution in result]
    rows = [[_cut_cell(cell) for cell in row] for row in whole]
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(names)]

    def line(cells: list[str]) -> str:
        return " | ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()

    out = [line(names), "-+-".join("-" * width for width in widths), *(line(row) for row in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    if rows != whole:
        out.append(
            f"(values longer than {CELL_MAX} characters are cut: --format csv or json gives them whole)"
        )
    return "\n".join(out) + "\n"


def _cut_cell(text: str) -> str:
    return text if len(text) <= CELL_MAX else text[: CELL_MAX - 1] + "…"


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
    local = iri[len(best) :]
    return f"{name}:{local}" if re.fullmatch(r"[\w.-]*", local) and not local.endswith(".") else f"<{iri}>"


def query_command(argument: str, dist: Path, fmt: str, out=None, err=None, offline: bool = False) -> int:
    """`opendata query`: run one query over dist/ and write the result; 0 ok, 2 usage or query errors.

    With `offline` (the command line passes it), the process first cuts itself off the network
    (sandbox.py): a query run here can reach nothing, whatever it says. Off by default, because the
    cut is for the whole process, and a caller in a longer-lived process (a test) needs its network.
    """
    out, err = out or sys.stdout.buffer, err or sys.stderr
    if offline:
        sandbox.cut_off_network()  # when the system does not allow it, the parser's refusal still holds
    query = None
    try:
        query = read_query(argument, dist)
        store = load_store(dist)
        known = publication_prefixes(dist)
        result = run(store, query.text, known_prefixes=known)
        for warning in namespace_warnings(store, query.text):
            print(f"opendata query: warning: {warning}", file=err)
        data = serialize(result, fmt, {**known, **prefixes(query.text)})
    except QuerySyntaxError as exc:
        assert query is not None  # read: the syntax error comes from running it
        hint = (
            "\n    hint: this is SPARQL Update; `opendata query` only reads" if is_update(query.text) else ""
        )
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


_NEAR_FORMS = (("http://", "https://"), ("https://", "http://"))


def namespace_warnings(store: ox.Store, text: str, most: int = 50) -> list[str]:
    """Warnings for IRIs of the query that are absent from the graph while a near form is present.

    `http://schema.org/Event` for `https://schema.org/Event` (or the reverse, or a missing or extra
    trailing `/`) matches nothing and gives 0 rows silently; this says which form the graph uses.
    """
    warnings = []
    for iri in list(query_iris(text))[:most]:
        if _in_graph(store, iri):
            continue
        for near in _near_iris(iri):
            if _in_graph(store, near):
                warnings.append(
                    f"<{iri}> is not in the graph, but <{near}> is: "
                    f"check the namespace ({_namespace(iri)} vs {_namespace(near)})"
                )
                break
    return warnings


def query_iris(text: str) -> dict[str, None]:
    """The IRIs a query names, written out or as prefixed names with its declared prefixes (in order)."""
    found: dict[str, None] = {}
    declared = prefixes(text)
    code = _PREFIX.sub(" ", code_only(text))
    for match in re.finditer(
        r"<([^<>\"{}|^`\\\x00-\x20]+)>|(?<![\w.:?$<-])([A-Za-z][\w.-]*)?:([\w.-]*\w)?", code
    ):
        if match[1]:
            found.setdefault(match[1])
        elif (match[2] or "") in declared:
            found.setdefault(declared[match[2] or ""] + (match[3] or ""))
    return {iri: None for iri in found if re.match(r"https?://", iri)}


def _near_iris(iri: str) -> list[str]:
    near = [to + iri[len(frm) :] for frm, to in _NEAR_FORMS if iri.startswith(frm)]
    return near + [form[:-1] if form.endswith("/") else form + "/" for form in [iri, *near]]


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("/"), iri.rfind("#"))
    return iri[: cut + 1] if cut > len("https://") else iri


def _in_graph(store: ox.Store, iri: str) -> bool:
    node = ox.NamedNode(iri)
    return (
        any(True for _ in store.quads_for_pattern(node, None, None))
        or any(True for _ in store.quads_for_pattern(None, node, None))
        or any(True for _ in store.quads_for_pattern(None, None, node))
    )
