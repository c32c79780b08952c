"""Every command's --help teaches that command: its examples show it, and every example is a command
line the parser accepts. `opendata review --help` printed ingest's examples and exit codes, and
synth, verify, explain, diff and generate printed validate's and publish's."""

from __future__ import annotations

import argparse
import re
import shlex

import pytest

from opendata.cli import parser


def _commands() -> dict[str, argparse.ArgumentParser]:
    subparsers = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(subparsers.choices)


def _examples(epilog: str) -> list[str]:
    """The opendata command lines of an epilog's examples block (continued lines joined, an environment
    variable before it dropped), without their descriptions and redirections; other programs' left out."""
    block = re.sub(r"\\\n\s*", "", epilog.split("examples:\n", 1)[1].split("\n\n", 1)[0])
    lines = [re.split(r"\s{2,}", line.strip())[0] for line in block.splitlines() if line.strip()]
    lines = [re.sub(r"^(?:[A-Z_]+=\S+\s+)+", "", line) for line in lines]
    return [re.split(r"\s[<>|]\s", line)[0] for line in lines if line.startswith("opendata ")]


@pytest.mark.parametrize("name", sorted(_commands()))
def test_each_commands_help_shows_examples_of_that_command_that_parse(name):
    command = _commands()[name]
    examples = _examples(command.epilog or "")
    assert any(shlex.split(line)[1] == name for line in examples), (name, examples)
    for line in examples:
        argv = shlex.split(line)
        assert argv[0] == "opendata", line
        parsed = parser().parse_args(argv[1:])  # a usage error exits 2
        assert parsed.command == argv[1]
    assert re.search(r"\bexit\b", command.epilog, re.IGNORECASE), name  # what its exit codes mean
