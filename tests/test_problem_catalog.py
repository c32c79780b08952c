"""The problem catalog (opendata/model/problem_catalog.py) is complete, and the README's table is made from it."""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

from opendata.model.problem_catalog import CATALOG, ProblemCode, problem_table
from opendata.model.problems import ERROR, WARNING

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "opendata"
# Functions that pass their first argument on as a Problem's code.
CODE_TAKERS = {"Problem", "_refused"}


def _strings(node: ast.expr | None) -> list[str]:
    """The string constants an expression can give: a literal, or either side of `a if c else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def _codes_in(tree: ast.AST) -> set[str]:
    codes: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            keyword = next((k.value for k in node.keywords if k.arg == "code"), None)
            if name in CODE_TAKERS and node.args:
                codes.update(_strings(node.args[0]))
            if name in CODE_TAKERS or name == "replace":
                codes.update(_strings(keyword))
        elif isinstance(node, ast.AnnAssign) and ast.unparse(node.annotation) == "ProblemCode":
            codes.update(_strings(node.value))
    return codes


def _severities_in(tree: ast.AST) -> set[tuple[str, str]]:
    """(code, severity) of every Problem(...) call that names both (ERROR or WARNING)."""
    pairs = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Problem" and len(node.args) > 1:
            severity = getattr(node.args[1], "id", None)
            if severity in ("ERROR", "WARNING"):
                pairs.update((code, severity.lower()) for code in _strings(node.args[0]))
    return pairs


def used_codes() -> dict[str, str]:
    """Every problem code the package's source gives a Problem, with the first file that gives it."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for code in _codes_in(ast.parse(path.read_text(encoding="utf-8"))):
            found.setdefault(code, path.relative_to(ROOT).as_posix())
    return found


def test_every_code_used_in_the_package_is_in_the_catalog():
    used = used_codes()
    assert len(used) > 80  # the scan finds the codes at all
    assert {code: path for code, path in used.items() if code not in CATALOG} == {}


def test_every_catalogued_code_is_used():
    assert sorted(set(CATALOG) - set(used_codes())) == []


def test_every_code_is_raised_with_its_catalogued_severity():
    pairs = set().union(
        *(_severities_in(ast.parse(p.read_text(encoding="utf-8"))) for p in PACKAGE.rglob("*.py"))
    )
    assert sorted((code, severity) for code, severity in pairs if CATALOG[code].severity != severity) == []


def test_the_literal_type_names_exactly_the_catalog():
    assert sorted(typing.get_args(ProblemCode)) == sorted(CATALOG)


def test_every_code_is_documented():
    for code, kind in CATALOG.items():
        assert kind.code == code
        assert kind.severity in (ERROR, WARNING)
        assert kind.title and kind.hint and kind.documentation, code
        assert not re.search(r"(?<!\\)\|", kind.title + kind.hint), (
            f"{code}: write a | as \\| in a table cell"
        )


def test_the_fallback_code_schema_is_documented():
    assert "fallback" in CATALOG["schema"].documentation
    assert "| `schema` |" in problem_table()


def test_the_readme_table_is_the_catalog():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    begin = readme.index("<!-- problem codes:")
    start = readme.index("\n", begin) + 1
    end = readme.index("<!-- end of problem codes -->")
    assert readme[start:end] == problem_table(), "regenerate it from opendata.model.problems.problem_table()"


def test_opendata_explain_gives_a_codes_documentation(capsys):
    from opendata.cli import main

    assert main(["explain", "schema"]) == 0
    assert CATALOG["schema"].documentation in capsys.readouterr().out
    assert main(["explain", "invalid-dat"]) == 2
    assert "did you mean invalid-date?" in capsys.readouterr().err
