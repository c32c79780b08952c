"""Everything generated from schemas/model.yaml is current and agrees with the model."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from opendata.generate import stale_artefacts
from opendata.model.model import GENERATED_DIR, load_model
from opendata.sources.records import read_dataset

from .conftest import DATASETS


def test_generated_files_are_not_stale():
    assert stale_artefacts() == []


def test_generated_files_say_so_in_their_first_line():
    for path in GENERATED_DIR.iterdir():
        lines = path.read_text(encoding="utf-8").splitlines()
        first = (
            lines[1] if path.suffix in (".json", ".jsonld") else lines[0]
        )  # JSON: the first key, after "{"
        assert "Generated from schemas/model.yaml" in first, path


def test_context_maps_every_published_field_to_its_model_term():
    model = load_model()
    context = json.loads((GENERATED_DIR / "context.jsonld").read_text())["@context"]
    for cls in model.classes.values():
        scoped = context[cls.name]["@context"]
        assert context[cls.name]["@id"] == cls.uri
        for f in cls.field_list(published_only=True):
            if f.uri and not f.path:
                term = scoped[f.name]
                assert (term if isinstance(term, str) else term["@id"]) == f.uri, (cls.name, f.name)


def test_seed_records_validate_against_the_json_schema():
    model = load_model()
    schema = json.loads((GENERATED_DIR / "records.schema.json").read_text())
    dataset = read_dataset(model, DATASETS)
    count = 0
    for name, records in dataset.records.items():
        if model.classes[name].inline:
            continue
        validator = jsonschema.Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]})
        for record in records:
            assert not list(validator.iter_errors(record.data)), record.file
            count += 1
    assert count > 50


def test_vocabulary_gives_every_field_row_a_real_rdf_term():
    """Only a record's key stands for its IRI; `sources` is made into rdf:Statements about the record."""
    rows = [
        line.split("|")
        for line in (GENERATED_DIR / "vocabulary.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| `")
    ]
    assert rows
    for row in rows:
        if row[2].strip() == "(the IRI)":
            assert row[1].strip() == "`id`", row
    sources = [row for row in rows if row[1].strip() == "`sources`"]
    assert sources and all("rdf:Statement" in row[2] and "(#source)" in row[2] for row in sources)


def test_the_same_model_generates_the_same_bytes_in_every_process():
    """rdflib labels blank nodes at random; the generated Turtle (SHACL shapes, ontology) was ordered
    by those labels and so differed from one run of `opendata generate` to the next."""
    script = (
        "import hashlib, sys\n"
        "from opendata.generate import artefacts\n"
        "from opendata.model.model import load_model\n"
        "for name, text in sorted(artefacts(load_model()).items()):\n"
        "    print(name, hashlib.sha256(text.encode()).hexdigest())\n"
    )
    runs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
        for _ in range(3)
    }
    assert len(runs) == 1, runs
