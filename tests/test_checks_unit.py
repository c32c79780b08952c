"""The checks on source records, called in this process on small records held in memory: one case per
kind of problem (no subprocess, no publish; tests/test_cases.py runs the same checks end to end)."""

from __future__ import annotations

import datetime
from typing import Any

import fastjsonschema
import jsonschema
import pytest

from opendata.checks import records as checks
from opendata.model.model import load_model
from opendata.model.problems import Location, Problem
from opendata.model.register import load_register
from opendata.sources.records import Dataset, Record, read_dataset
from opendata.sources.schema_problems import control_characters, schema_problem

from .conftest import DATASETS

MODEL = load_model()
REGISTER = load_register()
TODAY = datetime.date(2020, 1, 1)
TEXT = "Geachte leden, wij steunen de samenwerking van harte. Hoogachtend."
QUOTE = "wij steunen de samenwerking"


def letter(**changes: Any) -> Record:
    data: dict[str, Any] = {
        "id": "brief-a",
        "kind": "brief",
        "title": "Samenwerking",
        "date_sent": "2019-06-11",
        "date_received": "2019-06-12",
        "sender": "gm0546",
        "addressees": ["gm0547"],
        "our_reference": "PZH-2019-1",
    }
    data.update(changes)
    return Record(
        MODEL.classes["Letter"], {k: v for k, v in data.items() if v is not None}, "letters/brief-a.yaml"
    )


def position(owner: Record, **changes: Any) -> Record:
    start = TEXT.index(QUOTE)
    data = {
        "id": "steun",
        "kind": "standpunt",
        "held_by": "gm0546",
        "date": "2019-06-11",
        "quote": QUOTE,
        "start": start,
        "end": start + len(QUOTE),
        **changes,
    }
    return Record(MODEL.classes["Position"], data, owner.file, owner=owner)


def theme(key: str, **changes: Any) -> Record:
    data = {"id": key, "name": key, "scheme": "thema", **changes}
    return Record(MODEL.classes["Theme"], data, "themes.yaml")


def codes(problems: list[Problem]) -> list[str]:
    return sorted(p.code for p in problems)


def alone(record: Record) -> list[str]:
    return codes(checks.check_record_alone(MODEL, record, REGISTER))


def test_a_valid_letter_has_no_problem():
    assert alone(letter()) == []


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"title": None}, "missing-field", "title"),
        ({"titel": "x"}, "unknown-field", "titel"),
        ({"title": ["a", "b"]}, "wrong-type", "title"),
        ({"date_received": "2019-02-30"}, "invalid-date", "date_received"),
        ({"id": "Brief A"}, "invalid-format", "id"),
        ({"kind": "brif"}, "invalid-value", "kind"),
        ({"title": ""}, "empty-value", "title"),
        ({"addressees": ["gm0547", "gm0547"]}, "duplicate-value", "addressees"),
    ],
)
@pytest.mark.parametrize("fast_from", [checks.FAST_FROM, 0], ids=["jsonschema", "compiled first"])
def test_schema_problems(changes, code, field, fast_from, monkeypatch):
    monkeypatch.setattr(checks, "FAST_FROM", fast_from)
    problems = list(checks.check_schema(letter(**changes)))
    assert [(p.code, p.field) for p in problems] == [(code, field)]
    assert problems[0].hint


def test_the_compiled_check_and_jsonschema_agree_on_every_seed_record_and_each_broken_one():
    """Large datasets are checked by the compiled schema (fastjsonschema), small ones by jsonschema:
    both must give the same verdict, or a record's validity would depend on the size of its dataset."""
    dataset = read_dataset(MODEL, DATASETS)
    records = [record for class_records in dataset.records.values() for record in class_records]
    broken = [letter(title=None), letter(titel="x"), letter(date_received="2019-02-30"), letter(kind="brif")]
    broken += [letter(id="Brief A"), letter(addressees=["gm0547", "gm0547"]), letter(title=["a"])]
    for record in records + broken:
        valid = not list(checks._validators()[record.cls.name].iter_errors(record.data))
        try:
            checks._fast_validator(record.cls.name)(record.data)
            compiled_valid = True
        except fastjsonschema.JsonSchemaValueException:
            compiled_valid = False
        assert compiled_valid == valid, (record.file, record.data.get("id"))
    assert sum(record.owner is None for record in records) > 50 and len(broken) == 7


def test_the_missing_field_hint_offers_unknown_for_a_letter_field():
    (problem,) = checks.check_schema(letter(title=None))
    assert "list it under 'unknown'" in problem.hint


def test_the_fallback_code_schema_keeps_the_validators_message():
    (error,) = jsonschema.Draft202012Validator({"not": {}}).iter_errors(1)
    problem = schema_problem(error, lambda *path: Location("x.yaml"))
    assert (problem.code, problem.message) == ("schema", error.message)


def test_date_order_and_a_month_that_does_not_exist():
    assert alone(letter(date_received="2019-06-01")) == ["date-order"]
    meeting = Record(
        MODEL.classes["Meeting"], {"id": "m", "name": "m", "kind": "raad", "date": "2019-13"}, "meetings.yaml"
    )
    assert "invalid-date" in codes(list(checks.check_dates(meeting, REGISTER)))


def test_a_sender_that_did_not_exist_on_the_date():
    assert alone(letter(sender="gm0005")) == ["organisation-not-existing"]  # Bedum, merged on 2019-01-01


def test_a_date_in_the_future():
    problems = list(
        checks.check_future(MODEL, letter(date_received="2019-06-12"), datetime.date(2019, 6, 11))
    )
    assert codes(problems) == ["date-in-future"]


def test_unknown_but_given():
    assert alone(letter(unknown=["title"])) == ["unknown-but-given"]


def test_a_control_character():
    problems = list(control_characters({"title": "a\x1bb"}, lambda *path: Location("x.yaml")))
    assert [(p.code, p.field) for p in problems] == [("control-character", "title")]
    assert alone(letter(title="a\x00b")) == ["control-character"]


def test_an_iri_that_is_not_absolute():
    assert alone(theme("t", close_match=["thema/energie"])) == ["invalid-iri"]


def test_evidence_at_the_wrong_offsets_or_without_a_text():
    with_text = letter(text="brief-a.txt")
    with_text.text = TEXT
    assert alone(position(with_text)) == []
    assert alone(position(with_text, start=0)) == ["evidence-mismatch"]
    assert alone(position(letter())) == ["evidence-without-text"]


def test_a_statement_that_is_not_the_quote():
    with_text = letter(text="brief-a.txt")
    with_text.text = TEXT
    assert alone(position(with_text, statement="iets anders")) == ["statement-mismatch"]


def test_sources_of_the_wrong_form_or_without_a_value():
    assert alone(letter(sources={"title": {"editorial": "y", "start": 0, "end": 5, "quote": "Samen"}})) == [
        "invalid-source"
    ]
    assert alone(letter(dossier_number=None, sources={"dossier_number": {"editorial": "y"}})) == [
        "source-without-value"
    ]


def dataset(*records: Record) -> Dataset[Record]:
    found: Dataset[Record] = Dataset()
    for record in records:
        found.add(record)
    return found


def test_duplicate_ids_and_unknown_references():
    themes = dataset(theme("energie"), theme("energie"), theme("wonen", broader=["energy"]))
    assert codes(list(checks.check_ids(themes, REGISTER))) == ["duplicate-id"]
    index = checks.reference_index(themes)
    problems = checks.check_record_in_context(MODEL, themes.of("Theme")[2], index, REGISTER, TODAY)
    assert [(p.code, p.hint) for p in problems] == [("unknown-reference", "did you mean energie?")]


def test_a_cycle():
    themes = dataset(theme("a", broader=["b"]), theme("b", broader=["a"]))
    (problem,) = checks.check_cycles(themes)
    assert problem.code == "cycle" and "a → b → a" in problem.message
