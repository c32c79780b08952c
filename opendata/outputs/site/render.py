"""HTML from a Page: the page's frame is one Jinja2 template, autoescaped; its sections are built here
as text in which every value is escaped as the template would (markupsafe's rules), so no text from
the graph can become markup. Building the sections in Python rather than in Jinja loops halves a page's
rendering time; tests/test_byte_identical.py holds the bytes."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import jinja2
import markupsafe
from markupsafe import Markup

from opendata.outputs.site.layout import FORMATS
from opendata.outputs.site.words import WORDS

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMAT_LABELS = {
    ".ttl": "Turtle",
    ".jsonld": "JSON-LD",
    ".nt": "N-Triples",
}  # in the order the page lists them


def value(item: dict) -> Markup:
    """A value or link; plain string building (markupsafe's format is the slowest part of a page)."""
    return Markup(_value(item))


# Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069): a value that holds one
# is shown in <bdi>, so that an override it leaves open ends with it instead of reversing what follows
# it on the line (the next link, a date in a note).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _isolated(markup: str) -> str:
    return f"<bdi>{markup}</bdi>" if _BIDI_CONTROLS.search(markup) else markup


def _value(item: dict) -> str:
    # html.escape(text, quote=False), inlined: a page has some 40 values
    text = _isolated(item.get("text", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    lang = item.get("lang")
    if lang:
        text = f'<span lang="{html.escape(lang)}">{text}</span>'
    href = item.get("href")
    if href:
        return f'<a href="{html.escape(href)}">{text}</a>'
    return text


def escape(text: object) -> str:
    """What the template's autoescape makes of `text`: markupsafe.escape's result (& < > ' " as
    &amp; &lt; &gt; &#39; &#34;; Markup as it is; None as 'None'), without a Markup per call."""
    if type(text) is str:
        return (
            text.replace("&", "&amp;")
            .replace(">", "&gt;")
            .replace("<", "&lt;")
            .replace("'", "&#39;")
            .replace('"', "&#34;")
        )
    return str(markupsafe.escape(text))


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True
    )
    env.globals["value"] = value
    return env


@functools.cache
def _words(lang: str) -> dict[str, str]:
    """The page's own words in `lang`, escaped once."""
    return {key: escape(text) for key, text in WORDS[lang].items()}


def suffix(lang: str) -> str:
    return ".html" if lang == "nl" else ".en.html"


def other(lang: str) -> str:
    return "en" if lang == "nl" else "nl"


def render(
    page, lang: str, *, root: str, name: str, landing: str, canonical: str = "", data_formats: bool = True
) -> str:
    """The page in `lang`; `root` is the relative path to doc/, `name` the file name without extension."""
    values = {  # what templates/page.html prints of this page; the rest is the frame's (`frame`)
        "title": page.title,
        "distinction": page.distinction,
        "subtitle": page.subtitle,
        "description": page.description,
        "iri": page.iri,
        "sections": Markup(sections(page.sections, lang)),
        "jsonld": Markup(page.jsonld) if page.jsonld else "",
        "canonical": canonical,
        "other_href": (root + name if root.startswith("/") else name)
        + suffix(other(lang)),  # 404: any address
        "alternates": Markup(alternates(name)) if data_formats else "",
        "downloads": Markup(downloads(lang, name)) if data_formats else "",
    }
    empty = tuple((field, value) for field, value in values.items() if not value)
    pieces = list(frame(lang, root, landing, page.searchable, empty))
    pieces[1::2] = [escape(values[field]) for field in pieces[1::2]]
    return "".join(pieces)


_MARK = "\0"  # around a value's name in a frame: no word, path or language of the frame holds it


@functools.lru_cache(maxsize=256)
def frame(
    lang: str, root: str, landing: str, searchable: bool, empty: tuple[tuple[str, object], ...]
) -> tuple[str, ...]:
    """templates/page.html rendered once for every page of a language, folder and landing page whose
    values in `empty` are those (a value's `{% if %}` drops its markup): in place of each other value
    a mark; split at the marks, the frame's own text is at even places and the name of the value
    printed there at odd ones. `render` puts each value in, escaped as the template escapes it."""
    marks = {field: Markup(f"{_MARK}{field}{_MARK}") for field in PAGE_VALUES} | dict(empty)
    text = (
        environment()
        .get_template("page.html")
        .render(
            lang=lang,
            w=WORDS[lang],
            searchable=searchable,
            root=root,
            chrome=chrome(lang, root),
            other_lang=other(lang),
            landing=landing,
            **marks,
        )
    )
    pieces = tuple(text.split(_MARK))
    if len(pieces) % 2 == 0 or not set(pieces[1::2]) <= set(PAGE_VALUES):
        raise ValueError(f"a word, path or language of the page frame holds {_MARK!r}")
    return pieces


PAGE_VALUES = (
    "title",
    "distinction",
    "subtitle",
    "description",
    "iri",
    "sections",
    "jsonld",
    "canonical",
    "other_href",
    "alternates",
    "downloads",
)


@functools.lru_cache(maxsize=256)
def chrome(lang: str, root: str) -> Markup:
    """The header up to its fixed menu items, for every page of a language at `root`."""
    return Markup(
        environment().get_template("chrome.html").render(w=WORDS[lang], root=root, suffix=suffix(lang))
    )


_TYPES = {ext: escape(FORMATS[ext].split(";")[0]) for ext in FORMAT_LABELS}


def alternates(name: str) -> str:
    """The <link>s in <head> to the description's data files, one a line."""
    name = escape(name)
    return "".join(
        f'<link rel="alternate" type="{_TYPES[ext]}" href="{name}{ext}">\n' for ext in FORMAT_LABELS
    )


def downloads(lang: str, name: str) -> str:
    """The footer's links to the description's data files."""
    name = escape(name)
    links = " · ".join(
        f'<a href="{name}{ext}" type="{_TYPES[ext]}">{escape(label)}</a>'
        for ext, label in FORMAT_LABELS.items()
    )
    return f"<p>{_words(lang)['downloads']}: {links}</p>"


# -- the sections: each piece of text is what templates/page.html's frame had in its loops

_MISSING = object()


def _field(item: dict, key: str) -> str:
    """A field as the template printed it: escaped, '' when absent (Jinja's Undefined)."""
    found = item.get(key, _MISSING)
    return "" if found is _MISSING else escape(found)


def sections(items: list[dict], lang: str) -> str:
    """The sections of a page, escaped, each in its <section>."""
    w = _words(lang)
    out: list[str] = []
    add = out.append
    for index, s in enumerate(items, 1):
        add(f'\n<section aria-labelledby="s{index}"')
        if s.get("ignore"):
            add(" data-pagefind-ignore")
        add(f'>\n<h2 id="s{index}">{_field(s, "title")}</h2>\n')
        note = s.get("note")
        if note:
            add(f"<p>{escape(note)}</p>")
        add("\n")
        kind = s.get("kind")
        if kind == "facts":
            add("\n")
            _table(s.get("rows", ()), w, add)
        elif kind == "sources":
            add("\n")
            for st in s.get("statements", ()):
                add(
                    f'\n<h3 id="{_field(st, "anchor")}">{_field(st, "title")}</h3>\n'
                    f'<p class="iri">{w["identifier"]}: <code>{_field(st, "iri")}</code></p>\n'
                )
                passage = st.get("passage")
                if passage:
                    add(
                        f'<p>{w["in_text"]}: <a href="{_field(passage, "href")}">{_field(passage, "text")}</a></p>\n'
                    )
                _table(st.get("rows", ()), w, add)
            add("\n")
        elif kind == "links":
            add("\n<ul>\n")
            for item in s.get("items", ()):
                note = item.get("note")
                detail = item.get("detail")
                linked = (
                    f' <span class="note">({_value(detail)})</span>' if detail and detail.get("href") else ""
                )
                if note:
                    add(
                        f'<li>{_value(item)} <span class="note">{_isolated(escape(note))}</span>{linked}</li>\n'
                    )
                else:
                    add(f"<li>{_value(item)}{linked}</li>\n")
            add("\n")
            more = s.get("more")
            if more:
                add(f"<li>{escape(more)}</li>")
            add("\n</ul>\n")
        elif kind == "text":
            add('\n<pre class="letter-text">')
            for piece in s.get("pieces", ()):
                for anchor in piece.get("source_anchors", ()):
                    add(f'<span id="{escape(anchor)}"></span>')
                sources = piece.get("sources")
                read = f' data-sources="{escape(sources)}"' if sources else ""
                if piece.get("positions"):
                    add(
                        f'<a class="evidence" href="{_field(piece, "href")}"'
                        f' data-positions="{escape(piece["positions"])}"{read}'
                    )
                    anchor = piece.get("anchor")
                    if anchor:
                        add(f' id="{escape(anchor)}"')
                    add(f"><mark>{_field(piece, 'text')}</mark></a>")
                elif sources:
                    add(
                        f'<a class="source" href="{_field(piece, "href")}" title="{_field(piece, "label")}"{read}>'
                        f"<mark>{_field(piece, 'text')}</mark></a>"
                    )
                else:
                    add(_field(piece, "text"))
            add("</pre>\n")
        elif kind == "quote":
            add(f'\n<blockquote class="quote"><p>{_field(s, "text")}</p></blockquote>\n')
            link = s.get("link")
            if link:
                add(f"<p>{_value(link)}</p>")
            add("\n")
        elif kind == "figure":
            add(
                f'\n<figure>\n<div class="picture" role="img" aria-labelledby="alt{index}">{_field(s, "svg")}</div>\n'
                f'<figcaption id="alt{index}">{_field(s, "alt")} <a href="{_field(s, "data_href")}">'
                f"{w['data']} ({_field(s, 'data_format')})</a></figcaption>\n</figure>\n"
            )
        elif kind == "html":
            add(f"\n{_field(s, 'html')}\n")
        add("\n</section>\n")
    return "".join(out)


def _table(rows, w: dict[str, str], add) -> None:
    add(
        '<table class="facts">\n'
        f'<thead><tr><th scope="col">{w["property"]}</th><th scope="col">{w["value"]}</th></tr></thead>\n'
        "<tbody>\n"
    )
    for label, values, *anchor in rows:  # a row may carry the id that links to a fragment land on
        row_id = f' id="{escape(anchor[0])}"' if anchor and anchor[0] else ""
        add(
            f'<tr{row_id}><th scope="row">{escape(label)}</th><td>{"<br>".join(map(_value, values))}</td></tr>\n'
        )
    add("\n</tbody>\n</table>\n")
