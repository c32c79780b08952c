"""Problems found in the sources: stable code, severity, message, location, field and hint.

Bad data never raises: every check yields Problems, and the CLI prints them all at once.
Exceptions are kept for failures of the program itself.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Final

from opendata.model.problem_catalog import ProblemCode

ERROR: Final = "error"
WARNING: Final = "warning"


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    code: ProblemCode  # a code of CATALOG: mypy checks every literal at the call sites
    severity: str
    message: str
    location: Location
    field: str = ""
    hint: str = ""

    def sort_key(self) -> tuple:
        return (self.location, self.code, self.field, self.message)

    def render(self) -> str:
        text = f"{self.location}: {self.code} {self.severity}: {self.message}"
        if self.field:
            text += f" [field: {self.field}]"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def as_json(self) -> dict:
        data = asdict(self)
        data["location"] = {
            "path": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
        }
        return data


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)


def render_text(problems: list[Problem]) -> str:
    ordered = sorted(problems, key=Problem.sort_key)
    lines = [p.render() for p in ordered]
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    lines.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)


def render_json(problems: list[Problem]) -> str:
    ordered = sorted(problems, key=Problem.sort_key)
    return json.dumps(
        {
            "problems": [p.as_json() for p in ordered],
            "errors": sum(p.severity == ERROR for p in problems),
            "warnings": sum(p.severity == WARNING for p in problems),
        },
        ensure_ascii=False,
        indent=2,
    )
