"""Dates sent (and the references beside them) that real letters lost only once scanned and read back
by Tesseract (docs/ingest.md, "Real letters through the scanner"). Every letter here is written for
the test; the OCR tests draw their own page and need Tesseract with its Dutch model (skipped without it)."""

from __future__ import annotations

import pytest

from opendata.ingest.extract import extract
from opendata.ingest.read import read_document, tesseract_problem

from .test_ingest_real_scans import LABEL_ROW_LETTER

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


def _tsv_line(words: list[tuple[str, int, int, int, int, float]], line: int = 1) -> list[str]:
    """Tesseract's TSV rows (level 5) of one text line's words: (text, left, top, width, height, conf)."""
    return [
        f"5\t1\t{line}\t1\t1\t{n}\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}"
        for n, (text, left, top, width, height, conf) in enumerate(words, 1)
    ]


_TSV_HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def test_small_print_badly_read_beside_a_logo_is_read_again():
    from opendata.ingest import ocr_small_print

    # "Datum verzending" / "22.05.2024" read as one scrap ("ern") on the logo's line
    foot = _tsv_line([("ern", 402, 3302, 233, 51, 22.4), ("verijssel", 1941, 3267, 400, 124, 91.1)])
    body = _tsv_line([("Met", 400, 1000, 80, 35, 96.0), ("vriendelijke", 490, 1000, 260, 35, 95.0)], line=2)
    regions = ocr_small_print.regions("\n".join([_TSV_HEAD, *body, *foot]), 2482)
    assert len(regions) == 1
    left, top, right, bottom = regions[0]
    assert left < 402 and top < 3267 and right < 1941 and bottom > 3267 + 124  # the scrap's stretch only


def test_small_print_read_well_or_many_scraps_are_not_read_again():
    from opendata.ingest import ocr_small_print

    well_read = _tsv_line([("Datum", 402, 3270, 82, 17, 96.0), ("verijssel", 1941, 3267, 400, 124, 91.1)])
    assert ocr_small_print.regions("\n".join([_TSV_HEAD, *well_read]), 2482) == []
    figure = [  # a map: scraps of every size on many lines
        row
        for line in range(1, 6)
        for row in _tsv_line(
            [("ä", 300, 100 * line, 20, 20, 10.0), ("Water", 400, 100 * line, 90, 60, 80.0)], line
        )
    ]
    assert ocr_small_print.regions("\n".join([_TSV_HEAD, *figure]), 2482) == []


def test_the_lines_under_a_dispatch_label_read_alone_are_read_again():
    from opendata.ingest import ocr_small_print

    label = _tsv_line([("Datum", 468, 3311, 82, 18, 96.4), ("verzending", 560, 3306, 141, 23, 95.6)])
    logo = _tsv_line([("verijssel", 2007, 3273, 400, 121, 52.0)], line=2)
    regions = ocr_small_print.regions("\n".join([_TSV_HEAD, *label, *logo]), 2482)
    assert len(regions) == 1
    left, top, right, bottom = regions[0]
    assert left < 468 and top < 3306 and 701 < right < 2007 and bottom > 3329 + 2 * 23
    dated = _tsv_line([("22.05.2024", 468, 3338, 120, 18, 95.0)], line=3)  # the date read: nothing to do
    assert ocr_small_print.regions("\n".join([_TSV_HEAD, *label, *logo, *dated]), 2482) == []


def test_bullets_read_badly_beside_their_items_are_no_small_print():
    from opendata.ingest import ocr_small_print

    bullets = [  # a list's bullets at 200 dpi, read as "e" beside each item's first word
        row
        for line in range(2, 7)
        for row in _tsv_line(
            [("e", 309, 100 * line, 24, 31, 30.0), ("De", 350, 95 * line, 40, 52, 96.0)], line
        )
    ]
    foot = _tsv_line(
        [
            ("oem", 268, 2202, 51, 33, 19.9),
            ("verende", 332, 2201, 91, 34, 11.4),
            ("rijssel", 1378, 2177, 183, 85, 92.2),
        ]
    )
    assert len(ocr_small_print.regions("\n".join([_TSV_HEAD, *bullets, *foot]), 1654)) == 1


def test_only_the_lines_tesseract_is_sure_of_are_kept():
    from opendata.ingest import ocr_small_print

    rows = [
        *_tsv_line([("Datum", 10, 10, 80, 17, 96.0), ("verzending", 95, 10, 140, 23, 96.4)], 1),
        *_tsv_line([("22.05.2024", 10, 40, 120, 17, 95.0)], 2),
        *_tsv_line([("T", 10, 70, 20, 17, 24.0), ("abfi——", 40, 70, 90, 17, 20.0)], 3),
    ]
    assert ocr_small_print.sure_lines("\n".join([_TSV_HEAD, *rows])) == ["Datum verzending", "22.05.2024"]


def _page_with_small_print_beside_a_logo() -> bytes:
    """An A4 page (reportlab, rendered by pdfium at 300 dpi) dated in its header, with the dispatch date
    in small print at its foot and a logo's word in large letters beside it, as a province sets it."""
    import io

    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
    from reportlab.pdfgen import canvas  # type: ignore[import-untyped]

    lines = [
        *("Provincie Gelderland", "Postbus 9090", "6800 GX Arnhem", ""),
        *("Gemeente Ede", "Postbus 9022", "6710 HK Ede", ""),
        *("Datum: 02.03.2023", "Kenmerk: PG-2023-04417", "", "Onderwerp: Subsidie voor fietsroutes", ""),
        "Geacht college,",
        "",
        *["Wij sturen u hierbij het besluit over de subsidie voor de nieuwe fietsroutes tussen de dorpen."]
        * 3,
        *("", "Hoogachtend,", "", "Gedeputeerde Staten van Gelderland,"),
    ]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 10)
    for number, line in enumerate(lines):
        pdf.drawString(98, A4[1] - 70 - 16 * number, line)
    pdf.setFont("Helvetica-Bold", 6.5)
    pdf.drawString(98, 80, "Datum verzending")
    pdf.setFont("Helvetica", 6.5)
    pdf.drawString(98, 71.5, "14.03.2023")
    pdf.setFont("Helvetica", 34)
    pdf.drawString(300, 62, "gelderland")
    pdf.save()
    image = pdfium.PdfDocument(buffer.getvalue())[0].render(scale=300 / 72).to_pil().convert("L")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@pytest.mark.integration  # Tesseract reads a page
def test_a_scanned_dispatch_date_in_small_print_beside_a_logo_is_the_date_sent(tmp_path):
    if tesseract_problem():
        pytest.skip(f"OCR: {tesseract_problem()}")
    path = tmp_path / "scan.png"
    path.write_bytes(_page_with_small_print_beside_a_logo())
    result = read_document(path, path.name, [])
    assert result.text and result.method == "image-ocr"
    # Tesseract's page segmentation alone reads "Datum verzending" and a scrap on the logo's line: the
    # header's date 2023-03-02 was taken
    assert extract(result.text).facts()["date_sent"] == "2023-03-14"


# A board's signature on a bad scan: the board's line with OCR's comma and a space ("Staten, van"), and
# scraps with letters that the handwriting left between it and the posts.
SCRAPPED_BOARD_LETTER = LABEL_ROW_LETTER.replace(
    "Hoogachtend,\n\nGedeputeerde Staten van Gelderland,\n",
    "Gedeputeerde Staten, van Gelderland,\n\nLF\ndennen\n« ta Ea\n\nName”\nvoorzitter\nJ.K. VERHOEF\n\n"
    "secretaris”\nM. BAKKER /\n",
)


def test_scraps_with_letters_between_a_boards_line_and_its_posts_are_passed_over():
    facts = extract(SCRAPPED_BOARD_LETTER).facts()
    assert [(s["name"], s["role"]) for s in facts["signatories"]] == [
        ("J.K. VERHOEF", "voorzitter"),
        ("M. BAKKER", "secretaris"),
    ]
    assert facts["sender"] == "pv25"
    assert facts["addressees"] == ["gm0228"]


def test_a_name_under_a_boards_line_is_no_scrap():
    letter = SCRAPPED_BOARD_LETTER.replace("Name”\n", "J. de Vries\n")
    assert "J. de Vries" not in [s["name"] for s in extract(letter).facts()["signatories"]]


# An address block on a bad scan: a blank line under the addressee's name, right above its Postbus line
# (the sender's side column run into it), and another above the postcode.
BLANK_OVER_POSTBUS_LETTER = LABEL_ROW_LETTER.replace(
    "Gemeente Ede\nPostbus 9022\n6710 HK Ede\n\n",
    "Gemeente Ede\n\nPostbus 9022 Inlichtingen bij\n\n6710 HK EDE\n",
)


def test_a_blank_line_between_the_addressees_name_and_its_postbus_line_keeps_the_block():
    assert extract(BLANK_OVER_POSTBUS_LETTER).facts()["addressees"] == ["gm0228"]


def test_a_sentence_over_a_blank_line_above_a_postbus_line_is_no_addressee():
    letter = BLANK_OVER_POSTBUS_LETTER.replace("Gemeente Ede\n", "Wij schreven eerder aan de gemeente Ede.\n")
    assert extract(letter).facts()["addressees"] != ["gm0228"]


# A ministry's side column ("Ons kenmerk" over its value) beside the main column's date line: OCR runs
# the value onto the date's line.
SIDE_VALUE_ON_DATE_LINE = """Ministerie van Infrastructuur en Waterstaat

> Retouradres Postbus 20901 2500 EX Den Haag
Aan de Voorzitter van de Tweede Kamer Directoraat-Generaal
der Staten-Generaal Mobiliteit
Postbus 20018
2500 EA DEN HAAG

Ons kenmerk

Datum 3 april 2012 IENM/BSK-2012/4471
Onderwerp Fietsparkeren bij stations

Met deze brief informeer ik u over het fietsparkeren bij stations.
"""


def test_a_side_columns_reference_run_onto_the_date_line_is_our_reference():
    facts = extract(SIDE_VALUE_ON_DATE_LINE).facts()
    assert facts["our_reference"] == "IENM/BSK-2012/4471"
    assert facts["date_sent"] == "2012-04-03"


def test_a_date_line_with_words_after_the_date_gives_no_reference():
    letter = SIDE_VALUE_ON_DATE_LINE.replace("IENM/BSK-2012/4471", "Den Haag")
    assert not extract(letter).facts().get("our_reference")


def test_a_label_row_with_a_scans_rule_read_as_an_underscore_gives_its_reference():
    letter = SCRAPPED_BOARD_LETTER.replace("Bijlagen Uw brief", "Bijlagen _Uw brief")
    assert extract(letter).facts()["our_reference"] == "PG-2023-04417"


def test_the_date_under_uw_brief_in_a_closed_up_label_row_is_a_cited_letter():
    letter = LABEL_ROW_CITING.replace("{values}", "14.03.2023 PG-2023-04417 2023-88120 1 van 2 02.03.2023")
    assert [c["date"] for c in extract(letter).facts()["cites"]] == ["2023-03-02"]


def test_a_label_row_with_a_second_dated_column_cites_nothing():
    letter = LABEL_ROW_CITING.replace("Bijlagen Uw brief", "Verzonden Uw brief").replace(
        "{values}", "14.03.2023 PG-2023-04417 2023-88120 1 van 2 16.03.2023"
    )
    assert not extract(letter).facts()["cites"]


LABEL_ROW_CITING = LABEL_ROW_LETTER.replace("14.03.2023 PG-2023-04417 2023-88120 1 van 2\n", "{values}\n")


# A municipality's logo with an emblem beside it, as a scan's OCR reads it: the emblem's scraps on a
# line of their own and before each of the logo's two lines.
EMBLEM_ON_ITS_OWN_LINES = """oe nd
KiM Gemeente
& Zandvoort

Ons JZ/2021/4417
kenmerk 5 juli 2021
Datum Juridische Zaken

Onderwerp: Ontvangstbevestiging

Geachte heer Jansen,

Hierbij bevestigen wij dat wij uw brief hebben ontvangen.

Met vriendelijke groet,
Namens het college van burgemeester en wethouders,
afdeling Juridische Zaken.
"""


def test_a_logo_after_a_line_of_emblem_scraps_names_the_sender():
    assert extract(EMBLEM_ON_ITS_OWN_LINES).facts()["sender"] == "gm0473"


def test_a_sentence_under_a_logo_line_is_no_logos_name():
    letter = EMBLEM_ON_ITS_OWN_LINES.replace("& Zandvoort", "& het is goed")
    assert extract(letter).facts().get("sender") != "gm0473"


# The addressee's name with the letterhead's side column run onto its line by OCR ("IBAN" read as
# "TBAN"), over a "T.a.v." line naming the board without its place.
ATTENTION_UNDER_A_SCRAP = LABEL_ROW_LETTER.replace(
    "Gemeente Ede\nPostbus 9022\n6710 HK Ede\n\n"
    "Datum Kenmerk Zaaknummer Pagina Bijlagen Uw brief Uw kenmerk\n14.03.2023 PG-2023-04417 2023-88120 1 van 2\n",
    "Gemeente Ede TBAN\nT.a.v. College van B&W\nPostbus 9022 Inlichtingen bij\n6710 HK Ede\n\nDatum: 14.03.2023\n",
)


def test_a_side_columns_scrap_after_the_addressees_name_over_a_tav_line_is_passed_over():
    assert extract(ATTENTION_UNDER_A_SCRAP).facts()["addressees"] == ["gm0228"]


def test_words_after_the_name_over_a_tav_line_keep_the_board_as_written():
    letter = ATTENTION_UNDER_A_SCRAP.replace("Gemeente Ede TBAN", "Gemeente Ede en de provincie")
    assert extract(letter).facts()["addressees"] != ["gm0228"]


@pytest.mark.integration  # Tesseract reads a page
def test_a_failed_second_reading_keeps_the_pages_first_one(tmp_path, monkeypatch):
    if tesseract_problem():
        pytest.skip(f"OCR: {tesseract_problem()}")
    import pytesseract  # type: ignore[import-untyped]

    def fail(*args, **kwargs):
        raise pytesseract.TesseractError(1, "killed")

    monkeypatch.setattr(pytesseract, "image_to_data", fail)
    path = tmp_path / "scan.png"
    path.write_bytes(_page_with_small_print_beside_a_logo())
    problems: list = []
    result = read_document(path, path.name, problems)
    assert problems == [] and result.text and "fietsroutes" in result.text
    assert extract(result.text).facts()["date_sent"] == "2023-03-02"  # the header's, as before the pass


def test_a_boards_line_with_its_van_split_by_ocr_signs_for_its_province():
    facts = extract(
        SCRAPPED_BOARD_LETTER.replace("Staten, van Gelderland", "Staten, va n Gelderland")
    ).facts()
    assert [(s["name"], s["role"]) for s in facts["signatories"]] == [
        ("J.K. VERHOEF", "voorzitter"),
        ("M. BAKKER", "secretaris"),
    ]
    assert facts["sender"] == "pv25"
