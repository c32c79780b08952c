"""The tables researchers get, derived from the model: their columns and Frictionless Table Schemas.

One layout serves three consumers: the CSV rows (`table_rows.py`), the data package (Table Schemas,
committed as schemas/generated/tables.json) and the CSVW metadata (`csvw.py`).

- an entity table per class with a `table` (every row with its `iri` and key `id`);
- a table per dependent resource that is more than a period (a position's evidence passage);
- a relationship table per multivalued field (owner key, value);
- a types table where a class's `kind` adds RDF types (organisations_types).

A reference holds the key of what it refers to (a foreign key to that table's `id`). Where the
key alone does not give the IRI (organisations from the TOOI register, value lists spread over
several vocabularies) a companion column `<name>_iri` holds the IRI as published in the graph.
"""

from __future__ import annotations

from dataclasses import dataclass

from opendata.model.model import DATE_OR_MONTH_PATTERN, KEY_PATTERN, Field, Hop, Model, ModelClass

DATA_DIR = "data"  # the CSV files' folder, relative to datapackage.json and csv-metadata.json
TABLE_TYPES = {
    "string": "string",
    "text": "string",
    "integer": "integer",
    "decimal": "number",
    "any": "string",
    "boolean": "boolean",
    "date": "date",
    "date_or_month": "string",
    "iri": "string",
    "textfile": "string",
    "key": "string",
}
PERIOD_TYPE = "time:Interval"  # dependent nodes of this type are flattened into start/end columns
# Dependent nodes flattened into their owner's row: a period (start, end) and the extraction that
# made a draft (status, extracted_by), so every entity table has its `status` column.
FLATTENED_TYPES = (PERIOD_TYPE, "prov:Activity")
FORMULA_NOTE = {
    "en": "Text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage "
    "return), or that start with ' followed by one of those or by ', are written with one extra leading "
    "' (drop it to get the value back).",
    "nl": "Tekstcellen die een spreadsheet als formule zou uitvoeren (beginnend met = + - @, een tab of een "
    "regelterugloop), of die beginnen met ' gevolgd door een daarvan of door ', krijgen één extra ' "
    "vooraan (laat die weg voor de oorspronkelijke waarde).",
}
REDACTED_NOTE = {
    "en": "A person who is not public is 'redacted' (the people row of the redacted person).",
    "nl": "Een persoon die niet openbaar is, is 'redacted' (de rij van de geanonimiseerde persoon).",
}


@dataclass(frozen=True)
class Column:
    """One CSV column. `role` says what it holds:

    iri        the row entity's IRI            id     the row's key
    owner      the key of the owning entity    field  the values of a model field (keys for references)
    owner_iri  the owning entity's IRI         type   an RDF type IRI (types tables)
    field_iri  the IRIs of a field's values
    """

    name: str
    role: str
    field: Field | None = None
    target: ModelClass | None = None  # owner/id columns: the class whose keys the column holds

    @property
    def value_field(self) -> Field:
        """The field of a `field` or `field_iri` column (the table's layout always gives them one)."""
        if self.field is None:
            raise ValueError(f"column {self.name} ({self.role}) holds no field")
        return self.field

    @property
    def owner(self) -> ModelClass:
        """The class whose keys or IRIs an `owner` or `owner_iri` column holds."""
        if self.target is None:
            raise ValueError(f"column {self.name} ({self.role}) names no class")
        return self.target


@dataclass(frozen=True)
class Table:
    """A CSV table. `kind` is entity, dependent, relationship or types; `cls` the class of its rows
    (entity) or of their owner; `hop` the dependent node's hop; `field` the relationship's field."""

    name: str
    kind: str
    cls: ModelClass
    columns: tuple[Column, ...]
    field: Field | None = None
    hop: Hop | None = None

    @property
    def relationship_field(self) -> Field:
        """The field whose values a relationship table lists."""
        if self.field is None:
            raise ValueError(f"table {self.name} ({self.kind}) has no field")
        return self.field

    @property
    def dependent_hop(self) -> Hop:
        """The hop from the owner to the dependent nodes a dependent table lists."""
        if self.hop is None:
            raise ValueError(f"table {self.name} ({self.kind}) has no hop")
        return self.hop

    @property
    def primary_key(self) -> list[str]:
        if self.kind in ("entity", "dependent"):
            return ["id"]
        return [c.name for c in self.columns if c.role in ("owner", "field", "type")]


# ---------------------------------------------------------------- questions about the model


def owner_of(model: Model, inline: ModelClass) -> ModelClass:
    """The class whose records hold an inline class's records (a letter holds its signatures)."""
    return next(
        c
        for c in model.classes.values()
        for f in c.fields.values()
        if f.range == inline.name and not c.inline
    )


def has_owner_field(model: Model, cls: ModelClass) -> bool:
    """Whether an inline class names its owner in a field of its own (a position's `letter`)."""
    owner = owner_of(model, cls)
    return any(f.derived and f.range == owner.name for f in cls.fields.values())


def unknowable(model: Model, cls: ModelClass) -> set[str]:
    """Fields that a record may declare unknown (so a required field may be empty)."""
    unknown = cls.fields.get("unknown")
    return set(model.enums[unknown.range]["values"]) if unknown else set()


def enum_namespace(model: Model, enum: str) -> str | None:
    """The namespace that every value IRI of the enum is `namespace + key` in, or None."""
    values = model.enums[enum]["values"]
    spaces = set()
    for key, value in values.items():
        iri = model.expand(value["uri"])
        if not iri.endswith(key):
            return None
        spaces.add(iri[: -len(key)])
    return spaces.pop() if len(spaces) == 1 else None


def key_gives_iri(model: Model, range_: str) -> bool:
    """Whether a reference's IRI follows from its key by a URI template (no `_iri` column needed)."""
    if model.is_enum(range_):
        return enum_namespace(model, range_) is not None
    if model.is_class(range_):
        # organisations may keep their TOOI IRI; people who are not public share the redacted IRI
        return range_ not in ("Organisation", "Person")
    return True


def is_reference(model: Model, range_: str) -> bool:
    return model.is_enum(range_) or (model.is_class(range_) and not model.classes[range_].inline)


def _period_field(f: Field) -> bool:
    """Whether the field lives on a dependent node that is flattened into the owner's row."""
    return bool(f.path) and f.path[0].type in FLATTENED_TYPES


def _own_table_hops(cls: ModelClass) -> list[Hop]:
    """First hops of path fields that lead to a resource of its own (not a period)."""
    hops: list[Hop] = []
    for f in cls.field_list(published_only=True):
        if f.path and not _period_field(f) and f.path[0] not in hops:
            hops.append(f.path[0])
    return hops


# ---------------------------------------------------------------- the layout


def _value_columns(model: Model, f: Field) -> list[Column]:
    columns = [Column(f.name, "field", f)]
    if is_reference(model, f.range) and not key_gives_iri(model, f.range):
        columns.append(Column(f"{f.name}_iri", "field_iri", f))
    return columns


def _owner_columns(model: Model, owner: ModelClass) -> list[Column]:
    columns = [Column(owner.name.lower(), "owner", target=owner)]
    if not key_gives_iri(model, owner.name):
        columns.append(Column(f"{owner.name.lower()}_iri", "owner_iri", target=owner))
    return columns


def _entity_table(model: Model, cls: ModelClass) -> Table:
    assert cls.table is not None, f"{cls.name} has no table"  # tables() passes only classes with one
    columns = [Column("iri", "iri"), Column("id", "id", target=cls)]
    if cls.inline and not has_owner_field(model, cls):
        columns += _owner_columns(model, owner_of(model, cls))
    for f in cls.field_list(published_only=True):
        if f.multivalued or f.name == "id" or f.uri is None or (f.path and not _period_field(f)):
            continue  # (a record's `sources` are rows of the sources table)
        columns += _value_columns(model, f)
    return Table(cls.table, "entity", cls, tuple(columns))


def _dependent_table(model: Model, cls: ModelClass, hop: Hop) -> Table:
    label = model.terms.get(hop.property, {}).get("en", hop.fragment)
    columns = [Column("iri", "iri"), Column("id", "id"), *_owner_columns(model, cls)]
    for f in cls.field_list(published_only=True):
        if f.path and f.path[0] == hop:
            columns += _value_columns(model, f)
    return Table(f"{cls.table}_{label}", "dependent", cls, tuple(columns), hop=hop)


def _relationship_table(model: Model, cls: ModelClass, f: Field) -> Table:
    columns = (*_owner_columns(model, cls), *_value_columns(model, f))
    return Table(f"{cls.table}_{f.name}", "relationship", cls, columns, field=f)


def _types_table(model: Model, cls: ModelClass) -> Table | None:
    kind = cls.fields.get("kind")
    if kind is None or not model.is_enum(kind.range):
        return None
    if not any(v.get("types") for v in model.enums[kind.range]["values"].values()):
        return None
    return Table(
        f"{cls.table}_types", "types", cls, (*_owner_columns(model, cls), Column("type", "type")), field=kind
    )


def tables(model: Model) -> list[Table]:
    """Entity and dependent tables first, then relationship and types tables, in model order."""
    classes = [cls for cls in model.classes.values() if cls.table]
    result = []
    for cls in classes:
        result.append(_entity_table(model, cls))
        result += [_dependent_table(model, cls, hop) for hop in _own_table_hops(cls)]
    for cls in classes:
        for f in cls.field_list(published_only=True):
            if f.multivalued and not (model.is_class(f.range) and model.classes[f.range].inline):
                result.append(_relationship_table(model, cls, f))
        types = _types_table(model, cls)
        if types:
            result.append(types)
    return result


# ---------------------------------------------------------------- Table Schemas


def _texts(title_en: str, title_nl: str, description_en: str, description_nl: str) -> dict:
    """English title and description, Dutch ones under `x-nl` (the same shape everywhere)."""
    return {
        "title": title_en,
        "description": description_en,
        "x-nl": {"title": title_nl, "description": description_nl},
    }


def _sentence(text: str) -> str:
    text = text.strip()
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _default_description(model: Model, table: Table, f: Field) -> dict:
    """The model's description of the field, or one made from its label and range."""
    cls = table.cls
    en = _sentence(f.description.get("en") or f"{cls.en}: {f.en}")
    nl = _sentence(f.description.get("nl") or f"{cls.nl}: {f.nl}")
    if model.is_class(f.range) and not model.classes[f.range].inline:
        target = model.classes[f.range]
        en += f" The key of a row in {target.table}."
        nl += f" De sleutel van een rij in {target.table}."
    elif model.is_enum(f.range):
        names = model.enums[f.range]["description"]
        en += f" A key from the value list '{names['en']}'."
        nl += f" Een sleutel uit de waardelijst '{names['nl']}'."
    return {"en": en, "nl": nl}


def _field_texts(model: Model, table: Table, column: Column) -> dict:
    if column.role == "iri":
        return _texts(
            "IRI",
            "IRI",
            "The IRI of this row's resource in the graph.",
            "De IRI van de bron van deze rij in de graaf.",
        )
    if column.role == "id":
        return _texts(
            "key",
            "sleutel",
            "The row's key: the record's key, or for a dependent resource the "
            "owner's key and the IRI fragment (owner#fragment).",
            "De sleutel van de rij: die van het record, of voor een afhankelijke bron de sleutel van de "
            "eigenaar en het IRI-fragment (eigenaar#fragment).",
        )
    if column.role in ("owner", "owner_iri"):
        owner = column.owner
        suffix = ("", "") if column.role == "owner" else (" (IRI)", " (IRI)")
        return _texts(
            owner.en + suffix[0],
            owner.nl + suffix[1],
            f"The {owner.en.lower()} this row belongs to"
            + (" (its key)." if not suffix[0] else " (its IRI)."),
            f"De {owner.nl.lower()} waar deze rij bij hoort"
            + (" (sleutel)." if not suffix[0] else " (IRI)."),
        )
    if column.role == "type":
        return _texts(
            "RDF type",
            "RDF-type",
            f"An RDF class of the {table.cls.en.lower()} beyond {table.cls.uri}, given by its kind.",
            f"Een RDF-klasse van de {table.cls.nl.lower()} naast {table.cls.uri}, bepaald door de soort.",
        )
    f = column.value_field
    description = _default_description(model, table, f)
    if f.range == "textfile":
        description = {
            "en": "Path of the published source text, relative to datapackage.json (tekst/<letter>.txt).",
            "nl": "Pad van de gepubliceerde brontekst, ten opzichte van datapackage.json (tekst/<brief>.txt).",
        }
    if column.role == "field_iri":
        return _texts(
            f"{f.en} (IRI)",
            f"{f.nl} (IRI)",
            f"The IRI of the {f.en} in the graph.",
            f"De IRI van {f.nl} in de graaf.",
        )
    if f.range == "Person":
        description = {
            lang: f"{text.rstrip('.')}. {REDACTED_NOTE[lang]}" for lang, text in description.items()
        }
    return _texts(f.en, f.nl, description["en"], description["nl"])


def _required(model: Model, table: Table, f: Field) -> bool:
    """A value must be there, unless the field is optional or the record may declare it unknown."""
    if table.kind == "relationship":
        return True
    return f.required and f.name not in unknowable(model, table.cls)


def _constraints(model: Model, table: Table, column: Column) -> dict:
    if column.role == "iri":
        return {"required": True, "unique": True}
    if column.role == "id":
        keyed = table.kind == "entity" and "id" in table.cls.fields
        return {"required": True, "pattern": KEY_PATTERN} if keyed else {"required": True}
    if column.role in ("owner", "owner_iri", "type"):
        return {"required": True}
    f = column.value_field
    constraints: dict = {"required": True} if _required(model, table, f) else {}
    if column.role == "field_iri":
        return constraints
    if model.is_enum(f.range):
        constraints["enum"] = sorted(model.enums[f.range]["values"])
    if f.pattern:
        constraints["pattern"] = f.pattern
    if f.range == "date_or_month":
        constraints["pattern"] = DATE_OR_MONTH_PATTERN
    if f.range == "integer":
        constraints["minimum"] = 0
    return constraints


def _schema_field(model: Model, table: Table, column: Column) -> dict:
    f = column.field
    type_ = TABLE_TYPES.get(f.range, "string") if f is not None and column.role == "field" else "string"
    result: dict = {"name": column.name, "type": type_}
    if column.role in ("iri", "field_iri", "owner_iri", "type") or (
        f is not None and column.role == "field" and f.range == "iri"
    ):
        result["format"] = "uri"
    result.update(_field_texts(model, table, column))
    constraints = _constraints(model, table, column)
    if constraints:
        result["constraints"] = constraints
    if f is not None and f.uri and column.role in ("field", "field_iri"):
        result["x-rdf-property"] = model.expand(f.uri)
    return result


def _reference(target: ModelClass, table: Table) -> dict:
    """A foreign-key reference; a reference to the table itself names no resource (Data Package v2)."""
    if target.table == table.name:
        return {"fields": ["id"]}
    return {"resource": target.table, "fields": ["id"]}


def foreign_keys(model: Model, table: Table) -> list[dict]:
    keys = []
    for column in table.columns:
        if column.role == "owner":
            target = column.owner
        elif (
            column.role == "field"
            and model.is_class(column.value_field.range)
            and not model.classes[column.value_field.range].inline
        ):
            target = model.classes[column.value_field.range]
        else:
            continue
        keys.append({"fields": [column.name], "reference": _reference(target, table)})
    return keys


def table_texts(model: Model, table: Table) -> dict:
    """Title and description of a table, in en and nl, ending with how formula-like cells are written."""
    cls = table.cls
    if table.kind == "entity":
        texts = {
            "en": (cls.en, cls.description.get("en", cls.en)),
            "nl": (cls.nl, cls.description.get("nl", cls.nl)),
        }
    elif table.kind == "dependent":
        hop = table.dependent_hop
        term = model.terms.get(hop.property, {})
        texts = {
            lang: (
                f"{getattr(cls, lang)}: {term.get(lang, hop.fragment)}",
                term.get(f"{lang}_def", term.get(lang, "")),
            )
            for lang in ("en", "nl")
        }
    elif table.kind == "types":
        texts = {
            "en": (
                f"{cls.en}: RDF types",
                f"The RDF classes each {cls.en.lower()} has beyond {cls.uri}, by its kind.",
            ),
            "nl": (
                f"{cls.nl}: RDF-typen",
                f"De RDF-klassen van elke {cls.nl.lower()} naast {cls.uri}, naar soort.",
            ),
        }
    else:
        f = table.relationship_field
        texts = {
            "en": (f"{cls.en}: {f.en}", f"One row per {cls.en.lower()} and {f.en}."),
            "nl": (f"{cls.nl}: {f.nl}", f"Eén rij per {cls.nl.lower()} en {f.nl}."),
        }
    return _texts(
        texts["en"][0],
        texts["nl"][0],
        f"{texts['en'][1]} {FORMULA_NOTE['en']}",
        f"{texts['nl'][1]} {FORMULA_NOTE['nl']}",
    )


def table_schema(model: Model, table: Table) -> dict:
    schema = {
        "fields": [_schema_field(model, table, c) for c in table.columns],
        "primaryKey": table.primary_key,
        "missingValues": [""],
    }
    keys = foreign_keys(model, table)
    if keys:
        schema["foreignKeys"] = keys
    return schema


def table_schemas(model: Model) -> dict:
    result = {
        table.name: {**table_texts(model, table), "schema": table_schema(model, table)}
        for table in tables(model)
    }
    return {
        "_comment": "Generated from schemas/model.yaml by `opendata generate`; do not edit.",
        "tables": result,
    }
