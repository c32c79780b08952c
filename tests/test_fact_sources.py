"""Issue 12, items 6-8: every fact of the seed with its source; statements as searchable text;
document kinds from the graph alone; bad sources reported with file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
import yaml

from opendata.query.store import load_store, run

from .conftest import DATASETS, ROOT, run_main

QUERIES = ROOT / "docs" / "queries"
ID = "https://data.leidseregio.example/id/"
BRIEF = ID + "brief/"
RIB = "raadsinformatiebrief-2019-samenwerking-leidse-regio"
REACTIE = "reactie-leidse-regio-2019-06-11"
ODNL = "https://w3id.org/opendata-nl/def#"
TOOI_BRIEF = "https://identifier.overheid.nl/tooi/def/thes/kern/c_7652d853"
# Fields that are not facts taken from a source: the record's key, the editors' own notes, what is
# declared unknown, the OCR corrections, the text file, the evidence itself, and the inline lists.
NOT_FACTS = {
    "id",
    "note",
    "unknown",
    "corrections",
    "text",
    "quote",
    "start",
    "end",
    "statement",
    "sources",
    "signatories",
    "positions",
    "status",
    "extracted_by",
    "public",
}


@pytest.fixture(scope="module")
def store(published) -> pyoxigraph.Store:
    return load_store(published)


def _select(store, query: str) -> list[dict]:
    solutions = run(store, query)
    names = [v.value for v in solutions.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in solutions]


def _query(store, name: str) -> list[dict]:
    return _select(store, (QUERIES / f"{name}.rq").read_text(encoding="utf-8"))


def _records() -> list[tuple[str, dict]]:
    """(file, record) for every record of the seed, inline signatures and positions included."""
    found = []
    for path in sorted(DATASETS.glob("*.yaml")):
        if path.name != "publication.yaml":
            found += [(path.name, r) for r in yaml.safe_load(path.read_text(encoding="utf-8"))]
    for path in sorted((DATASETS / "letters").glob("*.yaml")):
        letter = yaml.safe_load(path.read_text(encoding="utf-8"))
        found.append((path.name, letter))
        found += [
            (f"{path.name} {field}", item)
            for field in ("signatories", "positions")
            for item in letter.get(field, [])
        ]
    return found


# ---------------------------------------------------------------- item 8: every fact has its source


def test_every_fact_of_the_seed_names_its_source():
    missing = [
        (where, record.get("id", ""), field)
        for where, record in _records()
        for field in record
        if field not in NOT_FACTS and field not in record.get("sources", {})
    ]
    assert missing == []


def test_every_field_declared_unknown_says_why():
    for where, record in _records():
        for field in record.get("unknown", []):
            assert "editorial" in record["sources"][field], (where, field)


def test_the_seed_publishes_its_sources_as_statements(published, store):
    counts = {
        r["kind"]: int(r["n"])
        for r in _select(
            store,
            """
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?kind (COUNT(?s) AS ?n) WHERE { ?s a rdf:Statement ; dct:type ?kind } GROUP BY ?kind""",
        )
    }
    assert set(counts) == {ODNL + "text", ODNL + "register", ODNL + "editorial"}
    assert counts[ODNL + "text"] > 100 and counts[ODNL + "editorial"] > 30
    # each reified statement is a triple of the graph itself (a statement about an unknown field has no object)
    dangling = _select(
        store,
        """
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?s WHERE { ?s rdf:subject ?r ; rdf:predicate ?p ; rdf:object ?o . FILTER NOT EXISTS { ?r ?p ?o } }""",
    )
    assert dangling == []


def test_sparql_finds_facts_by_source_kind(published, store):
    rows = _query(store, "facts-by-source-kind")
    texts = [r for r in rows if r["kind"] == ODNL + "text"]
    assert texts and all(r["quote"] and r["start"] is not None for r in texts)
    for row in texts:  # every quote stands at its offsets in the published text
        text = (published / "tekst" / Path(row["text"]).name).read_text(encoding="utf-8")
        assert text[int(row["start"]) : int(row["end"])] == row["quote"], row
    date_sent = [
        r for r in texts if r["record"] == BRIEF + REACTIE and r["property"] == "https://schema.org/dateSent"
    ]
    assert [(r["value"], r["quote"]) for r in date_sent] == [("2019-06-11", "Datum: 11juni 2019")]
    registers = [r for r in rows if r["kind"] == ODNL + "register"]
    assert {r["register"] for r in registers} == {"https://identifier.overheid.nl/tooi/"}
    assert ID + "lidmaatschap/economie71-gm0537" in {r["record"] for r in registers}  # Katwijk's TOOI code
    notes = {
        r["record"]: r["note"]
        for r in rows
        if r["kind"] == ODNL + "editorial" and r["property"] == "http://purl.org/dc/terms/title"
    }
    assert "geen onderwerpregel" in notes[BRIEF + RIB]


def test_what_the_letters_do_not_say_is_editorial_not_evidence(store):
    """Leiden, Leiderdorp and Voorschoten are never named; Holland Rijnland membership is not stated."""

    def kinds(record: str, prop: str) -> set[str]:
        return {
            r["kind"]
            for r in _select(
                store,
                f"""
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX dct: <http://purl.org/dc/terms/>
            SELECT ?kind WHERE {{ ?s rdf:subject <{record}> ; rdf:predicate <{prop}> ; dct:type ?kind }}""",
            )
        }

    member = "http://www.w3.org/ns/org#member"
    for code in ("gm0546", "gm0547", "gm0626"):
        assert kinds(ID + f"lidmaatschap/leidse-regio-{code}", member) == {ODNL + "editorial"}
    for code in ("gm0579", "gm0638"):
        assert kinds(ID + f"lidmaatschap/leidse-regio-{code}", member) == {ODNL + "text"}
    for code in ("gm0546", "gm0547", "gm0579", "gm0626", "gm0638"):
        assert kinds(ID + f"lidmaatschap/holland-rijnland-{code}", member) == {ODNL + "editorial"}


def test_the_seed_says_only_what_the_text_says(store):
    def ask(query: str):
        return run(
            store,
            "PREFIX schema: <https://schema.org/> PREFIX dct: <http://purl.org/dc/terms/> "
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX odnl: <" + ODNL + "> " + query,
        )

    # the council letter has no title of its own: none is invented, it is declared unknown
    assert not ask(f"ASK {{ <{BRIEF + RIB}> dct:title ?t }}")
    assert ask(f"ASK {{ <{BRIEF + RIB}> odnl:unknownProperty dct:title ; odnl:adoptedDigitally true }}")
    # the province did not attend the conference (an official represented the gedeputeerde)
    assert not ask(
        f"ASK {{ <{ID}bijeenkomst/collegeconferentie-2019-06-11> schema:attendee "
        "<https://identifier.overheid.nl/tooi/id/provincie/pv28> }"
    )
    # the dossier is known by its number only; the theme of the letters carries no number
    assert ask(
        f'ASK {{ <{ID}thema/dos-2017-0006089> skos:notation "DOS-2017-0006089" ; skos:prefLabel "DOS-2017-0006089" }}'
    )
    assert not ask(f"ASK {{ <{ID}thema/bestuurlijke-samenwerking-leidse-regio> skos:notation ?n }}")
    # the addressee's postal address, as the reaction gives it
    assert ask(
        f'ASK {{ <{ID}organisatie/gs-pv28> schema:address [ schema:postalCode "2509 LP" ; '
        'schema:addressLocality "Den Haag" ] }'
    )
    # the position on the collaboration form, as the council letter states it
    assert ask(
        'ASK { ?p schema:text "Dit heeft echter niet geleid tot een gedeelde keuze voor een '
        'samenwerkingsvorm om de zeven ambities van de Toekomstvisie te realiseren." }'
    )


# ---------------------------------------------------------------- item 6: statements as searchable text


def test_statements_are_clean_searchable_text_and_quotes_stay_exact(store, published):
    rows = _select(
        store,
        """
        PREFIX schema: <https://schema.org/> PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX odnl: <"""
        + ODNL
        + """>
        SELECT ?position ?statement ?quote WHERE {
          ?position schema:text ?statement ; odnl:evidence/oa:hasSelector/oa:exact ?quote }""",
    )
    by_id = {r["position"].rsplit("/", 1)[1]: r for r in rows}
    assert (
        by_id["rib-samenwerken-in-huidige-vorm"]["statement"] == "We blijven samenwerken in de huidige vorm."
    )
    assert (
        by_id["rib-samenwerken-in-huidige-vorm"]["quote"] == "We blijven samenwerken in de \n\nhuidige vorm."
    )
    assert (
        "zich gezamenlijk richten" in by_id["reactie-gebiedsgerichte-agenda"]["statement"]
    )  # 'gezamen-\n\nlijk'
    assert by_id["reactie-gebiedsgerichte-agenda"]["statement"].endswith(
        "meerwaarde heeft."
    )  # OCR correction
    assert by_id["reactie-gs-urgentie-economische-kansen-strategische-agenda"]["statement"].startswith(
        "In uw brief"
    )
    for row in rows:
        assert "\n" not in row["statement"] and "  " not in row["statement"]
    found = _select(
        store,
        "PREFIX schema: <https://schema.org/> SELECT ?p WHERE { ?p schema:text ?s . "
        'FILTER(CONTAINS(?s, "huidige vorm")) }',
    )
    assert [r["p"] for r in found] == [ID + "uitspraak/rib-samenwerken-in-huidige-vorm"]


# ---------------------------------------------------------------- item 7: document kinds from the graph alone


def test_a_query_for_letters_of_kind_brief_finds_the_attachment_and_the_council_letter(store):
    rows = _select(
        store,
        f"""
        PREFIX dct: <http://purl.org/dc/terms/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?letter WHERE {{ ?letter dct:type/skos:broader* <{TOOI_BRIEF}> }}""",
    )
    assert {r["letter"] for r in rows} == {
        BRIEF + RIB,
        BRIEF + REACTIE,
        BRIEF + "gs-zuid-holland-2019-01-24-samenwerking-leidse-regio",
    }


# ---------------------------------------------------------------- bad sources: a problem each, with file:line and field


def _problems(datasets: Path) -> list[dict]:
    result = run_main("validate", "--datasets", str(datasets), "--format", "json", "--no-cache")
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout)["problems"]


def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in the file; the line (1-based) it stood on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _found(problems: list[dict], code: str, file: str, line: int, field: str) -> dict:
    matches = [
        p
        for p in problems
        if (p["code"], p["location"]["path"], p["location"]["line"], p["field"]) == (code, file, line, field)
    ]
    assert matches, (code, file, line, field, [(p["code"], p["location"], p["field"]) for p in problems])
    return matches[0]


REACTIE_FILE = f"letters/{REACTIE}.yaml"


def test_offsets_that_do_not_hold_the_quote(datasets_copy):
    line = _edit(
        datasets_copy / REACTIE_FILE,
        "your_reference: {start: 326, end: 344,",
        "your_reference: {start: 327, end: 345,",
    )
    problem = _found(
        _problems(datasets_copy), "evidence-mismatch", REACTIE_FILE, line, "sources.your_reference.start"
    )
    assert "start: 326, end: 344" in problem["hint"]


def test_a_quote_that_is_not_in_the_text(datasets_copy):
    line = _edit(datasets_copy / REACTIE_FILE, "quote: PZH-2019-678010037}", "quote: PZH-2019-999999999}")
    problem = _found(
        _problems(datasets_copy), "evidence-mismatch", REACTIE_FILE, line, "sources.your_reference.start"
    )
    assert "does not occur" in problem["hint"]


def test_evidence_in_a_shared_record_is_checked_against_the_letter_it_names(datasets_copy):
    line = _edit(
        datasets_copy / "people.yaml",
        "start: 2004, end: 2010, quote: E.R. J}",
        "start: 2004, end: 2010, quote: E.R.J.}",
    )
    _found(_problems(datasets_copy), "evidence-mismatch", "people.yaml", line, "sources.name.start")


def test_a_source_for_an_unknown_field_name(datasets_copy):
    line = _edit(datasets_copy / REACTIE_FILE, "  your_reference: {start", "  your_referense: {start")
    problem = _found(_problems(datasets_copy), "unknown-field", REACTIE_FILE, line, "sources.your_referense")
    assert "your_reference" in problem["hint"]


def test_a_confidence_out_of_range(datasets_copy):
    line = _edit(datasets_copy / REACTIE_FILE, "quote: E.R. J}", "quote: E.R. J, confidence: 1.5}")
    _found(
        _problems(datasets_copy),
        "invalid-value",
        REACTIE_FILE,
        line,
        "signatories.0.sources.person.confidence",
    )


def test_a_draft_without_the_tool_that_made_it(datasets_copy):
    _edit(datasets_copy / REACTIE_FILE, "kind: bijlage\n", "kind: bijlage\nstatus: draft\n")
    _found(_problems(datasets_copy), "missing-field", REACTIE_FILE, 1, "extracted_by")


def test_evidence_without_its_letter_in_a_shared_record(datasets_copy):
    line = _edit(
        datasets_copy / "people.yaml", "{letter: reactie-leidse-regio-2019-06-11, start: 2004", "{start: 2004"
    )
    _found(_problems(datasets_copy), "missing-field", "people.yaml", line, "sources.name.letter")


def test_a_statement_that_contradicts_its_quote(datasets_copy):
    path = datasets_copy / f"letters/{RIB}.yaml"
    line = _edit(path, "  kind: standpunt\n", "  kind: standpunt\n  statement: Iets anders.\n") + 1
    _found(
        _problems(datasets_copy), "statement-mismatch", f"letters/{RIB}.yaml", line, "positions.0.statement"
    )
