"""The orchestrator: sources -> records -> checks -> graph -> SHACL -> writers -> atomic release."""

from __future__ import annotations

import datetime
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from . import checks, release, shapes
from .config import Config, load_config
from .graph import GraphBuilder, Node, ntriples, register_records
from .iris import Minter
from .model import Model, load_model
from .problems import ERROR, Location, Problem, has_errors
from .publication import Publication
from .records import Dataset, Record, read_dataset
from .register import load_register
from .writers import WRITERS

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
REDACTION_MARK = "█"


@dataclass
class Outcome:
    exit_code: int
    problems: list[Problem] = field(default_factory=list)
    publication: Publication | None = None
    dist: Path | None = None


def _private_people(dataset: Dataset) -> dict[str, str]:
    """Key -> name of every person marked `public: false`."""
    return {r.key: str(r.data.get("name", "")) for r in dataset.of("Person") if r.data.get("public") is False}


def redact(text: str, names: list[str]) -> str:
    """Mask each name with as many marks as it has characters, so offsets into the text still hold."""
    for name in sorted(filter(None, names), key=len, reverse=True):
        text = re.sub(re.escape(name), lambda m: REDACTION_MARK * len(m.group()), text)
    return text


def _redacted_record(record: Record, names: list[str]) -> Record:
    if not names:
        return record
    data = type(record.data)(record.data)
    data.__dict__.update(record.data.__dict__)
    for key, value in data.items():
        if isinstance(value, str):
            data[key] = redact(value, names)
    return Record(record.cls, data, record.file, record.owner, record.index, record.text)


def build_nodes(model: Model, minter: Minter, dataset: Dataset) -> list[Node]:
    """Every top-level node: shared records by class, then each letter with its inline records."""
    private = _private_people(dataset)
    names = list(private.values())
    builder = GraphBuilder(model, minter, frozenset(private))
    nodes: list[Node] = []
    for record in register_records(model, dataset, load_register()):
        nodes.append(builder.node(record))
    for cls in model.classes.values():
        if cls.inline or cls.name == "Letter":
            continue
        for record in dataset.of(cls.name):
            if cls.name == "Person" and record.key in private:
                continue
            nodes.append(builder.node(_redacted_record(record, names)))
    inline_by_letter: dict[int, list[Record]] = {}
    for name in ("Signature", "Position"):
        for record in dataset.of(name):
            inline_by_letter.setdefault(id(record.owner), []).append(_redacted_record(record, names))
    for letter in sorted(dataset.of("Letter"), key=lambda r: r.key):
        nodes += builder.letter_nodes(_redacted_record(letter, names), inline_by_letter.get(id(letter), []))
    return nodes


def _locator(minter: Minter, dataset: Dataset):
    where: dict[str, Location] = {}
    for records in dataset.records.values():
        for record in records:
            if record.key and not record.cls.inline:
                where[minter.entity(record.cls.name, record.key)] = record.location()
    return lambda iri: where.get(iri.split("#")[0], Location("graph"))


def _check_sources(model: Model, datasets: Path, today) -> tuple[Config | None, Dataset | None, list[Problem], int]:
    config, problems = load_config(datasets)
    if config is None:
        return None, None, problems, EXIT_USAGE
    dataset = read_dataset(model, datasets)
    problems += dataset.problems
    problems += checks.check_dataset(model, dataset, load_register(), today)
    return config, dataset, problems, EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def build(datasets: Path, today: datetime.date | None = None) -> Outcome:
    """Check the sources and build the graph in memory; nothing is written."""
    model = load_model()
    config, dataset, problems, code = _check_sources(model, datasets, today)
    if code != EXIT_OK:
        return Outcome(code, problems)
    minter = Minter(model, load_register(), config.base_iri, config.base_url)
    nodes = build_nodes(model, minter, dataset)
    lines = sorted({line for node in nodes for line in ntriples(node)})
    graph = Graph().parse(data="".join(lines), format="nt")
    conforms, report, shacl_problems = shapes.validate(graph, _locator(minter, dataset))
    problems += shacl_problems
    if not conforms:
        return Outcome(EXIT_PROBLEMS, problems)
    names = list(_private_people(dataset).values())
    texts = {r.key: redact(r.text, names) for r in dataset.of("Letter") if r.text is not None}
    publication = Publication(config, model, minter, dataset, nodes, lines, texts,
                              report.serialize(format="turtle"), problems)
    return Outcome(EXIT_OK, problems, publication)


def _privacy_leaks(build_dir: Path, dataset: Dataset) -> list[Problem]:
    """Scan every byte written for the names and keys of people who are not public."""
    secrets = {}
    for record in dataset.of("Person"):
        if record.data.get("public") is False:
            for value in (record.key, record.data.get("name")):
                if isinstance(value, str) and value:
                    secrets[value.encode("utf-8")] = record
    problems = []
    for path in sorted(p for p in build_dir.rglob("*") if p.is_file()):
        content = path.read_bytes()
        for secret, record in secrets.items():
            if secret in content:
                problems.append(Problem("privacy-leak", ERROR,
                                        f"the non-public person '{record.key}' would appear in {path.name}",
                                        record.location("public"), field="public",
                                        hint="remove the name or key from other records (ids, notes) that mention it"))
    return problems


def publish(datasets: Path, out: Path, today: datetime.date | None = None) -> Outcome:
    """Build, write every output into a fresh folder, verify, and release it atomically."""
    with release.publish_lock(out):
        outcome = build(datasets, today)
        if outcome.publication is None:
            return outcome
        build_dir = release.new_build(out)
        try:
            for write in WRITERS:
                write(outcome.publication, build_dir)
            leaks = _privacy_leaks(build_dir, outcome.publication.dataset)
            if leaks:
                return Outcome(EXIT_PROBLEMS, outcome.problems + leaks)
            outcome.dist = release.release(build_dir, out)
        finally:
            if build_dir.exists():
                shutil.rmtree(build_dir, ignore_errors=True)
        return outcome
