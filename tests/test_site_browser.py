"""The website in a real browser: Debian's Chromium driven by Playwright (never `playwright
install`). Every page kind renders with no console error and no request leaving the site; the
search finds a letter by a word of its text; the pictures show with their text alternatives;
axe-core (npm, installed here into the git-ignored .test-envs/axe) finds no serious or critical
WCAG violation."""

from __future__ import annotations

import json
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import sync_playwright

from opendata.outputs.site import search

from .conftest import DATASETS, ROOT, run_cli, run_main
from .test_serve import Server
from .test_site import JOINT_REACTION

# integration: Chromium (Playwright) with axe-core from npm (.test-envs/)
pytestmark = pytest.mark.integration

CHROMIUM = "/usr/bin/chromium"
AXE_VERSION = "4.10.3"
AXE = ROOT / ".test-envs" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "letter": f"/doc/{JOINT_REACTION}.html",
    "letter (en)": f"/doc/{JOINT_REACTION}.en.html",
    "organisation": "/doc/organisatie/gm0546.html",
    "collaboration": "/doc/organisatie/leidse-regio.html",
    "person": "/doc/persoon/j-baljeu.html",
    "theme": "/doc/thema/bestuurlijke-samenwerking-leidse-regio.html",
    "meeting": "/doc/bijeenkomst/gesprek-gedeputeerde-2019-04-18.html",
    "position": "/doc/uitspraak/reactie-bestuurlijk-leerproces.html",
    "membership": "/doc/lidmaatschap/leidse-regio-gm0546.html",
    "post": "/doc/functie/gedeputeerde-baljeu.html",
    "letters of a month": "/doc/overzicht/brieven-2019-06.html",
    "organisation (en)": "/doc/organisatie/gm0546.en.html",
    "letters by month": "/doc/overzicht/brieven.html",
    "organisations by kind": "/doc/overzicht/organisaties.html",
    "themes": "/doc/overzicht/themas.html",
    "network": "/doc/overzicht/netwerk.html",
    "home": "/doc/index.html",
    "search": "/doc/zoeken.html",
    "not found": "/doc/brief/no-such-letter",
}


@pytest.fixture(scope="module")
def axe() -> str:
    if not AXE.is_file():
        done = subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(AXE.parents[2]),
                f"axe-core@{AXE_VERSION}",
                "--no-audit",
                "--no-fund",
            ],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(published, tmp_path_factory):
    server = Server(published, tmp_path_factory.mktemp("serve") / "serve.log")
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


def _open(browser, url: str):
    page = browser.new_page()
    errors, outside = [], []
    host = urlsplit(url).netloc
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if urlsplit(request.url).netloc not in (host, "") and not request.url.startswith("data:")
            else None
        ),
    )
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, response, errors, outside


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_every_page_kind_renders_without_errors_or_outside_requests_and_passes_axe(browser, site, axe, kind):
    page, response, errors, outside = _open(browser, site + PAGES[kind])
    try:
        assert response.status == (404 if kind == "not found" else 200)
        if kind == "not found":
            errors = [e for e in errors if "404" not in e]  # the browser logs the status itself
        assert errors == [] and outside == []
        assert page.locator("h1").inner_text().strip()
        page.add_script_tag(content=axe)
        result = page.evaluate(
            "async () => JSON.stringify(await axe.run(document, "
            "{runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}))"
        )
        violations = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in json.loads(result)["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert violations == []
    finally:
        page.close()


@pytest.mark.parametrize("suffix", [".html", ".en.html"])
def test_search_finds_a_letter_by_a_word_of_its_text(browser, site, suffix):
    """One index of the Dutch pages serves both search pages; the English one links its results
    (and their sub-results' anchors) to the letter's English page."""
    page, _, errors, outside = _open(browser, site + "/doc/zoeken" + suffix)
    try:
        page.fill("#search input", "leerproces")
        result = page.locator(".pagefind-ui__result-link").first
        result.wait_for(timeout=30000)
        href = result.get_attribute("href")
        assert href.endswith("reactie-leidse-regio-2019-06-11" + suffix), href
        subs = page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link")
        for i in range(subs.count()):
            assert ("reactie-leidse-regio-2019-06-11" + suffix + "#") in subs.nth(i).get_attribute("href")
        assert errors == [] and outside == []
    finally:
        page.close()


@pytest.mark.parametrize(
    "path",
    [
        "/doc/organisatie/colleges-leidse-regio.html",
        "/doc/overzicht/netwerk.html",
        "/doc/thema/bestuurlijke-samenwerking-leidse-regio.html",
    ],
)
def test_pictures_are_visible_with_their_text_alternatives_and_data(browser, site, path):
    page, _, _, _ = _open(browser, site + path)
    try:
        figure = page.locator("figure").first
        assert figure.locator("svg").is_visible()
        box = figure.locator("svg").bounding_box()
        assert box["width"] > 50 and box["height"] > 50
        caption = figure.locator("figcaption")
        assert len(caption.inner_text()) > 40
        assert figure.locator(".picture").get_attribute("role") == "img"
        data = caption.locator("a").get_attribute("href")
        assert page.request.get(page.url.rsplit("/", 1)[0] + "/" + data).ok
    finally:
        page.close()


def test_the_pages_are_keyboard_navigable(browser, site):
    page, _, _, _ = _open(browser, site + PAGES["letter"])
    try:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('main') !== null")
    finally:
        page.close()


def test_hostile_text_is_inert_in_the_browser(browser, tmp_path):
    datasets = tmp_path / "datasets"
    shutil.copytree(DATASETS, datasets)
    letter = datasets / "letters" / "reactie-leidse-regio-2019-06-11.yaml"
    record = yaml.safe_load(letter.read_text(encoding="utf-8"))
    record["title"] = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    letter.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_cli(
        "publish",
        "--datasets",
        str(datasets),
        "--out",
        str(tmp_path / "dist"),
        "--cache",
        str(tmp_path / "c"),
    )
    assert result.returncode == 0, result.stderr
    server = Server(tmp_path / "dist", tmp_path / "serve.log")
    try:
        for path in (
            PAGES["letter"],
            "/doc/organisatie/colleges-leidse-regio.html",
            "/doc/overzicht/brieven-2019-06.html",
        ):
            page, _, _, _ = _open(browser, server.url + path)
            assert page.evaluate("window.__pwned === undefined")
            assert page.locator("img[src=x]").count() == 0
            page.close()
    finally:
        server.stop()


def test_search_merges_the_parts_of_a_large_index(browser, tmp_path, monkeypatch):
    """An index in parts (search.py; here one letter a part, as 2,000 letters a part would make at
    scale): the search page merges them, and finds a letter that is not in the first part."""
    monkeypatch.setattr(search, "LETTERS_PER_BUNDLE", 1)
    out = tmp_path / "dist"
    result = run_main(
        "publish", "--datasets", str(DATASETS), "--out", str(out), "--cache", str(tmp_path / "c")
    )
    assert result.returncode == 0, result.stderr
    keys = sorted(p.name.removesuffix(".ttl") for p in (out / "doc" / "brief").glob("*.ttl"))
    parts = search.bundles(keys)
    letter = JOINT_REACTION.split("/")[1]
    assert len(parts) > 1 and letter not in next(iter(parts.values()))
    server = Server(out, tmp_path / "serve.log")
    try:
        page, _, errors, outside = _open(browser, server.url + "/doc/zoeken.html")
        page.fill("#search input", "leerproces")
        links = page.locator(".pagefind-ui__result-link")
        links.first.wait_for(timeout=30000)
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert any(letter in href for href in hrefs), hrefs
        assert errors == [] and outside == []
        page.close()
    finally:
        server.stop()
