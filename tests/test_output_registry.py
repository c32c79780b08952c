"""One module per output, registered in one place (opendata/outputs/__init__.py).

A small extra output, registered by appending it to OUTPUTS and nothing else, has its per-letter
part made with each letter and reaches the catalog (DCAT distribution with its media type), the
manifest, the VoID description (as a dump) and the landing page.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace, URIRef

from opendata import outputs
from opendata.build.letter_unit import LetterGraph
from opendata.build.publication import Publication
from opendata.outputs.distributions import FileKind
from opendata.outputs.output import Output, file_table, letter_parts, writing_order
from opendata.publish import pipeline

from .conftest import DATASETS

DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")
IANA = "http://www.iana.org/assignments/media-types/"
FILE = "graph.example"
MEDIA_TYPE = "application/x-opendata-example"


def example_part(letter: LetterGraph) -> str:
    """A letter's line: its IRI and how many triples it has (made in the letter's unit)."""
    return f"{letter.nodes[0].iri} {len(letter.nt.splitlines())}\n"


def write_example(publication: Publication, out: Path) -> None:
    with open(out / FILE, "w", encoding="utf-8") as handle:
        for unit in publication.letters:
            part = unit.part("example")
            assert isinstance(part, str), unit.key
            handle.write(part)


EXAMPLE = Output(
    "example",
    write_example,
    (
        FileKind(
            FILE,
            "graaf",
            MEDIA_TYPE,
            "TXT",
            {"nl": "Voorbeeld", "en": "Example"},
            {"nl": "Een voorbeelduitvoer.", "en": "An example output."},
            void_feature="N-Quads",
        ),
    ),
    example_part,
)


@pytest.fixture(scope="module")
def extra(tmp_path_factory) -> Path:
    """The seed published with the example output appended to the registry (and nothing else changed)."""
    folder = tmp_path_factory.mktemp("extra-output")
    datasets = folder / "datasets"
    shutil.copytree(DATASETS, datasets)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(outputs, "OUTPUTS", (*outputs.OUTPUTS, EXAMPLE))
        outcome = pipeline.publish(datasets, folder / "dist", cache_dir=folder / "cache")
    assert outcome.exit_code == 0, outcome.problems
    assert outcome.dist is not None and outcome.publication is not None
    return outcome.dist


def test_the_per_letter_part_is_made_with_each_letter(extra):
    lines = (extra / FILE).read_text(encoding="utf-8").splitlines()
    graph = Graph().parse(extra / "graph.nt", format="nt")
    letters = set(graph.subjects(RDF.type, URIRef("https://schema.org/Letter")))
    assert len(lines) >= 3 and {URIRef(line.split()[0]) for line in lines} <= set(graph.subjects())
    assert letters <= {URIRef(line.split()[0]) for line in lines}
    assert all(int(line.split()[1]) > 0 for line in lines)


def test_the_catalog_lists_it_with_its_media_type(extra):
    catalog = Graph().parse(extra / "catalog.ttl", format="turtle")
    found = [
        d
        for d in catalog.subjects(RDF.type, DCAT.Distribution)
        if str(catalog.value(d, DCAT.downloadURL)).endswith("/" + FILE)
    ]
    assert len(found) == 1
    assert catalog.value(found[0], DCAT.mediaType) == URIRef(IANA + MEDIA_TYPE)
    graph_dataset = list(catalog.subjects(DCAT.distribution, found[0]))
    assert len(graph_dataset) == 1 and str(graph_dataset[0]).endswith("/graaf")


def test_the_manifest_void_and_landing_page_list_it(extra):
    manifest = json.loads((extra / "manifest.json").read_text(encoding="utf-8"))
    assert FILE in {entry["path"] for entry in manifest["files"]}
    void = Graph().parse(extra / "void.ttl", format="turtle")
    dumps = {str(o) for o in void.objects(None, VOID.dataDump)}
    assert any(d.endswith("/" + FILE) for d in dumps)
    assert URIRef("http://www.w3.org/ns/formats/N-Quads") in set(void.objects(None, VOID.feature))
    page = (extra / "index.html").read_text(encoding="utf-8")
    assert f'href="{FILE}"' in page and MEDIA_TYPE in page


def test_every_registered_output_is_written_and_the_describers_come_last():
    names = [o.name for o in outputs.OUTPUTS]
    assert len(names) == len(set(names)), "output names key the letters' parts: unique"
    order = [o.name for o in writing_order((*outputs.OUTPUTS, EXAMPLE))]
    assert order[-3:] == ["landing", "void", "catalog"] and order[-4] == "example"
    assert ("example", example_part) in letter_parts((*outputs.OUTPUTS, EXAMPLE))
    assert file_table((EXAMPLE,)).kind_of(FILE) is EXAMPLE.distributions[0]


def test_an_output_either_writes_or_describes():
    with pytest.raises(ValueError):
        Output("neither")
    with pytest.raises(ValueError):
        Output("both", write_example, describe=lambda publication, out, files: None)
