"""Faults a checker found after helper 54's sweep (issue 14, helper 58): what a withdrawn record's
statements answer, and what the pages show people."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import lxml.html
import pytest

from .conftest import DATASETS, run_main
from .scenarios import X, apache_serving, http_get, nginx_serving, prepare_release_one, prepare_release_two
from .test_serve import Server

ID = "https://data.leidseregio.example/id/"
LIVE_STATEMENT = "/id/bron/brief-reactie-leidse-regio-2019-06-11-ondertekening-1-person-1"


@pytest.fixture(scope="module")
def withdrawn_with_statements(tmp_path_factory) -> dict[str, Path]:
    """Release 1: the seed and letter X with a sourced title and a signature; release 2 withdraws X."""
    root = tmp_path_factory.mktemp("withdrawn-statements")
    datasets, cache = root / "datasets", root / "cache"
    shutil.copytree(DATASETS, datasets)
    prepare_release_one(datasets)
    letter = datasets / "letters" / f"{X}.yaml"
    letter.write_text(
        letter.read_text(encoding="utf-8")
        + "signatories:\n- person: a-r-de-graaf\n  role: gemeentesecretaris\n"
        + "  sources:\n    person: {editorial: Redactionele kennis.}\n"
        + "sources:\n  title: {editorial: Door de redactie gegeven.}\n",
        encoding="utf-8",
    )
    releases = {}
    for name in ("first", "second"):
        if name == "second":
            prepare_release_two(datasets)
        releases[name] = root / name / "dist"
        result = run_main(
            "publish", "--datasets", str(datasets), "--out", str(releases[name]), "--cache", str(cache)
        )
        assert result.returncode == 0, result.stdout + result.stderr
    return releases


def _statement_paths(dist: Path) -> list[str]:
    """The paths of X's statements' IRIs (and of their former documents) in a release's graph."""
    graph = (dist / "graph.nt").read_text(encoding="utf-8")
    keys = sorted(set(re.findall(rf"<{re.escape(ID)}(bron/brief-{re.escape(X)}-[a-z0-9-]+)[>#]", graph)))
    return [f"/id/{key}" for key in keys] + [f"/doc/{key}{ext}" for key in keys[:1] for ext in ("", ".ttl")]


def _assert_gone(url: str, paths: list[str]) -> None:
    answers = {path: http_get(url + path, follow=False)[0] for path in paths}
    assert answers == dict.fromkeys(paths, 410)
    assert http_get(url + LIVE_STATEMENT, follow=False)[0] == 303  # a live record's statement as before


def test_a_withdrawn_records_statements_answer_410_on_opendata_serve(withdrawn_with_statements, tmp_path):
    paths = _statement_paths(withdrawn_with_statements["first"])
    assert any("-ondertekening-1-person-" in p for p in paths) and any("-title-" in p for p in paths)
    server = Server(withdrawn_with_statements["second"], tmp_path / "serve.log")
    try:
        _assert_gone(server.url, paths)
        body = http_get(server.url + paths[0])[2].decode("utf-8")
        assert f"{ID}brief/{X}" in body and "2019-07-01" in body  # the record's tombstone
    finally:
        server.stop()


@pytest.mark.integration  # a real nginx and a real Apache
@pytest.mark.parametrize("server", ["nginx", "apache"])
def test_a_withdrawn_records_statements_answer_410_on_the_web_servers(
    withdrawn_with_statements, tmp_path, server
):
    paths = _statement_paths(withdrawn_with_statements["first"])
    dist = withdrawn_with_statements["second"].resolve()
    with nginx_serving(dist, tmp_path) if server == "nginx" else apache_serving(dist) as url:
        _assert_gone(url, paths)


def _schema_org(page: Path) -> dict:
    return json.loads(lxml.html.parse(str(page)).find('.//script[@type="application/ld+json"]').text)


def test_schema_org_gives_a_dutch_letter_its_language_and_the_page_its_own(published):
    """The English page of a Dutch letter: the letter (and a position quoted from it) is in Dutch,
    the page that describes it in English."""
    doc = published / "doc"
    for key in ("brief/reactie-leidse-regio-2019-06-11", "uitspraak/reactie-gebiedsgerichte-agenda"):
        for suffix, lang in ((".en.html", "en"), (".html", "nl")):
            data = _schema_org(doc / f"{key}{suffix}")
            assert data["inLanguage"] == "nl", (key, suffix)
            assert data["mainEntityOfPage"] == {
                "@type": "WebPage",
                "@id": f"https://data.leidseregio.example/doc/{key}{suffix}",
                "inLanguage": lang,
            }
    organisation = _schema_org(doc / "organisatie/colleges-leidse-regio.en.html")
    assert "inLanguage" not in organisation  # an organisation has no language; its page has
    assert organisation["mainEntityOfPage"]["inLanguage"] == "en"


def _links_to(page: Path, target: str) -> list[tuple[str, str]]:
    """(link text, note) of each link of a page to `target`'s page (any anchor)."""
    found = []
    for link in lxml.html.parse(str(page)).iter("a"):
        if link.get("href", "").split("#", 1)[0].endswith(target):
            note = link.getnext()
            found.append(
                (link.text_content().strip(), note.text_content().strip() if note is not None else "")
            )
    return found


def test_an_organisations_post_without_a_name_shows_its_role_and_organisation(published):
    """A post has no name of its own: its key (`burgemeester-oegstgeest-e-r-j`) is no text for people."""
    doc = published / "doc"
    for suffix, text in (
        (".en.html", "mayor (gemeente Oegstgeest)"),
        (".html", "burgemeester (gemeente Oegstgeest)"),
    ):
        page = doc / f"organisatie/gm0579{suffix}"
        links = _links_to(page, f"functie/burgemeester-oegstgeest-e-r-j{suffix}")
        assert links[:1] == [(text, "Held by: E.R.J." if suffix == ".en.html" else "Van: E.R.J.")]
        title = lxml.html.parse(str(doc / f"functie/burgemeester-oegstgeest-e-r-j{suffix}")).findtext(".//h1")
        assert title.strip() == text


def test_what_refers_to_a_resource_names_each_statement_by_its_record_and_field(published):
    """A statement that refers to a resource is listed by its record's name and its field's label,
    linking to its anchor on the record's page; its key (`functie-…-post-in-1`) is no text for people."""
    doc = published / "doc"
    post = "functie/burgemeester-oegstgeest-e-r-j"
    statement = "bron-functie-burgemeester-oegstgeest-e-r-j-post-in-1"
    for suffix, text in (
        (".en.html", "mayor (gemeente Oegstgeest) · in organisation"),
        (".html", "burgemeester (gemeente Oegstgeest) · in organisatie"),
    ):
        page = lxml.html.parse(str(doc / f"organisatie/gm0579{suffix}"))
        assert page.xpath(f'//a[@href="../{post}{suffix}#{statement}"]/text()') == [text]
    signed = "brief/reactie-leidse-regio-2019-06-11.en.html#bron-brief-reactie-leidse-regio-2019-06-11-ondertekening-1"
    page = lxml.html.parse(str(doc / "organisatie/college-gm0546.en.html"))
    assert page.xpath(f'//a[@href="../{signed}-on-behalf-of-1"]/text()') == [
        "Reactie gemeenten Leidse regio n.a.v. gesprek met de gedeputeerde, mevrouw J. Baljeu, van 18 april 2019"
        " · signature 1 · on behalf of"
    ]
    keys = [
        (file.name, link.text_content())
        for file in sorted(doc.glob("*/*.html"))
        for link in lxml.html.parse(str(file)).iter("a")
        if "#bron-" in link.get("href", "") and link.text_content().strip() in link.get("href", "")
    ]
    assert keys == []
