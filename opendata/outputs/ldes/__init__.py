"""The change stream: the release history as a Linked Data Event Stream in `dist/ldes/` (see `stream`).

README, "Change stream (LDES)", says how a harvester follows it and what the retention policy keeps.
"""

from __future__ import annotations

from pathlib import Path

from opendata.build.publication import Publication
from opendata.outputs.ldes.stream import FOLDER, Descriptions, write_stream
from opendata.outputs.output import Output, release_history


def write(publication: Publication, out: Path) -> None:
    """dist/ldes/ (a writer of opendata/outputs; needs the release history set by publish)."""
    history = release_history(publication)
    if history is None:
        return
    config = publication.config
    write_stream(
        history,
        Descriptions.of(publication.ntriples_chunks(), config.base_iri, config.base_url),
        config.base_url,
        out,
    )


OUTPUT = Output("ldes", write)  # dist/ldes/: the change stream (reads the release history)

__all__ = ["FOLDER", "OUTPUT", "write", "write_stream"]
