"""Privacy: the names of people who are not public are masked in texts, and no published byte may hold them.

Two guards, one way of comparing. A name is compared after folding both sides: NFKC, case-folded,
accents dropped (NFD decomposition without combining marks), soft hyphens, zero-width and bidi
marks removed, any run of white space equal to any other. A surname (a word of the name of three
letters or more, not an initial, not a particle such as 'van'; the last word from two letters; each part
of a double surname) is found on its own too, with a Dutch possessive or plural ending
(`Vermeulens`, `Vermeulen's`), between any two non-letters: `wethouder-vermeulen`, `vermeulen_2019`.

1. `redact` masks every such occurrence in a free text with as many marks as the original has
   characters (combining marks and soft hyphens included), so offsets into the text still hold.
   Identifiers (keys, references, IRIs, file names) are never masked: they cannot change without
   breaking links, so a name in them is a leak the second guard reports.
2. `scan_publication` reads every file of a finished build, whatever wrote it (gzip unpacked, file
   names included, JSON/N-Triples `\\u` escapes, percent-encoding and XML character references
   undone), and reports each hit as a `privacy-leak` error naming the file, line and field. The
   publish stops on any hit.

A surname made only of words opendata itself writes into every publication ('de Graaf': `graaf` is
Dutch for graph, and 'in de graaf' describes many columns) is looked for by the scan only with its
initials or as the person's key; texts still have it masked on its own.

What no guard can do: recognise a spelling the publisher did not list (a nickname, a misspelling,
a surname split over two lines by OCR). Such a spelling has to be added to the person's record.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gzip
import html
import json
import re
import sys
import unicodedata
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from opendata.model.problems import ERROR, Location, Problem
from opendata.sources.records import Record

REDACTION_MARK = "█"
# Invisible in print, so they may hide inside a name: soft hyphen, combining grapheme joiner, Mongolian
# vowel separator, zero-width space/joiners, bidi marks and overrides, word joiner and invisible operators, BOM.
IGNORABLE = frozenset(
    "\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
# combining marks stand only in these planes (BMP, SMP, variation selectors supplement)
_DROP = {ord(c): None for c in IGNORABLE} | {
    code: None
    for block in (range(0x300, 0x20000), range(0xE0100, 0xE01F0))
    for code in block
    if unicodedata.combining(chr(code))
}
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_SUFFIX_AND_END = r"(?:['\u2019]?s)?(?![^\W\d_])"
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})")
# identifiers: never masked (a masked key would break its links); the output scan reports names in them
_IDENTIFIER_RANGES = {"key", "iri", "textfile", "date", "integer", "decimal", "boolean"}


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@functools.lru_cache(maxsize=1 << 14)  # the same accented letters and marks recur all through a publication
def _fold_non_ascii(text: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKD", text).translate(_DROP)).casefold()


def fold(text: str) -> str:
    """The form in which names are compared: NFKC, accents and invisible marks dropped, case-folded.

    Only runs of non-ASCII characters need Unicode work (a combining accent after an ASCII letter is
    such a run, and folds to nothing): the rest is lower-cased, which keeps the scan of every
    published byte fast."""
    if text.isascii():
        return text.lower()
    return _NON_ASCII.sub(lambda run: _fold_non_ascii(run.group()), text).lower()


def name_parts(name: str) -> list[str]:
    """The full name, the surname with its particles ('de Graaf') and each surname-like word of it
    (three letters or more, not initials, not a particle; the surname itself, the last word, from two
    letters: 'mevrouw Li' of Y. Li): a letter may name 'burgemeester Lenferink' without the initials, and
    'mevrouw Zwanenburg' a Zwanenburg-Olthof (each part of a double surname is a word of its own).
    A particle alone ('van', 'der' of 'van der Berg') is no name: it is in every text."""
    whole = re.findall(r"[^\s.,]+", name)
    parts = [part for word in whole if "-" in word for part in word.split("-")]
    surname = (parts or whole)[-1:] if len(whole) > 1 else []
    words = [
        w
        for w in whole + parts
        if len(fold(w)) >= (2 if w in surname else 3)
        and any(c.islower() for c in w)
        and fold(w) not in PARTICLES
    ]
    tokens = name.split()
    particle = next((i for i, t in enumerate(tokens) if t[:1].islower() and i < len(tokens) - 1), None)
    with_particle = [" ".join(tokens[particle:])] if particle is not None else []
    return [name] + [p for p in with_particle + words if p != name]


# examples of names, synthetic people, gazetteers, the problem catalog: not words every publication holds
_NOT_WRITERS = {"synth", "ingest", "bench.py", "bench_queries.py", "model/problem_catalog.py"}


@functools.cache
def own_words() -> frozenset[str]:
    """Words opendata's own code writes into every publication ('graaf' is Dutch for graph, a dataset's
    name): a surname that is one of them is looked for by the output scan only with its initials,
    particles or key, or the publication could never name its own datasets (masking in texts still
    covers the surname alone)."""
    package = Path(__file__).resolve().parents[1]  # the opendata package
    words: set[str] = set()
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if path.name == "privacy.py" or {relative.parts[0], relative.as_posix()} & _NOT_WRITERS:
            continue
        words.update(re.findall(r"[^\W\d_]{3,}", fold(path.read_text(encoding="utf-8"))))
    return frozenset(words)


def _part_pattern(part: str) -> str:
    """Words of a name in order, separated as a text or an id would separate them (space, -, _, .)."""
    tokens = fold(part).split()
    pattern = ""
    for number, token in enumerate(tokens):
        if number:
            pattern += r"[\s\-_.]*" if tokens[number - 1].endswith(".") else r"[\s\-_]+"
        pattern += re.escape(token)
    return pattern


# Dutch (and neighbouring) surname particles: 'de Graaf' is also 'in de graaf' (in the graph)
PARTICLES = frozenset(
    {
        "de",
        "den",
        "der",
        "van",
        "het",
        "te",
        "ten",
        "ter",
        "t",
        "d",
        "in",
        "op",
        "la",
        "le",
        "du",
        "von",
        "zu",
        "da",
        "di",
        "del",
        "della",
        "des",
        "dos",
        "y",
        "vd",
    }
)


def _only_common_words(part: str, common: frozenset[str]) -> bool:
    """Whether every word of a (folded) name part is a particle or one of the `common` words."""
    words = re.findall(r"[^\W\d_]+", part)
    return bool(words) and all(w in PARTICLES or w in common for w in words)


def _left_out(part: str, skip_words: frozenset[str]) -> bool:
    """Whether the output scan (which passes `skip_words`) leaves a folded name part out: made only of
    those words and particles, or shorter than three letters (a two-letter surname alone, 'li', is in every
    page's markup: <li>). Texts still have such a part masked."""
    return bool(skip_words) and (len(part) < 3 or _only_common_words(part, skip_words))


def name_pattern(
    names: list[str], keys: Iterable[str] = (), skip_words: frozenset[str] = frozenset()
) -> re.Pattern | None:
    """One pattern, over folded text, for every name, surname and key given (longest first);
    parts made only of `skip_words` and particles are left out (still found inside longer parts)."""
    parts = {fold(p) for name in filter(None, names) for p in name_parts(name)} | {fold(k) for k in keys if k}
    parts = {p for p in parts if p.strip() and not _left_out(p, skip_words)}
    if not parts:
        return None
    alternatives = "|".join(_part_pattern(p) for p in sorted(parts, key=lambda p: (-len(p), p)))
    return re.compile(f"{_NOT_LETTER_BEFORE}(?:{alternatives}){_SUFFIX_AND_END}")


# ------------------------------------------------------------------ masking texts, offsets kept


def _folded_with_origins(text: str) -> tuple[str, list[int], list[int]]:
    """The folded text, and for each of its characters the span of the original it came from.

    The text is cut into clusters (a character with the combining marks and invisible characters
    that follow it); each cluster is folded on its own, so a match maps back to whole clusters."""
    folded, starts, ends = [], [], []
    index, length = 0, len(text)
    while index < length:
        end = index + 1
        while end < length and (unicodedata.combining(text[end]) or text[end] in IGNORABLE):
            end += 1
        piece = fold(text[index:end]) if text[index] not in IGNORABLE else ""
        folded.append(piece)
        starts += [index] * len(piece)
        ends += [end] * len(piece)
        index = end
    return "".join(folded), starts, ends


def redact(text: str, names: list[str]) -> str:
    """Mask each name (and its surname) with as many marks as it has characters, so offsets into
    the text still hold; spelled in any case, NFC or NFD, with soft hyphens or zero-width marks."""
    pattern = name_pattern(names)
    if pattern is None or not text:
        return text
    origins: tuple[list[int], list[int]] | None = None  # None: the folded text keeps every offset
    if text.isascii():
        folded = text.lower()
    else:
        folded, starts, ends = _folded_with_origins(text)
        origins = (starts, ends)
    spans = [(m.start(), m.end()) for m in pattern.finditer(folded) if m.end() > m.start()]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        first, last = (start, end) if origins is None else (origins[0][start], origins[1][end - 1])
        chars[first:last] = REDACTION_MARK * (last - first)
    return "".join(chars)


def _masked(value, names: list[str]):
    if isinstance(value, str):
        return redact(value, names)
    if isinstance(value, list):
        return _copy(value, [_masked(v, names) for v in value])
    if isinstance(value, dict):
        return _copy(value, {k: _masked(v, names) for k, v in value.items()})
    return value


def _copy(original, content):
    """A copy of a located mapping or sequence (it keeps its positions) holding `content`."""
    copy = type(original)(content)
    copy.__dict__.update(getattr(original, "__dict__", {}))
    return copy


def _is_identifier(record: Record, key) -> bool:
    field = record.cls.fields.get(key) if isinstance(key, str) else None
    return key == "id" or (
        field is not None and (field.range in _IDENTIFIER_RANGES or field.range[:1].isupper())
    )


def redacted_record(record: Record, names: list[str]) -> Record:
    """The record with every name of a non-public person masked in its free-text values.
    Keys and references are left as they are: the output scan reports a name in them."""
    if not names:
        return record
    data = _copy(record.data, dict(record.data))
    for key, value in record.data.items():
        if not _is_identifier(record, key):
            data[key] = _masked(value, names)
    text = redact(record.text, names) if record.text is not None else None
    return Record(record.cls, data, record.file, record.owner, record.index, text)


# ------------------------------------------------------------------ scanning every published byte


@dataclass(frozen=True)
class NameMatcher:
    """One person's name parts and key, found in folded text. The literal words are a fast first test;
    the regular expression has no look-behind (so it runs fast), the letter before is checked here."""

    pattern: re.Pattern
    literals: tuple[str, ...]

    def search(self, folded: str) -> re.Match | None:
        if not any(literal in folded for literal in self.literals):
            return None
        for match in self.pattern.finditer(folded):
            if match.start() == 0 or not folded[match.start() - 1].isalpha():
                return match
        return None


def name_matcher(name: str, key: str, skip_words: frozenset[str] = frozenset()) -> NameMatcher | None:
    """The matcher of one person, or None when nothing of the name is distinctive enough to look for."""
    pattern = name_pattern([name], [key], skip_words)
    if pattern is None:
        return None
    alternatives = pattern.pattern.removeprefix(_NOT_LETTER_BEFORE)
    parts = {fold(part) for part in name_parts(name) + [key] if part}
    parts = {p for p in parts if p.strip() and not _left_out(p, skip_words)}
    literals = tuple(sorted({max(re.findall(r"[^\W_]+", p) or [p], key=len) for p in parts}))
    return NameMatcher(re.compile(alternatives), literals)


@dataclass(frozen=True)
class Hit:
    file: str  # relative to the build folder ("graph.nt.gz (unpacked)")
    line: int
    field: str  # the predicate, column or JSON key where it could be told; else ""
    found: str  # the folded text that matched
    context: str = ""  # the word, IRI or cell of the original that holds it, to find its source


# escapes that can spell a letter: \\u, percent-encoded letters or non-ASCII bytes, numeric and named
# references (not &amp; &lt; &gt; &quot; &apos;, which every XML and HTML file is full of)
_ESCAPES = re.compile(
    r"\\[uU][0-9a-fA-F]{4}|%(?:[46][1-9a-fA-F]|[57][0-9aA]|[89a-fA-F][0-9a-fA-F])"
    r"|&#(?:[xX][0-9a-fA-F]+|\d+);|&(?!(?:amp|lt|gt|quot|apos);)[a-zA-Z]+;"
)
_PERCENT_RUN = re.compile(r"(?:%[0-9a-fA-F]{2})+")
_REFERENCE = re.compile(r"&#?\w+;")


def _unescaped(text: str) -> str:
    """The text with \\u escapes, percent-encoding and XML/HTML character references undone."""
    text = _ESCAPE.sub(lambda m: _char(m.group(1) or m.group(2)), text)
    text = _PERCENT_RUN.sub(lambda m: urllib.parse.unquote(m.group(), errors="replace"), text)
    return _REFERENCE.sub(lambda m: html.unescape(m.group()), text)


def _char(hex_digits: str) -> str:
    code = int(hex_digits, 16)
    return chr(code) if code <= sys.maxunicode else "\ufffd"


class _Folded:
    """A piece of published text, folded once (and once more with escapes undone, if it has any)."""

    def __init__(self, text: str) -> None:
        self.plain = fold(text)
        self.unescaped = fold(_unescaped(text)) if _ESCAPES.search(text) else ""

    def search(self, matcher: NameMatcher) -> re.Match | None:
        return matcher.search(self.plain) or (matcher.search(self.unescaped) if self.unescaped else None)


def _found(matcher: NameMatcher, text: str) -> re.Match | None:
    return _Folded(text).search(matcher)


def _context(line: str, matcher: NameMatcher) -> str:
    """The first token of the line (between spaces, quotes, brackets or commas) that holds the name."""
    for token in re.split(r"[\s\"'<>,;\[\]{}()]+", line):
        if token and _found(matcher, token):
            return token[:120]
    return ""


def _chunks(handle, size: int = 1 << 23) -> Iterator[tuple[int, str]]:
    """(number of the first line, text) in blocks of whole lines, decoded as UTF-8 (bad bytes replaced)."""
    line, rest = 1, b""
    while True:
        block = handle.read(size)
        if not block:
            break
        block = rest + block
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            rest = block
            continue
        text, rest = block[:cut].decode("utf-8", "replace"), block[cut:]
        yield line, text
        line += text.count("\n")
    if rest:
        yield line, rest.decode("utf-8", "replace")


def _field(name: str, header: list[str], text: str, matcher: NameMatcher) -> str:
    """Where in a line the name stands: an N-Triples subject or predicate, a CSV column, a JSON key."""
    if ".nt" in name and text.startswith(("<", "_:")):
        parts = text.split(" ", 2)
        return parts[1] if len(parts) > 2 and not _found(matcher, parts[0]) else "subject"
    if name.endswith(".csv") and header:
        for cell, column in zip(next(csv.reader([text]), []), header):
            if _found(matcher, cell):
                return column
    context = _context(text, matcher)
    before = text[: text.find(context)] if context and context in text else text
    keys = re.findall(r'"([^"\\]{1,80})"\s*:', before)
    return keys[-1] if keys else ""


def _locate(text: str, first_line: int, name: str, header: list[str], matcher: NameMatcher) -> Hit:
    """The line of a chunk that holds the name (only run on a hit)."""
    for number, line in enumerate(text.split("\n"), first_line):
        found = _found(matcher, line)
        if found:
            return Hit(
                name, number, _field(name, header, line, matcher), found.group(), _context(line, matcher)
            )
    found = _found(matcher, text)  # across a line break: only the chunk as a whole holds it
    return Hit(name, first_line, "", found.group() if found else "")


def _scan_stream(handle, name: str, matchers: dict[str, NameMatcher]) -> dict[str, Hit]:
    """The first hit of each person in one stream of bytes."""
    hits: dict[str, Hit] = {}
    header: list[str] = []
    for first_line, text in _chunks(handle):
        if not header and name.endswith(".csv"):
            header = next(csv.reader([text.split("\n", 1)[0]]), [])
        folded = _Folded(text)
        for key, matcher in matchers.items():
            if key not in hits and folded.search(matcher):
                hits[key] = _locate(text, first_line, name, header, matcher)
        if len(hits) == len(matchers):
            break
    return hits


def _name_hits(name: str, matchers: dict[str, NameMatcher]) -> dict[str, Hit]:
    folded = _Folded(name)
    return {
        key: Hit(name, 0, "file name", found.group())
        for key, matcher in matchers.items()
        if (found := folded.search(matcher))
    }


def scan_file(path: Path, name: str, matchers: dict[str, NameMatcher]) -> list[tuple[str, Hit]]:
    """(person's key, hit) in one file: its name, its bytes and, for a gzip file, its unpacked bytes."""
    hits = list(_name_hits(name, matchers).items())
    with open(path, "rb") as handle:
        packed = handle.read(2) == b"\x1f\x8b"
        handle.seek(0)
        if not packed:  # compressed bytes hold no readable text: their unpacked bytes are scanned below
            hits += _scan_stream(handle, name, matchers).items()
    if packed:
        try:
            with gzip.open(path, "rb") as unpacked:
                hits += _scan_stream(unpacked, f"{name} (unpacked)", matchers).items()
        except (OSError, EOFError):  # not a whole gzip stream after all: scan its bytes as they are
            with open(path, "rb") as handle:
                hits += _scan_stream(handle, name, matchers).items()
    return hits


def scan_folder(folder: Path, matchers: dict[str, NameMatcher]) -> list[tuple[str, Hit]]:
    """(person's key, hit) in every file below `folder` (links are not followed; their names are scanned)."""
    hits: list[tuple[str, Hit]] = []
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink() or not path.is_file():
            hits += _name_hits(name, matchers).items()
        else:
            hits += scan_file(path, name, matchers)
    return hits


def naming_private_people(texts: Iterable[str], private_people: dict[str, str]) -> set[str]:
    """The texts (e.g. IRIs of an earlier release) that name a person who is not public now."""
    matchers = [
        matcher
        for key, name in sorted(private_people.items())
        if (matcher := name_matcher(name, key, own_words())) is not None
    ]
    return {text for text in texts if any(_found(matcher, text) for matcher in matchers)}


def scan_publication(
    folder: Path, private_people: dict[str, str], locations: dict[str, Location]
) -> list[Problem]:
    """A `privacy-leak` error for each person who is not public and each file that would name them."""
    matchers = {
        key: matcher
        for key, name in sorted(private_people.items())
        if (matcher := name_matcher(name, key, own_words())) is not None
    }
    if not matchers:
        return []
    problems = []
    for key, hit in sorted(scan_folder(folder, matchers), key=lambda kh: (kh[0], kh[1].file)):
        where = (
            f"{hit.file}"
            + (f", line {hit.line}" if hit.line else "")
            + (f", field {hit.field}" if hit.field else "")
        )
        where += f" (in {hit.context})" if hit.context and hit.context != hit.found else ""
        problems.append(
            Problem(
                "privacy-leak",
                ERROR,
                f"the non-public person '{key}' would be named in {where}: "
                f"'{hit.found}' matches their name or key",
                locations.get(key, Location("people.yaml")),
                field="public",
                hint="remove the name from ids, references and file names (they are not masked), "
                "or from whatever record that file was made from",
            )
        )
    return problems


def leaked_titles(build: Path, titles: list[str]) -> list[tuple[str, str]]:
    """(file, title) for every file of the build (gzip unpacked) that still holds one of the titles
    of resources withdrawn for privacy in this release: as written, HTML-escaped or JSON-escaped."""
    needles = {
        t: {t.encode("utf-8"), html.escape(t).encode("utf-8"), json.dumps(t)[1:-1].encode("utf-8")}
        for t in titles
        if len(t.strip()) >= 4
    }
    found: list[tuple[str, str]] = []
    if not needles:
        return found
    for path in sorted(p for p in build.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            with contextlib.suppress(OSError, EOFError):
                data = gzip.decompress(data)
        for title, forms in needles.items():
            if any(form in data for form in forms):
                found.append((path.relative_to(build).as_posix(), title))
    return found
