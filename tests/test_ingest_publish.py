"""Ingested drafts publish: a folder of synthetic PDFs, and the README's ingest example, run for real."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .conftest import DATASETS, ROOT, run_cli


def test_a_folder_of_synthetic_pdfs_ingests_and_publishes_valid(tmp_path):
    into = tmp_path / "datasets"
    shutil.copytree(DATASETS, into)
    with (into / "publication.yaml").open("a", encoding="utf-8") as handle:
        handle.write("include_drafts: true\n")
    rendered = run_cli("synth", "--letters", "50", "--render", str(tmp_path / "in"), "--formats", "pdf")
    assert rendered.returncode == 0, rendered.stderr
    ingested = run_cli("ingest", str(tmp_path / "in" / "pdf"), "--into", str(into), "--jobs", "2")
    assert ingested.returncode == 0, ingested.stderr
    drafts = [p for p in (into / "letters").glob("*.yaml")
              if yaml.safe_load(p.read_text(encoding="utf-8")).get("status") == "draft"]
    assert len(drafts) >= 50
    out = tmp_path / "dist"
    published = run_cli("publish", "--datasets", str(into), "--out", str(out), "--cache", str(tmp_path / "cache"))
    assert published.returncode == 0, published.stderr
    assert re.search(r"published (\d+) letters", published.stdout).group(1) == str(len(list(
        (into / "letters").glob("*.yaml"))))
    assert run_cli("verify", str(out)).returncode == 0
    assert "Conforms: True" in (out / "validation-report.txt").read_text(encoding="utf-8") or \
        "sh:conforms true" in (out / "validation-report.ttl").read_text(encoding="utf-8")


def _readme_ingest_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Ingest", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_the_readme_ingest_example_runs(tmp_path):
    shutil.copytree(DATASETS, tmp_path / "datasets")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    commands = _readme_ingest_commands()
    assert [c.split()[1] for c in commands if c.startswith("opendata")] == ["synth", "ingest", "review", "publish"]
    outputs = []
    for command in commands:
        if command.startswith("opendata "):
            command = f"{sys.executable} -m opendata {command[len('opendata '):]}"
            if " publish " in command:
                command += f" --cache {tmp_path / 'cache'}"
        result = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert result.returncode == 0, (command, result.stderr)
        outputs.append(result.stdout)
    assert "draft records" in outputs[2]
    assert (tmp_path / "dist" / "graph.ttl").is_file()
    letters = {p.stem for p in (tmp_path / "datasets" / "letters").glob("*.txt")}
    assert len(letters) == 2 + 2  # the seed's two texts and the two samples
