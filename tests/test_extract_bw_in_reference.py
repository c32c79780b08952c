"""A reference that opens with the letters B en W ("BENW/2017.1458", a burgemeester's office's register)
names no college.

A real letter of a burgemeester (the eighteenth unseen set) has its reference in the next page's running
header right under the signature; "BENW" was read as "B en W", so the college became the signing body, an
invented value. The letters below are made up."""

from opendata.ingest.extract import extract


def _letter(reference: str, signed: str) -> str:
    return (
        "Gemeente Zeist\n"
        "Datum 3 april 2024\n"
        f"Ons kenmerk {reference}\n"
        "Onderwerp Bezoek aan de haven\n\n"
        "Geachte heer De Wit,\n\n"
        "Uw brief over het bezoek heb ik met belangstelling gelezen. Ik kom graag langs.\n\n"
        "Met vriendelijke groet,\n"
        f"{signed}"
        "2/2\n"
        "Gemeente Zeist\n"
        "Ons kenmerk\n"
        f"{reference}\n"
    )


def test_a_reference_opening_with_benw_signs_for_no_college():
    for reference in ("BENW/2024.0815", "BenW/2024/0815", "BENW-2024.0815"):
        facts = extract(_letter(reference, "Ee Ae\n")).facts()
        assert facts["sender_body"] is None, reference


def test_burgemeester_en_wethouders_in_the_block_still_sign():
    facts = extract(_letter("BZ/2024.0815", "Burgemeester en wethouders van Zeist,\n")).facts()
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    facts = extract(_letter("BZ/2024.0815", "B en W van Zeist,\n")).facts()
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"
