"""Ingested drafts publish: a folder of synthetic PDFs, and the README's ingest example, run for real."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .conftest import DATASETS, ROOT, published_graph, run_cli, run_main

LETTERS = 20  # synthetic PDFs


def test_a_folder_of_synthetic_pdfs_ingests_and_publishes_valid(tmp_path, drafts_copy):
    """Twenty letters hold what fifty did: both kinds, citations, dossier references, letters with and
    without a reference of their own or of the letter they answer."""
    into = drafts_copy
    rendered = run_main(
        "synth", "--letters", str(LETTERS), "--render", str(tmp_path / "in"), "--formats", "pdf"
    )
    assert rendered.returncode == 0, rendered.stderr
    # in its own process: ingest's two worker processes are not forked from this one
    ingested = run_cli("ingest", str(tmp_path / "in" / "pdf"), "--into", str(into), "--jobs", "2")
    assert ingested.returncode == 0, ingested.stderr
    drafts = [
        p
        for p in (into / "letters").glob("*.yaml")
        if yaml.safe_load(p.read_text(encoding="utf-8")).get("status") == "draft"
    ]
    assert len(drafts) >= LETTERS
    out = tmp_path / "dist"
    published = run_main(
        "publish", "--datasets", str(into), "--out", str(out), "--cache", str(tmp_path / "cache")
    )
    assert published.returncode == 0, published.stderr
    assert re.search(r"published (\d+) letters", published.stdout).group(1) == str(
        len(list((into / "letters").glob("*.yaml")))
    )
    assert run_main("verify", str(out)).returncode == 0
    assert "Conforms: True" in (out / "validation-report.txt").read_text(
        encoding="utf-8"
    ) or "sh:conforms true" in (out / "validation-report.ttl").read_text(encoding="utf-8")


def _readme_ingest_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Ingest", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_the_readme_ingest_example_runs(tmp_path):
    shutil.copytree(DATASETS, tmp_path / "datasets")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    commands = _readme_ingest_commands()
    assert [c.split()[1] for c in commands if c.startswith("opendata")] == [
        "synth",
        "ingest",
        "review",
        "publish",
    ]
    outputs = []
    for command in commands:
        if command.startswith("opendata "):
            command = f"{sys.executable} -m opendata {command[len('opendata ') :]}"
            if " publish " in command:
                command += f" --cache {tmp_path / 'cache'}"
        result = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, (command, result.stderr)
        outputs.append(result.stdout)
    assert "draft records" in outputs[2]
    assert (tmp_path / "dist" / "graph.ttl").is_file()
    letters = {p.stem for p in (tmp_path / "datasets" / "letters").glob("*.txt")}
    assert len(letters) == 2 + 2  # the seed's two texts and the two samples


def _letter_without_address_block(folder: Path) -> str:
    """A synthetic letter rendered to PDF with its address block left out; its plan id."""
    from opendata.synth import build_world, plan_letters
    from opendata.synth.render import compose, pdf_bytes

    world = build_world(1)
    plans = plan_letters(world, 1, 40)
    plan = next(p for p in plans if p.kind != "raadsinformatiebrief" and not p.attachments)
    letter = compose(world, plans, plan, 1)
    addressed = [block for block in letter.header if (block.x, block.y) == (20, 50)]
    assert len(addressed) == 1 and any(
        world.names[a] in " ".join(addressed[0].lines) for a in plan.addressees[:1]
    )
    letter.header.remove(addressed[0])
    folder.mkdir()
    (folder / "zonder-adres.pdf").write_bytes(pdf_bytes(letter))
    return plan.id


def test_a_letter_without_an_address_block_ingests_and_publishes(tmp_path, drafts_copy):
    """The addressees a text leaves open are declared unknown (not a blocking gap): the draft publishes."""
    into = drafts_copy
    _letter_without_address_block(tmp_path / "in")
    ingested = run_main("ingest", str(tmp_path / "in"), "--into", str(into))
    assert ingested.returncode == 0, ingested.stderr
    assert "draft-incomplete" not in ingested.stdout + ingested.stderr
    drafts = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (into / "letters").glob("*.yaml")]
    [draft] = [d for d in drafts if d.get("status") == "draft"]  # the seed has no drafts
    assert "addressees" not in draft and "addressees" in draft["unknown"]
    graph = published_graph(into, tmp_path)
    letter = next(
        line.split()[0]
        for line in graph.splitlines()
        if "<https://w3id.org/opendata-nl/def#unknownProperty>" in line
        and "<https://schema.org/recipient>" in line
    )
    assert f"{letter} <https://schema.org/recipient>" not in graph
