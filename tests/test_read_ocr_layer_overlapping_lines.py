"""A text layer whose word boxes are taller than its lines are apart, as OCR gives a redacted PDF new
text: each box reaches into the line below it, and pdfium reads every glyph a rectangle touches, so an
e-mail's label column read "Verzonden:  Aan:" / "Verz Aan:  Ondezo er" / "Aan:  Onderwerp:" and
the header's values lost their labels (no date sent, no subject). A rectangle that reaches into
another line now reads only the characters whose middle lies within its own height. Rendered here
with reportlab in a large font on a tight line step, with invented names and words."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from opendata.ingest.extract import extract
from opendata.ingest.read import read_pdf

HEADER = [
    ("Verzonden:", "dinsdag 14 mei 2024 10:02"),
    ("Aan:", "Gemeente Tynaarlo <post@tynaarlo.example>"),
    ("Onderwerp:", "Snoeiwerk langs de Zuidlaarderweg"),
]
BODY = [
    "Geachte heer, mevrouw,",
    "Wij vragen u om het snoeiwerk langs de weg in juni te plannen.",
    "Met vriendelijke groet,",
    "Bosbeheer Zuidoost | Heideweg 3 | 9411 AB Beilen",
]


def _mail(size: float, step: float) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setFont("Helvetica", size)
    y = 780
    for label, value in HEADER:
        c.drawString(72, y, label)
        c.drawString(200, y, value)
        y -= step
    y -= 2 * step
    for line in BODY:
        c.drawString(72, y, line)
        y -= step
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_boxes_reaching_into_the_next_line_read_their_own_line_only():
    text = read_pdf(_mail(16, 12), "mail.pdf", []).text
    lines = text.splitlines()
    assert lines[:3] == [f"{label} {value}" for label, value in HEADER]
    assert "Geachte heer, mevrouw," in lines
    facts = extract(text).facts()
    assert facts["date_sent"] == "2024-05-14"
    assert facts["subject"] == "Snoeiwerk langs de Zuidlaarderweg"


def test_lines_far_enough_apart_read_as_before():
    text = read_pdf(_mail(10, 13), "mail.pdf", []).text
    assert text.splitlines()[:3] == [f"{label} {value}" for label, value in HEADER]
