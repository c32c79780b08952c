"""What an output is: the one object that holds everything the pipeline and the describing outputs
need to know of a published format.

An output module (graph.ttl, the tables, the site, ...) defines one `Output` and the registry,
`OUTPUTS` in opendata/outputs/__init__.py, lists it. The object carries:

- `write(publication, folder)`: the whole-publication write of its files;
- `distributions`: the kinds of the files it writes as the catalog, the VoID description and the
  landing page show them (media type, EU file type, titles, standards, VoID format); the manifest
  lists every file anyway;
- `letter_part(letter)`: optionally, its share of each letter, made in the worker processes from the
  letter's checked graph and cached with the letter's unit (opendata/build/letter_unit.py). The unit
  does not import the outputs: the publish pipeline hands it these callables (`letter_parts`), so
  the build layer stays below the outputs;
- `describe(publication, folder, files)`: instead of `write`, for the outputs that describe the
  files the others wrote (landing page, VoID, catalog). They run after every writing output and are
  given the FileTable of all registered outputs, so a new output is described with no other change.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from opendata.build.letter_unit import LetterPart
from opendata.build.publication import Publication
from opendata.outputs.distributions import FileKind, FileTable
from opendata.releases.history import History

Write = Callable[[Publication, Path], None]
Describe = Callable[[Publication, Path, FileTable], None]


@dataclass(frozen=True)
class Output:
    name: str  # also the key of its per-letter part in a letter's unit
    write: Write | None = None
    distributions: tuple[FileKind, ...] = ()
    letter_part: LetterPart | None = None
    describe: Describe | None = None

    def __post_init__(self) -> None:
        if (self.write is None) == (self.describe is None):
            raise ValueError(f"output {self.name}: give either write or describe")

    def run(self, publication: Publication, folder: Path, files: FileTable) -> None:
        if self.write is not None:
            self.write(publication, folder)
        elif self.describe is not None:
            self.describe(publication, folder, files)


def release_history(publication: Publication) -> History | None:
    """The release history publish set on the publication (None when it was built without publishing).
    The build layer below cannot name the type, so the outputs narrow it here."""
    history = publication.history
    return history if isinstance(history, History) else None


def file_table(outputs: Iterable[Output]) -> FileTable:
    """The kinds of the files of every output, for the outputs that describe them."""
    return FileTable(tuple(kind for output in outputs for kind in output.distributions))


def letter_parts(outputs: Iterable[Output]) -> tuple[tuple[str, LetterPart], ...]:
    """(name, part) of every output with a per-letter part, for the letters' units."""
    return tuple((output.name, output.letter_part) for output in outputs if output.letter_part is not None)


def writing_order(outputs: Iterable[Output]) -> list[Output]:
    """The outputs that write, in registry order, then those that describe what they wrote."""
    listed = list(outputs)
    return [o for o in listed if o.describe is None] + [o for o in listed if o.describe is not None]


def write_all(outputs: Iterable[Output], publication: Publication, folder: Path) -> dict[str, float]:
    """Write every output of the publication into `folder`; return each output's wall seconds, so
    `make bench` can show which output a build's time goes to."""
    listed = list(outputs)
    files = file_table(listed)
    seconds = {}
    for output in writing_order(listed):
        started = time.perf_counter()
        with publication.progress.stage(output.name):
            output.run(publication, folder, files)
        seconds[output.name] = time.perf_counter() - started
    return seconds
