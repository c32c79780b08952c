"""Read the source files of a dataset: YAML with line numbers, letter texts with their encoding.

Reading never raises on bad data; it returns what it could read plus Problems.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml
from yaml._yaml import CParser  # libyaml's parser (yaml.cyaml re-exports it)

from opendata.model.problems import ERROR, WARNING, Location, Problem, ProblemCode

MAX_YAML_BYTES = 1_000_000
MAX_TEXT_BYTES = 5_000_000


class Mapping(dict):
    """A YAML mapping that remembers where it and each of its keys stand."""

    line: int = 0
    column: int = 0
    key_positions: dict


class Sequence(list):
    """A YAML sequence that remembers where each of its items stands."""

    line: int = 0
    column: int = 0
    item_positions: list


class _Constructor(yaml.constructor.SafeConstructor):
    """SafeConstructor that records positions, reports duplicate keys and keeps dates as text."""

    def __init__(self) -> None:
        super().__init__()
        self.duplicate_keys: list[tuple[str, yaml.Mark]] = []

    def construct_document(self, node):
        _refuse_aliases(node)
        return super().construct_document(node)

    def construct_located_mapping(self, node):
        data = Mapping()
        data.line, data.column = node.start_mark.line + 1, node.start_mark.column + 1
        data.key_positions = {}
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain word", key_node.start_mark
                )
            if not isinstance(
                key, str
            ):  # `1:` or `yes:` is a field name as written, never a number or a truth value
                key = str(key_node.value)
            if key in data:
                self.duplicate_keys.append((str(key), key_node.start_mark))
            data[key] = self.construct_object(value_node, deep=True)
            data.key_positions[key] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)

    def construct_located_sequence(self, node):
        data = Sequence()
        data.line, data.column = node.start_mark.line + 1, node.start_mark.column + 1
        data.item_positions = [(n.start_mark.line + 1, n.start_mark.column + 1) for n in node.value]
        yield data
        data.extend(self.construct_object(child, deep=True) for child in node.value)


# The stubs of add_constructor accept only yaml's own Loader classes, not a constructor of our own.
_Constructor.add_constructor("tag:yaml.org,2002:map", _Constructor.construct_located_mapping)  # type: ignore[type-var]
_Constructor.add_constructor("tag:yaml.org,2002:seq", _Constructor.construct_located_sequence)  # type: ignore[type-var]
# Dates stay text: the checks report impossible dates (31 June) with their position.
_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp",
    yaml.constructor.SafeConstructor.construct_yaml_str,  # type: ignore[type-var]
)


class NumberTooLong(yaml.constructor.ConstructorError):
    """A YAML integer too long for any field (and for Python's int() beyond 4,300 digits)."""


MAX_INTEGER_DIGITS = 30  # more is no count, year or number a letter holds; Python refuses 4,300 digits anyway


def _construct_integer(constructor, node):
    """An integer, unless it is absurdly long: refused with its position instead of crashing int()."""
    digits = sum(c.isdigit() for c in str(node.value))
    if digits > MAX_INTEGER_DIGITS:
        raise NumberTooLong(
            None,
            None,
            f"a number of {digits:,} digits is not a value any field takes (at most {MAX_INTEGER_DIGITS})",
            node.start_mark,
        )
    return yaml.constructor.SafeConstructor.construct_yaml_int(constructor, node)


_Constructor.add_constructor("tag:yaml.org,2002:int", _construct_integer)


def _refuse_tag(constructor, node):
    raise yaml.constructor.ConstructorError(
        None, None, f"could not determine a constructor for the tag '{node.tag}'", node.start_mark
    )


# Binary data, sets and ordered pairs are not plain values: refused like any other tag.
for _tag in ("binary", "set", "omap", "pairs"):
    _Constructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)


class AliasError(yaml.YAMLError):
    def __init__(self, mark) -> None:
        super().__init__(
            "YAML anchors (&) and aliases (*) are not allowed in sources: this value is used again "
            "through an alias"
        )
        self.problem_mark = mark


def _refuse_aliases(root) -> None:
    """Refuse any node reached twice (an alias): it guards against alias bombs."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise AliasError(node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


class _Loader(CParser, _Constructor, yaml.resolver.Resolver):
    """libyaml's C parser (PyYAML's pure-Python one is five times slower) with our constructor."""

    def __init__(self, stream) -> None:
        CParser.__init__(self, stream)
        _Constructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)


@dataclass
class SourceFile:
    path: Path
    display: str  # the path as shown to the publisher, relative to the datasets folder
    data: object = None


def _legacy_byte(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as Windows-1252 (Latin-1 where that has no character)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error  # registered for decoding only
    chunk = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in chunk), error.end


codecs.register_error("opendata-windows-1252", _legacy_byte)

# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw[:offset].count(b"\n") + 1
    return line, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1


def _decode(raw: bytes, display: str, problems: list[Problem], what: str) -> str | None:
    """The text of a file: UTF-8; a BOM, UTF-16 and legacy Windows-1252/Latin-1 bytes with a warning."""
    if raw.startswith(codecs.BOM_UTF8):
        problems.append(
            Problem(
                "bom",
                WARNING,
                f"{what} starts with a UTF-8 byte-order mark; it was ignored",
                Location(display, 1, 1),
                hint="save the file as UTF-8 without BOM",
            )
        )
        raw = raw[3:]
    for bom, codec in _WIDE_BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                break
            problems.append(
                Problem(
                    "encoding",
                    WARNING,
                    f"{what} is {codec.upper()}, not UTF-8; it was read as {codec.upper()}",
                    Location(display, 1, 1),
                    hint=f"convert it: iconv -f {codec.upper()} -t UTF-8",
                )
            )
            return text
    if b"\x00" in raw:
        line, column = _position(raw, raw.index(b"\x00"))
        problems.append(
            Problem(
                "not-text",
                ERROR,
                f"{what} holds NUL bytes: it is not plain text",
                Location(display, line, column),
                hint="save the letter as plain text (.txt, UTF-8); a PDF or Word file cannot be read",
            )
        )
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        problems.append(
            Problem(
                "encoding",
                WARNING,
                f"{what} is not UTF-8: byte 0x{raw[exc.start]:02x} here, and any others like it, were read as "
                f"Windows-1252 (Latin-1), this one as '{_legacy_byte(exc)[0]}'",
                Location(display, line, column),
                hint="check the text, then save it as UTF-8 (iconv -f WINDOWS-1252 -t UTF-8)",
            )
        )
        return raw.decode("utf-8", errors="opendata-windows-1252")


def datasets_root(path: Path, display: str) -> Path:
    """The datasets folder a source file was found in: `display` is the file's path relative to it."""
    depth = len(PurePosixPath(display).parts)
    return path.parents[depth - 1] if depth else path.parent


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "a special file"


def _bounded_read(fd: int, limit: int) -> bytes:
    """At most limit + 1 bytes: a file that grows while read, or a /proc file that reports size 0, stays bounded."""
    chunks, total = [], 0
    while total <= limit:
        chunk = os.read(fd, min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_regular_file(
    path: Path, display: str, problems: list[Problem], what: str, limit: int
) -> bytes | None:
    """The bytes of a regular file inside the datasets folder, or None after reporting why not.

    Sources are untrusted: a symbolic link may point at /etc/passwd, /dev/zero or a /proc file, and a
    named pipe blocks whoever opens it. So the path is resolved and must stay inside the datasets
    folder, it is opened without blocking and without following a last link, the open file must be a
    regular file, and at most `limit` + 1 bytes are ever read, whatever size the file reports.
    """
    root = os.path.realpath(datasets_root(path, display))
    real = os.path.realpath(path)
    if os.path.commonpath([root, real]) != root:
        problems.append(
            Problem(
                "file-outside",
                ERROR,
                f"{display} is a link to {real}, outside the datasets folder: it was not read",
                Location(display),
                hint=f"copy the {what} into the datasets folder instead of linking to it",
            )
        )
        return None
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        _unreadable(exc, display, problems, what)
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            code: ProblemCode = "file-unreadable" if stat.S_ISDIR(info.st_mode) else "special-file"
            problems.append(
                Problem(
                    code,
                    ERROR,
                    f"{display} is {_kind(info.st_mode)}, not a {what}: it was not read",
                    Location(display),
                    hint=f"put the {what} itself here (a regular file)",
                )
            )
            return None
        raw = _bounded_read(fd, limit) if info.st_size <= limit else b""
        size = max(info.st_size, len(raw))
        if size > limit:
            problems.append(
                Problem(
                    "file-too-large",
                    ERROR,
                    f"{what} is {size:,} bytes or more, more than {limit:,}",
                    Location(display),
                    hint="split it into smaller files, or check that this is the right file",
                )
            )
            return None
        return raw
    except OSError as exc:
        _unreadable(exc, display, problems, what)
        return None
    finally:
        os.close(fd)


def _unreadable(exc: OSError, display: str, problems: list[Problem], what: str) -> None:
    if exc.errno == errno.ELOOP:
        message, hint = (
            f"{what} is a symbolic link that cannot be resolved",
            "replace the link by the file itself",
        )
    else:
        message, hint = f"{what} cannot be read: {exc.strerror}", "check the file's permissions"
    problems.append(Problem("file-unreadable", ERROR, message, Location(display), hint=hint))


_read_bytes = read_regular_file


def read_text(path: Path, display: str, problems: list[Problem]) -> str | None:
    """A letter's source text, decoded (UTF-8; legacy scanner encodings with a warning)."""
    if not path.exists():
        return None
    raw = _read_bytes(path, display, problems, "text file", MAX_TEXT_BYTES)
    text = None if raw is None else _decode(raw, display, problems, "text file")
    if text is not None and not text.strip():
        problems.append(
            Problem(
                "file-empty",
                ERROR,
                "text file is empty",
                Location(display),
                hint="add the letter's text or remove the record",
            )
        )
        return None
    return text


def read_yaml(path: Path, display: str, problems: list[Problem]) -> object:
    """The YAML document in `path` with positions, or None after reporting why it could not be read."""
    raw = _read_bytes(path, display, problems, "YAML file", MAX_YAML_BYTES)
    text = None if raw is None else _decode(raw, display, problems, "YAML file")
    if text is None:
        return None
    if not text.strip():
        problems.append(
            Problem(
                "file-empty",
                ERROR,
                "YAML file is empty",
                Location(display),
                hint="add records or remove the file",
            )
        )
        return None
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        problems.append(_yaml_problem(exc, display, text))
        return None
    finally:
        loader.dispose()
    if data is None:
        problems.append(
            Problem(
                "file-empty",
                ERROR,
                "YAML file holds only comments or blank lines",
                Location(display),
                hint="add records or remove the file",
            )
        )
        return None
    problems += refused_characters(data, display)
    for key, mark in loader.duplicate_keys:
        problems.append(
            Problem(
                "yaml-duplicate-key",
                ERROR,
                f"key '{key}' appears twice in one mapping",
                Location(display, mark.line + 1, mark.column + 1),
                field=key,
                hint="remove one of them: the later one would silently win",
            )
        )
    return data


# Characters refused in any YAML value, each class for its reason: U+2028 and U+2029 end a line for
# JavaScript, Python's str.splitlines() and some N-Triples readers, though not for RDF; noncharacters
# (U+FFFE, U+FFFF, U+FDD0-U+FDEF and their like in every plane) are not allowed in XML, so catalog.rdf
# and SPARQL XML results could not hold them; a lone surrogate is not a character and has no UTF-8.
# Control characters (C0, DEL, C1 with U+0085) are refused by the record checks (checks.py). Every
# other character -- right-to-left overrides, zero-width marks, tabs, line breaks -- is carried
# safely: the writers escape what their format needs.
_REFUSED_CHARACTER = re.compile(
    "[\u2028\u2029\ufdd0-\ufdef\ud800-\udfff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
    + "]"
)


def _character_name(char: str) -> str:
    if "\ud800" <= char <= "\udfff":
        return "a lone surrogate (half of a UTF-16 pair, not a character)"
    if char in "\u2028\u2029":
        return "a line or paragraph separator (it breaks lines for many readers)"
    return "a noncharacter (XML cannot hold it)"


def refused_characters(data, display: str, root=None, path: tuple = ()) -> list[Problem]:
    """A problem (file:line:column, field) for every key or value that holds a refused character."""
    root = data if root is None else root
    problems = []
    if isinstance(data, str):
        found = _REFUSED_CHARACTER.search(data)
        if found:
            field = ".".join(map(str, path))
            line, column = position_of(root, list(path))
            problems.append(
                Problem(
                    "character-not-allowed",
                    ERROR,
                    f"{field or 'the value'} holds U+{ord(found.group()):04X}, "
                    f"{_character_name(found.group())} (character {found.start() + 1})",
                    Location(display, line, column),
                    field=field,
                    hint="remove it; write a line break as a real new line in a | block",
                )
            )
    elif isinstance(data, dict):
        for key, value in data.items():
            problems += refused_characters(key, display, root, path + (key,))
            problems += refused_characters(value, display, root, path + (key,))
    elif isinstance(data, list):
        for number, value in enumerate(data):
            problems += refused_characters(value, display, root, path + (number,))
    return problems


_NOT_QUOTES = (AliasError, yaml.constructor.ConstructorError)  # errors an open quote does not explain
_UNCLOSED = ("while scanning a quoted scalar", "while parsing a flow")


def _open_quote_line(text: str, before_line: int) -> int:
    """The line (1-based) whose double quote is still open at `before_line`, or 0: the usual cause of odd errors."""
    opened = 0
    for number, line in enumerate(text.split("\n")[:before_line], 1):  # lines as YAML counts them
        if line.lstrip().startswith("#"):
            continue
        if (line.count('"') - line.count('\\"')) % 2:
            opened = 0 if opened else number
    return opened


def _reader_problem(exc: yaml.reader.ReaderError, display: str, text: str) -> Problem:
    offset = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
    line, column = (
        (text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)) if offset >= 0 else (0, 0)
    )
    return Problem(
        "yaml-syntax",
        ERROR,
        f"YAML syntax: {exc.reason} (character U+{exc.character:04X})"
        if isinstance(exc.character, int)
        else f"YAML syntax: {exc.reason}",
        Location(display, line, column),
        hint="remove the invisible control character; write \\t or \\n in a double-quoted value if you need one",
    )


def _yaml_problem(exc: yaml.YAMLError, display: str, text: str = "") -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(exc, display, text)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and context_mark and context.startswith(_UNCLOSED):
        mark = context_mark  # an unclosed quote or bracket: point at where it was opened
    location = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
    open_line = _open_quote_line(text, mark.line) if mark and isinstance(exc, yaml.MarkedYAMLError) else 0
    if open_line and mark and isinstance(exc, yaml.MarkedYAMLError) and not isinstance(exc, _NOT_QUOTES):
        return Problem(
            "yaml-syntax",
            ERROR,
            f"YAML syntax: the double quote opened on this line is not closed on it; "
            f"YAML read on until line {mark.line + 1}, column {mark.column + 1}: {exc.problem}",
            Location(display, open_line, 1),
            hint='close the quote on the same line, or write \\" for a quote inside',
        )
    if isinstance(exc, NumberTooLong):
        return Problem(
            "number-too-long",
            ERROR,
            str(exc.problem),
            location,
            hint="correct the number; if it is a code or reference rather than a number, quote it",
        )
    if isinstance(exc, AliasError):
        return Problem("yaml-alias", ERROR, str(exc), location, hint="write the value out in full")
    if isinstance(exc, yaml.constructor.ConstructorError) and "constructor for the tag" not in str(
        exc.problem
    ):
        return Problem(
            "yaml-syntax",
            ERROR,
            f"YAML syntax: {exc.problem}",
            location,
            hint="write keys as plain words: 'field: value'",
        )
    if isinstance(exc, yaml.constructor.ConstructorError):
        found = re.search(r"tag '([^']*)'", str(exc.problem))
        tag = found.group(1).replace("tag:yaml.org,2002:", "!!") if found else "!tag"
        return Problem(
            "yaml-unsafe-tag",
            ERROR,
            f"the tag '{tag}' is not allowed: sources are plain YAML (text, numbers, lists, mappings)",
            location,
            hint="remove the tag; quote the value if it is text",
        )
    message = getattr(exc, "problem", None) or str(exc)
    if context and context_mark:
        message += (
            f" ({context} that starts at line {context_mark.line + 1}, column {context_mark.column + 1})"
        )
    hint = "check indentation and quoting on or just before this line; indent with spaces, never tabs"
    if context and context.startswith(_UNCLOSED):
        hint = "close the quote or bracket opened here"
    return Problem("yaml-syntax", ERROR, f"YAML syntax: {message}", location, hint=hint)


def position_of(data, path: list) -> tuple[int, int]:
    """Line and column of the deepest mapping key or list item on `path` that exists in `data`."""
    line, column = getattr(data, "line", 0), getattr(data, "column", 0)
    node = data
    for step in path:
        positions = (
            getattr(node, "key_positions", None)
            if isinstance(node, dict)
            else getattr(node, "item_positions", None)
        )
        if positions is None:
            break
        try:
            line, column = positions[step]
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return line, column
