"""The kind of a draft organisation that ingest cannot resolve to the TOOI register (issue 13: what the
text does not state is declared unknown, never guessed). An addressee the text names only as an
organisation (a vereniging, a stichting, a children's council, a B.V.) gets the neutral kind `organisatie`
("organisation: kind not known, or not government") and publishes as an org:Organization, never as a
tooiont:Overheidsorganisatie; a government body the extractor established but the model has no kind for
(a dagelijks or algemeen bestuur) keeps `overheidsorganisatie`. Each draft says why in an editorial note.
Letters written for the test: invented bodies, another municipality's name."""

from __future__ import annotations

import yaml

from opendata.ingest.drafts import Index, Resolver, build_record
from opendata.ingest.extract import extract
from opendata.ingest.extract_results import found
from opendata.model.model import load_model

from .conftest import published_graph, run_main

_LETTERHEAD = (
    "Gemeente Zwolle\nBezoekadres Grote Kerkplein 15\n8011 PK Zwolle\nPostbus 10007\n8000 GA Zwolle\n"
    "Telefoon 14 038\nRetouradres: Postbus 10007, 8000 GA Zwolle\n"
)
_LABELS = "Datum 14 maart 2022\nOns kenmerk Z-22-0417\nOnderwerp Uw advies over de speeltuinen\n"
_BODY = "Beste leden,\n\nHartelijk dank voor uw advies. Wij nemen het mee in de plannen voor volgend jaar.\n"
_CLOSING = "Met vriendelijke groet,\n\nWethouder Jeugd en Sport\nPieter Holleman\n"
_ASSOCIATION = _LETTERHEAD + "Vereniging Dorpsbelang Kwarteldorp\n" + _LABELS + _BODY + _CLOSING
_BOARD = (
    _LETTERHEAD
    + "Aan het dagelijks bestuur van het waterschap\n"
    + _LABELS
    + _BODY.replace("leden", "bestuur")
    + _CLOSING
)

TOOIONT = "https://identifier.overheid.nl/tooi/def/ont/"
ODNL = "https://w3id.org/opendata-nl/def#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
CLASSIFICATION = "<http://www.w3.org/ns/org#classification>"


def _drafted(text: str) -> list[dict]:
    resolver = Resolver(Index([], [], set(), {}, {}))
    build_record(extract(text), "brief", resolver, [], [])
    return resolver.new_organisations


def test_the_model_has_a_neutral_kind_typed_only_as_an_organisation():
    values = load_model().enums["OrganisationKind"]["values"]
    neutral = values["organisatie"]
    assert neutral["uri"] == "odnl:organisatie" and neutral["types"] == []
    assert "geen overheid" in neutral["nl"] and "not government" in neutral["en"]
    assert values["overheidsorganisatie"]["types"] == ["tooiont:Overheidsorganisatie"]


def test_an_association_addressed_gets_the_neutral_kind_and_a_note():
    [record] = _drafted(_ASSOCIATION)
    assert record["name"] == "Vereniging Dorpsbelang Kwarteldorp"
    assert record["kind"] == "organisatie"
    note = record["sources"]["kind"]["editorial"]
    assert "zegt niet wat voor organisatie" in note and "'organisatie'" in note
    assert "overheidsorganisatie" not in note


def test_any_name_of_unknown_kind_gets_the_neutral_kind():
    resolver = Resolver(Index([], [], set(), {}, {}))
    for name in ("Stichting Speeltuin De Klimboom", "Kinderraad Kwarteldorp", "Bouwbedrijf Veldkamp B.V."):
        resolver.organisation(found(name, name, 0, len(name), 0.5), "brief")
    assert [r["kind"] for r in resolver.new_organisations] == ["organisatie"] * 3


def test_a_government_body_of_no_more_specific_kind_keeps_overheidsorganisatie():
    [record] = _drafted(_BOARD)
    assert record["kind"] == "overheidsorganisatie"
    assert "overheidsorgaan" in record["sources"]["kind"]["editorial"]
    # the same for a board found anywhere (a signature's "namens het algemeen bestuur van …")
    resolver = Resolver(Index([], [], set(), {}, {}))
    text = "algemeen bestuur van de Omgevingsdienst Kwarteldorp"
    resolver.organisation(found(text, text, 0, len(text), 0.5, "algemeen-bestuur"), "brief")
    assert resolver.new_organisations[0]["kind"] == "overheidsorganisatie"


def test_a_body_named_without_its_organisation_stays_government():
    # "de gemeenteraad" alone: the body of this letter only; a government body by its name
    resolver = Resolver(Index([], [], set(), {}, {}))
    resolver.organisation(found("de gemeenteraad", "de gemeenteraad", 0, 15, 0.5), "brief")
    assert resolver.new_organisations[0]["kind"] == "overheidsorganisatie"


def test_the_drafts_publish_with_the_neutral_kind_never_typed_as_government(drafts_copy, tmp_path):
    into = drafts_copy  # the seed's letters kept: its shared records cite them
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "vereniging.txt").write_text(_ASSOCIATION, encoding="utf-8")
    (folder / "bestuur.txt").write_text(_BOARD.replace("Z-22-0417", "Z-22-0418"), encoding="utf-8")
    ingested = run_main("ingest", str(folder), "--into", str(into))
    assert ingested.returncode == 0, ingested.stderr
    organisations = yaml.safe_load((into / "organisations.yaml").read_text(encoding="utf-8"))
    drafts = {o["id"]: o for o in organisations if o.get("status") == "draft"}
    [association] = [i for i, o in drafts.items() if o["name"] == "Vereniging Dorpsbelang Kwarteldorp"]
    [board] = [i for i, o in drafts.items() if o["kind"] == "overheidsorganisatie"]
    assert drafts[association]["kind"] == "organisatie"

    lines = published_graph(into, tmp_path).splitlines()

    def about(key: str) -> list[str]:
        return [
            line
            for line in lines
            if line.startswith(f"<https://data.leidseregio.example/id/organisatie/{key}> ")
        ]

    facts = about(association)
    assert any('"Vereniging Dorpsbelang Kwarteldorp"' in line for line in facts)
    assert f"{CLASSIFICATION} <{ODNL}organisatie>" in "\n".join(facts)
    types = [line.split(" ", 2)[2] for line in facts if f" {RDF_TYPE} " in line]
    assert types == ["<http://www.w3.org/ns/org#Organization> ."]
    assert not any(TOOIONT in line for line in facts)

    board_facts = "\n".join(about(board))
    assert f"{RDF_TYPE} <{TOOIONT}Overheidsorganisatie>" in board_facts
    assert f"{CLASSIFICATION} <{ODNL}overheidsorganisatie>" in board_facts

    # the concept itself is published in the scheme, with its labels
    ontology = (tmp_path / "dist" / "ontology.ttl").read_text(encoding="utf-8")
    assert "odnl:organisatie a skos:Concept ;\n    skos:inScheme odnl:OrganisationKind ;" in ontology
    assert '"organisatie (soort niet bekend of geen overheid)"@nl' in ontology
