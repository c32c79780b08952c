"""An address window printed above the letterhead (docs/ingest.md, "A twenty-second … unseen set"): a
body the register does not hold, over its street and postcode at the top of the page, then the sender's
column with its own address. The window names the addressee as written; the letterhead below it is the
sender's. Letters written for the test (invented organisations, real names of public bodies)."""

from __future__ import annotations

from opendata.ingest.extract import extract

_LETTER = """{window}
Provincie Overijssel
Luttenbergstraat 2
Postbus 10078
8000 GB Zwolle
Telefoon 038 499 88 99
Overijssel.nl
loket@overijssel.nl
Datum: 17.09.2024
Kenmerk: D2024-00099999
Onderwerp: Afronding van uw melding
Geachte lezer,
Uw melding van 12 september 2024 is bij ons binnengekomen. Gedeputeerde Staten van Overijssel nemen
er een besluit over. Hieronder leest u wat u van ons kunt verwachten.
Met vriendelijke groet,
Procedurekamer Vergunningverlening
"""


def test_a_window_above_the_letterhead_names_its_body_as_the_addressee():
    for window, name in (
        (
            "Coöperatie Bosbeheer Salland U.A.\nHeideweg 12\n7722 AB DALFSEN",
            "Coöperatie Bosbeheer Salland U.A.",
        ),
        ("Stichting Landgoed De Horte\nBoslaan 3\n7731 KL OMMEN", "Stichting Landgoed De Horte"),
    ):
        facts = extract(_LETTER.format(window=window)).facts()
        assert facts["sender"] == "pv23", window
        assert facts["addressees"] == [name], window


def test_the_senders_own_name_over_its_address_at_the_top_is_still_no_addressee():
    text = (
        "Stichting Landgoed De Horte\nBoslaan 3\n7731 KL OMMEN\nTelefoon 0529 123456\n\n"
        "Datum: 17 september 2024\nOnderwerp: Onze zienswijze\n\nGeacht college,\n\n"
        "Wij geven u onze zienswijze op het plan.\n\nMet vriendelijke groet,\n\nStichting Landgoed De Horte\n"
    )
    assert "Stichting Landgoed De Horte" not in extract(text).facts()["addressees"]
