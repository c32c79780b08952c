"""tekst/<letter>.txt: each letter's source text as UTF-8, so readers can see what a row came from."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..publication import Publication


def write(publication: Publication, out: Path) -> None:
    folder = out / "tekst"
    folder.mkdir(exist_ok=True)
    as_is = {unit.key: unit.text_file for unit in publication.letters if unit.text_as_is}
    for key, source in as_is.items():
        shutil.copyfile(publication.datasets / source, folder / f"{key}.txt")  # UTF-8 already, nothing to mask
    for key, text in publication.iter_texts(skip=set(as_is)):
        (folder / f"{key}.txt").write_text(text, encoding="utf-8", newline="")
