"""The change stream as a Linked Data Event Stream (LDES, W3C TREE community group): `dist/ldes/`.

- `index.trig`: the `ldes:EventStream` (its `ldes:timestampPath`, `ldes:versionOfPath` and retention
  policy) and its view, the root `tree:Node`, with one `tree:GreaterThanOrEqualToRelation` per page.
- `release-<N>-<K>.trig`: the members of release N, at most PAGE_SIZE a page. A page is only ever
  written by the release that made it: once the next release exists it is full and never gains a
  member (immutable), except that the retention policy takes out versions that a later release replaced.
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
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable
from pathlib import Path

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

    @classmethod
    def of(cls, chunks: Iterable[str], base_iri: str, base_url: str) -> Descriptions:
        found = cls()
        for chunk in chunks:
            for iri, lines in group_descriptions(chunk.splitlines(), base_iri, base_url).items():
                found.parts.setdefault(iri, []).append(zlib.compress("\n".join(lines).encode("utf-8")))
        return found

    def get(self, iri: str) -> list[str]:
        return [
            line
            for part in self.parts.get(iri, ())
            for line in zlib.decompress(part).decode("utf-8").split("\n")
        ]


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


def write_stream(history: History, descriptions: Descriptions, base_url: str, out: Path) -> dict[str, int]:
    """Write dist/ldes/; return the counts (members, tombstones, pages)."""
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    root = f"{base_url}{FOLDER}/"
    stream = root + "index.trig#stream"
    dates = {r.number: r.date for r in history.releases}
    pages: list[tuple[str, str, list[Change]]] = []  # (page URL, timestamp, changes)
    latest = _latest(history)
    for number in sorted(dates):
        changes = [c for c in latest if c.release == number]
        for part, start in enumerate(range(0, len(changes), PAGE_SIZE), start=1):
            pages.append(
                (
                    f"{root}release-{number}-{part}.trig",
                    f"{dates[number].isoformat()}T00:00:00Z",
                    changes[start : start + PAGE_SIZE],
                )
            )
    counts = {"members": 0, "tombstones": 0, "pages": len(pages)}
    for page_url, timestamp, changes in pages:
        members = [(member_iri(page_url, c.iri), c) for c in changes]
        text = [PREFIXES, f"<{page_url}> a tree:Node .\n"]
        text += [f"<{stream}> tree:member <{m}> .\n" for m, _ in members]
        text += [member_trig(m, c, timestamp, descriptions.get(c.iri)) for m, c in members]
        (folder / page_url.rsplit("/", 1)[1]).write_text("".join(text), encoding="utf-8")
        counts["members"] += len(members)
        counts["tombstones"] += sum(1 for _, c in members if c.kind in GONE)
    (folder / "index.trig").write_text(_index(stream, root + "index.trig", pages), encoding="utf-8")
    return counts


def _index(stream: str, view: str, pages: list[tuple[str, str, list[Change]]]) -> str:
    relations = "".join(
        f"<{view}> tree:relation [ a tree:GreaterThanOrEqualToRelation ; tree:node <{url}> ;\n"
        f'    tree:path prov:generatedAtTime ; tree:value "{timestamp}"^^xsd:dateTime ] .\n'
        for url, timestamp, _ in pages
    )
    return (
        PREFIXES + f"<{stream}> a ldes:EventStream ;\n"
        "    ldes:timestampPath prov:generatedAtTime ;\n"
        "    ldes:versionOfPath dct:isVersionOf ;\n"
        "    ldes:retentionPolicy [ a ldes:LatestVersionSubset ; ldes:amount 1 ] ;\n"
        f"    tree:view <{view}> .\n"
        f"<{view}> a tree:Node .\n" + relations
    )
