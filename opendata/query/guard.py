"""Decide, by parsing, whether a query may run: no SERVICE, no update (LOAD included), bounded size.

A regular expression cannot tell a keyword from the same letters in an escape (`ex:a\\#`), a
codepoint escape (`\\u0053ERVICE`), a string or a comment; a parser can. rdflib's SPARQL 1.1
parser (pyparsing) reads the query as the standard says, codepoint escapes expanded first, and
its parse tree is walked for SERVICE patterns and counted for size. Only a query that parses,
holds no SERVICE and stays within the limits goes on to pyoxigraph. A text that parses only as
SPARQL Update is refused as an update. (The query processes are also cut off the network:
sandbox.py; this check is the first line, not the only one.)

rdflib's parser recurses deeply: it runs in a thread with a large stack, after a cheap bound on
length and bracket depth, so that no query can crash the process that checks it.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from dataclasses import dataclass

MAX_QUERY_CHARS = 100_000  # a longer query text is refused before parsing
MAX_DEPTH = 64  # nested brackets ({ ( [) and nested graph patterns
MAX_TRIPLE_PATTERNS = (
    100  # pyoxigraph's join planner needs seconds for 100 patterns (or path steps), minutes for 200
)
MAX_PARTS = (
    20_000  # nodes of the parse tree (terms, operators, patterns): a 45,000-term sum crashed the engine
)
ENGINE_MESSAGE_CHARS = (
    4_000  # longer texts rdflib cannot read get rdflib's message, not a trial run of the engine
)
_PARSER_STACK = 64 << 20
_PARSER_RECURSION = 200_000

_STRINGS_IRIS_COMMENTS = re.compile(
    r"'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\""
    r"|'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\""
    r"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n\r]*",
    re.DOTALL,
)
_PATHS = {"PathSequence", "PathAlternative"}  # each further step costs the engine a join


class QueryRefused(Exception):
    """A query this tool will not run (SERVICE, an update, or too large); the message says why."""


class QueryTooLarge(QueryRefused):
    """A query beyond the size limits: refused before the engine sees it."""


class UpdateRefused(QueryRefused):
    """A SPARQL Update request (INSERT, DELETE, LOAD, CLEAR, ...): nothing here writes."""


class NotParsed(Exception):
    """rdflib's parser could not read the text; `position` is its (line, column) when known."""

    def __init__(self, message: str, position: tuple[int, int] | None):
        super().__init__(message)
        self.position = position


@dataclass(frozen=True)
class Shape:
    """What the parse tree holds: the numbers the limits are about, and whether it calls another endpoint."""

    triple_patterns: int  # triple patterns, each step of a property path counted as one
    depth: int  # nested group graph patterns ({ ... })
    service: bool
    undeclared: tuple[str, ...] = ()  # prefixes used in prefixed names without a PREFIX declaration
    parts: int = 0  # nodes of the parse tree


def check(text: str) -> Shape:
    """The query's shape when it may run; QueryRefused (or a subclass) when not; NotParsed when it is no query."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryTooLarge(
            f"the query has {len(text):,} characters; at most {MAX_QUERY_CHARS:,} are accepted"
        )
    depth = bracket_depth(text)
    if depth > MAX_DEPTH:
        raise QueryTooLarge(f"the query nests brackets {depth} deep; at most {MAX_DEPTH} levels are accepted")
    tokens = token_count(text)
    if tokens > MAX_PARTS:
        raise QueryTooLarge(
            f"the query has {tokens:,} parts (terms, operators, patterns); at most {MAX_PARTS:,} are accepted"
        )
    shape = _checked(text)
    if shape.service:
        raise QueryRefused(
            "SERVICE (a federated query) is refused: queries here never reach out over the network"
        )
    if shape.triple_patterns > MAX_TRIPLE_PATTERNS:
        raise QueryTooLarge(
            f"the query has {shape.triple_patterns} triple patterns; at most {MAX_TRIPLE_PATTERNS} "
            "are accepted (split it, or use VALUES for many alternatives)"
        )
    if shape.parts > MAX_PARTS:
        raise QueryTooLarge(
            f"the query has {shape.parts:,} parts (terms, operators, patterns); at most "
            f"{MAX_PARTS:,} are accepted"
        )
    if shape.depth > MAX_DEPTH:
        raise QueryTooLarge(
            f"the query nests graph patterns {shape.depth} deep; at most {MAX_DEPTH} levels are accepted"
        )
    return shape


def bracket_depth(text: str) -> int:
    """The deepest nesting of { ( [ outside strings, IRIs and comments, codepoint escapes expanded first.

    A cheap bound checked before the parser, whose recursion grows with the nesting.
    """
    code = _STRINGS_IRIS_COMMENTS.sub(" ", _expand_escapes(text))
    depth = deepest = 0
    for char in code:
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth = max(depth - 1, 0)
    return deepest


_TOKEN = re.compile(r"[^\s{}()\[\],;.+*/!|&=<>^-]+|[{}()\[\],;.+*/!|&=<>^-]")


def token_count(text: str) -> int:
    """Words and operators outside strings, IRIs and comments: fewer than the parse tree's nodes, and cheap.

    Checked before the parser, which needs minutes for a 90 KB sum of 45,000 terms.
    """
    return len(_TOKEN.findall(_STRINGS_IRIS_COMMENTS.sub(" x ", _expand_escapes(text))))


def _expand_escapes(text: str) -> str:
    # rdflib's SPARQL parser: ~0.18 s, loaded at the first query checked, not by every `opendata` command
    # (the CLI imports query.store, and with it this module, to build its parser)
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    try:
        return expandUnicodeEscapes(text)
    except Exception:  # an escape naming no character: the parser will say so
        return text


@functools.lru_cache(maxsize=512)
def _checked(text: str) -> Shape:
    """Parse once per distinct text (endpoints see the same queries again and again)."""
    return shape_of(_parse(text))


def _parse(text: str):
    """rdflib's parse tree of a query; UpdateRefused for an update; NotParsed otherwise."""
    # at the first query, like _expand_escapes
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        return _in_big_stack(parseQuery, text)
    except RecursionError:
        raise QueryTooLarge("the query is nested too deeply to be read") from None
    except Exception as query_error:
        try:
            update = _in_big_stack(parseUpdate, text)
        except Exception:
            update = None
        if update is not None and update.get("request"):
            raise UpdateRefused(
                "SPARQL Update is refused: this tool only reads, it never changes the publication"
            ) from None
        line, column = getattr(query_error, "lineno", None), getattr(query_error, "col", None)
        position = (line, column) if isinstance(line, int) and isinstance(column, int) else None
        raise NotParsed(str(query_error), position) from None


_STACK_LOCK = threading.Lock()


def _in_big_stack(function, text: str):
    """Run function(text) in a thread with a large stack and recursion limit; re-raise what it raised."""
    outcome: dict = {}

    def target() -> None:
        try:
            outcome["value"] = function(text)
        except BaseException as exc:  # handed to the caller
            outcome["error"] = exc

    with _STACK_LOCK:
        previous_stack, previous_limit = threading.stack_size(_PARSER_STACK), sys.getrecursionlimit()
        sys.setrecursionlimit(max(previous_limit, _PARSER_RECURSION))
        try:
            thread = threading.Thread(target=target, name="sparql-parser", daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous_stack)
        thread.join()
        sys.setrecursionlimit(previous_limit)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def shape_of(tree) -> Shape:
    """Walk a parse tree (iteratively: no recursion limit) counting triple patterns and pattern depth."""
    patterns = deepest = parts = 0
    service = False
    declared: set[str] = set()
    used: dict[str, None] = {}
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        parts += 1
        name = getattr(node, "name", None)
        if name == "GroupGraphPatternSub":
            depth += 1
            deepest = max(deepest, depth)
        if name in _PATHS:
            patterns += max(len(node.get("part", [])) - 1, 0)
        if name == "ServiceGraphPattern":
            service = True
        if name == "PrefixDecl":
            declared.add(node.get("prefix") or "")
        if name == "pname":
            used.setdefault(node.get("prefix") or "")
        if name == "TriplesBlock":
            patterns += sum(max(len(group) // 3, 1) for group in node.get("triples", []))
        if isinstance(node, dict):
            stack.extend((child, depth) for child in node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend((child, depth) for child in node)
    undeclared = tuple(name for name in reversed(used) if name not in declared)
    return Shape(patterns, deepest, service, undeclared, parts)
