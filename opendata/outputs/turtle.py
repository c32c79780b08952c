"""graph.ttl: the shared records and each letter's Turtle, under one set of prefixes.

A letter's Turtle statements are its per-letter part, made in the worker processes from its
N-Triples and cached with its unit; the whole-publication write puts the prefix lines, the shared
records and those parts together. Both use `turtle_prefixes`, so they always agree (a letter's
statements written under other prefixes than graph.ttl declares would not parse).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph

from opendata.build.letter_unit import LetterGraph
from opendata.build.publication import Publication
from opendata.model.model import Model
from opendata.outputs.distributions import FileKind
from opendata.outputs.output import Output
from opendata.outputs.triples import serialized

NAME = "turtle"
FILE = "graph.ttl"


def turtle_prefixes(model: Model, base_iri: str) -> dict[str, str]:
    """The model's prefixes, then one per class of minted IRIs (`brief:` for letters, ...)."""
    prefixes = dict(sorted(model.prefixes.items()))
    for cls in model.classes.values():
        if not cls.iri.startswith("#"):
            prefixes[cls.iri] = base_iri + cls.iri + "/"
    return prefixes


def statements(nt: str, prefixes: dict[str, str]) -> str:
    """N-Triples as Turtle statements, without the prefix lines."""
    body = serialized(
        pyoxigraph.serialize(
            pyoxigraph.parse(nt.encode(), format=pyoxigraph.RdfFormat.N_TRIPLES),
            format=pyoxigraph.RdfFormat.TURTLE,
            prefixes=prefixes,
        )
    )
    return "".join(line for line in body.decode().splitlines(keepends=True) if not line.startswith("@prefix"))


def letter_part(letter: LetterGraph) -> str:
    """The letter's triples as Turtle statements."""
    return statements(letter.nt, turtle_prefixes(letter.model, letter.minter.base_iri))


def _prefix_lines(prefixes: dict[str, str]) -> str:
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in prefixes.items())


def write(publication: Publication, out: Path) -> None:
    prefixes = turtle_prefixes(publication.model, publication.config.base_iri)
    with open(out / FILE, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(_prefix_lines(prefixes))
        handle.write(statements(publication.shared_nt, prefixes))
        for unit in publication.letters:
            part = unit.part(NAME)
            handle.write(part if isinstance(part, str) else "")  # a letter not built has no part


OUTPUT = Output(
    NAME,
    write,
    (
        FileKind(
            FILE,
            "graaf",
            "text/turtle",
            "RDF_TURTLE",
            {"nl": "Graaf (Turtle)", "en": "Graph (Turtle)"},
            {"nl": "De volledige graaf in Turtle.", "en": "The whole graph in Turtle."},
            ("shapes.ttl",),
            void_feature="Turtle",
        ),
    ),
    letter_part,
)
