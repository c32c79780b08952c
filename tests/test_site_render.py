"""The site's page sections built in Python (render.py) give the bytes the Jinja template's loops gave,
escaped by markupsafe's rules: for every kind of section, hostile text, absent and empty fields."""

from __future__ import annotations

import jinja2
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from opendata.outputs.site import render
from opendata.outputs.site.pages import Page
from opendata.outputs.site.words import WORDS

# templates/page.html's loop over the sections before they were built in Python, as it was
REFERENCE = """{% for s in sections %}
<section aria-labelledby="s{{ loop.index }}"{% if s.ignore %} data-pagefind-ignore{% endif %}>
<h2 id="s{{ loop.index }}">{{ s.title }}</h2>
{% if s.note %}<p>{{ s.note }}</p>{% endif %}
{% if s.kind == "facts" %}
<table class="facts">
<thead><tr><th scope="col">{{ w.property }}</th><th scope="col">{{ w.value }}</th></tr></thead>
<tbody>
{% for row in s.rows %}{% set label, values = row[0], row[1] %}<tr{% if row|length > 2 and row[2] %} id="{{ row[2] }}"{% endif %}><th scope="row">{{ label }}</th><td>{% for v in values %}{% if not loop.first %}<br>{% endif %}{{ value(v) }}{% endfor %}</td></tr>
{% endfor %}
</tbody>
</table>
{% elif s.kind == "sources" %}
{% for st in s.statements %}
<h3 id="{{ st.anchor }}">{{ st.title }}</h3>
<p class="iri">{{ w.identifier }}: <code>{{ st.iri }}</code></p>
{% if st.passage %}<p>{{ w.in_text }}: <a href="{{ st.passage.href }}">{{ st.passage.text }}</a></p>
{% endif %}<table class="facts">
<thead><tr><th scope="col">{{ w.property }}</th><th scope="col">{{ w.value }}</th></tr></thead>
<tbody>
{% for row in st.rows %}{% set label, values = row[0], row[1] %}<tr{% if row|length > 2 and row[2] %} id="{{ row[2] }}"{% endif %}><th scope="row">{{ label }}</th><td>{% for v in values %}{% if not loop.first %}<br>{% endif %}{{ value(v) }}{% endfor %}</td></tr>
{% endfor %}
</tbody>
</table>
{% endfor %}
{% elif s.kind == "links" %}
<ul>
{% for item in s["items"] %}<li>{{ value(item) }}{% if item.note %} <span class="note">{{ item.note }}</span>{% endif %}</li>
{% endfor %}
{% if s.more %}<li>{{ s.more }}</li>{% endif %}
</ul>
{% elif s.kind == "text" %}
<pre class="letter-text">{% for piece in s.pieces %}{% for a in piece.source_anchors or () %}<span id="{{ a }}"></span>{% endfor %}{% if piece.positions %}<a class="evidence" href="{{ piece.href }}" data-positions="{{ piece.positions }}"{% if piece.sources %} data-sources="{{ piece.sources }}"{% endif %}{% if piece.anchor %} id="{{ piece.anchor }}"{% endif %}><mark>{{ piece.text }}</mark></a>{% elif piece.sources %}<a class="source" href="{{ piece.href }}" title="{{ piece.label }}" data-sources="{{ piece.sources }}"><mark>{{ piece.text }}</mark></a>{% else %}{{ piece.text }}{% endif %}{% endfor %}</pre>
{% elif s.kind == "quote" %}
<blockquote class="quote"><p>{{ s.text }}</p></blockquote>
{% if s.link %}<p>{{ value(s.link) }}</p>{% endif %}
{% elif s.kind == "figure" %}
<figure>
<div class="picture" role="img" aria-labelledby="alt{{ loop.index }}">{{ s.svg }}</div>
<figcaption id="alt{{ loop.index }}">{{ s.alt }} <a href="{{ s.data_href }}">{{ w.data }} ({{ s.data_format }})</a></figcaption>
</figure>
{% elif s.kind == "html" %}
{{ s.html }}
{% endif %}
</section>
{% endfor %}"""

HOSTILE = "<script>alert('x')</script> & \"quoted\" <b>bold</b> é · \u2028"


def reference(sections: list[dict], lang: str) -> str:
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    env.globals["value"] = render.value
    return env.from_string(REFERENCE).render(sections=sections, w=WORDS[lang])


def hostile_sections(text: str) -> list[dict]:
    link = {"text": text, "href": "../x/" + text + "?a=1&b='2'", "note": text}
    return [
        {
            "kind": "facts",
            "title": text,
            "rows": [
                (text, [link, {"text": text, "lang": text}]),
                ("b", []),
                (text, [link], text),
                ("c", [], ""),
            ],
        },
        {"kind": "facts", "title": text, "note": text, "ignore": True, "rows": []},
        {
            "kind": "sources",
            "title": text,
            "statements": [
                {"anchor": text, "title": text, "iri": text, "rows": [(text, [{"text": text}])]},
                {"anchor": "a", "title": "", "iri": "", "rows": []},
                {
                    "anchor": "b",
                    "title": "",
                    "iri": "",
                    "rows": [],
                    "passage": {"text": text, "href": "#" + text},
                },
            ],
        },
        {"kind": "sources", "title": text, "statements": []},
        {
            "kind": "links",
            "title": text,
            "items": [link, {"text": text, "note": ""}, {"text": text}],
            "more": text,
        },
        {"kind": "links", "title": text, "items": []},
        {
            "kind": "text",
            "title": text,
            "note": text,
            "pieces": [
                {"text": text, "positions": ""},
                {"text": text, "positions": text, "href": text, "anchor": text},
                {"text": text, "positions": "p", "href": None, "anchor": None},
                {"text": "", "positions": "p q", "href": "h"},
                {
                    "text": text,
                    "positions": "",
                    "sources": text,
                    "href": text,
                    "label": text,
                    "source_anchors": [text],
                },
                {"text": text, "positions": "p", "href": "h", "sources": "s t", "source_anchors": ["x", "y"]},
            ],
        },
        {"kind": "quote", "title": text, "text": text, "link": link},
        {"kind": "quote", "title": text, "text": text, "link": None},
        {"kind": "quote", "title": text},
        {
            "kind": "figure",
            "title": text,
            "svg": Markup("<svg><text>" + str(escape(text)) + "</text></svg>"),
            "alt": text,
            "data_href": text,
            "data_format": "JSON",
            "ignore": True,
        },
        {"kind": "html", "title": text, "note": text, "html": Markup("<div id='search'></div>")},
        {"kind": "html", "title": text, "html": text},  # plain text where markup was expected: escaped
        {"kind": "unknown", "title": text, "note": None},
        {"title": None, "note": 0},  # None is printed as Jinja prints it
        {},
    ]


def test_every_kind_of_section_gives_the_template_s_bytes():
    for lang in ("nl", "en"):
        for text in (HOSTILE, "", "plain", "&amp; &#39; &lt;"):
            sections = hostile_sections(text)
            assert render.sections(sections, lang) == reference(sections, lang)


def test_hostile_text_in_sections_stays_text():
    html = render.sections(hostile_sections(HOSTILE), "nl")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html


@given(st.text())
def test_escape_is_markupsafe_s(text):
    assert render.escape(text) == str(escape(text))
    assert render.escape(Markup(text)) == text  # markup stays markup, as in the template


def test_escape_of_other_values_is_markupsafe_s():
    for item in (None, 3, 0.5, Markup("<b>"), ["<"]):
        assert render.escape(item) == str(escape(item))


@given(st.lists(st.dictionaries(st.sampled_from(["text", "note", "href", "lang"]), st.text()), max_size=4))
def test_links_of_any_text_give_the_template_s_bytes(items):
    items = [{"text": "", **item} for item in items]
    sections = [{"kind": "links", "title": "t", "items": items, "more": "m"}]
    sections.append({"kind": "facts", "title": "f", "rows": [(item["text"], items) for item in items]})
    assert render.sections(sections, "en") == reference(sections, "en")


def test_a_page_has_the_frame_s_chrome_for_its_language_and_folder():
    page = Page(
        "brief/x", "letter", HOSTILE, subtitle=HOSTILE, description=HOSTILE, iri="https://e.org/id/brief/x"
    )
    page.sections = hostile_sections(HOSTILE)
    for lang, other in (("nl", "en"), ("en", "nl")):
        for root in ("../", "", "../../"):
            html = render.render(page, lang, root=root, name="x", landing="../index.html", canonical="c")
            w = WORDS[lang]
            assert f'<a href="{root}zoeken{render.suffix(lang)}">{escape(w["search"])}</a>' in html
            assert f'<li><a href="x{render.suffix(other)}" hreflang="{other}" lang="{other}">' in html
            assert '<link rel="alternate" type="text/turtle" href="x.ttl">\n' in html
            assert f'<p>{escape(w["downloads"])}: <a href="x.ttl" type="text/turtle">Turtle</a> · ' in html
            assert render.sections(page.sections, lang) in html
            assert "<script>" not in html
            bare = render.render(page, lang, root=root, name="x", landing="l", data_formats=False)
            assert 'rel="alternate" type=' not in bare and "Turtle" not in bare


def template_s(
    page: Page, lang: str, root: str, name: str, landing: str, canonical: str, data_formats: bool
) -> str:
    """The page as templates/page.html renders it with every value given (render before its frames)."""
    return (
        render.environment()
        .get_template("page.html")
        .render(
            lang=lang,
            w=WORDS[lang],
            title=page.title,
            distinction=page.distinction,
            subtitle=page.subtitle,
            description=page.description,
            iri=page.iri,
            sections=Markup(render.sections(page.sections, lang)),
            jsonld=Markup(page.jsonld) if page.jsonld else "",
            searchable=page.searchable,
            root=root,
            chrome=render.chrome(lang, root),
            other_lang=render.other(lang),
            other_href=(root + name if root.startswith("/") else name) + render.suffix(render.other(lang)),
            alternates=Markup(render.alternates(name)) if data_formats else "",
            downloads=Markup(render.downloads(lang, name)) if data_formats else "",
            landing=landing,
            canonical=canonical,
        )
    )


@given(
    st.sampled_from([HOSTILE, "", "plain", "\0", "&amp;"]),
    st.sampled_from([HOSTILE, "", "x"]),
    st.booleans(),
    st.sampled_from(["../", "", "/doc/"]),
    st.booleans(),
)
def test_a_page_in_its_frame_is_the_template_s_rendering(text, other, searchable, root, data_formats):
    """render puts a page's values into a frame rendered once per language and folder: the bytes the
    template gives with every value, whichever values are empty or hostile."""
    page = Page("brief/x", "letter", text, subtitle=other, description=text, iri=other, searchable=searchable)
    page.distinction = other
    page.sections = hostile_sections(other)[:3]
    page.jsonld = '{"name": "' + other + '"}' if other else ""
    for lang in ("nl", "en"):
        for canonical in ("", text, "https://e.org/doc/brief/x"):
            arguments = {
                "root": root,
                "name": text or "x",
                "landing": "../index.html",
                "canonical": canonical,
            }
            expected = template_s(page, lang, data_formats=data_formats, **arguments)
            assert render.render(page, lang, data_formats=data_formats, **arguments) == expected
