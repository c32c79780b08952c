"""The model in schemas/model.yaml, loaded once, with the questions the pipeline asks of it."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from opendata.model.resources import schemas_dir

SCHEMAS_DIR = schemas_dir()
MODEL_FILE = SCHEMAS_DIR / "model.yaml"
GENERATED_DIR = SCHEMAS_DIR / "generated"

# Facts every layer shares, defined once (the generated JSON Schema and SHACL shapes carry the same patterns).
KEY_PATTERN = "^[a-z0-9][a-z0-9-]*[a-z0-9]$|^[a-z0-9]$"  # a record's key: also the last segment of its IRI
DATE_OR_MONTH_PATTERN = "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"  # a date, or a month when the day is not known
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# The classes and fields the pipeline names in its code, because their role is more than a property
# the model states: a letter is the unit of work (one file with its own text and inline records);
# `unknown` lists the fields its source leaves open; `id` is every record's key (the last segment of
# its IRI). Every other name comes from schemas/model.yaml.
LETTER = "Letter"
TEXT_FIELD = "text"  # a letter's source text: the file <id>.txt beside <id>.yaml
UNKNOWN_FIELD = "unknown"
ID_FIELD = "id"
ORGANISATION = "Organisation"  # a reference to one may also be a TOOI register code (model/register.py)

LITERAL_RANGES = {
    "string": "xsd:string",
    "text": "xsd:string",
    "integer": "xsd:integer",
    "decimal": "xsd:decimal",
    "boolean": "xsd:boolean",
    "date": "xsd:date",
    "date_or_month": None,  # xsd:date or xsd:gYearMonth, chosen per value
}
REFERENCE_RANGES = {"iri", "textfile"}
SOURCES_RANGE = (
    "sources"  # a record's `sources`: published as reified statements (class Source), not as a property
)
ANY_RANGE = "any"  # a Source's rdf:object: an IRI or a literal, whatever the field it reifies holds
# Record fields that describe a record as a whole; inline records (signatures, positions) share their letter's.
WHOLE_RECORD_FIELDS = ("status", "extracted_by")


@dataclass(frozen=True)
class Hop:
    """One step from an owner node to a dependent node: property, IRI fragment, node type."""

    property: str
    fragment: str
    type: str


@dataclass(frozen=True)
class Field:
    name: str
    uri: str | None
    range: str
    required: bool = False
    multivalued: bool = False
    pattern: str | None = None
    path: tuple[Hop, ...] = ()
    private: bool = False
    derived: bool = False
    checked: bool = False  # derived, but a record may give it; then it must equal the derived value
    nl: str = ""
    en: str = ""
    description: dict = field(default_factory=dict)
    example: object = None


@dataclass(frozen=True)
class ModelClass:
    name: str
    uri: str
    iri: str
    fields: dict[str, Field]
    file: str | None = None
    table: str | None = None
    inline: bool = False
    nl: str = ""
    en: str = ""
    description: dict = field(default_factory=dict)

    def field_list(self, published_only: bool = False) -> list[Field]:
        return [f for f in self.fields.values() if not (published_only and f.private)]


@dataclass(frozen=True, eq=False)  # one model per process: compared and hashed by identity
class Model:
    name: str
    version: str
    vocabulary: str
    prefixes: dict[str, str]
    enums: dict[str, dict]
    classes: dict[str, ModelClass]
    terms: dict[str, dict]

    def expand(self, curie: str) -> str:
        """Full IRI for a compact IRI such as `org:Membership`."""
        prefix, _, local = curie.partition(":")
        if prefix in self.prefixes and not local.startswith("//"):
            return self.prefixes[prefix] + local
        return curie

    def enum_iri(self, enum: str, value: str) -> str:
        return self.expand(self.enums[enum]["values"][value]["uri"])

    def is_enum(self, range_: str) -> bool:
        return range_ in self.enums

    def is_class(self, range_: str) -> bool:
        return range_ in self.classes

    def inline_fields(self, class_name: str) -> list[Field]:
        """The fields of a class that hold its inline records (a letter's signatories and positions)."""
        return [
            f
            for f in self.classes[class_name].fields.values()
            if self.is_class(f.range) and self.classes[f.range].inline
        ]

    def open_fields(self) -> frozenset[str]:
        """The fields a letter may declare unknown: the values of the range of its `unknown` field."""
        return frozenset(self.enums[self.classes[LETTER].fields[UNKNOWN_FIELD].range]["values"])

    def class_for_file(self, relative: str) -> ModelClass | None:
        for cls in self.classes.values():
            if cls.file == relative or (
                cls.file and cls.file.endswith("*.yaml") and relative.startswith(cls.file[:-6])
            ):
                return cls
        return None


def _field(name: str, spec: dict) -> Field:
    return Field(
        name=name,
        uri=spec.get("uri"),
        range=spec.get("range", "string"),
        required=bool(spec.get("required", False)),
        multivalued=bool(spec.get("multivalued", False)),
        pattern=spec.get("pattern"),
        path=tuple(Hop(*hop) for hop in spec.get("path", ())),
        private=bool(spec.get("private", False)),
        derived=bool(spec.get("derived", False)),
        checked=bool(spec.get("checked", False)),
        nl=spec.get("nl", ""),
        en=spec.get("en", ""),
        description=spec.get("description", {}),
        example=spec.get("example"),
    )


def _record_fields(spec: dict, record_fields: dict) -> dict:
    """The fields every record has (status, extracted_by, sources), for this class: inline records
    take their letter's status; a Source (a statement about a field) has no sources of its own."""
    fields = dict(record_fields)
    if spec.get("inline"):
        for name in WHOLE_RECORD_FIELDS:
            fields.pop(name, None)
    if spec["uri"] == "rdf:Statement":
        fields.pop("sources", None)
    return fields


def _class(name: str, spec: dict, record_fields: dict) -> ModelClass:
    all_fields = {**spec["fields"], **_record_fields(spec, record_fields)}
    return ModelClass(
        name=name,
        uri=spec["uri"],
        iri=spec["iri"],
        fields={fname: _field(fname, fspec) for fname, fspec in all_fields.items()},
        file=spec.get("file"),
        table=spec.get("table"),
        inline=bool(spec.get("inline", False)),
        nl=spec.get("nl", ""),
        en=spec.get("en", ""),
        description=spec.get("description", {}),
    )


@functools.cache
def load_model(path: Path = MODEL_FILE) -> Model:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # libyaml: 10x faster
    return Model(
        name=raw["name"],
        version=str(raw["version"]),
        vocabulary=raw["vocabulary"],
        prefixes=raw["prefixes"],
        enums=raw["enums"],
        classes={
            name: _class(name, spec, raw.get("record_fields", {})) for name, spec in raw["classes"].items()
        },
        terms=raw.get("terms", {}),
    )
