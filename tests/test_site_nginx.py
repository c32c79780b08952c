"""The generated nginx rules on a real nginx (Debian's nginx-light), started on a loopback port
with its own prefix, pid and temp paths in tmp_path: every IRI answers as with `opendata serve`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
import rdflib
from rdflib.compare import isomorphic

from .test_site import FORMATS, JOINT_REACTION, RESOURCES

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(published, tmp_path_factory):
    prefix = tmp_path_factory.mktemp("nginx")
    for folder in ("logs", "temp"):
        (prefix / folder).mkdir()
    port = _free_port()
    rules = published / "webserver"
    config = prefix / "nginx.conf"
    config.write_text(
        f"""
daemon off;
{"user root;" if os.geteuid() == 0 else ""}  # workers must read tmp_path (mode 0700)
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/temp/body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    default_type application/octet-stream;
    include {rules}/nginx-http.conf;
    server {{
        listen 127.0.0.1:{port};
        root {published};
        include {rules}/nginx-server.conf;
    }}
}}
""",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [NGINX, "-p", str(prefix), "-c", str(config)], stderr=subprocess.PIPE, text=True
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            if process.poll() is not None:
                raise AssertionError(f"nginx did not start: {process.stderr.read()}")
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=30)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url: str, accept: str = "", follow: bool = True):
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with opener.open(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.parametrize("key", sorted(RESOURCES))
@pytest.mark.parametrize("accept", sorted(FORMATS))
def test_nginx_gives_303_and_the_asked_format(nginx, published, key, accept):
    extension, media, _ = FORMATS[accept]
    status, headers, _ = _get(f"{nginx}/id/{key}", accept, follow=False)
    assert status == 303
    assert headers["Location"] == f"/doc/{key}" + ("" if extension == ".html" else extension)
    status, headers, body = _get(f"{nginx}/doc/{key}", accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == media
    assert headers["Vary"] == "Accept"
    name = key.split("/")[1]
    assert headers["Content-Location"] == name + extension
    assert f"<{name}.ttl>" in headers["Link"]
    assert body == (published / "doc" / (key + extension)).read_bytes()
    status, headers, by_extension = _get(f"{nginx}/doc/{key}{extension}")
    assert status == 200 and by_extension == body and headers["Content-Type"].split(";")[0] == media


def test_rdflib_dereferences_iris_through_nginx(nginx, published):
    for key, iri in sorted(RESOURCES.items()):
        graph = rdflib.Graph().parse(f"{nginx}/id/{key}")
        expected = rdflib.Graph().parse(published / "doc" / (key + ".ttl"), format="turtle")
        assert isomorphic(graph, expected) and (rdflib.URIRef(iri), None, None) in graph


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
    status, headers, body = _get(f"{nginx}/doc/")
    assert status == 200 and b"<html" in body
    status, headers, body = _get(f"{nginx}/id/brief/no-such-letter")
    assert status == 404
    status, headers, body = _get(f"{nginx}/doc/brief/no-such-letter.html")
    assert status == 404 and b"/doc/zoeken.html" in body
    status, headers, body = _get(f"{nginx}/publicatie/graph.nt")
    assert status == 200 and body == (published / "graph.nt").read_bytes()
