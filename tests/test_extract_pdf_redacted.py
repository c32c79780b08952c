"""Letters as a municipality publishes them under the Woo (docs/ingest.md, "Real PDFs of other
templates"): a label column whose two-word label wraps ("Ons" / "kenmerk") with each value set one
row up, the college's closing line over signers' names removed, a role whose name was removed. The
PDFs are rendered here with reportlab, in our own words, with invented places' details."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from opendata.ingest.extract import extract
from opendata.ingest.read import read_pdf

FONT, SIZE = "Helvetica", 10
BODY = (
    "Wij hebben uw vragen over het onderhoud van de speeltuin goed ontvangen.",
    "De aannemer begint in het voorjaar met het vervangen van de toestellen.",
    "Over de planning van de werkzaamheden ontvangt u later nog bericht.",
)


def _shifted_column_letter(*, wrapped_under: bool) -> bytes:
    """A letterhead, an address, and a label column on the right whose first label wraps over two
    rows and whose values each stand one row above their own label."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(595, 842))
    c.setFont(FONT, 14)
    c.drawString(70, 790, "Gemeente Zaanstad")
    c.setFont(FONT, SIZE)
    for index, line in enumerate(("Stichting Speelruimte", "Dorpsstraat 5", "1500 AA Zaandam")):
        c.drawString(70, 700 - 13 * index, line)
    labels = ("Ons", "kenmerk", "Datum", "Afdeling", "Telefoon")
    if wrapped_under:  # the reference on a row of its own between "Ons" and "kenmerk"
        rows = (("Ons", ""), ("", "WZ/2024/81234"), ("kenmerk", "4 maart 2024"), ("Datum", "Wijkzaken"))
        rows += (("Afdeling", ""), ("Telefoon", "14 075"))
    else:
        values = ("WZ/2024/81234", "4 maart 2024", "Wijkzaken", "14 075", "")
        rows = tuple(zip(labels, values))
    for index, (label, value) in enumerate(rows):
        y = 700 - 13 * index
        c.drawRightString(400, y, label)
        c.drawString(410, y, value)
    c.drawString(70, 600, "Onderwerp: Vervanging speeltoestellen")
    c.drawString(70, 570, "Geachte bestuursleden,")
    for index, line in enumerate(BODY):
        c.drawString(70, 545 - 14 * index, line)
    c.drawString(70, 480, "Het college van burgemeester en wethouders van Zaanstad,")
    c.drawString(70, 466, "(geanonimiseerd)")
    c.drawString(70, 452, "(geanonimiseerd) afdeling Wijkzaken")
    c.showPage()
    c.save()
    return out.getvalue()


def test_a_wrapped_label_column_with_values_one_row_up_gives_the_date_and_reference():
    for wrapped_under in (False, True):
        text = read_pdf(_shifted_column_letter(wrapped_under=wrapped_under), "letter.pdf", [], "pdfium").text
        facts = extract(text).facts()
        assert facts["date_sent"] == "2024-03-04", (wrapped_under, text[:400])
        assert facts["our_reference"] == "WZ/2024/81234", wrapped_under


def test_the_shifted_row_is_read_only_where_the_datum_label_has_no_date_of_its_own():
    text = (
        "Gemeente Zaanstad\nOns WZ/2024/81234\nkenmerk 4 maart 2024\nDatum 6 maart 2024\n"
        "Onderwerp: Vervanging speeltoestellen\nGeachte bestuursleden,\n" + "\n".join(BODY)
    )
    assert extract(text).facts()["date_sent"] == "2024-03-06"


def test_a_board_line_over_removed_names_gives_the_signing_body_and_no_signer():
    text = (
        "Gemeente Zaanstad\nDatum 4 maart 2024\nOnderwerp: Vervanging speeltoestellen\n"
        "Geachte bestuursleden,\n" + "\n".join(BODY) + "\n"
        "Het college van burgemeester en wethouders van Zaanstad,\n"
        "(geanonimiseerd)\n(geanonimiseerd) afdeling Wijkzaken\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "gm0479"
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"
    assert facts["signatories"] == []


def test_namens_het_college_under_the_board_line_keeps_the_board_with_its_place():
    text = (
        "Gemeente Zaanstad\nDatum 4 maart 2024\nOnderwerp: Vervanging speeltoestellen\n"
        "Geachte bestuursleden,\n" + "\n".join(BODY) + "\n"
        "Het college van burgemeester en wethouders van Zaanstad ,\nnamens het college ,\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "gm0479"
    assert facts["sender_body"] == "college-van-burgemeester-en-wethouders"


def test_a_role_whose_name_was_removed_is_no_signatory():
    text = (
        "Gemeente Zaanstad\nDatum 4 maart 2024\nOnderwerp: Vervanging speeltoestellen\n"
        "Geachte bestuursleden,\n" + "\n".join(BODY) + "\n"
        "Met vriendelijke groet,\n(geanonimiseerd)\nBeleidsadviseur (geanonimiseerd)\n"
    )
    assert extract(text).facts()["signatories"] == []
    named = text.replace("(geanonimiseerd)\nBeleidsadviseur (geanonimiseerd)", "J. de Vries\nBeleidsadviseur")
    assert extract(named).facts()["signatories"] == [{"name": "J. de Vries", "role": "beleidsadviseur"}]


def _house_style_letter(*, subject: str) -> bytes:
    """The central government's house style: the address window on the left, the directorate's
    column on the right running on beside the body with "Ons kenmerk" over its value, "Datum" and
    "Onderwerp" rows under the address, the body right under the subject without a blank line."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(595, 842))
    c.setFont(FONT, SIZE)
    left = (
        "Aan de Voorzitter van de Tweede Kamer",
        "der Staten-Generaal",
        "Postbus 20018",
        "2500 EA DEN HAAG",
    )
    for index, line in enumerate(left):
        c.drawString(70, 740 - 13 * index, line)
    column = ("Directie Waterwegen", "Postbus 20901", "2500 EX Den Haag", "www.rijksoverheid.nl")
    for index, line in enumerate(column):
        c.drawString(470, 740 - 11 * index, line)
    c.drawString(470, 560, "Ons kenmerk")
    c.drawString(470, 549, "IENW/BSK-2019/4711")
    c.drawString(470, 500, "Pagina 1 van 2")
    c.drawString(70, 640, "Datum      12 februari 2019")
    c.drawString(70, 627, f"Onderwerp  {subject}")
    paragraph = (
        "Hierbij zend ik u het verslag van het overleg over het onderhoud van de sluizen",
        "en bruggen in het noorden van het land. In het overleg is afgesproken dat de",
        "planning van de werkzaamheden in het voorjaar opnieuw wordt bezien.",
        "Met de regio is ook gesproken over de hinder voor de scheepvaart.",
    )
    lines = [*paragraph] + [f"Kunstwerk {n}: de aannemer meldt de voortgang per kwartaal." for n in range(36)]
    for index, line in enumerate(lines):  # a full page: the column's lower part stands beside the body
        c.drawString(70, 600 - 13 * index, line)
    c.showPage()
    c.setFont(FONT, SIZE)
    c.drawString(70, 700, "De Minister van Infrastructuur en Waterstaat,")
    c.drawString(70, 670, "J.P. de Boer")
    c.showPage()
    c.save()
    return out.getvalue()


def test_a_short_subject_right_above_the_body_ends_on_its_line():
    text = read_pdf(_house_style_letter(subject="Sluizen"), "letter.pdf", [], "pdfium").text
    facts = extract(text).facts()
    assert facts["subject"] == "Sluizen", text[:600]


def test_a_wrapped_subject_still_takes_its_second_line():
    text = (
        "Gemeente Zaanstad\nDatum 4 maart 2024\n"
        "Onderwerp: Beantwoording van de schriftelijke vragen over het onderhoud van de\n"
        "speeltuinen\nGeachte bestuursleden,\n" + "\n".join(BODY)
    )
    assert extract(text).facts()["subject"] == (
        "Beantwoording van de schriftelijke vragen over het onderhoud van de speeltuinen"
    )


def test_ons_kenmerk_of_a_side_column_read_after_the_body_is_our_reference():
    text = read_pdf(_house_style_letter(subject="Sluizen"), "letter.pdf", [], "pdfium").text
    assert extract(text).facts()["our_reference"] == "IENW/BSK-2019/4711", text


def test_a_logo_read_as_scraps_before_its_two_lines_names_the_sender():
    # an emblem beside "Gemeente" / "Zaanstad", which a new OCR text layer reads as short scraps
    text = (
        "ee  IM  & ee  IM e   Gemeente\nI & IM   Zaanstad\n(geanonimiseerd)\n"
        "Ons WZ/2024/81234\nkenmerk 4 maart 2024\nDatum Wijkzaken\n"
        "Onderwerp: Ontvangstbevestiging\nGeachte (geanonimiseerd),\n" + "\n".join(BODY) + "\n"
        "Met vriendelijke groet,\nNamens het college van burgemeester en wethouders,\n\nafdeling Wijkzaken\n"
    )
    facts = extract(text).facts()
    assert facts["sender"] == "gm0479"
    assert "gm0479" in facts["organisations_mentioned"]
    words = text.replace("ee  IM  & ee  IM e   Gemeente", "Het college heeft besloten dat de Gemeente")
    assert extract(words).facts()["sender"] != "gm0479"  # a sentence's words are no emblem's scraps
