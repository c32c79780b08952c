"""HTML from a Page: one Jinja2 template, autoescaped, so no text from the graph can become markup."""

from __future__ import annotations

import functools
import html
from pathlib import Path

import jinja2
from markupsafe import Markup

from opendata.outputs.site.layout import FORMATS
from opendata.outputs.site.words import WORDS

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMAT_LABELS = {".ttl": "Turtle", ".jsonld": "JSON-LD", ".nt": "N-Triples"}


def value(item: dict) -> Markup:
    """A value or link; plain string building (markupsafe's format is the slowest part of a page)."""
    text = html.escape(item.get("text", ""), quote=False)
    lang = item.get("lang")
    if lang:
        text = f'<span lang="{html.escape(lang)}">{text}</span>'
    href = item.get("href")
    if href:
        return Markup(f'<a href="{html.escape(href)}">{text}</a>')
    return Markup(text)


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True
    )
    env.globals["value"] = value
    return env


def suffix(lang: str) -> str:
    return ".html" if lang == "nl" else ".en.html"


def other(lang: str) -> str:
    return "en" if lang == "nl" else "nl"


def render(
    page, lang: str, *, root: str, name: str, landing: str, canonical: str = "", data_formats: bool = True
) -> str:
    """The page in `lang`; `root` is the relative path to doc/, `name` the file name without extension."""
    alternates = (
        [
            {"type": FORMATS[ext].split(";")[0], "href": name + ext, "label": FORMAT_LABELS[ext]}
            for ext in (".ttl", ".jsonld", ".nt")
        ]
        if data_formats
        else []
    )
    return (
        environment()
        .get_template("page.html")
        .render(
            lang=lang,
            w=WORDS[lang],
            title=page.title,
            subtitle=page.subtitle,
            description=page.description,
            iri=page.iri,
            sections=page.sections,
            jsonld=Markup(page.jsonld) if page.jsonld else "",
            searchable=page.searchable,
            root=root,
            suffix=suffix(lang),
            other_lang=other(lang),
            other_href=name + suffix(other(lang)),
            alternates=alternates,
            landing=landing,
            canonical=canonical,
        )
    )
