"""The pages that are not one resource: the site's home, letters by year and month, organisations
by kind, themes, the collaboration network, search and the page for addresses that do not exist."""

from __future__ import annotations

import html
import json
from collections import defaultdict

from markupsafe import Markup

from opendata.outputs.site import pictures, search
from opendata.outputs.site.facts import DCT, ORG, SKOS
from opendata.outputs.site.pages import Page, PageBuilder
from opendata.outputs.site.render import render
from opendata.outputs.site.words import WORDS

OVERVIEW = "overzicht"
MONTH_PAGE = "brieven-{month}"


def write(site) -> None:
    for lang, builder in site.builders.items():
        months = _letters_by_month(site)
        _page(site, lang, "", "index", _home(site, builder, lang))
        _page(site, lang, OVERVIEW, "brieven", _years(site, lang, months))
        for month, letters in months.items():
            title = WORDS[lang]["letters_in"].format(month=month) if month else WORDS[lang]["letters_undated"]
            page = Page(
                "", "index", title, description=WORDS[lang]["about_month"].format(n=len(letters), title=title)
            )
            page.sections.append(builder._links(title, letters))
            _page(site, lang, OVERVIEW, MONTH_PAGE.format(month=month or "zonder-datum"), page)
        _page(site, lang, OVERVIEW, "organisaties", _organisations(site, builder, lang))
        _page(site, lang, OVERVIEW, "themas", _themes(site, builder, lang))
        _page(site, lang, OVERVIEW, "netwerk", _network(site, lang))
        _page(site, lang, "", "zoeken", _search(lang, list(search.bundles(search.letter_keys(site)))))
        _page(site, lang, "", "404", _not_found(lang, site.layout.doc_path), root=site.layout.doc_path)


def _page(site, lang: str, folder: str, name: str, page: Page, root: str | None = None) -> None:
    target = site.doc / folder / name if folder else site.doc / name
    target.parent.mkdir(parents=True, exist_ok=True)
    root = root if root is not None else ("../" if folder else "")
    page.jsonld = _collection_jsonld(page, lang) if name != "404" else ""
    suffix = ".html" if lang == "nl" else ".en.html"
    landing = "/index.html" if root.startswith("/") else site.landing(folder + "/" if folder else "")
    html = render(page, lang, root=root, name=name, landing=landing, data_formats=False)
    site.put(target.with_name(name + suffix), html)


def _collection_jsonld(page: Page, lang: str) -> str:
    """schema.org for search engines: an index page is a CollectionPage (the search page a SearchResultsPage)."""
    kind = "SearchResultsPage" if page.title == WORDS[lang]["search"] else "CollectionPage"
    data = {"@context": "https://schema.org", "@type": kind, "name": page.title, "inLanguage": lang}
    if page.description:
        data["description"] = page.description
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


def _letters_by_month(site) -> dict[str, list[str]]:
    months: dict[str, list[str]] = defaultdict(list)
    for iri, summary in site.facts.letters.items():
        months[summary.date[:7]].append(iri)
    return {
        m: sorted(v, key=lambda i: (site.facts.letters[i].date, i))
        for m, v in sorted(months.items(), reverse=True)
    }


def _home(site, builder: PageBuilder, lang: str) -> Page:
    w = WORDS[lang]
    suffix = builder.suffix
    page = Page("", "index", w["site"], description=w["about_home"])
    page.sections.append(
        {
            "kind": "links",
            "title": w["home"],
            "items": [
                {"text": w["by_year"], "href": f"{OVERVIEW}/brieven{suffix}"},
                {"text": w["by_kind"], "href": f"{OVERVIEW}/organisaties{suffix}"},
                {"text": w["themes"], "href": f"{OVERVIEW}/themas{suffix}"},
                {"text": w["network"], "href": f"{OVERVIEW}/netwerk{suffix}"},
                {"text": w["search"], "href": f"zoeken{suffix}"},
                {"text": w["dataset"], "href": site.landing("")},
            ],
        }
    )
    return page


def _years(site, lang: str, months: dict[str, list[str]]) -> Page:
    w = WORDS[lang]
    suffix = ".html" if lang == "nl" else ".en.html"
    page = Page("", "index", w["by_year"], description=w["about_years"].format(n=len(site.facts.letters)))
    years: dict[str, list[dict]] = defaultdict(list)
    for month, letters in months.items():
        name = MONTH_PAGE.format(month=month or "zonder-datum")
        years[month[:4] or w["no_date"]].append(
            {"text": month or w["no_date"], "href": name + suffix, "note": f"({len(letters)})"}
        )
    for year, items in years.items():
        page.sections.append({"kind": "links", "title": year, "items": items})
    return page


def _organisations(site, builder: PageBuilder, lang: str) -> Page:
    facts, shared = site.facts, site.facts.shared
    by_kind: dict[str, list[str]] = defaultdict(list)
    for subject in shared.subjects:
        if "#" not in subject and ORG + "Organization" in shared.types(subject):
            kind = shared.first(subject, ORG + "classification")
            by_kind[builder.name(kind) if kind else "—"].append(subject)
    count = sum(len(members) for members in by_kind.values())
    page = Page(
        "", "index", WORDS[lang]["by_kind"], description=WORDS[lang]["about_organisations"].format(n=count)
    )
    for kind in sorted(by_kind):
        iris = sorted(by_kind[kind], key=lambda i: (facts.label(i), i))
        page.sections.append(builder._links(kind, iris, note=lambda _: ""))
    return page


def _themes(site, builder: PageBuilder, lang: str) -> Page:
    shared = site.facts.shared
    themes = sorted(
        (s for s in shared.subjects if "#" not in s and SKOS + "Concept" in shared.types(s)),
        key=lambda i: (site.facts.label(i), i),
    )
    page = Page(
        "", "index", WORDS[lang]["themes"], description=WORDS[lang]["about_themes"].format(n=len(themes))
    )
    page.sections.append(
        builder._links(
            WORDS[lang]["themes"], themes, note=lambda i: f"({len(site.facts.pointing(i, DCT + 'subject'))})"
        )
    )
    return page


def _network(site, lang: str) -> Page:
    date = site.publication.config.issued
    if getattr(site, "network", None) is None:  # computed once, drawn in both languages
        site.network = pictures.network(site, date)
    net = site.network
    data_file = site.doc / OVERVIEW / "netwerk.json"
    data_file.parent.mkdir(parents=True, exist_ok=True)
    site.put(data_file, json.dumps(pictures.network_data(site, net), indent=1, ensure_ascii=False) + "\n")
    page = Page("", "index", WORDS[lang]["network"], description=WORDS[lang]["network_at"].format(date=date))
    page.sections.append(pictures.network_section(site, lang, net, "netwerk.json"))
    return page


def _search(lang: str, parts: list[str]) -> Page:
    """The search page: Pagefind's UI over the index, merging its parts when it has more than one
    (search.py); the first part's UI files serve."""
    w = WORDS[lang]
    page = Page("", "index", w["search"], description=w["search_text"])
    first = parts[0] if parts else search.OUTPUT
    merged = html.escape(json.dumps([f"{part}/" for part in parts[1:]]))
    box, script = f'<div id="search" data-parts="{merged}"></div>', f"{search.OUTPUT}/{search.SCRIPT}"
    page.sections.append(
        {
            "kind": "html",
            "title": w["search"],
            "note": w["search_text"],
            "html": Markup(
                f'<link rel="stylesheet" href="{first}/pagefind-ui.css">'
                f"<noscript><p>{w['search_nojs']}</p></noscript>"
                f"{box}"
                f'<script src="{first}/pagefind-ui.js"></script>'
                f'<script src="{script}"></script>'
            ),
        }
    )
    return page


def _not_found(lang: str, doc_path: str) -> Page:
    """Served at any depth, so its links start at the site's root."""
    w = WORDS[lang]
    suffix = ".html" if lang == "nl" else ".en.html"
    page = Page("", "index", w["not_found"], description=w["not_found_text"].rstrip(":") + ".")
    page.sections.append(
        {
            "kind": "links",
            "title": w["not_found"],
            "note": w["not_found_text"],
            "items": [
                {"text": w["home"], "href": f"{doc_path}index{suffix}"},
                {"text": w["by_year"], "href": f"{doc_path}{OVERVIEW}/brieven{suffix}"},
                {"text": w["by_kind"], "href": f"{doc_path}{OVERVIEW}/organisaties{suffix}"},
                {"text": w["search"], "href": f"{doc_path}zoeken{suffix}"},
            ],
        }
    )
    return page
