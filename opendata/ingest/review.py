"""`opendata review`: the draft records a person should check, field by field, with the evidence.

For each draft (`status: draft`) it lists the fields whose confidence is below a threshold, where
the field stands (`file:line`), its value, and the quote with its line in the letter's text; and
the fields the draft declares unknown. Reviewing means correcting the record and removing
`status: draft` (and `extracted_by`); ingest never overwrites such a record again.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from opendata.model.problems import ERROR, Problem, render_text
from opendata.model.register import load_register
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
    names: str = ""  # the names of the records the value's ids name ("gemeente Eibergen"), to check it by

    def render(self) -> str:
        if self.confidence is not None:
            sure = f"confidence {self.confidence:.2f}"
        elif self.quote:
            sure = "no confidence given"
        elif self.evidence:  # an editorial choice of ingest, or a reviewed record naming a draft
            sure = "to check"
        else:
            sure = "unknown: the text does not say"
        named = f" ({self.names})" if self.names else ""
        text = f"{self.file}:{self.line}: {self.record} {self.field} = {self.value}{named} ({sure})"
        if self.quote:
            text += f'\n    evidence {self.evidence}: "{_one_line(self.quote)}"'
        elif self.evidence:
            text += f"\n    {self.evidence}"
        return text


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 100 else flat[:97] + "..."


def drafts_to_review(
    root: Path, threshold: float, problems: list[Problem] | None = None
) -> tuple[int, list[Doubt]]:
    """How many drafts there are, and their doubtful fields in file order; files that cannot be
    read as YAML are added to `problems` (with their file and line)."""
    problems = [] if problems is None else problems
    drafts, doubts = 0, []
    letters = [
        (f"letters/{path.name}", read_yaml(path, f"letters/{path.name}", problems))
        for path in sorted((root / "letters").glob("*.yaml"))
    ]
    shared = [(name, read_yaml(root / name, name, problems)) for name in SHARED if (root / name).is_file()]
    named = _drafts_by_id(letters, shared)
    names = _names(shared)
    for display, data in letters:
        if isinstance(data, dict) and data.get("status") == "draft":
            drafts += 1
            doubts += _doubts(root, display, data, [], threshold, names=names)
        elif isinstance(data, dict):
            doubts += _reviewed_naming_drafts(display, data, named)
    for name, data in shared:
        for number, record in enumerate(data if isinstance(data, list) else []):
            if isinstance(record, dict) and record.get("status") == "draft":
                drafts += 1
                doubts += _doubts(root, name, record, [number], threshold, data, names=names)
    return drafts, doubts


def _names(shared: list[tuple[str, object]]) -> dict[str, str]:
    """The name of every organisation in the register and every organisation and person record, by id:
    a value that is an id ("gm0229", "college-gm0881") is checked against its quote by its name."""
    names = {code: organisation.name for code, organisation in load_register().by_code.items()}
    for name, data in shared:
        if name not in ("organisations.yaml", "people.yaml"):
            continue
        for record in data if isinstance(data, list) else []:
            if isinstance(record, dict) and isinstance(record.get("id"), str) and record.get("name"):
                names[record["id"]] = str(record["name"])
    return names


# The fields of a letter that hold no reference to another record.
_NOT_REFERENCES = frozenset(
    ("id", "status", "extracted_by", "kind", "title", "text", "sources", "unknown", "note", "corrections")
)


def _drafts_by_id(letters: list[tuple[str, object]], shared: list[tuple[str, object]]) -> dict[str, str]:
    """The id of every draft record, with its file and line."""
    drafts: dict[str, str] = {}
    for name, data in shared:
        for number, record in enumerate(data if isinstance(data, list) else []):
            if (
                isinstance(record, dict)
                and record.get("status") == "draft"
                and isinstance(record.get("id"), str)
            ):
                drafts.setdefault(record["id"], f"{name}:{position_of(data, [number])[0]}")
    for display, data in letters:
        if isinstance(data, dict) and data.get("status") == "draft" and isinstance(data.get("id"), str):
            drafts.setdefault(data["id"], f"{display}:{position_of(data, [])[0] or 1}")
    return drafts


def _reviewed_naming_drafts(display: str, letter: dict, drafts: dict[str, str]) -> list[Doubt]:
    """A reviewed letter (no `status: draft`) that still names a draft record (an organisation, person
    or letter ingest drafted with it): not published without drafts, where `validate` then finds the
    name unknown. Each such name, where it stands, with where the draft is."""
    return [
        Doubt(
            display,
            position_of(letter, path)[0],
            str(letter.get("id", "?")),
            ".".join(map(str, path)),
            value,
            None,
            "",
            f"reviewed, but names the draft {value} ({drafts[value]}): review that record too "
            "(remove its status: draft), or it is not published and this name is unknown",
        )
        for path, value in _named(letter, [])
        if value in drafts
    ]


def _named(value, path: list) -> list[tuple[list, str]]:
    """(path, text) of every text a record holds outside the fields that name no record."""
    if isinstance(value, dict):
        return [
            found
            for key, item in value.items()
            if not (isinstance(key, str) and key in _NOT_REFERENCES) and not str(key).startswith("date")
            for found in _named(item, [*path, key])
        ]
    if isinstance(value, list):
        return [found for number, item in enumerate(value) for found in _named(item, [*path, number])]
    return [(path, value)] if isinstance(value, str) else []


def _doubts(
    root: Path,
    display: str,
    record: dict,
    path: list,
    threshold: float,
    document=None,
    owner: dict | None = None,
    names: dict[str, str] | None = None,
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
        listed = isinstance(values, list) and isinstance(source, list) and len(values) == len(entries)
        values = values if isinstance(values, list) else [values]
        for number, entry in enumerate(entries):
            if not isinstance(entry, dict):
                continue
            confidence = entry.get("confidence")
            editorial = "editorial" in entry
            if not editorial and (not isinstance(confidence, (int, float)) or confidence >= threshold):
                continue
            value = values[number] if len(values) == len(entries) else values
            # a list's value on its own line ("  - gs-pv28"), else the field's
            line, _ = position_of(document, [*path, field, number] if listed else [*path, field])
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
                    _names_of(value, names or {}),
                )
            )
    unknown = record.get("unknown") or []  # a list; a person's hand may have written one name alone
    for field in unknown if isinstance(unknown, list) else [unknown]:
        line, _ = position_of(document, [*path, "unknown"])
        found.append(Doubt(display, line, record_id, str(field), "?", None, "", ""))
    signatories = record.get("signatories")
    for number, signature in enumerate(signatories if isinstance(signatories, list) else []):
        if isinstance(signature, dict):
            found += _doubts(
                root, display, signature, [*path, "signatories", number], threshold, document, record, names
            )
    return found


def _names_of(value, names: dict[str, str]) -> str:
    """The names of the records a value's ids name, where it names any."""
    values = value if isinstance(value, list) else [value]
    return ", ".join(names[v] for v in values if isinstance(v, str) and names.get(v, v) != v)


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
    if not text_path.is_file() or not isinstance(start, int) or isinstance(start, bool):
        return f"letters/{letter}.txt"
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return f"letters/{letter}.txt"
    return f"letters/{letter}.txt:{text.count(chr(10), 0, start) + 1}"


def review_command(root: Path, threshold: float, fmt: str) -> int:
    """Exit 0; 1 when a record file could not be read (its problem printed, the others listed); 2 usage."""
    if not root.is_dir():
        print(f"opendata review: {root} is not a folder", file=sys.stderr)
        return 2
    problems: list[Problem] = []
    drafts, doubts = drafts_to_review(root, threshold, problems)
    problems = [p for p in problems if p.severity == ERROR]
    try:
        if fmt == "json":
            report = {"drafts": drafts, "threshold": threshold, "fields": [asdict(d) for d in doubts]}
            report["problems"] = [p.as_json() for p in sorted(problems, key=Problem.sort_key)]
            print(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            for doubt in doubts:
                print(doubt.render())
            print(
                f"{drafts} draft records; {len(doubts)} fields to check (confidence below {threshold} or unknown)"
            )
            if problems:
                print(render_text(problems), file=sys.stderr)
    except BrokenPipeError:  # `opendata review | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1 if problems else 0
