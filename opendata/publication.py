"""What the writers get: the checked graph and everything needed to write it out."""

from __future__ import annotations

from dataclasses import dataclass, field

from .config import Config
from .graph import Node
from .iris import Minter
from .model import Model
from .problems import Problem
from .records import Dataset


@dataclass
class Publication:
    config: Config
    model: Model
    minter: Minter
    dataset: Dataset
    nodes: list[Node]  # top-level nodes, in output order
    ntriples: list[str]  # sorted, unique N-Triples lines: the canonical graph
    texts: dict[str, str]  # letter key -> source text as published
    report_turtle: str  # the SHACL validation report
    problems: list[Problem] = field(default_factory=list)  # warnings that did not stop publication

    @property
    def ntriples_bytes(self) -> bytes:
        return "".join(self.ntriples).encode("utf-8")
