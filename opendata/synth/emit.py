"""Records to YAML text, fast and in the layout of datasets/ (block style, two-space lists).

PyYAML's emitter costs about a millisecond per letter; these few lines write the same YAML in a
fraction of that. Keys and codes are written plain; every other string as a JSON string, which is
a valid YAML double-quoted scalar; dates plain (the reader keeps them as text).
"""

from __future__ import annotations

import json
import re

_PLAIN = re.compile(r"[a-z][a-z0-9-]*\Z")
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_dumps = json.JSONEncoder(ensure_ascii=False).encode


class Day(str):
    """An ISO date (YYYY-MM-DD) or month (YYYY-MM), written unquoted like the curated sources."""


def scalar(value) -> str:
    kind = type(value)
    if kind is str:
        if _PLAIN.match(value) and value not in _RESERVED:
            return value
        # U+2028/2029 are line breaks to libyaml even inside quotes: escape them.
        return _dumps(value).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    if kind is Day or kind is int:
        return str(value)
    if kind is bool:
        return "true" if value else "false"
    raise TypeError(f"cannot write {value!r} as a YAML scalar")


def mapping_lines(record: dict, indent: str = "") -> list[str]:
    """The lines of one mapping; None values and empty lists are left out."""
    lines: list[str] = []
    for key, value in record.items():
        if value is None:
            continue
        kind = type(value)
        if kind is list or kind is tuple:
            if not value:
                continue
            lines.append(f"{indent}{key}:")
            for item in value:
                if type(item) is dict:
                    lines += _item_lines(item, indent + "  ")
                else:
                    lines.append(f"{indent}  - {scalar(item)}")
        elif kind is dict:
            lines.append(f"{indent}{key}:")
            lines += mapping_lines(value, indent + "  ")
        else:
            lines.append(f"{indent}{key}: {scalar(value)}")
    return lines


def _item_lines(record: dict, indent: str) -> list[str]:
    lines = mapping_lines(record, indent + "  ")
    lines[0] = f"{indent}- {lines[0][len(indent) + 2 :]}"
    return lines


def document(record: dict) -> str:
    """One record as a YAML document (a letter file)."""
    return "\n".join(mapping_lines(record)) + "\n"


def record_list(records: list[dict]) -> str:
    """A list of records as a YAML document (organisations.yaml, people.yaml, ...)."""
    lines: list[str] = []
    for record in records:
        lines += _item_lines(record, "")
    return "\n".join(lines) + "\n"
