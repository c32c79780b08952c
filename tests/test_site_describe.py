"""A description's files are pyoxigraph's serializations of its triples sorted by their text; the
N-Triples file is made from those texts (describe.descriptions), which must give pyoxigraph's bytes."""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given
from hypothesis import strategies as st

from opendata.outputs.site.describe import descriptions, ntriples

XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
HOSTILE = '<script>"q" \\ \n\r\t\b\f\x00\x1f\x7f \u202e\u2028\ufeff é \U0001f600'

objects = st.one_of(
    st.builds(ox.Literal, st.text()),
    st.builds(
        lambda text, lang: ox.Literal(text, language=lang), st.text(), st.sampled_from(["nl", "en", "en-gb"])
    ),
    st.builds(lambda text: ox.Literal(text, datatype=XSD_DATE), st.text()),
    st.builds(
        lambda key: ox.NamedNode(f"https://e.org/id/brief/{key}"), st.text("abc-_0123456789", max_size=5)
    ),
    st.builds(ox.BlankNode, st.text("abc0123456789", min_size=1, max_size=4)),
)
subjects = st.sampled_from(
    [ox.NamedNode("https://e.org/id/brief/x"), ox.NamedNode("https://e.org/id/brief/x#a"), ox.BlankNode("b1")]
)
predicates = st.sampled_from(
    [ox.NamedNode("https://schema.org/name"), ox.NamedNode("https://schema.org/text")]
)
triples = st.lists(st.builds(ox.Triple, subjects, predicates, objects), max_size=8, unique_by=str)


def pyoxigraph_s(found: list[ox.Triple], extension: str) -> bytes:
    ordered = sorted(found, key=str)
    formats = {".ttl": ox.RdfFormat.TURTLE, ".jsonld": ox.RdfFormat.JSON_LD, ".nt": ox.RdfFormat.N_TRIPLES}
    prefixes = {"schema": "https://schema.org/"} if extension == ".ttl" else None
    data = ox.serialize(ordered, format=formats[extension], prefixes=prefixes)
    assert data is not None
    return data


@given(triples)
def test_each_syntax_is_pyoxigraph_s_serialization_of_the_sorted_triples(found):
    made = descriptions(found, {"schema": "https://schema.org/"})
    assert list(made) == [".ttl", ".jsonld", ".nt"]
    for extension, data in made.items():
        assert data == pyoxigraph_s(found, extension), extension
    assert ntriples(found).encode("utf-8") == made[".nt"]


def test_hostile_literals_and_an_empty_description():
    subject, predicate = ox.NamedNode("https://e.org/id/brief/x"), ox.NamedNode("https://schema.org/text")
    found = [
        ox.Triple(subject, predicate, ox.Literal(HOSTILE, language="nl")),
        ox.Triple(subject, predicate, ox.Literal(HOSTILE)),
    ]
    assert descriptions(found, {})[".nt"] == pyoxigraph_s(found, ".nt")
    assert descriptions([], {}) == {
        extension: pyoxigraph_s([], extension) for extension in (".ttl", ".jsonld", ".nt")
    }
