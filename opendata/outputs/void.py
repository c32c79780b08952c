"""void.ttl: a VoID description of the graph — its size, classes, properties, dumps and endpoint.

The void:Dataset is the catalog's graph dataset (the same IRI), so VoID and DCAT describe one
thing. The statistics are counted in one pass over the N-Triples (opendata/build/statistics.py).
The dumps are the published files whose kind names a VoID format (FileKind.void_feature).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from opendata.build.graph import shorten
from opendata.build.publication import Publication
from opendata.build.statistics import Statistics
from opendata.outputs.dcat import DCT, FOAF, GRAPH_DATASET
from opendata.outputs.distributions import FileTable
from opendata.outputs.output import Output
from opendata.outputs.triples import RDF, XSD, Triples, text, typed, write_turtle

VOID = "http://rdfs.org/ns/void#"
FORMATS = "http://www.w3.org/ns/formats/"
FILE = "void.ttl"


def _count(value: int):
    return typed(str(value), XSD + "integer")


def _curie(iri: str, namespaces: list[tuple[str, str]]) -> str:
    """A readable, stable fragment for a partition: prefix:name where a prefix fits, else the escaped IRI."""
    short = shorten(iri, namespaces)
    return quote(short, safe=":") if short != iri else quote(iri, safe="")


def _vocabulary(iri: str, namespaces: list[tuple[str, str]]) -> str:
    for _, namespace in namespaces:
        if iri.startswith(namespace):
            return namespace
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _partitions(triples: Triples, dataset: str, stats: Statistics, namespaces) -> None:
    for cls, count in sorted(stats.class_entities.items()):
        partition = f"{dataset}#klasse-{_curie(cls, namespaces)}"
        triples.add(dataset, VOID + "classPartition", partition)
        triples.add(partition, VOID + "class", cls)
        triples.add(partition, VOID + "entities", _count(count))
    for prop, count in sorted(stats.property_triples.items()):
        partition = f"{dataset}#eigenschap-{_curie(prop, namespaces)}"
        triples.add(dataset, VOID + "propertyPartition", partition)
        triples.add(partition, VOID + "property", prop)
        triples.add(partition, VOID + "triples", _count(count))


def _sizes(triples: Triples, dataset: str, stats: Statistics) -> None:
    add = triples.add
    add(dataset, VOID + "triples", _count(stats.triples))
    add(dataset, VOID + "entities", _count(stats.entities))
    add(dataset, VOID + "distinctSubjects", _count(stats.distinct_subjects))
    add(dataset, VOID + "distinctObjects", _count(stats.distinct_objects))
    add(dataset, VOID + "classes", _count(len(stats.class_entities)))
    add(dataset, VOID + "properties", _count(len(stats.property_triples)))


def _examples(publication: Publication, stats: Statistics) -> list[str]:
    """One instance of each class of the model, the first in IRI order."""
    model = publication.model
    classes = sorted({model.expand(cls.uri) for cls in model.classes.values()})
    return [stats.examples[cls] for cls in classes if cls in stats.examples]


def void_triples(publication: Publication, out: Path, files: FileTable) -> Triples:
    config, minter = publication.config, publication.minter
    stats = publication.statistics
    namespaces = sorted(_prefixes(publication).items(), key=lambda item: (-len(item[1]), item[0]))
    dataset = minter.catalog_dataset(GRAPH_DATASET)
    triples = Triples()
    add = triples.add
    description = minter.published_file(FILE)
    triples.a(description, VOID + "DatasetDescription")
    add(description, FOAF + "primaryTopic", dataset)
    triples.a(dataset, VOID + "Dataset")
    for language in ("nl", "en"):
        add(dataset, DCT + "title", text(config.title[language], language))
        add(dataset, DCT + "description", text(config.description[language], language))
    add(dataset, DCT + "license", config.license)
    add(dataset, DCT + "publisher", config.publisher)
    add(dataset, FOAF + "homepage", config.landing_url)
    _sizes(triples, dataset, stats)
    _partitions(triples, dataset, stats, namespaces)
    for example in _examples(publication, stats):
        add(dataset, VOID + "exampleResource", example)
    used = {_vocabulary(iri, namespaces) for iri in [*stats.class_entities, *stats.property_triples]}
    for vocabulary in sorted(used):
        add(dataset, VOID + "vocabulary", vocabulary)
    for published in files.published_files(out):
        if published.kind.void_feature:
            add(dataset, VOID + "dataDump", minter.published_file(published.relative))
            add(dataset, VOID + "feature", FORMATS + published.kind.void_feature)
    if config.endpoint_url:
        add(dataset, VOID + "sparqlEndpoint", config.endpoint_url)
    return triples


def _prefixes(publication: Publication) -> dict[str, str]:
    return dict(sorted({**publication.model.prefixes, "rdf": RDF, "void": VOID}.items()))


def write(publication: Publication, out: Path, files: FileTable) -> None:
    write_turtle(void_triples(publication, out, files), out / FILE, _prefixes(publication))


OUTPUT = Output("void", describe=write)
