"""The twelfth set's forms and files in `opendata synth --render` (docs/letter-layouts.md, "Forms from the
twelfth set"): each appears in a corpus rendered with forms, its text shows what the form is about, its
truth is what the text states, and the extractor reads the fields the form is about; an .odt rendering,
a Word or OpenDocument letterhead in a text box, a scan turned a quarter or half round."""

from __future__ import annotations

import random
import re
import shutil

import pytest

from opendata.ingest.bench import _cites_text
from opendata.ingest.extract import extract
from opendata.ingest.read import read_document
from opendata.ingest.score import comparable
from opendata.synth.odt import odt_bytes
from opendata.synth.render import (
    REAL_FORMS,
    TWELFTH_FORMS,
    docx_bytes,
    pdf_bytes,
    render,
    rendered_letters,
    scan_bytes,
)

# The fields each form is about.
ABOUT = {
    "glued-header": (
        "date_sent",
        "our_reference",
        "your_reference",
        "dossier_references",
        "sender",
        "addressees",
    ),
    "window-first": ("sender", "addressees"),
    "unit-signed": ("sender", "sender_body", "signatories"),
    "running-header": ("date_sent", "sender", "sender_body", "signatories"),
    "daily-board": ("sender", "sender_body", "signatories"),
}


@pytest.fixture(scope="module")
def letters():
    return rendered_letters(300, 1, forms=True)[1]


def _truth(letter) -> dict:
    return _cites_text({k: (str(v) if k == "date_sent" and v else v) for k, v in letter.truth.items()})


def _assert_read(facts: dict, letter, fields) -> None:
    truth = _truth(letter)
    for name in fields:
        assert comparable(name, facts.get(name)) == comparable(name, truth.get(name)), (
            letter.id,
            name,
            facts.get(name),
            truth.get(name),
        )


def test_the_twelfth_forms_and_file_variants_appear_only_when_asked(letters):
    assert set(ABOUT) == set(TWELFTH_FORMS) and set(TWELFTH_FORMS) <= set(REAL_FORMS)
    counts = {form: sum(letter.layout == form for letter in letters) for form in TWELFTH_FORMS}
    assert all(count >= 2 for count in counts.values()), counts
    variants = [v for letter in letters for v in letter.variants]
    assert {"text-box", "turned-90", "turned-180"} <= set(variants)
    plain = rendered_letters(300, 1)[1]
    assert not {letter.layout for letter in plain} & set(TWELFTH_FORMS)
    assert not any(letter.variants for letter in plain)


@pytest.mark.parametrize("form", TWELFTH_FORMS)
def test_each_twelfth_form_is_extracted_against_its_truth(letters, form):
    for letter in (letter for letter in letters if letter.layout == form):
        _assert_read(extract(letter.text()).facts(), letter, ABOUT[form])


def test_the_twelfth_forms_state_what_the_truth_says(letters):
    for letter in (letter for letter in letters if letter.layout in TWELFTH_FORMS):
        text, truth = letter.text(), letter.truth
        if letter.layout == "glued-header":  # values run into the next label, the window into the letterhead
            assert re.search(r"^\d\d\.\d\d\.\d{4}Kenmerk$", text, re.MULTILINE)
            assert re.search(r"[A-Z](?:Provincie|Gemeente) ", text)
            if truth["our_reference"]:
                assert f"\n{truth['our_reference']}" in text
        if letter.layout == "window-first":  # the municipality's window above the letterhead
            first, second = text.splitlines()[:2]
            assert first.startswith("Gemeente ") and second.startswith("t.a.v. ")
        if letter.layout == "unit-signed":  # no person signs
            assert truth["signatories"] == [] and truth["sender_body"] is None
            assert not re.search(r"^de (?:burgemeester|secretaris|gedeputeerde),", text, re.MULTILINE)
        if letter.layout == "running-header":  # the place only in the later pages' headers
            headers = re.findall(r"\f(Gemeente .+ Datum \d{1,2}-\d{1,2}-\d{4})\n", text)
            assert len(headers) == 2 and headers[0] == headers[1]
            assert "Namens het college van burgemeester en wethouders,\n" in text
            place = headers[0].removeprefix("Gemeente ").split(" Datum")[0]
            first_page = text.split("\f")[0]
            assert f"Gemeente {place}" not in first_page and "Retouradres" not in first_page
        if letter.layout == "daily-board":
            assert "Het dagelijks bestuur van " in text and truth["sender_body"] == "dagelijks-bestuur"
            assert [s["role"] for s in truth["signatories"]] == ["secretaris", "voorzitter"]


def test_a_running_header_letter_reads_back_from_its_pdf_pages(tmp_path, letters):
    letter = next(letter for letter in letters if letter.layout == "running-header")
    path = tmp_path / f"{letter.id}.pdf"
    path.write_bytes(pdf_bytes(letter))
    result = read_document(path, path.name, [])
    assert result.pages == 3
    _assert_read(extract(result.text).facts(), letter, ABOUT["running-header"])


@pytest.mark.parametrize("suffix", ["docx", "odt"])
def test_a_letterhead_in_a_text_box_is_read_first(tmp_path, letters, suffix):
    letter = next(letter for letter in letters if "text-box" in letter.variants)
    content = docx_bytes(letter) if suffix == "docx" else odt_bytes(letter)
    path = tmp_path / f"{letter.id}.{suffix}"
    path.write_bytes(content)
    text = read_document(path, path.name, []).text
    assert text.strip().splitlines()[0] == letter.header[0].lines[0]
    _assert_read(extract(text).facts(), letter, ("sender", "addressees", "date_sent", "our_reference"))


def test_odt_renders_byte_identically_and_is_scored(tmp_path, letters):
    for letter in letters[:5]:
        assert odt_bytes(letter) == odt_bytes(letter)
    assert render(20, tmp_path, 1, ("odt",), forms=True) == {"odt": 20}
    assert len(list((tmp_path / "odt").glob("*.odt"))) == len(list((tmp_path / "odt").glob("*.yaml"))) == 20
    letter = letters[0]
    path = tmp_path / "odt" / f"{letter.id}.odt"
    _assert_read(extract(read_document(path, path.name, []).text).facts(), letter, ("date_sent", "sender"))


@pytest.mark.integration
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
@pytest.mark.parametrize("turn", ["turned-90", "turned-180"])
def test_a_turned_scan_is_read_to_its_truth(tmp_path, letters, turn):
    letter = next(letter for letter in letters if turn in letter.variants)
    path = tmp_path / f"{letter.id}.pdf"
    path.write_bytes(scan_bytes(pdf_bytes(letter), random.Random(1), turn=int(turn.split("-")[1])))
    problems: list = []
    result = read_document(path, path.name, problems)
    assert problems == [] and result.text
    _assert_read(extract(result.text).facts(), letter, ("date_sent", "sender"))
