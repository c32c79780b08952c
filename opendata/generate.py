"""Generate the artefacts of the model (schemas/model.yaml) into schemas/generated/.

`opendata generate` writes them; `opendata generate --check` (and a test) fails when a committed
artefact is stale. Every generated file says so in its first line.
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic, to_canonical_graph
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS, XSD
from rdflib.term import Node

from opendata.model.model import (
    ANY_RANGE,
    DATE_OR_MONTH_PATTERN,
    GENERATED_DIR,
    KEY_PATTERN,
    MODEL_FILE,
    SOURCES_RANGE,
    Field,
    Model,
    ModelClass,
    load_model,
)
from opendata.model.tables import table_schemas
from opendata.vocabulary_doc import vocabulary_markdown

NOTICE = "Generated from schemas/model.yaml by `opendata generate`; do not edit."
SHAPES = Namespace("https://w3id.org/opendata-nl/shapes#")
JSON_TYPES = {
    "string": "string",
    "text": "string",
    "integer": "integer",
    "decimal": "number",
    "boolean": "boolean",
    "date": "string",
    "date_or_month": "string",
    "iri": "string",
    "textfile": "string",
    "key": "string",
}
XSD_RANGES = {
    "string": XSD.string,
    "text": XSD.string,
    "integer": XSD.integer,
    "decimal": XSD.decimal,
    "boolean": XSD.boolean,
    "date": XSD.date,
}


# ---------------------------------------------------------------- JSON Schema (source records)

# Fields that are about the record, not facts from a source: they take no `sources`.
NOT_SOURCED = ("status", "extracted_by", "note", "unknown", "corrections", "text")


def source_entry_schema(model: Model) -> dict:
    """One source of a value: evidence in a letter's text, a register, or an editorial note.
    Which of these an entry is (exactly one) is checked in opendata/checks/records.py, with clearer words."""
    offset = {"type": "integer", "minimum": 0}
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "start": {
                **offset,
                "title": "start",
                "description": "character offset (from 0) where the quote starts",
            },
            "end": {**offset, "title": "end", "description": "character offset just after the quote"},
            "quote": {
                "type": "string",
                "minLength": 1,
                "title": "quote",
                "description": "the passage exactly as in the text",
            },
            "letter": {
                "type": "string",
                "pattern": KEY_PATTERN,
                "title": "letter",
                "description": "the letter whose text holds the quote (required in shared records)",
            },
            "confidence": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "title": "confidence",
                "description": "how sure the extraction is, from 0 to 1",
            },
            "editorial": {
                "type": "string",
                "minLength": 1,
                "title": "editorial note",
                "description": "an editorial addition: the note says what the editors added and why",
            },
            "register": {
                "enum": sorted(model.enums["Register"]["values"]),
                "title": "register",
                "description": "the register the value comes from",
            },
        },
    }


def _sources_schema(model: Model, cls: ModelClass, f: Field) -> dict:
    """`sources`: per field of the class, one source or a list of them."""
    entry = source_entry_schema(model)
    value = {"if": {"type": "array"}, "then": {"type": "array", "items": entry, "minItems": 1}, "else": entry}
    names = [
        g.name
        for g in cls.field_list(published_only=True)
        if g.uri and g.name not in NOT_SOURCED and not (g.derived and not g.checked)
    ]
    return {
        "title": f.en,
        "description": f.description.get("en", f.en),
        "type": "object",
        "minProperties": 1,
        "additionalProperties": False,
        "properties": dict.fromkeys(names, value),
    }


def _json_field(model: Model, f: Field) -> dict:
    if model.is_enum(f.range):
        item: dict = {"enum": sorted(model.enums[f.range]["values"])}
    elif model.is_class(f.range) and model.classes[f.range].inline:
        item = {"$ref": f"#/$defs/{f.range}"}
    elif model.is_class(f.range):
        item = {"type": "string", "pattern": KEY_PATTERN}
    elif f.range == ANY_RANGE:
        item = {}
    else:
        item = {"type": JSON_TYPES[f.range]}
        if f.range == "date":
            item["format"] = "date"
        if f.range == "date_or_month":
            item["pattern"] = DATE_OR_MONTH_PATTERN
        if f.range == "key":
            item["pattern"] = KEY_PATTERN
        if f.range == "iri":
            item["format"] = "iri"
        if f.range == "integer":
            item["minimum"] = 0
        if f.range == "textfile":
            item["pattern"] = r"^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$"
        if f.pattern:
            item["pattern"] = f.pattern
        if f.range in ("string", "text"):
            item["minLength"] = 1
    title = {"title": f.en, "description": f.description.get("en", f.en)}
    if f.multivalued:
        return {**title, "type": "array", "items": item, "minItems": 1, "uniqueItems": True}
    return {**title, **item}


def _unknowable(model: Model, cls: ModelClass) -> set[str]:
    unknown = cls.fields.get("unknown")
    return set(model.enums[unknown.range]["values"]) if unknown else set()


def _json_class(model: Model, cls: ModelClass) -> dict:
    fields = [f for f in cls.field_list() if not f.derived or f.checked]
    unknowable = _unknowable(model, cls)
    schema: dict = {
        "title": cls.en,
        "description": cls.description.get("en", ""),
        "type": "object",
        "properties": {
            f.name: _sources_schema(model, cls, f) if f.range == SOURCES_RANGE else _json_field(model, f)
            for f in fields
        },
        "required": [f.name for f in fields if f.required and f.name not in unknowable],
        "additionalProperties": False,
    }
    conditional = [f.name for f in fields if f.required and f.name in unknowable]
    rules = [
        {
            "if": {
                "not": {"required": ["unknown"], "properties": {"unknown": {"contains": {"const": name}}}}
            },
            "then": {"required": [name]},
        }
        for name in conditional
    ]
    if "status" in cls.fields:  # a draft names the tool that made it
        rules.append({"if": {"required": ["status"]}, "then": {"required": ["extracted_by"]}})
    if rules:
        schema["allOf"] = rules
    return schema


def json_schema(model: Model) -> dict:
    defs = {name: _json_class(model, cls) for name, cls in model.classes.items()}
    files = {cls.file: name for name, cls in model.classes.items() if cls.file}
    return {
        "$comment": NOTICE,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": model.vocabulary.rstrip("#") + "/records.schema.json",
        "title": "opendata source records",
        "description": "One $defs entry per class; x-files maps each source file (pattern) to its class.",
        "x-files": files,
        "$defs": defs,
    }


# ---------------------------------------------------------------- JSON-LD context


def _context_term(model: Model, f: Field) -> dict | str | None:
    if f.uri is None or f.private or f.path:
        return None
    if model.is_enum(f.range) or model.is_class(f.range) or f.range in ("iri", "textfile"):
        if model.is_class(f.range) and model.classes[f.range].inline:
            return {"@id": f.uri}
        return {"@id": f.uri, "@type": "@id"}
    datatype = {
        "date": "xsd:date",
        "integer": "xsd:integer",
        "decimal": "xsd:decimal",
        "boolean": "xsd:boolean",
    }.get(f.range)
    return {"@id": f.uri, "@type": datatype} if datatype else f.uri


def jsonld_context(model: Model) -> dict:
    context: dict = {"@version": 1.1}
    context.update(dict(sorted(model.prefixes.items())))
    for name, cls in model.classes.items():
        scoped = {}
        for f in cls.field_list():
            term = _context_term(model, f)
            if term is not None:
                scoped[f.name] = term
        context[name] = {"@id": cls.uri, "@context": scoped}
    return {"_comment": NOTICE, "@context": context}


# ---------------------------------------------------------------- SHACL shapes


def _term(model: Model, f: Field) -> URIRef:
    """The RDF property of a field the shapes constrain (only fields with a term are given shapes)."""
    if f.uri is None:
        raise ValueError(f"the field {f.name} has no RDF term")
    return URIRef(model.expand(f.uri))


def _property_path(graph: Graph, model: Model, f: Field) -> Node:
    steps: list[Node] = [*(URIRef(model.expand(hop.property)) for hop in f.path), _term(model, f)]
    if len(steps) == 1:
        return steps[0]
    head = BNode()
    Collection(graph, head, steps)
    return head


def _value_constraints(graph: Graph, model: Model, shape: URIRef, f: Field) -> None:
    if model.is_enum(f.range):
        head = BNode()
        values: list[Node] = [
            URIRef(model.enum_iri(f.range, v)) for v in sorted(model.enums[f.range]["values"])
        ]
        Collection(graph, head, values)
        graph.add((shape, SH["in"], head))
    elif model.is_class(f.range):
        graph.add((shape, SH["class"], URIRef(model.expand(model.classes[f.range].uri))))
    elif f.range in ("iri", "textfile"):
        graph.add((shape, SH.nodeKind, SH.IRI))
    elif f.range == ANY_RANGE:
        pass  # the value of whatever field a statement reifies
    elif f.range == "date_or_month":
        head = BNode()
        options: list[Node] = []
        for datatype in (XSD.date, XSD.gYearMonth):
            option = BNode()
            graph.add((option, SH.datatype, datatype))
            options.append(option)
        Collection(graph, head, options)
        graph.add((shape, SH["or"], head))
    else:
        graph.add((shape, SH.datatype, XSD_RANGES[f.range]))
    if f.pattern:
        graph.add((shape, SH.pattern, Literal(f.pattern)))


def _property_shape(graph: Graph, model: Model, cls: ModelClass, f: Field) -> URIRef:
    shape = SHAPES[f"{cls.name}-{f.name}"]
    graph.add((shape, RDF.type, SH.PropertyShape))
    graph.add((shape, SH.path, _property_path(graph, model, f)))
    graph.add((shape, SH.name, Literal(f.en, lang="en")))
    graph.add((shape, SH.name, Literal(f.nl, lang="nl")))
    if f.required and f.name not in _unknowable(model, cls):
        graph.add((shape, SH.minCount, Literal(1)))
    if not f.multivalued:
        graph.add((shape, SH.maxCount, Literal(1)))
    _value_constraints(graph, model, shape, f)
    return shape


def _known_or_declared_unknown(graph: Graph, model: Model, cls: ModelClass, node: URIRef) -> None:
    unknown = cls.fields["unknown"]
    for value in sorted(model.enums[unknown.range]["values"]):
        f = cls.fields.get(value)
        if not (f and f.required):
            continue
        present, declared = BNode(), BNode()
        graph.add((present, SH.path, _term(model, f)))
        graph.add((present, SH.minCount, Literal(1)))
        graph.add((declared, SH.path, _term(model, unknown)))
        graph.add((declared, SH.hasValue, URIRef(model.enum_iri(unknown.range, value))))
        alternatives = BNode()
        Collection(graph, alternatives, [present, declared])
        either = BNode()
        graph.add((either, SH["or"], alternatives))
        graph.add(
            (either, SH.message, Literal(f"{cls.en} needs {f.name}, or must declare it unknown", lang="en"))
        )
        graph.add((node, SH.node, either))


def shacl_shapes(model: Model) -> Graph:
    graph = Graph()
    graph.bind("sh", SH)
    graph.bind("shapes", SHAPES)
    for prefix, namespace in model.prefixes.items():
        graph.bind(prefix, namespace)
    for name, cls in model.classes.items():
        node = SHAPES[name]
        graph.add((node, RDF.type, SH.NodeShape))
        graph.add((node, SH.targetClass, URIRef(model.expand(cls.uri))))
        graph.add((node, RDFS.label, Literal(cls.en, lang="en")))
        graph.add((node, RDFS.label, Literal(cls.nl, lang="nl")))
        for f in cls.field_list(published_only=True):
            if f.uri:
                graph.add((node, SH.property, _property_shape(graph, model, cls, f)))
        if "unknown" in cls.fields:
            _known_or_declared_unknown(graph, model, cls, node)
    return graph


# ---------------------------------------------------------------- ontology of minted terms


def ontology(model: Model) -> Graph:
    graph = Graph()
    odnl = Namespace(model.vocabulary)
    for prefix, namespace in model.prefixes.items():
        graph.bind(prefix, namespace)
    onto = URIRef(model.vocabulary.rstrip("#"))
    graph.add((onto, RDF.type, OWL.Ontology))
    graph.add((onto, RDFS.label, Literal("opendata-vocabulaire", lang="nl")))
    graph.add((onto, RDFS.label, Literal("opendata vocabulary", lang="en")))
    graph.add((onto, OWL.versionInfo, Literal(model.version)))
    for curie, term in model.terms.items():
        iri = URIRef(model.expand(curie))
        graph.add((iri, RDF.type, OWL.Class if term["kind"] == "class" else RDF.Property))
        graph.add((iri, RDFS.isDefinedBy, onto))
        for lang in ("nl", "en"):
            graph.add((iri, RDFS.label, Literal(term[lang], lang=lang)))
            graph.add((iri, SKOS.definition, Literal(term[f"{lang}_def"], lang=lang)))
        if "sub" in term:
            relation = RDFS.subClassOf if term["kind"] == "class" else RDFS.subPropertyOf
            graph.add((iri, relation, URIRef(model.expand(term["sub"]))))
    for enum_name, enum in model.enums.items():
        scheme = odnl[enum_name]
        graph.add((scheme, RDF.type, SKOS.ConceptScheme))
        for lang in ("nl", "en"):
            graph.add((scheme, SKOS.prefLabel, Literal(enum["description"][lang], lang=lang)))
        for key, value in sorted(enum["values"].items()):
            concept = URIRef(model.expand(value["uri"]))
            if not str(concept).startswith(model.vocabulary):
                graph.add((scheme, SKOS.hasTopConcept, concept))  # an authoritative concept, reused
                continue
            graph.add((concept, RDF.type, SKOS.Concept))
            graph.add((concept, SKOS.inScheme, scheme))
            graph.add((concept, SKOS.notation, Literal(key)))
            for lang in ("nl", "en"):
                graph.add((concept, SKOS.prefLabel, Literal(value[lang], lang=lang)))
            if "broader" in value:
                graph.add((concept, SKOS.broader, URIRef(model.expand(value["broader"]))))
    redacted = odnl["redacted"]
    graph.add((redacted, RDF.type, SKOS.Concept))
    graph.add((redacted, SKOS.prefLabel, Literal("geanonimiseerd", lang="nl")))
    graph.add((redacted, SKOS.prefLabel, Literal("redacted", lang="en")))
    graph.add(
        (redacted, SKOS.definition, Literal("Staat voor een persoon die niet gepubliceerd wordt.", lang="nl"))
    )
    graph.add((redacted, SKOS.definition, Literal("Stands for a person who is not published.", lang="en")))
    return graph


# ---------------------------------------------------------------- writing and checking


def _turtle(graph: Graph) -> str:
    """The graph as Turtle, its blank nodes labelled canonically first: rdflib orders them by their
    random labels, so the same model gave a differently ordered shapes.ttl from run to run."""
    canonical = Graph()
    for prefix, namespace in graph.namespaces():
        canonical.bind(prefix, namespace, override=True, replace=True)
    canonical += to_canonical_graph(graph)
    return f"# {NOTICE}\n" + canonical.serialize(format="turtle")


def artefacts(model: Model) -> dict[str, str]:
    """File name -> content of every generated artefact."""
    return {
        "records.schema.json": json.dumps(json_schema(model), ensure_ascii=False, indent=2) + "\n",
        "context.jsonld": json.dumps(jsonld_context(model), ensure_ascii=False, indent=2) + "\n",
        "shapes.ttl": _turtle(shacl_shapes(model)),
        "ontology.ttl": _turtle(ontology(model)),
        "tables.json": json.dumps(table_schemas(model), ensure_ascii=False, indent=2) + "\n",
        "vocabulary.md": vocabulary_markdown(model),
    }


def _same(name: str, old: str, new: str) -> bool:
    if name.endswith(".ttl"):
        return isomorphic(Graph().parse(data=old, format="turtle"), Graph().parse(data=new, format="turtle"))
    if name.endswith((".json", ".jsonld")):
        return json.loads(old) == json.loads(new)
    return old == new


def stale_artefacts(out_dir: Path = GENERATED_DIR, model_file: Path = MODEL_FILE) -> list[str]:
    """Names of generated files that are missing or differ in meaning from a fresh generation."""
    fresh = artefacts(load_model(model_file))
    stale = []
    for name, content in fresh.items():
        path = out_dir / name
        if not path.exists() or not _same(name, path.read_text(encoding="utf-8"), content):
            stale.append(name)
    return stale


def write_artefacts(out_dir: Path = GENERATED_DIR, model_file: Path = MODEL_FILE) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in artefacts(load_model(model_file)).items():
        path = out_dir / name
        if path.exists() and _same(name, path.read_text(encoding="utf-8"), content):
            continue  # unchanged in meaning: keep the committed bytes
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
