"""The change stream: the release history as a Linked Data Event Stream in `dist/ldes/` (see `stream`).

README, "Change stream (LDES)", says how a harvester follows it and what the retention policy keeps.
"""

from __future__ import annotations

from pathlib import Path

from .stream import FOLDER, group_descriptions, write_stream


def write(publication, out: Path) -> None:
    """dist/ldes/ (a writer of opendata/writers; needs the release history set by publish)."""
    history = getattr(publication, "history", None)
    if history is None:
        return
    config = publication.config
    descriptions = group_descriptions((line for chunk in publication.ntriples_chunks() for line in chunk.splitlines()),
                                      config.base_iri, config.base_url)
    write_stream(history, descriptions, config.base_url, out)


__all__ = ["FOLDER", "write", "write_stream"]
