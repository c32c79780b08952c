"""The example queries in docs/queries/ run on the seed publication and give the expected answers."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from opendata.query import load_store, run

from .conftest import ROOT, run_cli

QUERIES = ROOT / "docs" / "queries"
BRIEF = "https://data.leidseregio.example/id/brief/"
GEMEENTE = "https://identifier.overheid.nl/tooi/id/gemeente/"
ID = "https://data.leidseregio.example/id/"
LEIDSE_REGIO = {GEMEENTE + c for c in ("gm0546", "gm0547", "gm0579", "gm0626", "gm0638")}


@pytest.fixture(scope="module")
def store(published) -> pyoxigraph.Store:
    return load_store(published)


def _rows(store, name: str, replace: tuple[str, str] | None = None) -> list[dict]:
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    solutions = run(store, text)
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


def test_gs_letters_to_the_leidse_regio_municipalities_in_2019(store):
    rows = _rows(store, "gs-letters-to-leidse-regio-2019")
    gs_letter = BRIEF + "gs-zuid-holland-2019-01-24-samenwerking-leidse-regio"
    assert {r["letter"] for r in rows} == {gs_letter}
    assert {r["date"] for r in rows} == {"2019-01-24"}  # known only as the date received
    assert {r["municipality"] for r in rows} == LEIDSE_REGIO
    assert {r["addressee"] for r in rows} == {ID + "organisatie/college-" + m[-6:] for m in LEIDSE_REGIO}


def test_gs_letters_in_another_year_are_not_found(store):
    assert _rows(store, "gs-letters-to-leidse-regio-2019", ("= 2019)", "= 2018)")) == []


def test_members_of_the_leidse_regio_on_a_date(store):
    rows = _rows(store, "leidse-regio-members-on-date")
    assert {r["member"] for r in rows} == LEIDSE_REGIO
    assert all(r["start"] is None and r["end"] is None for r in rows)  # the seed's memberships are undated


def test_economie71_partners_outside_the_leidse_regio(store):
    rows = _rows(store, "economie71-partners-outside-leidse-regio")
    assert {r["partner"] for r in rows} == {GEMEENTE + "gm0537", ID + "organisatie/onderwijsinstellingen-economie71",
                                            ID + "organisatie/ondernemersverenigingen-economie71"}
    assert {r["name"] for r in rows} >= {"gemeente Katwijk"}


def test_themes_named_as_joint_tasks(store):
    rows = _rows(store, "joint-task-themes")
    counts = {r["label"]: (int(r["positions"]), int(r["letters"])) for r in rows}
    assert counts == {"energietransitie": (2, 2), "woningbouwopgave": (2, 2), "bedrijventerreinenstrategie": (1, 1),
                      "jeugdzorg": (1, 1), "klimaatopgave": (1, 1), "Wmo": (1, 1)}
    assert [r["label"] for r in rows][:2] == ["energietransitie", "woningbouwopgave"]


def test_meetings_between_region_and_province_by_date(store):
    rows = _rows(store, "meetings-region-province")
    assert [(r["meeting"], r["date"]) for r in rows] == [
        (ID + "bijeenkomst/gesprek-gedeputeerde-2019-04-18", "2019-04-18"),
        (ID + "bijeenkomst/collegeconferentie-2019-06-11", "2019-06-11"),
    ]  # the raadsbijeenkomst of September 2019 had no one from the province
    assert set(rows[0]["mentionedIn"].split()) == {BRIEF + "reactie-leidse-regio-2019-06-11",
                                                   BRIEF + "raadsinformatiebrief-2019-samenwerking-leidse-regio"}


def test_membership_periods_are_respected_when_present(datasets_copy, tmp_path):
    """Leiden joins on 1 May 2019 and Zoeterwoude leaves on 31 March 2019 (made up, to test the queries)."""
    memberships = datasets_copy / "memberships.yaml"
    text = memberships.read_text(encoding="utf-8")
    for key, field in (("leidse-regio-gm0546", "start: 2019-05-01"), ("leidse-regio-gm0638", "end: 2019-03-31")):
        text = text.replace(f"- id: {key}\n", f"- id: {key}\n  {field}\n", 1)
    memberships.write_text(text, encoding="utf-8")
    result = run_cli("publish", "--datasets", str(datasets_copy), "--out", str(tmp_path / "dist"))
    assert result.returncode == 0, result.stderr
    store = load_store(tmp_path / "dist")

    def members_on(date: str) -> set[str]:
        rows = _rows(store, "leidse-regio-members-on-date", ('"2019-06-11"', f'"{date}"'))
        return {r["member"] for r in rows}

    assert members_on("2019-06-11") == LEIDSE_REGIO - {GEMEENTE + "gm0638"}
    assert members_on("2019-01-24") == LEIDSE_REGIO - {GEMEENTE + "gm0546"}
    assert members_on("2019-04-15") == LEIDSE_REGIO - {GEMEENTE + "gm0546", GEMEENTE + "gm0638"}
    assert members_on("2019-03-31") == LEIDSE_REGIO - {GEMEENTE + "gm0546"}  # the end date is the last day
    received_in_january = {r["municipality"] for r in _rows(store, "gs-letters-to-leidse-regio-2019")}
    assert received_in_january == LEIDSE_REGIO - {GEMEENTE + "gm0546"}


def test_every_documented_query_is_tested():
    tested = {"letters-citing-gs-letter", "leidse-regio-members", "positions-herindeling",
              "gs-letters-to-leidse-regio-2019", "leidse-regio-members-on-date",
              "economie71-partners-outside-leidse-regio", "joint-task-themes", "meetings-region-province"}
    assert {p.stem for p in QUERIES.glob("*.rq")} == tested


def test_every_documented_query_says_what_it_answers():
    for path in QUERIES.glob("*.rq"):
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name} needs a comment header"
