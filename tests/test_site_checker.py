"""Faults a checker found on publications unlike the other tests' (issue 14, helper 54): odd record keys,
the web servers' answers beside `opendata serve`'s, the index pages' descriptions."""

from __future__ import annotations

import pytest

from opendata.outputs.site import resolve

from .scenarios import http_get, nginx_serving
from .test_site import former_documents

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
