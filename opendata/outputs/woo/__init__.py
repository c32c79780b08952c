"""The Woo-index: sitemaps with DiWoo metadata that the Woo-harvester of KOOP reads (README, "Woo-index").

- `documents`: the published letters as Woo documents (one per published file), their information
  category, TOOI organisations and dates (`waardelijsten.csv`: the DiWoo value lists used);
- `sitemaps`: the sitemap indexes per information category, sitemaps of at most 50,000 URLs, robots.txt;
- `validate`: the check of those files against the sitemaps.org and DiWoo XSDs (opendata/standards/).
"""

from __future__ import annotations

from pathlib import Path

from opendata.build.publication import Publication
from opendata.outputs.output import Output, release_history
from opendata.outputs.woo.documents import WooDocument, publication_documents
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
    indexes = write_sitemaps(
        publication_documents(publication),
        base_url,
        out,
        _last_letter_gone(release_history(publication)),
    )
    (out / "robots.txt").write_text(robots_txt(base_url, indexes), encoding="utf-8")


OUTPUT = Output("woo", write)  # dist/sitemaps/, robots.txt: the Woo-index (reads the release history)

__all__ = ["FOLDER", "OUTPUT", "WooDocument", "publication_documents", "write", "write_sitemaps"]
