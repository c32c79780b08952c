"""A year before a lower-case word ("de begroting 2019 op orde", "in 2021 en 2022") is no postcode: a
municipality's news item whose title line names the municipality ("Gemeente Hoorn - …") and whose text
has a year before "op" is addressed to no one (fourteenth unseen set, issue 13). The texts are written
for the test: invented wording, real names of public bodies."""

from __future__ import annotations

from opendata.ingest.extract import extract
from opendata.ingest.extract_sender import POSTAL


def _news_item() -> str:
    return (
        "Gemeente Hoorn - Provincie: begroting 2019 op orde\n\n"
        "Provincie: begroting 2019 op orde\n\n"
        "De provincie heeft de begroting van de gemeente bekeken. Zij vindt de begroting 2019 op "
        "hoofdlijnen in evenwicht, ook in de jaren 2020 en 2021.\n\n"
        "Over de beheerplannen is de provincie positief.\n\n"
        "Daarom blijft het toezicht repressief.\n\n"
        "  • 4 december 2018"
    )


def test_a_news_items_title_line_naming_the_municipality_is_no_address():
    facts = extract(_news_item()).facts()
    assert facts["addressees"] == []
    assert facts["organisations_mentioned"] == ["gm0405"]


def test_a_postcode_is_capitals_and_a_year_before_a_word_is_not():
    assert POSTAL.search("Postbus 20\n1620 AA  HOORN")
    assert POSTAL.search("Stationsplein 1 5130 Dn Alphen")  # OCR's lower-case second letter
    assert not POSTAL.search("de begroting 2019 op orde")
    assert not POSTAL.search("in de jaren 2020 en 2021")
