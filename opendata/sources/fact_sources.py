"""Drafts, and a record's `sources` as Source records: one reified statement per (field, value, source).

Each becomes an rdf:Statement node (class Source in the model) that names the record, the field's
property and the value, and says where the value comes from: a passage of a letter's text (an
oa:SpecificResource with quote and position selectors, as positions' evidence), a register, or an
editorial addition with its note. A draft record's statements carry its status and tool, so the
same SPARQL pattern tells reviewed from machine-extracted facts. See docs/fact-sources.md.
"""

from __future__ import annotations

from decimal import Decimal

from opendata.model.model import LETTER, WHOLE_RECORD_FIELDS, Field, Model
from opendata.model.problems import WARNING, Problem
from opendata.sources.records import Record

EVIDENCE_KEYS = ("start", "end", "quote")


def is_draft(record) -> bool:
    """A record machine-extracted and not reviewed by a person (`status: draft`)."""
    return record.data.get("status") == "draft"


def draft_skipped(record) -> Problem:
    """The warning that a draft is not published (publication.yaml says include_drafts: false)."""
    what = f"{record.cls.en.lower()} '{record.key}'"
    return Problem(
        "draft-skipped",
        WARNING,
        f"{what} is a draft (machine-extracted, not reviewed) and is not published",
        record.location("status"),
        field="status",
        hint="review it and remove 'status: draft', or publish drafts with include_drafts: true in publication.yaml",
    )


def source_kind(entry: dict) -> str | None:
    """text, register or editorial; None when the entry is not exactly one of them."""
    kinds = [
        kind
        for kind, present in (
            ("text", any(k in entry for k in EVIDENCE_KEYS)),
            ("register", "register" in entry),
            ("editorial", "editorial" in entry),
        )
        if present
    ]
    return kinds[0] if len(kinds) == 1 else None


def entries(value) -> list[dict]:
    """A field's sources as a list (one source may be written without the list)."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, dict)]


def decimal_text(number) -> str:
    """A confidence as an xsd:decimal lexical form (never exponent notation)."""
    text = format(Decimal(str(number)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def pair_values(values: list, sources: list[dict]) -> list[tuple[object, dict]]:
    """Which source supports which value: in order when there are as many of each, otherwise every
    source supports every value. A field without a value (declared unknown) has its sources alone."""
    if not values:
        return [(None, source) for source in sources]
    if len(values) == len(sources):
        return list(zip(values, sources))
    return [(value, source) for value in values for source in sources]


def evidence_letter(record: Record, entry: dict) -> str | None:
    """The key of the letter whose text holds the evidence: named, or the record's own letter."""
    if "letter" in entry:
        return entry["letter"]
    letter = record.owner or record
    return letter.key if letter.cls.name == LETTER else None


def source_data(
    record: Record, f: Field, value, entry: dict, key: str, subject: str, predicate: str, status: dict
) -> dict:
    """The data of one Source record: the fields of class Source in the model, named here because each
    is filled from its own part of the entry (docs/fact-sources.md)."""
    data = {
        "id": key,
        "subject": subject,
        "predicate": predicate,
        "field": f.name,
        "kind": source_kind(entry),
        **status,
    }
    if value is not None:
        data["object"] = value
    if "register" in entry:
        data["register"] = entry["register"]
    if "editorial" in entry:
        data["editorial_note"] = entry["editorial"]
    if "confidence" in entry:
        data["confidence"] = entry["confidence"]
    if data["kind"] == "text":
        letter = evidence_letter(record, entry)
        if letter:
            data["source_text"] = f"{letter}.txt"
        data.update({k: entry[k] for k in EVIDENCE_KEYS})
    return data


def record_status(record: Record) -> dict:
    """The status and tool of a record, or of the letter an inline record belongs to."""
    whole = record.owner or record
    return {k: whole.data[k] for k in WHOLE_RECORD_FIELDS if k in whole.data}


def source_key(model: Model, record: Record, field_name: str, number: int) -> str:
    """A readable, stable key: the record's segment and key, the field and a number."""
    if record.owner is not None and not record.key:
        owner = record.owner
        base = f"{owner.cls.iri}-{owner.key}-{record.cls.iri.lstrip('#')}-{record.index + 1}"
    else:
        base = f"{record.cls.iri}-{record.key}"
    return f"{base}-{field_name.replace('_', '-')}-{number}"
