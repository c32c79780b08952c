"""Records to graph nodes, in this process: IRIs, datatypes, references, inline records and the two
writers (N-Triples and JSON-LD) on a handful of records, without publishing anything.

The publish tests show the whole graph is right; these show each rule of opendata/build/graph.py on
the smallest record that needs it, so a broken rule names itself in a second.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyld.jsonld
import pytest
from rdflib import Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.compare import isomorphic

from opendata.build.graph import (
    IRI,
    GraphBuilder,
    Literal,
    Node,
    jsonld,
    ntriples,
    referenced_codes,
    register_records,
)
from opendata.model.iris import Minter
from opendata.model.model import GENERATED_DIR, load_model
from opendata.model.register import load_register
from opendata.sources.records import Dataset, Record

from .scenarios import read_one_letter

BASE_IRI = "https://data.example.org/id/"
BASE_URL = "https://data.example.org/"
TOOI = "https://identifier.overheid.nl/tooi/id/"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ODNL = "https://w3id.org/opendata-nl/def#"
TIME = "http://www.w3.org/2006/time#"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE = URIRef(XSD + "date")
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

MODEL = load_model()
REGISTER = load_register()
MINTER = Minter(MODEL, REGISTER, BASE_IRI, BASE_URL)


def record(class_name: str, **data) -> Record:
    return Record(MODEL.classes[class_name], data, f"{class_name}.yaml")


def graph_of(*nodes: Node) -> Graph:
    return Graph().parse(data="".join(line for node in nodes for line in ntriples(node)), format="nt")


@pytest.fixture
def builder() -> GraphBuilder:
    return GraphBuilder(MODEL, MINTER)


def test_a_record_gets_the_iri_minted_from_its_class_segment_and_key(builder):
    node = builder.node(record("Theme", id="woningbouw", name="woningbouw", scheme="thema"))
    assert node.iri == f"{BASE_IRI}thema/woningbouw"
    assert node.types == [SKOS + "Concept"]
    graph = graph_of(node)
    assert (URIRef(node.iri), URIRef(SKOS + "prefLabel"), RdfLiteral("woningbouw")) in graph


def test_a_key_is_percent_encoded_in_its_iri(builder):
    assert builder.node(record("Person", id="a b/c", name="X")).iri == f"{BASE_IRI}persoon/a%20b%2Fc"


def test_a_registered_organisation_keeps_its_tooi_iri_and_others_are_minted(builder):
    letter = builder.node(record("Letter", id="b", sender="gm0546", addressees=["leidse-regio"]))
    values = {key: value for key, _, value in letter.props}
    assert values["sender"] == IRI(TOOI + "gemeente/gm0546")
    assert values["addressees"] == IRI(f"{BASE_IRI}organisatie/leidse-regio")


def test_a_person_who_is_not_public_is_referenced_by_the_redacted_iri():
    builder = GraphBuilder(MODEL, MINTER, private_people=frozenset({"j-jansen"}))
    post = builder.node(record("Post", id="wethouder-x", held_by="j-jansen"))
    assert [value for key, _, value in post.props if key == "held_by"] == [IRI(MINTER.redacted())]


@pytest.mark.parametrize(
    "class_name, data, key, expected",
    [
        ("Letter", {"date_sent": "2019-01-22"}, "date_sent", Literal("2019-01-22", XSD + "date")),
        ("Meeting", {"date": "2019-03"}, "date", Literal("2019-03", XSD + "gYearMonth")),
        ("Meeting", {"date": "2019-03-05"}, "date", Literal("2019-03-05", XSD + "date")),
        ("Letter", {"adopted_digitally": True}, "adopted_digitally", Literal("true", XSD + "boolean")),
        ("Letter", {"title": "Brief"}, "title", Literal("Brief")),
        ("Theme", {"close_match": ["https://x.example/c"]}, "close_match", IRI("https://x.example/c")),
        ("Letter", {"kind": "brief"}, "kind", IRI(MODEL.enum_iri("DocumentKind", "brief"))),
    ],
)
def test_each_range_gives_its_kind_of_value(builder, class_name, data, key, expected):
    node = builder.node(record(class_name, id="x", **data))
    assert [value for k, _, value in node.props if k == key] == [expected]


def test_a_period_hangs_on_dependent_nodes_of_its_owner(builder):
    node = builder.node(
        record("Membership", id="m", member="gm0546", organisation="leidse-regio", start="2019-01-01")
    )
    graph = graph_of(node)
    period, begin = URIRef(node.iri + "#periode"), URIRef(node.iri + "#begin")
    assert (URIRef(node.iri), None, period) in graph and (period, None, begin) in graph
    assert set(graph.objects(begin, URIRef(TIME + "inXSDDate"))) == {
        RdfLiteral("2019-01-01", datatype=XSD_DATE)
    }


def test_ntriples_escapes_quotes_backslashes_and_line_breaks(builder):
    hostile = 'zij zei "ja"\\nee\nregel\rtwee'
    node = builder.node(record("Person", id="p", name=hostile))
    line = next(line for line in ntriples(node) if "foaf/0.1/name" in line)
    escaped = r'"zij zei \"ja\"\\nee\nregel\rtwee"'
    assert line == f"<{node.iri}> <http://xmlns.com/foaf/0.1/name> {escaped} .\n"
    assert hostile in {str(o) for o in graph_of(node).objects()}


LETTER = {
    "id": "brief-x",
    "kind": "brief",
    "title": "Samenwerking",
    "date_sent": "2019-01-22",
    "sender": "gm0546",
    "addressees": ["gm0547"],
    "themes": ["samenwerking"],
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
def letter_records(tmp_path) -> list[Record]:
    return read_one_letter(MODEL, tmp_path, LETTER, TEXT)


def test_a_letters_inline_records_hang_on_it(builder, letter_records):
    nodes = builder.letter_nodes(letter_records[0], letter_records[1:])
    letter_iri = f"{BASE_IRI}brief/brief-x"
    assert nodes[0].iri == letter_iri
    graph = graph_of(*nodes)
    signature = graph.value(URIRef(letter_iri), URIRef("http://www.w3.org/ns/prov#qualifiedAttribution"))
    position = graph.value(URIRef(letter_iri), URIRef(ODNL + "states"))
    assert str(signature) == letter_iri + "#ondertekening-1"  # a signature has no key of its own
    assert str(position) == f"{BASE_IRI}uitspraak/kansen"  # a position has one
    quoted = set(graph.subjects(URIRef("http://www.w3.org/ns/oa#exact"), RdfLiteral("Wij zien kansen.")))
    assert [str(s).split("#")[0] for s in quoted] == [str(position)]  # the quote's selector is the position's


def test_a_position_statement_is_derived_from_its_quote(builder, letter_records):
    graph = graph_of(*builder.letter_nodes(letter_records[0], letter_records[1:]))
    assert set(graph.objects(None, URIRef(SCHEMA + "text"))) == {RdfLiteral("Wij zien kansen.")}


def test_a_letter_with_a_text_gets_a_text_node_with_its_download_url(builder, letter_records):
    nodes = builder.letter_nodes(letter_records[0], letter_records[1:])
    text_iri = URIRef(f"{BASE_URL}tekst/brief-x.txt")
    graph = graph_of(*nodes)
    assert (URIRef(f"{BASE_IRI}brief/brief-x"), URIRef(SCHEMA + "encoding"), text_iri) in graph
    assert (text_iri, RDF_TYPE, URIRef(SCHEMA + "MediaObject")) in graph


def test_jsonld_and_ntriples_are_the_same_graph(builder, letter_records):
    nodes = builder.letter_nodes(letter_records[0], letter_records[1:])
    context = json.loads((Path(GENERATED_DIR) / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    document = {"@context": context, "@graph": [jsonld(MODEL, node) for node in nodes]}
    nquads = pyld.jsonld.to_rdf(json.loads(json.dumps(document)), {"format": "application/n-quads"})
    assert isomorphic(Graph().parse(data=nquads, format="nt"), graph_of(*nodes))


def test_register_records_bring_the_province_of_each_municipality():
    records = register_records(MODEL, {"gm0546"}, REGISTER)
    assert [r.key for r in records] == ["gm0546", "pv28"]
    leiden = records[0]
    assert leiden.data["province"] == "pv28" and leiden.data["code"] == "gm0546"


def test_referenced_codes_are_the_register_organisations_the_records_name():
    dataset = Dataset()
    dataset.add(record("Letter", id="b", sender="gm0546", addressees=["gm0547", "leidse-regio"]))
    dataset.add(record("Membership", id="m", member="gm0579", organisation="leidse-regio"))
    assert referenced_codes(dataset, REGISTER) == {"gm0546", "gm0547", "gm0579"}
