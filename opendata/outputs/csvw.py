"""CSVW metadata (W3C CSV on the Web) for the tables: csv-metadata.json beside the data package.

Its aboutUrl / propertyUrl / valueUrl templates (RFC 6570, simple `{x}` and reserved `{+x}`
expansion only) map every row back to the graph's triples; see COVERAGE.
"""

from __future__ import annotations

from opendata.model.iris import Minter
from opendata.model.model import RDF_TYPE, Field, Hop, Model, ModelClass
from opendata.model.tables import DATA_DIR, Column, Table, enum_namespace, owner_of, table_texts
from opendata.sources.config import Config

CSVW_DATATYPES = {
    "string": "string",
    "text": "string",
    "integer": "integer",
    "decimal": "decimal",
    "boolean": "boolean",
    "date": "date",
}
COVERAGE = (
    "CSVW-to-RDF (minimal mode) of these tables gives triples of the published graph (graph.nt): all of "
    "them for the letters with their signatures, the organisations and the memberships, except what a "
    "template that fires on every row cannot express: the OWL-Time nodes of a period (org:memberDuring, "
    "time:hasTime and their instants; the dates themselves are given on the instants), the description of "
    "a letter's text file, a meeting date that is a year and month (meetings.date is not mapped), the "
    "value a source statement reifies (sources.object: an IRI or a literal of any type, per row), and the types of "
    "a draft's extraction activity and software agent and the links to them (the status and the tool's label are given). "
    "Text cells starting with = + - @ TAB CR (or ' followed by one of those or by ') carry one extra leading '. "
    "A reference column that may be empty is not declared as a CSVW foreign key (a CSVW foreign key may not be "
    "empty); datapackage.json declares it, and the column's rdfs:comment says so."
)


# CSVW validators in strict mode (csvw's csvwvalidate, the default) reject a foreign key column with an
# empty cell. A reference that may be empty (letters.sender, organisations.part_of...) is therefore a
# foreign key in datapackage.json only (Frictionless allows an empty one and checks the others); here
# it is a link (valueUrl), with this note. References that are never empty stay CSVW foreign keys.
OPTIONAL_REFERENCE = (
    "An optional reference: an empty cell is no reference; a value is an id of {table}. "
    "Declared as a foreign key in datapackage.json, not here, because a CSVW foreign key may not "
    "be empty."
)


def _never_empty(schema: dict, name: str) -> bool:
    """Whether the column can never be empty: part of the primary key, or required."""
    field = next(f for f in schema["fields"] if f["name"] == name)
    return name in schema["primaryKey"] or bool(field.get("constraints", {}).get("required"))


def _term(model: Model, f: Field) -> str:
    """The RDF property of a field that has a column (a field without a term has none)."""
    if f.uri is None:
        raise ValueError(f"the field {f.name} has no RDF term")
    return model.expand(f.uri)


def _bilingual(texts: dict, key: str) -> list[dict]:
    return [{"@value": texts[key], "@language": "en"}, {"@value": texts["x-nl"][key], "@language": "nl"}]


class Templates:
    """URI templates that give the IRI of an entity, a concept or a file from a column's key."""

    def __init__(self, model: Model, minter: Minter) -> None:
        self.model, self.minter = model, minter

    def entity(self, cls: ModelClass, variable: str) -> str:
        if cls.iri.startswith("#"):  # a dependent resource: key is owner#fragment
            return f"{self.minter.base_iri}{owner_of(self.model, cls).iri}/{{+{variable}}}"
        return f"{self.minter.base_iri}{cls.iri}/{{{variable}}}"

    def owner(self, table: Table) -> str:
        """The IRI of the owner of a row of a relationship or types table."""
        names = {c.role: c.name for c in table.columns}
        if "owner_iri" in names:
            return f"{{+{names['owner_iri']}}}"
        return self.entity(table.cls, names["owner"])

    def value(self, f: Field, variable: str) -> str | None:
        """The valueUrl of a column holding keys of f's range, or None for a literal."""
        if self.model.is_enum(f.range):
            return f"{enum_namespace(self.model, f.range)}{{{variable}}}"
        if self.model.is_class(f.range):
            return self.entity(self.model.classes[f.range], variable)
        if f.range == "iri":
            return f"{{+{variable}}}"
        if f.range == "textfile":
            return f"{self.minter.base_url}{{+{variable}}}"
        return None


def _node(owner_template: str, hops: tuple[Hop, ...]) -> str:
    """The IRI template of the node reached by `hops` from the owner (fragments of its IRI)."""
    return f"{owner_template}#{hops[-1].fragment}" if hops else owner_template


class TableMapping:
    """The CSVW description of one table."""

    def __init__(self, model: Model, templates: Templates, table: Table) -> None:
        self.model, self.templates, self.table = model, templates, table
        self.names = {c.name for c in table.columns}

    def describe(self, schema: dict) -> dict:
        texts = table_texts(self.model, self.table)
        fields = {f["name"]: f for f in schema["fields"]}
        columns = [self._column(c, fields[c.name]) for c in self.table.columns] + self._virtual_columns()
        table_schema = {
            "columns": columns,
            "primaryKey": schema["primaryKey"],
            "aboutUrl": self._row_subject(),
        }
        keys = [
            {
                "columnReference": k["fields"][0],
                "reference": {"resource": self._referenced(k), "columnReference": "id"},
            }
            for k in schema.get("foreignKeys", [])
            if _never_empty(schema, k["fields"][0])
        ]
        if keys:
            table_schema["foreignKeys"] = keys
        for key in schema.get("foreignKeys", []):
            if not _never_empty(schema, key["fields"][0]):
                column = next(c for c in columns if c["name"] == key["fields"][0])
                column["rdfs:comment"] = OPTIONAL_REFERENCE.format(table=self._referenced(key))
        return {
            "url": f"{DATA_DIR}/{self.table.name}.csv",
            "dc:title": _bilingual(texts, "title"),
            "dc:description": _bilingual(texts, "description"),
            "tableSchema": table_schema,
        }

    def _referenced(self, key: dict) -> str:
        return f"{DATA_DIR}/{key['reference'].get('resource', self.table.name)}.csv"

    def _row_subject(self) -> str:
        return "{+iri}" if self.table.kind in ("entity", "dependent") else self.templates.owner(self.table)

    def _owner_subject(self) -> str:
        """The template of the owner's IRI in a dependent or inline entity table."""
        names = {c.role: c.name for c in self.table.columns}
        if "owner_iri" in names:
            return f"{{+{names['owner_iri']}}}"
        owner = self.table.cls if self.table.kind == "dependent" else owner_of(self.model, self.table.cls)
        return self.templates.entity(owner, names["owner"])

    def _link_property(self) -> str:
        """The property from the owner to a row of a dependent or inline entity table."""
        if self.table.kind == "dependent":
            return self.model.expand(self.table.dependent_hop.property)
        owner = owner_of(self.model, self.table.cls)
        return _term(self.model, next(f for f in owner.fields.values() if f.range == self.table.cls.name))

    def _column(self, column: Column, schema_field: dict) -> dict:
        result: dict[str, object] = {
            "name": column.name,
            "titles": column.name,
            "dc:description": _bilingual(schema_field, "description"),
        }
        if schema_field.get("constraints", {}).get("required"):
            result["required"] = True
        mapping = self._mapping(column)
        result.update(mapping if mapping is not None else {"suppressOutput": True})
        return result

    def _mapping(self, column: Column) -> dict | None:
        """aboutUrl/propertyUrl/valueUrl/datatype of a column, or None when it yields no triple."""
        table = self.table
        if column.role in ("iri", "id", "type"):
            return None
        if column.role in ("owner", "owner_iri"):
            if table.kind not in ("entity", "dependent") or (
                column.role == "owner" and f"{column.name}_iri" in self.names
            ):
                return None
            return {
                "aboutUrl": self._owner_subject(),
                "propertyUrl": self._link_property(),
                "valueUrl": "{+iri}",
            }
        f = column.value_field
        if column.role == "field" and f"{column.name}_iri" in self.names:
            return None  # the companion column carries the IRI
        if f.range == "date_or_month":
            return None  # xsd:date or xsd:gYearMonth per value: one CSVW datatype cannot say that
        if f.range == "any":
            return None  # a statement's rdf:object: an IRI or a literal of any datatype, per row
        mapping = {"propertyUrl": _term(self.model, f)}
        skipped = 1 if table.kind == "dependent" else 0
        hops = f.path[skipped:]
        if hops:
            owner = "{+iri}" if table.kind == "entity" else self._owner_subject()
            mapping["aboutUrl"] = _node(owner, hops)
        if column.role == "field_iri":
            mapping["valueUrl"] = f"{{+{column.name}}}"
        elif (value_url := self.templates.value(f, column.name)) is not None:  # references, IRIs, texts
            mapping["valueUrl"] = value_url
        else:
            mapping["datatype"] = CSVW_DATATYPES[f.range]
        return mapping

    def _virtual_columns(self) -> list[dict]:
        table = self.table
        if table.kind == "types":
            return [{"name": "rdf_type", "virtual": True, "propertyUrl": RDF_TYPE, "valueUrl": "{+type}"}]
        if table.kind == "relationship":
            return []
        first = (table.dependent_hop.type,) if table.kind == "dependent" else (table.cls.uri,)
        virtual = [self._type_column("rdf_type", "{+iri}", first[0])]
        if table.kind == "entity" and table.cls.inline and not any(c.role == "owner" for c in table.columns):
            owner = owner_of(self.model, table.cls)
            derived = next(f for f in table.cls.fields.values() if f.derived and f.range == owner.name)
            virtual.append(
                {
                    "name": "owner_link",
                    "virtual": True,
                    "aboutUrl": self.templates.entity(owner, derived.name),
                    "propertyUrl": self._link_property(),
                    "valueUrl": "{+iri}",
                }
            )
        if table.kind == "dependent":
            virtual += self._structure_columns()
        return virtual

    def _type_column(self, name: str, subject: str, type_: str) -> dict:
        return {
            "name": name,
            "virtual": True,
            "aboutUrl": subject,
            "propertyUrl": RDF_TYPE,
            "valueUrl": self.model.expand(type_),
        }

    def _structure_columns(self) -> list[dict]:
        """The links and types of the nodes below a dependent resource (an evidence's selectors)."""
        owner = self._owner_subject()
        seen: list[tuple[Hop, ...]] = []
        for column in self.table.columns:
            if column.field is not None and len(column.field.path) > 1:
                for end in range(2, len(column.field.path) + 1):
                    if column.field.path[:end] not in seen:
                        seen.append(column.field.path[:end])
        columns = []
        for number, hops in enumerate(seen, start=1):
            columns.append(
                {
                    "name": f"structure_{number}_link",
                    "virtual": True,
                    "aboutUrl": _node(owner, hops[:-1]),
                    "propertyUrl": self.model.expand(hops[-1].property),
                    "valueUrl": _node(owner, hops),
                }
            )
            columns.append(self._type_column(f"structure_{number}_type", _node(owner, hops), hops[-1].type))
        return columns


def csvw_metadata(model: Model, minter: Minter, config: Config, layout: list[Table], schemas: dict) -> dict:
    """The csv-metadata.json document for the tables in `layout` with their Table Schemas."""
    templates = Templates(model, minter)
    return {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "dc:title": [
            {"@value": config.title["en"], "@language": "en"},
            {"@value": config.title["nl"], "@language": "nl"},
        ],
        "dc:description": [
            {"@value": config.description["en"], "@language": "en"},
            {"@value": config.description["nl"], "@language": "nl"},
        ],
        "dc:license": {"@id": config.license},
        "dc:publisher": {"@id": config.publisher},
        "rdfs:comment": COVERAGE,
        "tables": [
            TableMapping(model, templates, table).describe(schemas[table.name]["schema"]) for table in layout
        ],
    }
