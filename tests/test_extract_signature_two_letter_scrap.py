"""A scanned signature's scrap of two-letter capitalised words ("Ee Ae") is no signer's name.

In a real letter of a burgemeester (the eighteenth unseen set) OCR read the handwritten signature under
"Met vriendelijke groet," as "Ee Ae", which became a signatory, an invented value. The letters below are
made up."""

from opendata.ingest.extract import extract


def _letter(signed: str) -> str:
    return (
        "Gemeente Zeist\n"
        "Datum 3 april 2024\n"
        "Ons kenmerk BZ/2024.0815\n"
        "Onderwerp Bezoek aan de haven\n\n"
        "Geachte heer De Wit,\n\n"
        "Uw brief over het bezoek heb ik met belangstelling gelezen. Ik kom graag langs.\n\n"
        "Met vriendelijke groet, |\n"
        f"{signed}"
    )


def test_two_letter_scraps_are_no_name():
    for scrap in ("Ee Ae\n", "Ae Ee\n\n2/3\n", "Oe Ze\n"):
        assert extract(_letter(scrap)).facts()["signatories"] == [], scrap


def test_a_short_first_name_with_a_surname_is_a_name():
    assert extract(_letter("Jo de Vries\n")).facts()["signatories"] == [{"name": "Jo de Vries", "role": None}]
    assert extract(_letter("Bo Hendriks\nburgemeester\n")).facts()["signatories"] == [
        {"name": "Bo Hendriks", "role": "burgemeester"}
    ]


def test_initials_alone_are_a_name():
    # the seed letter's signer as OCR read it ("E.R. J"): initials with their dots are a name
    assert extract(_letter("E.R. J\nburgemeester\n")).facts()["signatories"] == [
        {"name": "E.R.J.", "role": "burgemeester"}
    ]
