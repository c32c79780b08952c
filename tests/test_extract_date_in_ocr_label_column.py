"""The date sent in a label column that OCR set in among the address lines.

A real letter of a burgemeester (the eighteenth unseen set) reads, as OCR'd, "… Den Haag Uw brief van" /
"1 augustus 2017" / … / "Datum 32091" / "23 augustus 2017 E-mailadres": the date sent was the cited
letter's, under "Uw brief van" at the end of the line above; the "Datum" label had a stray number beside
it and its date on the next line. The letters below are made up."""

from opendata.ingest.extract import extract


def _letter(date_lines: str) -> str:
    return (
        "Gemeente Zeist\n"
        "Retouradres: Postbus 513, 3700 AM Zeist Uw brief van\n"
        "4 maart 2024\n"
        "Vereniging Dorpsbelang Ons kenmerk\n"
        "Postbus 12 Contactpersoon\n"
        "Afdeling\n"
        "Directie Veiligheid\n"
        f"{date_lines}"
        "Onderwerp Bezoek aan de haven\n\n"
        "Geachte heer De Wit,\n\n"
        "Uw brief over het bezoek heb ik met belangstelling gelezen. Ik kom graag langs.\n\n"
        "Met vriendelijke groet,\n"
        "Anne Smit\n"
        "burgemeester\n"
    )


def test_the_date_under_a_datum_label_with_a_stray_number():
    facts = extract(_letter("Telefoonnummer\nDatum 41127\n19 maart 2024 E-mailadres\n")).facts()
    assert facts["date_sent"] == "2024-03-19"


def test_the_date_under_uw_brief_van_is_no_date_sent():
    # without a date line of its own the letter has no date sent: the one under "Uw brief van" is cited
    facts = extract(_letter("Telefoonnummer\n")).facts()
    assert facts["date_sent"] is None
    assert {"date": "2024-03-04", "reference": None} in facts["cites"]


def test_a_day_beside_the_label_with_the_month_under_it_is_read_as_before():
    facts = extract(_letter("Datum 19\nmaart 2024\n")).facts()
    assert facts["date_sent"] == "2024-03-19"
