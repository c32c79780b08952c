"""tekst/<letter>.txt: each letter's source text as UTF-8, so readers can see what a row came from."""

from __future__ import annotations

from pathlib import Path

from ..publication import Publication


def write(publication: Publication, out: Path) -> None:
    folder = out / "tekst"
    folder.mkdir(exist_ok=True)
    for key, text in publication.iter_texts():
        (folder / f"{key}.txt").write_text(text, encoding="utf-8", newline="")
