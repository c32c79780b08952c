"""Issue 7: `opendata synth` writes a realistic, valid, deterministic synthetic sources tree."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

from opendata.model.register import load_register
from opendata.synth import SHARED_FILES, generate

from .conftest import run_cli, run_main


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """2,000 letters: enough for every kind of letter, historic municipalities and mergers."""
    out = tmp_path_factory.mktemp("synth") / "datasets"
    generate(2000, out, seed=3)
    return out


def test_synthetic_corpus_validates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "datasets"
    result = run_main("synth", "--letters", "200", "--out", str(out), "--seed", "5")
    assert result.returncode == 0, result.stderr
    assert len(list((out / "letters").glob("*.yaml"))) == 200
    assert len(list((out / "letters").glob("*.txt"))) == 200
    result = run_main("validate", "--datasets", str(out))
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr, result.stderr
    assert "valid" in result.stdout


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    assert generate(60, tmp_path / "a", seed=7).written == 7 + 2 * 60
    generate(60, tmp_path / "b", seed=7)
    generate(60, tmp_path / "c", seed=8)
    first, again, other = _tree(tmp_path / "a"), _tree(tmp_path / "b"), _tree(tmp_path / "c")
    assert len(first) == 7 + 2 * 60
    assert first == again
    assert set(first) != set(other)  # other letters (ids carry sender and date)
    assert first["people.yaml"] != other["people.yaml"]


def test_letters_and_shared_files_do_not_depend_on_the_number_of_letters(tmp_path):
    generate(40, tmp_path / "small", seed=2)
    generate(90, tmp_path / "large", seed=2)
    small, large = _tree(tmp_path / "small"), _tree(tmp_path / "large")
    assert all(large.get(name) == content for name, content in small.items())
    assert len(large) - len(small) == 2 * 50


def test_historic_organisations_occur_only_within_their_lifetime(corpus):
    register = load_register()
    part_of = {o["id"]: o.get("part_of") for o in _load(corpus / "organisations.yaml")}
    historic_named, historic_behind = set(), set()
    for path in sorted((corpus / "letters").glob("*.yaml")):
        letter = _load(path)
        day = str(letter.get("date_sent") or letter["date_received"])
        named = [letter["sender"], *letter["addressees"]]
        behalf = [org for s in letter.get("signatories", []) for org in s["on_behalf_of"]]
        holders = [org for p in letter.get("positions", []) for org in p["held_by"]]
        for key in named + behalf + holders:
            code = key if key in register else part_of[key]
            org = register.get(code)
            assert org.existed_on(day), f"{path.name}: {code} ({org.lifetime()}) named on {day}"
            if org.end:
                (historic_named if key in named and key == code else historic_behind).add(code)
    assert len(historic_named) >= 5  # TOOI codes of historic municipalities as sender or addressee
    assert len(historic_behind) >= 20  # and through their colleges


def test_memberships_posts_and_meetings_lie_within_lifetimes(corpus):
    register = load_register()

    def within(code, start, end):
        org = register.get(code)
        return (not start or org.existed_on(str(start))) and (not end or org.existed_on(str(end)))

    memberships = _load(corpus / "memberships.yaml")
    for m in memberships:
        assert within(m["member"], m.get("start"), m.get("end")), m
    notes = [m.get("note", "") for m in memberships]
    assert any("na herindeling" in n for n in notes)  # a successor takes over a merged member
    assert any(n.startswith("uitgetreden") for n in notes)  # a municipality leaves
    assert any("end" in m and register.get(m["member"]).end for m in memberships)
    part_of = {o["id"]: o.get("part_of") for o in _load(corpus / "organisations.yaml")}
    for post in _load(corpus / "posts.yaml"):
        code = part_of.get(post["post_in"], post["post_in"])
        assert within(code, post["start"], post.get("end")), post
    for meeting in _load(corpus / "meetings.yaml"):
        day = str(meeting["date"])
        for code in meeting["participants"]:
            assert register.get(code).existed_on(day), (meeting["id"], code)


def test_citations_and_attachments_point_to_earlier_letters(corpus):
    letters = {}
    for path in sorted((corpus / "letters").glob("*.yaml")):
        letter = _load(path)
        day = str(letter.get("date_sent") or letter["date_received"])
        letters[letter["id"]] = (int(letter["id"].split("-", 1)[0]), day)
    cited = 0
    for path in sorted((corpus / "letters").glob("*.yaml")):
        letter = _load(path)
        number, day = letters[letter["id"]]
        for target in letter.get("cites", []) + letter.get("attachments", []):
            assert letters[target][0] < number and letters[target][1] < day, (letter["id"], target)
            cited += 1
    assert cited > 500


def test_positions_quote_the_text_at_their_offsets(corpus):
    positions = 0
    for path in sorted((corpus / "letters").glob("*.yaml"))[:300]:
        letter = _load(path)
        text = (corpus / "letters" / letter["text"]).read_text(encoding="utf-8")
        for position in letter.get("positions", []):
            assert text[position["start"] : position["end"]] == position["quote"] == position["statement"]
            positions += 1
    assert positions > 100


def test_overwrite_updates_only_what_changed(tmp_path):
    out = tmp_path / "datasets"
    generate(30, out, seed=4)
    again = generate(30, out, seed=4, overwrite=True)
    assert (again.written, again.removed) == (0, 0)
    fewer = generate(20, out, seed=4, overwrite=True)
    assert (fewer.written, fewer.removed) == (0, 20)
    generate(20, tmp_path / "fresh", seed=4)
    assert _tree(out) == _tree(tmp_path / "fresh")


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets" / "keep.txt").write_text("mine")
    result = run_cli("synth", "--letters", "5", "--out", str(tmp_path / "datasets"), cwd=tmp_path)
    assert result.returncode == 2
    assert "not empty" in result.stderr
    assert [p.name for p in (tmp_path / "datasets").iterdir()] == ["keep.txt"]


def test_shared_files_are_within_the_reader_limits(corpus):
    from opendata.sources.reading import MAX_YAML_BYTES

    for name in SHARED_FILES:
        assert (corpus / name).stat().st_size < MAX_YAML_BYTES * 0.8, name


def test_dates_never_after_the_window(corpus):
    last = datetime.date(2025, 12, 31)
    for path in sorted((corpus / "letters").glob("*.yaml")):
        letter = _load(path)
        for field in ("date_sent", "date_received"):
            assert letter.get(field) is None or letter[field] <= last


def test_worker_processes_write_the_same_bytes_as_one_process(corpus, tmp_path, monkeypatch):
    import opendata.synth

    assert opendata.synth.PARALLEL_FROM <= 2000  # the corpus fixture was written by worker processes
    monkeypatch.setattr(opendata.synth, "PARALLEL_FROM", 10**9)
    generate(2000, tmp_path / "one", seed=3)
    assert _tree(tmp_path / "one") == _tree(corpus)


# ---------------------------------------------------------------- a world limited to some provincies


def _province(register, code: str) -> str:
    org = register.get(code)
    return code if org.kind == "provincie" else org.province


def test_a_world_limited_to_provinces_holds_only_their_organisations(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "datasets"
    result = run_main(
        "synth",
        "--letters",
        "300",
        "--out",
        str(out),
        "--seed",
        "6",
        "--provinces",
        "pv29,pv28",
    )
    assert result.returncode == 0, result.stderr
    register, chosen = load_register(), {"pv28", "pv29"}
    memberships = _load(out / "memberships.yaml")
    collaborations = {m["organisation"] for m in memberships}
    assert len(collaborations) >= 10
    assert {register.get(code).kind for code in collaborations} == {"samenwerkingsorganisatie"}
    assert {_province(register, m["member"]) for m in memberships} == chosen
    part_of = {o["id"]: o["part_of"] for o in _load(out / "organisations.yaml")}
    assert {_province(register, code) for code in part_of.values()} == chosen

    def kept(key: str) -> bool:
        code = key if key in register else part_of[key]
        return code in collaborations or _province(register, code) in chosen

    for post in _load(out / "posts.yaml"):
        assert kept(post["post_in"]), post
    for meeting in _load(out / "meetings.yaml"):
        assert all(kept(code) for code in meeting["participants"] + meeting["organiser"]), meeting["id"]
    senders = set()
    for path in sorted((out / "letters").glob("*.yaml")):
        letter = _load(path)
        behalf = [org for s in letter.get("signatories", []) for org in s["on_behalf_of"]]
        holders = [org for p in letter.get("positions", []) for org in p["held_by"]]
        for key in [letter["sender"], *letter["addressees"], *behalf, *holders]:
            assert kept(key), (path.name, key)
        senders.add(letter["sender"] if letter["sender"] in collaborations else "local")
    assert "local" in senders and len(senders) > 5  # the gemeenten, provincies and collaborations write
    result = run_main("validate", "--datasets", str(out))
    assert result.returncode == 0, result.stderr
    assert "valid (300 letters" in result.stdout


def test_a_limited_world_is_the_same_for_the_same_seed_in_any_order_of_codes(tmp_path):
    generate(60, tmp_path / "a", seed=7, provinces=["pv24"])
    generate(60, tmp_path / "b", seed=7, provinces=["pv24"])
    generate(60, tmp_path / "c", seed=7, provinces=["pv26", "pv28"])
    generate(60, tmp_path / "d", seed=7, provinces=["pv28", "pv26"])
    generate(60, tmp_path / "whole", seed=7)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "c") == _tree(tmp_path / "d")
    whole, limited = _tree(tmp_path / "whole"), _tree(tmp_path / "a")
    assert len(limited["organisations.yaml"]) * 20 < len(whole["organisations.yaml"])


def test_an_unknown_province_code_is_a_usage_error_naming_the_provinces(tmp_path):
    out = tmp_path / "datasets"
    result = run_cli("synth", "--letters", "5", "--out", str(out), "--provinces", "pv24,pv99", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown province code pv99;" in result.stderr
    assert "pv24 (provincie Flevoland)" in result.stderr and "pv29 (provincie Zeeland)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_an_empty_province_list_is_a_usage_error_naming_the_provinces(tmp_path):
    out = tmp_path / "datasets"
    result = run_cli("synth", "--letters", "5", "--out", str(out), "--provinces", " , ", cwd=tmp_path)
    assert result.returncode == 2
    assert "no province code given;" in result.stderr and "pv24 (provincie Flevoland)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
