"""Faults a checker found on publications unlike the other tests' (issue 14, helper 54): odd record keys,
the web servers' answers beside `opendata serve`'s, the index pages' descriptions."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from urllib.parse import quote, urlsplit

import lxml.html
import pytest
import rdflib
import yaml

from opendata.checks.records import KEY_MAX_LENGTH
from opendata.model.model import load_model
from opendata.outputs.site import endpoint_path, resolve
from opendata.outputs.site.layout import Layout

from .conftest import DATASETS, run_main
from .scenarios import apache_serving, http_get, nginx_serving
from .test_serve import Server
from .test_site import ID, former_documents

NEGOTIATED_HEADERS = ("Vary", "Content-Location", "Link")


@pytest.mark.integration
def test_nginx_moves_a_statements_former_document_without_the_negotiated_documents_headers(
    published, tmp_path
):
    """A 301 from a statement's former document (/doc/bron/organisatie-x-kind-1) named no document of its
    own on nginx: it carried the Vary, Content-Location and Link of a negotiated document
    (Content-Location organisatie-x-kind-1.ttl, alternates that do not exist), where serve and Apache
    send none (nginx's add_header of the doc location reached the 301)."""
    moves = [move for move in former_documents(published) if move[0].count("/") == 3][:20]
    assert moves
    with nginx_serving(published, tmp_path) as nginx:
        for former, target in moves:
            answer = resolve(former, "text/turtle", published)
            assert answer.status == 301 and not {name for name, _ in answer.headers} & set(NEGOTIATED_HEADERS)
            status, headers, _ = http_get(nginx + former, "text/turtle", follow=False)
            assert (status, headers["Location"]) == (301, target), former
            assert [name for name in NEGOTIATED_HEADERS if name in headers] == [], former


def _letter(datasets: Path, key: str, title: str, extra: dict) -> None:
    record = {
        "id": key,
        "kind": "brief",
        "title": title,
        "date_sent": "2019-05-01",
        "sender": "college-gm0546",
        "addressees": ["college-gm0547"],
        "text": f"{key}.txt",
        **extra,
    }
    (datasets / "letters" / f"{key}.yaml").write_text(
        yaml.safe_dump(record, sort_keys=False), encoding="utf-8"
    )
    (datasets / "letters" / f"{key}.txt").write_text(f"{title} over de dijk.\n", encoding="utf-8")


@pytest.fixture(scope="module")
def odd_keys(tmp_path_factory) -> Path:
    """The seed with letter `a` (signed, its signature's person sourced) and letter `a-ondertekening-1`
    (its title sourced): the key of the second's title statement, brief-a-ondertekening-1-title-1,
    reads as the first's signature 1 up to its field. And a letter whose key is `index`."""
    root = tmp_path_factory.mktemp("odd-keys")
    datasets = root / "datasets"
    shutil.copytree(DATASETS, datasets)
    (datasets / "releases.csv").unlink(missing_ok=True)
    signature = {"person": "j-baljeu", "role": "burgemeester", "sources": {"person": dict(SOURCE)}}
    _letter(datasets, "a", "Brief a", {"signatories": [signature], "sources": {"title": dict(SOURCE)}})
    _letter(datasets, "a-ondertekening-1", "Brief a", {"sources": {"title": SOURCE}})
    _letter(datasets, "index", "Brief over de kwartelkoning", {})
    out = root / "dist"
    result = run_main("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    return out


SOURCE = {"start": 0, "end": 7, "quote": "Brief a"}
ODD_STATEMENT = "bron/brief-a-ondertekening-1-title-1"  # letter a-ondertekening-1's title


def test_a_statement_is_described_with_its_record_when_the_key_reads_as_another_records_inline_record(
    odd_keys,
):
    """A statement's key was read with any field after an inline record: letter a-ondertekening-1's title
    statement was taken for letter a's signature 1 and, the record not matching, given a document of its
    own (doc/bron/…) missing from its letter's description, which was no longer what DESCRIBE gives."""
    statement = ID + ODD_STATEMENT
    described = rdflib.Graph().parse(odd_keys / "doc" / "brief" / "a-ondertekening-1.nt", format="nt")
    assert (
        rdflib.URIRef(statement),
        rdflib.RDF.subject,
        rdflib.URIRef(ID + "brief/a-ondertekening-1"),
    ) in described
    assert not (odd_keys / "doc" / "bron").exists()
    answer = resolve("/id/" + ODD_STATEMENT, "text/turtle", odd_keys)
    assert (answer.status, dict(answer.headers)["Location"]) == (303, "/doc/brief/a-ondertekening-1.ttl")
    signature = "bron/brief-a-ondertekening-1-person-1"  # letter a's signature's person
    assert (
        dict(resolve("/id/" + signature, "text/turtle", odd_keys).headers)["Location"] == "/doc/brief/a.ttl"
    )


def test_a_statements_key_is_read_with_the_fields_of_its_records_class():
    layout = Layout.of(ID, load_model())
    assert layout.described_in("bron/thema-x-dossier-number-1") == "thema/x-dossier"  # a letter's field
    assert layout.described_in("bron/brief-x-dossier-number-1") == "brief/x"
    assert layout.described_in("bron/brief-x-source-text-1") == "brief/x-source"  # a position's field
    assert layout.described_in("bron/uitspraak-x-source-text-1") == "uitspraak/x"
    assert layout.described_in("bron/brief-x-ondertekening-2-on-behalf-of-1") == "brief/x"
    assert layout.described_in("bron/thema-x-ondertekening-2-name-1") == "thema/x-ondertekening-2"


@pytest.mark.integration
def test_nginx_and_apache_send_such_a_statement_to_its_records_document(odd_keys, tmp_path):
    paths = [
        "/id/" + ODD_STATEMENT,
        "/doc/" + ODD_STATEMENT + ".ttl",
        "/id/bron/brief-a-ondertekening-1-person-1",
    ]
    expected = [
        (303, "/doc/brief/a-ondertekening-1.ttl"),
        (301, "/doc/brief/a-ondertekening-1.ttl"),
        (303, "/doc/brief/a.ttl"),
    ]
    for serving in (nginx_serving(odd_keys, tmp_path), apache_serving(odd_keys)):
        with serving as url:
            answers = [http_get(url + path, "text/turtle", follow=False) for path in paths]
        assert [(status, urlsplit(headers["Location"]).path) for status, headers, _ in answers] == expected


def test_the_search_index_links_a_letter_whose_key_is_index_to_its_page(odd_keys):
    """Pagefind strips index.html from its results' addresses: the letter `index` was found at brief/,
    a folder (which the English search page could not turn into the English page, brief/index.en.html)."""
    urls = {}
    for fragment in (odd_keys / "doc" / "pagefind").rglob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        found = json.loads(data[data.index(b"{") :])
        urls[found["url"]] = found["content"]
    assert "kwartelkoning" in urls.get("/brief/index.html", ""), sorted(urls)
    assert "/brief/" not in urls


def test_every_index_page_has_a_description_and_schema_org_for_search_engines(published):
    """The index pages (letters by year and by month, organisations, themes, the network, search, 404)
    had an empty <meta name="description"> and no schema.org JSON-LD: a search engine showing the
    month of letters had nothing to show under its title."""
    pages = [p for p in (published / "doc").rglob("*.html") if p.parent.name in ("doc", "overzicht")]
    assert len(pages) >= 14
    for page in pages:
        tree = lxml.html.parse(str(page)).getroot()
        described = tree.xpath("//meta[@name='description']/@content")
        assert described and described[0].strip(), page
        if page.stem.startswith("404"):
            continue
        (script,) = tree.xpath("//script[@type='application/ld+json']")
        data = json.loads(script.text)
        assert data["@context"] == "https://schema.org" and data["description"] == described[0], page
    month = lxml.html.parse(str(published / "doc" / "overzicht" / "brieven-2019-06.html")).getroot()
    assert month.xpath("//meta[@name='description']/@content") == [
        "Brieven in 2019-06 (1), met hun afzender en datum."
    ]


def test_opendata_serve_answers_the_endpoint_where_the_landing_page_links_it(published, tmp_path):
    """The seed's endpoint_url is {base_url}sparql (/publicatie/sparql), as publication.yaml suggests, and the
    landing page links it; opendata serve, which serves the files under base_url's path, answered it 404."""
    landing = lxml.html.parse(str(published / "index.html")).getroot()
    endpoint = "https://data.leidseregio.example/publicatie/sparql"
    assert endpoint in {a.get("href") for a in landing.iter("a")}
    assert endpoint_path("/publicatie/sparql", published) == "/sparql"
    assert endpoint_path("/publicatie/sparql/x", published) == "/publicatie/sparql/x"
    server = Server(published, tmp_path / "serve.log")
    try:
        query = "?query=" + quote("ASK { ?s ?p ?o }")
        status, _, body = http_get(
            server.url + urlsplit(endpoint).path + query, "application/sparql-results+json"
        )
        assert status == 200 and json.loads(body)["boolean"] is True
        assert http_get(server.url + "/publicatie/sparql2" + query)[0] == 404
    finally:
        server.stop()


def test_a_key_too_long_for_its_files_names_is_a_problem_and_the_longest_allowed_publishes(
    datasets_copy, tmp_path
):
    """A letter whose key has 250 characters was valid, and publish failed writing doc/brief/{key}.jsonld
    (File name too long) with a write-failed error whose hint was to free some space."""
    longest = "brief-" + "x" * (KEY_MAX_LENGTH - 6)
    _letter(datasets_copy, longest, "Een lange sleutel", {})
    out = tmp_path / "dist"
    result = run_main("publish", "--datasets", str(datasets_copy), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert (out / "doc" / "brief" / f"{longest}.en.html").is_file()
    _letter(datasets_copy, longest + "y", "Een te lange sleutel", {})
    result = run_main("validate", "--datasets", str(datasets_copy), "--format", "json")
    assert result.returncode == 1
    (problem,) = json.loads(result.stdout)["problems"]
    assert (problem["code"], problem["field"]) == ("invalid-format", "id")
    assert (
        problem["location"]["path"] == f"letters/{longest}y.yaml" and str(KEY_MAX_LENGTH) in problem["hint"]
    )


def test_a_private_persons_double_surname_is_masked_and_guarded_by_each_of_its_parts(datasets_copy, tmp_path):
    """A person who is not public, Zwanenburg-Olthof, named in a letter by one part of the surname
    ('mevrouw Zwanenburg', 'ZWANENBURG'): that part stayed in the text, the letter's pages and the
    search index, and the guard let the publication through (a name's words were split at spaces only)."""
    people = datasets_copy / "people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8")
        + "- id: p-zwanenburg\n  name: Pieternella Zwanenburg-Olthof\n  public: false\n",
        encoding="utf-8",
    )
    meetings = datasets_copy / "meetings.yaml"
    meetings.write_text(
        meetings.read_text(encoding="utf-8").replace(
            "participant_people: [j-baljeu]", "participant_people: [j-baljeu, p-zwanenburg]", 1
        ),
        encoding="utf-8",
    )
    text = datasets_copy / "letters" / "reactie-leidse-regio-2019-06-11.txt"
    text.write_text(
        text.read_text(encoding="utf-8") + "\nMevrouw Zwanenburg was verhinderd; OLTHOF ook.\n",
        encoding="utf-8",
    )
    out = tmp_path / "dist"
    result = run_main("publish", "--datasets", str(datasets_copy), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    leaks = []
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data += gzip.decompress(data)
        leaks += [(path.name, word) for word in (b"zwanenburg", b"olthof") if word in data.lower()]
    assert leaks == []
    published = (out / "tekst" / "reactie-leidse-regio-2019-06-11.txt").read_text(encoding="utf-8")
    assert published.endswith("\nMevrouw ██████████ was verhinderd; ██████ ook.\n")


def test_the_page_of_undated_letters_is_titled_as_such(published):
    """Its title read 'Brieven in zonder datum' / 'Letters in undated' (the month's title with 'undated' for the month)."""
    for name, title in (
        ("brieven-zonder-datum.html", "Brieven zonder datum"),
        ("brieven-zonder-datum.en.html", "Undated letters"),
    ):
        page = lxml.html.parse(str(published / "doc" / "overzicht" / name)).getroot()
        assert page.findtext(".//h1") == title


DOUBLED = ("/id//brief/{key}", "/doc//brief/{key}.ttl", "/doc/brief//{key}", "//doc/brief/{key}.nt")


def _answers(base: str, key: str) -> list[tuple[int, str]]:
    answers = [http_get(base + path.format(key=key), "text/turtle", follow=False) for path in DOUBLED]
    return [
        (status, urlsplit(headers.get("Location", "")).path or str(len(body)))
        for status, headers, body in answers
    ]


@pytest.mark.integration
def test_opendata_serve_merges_doubled_slashes_as_nginx_does(published, tmp_path):
    """/id//brief/x and /doc/brief//x were 404 on serve, and 303 and the description on nginx and Apache
    (which merge runs of slashes before they map a path: merge_slashes, MergeSlashes)."""
    key = "reactie-leidse-regio-2019-06-11"
    server = Server(published, tmp_path / "serve.log")
    try:
        served = _answers(server.url, key)
    finally:
        server.stop()
    ttl, nt = (len((published / "doc" / "brief" / f"{key}{ext}").read_bytes()) for ext in (".ttl", ".nt"))
    assert served == [(303, f"/doc/brief/{key}.ttl"), (200, str(ttl)), (200, str(ttl)), (200, str(nt))]
    with nginx_serving(published, tmp_path) as nginx:
        assert _answers(nginx, key) == served


def test_a_browser_following_the_link_to_the_endpoint_gets_the_query_page(published, tmp_path):
    """The endpoint's address without a query answered a person who followed the landing page's link with
    a plain-text 400; a browser's Accept now gets 303 to the query page. A protocol client still gets 400."""
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    server = Server(published, tmp_path / "serve.log")
    try:
        for path in ("/sparql", "/publicatie/sparql"):
            status, headers, _ = http_get(server.url + path, browser, follow=False)
            assert (status, headers["Location"], headers["Vary"]) == (303, "/", "Accept")
            for accept in ("", "*/*", "application/sparql-results+json"):
                assert http_get(server.url + path, accept, follow=False)[0] == 400, (path, accept)
        status, headers, page = http_get(server.url + "/sparql", browser)
        assert (
            status == 200
            and headers["Content-Type"].startswith("text/html")
            and b'<textarea id="query"' in page
        )
    finally:
        server.stop()


def test_documents_answer_when_the_base_iri_does_not_end_in_id(datasets_copy, tmp_path):
    """With base_iri https://…/ld/ a thing is /ld/brief/x and its document /ld/doc/brief/x, inside the id
    path: serve read every document's address as a thing's (type 'doc') and answered 404 after its own 303
    (nginx and Apache answered them)."""
    config = datasets_copy / "publication.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "base_iri: https://data.leidseregio.example/id/", "base_iri: https://data.leidseregio.example/ld/"
        ),
        encoding="utf-8",
    )
    (datasets_copy / "releases.csv").unlink(missing_ok=True)
    out = tmp_path / "dist"
    result = run_main("publish", "--datasets", str(datasets_copy), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    key = "brief/reactie-leidse-regio-2019-06-11"
    see_other = resolve(f"/ld/{key}", "text/turtle", out)
    assert (see_other.status, dict(see_other.headers)["Location"]) == (303, f"/ld/doc/{key}.ttl")
    for path in (
        f"/ld/doc/{key}",
        f"/ld/doc/{key}.ttl",
        "/ld/doc/index.html",
        "/ld/doc/overzicht/brieven.html",
    ):
        answer = resolve(path, "text/turtle", out)
        assert answer.status == 200, path
    assert resolve(f"/ld/doc/{key}", "text/turtle", out).body == (out / "doc" / f"{key}.ttl").read_bytes()
    assert dict(resolve("/ld/doc", "", out).headers)["Location"] == "/ld/doc/"


def _published_at(datasets: Path, out: Path, base_iri: str) -> Path:
    config = datasets / "publication.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "base_iri: https://data.leidseregio.example/id/", base_iri
        ),
        encoding="utf-8",
    )
    (datasets / "releases.csv").unlink(missing_ok=True)
    result = run_main("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.integration
def test_the_publications_files_answer_when_the_iris_are_at_the_hosts_root(datasets_copy, tmp_path):
    """With base_iri https://host/ every path is under the id path: serve answered the publication's own
    files (graph.nt, index.html, the catalog the catalog's IRIs 303 to, tekst/) 404 as things that do not
    exist, and so did nginx (its id location returned 404); Apache served them."""
    out = _published_at(datasets_copy, tmp_path / "dist", "base_iri: https://data.leidseregio.example/")
    files = (
        "/graph.nt",
        "/index.html",
        "/publicatie/catalog.ttl",
        "/tekst/reactie-leidse-regio-2019-06-11.txt",
    )
    expected = [
        (200, len((out / path.removeprefix("/publicatie").lstrip("/")).read_bytes())) for path in files
    ]
    see_other = "/brief/reactie-leidse-regio-2019-06-11"
    server = Server(out, tmp_path / "serve.log")
    try:
        assert [(s, len(b)) for s, _, b in (http_get(server.url + f) for f in files)] == expected
        assert http_get(server.url + see_other, "text/turtle", follow=False)[0] == 303
        assert http_get(server.url + "/brief/no-such-letter")[0] == 404
    finally:
        server.stop()
    with nginx_serving(out, tmp_path) as nginx:
        assert [(s, len(b)) for s, _, b in (http_get(nginx + f) for f in files)] == expected
        assert http_get(nginx + see_other, "text/turtle", follow=False)[0] == 303
        assert http_get(nginx + "/brief/no-such-letter")[0] == 404
