"""Read the source files of a dataset: YAML with line numbers, letter texts with their encoding.

Reading never raises on bad data; it returns what it could read plus Problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.cyaml import CParser

from .problems import ERROR, WARNING, Location, Problem

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
                raise yaml.constructor.ConstructorError(None, None, "a mapping key must be a plain word", key_node.start_mark)
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


_Constructor.add_constructor("tag:yaml.org,2002:map", _Constructor.construct_located_mapping)
_Constructor.add_constructor("tag:yaml.org,2002:seq", _Constructor.construct_located_sequence)
# Dates stay text: the checks report impossible dates (31 June) with their position.
_Constructor.add_constructor("tag:yaml.org,2002:timestamp", yaml.constructor.SafeConstructor.construct_yaml_str)


class AliasError(yaml.YAMLError):
    def __init__(self, mark) -> None:
        super().__init__("YAML anchors and aliases are not allowed in sources")
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


def _decode(raw: bytes, display: str, problems: list[Problem], what: str) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem("bom", WARNING, f"{what} starts with a UTF-8 byte-order mark; it was ignored",
                                Location(display, 1, 1), hint="save the file as UTF-8 without BOM"))
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        for legacy in ("cp1252", "latin-1"):
            try:
                text = raw.decode(legacy)
            except UnicodeDecodeError:
                continue
            problems.append(Problem(
                "encoding", WARNING,
                f"{what} is not UTF-8 (byte 0x{raw[exc.start]:02x}); it was read as {legacy.replace('cp', 'Windows-')}",
                Location(display, line, column),
                hint=f"convert it: iconv -f {legacy.upper()} -t UTF-8"))
            return text
        return None  # latin-1 decodes every byte: not reached


def read_text(path: Path, display: str, problems: list[Problem]) -> str | None:
    """A letter's source text, decoded (UTF-8; legacy scanner encodings with a warning)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size > MAX_TEXT_BYTES:
        problems.append(Problem("file-too-large", ERROR, f"text file is {size:,} bytes, more than {MAX_TEXT_BYTES:,}",
                                Location(display), hint="split the letter or check that this is the right file"))
        return None
    text = _decode(path.read_bytes(), display, problems, "text file")
    if text is not None and not text.strip():
        problems.append(Problem("file-empty", ERROR, "text file is empty", Location(display),
                                hint="add the letter's text or remove the record"))
        return None
    return text


def read_yaml(path: Path, display: str, problems: list[Problem]) -> object:
    """The YAML document in `path` with positions, or None after reporting why it could not be read."""
    size = path.stat().st_size
    if size > MAX_YAML_BYTES:
        problems.append(Problem("file-too-large", ERROR, f"YAML file is {size:,} bytes, more than {MAX_YAML_BYTES:,}",
                                Location(display), hint="split it into smaller files"))
        return None
    text = _decode(path.read_bytes(), display, problems, "YAML file")
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem("file-empty", ERROR, "YAML file is empty", Location(display),
                                hint="add records or remove the file"))
        return None
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        problems.append(_yaml_problem(exc, display))
        return None
    finally:
        loader.dispose()
    for key, mark in loader.duplicate_keys:
        problems.append(Problem("yaml-duplicate-key", ERROR, f"key '{key}' appears twice in one mapping",
                                Location(display, mark.line + 1, mark.column + 1), field=key,
                                hint="remove one of them: the later one would silently win"))
    return data


def _yaml_problem(exc: yaml.YAMLError, display: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    location = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
    if isinstance(exc, AliasError):
        return Problem("yaml-alias", ERROR, str(exc), location, hint="write the value out in full")
    if isinstance(exc, yaml.constructor.ConstructorError):
        return Problem("yaml-unsafe-tag", ERROR, f"{exc.problem}", location,
                       hint="sources are plain YAML: remove the !tag")
    message = getattr(exc, "problem", None) or str(exc)
    return Problem("yaml-syntax", ERROR, f"YAML syntax: {message}", location,
                   hint="check indentation and quoting on or just before this line")


def position_of(data, path: list) -> tuple[int, int]:
    """Line and column of the deepest mapping key or list item on `path` that exists in `data`."""
    line, column = getattr(data, "line", 0), getattr(data, "column", 0)
    node = data
    for step in path:
        positions = getattr(node, "key_positions", None) if isinstance(node, dict) else getattr(node, "item_positions", None)
        try:
            line, column = positions[step]
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return line, column
