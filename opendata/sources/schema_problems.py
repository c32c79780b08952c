"""JSON Schema errors and stray control characters, worded for the people who edit the sources.

The records (checks/records.py) and the configuration (sources/config.py) are both YAML checked
against a JSON Schema; both report its errors the same way: a stable code, the field as a path,
and a hint that says how to write the value.
"""

from __future__ import annotations

import calendar
import difflib
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import jsonschema

from opendata.model.model import DATE_OR_MONTH_PATTERN, KEY_PATTERN, load_model
from opendata.model.problems import ERROR, Location, Problem

Locate = Callable[..., Location]  # the Location of a path of keys and indexes in the file

_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "integer": "a whole number",
    "boolean": "true or false",
    "object": "a record of 'field: value' pairs",
}
_TYPE_HINTS = {
    "string": 'put the value in quotes when YAML would read it as a number, date or list: "0546"',
    "array": "write a list as [a, b] or as lines starting with '- ', also for a single value",
    "integer": "write digits only, without quotes: 17",
    "boolean": "write true or false, without quotes",
    "object": "write 'field: value' pairs, indented under the item",
}


def _describe(value) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a record"
    if value is None:
        return "empty"
    return f"the text {str(value)!r}"


# How to write a value of each pattern of the model; a schema may give its own words as "x-hint".
_PATTERN_WORDS = {
    KEY_PATTERN: "a key is lower-case letters, digits and hyphens, such as samenwerking-leidse-regio",
    "^[A-Za-z0-9][A-Za-z0-9./_-]*$": "a reference number is letters, digits and . / _ - without spaces, "
    "starting with a letter or digit, such as PZH-2019-678010037",
    "^[A-Za-z0-9][A-Za-z0-9._-]*\\.txt$": "the name of a .txt file beside the record, without folders, such as brief.txt",
}


def as_key(text: str) -> str:
    """The key a name would have: 'Samenwerking Leidse regio' -> 'samenwerking-leidse-regio'."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _pattern_hint(pattern: str, value: Any, schema: Mapping[str, Any]) -> str:
    words = schema.get("x-hint") or _PATTERN_WORDS.get(pattern, f"it must match {pattern}")
    if pattern == KEY_PATTERN and as_key(value):
        return f"write it as {as_key(value)} ({words})"
    return words


def date_hint(value, month_allowed: bool = False) -> str:
    """How to write a date right: the days of that month, or the form."""
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?", str(value))
    form = "YYYY-MM-DD" + (", or YYYY-MM when the source gives only the month" if month_allowed else "")
    if not match:
        return f"write {form}, such as 2019-06-11"
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        return f"a month is 01 to 12; write {form}"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {days} days: write a day from 01 to {days}"


@dataclass(frozen=True)
class _Error:
    """What the wording needs of a jsonschema error, typed (jsonschema types its parts as possibly unset)."""

    keyword: str
    expected: Any  # the keyword's value in the schema: the pattern, the allowed values, the type...
    value: Any  # the value in the record
    schema: Mapping[str, Any]
    path: list[str | int]
    message: str

    @property
    def field(self) -> str:
        return ".".join(map(str, self.path))


def _typed(error: jsonschema.ValidationError) -> _Error:
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    path = list(error.absolute_path)
    return _Error(str(error.validator), error.validator_value, error.instance, schema, path, error.message)


def _unknown_field(e: _Error, locate: Locate) -> Problem:
    allowed = sorted(e.schema.get("properties", {}))
    extra = sorted(set(e.value) - set(allowed))
    hints = []
    for name in extra:
        close = difflib.get_close_matches(str(name), allowed, n=1)
        hints.append(f"did you mean '{close[0]}' for '{name}'?" if close else f"'{name}' is not a field here")
    return Problem(
        "unknown-field",
        ERROR,
        f"unknown field(s): {', '.join(map(str, extra))}",
        locate(*e.path, extra[0]),
        field=".".join(map(str, [*e.path, extra[0]])),
        hint=" ".join(hints) + f" Allowed: {', '.join(allowed)}",
    )


def _missing_field(e: _Error, locate: Locate) -> Problem:
    missing = e.message.split("'")[1]
    may_be_unknown = missing in load_model().open_fields()
    return Problem(
        "missing-field",
        ERROR,
        f"required field '{missing}' is missing",
        locate(*e.path),
        field=".".join(map(str, [*e.path, missing])),
        hint=f"add a line '{missing}: …' to this record"
        + (", or list it under 'unknown' if the source does not say" if may_be_unknown else ""),
    )


def _not_a_date(e: _Error, locate: Locate) -> Problem:
    return Problem(
        "invalid-date",
        ERROR,
        f"{e.value!r} is not a real date",
        locate(*e.path),
        field=e.field,
        hint=date_hint(e.value),
    )


def _not_a_date_or_month(e: _Error, locate: Locate) -> Problem:
    return Problem(
        "invalid-date",
        ERROR,
        f"{e.value!r} is not a date (YYYY-MM-DD) or a month (YYYY-MM)",
        locate(*e.path),
        field=e.field,
        hint=date_hint(e.value, month_allowed=True),
    )


def _not_allowed(e: _Error, locate: Locate) -> Problem:
    close = difflib.get_close_matches(str(e.value), [str(v) for v in e.expected], n=1)
    hint = (f"did you mean '{close[0]}'? " if close else "") + f"allowed: {', '.join(map(str, e.expected))}"
    if e.path == ["status"]:
        # a person marking a draft reviewed writes 'status: reviewed' (or empties the value): 'allowed: draft'
        # alone would have them mark it a draft again
        hint = (f"did you mean '{close[0]}' (not reviewed yet)? " if close else "") + (
            "a record a person reviewed or made has no status: remove the line "
            "('status: draft' marks a machine-extracted record not reviewed yet)"
        )
    return Problem(
        "invalid-value",
        ERROR,
        f"{e.value!r} is not one of the allowed values",
        locate(*e.path),
        field=e.field,
        hint=hint,
    )


def _wrong_form(e: _Error, locate: Locate) -> Problem:
    return Problem(
        "invalid-format",
        ERROR,
        f"{e.value!r} does not have the expected form",
        locate(*e.path),
        field=e.field,
        hint=_pattern_hint(e.expected, e.value, e.schema),
    )


def _wrong_type(e: _Error, locate: Locate) -> Problem:
    expected = e.expected
    return Problem(
        "wrong-type",
        ERROR,
        f"{e.field or 'the record'} must be {_TYPE_WORDS.get(expected, expected)}, not {_describe(e.value)}",
        locate(*e.path),
        field=e.field,
        hint="write one value here, not a list or record"
        if expected == "string" and isinstance(e.value, (list, dict))
        else _TYPE_HINTS.get(expected, ""),
    )


def _empty_text(e: _Error, locate: Locate) -> Problem:
    return Problem(
        "empty-value",
        ERROR,
        f"{e.field or 'the value'} is empty",
        locate(*e.path),
        field=e.field,
        hint="write a value, or remove the line (a letter lists what its source leaves open under 'unknown')",
    )


def _empty_list(e: _Error, locate: Locate) -> Problem:
    return Problem(
        "empty-value",
        ERROR,
        f"{e.field} is an empty list",
        locate(*e.path),
        field=e.field,
        hint="list at least one value, or remove the line",
    )


def _empty_mapping(e: _Error, locate: Locate) -> Problem:
    return Problem(
        "empty-value",
        ERROR,
        f"{e.field} is empty",
        locate(*e.path),
        field=e.field,
        hint="give at least one field's source, or remove the line",
    )


def _listed_twice(e: _Error, locate: Locate) -> Problem:
    seen: set[str] = set()
    twice = []
    for item in e.value:
        text = json.dumps(item, sort_keys=True, default=str)
        if text in seen:
            twice.append(item)
        seen.add(text)
    return Problem(
        "duplicate-value",
        ERROR,
        f"{e.field} lists {twice[0]!r} more than once"
        if twice
        else f"{e.field} lists a value more than once",
        locate(*e.path),
        field=e.field,
        hint="list each value once",
    )


def _too_small(e: _Error, locate: Locate) -> Problem:
    return Problem(
        "invalid-value",
        ERROR,
        f"{e.field} is {e.value}, less than {e.expected}",
        locate(*e.path),
        field=e.field,
        hint=f"write a number of {e.expected} or more",
    )


def _too_large(e: _Error, locate: Locate) -> Problem:
    return Problem(
        "invalid-value",
        ERROR,
        f"{e.field} is {e.value}, more than {e.expected}",
        locate(*e.path),
        field=e.field,
        hint=f"write a number of {e.expected} or less"
        + (" (a confidence is from 0 to 1)" if e.path[-1:] == ["confidence"] else ""),
    )


def _unworded(e: _Error, locate: Locate) -> Problem:
    """The fallback `schema`: a rule no wording above covers; the validator's own message."""
    return Problem("schema", ERROR, e.message, locate(*e.path), field=e.field)


_WORDINGS: dict[str, Callable[[_Error, Locate], Problem]] = {
    "additionalProperties": _unknown_field,
    "required": _missing_field,
    "enum": _not_allowed,
    "pattern": _wrong_form,
    "type": _wrong_type,
    "minLength": _empty_text,
    "minItems": _empty_list,
    "minProperties": _empty_mapping,
    "uniqueItems": _listed_twice,
    "minimum": _too_small,
    "maximum": _too_large,
}


def schema_problem(error: jsonschema.ValidationError, locate: Locate) -> Problem:
    """A JSON Schema error as a Problem for people; `locate(*path)` gives the Location of a path in the record."""
    e = _typed(error)
    if e.keyword == "format":
        return _not_a_date(e, locate) if e.schema.get("format") == "date" else _unworded(e, locate)
    if e.keyword == "pattern" and e.expected == DATE_OR_MONTH_PATTERN:
        return _not_a_date_or_month(e, locate)
    return _WORDINGS.get(e.keyword, _unworded)(e, locate)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # all but tab, line feed and carriage return


def control_characters(data, locate, path: tuple = ()) -> Iterator[Problem]:
    """Invisible control characters in any text value: no XML output can hold them, and no reader sees them."""
    if isinstance(data, str):
        found = _CONTROL.search(data)
        if found:
            field = ".".join(map(str, path))
            yield Problem(
                "control-character",
                ERROR,
                f"{field or 'the value'} holds the invisible control character "
                f"U+{ord(found.group()):04X} (character {found.start() + 1})",
                locate(*path),
                field=field,
                hint="remove it: only tabs and line breaks may stand in a text",
            )
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from control_characters(value, locate, path + (key,))
    elif isinstance(data, list):
        for number, value in enumerate(data):
            yield from control_characters(value, locate, path + (number,))
