"""The generated `.htaccess` on a real Apache (Debian's apache2, mod_rewrite, mod_headers, mod_mime),
started on a loopback port with the publication as its DocumentRoot: every IRI answers as with
`opendata serve` and nginx (test_site_nginx.py)."""

from __future__ import annotations

import pytest

from opendata.outputs.site import resolve

from .scenarios import apache_serving
from .scenarios import http_get as _get
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

# integration: a real Apache serving the generated rules
pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def apache(published):
    with apache_serving(published.resolve()) as url:
        yield url


def _location(headers, base: str) -> str:
    return headers["Location"].removeprefix(base)  # Apache makes a redirect absolute


@pytest.mark.parametrize("key", sorted(RESOURCES))
@pytest.mark.parametrize("accept", sorted(FORMATS))
def test_apache_answers_each_iri_and_document_as_opendata_serve_does(apache, published, key, accept):
    extension, media, _ = FORMATS[accept]
    status, headers, _ = _get(f"{apache}/id/{key}", accept, follow=False)
    expected = resolve(f"/id/{key}", accept, published)
    assert status == expected.status == 303
    assert _location(headers, apache) == dict(expected.headers)["Location"]
    assert "Accept" in headers["Vary"]
    status, headers, body = _get(f"{apache}/doc/{key}", accept)
    expected = resolve(f"/doc/{key}", accept, published)
    assert status == 200 and headers["Content-Type"].split(";")[0] == media
    assert body == expected.body == (published / "doc" / (key + extension)).read_bytes()
    assert "Accept" in headers["Vary"]
    assert headers["Content-Location"] == dict(expected.headers)["Content-Location"]
    assert set(headers["Link"].split(", ")) == set(dict(expected.headers)["Link"].split(", "))
    status, headers, by_extension = _get(f"{apache}/doc/{key}{extension}")
    assert status == 200 and by_extension == body and headers["Content-Type"].split(";")[0] == media


def test_rdflib_dereferences_iris_through_apache(apache, published):
    linked_data_client_reads_every_iri(apache, published)


def test_apache_sends_each_statements_iri_where_opendata_serve_does(apache, published):
    statements = sorted(_statements(published))
    assert len(statements) > 400
    for number, statement in enumerate(statements):
        path = "/id/" + statement.removeprefix(ID)
        for accept in sorted(FORMATS) if number % 25 == 0 else ["text/turtle"]:
            status, headers, _ = _get(apache + path, accept, follow=False)
            expected = resolve(path, accept, published)
            assert status == expected.status == 303, (statement, accept)
            assert _location(headers, apache) == dict(expected.headers)["Location"], (statement, accept)


def test_apache_moves_a_statements_former_document_where_opendata_serve_does(apache, published):
    moves = former_documents(published)
    for former, target in moves:
        status, headers, _ = _get(apache + former, "text/turtle", follow=False)
        assert status == 301 and _location(headers, apache) == target, former


def test_apache_serves_indexes_the_404_page_and_the_publication_under_base_url(apache, published):
    status, _, body = _get(f"{apache}/doc/")
    assert status == 200 and body == (published / "doc" / "index.html").read_bytes()
    for missing in (
        "/id/brief/no-such-letter",
        "/doc/brief/no-such-letter",
        "/doc/brief/no-such-letter.html",
    ):
        status, _, body = _get(apache + missing)
        assert status == 404 and b"/doc/zoeken.html" in body, missing
    status, _, body = _get(f"{apache}/publicatie/graph.nt")
    assert status == 200 and body == (published / "graph.nt").read_bytes()


@pytest.mark.parametrize("accept", sorted(ACCEPTS))
def test_apache_negotiates_q_values_wildcards_and_unacceptable_types_as_opendata_serve_does(
    apache, published, accept
):
    statement = "/id/" + sorted(_statements(published))[0].removeprefix(ID)
    for path in (f"/id/{JOINT_REACTION}", f"/doc/{JOINT_REACTION}", "/id/organisatie/gm0546", statement):
        status, headers, _ = _get(apache + path, accept, follow=False)
        expected = resolve(path, accept, published)
        assert status == expected.status, (path, accept)
        location = headers.get("Location")
        assert (location and _location(headers, apache)) == dict(expected.headers).get("Location"), (
            path,
            accept,
        )
        content_location = headers.get("Content-Location")
        assert content_location == dict(expected.headers).get("Content-Location"), (path, accept)
        assert "Accept" in headers["Vary"], (path, accept)


def test_apache_negotiates_only_a_resources_address_as_opendata_serve_does(apache, published):
    for path, status in NOT_RESOURCES.items():
        for accept in ("", "text/turtle"):
            answer, _, body = _get(apache + path, accept, follow=False)
            assert answer == status == resolve(path, accept, published).status, (path, accept)
            if status == 404:
                assert b"/doc/zoeken.html" in body, path


def test_apache_sends_the_catalogs_iris_to_the_catalog_as_opendata_serve_does(apache, published):
    for path in CATALOG_THINGS:
        for accept, target in CATALOG_ACCEPTS.items():
            status, headers, _ = _get(apache + path, accept, follow=False)
            assert status == resolve(path, accept, published).status == (303 if target else 406), (
                path,
                accept,
            )
            assert "Accept" in headers["Vary"], (path, accept)
            if target:
                assert _location(headers, apache) == target, (path, accept)


def test_apache_gives_each_published_file_the_media_type_opendata_serve_gives(apache, published, tmp_path):
    from opendata.serve import content_type

    for name in PUBLISHED_FILES:
        for path in (f"/{name}", f"/publicatie/{name}"):
            status, headers, body = _get(apache + path)
            assert status == 200 and body == (published / name).read_bytes(), path
            media = content_type(published / name).split(";")[0]
            assert headers["Content-Type"].split(";")[0] == media, path
    for folder in ("/ldes/", "/queries/", "/doc/overzicht/"):
        assert _get(apache + folder)[0] == 404, folder


def test_apache_answers_as_opendata_serve_does_with_iris_under_a_path_and_base_url_elsewhere(
    datasets_copy, tmp_path
):
    out = tmp_path / "dist"
    paths = publish_elsewhere(datasets_copy, out)
    with apache_serving(out.resolve()) as url:
        for path in paths:
            for accept in ("", "text/turtle", "image/png"):
                status, headers, _ = _get(url + path, accept, follow=False)
                expected = resolve(path, accept, out)
                assert status == expected.status, (path, accept)
                location = headers.get("Location")
                assert (location and location.removeprefix(url)) == dict(expected.headers).get("Location"), (
                    path,
                    accept,
                )


def test_apache_drops_the_query_string_from_a_303_as_opendata_serve_and_nginx_do(apache, published):
    statement = "/id/" + sorted(_statements(published))[0].removeprefix(ID)
    for path in (f"/id/{JOINT_REACTION}", "/id/catalogus", statement):
        for accept in ("", "text/turtle"):
            status, headers, _ = _get(f"{apache}{path}?format=ttl", accept, follow=False)
            expected = resolve(path, accept, published)
            assert status == expected.status == 303
            assert _location(headers, apache) == dict(expected.headers)["Location"], (path, accept)
