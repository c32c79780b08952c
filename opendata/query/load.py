"""`opendata load`: replace a graph in a triple store with the publication, in one HTTP request.

SPARQL 1.1 Graph Store HTTP Protocol: PUT <endpoint>?default (or ?graph=IRI) with the N-Triples
as the body replaces that graph atomically in stores that implement it transactionally (Oxigraph,
Fuseki, GraphDB, Virtuoso). The file is streamed, never read into memory.
"""

from __future__ import annotations

import base64
import os
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

from opendata.query.store import GRAPH_FILE

PASSWORD_VARIABLE = "OPENDATA_LOAD_PASSWORD"


class LoadFailed(Exception):
    """The store could not be reached or refused the graph."""


def target_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL for the default graph or a named graph (indirect identification)."""
    joiner = "&" if urlsplit(endpoint).query else "?"
    return f"{endpoint}{joiner}{'graph=' + quote(graph, safe='') if graph else 'default'}"


def put_graph(
    dist: Path,
    endpoint: str,
    graph: str | None = None,
    gzip: bool = False,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 600.0,
) -> int:
    """PUT the publication's N-Triples; the HTTP status on success, LoadFailed otherwise."""
    path = Path(dist) / (GRAPH_FILE + ".gz" if gzip else GRAPH_FILE)
    if not path.is_file():
        raise FileNotFoundError(
            f"{dist}: no {path.name} here; run `opendata publish` first or give --dist DIR"
        )
    headers = {"Content-Type": "application/n-triples", "Content-Length": str(path.stat().st_size)}
    if gzip:
        headers["Content-Encoding"] = "gzip"
    if user:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    with path.open("rb") as body:
        request = urllib.request.Request(
            target_url(endpoint, graph), data=body, headers=headers, method="PUT"
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()[:2000]
            raise LoadFailed(
                f"the store answered HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise LoadFailed(f"cannot reach {endpoint}: {reason}") from None


def load_command(args) -> int:
    """`opendata load`: 0 loaded, 1 the store failed or refused, 2 usage errors."""
    if urlsplit(args.endpoint).scheme not in ("http", "https"):
        print(f"opendata load: --endpoint must be an http(s) URL, not {args.endpoint!r}", file=sys.stderr)
        return 2
    password = os.environ.get(PASSWORD_VARIABLE)
    if args.user and password is None:
        print(
            f"opendata load: --user needs the password in the environment variable {PASSWORD_VARIABLE}",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    try:
        status = put_graph(args.dist, args.endpoint, args.graph, args.gzip, args.user, password, args.timeout)
    except FileNotFoundError as exc:
        print(f"opendata load: {exc}", file=sys.stderr)
        return 2
    except LoadFailed as exc:
        print(f"opendata load: {exc}", file=sys.stderr)
        return 1
    where = f"graph <{args.graph}>" if args.graph else "the default graph"
    sent = Path(args.dist) / (GRAPH_FILE + ".gz" if args.gzip else GRAPH_FILE)
    print(
        f"replaced {where} at {args.endpoint} with {sent} "
        f"(HTTP {status}) in {time.perf_counter() - started:.1f} s"
    )
    return 0
