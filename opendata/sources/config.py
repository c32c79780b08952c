"""The publication's configuration (datasets/publication.yaml): what only the publisher knows."""

from __future__ import annotations

import dataclasses
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pyoxigraph

from opendata.checks.records import control_characters, schema_problem
from opendata.model.problems import ERROR, Location, Problem
from opendata.model.register import load_register
from opendata.sources.reading import position_of, read_yaml

CONFIG_FILE = "publication.yaml"
LICENSES = {
    "CC0-1.0": "http://creativecommons.org/publicdomain/zero/1.0/",
    "CC-BY-4.0": "http://creativecommons.org/licenses/by/4.0/",
}
_BILINGUAL = {
    "type": "object",
    "required": ["nl", "en"],
    "additionalProperties": False,
    "properties": {"nl": {"type": "string", "minLength": 1}, "en": {"type": "string", "minLength": 1}},
}
_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
_BASE = {"type": "string", "pattern": '^https?://[^\\s<>"{}|\\\\^`]+/$'}
_URL = {"type": "string", "pattern": '^https?://[^\\s<>"{}|\\\\^`]+$'}
# dcat:theme of every dataset when publication.yaml names none: the EU data theme "Government and
# public sector" (DCAT-AP) and the data.overheid.nl theme "Bestuur" (OWMS, DCAT-AP-DONL).
DEFAULT_THEMES = (
    {
        "uri": "http://publications.europa.eu/resource/authority/data-theme/GOVE",
        "nl": "Overheid en publieke sector",
        "en": "Government and public sector",
    },
    {"uri": "http://standaarden.overheid.nl/owms/terms/Bestuur", "nl": "Bestuur", "en": "Governance"},
)
_THEME = {
    "type": "object",
    "required": ["uri", "nl", "en"],
    "additionalProperties": False,
    "properties": {
        "uri": _URL,
        "nl": {"type": "string", "minLength": 1},
        "en": {"type": "string", "minLength": 1},
    },
}
CONFIG_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "base_url",
        "base_iri",
        "title",
        "description",
        "publisher",
        "creator",
        "contact",
        "license",
        "version",
        "issued",
        "keywords",
        "language",
    ],
    "properties": {
        "base_url": _BASE,
        "base_iri": _BASE,
        "title": _BILINGUAL,
        "description": _BILINGUAL,
        "keywords": {
            "type": "object",
            "required": ["nl", "en"],
            "additionalProperties": False,
            "properties": {"nl": _WORDS, "en": _WORDS},
        },
        "version": {"type": "string", "minLength": 1},
        "issued": {"type": "string", "format": "date"},
        "publisher": {"type": "string"},
        "creator": {"type": "string"},
        "contact": {
            "type": "object",
            "required": ["name", "email"],
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "email": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"},
                "url": {"type": "string", "pattern": "^https?://"},
            },
        },
        "license": {"enum": sorted(LICENSES)},
        "language": {"enum": ["nl", "en"]},
        "landing_page": _URL,
        "endpoint_url": _URL,
        "themes": {"type": "array", "items": _THEME, "minItems": 1},
        "include_drafts": {"type": "boolean"},
    },
}


@dataclass(frozen=True)
class Config:
    base_url: str
    base_iri: str
    title: dict
    description: dict
    keywords: dict
    version: str
    issued: str
    publisher: str  # TOOI IRI
    creator: str  # TOOI IRI
    contact: dict
    license: str  # licence IRI
    license_id: str
    language: str
    landing_page: str = ""  # "" : base_url, where index.html is served
    endpoint_url: str = ""  # the SPARQL endpoint, "" when there is none
    themes: tuple = DEFAULT_THEMES  # ({uri, nl, en}, ...)
    include_drafts: bool = (
        False  # publish draft (machine-extracted, unreviewed) records, marked; default: skip them
    )

    @property
    def context_url(self) -> str:
        return self.base_url + "context.jsonld"

    @property
    def landing_url(self) -> str:
        return self.landing_page or self.base_url


def _base_fault(value: str) -> str | None:
    """Why a base IRI or URL cannot prefix the publication's IRIs and links, or None.

    The schema's pattern checks only the outline; the IRI parser that later reads every triple
    (pyoxigraph's) and the URL rules decide the rest, here, where the fault can still be named."""
    try:
        pyoxigraph.NamedNode(value)
    except ValueError as exc:
        return f"it is not a valid IRI ({exc})"
    parts = urllib.parse.urlsplit(value)
    if parts.query or "?" in value:
        return "it has a query ('?...'): every IRI minted from it would carry the query in the middle"
    if parts.fragment or "#" in value:
        return "it has a fragment ('#...'): every IRI minted from it would be cut at the '#'"
    try:
        port = parts.port
    except ValueError:
        return "its port is not a number from 0 to 65535"
    if not parts.hostname or (port is not None and not 0 < port < 65536):
        return "it names no host, or a port outside 1 to 65535"
    return None


def base_problems(data) -> list[Problem]:
    """A config-invalid problem for each base IRI or URL that parses badly or has a query, fragment or bad port."""
    problems = []
    for field in ("base_iri", "base_url"):
        value = data.get(field) if isinstance(data, dict) else None
        fault = _base_fault(value) if isinstance(value, str) else None
        if fault:
            problems.append(
                Problem(
                    "config-invalid",
                    ERROR,
                    f"{field} '{value}' cannot be used: {fault}",
                    Location(CONFIG_FILE, *position_of(data, [field])),
                    field=field,
                    hint="write a plain http(s) address ending in '/', such as https://data.example.org/id/",
                )
            )
    return problems


def load_config(datasets: Path) -> tuple[Config | None, list[Problem]]:
    """The configuration, or None with the problems that stop it from being used."""
    problems: list[Problem] = []
    path = datasets / CONFIG_FILE
    if not path.exists():
        return None, [
            Problem(
                "config-missing",
                ERROR,
                f"no {CONFIG_FILE} in {datasets}",
                Location(CONFIG_FILE),
                hint="copy datasets/publication.yaml from the repository and edit it",
            )
        ]
    data = read_yaml(path, CONFIG_FILE, problems)
    if data is None:
        return None, problems
    validator = jsonschema.Draft202012Validator(CONFIG_SCHEMA, format_checker=jsonschema.FormatChecker())
    for error in validator.iter_errors(data):  # worded like the record checks, with field and hint
        problem = schema_problem(error, lambda *steps: Location(CONFIG_FILE, *position_of(data, list(steps))))
        problems.append(dataclasses.replace(problem, code="config-invalid"))
    problems += control_characters(
        data, lambda *steps: Location(CONFIG_FILE, *position_of(data, list(steps)))
    )
    problems += base_problems(data)
    register = load_register()
    for field in ("publisher", "creator"):
        code = data.get(field) if isinstance(data, dict) else None
        if isinstance(code, str) and code not in register:
            line, column = position_of(data, [field])
            problems.append(
                Problem(
                    "config-invalid",
                    ERROR,
                    f"{field} '{code}' is not a TOOI organisation code",
                    Location(CONFIG_FILE, line, column),
                    field=field,
                    hint=register.suggest(code),
                )
            )
    if problems:
        return None, problems
    return Config(
        base_url=data["base_url"],
        base_iri=data["base_iri"],
        title=dict(data["title"]),
        description=dict(data["description"]),
        keywords={k: list(v) for k, v in data["keywords"].items()},
        version=data["version"],
        issued=data["issued"],
        publisher=register.get(data["publisher"]).uri,
        creator=register.get(data["creator"]).uri,
        contact=dict(data["contact"]),
        license=LICENSES[data["license"]],
        license_id=data["license"],
        language=data["language"],
        landing_page=data.get("landing_page", ""),
        endpoint_url=data.get("endpoint_url", ""),
        themes=tuple(dict(theme) for theme in data.get("themes", DEFAULT_THEMES)),
        include_drafts=bool(data.get("include_drafts", False)),
    ), problems
