"""The DCAT-AP-NL 3 catalog of a publication, as triples.

One dcat:Catalog; a dcat:Dataset per group of published files (distributions.DATASETS); a
dcat:Distribution per file, with its size and sha256; a dcat:DataService for the SPARQL endpoint
when publication.yaml names one. Every linked value is typed as DCAT-AP's range shapes expect
(licence dct:LicenseDocument, access rights dct:RightsStatement, contact vcard:Kind, agents
foaf:Agent, ...), because harvesters and validators do not infer classes. No blank nodes: every
node has an IRI from the Minter, so the catalog is the same bytes on every run.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from opendata import __version__
from opendata.build.coverage import Coverage, DateValue
from opendata.build.publication import Publication
from opendata.model.iris import CATALOG_SEGMENTS
from opendata.model.register import RegisteredOrganisation, load_register
from opendata.outputs.distributions import (
    FILE_TYPE,
    IANA,
    SPARQL_PROTOCOL,
    STANDARDS,
    DatasetFiles,
    FileTable,
    PublishedFile,
)
from opendata.outputs.triples import XSD, Triples, text, typed
from opendata.releases.history import History, release_iri
from opendata.sources.config import LICENCES

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
SPDX = "http://spdx.org/rdf/terms#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
EU = "http://publications.europa.eu/resource/authority/"
DATA_THEME_SCHEME = EU + "data-theme"
PUBLIC = EU + "access-right/PUBLIC"
LANGUAGES = {
    "nl": (EU + "language/NLD", "Nederlands", "Dutch"),
    "en": (EU + "language/ENG", "Engels", "English"),
}
PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"
PUBLISHER_TYPES = {  # register kind -> ADMS publisher type
    "gemeente": "LocalAuthority",
    "samenwerkingsorganisatie": "LocalAuthority",
    "caribisch-openbaar-lichaam": "LocalAuthority",
    "provincie": "RegionalAuthority",
    "waterschap": "RegionalAuthority",
    "overheidsorganisatie": "NationalAuthority",
    "ministerie": "NationalAuthority",
    "zbo": "NationalAuthority",
}
PUBLISHER_TYPE_LABELS = {
    "LocalAuthority": "Local Authority",
    "RegionalAuthority": "Regional Authority",
    "NationalAuthority": "National Authority",
}
FILE_TYPE_LABELS = {
    "RDF_TURTLE": "Turtle",
    "RDF_N_TRIPLES": "N-Triples",
    "JSON_LD": "JSON-LD",
    "GZIP": "GZIP",
    "JSON": "JSON",
    "CSV": "CSV",
    "RDF_XML": "RDF/XML",
    "HTML": "HTML",
}
LICENCE_TYPE = "http://purl.org/adms/licencetype/"
# dct:license is the licence's IRI in the EU licence authority table: data.europa.eu and the CKAN
# portals that harvest for it register licences by these IRIs (ckanext-dcat matches dct:license
# against its licence register by IRI). The Creative Commons IRIs, the deed itself (config.LICENCES)
# and data.overheid.nl's Dutch deed (its licence taxonomy), are linked with skos:exactMatch, so a
# register keyed on either resolves the licence from the catalog alone.
DUTCH_DEED = "deed.nl"
# dcatap:availability of every file: "available for the medium term" (a few years). A new version
# replaces the files at the same URLs; an older version's files do not stay online.
AVAILABILITY = (EU + "planned-availability/AVAILABLE", {"nl": "beschikbaar", "en": "available"})
DCATAP = "http://data.europa.eu/r5r/"
ADMS = "http://www.w3.org/ns/adms#"
SPARQL_SERVICE = "sparql"
GRAPH_DATASET = "graaf"  # the dataset the SPARQL endpoint serves

PREFIXES = {
    "dcat": DCAT,
    "dct": DCT,
    "foaf": FOAF,
    "vcard": VCARD,
    "spdx": SPDX,
    "prov": PROV,
    "skos": SKOS,
    "rdfs": RDFS,
    "xsd": XSD,
    "dcatap": DCATAP,
    "filetype": FILE_TYPE,
    "adms": ADMS,
}


def prefixes(publication: Publication) -> dict[str, str]:
    """The catalog's prefixes: the vocabularies, and the segments its own IRIs are minted under."""
    base = publication.config.base_iri
    return {
        **PREFIXES,
        "dataset": f"{base}{CATALOG_SEGMENTS['dataset']}/",
        "distributie": f"{base}{CATALOG_SEGMENTS['distribution']}/",
    }


@dataclass
class CatalogBuilder:
    """Builds the catalog's triples from a publication and the files of its build folder."""

    publication: Publication
    build: Path
    files: FileTable  # the kinds of the files it describes
    triples: Triples
    covered: Coverage

    @property
    def config(self):
        return self.publication.config

    @property
    def minter(self):
        return self.publication.minter

    # ------------------------------------------------------------ small shared nodes

    def bilingual(self, subject: str, predicate: str, values: dict) -> None:
        for language in ("nl", "en"):
            self.triples.add(subject, predicate, text(values[language], language))

    def agent(self, uri: str) -> str:
        organisation = registered_organisation(uri)
        self.triples.a(uri, FOAF + "Agent")
        self.triples.add(uri, FOAF + "name", text(organisation.name, "nl") if organisation else text(uri))
        kind = PUBLISHER_TYPES.get(organisation.kind) if organisation else None
        if kind:
            self.concept(PUBLISHER_TYPE + kind, {"en": PUBLISHER_TYPE_LABELS[kind]}, PUBLISHER_TYPE + "1.0")
            self.triples.add(uri, DCT + "type", PUBLISHER_TYPE + kind)
        return uri

    def concept(self, uri: str, labels: dict, scheme: str | None = None) -> str:
        self.triples.a(uri, SKOS + "Concept")
        for language, label in sorted(labels.items()):
            self.triples.add(uri, SKOS + "prefLabel", text(label, language))
        if scheme:
            self.triples.add(uri, SKOS + "inScheme", scheme)
        return uri

    def language(self, code: str) -> str:
        uri, nl, en = LANGUAGES[code]
        self.concept(uri, {"nl": nl, "en": en}, EU + "language")
        self.triples.a(uri, DCT + "LinguisticSystem")
        return uri

    def license(self) -> str:
        """The EU authority IRI of the licence, typed and labelled, matched to the Creative Commons IRIs."""
        licence = LICENCES[self.config.license_id]  # every name of a licence is kept there, once
        uri = licence.eu
        label = text(licence.label)
        self.concept(uri, {"en": licence.label}, EU + "licence")
        self.triples.a(uri, DCT + "LicenseDocument")
        self.triples.add(uri, RDFS + "label", label)
        self.triples.add(uri, DCT + "title", label)
        code, type_label = licence.kind
        self.triples.add(uri, DCT + "type", self.concept(LICENCE_TYPE + code, {"en": type_label}))
        for deed in (self.config.license, self.config.license + DUTCH_DEED):
            self.triples.a(deed, DCT + "LicenseDocument")
            self.triples.add(deed, RDFS + "label", label)
            self.triples.add(uri, SKOS + "exactMatch", deed)
        return uri

    def access_rights(self) -> str:
        self.concept(PUBLIC, {"nl": "publiek", "en": "public"}, EU + "access-right")
        self.triples.a(PUBLIC, DCT + "RightsStatement")
        return PUBLIC

    def contact(self) -> str:
        uri = self.minter.dependent(self.minter.catalog(), "contactpunt")
        contact = self.config.contact
        self.triples.a(uri, VCARD + "Kind", VCARD + "Organization")
        self.triples.add(uri, VCARD + "fn", text(contact["name"]))
        self.triples.add(uri, VCARD + "hasEmail", "mailto:" + contact["email"])
        if contact.get("url"):
            self.triples.add(uri, VCARD + "hasURL", contact["url"])
        return uri

    def resource(self, url: str) -> str:
        """An IRI typed rdfs:Resource: the consolidated DCAT-AP 3.0.1 shapes (ranges.ttl) require that class
        of an endpoint URL and description, and a validator does not infer it."""
        self.triples.a(url, RDFS + "Resource")
        return url

    def document(self, url: str) -> str:
        self.triples.a(url, FOAF + "Document")
        return url

    def standard(self, reference: str) -> str | None:
        """A dct:Standard: an external specification, or a file of this publication when present."""
        if "://" in reference:
            self.triples.a(reference, DCT + "Standard")
            self.triples.add(reference, DCT + "title", text(STANDARDS[reference]))
            return reference
        kind = self.files.kind_of(reference)
        if kind is None or not (self.build / reference).is_file():
            return None
        url = self.minter.published_file(reference)
        self.triples.a(url, DCT + "Standard")
        self.bilingual(url, DCT + "title", kind.title)
        return url

    def themes(self) -> list[str]:
        for theme in self.config.themes:
            scheme = DATA_THEME_SCHEME if theme["uri"].startswith(DATA_THEME_SCHEME + "/") else None
            self.concept(theme["uri"], {"nl": theme["nl"], "en": theme["en"]}, scheme)
        return [theme["uri"] for theme in self.config.themes]

    def theme_taxonomy(self) -> str:
        self.triples.a(DATA_THEME_SCHEME, SKOS + "ConceptScheme")
        self.triples.add(DATA_THEME_SCHEME, DCT + "title", text("Data theme", "en"))
        return DATA_THEME_SCHEME

    def date(self, value: DateValue):
        return typed(value.lexical, value.datatype)

    def build_activity(self) -> str:
        """The build that generated the datasets, naming the opendata version."""
        uri = self.minter.dependent(self.minter.catalog(), "publicatie")
        software = self.minter.dependent(self.minter.catalog(), f"opendata-{__version__}")
        self.triples.a(uri, PROV + "Activity")
        self.bilingual(
            uri,
            RDFS + "label",
            {
                "nl": f"Publicatie van versie {self.config.version} met opendata {__version__}",
                "en": f"Publication of version {self.config.version} with opendata {__version__}",
            },
        )
        self.triples.add(uri, PROV + "wasAssociatedWith", software)
        self.triples.a(software, PROV + "SoftwareAgent")
        self.triples.add(software, RDFS + "label", text(f"opendata {__version__}"))
        return uri

    def drafts_statement(self, dataset: str) -> str:
        """dct:provenance of the graph: how many letters are drafts (machine-extracted, not reviewed)."""
        letters = self.publication.letters
        drafts = sum(1 for unit in letters if getattr(unit, "draft", False))
        uri = self.minter.dependent(dataset, "herkomst")
        self.triples.a(uri, DCT + "ProvenanceStatement")
        self.bilingual(
            uri,
            RDFS + "label",
            {
                "nl": f"{drafts} van de {len(letters)} brieven zijn concepten: machinaal geëxtraheerd en niet door een mens "
                "nagekeken (prov:wasGeneratedBy een activiteit van type odnl:draft); de overige zijn door mensen "
                "samengesteld of nagekeken. Elk gegeven met een bron is een rdf:Statement met zijn bron.",
                "en": f"{drafts} of the {len(letters)} letters are drafts: machine-extracted and not reviewed by a person "
                "(prov:wasGeneratedBy an activity of type odnl:draft); the others were curated or reviewed by people. "
                "Every fact with a source is an rdf:Statement with its source.",
            },
        )
        return uri

    # ------------------------------------------------------------ the DCAT resources

    def described(self, uri: str, kind_title: dict | None, description: dict | None) -> None:
        """Title and description in nl and en: the publication's, completed by the kind's."""
        for language in ("nl", "en"):
            title = self.config.title[language]
            self.triples.add(
                uri,
                DCT + "title",
                text(f"{title} ({kind_title[language]})" if kind_title else title, language),
            )
            body = self.config.description[language]
            self.triples.add(
                uri,
                DCT + "description",
                text(f"{body} {description[language]}" if description else body, language),
            )

    def common(self, uri: str) -> None:
        """What every dataset and data service says: who, contact, themes, rights, keywords, landing page."""
        add = self.triples.add
        add(uri, DCT + "identifier", text(uri))
        add(uri, DCT + "publisher", self.agent(self.config.publisher))
        add(uri, DCT + "creator", self.agent(self.config.creator))
        add(uri, DCAT + "contactPoint", self.contact())
        for theme in self.themes():
            add(uri, DCAT + "theme", theme)
        add(uri, DCT + "accessRights", self.access_rights())
        add(uri, DCT + "language", self.language(self.config.language))
        add(uri, DCAT + "landingPage", self.document(self.config.landing_url))
        for language in ("nl", "en"):
            for keyword in self.config.keywords[language]:
                add(uri, DCAT + "keyword", text(keyword, language))

    def places(self, uri: str) -> None:
        """dct:spatial: the municipalities in the graph, as dct:Location with their TOOI IRIs."""
        for municipality in self.covered.municipalities:
            self.triples.a(municipality.uri, DCT + "Location")
            self.triples.add(municipality.uri, SKOS + "prefLabel", text(municipality.name, "nl"))
            self.triples.add(uri, DCT + "spatial", municipality.uri)

    def coverage_of(self, uri: str) -> None:
        add = self.triples.add
        self.places(uri)
        if self.covered.start and self.covered.end:
            period = self.minter.dependent(uri, "periode")
            self.triples.a(period, DCT + "PeriodOfTime")
            add(period, DCAT + "startDate", self.date(self.covered.start))
            add(period, DCAT + "endDate", self.date(self.covered.end))
            add(uri, DCT + "temporal", period)

    def version_history(self, uri: str) -> None:
        """dcat:version, adms:versionNotes, dcat:previousVersion and dct:modified from the release
        history (docs/releases.md); the configured version and dates while there is none."""
        add = self.triples.add
        history = self.publication.history
        latest = history.latest if isinstance(history, History) else None
        if latest is None:
            add(uri, DCAT + "version", text(self.config.version))
            add(uri, DCT + "modified", self.date(self.covered.modified(self.config.issued)))
            return
        add(uri, DCAT + "version", text(latest.version))
        add(uri, ADMS + "versionNotes", text(f"Release {latest.number}: {latest.notes()}", "en"))
        if latest.number > 1:
            add(uri, DCAT + "previousVersion", release_iri(self.config.base_url, latest.number - 1))
        add(uri, DCT + "modified", typed(latest.date.isoformat(), XSD + "date"))

    def dataset(self, group: DatasetFiles) -> str:
        uri = self.minter.catalog_dataset(group.kind.key)
        add = self.triples.add
        self.triples.a(uri, DCAT + "Dataset")
        self.described(uri, group.kind.title, group.kind.description)
        self.common(uri)
        add(uri, DCT + "issued", typed(self.config.issued, XSD + "date"))
        self.version_history(uri)
        add(uri, PROV + "wasGeneratedBy", self.build_activity())
        if (self.build / "vocabulary.md").is_file():
            add(uri, FOAF + "page", self.document(self.minter.published_file("vocabulary.md")))
        if group.kind.covers_data:
            self.coverage_of(uri)
        if group.kind.key == "graaf":
            add(uri, DCT + "provenance", self.drafts_statement(uri))
        for reference in group.kind.conforms_to:
            standard = self.standard(reference)
            if standard:
                add(uri, DCT + "conformsTo", standard)
        for published in group.files:
            add(uri, DCAT + "distribution", self.distribution(published, group))
        return uri

    def distribution(self, published: PublishedFile, group: DatasetFiles) -> str:
        uri = self.minter.distribution(published.relative)
        url = self.minter.published_file(published.relative)
        kind = published.kind
        add = self.triples.add
        self.triples.a(uri, DCAT + "Distribution")
        for language in ("nl", "en"):
            add(uri, DCT + "title", text(published.title(language), language))
            add(uri, DCT + "description", text(published.description(language), language))
        add(uri, DCAT + "accessURL", url)
        add(uri, DCAT + "downloadURL", url)
        add(uri, DCAT + "mediaType", self.media_type(kind.media_type))
        add(uri, DCT + "format", self.file_type(kind.file_type))
        if kind.compress_format:
            add(uri, DCAT + "compressFormat", self.media_type(kind.compress_format))
        add(uri, DCT + "license", self.license())
        add(
            uri,
            DCATAP + "availability",
            self.concept(AVAILABILITY[0], AVAILABILITY[1], EU + "planned-availability"),
        )
        add(uri, DCAT + "byteSize", typed(str(published.size), XSD + "nonNegativeInteger"))
        add(uri, SPDX + "checksum", self.checksum(uri, published))
        languages = [self.config.language] if group.kind.covers_data else ["nl", "en"]
        for code in languages:
            add(uri, DCT + "language", self.language(code))
        for reference in kind.conforms_to:
            standard = self.standard(reference)
            if standard:
                add(uri, DCT + "conformsTo", standard)
        return uri

    def media_type(self, media_type: str) -> str:
        self.triples.a(IANA + media_type, DCT + "MediaType")
        return IANA + media_type

    def file_type(self, code: str) -> str:
        uri = self.concept(FILE_TYPE + code, {"en": FILE_TYPE_LABELS.get(code, code)}, EU + "file-type")
        self.triples.a(uri, DCT + "MediaTypeOrExtent")
        return uri

    def checksum(self, distribution: str, published: PublishedFile) -> str:
        uri = self.minter.dependent(distribution, "sha256")
        self.triples.a(uri, SPDX + "Checksum")
        self.triples.add(uri, SPDX + "algorithm", SPDX + "checksumAlgorithm_sha256")
        self.triples.a(SPDX + "checksumAlgorithm_sha256", SPDX + "ChecksumAlgorithm")
        self.triples.add(uri, SPDX + "checksumValue", typed(published.sha256, XSD + "hexBinary"))
        return uri

    def data_service(self, serves: str | None) -> str:
        uri = self.minter.data_service(SPARQL_SERVICE)
        add = self.triples.add
        self.triples.a(uri, DCAT + "DataService")
        self.described(
            uri,
            {"nl": "SPARQL-endpoint", "en": "SPARQL endpoint"},
            {"nl": "Het SPARQL-endpoint bevraagt de graaf.", "en": "The SPARQL endpoint queries the graph."},
        )
        self.common(uri)
        add(uri, DCAT + "endpointURL", self.resource(self.config.endpoint_url))
        # What the endpoint holds is described by void.ttl (classes, properties, example resources).
        # Without it, the endpoint itself: a SPARQL 1.1 service describes itself at its URL.
        described_by = "void.ttl" if (self.build / "void.ttl").is_file() else ""
        add(
            uri,
            DCAT + "endpointDescription",
            self.resource(
                self.minter.published_file(described_by) if described_by else self.config.endpoint_url
            ),
        )
        standard = self.standard(SPARQL_PROTOCOL)
        if standard:  # (an external specification: always)
            add(uri, DCT + "conformsTo", standard)
        add(uri, DCT + "license", self.license())
        if serves:
            add(uri, DCAT + "servesDataset", serves)
        return uri

    def catalog(self) -> str:
        uri = self.minter.catalog()
        add = self.triples.add
        self.triples.a(uri, DCAT + "Catalog")
        self.described(uri, None, None)
        add(uri, DCT + "publisher", self.agent(self.config.publisher))
        add(uri, DCT + "creator", self.agent(self.config.creator))
        add(uri, DCAT + "contactPoint", self.contact())
        add(uri, DCT + "license", self.license())
        for code in ("nl", "en"):
            add(uri, DCT + "language", self.language(code))
        add(uri, DCT + "issued", typed(self.config.issued, XSD + "date"))
        add(uri, DCT + "modified", self.date(self.covered.modified(self.config.issued)))
        add(uri, FOAF + "homepage", self.document(self.config.landing_url))
        add(uri, DCAT + "themeTaxonomy", self.theme_taxonomy())
        self.places(uri)
        served = None
        for group in self.files.datasets(self.build):
            dataset = self.dataset(group)
            add(uri, DCAT + "dataset", dataset)
            if group.kind.key == GRAPH_DATASET:
                served = dataset
        if self.config.endpoint_url:
            add(uri, DCAT + "service", self.data_service(served))
        return uri


@functools.cache
def _organisations_by_uri() -> dict[str, RegisteredOrganisation]:
    return {org.uri: org for org in load_register().by_code.values()}


def registered_organisation(uri: str) -> RegisteredOrganisation | None:
    return _organisations_by_uri().get(uri)


def catalog_triples(publication: Publication, build: Path, files: FileTable) -> Triples:
    """The whole catalog of the publication whose files are in `build`, as `files` describes them."""
    covered = publication.coverage
    builder = CatalogBuilder(publication, build, files, Triples(), covered)
    builder.catalog()
    return builder.triples
