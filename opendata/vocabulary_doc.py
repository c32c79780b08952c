"""The vocabulary documentation (Markdown), generated from the model, with examples that are true.

The `example:` values of the model's fields make one record per class. Together those records are
a small, coherent dataset (`example_dataset`): the documentation shows each record as YAML and, after
publishing that dataset with the real pipeline, the Turtle it becomes. So an example that does not
validate, or that refers to a record no other example gives, stops `opendata generate`, and a test
publishes the same dataset with `opendata publish`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from opendata.model.model import Field, Model, ModelClass
from opendata.model.problems import render_text
from opendata.publish.pipeline import publish
from opendata.sources.config import CONFIG_FILE

NOTICE = "<!-- Generated from schemas/model.yaml by `opendata generate`; do not edit. -->"


def _range_text(model: Model, f: Field) -> str:
    if model.is_enum(f.range):
        return f"one of: {', '.join(f'`{v}`' for v in model.enums[f.range]['values'])}"
    if model.is_class(f.range):
        return f"[{f.range}](#{f.range.lower()})" + (
            " (inline)" if model.classes[f.range].inline else " (key)"
        )
    return f.range


def _rdf_text(model: Model, f: Field) -> str:
    if f.private:
        return "not published"
    if f.range == "sources":  # no property of the record: each source is a statement about it
        return "one [Source](#source) each: `rdf:Statement` whose `rdf:subject` is the record"
    hops = " / ".join(f"`{hop.property}`" for hop in f.path)
    return (hops + " / " if hops else "") + (f"`{f.uri}`" if f.uri else "(the IRI)")


# The example dataset's publication.yaml: what only a publisher knows, not part of the model.
EXAMPLE_PUBLICATION = {
    "base_url": "https://data.voorbeeld.example/publicatie/",
    "base_iri": "https://data.voorbeeld.example/id/",
    "title": {
        "nl": "Voorbeelddataset van het opendata-vocabulaire",
        "en": "Example dataset of the opendata vocabulary",
    },
    "description": {
        "nl": "Eén record per klasse, samengesteld uit de voorbeelden van het model.",
        "en": "One record per class, assembled from the model's examples.",
    },
    "keywords": {"nl": ["voorbeeld"], "en": ["example"]},
    "version": "1",
    "issued": "2019-10-01",
    "publisher": "pv28",
    "creator": "pv28",
    "contact": {"name": "Voorbeeld", "email": "opendata@voorbeeld.example"},
    "license": "CC0-1.0",
    "language": "nl",
}
# The example letter's source text: the example position's quote between these two, so that the
# quote's `start` example is the length of the first (checked when the dataset is assembled).
TEXT_BEFORE_QUOTE = "Geacht co11ege,\n\n"
TEXT_AFTER_QUOTE = "\n\nHoogachtend,\nGedeputeerde Staten van Zuid-Holland\n"


def _example_record(model: Model, cls: ModelClass) -> dict[str, object]:
    """The record the examples of `cls` make; a field holding inline records gets that class's example."""
    record: dict[str, object] = {}
    for f in cls.field_list():
        if f.derived:
            continue
        if model.is_class(f.range) and model.classes[f.range].inline:
            inline = _example_record(model, model.classes[f.range])
            if inline:
                record[f.name] = [inline] if f.multivalued else inline
        elif f.example is not None:
            record[f.name] = f.example
    return record


def documented_classes(model: Model) -> list[ModelClass]:
    """Classes whose records are written in the sources (in a file or inside a letter)."""
    return [cls for cls in model.classes.values() if cls.file or cls.inline]


def _letter_text(model: Model, letter: dict) -> str:
    quotes = [(p["quote"], p["start"]) for p in letter.get("positions", []) if "quote" in p]
    for _quote, start in quotes:
        if start != len(TEXT_BEFORE_QUOTE):
            raise ValueError(
                f"the example position's start must be {len(TEXT_BEFORE_QUOTE)}, the length of "
                f"{TEXT_BEFORE_QUOTE!r} that precedes its quote in the example letter"
            )
    return TEXT_BEFORE_QUOTE + "".join(quote for quote, _ in quotes) + TEXT_AFTER_QUOTE


def example_dataset(model: Model) -> dict[str, str]:
    """The example dataset: relative path -> file content (YAML records, the letter's text, publication.yaml)."""
    files = {CONFIG_FILE: yaml.safe_dump(EXAMPLE_PUBLICATION, allow_unicode=True, sort_keys=False)}
    for cls in documented_classes(model):
        if cls.file is None:  # inline records are written inside their letter's example
            continue
        record = _example_record(model, cls)
        if cls.file.endswith("*.yaml"):
            files[cls.file.replace("*", str(record["id"]))] = yaml.safe_dump(
                record, allow_unicode=True, sort_keys=False
            )
            if "text" in record:
                files[str(Path(cls.file).parent / str(record["text"]))] = _letter_text(model, record)
        else:
            files[cls.file] = yaml.safe_dump([record], allow_unicode=True, sort_keys=False)
    return files


def write_example_dataset(model: Model, folder: Path) -> Path:
    for relative, content in example_dataset(model).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return folder


def publish_examples(model: Model, out: Path) -> Path:
    """Publish the example dataset with the real pipeline into `out`; a failure is a defect of the model."""
    datasets = write_example_dataset(model, out.parent / "example-datasets")
    outcome = publish(datasets, out, cache_dir=None)
    if outcome.exit_code:
        raise ValueError(
            "the model's examples do not make a valid dataset:\n" + render_text(outcome.problems)
        )
    return out


def _description_of(graph: Graph, node: URIRef) -> Graph:
    """The triples of `node` and of the nodes that depend on it (IRIs `node#...`, `node-...`)."""
    part = Graph()
    for prefix, namespace in graph.namespaces():
        part.bind(prefix, namespace)
    todo, seen = [node], set()
    while todo:
        subject = todo.pop()
        seen.add(subject)
        for _, p, o in graph.triples((subject, None, None)):
            part.add((subject, p, o))
            if (
                isinstance(o, URIRef)
                and o not in seen
                and str(o).startswith((str(node) + "#", str(node) + "-"))
            ):
                todo.append(o)
    return part


def _example_node(model: Model, graph: Graph, cls: ModelClass) -> URIRef | None:
    """The published node of the class's example: the IRI ends with `/{id}`; a record without an id
    (a signature) is a dependent node of its letter (`...#fragment`)."""
    key = _example_record(model, cls).get("id")
    nodes = sorted(
        s for s in graph.subjects(RDF.type, URIRef(model.expand(cls.uri))) if isinstance(s, URIRef)
    )
    for node in nodes:
        if node.endswith(f"/{key}") if key else "#" in node:
            return node
    return None


def example_turtle(model: Model) -> dict[str, str]:
    """Class name -> the Turtle its example record is published as."""
    with tempfile.TemporaryDirectory(prefix="opendata-examples-") as tmp:
        dist = publish_examples(model, Path(tmp) / "dist")
        graph = Graph().parse(dist / "graph.ttl", format="turtle")
    turtle = {}
    for cls in documented_classes(model):
        node = _example_node(model, graph, cls)
        if node is not None:
            turtle[cls.name] = _description_of(graph, node).serialize(format="turtle").strip()
    return turtle


def _class_section(model: Model, cls: ModelClass, turtle: str | None = None) -> list[str]:
    lines = [
        f"## {cls.name}",
        "",
        f"*{cls.en}* / *{cls.nl}* — `{cls.uri}` (IRIs: `{{base_iri}}{cls.iri}/{{id}}`)"
        if not cls.iri.startswith("#")
        else f"*{cls.en}* / *{cls.nl}* — `{cls.uri}` (IRIs: `{{letter IRI}}{cls.iri}-{{n}}`)",
        "",
        cls.description.get("en", ""),
        "",
        f"> {cls.description.get('nl', '')}",
        "",
        "| field | RDF | range | required | description |",
        "|---|---|---|---|---|",
    ]
    for f in cls.field_list():
        many = " (list)" if f.multivalued else ""
        desc = f.description.get("en", f.en).replace("|", "\\|")
        lines.append(
            f"| `{f.name}` | {_rdf_text(model, f)} | {_range_text(model, f)}{many} | "
            f"{'yes' if f.required else ''}{' (derived)' if f.derived else ''} | {desc} |"
        )
    example = _example_record(model, cls) if cls.file or cls.inline else {}
    if example:
        where = f"`datasets/{cls.file}`" if cls.file else "inside a letter record"
        lines += [
            "",
            f"Example ({where}):",
            "",
            "```yaml",
            yaml.safe_dump(example, allow_unicode=True, sort_keys=False).rstrip(),
            "```",
        ]
    if turtle:
        lines += ["", "Published as (in `graph.ttl`):", "", "```turtle", turtle, "```"]
    return lines + [""]


def _enum_section(model: Model) -> list[str]:
    lines = ["## Value lists", ""]
    for name, enum in model.enums.items():
        lines += [
            f"### {name}",
            "",
            f"{enum['description']['en']} / {enum['description']['nl']}",
            "",
            "| value | IRI | nl | en |",
            "|---|---|---|---|",
        ]
        for key, value in enum["values"].items():
            lines.append(f"| `{key}` | `{value['uri']}` | {value['nl']} | {value['en']} |")
        lines.append("")
    return lines


def vocabulary_markdown(model: Model) -> str:
    lines = [
        NOTICE,
        "",
        f"# The {model.name} vocabulary (model version {model.version})",
        "",
        "Every class and field of the model, the RDF term it publishes as, and an example record.",
        "The examples make one small dataset (one record per class, people fictional) that the tests",
        "publish; the Turtle shown is what `opendata publish` makes of it.",
        "Terms minted by this project live in "
        f"`{model.vocabulary}` (prefix `odnl:`) and are defined in `ontology.ttl`.",
        "",
        "Prefixes: " + ", ".join(f"`{p}:` {ns}" for p, ns in model.prefixes.items()),
        "",
    ]
    turtle = example_turtle(model)
    for cls in model.classes.values():
        lines += _class_section(model, cls, turtle.get(cls.name))
    lines += _enum_section(model)
    lines += ["## Terms minted here", "", "| term | nl | en | definition |", "|---|---|---|---|"]
    for curie, term in model.terms.items():
        lines.append(f"| `{curie}` | {term['nl']} | {term['en']} | {term['en_def']} |")
    return "\n".join(lines) + "\n"
