"""Privacy: the names of people who are not public are masked wherever text is published.

Each name, and each surname-like word of it, is replaced by as many marks as it has characters,
so character offsets into a text (evidence quotes) still hold.
"""

from __future__ import annotations

import re

from .records import Record

REDACTION_MARK = "█"


def name_parts(name: str) -> list[str]:
    """The full name and each surname-like word of it (three letters or more, not initials):
    a letter may name 'burgemeester Lenferink' without the initials."""
    words = [w for w in re.findall(r"[^\s.,]+", name) if len(w) >= 3 and any(c.islower() for c in w)]
    return [name] + [w for w in words if w != name]


def redact(text: str, names: list[str]) -> str:
    """Mask each name (and its surname) with as many marks as it has characters, so offsets into
    the text still hold."""
    parts = {part for name in filter(None, names) for part in name_parts(name)}
    for part in sorted(parts, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", lambda m: REDACTION_MARK * len(m.group()), text)
    return text


def redacted_record(record: Record, names: list[str]) -> Record:
    """The record with every name of a non-public person masked in its text values."""
    if not names:
        return record
    data = type(record.data)(record.data)
    data.__dict__.update(record.data.__dict__)
    for key, value in data.items():
        if isinstance(value, str):
            data[key] = redact(value, names)
        elif isinstance(value, list):
            data[key] = [redact(v, names) if isinstance(v, str) else v for v in value]
    text = redact(record.text, names) if record.text is not None else None
    return Record(record.cls, data, record.file, record.owner, record.index, text)
