"""The writer of `dist/changes/`: the change log (Markdown, CSV), each release as RDF, the state of
this release (`resources.csv`, what `opendata diff` compares) and the tombstones.

Everything is derived from `publication.history` (docs/releases.md): nothing here reads the clock,
so a rebuild of the same release is byte-identical. Resources withdrawn for privacy appear only as
IRI, former type, withdrawal date and reason: never a title or a digest.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Set
from pathlib import Path

from opendata.build.publication import Publication
from opendata.outputs.dcat import GRAPH_DATASET
from opendata.outputs.output import Output, release_history
from opendata.outputs.tombstones import gone_index, tombstone_page, tombstones_json, tombstones_turtle
from opendata.releases.history import GONE, Change, History, Release, release_iri

FOLDER = "changes"
LABELS = {"added": "added", "changed": "changed", "removed": "removed", "withdrawn": "withdrawn"}
PREFIXES = """@prefix as: <https://www.w3.org/ns/activitystreams#> .
@prefix adms: <http://www.w3.org/ns/adms#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix spdx: <http://spdx.org/rdf/terms#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
ACTIVITY = {"added": "as:Create", "changed": "as:Update", "removed": "as:Delete", "withdrawn": "as:Delete"}


def literal(text: str) -> str:
    """A Turtle string literal (JSON's escapes are Turtle's)."""
    return json.dumps(text, ensure_ascii=False)


def write(publication: Publication, out: Path) -> None:
    history = release_history(publication)
    if history is None:
        return
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    base_url = publication.config.base_url
    private = history.private_iris()  # withdrawn for privacy: no title, no digest in any release
    (folder / "changes.csv").write_text(changes_csv(history), encoding="utf-8", newline="")
    (folder / "changes.md").write_text(
        changes_markdown(history, publication.config.title.get("en", "")), encoding="utf-8"
    )
    for release in history.releases:
        (folder / f"release-{release.number}.ttl").write_text(
            release_turtle(release, base_url, publication.minter.catalog_dataset(GRAPH_DATASET), private),
            encoding="utf-8",
        )
    resources = publication.release_resources
    (folder / "resources.csv").write_text(resources_csv(resources), encoding="utf-8", newline="")
    gone = history.tombstones()
    (folder / "tombstones.ttl").write_text(tombstones_turtle(gone), encoding="utf-8")
    (folder / "tombstones.json").write_text(
        tombstones_json(gone, publication.config.base_iri), encoding="utf-8"
    )
    if gone:
        (folder / "gone").mkdir(exist_ok=True)
        (folder / "gone" / "index.html").write_text(gone_index(gone), encoding="utf-8")
    for path, change in sorted(_pages(gone, publication.config.base_iri).items()):
        page = folder / "gone" / (path + ".html")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(tombstone_page(change), encoding="utf-8")


def _pages(gone: dict[str, Change], base_iri: str) -> dict[str, Change]:
    return {
        iri[len(base_iri) :]: c
        for iri, c in gone.items()
        if iri.startswith(base_iri) and "/" in iri[len(base_iri) :]
    }


def _title(change: Change) -> str:
    return "" if change.privacy else change.title


def _kind(change: Change) -> str:
    return change.kind + (" (privacy)" if change.privacy and change.kind in GONE else "")


def changes_csv(history: History) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["release", "version", "date", "resource", "change", "title"])
    for release in reversed(history.releases):
        for change in release.changes:
            writer.writerow(
                [
                    release.number,
                    release.version,
                    release.date.isoformat(),
                    change.iri,
                    _kind(change),
                    _title(change),
                ]
            )
    return out.getvalue()


def _md(text: str) -> str:
    """Text safe inside a Markdown list item: no markup, no line breaks."""
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in " ".join(text.split()))


def changes_markdown(history: History, title: str) -> str:
    lines = [f"# Changes{': ' + _md(title) if title else ''}", ""]
    for release in reversed(history.releases):
        lines += [
            f"## {_md(release.version)} ({release.date.isoformat()})",
            "",
            f"Release {release.number}: {release.notes()}.",
            "",
        ]
        for change in release.changes:
            extra = f" — {_md(_title(change))}" if _title(change) else ""
            if change.kind in GONE:
                extra += f" (since {change.withdrawn.isoformat()}" if change.withdrawn else " ("
                extra += f"; {_md(change.reason)})" if change.reason else ")"
            lines.append(f"- {_kind(change)}: <{change.iri}>{extra}")
        lines.append("")
    return "\n".join(lines)


def release_turtle(release: Release, base_url: str, dataset: str, private: Set[str] = frozenset()) -> str:
    """One release as a version of the dataset (DCAT 3 versioning) with its changes as
    ActivityStreams 2.0 activities: Create, Update, Delete (and the tombstone it leaves)."""
    me = release_iri(base_url, release.number)
    date = f'"{release.date.isoformat()}"^^xsd:date'
    head = [f"dct:isVersionOf <{dataset}>", f"dcat:version {literal(release.version)}"]
    if release.number > 1:
        head.append(f"dcat:previousVersion <{release_iri(base_url, release.number - 1)}>")
    head += [f"dct:issued {date}", f"adms:versionNotes {literal(release.notes())}@en"]
    blocks = [PREFIXES, _subject(f"<{me}>", "dcat:Dataset", head)]
    for index, change in enumerate(release.changes, 1):
        node = f"<{me}#{index}>"
        props = [f"as:object <{change.iri}>", f"as:context <{me}>", f"as:published {date}"]
        if _title(change):
            props.append(f"as:name {literal(_title(change))}")
        if change.kind in GONE:
            props += [f"as:summary {literal(change.reason)}"] if change.reason else []
            props += [f"as:formerType <{change.type}>"] if change.type else []
            props += [f'as:deleted "{change.withdrawn.isoformat()}"^^xsd:date'] if change.withdrawn else []
            blocks.append(_subject(node, ACTIVITY[change.kind], props))
        elif change.digest and change.iri not in private:
            checksum = f"<{me}#{index}-checksum>"
            blocks.append(_subject(node, ACTIVITY[change.kind], props + [f"spdx:checksum {checksum}"]))
            blocks.append(
                _subject(
                    checksum,
                    "spdx:Checksum",
                    [
                        "spdx:algorithm spdx:checksumAlgorithm_sha256",
                        f"spdx:checksumValue {literal(change.digest.removeprefix('sha256:'))}^^xsd:hexBinary",
                    ],
                )
            )
        else:
            blocks.append(_subject(node, ACTIVITY[change.kind], props))
    return "\n".join(blocks)


def _subject(node: str, kind: str, properties: list[str]) -> str:
    return f"{node} a {kind} ;\n    " + " ;\n    ".join(properties) + " .\n"


def resources_csv(resources: dict) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["resource", "type", "digest", "title"])
    for iri in sorted(resources):
        version = resources[iri]
        writer.writerow([iri, version.type, version.digest, version.title])
    return out.getvalue()


# dist/changes/: the change log, releases as RDF, tombstones (docs/releases.md)
OUTPUT = Output("changelog", write)
