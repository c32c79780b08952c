"""A scanned header whose values OCR set on lines of their own under a row of two labels, where a stamp,
a barcode or handwriting became a scrap: "Kenmerk zaaknummer" over "'<~\\^6pO" has no reference, and
"Berichtnummer Onderwerp" over "MO^J^St" over the subject gives the subject, not the scrap (fifteenth
unseen set, issue 13). The texts are written for the test: invented wording, real names of public
bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def _letter(reference_value: str, number_value: str) -> str:
    return (
        "Postbus 5 3700 AA Zeist\n"
        "www.zeist.nl\n"
        "Aan: de leden van de gemeenteraad van Zeist\n"
        "Datum 3 maart 2016\n"
        "Kenmerk zaaknummer\n"
        f"{reference_value}\n"
        "Berichtnummer Onderwerp\n"
        f"{number_value}\n"
        "Voortgang herinrichting Slotlaan\n"
        "Geachte leden van de raad,\n\n"
        "Met deze brief informeren wij u over de herinrichting.\n"
    )


def test_a_scrap_under_the_reference_labels_is_no_reference():
    facts = extract(_letter("'<~\\^4kQ", "Z-1234")).facts()
    assert facts["dossier_references"] == []
    assert facts["our_reference"] is None


def test_the_subject_follows_the_scrap_of_the_number_before_it():
    facts = extract(_letter("Z-2016-0042", "WQ^J^Sd")).facts()
    assert facts["subject"] == "Voortgang herinrichting Slotlaan"


def test_a_row_of_reference_labels_over_its_values_is_still_read():
    text = (
        "Datum 3 maart 2016\n"
        "Ons kenmerk Uw kenmerk\n"
        "ZW/2016/4471 RB-2016-88\n"
        "Onderwerp Voortgang herinrichting Slotlaan\n\n"
        "Geachte leden van de raad,\n\n"
        "Met deze brief informeren wij u over de herinrichting.\n"
    )
    facts = extract(text).facts()
    assert facts["our_reference"] == "ZW/2016/4471"
    assert facts["your_reference"] == "RB-2016-88"


def test_a_scrap_where_the_subject_label_stands_alone_leaves_the_subject_unknown():
    text = (
        "Datum 3 maart 2016\n"
        "Onderwerp\n"
        "WQ J Sd\n\n"
        "Geachte leden van de raad,\n\n"
        "Met deze brief informeren wij u over de herinrichting.\n"
    )
    assert extract(text).facts()["subject"] is None
