"""The generated nginx rules on a real nginx (Debian's nginx-light), started on a loopback port
with its own prefix, pid and temp paths in tmp_path: every IRI answers as with `opendata serve`."""

from __future__ import annotations

import subprocess

import pytest
import rdflib

from opendata.outputs.site import resolve

from .scenarios import http_get as _get
from .scenarios import nginx_serving
from .test_site import (
    ACCEPTS,
    CATALOG_ACCEPTS,
    CATALOG_THINGS,
    FORMATS,
    ID,
    JOINT_REACTION,
    NOT_RESOURCES,
    PUBLISHED_FILES,
    RESOURCES,
    _statements,
    former_documents,
    linked_data_client_reads_every_iri,
    publish_elsewhere,
)

# integration: a real nginx serving the generated rules
pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def nginx(published, tmp_path_factory):
    with nginx_serving(published, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.mark.parametrize("key", sorted(RESOURCES))
@pytest.mark.parametrize("accept", sorted(FORMATS))
def test_nginx_gives_303_and_the_asked_format(nginx, published, key, accept):
    extension, media, _ = FORMATS[accept]
    status, headers, _ = _get(f"{nginx}/id/{key}", accept, follow=False)
    assert status == 303
    assert headers["Location"] == f"/doc/{key}" + ("" if extension == ".html" else extension)
    status, headers, body = _get(f"{nginx}/doc/{key}", accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == media
    assert headers["Vary"] == "Accept, Accept-Language"
    name = key.split("/")[1]
    assert headers["Content-Location"] == name + extension
    assert f"<{name}.ttl>" in headers["Link"]
    assert body == (published / "doc" / (key + extension)).read_bytes()
    status, headers, by_extension = _get(f"{nginx}/doc/{key}{extension}")
    assert status == 200 and by_extension == body and headers["Content-Type"].split(";")[0] == media


def test_rdflib_dereferences_iris_through_nginx(nginx, published):
    linked_data_client_reads_every_iri(nginx, published)


def test_nginx_sends_each_statements_iri_where_opendata_serve_does(nginx, published):
    """A fact-source statement is described in its record's document: nginx finds that document
    from the IRI by the generated regex, as `opendata serve` does (layout.py)."""
    statements = sorted(_statements(published))
    assert len(statements) > 400
    for number, statement in enumerate(statements):
        path = "/id/" + statement.removeprefix(ID)
        for accept in sorted(FORMATS) if number % 25 == 0 else ["text/turtle"]:
            status, headers, _ = _get(nginx + path, accept, follow=False)
            expected = resolve(path, accept, published)
            assert status == expected.status == 303, (statement, accept)
            assert headers["Location"] == dict(expected.headers)["Location"], (statement, accept)
            assert headers["Vary"] == "Accept"
    graph = rdflib.Graph().parse(nginx + "/id/" + statements[0].removeprefix(ID))
    assert (rdflib.URIRef(statements[0]), rdflib.RDF.subject, None) in graph


def test_nginx_moves_a_statements_former_document_where_opendata_serve_does(nginx, published):
    moves = former_documents(published)
    assert len(moves) > 400
    for former, target in moves:
        status, headers, _ = _get(nginx + former, "text/turtle", follow=False)
        assert status == resolve(former, "text/turtle", published).status == 301, former
        assert headers["Location"] == target, former
    # a statement's own document, where it has one, is served, not moved (a copy made for the test)
    former, target = moves[0]
    own = published / "doc" / (former.removeprefix("/doc/") + ".html")
    own.parent.mkdir()
    try:
        own.write_text("<html><title>own</title></html>", encoding="utf-8")
        status, _, body = _get(nginx + former + ".html")
        assert status == 200 and body == own.read_bytes()
    finally:
        own.unlink()
        own.parent.rmdir()
    status, _, body = _get(f"{nginx}/doc/bron/brief-no-such-letter-title-1.ttl")
    assert status == 404 and b"/doc/zoeken.html" in body


def test_curl_follows_the_303_to_the_page(nginx):
    done = subprocess.run(
        [
            "curl",
            "-sSL",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code} %{content_type} %{num_redirects}",
            "-H",
            "Accept: text/html",
            f"{nginx}/id/{JOINT_REACTION}",
        ],
        capture_output=True,
        text=True,
    )
    assert done.stdout.split()[0] == "200" and done.stdout.split()[1].startswith("text/html")
    assert done.stdout.split()[-1] == "1"


def test_nginx_serves_indexes_the_404_page_and_the_publication_under_base_url(nginx, published):
    status, _, body = _get(f"{nginx}/doc/")
    assert status == 200 and b"<html" in body
    status, _, body = _get(f"{nginx}/id/brief/no-such-letter")
    assert status == 404
    status, _, body = _get(f"{nginx}/doc/brief/no-such-letter.html")
    assert status == 404 and b"/doc/zoeken.html" in body
    status, _, body = _get(f"{nginx}/publicatie/graph.nt")
    assert status == 200 and body == (published / "graph.nt").read_bytes()


@pytest.mark.parametrize("accept", sorted(ACCEPTS))
def test_nginx_negotiates_q_values_wildcards_and_unacceptable_types_as_opendata_serve_does(
    nginx, published, accept
):
    statement = "/id/" + sorted(_statements(published))[0].removeprefix(ID)
    for path in (f"/id/{JOINT_REACTION}", f"/doc/{JOINT_REACTION}", "/id/organisatie/gm0546", statement):
        status, headers, _ = _get(nginx + path, accept, follow=False)
        expected = resolve(path, accept, published)
        assert status == expected.status, (path, accept)
        location = headers.get("Location")
        assert location == dict(expected.headers).get("Location"), (path, accept)
        content_location = headers.get("Content-Location")
        assert content_location == dict(expected.headers).get("Content-Location"), (path, accept)
        assert "Accept" in headers["Vary"], (path, accept)


def test_nginx_negotiates_only_a_resources_address_as_opendata_serve_does(nginx, published):
    for path, status in NOT_RESOURCES.items():
        for accept in ("", "text/turtle"):
            answer, _, body = _get(nginx + path, accept, follow=False)
            assert answer == status == resolve(path, accept, published).status, (path, accept)
            if status == 404:
                assert b"/doc/zoeken.html" in body, path


def test_nginx_sends_the_catalogs_iris_to_the_catalog_as_opendata_serve_does(nginx, published):
    for path in CATALOG_THINGS:
        for accept, target in CATALOG_ACCEPTS.items():
            status, headers, _ = _get(nginx + path, accept, follow=False)
            assert status == resolve(path, accept, published).status == (303 if target else 406), (
                path,
                accept,
            )
            assert "Accept" in headers["Vary"], (path, accept)
            if target:
                assert headers["Location"] == target, (path, accept)


def test_nginx_gives_each_published_file_the_media_type_opendata_serve_gives(nginx, published, tmp_path):
    from opendata.serve import content_type

    for name in PUBLISHED_FILES:
        for path in (f"/{name}", f"/publicatie/{name}"):
            status, headers, body = _get(nginx + path)
            assert status == 200 and body == (published / name).read_bytes(), path
            media = content_type(published / name).split(";")[0]
            assert headers["Content-Type"].split(";")[0] == media, path
    for folder in ("/ldes/", "/queries/", "/doc/overzicht/"):
        assert _get(nginx + folder)[0] == 404, folder


def test_nginx_answers_as_opendata_serve_does_with_iris_under_a_path_and_base_url_elsewhere(
    datasets_copy, tmp_path
):
    out = tmp_path / "dist"
    paths = publish_elsewhere(datasets_copy, out)
    (tmp_path / "nginx").mkdir()
    with nginx_serving(out.resolve(), tmp_path / "nginx") as url:
        for path in paths:
            for accept in ("", "text/turtle", "image/png"):
                status, headers, _ = _get(url + path, accept, follow=False)
                expected = resolve(path, accept, out)
                assert status == expected.status, (path, accept)
                assert headers.get("Location") == dict(expected.headers).get("Location"), (path, accept)
