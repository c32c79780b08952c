"""An e-mail printed to PDF whose header values stand in a column of their own, far to the right of
the labels ("Verzonden:" … "dinsdag 8 oktober 2024 09:41"), as a province's Woo bundles print them.
Read in layout order the labels came first and the values after them, so the date sent, the subject
and the receiver were lost or taken from the wrong label; a removed sender left "Van:" empty, so
pairing by count went wrong too. Rendered here with reportlab, with invented bodies and words."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from opendata.ingest.extract import extract
from opendata.ingest.read import read_pdf

LABEL_X, VALUE_X, TOP, STEP = 72, 200, 780, 13


def _mail(header: list[tuple[str, list[str]]], body: list[str]) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setFont("Helvetica", 10)
    y = TOP
    for label, values in header:
        c.drawString(LABEL_X, y, label)
        for value in values:
            c.drawString(VALUE_X, y, value)
            y -= STEP
        if not values:
            y -= STEP
    y -= 2 * STEP
    for line in body:
        c.drawString(LABEL_X, y, line)
        y -= STEP
    c.showPage()
    c.save()
    return buffer.getvalue()


BODY = [
    "Geachte lezer,",
    "Hierbij ontvangt u een afschrift van onze brief over de melding.",
    "Met vriendelijke groet,",
    "Team Vergunningen",
    "Provincie Drenthe | Postbus 122 | 9400 AC Assen",
]


def test_values_in_a_column_far_right_of_the_labels_pair_with_their_labels():
    raw = _mail(
        [
            ("Van:", []),  # the sender's name removed
            ("Verzonden:", ["dinsdag 8 oktober 2024 09:41"]),
            ("Aan:", ["Gemeente Tynaarlo (post@tynaarlo.example)"]),
            (
                "Onderwerp:",
                ["Afronding melding houtopstand Zuidlaarderweg Vries, percelen VRS01 K 12,", "K 13 en L 4"],
            ),
            ("Bijlagen:", ["Afrondingsbrief.pdf; Melding (gebundeld).pdf"]),
        ],
        BODY,
    )
    text = read_pdf(raw, "mail.pdf", []).text
    assert "Verzonden: dinsdag 8 oktober 2024 09:41" in text
    assert "Aan: Gemeente Tynaarlo" in text
    facts = extract(text).facts()
    assert facts["date_sent"] == "2024-10-08"
    assert facts["subject"].startswith("Afronding melding houtopstand Zuidlaarderweg")
    assert facts["addressees"] == ["gm1730"]


def test_a_value_moved_right_by_a_removed_name_stays_with_its_label():
    raw = _mail(
        [
            ("Van:", ["Procedureteam <procedure@drenthe.example>"]),
            ("Verzonden:", ["maandag 7 oktober 2024 11:02"]),
            ("Aan:", ["          @tynaarlo.example"]),
            ("CC:", ["Gemeente Tynaarlo"]),
            ("Onderwerp:", ["Afrondingsbrief melding"]),
        ],
        BODY,
    )
    text = read_pdf(raw, "mail.pdf", []).text
    assert "Aan: @tynaarlo.example" in text
    assert "CC: Gemeente Tynaarlo" in text
    assert extract(text).facts()["date_sent"] == "2024-10-07"


def test_labels_beside_their_values_read_as_before():
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setFont("Helvetica", 10)
    for n, line in enumerate(
        ["Van: Jan Veenstra", "Verzonden: 3 juni 2024", "Aan: Griffie", "Onderwerp: Vragen"]
    ):
        c.drawString(LABEL_X, TOP - n * STEP, line)
    c.showPage()
    c.save()
    raw = buffer.getvalue()
    text = read_pdf(raw, "mail.pdf", []).text
    assert text.splitlines()[:4] == [
        "Van: Jan Veenstra",
        "Verzonden: 3 juni 2024",
        "Aan: Griffie",
        "Onderwerp: Vragen",
    ]
