"""Records to RDF: nodes with IRIs minted once, written out as N-Triples lines and JSON-LD objects.

A Node is the one in-memory form of the graph. `ntriples()` and `jsonld()` are two views of it,
so the N-Triples, Turtle and JSON-LD outputs cannot disagree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from opendata.model.iris import Minter
from opendata.model.model import ANY_RANGE, RDF_TYPE, SOURCES_RANGE, Field, Model, ModelClass
from opendata.model.register import Register
from opendata.sources import fact_sources
from opendata.sources.records import Dataset, Record
from opendata.sources.statement_text import clean_statement

XSD = "http://www.w3.org/2001/XMLSchema#"
CONTEXT_DATATYPES = {
    "date": XSD + "date",
    "integer": XSD + "integer",
    "decimal": XSD + "decimal",
    "boolean": XSD + "boolean",
}


class IRI(str):
    """An IRI value (as opposed to a literal)."""


@dataclass(frozen=True)
class Literal:
    lexical: str
    datatype: str | None = None  # None: xsd:string


@dataclass
class Node:
    iri: str
    types: list[str]  # full IRIs
    cls: ModelClass | None = None
    props: list[tuple[str, str, object]] = field(default_factory=list)  # (JSON-LD key, predicate IRI, value)

    def add(self, key: str, predicate: str, value) -> None:
        self.props.append((key, predicate, value))


# ------------------------------------------------------------------ building


@dataclass
class GraphBuilder:
    model: Model
    minter: Minter
    private_people: frozenset[str] = frozenset()

    def reference(self, range_: str, key: str) -> IRI:
        if range_ == "Person" and key in self.private_people:
            return IRI(self.minter.redacted())
        return IRI(self.minter.entity(range_, key))

    def _value(self, record: Record, f: Field, value):
        model = self.model
        if model.is_enum(f.range):
            return IRI(model.enum_iri(f.range, value))
        if model.is_class(f.range):
            return self.reference(f.range, value)
        if f.range == "iri":
            return IRI(value)
        if f.range == "textfile":  # a letter's text is always <letter key>.txt
            return IRI(self.minter.text_file(value[:-4] if value.endswith(".txt") else record.key))
        if f.range == ANY_RANGE:
            return value  # already a graph value: the reified field's own
        if f.range == "decimal":
            return Literal(fact_sources.decimal_text(value), XSD + "decimal")
        if f.range == "date_or_month":
            return Literal(value, XSD + ("date" if len(value) == 10 else "gYearMonth"))
        if f.range == "boolean":
            return Literal("true" if value else "false", XSD + "boolean")
        if f.range in CONTEXT_DATATYPES:
            return Literal(str(value), CONTEXT_DATATYPES[f.range])
        return Literal(value)

    def _iri(self, record: Record, owner_iri: str | None) -> str:
        if record.cls.iri.startswith("#"):
            assert owner_iri is not None, f"{record.cls.name} is built under its owner"
            return self.minter.dependent(owner_iri, f"{record.cls.iri[1:]}-{record.index + 1}")
        return self.minter.entity(record.cls.name, record.key)

    def _hop_node(self, owner: Node, hops, cache: dict) -> Node:
        node = owner
        for hop in hops:
            fragment_iri = self.minter.dependent(owner.iri, hop.fragment)
            if fragment_iri not in cache:
                child = Node(fragment_iri, [self.model.expand(hop.type)])
                node.add(hop.property, self.model.expand(hop.property), child)
                cache[fragment_iri] = child
            node = cache[fragment_iri]
        return node

    def _derived(self, record: Record, f: Field):
        owner = record.owner
        if f.name == "statement":  # a position's searchable text, from its quote
            quote = record.data.get("quote")
            corrections = owner.data.get("corrections") if owner is not None else None
            return Literal(clean_statement(quote, corrections or ())) if isinstance(quote, str) else None
        if f.range == "textfile":
            return (
                IRI(self.minter.text_file(owner.key))
                if owner is not None and owner.text is not None
                else None
            )
        if self.model.is_class(f.range) and owner is not None:
            return IRI(self.minter.entity(owner.cls.name, owner.key))
        return None

    def node(self, record: Record, owner_iri: str | None = None, inline: dict | None = None) -> Node:
        """The node of a record, with nested nodes for its inline records and dependent nodes."""
        cls = record.cls
        node = Node(self._iri(record, owner_iri), [self.model.expand(cls.uri)], cls)
        hop_nodes: dict[str, Node] = {}
        for f in cls.field_list(published_only=True):
            if not f.uri:
                continue
            if f.derived:
                raw = self._derived(record, f)
                values = [] if raw is None else [raw]
            else:
                raw = record.data.get(f.name)
                values = raw if isinstance(raw, list) else ([] if raw is None else [raw])
            target = self._hop_node(node, f.path, hop_nodes) if f.path and values else node
            key = f.uri if f.path else f.name
            for value in values:
                if self.model.is_class(f.range) and self.model.classes[f.range].inline:
                    continue  # inline records are passed in separately
                converted = value if f.derived else self._value(record, f, value)
                target.add(key, self.model.expand(f.uri), converted)
                if f.name == "kind" and self.model.is_enum(f.range):
                    for extra in self.model.enums[f.range]["values"][value].get("types", []):
                        node.types.append(self.model.expand(extra))
        for field_name, children in (inline or {}).items():
            f = cls.fields[field_name]
            assert f.uri is not None, f"the inline field {f.name} has an RDF term"  # the model's check
            for child in children:
                node.add(f.name, self.model.expand(f.uri), self.node(child, node.iri))
        return node

    # -------------------------------------------------------------- sources of facts

    def _field_values(self, record: Record, f: Field) -> list:
        """A field's values as graph values (the objects of the statements about them)."""
        if f.derived:
            value = self._derived(record, f)
            return [] if value is None else [value]
        if self.model.is_class(f.range) and self.model.classes[f.range].inline:
            return []  # a signature or position is described by its own node
        raw = record.data.get(f.name)
        values = raw if isinstance(raw, list) else ([] if raw is None else [raw])
        return [self._value(record, f, value) for value in values]

    def source_nodes(self, record: Record, owner_iri: str | None = None) -> list[Node]:
        """One Source node (an rdf:Statement) per field, value and source of the record."""
        sources = record.data.get("sources")
        if not isinstance(sources, dict):
            return []
        record_iri = self._iri(record, owner_iri)
        status = fact_sources.record_status(record)
        source_cls = self.model.classes["Source"]
        nodes = []
        for field_name, written in sources.items():
            f = record.cls.fields.get(field_name)
            if f is None or f.range == SOURCES_RANGE:
                continue  # the checks report it
            subject = self.minter.dependent(record_iri, f.path[-1].fragment) if f.path else record_iri
            pairs = fact_sources.pair_values(self._field_values(record, f), fact_sources.entries(written))
            for number, (value, entry) in enumerate(pairs, start=1):
                key = fact_sources.source_key(self.model, record, field_name, number)
                data = fact_sources.source_data(
                    record, f, value, entry, key, subject, self.model.expand(f.uri or ""), status
                )
                nodes.append(self.node(Record(source_cls, data, record.file)))
        return nodes

    def text_node(self, letter: Record) -> Node:
        text = Node(self.minter.text_file(letter.key), ["https://schema.org/MediaObject"])
        text.add(
            "schema:encodingFormat", "https://schema.org/encodingFormat", Literal("text/plain; charset=utf-8")
        )
        text.add("schema:inLanguage", "https://schema.org/inLanguage", Literal("nl"))
        return text

    def letter_nodes(self, letter: Record, inline: list[Record]) -> list[Node]:
        """The nodes of one letter: the unit of work that is cached and can run in parallel."""
        grouped: dict[str, list[Record]] = {}
        for record in inline:
            field_name = next(f.name for f in letter.cls.fields.values() if f.range == record.cls.name)
            grouped.setdefault(field_name, []).append(record)
        nodes = [self.node(letter, inline=grouped)]
        letter_iri = nodes[0].iri
        nodes += self.source_nodes(letter)
        for record in inline:
            nodes += self.source_nodes(record, letter_iri)
        if letter.text is not None:
            nodes.append(self.text_node(letter))
        return nodes


def referenced_codes(dataset: Dataset, register: Register) -> set[str]:
    """The register organisations the records refer to."""
    codes: set[str] = set()
    for records in dataset.records.values():
        for record in records:
            for f in record.cls.fields.values():
                if f.range != "Organisation":
                    continue
                value = record.data.get(f.name)
                for code in value if isinstance(value, list) else [value]:
                    if isinstance(code, str) and code in register:
                        codes.add(code)
    return codes


def register_records(model: Model, codes: set[str], register: Register) -> list[Record]:
    """Synthetic Organisation records for the given register organisations and their provinces."""
    codes = set(codes)
    for code in list(codes):
        province = register.by_code[code].province
        if province:
            codes.add(province)
    cls = model.classes["Organisation"]
    result = []
    for code in sorted(codes):
        org = register.by_code[code]
        data = {"id": code, "name": org.name, "kind": org.kind, "code": org.code}
        for name, value in (
            ("cbs_code", org.cbs_code),
            ("province", org.province),
            ("start", org.start),
            ("end", org.end),
        ):
            if value:
                data[name] = value
        result.append(Record(cls, data, "register"))
    return result


# ------------------------------------------------------------------ N-Triples


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _term(value) -> str:
    if isinstance(value, Node):
        return f"<{value.iri}>"
    if isinstance(value, IRI):
        return f"<{value}>"
    if value.datatype:
        return f'"{_escape(value.lexical)}"^^<{value.datatype}>'
    return f'"{_escape(value.lexical)}"'


def ntriples(node: Node) -> list[str]:
    """The node's triples (and its nested nodes'), one N-Triples line each."""
    subject = f"<{node.iri}>"
    lines = [f"{subject} <{RDF_TYPE}> <{t}> .\n" for t in node.types]
    for _, predicate, value in node.props:
        lines.append(f"{subject} <{predicate}> {_term(value)} .\n")
        if isinstance(value, Node):
            lines += ntriples(value)
    return lines


# ------------------------------------------------------------------ JSON-LD


def shorten(iri: str, prefixes: Iterable[tuple[str, str]], local: re.Pattern[str] | None = None) -> str:
    """`prefix:local` under the first (prefix, namespace) the IRI starts with and that leaves a local
    name (one `local` matches, when given); the IRI itself when none does. The one IRI shortener of
    the JSON-LD writers, the site's vocabulary and the VoID partitions: they cannot drift apart."""
    for prefix, namespace in prefixes:
        rest = iri[len(namespace) :]
        if iri.startswith(namespace) and rest and (local is None or local.match(rest)):
            return f"{prefix}:{rest}"
    return iri


def _compact(model: Model, iri: str) -> str:
    return shorten(iri, model.prefixes.items())


def _json_value(model: Model, key: str, value, term: bool):
    if isinstance(value, Node):
        return jsonld(model, value)
    if isinstance(value, IRI):
        return str(value) if term else {"@id": str(value)}
    if value.datatype is None:
        return value.lexical
    return {"@value": value.lexical, "@type": _compact(model, value.datatype)}


def jsonld(model: Model, node: Node) -> dict:
    """The node as a compacted JSON-LD object under the published context."""
    obj: dict = {"@id": node.iri}
    class_type = model.expand(node.cls.uri) if node.cls else None
    types = [node.cls.name] if node.cls else []
    types += [_compact(model, t) for t in node.types if t != class_type]
    if types:  # (a node may carry only a link, such as a concept's skos:broader)
        obj["@type"] = types[0] if len(types) == 1 else types
    fields = node.cls.fields if node.cls else {}
    for key, _, value in node.props:
        f = fields.get(key)
        is_term = f is not None and not f.path and f.range != ANY_RANGE  # (`any`: the context cannot type it)
        if (
            f is not None
            and is_term
            and f.range in CONTEXT_DATATYPES
            and isinstance(value, Literal)
            and value.datatype == CONTEXT_DATATYPES[f.range]
        ):
            converted = (
                int(value.lexical)
                if f.range == "integer"
                else (value.lexical == "true" if f.range == "boolean" else value.lexical)
            )
        else:
            converted = _json_value(model, key, value, is_term)
        if f is not None and f.multivalued:
            obj.setdefault(key, []).append(converted)
        elif key in obj:
            existing = obj[key]
            obj[key] = (existing if isinstance(existing, list) else [existing]) + [converted]
        else:
            obj[key] = converted
    return obj


def jsonld_text(model: Model, node: Node) -> str:
    """The node's JSON-LD object as compact JSON text: how graph.jsonld holds each top-level object."""
    return json.dumps(jsonld(model, node), ensure_ascii=False, separators=(",", ":"))
