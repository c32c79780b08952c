"""Checks on the source records, before any graph is built. Each yields Problems."""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import graphlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path

import fastjsonschema
import jsonschema
import pyoxigraph

from opendata.model.model import (
    GENERATED_DIR,
    ID_FIELD,
    KEY_PATTERN,
    LETTER,
    ORGANISATION,
    UNKNOWN_FIELD,
    Model,
)
from opendata.model.problems import ERROR, WARNING, Location, Problem
from opendata.model.register import Register
from opendata.sources import fact_sources
from opendata.sources.reading import read_text
from opendata.sources.records import LETTERS_DIR, Dataset, R, Record, RecordLike
from opendata.sources.schema_problems import control_characters, date_hint, schema_problem
from opendata.sources.statement_text import clean_statement

# The rules of this module that the model cannot state name its classes and fields here, in one place
# (schemas/model.yaml has no words for "received on or after sent" or "no circles"); every other name
# comes from the model.
SENT, RECEIVED = "date_sent", "date_received"  # a letter is received on or after it is sent
PARTIES = ("sender", "addressees")  # the organisations of a letter must exist on its date (TOOI)
POSITION = "Position"  # its quote stands at its offsets in its letter's text
STATEMENT, QUOTE, CORRECTIONS = "statement", "quote", "corrections"  # the statement is the quote, cleaned
# Fields whose value stands in its quote as written (spaces and case aside): a reference.
AS_WRITTEN = ("our_reference", "your_reference", "dossier_number")
# Links that must not go round in a circle, per class; and memberships, member to organisation.
ACYCLIC = {ORGANISATION: ["part_of"], "Theme": ["broader"], LETTER: ["attachments", "cites"]}
MEMBERSHIP, MEMBER, MEMBER_OF = "Membership", "member", "organisation"


@functools.cache
def _schema_defs() -> dict:
    """The JSON Schema of every class, generated from the model."""
    return json.loads((GENERATED_DIR / "records.schema.json").read_text(encoding="utf-8"))["$defs"]


@functools.cache
def _validators() -> dict[str, jsonschema.Draft202012Validator]:
    checker = jsonschema.FormatChecker()
    return {
        name: jsonschema.Draft202012Validator(
            {"$ref": f"#/$defs/{name}", "$defs": _schema_defs()}, format_checker=checker
        )
        for name in _schema_defs()
    }


SCHEMA_CODES = {
    "unknown-field",
    "missing-field",
    "invalid-date",
    "invalid-value",
    "invalid-format",
    "wrong-type",
    "schema",
}


def real_date_or_month(value: str) -> bool:
    if len(value) == 7:
        return value[4] == "-" and value[5:].isdigit() and 1 <= int(value[5:]) <= 12
    return _date(value) is not None


def _schema_problem(record: Record, error: jsonschema.ValidationError) -> Problem:
    return schema_problem(error, record.location)


def _is_real_date(value) -> bool:
    """The same judgement as jsonschema's date format (fastjsonschema's own regex lets 0000-19-39 through)."""
    try:
        datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return len(value) == 10


# A class's schema is compiled to Python (fastjsonschema, ~25x faster on valid records) once this process has
# checked this many records of it; below that, compiling (~75 ms a class) costs more than it saves.
FAST_FROM = 500
_checked: Counter[str] = Counter()  # records checked per class in this process


@functools.cache
def _fast_validator(class_name: str):
    """The compiled check of one class: it says only valid or not and stops at the first error."""
    return fastjsonschema.compile(
        {"$ref": f"#/$defs/{class_name}", "$defs": _schema_defs()},
        formats={"iri": lambda value: True, "date": _is_real_date},
    )


def check_schema(record: Record) -> Iterator[Problem]:
    """Every schema error of a record. Both validators judge alike; only jsonschema lists every error
    with its path, so a record the compiled check rejects is checked again by jsonschema."""
    name = record.cls.name
    _checked[name] += 1
    if _checked[name] > FAST_FROM:
        try:
            _fast_validator(name)(record.data)
            return
        except fastjsonschema.JsonSchemaValueException:
            pass
    validator = _validators()[name]
    for error in sorted(validator.iter_errors(record.data), key=lambda e: list(map(str, e.absolute_path))):
        yield _schema_problem(record, error)


def _in_misnamed_file(record: RecordLike) -> bool:
    letter = record.owner or record
    return letter.cls.name == LETTER and letter.file.rsplit("/", 1)[-1].removesuffix(".yaml") != letter.key


# A record's key names its files (doc/brief/{key}.en.html, tekst/{key}.txt): a file name may have 255 bytes.
KEY_MAX_LENGTH = 240


def check_ids(dataset: Dataset[R], register: Register) -> Iterator[Problem]:
    seen: dict[tuple[str, str], R] = {}
    for class_name, records in sorted(dataset.records.items()):
        for record in sorted(
            records, key=_in_misnamed_file
        ):  # a copied letter file is the duplicate, not the original
            key = record.data.get(ID_FIELD)
            if not isinstance(key, str):
                continue
            if len(key) > KEY_MAX_LENGTH:
                yield Problem(
                    "invalid-format",
                    ERROR,
                    f"{record.cls.en.lower()} id '{key[:40]}…' has {len(key)} characters: the names of its"
                    f" files ({key[:12]}….en.html) would be longer than a file name may be",
                    record.location(ID_FIELD),
                    field=record.field_prefix + ID_FIELD,
                    hint=f"shorten it to at most {KEY_MAX_LENGTH} characters",
                )
            if class_name == ORGANISATION and key in register:
                yield Problem(
                    "duplicate-id",
                    ERROR,
                    f"'{key}' is a TOOI register code; register organisations need no record",
                    record.location(ID_FIELD),
                    field=ID_FIELD,
                    hint="remove this record and refer to the code directly",
                )
            first = seen.get((class_name, key))
            if first:
                yield Problem(
                    "duplicate-id",
                    ERROR,
                    f"{record.cls.en.lower()} id '{key}' is already used at {first.location('id')}",
                    record.location(ID_FIELD),
                    field=record.field_prefix + ID_FIELD,
                    hint="give each record its own id",
                )
            else:
                seen[(class_name, key)] = record


def _values(record: RecordLike, field_name: str) -> list[tuple[list, object]]:
    value = record.data.get(field_name)
    if isinstance(value, list):
        return [([field_name, i], v) for i, v in enumerate(value)]
    return [] if value is None else [([field_name], value)]


class _AnyKey(frozenset):
    """The keys of a class whose source file could not be read: any reference to it may be right."""

    def __contains__(self, key) -> bool:
        return True


def reference_index(dataset: Dataset[R]) -> dict[str, AbstractSet[str]]:
    index: dict[str, AbstractSet[str]] = {
        name: {r.key for r in records if r.key} for name, records in dataset.records.items()
    }
    for name, keys in dataset.unreadable_keys.items():
        index[name] = index.get(name, set()) | keys
    for name in dataset.unreadable_classes:
        index[name] = _AnyKey()
    return index


@functools.cache
def _reference_fields(model: Model, class_name: str) -> tuple:
    """The fields of a class that refer to records of another class (not inline ones)."""
    return tuple(
        f
        for f in model.classes[class_name].fields.values()
        if model.is_class(f.range) and not model.classes[f.range].inline
    )


@functools.cache
def _date_fields(model: Model, class_name: str) -> tuple:
    return tuple(f for f in model.classes[class_name].fields.values() if f.range in ("date", "date_or_month"))


# The drafts a publication leaves out (include_drafts: false), by (class name, key): where each is.
UnpublishedDrafts = Mapping[tuple[str, str], Location]


def check_references(
    model: Model,
    record: RecordLike,
    index: dict[str, AbstractSet[str]],
    register: Register,
    drafts: UnpublishedDrafts | None = None,
) -> Iterator[Problem]:
    """A reference to a key no published record has: a draft left out of the publication, or unknown."""
    data = record.data
    for f in _reference_fields(model, record.cls.name):
        if data.get(f.name) is None:
            continue
        known = index.get(f.range, set())
        for path, value in _values(record, f.name):
            if (
                not isinstance(value, str)
                or value in known
                or (f.range == ORGANISATION and value in register)
            ):
                continue
            if not re.fullmatch(KEY_PATTERN, value):
                continue  # not a key at all: the schema check reports it, with the key it should be
            draft = (drafts or {}).get((f.range, value))
            if draft is not None:
                yield _reference_to_draft(record, f.name, f.range, value, path, draft)
                continue
            hint = ""
            close = difflib.get_close_matches(value, known, n=1, cutoff=0.7)
            if close:
                hint = f"did you mean {close[0]}?"
            elif f.range == ORGANISATION:
                hint = (
                    register.suggest(value)
                    or "use a TOOI code (gm0546) or the id of a record in organisations.yaml"
                )
            else:
                hint = f"add a {f.range.lower()} record with id '{value}'"
            yield Problem(
                "unknown-reference",
                ERROR,
                f"{f.name} refers to unknown {f.range.lower()} '{value}'",
                record.location(*path),
                field=".".join(map(str, path)),
                hint=hint,
            )


def _reference_to_draft(
    record: RecordLike, name: str, range_: str, value: str, path: list, draft: Location
) -> Problem:
    """A reviewed record names a draft the publication leaves out: the reference would point nowhere."""
    return Problem(
        "reference-to-draft",
        ERROR,
        f"{name} refers to {range_.lower()} '{value}', a draft (machine-extracted, not reviewed) at "
        f"{draft} that is not published",
        record.location(*path),
        field=".".join(map(str, path)),
        hint=f"review the draft at {draft} and remove 'status: draft', or publish drafts with "
        "include_drafts: true in publication.yaml",
    )


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def check_future(model: Model, record: RecordLike, today: datetime.date) -> Iterator[Problem]:
    """Dates after today are implausible (kept apart: it is the one check that depends on the clock)."""
    for f in _date_fields(model, record.cls.name):
        value = record.data.get(f.name)
        if isinstance(value, str) and value[:10] > today.isoformat():
            day = _date(value)
            if day and day > today:
                yield Problem(
                    "date-in-future",
                    ERROR,
                    f"{f.name} {day} lies in the future",
                    record.location(f.name),
                    field=f.name,
                    hint=f"a date on or before {today}",
                )


def check_dates(record: Record, register: Register) -> Iterator[Problem]:
    data = record.data
    for f in record.cls.fields.values():  # the schema checks only the form YYYY-MM(-DD) of these
        value = data.get(f.name)
        if f.range == "date_or_month" and isinstance(value, str) and not real_date_or_month(value):
            yield Problem(
                "invalid-date",
                ERROR,
                f"{value!r} is not a real date or month",
                record.location(f.name),
                field=f.name,
                hint=date_hint(value, month_allowed=True),
            )
    sent, received = _date(data.get(SENT)), _date(data.get(RECEIVED))
    if sent and received and received < sent:
        yield Problem(
            "date-order",
            ERROR,
            f"received {received} before it was sent {sent}",
            record.location(RECEIVED),
            field=RECEIVED,
            hint="swap the dates or correct one of them",
        )
    start, end = _date(data.get("start")), _date(data.get("end"))
    if start and end and end < start:
        yield Problem(
            "date-order",
            ERROR,
            f"end {end} is before start {start}",
            record.location("end"),
            field="end",
            hint="swap start and end",
        )
    when = sent or received
    if record.cls.name == LETTER and when:
        for field_name in PARTIES:
            for path, code in _values(record, field_name):
                org = register.get(code) if isinstance(code, str) else None
                if org and not org.existed_on(when.isoformat()):
                    yield Problem(
                        "organisation-not-existing",
                        ERROR,
                        f"{org.code} ({org.name}) did not exist on {when} (TOOI: {org.lifetime()})",
                        record.location(*path),
                        field=".".join(map(str, path)),
                        hint="check the date, or use the organisation that existed then",
                    )


def check_characters(record: Record) -> Iterator[Problem]:
    """Every text value of a top-level record, inline records (positions, signatures) included."""
    if record.owner is None:
        yield from control_characters(record.data, record.location)


def check_unknown(record: Record) -> Iterator[Problem]:
    for path, name in _values(record, UNKNOWN_FIELD):
        if isinstance(name, str) and record.data.get(name) is not None:
            yield Problem(
                "unknown-but-given",
                ERROR,
                f"'{name}' is declared unknown but also given",
                record.location(*path),
                field=".".join(map(str, path)),
                hint=f"remove '{name}' from unknown, or remove the value",
            )


def check_evidence(record: Record) -> Iterator[Problem]:
    """A position's quote must stand at its offsets in the letter's source text."""
    text = record.owner.text if record.owner else None
    quote, start, end = record.data.get("quote"), record.data.get("start"), record.data.get("end")
    if not (isinstance(quote, str) and type(start) is int and type(end) is int and start >= 0):
        return  # not offsets at all: the schema check of the letter reports it
    if text is None and record.owner is not None and record.owner.data.get("text"):
        return  # the text is named but could not be read: that is reported already
    if text is None:
        yield Problem(
            "evidence-without-text",
            ERROR,
            "the position quotes a letter that has no source text",
            record.location("quote"),
            field="quote",
            hint=f"add the line text: {record.owner.key}.txt to the letter, with that file beside it"
            if record.owner is not None
            else "add the letter's text file",
        )
        return
    if text[start:end] == quote:
        return
    found = text.find(quote)
    hint = (
        f"the quote stands at start: {found}, end: {found + len(quote)}"
        if found >= 0
        else "the quote does not occur in the text: copy it exactly, line breaks and spaces included"
    )
    yield Problem(
        "evidence-mismatch",
        ERROR,
        f"the text at {start}–{end} is {text[start:end][:60]!r}, not the quote",
        record.location("start"),
        field="start",
        hint=hint,
    )


def _evidence_problem(text: str, entry: dict, locate, field: str) -> Problem | None:
    """evidence-mismatch when the quote does not stand at its offsets in the text, else None."""
    start, end, quote = entry["start"], entry["end"], entry["quote"]
    if text[start:end] == quote:
        return None
    found = text.find(quote)
    hint = (
        f"the quote stands at start: {found}, end: {found + len(quote)}"
        if found >= 0
        else "the quote does not occur in the text: copy it exactly, line breaks and spaces included"
    )
    return Problem(
        "evidence-mismatch",
        ERROR,
        f"the text at {start}–{end} is {text[start:end][:60]!r}, not the quote",
        locate("start"),
        field=f"{field}.start",
        hint=hint,
    )


def _source_entries(record) -> Iterator[tuple[str, list, dict]]:
    """(field name, path in the record, entry) for every source the record gives."""
    sources = record.data.get("sources")
    if not isinstance(sources, dict):
        return
    for name, written in sources.items():
        if isinstance(written, list):
            yield from ((name, ["sources", name, i], e) for i, e in enumerate(written) if isinstance(e, dict))
        elif isinstance(written, dict):
            yield name, ["sources", name], written


def _source_form(record: RecordLike, path: list, entry: dict) -> Problem | None:
    """An entry is exactly one kind of source, and evidence has all of start, end and quote."""
    field = ".".join(map(str, path))
    if fact_sources.source_kind(entry) is None:
        return Problem(
            "invalid-source",
            ERROR,
            f"{field} must be exactly one of: evidence (start, end, quote), register, editorial",
            record.location(*path),
            field=field,
            hint="give one source per entry; several sources of one field are a list",
        )
    missing = (
        [k for k in fact_sources.EVIDENCE_KEYS if k not in entry]
        if fact_sources.source_kind(entry) == "text"
        else []
    )
    if missing:
        return Problem(
            "missing-field",
            ERROR,
            f"evidence without {', '.join(missing)}",
            record.location(*path),
            field=f"{field}.{missing[0]}",
            hint="evidence gives start, end and quote: the quote exactly "
            "as it stands at those character offsets in the letter's text",
        )
    if "letter" in entry and fact_sources.source_kind(entry) != "text":
        return Problem(
            "unknown-field",
            ERROR,
            f"{field} names a letter but gives no evidence in it",
            record.location(*path, "letter"),
            field=f"{field}.letter",
            hint="'letter' goes with start, end and quote",
        )
    if fact_sources.source_kind(entry) == "text" and entry["end"] < entry["start"]:
        return Problem(
            "evidence-mismatch",
            ERROR,
            f"end {entry['end']} is before start {entry['start']}",
            record.location(*path, "end"),
            field=f"{field}.end",
            hint="swap start and end",
        )
    return None


def _has_value(record: Record, name: str) -> bool:
    f = record.cls.fields.get(name)
    if f is not None and f.derived:
        return f.name != STATEMENT or isinstance(record.data.get(QUOTE), str)
    return record.data.get(name) not in (None, [], "")


def check_sources(record: Record) -> Iterator[Problem]:
    """Each source well formed; evidence in the record's own letter stands at its offsets; a source
    for a field without a value only where the field is declared unknown (it says why it is open)."""
    letter = record.owner or record
    own_letter = letter.key if letter.cls.name == LETTER else None
    declared_unknown = letter.data.get(UNKNOWN_FIELD) if record.owner is None else None
    for name, path, entry in _source_entries(record):
        field = ".".join(map(str, path))
        problem = _source_form(record, path, entry)
        if problem:
            yield problem
            continue
        if not _has_value(record, name) and not (
            isinstance(declared_unknown, list) and name in declared_unknown
        ):
            yield Problem(
                "source-without-value",
                ERROR,
                f"{name} has a source but no value",
                record.location(*path),
                field=field,
                hint=f"give the value of {name}, remove its source, or declare it unknown",
            )
        if fact_sources.source_kind(entry) != "text":
            continue
        named = entry.get("letter")
        if own_letter is None and named is None:
            yield Problem(
                "missing-field",
                ERROR,
                "evidence in a shared record must name its letter",
                record.location(*path),
                field=f"{field}.letter",
                hint="add letter: <the key of the letter whose text holds the quote>",
            )
        elif named is None or named == own_letter:
            yield from _own_evidence(record, letter, path, entry, field)


def _own_evidence(record: Record, letter: Record, path: list, entry: dict, field: str) -> Iterator[Problem]:
    if letter.text is None:
        if not letter.data.get("text"):  # a text that is named but unreadable is reported already
            yield Problem(
                "evidence-without-text",
                ERROR,
                "the evidence quotes a letter that has no source text",
                record.location(*path),
                field=field,
                hint="name the letter whose text holds the quote (letter: <key>), or add this letter's text",
            )
        return
    problem = _evidence_problem(letter.text, entry, lambda *steps: record.location(*path, *steps), field)
    if problem:
        yield problem


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb", "febr"),
            ("maart", "mrt"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})[\s.,]*(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?[\s,.]*(\d{4})\b",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _dates_in(quote: str) -> set[str]:
    """The whole dates a quote writes ('3 oktober 2014', '7 FEB, 2019', '20-8-2019', '2019-06-11'), ISO."""
    found = set()
    for day, month, year in _DAY_MONTH_YEAR.findall(quote):
        found.add((int(year), _MONTHS[month.lower()], int(day)))
    found.update((int(year), int(month), int(day)) for day, month, year in _NUMERIC_DATE.findall(quote))
    found.update((int(year), int(month), int(day)) for year, month, day in _ISO_DATE.findall(quote))
    dates = set()
    for year, month, day in found:
        try:
            dates.add(datetime.date(year, month, day).isoformat())
        except ValueError:
            continue
    return dates


def _disagrees(value, quote: str, is_date: bool) -> bool:
    """The quote says another value: it writes whole dates and none is the value; or it does not hold
    the reference (spaces and case aside)."""
    if is_date:
        dates = _dates_in(quote)
        return bool(dates) and str(value) not in dates
    return re.sub(r"\s+", "", str(value)).upper() not in re.sub(r"\s+", "", quote).upper()


def check_quoted_values(model: Model, record: Record) -> Iterator[Problem]:
    """A date's or a reference's evidence says that value. A person who corrects a draft's value (a wrong
    date sent) and leaves the evidence ingest gave would publish the passage as the source of a value it
    does not say; the warning names the evidence to fix."""
    if record.owner is not None:
        return
    dates = {f.name for f in _date_fields(model, record.cls.name) if f.range == "date"}
    for name, path, entry in _source_entries(record):
        value = record.data.get(name)
        quote = entry.get("quote")
        if (name not in dates and name not in AS_WRITTEN) or not isinstance(quote, str) or value is None:
            continue
        if isinstance(value, list) or not _disagrees(value, quote, name in dates):
            continue
        yield Problem(
            "evidence-disagrees",
            WARNING,
            f"{name} is {_as_text(value)}, but its evidence says {_one_line(quote)!r}",
            record.location(*path, "quote"),
            field=".".join(map(str, [*path, "quote"])),
            hint="give the passage that says the value (start, end, quote), or replace the evidence with "
            "{editorial: why the value is what it is}",
        )


def _as_text(value) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 80 else flat[:77] + "..."


def check_statement(record: Record) -> Iterator[Problem]:
    """A position's statement is derived from its quote; one the record still gives must agree."""
    statement, quote = record.data.get(STATEMENT), record.data.get(QUOTE)
    if not (isinstance(statement, str) and isinstance(quote, str)):
        return
    corrections = (record.owner.data.get(CORRECTIONS) if record.owner is not None else None) or ()
    derived = clean_statement(quote, corrections)
    if statement not in (derived, quote):
        yield Problem(
            "statement-mismatch",
            ERROR,
            "the statement is neither the quote nor the quote as clean text",
            record.location(STATEMENT),
            field=STATEMENT,
            hint=f"remove the line (the statement is derived from the quote: {derived[:80]!r})",
        )


def check_evidence_in_other_letters(records: Iterable[RecordLike], root: Path) -> list[Problem]:
    """Evidence that names a letter (shared records; a letter quoting another): the quote must stand
    at its offsets in that letter's text. Runs once over all records, each text read once."""
    texts: dict[str, str | None] = {}
    problems: list[Problem] = []
    for record in records:  # skeletons: they keep only the evidence that names another letter
        for _name, path, entry in record.data.get("foreign_evidence", ()):
            problem = _foreign_evidence_problem(record, path, entry, root, texts)
            if problem:
                problems.append(problem)
    return problems


def _foreign_evidence_problem(
    record: RecordLike, path: list, entry: dict, root: Path, texts: dict[str, str | None]
) -> Problem | None:
    named = str(entry.get("letter"))  # skeletons keep only the evidence that names a letter
    if fact_sources.source_kind(entry) != "text" or _source_form(record, path, entry):
        return None
    field = record.field_prefix + ".".join(map(str, path))
    if named not in texts:
        texts[named] = _letter_text(root, named)
    text = texts[named]
    if text is not None:
        return _evidence_problem(text, entry, lambda *steps: record.location(*path, *steps), field)
    exists = (root / LETTERS_DIR / f"{named}.yaml").exists()
    return Problem(
        "unknown-reference" if not exists else "evidence-without-text",
        ERROR,
        f"the evidence names letter '{named}', which "
        + ("does not exist" if not exists else "has no source text"),
        record.location(*path, "letter"),
        field=f"{field}.letter",
        hint=f"name a letter of {LETTERS_DIR}/ that has its text beside it",
    )


def _letter_text(root: Path, key: str) -> str | None:
    path = root / LETTERS_DIR / f"{key}.txt"
    return read_text(path, path.relative_to(root).as_posix(), []) if path.exists() else None


def _absolute_iri(value: str) -> bool:
    try:
        pyoxigraph.NamedNode(value)
    except ValueError:
        return False
    return "://" in value or value.startswith("urn:")


def check_iris(record: Record) -> Iterator[Problem]:
    for f in record.cls.fields.values():
        if f.range != "iri":
            continue
        for path, value in _values(record, f.name):
            if not (isinstance(value, str) and _absolute_iri(value)):
                yield Problem(
                    "invalid-iri",
                    ERROR,
                    f"{value!r} is not an absolute IRI",
                    record.location(*path),
                    field=".".join(map(str, path)),
                    hint="write a full IRI such as https://identifier.overheid.nl/…",
                )


def _cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle [a, b, ..., a] in which each node has an edge to the next, or None."""
    try:  # graphlib lists each node after its predecessors: give it the edges reversed
        reverse: dict[str, set[str]] = defaultdict(set)
        for source, targets in edges.items():
            for target in targets:
                reverse[target].add(source)
        tuple(graphlib.TopologicalSorter({k: sorted(v) for k, v in sorted(reverse.items())}).static_order())
    except graphlib.CycleError as exc:
        return list(exc.args[1])
    return None


def _cycle_problem(record: RecordLike, path: list, field_name: str, what: str, cycle: list[str]) -> Problem:
    return Problem(
        "cycle",
        ERROR,
        f"{what} forms a cycle: {' → '.join(cycle)}",
        record.location(*path),
        field=record.field_prefix + ".".join(map(str, path)),
        hint=f"one of these records must not list the next under {field_name}: a cycle makes no sense here",
    )


def _record_cycles(dataset: Dataset[R], class_name: str, field_name: str) -> Iterator[Problem]:
    records = {r.key: r for r in dataset.of(class_name)}
    edges = {
        key: {t for _, t in _values(record, field_name) if isinstance(t, str)}
        for key, record in records.items()
    }
    cycle = _cycle(edges)
    if cycle:
        record = records[cycle[0]]
        path = next(p for p, target in _values(record, field_name) if target == cycle[1])
        yield _cycle_problem(record, path, field_name, field_name, cycle)


def _membership_cycles(dataset: Dataset[R]) -> Iterator[Problem]:
    """An organisation cannot (indirectly) be a member of one of its own members."""
    edges: dict[str, set[str]] = defaultdict(set)
    by_edge: dict[tuple[str, str], R] = {}
    for record in dataset.of(MEMBERSHIP):
        member, organisation = record.data.get(MEMBER), record.data.get(MEMBER_OF)
        if isinstance(member, str) and isinstance(organisation, str):
            edges[member].add(organisation)
            by_edge.setdefault((member, organisation), record)
    cycle = _cycle(edges)
    if cycle:
        record = by_edge[(cycle[0], cycle[1])]
        yield _cycle_problem(record, [MEMBER_OF], MEMBER_OF, MEMBERSHIP.lower(), cycle)


def check_cycles(dataset: Dataset[R]) -> Iterator[Problem]:
    for class_name, fields in ACYCLIC.items():
        for field_name in fields:
            yield from _record_cycles(dataset, class_name, field_name)
    yield from _membership_cycles(dataset)


def _as_published(record: RecordLike, problems: list[Problem]) -> list[Problem]:
    """Name the fields of an inline record as the publisher sees them in the letter file."""
    if record.owner is None:
        return problems
    return [dataclasses.replace(p, field=record.field_prefix + p.field) for p in problems]


def check_record_alone(model: Model, record: Record, register: Register) -> list[Problem]:
    """The checks that need only this record: the per-letter unit of work that is cached."""
    problems = list(check_schema(record)) + list(check_characters(record)) if record.owner is None else []
    if any(p.severity == ERROR for p in problems):
        return problems  # types are wrong: later checks would only repeat it
    problems += check_dates(record, register)
    problems += check_unknown(record)
    problems += check_iris(record)
    problems += check_sources(record)
    problems += check_quoted_values(model, record)
    if record.cls.name == POSITION:
        problems += check_evidence(record)
        problems += check_statement(record)
    return _as_published(record, problems)


def check_record_in_context(
    model: Model,
    record: RecordLike,
    index: dict[str, AbstractSet[str]],
    register: Register,
    today: datetime.date,
    drafts: UnpublishedDrafts | None = None,
) -> list[Problem]:
    """The checks that need the other records (references) or the clock (dates in the future)."""
    problems = list(check_references(model, record, index, register, drafts)) + list(
        check_future(model, record, today)
    )
    return _as_published(record, problems)


def check_record(
    model: Model, record: Record, index: dict[str, AbstractSet[str]], register: Register, today: datetime.date
) -> list[Problem]:
    problems = check_record_alone(model, record, register)
    if any(p.severity == ERROR and p.code in SCHEMA_CODES for p in problems):
        return problems
    return problems + check_record_in_context(model, record, index, register, today)
