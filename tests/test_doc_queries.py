"""The example queries in docs/queries/ run on the seed publication and give the expected answers."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from .conftest import ROOT

QUERIES = ROOT / "docs" / "queries"
BRIEF = "https://data.leidseregio.example/id/brief/"
GEMEENTE = "https://identifier.overheid.nl/tooi/id/gemeente/"


@pytest.fixture(scope="module")
def store(published) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.bulk_load(path=str(published / "graph.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def _rows(store, name: str) -> list[dict]:
    solutions = store.query((QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
    variables = [v.value for v in solutions.variables]
    return [{v: (s[v].value if s[v] is not None else None) for v in variables} for s in solutions]


def test_letters_citing_the_gs_letter(store):
    rows = _rows(store, "letters-citing-gs-letter")
    assert {r["letter"] for r in rows} == {BRIEF + "raadsinformatiebrief-2019-samenwerking-leidse-regio",
                                          BRIEF + "reactie-leidse-regio-2019-06-11"}


def test_members_of_the_leidse_regio(store):
    rows = _rows(store, "leidse-regio-members")
    assert {r["member"] for r in rows} == {GEMEENTE + c for c in ("gm0546", "gm0547", "gm0579", "gm0626", "gm0638")}


def test_positions_about_bestuurlijke_herindeling_with_quote_and_source(store, published):
    rows = _rows(store, "positions-herindeling")
    assert rows
    assert any("bestuurlijke herindeling is niet aan de orde" in r["statement"] for r in rows)
    for row in rows:
        assert row["letter"].startswith(BRIEF)
        text = (published / "tekst" / Path(row["source"]).name).read_text(encoding="utf-8")
        assert text[int(row["start"]):int(row["end"])] == row["statement"]


def test_every_documented_query_is_tested():
    tested = {"letters-citing-gs-letter", "leidse-regio-members", "positions-herindeling"}
    assert {p.stem for p in QUERIES.glob("*.rq")} >= tested
