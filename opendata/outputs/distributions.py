"""The published files as the catalog sees them: from file pattern to what the file is.

A FileKind names the dataset a file belongs to, its IANA media type, its EU file type, a title and
a description in nl and en, the standards it conforms to and, for a dump of the graph, its VoID
format. Each output module declares the kinds of the files it writes (`Output.distributions`,
opendata/outputs/output.py); the registry (opendata/outputs/__init__.py) gathers them into one
FileTable, which the catalog, the VoID description and the landing page are given. They describe
exactly the files of a build folder that match a kind, so a new output needs nothing here.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from opendata.outputs.digests import file_sha256

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
    void_feature: str = ""  # a dump of the graph: its format's name under http://www.w3.org/ns/formats/

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


@dataclass(frozen=True)
class FileTable:
    """The kinds of every registered output's files: what the describing outputs describe."""

    kinds: tuple[FileKind, ...]

    def kind_of(self, relative: str) -> FileKind | None:
        return next((kind for kind in self.kinds if kind.matches(relative)), None)

    def _candidates(self, build: Path) -> list[Path]:
        """The files at the top of the build and in the folders the kinds' patterns name (not the
        100,000 letter texts, which the catalog does not list)."""
        folders = {kind.pattern.split("/")[0] for kind in self.kinds if "/" in kind.pattern}
        paths = [p for p in build.iterdir() if p.is_file()]
        for folder in sorted(folders):
            if (build / folder).is_dir():
                paths += [p for p in (build / folder).rglob("*") if p.is_file()]
        return sorted(paths)

    def published_files(self, build: Path) -> list[PublishedFile]:
        """Every file in the build folder that a kind describes, by path."""
        found = []
        for path in self._candidates(build):
            relative = path.relative_to(build).as_posix()
            kind = self.kind_of(relative)
            if kind is not None:
                found.append(PublishedFile(relative, path, kind, path.stat().st_size))
        return found

    def datasets(self, build: Path) -> list[DatasetFiles]:
        """The catalog's datasets, in DATASETS order, each with its files; a dataset without files is left out."""
        files = self.published_files(build)
        grouped = [DatasetFiles(kind, [f for f in files if f.kind.dataset == kind.key]) for kind in DATASETS]
        return [group for group in grouped if group.files]
