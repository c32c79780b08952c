"""The import contract in pyproject.toml ([tool.importlinter]) holds, and it would catch a break.

`make lint` runs the same contract; these tests also show that it is not vacuous: a copy of the package
with one deliberately added upward import, or one cycle, fails it and names the offending import.
"""

from __future__ import annotations

import ast
import io
import pkgutil
import re
import shutil
import subprocess
import sys
import tokenize
import tomllib
from dataclasses import dataclass
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


# ---------------------------------------------------------------- an import inside a function says why
#
# An import inside a function once hid an import cycle (issue 11); the contract tested above now rules
# cycles out, and an import stays inside a function only for a reason it states: a heavy library that
# one path alone needs, an order a worker process must keep. The reason is a comment on the import's
# line or on the line above it; one comment above a run of imports covers the run. Imports under
# `if TYPE_CHECKING:` are exempt. A pragma alone (type: ignore, noqa) is not a reason.

_PRAGMA = re.compile(
    r"type:\s*ignore(\[[^\]]*\])?|noqa(:\s*[A-Z0-9]+(\s*,\s*[A-Z0-9]+)*)?|pragma:\s*no\s*cover"
)


@dataclass(frozen=True)
class LocalImport:
    """An import statement inside a function, without a stated reason."""

    path: str  # relative to the repository, with forward slashes
    line: int
    function: str  # qualified: Class.method, outer.inner
    module: str  # what it imports from (`from X import a`: X; `import a, b`: "a, b")

    def __str__(self) -> str:
        return f"{self.path}:{self.line} in {self.function}(): {self.module}"


def _comments(source: str) -> tuple[set[int], set[int]]:
    """Lines that hold a comment with a reason in it, and lines that hold nothing but a comment."""
    reasoned, alone = set(), set()
    lines = source.splitlines()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.COMMENT:
            continue
        line = token.start[0]
        if not lines[line - 1][: token.start[1]].strip():
            alone.add(line)
        words = " ".join(_PRAGMA.sub("", part) for part in token.string.split("#"))
        if any(char.isalnum() for char in words):
            reasoned.add(line)
    return reasoned, alone


def _module_of(node: ast.Import | ast.ImportFrom) -> str:
    if isinstance(node, ast.Import):
        return ", ".join(alias.name for alias in node.names)
    return "." * node.level + (node.module or "")


def _type_checking(test: ast.expr) -> bool:
    """`TYPE_CHECKING` or `typing.TYPE_CHECKING`."""
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def unexplained_imports(source: str, path: str) -> list[LocalImport]:
    """The imports inside functions of one module's source that give no reason in a comment."""
    reasoned, alone = _comments(source)
    found: list[LocalImport] = []

    def block(statements: list[ast.stmt], scope: str, in_function: bool) -> None:
        covered = False  # by a comment above the run of imports this statement belongs to
        for node in statements:
            if isinstance(node, ast.Import | ast.ImportFrom):
                covered = covered or (node.lineno - 1 in alone and node.lineno - 1 in reasoned)
                own = any(
                    line in reasoned for line in range(node.lineno, (node.end_lineno or node.lineno) + 1)
                )
                if in_function and not (covered or own):
                    found.append(LocalImport(path, node.lineno, scope, _module_of(node)))
                continue
            covered = False
            if isinstance(node, ast.If) and _type_checking(node.test):
                block(node.orelse, scope, in_function)
                continue
            visit(node, scope, in_function)

    def visit(node: ast.AST, scope: str, in_function: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            scope = f"{scope}.{node.name}" if scope else node.name
            in_function = in_function or not isinstance(node, ast.ClassDef)
        for _, value in ast.iter_fields(node):
            children = value if isinstance(value, list) else [value]
            if children and all(isinstance(child, ast.stmt) for child in children):
                block(children, scope, in_function)
            else:
                for child in children:
                    if isinstance(child, ast.AST):
                        visit(child, scope, in_function)

    visit(ast.parse(source), "", False)
    return found


def test_every_import_inside_a_function_says_why():
    found = []
    for path in sorted((ROOT / "opendata").rglob("*.py")):
        found += unexplained_imports(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    assert not found, "say why each import is inside its function, or move it to the top:\n" + "\n".join(
        map(str, found)
    )


def test_the_import_check_finds_what_it_should_and_nothing_else():
    source = """
from __future__ import annotations

import json  # module level: not the check's business
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def bare():
    import os

    return os


def pragma_only():
    import docx  # type: ignore[import-untyped]
    from pdfminer import high_level  # noqa: F401

    return docx


def same_line():
    import pytesseract  # loaded only when a page is scanned: ~0.3 s
    import csv  # type: ignore[import-untyped]

    return pytesseract, csv


def above():
    # loaded only when a PDF is read
    import pypdfium2
    from pdfminer.layout import LAParams

    import io

    return pypdfium2, LAParams, io


def run_broken():
    # one reason above
    import odf

    value = 1
    import zipfile

    return odf, value, zipfile


def multi_line():
    from opendata.ingest.extract import (  # the extraction patterns: ~0.1 s
        extract,
        split_letters,
    )

    return extract, split_letters


def reason_after_a_blank_line():
    # a comment about something else

    from . import sibling

    return sibling


def guarded(flag):
    if TYPE_CHECKING:
        from collections.abc import Iterator
    else:
        import itertools
    try:
        import yaml
    except ImportError:
        from json import loads as yaml
    return flag, yaml


class Reader:
    import csv  # a class body, not a function

    def read(self):
        def inner():
            import gzip

            return gzip

        return inner


async def fetch():
    import urllib.request, urllib.parse

    return urllib
"""
    found = {(item.function, item.module, item.line) for item in unexplained_imports(source, "example.py")}
    lines = source.splitlines()
    line = {text.strip(): number for number, text in enumerate(lines, 1) if "import" in text}
    assert found == {
        ("bare", "os", line["import os"]),
        ("pragma_only", "docx", line["import docx  # type: ignore[import-untyped]"]),
        ("pragma_only", "pdfminer", line["from pdfminer import high_level  # noqa: F401"]),
        ("same_line", "csv", line["import csv  # type: ignore[import-untyped]"]),
        ("run_broken", "zipfile", line["import zipfile"]),
        ("reason_after_a_blank_line", ".", line["from . import sibling"]),
        ("guarded", "itertools", line["import itertools"]),
        ("guarded", "yaml", line["import yaml"]),
        ("guarded", "json", line["from json import loads as yaml"]),
        ("Reader.read.inner", "gzip", line["import gzip"]),
        ("fetch", "urllib.request, urllib.parse", line["import urllib.request, urllib.parse"]),
    }
