"""The change stream as a Linked Data Event Stream (LDES, W3C TREE community group): `dist/ldes/`.

- `index.trig`: the `ldes:EventStream` (its `ldes:timestampPath`, `ldes:versionOfPath` and retention
  policy) and its view, the root `tree:Node`, with one `tree:GreaterThanOrEqualToRelation` per page.
- `release-<N>-<K>.trig`: the members of release N, at most PAGE_SIZE a page. A page is only ever
  written by the release that made it: once the next release exists it is full and never gains a
  member (immutable), except that the retention policy takes out versions that a later release replaced.
  Page K is cut from all of release N's changes (in IRI order), so a member leaving its page moves no
  other member to another page (`pages_of`).
- Each member is one version of one resource (letter, organisation, membership, …): its IRI is
  `<base_url>ldes/release-<N>-<K>.trig#<digest of the resource IRI>`, it says `dct:isVersionOf` the
  resource and `prov:generatedAtTime` the release date, and its named graph holds the resource's
  description with the member in place of the resource (fragments `#…` and statements as they are).
  An LDES client materialises it back by `ldes:versionOfPath`.
- A deletion is a member of its own kind: `as:Tombstone` with `as:formerType`, `as:deleted` and,
  when given, `as:summary` (the reason); a resource withdrawn for privacy has nothing else.
- Retention: `ldes:LatestVersionSubset` with `ldes:amount 1`: the stream keeps the latest version of
  every resource (its description in this publication, or its tombstone). The publication keeps
  only the current graph, so an older version's content cannot be served again, and a privacy
  withdrawal must leave no earlier content behind.

Everything is derived from the release history and the graph: a rebuild writes the same bytes.

A page's bytes depend only on its URL, its timestamp, its members' changes and their descriptions
(`page_inputs`, with the descriptions' digests of the release plan). A publish links the pages whose
inputs are those of the previous build's file (`Reuse` of outputs/reuse.py, a record beside the builds) and writes only
the others, fetching only their members' descriptions (ldes/__init__.py).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from opendata.outputs.reuse import Reuse
from opendata.releases.history import GONE, Change, History
from opendata.releases.resources import RDF_SUBJECT, owning_resource, split_triple

FOLDER = "ldes"
PAGE_SIZE = 500  # members per page
PREFIXES = """@prefix ldes: <https://w3id.org/ldes#> .
@prefix tree: <https://w3id.org/tree#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix as: <https://www.w3.org/ns/activitystreams#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def group_descriptions(lines: Iterable[str], base_iri: str, base_url: str) -> dict[str, list[str]]:
    """Resource IRI -> the N-Triples lines of its description (the grouping of docs/releases.md:
    fragments and fact-source statements belong to their resource, a text file to its letter)."""
    by_subject: dict[str, list[str]] = {}
    statement_of: dict[str, str] = {}
    for line in lines:
        if not line.startswith("<"):
            continue
        subject, predicate, obj = split_triple(line)
        by_subject.setdefault(subject, []).append(line.rstrip("\n"))
        if predicate == RDF_SUBJECT and obj.startswith("<"):
            statement_of[subject] = obj[1:-1]
    grouped: dict[str, list[str]] = {}
    files: dict[str, list[str]] = {}
    for subject, subject_lines in by_subject.items():
        if base_url and subject.startswith(base_url) and not subject.startswith(base_iri):
            files[subject] = subject_lines
        else:
            grouped.setdefault(owning_resource(subject, statement_of), []).extend(subject_lines)
    for iri in list(grouped):
        for line in by_subject.get(iri, ()):
            obj = line.rsplit(" ", 2)[-2]
            if obj.startswith("<") and obj[1:-1] in files:
                grouped[iri].extend(files.pop(obj[1:-1]))
    return grouped


class Descriptions:
    """Resource IRI -> its description, kept compressed: 100,000 letters' graph does not fit in memory as
    strings. Built chunk by chunk (the shared records, then letter by letter): what a resource's
    description groups together (its fragments, its statements, its text file) is always in one chunk."""

    def __init__(self) -> None:
        self.parts: dict[str, list[bytes]] = {}
        self.digests: dict[str, str] = {}  # IRI -> description_digest of its part, when it has one part

    def add(self, grouped: Mapping[str, tuple[bytes, str]]) -> None:
        """One chunk's descriptions, compressed, with their digests (`compressed`)."""
        for iri, (part, digest) in grouped.items():
            self.parts.setdefault(iri, []).append(part)
            if len(self.parts[iri]) == 1:
                self.digests[iri] = digest
            else:
                self.digests.pop(iri, None)

    def fetch(self, iris: Iterable[str], digests: Mapping[str, str]) -> None:
        """Make sure the descriptions of `iris` are at hand (they are: every chunk was read)."""

    def differs(self, iri: str, digest: str | None) -> bool:
        """Whether the description of `iri` is not the one of digest `digest`."""
        found = self.digests.get(iri)
        if found is None:
            found = description_digest(self.get(iri))
        return found != digest

    def get(self, iri: str) -> list[str]:
        return [
            line
            for part in self.parts.get(iri, ())
            for line in zlib.decompress(part).decode("utf-8").split("\n")
        ]


def compressed(grouped: Mapping[str, list[str]]) -> dict[str, tuple[bytes, str]]:
    """Descriptions (group_descriptions) as Descriptions keeps them, with their digests."""
    return {
        iri: (zlib.compress("\n".join(lines).encode("utf-8")), description_digest(lines))
        for iri, lines in grouped.items()
    }


def description_digest(lines: Iterable[str]) -> str:
    """The digest the release plan gives a description of these lines (opendata/releases/resources.py)."""
    return "sha256:" + hashlib.sha256("".join(sorted({line + "\n" for line in lines})).encode()).hexdigest()


def literal_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def member_iri(page_url: str, resource: str) -> str:
    return f"{page_url}#{hashlib.sha256(resource.encode('utf-8')).hexdigest()[:20]}"


def _rewrite(line: str, resource: str, member: str) -> str:
    """A description line with the member in place of the resource as subject."""
    subject, rest = line.split(" ", 1)
    return (f"<{member}> {rest}" if subject == f"<{resource}>" else line).rstrip()


def member_trig(member: str, change: Change, timestamp: str, description: list[str] | None) -> str:
    """The member's named graph (TriG)."""
    head = [
        f"<{member}> <http://purl.org/dc/terms/isVersionOf> <{change.iri}> .",
        f'<{member}> <http://www.w3.org/ns/prov#generatedAtTime> "{timestamp}"^^<http://www.w3.org/2001/XMLSchema#dateTime> .',
    ]
    if change.kind in GONE:
        head.append(
            f"<{member}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.w3.org/ns/activitystreams#Tombstone> ."
        )
        if change.type:
            head.append(f"<{member}> <https://www.w3.org/ns/activitystreams#formerType> <{change.type}> .")
        if change.withdrawn:
            head.append(
                f'<{member}> <https://www.w3.org/ns/activitystreams#deleted> "{change.withdrawn.isoformat()}"'
                f"^^<http://www.w3.org/2001/XMLSchema#date> ."
            )
        if change.reason:
            head.append(
                f"<{member}> <https://www.w3.org/ns/activitystreams#summary> {literal_text(change.reason)}@nl ."
            )
        body = []
    else:
        body = sorted({_rewrite(line, change.iri, member) for line in description or ()})
    return f"<{member}> {{\n" + "\n".join(head + body) + "\n}\n"


def _latest(history: History) -> list[Change]:
    """The latest change of every resource ever published (retention: the latest version only)."""
    last: dict[str, Change] = {}
    for release in history.releases:
        for change in release.changes:
            last[change.iri] = change
    return sorted(last.values(), key=lambda c: (c.release, c.iri))


@dataclass(frozen=True)
class Page:
    url: str
    timestamp: str
    changes: list[Change]

    @property
    def name(self) -> str:
        return self.url.rsplit("/", 1)[1]


def pages_of(history: History, root: str) -> list[Page]:
    """The stream's pages: release N's changes, PAGE_SIZE a page (release-N-1, -2, … in IRI order),
    each page with the members that are still the latest version of their resource. A member that a
    later release replaces leaves its page and moves no other member: the other pages keep their bytes.
    A page whose members all left is not published."""
    latest = {c.iri: c for c in _latest(history)}
    pages = []
    for release in sorted(history.releases, key=lambda r: r.number):
        changes = sorted(release.changes, key=lambda c: c.iri)
        timestamp = f"{release.date.isoformat()}T00:00:00Z"
        for part, start in enumerate(range(0, len(changes), PAGE_SIZE), start=1):
            kept = [c for c in changes[start : start + PAGE_SIZE] if latest[c.iri] is c]
            if kept:
                pages.append(Page(f"{root}release-{release.number}-{part}.trig", timestamp, kept))
    return pages


CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()  # the code that turns inputs into bytes


def page_inputs(page: Page, digests: Mapping[str, str]) -> str:
    """The digest of everything a page's bytes are made from: this code, its URL and timestamp, the
    fields of its members' changes that member_trig reads and the digests of their descriptions (""
    when a description's digest is unknown: such a page is always written)."""
    found = hashlib.sha256(f"{CODE}\n{page.url}\n{page.timestamp}\n".encode())
    for change in page.changes:
        digest = "" if change.kind in GONE else digests.get(change.iri, "")
        if change.kind not in GONE and not digest:
            return ""
        fields = (change.iri, change.kind, change.type, change.withdrawn, change.reason, digest)
        found.update(json.dumps(fields, default=str).encode() + b"\n")
    return found.hexdigest()


def page_text(page: Page, stream: str, descriptions: Descriptions) -> str:
    members = [(member_iri(page.url, c.iri), c) for c in page.changes]
    text = [PREFIXES, f"<{page.url}> a tree:Node .\n"]
    text += [f"<{stream}> tree:member <{m}> .\n" for m, _ in members]
    text += [
        member_trig(m, c, page.timestamp, None if c.kind in GONE else descriptions.get(c.iri))
        for m, c in members
    ]
    return "".join(text)


def write_stream(
    history: History,
    descriptions: Descriptions,
    base_url: str,
    out: Path,
    digests: Mapping[str, str] | None = None,
    reuse: Reuse | None = None,
) -> dict[str, int]:
    """Write dist/ldes/; return the counts (members, tombstones, pages, written: the pages not linked).
    `digests` (resource IRI -> the digest of its description) and `reuse` let the pages whose inputs
    are as in the previous build be linked from it; only the others' members' descriptions are fetched."""
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    root = f"{base_url}{FOLDER}/"
    stream = root + "index.trig#stream"
    pages = pages_of(history, root)
    digests = digests or {}
    counts = {"members": 0, "tombstones": 0, "pages": len(pages), "written": 0}
    anew = []
    for page in pages:
        counts["members"] += len(page.changes)
        counts["tombstones"] += sum(1 for c in page.changes if c.kind in GONE)
        inputs = page_inputs(page, digests) if reuse is not None else ""
        if reuse is None or not reuse.link(folder / page.name, f"{FOLDER}/{page.name}", inputs):
            anew.append((page, inputs))
    descriptions.fetch((c.iri for page, _ in anew for c in page.changes if c.kind not in GONE), digests)
    for page, inputs in anew:
        text = page_text(page, stream, descriptions).encode("utf-8")
        if reuse is None:
            (folder / page.name).write_bytes(text)
            continue
        if any(  # a description that is not the one its digest says: never taken for the same again
            c.kind not in GONE and descriptions.differs(c.iri, digests.get(c.iri)) for c in page.changes
        ):
            inputs = ""
        reuse.write(folder / page.name, f"{FOLDER}/{page.name}", inputs, text)
    counts["written"] = len(anew)
    (folder / "index.trig").write_text(_index(stream, root + "index.trig", pages), encoding="utf-8")
    if reuse is not None:
        reuse.save()
    return counts


def _index(stream: str, view: str, pages: list[Page]) -> str:
    relations = "".join(
        f"<{view}> tree:relation [ a tree:GreaterThanOrEqualToRelation ; tree:node <{page.url}> ;\n"
        f'    tree:path prov:generatedAtTime ; tree:value "{page.timestamp}"^^xsd:dateTime ] .\n'
        for page in pages
    )
    return (
        PREFIXES + f"<{stream}> a ldes:EventStream ;\n"
        "    ldes:timestampPath prov:generatedAtTime ;\n"
        "    ldes:versionOfPath dct:isVersionOf ;\n"
        "    ldes:retentionPolicy [ a ldes:LatestVersionSubset ; ldes:amount 1 ] ;\n"
        f"    tree:view <{view}> .\n"
        f"<{view}> a tree:Node .\n" + relations
    )
