"""Where things and their descriptions live: the Dutch URI strategy's /id/ and /doc/.

A thing is `{root}id/{type}/{key}` (the IRIs already published: `base_iri` ends in `id/`), its
description `{root}doc/{type}/{key}`. TOOI organisations keep their external IRI; their
description lives under this publication as `doc/organisatie/{code}`. In dist/ a description is
the folder `doc/` with one file per format: `{type}/{key}.html` (nl), `.en.html`, `.ttl`,
`.jsonld`, `.nt`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from opendata.outputs.site import negotiation

TOOI_ID = "https://identifier.overheid.nl/tooi/id/"
DOC_FOLDER = "doc"
LAYOUT_FILE = "site.json"  # in doc/: what the resolver needs to know about the IRIs

# extension -> media type; the first is the default for people (browsers)
FORMATS = {
    ".html": "text/html; charset=utf-8",
    ".ttl": "text/turtle; charset=utf-8",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
}
# media types a client may ask for -> extension (the negotiation table)
# The first of each family answers its wildcard: */* and text/* give HTML, application/* JSON-LD.
ACCEPTED = {
    "text/html": ".html",
    "application/ld+json": ".jsonld",
    "application/json": ".jsonld",
    "application/xhtml+xml": ".html",
    "text/turtle": ".ttl",
    "application/x-turtle": ".ttl",
    "application/n-triples": ".nt",
    "text/plain": ".nt",
}


@dataclass(frozen=True)
class Layout:
    id_base: str  # {root}id/
    doc_base: str  # {root}doc/
    organisation_segment: str  # the type segment of organisations ("organisatie")
    segments: tuple[str, ...]  # every type segment the model mints under id_base

    @classmethod
    def of(cls, base_iri: str, model) -> Layout:
        root = base_iri[:-3] if base_iri.endswith("/id/") else base_iri
        segments = tuple(sorted(c.iri for c in model.classes.values() if not c.iri.startswith("#")))
        return cls(base_iri, root + "doc/", model.classes["Organisation"].iri, segments)

    @property
    def id_path(self) -> str:
        return urlsplit(self.id_base).path

    @property
    def doc_path(self) -> str:
        return urlsplit(self.doc_base).path

    def key_of(self, iri: str) -> str | None:
        """The description's key (`brief/x`) of a thing or of a fragment of it; None when not ours."""
        iri = iri.split("#", 1)[0]
        if iri.startswith(self.id_base):
            segment, _, key = iri[len(self.id_base) :].partition("/")
            if segment in self.segments and key and "/" not in key:
                return f"{segment}/{key}"
            return None
        if iri.startswith(TOOI_ID):
            code = iri.rstrip("/").rsplit("/", 1)[-1]
            return f"{self.organisation_segment}/{code}" if code else None
        return None

    def thing(self, key: str, tooi: dict[str, str] | None = None) -> str:
        """The IRI of the thing a description key names (the TOOI IRI for register organisations)."""
        if tooi and key in tooi:
            return tooi[key]
        return self.id_base + key

    def document(self, key: str, extension: str = "") -> str:
        return self.doc_base + key + extension

    def save(self, doc_dir: Path) -> None:
        (doc_dir / LAYOUT_FILE).write_text(
            json.dumps(asdict(self), indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, doc_dir: Path) -> Layout | None:
        try:
            data = json.loads((doc_dir / LAYOUT_FILE).read_text(encoding="utf-8"))
            return cls(
                data["id_base"], data["doc_base"], data["organisation_segment"], tuple(data["segments"])
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None


def file_name(key: str) -> str:
    """The path below doc/ of a key: the decoded IRI segment (web servers decode before mapping to files)."""
    return unquote(key)


def negotiate(accept: str) -> str | None:
    """The extension for the best acceptable format (q-values honoured); HTML without Accept; None: 406."""
    return negotiation.negotiate(accept, ACCEPTED)
