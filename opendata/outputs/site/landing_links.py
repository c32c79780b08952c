"""The landing page's (dist/index.html) way into the website: links to its index pages."""

from __future__ import annotations

import html
from pathlib import Path

from opendata.outputs.site.layout import DOC_FOLDER
from opendata.outputs.site.words import WORDS

PAGES = (
    ("home", "index"),
    ("by_year", "overzicht/brieven"),
    ("by_kind", "overzicht/organisaties"),
    ("themes", "overzicht/themas"),
    ("network", "overzicht/netwerk"),
    ("search", "zoeken"),
)
TITLE = {
    "nl": "Website: elke brief, organisatie en elk thema een pagina",
    "en": "Website: a page for every letter, organisation and theme",
}


def landing_section(publication, out: Path, language: str) -> list[str]:
    """HTML lines for the landing page; none when the site was not written."""
    if not (out / DOC_FOLDER / "index.html").is_file():
        return []
    prefix = DOC_FOLDER + "/"  # by file: the web-server rules serve dist/ at base_url's path and at the root
    suffix = ".html" if language == "nl" else ".en.html"
    items = [
        f'<li><a href="{html.escape(prefix + path + suffix)}">{html.escape(WORDS[language][word])}</a></li>'
        for word, path in PAGES
    ]
    return [f"<h2>{html.escape(TITLE[language])}</h2>", "<ul>", *items, "</ul>"]
