"""The e-mails of the later sets in `opendata synth --render` (docs/letter-layouts.md, "E-mails from the
later sets"): a printed e-mail with a greeting, a short closing and the message it answers quoted under
it; and the same e-mail under a colleague's reply that lost its header. Each appears in a corpus rendered
with forms and never without; its text shows its form; its truth is what the text states; the extractor
drafts each against its truth, from the text and from the text-layer PDF."""

from __future__ import annotations

import re

import pytest

from opendata.ingest.bench import drafted
from opendata.ingest.read import read_document
from opendata.synth.odt import odt_bytes
from opendata.synth.render import MAIL_FORMS, REAL_FORMS, docx_bytes, pdf_bytes, render, rendered_letters
from tests.synth_truth import assert_drafted_against_truth


@pytest.fixture(scope="module")
def letters():
    return rendered_letters(600, 1, forms=True)[1]


def _mails(letters, form):
    return [letter for letter in letters if letter.layout == form]


def test_the_mail_forms_appear_only_when_asked(letters):
    assert set(MAIL_FORMS) <= set(REAL_FORMS)
    assert all(len(_mails(letters, form)) >= 5 for form in MAIL_FORMS)
    assert not {letter.layout for letter in rendered_letters(600, 1)[1]} & set(MAIL_FORMS)


def test_the_mail_forms_state_what_the_truth_says(letters):
    for letter in _mails(letters, "mail-reply"):
        text = letter.text()
        assert text.startswith("Van: ") and len(re.findall(r"^Verzonden: ", text, re.MULTILINE)) == 2
        assert re.search(r"^Aan: (?:info|post|gemeente)@[a-z-]+\.nl$", text, re.MULTILINE)
        assert letter.truth["signatories"][0]["name"] in text and letter.truth["sender_body"] is None
    for letter in _mails(letters, "headless-reply"):
        text, truth = letter.text(), letter.truth
        assert not text.startswith("Van: ") and "\n\nVan: " in text
        assert truth["date_sent"] is None and truth["subject"] is None and truth["sender"] is None
        assert truth["kind"] == "brief" and truth["signatories"] == []


@pytest.mark.parametrize("form", MAIL_FORMS)
def test_each_mail_form_is_drafted_against_its_truth(letters, form):
    for letter in _mails(letters, form):
        assert_drafted_against_truth(drafted(letter.text()), letter)


@pytest.mark.parametrize("form", MAIL_FORMS)
def test_a_mail_reads_back_from_its_pdf(tmp_path, letters, form):
    letter = _mails(letters, form)[0]
    path = tmp_path / f"{letter.id}.pdf"
    path.write_bytes(pdf_bytes(letter))
    assert_drafted_against_truth(drafted(read_document(path, path.name, []).text), letter)


def test_the_mail_forms_render_deterministically_in_every_format(tmp_path, letters):
    for form in MAIL_FORMS:
        letter = _mails(letters, form)[0]
        assert pdf_bytes(letter) == pdf_bytes(letter) and docx_bytes(letter) == docx_bytes(letter)
        assert odt_bytes(letter) == odt_bytes(letter)
    assert render(300, tmp_path, 1, ("docx", "odt", "noisy"), forms=True) == {
        "docx": 300,
        "odt": 300,
        "noisy": 300,
    }
