"""The Woo-index: sitemaps with DiWoo metadata that the Woo-harvester of KOOP reads (README, "Woo-index").

- `documents`: the published letters as Woo documents (one per published file), their information
  category, TOOI organisations and dates (`waardelijsten.csv`: the DiWoo value lists used);
- `sitemaps`: the sitemap indexes per information category, sitemaps of at most 50,000 URLs, robots.txt;
- `validate`: the check of those files against the sitemaps.org and DiWoo XSDs (opendata/standards/).

Each letter's IRI and the facts the documents need of it are its part (made in the worker processes,
cached with its unit); a publish links the sitemaps whose documents did not change from the previous
build (a record of their inputs beside the builds).
"""

from __future__ import annotations

from pathlib import Path

from opendata.build.letter_unit import LetterGraph
from opendata.build.publication import Publication
from opendata.outputs.output import Output, release_history
from opendata.outputs.reuse import Reuse
from opendata.outputs.woo import documents
from opendata.outputs.woo.documents import PART, WooDocument, publication_documents
from opendata.outputs.woo.sitemaps import FOLDER, robots_txt, write_sitemaps

LETTER_TYPES = ("https://schema.org/Message", "https://schema.org/Letter")


def _last_letter_gone(history):
    """The date of the last release that withdrew or removed a letter (None when none ever left)."""
    if history is None:
        return None
    dates = [
        release.date
        for release in history.releases
        for change in release.changes
        if change.kind in ("removed", "withdrawn") and change.type in LETTER_TYPES
    ]
    return max(dates, default=None)


def write(publication: Publication, out: Path) -> None:
    """dist/sitemaps/ and dist/robots.txt (a writer of opendata/outputs, after the texts are written)."""
    base_url = publication.config.base_url
    reuse = Reuse.beside(out, RECORD, publication.previous_build)
    indexes = write_sitemaps(
        publication_documents(publication),
        base_url,
        out,
        _last_letter_gone(release_history(publication)),
        reuse,
    )
    reuse.save()
    (out / "robots.txt").write_text(robots_txt(base_url, indexes), encoding="utf-8")


def letter_part(letter: LetterGraph) -> tuple[str, documents.Facts]:
    """A letter's IRI and the facts its Woo documents are made from (made in the worker processes)."""
    return documents.letter_part(letter.nt)


RECORD = "woo-inputs.json.gz"  # beside the builds: each sitemap's inputs and sha256
OUTPUT = Output(PART, write, letter_part=letter_part)  # dist/sitemaps/, robots.txt: the Woo-index

__all__ = ["FOLDER", "OUTPUT", "WooDocument", "publication_documents", "write", "write_sitemaps"]
