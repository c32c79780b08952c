"""The shared records (organisations, memberships, people, posts, themes, meetings) as one unit of
work: read, checked on their own, turned into triples and validated; cached like a letter.

Organisations of the TOOI register are not part of it: which of them the graph needs depends on
the letters too, so their nodes are made on every build (they are few and come from the register).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from opendata.build.graph import (
    IRI,
    GraphBuilder,
    Literal,
    Node,
    jsonld_text,
    ntriples,
    referenced_codes,
    register_records,
)
from opendata.build.letter_unit import Skeleton, skeleton
from opendata.checks import records as checks
from opendata.checks.privacy import redacted_record
from opendata.checks.validation import assumed_types, shape_problems, subject_of
from opendata.model.iris import Minter
from opendata.model.model import Model
from opendata.model.problems import ERROR, Location, Problem
from opendata.model.register import load_register
from opendata.sources.fact_sources import draft_skipped, is_draft
from opendata.sources.records import Dataset, read_shared

FOAF = "http://xmlns.com/foaf/0.1/"
SKOS_BROADER = "http://www.w3.org/2004/02/skos/core#broader"


@dataclass
class SharedUnit:
    problems: list[Problem] = field(default_factory=list)
    skeleton: list[Skeleton] = field(default_factory=list)
    unreadable_keys: dict = field(default_factory=dict)
    unreadable_classes: set = field(default_factory=set)
    private_people: dict[str, str] = field(default_factory=dict)  # key -> name of people who are not public
    private_locations: dict[str, Location] = field(default_factory=dict)
    nt: str = ""  # triples of the shared records, sorted
    jsonld: list[str] = field(default_factory=list)  # their JSON-LD objects
    organisation_codes: tuple[str, ...] = ()  # register organisations they name
    # drafts left out of the publication, (class name, key) -> where each is: what names one is told so
    unpublished_drafts: dict[tuple[str, str], Location] = field(default_factory=dict)


def private_people(dataset: Dataset) -> dict[str, str]:
    """Key -> name of every person marked `public: false`."""
    return {r.key: str(r.data.get("name", "")) for r in dataset.of("Person") if r.data.get("public") is False}


def shared_files(model: Model, root: Path) -> list[Path]:
    return [root / cls.file for cls in model.classes.values() if cls.file and "*" not in cls.file]


def shared_key(cache, model: Model, root: Path, context_fingerprint: str) -> str:
    parts = [context_fingerprint] + [f"{p.name}:{cache.digest(p)}" for p in shared_files(model, root)]
    parts += sorted(p.name for p in root.glob("*.y*ml"))  # an unexpected file is reported
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def broader_kinds(model: Model) -> list[Node]:
    """`skos:broader` of every value-list concept minted here that has one (a `bijlage` is a kind of
    `brief`), so a query for letters of a kind finds the narrower kinds from the graph alone."""
    nodes = []
    for enum in model.enums.values():
        for value in enum["values"].values():
            if "broader" in value:
                node = Node(model.expand(value["uri"]), [])
                node.add("skos:broader", SKOS_BROADER, IRI(model.expand(value["broader"])))
                nodes.append(node)
    return nodes


def redacted_person(minter: Minter) -> Node:
    node = Node(minter.redacted(), [FOAF + "Person"])
    node.add("foaf:name", FOAF + "name", Literal("geanonimiseerd"))
    return node


def validate(
    model: Model, nt_lines: list[str], where: Callable[[str], Location], assumed: Sequence[str] = ()
) -> list[Problem]:
    """The compiled shapes over the shared records' triples; `where(iri)` gives a focus node's Location."""
    subjects = {subject_of(line) for line in nt_lines}
    return [
        problem
        for _, problem in shape_problems(
            nt_lines, assumed, lambda iri: where(iri) if iri in subjects else None
        )
    ]


def _published_records(records: list, include_drafts: bool, unit: SharedUnit) -> list:
    """The records to publish: drafts only when the publication includes them (a warning names each one
    left out, and the unit notes where it is)."""
    if include_drafts:
        return records
    drafts = [r for r in records if is_draft(r)]
    unit.problems += [draft_skipped(r) for r in drafts]
    unit.unpublished_drafts = {(r.cls.name, r.key): r.location() for r in drafts if r.key}
    return [r for r in records if not is_draft(r)]


def build_shared(
    model: Model, root: Path, minter: Minter, dataset: Dataset | None = None, include_drafts: bool = False
) -> SharedUnit:

    dataset = dataset or read_shared(model, root)
    register = load_register()
    private = private_people(dataset)
    unit = SharedUnit(
        problems=list(dataset.problems),
        unreadable_keys=dataset.unreadable_keys,
        unreadable_classes=set(dataset.unreadable_classes),
        private_people=private,
    )
    records = [r for rs in dataset.records.values() for r in rs]
    for record in records:
        unit.problems += checks.check_record_alone(model, record, register)
    records = _published_records(records, include_drafts, unit)
    for record in records:
        unit.skeleton.append(skeleton(model, record))
        if record.cls.name == "Person" and record.key in private:
            unit.private_locations[record.key] = record.location("public")
    if any(p.severity == ERROR for p in unit.problems):
        return unit
    builder = GraphBuilder(model, minter, frozenset(private))
    names = list(private.values())
    nodes: list[Node] = []
    source_places: dict[str, Location] = {}
    for record in records:
        if not (record.cls.name == "Person" and record.key in private):
            masked = redacted_record(record, names)
            statements = builder.source_nodes(masked)
            nodes += [builder.node(masked)] + statements
            source_places.update((node.iri, record.location("sources")) for node in statements)
    if private:
        nodes.append(redacted_person(minter))
    nodes += broader_kinds(model)
    lines = sorted({line for node in nodes for line in ntriples(node)})
    unit.nt = "".join(lines)
    unit.jsonld = [jsonld_text(model, node) for node in nodes]
    published: Dataset = Dataset()
    for record in records:
        published.add(record)
    unit.organisation_codes = tuple(sorted(referenced_codes(published, register)))
    places = {minter.entity(r.cls.name, r.key): r.location() for r in records if r.key} | source_places
    unit.problems += validate(
        model,
        lines,
        lambda iri: places.get(iri.split("#")[0], Location("graph")),
        assumed_types(model, builder, records),
    )
    return unit


def register_nodes(model: Model, minter: Minter, codes: set[str]) -> list[Node]:
    """Nodes for the register organisations the graph names (and their provinces)."""
    builder = GraphBuilder(model, minter)
    return [builder.node(record) for record in register_records(model, codes, load_register())]
