"""The model's published artefacts: ontology of minted terms, SHACL shapes, vocabulary docs."""

from __future__ import annotations

import shutil
from pathlib import Path

from opendata.build.publication import Publication
from opendata.model.model import GENERATED_DIR
from opendata.outputs.distributions import OWL, SHACL, FileKind
from opendata.outputs.output import Output

FILES = ("ontology.ttl", "shapes.ttl", "vocabulary.md")


def write(publication: Publication, out: Path) -> None:
    for name in FILES:
        shutil.copyfile(GENERATED_DIR / name, out / name)


OUTPUT = Output(
    "model",
    write,
    (
        FileKind(
            "ontology.ttl",
            "model",
            "text/turtle",
            "RDF_TURTLE",
            {"nl": "Ontologie (Turtle)", "en": "Ontology (Turtle)"},
            {
                "nl": "De termen die dit project definieert, met labels en definities in het Nederlands en Engels.",
                "en": "The terms this project mints, labelled and defined in Dutch and English.",
            },
            (OWL,),
        ),
        FileKind(
            "shapes.ttl",
            "model",
            "text/turtle",
            "RDF_TURTLE",
            {"nl": "SHACL-shapes (Turtle)", "en": "SHACL shapes (Turtle)"},
            {
                "nl": "De SHACL-shapes waartegen de graaf gevalideerd is.",
                "en": "The SHACL shapes the graph was validated against.",
            },
            (SHACL,),
        ),
    ),
)
