"""A subject label with a scan's stray mark beside it ("Onderwerp ;"), its value on the next line.

A real OCR'd letter of a burgemeester (the eighteenth unseen set) reads "Onderwerp ;" / "Uitsupporters
ADO Den Haag - Ajax v.v.": it had no subject. The letters below are made up."""

from opendata.ingest.extract import extract


def _letter(label: str) -> str:
    return (
        "Gemeente Zeist\n"
        "Datum 3 april 2024\n"
        f"{label}\n"
        "Bezoek aan de haven\n"
        "Geachte heer De Wit,\n\n"
        "Uw brief over het bezoek heb ik met belangstelling gelezen.\n\n"
        "Met vriendelijke groet,\n"
        "Anne Smit\n"
    )


def test_a_stray_mark_beside_the_label_is_passed_over():
    for label in ("Onderwerp ;", "Onderwerp |", "Onderwerp ,", "Onderwerp"):
        assert extract(_letter(label)).facts()["subject"] == "Bezoek aan de haven", label
