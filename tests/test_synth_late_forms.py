"""The twenty-eighth set's forms in `opendata synth --render` (docs/letter-layouts.md, "Forms from the
twenty-eighth set"): a municipality's header whose labels form one column over a column of their values,
and a letter whose reference only its footer gives ("Graag ons kenmerk vermelden bij uw reactie. Kenmerk:
…"), a memo with "Aan" and "Van" rows for its address and signature, and a letter two colleges sign
together, each under its own board's line, and a reply that names the letter it answers by its kenmerk before
its date. Each appears in a corpus rendered
with forms and never without; its text shows its form; the extractor drafts each against its truth, from the
text and from the text-layer PDF."""

from __future__ import annotations

import re

import pytest

from opendata.ingest.bench import drafted
from opendata.ingest.read import read_document
from opendata.synth.render import LATE_FORMS, REAL_FORMS, docx_bytes, pdf_bytes, rendered_letters
from tests.synth_truth import assert_drafted_against_truth


@pytest.fixture(scope="module")
def letters():
    return rendered_letters(600, 1, forms=True)[1]


def _of(letters, form):
    return [letter for letter in letters if letter.layout == form]


def test_the_late_forms_appear_only_when_asked(letters):
    assert set(LATE_FORMS) <= set(REAL_FORMS)
    assert all(len(_of(letters, form)) >= 4 for form in LATE_FORMS)
    assert not {letter.layout for letter in rendered_letters(600, 1)[1]} & set(LATE_FORMS)


def test_the_late_forms_show_their_form(letters):
    for letter in _of(letters, "contact-column"):
        text = letter.text()
        assert "Ons kenmerk\nDatum\nAfdeling\nContact\nTelefoon\nE-mail\nBijlage(n)\n\n" in text
        assert f"\n\n{letter.truth['our_reference']}\n" in text
    for letter in _of(letters, "footer-reference"):
        text, reference = letter.text(), letter.truth["our_reference"]
        assert text.count(reference) == 1
        assert re.search(
            rf"Graag ons kenmerk vermelden bij uw reactie\. Kenmerk: {re.escape(reference)}\n$", text
        )
    for letter in _of(letters, "memo-rows"):
        text, (signer,) = letter.text(), letter.truth["signatories"]
        assert re.search(rf"\nMemo\n{re.escape(letter.truth['subject'])}\nAan:? ", text)
        assert re.search(rf"\nVan:? {re.escape(signer['name'])} \({signer['role']} ", text)
        assert "Geachte" not in text and "groet" not in text
    for letter in _of(letters, "keyed-reply"):
        (cited, *_) = letter.truth["cites"]
        assert f"In uw brief met kenmerk {cited['reference']} van " in letter.text()
    for letter in _of(letters, "joint-signed"):
        boards = re.findall(
            r"^Het college van burgemeester en wethouders van ([^\n,]+),$", letter.text(), re.M
        )
        assert len(boards) == 2 and len(letter.truth["sender"]) == 2
        assert len(letter.truth["signatories"]) == 4


@pytest.mark.parametrize("form", LATE_FORMS)
def test_each_late_form_is_drafted_against_its_truth(letters, form):
    for letter in _of(letters, form):
        assert_drafted_against_truth(drafted(letter.text()), letter)


@pytest.mark.parametrize("form", LATE_FORMS)
def test_a_late_form_reads_back_from_its_pdf(tmp_path, letters, form):
    for letter in _of(letters, form)[:3]:
        path = tmp_path / f"{letter.id}.pdf"
        path.write_bytes(pdf_bytes(letter))
        assert_drafted_against_truth(drafted(read_document(path, path.name, []).text), letter)


def test_the_late_forms_render_deterministically(letters):
    for form in LATE_FORMS:
        letter = _of(letters, form)[0]
        assert pdf_bytes(letter) == pdf_bytes(letter) and docx_bytes(letter) == docx_bytes(letter)
