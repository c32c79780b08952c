"""A council written to by way of its clerk's office: "Gemeenteraad van Zwijndrecht / p/a de griffie",
the council's name at the end of the letterhead's line where a text layer ran them together (fourteenth
unseen set, issue 13). The letter is written for the test: invented numbers and wording, real names of
public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract


def _letter(clerk_line: str) -> str:
    return (
        "Bouwensstraat 1 - 3331 AB Zwijndrecht - Postbus 15 - 3330 AA Zwijndrecht - T (078) 000 00 00 - "
        "E info@zwijndrecht.nl Gemeenteraad van Zwijndrecht\n\n"
        f"{clerk_line}\n\n"
        "Ons kenmerk: 40411\n\nDatum: 3 maart 2021\n\n"
        "Betreft: Rapport van de accountant\n\n"
        "Geachte raadsleden,\n\nHierbij bieden wij u het rapport van de accountant aan.\n"
    )


def test_the_council_above_a_clerks_address_line_is_the_addressee():
    facts = extract(_letter("p/a de griffie")).facts()
    assert facts["addressees"] == ["gm0642"]
    assert facts["date_sent"] == "2021-03-03"


def test_without_the_clerks_line_the_council_is_not_read_as_addressee():
    assert extract(_letter("Zwijndrecht, de stad aan de rivier")).facts()["addressees"] == []
