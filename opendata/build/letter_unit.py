"""The per-letter unit of work: read, check, build the graph, validate against the shapes, and
ask each output for its part of the letter.

A letter's result depends only on its own files and the build context (code, model, base IRIs,
who is not public), so it is cached by content hash and computed in parallel on every core.
What needs the other records (do references resolve? are ids unique?) is checked afterwards
on a small skeleton of each letter.

The outputs' per-letter parts (a letter's Turtle, JSON-LD, table rows) are made here, in the worker
processes, and cached with the unit. This layer does not know the outputs: the build context
carries `letter_parts`, (name, callable) pairs the publish pipeline takes from the registry of
outputs (opendata/outputs/__init__.py). Each callable gets the letter's checked graph (LetterGraph)
and returns a picklable value, kept compressed under the output's name (LetterUnit.part).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import zlib
from collections import abc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from opendata.build.graph import GraphBuilder, Node, ntriples
from opendata.checks import records as checks
from opendata.checks.privacy import redacted_record
from opendata.checks.validation import assumed_types, shape_problems, subject_of
from opendata.model.iris import Minter
from opendata.model.model import Model, load_model
from opendata.model.problems import ERROR, Location, Problem
from opendata.model.register import Register, load_register
from opendata.sources.fact_sources import draft_skipped, is_draft
from opendata.sources.reading import Mapping, position_of
from opendata.sources.records import Record, read_letter


@dataclass(frozen=True)
class LetterGraph:
    """A letter's checked graph: what an output makes its per-letter part from."""

    model: Model
    minter: Minter
    nodes: list[Node]  # the letter and everything it holds (signatures, positions, sources)
    nt: str  # their triples as N-Triples, sorted


LetterPart = Callable[[LetterGraph], object]  # an output's share of a letter; picklable


@dataclass(frozen=True)
class BuildContext:
    """Everything besides a letter's own files that its result depends on. It is sent to the worker
    processes, so the letter parts are module-level functions (pickled by name)."""

    root: str  # the datasets folder
    base_iri: str
    base_url: str
    private_people: tuple[tuple[str, str], ...]  # (key, name) of people who are not public
    include_drafts: bool = False  # publication.yaml: publish draft letters (marked) or skip them
    letter_parts: tuple[tuple[str, LetterPart], ...] = ()  # (output name, its per-letter part)

    def fingerprint(self, code_version: str) -> str:
        parts = tuple((name, f"{part.__module__}.{part.__qualname__}") for name, part in self.letter_parts)
        return hashlib.sha256(
            repr(
                (code_version, self.base_iri, self.base_url, self.private_people, self.include_drafts, parts)
            ).encode()
        ).hexdigest()


def _pack(value: object) -> bytes:
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _unpack(blob: bytes | None, default: object) -> object:
    return default if blob is None else pickle.loads(zlib.decompress(blob))


NT = "nt"  # the key of the letter's N-Triples in LetterUnit.packed


def nt_of(packed: bytes | None) -> str:
    """A letter's N-Triples from its packed form (LetterUnit.packed[NT]), which is smaller to send."""
    text = _unpack(packed, "")
    assert isinstance(text, str)
    return text


PART = "part:"  # before an output's name: the key of its part


@dataclass
class LetterUnit:
    """What the rest of the pipeline needs of one letter. The large parts (its triples and the
    outputs' parts) are kept compressed: 100,000 letters fit in memory."""

    key: str
    file: str
    problems: list[Problem] = field(default_factory=list)
    skeleton: list[Skeleton] = field(default_factory=list)  # the fields checked against other records
    text_file: str | None = None  # the source text, relative to the datasets folder
    organisation_codes: tuple[str, ...] = ()  # register organisations it names
    text_as_is: bool = False  # the source text file can be published byte for byte (UTF-8, nothing masked)
    text_sha256: str = ""  # of the source text file, when published as is (the manifest reuses it)
    shape_input: list[str] = field(
        default_factory=list
    )  # assumed types of what it refers to (dropped after validation)
    locate: Location | None = None  # where validation problems point
    # "nt" and each output's part, by output name; with a cache, read from it when asked for
    packed: abc.Mapping[str, bytes] = field(default_factory=dict)
    draft: bool = False  # machine-extracted, not reviewed (`status: draft`)
    draft_skipped: bool = False  # a draft the publication leaves out (include_drafts: false)
    # that draft, (class name, key) -> where it is: a reviewed record that names it is told so
    unpublished_drafts: dict[tuple[str, str], Location] = field(default_factory=dict)

    @property
    def nt(self) -> str:
        """The letter's triples as N-Triples, sorted."""
        return nt_of(self.packed.get(NT))

    def part(self, name: str) -> object:
        """The per-letter part of the output `name` (None when the letter has none)."""
        return _unpack(self.packed.get(PART + name), None)


class Skeleton:
    """What the cross-record checks read of a record (its key, references and dates, with their
    positions), in plain values: cheap to keep for 100,000 letters and to load from the cache.
    It answers the same questions as a Record: cls, data, key, file, owner, location(), field_prefix."""

    __slots__ = ("_line", "_positions", "class_name", "data", "field_prefix", "file", "owner")

    def __init__(
        self, class_name: str, data: dict, file: str, field_prefix: str, owner, positions: dict, line: tuple
    ) -> None:
        self.class_name, self.data, self.file, self.field_prefix = class_name, data, file, field_prefix
        self.owner, self._positions, self._line = owner, positions, line

    def __reduce__(self):
        return Skeleton, (
            self.class_name,
            self.data,
            self.file,
            self.field_prefix,
            self.owner,
            self._positions,
            self._line,
        )

    @property
    def cls(self):
        return load_model().classes[self.class_name]

    @property
    def key(self) -> str:
        return str(self.data.get("id", ""))

    @property
    def text(self):
        return None

    def location(self, *path) -> Location:
        for end in range(len(path), 0, -1):
            if tuple(path[:end]) in self._positions:
                return Location(self.file, *self._positions[tuple(path[:end])])
        return Location(self.file, *self._line)


def skeleton(model, record: Record) -> Skeleton:
    """The record reduced to what the cross-record checks read (keeps memory and the cache small)."""
    keep = {
        f.name
        for f in record.cls.fields.values()
        if f.range in ("date", "date_or_month")
        or (model.is_class(f.range) and not model.classes[f.range].inline)
    }
    keep.add("id")
    located = record.data
    assert isinstance(located, Mapping), "records are read with the positions of their keys"
    data: dict[str, object] = {}
    positions: dict[tuple, tuple[int, int]] = {}
    for name in keep & set(located):
        value = located[name]
        data[name] = list(value) if isinstance(value, list) else value
        positions[(name,)] = located.key_positions[name]
        for number, place in enumerate(getattr(value, "item_positions", [])):
            positions[(name, number)] = place
    foreign = _foreign_evidence(record)
    if foreign:  # evidence in other letters is checked once all records are read
        data["foreign_evidence"] = [
            (name, ["sources", name, *path], _plain(entry, ("sources", name, *path), record.data, positions))
            for name, path, entry in foreign
        ]
    owner = None
    if record.owner is not None:
        owner = Skeleton(
            record.owner.cls.name, {"id": record.owner.key}, record.owner.file, "", None, {}, (0, 0)
        )
    return Skeleton(
        record.cls.name,
        data,
        record.file,
        record.field_prefix,
        owner,
        positions,
        (located.line, located.column),
    )


def _foreign_evidence(record: Record) -> list[tuple[str, tuple, dict]]:
    """(field, path below the field, entry) of each source that names another letter (all the
    evidence of a shared record). Only these are kept in the skeleton: memory stays small."""
    sources = record.data.get("sources")
    if not isinstance(sources, dict):
        return []
    letter = record.owner or record
    own = letter.key if letter.cls.name == "Letter" else None
    found = []
    for name, written in sources.items():
        items = [((n,), e) for n, e in enumerate(written)] if isinstance(written, list) else [((), written)]
        found += [
            (name, path, entry)
            for path, entry in items
            if isinstance(entry, dict) and entry.get("letter") not in (None, own)
        ]
    return found


def _plain(value, path: tuple, data, positions: dict):
    """A located YAML value as plain dicts and lists, with the position of every key and item on the way."""
    positions[path] = position_of(data, list(path))
    if isinstance(value, dict):
        return {k: _plain(v, path + (k,), data, positions) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, path + (i,), data, positions) for i, v in enumerate(value)]
    return value


def process_letter(path: Path, context: BuildContext) -> LetterUnit:
    model = load_model()
    root = Path(context.root)
    records, problems = read_letter(model, path, root)
    unit = LetterUnit(path.stem, path.relative_to(root).as_posix(), problems)
    if not records:
        return unit
    register = load_register()
    letter = records[0]
    unit.key = letter.key or path.stem
    for record in records:
        unit.problems += checks.check_record_alone(model, record, register)
    unit.draft = is_draft(letter)
    if unit.draft and not context.include_drafts:
        unit.problems.append(draft_skipped(letter))
        unit.draft_skipped = True
        unit.unpublished_drafts = {(letter.cls.name, unit.key): letter.location()}
        return unit  # not published: no skeleton, so nothing may refer to it
    unit.skeleton = [skeleton(model, r) for r in records]
    if letter.text is not None:
        unit.text_file = (path.parent / letter.data["text"]).relative_to(root).as_posix()
    if any(p.severity == ERROR for p in unit.problems):
        return unit
    minter = Minter(model, register, context.base_iri, context.base_url)
    private = dict(context.private_people)

    names = list(private.values())
    builder = GraphBuilder(model, minter, frozenset(private))
    nodes = builder.letter_nodes(
        redacted_record(letter, names), [redacted_record(r, names) for r in records[1:]]
    )
    lines = sorted({line for node in nodes for line in ntriples(node)})
    nt = "".join(lines)
    graph = LetterGraph(model, minter, nodes, nt)
    unit.packed = {NT: _pack(nt)} | {PART + name: _pack(part(graph)) for name, part in context.letter_parts}
    unit.organisation_codes = _organisation_codes(records, register)
    if unit.text_file is not None:
        _text_as_is(unit, unit.text_file, redacted_record(letter, names).text, root)
    unit.shape_input = assumed_types(model, builder, records)
    unit.locate = letter.location()
    return unit


def _text_as_is(unit: LetterUnit, text_file: str, published: str | None, root: Path) -> None:
    """Whether the source text can be published byte for byte (UTF-8, nothing masked), and its digest then."""
    raw = (root / text_file).read_bytes()
    unit.text_as_is = published is not None and raw == published.encode("utf-8")
    unit.text_sha256 = hashlib.sha256(raw).hexdigest() if unit.text_as_is else ""


def _organisation_codes(records: list[Record], register: Register) -> tuple[str, ...]:
    """The register organisations the letter's records name."""
    codes: set[str] = set()
    for record in records:
        for f in record.cls.fields.values():
            if f.range == "Organisation":
                value = record.data.get(f.name)
                codes.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))
    return tuple(sorted(code for code in codes if code in register))


def _validate_batch(units: list[LetterUnit]) -> None:
    """Validate a batch of letters in one store; attach each violation to the letter it concerns."""
    owner: dict[str, LetterUnit] = {}
    own, assumed = [], set()
    for unit in units:
        if unit.shape_input:
            lines = unit.nt.splitlines(keepends=True)
            owner.update((subject_of(line), unit) for line in lines)
            own += lines
            assumed.update(unit.shape_input)
    if own:
        for focus, problem in shape_problems(
            own, sorted(assumed - set(own)), lambda iri: owner[iri].locate if iri in owner else None
        ):
            owner[focus].problems.append(problem)


def process_letters(paths: list[str], context: BuildContext) -> list[LetterUnit]:
    """A batch of letters (the task a worker process gets): build each, validate them together."""
    units = [process_letter(Path(p), context) for p in paths]
    _validate_batch(units)
    for unit in units:
        unit.shape_input = []
    return units


def worker_count() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), 8))
