"""A date stamp pressed over a letter's date label whose own value is empty: OCR reads the stamp's date on
the line above the label, with scraps of its frame around it. That date is the date sent; a date above
the label that is another label's value, or that words surround, is not."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract

HEAD = """Gemeente Voorbeeldstad
Postbus 1234
9999 ZZ Voorbeeldstad
Stichting De Lindeboom
t.a.v. het bestuur
{above}
Datum
Ons kenmerk VB-21-10442
Behandeld door
Onderwerp Besluit op uw verzoek
Geachte heer, mevrouw,

Op 2 november 2020 ontvingen wij uw verzoek. Hierbij ons besluit.

Met vriendelijke groet,

De burgemeester van Voorbeeldstad
"""


@pytest.mark.parametrize(
    "above, date",
    [
        ("=14 JAN, 2021 |", "2021-01-14"),
        ("| 3 MRT. 2020 ~", "2020-03-03"),
        ("14 januari 2021", "2021-01-14"),
    ],
)
def test_a_date_stamped_above_an_empty_date_label_is_the_date_sent(above, date):
    assert extract(HEAD.format(above=above)).facts()["date_sent"] == date


@pytest.mark.parametrize(
    "above",
    [
        "Uw brief van\n14 januari 2021",  # the cited letter's label above its date: not ours
        "Ingekomen 14 januari 2021",  # a receiver's stamp with its word
        "Kenmerk 14 januari 2021 nr 3",  # a date among a line's words and numbers
    ],
)
def test_a_date_above_the_label_that_is_no_stamp_is_not_the_date_sent(above):
    assert extract(HEAD.format(above=above)).facts()["date_sent"] is None
