"""catalog.ttl, catalog.jsonld and catalog.rdf: the DCAT-AP-NL 3 catalog that data portals harvest.

Runs after every other writer: each distribution states the size and sha256 of its file as built.
The catalog does not list itself, the VoID description, the landing page or manifest.json.
"""

from __future__ import annotations

from pathlib import Path

from opendata.build.publication import Publication
from opendata.outputs.dcat import catalog_triples, prefixes
from opendata.outputs.distributions import FileTable
from opendata.outputs.output import Output
from opendata.outputs.triples import write_jsonld, write_rdfxml, write_turtle

FILES = ("catalog.ttl", "catalog.jsonld", "catalog.rdf")


def write(publication: Publication, out: Path, files: FileTable) -> None:
    triples = catalog_triples(publication, out, files)
    names = prefixes(publication)
    write_turtle(triples, out / "catalog.ttl", names)
    write_jsonld(triples, out / "catalog.jsonld", names)
    write_rdfxml(triples, out / "catalog.rdf", names)


OUTPUT = Output("catalog", describe=write)
