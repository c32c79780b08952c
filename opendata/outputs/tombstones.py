"""Tombstones: what is left of a withdrawn or removed resource, and the 410 Gone that its IRI answers.

A tombstone keeps only the IRI, the former type, the withdrawal date and the reason, in the
ActivityStreams 2.0 terms made for this (`as:Tombstone`, `as:formerType`, `as:deleted`;
`as:summary` for the reason). `dist/changes/tombstones.json` maps the IRI's path under base_iri
to that, for `opendata serve` and the web-server rules; `dist/changes/gone/<path>.html` is the page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

from opendata.build.publication import Publication
from opendata.outputs.output import release_history
from opendata.releases.history import Change

FOLDER = "changes"
INDEX = "tombstones.json"


def tombstones_turtle(gone: dict[str, Change]) -> str:
    lines = [
        "@prefix as: <https://www.w3.org/ns/activitystreams#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "",
    ]
    for iri in sorted(gone):
        change = gone[iri]
        props = [f"as:formerType <{change.type}>"] if change.type else []
        props += [f'as:deleted "{change.withdrawn.isoformat()}"^^xsd:date'] if change.withdrawn else []
        props += [f"as:summary {json.dumps(change.reason, ensure_ascii=False)}@nl"] if change.reason else []
        lines.append(f"<{iri}> a as:Tombstone" + "".join(f" ;\n    {p}" for p in props) + " .\n")
    return "\n".join(lines)


def tombstones_json(gone: dict[str, Change], base_iri: str) -> str:
    entries = {}
    for iri in sorted(gone):
        if iri.startswith(base_iri):
            change = gone[iri]
            entries[iri[len(base_iri) :]] = {
                "iri": iri,
                "type": change.type,
                "change": change.kind,
                "withdrawn": change.withdrawn.isoformat() if change.withdrawn else "",
                "reason": change.reason,
                "privacy": change.privacy,
            }
    return json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def tombstone_page(change: Change | dict) -> str:
    """The page a withdrawn resource's IRI answers with 410 Gone: when, and why if the publisher said."""
    entry = (
        change
        if isinstance(change, dict)
        else {
            "iri": change.iri,
            "withdrawn": change.withdrawn.isoformat() if change.withdrawn else "",
            "reason": change.reason,
            "change": change.kind,
        }
    )
    iri = html.escape(entry["iri"])
    when = html.escape(entry["withdrawn"])
    nl_reason = f"<p>Reden: {html.escape(entry['reason'])}</p>" if entry["reason"] else ""
    en_reason = f'<p lang="nl">Reason: {html.escape(entry["reason"])}</p>' if entry["reason"] else ""
    return (
        f'<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="robots" content="noindex">\n<title>Ingetrokken: {iri}</title>\n</head>\n<body>\n'
        f"<h1>Ingetrokken</h1>\n<p><code>{iri}</code> is op {when} ingetrokken en niet meer gepubliceerd.</p>\n"
        f'{nl_reason}\n<div lang="en">\n<h2>Withdrawn</h2>\n<p><code>{iri}</code> was withdrawn on {when} '
        f"and is no longer published.</p>\n{en_reason}\n</div>\n</body>\n</html>\n"
    )


def load_index(dist: Path) -> dict:
    try:
        return json.loads((Path(dist) / FOLDER / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def gone_entry(
    url_path: str,
    dist: Path,
    id_path: str,
    doc_path: str,
    owner_of: Callable[[str], str | None] | None = None,
) -> dict | None:
    """The tombstone a request path names (`{id_path}{type}/{key}` or `{doc_path}{type}/{key}[.ext]`),
    or the tombstone of the record a statement's path names: `owner_of` maps a statement's key
    (`bron/brief-x-title-1`) to its record's (`brief/x`, Layout.described_in), whose IRIs all go."""
    for prefix in (id_path, doc_path):
        if prefix and url_path.startswith(prefix) and url_path != prefix:
            rest = url_path[len(prefix) :]
            entries = load_index(dist)
            for candidate in (rest, rest.split(".", 1)[0]):
                owner = owner_of(candidate) if owner_of else None
                for key in (candidate, owner):
                    if key in entries:
                        return entries[key]
    return None


# ------------------------------------------------------------------ static hosting: nginx and Apache


def _entries(publication: Publication) -> dict[str, Change]:
    history = release_history(publication)
    if history is None:
        return {}
    base_iri = publication.config.base_iri
    return {
        iri[len(base_iri) :]: c
        for iri, c in sorted(history.tombstones().items())
        if iri.startswith(base_iri) and "/" in iri[len(base_iri) :]
    }


def nginx_gone_rules(
    publication: Publication, id_path: str, doc_path: str, statements_of: Callable[[str], str | None]
) -> str:
    """nginx locations that answer 410 Gone, with the tombstone's page, for each withdrawn IRI, its
    description and its statements' IRIs and former documents (`statements_of` gives the pattern of a
    record's statements' paths, Layout.record_statements_regex); exact and regex locations come
    before the site's general ones."""
    rules = []
    for path in _entries(publication):
        page = f"/{FOLDER}/gone/{path}.html"
        gone = f"{{ error_page 410 {page}; return 410; }}"
        rules.append(f"location = {id_path}{path} {gone}")
        rules.append(f"location ~ ^{re.escape(doc_path + path)}(\\.[a-z.]+)?$ {gone}")
        if statements := statements_of(path):
            rules.append(f"location ~ ^{re.escape(id_path)}{statements}$ {gone}")
            rules.append(f"location ~ ^{re.escape(doc_path)}{statements}(\\.[a-z.]+)?$ {gone}")
    return "\n".join(rules)


def apache_gone_rules(
    publication: Publication, id_path: str, doc_path: str, statements_of: Callable[[str], str | None]
) -> str:
    """Apache rules: 410 Gone for each withdrawn IRI, its description and its statements' IRIs and
    former documents (as nginx_gone_rules); the page lists them all."""
    rules = [f"ErrorDocument 410 /{FOLDER}/gone/index.html"] if _entries(publication) else []
    id_rel, doc_rel = (re.escape(path.lstrip("/")) for path in (id_path, doc_path))
    for path in _entries(publication):
        rules.append(f"RewriteRule ^{id_rel}{re.escape(path)}$ - [G]")
        rules.append(f"RewriteRule ^{doc_rel}{re.escape(path)}(\\.[a-z.]+)?$ - [G]")
        if statements := statements_of(path):
            rules.append(f"RewriteRule ^{id_rel}{statements}$ - [G]")
            rules.append(f"RewriteRule ^{doc_rel}{statements}(\\.[a-z.]+)?$ - [G]")
    return "\n".join(rules)


def gone_index(gone: dict[str, Change]) -> str:
    """The page that lists every withdrawn resource, with when and why (Apache's 410 page)."""
    items = "".join(
        f"<li><code>{html.escape(iri)}</code>: {html.escape(c.withdrawn.isoformat() if c.withdrawn else '')}"
        f"{' — ' + html.escape(c.reason) if c.reason else ''}</li>\n"
        for iri, c in sorted(gone.items())
    )
    return (
        f'<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<meta name="robots" content="noindex">\n'
        f"<title>Ingetrokken / Withdrawn</title>\n</head>\n<body>\n<h1>Ingetrokken / Withdrawn</h1>\n"
        f"<p>Deze bronnen zijn ingetrokken. These resources were withdrawn.</p>\n<ul>\n{items}</ul>\n</body>\n</html>\n"
    )
