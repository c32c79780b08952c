"""index.html: the landing page for people, in Dutch and English, with schema.org Dataset JSON-LD.

What is in the publication, how to download and query it, its licence and contact. The embedded
JSON-LD lets dataset search engines find it. Every value from the configuration is escaped: HTML
text with html.escape, the JSON-LD with json.dumps and every `<` as `\\u003c`, so no value can
close the <script> element.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from opendata.build.coverage import Coverage
from opendata.build.publication import Publication
from opendata.outputs.dcat import GRAPH_DATASET, registered_organisation
from opendata.outputs.distributions import DatasetFiles, FileTable, PublishedFile
from opendata.outputs.output import Output
from opendata.outputs.site.landing_links import landing_section
from opendata.sources.config import LICENCES

FILE = "index.html"
METADATA_FILES = (
    ("catalog.ttl", "DCAT (Turtle)"),
    ("catalog.jsonld", "DCAT (JSON-LD)"),
    ("catalog.rdf", "DCAT (RDF/XML)"),
    ("void.ttl", "VoID (Turtle)"),
)
TEXT = {
    "nl": {
        "contents": "Wat erin staat",
        "download": "Downloaden",
        "query": "Bevragen",
        "metadata": "Beschrijving voor portalen",
        "license": "Licentie",
        "contact": "Contact",
        "file": "Bestand",
        "format": "Formaat",
        "size": "Grootte",
        "period": "Periode van de brieven",
        "places": "Gemeenten",
        "version": "Versie",
        "endpoint": "SPARQL-endpoint",
        "no_endpoint": "Er is geen SPARQL-endpoint geconfigureerd.",
        "load": "Laad graph.nt.gz (of graph.ttl) in een triple store naar keuze, of bevraag het SPARQL-endpoint.",
        "queries": "Voorbeeldvragen (SPARQL)",
        "metadata_text": "Dataportalen (data.overheid.nl, data.europa.eu, CKAN) oogsten deze DCAT-AP-NL-catalogus:",
        "license_text": "De gegevens zijn gepubliceerd onder",
        "other": "English",
    },
    "en": {
        "contents": "What is in it",
        "download": "Download",
        "query": "Query",
        "metadata": "Description for portals",
        "license": "Licence",
        "contact": "Contact",
        "file": "File",
        "format": "Format",
        "size": "Size",
        "period": "Period of the letters",
        "places": "Municipalities",
        "version": "Version",
        "endpoint": "SPARQL endpoint",
        "no_endpoint": "No SPARQL endpoint is configured.",
        "load": "Load graph.nt.gz (or graph.ttl) into any triple store, or query the SPARQL endpoint.",
        "queries": "Example queries (SPARQL)",
        "metadata_text": "Data portals (data.overheid.nl, data.europa.eu, CKAN) harvest this DCAT-AP-NL catalog:",
        "license_text": "The data are published under",
        "other": "Nederlands",
    },
}


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _link(relative: str, label: str) -> str:
    return f'<a href="{_e(quote(relative))}">{_e(label)}</a>'


def _size(size: int) -> str:
    scaled = float(size)
    for unit in ("B", "kB", "MB"):
        if scaled < 1000 or unit == "MB":
            return f"{size:,} {unit}" if unit == "B" else f"{scaled:,.1f} {unit}"
        scaled /= 1000
    return ""


def _format(published: PublishedFile) -> str:
    kind = published.kind
    return f"{kind.media_type} ({kind.compress_format})" if kind.compress_format else kind.media_type


def _name(uri: str) -> str:
    organisation = registered_organisation(uri)
    return organisation.name if organisation else uri


# ------------------------------------------------------------------ schema.org JSON-LD


def _download(publication: Publication, published: PublishedFile, language: str) -> dict:
    kind = published.kind
    return {
        "@type": "DataDownload",
        "name": published.title(language),
        "contentUrl": publication.minter.published_file(published.relative),
        "encodingFormat": kind.compress_format or kind.media_type,
        "contentSize": f"{published.size} B",
    }


def schema_org(publication: Publication, groups: list[DatasetFiles], covered: Coverage) -> dict:
    """The schema.org Dataset that search engines read."""
    config, minter = publication.config, publication.minter
    language = config.language
    other = "en" if language == "nl" else "nl"
    contact = {"@type": "ContactPoint", "name": config.contact["name"], "email": config.contact["email"]}
    if config.contact.get("url"):
        contact["url"] = config.contact["url"]
    dataset = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": minter.catalog_dataset(GRAPH_DATASET),
        "name": config.title[language],
        "alternateName": config.title[other],
        "description": config.description[language],
        "url": config.landing_url,
        "identifier": minter.catalog_dataset(GRAPH_DATASET),
        "inLanguage": language,
        "version": config.version,
        "keywords": config.keywords[language] + config.keywords[other],
        "license": config.license,
        "isAccessibleForFree": True,
        "datePublished": config.issued,
        "dateModified": covered.modified(config.issued).lexical,
        "creator": {"@type": "Organization", "@id": config.creator, "name": _name(config.creator)},
        "publisher": {
            "@type": "Organization",
            "@id": config.publisher,
            "name": _name(config.publisher),
            "contactPoint": contact,
        },
        "spatialCoverage": [{"@type": "Place", "@id": m.uri, "name": m.name} for m in covered.municipalities],
        "distribution": [_download(publication, f, language) for group in groups for f in group.files],
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "@id": minter.catalog(),
            "url": minter.published_file("catalog.ttl"),
        },
    }
    if covered.start and covered.end:
        dataset["temporalCoverage"] = f"{covered.start.lexical}/{covered.end.lexical}"
    return dataset


def script_json(data: dict) -> str:
    """JSON that is safe inside <script>: no `<` at all, so never `</script>` or `<!--`."""
    return json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")


# ------------------------------------------------------------------ HTML


@dataclass(frozen=True)
class PageData:
    groups: list[DatasetFiles]
    covered: Coverage
    counts: Counter  # instances per class IRI


def _contents(publication: Publication, data: PageData, language: str) -> list[str]:
    t, covered, counts = TEXT[language], data.covered, data.counts
    items = []
    for cls in publication.model.classes.values():
        count = counts.get(publication.model.expand(cls.uri), 0)
        if count:
            items.append(f"<li>{_e(getattr(cls, language) or cls.name)}: {count:,}</li>")
    if covered.start and covered.end:
        items.append(f"<li>{t['period']}: {_e(covered.start.lexical)} – {_e(covered.end.lexical)}</li>")
    if covered.municipalities:
        items.append(f"<li>{t['places']}: {_e(', '.join(m.name for m in covered.municipalities))}</li>")
    items.append(f"<li>{t['version']}: {_e(publication.config.version)}</li>")
    return [f"<h2>{t['contents']}</h2>", "<ul>", *items, "</ul>"]


def _downloads(publication: Publication, groups: list[DatasetFiles], language: str) -> list[str]:
    t = TEXT[language]
    lines = [f"<h2>{t['download']}</h2>"]
    for group in groups:
        lines += [
            f"<h3>{_e(publication.config.title[language])} ({_e(group.kind.title[language])})</h3>",
            f"<p>{_e(group.kind.description[language])}</p>",
            f"<table><thead><tr><th>{t['file']}</th><th>{t['format']}</th><th>{t['size']}</th></tr></thead>",
            "<tbody>",
        ]
        for published in group.files:
            lines.append(
                f"<tr><td>{_link(published.relative, published.relative)}<br>"
                f"{_e(published.description(language))}</td>"
                f"<td>{_e(_format(published))}</td><td>{_e(_size(published.size))}</td></tr>"
            )
        lines += ["</tbody></table>"]
    return lines


def _query(publication: Publication, out: Path, language: str) -> list[str]:
    t = TEXT[language]
    endpoint = publication.config.endpoint_url
    lines = [f"<h2>{t['query']}</h2>", f"<p>{t['load']}</p>"]
    if endpoint:
        lines.append(f'<p>{t["endpoint"]}: <a href="{_e(endpoint)}">{_e(endpoint)}</a></p>')
    else:
        lines.append(f"<p>{t['no_endpoint']}</p>")
    queries = sorted(p.relative_to(out).as_posix() for p in (out / "queries").glob("*.rq"))
    if queries:
        lines += [
            f"<p>{t['queries']}:</p>",
            "<ul>",
            *(f"<li>{_link(query, Path(query).name)}</li>" for query in queries),
            "</ul>",
        ]
    return lines


def _metadata(language: str) -> list[str]:
    t = TEXT[language]
    links = " · ".join(_link(name, label) for name, label in METADATA_FILES)
    return [f"<h2>{t['metadata']}</h2>", f"<p>{t['metadata_text']} {links}</p>"]


def _license_and_contact(publication: Publication, language: str) -> list[str]:
    t, config = TEXT[language], publication.config
    contact = config.contact
    lines = [
        f"<h2>{t['license']}</h2>",
        f'<p>{t["license_text"]} <a href="{_e(config.license)}">{_e(LICENCES[config.license_id].label)}</a>.</p>',
        f"<h2>{t['contact']}</h2>",
        f'<p>{_e(contact["name"])} — <a href="mailto:{_e(contact["email"])}">{_e(contact["email"])}</a>',
    ]
    if contact.get("url"):
        lines[-1] += f' — <a href="{_e(contact["url"])}">{_e(contact["url"])}</a>'
    lines[-1] += f" · {_e(_name(config.publisher))}</p>"
    return lines


def _section(publication: Publication, out: Path, data: PageData, language: str) -> list[str]:
    config = publication.config
    return [
        f'<section lang="{language}" id="{language}">',
        f"<h1>{_e(config.title[language])}</h1>",
        f"<p>{_e(config.description[language])}</p>",
        *_contents(publication, data, language),
        *landing_section(publication, out, language),  # the website (issue 14)
        *_downloads(publication, data.groups, language),
        *_query(publication, out, language),
        *_metadata(language),
        *_license_and_contact(publication, language),
        "</section>",
    ]


STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:.3rem;"
    "text-align:left;vertical-align:top}nav a{margin-right:1rem}"
)


def page(publication: Publication, out: Path, files: FileTable) -> str:
    config = publication.config
    data = PageData(files.datasets(out), publication.coverage, publication.statistics.class_entities)
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{config.language}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(config.title[config.language])}</title>",
        f'<meta name="description" content="{_e(config.description[config.language])}">',
        '<link rel="alternate" type="text/turtle" href="catalog.ttl" title="DCAT">',
        '<link rel="alternate" type="application/ld+json" href="catalog.jsonld" title="DCAT">',
        '<link rel="alternate" type="application/rdf+xml" href="catalog.rdf" title="DCAT">',
        f"<style>{STYLE}</style>",
        '<script type="application/ld+json">',
        script_json(schema_org(publication, data.groups, data.covered)),
        "</script>",
        "</head>",
        "<body>",
        '<nav><a href="#nl">Nederlands</a><a href="#en">English</a></nav>',
        "<main>",
        *_section(publication, out, data, "nl"),
        *_section(publication, out, data, "en"),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"


def write(publication: Publication, out: Path, files: FileTable) -> None:
    (out / FILE).write_text(page(publication, out, files), encoding="utf-8", newline="\n")


OUTPUT = Output("landing", describe=write)
