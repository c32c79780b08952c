"""The tables researchers get, in this process: the layout derived from the model
(opendata/model/tables.py) and the rows read back from a few records' N-Triples
(opendata/outputs/table_rows.py), without publishing anything.

test_datapackage.py checks the published package as a whole; these check each rule on the smallest
graph that shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from opendata.build.graph import GraphBuilder, Node, ntriples, register_records
from opendata.model.iris import REDACTED, Minter
from opendata.model.model import load_model
from opendata.model.register import load_register
from opendata.model.tables import Table, foreign_keys, table_schema, tables
from opendata.outputs.table_rows import Cells, TableRows, read_resources
from opendata.sources.records import Record

from .scenarios import read_one_letter

BASE_IRI = "https://data.example.org/id/"
BASE_URL = "https://data.example.org/"
TOOI = "https://identifier.overheid.nl/tooi/id/"

MODEL = load_model()
REGISTER = load_register()
MINTER = Minter(MODEL, REGISTER, BASE_IRI, BASE_URL)
LAYOUT = {table.name: table for table in tables(MODEL)}


def record(class_name: str, **data) -> Record:
    return Record(MODEL.classes[class_name], data, f"{class_name}.yaml")


def rows_of(nodes: list[Node], table_name: str) -> list[dict[str, str]]:
    """The table's rows for these nodes, as the publish writes them (before CSV protection)."""
    nt = "".join(sorted({line for node in nodes for line in ntriples(node)}))
    table = LAYOUT[table_name]
    found = TableRows(MODEL, Cells(MODEL, MINTER), read_resources(nt)).rows(table)
    return [dict(zip((c.name for c in table.columns), row)) for row in found]


def nodes_of(*records: Record, private: frozenset[str] = frozenset()) -> list[Node]:
    builder = GraphBuilder(MODEL, MINTER, private)
    return [builder.node(r) for r in records]


# ------------------------------------------------------------------ the layout


def test_every_class_with_records_of_its_own_has_an_entity_table_keyed_by_iri_and_id():
    entities = {t.cls.name: t for t in LAYOUT.values() if t.kind == "entity"}
    assert {"Organisation", "Membership", "Person", "Post", "Theme", "Meeting", "Letter"} <= set(entities)
    for table in entities.values():
        assert [c.name for c in table.columns[:2]] == ["iri", "id"], table.name
        assert table.primary_key == ["id"]


@pytest.mark.parametrize(
    "name, columns",
    [
        (
            "letters_addressees",
            ["letter", "addressees", "addressees_iri"],
        ),  # TOOI: the key does not give the IRI
        ("letters_themes", ["letter", "themes"]),  # a theme's IRI is its key under the base
        ("themes_close_match", ["theme", "close_match"]),
        ("organisations_types", ["organisation", "organisation_iri", "type"]),
    ],
)
def test_multivalued_fields_and_extra_types_get_tables_of_their_own(name, columns):
    assert [c.name for c in LAYOUT[name].columns] == columns
    assert LAYOUT[name].primary_key == [c for c in columns if not c.endswith("_iri")]


@pytest.mark.parametrize("table", list(LAYOUT.values()), ids=list(LAYOUT))
def test_each_table_schema_describes_its_columns_in_order(table: Table):
    schema = table_schema(MODEL, table)
    assert [f["name"] for f in schema["fields"]] == [c.name for c in table.columns]
    assert schema["primaryKey"] == table.primary_key


@pytest.mark.parametrize("table", list(LAYOUT.values()), ids=list(LAYOUT))
def test_every_foreign_key_joins_a_column_to_the_key_of_a_table(table: Table):
    """A reference without a resource is to the table itself (a theme's broader theme)."""
    for key in foreign_keys(MODEL, table):
        target = LAYOUT[key["reference"].get("resource", table.name)]
        assert set(key["fields"]) <= {c.name for c in table.columns}, key
        assert key["reference"]["fields"] == target.primary_key, key


# ------------------------------------------------------------------ the rows


def test_a_membership_row_holds_keys_the_tooi_iri_and_the_flattened_period():
    membership = record(
        "Membership",
        id="leiden-lid",
        member="gm0546",
        organisation="leidse-regio",
        role="lid",
        start="2019-01-01",
    )
    [row] = rows_of(nodes_of(membership), "memberships")
    assert row["iri"] == f"{BASE_IRI}lidmaatschap/leiden-lid" and row["id"] == "leiden-lid"
    assert (row["member"], row["member_iri"]) == ("gm0546", TOOI + "gemeente/gm0546")
    assert (row["organisation"], row["organisation_iri"]) == (
        "leidse-regio",
        f"{BASE_IRI}organisatie/leidse-regio",
    )
    assert (row["role"], row["start"], row["end"]) == ("lid", "2019-01-01", "")


def test_entity_rows_are_sorted_by_key():
    themes = [record("Theme", id=key, name=key, scheme="thema") for key in ("wonen", "afval", "mobiliteit")]
    assert [row["id"] for row in rows_of(nodes_of(*themes), "themes")] == ["afval", "mobiliteit", "wonen"]


def test_a_person_who_is_not_public_is_the_redacted_key():
    post = record("Post", id="wethouder-x", held_by="j-jansen", role="wethouder", post_in="gm0546")
    [row] = rows_of(nodes_of(post, private=frozenset({"j-jansen"})), "posts")
    assert row["held_by"] == REDACTED and row["held_by_iri"] == MINTER.redacted()


def test_a_registered_organisation_lists_the_types_its_kind_adds():
    nodes = nodes_of(*register_records(MODEL, {"gm0546"}, REGISTER))
    organisations = {row["id"]: row for row in rows_of(nodes, "organisations")}
    assert set(organisations) == {"gm0546", "pv28"} and organisations["gm0546"]["province"] == "pv28"
    types = rows_of(nodes, "organisations_types")
    assert {row["organisation"] for row in types} == {"gm0546", "pv28"}
    assert all(row["type"].startswith("http") for row in types)


LETTER = {
    "id": "brief-x",
    "kind": "brief",
    "title": "Samenwerking",
    "date_sent": "2019-01-22",
    "sender": "gm0546",
    "addressees": ["gm0579", "gm0547"],
    "text": "brief-x.txt",
    "signatories": [{"person": "j-baljeu", "role": "gedeputeerde", "on_behalf_of": ["pv28"]}],
    "positions": [
        {
            "id": "kansen",
            "kind": "standpunt",
            "held_by": ["gm0546"],
            "quote": "Wij zien kansen.",
            "start": 17,
            "end": 33,
        }
    ],
}
TEXT = "Geacht college,\n\nWij zien kansen.\n"


@pytest.fixture
def letter_nodes(tmp_path: Path) -> list[Node]:
    records = read_one_letter(MODEL, tmp_path, LETTER, TEXT)
    return GraphBuilder(MODEL, MINTER).letter_nodes(records[0], records[1:])


def test_a_letter_row_names_its_text_by_its_path_in_the_package(letter_nodes):
    [row] = rows_of(letter_nodes, "letters")
    assert (row["id"], row["sender"], row["date_sent"], row["text"]) == (
        "brief-x",
        "gm0546",
        "2019-01-22",
        "tekst/brief-x.txt",
    )
    assert row["kind"] == "brief" and row["kind_iri"].startswith("http")


def test_relationship_rows_are_sorted_by_owner_then_value(letter_nodes):
    assert rows_of(letter_nodes, "letters_addressees") == [
        {"letter": "brief-x", "addressees": code, "addressees_iri": TOOI + f"gemeente/{code}"}
        for code in ("gm0547", "gm0579")
    ]


def test_a_signature_row_is_keyed_owner_hash_fragment(letter_nodes):
    [row] = rows_of(letter_nodes, "signatories")
    assert (row["id"], row["letter"], row["person"], row["role"]) == (
        "brief-x#ondertekening-1",
        "brief-x",
        "j-baljeu",
        "gedeputeerde",
    )
    assert rows_of(letter_nodes, "signatories_on_behalf_of") == [
        {
            "signature": "brief-x#ondertekening-1",
            "on_behalf_of": "pv28",
            "on_behalf_of_iri": TOOI + "provincie/pv28",
        }
    ]


def test_a_positions_evidence_row_gives_the_quote_and_its_offsets(letter_nodes):
    [position] = rows_of(letter_nodes, "positions")
    assert (position["id"], position["statement"], position["letter"]) == (
        "kansen",
        "Wij zien kansen.",
        "brief-x",
    )
    [evidence] = rows_of(letter_nodes, "positions_evidence")
    assert evidence["position"] == "kansen" and evidence["id"].startswith("kansen#")
    assert (evidence["quote"], evidence["start"], evidence["end"], evidence["source_text"]) == (
        "Wij zien kansen.",
        "17",
        "33",
        "tekst/brief-x.txt",
    )


def test_an_iri_outside_the_publication_has_no_key():
    with pytest.raises(ValueError, match="no key"):
        Cells(MODEL, MINTER).key("https://elsewhere.example/x")
