"""Drafts that a newer ingest writes again, and drafts with nothing in them, stay publishable
(issue 13: re-running ingest changes nothing; every draft it writes publishes when drafts are allowed).

Both faults were found by ingesting the real development set into a copy of the seed and publishing it:
a new version of ingest gave every body named without its organisation ("Provinciale Staten") a second
draft organisation ("…-2") and left the first behind, and a letter of which nothing could be read was
written with an empty `sources` mapping, which publish refuses."""

from __future__ import annotations

from pathlib import Path

import yaml

from opendata.ingest import drafts, ingest
from opendata.publish.pipeline import build

from .conftest import DATASETS, with_drafts

# Bodies without their organisation: the sender and the addressee are each this letter's own draft.
_GENERIC_BODIES = """Aan Provinciale Staten
Postbus 90602
2509 LP Den Haag

Datum: 4 maart 2021
Onderwerp: Stand van zaken van de vaarwegen

Geachte Statenleden,

Hierbij sturen wij u een overzicht van het onderhoud aan de vaarwegen in het afgelopen jaar.
Het werk aan de sluizen is volgens plan afgerond.

Hoogachtend,

Gedeputeerde Staten
"""

# A members' letter the letter gate admits by its title, with no date, sender, subject or reference.
_NOTHING_READ = """Ledenbrief nummer
Lbr. 21/004

Welke vragen leven er bij de leden over de nieuwe taken? Het bestuur wil daarover de komende maanden
in gesprek gaan en nodigt iedereen uit om mee te denken over de koers van de komende jaren.
"""


def _sources(into: Path) -> dict[str, bytes]:
    """Every file of the datasets folder but ingest's own ledger (which names the code that wrote it)."""
    return {
        str(p.relative_to(into)): p.read_bytes()
        for p in sorted(into.rglob("*"))
        if p.is_file() and p.name != ".opendata-ingest.json"
    }


def _folder(tmp_path: Path, **texts: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_a_newer_ingest_redrafts_a_letter_with_the_bodies_it_drafted_before(tmp_path, into, monkeypatch):
    folder = _folder(tmp_path, brief=_GENERIC_BODIES)
    first = ingest([folder], into, jobs=1)
    assert len(first.written) == 1, first.problems
    organisations = yaml.safe_load((into / "organisations.yaml").read_text(encoding="utf-8"))
    named_in = [o["name"] for o in organisations if "(genoemd in" in str(o.get("name"))]
    assert sorted(n.split(" (")[0] for n in named_in) == ["Gedeputeerde Staten", "Provinciale Staten"]
    before = _sources(into)

    monkeypatch.setattr(drafts, "code_digest", lambda: "a-newer-ingest")  # its ledger no longer applies
    second = ingest([folder], into, jobs=1)
    assert second.written == [] and second.unchanged == first.written, second.problems
    assert _sources(into) == before  # no second draft of either body, nothing left behind


def test_a_letter_of_which_nothing_is_read_gives_a_draft_that_publishes(tmp_path, into):
    folder = _folder(tmp_path, leeg=_NOTHING_READ)
    result = ingest([folder], into, jobs=1)
    [letter] = result.written
    record = yaml.safe_load((into / "letters" / f"{letter}.yaml").read_text(encoding="utf-8"))
    assert record["status"] == "draft" and "date_sent" in record["unknown"]
    assert "sources" not in record  # no value, so no source: an empty mapping is a problem

    # the seed's letters back: its shared records name them
    for path in (DATASETS / "letters").iterdir():
        (into / "letters" / path.name).write_bytes(path.read_bytes())
    with_drafts(into)
    outcome = build(into)
    assert outcome.exit_code == 0, [str(p) for p in outcome.problems]
