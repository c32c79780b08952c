"""The release plan describes the graph part by part (each letter in its worker, the shared records
once). Whatever the parts hold, the result must be the whole graph's description: when a resource
reaches across parts (a subject in two parts, a statement about another part's record, a file
described in one part and named in another) the parts are not enough and the whole graph is cut."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from opendata.releases.parts import describe_part, describe_parts
from opendata.releases.resources import RDF_SUBJECT, describe

BASE_IRI = "https://example.org/id/"
BASE_URL = "https://example.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ENCODING = "https://schema.org/encoding"
TITLE = "http://purl.org/dc/terms/title"

RECORDS = [f"{BASE_IRI}brief/{n}" for n in range(4)]
FILES = [f"{BASE_URL}tekst/{n}.txt" for n in range(3)]
STATEMENTS = [f"{BASE_IRI}bron/{n}" for n in range(3)]


def _triple(subject: str, predicate: str, obj: str) -> str:
    return f"<{subject}> <{predicate}> {obj} .\n"


_record_lines = st.one_of(
    st.builds(lambda r, n: _triple(r, TITLE, f'"titel {n}"@nl'), st.sampled_from(RECORDS), st.integers(0, 3)),
    st.builds(lambda r: _triple(r, RDF_TYPE, "<https://schema.org/Message>"), st.sampled_from(RECORDS)),
    st.builds(
        lambda r, n: _triple(f"{r}#frag{n}", TITLE, '"deel"'), st.sampled_from(RECORDS), st.integers(0, 2)
    ),
    st.builds(lambda r, f: _triple(r, ENCODING, f"<{f}>"), st.sampled_from(RECORDS), st.sampled_from(FILES)),
    st.builds(lambda f, n: _triple(f, TITLE, f'"bestand {n}"'), st.sampled_from(FILES), st.integers(0, 2)),
    st.builds(
        lambda s, r: _triple(s, RDF_SUBJECT, f"<{r}>"), st.sampled_from(STATEMENTS), st.sampled_from(RECORDS)
    ),
    st.builds(lambda s: _triple(f"{s}#ev", TITLE, '"passage"'), st.sampled_from(STATEMENTS)),
)
_parts = st.lists(
    st.lists(_record_lines, max_size=6).map(lambda lines: "".join(dict.fromkeys(lines))), max_size=5
)


@settings(max_examples=300, deadline=None)
@given(_parts)
def test_parts_describe_the_whole_graph(parts: list[str]) -> None:
    whole = "".join(parts)
    described = [describe_part(part, BASE_IRI, BASE_URL) for part in parts]
    by_parts = describe_parts(described, iter(whole.splitlines(keepends=True)), BASE_IRI, BASE_URL)
    assert by_parts == describe(whole.splitlines(keepends=True), BASE_IRI, BASE_URL)


def test_a_file_named_across_parts_is_described_with_its_resource() -> None:
    letter = _triple(RECORDS[0], ENCODING, f"<{FILES[0]}>") + _triple(RECORDS[0], TITLE, '"brief"@nl')
    text_file = _triple(FILES[0], TITLE, '"bestand"')
    whole = letter + text_file
    described = [describe_part(letter, BASE_IRI, BASE_URL), describe_part(text_file, BASE_IRI, BASE_URL)]
    by_parts = describe_parts(described, iter(whole.splitlines(keepends=True)), BASE_IRI, BASE_URL)
    assert by_parts == describe(whole.splitlines(keepends=True), BASE_IRI, BASE_URL)
    assert set(by_parts) == {RECORDS[0]}


def test_parts_that_stay_apart_are_used_as_they_are() -> None:
    first = _triple(RECORDS[0], ENCODING, f"<{FILES[0]}>") + _triple(FILES[0], TITLE, '"een"')
    second = _triple(RECORDS[1], ENCODING, f"<{FILES[1]}>") + _triple(FILES[1], TITLE, '"twee"')
    described = [describe_part(first, BASE_IRI, BASE_URL), describe_part(second, BASE_IRI, BASE_URL)]
    untouched = iter(())  # the whole graph is not read when the parts suffice
    by_parts = describe_parts(described, untouched, BASE_IRI, BASE_URL)
    assert by_parts == describe((first + second).splitlines(keepends=True), BASE_IRI, BASE_URL)
