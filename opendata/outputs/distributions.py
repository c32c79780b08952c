"""The published files as the catalog sees them: one table from file pattern to what it is.

Each row names the dataset a file belongs to, its IANA media type, its EU file type, a title and
a description in nl and en, and the standards it conforms to. The catalog, the VoID description
and the landing page describe exactly the files of a build folder that match a row, so a new
output (a writer added to WRITERS) needs one row here and nothing else.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from opendata.publish.switch import file_sha256

IANA = "http://www.iana.org/assignments/media-types/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"

# Standards by IRI, with a title; a `conforms_to` entry without a scheme is a file of the publication.
SHACL = "https://www.w3.org/TR/shacl/"
JSON_LD = "https://www.w3.org/TR/json-ld11/"
OWL = "https://www.w3.org/TR/owl2-overview/"
DATA_PACKAGE = "https://datapackage.org/standard/data-package/"
CSVW = "https://www.w3.org/TR/tabular-metadata/"
SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/"
STANDARDS = {
    SHACL: "Shapes Constraint Language (SHACL)",
    JSON_LD: "JSON-LD 1.1",
    OWL: "OWL 2 Web Ontology Language",
    DATA_PACKAGE: "Frictionless Data Package",
    CSVW: "Metadata Vocabulary for Tabular Data (CSVW)",
    SPARQL_PROTOCOL: "SPARQL 1.1 Protocol",
}


@dataclass(frozen=True)
class DatasetKind:
    """A dataset of the catalog; its title is the publication's title with `title` after it."""

    key: str
    title: dict
    description: dict
    covers_data: bool  # the letters' period and places apply (not so for the model)
    conforms_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileKind:
    pattern: str  # a path in dist/; `*` matches within one folder
    dataset: str  # DatasetKind.key
    media_type: str  # IANA, e.g. text/turtle
    file_type: str  # EU file-type code, e.g. RDF_TURTLE
    title: dict  # nl, en; {name} and {stem} are filled in
    description: dict
    conforms_to: tuple[str, ...] = ()
    compress_format: str = ""  # IANA media type of the compression, for compressed files

    def matches(self, relative: str) -> bool:
        folder, _, name = self.pattern.rpartition("/")
        return posixpath.dirname(relative) == folder and fnmatchcase(posixpath.basename(relative), name)


DATASETS = (
    DatasetKind(
        "graaf",
        {"nl": "linked data", "en": "linked data"},
        {
            "nl": "De graaf in RDF: Turtle, N-Triples (ook gecomprimeerd) en JSON-LD.",
            "en": "The graph in RDF: Turtle, N-Triples (also compressed) and JSON-LD.",
        },
        True,
        ("shapes.ttl",),
    ),
    DatasetKind(
        "tabellen",
        {"nl": "tabellen", "en": "tables"},
        {
            "nl": "Dezelfde gegevens als tabellen: CSV-bestanden met een Frictionless datapakket en CSVW-metadata.",
            "en": "The same data as tables: CSV files with a Frictionless data package and CSVW metadata.",
        },
        True,
        (DATA_PACKAGE,),
    ),
    DatasetKind(
        "model",
        {"nl": "model", "en": "model"},
        {
            "nl": "Het model van de gegevens: de ontologie van de eigen termen, de SHACL-shapes waartegen de "
            "graaf gevalideerd is en de JSON-LD-context.",
            "en": "The model of the data: the ontology of the terms minted here, the SHACL shapes the graph was "
            "validated against and the JSON-LD context.",
        },
        False,
        (OWL, SHACL),
    ),
)

FILES = (
    FileKind(
        "graph.ttl",
        "graaf",
        "text/turtle",
        "RDF_TURTLE",
        {"nl": "Graaf (Turtle)", "en": "Graph (Turtle)"},
        {"nl": "De volledige graaf in Turtle.", "en": "The whole graph in Turtle."},
        ("shapes.ttl",),
    ),
    FileKind(
        "graph.nt",
        "graaf",
        "application/n-triples",
        "RDF_N_TRIPLES",
        {"nl": "Graaf (N-Triples)", "en": "Graph (N-Triples)"},
        {
            "nl": "De volledige graaf in N-Triples, gesorteerd en canoniek.",
            "en": "The whole graph in N-Triples, sorted and canonical.",
        },
        ("shapes.ttl",),
    ),
    FileKind(
        "graph.nt.gz",
        "graaf",
        "application/n-triples",
        "GZIP",
        {"nl": "Graaf (N-Triples, gzip)", "en": "Graph (N-Triples, gzip)"},
        {
            "nl": "De volledige graaf in N-Triples, met gzip gecomprimeerd, voor bulkladers.",
            "en": "The whole graph in N-Triples, gzip-compressed, for bulk loaders.",
        },
        ("shapes.ttl",),
        compress_format="application/gzip",
    ),
    FileKind(
        "graph.jsonld",
        "graaf",
        "application/ld+json",
        "JSON_LD",
        {"nl": "Graaf (JSON-LD)", "en": "Graph (JSON-LD)"},
        {
            "nl": "De volledige graaf als compact JSON-LD onder context.jsonld.",
            "en": "The whole graph as compacted JSON-LD under context.jsonld.",
        },
        ("shapes.ttl", JSON_LD),
    ),
    FileKind(
        "datapackage.json",
        "tabellen",
        "application/json",
        "JSON",
        {"nl": "Datapakket (datapackage.json)", "en": "Data package (datapackage.json)"},
        {
            "nl": "Frictionless datapakket: de tabellen met hun kolommen, typen en sleutels.",
            "en": "Frictionless data package: the tables with their columns, types and keys.",
        },
        (DATA_PACKAGE,),
    ),
    FileKind(
        "data/*.csv",
        "tabellen",
        "text/csv",
        "CSV",
        {"nl": "Tabel {stem} (CSV)", "en": "Table {stem} (CSV)"},
        {
            "nl": "De tabel {stem} als CSV (UTF-8, met kopregel); de kolommen staan in datapackage.json.",
            "en": "The table {stem} as CSV (UTF-8, with a header row); its columns are described in "
            "datapackage.json.",
        },
        ("datapackage.json",),
    ),
    FileKind(
        "csv-metadata.json",
        "tabellen",
        "application/csvm+json",
        "JSON_LD",
        {"nl": "CSVW-metadata", "en": "CSVW metadata"},
        {
            "nl": "CSV on the Web-metadata: hoe de tabellen als RDF te lezen zijn.",
            "en": "CSV on the Web metadata: how to read the tables as RDF.",
        },
        (CSVW,),
    ),
    FileKind(
        "ontology.ttl",
        "model",
        "text/turtle",
        "RDF_TURTLE",
        {"nl": "Ontologie (Turtle)", "en": "Ontology (Turtle)"},
        {
            "nl": "De termen die dit project definieert, met labels en definities in het Nederlands en Engels.",
            "en": "The terms this project mints, labelled and defined in Dutch and English.",
        },
        (OWL,),
    ),
    FileKind(
        "shapes.ttl",
        "model",
        "text/turtle",
        "RDF_TURTLE",
        {"nl": "SHACL-shapes (Turtle)", "en": "SHACL shapes (Turtle)"},
        {
            "nl": "De SHACL-shapes waartegen de graaf gevalideerd is.",
            "en": "The SHACL shapes the graph was validated against.",
        },
        (SHACL,),
    ),
    FileKind(
        "context.jsonld",
        "model",
        "application/ld+json",
        "JSON_LD",
        {"nl": "JSON-LD-context", "en": "JSON-LD context"},
        {
            "nl": "De JSON-LD-context van graph.jsonld: van veldnaam naar RDF-term.",
            "en": "The JSON-LD context of graph.jsonld: from field name to RDF term.",
        },
        (JSON_LD,),
    ),
)


@dataclass(frozen=True)
class PublishedFile:
    relative: str  # the path in dist/, with /
    path: Path
    kind: FileKind
    size: int

    @property
    def sha256(self) -> str:
        return file_sha256(self.path)

    def title(self, language: str) -> str:
        return self._fill(self.kind.title[language])

    def description(self, language: str) -> str:
        return self._fill(self.kind.description[language])

    def _fill(self, template: str) -> str:
        name = posixpath.basename(self.relative)
        return template.format(name=name, stem=name.split(".")[0])


@dataclass(frozen=True)
class DatasetFiles:
    kind: DatasetKind
    files: list[PublishedFile] = field(default_factory=list)


def kind_of(relative: str) -> FileKind | None:
    return next((kind for kind in FILES if kind.matches(relative)), None)


def _candidates(build: Path) -> list[Path]:
    """The files at the top of the build and in the folders the table's patterns name (not the
    100,000 letter texts, which the catalog does not list)."""
    folders = {kind.pattern.split("/")[0] for kind in FILES if "/" in kind.pattern}
    paths = [p for p in build.iterdir() if p.is_file()]
    for folder in sorted(folders):
        if (build / folder).is_dir():
            paths += [p for p in (build / folder).rglob("*") if p.is_file()]
    return sorted(paths)


def published_files(build: Path) -> list[PublishedFile]:
    """Every file in the build folder that the table describes, by path."""
    found = []
    for path in _candidates(build):
        relative = path.relative_to(build).as_posix()
        kind = kind_of(relative)
        if kind is not None:
            found.append(PublishedFile(relative, path, kind, path.stat().st_size))
    return found


def datasets(build: Path) -> list[DatasetFiles]:
    """The catalog's datasets, in table order, each with its files; a dataset without files is left out."""
    files = published_files(build)
    grouped = [DatasetFiles(kind, [f for f in files if f.kind.dataset == kind.key]) for kind in DATASETS]
    return [group for group in grouped if group.files]
