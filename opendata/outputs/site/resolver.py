"""Answers a request for an IRI or a document of the published site: what `opendata serve` does
itself and what the generated nginx and Apache rules do on a static host.

- `{id path}{type}/{key}` -> 303 See Other to the document in the asked format (`Vary: Accept`);
  a fact-source statement's to its record's document (layout.py), where it is listed (for people,
  at its anchor);
- `{doc path}{type}/{key}` -> the description in the format `Accept` asks for (for people, the page
  in the language `Accept-Language` asks for: nl or en, nl by default), with `Content-Location`
  naming the file, `Vary: Accept, Accept-Language` and `Link` headers to every alternate;
- `{doc path}{type}/{key}.{html,en.html,ttl,jsonld,nt}` -> that file;
- `{doc path}{statement}[.ext]`, the document a fact-source statement had before it was described
  in its record's (earlier sites had one per statement) -> 301 Moved Permanently to the record's
  document in the same format (for people, at the statement's anchor);
- anything else under the doc path that does not exist -> the helpful 404 page.
"""

from __future__ import annotations

import functools
import mimetypes
import os
import re
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path
from urllib.parse import unquote

from opendata.outputs.site.layout import (
    CATALOG_ACCEPTED,
    DOC_FOLDER,
    FORMATS,
    LANGUAGES,
    Layout,
    anchor,
    catalog_file,
    catalog_keys,
    negotiate,
    page_extension,
)
from opendata.outputs.tombstones import gone_entry, tombstone_page

EXTRA_TYPES = {
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
ALTERNATES = (".html", ".en.html", ".ttl", ".jsonld", ".nt")


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = field(default=())


@functools.lru_cache(maxsize=8)
def _layout(doc_dir: str, stamp: float) -> Layout | None:
    return Layout.load(Path(doc_dir))


def layout_of(dist: Path) -> Layout | None:
    doc = Path(dist) / DOC_FOLDER
    try:
        stamp = (doc / "site.json").stat().st_mtime
    except OSError:
        return None
    return _layout(str(doc), stamp)


def gone_page(url_path: str, dist: Path) -> bytes | None:
    """The 410 page for a request of a tombstoned IRI, of its description or of one of its statements'
    IRIs or former documents (the record's tombstone); None for anything else."""
    layout = layout_of(dist)
    if layout is None:
        return None
    entry = gone_entry(url_path, dist, layout.id_path, layout.doc_path, layout.described_in)
    return None if entry is None else tombstone_page(entry).encode("utf-8")


def file_path(url_path: str, dist: Path) -> str:
    """The path below dist/ of a file asked for under base_url's path (`/publicatie/graph.nt` ->
    `/graph.nt`, `/publicatie/` -> `/index.html`), as the nginx and Apache rules map it (no negotiation
    there); any other path as it is."""
    layout = layout_of(dist)
    if layout is None or not layout.base_path or not url_path.startswith(layout.base_path):
        return url_path
    rest = "/" + url_path[len(layout.base_path) :]
    return rest + "index.html" if rest.endswith("/") else rest


def endpoint_path(url_path: str, dist: Path) -> str:
    """`/sparql` for base_url's path + `sparql` (`/publicatie/sparql`: where publication.yaml suggests
    endpoint_url, which the catalog and the landing page link), as the files are served under base_url's
    path too; any other path as it is."""
    layout = layout_of(dist)
    if layout is None or not layout.base_path or url_path != layout.base_path + "sparql":
        return url_path
    return "/sparql"


def resolve(path: str, accept: str, dist: Path, accept_language: str = "") -> Response | None:
    """The answer to a GET of `path` (the URL's path) with these Accept and Accept-Language headers;
    None: not the site's."""
    layout = layout_of(dist)
    if layout is None:
        return None
    doc = (Path(dist) / DOC_FOLDER).resolve()
    path = unquote(path)
    # the documents first: with a base_iri that does not end in id/ (https://…/ld/) the doc path lies inside
    # the id path (/ld/doc/), as nginx's longest prefix location and Apache's rules read it
    if path + "/" == layout.doc_path:  # the index's relative links need the slash, as on nginx and Apache
        return _redirect(301, layout.doc_path)
    if path.startswith(layout.doc_path):
        return _document(layout, doc, path[len(layout.doc_path) :], accept, accept_language)
    if path.startswith(layout.id_path) and re.fullmatch(catalog_keys(), path[len(layout.id_path) :]):
        return _catalog(layout, accept)
    if path.startswith(layout.id_path) and path != layout.id_path:
        if not _resource(layout, path[len(layout.id_path) :]) and _published_file(dist, path):
            return None  # a file of the publication, where the id path is the host's root (base_iri https://host/)
        return _see_other(layout, doc, path[len(layout.id_path) :], accept)
    return None


def not_found(dist: Path) -> Response | None:
    """The helpful 404 page for any other address that names nothing (a file of the publication misspelt,
    /id/ itself), as nginx and Apache answer every such address; None where dist has no site."""
    layout = layout_of(dist)
    return None if layout is None else _not_found(layout, (Path(dist) / DOC_FOLDER).resolve())


def _published_file(dist: Path, path: str) -> bool:
    """Whether `path` names a file of the publication (under base_url's path too), as a web server maps it."""
    return _file(Path(dist).resolve(), file_path(path, dist).lstrip("/")) is not None


def _resource(layout: Layout, key: str) -> bool:
    """Whether `key` has the shape of a resource's key (`{type}/{key}`, no dot), the only keys that
    are negotiated: other pages (indexes, search, 404) are files, as the web servers' rules have it."""
    segment, _, name = key.partition("/")
    return segment in layout.segments and bool(name) and "/" not in name and "." not in name


def _redirect(status: int, target: str, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    word = "See" if status == 303 else "Moved to"
    return Response(
        status, "text/plain; charset=utf-8", f"{word} {target}\n".encode(), (("Location", target), *headers)
    )


def _catalog(layout: Layout, accept: str) -> Response:
    """The catalog, a dataset, a distribution or a data service: 303 to the catalog's file (at base_url)
    in the asked format. Like nginx and Apache, by the IRI's shape: whether the catalog names it is not looked up."""
    name = catalog_file(accept)
    if name is None:
        return _not_acceptable("the catalog is offered as " + ", ".join(dict.fromkeys(CATALOG_ACCEPTED)))
    return _redirect(303, layout.published_base + name, (("Vary", "Accept"),))


def _see_other(layout: Layout, doc: Path, key: str, accept: str) -> Response:
    document, anchor = _document_of(layout, doc, key) if _resource(layout, key) else (None, "")
    if document is None:
        return _not_found(layout, doc)
    extension = negotiate(accept)
    if extension is None:
        return _not_acceptable()
    target = layout.doc_path + document + ("#" + anchor if extension == ".html" and anchor else "")
    if extension != ".html":
        target = layout.doc_path + document + extension
    return _redirect(303, target, (("Vary", "Accept"),))


def _document_of(layout: Layout, doc: Path, key: str) -> tuple[str | None, str]:
    """The key of the document that describes the thing `key`, with the anchor of its part there."""
    if _file(doc, key + ".html") is not None:
        return key, ""
    record = layout.described_in(key)
    found = _file(doc, record + ".nt") if record else None
    if record is None or found is None or f"<{layout.id_base}{key}> ".encode() not in found.read_bytes():
        return None, ""
    return record, anchor(key)


def _document(layout: Layout, doc: Path, rest: str, accept: str, accept_language: str) -> Response:
    if rest == "" or rest.endswith("/"):
        rest += "index.html"
    found = _file(doc, rest)
    if found is not None:
        return _file_response(found)
    if not _resource(layout, rest) or _file(doc, rest + ".html") is None:
        return _moved(layout, doc, rest) or _not_found(layout, doc)
    extension = negotiate(accept)
    if extension == ".html":
        extension = page_extension(accept_language)
    found = _file(doc, rest + extension) if extension else None
    if found is None or not extension:
        return _not_acceptable()
    name = rest.rsplit("/", 1)[-1]
    links = ", ".join(
        f'<{name}{ext}>; rel="alternate"; type="{FORMATS[".html" if ext.endswith(".html") else ext].split(";")[0]}"'
        + ("".join(f'; hreflang="{lang}"' for lang, page in LANGUAGES.items() if page == ext))
        for ext in ALTERNATES
        if _file(doc, rest + ext) is not None
    )
    return _file_response(
        found, (("Vary", "Accept, Accept-Language"), ("Content-Location", name + extension), ("Link", links))
    )


def _moved(layout: Layout, doc: Path, rest: str) -> Response | None:
    """301 from a statement's former document (`bron/brief-x-title-1.ttl`) to the record's
    document that now describes it; None when `rest` is no such address."""
    extension = next((ext for ext in sorted(ALTERNATES, key=len, reverse=True) if rest.endswith(ext)), "")
    document, anchor = _document_of(layout, doc, rest.removesuffix(extension))
    if document is None or not anchor:
        return None
    fragment = "#" + anchor if extension in ("", ".html", ".en.html") else ""
    return _redirect(301, layout.doc_path + document + extension + fragment)


def validators(status: os.stat_result) -> tuple[tuple[str, str], ...]:
    """A file's ETag (its modification time in nanoseconds and its size, as nginx makes one from the
    time in seconds) and Last-Modified: a client or cache asks again with If-None-Match or
    If-Modified-Since and gets 304 while the file is the same. A publish links the files it does not
    change from the build before, so theirs stay the same from build to build."""
    return (
        ("ETag", f'"{status.st_mtime_ns:x}-{status.st_size:x}"'),
        ("Last-Modified", formatdate(status.st_mtime, usegmt=True)),
    )


def _file_response(path: Path, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    """200 with a file's bytes, its media type, its validators and `headers`."""
    with path.open("rb") as handle:  # the bytes and the validators of one file, also while a build is removed
        return Response(
            200, _content_type(path), handle.read(), (*headers, *validators(os.fstat(handle.fileno())))
        )


def _file(doc: Path, relative: str) -> Path | None:
    if not relative or "\x00" in relative or "\\" in relative:
        return None
    candidate = (doc / relative).resolve()
    if doc not in candidate.parents or not candidate.is_file():
        return None
    return candidate


def _content_type(path: Path) -> str:
    for extension, media in FORMATS.items():
        if path.name.endswith(extension):
            return media
    if path.suffix in EXTRA_TYPES:
        return EXTRA_TYPES[path.suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def _not_found(layout: Layout, doc: Path) -> Response:
    page = _file(doc, "404.html")
    body = page.read_bytes() if page else b"not found\n"
    return Response(404, FORMATS[".html"], body)


def _not_acceptable(message: str = "") -> Response:
    """406, which depends on Accept as the answer it replaces does (a cache must not give it to others)."""
    offered = ", ".join(media.split(";")[0] for media in FORMATS.values())
    return Response(
        406,
        "text/plain; charset=utf-8",
        f"{message or 'this resource is offered as ' + offered}\n".encode(),
        (("Vary", "Accept"),),
    )
