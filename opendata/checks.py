"""Checks on the source records, before any graph is built. Each yields Problems."""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import graphlib
import json
from collections import defaultdict
from typing import Iterator

import jsonschema
import pyoxigraph

from .model import GENERATED_DIR, Model
from .problems import ERROR, WARNING, Problem
from .records import Dataset, Record
from .register import Register


@functools.cache
def _validators() -> dict[str, jsonschema.Draft202012Validator]:
    schema = json.loads((GENERATED_DIR / "records.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.FormatChecker()
    return {name: jsonschema.Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]},
                                                  format_checker=checker)
            for name in schema["$defs"]}


def _schema_problem(record: Record, error: jsonschema.ValidationError) -> Problem:
    path = list(error.absolute_path)
    field = ".".join(str(p) for p in path)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = sorted(error.schema.get("properties", {}))
        hints = []
        for name in extra:
            close = difflib.get_close_matches(str(name), allowed, n=1)
            hints.append(f"did you mean '{close[0]}' for '{name}'?" if close else f"'{name}' is not a field here")
        return Problem("unknown-field", ERROR, f"unknown field(s): {', '.join(map(str, extra))}",
                       record.location(*path, extra[0]), field=".".join(map(str, path + [extra[0]])),
                       hint=" ".join(hints) + f" Allowed: {', '.join(allowed)}")
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return Problem("missing-field", ERROR, f"required field '{missing}' is missing", record.location(*path),
                       field=".".join(map(str, path + [missing])),
                       hint="add it" + (", or list it under 'unknown' if the source does not say"
                                        if missing in ("sender", "date_sent", "title", "our_reference", "date_received") else ""))
    if error.validator == "format" and error.schema.get("format") == "date":
        return Problem("invalid-date", ERROR, f"{error.instance!r} is not a real date", record.location(*path),
                       field=field, hint="write YYYY-MM-DD with a day that exists in that month (e.g. 30 June, not 31)")
    if error.validator == "enum":
        close = difflib.get_close_matches(str(error.instance), [str(v) for v in error.validator_value], n=1)
        return Problem("invalid-value", ERROR, f"{error.instance!r} is not one of the allowed values", record.location(*path),
                       field=field, hint=(f"did you mean '{close[0]}'? " if close else "") +
                       f"allowed: {', '.join(map(str, error.validator_value))}")
    if error.validator == "pattern":
        return Problem("invalid-format", ERROR, f"{error.instance!r} does not have the expected form", record.location(*path),
                       field=field, hint=f"it must match {error.validator_value}")
    if error.validator == "type":
        return Problem("wrong-type", ERROR, f"{error.instance!r} is not of type {error.validator_value}",
                       record.location(*path), field=field,
                       hint="quote text values; write lists as [a, b]" if error.validator_value in ("string", "array") else "")
    return Problem("schema", ERROR, error.message, record.location(*path), field=field)


def check_schema(record: Record) -> Iterator[Problem]:
    validator = _validators()[record.cls.name]
    for error in sorted(validator.iter_errors(record.data), key=lambda e: list(map(str, e.absolute_path))):
        yield _schema_problem(record, error)


def check_ids(dataset: Dataset, register: Register) -> Iterator[Problem]:
    seen: dict[tuple[str, str], Record] = {}
    for class_name, records in sorted(dataset.records.items()):
        for record in records:
            key = record.data.get("id")
            if not isinstance(key, str):
                continue
            if class_name == "Organisation" and key in register:
                yield Problem("duplicate-id", ERROR, f"'{key}' is a TOOI register code; register organisations need no record",
                              record.location("id"), field="id", hint="remove this record and refer to the code directly")
            first = seen.get((class_name, key))
            if first:
                yield Problem("duplicate-id", ERROR, f"{record.cls.en.lower()} id '{key}' is already used at {first.location('id')}",
                              record.location("id"), field="id", hint="give each record its own id")
            else:
                seen[(class_name, key)] = record


def _values(record: Record, field_name: str) -> list[tuple[list, object]]:
    value = record.data.get(field_name)
    if isinstance(value, list):
        return [([field_name, i], v) for i, v in enumerate(value)]
    return [] if value is None else [([field_name], value)]


def reference_index(dataset: Dataset) -> dict[str, set[str]]:
    return {name: {r.key for r in records if r.key} for name, records in dataset.records.items()}


def check_references(model: Model, record: Record, index: dict[str, set[str]], register: Register) -> Iterator[Problem]:
    for f in record.cls.fields.values():
        if not model.is_class(f.range) or model.classes[f.range].inline:
            continue
        known = index.get(f.range, set())
        for path, value in _values(record, f.name):
            if not isinstance(value, str) or value in known or (f.range == "Organisation" and value in register):
                continue
            hint = ""
            close = difflib.get_close_matches(value, known, n=1, cutoff=0.7)
            if close:
                hint = f"did you mean {close[0]}?"
            elif f.range == "Organisation":
                hint = register.suggest(value) or "use a TOOI code (gm0546) or the id of a record in organisations.yaml"
            else:
                hint = f"add a {f.range.lower()} record with id '{value}'"
            yield Problem("unknown-reference", ERROR, f"{f.name} refers to unknown {f.range.lower()} '{value}'",
                          record.location(*path), field=".".join(map(str, path)), hint=hint)


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def check_dates(record: Record, register: Register, today: datetime.date) -> Iterator[Problem]:
    data = record.data
    for f in record.cls.fields.values():
        if f.range in ("date", "date_or_month"):
            day = _date(data.get(f.name))
            if day and day > today:
                yield Problem("date-in-future", ERROR, f"{f.name} {day} lies in the future", record.location(f.name),
                              field=f.name, hint=f"a date on or before {today}")
    sent, received = _date(data.get("date_sent")), _date(data.get("date_received"))
    if sent and received and received < sent:
        yield Problem("date-order", ERROR, f"received {received} before it was sent {sent}", record.location("date_received"),
                      field="date_received", hint="swap the dates or correct one of them")
    start, end = _date(data.get("start")), _date(data.get("end"))
    if start and end and end < start:
        yield Problem("date-order", ERROR, f"end {end} is before start {start}", record.location("end"), field="end",
                      hint="swap start and end")
    when = sent or received
    if record.cls.name == "Letter" and when:
        for field_name in ("sender", "addressees"):
            for path, code in _values(record, field_name):
                org = register.get(code) if isinstance(code, str) else None
                if org and not org.existed_on(when.isoformat()):
                    yield Problem("organisation-not-existing", ERROR,
                                  f"{org.code} ({org.name}) did not exist on {when} (TOOI: {org.lifetime()})",
                                  record.location(*path), field=".".join(map(str, path)),
                                  hint="check the date, or use the organisation that existed then")


def check_unknown(record: Record) -> Iterator[Problem]:
    for path, name in _values(record, "unknown"):
        if isinstance(name, str) and record.data.get(name) is not None:
            yield Problem("unknown-but-given", ERROR, f"'{name}' is declared unknown but also given",
                          record.location(*path), field=".".join(map(str, path)),
                          hint=f"remove '{name}' from unknown, or remove the value")


def check_evidence(record: Record) -> Iterator[Problem]:
    """A position's quote must stand at its offsets in the letter's source text."""
    text = record.owner.text if record.owner else None
    quote, start, end = record.data.get("quote"), record.data.get("start"), record.data.get("end")
    if not (isinstance(quote, str) and isinstance(start, int) and isinstance(end, int)):
        return
    if text is None:
        yield Problem("evidence-without-text", ERROR, "the position quotes a letter that has no source text",
                      record.location("quote"), field="quote", hint="add the letter's text file")
        return
    if text[start:end] == quote:
        return
    found = text.find(quote)
    hint = f"the quote stands at start: {found}, end: {found + len(quote)}" if found >= 0 else \
        "the quote does not occur in the text: copy it exactly, line breaks and spaces included"
    yield Problem("evidence-mismatch", ERROR, f"the text at {start}–{end} is {text[start:end][:60]!r}, not the quote",
                  record.location("start"), field="start", hint=hint)


def check_iris(record: Record) -> Iterator[Problem]:
    for f in record.cls.fields.values():
        if f.range != "iri":
            continue
        for path, value in _values(record, f.name):
            try:
                pyoxigraph.NamedNode(value)
                ok = "://" in value or value.startswith("urn:")
            except (ValueError, TypeError):
                ok = False
            if not ok:
                yield Problem("invalid-iri", ERROR, f"{value!r} is not an absolute IRI", record.location(*path),
                              field=".".join(map(str, path)), hint="write a full IRI such as https://identifier.overheid.nl/…")


_ACYCLIC = {"Organisation": ["part_of"], "Theme": ["broader"], "Letter": ["attachments", "cites"]}


def check_cycles(dataset: Dataset) -> Iterator[Problem]:
    for class_name, fields in _ACYCLIC.items():
        records = {r.key: r for r in dataset.of(class_name)}
        for field_name in fields:
            graph = defaultdict(set)
            for key, record in records.items():
                for _, target in _values(record, field_name):
                    if isinstance(target, str):
                        graph[key].add(target)
            try:
                tuple(graphlib.TopologicalSorter(graph).static_order())
            except graphlib.CycleError as exc:
                cycle = exc.args[1]
                first = records.get(cycle[0])
                location = first.location(field_name) if first else dataset.of(class_name)[0].location()
                yield Problem("cycle", ERROR, f"{field_name} forms a cycle: {' → '.join(cycle)}", location,
                              field=field_name, hint=f"a {class_name.lower()} cannot (indirectly) list itself under {field_name}")


def check_record(model: Model, record: Record, index, register: Register, today: datetime.date) -> list[Problem]:
    """All checks that need only this record (and the key index): the per-letter unit of work."""
    problems = list(check_schema(record)) if record.owner is None else []
    if any(p.severity == ERROR for p in problems):
        return problems  # types are wrong: later checks would only repeat it
    problems += check_references(model, record, index, register)
    problems += check_dates(record, register, today)
    problems += check_unknown(record)
    problems += check_iris(record)
    if record.cls.name == "Position":
        problems += check_evidence(record)
    if record.owner is not None:  # name the field as the publisher sees it in the letter file
        problems = [dataclasses.replace(p, field=record.field_prefix + p.field) for p in problems]
    return problems


def check_dataset(model: Model, dataset: Dataset, register: Register, today: datetime.date | None = None) -> list[Problem]:
    today = today or datetime.date.today()
    index = reference_index(dataset)
    problems = list(check_ids(dataset, register))
    for records in dataset.records.values():
        for record in records:
            problems += check_record(model, record, index, register, today)
    if not any(p.severity == ERROR for p in problems):
        problems += check_cycles(dataset)
    return problems


def warnings_only(problems: list[Problem]) -> bool:
    return all(p.severity == WARNING for p in problems)
