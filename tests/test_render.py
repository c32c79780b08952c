"""`opendata synth --render`: synthetic letters as files, each with its truth; deterministic per seed."""

from __future__ import annotations

import random

import yaml

from opendata.ingest.score import FIELDS, Scores
from opendata.model.register import load_register
from opendata.synth.render import LAYOUTS, noisy_text, rendered_letters
from opendata.synth.world import build_world

from .conftest import run_cli


def _tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_render_is_deterministic_per_seed_and_gives_truths(tmp_path):
    for out in ("a", "b"):
        result = run_cli(
            "synth", "--letters", "4", "--render", str(tmp_path / out), "--formats", "pdf,noisy,docx,text"
        )
        assert result.returncode == 0, result.stderr
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert first == second and len(first) == 4 * 4 * 2
    truth = yaml.safe_load(
        (
            tmp_path
            / "a"
            / "pdf"
            / sorted(p for p in first if p.startswith("pdf/") and p.endswith(".yaml"))[0].split("/")[1]
        ).read_text()
    )
    assert (
        truth["source"] == "synth"
        and truth["text"].endswith(".pdf")
        and truth["sender"]
        and truth["addressees"]
    )
    other = run_cli(
        "synth", "--letters", "4", "--render", str(tmp_path / "c"), "--formats", "text", "--seed", "2"
    )
    assert other.returncode == 0 and _tree(tmp_path / "c") != {
        k: v for k, v in first.items() if k.startswith("text/")
    }


def test_unknown_rendering_is_a_usage_error(tmp_path):
    result = run_cli("synth", "--letters", "1", "--render", str(tmp_path), "--formats", "fax")
    assert result.returncode == 2 and "fax" in result.stderr


def test_layouts_vary_and_truth_matches_the_text():
    _, letters = rendered_letters(60, 1)
    assert {letter.layout for letter in letters} == set(LAYOUTS)
    for letter in letters:
        flat = " ".join(letter.text().split())
        assert letter.truth["subject"] in flat
        if letter.truth["our_reference"]:
            assert letter.truth["our_reference"] in flat
        for signatory in letter.truth["signatories"]:
            assert signatory["name"] in flat


def test_noise_is_seeded_and_changes_the_text():
    _, letters = rendered_letters(3, 1)
    text = letters[0].text()
    assert noisy_text(text, random.Random(1)) == noisy_text(text, random.Random(1)) != text


def test_truth_scores_perfectly_against_itself():
    _, letters = rendered_letters(20, 1)
    scores = Scores()
    for letter in letters:
        scores.add(letter.truth, letter.truth)
    assert all(scores.fields[name].exact_rate == 1.0 and scores.fields[name].invented == 0 for name in FIELDS)
    wrong = Scores()
    wrong.add(
        {"date_sent": "2019-06-12", "addressees": ["gm0546", "pv28"], "your_reference": "pzh 2019 1"},
        {"date_sent": "2019-06-11", "addressees": ["pv28"], "your_reference": "PZH20191"},
    )
    assert wrong.fields["date_sent"].exact == 0 and wrong.fields["addressees"].precision == 0.5
    assert wrong.fields["addressees"].recall == 1.0 and wrong.fields["your_reference"].exact == 1


def test_renderings_of_a_world_limited_to_provinces_name_only_its_organisations(tmp_path):
    """--provinces works with --render as with --out: the letters come from that smaller world."""
    register = load_register()
    result = run_cli(
        "synth", "--letters", "6", "--render", str(tmp_path / "r"), "--formats", "text", "--provinces", "pv24"
    )
    assert result.returncode == 0, result.stderr
    truths = [yaml.safe_load(p.read_text()) for p in sorted((tmp_path / "r" / "text").glob("*.yaml"))]
    assert len(truths) == 6
    world = build_world(1, ["pv24"])
    for truth in truths:
        for key in [truth["sender"], *truth["addressees"]]:
            code = world.party[key]
            org = register.get(code)
            assert code == "pv24" or org.province == "pv24" or org.kind == "samenwerkingsorganisatie", key
    unknown = run_cli("synth", "--letters", "1", "--render", str(tmp_path / "u"), "--provinces", "pv99")
    assert (
        unknown.returncode == 2
        and "pv99" in unknown.stderr
        and "pv24 (provincie Flevoland)" in unknown.stderr
    )
    assert not (tmp_path / "u").exists()
