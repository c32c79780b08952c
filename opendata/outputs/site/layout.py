"""Where things and their descriptions live: the Dutch URI strategy's /id/ and /doc/.

A thing is `{root}id/{type}/{key}` (the IRIs already published: `base_iri` ends in `id/`), its
description `{root}doc/{type}/{key}`. TOOI organisations keep their external IRI; their
description lives under this publication as `doc/organisatie/{code}`. In dist/ a description is
the folder `doc/` with one file per format: `{type}/{key}.html` (nl), `.en.html`, `.ttl`,
`.jsonld`, `.nt`.

A fact-source statement (`{root}id/bron/{segment}-{record key}-{field}-{n}`, an rdf:Statement) is
described in the document of the record it is about, as the Concise Bounded Description includes
a statement's reifications and as releases count it (docs/releases.md): its key names that record,
so `described_in` finds the document from the IRI alone, in Python and in a web server's regex.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from opendata.model.iris import CATALOG_SEGMENTS
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
# The publication's own things (catalog, datasets, distributions, data services: model/iris.py) are
# described in the catalog's files at base_url: media type -> file (the landing page for people).
# the languages of a page for people -> its file's extension; the first is the default (Accept-Language
# asking for none of them, or for none at all)
LANGUAGES = {"nl": ".html", "en": ".en.html"}
CATALOG_ACCEPTED = {
    "text/html": "index.html",
    "application/ld+json": "catalog.jsonld",
    "application/json": "catalog.jsonld",
    "application/xhtml+xml": "index.html",
    "text/turtle": "catalog.ttl",
    "application/x-turtle": "catalog.ttl",
    "application/rdf+xml": "catalog.rdf",
}


def catalog_keys() -> str:
    """A regex (Python, PCRE) of the catalog's things' paths below the id path: `catalogus`,
    `dataset/{key}`, `dienst/{key}`, `distributie/{a published file's path}`."""
    catalog, dataset, distribution, service = (
        re.escape(CATALOG_SEGMENTS[name]) for name in ("catalog", "dataset", "distribution", "service")
    )
    return f"(?:{catalog}|(?:{dataset}|{service})/[^/]+|{distribution}/.+)"


@dataclass(frozen=True)
class Layout:
    id_base: str  # {root}id/
    doc_base: str  # {root}doc/
    organisation_segment: str  # the type segment of organisations ("organisatie")
    segments: tuple[str, ...]  # every type segment the model mints under id_base
    statement_segment: str = ""  # the segment of fact-source statements ("bron")
    inline_classes: tuple[str, ...] = ()  # fragment records' names in a statement key ("ondertekening")
    field_names: tuple[str, ...] = ()  # every field's name as a statement key spells it ("date-sent")
    base_url: str = ""  # where dist/ is published (the catalog's files, the texts)
    # per type segment, the fields its records have, and per inline class (with the segments whose
    # records hold it) its fields: a statement key's field is one of its record's ("" each: any field)
    segment_fields: tuple[tuple[str, tuple[str, ...]], ...] = ()
    inline_fields: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()
    _patterns: tuple[re.Pattern, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, base_iri: str, model, base_url: str = "") -> Layout:
        root = base_iri[:-3] if base_iri.endswith("/id/") else base_iri
        classes = model.classes.values()
        segments = tuple(sorted(c.iri for c in classes if not c.iri.startswith("#")))

        def spelled(fields) -> tuple[str, ...]:
            return tuple(sorted(name.replace("_", "-") for name in fields))

        inline = {c.name: c for c in classes if c.iri.startswith("#")}
        return cls(
            base_iri,
            root + "doc/",
            model.classes["Organisation"].iri,
            segments,
            model.classes["Source"].iri,
            tuple(sorted(c.iri[1:] for c in inline.values())),
            tuple(sorted({name.replace("_", "-") for c in classes for name in c.fields})),
            base_url,
            tuple(
                (c.iri, spelled(c.fields)) for c in sorted(classes, key=lambda c: c.iri) if c.iri in segments
            ),
            tuple(
                (
                    c.iri[1:],
                    tuple(sorted(o.iri for o in classes if any(f.range == name for f in o.fields.values()))),
                    spelled(c.fields),
                )
                for name, c in sorted(inline.items())
            ),
        )

    @property
    def id_path(self) -> str:
        return urlsplit(self.id_base).path

    @property
    def doc_path(self) -> str:
        return urlsplit(self.doc_base).path

    @property
    def base_path(self) -> str:
        """base_url's path when it is on the host of the IRIs and not its root ("/publicatie/"), else ""."""
        served = urlsplit(self.base_url)
        same_host = served.netloc == urlsplit(self.doc_base).netloc
        return served.path if same_host and served.path not in ("", "/") else ""

    @property
    def published_base(self) -> str:
        """The address of dist/ as a redirect names it: base_url's path on the IRIs' host, else base_url."""
        served = urlsplit(self.base_url)
        if not self.base_url or served.netloc == urlsplit(self.doc_base).netloc:
            return served.path or "/"
        return self.base_url

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

    def statement_regexes(self, names: tuple[str, str] | None = ("segment", "key")) -> tuple[str, ...]:
        """The patterns of a statement's key below its segment (`brief-x-date-sent-1`), one per type
        segment: the record's segment and key (the shortest that leaves a field of that segment's
        records, or an inline record of theirs and one of its fields, and a number), as Python's re,
        PCRE (nginx) and Apache read them alike: two groups each, named by `names`. A key is matched
        against the fields of its own record's class, so that `brief-x-ondertekening-1-title-1` is
        the title of letter `x-ondertekening-1` (a signature has no title) and `thema-x-dossier-number-1`
        the number of theme `x-dossier` (`dossier-number` is a letter's field, not a theme's)."""
        segment, key = (f"(?P<{names[0]}>", f"(?P<{names[1]}>") if names else ("(", "(")
        return tuple(
            f"{segment}{re.escape(owner)})-{key}[a-z0-9-]+?)-(?:{self._statement_fields(owner, fields)})-[0-9]+"
            for owner, fields in self._fields_by_segment()
        )

    def record_statements_regex(self, record: str) -> str | None:
        """The pattern (Python, PCRE) of one record's statements' paths below the id path (`brief/x` ->
        `bron/brief-x-(?:…fields…)-[0-9]+`), no groups; None when its segment has no statements."""
        owner, _, key = record.partition("/")
        fields = dict(self._fields_by_segment()).get(owner)
        if not self.statement_segment or fields is None or not key:
            return None
        parts = self._statement_fields(owner, fields)
        return f"{re.escape(self.statement_segment)}/{re.escape(owner)}-{re.escape(key)}-(?:{parts})-[0-9]+"

    def _statement_fields(self, owner: str, fields: tuple[str, ...]) -> str:
        """The alternatives a statement key of a record of segment `owner` ends in before its number:
        one of its fields, or an inline record of it (`ondertekening-1`) and one of that one's fields."""

        def alternatives(names) -> str:
            return "|".join(re.escape(n) for n in names)

        inline = [
            f"(?:{re.escape(name)})-[0-9]+-(?:{alternatives(inline_fields)})"
            for name, owners, inline_fields in self._inline_by_class()
            if owner in owners
        ]
        return "|".join([*inline, alternatives(fields)])

    def _fields_by_segment(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each record segment's fields; every field for each segment in a site.json written before
        statements were matched by their record's fields."""
        owners = [s for s in self.segments if s != self.statement_segment]
        known = dict(self.segment_fields)
        return tuple((owner, known.get(owner) or self.field_names) for owner in owners)

    def _inline_by_class(self) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
        if self.inline_fields or not self.inline_classes:
            return self.inline_fields
        owners = tuple(s for s in self.segments if s != self.statement_segment)
        return tuple((name, owners, self.field_names) for name in self.inline_classes)

    def described_in(self, key: str) -> str | None:
        """The key of the document that describes a statement (`bron/brief-x-title-1` -> `brief/x`),
        derived from its key alone; None for anything but a statement's key."""
        segment, _, rest = key.partition("/")
        if not self.statement_segment or segment != self.statement_segment:
            return None
        if self._patterns is None:
            object.__setattr__(self, "_patterns", tuple(re.compile(p) for p in self.statement_regexes()))
        for pattern in self._patterns or ():
            found = pattern.fullmatch(rest)
            if found:
                return f"{found['segment']}/{found['key']}"
        return None

    def thing(self, key: str, tooi: dict[str, str] | None = None) -> str:
        """The IRI of the thing a description key names (the TOOI IRI for register organisations)."""
        if tooi and key in tooi:
            return tooi[key]
        return self.id_base + key

    def document(self, key: str, extension: str = "") -> str:
        return self.doc_base + key + extension

    def save(self, doc_dir: Path) -> None:
        data = {name: value for name, value in asdict(self).items() if not name.startswith("_")}
        (doc_dir / LAYOUT_FILE).write_text(
            json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, doc_dir: Path) -> Layout | None:
        try:
            data = json.loads((doc_dir / LAYOUT_FILE).read_text(encoding="utf-8"))
            return cls(
                data["id_base"],
                data["doc_base"],
                data["organisation_segment"],
                tuple(data["segments"]),
                data.get("statement_segment", ""),  # absent in a site written before statements folded
                tuple(data.get("inline_classes", ())),
                tuple(data.get("field_names", ())),
                data.get("base_url", ""),  # absent in a site written before serve mapped base_url's path
                tuple((segment, tuple(fields)) for segment, fields in data.get("segment_fields", ())),
                tuple(
                    (name, tuple(owners), tuple(fields))
                    for name, owners, fields in data.get("inline_fields", ())
                ),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None


def anchor(key: str) -> str:
    """The id of a statement's part of its record's page (`bron/brief-x-title-1` -> `bron-brief-x-title-1`)."""
    return key.replace("/", "-")


def file_name(key: str) -> str:
    """The path below doc/ of a key: the decoded IRI segment (web servers decode before mapping to files)."""
    return unquote(key)


def negotiate(accept: str) -> str | None:
    """The extension for the best acceptable format (q-values honoured to two decimals, as the web
    servers' rules do: negotiation.py); HTML without Accept; None: 406."""
    return negotiation.negotiate(accept, ACCEPTED, negotiation.STATIC_DECIMALS)


def page_extension(accept_language: str) -> str:
    """The extension of the page in the best acceptable language (negotiation.py); Dutch by default."""
    return negotiation.negotiate_language(accept_language, LANGUAGES)


def catalog_file(accept: str) -> str | None:
    """The catalog's file for the best acceptable format, as `negotiate`; None: 406."""
    return negotiation.negotiate(accept, CATALOG_ACCEPTED, negotiation.STATIC_DECIMALS)
