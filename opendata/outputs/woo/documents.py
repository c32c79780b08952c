"""The published letters as Woo documents: what the Woo-index needs to know of each.

A letter becomes one document per published file of it (its text `tekst/<key>.txt`, its original
PDF where the publication has one): the Woo-harvester identifies a document by the URL it fetches,
so each `<loc>` points straight at a file, never at a page about it. The facts come from the
published graph (so nothing the graph does not say reaches the Woo-index) and the value lists of
DiWoo (`waardelijsten.csv`, copied from the DiWoo standard), whose IRIs the XSD enumerates.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from opendata.build.publication import Publication
from opendata.model.model import RDF_TYPE
from opendata.outputs.output import release_history
from opendata.releases.resources import literal_text, split_triple

SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
DEF = "https://w3id.org/opendata-nl/def#"
TOOI_ID = "https://identifier.overheid.nl/tooi/id/"
KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"

# Woo art. 3.3 lid 2 sub a: "bij vertegenwoordigende organen ingekomen stukken" (a letter to a council).
CATEGORY_COUNCIL = KERN + "c_8c840238"
# Woo art. 3.1: other letters between government bodies are published under the general duty to publish.
CATEGORY_GENERAL = KERN + "c_816e508d"
# The Woo-harvester reads only sitemap indexes named `sitemapindex-diwoo-infocatNNN.xml`; NNN numbers the
# categories in the order of Woo art. 3.3 (lid 1 a-e: 001-005, lid 2 a-l: 006-017; the DiWoo manual's
# example `infocat015` is lid 2 j, onderzoeksrapporten). Art. 3.1 (no number in 3.3) is 018: the
# numbering OpenCatalogi's Woo sitemaps use as well (README, "Woo-index").
CATEGORY_NUMBERS = {
    KERN + "c_139c6280": 1,
    KERN + "c_aab6bfc7": 2,
    KERN + "c_759721e2": 3,
    KERN + "c_40a05794": 4,
    KERN + "c_89ee6784": 5,
    KERN + "c_8c840238": 6,
    KERN + "c_c76862ab": 7,
    KERN + "c_db4862c3": 8,
    KERN + "c_3a248e3a": 9,
    KERN + "c_99a836c7": 10,
    KERN + "c_8fc2335c": 11,
    KERN + "c_c6cd1213": 12,
    KERN + "c_cf268088": 13,
    KERN + "c_3baef532": 14,
    KERN + "c_fdaee95e": 15,
    KERN + "c_46a81018": 16,
    KERN + "c_a870c43d": 17,
    KERN + "c_816e508d": 18,
}
COUNCILS = {DEF + "gemeenteraad", DEF + "provinciale-staten", DEF + "algemeen-bestuur"}
COUNCIL_LETTER_KINDS = {DEF + "raadsinformatiebrief", DEF + "raadsvoorstel"}
DOCUMENT_KIND_LETTER = KERN + "c_7652d853"  # documentsoort "brief"
LANGUAGE_DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
FORMATS = {
    "txt": "http://publications.europa.eu/resource/authority/file-type/TXT",
    "pdf": "http://publications.europa.eu/resource/authority/file-type/PDF",
}
HANDLING_SIGNED = KERN + "c_e1ec050e"  # ondertekening
HANDLING_RECEIVED = KERN + "c_dfcee535"  # ontvangst
ORGANISATION_LISTS = (
    "gemeentelijst",
    "provincielijst",
    "waterschapslijst",
    "collijst",
    "ministerielijst",
    "oorglijst",
    "solijst",
    "zbolijst",
)


@lru_cache(maxsize=1)
def value_lists() -> dict[str, dict[str, str]]:
    """List name -> {IRI: label}, from the DiWoo value lists shipped with the package."""
    lists: dict[str, dict[str, str]] = {}
    with open(Path(__file__).with_name("waardelijsten.csv"), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            lists.setdefault(row["lijst"], {})[row["uri"]] = row["label"]
    return lists


def label(list_name: str, iri: str) -> str:
    return value_lists()[list_name][iri]


def organisation_label(iri: str) -> str | None:
    """The DiWoo label of a TOOI organisation; None when no organisation list of the XSD holds it."""
    for name in ORGANISATION_LISTS:
        found = value_lists().get(name, {}).get(iri)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class WooDocument:
    """One published file of one letter, with its DiWoo metadata."""

    url: str  # what the harvester fetches (<loc>)
    letter: str  # the letter's IRI (an identifier; the release history dates it)
    format: str  # "txt" | "pdf"
    category: str  # information category IRI
    title: str
    publisher: str  # TOOI IRI
    creator: str | None = None  # TOOI IRI of the sending body, when the graph names one
    sent: datetime.date | None = None
    received: datetime.date | None = None
    identifiers: tuple[str, ...] = ()
    lastmod: datetime.date | None = None

    @property
    def category_number(self) -> int:
        return CATEGORY_NUMBERS[self.category]


@dataclass
class _Organisations:
    """What the letters need of the organisations: their TOOI organisation and whether they are a council."""

    tooi: dict[str, str] = field(default_factory=dict)  # organisation IRI -> TOOI IRI (itself or its parent)
    councils: set[str] = field(default_factory=set)

    def read(self, lines: Iterable[str]) -> None:
        for line in lines:
            if not line.startswith("<"):
                continue
            subject, predicate, obj = split_triple(line)
            if predicate == ORG + "subOrganizationOf" and obj.startswith("<" + TOOI_ID):
                self.tooi.setdefault(subject, obj[1:-1])
            elif predicate == ORG + "classification" and obj[1:-1] in COUNCILS:
                self.councils.add(subject)

    def tooi_of(self, iri: str) -> str | None:
        found = iri if iri.startswith(TOOI_ID) else self.tooi.get(iri)
        return found if found and organisation_label(found) is not None else None


def _date(obj: str) -> datetime.date | None:
    literal = literal_text(obj)
    try:
        return datetime.date.fromisoformat(literal[0][:10]) if literal else None
    except ValueError:
        return None


# What documents_of reads of a letter's own triples (its subject's objects by predicate).
FACTS = (
    RDF_TYPE,
    SCHEMA + "encoding",
    SCHEMA + "recipient",
    SCHEMA + "sender",
    SCHEMA + "dateSent",
    SCHEMA + "dateReceived",
    DCT + "type",
    DCT + "title",
    DEF + "ourReference",
    DEF + "yourReference",
    DEF + "dossierNumber",
)
Facts = dict[str, list[str]]  # predicate IRI -> the objects (as written) of the letter's triples


def letter_facts(iri: str, lines: Iterable[str]) -> Facts:
    """What documents_of reads of the letter `iri` in its triples (N-Triples lines)."""
    facts: Facts = {}
    for line in lines:
        subject, predicate, obj = split_triple(line)
        if subject == iri and predicate in FACTS:
            facts.setdefault(predicate, []).append(obj)
    return facts


def find_letter(lines: list[str]) -> str | None:
    """The IRI of the letter among a letter's triples: the subject of the first line naming its type."""
    return next(
        (
            split_triple(line)[0]
            for line in lines
            if f"<{SCHEMA}Message>" in line or f"<{SCHEMA}Letter>" in line
        ),
        None,
    )


def letter_part(nt: str) -> tuple[str, Facts]:
    """A letter's share of the Woo-index, from its N-Triples: (its IRI, its facts); ("", {}) when
    no subject is a letter."""
    lines = [line for line in nt.splitlines() if line.startswith("<")]
    letter = find_letter(lines)
    return ("", {}) if letter is None else (letter, letter_facts(letter, lines))


def letter_documents(
    iri: str, lines: list[str], base_url: str, publisher: str, organisations: _Organisations
) -> list[WooDocument]:
    """The Woo documents of one letter (none when it has no published file)."""
    return documents_of(iri, letter_facts(iri, lines), base_url, publisher, organisations)


def documents_of(
    iri: str, facts: Facts, base_url: str, publisher: str, organisations: _Organisations
) -> list[WooDocument]:
    """The Woo documents of the letter `iri` from its facts (letter_facts)."""
    if f"<{SCHEMA}Message>" not in facts.get(RDF_TYPE, []) and f"<{SCHEMA}Letter>" not in facts.get(
        RDF_TYPE, []
    ):
        return []
    files = sorted(o[1:-1] for o in facts.get(SCHEMA + "encoding", []) if o.startswith("<" + base_url))
    if not files:
        return []
    recipients = [o[1:-1] for o in facts.get(SCHEMA + "recipient", [])]
    kinds = {o[1:-1] for o in facts.get(DCT + "type", [])}
    to_council = bool(kinds & COUNCIL_LETTER_KINDS) or any(r in organisations.councils for r in recipients)
    titles = [literal[0] for o in facts.get(DCT + "title", []) if (literal := literal_text(o))]
    key = iri.rstrip("/").rsplit("/", 1)[-1]
    senders = [t for t in (organisations.tooi_of(o[1:-1]) for o in facts.get(SCHEMA + "sender", [])) if t]
    identifiers = [iri] + sorted(
        literal[0]
        for p in ("ourReference", "yourReference", "dossierNumber")
        for o in facts.get(DEF + p, [])
        if (literal := literal_text(o))
    )
    document = functools.partial(
        WooDocument,
        letter=iri,
        category=CATEGORY_COUNCIL if to_council else CATEGORY_GENERAL,
        title=sorted(titles)[0] if titles else f"Brief {key}",
        publisher=publisher,
        creator=sorted(senders)[0] if senders else None,
        sent=min(filter(None, map(_date, facts.get(SCHEMA + "dateSent", []))), default=None),
        received=min(filter(None, map(_date, facts.get(SCHEMA + "dateReceived", []))), default=None),
        identifiers=tuple(identifiers),
    )
    return [
        document(url=url, format=url.rsplit(".", 1)[-1].lower())
        for url in files
        if url.rsplit(".", 1)[-1].lower() in FORMATS
    ]


PART = "woo"  # the key of a letter's part in its unit (the output's name)


def publication_documents(publication: Publication) -> Iterator[WooDocument]:
    """Every Woo document of the publication, dated by the release history (docs/releases.md). Each
    letter's IRI and facts come from its part (made in the worker processes, cached with its unit)."""
    config = publication.config
    publisher = config.publisher  # a TOOI IRI (config.py)
    organisations = _Organisations()
    organisations.read(publication.shared_nt.splitlines())
    modified = last_modified_dates(release_history(publication))
    for unit in publication.letters:
        part = unit.part(PART)
        letter, facts = part if isinstance(part, tuple) else letter_part(unit.nt)  # made without parts?
        if not letter:
            continue
        lastmod = modified.get(letter)
        for document in documents_of(letter, facts, config.base_url, publisher, organisations):
            yield dataclasses.replace(document, lastmod=lastmod)


def last_modified_dates(history) -> dict[str, datetime.date]:
    """IRI -> the date of the last release that changed it, for every resource at once
    (History.last_modified folds the whole history on each call: too slow for 100,000 letters)."""
    dates: dict[str, datetime.date] = {}
    for release in history.releases if history is not None else ():
        for change in release.changes:
            dates[change.iri] = release.date
    return dates
