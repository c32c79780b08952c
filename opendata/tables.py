"""Frictionless Table Schemas derived from the model: one table per entity class, one per
multivalued relationship. The CSV writer and the data package use exactly these schemas."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Field, Model, ModelClass

TABLE_TYPES = {"string": "string", "text": "string", "integer": "integer", "boolean": "boolean",
               "date": "date", "date_or_month": "string", "iri": "string", "textfile": "string", "key": "string"}


@dataclass(frozen=True)
class Table:
    """A CSV table: its name, the class whose rows it holds, and (for a relationship) the field."""

    name: str
    cls: ModelClass
    field: Field | None = None
    owner: ModelClass | None = None


def _owner_of(model: Model, inline: ModelClass) -> ModelClass:
    return next(c for c in model.classes.values()
                for f in c.fields.values() if f.range == inline.name and not c.inline)


def tables(model: Model) -> list[Table]:
    """Entity tables first, then relationship tables, in model order."""
    result = [Table(cls.table, cls) for cls in model.classes.values() if cls.table]
    for cls in model.classes.values():
        for f in cls.field_list(published_only=True):
            if f.multivalued and not (model.is_class(f.range) and model.classes[f.range].inline):
                result.append(Table(f"{cls.table}_{f.name}", cls, f))
    return result



def _column(model: Model, f: Field) -> dict:
    column = {"name": f.name, "type": TABLE_TYPES.get(f.range, "string"),
              "title": f.en, "description": f.description.get("en", f.en),
              "x-title-nl": f.nl, "x-description-nl": f.description.get("nl", f.nl)}
    if f.range == "date":
        column["format"] = "default"
    constraints: dict = {}
    if f.required and not f.path and f.name != "unknown":
        constraints["required"] = True
    if model.is_enum(f.range):
        constraints["enum"] = sorted(model.enums[f.range]["values"])
    if f.pattern:
        constraints["pattern"] = f.pattern
    if f.range == "date_or_month":
        constraints["pattern"] = r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?"
    if f.uri:
        column["x-rdf-property"] = model.expand(f.uri)
    if constraints:
        column["constraints"] = constraints
    return column


def _foreign_key(model: Model, f: Field, column: str) -> dict | None:
    if not model.is_class(f.range) or model.classes[f.range].inline:
        return None
    return {"fields": [column], "reference": {"resource": model.classes[f.range].table, "fields": ["id"]}}


def _entity_schema(model: Model, table: Table) -> dict:
    cls = table.cls
    fields = [{"name": "iri", "type": "string", "format": "uri", "title": "IRI",
               "description": "The entity's IRI in the graph", "x-title-nl": "IRI",
               "constraints": {"required": True, "unique": True}}]
    keys = []
    if "id" not in cls.fields:
        owner = _owner_of(model, cls)
        fields.append({"name": "id", "type": "string", "title": "key", "description": "Row key",
                       "x-title-nl": "sleutel", "constraints": {"required": True}})
        fields.append({"name": owner.name.lower(), "type": "string", "title": owner.en,
                       "description": f"The {owner.en.lower()} this row belongs to", "x-title-nl": owner.nl,
                       "constraints": {"required": True}})
        keys.append({"fields": [owner.name.lower()], "reference": {"resource": owner.table, "fields": ["id"]}})
    for f in cls.field_list(published_only=True):
        if f.multivalued:
            continue
        fields.append(_column(model, f))
        fk = _foreign_key(model, f, f.name)
        if fk:
            keys.append(fk)
    if cls.inline and "id" in cls.fields:
        owner = _owner_of(model, cls)
        column = owner.name.lower()
        fields.append({"name": column, "type": "string", "title": owner.en,
                       "description": f"The {owner.en.lower()} that states it", "x-title-nl": owner.nl,
                       "constraints": {"required": True}})
        keys.append({"fields": [column], "reference": {"resource": owner.table, "fields": ["id"]}})
    schema = {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}
    if keys:
        schema["foreignKeys"] = keys
    return schema


def _relationship_schema(model: Model, table: Table) -> dict:
    cls, f = table.cls, table.field
    owner = cls.name.lower()
    value = _column(model, f)
    value.setdefault("constraints", {})["required"] = True
    fields = [{"name": owner, "type": "string", "title": cls.en, "description": f"The {cls.en.lower()}",
               "x-title-nl": cls.nl, "constraints": {"required": True}}, value]
    keys = [{"fields": [owner], "reference": {"resource": cls.table, "fields": ["id"]}}]
    fk = _foreign_key(model, f, f.name)
    if fk:
        keys.append(fk)
    return {"fields": fields, "primaryKey": [owner, f.name], "foreignKeys": keys, "missingValues": [""]}


def table_schemas(model: Model) -> dict:
    result = {}
    for table in tables(model):
        schema = _relationship_schema(model, table) if table.field else _entity_schema(model, table)
        if table.field:
            title = {"en": f"{table.cls.en}: {table.field.en}", "nl": f"{table.cls.nl}: {table.field.nl}"}
        else:
            title = {"en": table.cls.en, "nl": table.cls.nl}
        result[table.name] = {"title": title, "schema": schema}
    return {"_comment": "Generated from schemas/model.yaml by `opendata generate`; do not edit.", "tables": result}
