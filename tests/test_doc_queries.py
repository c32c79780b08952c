"""The example queries in docs/queries/ run on the seed publication and give the expected answers."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

import pyoxigraph
import pytest
from SPARQLWrapper import SPARQLWrapper

from opendata.outputs.csv_cells import unprotect
from opendata.query.store import load_store, run

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
    assert {r["letter"] for r in rows} == {
        BRIEF + "raadsinformatiebrief-2019-samenwerking-leidse-regio",
        BRIEF + "reactie-leidse-regio-2019-06-11",
    }


def test_members_of_the_leidse_regio(store):
    rows = _rows(store, "leidse-regio-members")
    assert {r["member"] for r in rows} == {
        GEMEENTE + c for c in ("gm0546", "gm0547", "gm0579", "gm0626", "gm0638")
    }


def test_positions_about_bestuurlijke_herindeling_with_quote_and_source(store, published):
    rows = _rows(store, "positions-herindeling")
    assert rows
    assert any("bestuurlijke herindeling is niet aan de orde" in r["statement"] for r in rows)
    for row in rows:
        assert row["letter"].startswith(BRIEF)
        text = (published / "tekst" / Path(row["source"]).name).read_text(encoding="utf-8")
        assert text[int(row["start"]) : int(row["end"])] == row["quote"]
        assert row["statement"].split()[:3] == row["quote"].split()[:3]  # the quote as searchable text


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
    assert {r["partner"] for r in rows} == {
        GEMEENTE + "gm0537",
        ID + "organisatie/onderwijsinstellingen-economie71",
        ID + "organisatie/ondernemersverenigingen-economie71",
    }
    assert {r["name"] for r in rows} >= {"gemeente Katwijk"}


def test_themes_named_as_joint_tasks(store):
    rows = _rows(store, "joint-task-themes")
    counts = {r["label"]: (int(r["positions"]), int(r["letters"])) for r in rows}
    assert counts == {
        "energietransitie": (2, 2),
        "woningbouwopgave": (2, 2),
        "bedrijventerreinenstrategie": (1, 1),
        "jeugdzorg": (1, 1),
        "klimaatopgave": (1, 1),
        "Wmo": (1, 1),
    }
    assert [r["label"] for r in rows][:2] == ["energietransitie", "woningbouwopgave"]


def test_meetings_between_region_and_province_by_date(store):
    rows = _rows(store, "meetings-region-province")
    assert [(r["meeting"], r["date"]) for r in rows] == [
        (ID + "bijeenkomst/gesprek-gedeputeerde-2019-04-18", "2019-04-18"),
    ]  # the raadsbijeenkomst of September 2019 had no one from the province, and at the collegeconferentie
    # of 11 June 2019 an official stood in for the gedeputeerde: the province did not attend (issue 12, item 8)
    assert set(rows[0]["mentionedIn"].split()) == {
        BRIEF + "reactie-leidse-regio-2019-06-11",
        BRIEF + "raadsinformatiebrief-2019-samenwerking-leidse-regio",
    }


def test_membership_periods_are_respected_when_present(datasets_copy, tmp_path):
    """Leiden joins on 1 May 2019 and Zoeterwoude leaves on 31 March 2019 (made up, to test the queries)."""
    memberships = datasets_copy / "memberships.yaml"
    text = memberships.read_text(encoding="utf-8")
    for key, field in (
        ("leidse-regio-gm0546", "start: 2019-05-01"),
        ("leidse-regio-gm0638", "end: 2019-03-31"),
    ):
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
    tested = {
        "letters-citing-gs-letter",
        "leidse-regio-members",
        "positions-herindeling",
        "gs-letters-to-leidse-regio-2019",
        "leidse-regio-members-on-date",
        "economie71-partners-outside-leidse-regio",
        "joint-task-themes",
        "meetings-region-province",
    }
    tested_in_test_fact_sources = {"facts-by-review-status", "facts-by-source-kind"}
    assert {p.stem for p in QUERIES.glob("*.rq")} == tested | set(
        ANY_PUBLICATION
    ) | tested_in_test_fact_sources


# ---------------------------------------------------------------- queries that answer on any publication
#
# Their expected answers are computed from the CSV tables of the same publication (read with the csv
# module, not SPARQL), on the seed and on a synthetic corpus of 80 letters in Flevoland's world (its 6
# gemeenten, 4 collaborations whose memberships change, letters of some 20 correspondents).

ANY_PUBLICATION = (
    "letters-per-sender-per-year",
    "busiest-correspondents",
    "members-on-date",
    "positions-about-theme",
)
SYNTHETIC_LETTERS = 80
SYNTHETIC_PROVINCES = "pv24"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synthetic")
    made = run_cli(
        "synth",
        "--letters",
        str(SYNTHETIC_LETTERS),
        "--out",
        str(root / "datasets"),
        "--provinces",
        SYNTHETIC_PROVINCES,
    )
    assert made.returncode == 0, made.stderr
    result = run_cli(
        "publish",
        "--datasets",
        str(root / "datasets"),
        "--out",
        str(root / "dist"),
        "--cache",
        str(root / "cache"),
    )
    assert result.returncode == 0, result.stderr
    return root / "dist"


def _table(dist: Path, name: str) -> list[dict]:
    with open(dist / "data" / f"{name}.csv", encoding="utf-8", newline="") as stream:
        return [{k: unprotect(v) for k, v in row.items()} for row in csv.DictReader(stream)]


def _iris(dist: Path, name: str) -> dict[str, str]:
    return {row["id"]: row["iri"] for row in _table(dist, name)}


def _expected_letters_per_sender_per_year(dist: Path) -> Counter:
    counts = Counter()
    for row in _table(dist, "letters"):
        if row["sender_iri"]:
            date = row["date_sent"] or row["date_received"]
            counts[(row["sender_iri"], date[:4] if date else None)] += 1
    return counts


def _expected_busiest(dist: Path) -> list[tuple]:
    letters = _iris(dist, "letters")
    sent, received = defaultdict(set), defaultdict(set)
    for row in _table(dist, "letters"):
        if row["sender_iri"]:
            sent[row["sender_iri"]].add(row["id"])
    for row in _table(dist, "letters_addressees"):
        received[row["addressees_iri"]].add(row["letter"])
    assert set().union(*sent.values(), *received.values()) <= set(letters)
    rows = [
        (org, len(sent[org]), len(received[org]), len(sent[org] | received[org]))
        for org in set(sent) | set(received)
    ]
    return sorted(rows, key=lambda r: (-r[3], r[0]))[:10]


def _expected_members(dist: Path, date: str) -> set[tuple]:
    return {
        (row["organisation_iri"], row["member_iri"], row["role"])
        for row in _table(dist, "memberships")
        if (not row["start"] or row["start"] <= date) and (not row["end"] or row["end"] >= date)
    }


def _expected_positions_about(dist: Path, theme_name: str) -> set[tuple]:
    themes = _table(dist, "themes")
    wanted = {row["id"] for row in themes if row["name"] == theme_name}
    while True:  # and every narrower theme, however deep
        narrower = {row["id"] for row in themes if row["broader"] in wanted} - wanted
        if not narrower:
            break
        wanted |= narrower
    positions = {row["id"]: row for row in _table(dist, "positions")}
    letters = _iris(dist, "letters")
    about = {row["position"] for row in _table(dist, "positions_about") if row["about"] in wanted}
    return {
        (
            positions[p]["iri"],
            row["held_by_iri"],
            letters[positions[p]["letter"]],
            positions[p]["date"] or None,
        )
        for row in _table(dist, "positions_held_by")
        for p in [row["position"]]
        if p in about
    }


def _check_letters_per_sender_per_year(dist: Path) -> int:
    rows = _rows(load_store(dist), "letters-per-sender-per-year")
    got = Counter({(r["sender"], r["year"]): int(r["letters"]) for r in rows})
    assert len(got) == len(rows)  # one row per sender and year
    assert got == _expected_letters_per_sender_per_year(dist)
    return len(rows)


def _check_busiest(dist: Path) -> int:
    rows = _rows(load_store(dist), "busiest-correspondents")
    got = [
        (r["organisation"], int(r["sentLetters"]), int(r["receivedLetters"]), int(r["letters"])) for r in rows
    ]
    assert got == _expected_busiest(dist)
    return len(rows)


def _check_members_on(dist: Path, date: str) -> int:
    rows = _rows(load_store(dist), "members-on-date", ('"2020-01-01"', f'"{date}"'))
    got = {(r["collaboration"], r["member"], r["role"].rsplit("#", 1)[-1]) for r in rows}
    assert len(got) == len(rows)
    assert got == _expected_members(dist, date)
    return len(rows)


def _check_positions_about(dist: Path, theme: str) -> int:
    rows = _rows(load_store(dist), "positions-about-theme", ('"energietransitie"', f'"{theme}"'))
    got = {(r["position"], r["holder"], r["letter"], r["date"]) for r in rows}
    assert len(got) == len(rows)
    assert got == _expected_positions_about(dist, theme)
    return len(rows)


def test_letters_per_sender_per_year_on_the_seed(published):
    assert _check_letters_per_sender_per_year(published) == 2  # GS in 2019; the five colleges in 2019


def test_letters_per_sender_per_year_on_a_synthetic_corpus(synthetic):
    assert _check_letters_per_sender_per_year(synthetic) > 20


def test_busiest_correspondents_on_the_seed(published):
    rows = _rows(load_store(published), "busiest-correspondents")
    assert rows[0]["organisation"] == ID + "organisatie/gs-pv28"  # sent the GS letter, received the reactie
    assert _check_busiest(published) == 8


def test_busiest_correspondents_on_a_synthetic_corpus(synthetic):
    assert _check_busiest(synthetic) == 10


def test_members_on_a_date_on_the_seed(published):
    assert _check_members_on(published, "2020-01-01") > 5  # the seed's memberships are undated: all count


@pytest.mark.parametrize(
    "date", ["2016-12-31", "2017-01-01", "2020-01-01", "2021-07-18", "2021-07-19", "2030-01-01"]
)
def test_members_on_a_date_on_a_synthetic_corpus(synthetic, date):
    _check_members_on(synthetic, date)


def test_members_change_with_the_date_on_a_synthetic_corpus(synthetic):
    counts = {date: _check_members_on(synthetic, date) for date in ("2016-12-31", "2020-01-01", "2030-01-01")}
    assert len(set(counts.values())) > 1, counts  # the synthetic memberships begin and end


@pytest.mark.parametrize("theme", ["energietransitie", "woningbouwopgave", "no such theme"])
def test_positions_about_a_theme_on_the_seed(published, theme):
    found = _check_positions_about(published, theme)
    assert (found > 0) == (theme != "no such theme")


@pytest.mark.parametrize("theme", ["energietransitie", "woningbouwopgave"])
def test_positions_about_a_theme_on_a_synthetic_corpus(synthetic, theme):
    assert _check_positions_about(synthetic, theme) > 0


def test_every_documented_query_says_what_it_answers():
    for path in QUERIES.glob("*.rq"):
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name} needs a comment header"


UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


def _comments(text: str) -> list[str]:
    """The comment of every line: from a `#` that stands outside an IRI (`<...#...>`) to the end of the line."""
    return [
        match.group(1)
        for line in text.splitlines()
        for match in [re.search(r"(?:^|\s)#(.*)$", line)]
        if match
    ]


def test_no_example_query_comment_names_an_update_keyword():
    """SPARQL clients guess the query form from the text, comments included: SPARQLWrapper 2.0 read
    "addressee" as ADD and sent busiest-correspondents.rq as an update (the endpoint answers 403)."""
    words = re.compile(r"\b(" + "|".join(UPDATE_KEYWORDS) + r")\b", re.IGNORECASE)
    for path in sorted(QUERIES.glob("*.rq")):
        for comment in _comments(path.read_text(encoding="utf-8")):
            assert not words.search(comment), f"{path.name}: {comment!r}"


def test_sparqlwrapper_sends_every_example_query_as_a_select():
    for path in sorted(QUERIES.glob("*.rq")):
        client = SPARQLWrapper("http://127.0.0.1:9/sparql")  # never contacted: only the query form is read
        client.setQuery(path.read_text(encoding="utf-8"))
        assert client.queryType == "SELECT" and not client.isSparqlUpdateRequest(), path.name


def _projected_keys(text: str) -> set[str]:
    """The variables a row is made of: the plain projected ones (aggregates `(... AS ?x)` are functions of them)."""
    projection = re.search(r"\bSELECT\b(.*?)\bWHERE\b", text, re.DOTALL | re.IGNORECASE).group(1)
    aliases = set(re.findall(r"\bAS\s+\?(\w+)", projection, re.IGNORECASE))
    plain = re.sub(r"\((?:[^()]|\([^()]*\))*\)", " ", projection)  # drop the (aggregate AS ?x) parts
    return set(re.findall(r"\?(\w+)", plain)) - aliases


def test_every_example_query_orders_its_rows_totally():
    """Two engines (the Oxigraph server, `opendata query`) give rows in the same order only under a total
    ORDER BY: every projected variable that is not an aggregate appears in it."""
    for path in sorted(QUERIES.glob("*.rq")):
        text = "\n".join(
            line.split(" #")[0]
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")
        )
        order = re.search(r"\bORDER\s+BY\b(.*?)(?:\bLIMIT\b|\bOFFSET\b|$)", text, re.DOTALL | re.IGNORECASE)
        assert order, f"{path.name} has no ORDER BY"
        missing = _projected_keys(text) - set(re.findall(r"\?(\w+)", order.group(1)))
        assert not missing, f"{path.name}: ORDER BY lacks {sorted(missing)}"
