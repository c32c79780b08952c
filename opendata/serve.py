"""`opendata serve`: a read-only SPARQL 1.1 Protocol endpoint, a query page and the dist/ files.

The HTTP side is the standard library's ThreadingHTTPServer; every query runs in a worker process
(query_pool.py) so that the operator's timeout can stop it. Protocol: /sparql takes GET ?query=,
POST application/x-www-form-urlencoded (query=) and POST application/sparql-query; the Accept header
picks the results format; CORS is open; SPARQL Update is refused.
"""

from __future__ import annotations

import html
import json
import mimetypes
import signal
import socket
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from . import query as sparql
from . import site
from .query_pool import Failure, QueryPool

PAGE_TEMPLATE = Path(__file__).resolve().parent / "data" / "sparql-page.html"
MAX_BODY = 1 << 20  # a query larger than 1 MiB is refused

# Media types by result kind: the first is the default, and the first of a type/* wildcard's matches is chosen.
RESULTS_MEDIA = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_MEDIA = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld",
}
CONTENT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
FILE_TYPES = {
    ".ttl": "text/turtle; charset=utf-8",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".jsonld": "application/ld+json",
    ".json": "application/json",
    ".rq": "application/sparql-query",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".rdf": "application/rdf+xml",
    ".xml": "application/xml",
    ".gz": "application/gzip",
}
UPDATE_REFUSED = "SPARQL Update is refused: this endpoint is read-only"


@dataclass(frozen=True)
class Job:
    query: str
    accept: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = field(default=())


def text_reply(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


# -- in a worker process -------------------------------------------------------------------------


class Answerer:
    """Runs one Job against the store in a worker: negotiate, evaluate, enforce the row limit."""

    def __init__(self, max_rows: int):
        self.max_rows = max_rows

    def __call__(self, store: ox.Store, job: Job) -> Reply:
        try:
            return self._answer(store, job)
        except Exception as exc:  # a worker never dies of one request
            return text_reply(500, f"the query failed: {type(exc).__name__}: {exc}")

    def _answer(self, store: ox.Store, job: Job) -> Reply:
        try:
            dataset = _dataset(job)
        except ValueError as exc:
            return text_reply(400, f"default-graph-uri and named-graph-uri must be absolute IRIs: {exc}")
        try:
            result = sparql.run(store, job.query, **dataset)
        except sparql.QuerySyntaxError as exc:
            return text_reply(400, exc.located("query"))
        except sparql.QueryRefused as exc:
            return text_reply(403, str(exc))
        media = GRAPH_MEDIA if sparql.is_graph(result) else RESULTS_MEDIA
        fmt = negotiate(job.accept, media)
        if fmt is None:
            return text_reply(406, "none of the accepted types can hold this result; this endpoint offers "
                                   + ", ".join(dict.fromkeys(CONTENT_TYPES[f] for f in media.values())))
        try:
            body = self._body(store, job, dataset, result, fmt)
        except ValueError as exc:
            return text_reply(400, str(exc))
        except OSError as exc:
            return text_reply(500, f"the query failed: {exc}")
        return Reply(200, CONTENT_TYPES[fmt], body)

    def _body(self, store: ox.Store, job: Job, dataset: dict, result, fmt: str) -> bytes:
        if sparql.is_graph(result):
            triples = list(islice(result, self.max_rows + 1))
            self._check_size(len(triples), "triples")
            return ox.serialize(triples, format=sparql.GRAPH_FORMATS[fmt], prefixes=sparql.prefixes(job.query) or None)
        if isinstance(result, ox.QuerySolutions):
            # Count first (stops at the limit), then evaluate again to serialize in the standard format.
            self._check_size(sum(1 for _ in islice(result, self.max_rows + 1)), "rows")
            result = sparql.run(store, job.query, **dataset)
        return result.serialize(format=sparql.RESULTS_FORMATS[fmt])

    def _check_size(self, count: int, unit: str) -> None:
        if count > self.max_rows:
            raise ValueError(f"the result has more than {self.max_rows} {unit}, this endpoint's limit; add LIMIT "
                             f"(and OFFSET to page through it) or run it locally with `opendata query`")


def _dataset(job: Job) -> dict:
    """The protocol's default-graph-uri and named-graph-uri as pyoxigraph query options."""
    options = {}
    if job.default_graphs:
        options["default_graph"] = [ox.NamedNode(iri) for iri in job.default_graphs]
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in job.named_graphs]
    return options


def negotiate(accept: str, media: dict[str, str]) -> str | None:
    """The format for the best acceptable media type (q-values honoured); the first of `media` if no Accept."""
    if not accept.strip():
        return next(iter(media.values()))
    ranked = []
    for order, item in enumerate(accept.split(",")):
        kind, *params = [part.strip() for part in item.split(";")]
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0 and kind:
            ranked.append((-quality, order, kind.lower()))
    for _, _, kind in sorted(ranked):
        if kind in media:
            return media[kind]
        major, _, minor = kind.partition("/")
        if minor == "*":
            matching = [fmt for mt, fmt in media.items() if major == "*" or mt.startswith(major + "/")]
            if matching:
                return matching[0]
    return None


# -- in the server process -----------------------------------------------------------------------


class EndpointServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default of 5 resets connections when many clients arrive at once
    quiet = False  # no access log

    def __init__(self, address, root: Path, pool: QueryPool, page: bytes):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.root, self.pool, self.page = root, pool, page
        super().__init__(address, EndpointHandler)


class EndpointHandler(BaseHTTPRequestHandler):
    server: EndpointServer
    protocol_version = "HTTP/1.1"
    server_version = "opendata-sparql"

    def do_OPTIONS(self) -> None:  # CORS preflight
        self._send(Reply(204, "text/plain", b"", (
            ("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS"),
            ("Access-Control-Allow-Headers", "Accept, Content-Type"),
            ("Access-Control-Max-Age", "86400"),
        )))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/sparql":
            self._send(self._protocol(parse_qs(url.query, keep_blank_values=True), None))
        elif url.path == "/":  # the query page; /index.html is the publication's own landing page
            self._send(Reply(200, "text/html; charset=utf-8", self.server.page))
        else:
            self._send_file(url.path)

    def do_HEAD(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(Reply(200, "text/html; charset=utf-8", self.server.page), head=True)
        elif url.path == "/sparql":
            self._send(text_reply(405, "use GET or POST for queries"))
        else:
            self._send_file(url.path, head=True)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._send(text_reply(405, "POST goes to /sparql"))
            return
        params = parse_qs(url.query, keep_blank_values=True)
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._send(text_reply(411, "a POST needs a Content-Length"))
            return
        if int(length) > MAX_BODY:
            self._send(text_reply(413, f"the request is larger than {MAX_BODY} bytes"))
            self.close_connection = True
            return
        body = self.rfile.read(int(length))
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            self._send(self._protocol({**params, **form}, None))
        elif kind == "application/sparql-query":
            self._send(self._protocol(params, body.decode("utf-8", "replace")))
        elif kind == "application/sparql-update":
            self._send(text_reply(403, UPDATE_REFUSED))
        else:
            self._send(text_reply(415, "send application/x-www-form-urlencoded (query=...) or application/sparql-query"))

    def _protocol(self, params: dict[str, list[str]], direct: str | None) -> Reply:
        """One SPARQL protocol request: check it, then hand the query to a worker."""
        if "update" in params or "using-graph-uri" in params or "using-named-graph-uri" in params:
            return text_reply(403, UPDATE_REFUSED)
        queries = ([direct] if direct is not None else []) + params.get("query", [])
        if len(queries) != 1:
            return text_reply(400, "give exactly one query (the `query` parameter or an application/sparql-query body); "
                                   "the query page is at /")
        if sparql.is_update(queries[0]):
            return text_reply(403, UPDATE_REFUSED)
        job = Job(queries[0], self.headers.get("Accept", ""), tuple(params.get("default-graph-uri", [])),
                  tuple(params.get("named-graph-uri", [])))
        reply = self.server.pool.ask(job)
        if isinstance(reply, Failure):
            return text_reply(503 if reply.reason != "crashed" else 500, reply.message)
        return reply

    def _send_file(self, url_path: str, head: bool = False) -> None:
        answer = site.resolve(url_path, self.headers.get("Accept", ""), self.server.root)  # /id/, /doc/ (issue 14)
        if answer is not None:
            self._send(Reply(answer.status, answer.content_type, answer.body, answer.headers), head=head)
            return
        path = safe_path(self.server.root, url_path)
        if path is None:
            self._send(text_reply(404, f"{url_path}: not found"), head=head)
            return
        size = path.stat().st_size
        self._start(200, content_type(path), size)
        if not head:
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 16):
                    self.wfile.write(chunk)

    def _send(self, reply: Reply, head: bool = False) -> None:
        self._start(reply.status, reply.content_type, len(reply.body), reply.headers)
        if not head:
            self.wfile.write(reply.body)

    def _start(self, status: int, kind: str, length: int, headers=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(length))
        self.send_header("Access-Control-Allow-Origin", "*")
        if status in (405,):
            self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the stdlib's name)
        if not self.server.quiet:
            line = format % args
            sys.stderr.write(f"{self.address_string()} {line if len(line) < 300 else line[:296] + ' ...'}\n")


def safe_path(root: Path, url_path: str) -> Path | None:
    """The file below root that a URL path names, or None (no traversal, no directories, no NUL)."""
    relative = unquote(url_path).lstrip("/")
    if not relative or "\x00" in relative or "\\" in relative:
        return None
    candidate = (root / relative).resolve()
    if root not in candidate.parents or not candidate.is_file():
        return None
    return candidate


def content_type(path: Path) -> str:
    if path.suffix in FILE_TYPES:
        return FILE_TYPES[path.suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def query_page(root: Path, title: str) -> bytes:
    """The HTML page at /: a query box with the publication's example queries and a list of its files."""
    examples = [{"name": path.stem, "title": _title(path.read_text(encoding="utf-8")),
                 "text": path.read_text(encoding="utf-8")} for path in sorted((root / "queries").glob("*.rq"))]
    files = sorted(p.name for p in root.iterdir() if p.is_file())
    data = json.dumps({"queries": examples, "files": files}, ensure_ascii=False).replace("<", "\\u003c")
    page = PAGE_TEMPLATE.read_text(encoding="utf-8")
    return page.replace("__TITLE__", html.escape(title)).replace("__DATA__", data).encode("utf-8")


def _title(text: str) -> str:
    first = next((line for line in text.splitlines() if line.startswith("#")), "")
    return first.lstrip("# ").strip()


def serve_command(args) -> int:
    """`opendata serve`: start workers and the HTTP server; stop cleanly on SIGINT or SIGTERM."""
    root = Path(args.dist).resolve()
    if not (root / sparql.GRAPH_FILE).is_file():
        print(f"opendata serve: {args.dist}: no {sparql.GRAPH_FILE} here; run `opendata publish` first", file=sys.stderr)
        return 2
    if args.timeout <= 0 or args.max_rows < 1 or args.workers < 1:
        print("opendata serve: --timeout, --max-rows and --workers must be positive", file=sys.stderr)
        return 2
    pool = QueryPool(root, Answerer(args.max_rows), size=args.workers, timeout=args.timeout)
    try:
        server = EndpointServer((args.host, args.port), root, pool, query_page(root, str(args.dist)))
    except OSError as exc:
        pool.close()
        print(f"opendata serve: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    _run_until_signalled(server, args)
    return 0


def _run_until_signalled(server: EndpointServer, args) -> None:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    thread = threading.Thread(target=server.serve_forever, name="http", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"serving {args.dist} at http://{shown}:{port}/ (SPARQL endpoint: http://{shown}:{port}/sparql); "
          f"timeout {args.timeout:g} s, at most {args.max_rows} rows, {args.workers} workers; Ctrl-C stops",
          flush=True)
    while not stop.wait(0.5):
        pass
    server.shutdown()
    server.server_close()
    server.pool.close()
    thread.join()
    print("stopped", flush=True)
