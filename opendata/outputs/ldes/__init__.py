"""The change stream: the release history as a Linked Data Event Stream in `dist/ldes/` (see `stream`).

README, "Change stream (LDES)", says how a harvester follows it and what the retention policy keeps.

A publish writes only the pages whose inputs changed (outputs/reuse.py links the others from the previous
build). The descriptions of the members of those pages come from the letters' parts (each letter's
descriptions grouped in the worker processes, cached with its unit): the main process unpacks only
the units that hold them, found by the letter key in the member's IRI and checked against the digest
the release plan gave the description. Should a description not be found so, every chunk is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote

from opendata.build.letter_unit import LetterGraph, LetterUnit
from opendata.build.publication import Publication
from opendata.outputs.ldes.stream import (
    FOLDER,
    Descriptions,
    compressed,
    group_descriptions,
    write_stream,
)
from opendata.outputs.output import Output, release_history
from opendata.outputs.reuse import Reuse

NAME = "ldes"  # the output's name: the key of a letter's part in its unit
RECORD = "ldes-inputs.json.gz"  # beside the builds: each page's inputs and sha256 (outputs/reuse.py)


def letter_part(letter: LetterGraph) -> dict[str, tuple[bytes, str]]:
    """A letter's descriptions as the stream groups them, compressed, with their digests (made in the
    worker processes)."""
    return compressed(
        group_descriptions(letter.nt.splitlines(), letter.minter.base_iri, letter.minter.base_url)
    )


class UnitDescriptions(Descriptions):
    """The descriptions of the members of the pages written anew, fetched from the units that hold them."""

    def __init__(self, publication: Publication) -> None:
        super().__init__()
        self.publication = publication
        self.keys = {unit.key: unit for unit in publication.letters}
        self.done: set[str] = set()  # units (by key) and "" (the shared records) read

    def _read(self, key: str) -> None:
        if key in self.done:
            return
        self.done.add(key)
        if key == "":
            config = self.publication.config
            shared = self.publication.shared_nt.splitlines()
            self.add(compressed(group_descriptions(shared, config.base_iri, config.base_url)))
        else:
            self.add(_part(self.keys[key], self.publication))

    def _candidates(self, iri: str) -> list[str]:
        """The keys of the letters whose key the IRI's last segment is or starts with (then a '-')."""
        segment = unquote(iri.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1])
        ends = [i for i, c in enumerate(segment) if c == "-"] + [len(segment)]
        return [segment[:end] for end in ends if segment[:end] in self.keys]

    def fetch(self, iris: Iterable[str], digests: Mapping[str, str]) -> None:
        wanted = set(iris)
        for iri in wanted:
            for key in self._candidates(iri):
                self._read(key)
        if any(self.differs(iri, digests.get(iri)) for iri in wanted):
            self._read("")  # not (all) in its letter: the shared records, then every letter
            if any(self.differs(iri, digests.get(iri)) for iri in wanted):
                for key in self.keys:
                    self._read(key)


def _part(unit: LetterUnit, publication: Publication) -> dict[str, tuple[bytes, str]]:
    part = unit.part(NAME)
    if isinstance(part, dict):
        return part
    config = publication.config  # a unit made without the parts
    return compressed(group_descriptions(unit.nt.splitlines(), config.base_iri, config.base_url))


def write(publication: Publication, out: Path) -> None:
    """dist/ldes/ (a writer of opendata/outputs; needs the release history set by publish)."""
    history = release_history(publication)
    if history is None:
        return
    digests = {iri: version.digest for iri, version in publication.release_resources.items()}
    write_stream(
        history,
        UnitDescriptions(publication),
        publication.config.base_url,
        out,
        digests,
        Reuse.beside(out, RECORD, publication.previous_build),
    )


OUTPUT = Output(
    "ldes", write, letter_part=letter_part
)  # dist/ldes/: the change stream (reads the release history)

__all__ = ["FOLDER", "OUTPUT", "write", "write_stream"]
