"""Bodies that sign one letter together, each under its own board's line with its own signers (the
municipalities answer jointly, as the seed's five colleges do): the extractor gives each member and the
group named after them; ingest drafts the group as a collaboration with each member's membership, as the
curated records hold "de vijf colleges van de Leidse regio", and the drafts publish. A letter one board
signs, or two lines of the same board, is no joint letter. Letters written for the test (invented people,
real municipalities' and provinces' names)."""

from __future__ import annotations

import pytest
import yaml

from opendata.ingest.bench import drafted
from opendata.ingest.drafts import Index, Resolver, build_record
from opendata.ingest.extract import extract

from .conftest import run_cli, run_main

_HEAD = (
    "Aan Gedeputeerde Staten van Zuid-Holland\nPostbus 90602\n2509 LP Den Haag\n\n"
    "Datum 4 april 2022\nOnderwerp: Gezamenlijke reactie op de woningbouwafspraken\n\n"
    "Geacht college,\n\nMet deze brief reageren wij gezamenlijk op uw voorstel.\n\nMet vriendelijke groet,\n\n"
)
_BLOCK = "{board} van {place},\nde secretaris, de burgemeester,\n{secretary} {mayor}\n\n"
_PEOPLE = [("A. Jansen", "C. de Vries"), ("B. Pieters", "D. Smit"), ("E. Bakker", "F. Visser")]


def _joint(board: str, places: list[str]) -> str:
    blocks = [
        _BLOCK.format(board=board, place=place, secretary=secretary, mayor=mayor)
        for place, (secretary, mayor) in zip(places, _PEOPLE, strict=False)
    ]
    return _HEAD + "".join(blocks)


@pytest.mark.parametrize(
    "places, codes",
    [
        (["Teylingen", "Lisse", "Hillegom"], ["gm0534", "gm0553", "gm1525"]),
        (["Leiden", "Leiderdorp"], ["gm0546", "gm0547"]),
    ],
)
def test_colleges_that_sign_together_are_the_senders(places, codes):
    text = _joint("Het college van burgemeester en wethouders", places)
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == codes
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    assert len(facts["signatories"]) == 2 * len(places)
    sender = extract(text).sender
    assert sender.value == "colleges van burgemeester en wethouders van " + (
        ", ".join(places[:-1]) + " en " + places[-1]
    )


def test_boards_of_different_kinds_sign_together_without_one_body():
    text = _HEAD + (
        "Gedeputeerde Staten van Utrecht,\nde secretaris, de voorzitter,\nA. Jansen C. de Vries\n\n"
        "Het college van burgemeester en wethouders van Utrecht,\nde secretaris, de burgemeester,\n"
        "B. Pieters D. Smit\n"
    )
    facts = drafted(text)
    assert facts is not None
    assert facts["sender"] == ["gm0344", "pv26"] and facts["sender_body"] is None


@pytest.mark.parametrize(
    "blocks",
    [
        # one board signs
        "Het college van burgemeester en wethouders van Lisse,\nde secretaris, de burgemeester,\nB. Pieters D. Smit\n",
        # the same board's line twice (its formula above and under the names) is one body
        "Het college van burgemeester en wethouders van Lisse,\nde secretaris, de burgemeester,\nB. Pieters D. Smit\n"
        "\nHet college van burgemeester en wethouders van Lisse,\n",
    ],
)
def test_one_board_is_no_joint_letter(blocks):
    facts = drafted(_HEAD + blocks)
    assert facts is not None and facts["sender"] == "gm0553"


def test_ingest_drafts_the_group_and_its_memberships():
    resolver = Resolver(Index([], [], set(), {}, {}))
    record = build_record(
        extract(_joint("Het college van burgemeester en wethouders", ["Teylingen", "Lisse"])),
        "brief",
        resolver,
        [],
        [],
    )
    (group,) = [o for o in resolver.new_organisations if o["kind"] == "samenwerkingsverband"]
    assert record["sender"] == group["id"]
    assert group["name"] == "colleges van burgemeester en wethouders van Teylingen en Lisse"
    assert {m["member"] for m in resolver.new_memberships} == {"college-gm1525", "college-gm0553"}
    assert all(m["organisation"] == group["id"] and m["role"] == "lid" for m in resolver.new_memberships)
    assert all(m["status"] == "draft" for m in resolver.new_memberships)


def test_a_group_the_dataset_knows_is_not_drafted_again():
    known = {
        "id": "colleges-teylingen-lisse",
        "name": "colleges van burgemeester en wethouders van Teylingen en Lisse",
        "kind": "samenwerkingsverband",
    }
    resolver = Resolver(Index([known], [], set(), {}, {}))
    record = build_record(
        extract(_joint("Het college van burgemeester en wethouders", ["Teylingen", "Lisse"])),
        "brief",
        resolver,
        [],
        [],
    )
    assert record["sender"] == "colleges-teylingen-lisse"
    assert resolver.new_memberships == [] and all(
        o["kind"] != "samenwerkingsverband" for o in resolver.new_organisations
    )


def test_a_joint_letter_ingests_once_and_publishes(tmp_path, drafts_copy):
    into = drafts_copy
    letters = tmp_path / "in"
    letters.mkdir()
    (letters / "joint.txt").write_text(
        _joint("Het college van burgemeester en wethouders", ["Teylingen", "Lisse", "Hillegom"]),
        encoding="utf-8",
    )
    for _ in range(2):  # the second run is a no-op: no membership drafted twice
        ingested = run_cli("ingest", str(letters), "--into", str(into))
        assert ingested.returncode == 0, ingested.stderr
    memberships = yaml.safe_load((into / "memberships.yaml").read_text(encoding="utf-8"))
    drafted_memberships = [m for m in memberships if m.get("status") == "draft"]
    assert len(drafted_memberships) == 3
    published = run_main("publish", "--datasets", str(into), "--out", str(tmp_path / "dist"), "--no-cache")
    assert published.returncode == 0, published.stderr
    assert "colleges-van-burgemeester-en-wethouders-van" in (tmp_path / "dist" / "graph.nt").read_text(
        encoding="utf-8"
    )


_ASSOCIATIONS = (
    "Van: Bewonersvereniging “De Kade”\nHavenstraat 4\n1011 AA Amsterdam\n"
    "Van: Vereniging Vrienden van het Westerpark\nParkweg 9\n1051 AB Amsterdam\n"
    "Aan: Gemeenteraad van Amsterdam\nPostbus 202\n1000 AE Amsterdam\n"
    "Betreft: Verzoek om informatie\nAmsterdam, 4 april 2023\n\nGeachte heer, mevrouw,\n\n"
    "Wij verzoeken u ons de stukken over het plan te sturen.\n\nMet vriendelijke groet,\n\nDe besturen\n"
)


def test_associations_on_from_lines_write_together():
    facts = drafted(_ASSOCIATIONS)
    assert facts is not None
    assert facts["sender"] == ["Bewonersvereniging “De Kade”", "Vereniging Vrienden van het Westerpark"]
    resolver = Resolver(Index([], [], set(), {}, {}))
    record = build_record(extract(_ASSOCIATIONS), "brief", resolver, [], [])
    kinds = {o["id"]: o["kind"] for o in resolver.new_organisations}
    assert kinds[record["sender"]] == "samenwerkingsverband"
    members = [m["member"] for m in resolver.new_memberships]
    assert len(members) == 2 and all(kinds[m] == "organisatie" for m in members)


def test_one_association_on_a_from_line_writes_alone():
    one = _ASSOCIATIONS.replace("Van: Vereniging Vrienden van het Westerpark\n", "")
    facts = drafted(one)
    assert facts is not None and facts["sender"] == "Bewonersvereniging “De Kade”"


def test_an_emails_from_lines_are_no_joint_writers():
    mail = _ASSOCIATIONS.replace("Havenstraat 4\n", "Verzonden: dinsdag 4 april 2023 10:12\n")
    facts = drafted(mail)
    assert facts is None or not isinstance(facts["sender"], list)
