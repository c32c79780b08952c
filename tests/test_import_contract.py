"""The import contract in pyproject.toml ([tool.importlinter]) holds, and it would catch a break.

`make lint` runs the same contract; these tests also show that it is not vacuous: a copy of the package
with one deliberately added upward import, or one cycle, fails it and names the offending import.
"""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(package_parent: Path, config: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the `opendata` package found in package_parent, with the given configuration."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache"],
        cwd=package_parent,
        env={"PYTHONPATH": str(package_parent), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


# Each break: a new module put into the copy, the import it holds, and the contract it must break.
# New modules keep the test independent of which modules exist today.
BREAKS = [
    # the model, the bottom layer, reaching up into the outputs
    ("model/break_upward.py", "import opendata.outputs", "layers import downward only"),
    # checks reaching up into the graph builder
    ("checks/break_upward.py", "from opendata.build import graph", "layers import downward only"),
    # ingest, a tool beside the pipeline, reaching into what publish builds
    ("ingest/break_reach.py", "import opendata.outputs", "ingest and synth are tools"),
    # the pipeline depending on the synthetic-letter generator
    ("outputs/break_synth.py", "import opendata.synth", "does not depend on ingest or synth"),
    # two output modules importing each other: a cycle though neither import goes upward
    (
        "outputs/break_cycle_a.py",
        "import opendata.outputs.break_cycle_b",
        "No cycles are allowed in opendata.outputs",
    ),
    (
        "outputs/break_cycle_b.py",
        "import opendata.outputs.break_cycle_a",
        "No cycles are allowed in opendata.outputs",
    ),
]


def test_the_package_keeps_its_import_contract():
    result = lint_imports(ROOT, ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_each_deliberate_break_is_caught_and_named(tmp_path):
    """One run over a copy of the package holding every break at once (lint-imports is slow to start)."""
    shutil.copytree(ROOT / "opendata", tmp_path / "opendata", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for module, line, _ in BREAKS:
        (tmp_path / "opendata" / module).write_text(
            f'"""A deliberate break."""\n\n{line}\n', encoding="utf-8"
        )
    result = lint_imports(tmp_path, tmp_path / "pyproject.toml")
    assert result.returncode == 1, result.stdout
    report = result.stdout
    for module, line, contract in BREAKS:
        assert contract in report, f"{module}: {line!r} did not break {contract!r}"
        importer = module.removesuffix(".py").replace("/", ".")  # named in full, or relative to its package
        assert f"opendata.{importer}" in report or "." + importer.rsplit(".", 1)[1] in report, importer


def test_every_part_of_the_package_is_placed_in_the_contract():
    """A new top-level module or package must be given its layer, or the contract would not check it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    named: set[str] = set()
    for contract in config["contracts"]:
        for entry in contract.get("layers", []) + contract.get("source_modules", []):
            named.update(part.strip() for part in entry.replace(":", "|").split("|"))
    parts = {f"opendata.{module.name}" for module in pkgutil.iter_modules([str(ROOT / "opendata")])}
    assert parts - named == set(), "give these a layer in [tool.importlinter]"
