"""Faults that real letters showed only once scanned and read back by Tesseract (docs/ingest.md, "Real
letters through the scanner"). Every letter here is written for the test; the OCR test draws its own
page and needs Tesseract with its Dutch model (skipped without it)."""

from __future__ import annotations

import io

import pytest

from opendata.ingest.extract import extract
from opendata.ingest.read import read_document, tesseract_problem

# A template's label row over its values, as Tesseract sets it: one line of labels with single spaces,
# the values under them, the empty columns (Bijlagen, Uw brief, Uw kenmerk) closed up.
LABEL_ROW_LETTER = """Provincie Gelderland
Postbus 9090
6800 GX Arnhem

Gemeente Ede
Postbus 9022
6710 HK Ede

Datum Kenmerk Zaaknummer Pagina Bijlagen Uw brief Uw kenmerk
14.03.2023 PG-2023-04417 2023-88120 1 van 2

Onderwerp: Subsidie voor fietsroutes

Geacht college,

Wij sturen u hierbij het besluit over de subsidie voor de fietsroutes.

Hoogachtend,

Gedeputeerde Staten van Gelderland,
"""


def test_a_label_row_with_pagina_gives_its_reference_and_dossier_number():
    facts = extract(LABEL_ROW_LETTER).facts()
    assert facts["our_reference"] == "PG-2023-04417"
    assert facts["dossier_references"] == ["2023-88120"]
    assert facts["date_sent"] == "2023-03-14"


# A row whose "Kenmerk" is empty: OCR closes the gap, and the next value with a digit is the cited
# letter's date under "Uw brief".
EMPTY_KENMERK_LETTER = """Provincie Gelderland
Postbus 9090
6800 GX Arnhem

Gemeente Ede
Postbus 9022
6710 HK Ede

Datum Kenmerk Bijlagen Uw brief Uw kenmerk
02.06.2023 Geen 19 april 2023 ED-23-1180

Onderwerp: Uw vragen over de fietsroutes

Geacht college,

In uw brief van 19 april 2023 vroeg u naar de fietsroutes.

Hoogachtend,

Gedeputeerde Staten van Gelderland,
"""


def test_a_cited_letters_day_in_a_closed_up_row_is_no_reference():
    facts = extract(EMPTY_KENMERK_LETTER).facts()
    assert not facts.get("our_reference")  # was "19", the cited letter's day
    assert facts["date_sent"] == "2023-06-02"


def _scanned_page(lines: list[str]) -> bytes:
    """A PNG of `lines` drawn on an A4 page (reportlab, rendered by pdfium at 300 dpi): a scan."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
    from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 10)
    y = A4[1] - 70
    for line in lines:
        if line.startswith("|"):  # a label row: the cells at fixed columns, as a template sets them
            for x, cell in zip((98, 153, 243, 318, 360, 402, 472), line[1:].split("|")):
                pdf.drawString(x, y, cell)
        else:
            pdf.drawString(98, y, line)
        y -= 16
    pdf.save()
    image = pdfium.PdfDocument(buffer.getvalue())[0].render(scale=300 / 72).to_pil().convert("L")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@pytest.mark.integration  # Tesseract reads a page
def test_a_scanned_label_row_with_pagina_gives_the_reference(tmp_path):
    if tesseract_problem():
        pytest.skip(f"OCR: {tesseract_problem()}")
    lines = [
        "Provincie Gelderland",
        "Postbus 9090",
        "6800 GX Arnhem",
        "",
        "Gemeente Ede",
        "Postbus 9022",
        "6710 HK Ede",
        "",
        "|Datum|Kenmerk|Zaaknummer|Pagina|Bijlagen|Uw brief|Uw kenmerk",
        "|14.03.2023|PG-2023-04417|2023-88120|1 van 2",
        "",
        "Onderwerp: Subsidie voor fietsroutes",
        "",
        "Geacht college,",
        "",
        # lines as wide as the label row: Tesseract then reads the row as one line, as on the real scans
        *["Wij sturen u hierbij het besluit over de subsidie voor de nieuwe fietsroutes tussen de dorpen"]
        * 3,
        "",
        "Hoogachtend,",
        "",
        "Gedeputeerde Staten van Gelderland,",
    ]
    path = tmp_path / "scan.png"
    path.write_bytes(_scanned_page(lines))
    result = read_document(path, path.name, [])
    assert result.text and result.method == "image-ocr"
    facts = extract(result.text).facts()
    assert facts["our_reference"] == "PG-2023-04417"
    assert facts["date_sent"] == "2023-03-14"


# The board's line as Tesseract read it ("Staten,van"), and the handwriting read as short scraps between
# it and the posts with their names.
SCRIBBLED_BOARD_LETTER = """Provincie Gelderland
Postbus 9090
6800 GX Arnhem

Provinciale Staten van Gelderland

Datum Kenmerk Zaaknummer Pagina Bijlagen Uw brief Uw kenmerk
14.03.2023 PG-2023-04417 2023-88120 1 van 2

Onderwerp: Subsidie voor fietsroutes

Toezending aan Provinciale Staten met oogmerk:

Wij sturen u hierbij het besluit over de subsidie voor de fietsroutes.

Gedeputeerde Staten,van Gelderland,

KL

rn
Pq tn

ee

voorzitter
J.K. VERHOEF

secretaris
M. BAKKER
"""


def test_a_board_signature_with_ocr_scribbles_and_a_glued_comma_gives_its_signers():
    facts = extract(SCRIBBLED_BOARD_LETTER).facts()
    assert facts["signatories"] == [
        {"name": "J.K. VERHOEF", "role": "voorzitter"},
        {"name": "M. BAKKER", "role": "secretaris"},
    ]


def test_a_sentence_under_the_boards_line_is_no_post():
    text = SCRIBBLED_BOARD_LETTER.replace("voorzitter\nJ.K. VERHOEF", "Wij gaan door.\nJ.K. VERHOEF")
    assert not any(s.get("role") == "voorzitter" for s in extract(text).facts().get("signatories") or [])


# Tesseract sets a blank line between the addressee's name and its street line.
SPACED_ADDRESS_LETTER = LABEL_ROW_LETTER.replace(
    "Gemeente Ede\nPostbus 9022\n6710 HK Ede", "Gemeente Ede\n\nBergstraat 4\n6711 AB Ede"
)


def test_a_blank_line_between_the_addressees_name_and_its_street_keeps_the_address_block():
    assert extract(SPACED_ADDRESS_LETTER).facts()["addressees"] == ["gm0228"]


def test_a_sentence_above_a_blank_line_is_no_addressee():
    text = SPACED_ADDRESS_LETTER.replace(
        "Gemeente Ede\n", "Wij schrijven aan de gemeente Ede over de fietsroutes.\n"
    )
    assert "gm0228" not in (extract(text).facts().get("addressees") or [])
