"""A burgemeester's personal letterhead names the writer ("Den Haag Pauline Krikke" / "Burgemeester" at the
top): where the signature under the closing gives no name (a scan's scrawl), the letterhead's writer signs.

A real OCR'd letter of the burgemeester of Den Haag (the eighteenth unseen set) had no signatory: the
signature read as scraps. The letters below are made up."""

from opendata.ingest.extract import extract


def _letter(top: str, signed: str) -> str:
    return (
        f"{top}"
        "Retouradres: Postbus 513, 3700 AM Zeist\n"
        "Datum 3 april 2024\n"
        "Onderwerp Bezoek aan de haven\n\n"
        "Geachte heer De Wit,\n\n"
        "Uw brief over het bezoek heb ik met belangstelling gelezen. Ik kom graag langs.\n\n"
        "Met vriendelijke groet,\n"
        f"{signed}"
        "Gemeente Zeist Postbus 513 3700 AM Zeist\n"
    )


def test_the_letterheads_writer_signs_where_the_signature_gives_no_name():
    for top in (
        "Zeist Anne Smit\nBurgemeester\n",
        "Ro Zeist Anne Smit\nR Burgemeester\n",
        "Anne Smit\nburgemeester\n",
    ):
        facts = extract(_letter(top, "Ee Ae\n")).facts()
        assert facts["signatories"] == [{"name": "Anne Smit", "role": "burgemeester"}], top
        assert facts["sender_body"] is None


def test_a_signature_with_a_name_is_read_as_before():
    facts = extract(_letter("Zeist Anne Smit\nBurgemeester\n", "Karel de Boer\nwethouder\n")).facts()
    assert facts["signatories"] == [{"name": "Karel de Boer", "role": "wethouder"}]


def test_without_a_personal_letterhead_no_signer_is_made_up():
    assert extract(_letter("Gemeente Zeist\n", "Ee Ae\n")).facts()["signatories"] == []
