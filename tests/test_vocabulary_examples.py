"""The examples of the vocabulary documentation are one coherent dataset that publishes, and the
Turtle shown for each class is what publishing it gives."""

from __future__ import annotations

import re

import pytest
import yaml
from rdflib import Graph

from opendata.model.model import GENERATED_DIR, load_model
from opendata.vocabulary_doc import documented_classes, example_dataset, write_example_dataset

from .conftest import DATASETS, run_cli


@pytest.fixture(scope="module")
def model():
    return load_model()


@pytest.fixture(scope="module")
def records(model) -> dict[str, dict]:
    """Class name -> its example record, read back from the example dataset's files."""
    files = example_dataset(model)
    found = {}
    for cls in documented_classes(model):
        if cls.inline:
            continue
        folder = cls.file[: -len("*.yaml")]
        path = (
            next(p for p in files if p.startswith(folder) and p.endswith(".yaml"))
            if cls.file.endswith("*.yaml")
            else cls.file
        )
        data = yaml.safe_load(files[path])
        found[cls.name] = data if isinstance(data, dict) else data[0]
    letter = found["Letter"]
    found["Signature"], found["Position"] = letter["signatories"][0], letter["positions"][0]
    return found


@pytest.fixture(scope="module")
def example_dist(model, tmp_path_factory):
    root = tmp_path_factory.mktemp("examples")
    write_example_dataset(model, root / "datasets")
    result = run_cli(
        "publish", "--datasets", str(root / "datasets"), "--out", str(root / "dist"), "--no-cache"
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower(), result.stderr
    return root / "dist"


def test_the_examples_publish_as_one_dataset(example_dist):
    graph = Graph().parse(example_dist / "graph.nt", format="nt")
    assert len(graph) > 50


def test_every_class_written_in_the_sources_has_an_example(model, records):
    assert {cls.name for cls in documented_classes(model)} <= set(records)
    for name, record in records.items():
        required = [f.name for f in model.classes[name].field_list() if f.required and not f.derived]
        missing = [f for f in required if f not in record and f not in record.get("unknown", ())]
        assert not missing, (name, missing)


def test_a_letter_neither_cites_itself_nor_gives_what_it_declares_unknown(records):
    letter = records["Letter"]
    assert letter["id"] not in letter.get("cites", []) + letter.get("attachments", [])
    assert not set(letter.get("unknown", [])) & set(letter)


def test_a_theme_carries_a_dossier_number_only_in_the_dossier_scheme(records):
    theme = records["Theme"]
    assert theme["scheme"] == "dossier" or "number" not in theme


def test_dates_agree(records):
    """What the examples date happens in order: the post begins before the meeting, the meeting
    before the letter about it; nothing referred to has ended before it is referred to."""
    letter, meeting, post, position = (
        records["Letter"],
        records["Meeting"],
        records["Post"],
        records["Position"],
    )
    assert str(post.get("start", "0000")) <= str(meeting["date"]) <= str(letter["date_sent"])
    assert str(position["date"]) <= str(letter["date_sent"])
    organisation = records["Organisation"]
    if "end" in organisation:
        assert str(organisation["end"]) >= str(letter["date_sent"])


def test_references_between_examples_resolve_to_examples_or_register_codes(model, records):
    keys = {record["id"] for record in records.values() if "id" in record}
    register = re.compile(r"^(gm[0-9]{4}|pv[0-9]{2}|so[0-9]{4}|ws[0-9]{4})$")
    for name, record in records.items():
        for f in model.classes[name].field_list():
            if model.is_class(f.range) and not model.classes[f.range].inline and f.name in record:
                values = record[f.name] if isinstance(record[f.name], list) else [record[f.name]]
                for value in values:
                    assert value in keys or register.match(value), (name, f.name, value)


def test_people_in_the_examples_are_fictional(records, model):
    """No example names a person of the seed (the privacy rules rely on examples being made up)."""
    seed_people = yaml.safe_load((DATASETS / "people.yaml").read_text(encoding="utf-8"))
    seed_names = {p["id"] for p in seed_people} | {p["name"] for p in seed_people}
    surnames = {p["name"].split()[-1].lower() for p in seed_people if len(p["name"].split()[-1]) > 3}
    everything = "\n".join(example_dataset(model).values()).lower()
    assert not {records["Person"]["id"], records["Person"]["name"]} & seed_names
    assert not [s for s in surnames if s in everything], "a seed person's surname appears in the examples"
    assert "baljeu" not in everything


def _turtle_blocks(markdown: str) -> dict[str, str]:
    """Class name -> the ```turtle block of its section in vocabulary.md."""
    blocks = {}
    for section in re.split(r"^## ", markdown, flags=re.MULTILINE)[1:]:
        name = section.split("\n", 1)[0].strip()
        found = re.search(r"```turtle\n(.*?)```", section, flags=re.DOTALL)
        if found:
            blocks[name] = found.group(1)
    return blocks


def test_the_vocabulary_shows_the_published_turtle_of_every_class(model, example_dist):
    published = Graph().parse(example_dist / "graph.nt", format="nt")
    blocks = _turtle_blocks((GENERATED_DIR / "vocabulary.md").read_text(encoding="utf-8"))
    assert set(blocks) == {cls.name for cls in documented_classes(model)}
    for name, turtle in blocks.items():
        shown = Graph().parse(data=turtle, format="turtle")
        assert len(shown) >= 3, name
        assert set(shown) <= set(published), f"{name}: the Turtle shown is not what publishing gives"
        assert any(str(o) == model.expand(model.classes[name].uri) for o in shown.objects()), name
