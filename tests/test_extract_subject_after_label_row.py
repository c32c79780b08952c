"""A row of labels run together right before "Onderwerp", with no value between them ("Datum Zaakkenmerk
Briefnummer Uw nummer Onderwerp 27 maart EBE1 …"), puts all its values after "Onderwerp": which words are
the subject the line does not tell, unless the row's last contact value marks it (sixteenth unseen set,
docs/ingest.md). Headers written for the test."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

_TAIL = " Geachte griffiers, Hierbij zenden wij u de stukken.\n"


@pytest.mark.parametrize(
    "header",
    [
        "Postbus 5 3500 AA Utrecht Aan de raad Datum Zaakkenmerk Briefnummer Onderwerp 3 mei Z-19-4 B12 "
        "Jaarstukken 2018",
        "Postbus 5 3500 AA Utrecht Aan de raad Uw brief van Ons kenmerk Onderwerp 12 april 2019 U-2019-7 "
        "Reactie op uw vragen",
    ],
)
def test_values_of_a_row_after_the_subject_label_give_no_subject(header):
    assert extract(header + _TAIL).facts()["subject"] is None


def test_a_label_with_its_value_before_the_subject_is_no_row():
    # guard: each label has its value, the subject is read after "Onderwerp"
    text = "Aan de raad Ons kenmerk Z-19-4 Datum 3 mei 2019 Onderwerp Jaarstukken 2018" + _TAIL
    assert extract(text).facts()["subject"] == "Jaarstukken 2018"


def test_labels_without_values_before_the_subject_leave_the_subject():
    # guard: the labels before "Onderwerp" are empty, the subject's words come first
    text = (
        "Aan de leden van de gemeenteraad Datum Ons kenmerk Uw brief van Onderwerp Verslag toezicht 2017 "
        "Uw kenmerk Bijlage" + _TAIL
    )
    assert extract(text).facts()["subject"] == "Verslag toezicht 2017"
