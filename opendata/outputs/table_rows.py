"""The rows of the tables (opendata/model/tables.py), read from the published graph's own N-Triples.

Reading the graph rather than the source records keeps tables and graph in agreement: a row is a
resource of the graph, a cell one of its values — the key where the value refers to an entity or
a value-list concept, a path relative to the package for a published file. The shared records'
triples are read at once, a letter's triples one letter at a time, so large publications stream.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

import pyoxigraph

from opendata.model.iris import REDACTED, Minter
from opendata.model.model import RDF_TYPE, Field, Hop, Model
from opendata.model.tables import Column, Table


@dataclass
class Resource:
    """A subject of the graph: its types and, per predicate, its objects (IRIs and lexical forms)."""

    iri: str
    types: list[str] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)


def read_resources(ntriples: str) -> dict[str, Resource]:
    """Subject IRI -> resource, for every subject of an N-Triples document."""
    index: dict[str, Resource] = {}
    resource = Resource("")
    for triple in pyoxigraph.parse(ntriples.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES):
        subject = triple.subject.value
        if subject != resource.iri:  # the lines are grouped by subject: look up only on a change
            resource = index.get(subject) or index.setdefault(subject, Resource(subject))
        predicate = triple.predicate.value
        if predicate == RDF_TYPE:
            resource.types.append(triple.object.value)
        elif predicate in resource.values:
            resource.values[predicate].append(triple.object.value)
        else:
            resource.values[predicate] = [triple.object.value]
    return index


class Cells:
    """Turns values of the graph into cells: IRIs of entities and concepts into their keys."""

    def __init__(self, model: Model, minter: Minter) -> None:
        self.model, self.minter = model, minter
        self.expand = functools.cache(model.expand)
        self.key = functools.lru_cache(maxsize=1 << 16)(self._key)
        self.codes = {org.uri: org.code for org in minter.register.by_code.values()}
        self.concepts = {
            name: {model.expand(v["uri"]): key for key, v in enum["values"].items()}
            for name, enum in model.enums.items()
        }
        self.redacted = minter.redacted()

    def _key(self, iri: str) -> str:
        """The key of the entity with this IRI (owner#fragment for a dependent resource)."""
        if iri == self.redacted:
            return REDACTED
        owner, hash_, fragment = iri.partition("#")
        if hash_:
            return f"{self.key(owner)}#{fragment}"
        if iri.startswith(self.minter.base_iri):
            return unquote(iri[len(self.minter.base_iri) :].split("/", 1)[1])
        if iri in self.codes:
            return self.codes[iri]
        raise ValueError(f"no key for <{iri}>")

    def value(self, f: Field, value: str) -> str:
        """The cell for one value of field `f`."""
        if self.model.is_enum(f.range):
            return self.concepts[f.range][value]
        if self.model.is_class(f.range):
            return self.key(value)
        if f.range == "textfile":
            return (
                unquote(value[len(self.minter.base_url) :])
                if value.startswith(self.minter.base_url)
                else value
            )
        return value


class TableRows:
    """The rows of every table, from an index of graph resources (the shared records, or one letter)."""

    def __init__(self, model: Model, cells: Cells, index: dict[str, Resource]) -> None:
        self.model, self.cells, self.index = model, cells, index
        self.expand = cells.expand
        self.by_type: dict[str, list[Resource]] = {}
        for resource in index.values():
            for type_ in resource.types:
                self.by_type.setdefault(type_, []).append(resource)

    def rows(self, table: Table) -> Iterator[list[str]]:
        """The table's rows, sorted by key (relationships: by owner, then value)."""
        owners = self._of_class(table.cls.uri)
        if table.kind == "entity":
            yield from (self._row(table, r, r, 0) for r in owners)
        elif table.kind == "dependent":
            for owner in owners:
                dependent = self._follow(owner, (table.dependent_hop,))
                if dependent is not None:
                    yield self._row(table, dependent, owner, 1)
        elif table.kind == "relationship":
            for owner in owners:
                yield from self._relationship_rows(table, owner)
        else:
            for owner in owners:
                extra = sorted(set(owner.types) - {self.expand(table.cls.uri)})
                yield from (self._owner_cells(table, owner) + [type_] for type_ in extra)

    def _of_class(self, class_uri: str) -> list[Resource]:
        found = self.by_type.get(self.expand(class_uri), [])
        return sorted(found, key=lambda r: self.cells.key(r.iri)) if len(found) > 1 else found

    def _follow(self, resource: Resource, hops: tuple[Hop, ...]) -> Resource | None:
        """The dependent node reached by `hops` (each hop's node is the fragment `#<hop.fragment>`)."""
        node: Resource | None = resource
        for hop in hops:
            if node is None:
                return None
            suffix = "#" + hop.fragment
            targets = [t for t in node.values.get(self.expand(hop.property), ()) if t.endswith(suffix)]
            node = self.index.get(targets[0]) if targets else None
        return node

    def _values(self, resource: Resource, f: Field, skip_hops: int) -> list[str]:
        node = self._follow(resource, f.path[skip_hops:])
        return node.values.get(self.expand(f.uri), []) if node is not None and f.uri else []

    def _owner_cells(self, table: Table, owner: Resource) -> list[str]:
        cells = []
        for column in table.columns:
            if column.role == "owner":
                cells.append(self.cells.key(owner.iri))
            elif column.role == "owner_iri":
                cells.append(owner.iri)
        return cells

    def _row(self, table: Table, resource: Resource, owner: Resource, skip_hops: int) -> list[str]:
        """An entity's row (owner is the resource itself), or a dependent resource's (skip its one hop)."""
        return [self._cell(column, resource, owner, skip_hops) for column in table.columns]

    def _cell(self, column: Column, resource: Resource, owner: Resource, skip_hops: int) -> str:
        if column.role == "iri":
            return resource.iri
        if column.role == "id":
            return self.cells.key(resource.iri)
        if column.role in ("owner", "owner_iri"):
            owner_iri = owner.iri if owner is not resource else resource.iri.partition("#")[0]
            return self.cells.key(owner_iri) if column.role == "owner" else owner_iri
        f = column.value_field
        values = self._values(resource, f, skip_hops)
        if not values:
            return ""
        return self.cells.value(f, values[0]) if column.role == "field" else values[0]

    def _relationship_rows(self, table: Table, owner: Resource) -> Iterator[list[str]]:
        f = table.relationship_field
        owner_cells = self._owner_cells(table, owner)
        with_iri = any(c.role == "field_iri" for c in table.columns)
        values = sorted({(self.cells.value(f, v), v) for v in self._values(owner, f, 0)})
        for cell, raw in values:
            yield owner_cells + ([cell, raw] if with_iri else [cell])
