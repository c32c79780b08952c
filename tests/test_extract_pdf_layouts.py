"""Letters as PDFs in the layouts real ones showed (docs/ingest.md, "Real letters as PDFs"): a
province's letterhead in a column on the right, the address window on the left, a row of header
labels with each value under its label, the dispatch date at the foot of the side column, a board's
signature without a closing formula, page numbers alone at a page's foot, and text runs split by the
word processor (a change of font, a hyphen's tight glyph box). Rendered here with reportlab, in our
own words, with invented people; the bodies are real ones."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from opendata.ingest.extract import extract
from opendata.ingest.read import read_pdf

FONT, BOLD, SIZE = "Helvetica", "Helvetica-Bold", 9
COLUMNS = (85, 150, 240, 320, 362, 404, 474)  # the label row's columns, as the Overijssel letters set them
BODY = (
    "Met deze brief laten wij u weten hoe het overleg over de fietsroutes langs het kanaal verloopt.",
    "De werkgroep heeft drie varianten uitgewerkt en de kosten van elke variant geraamd.",
    "Wij verwachten u in het najaar een voorstel te kunnen sturen.",
)


# The province's letterhead: a column of its address and contact details on the right.
DRENTHE = (
    "Provincie Drenthe",
    "Westerbrink 1",
    "Postbus 122",
    "9400 AC Assen",
    "Telefoon 0592 36 55 55",
    "www.provincie.drenthe.nl",
    "post@drenthe.nl",
    "KvK 01170385",
    "Inlichtingen bij",
)
GELDERLAND = (
    "Provincie Gelderland",
    "Markt 11",
    "Postbus 9090",
    "6800 GX Arnhem",
    "Telefoon 026 359 99 99",
    "www.gelderland.nl",
    "post@gelderland.nl",
    "KvK 51428342",
    "Inlichtingen bij",
)
MUNICIPALITY = ("Gemeente Assen", "Postbus 30018", "9400 RA Assen")


def _runs(c: canvas.Canvas, x: float, y: float, text: str, size: float = SIZE) -> None:
    """`text` as a word processor stores it: a run per word and per hyphen, the font changing
    between runs (so pdfium gives each run its own rectangle, tight around its glyphs)."""
    pieces: list[str] = []
    for word in text.split(" "):
        parts = word.split("-")
        for index, part in enumerate(parts):
            if part:
                pieces.append(part)
            if index < len(parts) - 1:
                pieces.append("-")
        pieces[-1] += " "
    for index, piece in enumerate(pieces):
        font = BOLD if piece.strip() == "-" or index % 2 else FONT
        c.setFont(font, size)
        c.drawString(x, y, piece)
        x += stringWidth(piece, font, size)


def _letter(
    *,
    address: tuple[str, ...],
    letterhead: tuple[str, ...] = DRENTHE,
    labels: tuple[str, ...] = (
        "Datum",
        "Kenmerk",
        "Zaaknummer",
        "Pagina",
        "Bijlagen",
        "Uw brief",
        "Uw kenmerk",
    ),
    values: tuple[str, ...] = ("14.03.2025", "D2025-03-004417", "2025-001988", "1 van 2", "", "", ""),
    subject: str = "Fietsroutes langs het kanaal",
    after_subject: tuple[str, ...] = (),
    dispatch: str | None = None,
    closing: tuple[str, ...] = ("Met vriendelijke groet,",),
    signers: tuple[tuple[float, str], ...] = (),
    page_numbers: bool = False,
    second_page: tuple[str, ...] = (),
) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(595, 842))
    for n, line in enumerate(letterhead):  # the letterhead column on the right
        c.setFont(FONT, 8)
        c.drawString(404, 800 - 11 * n, line)
    for n, line in enumerate(address):  # the address window on the left, level with the letterhead
        c.setFont(FONT, SIZE)
        c.drawString(COLUMNS[0], 730 - 12 * n, line)
    for label, value, x in zip(labels, values, COLUMNS):
        c.setFont(FONT, 7)
        c.drawString(x, 610, label)
        if value:
            _runs(c, x, 598, value, 7)
    y = 565
    c.setFont(FONT, SIZE)
    c.drawString(COLUMNS[0], y, f"Onderwerp: {subject}")
    for line in after_subject:
        y -= 18
        c.drawString(COLUMNS[0], y, line)
    y -= 30
    c.drawString(COLUMNS[0], y, "Geacht college,")
    for line in BODY:
        y -= 24
        _runs(c, COLUMNS[0], y, line)
    if dispatch is not None:  # the side column's foot
        c.setFont(FONT, 7)
        c.drawString(404, 120, "Datum verzending")
        c.drawString(404, 106, dispatch)
    if page_numbers:  # page 1's number alone at its foot
        c.setFont(FONT, 7)
        c.drawString(290, 40, "1")
    y -= 30
    for line in closing:
        c.setFont(FONT, SIZE)
        c.drawString(COLUMNS[0], y, line)
        y -= 14
    if second_page:
        c.showPage()
        y = 780
        for line in second_page:
            c.setFont(FONT, SIZE)
            c.drawString(COLUMNS[0], y, line)
            y -= 14
    for x, line in signers:  # side by side on one line, under the board's name
        c.setFont(FONT, SIZE)
        c.drawString(x, y - 30, line)
    c.showPage()
    c.save()
    return out.getvalue()


def _facts(raw: bytes) -> dict:
    problems: list = []
    result = read_pdf(raw, "letter.pdf", problems, "pdfium")
    assert result.method == "pdf-text", problems
    return extract(result.text).facts()


# ------------------------------------------------------------ a line split into runs by the word processor


@pytest.mark.parametrize("reference", ["D2025-03-004417", "Z-25-118230", "2025/0412-B"])
def test_a_reference_in_runs_of_other_fonts_is_read_as_one_value(reference):
    # "D2025", "-", "03" … each a run with a glyph box of its own height: one line, no spaces
    facts = _facts(_letter(address=MUNICIPALITY, values=("14.03.2025", reference, "", "1 van 2", "", "", "")))
    assert facts["our_reference"] == reference


@pytest.mark.parametrize("line", [0, 1, 2])
def test_a_body_line_in_runs_is_one_line_in_its_order(line):
    raw = _letter(address=MUNICIPALITY)
    text = read_pdf(raw, "letter.pdf", [], "pdfium").text
    assert BODY[line] in text.splitlines()


# ------------------------------------------------------------ a row of labels, each value under its label


@pytest.mark.parametrize("next_value", ["Geen", "Kaart", "Nota"])
def test_an_empty_cell_takes_no_value_from_the_next_column(next_value):
    # "Kenmerk" has nothing under it; "Bijlagen" has "Geen": that is no reference of the letter
    raw = _letter(
        address=MUNICIPALITY,
        labels=("Datum", "Kenmerk", "Bijlagen", "Uw brief", "Uw kenmerk"),
        values=("28.05.2025", "", next_value, "", ""),
    )
    facts = _facts(raw)
    assert facts["our_reference"] is None
    assert facts["date_sent"] == "2025-05-28"


@pytest.mark.parametrize("cited", [("12.11.2024", "2024-11-12"), ("03.10.2024", "2024-10-03")])
def test_a_date_under_uw_brief_is_the_cited_letter_though_the_labels_run_together(cited):
    # "Bijlagen" and "Uw brief" closer than a line's gap: one line of text, two cells of the row
    written, iso = cited
    raw = _letter(
        address=MUNICIPALITY,
        labels=("Datum", "Kenmerk", "Zaaknummer", "Pagina", "Bijlagen", "Uw brief", "Uw kenmerk"),
        values=("21.11.2024", "D2024-11-006312", "2024-032187", "1 van 3", "", written, ""),
    )
    facts = _facts(raw)
    assert facts["cites"] == [{"date": iso, "reference": None}]
    assert facts["our_reference"] == "D2024-11-006312"


# ------------------------------------------------------------ the dispatch date at the side column's foot


@pytest.mark.parametrize("dispatch", [("22.05.2025", "2025-05-22"), ("09.06.2025", "2025-06-09")])
def test_the_dispatch_date_at_the_foot_of_the_side_column_is_the_date_sent(dispatch):
    written, iso = dispatch
    facts = _facts(
        _letter(
            address=MUNICIPALITY,
            values=("21.05.2025", "D2025-05-000311", "", "1 van 2", "", "", ""),
            dispatch=written,
        )
    )
    assert facts["date_sent"] == iso
    # an empty dispatch field leaves the row's date
    empty = _facts(_letter(address=MUNICIPALITY, values=("21.05.2025", "", "", "", "", "", ""), dispatch=""))
    assert empty["date_sent"] == "2025-05-21"


# ------------------------------------------------------------ the address window


@pytest.mark.parametrize(
    "municipality,postal,code",
    [
        ("Gemeente Assen", ("Postbus 30018", "9400 RA Assen"), "gm0106"),
        ("Gemeente Emmen", ("Postbus 30001", "7800 RA Emmen"), "gm0114"),
        ("Gemeente Apeldoorn", ("Postbus 9033", "7300 ES Apeldoorn"), "gm0200"),
    ],
)
def test_the_college_for_the_attention_of_a_municipality_named_above_is_that_municipality(
    municipality, postal, code
):
    facts = _facts(_letter(address=(municipality, "T.a.v. College van B&W", *postal)))
    assert facts["addressees"] == [code]


@pytest.mark.parametrize(
    "states,letterhead,code",
    [
        ("Provinciale Staten van Drenthe", DRENTHE, "pv22"),
        ("Provinciale Staten van Gelderland", GELDERLAND, "pv25"),
    ],
)
def test_the_staten_alone_in_the_address_window_are_the_addressee(states, letterhead, code):
    # the window level with the letterhead column's lower lines: read before the letterhead
    facts = _facts(_letter(address=(states,), letterhead=letterhead))
    assert facts["addressees"] == [code]


@pytest.mark.parametrize("form", ["Toezending aan Provinciale Staten met oogmerk:", "[X] ter informatie"])
def test_a_rule_under_the_subject_ends_it(form):
    rule = "_" * 60
    facts = _facts(
        _letter(
            address=("Provinciale Staten van Drenthe",),
            subject="Voortgang fietsroutes",
            after_subject=(rule, form, rule),
        )
    )
    assert facts["subject"] == "Voortgang fietsroutes"


# ------------------------------------------------------------ the board's signature without a closing


@pytest.mark.parametrize(
    "signers,names",
    [
        (
            ((85, "voorzitter, J.H. Kuipers"), (250, "secretaris, M.L. Dekker")),
            ("J.H. Kuipers", "M.L. Dekker"),
        ),
        (((85, "voorzitter, R. de Wit"), (250, "secretaris, T.A. Brink")), ("R. de Wit", "T.A. Brink")),
    ],
)
def test_a_board_signs_under_its_name_without_a_closing_formula(signers, names):
    raw = _letter(
        address=MUNICIPALITY,
        closing=(),
        second_page=(
            "Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.",
            "",
            "Gedeputeerde Staten van Drenthe,",
        ),
        signers=signers,
    )
    facts = _facts(raw)
    assert [(s["name"], s["role"]) for s in facts["signatories"]] == [
        (names[0], "voorzitter"),
        (names[1], "secretaris"),
    ]
    assert facts["sender"] == "pv22" and facts["sender_body"] == "gedeputeerde-staten"


@pytest.mark.parametrize("names", [("J.H. KUIPERS", "M.L. DEKKER"), ("R.P. VAN DAM", "S. BOS")])
def test_a_board_signs_with_the_surnames_in_capitals(names):
    raw = _letter(
        address=MUNICIPALITY,
        closing=(),
        second_page=(
            "Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.",
            "",
            "Gedeputeerde Staten van Drenthe,",
            "",
            "voorzitter",
            names[0],
            "secretaris",
            names[1],
        ),
    )
    facts = _facts(raw)
    roles = [s["role"] for s in facts["signatories"]]
    assert roles == ["voorzitter", "secretaris"]
    assert facts["signatories"][1]["name"] == names[1]


# ------------------------------------------------------------ a page number alone at the page's foot


@pytest.mark.parametrize(
    "footer,code",
    [
        ("team Fietsbeleid | Provincie Drenthe | Postbus 122 | 9400 AC Assen", "pv22"),
        ("team Mobiliteit | Provincie Gelderland | Postbus 9090 | 6800 GX Arnhem", "pv25"),
    ],
)
def test_a_page_number_under_the_closing_does_not_end_the_signature(footer, code):
    # an e-mail printed to PDF: the closing at the foot of page 1 over its page number, the team and
    # the body's address at the top of page 2
    raw = _letter(
        address=("Aan: wethouders verkeer",),
        letterhead=(),
        page_numbers=True,
        second_page=(footer,),
    )
    facts = _facts(raw)
    assert facts["sender"] == code
