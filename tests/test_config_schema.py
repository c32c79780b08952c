"""publication.yaml's JSON Schema is a file in schemas/ (shipped in the wheel) and reports like the record checks."""

from __future__ import annotations

import tomllib
from pathlib import Path

import jsonschema
import yaml

from opendata.sources.config import LICENCES, SCHEMA_FILE, config_schema, load_config

ROOT = Path(__file__).resolve().parent.parent


def _datasets(tmp_path: Path, **changes: object) -> Path:
    data = yaml.safe_load((ROOT / "datasets" / "publication.yaml").read_text(encoding="utf-8"))
    data.update(changes)
    (tmp_path / "publication.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(config_schema())


def test_the_schema_file_ships_in_the_wheel():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert SCHEMA_FILE in pyproject["tool"]["setuptools"]["package-data"]["opendata.schemas"]
    assert (ROOT / "schemas" / SCHEMA_FILE).is_file()


def test_the_licences_allowed_are_the_licences_known():
    assert config_schema()["properties"]["license"]["enum"] == sorted(LICENCES)


def test_the_seed_configuration_is_valid():
    config, problems = load_config(ROOT / "datasets")
    assert problems == [] and config is not None
    assert config.licence.deed == config.license


def test_a_bad_pattern_is_worded_by_the_schema(tmp_path):
    config, problems = load_config(_datasets(tmp_path, base_iri="https://example.org/id"))
    assert config is None
    assert [(p.code, p.field) for p in problems] == [("config-invalid", "base_iri")]
    assert problems[0].hint.startswith("an http(s) address without spaces that ends in /")


def test_a_misspelt_field_and_a_bad_licence(tmp_path):
    _, problems = load_config(_datasets(tmp_path, licence="CC0-1.0", license="CC0"))
    assert sorted((p.code, p.field) for p in problems) == [
        ("config-invalid", "licence"),
        ("config-invalid", "license"),
    ]
    assert any("did you mean 'license'" in p.hint for p in problems)
