"""`opendata serve`: a read-only SPARQL 1.1 Protocol endpoint, a query page and the dist/ files.

The HTTP side is the standard library's ThreadingHTTPServer; every query runs in a worker process
(query_pool.py) so that the operator's timeout can stop it. Protocol: /sparql takes GET ?query=,
POST application/x-www-form-urlencoded (query=) and POST application/sparql-query; the Accept header
picks the results format; CORS is open; SPARQL Update, SERVICE and over-large queries are refused
(query_guard.py, by parsing); the workers have no network and a memory bound (sandbox.py).

`dist` is followed on every request: a publish switches the link to a new build, and the next
request is answered from that build (its files, its query page, and query workers that have
loaded it), while requests already under way finish on the build they started with.
"""

from __future__ import annotations

import codecs
import contextlib
import html
import json
import mimetypes
import os
import re
import signal
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from opendata.model.model import RDF_TYPE
from opendata.outputs import site
from opendata.outputs.site.negotiation import negotiate
from opendata.query import sandbox
from opendata.query import store as sparql
from opendata.query.guard import QueryTooLarge
from opendata.query.pool import Failure, QueryPool, WorkerFailed

PAGE_TEMPLATE = Path(__file__).resolve().parent / "data" / "sparql-page.html"
MAX_BODY = 1 << 20  # a query larger than 1 MiB is refused
READ_TIMEOUT = 20.0  # seconds a client may take to send one request (line, headers and body), or stay idle
MAX_CONNECTIONS = 256  # connections served at once; more are answered 503 at once
_DIGITS = re.compile(r"[0-9]{1,18}")  # Content-Length: ASCII digits only (str.isdigit() accepts '²')

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
# The endpoint's address without a query, asked for by a browser (a link to endpoint_url, as on the landing
# page): 303 to the query page. Any other Accept, none, or */* is a protocol client's: 400 as before.
FOR_PEOPLE = {
    "application/sparql-results+json": False,
    "text/csv": False,
    "text/html": True,
    "application/xhtml+xml": True,
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
    ".trig": "application/trig",  # dist/ldes/ pages
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
MEMORY_REFUSED = "the query needed more memory than this endpoint allows per query and was stopped; narrow it"


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
        except MemoryError:
            return text_reply(503, MEMORY_REFUSED)
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
        except QueryTooLarge as exc:
            return text_reply(400, f"{exc}: this endpoint refuses it before running it")
        except sparql.QueryRefused as exc:
            return text_reply(403, str(exc))
        media = GRAPH_MEDIA if sparql.is_graph(result) else RESULTS_MEDIA
        fmt = negotiate(job.accept, media)
        if fmt is None:
            return text_reply(
                406,
                "none of the accepted types can hold this result; this endpoint offers "
                + ", ".join(dict.fromkeys(CONTENT_TYPES[f] for f in media.values())),
            )
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
            return sparql.written(
                ox.serialize(
                    triples, format=sparql.GRAPH_FORMATS[fmt], prefixes=sparql.prefixes(job.query) or None
                )
            )
        if isinstance(result, ox.QuerySolutions):
            # Count first (stops at the limit), then evaluate again to serialize in the standard format.
            self._check_size(sum(1 for _ in islice(result, self.max_rows + 1)), "rows")
            result = sparql.run(store, job.query, **dataset)
        return result.serialize(format=sparql.RESULTS_FORMATS[fmt])

    def _check_size(self, count: int, unit: str) -> None:
        if count > self.max_rows:
            raise ValueError(
                f"the result has more than {self.max_rows} {unit}, this endpoint's limit; add LIMIT "
                f"(and OFFSET to page through it) or run it locally with `opendata query`"
            )


def _dataset(job: Job) -> dict:
    """The protocol's default-graph-uri and named-graph-uri as pyoxigraph query options."""
    options = {}
    if job.default_graphs:
        options["default_graph"] = [ox.NamedNode(iri) for iri in job.default_graphs]
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in job.named_graphs]
    return options


# -- in the server process -----------------------------------------------------------------------


class NoPublication(Exception):
    """`dist` points at no complete build right now (a folder being removed, or nothing published)."""


@dataclass
class Build:
    """One build of the publication as served: its folder, its query workers (started on first query), its page."""

    root: Path
    pool: QueryPool | None = None
    page: bytes | None = None
    starting: threading.Lock = field(default_factory=threading.Lock)  # one start of the workers at a time


class CurrentPublication:
    """Follows the `dist` link: every request asks for the build it points at now, and keeps it to the end.

    `opendata publish` switches the link atomically, so resolving it once per request gives one
    whole build per request. Query workers load a build once; when the link moves, the next query
    starts workers on the new build (waiting for them: a name just made private must not be
    answered from the old build) and the old workers finish what they hold, then stop.
    """

    def __init__(self, dist: Path, make_pool, title_fallback: str):
        self.dist, self.make_pool, self.title_fallback = Path(dist), make_pool, title_fallback
        self._lock = threading.Lock()
        self._build: Build | None = None

    def build(self) -> Build:
        """The build `dist` points at now (its pool and page made lazily)."""
        root = Path(os.path.realpath(self.dist))
        if not (root / sparql.GRAPH_FILE).is_file():
            raise NoPublication(f"no publication at {self.dist} right now; run `opendata publish`")
        with self._lock:
            if self._build is None or self._build.root != root:
                retired, self._build = self._build, Build(root)
                if retired is not None and retired.pool is not None:
                    retired.pool.retire()
            return self._build

    def pool(self, build: Build) -> QueryPool:
        """The query workers of a build, started (and waited for) by the first query that needs them."""
        with build.starting:  # files and other builds are served meanwhile
            if build.pool is None:
                try:
                    build.pool = self.make_pool(build.root)
                except WorkerFailed as exc:
                    raise NoPublication(str(exc)) from None
                with self._lock:
                    moved_on = self._build is not build
                if moved_on:  # the link moved on while the workers loaded
                    build.pool.retire()
            return build.pool

    def page(self, build: Build) -> bytes:
        if build.page is None:
            build.page = query_page(build.root, publication_title(build.root) or self.title_fallback)
        return build.page

    def close(self) -> None:
        with self._lock:
            if self._build is not None and self._build.pool is not None:
                self._build.pool.close()


class EndpointServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the default of 5 resets connections when many clients arrive at once
    quiet = False  # no access log

    def __init__(self, address, publication: CurrentPublication, read_timeout: float = READ_TIMEOUT):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.publication, self.read_timeout = publication, read_timeout
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        self._deadlines: dict[EndpointHandler, float] = {}
        self._deadlines_lock = threading.Lock()
        super().__init__(address, EndpointHandler)
        threading.Thread(target=self._cut_slow_clients, name="deadlines", daemon=True).start()

    def process_request(self, request, client_address) -> None:
        """One thread per connection, at most MAX_CONNECTIONS at once; beyond, a quick 503 and close."""
        if not self._slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                )
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def reading(self, handler: EndpointHandler) -> None:
        """The handler waits for a request from its client: cut it off if the request is not in by the deadline."""
        with self._deadlines_lock:
            self._deadlines[handler] = time.monotonic() + self.read_timeout

    def read(self, handler: EndpointHandler) -> None:
        with self._deadlines_lock:
            self._deadlines.pop(handler, None)

    def _cut_slow_clients(self) -> None:
        """A client that trickles its request (one byte now and then) would hold a thread forever: not here."""
        while True:
            time.sleep(min(1.0, self.read_timeout / 4))
            now = time.monotonic()
            with self._deadlines_lock:
                late = [handler for handler, deadline in self._deadlines.items() if deadline < now]
                for handler in late:
                    del self._deadlines[handler]
            for handler in late:
                handler.cut()


class EndpointHandler(BaseHTTPRequestHandler):
    server: EndpointServer
    protocol_version = "HTTP/1.1"
    server_version = "opendata-sparql"

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.read_timeout)  # each read and write on the socket

    def handle_one_request(self) -> None:
        self.server.reading(self)
        try:
            super().handle_one_request()
        finally:
            self.server.read(self)

    def cut(self) -> None:
        """Close the connection under a client that missed its deadline (the blocked read then fails)."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def do_OPTIONS(self) -> None:  # CORS preflight
        self._send(
            Reply(
                204,
                "text/plain",
                b"",
                (
                    ("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS"),
                    ("Access-Control-Allow-Headers", "Accept, Content-Type"),
                    ("Access-Control-Max-Age", "86400"),
                ),
            )
        )

    def do_GET(self) -> None:
        self._route("GET")

    def do_HEAD(self) -> None:
        self._route("HEAD")

    def do_POST(self) -> None:
        self._route("POST")

    def _route(self, method: str) -> None:
        """Every request's way: the build it sees, then the endpoint, the query page, or a file of that build."""
        url = urlsplit(self.path)
        url = url._replace(path=self._endpoint_alias(normalized_path(url.path)))
        head = method == "HEAD"
        if method == "POST" and url.path != "/sparql":
            self._send(text_reply(405, "POST goes to /sparql"))
            return
        if method == "HEAD" and url.path == "/sparql":
            self._send(text_reply(405, "use GET or POST for queries"))
            return
        try:
            build = self.server.publication.build()
        except NoPublication as exc:
            self._send(text_reply(503, str(exc)), head=head)
            return
        if url.path == "/sparql":
            params = parse_qs(url.query, keep_blank_values=True)
            if method == "GET" and not params and negotiate(self.headers.get("Accept", ""), FOR_PEOPLE):
                self._send(
                    Reply(
                        303, "text/plain; charset=utf-8", b"See /\n", (("Location", "/"), ("Vary", "Accept"))
                    )
                )
                return
            self._send(self._post(build, params) if method == "POST" else self._protocol(build, params, None))
        elif url.path == "/":  # the query page; /index.html is the publication's own landing page
            self._send(Reply(200, "text/html; charset=utf-8", self.server.publication.page(build)), head=head)
        elif (gone := site.gone_page(unquote(url.path), build.root)) is not None:  # withdrawn: 410
            self._send(Reply(410, "text/html; charset=utf-8", gone), head=head)
        elif (answer := self._resolve(url.path, build.root)) is not None:
            self._send(
                Reply(answer.status, answer.content_type, answer.body, answer.headers), head=head
            )  # /id/, /doc/
        else:  # a file of the publication, also under base_url's path (/publicatie/graph.nt), as on nginx
            self._send_file(build.root, site.file_path(url.path, build.root), head=head)

    def _resolve(self, path: str, root: Path) -> site.Response | None:
        """The site's answer for an /id/ or /doc/ address (site.resolve), negotiated by this request's headers."""
        return site.resolve(
            path, self.headers.get("Accept", ""), root, self.headers.get("Accept-Language", "")
        )

    def _endpoint_alias(self, path: str) -> str:
        """`/sparql` for the endpoint's address under base_url's path (site.endpoint_path)."""
        if not path.endswith("/sparql") or path == "/sparql":
            return path
        try:
            return site.endpoint_path(path, self.server.publication.build().root)
        except NoPublication:
            return path

    def _post(self, build: Build, params: dict[str, list[str]]) -> Reply:
        length = self.headers.get("Content-Length")
        if length is None:
            return text_reply(411, "a POST needs a Content-Length")
        if not _DIGITS.fullmatch(length.strip()):
            self.close_connection = True  # the body's end is unknown: the connection cannot be reused
            return text_reply(
                400, f"Content-Length must be a number of bytes in ASCII digits, not {length!r}"
            )
        if int(length) > MAX_BODY:
            self.close_connection = True
            return text_reply(413, f"the request is larger than {MAX_BODY} bytes")
        body = self.rfile.read(int(length))
        self.server.read(self)
        if len(body) < int(length):
            self.close_connection = True
            return text_reply(400, "the request body ended before its Content-Length")
        kind = self.headers.get_content_type()
        charset = self.headers.get_content_charset() or "utf-8"
        try:
            known = codecs.lookup(charset)._is_text_encoding  # 'base64' and the like are codecs, not charsets
        except LookupError:
            known = False
        if not known:
            return text_reply(415, f"unknown charset {charset!r}; send UTF-8")
        if kind == "application/sparql-update":
            return text_reply(403, UPDATE_REFUSED)
        try:
            if kind == "application/x-www-form-urlencoded":
                form = parse_qs(
                    body.decode(charset), keep_blank_values=True, encoding=charset, errors="strict"
                )
                return self._protocol(build, {**params, **form}, None)
            if kind == "application/sparql-query":
                return self._protocol(build, params, body.decode(charset))
        except (UnicodeDecodeError, ValueError):
            return text_reply(400, f"the request body is not valid {charset}")
        return text_reply(
            415, "send application/x-www-form-urlencoded (query=...) or application/sparql-query"
        )

    def _protocol(self, build: Build, params: dict[str, list[str]], direct: str | None) -> Reply:
        """One SPARQL protocol request: check it, then hand the query to a worker that holds this build."""
        self.server.read(self)
        if "update" in params or "using-graph-uri" in params or "using-named-graph-uri" in params:
            return text_reply(403, UPDATE_REFUSED)
        queries = ([direct] if direct is not None else []) + params.get("query", [])
        if len(queries) != 1:
            return text_reply(
                400,
                "give exactly one query (the `query` parameter or an application/sparql-query body); "
                "the query page is at /",
            )
        if sparql.is_update(queries[0]):
            return text_reply(403, UPDATE_REFUSED)
        job = Job(
            queries[0],
            self.headers.get("Accept", ""),
            tuple(params.get("default-graph-uri", [])),
            tuple(params.get("named-graph-uri", [])),
        )
        try:
            reply = self.server.publication.pool(build).ask(job)
            for _ in range(3):  # the pool retired as a publish moved `dist` on: ask the new build's workers
                if not (isinstance(reply, Failure) and reply.reason == "closed"):
                    break
                reply = self.server.publication.pool(self.server.publication.build()).ask(job)
        except NoPublication as exc:
            return text_reply(503, str(exc))
        if isinstance(reply, Failure):
            return text_reply(500 if reply.reason == "crashed" else 503, reply.message)
        return reply

    def _send_file(self, root: Path, url_path: str, head: bool = False) -> None:
        path = safe_path(root, url_path)
        if path is None:
            self._not_found(root, url_path, head)
            return
        try:
            handle = path.open(
                "rb"
            )  # open before the headers: a build removed meanwhile gives 404, not half a file
        except OSError:
            self._not_found(root, url_path, head)
            return
        with handle:
            status = os.fstat(handle.fileno())
            headers = site.validators(status)
            if self._not_modified(headers):
                self._send_not_modified(headers)
                return
            self._start(200, content_type(path), status.st_size, headers)
            if not head:
                while chunk := handle.read(1 << 16):
                    self.wfile.write(chunk)

    def _not_found(self, root: Path, url_path: str, head: bool) -> None:
        """The site's helpful 404 page, as nginx and Apache answer any address that names nothing."""
        page = site.not_found(root)
        reply = (
            text_reply(404, f"{url_path}: not found")
            if page is None
            else Reply(404, page.content_type, page.body)
        )
        self._send(reply, head=head)

    def _send(self, reply: Reply, head: bool = False) -> None:
        if reply.status == 200 and self.command in ("GET", "HEAD") and self._not_modified(reply.headers):
            self._send_not_modified(reply.headers)
            return
        self._start(reply.status, reply.content_type, len(reply.body), reply.headers)
        if not head:
            self.wfile.write(reply.body)

    def _not_modified(self, headers) -> bool:
        """Whether the client holds this representation already (RFC 9110, 13.1.2 and 13.1.3): an
        If-None-Match that names its ETag (weakly compared) or *; without one, an If-Modified-Since
        not before its Last-Modified. Only for an answer that has these validators (files and pages)."""
        validators = dict(headers)
        etag, modified = validators.get("ETag"), validators.get("Last-Modified")
        if etag is None or self.command not in ("GET", "HEAD"):
            return False
        if (asked := self.headers.get("If-None-Match")) is not None:
            tags = {tag.strip().removeprefix("W/") for tag in asked.split(",")}
            return "*" in tags or etag in tags
        since, last = _http_date(self.headers.get("If-Modified-Since")), _http_date(modified)
        return since is not None and last is not None and last <= since

    def _send_not_modified(self, headers) -> None:
        """304: no body, the headers a 200 would have sent that describe the representation."""
        self.send_response(304)
        self.send_header("Access-Control-Allow-Origin", "*")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()

    def _start(self, status: int, kind: str, length: int, headers=()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(length))
        self.send_header("Access-Control-Allow-Origin", "*")
        if status in (405,):
            self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        if self.close_connection:
            self.send_header("Connection", "close")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, format: str, *args) -> None:
        if not self.server.quiet:
            line = format % args
            sys.stderr.write(f"{self.address_string()} {line if len(line) < 300 else line[:296] + ' ...'}\n")


def _http_date(value: str | None) -> datetime | None:
    """An HTTP date (If-Modified-Since, Last-Modified) as an aware datetime; None when absent or invalid."""
    if not value:
        return None
    try:
        found = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return found if found.tzinfo is not None else None


def normalized_path(path: str) -> str:
    """The path as nginx and Apache read it before they map it: runs of slashes merged (nginx's
    merge_slashes, Apache's MergeSlashes, both on by default: /doc//brief/x is /doc/brief/x), then its
    dot segments resolved."""
    return without_dot_segments(re.sub("/{2,}", "/", path))


def without_dot_segments(path: str) -> str:
    """The path with its `.` and `..` segments (also percent-encoded) resolved, as nginx and Apache do
    before they map a path (RFC 3986, 5.2.4); other segments stay as they were sent."""
    segments = path.split("/")
    if not any(unquote(segment) in (".", "..") for segment in segments):
        return path
    kept: list[str] = []
    for segment in segments[1:]:
        name = unquote(segment)
        if name == "..":
            if kept:
                kept.pop()
        elif name != ".":
            kept.append(segment)
    trailing = unquote(segments[-1]) in (".", "..")
    return "/" + "/".join(kept) + ("/" if trailing and kept else "")


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
    examples = [
        {
            "name": path.stem,
            "title": _title(path.read_text(encoding="utf-8")),
            "text": path.read_text(encoding="utf-8"),
        }
        for path in sorted((root / "queries").glob("*.rq"))
    ]
    files = sorted(p.name for p in root.iterdir() if p.is_file())
    data = json.dumps({"queries": examples, "files": files}, ensure_ascii=False).replace("<", "\\u003c")
    page = PAGE_TEMPLATE.read_text(encoding="utf-8")
    return page.replace("__TITLE__", html.escape(title)).replace("__DATA__", data).encode("utf-8")


def _title(text: str) -> str:
    first = next((line for line in text.splitlines() if line.startswith("#")), "")
    return first.lstrip("# ").strip()


_DCT_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
_VOID_DATASET = ox.NamedNode("http://rdfs.org/ns/void#Dataset")
_RDF_TYPE = ox.NamedNode(RDF_TYPE)


def publication_title(root: Path, language: str = "en") -> str | None:
    """The publication's title (void.ttl's dataset title, in `language` if it has one), for the page's <title>."""
    void = root / "void.ttl"
    if not void.is_file():
        return None
    try:
        triples = list(ox.parse(path=str(void), format=ox.RdfFormat.TURTLE))
    except (OSError, SyntaxError, ValueError):
        return None
    datasets = {t.subject for t in triples if t.predicate == _RDF_TYPE and t.object == _VOID_DATASET}
    titles = sorted(
        (t.object.language != language, t.object.value)
        for t in triples
        if t.subject in datasets and t.predicate == _DCT_TITLE and isinstance(t.object, ox.Literal)
    )
    return titles[0][1] if titles else None


def serve_command(args) -> int:
    """`opendata serve`: start the HTTP server (query workers start with the first query); stop on SIGINT or SIGTERM."""
    dist = Path(args.dist).absolute()
    if not (dist / sparql.GRAPH_FILE).is_file():
        print(
            f"opendata serve: {args.dist}: no {sparql.GRAPH_FILE} here; run `opendata publish` first",
            file=sys.stderr,
        )
        return 2
    max_memory = getattr(args, "max_memory", None)
    max_memory = (max_memory << 20) if max_memory else sandbox.default_memory_limit(args.workers)
    if (
        args.timeout <= 0
        or args.max_rows < 1
        or args.workers < 1
        or max_memory < (64 << 20)
        or getattr(args, "read_timeout", READ_TIMEOUT) <= 0
    ):
        print(
            "opendata serve: --timeout, --read-timeout, --max-rows and --workers must be positive, "
            "--max-memory at least 64 (MB)",
            file=sys.stderr,
        )
        return 2
    publication = CurrentPublication(
        dist,
        lambda root: QueryPool(
            root, Answerer(args.max_rows), size=args.workers, timeout=args.timeout, max_memory=max_memory
        ),
        dist.name,
    )
    try:
        first = publication.pool(publication.build())  # fail now, not at the first query, if nothing loads
    except NoPublication as exc:
        publication.close()
        print(f"opendata serve: {exc}", file=sys.stderr)
        return 2
    try:
        server = EndpointServer(
            (args.host, args.port), publication, getattr(args, "read_timeout", READ_TIMEOUT)
        )
    except OSError as exc:
        publication.close()
        print(
            f"opendata serve: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 2
    if first.network is not None:
        print(
            f"opendata serve: warning: the query workers could not cut themselves off the network ({first.network}); "
            "SERVICE is still refused by the query parser",
            file=sys.stderr,
        )
    _run_until_signalled(server, args, max_memory)
    return 0


def _run_until_signalled(server: EndpointServer, args, max_memory: int) -> None:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    thread = threading.Thread(target=server.serve_forever, name="http", daemon=True)
    thread.start()
    host, port = str(server.server_address[0]), server.server_address[1]  # a TCP server: (host, port)
    shown = f"[{host}]" if ":" in host else host
    print(
        f"serving {args.dist} at http://{shown}:{port}/ (SPARQL endpoint: http://{shown}:{port}/sparql); "
        f"timeout {args.timeout:g} s, at most {args.max_rows} rows, {args.workers} workers of at most "
        f"{max_memory >> 20} MB; Ctrl-C stops",
        flush=True,
    )
    while not stop.wait(0.5):
        pass
    server.shutdown()
    server.server_close()
    server.publication.close()
    thread.join()
    print("stopped", flush=True)
