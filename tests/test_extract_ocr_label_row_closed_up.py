"""A template's row of labels that OCR sets on one line with its empty columns closed up ("Zaaknummer Uw
brief Uw kenmerk" over the one value "Z-2023-0417", the "Uw brief" and "Uw kenmerk" cells empty): the value
is the row's first reference column's, not the last label's. The seventeenth unseen set's letters, read
from page images, had the Zaaknummer as "uw kenmerk" (an invented value). Letters written for the test."""

from __future__ import annotations

from opendata.ingest.extract import extract

_HEAD = (
    "Provincie Gelderland\nPostbus 9090\n6800 GX Arnhem\n\nGemeente Ede\nt.a.v. Burgemeester en wethouders\n"
)
_HEAD += "Postbus 9022\n6710 HK EDE\n\n"
_TAIL = (
    "\n\nOnderwerp: Afschrift van een melding\n\nGeachte Burgemeester en wethouders,\n\n"
    "Wij ontvingen een melding over het snoeien van een laan.\n\nMet vriendelijke groet,\n\nTeam Meldingen\n"
)


def test_one_value_under_a_closed_up_row_is_the_first_reference_column():
    text = (
        _HEAD
        + "Zaaknummer Uw brief Uw kenmerk\n\nZ-2023-0417\n\nDatum Kenmerk\n03.03.2023 GLD-2023-1188\n"
        + "\nPagina Bijlagen\n1 van 1"
        + _TAIL
    )
    facts = extract(text).facts()
    assert facts["your_reference"] is None
    assert facts["dossier_references"] == ["Z-2023-0417"]
    assert facts["our_reference"] == "GLD-2023-1188"


def test_a_row_of_two_reference_labels_over_two_values_keeps_both():
    # guard: as many values as labels pair by position
    text = _HEAD + "Ons kenmerk Uw kenmerk\nGLD-2023-1188 EDE/2023/77\n\nDatum 3 maart 2023" + _TAIL
    facts = extract(text).facts()
    assert facts["our_reference"] == "GLD-2023-1188"
    assert facts["your_reference"] == "EDE/2023/77"


def test_a_label_after_a_row_label_that_is_no_reference_keeps_its_value():
    # guard: "Bijlagen" before it is no reference column
    text = _HEAD + "Datum: 3 maart 2023\nBijlagen Uw kenmerk\nEDE/2023/77" + _TAIL
    facts = extract(text).facts()
    assert facts["your_reference"] == "EDE/2023/77"
