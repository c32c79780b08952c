"""Conditional requests to `opendata serve`, as nginx and Apache answer them for their files: every
file and page carries an ETag and a Last-Modified, and a client that sends them back
(If-None-Match, If-Modified-Since) gets 304 Not Modified, with no body, while the file is the same."""

from __future__ import annotations

import http.client
import os
import urllib.error
import urllib.request
from email.utils import formatdate

import pytest

from .scenarios import nginx_serving
from .test_serve import Server
from .test_site import JOINT_REACTION

HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
# (address, Accept): a published file, a page by extension, a negotiated document in two formats
ADDRESSES = (
    ("/catalog.ttl", ""),
    (f"/doc/{JOINT_REACTION}.html", ""),
    (f"/doc/{JOINT_REACTION}", HTML),
    (f"/doc/{JOINT_REACTION}", "text/turtle"),
    ("/doc/organisatie/gm0546.jsonld", ""),
)


def _ask(url: str, method: str = "GET", **headers: str):
    request = urllib.request.Request(
        url, method=method, headers={k.replace("_", "-"): v for k, v in headers.items()}
    )
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def server(published, tmp_path_factory):
    started = Server(published, tmp_path_factory.mktemp("conditional") / "serve.log")
    try:
        yield started
    finally:
        started.stop()


def _conditional_requests_are_answered(url: str) -> dict[tuple[str, str], str]:
    tags = {}
    for path, accept in ADDRESSES:
        status, headers, body = _ask(url + path, Accept=accept)
        assert status == 200 and body, path
        etag, modified = headers["ETag"], headers["Last-Modified"]
        assert etag.startswith('"') and etag.endswith('"'), (path, etag)
        tags[(path, accept)] = etag
        for method in ("GET", "HEAD"):
            status, again, body = _ask(url + path, method, Accept=accept, If_None_Match=etag)
            assert (status, body, again["ETag"]) == (304, b"", etag), (path, method)
            assert _ask(url + path, method, Accept=accept, If_None_Match=f'"x", W/{etag}')[0] == 304, path
            assert _ask(url + path, method, Accept=accept, If_None_Match="*")[0] == 304, path
            assert _ask(url + path, method, Accept=accept, If_None_Match='"something-else"')[0] == 200, path
            assert _ask(url + path, method, Accept=accept, If_Modified_Since=modified)[0] == 304, path
            assert (
                _ask(url + path, method, Accept=accept, If_Modified_Since="Mon, 01 Jan 2001 00:00:00 GMT")[0]
                == 200
            )
            # If-None-Match decides when both are sent (RFC 9110, 13.1.3)
            assert (
                _ask(url + path, method, Accept=accept, If_None_Match='"x"', If_Modified_Since=modified)[0]
                == 200
            )
            assert (
                _ask(url + path, method, Accept=accept, If_Modified_Since="yesterday")[0] == 200
            )  # invalid: ignored
        if accept:  # a negotiated document's 304 keeps what tells caches apart
            _, again, _ = _ask(url + path, Accept=accept, If_None_Match=etag)
            assert "Accept" in again["Vary"] and again["Content-Location"], path
    # each representation its own tag: a cache never gives the Turtle for the page
    assert tags[(f"/doc/{JOINT_REACTION}", HTML)] != tags[(f"/doc/{JOINT_REACTION}", "text/turtle")]
    return tags


def test_opendata_serve_answers_conditional_requests(server, published):
    tags = _conditional_requests_are_answered(server.url)
    turtle = published / "doc" / (JOINT_REACTION + ".ttl")
    stat = turtle.stat()
    assert tags[(f"/doc/{JOINT_REACTION}", "text/turtle")] == f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    _, headers, _ = _ask(f"{server.url}/doc/{JOINT_REACTION}.ttl")
    assert headers["Last-Modified"] == formatdate(stat.st_mtime, usegmt=True)


def test_a_changed_file_is_sent_again(published, tmp_path):
    """A new version of a file (a new modification time) is no longer the client's: 200 with the bytes."""
    import shutil

    dist = tmp_path / "dist"
    shutil.copytree(published, dist, symlinks=True)
    page = dist / "doc" / (JOINT_REACTION + ".ttl")
    server = Server(dist, tmp_path / "serve.log")
    try:
        _, headers, _ = _ask(f"{server.url}/doc/{JOINT_REACTION}.ttl")
        os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000_000))
        status, _, body = _ask(f"{server.url}/doc/{JOINT_REACTION}.ttl", If_None_Match=headers["ETag"])
        assert (status, body) == (200, page.read_bytes())
    finally:
        server.stop()


def test_errors_and_redirects_are_never_not_modified(server):
    """Only a representation has validators: a 303, a 404 are answered whatever the client holds."""
    host = server.url.removeprefix("http://")
    for path, expected in (
        (f"/id/{JOINT_REACTION}", 303),
        ("/doc/nothing-here", 404),
        ("/no-such-file.ttl", 404),
    ):
        connection = http.client.HTTPConnection(host, timeout=30)
        try:
            connection.request("GET", path, headers={"If-None-Match": "*", "Accept": HTML})
            assert connection.getresponse().status == expected, path
        finally:
            connection.close()


@pytest.mark.integration
def test_nginx_answers_the_same_conditional_requests(published, tmp_path):
    with nginx_serving(published, tmp_path) as url:
        _conditional_requests_are_answered(url)


def test_a_publish_keeps_the_validators_of_what_it_did_not_change(datasets_copy, tmp_path):
    """A client's ETag of an unchanged document still holds after a publish that changed another
    letter (the file is linked from the build before), also when a build is recycled; the changed
    letter's document has a new one."""
    from opendata.outputs.site import resolve

    from .conftest import run_main

    out, letter = (
        tmp_path / "dist",
        datasets_copy / "letters" / "gs-zuid-holland-2019-01-24-samenwerking-leidse-regio.yaml",
    )
    changed, unchanged = (
        "/doc/brief/gs-zuid-holland-2019-01-24-samenwerking-leidse-regio",
        f"/doc/{JOINT_REACTION}",
    )
    tags = []
    for round_ in range(3):
        if round_:
            letter.write_text(
                letter.read_text(encoding="utf-8").replace("\ntitle: ", f"\ntitle: {round_} ", 1),
                encoding="utf-8",
            )
        result = run_main(
            "publish", "--datasets", str(datasets_copy), "--out", str(out), "--cache", str(tmp_path / "cache")
        )
        assert result.returncode == 0, result.stderr
        tags.append(
            {path: dict(resolve(path, "text/turtle", out).headers)["ETag"] for path in (changed, unchanged)}
        )
    assert tags[0][unchanged] == tags[1][unchanged] == tags[2][unchanged]
    assert len({t[changed] for t in tags}) == 3
