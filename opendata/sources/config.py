"""The publication's configuration (datasets/publication.yaml): what only the publisher knows."""

from __future__ import annotations

import dataclasses
import functools
import json
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pyoxigraph

from opendata.model.problems import ERROR, Location, Problem
from opendata.model.register import load_register
from opendata.model.resources import schemas_dir
from opendata.sources.reading import position_of, read_yaml
from opendata.sources.schema_problems import control_characters, schema_problem

CONFIG_FILE = "publication.yaml"


@dataclass(frozen=True)
class Licence:
    """A licence publication.yaml may name, with every name and IRI the outputs give it: one place for all."""

    id: str  # its SPDX identifier, as publication.yaml names it
    deed: str  # the Creative Commons deed (dct:license in the graph, the path in datapackage.json)
    title: str  # its SPDX full name (datapackage.json)
    label: str  # its label in the EU licence authority table (the DCAT catalog)
    eu: str  # its IRI in that table, which data portals register licences by
    kind: tuple[str, str]  # its ADMS licence type: local name under http://purl.org/adms/licencetype/, label


EU_LICENCE = "http://publications.europa.eu/resource/authority/licence/"
LICENCES = {
    licence.id: licence
    for licence in (
        Licence(
            "CC0-1.0",
            "http://creativecommons.org/publicdomain/zero/1.0/",
            "Creative Commons Zero v1.0 Universal",
            "CC0 1.0 Universal",
            EU_LICENCE + "CC0",
            ("PublicDomain", "Public domain"),
        ),
        Licence(
            "CC-BY-4.0",
            "http://creativecommons.org/licenses/by/4.0/",
            "Creative Commons Attribution 4.0 International",
            "Creative Commons Attribution 4.0 International",
            EU_LICENCE + "CC_BY_4_0",
            ("Attribution", "Attribution"),
        ),
    )
}
LICENSES = {licence.id: licence.deed for licence in LICENCES.values()}  # id -> deed, as Config.license
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
SCHEMA_FILE = "publication.schema.json"  # in schemas/, beside the model


@functools.cache
def config_schema() -> dict:
    """The JSON Schema of publication.yaml (schemas/publication.schema.json, shipped in the wheel too)."""
    return json.loads((schemas_dir() / SCHEMA_FILE).read_text(encoding="utf-8"))


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
    def licence(self) -> Licence:
        return LICENCES[self.license_id]

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
    problems += _config_problems(data)
    if problems or not isinstance(data, dict):  # a configuration that is not a mapping has problems
        return None, problems
    return _config(data), problems


def _config_problems(data: object) -> list[Problem]:
    """What is wrong with publication.yaml: its schema, control characters, base IRIs and TOOI codes."""

    def locate(*steps: str | int) -> Location:
        return Location(CONFIG_FILE, *position_of(data, list(steps)))

    validator = jsonschema.Draft202012Validator(config_schema(), format_checker=jsonschema.FormatChecker())
    problems = [  # worded like the record checks, with field and hint
        dataclasses.replace(schema_problem(error, locate), code="config-invalid")
        for error in validator.iter_errors(data)
    ]
    problems += control_characters(data, locate)
    problems += base_problems(data)
    return problems + _register_problems(data)


def _register_problems(data: object) -> list[Problem]:
    register = load_register()
    problems = []
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
    return problems


def _config(data: dict) -> Config:
    """The Config of a publication.yaml that has no problems."""
    register = load_register()
    return Config(
        base_url=data["base_url"],
        base_iri=data["base_iri"],
        title=dict(data["title"]),
        description=dict(data["description"]),
        keywords={k: list(v) for k, v in data["keywords"].items()},
        version=data["version"],
        issued=data["issued"],
        publisher=register[data["publisher"]].uri,
        creator=register[data["creator"]].uri,
        contact=dict(data["contact"]),
        license=LICENCES[data["license"]].deed,
        license_id=data["license"],
        language=data["language"],
        landing_page=data.get("landing_page", ""),
        endpoint_url=data.get("endpoint_url", ""),
        themes=tuple(dict(theme) for theme in data.get("themes", DEFAULT_THEMES)),
        include_drafts=bool(data.get("include_drafts", False)),
    )
