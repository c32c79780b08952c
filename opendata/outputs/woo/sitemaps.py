"""Sitemaps and sitemap indexes for the Woo-harvester, with DiWoo metadata per document.

Layout (the DiWoo manual "Sitemapindex en Sitemaps"): per information category one index
`sitemaps/sitemapindex-diwoo-infocatNNN.xml` (the harvester reads no other name), listing sitemaps
`sitemaps/sitemap-infocatNNN-K.xml` of at most 50,000 URLs each; `robots.txt` at the root names
the indexes (not the sitemaps). Each `<url>` carries a `<diwoo:Document>` (diwoo-metadata.xsd 0.9.8).
Dates come from the release history, so a rebuild writes the same bytes on any day.

A sitemap's bytes depend only on its documents (and this code): with a record of each sitemap's inputs
(outputs/reuse.py, beside the builds) a publish links the sitemaps whose documents are as in the
previous build instead of writing them again.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from opendata.outputs.reuse import Reuse
from opendata.outputs.woo.documents import (
    DOCUMENT_KIND_LETTER,
    FORMATS,
    HANDLING_RECEIVED,
    HANDLING_SIGNED,
    LANGUAGE_DUTCH,
    WooDocument,
    label,
    organisation_label,
)

FOLDER = "sitemaps"
MAX_URLS = 50_000  # sitemaps.org: at most 50,000 URLs (and 50 MB) per sitemap
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/"
HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'


# the code and value lists that turn documents into a sitemap's bytes
CODE = hashlib.sha256(
    b"".join(
        (Path(__file__).parent / name).read_bytes()
        for name in ("sitemaps.py", "documents.py", "waardelijsten.csv")
    )
).hexdigest()


def sitemap_inputs(name: str, documents: list[WooDocument]) -> str:
    """The digest of what a sitemap's bytes are made from: the code, its name and its documents."""
    found = hashlib.sha256(f"{CODE}\n{name}\n".encode())
    for document in documents:
        found.update(f"{document!r}\n".encode("utf-8", "surrogatepass"))
    return found.hexdigest()


def index_name(number: int) -> str:
    return f"sitemapindex-diwoo-infocat{number:03d}.xml"


def sitemap_name(number: int, part: int) -> str:
    return f"sitemap-infocat{number:03d}-{part}.xml"


def _text(tag: str, value: str, resource: str | None = None) -> str:
    attribute = f" resource={quoteattr(resource)}" if resource else ""
    return f"<diwoo:{tag}{attribute}>{escape(value)}</diwoo:{tag}>"


def _organisation(tag: str, iri: str) -> str:
    return _text(tag, organisation_label(iri) or iri, iri)


def _handlings(document: WooDocument) -> list[str]:
    """Signed on the date sent, received on the date received. DiWoo requires one handling: a letter
    that gives neither date is dated by the release that last changed it (as received by the publisher)."""
    handlings = []
    if document.sent:
        handlings.append((HANDLING_SIGNED, document.sent, document.creator))
    if document.received:
        handlings.append((HANDLING_RECEIVED, document.received, None))
    if not handlings and document.lastmod:
        handlings.append((HANDLING_RECEIVED, document.lastmod, document.publisher))
    parts = []
    for kind, date, who in handlings:
        inner = [
            _text("soortHandeling", label("soorthandelinglijst", kind), kind),
            f"<diwoo:atTime>{date.isoformat()}T00:00:00</diwoo:atTime>",
        ]
        if who:
            inner.append(_organisation("wasAssociatedWith", who))
        parts.append("<diwoo:documenthandeling>" + "".join(inner) + "</diwoo:documenthandeling>")
    return parts


def diwoo_document(document: WooDocument) -> str:
    """The `<diwoo:Document>` of one document (diwoo-metadata.xsd, DiWooType)."""
    fields = [
        "<diwoo:identifiers>"
        + "".join(_text("identifier", i) for i in document.identifiers)
        + "</diwoo:identifiers>",
        _organisation("publisher", document.publisher),
    ]
    if document.creator:
        fields.append(_organisation("opsteller", document.creator))
    fields.append(
        "<diwoo:titelcollectie>" + _text("officieleTitel", document.title) + "</diwoo:titelcollectie>"
    )
    fields.append(
        "<diwoo:classificatiecollectie><diwoo:informatiecategorieen>"
        + _text(
            "informatiecategorie", label("informatiecategorielijst", document.category), document.category
        )
        + "</diwoo:informatiecategorieen><diwoo:documentsoorten>"
        + _text("documentsoort", label("documentsoortlijst", DOCUMENT_KIND_LETTER), DOCUMENT_KIND_LETTER)
        + "</diwoo:documentsoorten></diwoo:classificatiecollectie>"
    )
    if document.sent:
        fields.append(f"<diwoo:creatiedatum>{document.sent.isoformat()}</diwoo:creatiedatum>")
    fields.append(_text("language", label("taallijst", LANGUAGE_DUTCH), LANGUAGE_DUTCH))
    fields.append(_text("format", label("formatlijst", FORMATS[document.format]), FORMATS[document.format]))
    handlings = _handlings(document)
    if handlings:
        fields.append("<diwoo:documenthandelingen>" + "".join(handlings) + "</diwoo:documenthandelingen>")
    return "<diwoo:Document><diwoo:DiWoo>" + "".join(fields) + "</diwoo:DiWoo></diwoo:Document>"


def url_entry(document: WooDocument) -> str:
    lastmod = f"<lastmod>{document.lastmod.isoformat()}</lastmod>" if document.lastmod else ""
    return f"<url><loc>{escape(document.url)}</loc>{lastmod}{diwoo_document(document)}</url>\n"


def write_sitemaps(
    documents: Iterable[WooDocument],
    base_url: str,
    out: Path,
    gone_on: datetime.date | None = None,
    reuse: Reuse | None = None,
) -> list[str]:
    """Write the indexes and sitemaps below `out/sitemaps/`; return the index names (for robots.txt).
    `gone_on`: the date of the last release that withdrew or removed a letter; an index's `lastmod`
    is never older, so a harvester re-reads a category whose letter left it. With `reuse`, a sitemap
    whose inputs are as in the previous build is linked from it."""
    by_category: dict[int, list[WooDocument]] = {}
    for document in sorted(documents, key=lambda d: (d.category_number, d.url)):
        by_category.setdefault(document.category_number, []).append(document)
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    indexes = []
    for number, category_documents in sorted(by_category.items()):
        entries = []
        for part, start in enumerate(range(0, len(category_documents), MAX_URLS), start=1):
            chunk = category_documents[start : start + MAX_URLS]
            name = sitemap_name(number, part)
            path = f"{FOLDER}/{name}"
            inputs = sitemap_inputs(name, chunk) if reuse is not None else ""
            if reuse is None or not reuse.link(folder / name, path, inputs):
                digest = _write_sitemap(folder / name, chunk)
                if reuse is not None:
                    reuse.wrote(folder / name, path, inputs, digest)
            dates = [d.lastmod for d in chunk if d.lastmod] + ([gone_on] if gone_on else [])
            lastmod = f"<lastmod>{max(dates).isoformat()}</lastmod>" if dates else ""
            entries.append(
                f"<sitemap><loc>{escape(base_url + FOLDER + '/' + name)}</loc>{lastmod}</sitemap>\n"
            )
        (folder / index_name(number)).write_text(
            HEADER + f'<sitemapindex xmlns="{SITEMAP_NS}">\n' + "".join(entries) + "</sitemapindex>\n",
            encoding="utf-8",
        )
        indexes.append(index_name(number))
    return indexes


def _write_sitemap(target: Path, documents: list[WooDocument]) -> str:
    """Write one sitemap; return the sha256 of its bytes."""
    digest = hashlib.sha256()
    with open(target, "wb") as handle:
        for text in (
            HEADER + f'<urlset xmlns="{SITEMAP_NS}" xmlns:diwoo="{DIWOO_NS}">\n',
            *map(url_entry, documents),
            "</urlset>\n",
        ):
            data = text.encode("utf-8")
            handle.write(data)
            digest.update(data)
    return digest.hexdigest()


def robots_txt(base_url: str, indexes: list[str]) -> str:
    """robots.txt: everything may be fetched; the Woo-harvester finds the sitemap indexes here."""
    return "User-agent: *\nAllow: /\n\n" + "".join(
        f"Sitemap: {base_url}{FOLDER}/{name}\n" for name in indexes
    )
