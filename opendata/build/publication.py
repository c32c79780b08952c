"""What the writers get: the checked graph and everything needed to write it out.

The graph is the register organisations and shared records, plus each letter's cached unit.
Writers stream the letters' parts; summaries of the whole graph are computed once, on demand.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Set
from dataclasses import dataclass, field
from pathlib import Path

from opendata.build.coverage import Coverage, coverage
from opendata.build.graph import Node, ntriples
from opendata.build.letter_unit import LetterUnit
from opendata.build.progress import Progress
from opendata.build.shared_unit import SharedUnit
from opendata.build.statistics import Statistics, statistics
from opendata.checks.privacy import redact
from opendata.model.iris import Minter
from opendata.model.model import Model
from opendata.model.problems import Problem
from opendata.model.register import load_register
from opendata.sources.config import Config
from opendata.sources.reading import read_text


@dataclass
class Publication:
    config: Config
    model: Model
    minter: Minter
    datasets: Path  # the sources folder
    shared: SharedUnit  # organisations, memberships, people, posts, themes, meetings
    register_nodes: list[Node]  # the TOOI register organisations the graph names
    letters: list[LetterUnit]  # sorted by key
    report_turtle: str  # the SHACL validation report
    problems: list[Problem] = field(default_factory=list)  # warnings that did not stop publication
    # Set by publish (the release layer sits above this one, so their types are not named here):
    # opendata.releases.history.History, this publish's release included
    history: object = None
    # IRI -> opendata.releases.resources.ResourceVersion of this release
    release_resources: dict = field(default_factory=dict)
    # opendata.releases.parts.Described of shared_nt, from the build cache (None: described when needed)
    shared_described: object = None
    previous_build: Path | None = None  # the build published now: the site hard-links unchanged files from it
    # the files the build folder holds already, from the older build it recycles: {path: sha256}
    recycled: dict[str, str] = field(default_factory=dict)
    # letter key -> the sha256 of its published text (tekst/), set by the texts' writer for the site
    text_sha256: dict[str, str] = field(default_factory=dict)
    progress: Progress = field(default_factory=Progress)  # what a long publish shows on the terminal
    # closes the build cache the letters' parts are read from (opendata/publish/stored_parts.py);
    # called once every output is written
    release_cache: Callable[[], None] = field(default=lambda: None)

    @functools.cached_property
    def shared_nt(self) -> str:
        """The triples of everything but the letters: register organisations, then the shared records."""
        lines = sorted({line for node in self.register_nodes for line in ntriples(node)})
        return "".join(lines) + self.shared.nt

    @property
    def private_names(self) -> list[str]:
        """Names of people who are not public (masked in texts)."""
        return list(self.shared.private_people.values())

    def ntriples_chunks(self) -> Iterator[str]:
        """The whole graph as N-Triples: shared records first, then letter by letter."""
        yield self.shared_nt
        for unit in self.letters:
            yield unit.nt

    @functools.cached_property
    def statistics(self) -> Statistics:
        """VoID counts of the whole graph (one pass, computed once for every writer that needs them)."""
        return statistics(self.ntriples_chunks())

    @functools.cached_property
    def coverage(self) -> Coverage:
        """The places and the period the graph covers (one pass, computed once)."""
        return coverage(self.ntriples_chunks(), self.model, load_register())

    def iter_texts(self, skip: Set[str] = frozenset()) -> Iterator[tuple[str, str]]:
        """(letter key, source text as published: decoded to UTF-8, non-public names masked)."""
        for unit in self.letters:
            if unit.text_file is not None and unit.key not in skip:
                text = read_text(self.datasets / unit.text_file, unit.text_file, [])
                if text is not None:
                    yield unit.key, redact(text, self.private_names)
