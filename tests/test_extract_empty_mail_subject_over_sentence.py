"""An e-mail printed with its subject's value displaced (a redacted OCR layer put it on the "Aan:"
line) leaves "Onderwerp:" empty over the message's first sentence; that sentence was taken as the
subject. A mail header's empty subject label over a sentence that has its writer in it and ends with
a full stop gives no subject; a value on the next line (a label column) still counts. Invented mail."""

from __future__ import annotations

from opendata.ingest.extract import extract

MAIL = (
    "Van: Team Klachten\n"
    "Verzonden: maandag 12 juli 2021 14:05\n"
    "Aan: (geanonimiseerd)\n"
    "Onderwerp:\n"
    "{}\n"
    "Ik zet de bijlagen bij de klacht in het dossier.\n"
    "Met vriendelijke groeten,\n"
    "Team Klachten\n"
)


def test_the_first_sentence_under_an_empty_subject_is_no_subject():
    text = MAIL.format("Deze brief hadden wij al ontvangen en hij is als klacht geregistreerd.")
    assert extract(text).facts()["subject"] is None


def test_a_value_on_the_next_line_is_still_the_subject():
    text = MAIL.format("Klacht over de bestrating in de Zijlstraat")
    assert extract(text).facts()["subject"] == "Klacht over de bestrating in de Zijlstraat"
