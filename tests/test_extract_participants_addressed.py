"""A joint arrangement writing to its participants ("Aan de deelnemers van de Omgevingsdienst
Rivierenland, t.a.v. de griffie") addresses a group, as written, not the arrangement itself (sixteenth
unseen set, docs/ingest.md). Letters written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_LETTER = (
    "{address}\n\n"
    "Tiel, 14 april 2016\n\nOnderwerp: ontwerpbegroting 2017\n\nGeachte griffiers,\n\n"
    "Hierbij bieden wij u de ontwerpbegroting aan voor uw zienswijze.\n\n"
    "Met vriendelijke groet,\nnamens het dagelijks bestuur,\n\nA. Verbeek\nvoorzitter\n"
)


@pytest.mark.parametrize(
    ("address", "group"),
    [
        (
            "Aan de deelnemers van de Omgevingsdienst Rivierenland\nT.a.v. de griffie",
            "de deelnemers van de Omgevingsdienst Rivierenland",
        ),
        (  # a header run into one line
            "Postbus 200 4000 AE Tiel Aan de deelnemers van de Omgevingsdienst Rivierenland T.a.v. de griffie "
            "Datum Kenmerk",
            "de deelnemers van de Omgevingsdienst Rivierenland",
        ),
    ],
)
def test_the_participants_are_a_group_as_written(address, group):
    assert extract(_LETTER.format(address=address)).facts()["addressees"] == [group]


def test_the_arrangements_board_addressed_is_still_the_arrangement():
    # guard: its board, not its participants
    facts = extract(
        _LETTER.format(address="Aan het algemeen bestuur van de Omgevingsdienst Rivierenland")
    ).facts()
    assert facts["addressees"] == ["so0780"]
