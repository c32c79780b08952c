"""Evidence is the text as it stands: a value the extractor read from a text with marks blanked (a stray
caret OCR puts in a logo's name or a line, "Provincie ^Zeeland") quotes the letter's own characters at
its offsets, or `publish` rejects the draft (evidence-mismatch). opendata ingest on the 60 real texts
and 16 PDFs had one such draft: its sender's quote had two spaces where the text has two carets. Letters
written for the test."""

from __future__ import annotations

from dataclasses import fields

from opendata.ingest.extract import extract

LETTER = """\
Provincie ^Zeeland

Aan de gemeenteraad van Vlissingen
Postbus 3000
4380 GV VLISSINGEN

Datum: 14 mei 2018
Ons kenmerk: ZL-18-0421
Onderwerp: Duinvoet^herstel bij Dishoek

Geachte leden van de raad,

Wij berichten u over het herstel van de duinvoet bij Dishoek.

Hoogachtend,

Gedeputeerde Staten van Zeeland,

de secretaris,                 de voorzitter,

K. ^Mol                        T. de Wit
"""


def _values(value, path="extraction"):
    """(path, value) of every value with evidence in an extraction."""
    if value is None:
        return
    if isinstance(value, tuple):
        for number, item in enumerate(value):
            yield from _values(item, f"{path}[{number}]")
    elif hasattr(value, "quote"):
        yield path, value
    elif hasattr(value, "__dataclass_fields__"):
        for field in fields(value):
            yield from _values(getattr(value, field.name), f"{path}.{field.name}")


def test_every_quote_is_the_text_at_its_offsets_where_a_caret_was_blanked():
    found = list(_values(extract(LETTER)))
    assert len(found) > 10
    wrong = [(path, value.quote) for path, value in found if value.quote != LETTER[value.start : value.end]]
    assert wrong == []


def test_a_caret_is_still_read_as_a_space_in_the_values():
    found = extract(LETTER)
    assert found.sender is not None and found.sender.value == "pv29"
    assert "pv29" in [o.value for o in found.organisations_mentioned]
    assert found.subject is not None and found.subject.value == "Duinvoet herstel bij Dishoek"
    assert [s.name.value for s in found.signatories if s.name] == ["K. Mol", "T. de Wit"]


def test_a_text_without_marks_keeps_its_quotes():
    text = LETTER.replace("^", "")
    for path, value in _values(extract(text)):
        assert value.quote == text[value.start : value.end], path
