"""A page for people in the language the client asks for: `Accept-Language` chooses between a
resource's Dutch page (`.html`, the default) and its English page (`.en.html`) at its document's
address, alike in `opendata serve` and in the generated nginx and Apache rules; the description
formats do not depend on it. The choice: the best acceptable range (q-values to two decimals, then
the order in the header) of an offered language (`en-GB` chooses `en`) or `*`; Dutch otherwise."""

from __future__ import annotations

import random
import re

import pytest

from opendata.outputs.site import resolve
from opendata.outputs.site.layout import LANGUAGES, page_extension
from opendata.outputs.site.negotiation import language_patterns

from .scenarios import apache_serving, nginx_serving
from .scenarios import http_get as _get
from .test_serve import Server
from .test_site import JOINT_REACTION, RESOURCES

HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"  # a browser's Accept
LANGUAGE_HEADERS = {  # Accept-Language -> the page's extension
    "": ".html",
    "en": ".en.html",
    "nl": ".html",
    "en-GB,en;q=0.9,nl;q=0.8": ".en.html",
    "nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7": ".html",
    "EN-us": ".en.html",
    "de-DE, fr;q=0.9, en;q=0.5": ".en.html",  # languages not offered are passed over
    "fr": ".html",  # none offered: Dutch, not 406
    "*": ".html",
    "fr, *;q=0.5, en;q=0.4": ".html",
    "en;q=0, nl;q=0.1": ".html",
    "nl;q=0.3, en;q=0.35": ".en.html",
    "en;q=0.855, nl;q=0.85": ".en.html",  # equal to two decimals: the earlier wins
    "nl;q=0.85, en;q=0.855": ".html",
    "english, en-;q=0.9": ".html",  # no language ranges
    " en ; q = 0.7 , nl ; q = 0.6 ": ".en.html",
    "en;q=2, nl;q=0.5": ".html",  # an invalid q-value is not acceptable
}


def test_the_language_is_chosen_as_the_web_servers_rules_choose_it():
    """negotiate_language and the regexes generated for nginx and Apache (read here by Python's re)
    choose the same page for the examples and a few thousand random headers."""
    first_step, second_step = language_patterns(LANGUAGES)
    ranges = [re.compile(pattern, re.IGNORECASE) for pattern in first_step]
    pages = [(page, re.compile(pattern, re.IGNORECASE)) for page, pattern in second_step]

    def by_the_rules(header: str) -> str:
        found = next((m for m in (p.match(header) for p in ranges) if m), None)
        chosen = found.group(1) if found else ""
        return next((page for page, pattern in pages if pattern.match(chosen)), ".html")

    tags = ["en", "nl", "EN", "en-GB", "nl-BE", "en-us-x1", "fr", "de-DE", "*", "english", "n", "e-n", "en-"]
    qualities = ["", "", ";q=1", ";q=0", ";q=0.5", ";q=0.85", ";q=0.855", ";q=0.001", ";q=2", " ; q = 0.3 "]
    rng = random.Random(1416)
    headers = list(LANGUAGE_HEADERS) + [
        ", ".join(rng.choice(tags) + rng.choice(qualities) for _ in range(rng.randint(1, 4)))
        for _ in range(3000)
    ]
    for header in headers:
        assert page_extension(header) == by_the_rules(header), header
    for header, extension in LANGUAGE_HEADERS.items():
        assert page_extension(header) == extension, header


@pytest.mark.parametrize("key", sorted(RESOURCES))
def test_a_documents_page_is_in_the_asked_language_and_its_descriptions_are_not_affected(published, key):
    name = key.split("/")[1]
    for header, extension in LANGUAGE_HEADERS.items():
        answer = resolve(f"/doc/{key}", HTML, published, header)
        headers = dict(answer.headers)
        assert answer.status == 200 and answer.body == (published / "doc" / (key + extension)).read_bytes()
        assert headers["Content-Location"] == name + extension, header
        assert headers["Vary"] == "Accept, Accept-Language"
        assert f'<{name}.html>; rel="alternate"; type="text/html"; hreflang="nl"' in headers["Link"]
        assert f'<{name}.en.html>; rel="alternate"; type="text/html"; hreflang="en"' in headers["Link"]
        turtle = resolve(f"/doc/{key}", "text/turtle", published, header)
        assert turtle.body == (published / "doc" / (key + ".ttl")).read_bytes()
        # the thing's IRI sends people to the document, whatever their language: one address to link to
        see_other = resolve(f"/id/{key}", HTML, published, header)
        assert (see_other.status, dict(see_other.headers)["Location"]) == (303, f"/doc/{key}")


def test_every_resource_page_has_its_english_page(published):
    """Accept-Language can only choose a page that is there: every resource's Dutch page has its English one."""
    doc = published / "doc"
    pages = [
        p for p in doc.glob("*/*.html") if not p.name.endswith(".en.html") and p.with_suffix(".ttl").exists()
    ]
    assert len(pages) > 50
    missing = [str(p.relative_to(doc)) for p in pages if not p.with_suffix(".en.html").is_file()]
    assert missing == []


def _answers_as_opendata_serve(url: str, published, base: str = "") -> None:
    for key in sorted(RESOURCES):
        for header in LANGUAGE_HEADERS:
            status, headers, body = _get(f"{url}/doc/{key}", HTML, language=header)
            expected = resolve(f"/doc/{key}", HTML, published, header)
            assert (status, body) == (expected.status, expected.body), (key, header)
            assert headers["Content-Location"] == dict(expected.headers)["Content-Location"], (key, header)
            assert {v.strip() for v in headers["Vary"].split(",")} == {"Accept", "Accept-Language"}, header
        status, headers, body = _get(f"{url}/doc/{key}", "text/turtle", language="en")
        assert (status, body) == (200, (published / "doc" / (key + ".ttl")).read_bytes())
        status, headers, _ = _get(f"{url}/id/{key}", HTML, follow=False, language="en")
        assert (status, headers["Location"].removeprefix(base)) == (303, f"/doc/{key}")


def test_opendata_serve_answers_in_the_asked_language(published, tmp_path):
    server = Server(published, tmp_path / "serve.log")
    try:
        _answers_as_opendata_serve(server.url, published)
        _, _, page = _get(f"{server.url}/id/{JOINT_REACTION}", HTML, language="en-GB,en;q=0.9")
        assert page == (published / "doc" / (JOINT_REACTION + ".en.html")).read_bytes()  # the 303 followed
    finally:
        server.stop()


@pytest.mark.integration
def test_nginx_answers_in_the_asked_language_as_opendata_serve_does(published, tmp_path):
    with nginx_serving(published, tmp_path) as url:
        _answers_as_opendata_serve(url, published)


@pytest.mark.integration
def test_apache_answers_in_the_asked_language_as_opendata_serve_does(published):
    with apache_serving(published.resolve()) as url:
        _answers_as_opendata_serve(url, published, base=url)
