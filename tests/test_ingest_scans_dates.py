"""Dates sent (and the references beside them) that real letters lost only once scanned and read back
by Tesseract (docs/ingest.md, "Real letters through the scanner"). Every letter here is written for
the test; the OCR tests draw their own page and need Tesseract with its Dutch model (skipped without it)."""

from __future__ import annotations

from opendata.ingest.extract import extract

# A Staten proposal's header as OCR sets it: the label row over its values on one line each (the text
# layer gives "Datum: …" / "GS-kenmerk: …" each on its own line).
STATENVOORSTEL = """Statenvoorstel nr. PS23-000120
Datum GS-kenmerk Inlichtingen bij Gedeputeerde(n)
03.10.2023 2023-004471 | J. de Vries
Aan Provinciale Staten
Onderwerp
Vaststelling van het programma fietspaden 2024
Samenvatting van het voorgestelde besluit
Provinciale Staten stellen het programma fietspaden 2024 vast.
"""


def test_a_staten_proposals_label_row_gives_its_date_and_reference():
    facts = extract(STATENVOORSTEL).facts()
    assert facts["date_sent"] == "2023-10-03"
    assert facts["our_reference"] == "2023-004471"


# A label column whose "Ons" / "kenmerk" wraps, each value one row up (the "kenmerk" row holds the
# date), as OCR reads it: the address column beside the labels, a place's name, run into the "Datum" line.
WRAPPED_LABEL_COLUMN = """Gemeente
Bloemendaal

Ons BOR/2023/10442
kenmerk 12 april 2023
Bloemendaal Datum Openbare Ruimte
Afdeling
Contact
Telefoon
E-mail

Onderwerp: Uw vragen over de bomenkap

Geachte heer Jansen,

Dank voor uw vragen over de bomenkap in uw straat. Graag beantwoord ik ze hieronder.

Met vriendelijke groet,
"""


def test_a_wrapped_label_columns_date_with_a_place_run_into_the_datum_line():
    facts = extract(WRAPPED_LABEL_COLUMN).facts()
    assert facts["date_sent"] == "2023-04-12"
    assert facts["our_reference"] == "BOR/2023/10442"


def test_a_sentence_with_datum_under_a_wrapped_label_gives_no_shifted_date():
    letter = WRAPPED_LABEL_COLUMN.replace("Bloemendaal Datum Openbare Ruimte", "op die datum Openbare Ruimte")
    assert extract(letter).facts().get("date_sent") != "2023-04-12"
