"""Ministries are TOOI organisations (TOOI's list of ministries, as the DiWoo value lists give it): a
letter a ministry writes or receives names it by its TOOI code in the draft, and the publication gives
it its TOOI IRI, typed as a ministry. A name TOOI gives two ministries ("ministerie van Economische
Zaken") or none ("ministerie van Infrastructuur en Milieu", 2010–2017) stays a name, drafted as before,
and a dataset's own record of a ministry is kept. The scorer takes a fact written by the register's
name and one written by the code as the same organisation. Letters written for the test (invented
people)."""

from __future__ import annotations

import pytest
import yaml

from opendata.ingest.drafts import Index, Resolver, build_record
from opendata.ingest.extract import extract
from opendata.ingest.score import Scores, comparable
from opendata.model.register import load_register

from .conftest import run_cli, run_main

_LETTER = (
    "{ministry}\n\n> Retouradres Postbus 20011 2500 EA Den Haag\n\n"
    "Aan het college van burgemeester en wethouders van Zwolle\nPostbus 10007\n8000 GA Zwolle\n\n"
    "Datum 3 maart {year}\nBetreft Subsidie voor de fietsenstalling bij het station\n\n"
    "Geacht college,\n\nHierbij ontvangt u het besluit over uw aanvraag.\n\nHoogachtend,\n\n"
    "{post},\n\nA.B. Verkerk\n"
)


def _letter(ministry: str, post: str, year: int = 2021) -> str:
    return _LETTER.format(ministry=ministry, post=post, year=year)


@pytest.mark.parametrize(
    "name, code",
    [
        ("ministerie van Financiën", "mnre1090"),
        ("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "mnre1034"),
        ("ministerie van Verkeer en Waterstaat", "mnre0170"),  # historic: TOOI keeps it
        ("ministerie van Economische Zaken", None),  # two ministries of that name in TOOI
        ("ministerie van Infrastructuur en Milieu", None),  # not in TOOI's list
        ("ministerie van", None),
    ],
)
def test_the_register_names_the_ministries(name, code):
    register = load_register()
    assert register.named(name) == code
    if code:
        assert register[code].kind == "ministerie"
        assert register[code].uri == f"https://identifier.overheid.nl/tooi/id/ministerie/{code}"


@pytest.mark.parametrize(
    "ministry, post, code",
    [
        (
            "Ministerie van Infrastructuur en Waterstaat",
            "De Staatssecretaris van Infrastructuur en Waterstaat",
            "mnre1130",
        ),
        ("Ministerie van Financiën", "De Minister van Financiën", "mnre1090"),
        (
            "Ministerie van Volksgezondheid, Welzijn en Sport",
            "De minister voor Medische Zorg",
            "mnre1025",
        ),
    ],
)
def test_a_ministrys_letter_names_it_by_its_tooi_code(ministry, post, code):
    resolver = Resolver(Index([], [], set(), {}, {}))
    record = build_record(extract(_letter(ministry, post)), "brief", resolver, [], [])
    assert record["sender"] == code
    assert all("ministerie" not in str(o["name"]).lower() for o in resolver.new_organisations)


def test_a_ministry_tooi_lacks_is_drafted_by_name():
    resolver = Resolver(Index([], [], set(), {}, {}))
    record = build_record(
        extract(
            _letter(
                "Ministerie van Infrastructuur en Milieu", "De Minister van Infrastructuur en Milieu", 2014
            )
        ),
        "brief",
        resolver,
        [],
        [],
    )
    (drafted,) = [o for o in resolver.new_organisations if o["id"] == record["sender"]]
    assert drafted["name"] == "ministerie van Infrastructuur en Milieu"


def test_a_datasets_own_record_of_the_ministry_is_kept():
    own = {"id": "minfin", "name": "ministerie van Financiën", "kind": "overheidsorganisatie"}
    resolver = Resolver(Index([own], [], set(), {}, {}))
    record = build_record(
        extract(_letter("Ministerie van Financiën", "De Minister van Financiën")), "brief", resolver, [], []
    )
    assert record["sender"] == "minfin"


def test_a_ministrys_letter_publishes_with_the_tooi_iri(tmp_path, drafts_copy):
    into = drafts_copy
    letters = tmp_path / "in"
    letters.mkdir()
    (letters / "besluit.txt").write_text(
        _letter("Ministerie van Financiën", "De Minister van Financiën"), encoding="utf-8"
    )
    ingested = run_cli("ingest", str(letters), "--into", str(into))
    assert ingested.returncode == 0, ingested.stderr
    records = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in (into / "letters").glob("*.yaml")]
    (letter,) = [record for record in records if record.get("status") == "draft"]
    assert letter["sender"] == "mnre1090"
    published = run_main("publish", "--datasets", str(into), "--out", str(tmp_path / "dist"), "--no-cache")
    assert published.returncode == 0, published.stderr
    graph = (tmp_path / "dist" / "graph.nt").read_text(encoding="utf-8")
    iri = "<https://identifier.overheid.nl/tooi/id/ministerie/mnre1090>"
    assert (
        f"{iri} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://identifier.overheid.nl/tooi/def/ont/Ministerie> ."
        in graph
    )


def test_the_scorer_takes_the_registers_name_as_its_code():
    assert comparable("sender", "ministerie van Financiën") == comparable("sender", "mnre1090")
    assert comparable("addressees", ["Ministerie van Defensie"]) == frozenset({"mnre1018"})
    assert comparable("sender", "ministerie van Economische Zaken") != comparable("sender", "mnre1040")
    scores = Scores()
    scores.add({"sender": "mnre1130"}, {"sender": "ministerie van Infrastructuur en Waterstaat"})
    assert scores.fields["sender"].exact == 1
