"""A redaction's label set in a tall box over the line it redacts, as a Woo PDF's OCR layer gives it
("(geanonimiseerd)" over part of the subject line, its box reaching into the line above): pdfium's
rectangle for the label holds the subject's own words too, and the reader read them twice ("RE: meld
RE: meldingen …"). A character is now read by the smallest rectangle that holds it only. Rendered with
reportlab, invented words."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from opendata.ingest.read import read_pdf


def _mail() -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setFont("Helvetica", 9)
    c.drawString(72, 790, "Verzonden: dinsdag 14 mei 2024 10:02")
    c.drawString(72, 778, "Aan: Meldingen <meldingen@example.nl>")
    c.drawString(72, 766, "Onderwerp: RE: meldingen over de wateroverlast in de straat")
    c.drawString(72, 754, "Bijlage(n): foto's")
    c.setFont("Helvetica", 20)
    c.drawString(140, 762, "(geanonimiseerd)")  # the label over the subject, taller than its line
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_tall_label_over_a_line_does_not_read_that_lines_words_again():
    text = read_pdf(_mail(), "mail.pdf", []).text
    assert text.count("wateroverlast") == 1, text
    assert text.count("(geanonimiseerd)") == 1, text
    assert "Onderwerp: RE: meldingen over de wateroverlast" in text


def test_every_line_is_still_read():
    lines = read_pdf(_mail(), "mail.pdf", []).text.splitlines()
    assert lines[:2] == ["Verzonden: dinsdag 14 mei 2024 10:02", "Aan: Meldingen <meldingen@example.nl>"]
    assert lines[-1] == "Bijlage(n): foto's"
