"""graph.ttl: the shared records and each letter's cached Turtle, under one set of prefixes."""

from __future__ import annotations

from pathlib import Path

from opendata.build.publication import Publication


def _prefix_lines(prefixes: dict) -> str:
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in prefixes.items())


def write(publication: Publication, out: Path) -> None:
    from opendata.build.letter_unit import _turtle

    prefixes = dict(sorted(publication.model.prefixes.items()))
    for cls in publication.model.classes.values():
        if not cls.iri.startswith("#"):
            prefixes[cls.iri] = publication.config.base_iri + cls.iri + "/"
    with open(out / "graph.ttl", "w", encoding="utf-8", newline="\n") as handle:
        handle.write(_prefix_lines(prefixes))
        handle.write(_turtle(publication.shared_nt, prefixes))
        for unit in publication.letters:
            handle.write(unit.turtle)
