"""`opendata review`: the draft records a person should check, field by field, with the evidence.

For each draft (`status: draft`) it lists the fields whose confidence is below a threshold, where
the field stands (`file:line`), its value, and the quote with its line in the letter's text; and
the fields the draft declares unknown. Reviewing means correcting the record and removing
`status: draft` (and `extracted_by`); ingest never overwrites such a record again.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from opendata.model.problems import Problem
from opendata.sources.reading import position_of, read_yaml

SHARED = (
    "organisations.yaml",
    "people.yaml",
    "posts.yaml",
    "memberships.yaml",
    "meetings.yaml",
    "themes.yaml",
)


@dataclass(frozen=True)
class Doubt:
    """One field of a draft to check."""

    file: str
    line: int
    record: str
    field: str
    value: str
    confidence: float | None
    quote: str
    evidence: str  # text file and line of the quote, or the kind of source

    def render(self) -> str:
        sure = (
            "unknown: the text does not say"
            if self.confidence is None and not self.quote
            else f"confidence {self.confidence:.2f}"
            if self.confidence is not None
            else "no confidence given"
        )
        text = f"{self.file}:{self.line}: {self.record} {self.field} = {self.value} ({sure})"
        if self.quote:
            text += f'\n    evidence {self.evidence}: "{_one_line(self.quote)}"'
        elif self.evidence:
            text += f"\n    {self.evidence}"
        return text


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 100 else flat[:97] + "..."


def drafts_to_review(root: Path, threshold: float) -> tuple[int, list[Doubt]]:
    """How many drafts there are, and their doubtful fields in file order."""
    drafts, doubts = 0, []
    problems: list[Problem] = []
    for path in sorted((root / "letters").glob("*.yaml")):
        data = read_yaml(path, f"letters/{path.name}", problems)
        if isinstance(data, dict) and data.get("status") == "draft":
            drafts += 1
            doubts += _doubts(root, f"letters/{path.name}", data, [], threshold)
    for name in SHARED:
        path = root / name
        data = read_yaml(path, name, problems) if path.is_file() else None
        for number, record in enumerate(data if isinstance(data, list) else []):
            if isinstance(record, dict) and record.get("status") == "draft":
                drafts += 1
                doubts += _doubts(root, name, record, [number], threshold, data)
    return drafts, doubts


def _doubts(
    root: Path,
    display: str,
    record: dict,
    path: list,
    threshold: float,
    document=None,
    owner: dict | None = None,
) -> list[Doubt]:
    """`owner`: the letter a signature belongs to (its id names the signature and its text holds the evidence)."""
    document = record if document is None else document
    record_id = str(record.get("id", "?")) if owner is None else f"{owner.get('id', '?')} signature"
    written = record.get("sources")
    sources = written if isinstance(written, dict) else {}
    found = []
    for field, source in sources.items():
        entries = source if isinstance(source, list) else [source]
        values = record.get(field)
        values = values if isinstance(values, list) else [values]
        for number, entry in enumerate(entries):
            if not isinstance(entry, dict):
                continue
            confidence = entry.get("confidence")
            editorial = "editorial" in entry
            if not editorial and (not isinstance(confidence, (int, float)) or confidence >= threshold):
                continue
            value = values[number] if len(values) == len(entries) else values
            line, _ = position_of(document, [*path, field])
            found.append(
                Doubt(
                    display,
                    line,
                    record_id,
                    field,
                    _show(value),
                    confidence if not editorial else None,
                    str(entry.get("quote", "")),
                    _where(root, owner or record, entry),
                )
            )
    for field in record.get("unknown") or []:
        line, _ = position_of(document, [*path, "unknown"])
        found.append(Doubt(display, line, record_id, str(field), "?", None, "", ""))
    for number, signature in enumerate(record.get("signatories") or []):
        if isinstance(signature, dict):
            found += _doubts(
                root, display, signature, [*path, "signatories", number], threshold, document, record
            )
    return found


def _show(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _where(root: Path, record: dict, entry: dict) -> str:
    """`letters/<id>.txt:<line>` for evidence in a text; the editorial note or register otherwise."""
    if "editorial" in entry:
        return f"editorial: {entry['editorial']}"
    if "register" in entry:
        return f"from the {entry['register']} register"
    letter = entry.get("letter") or record.get("id")
    text_path = root / "letters" / f"{letter}.txt"
    start = entry.get("start")
    if not text_path.is_file() or not isinstance(start, int):
        return f"letters/{letter}.txt"
    text = text_path.read_text(encoding="utf-8")
    return f"letters/{letter}.txt:{text.count(chr(10), 0, start) + 1}"


def review_command(root: Path, threshold: float, fmt: str) -> int:
    if not root.is_dir():
        print(f"opendata review: {root} is not a folder", file=sys.stderr)
        return 2
    drafts, doubts = drafts_to_review(root, threshold)
    if fmt == "json":
        print(
            json.dumps(
                {"drafts": drafts, "threshold": threshold, "fields": [asdict(d) for d in doubts]},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for doubt in doubts:
        print(doubt.render())
    print(f"{drafts} draft records; {len(doubts)} fields to check (confidence below {threshold} or unknown)")
    return 0
