"""The model's published artefacts: ontology of minted terms, SHACL shapes, vocabulary docs."""

from __future__ import annotations

import shutil
from pathlib import Path

from opendata.build.publication import Publication
from opendata.model.model import GENERATED_DIR

FILES = ("ontology.ttl", "shapes.ttl", "vocabulary.md")


def write(publication: Publication, out: Path) -> None:
    for name in FILES:
        shutil.copyfile(GENERATED_DIR / name, out / name)
