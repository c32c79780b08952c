"""The PDF readers of `opendata ingest` (read.PDF_READERS): pypdfium2's text put in reading order
must give the extraction the same facts as pdfminer.six's layout analysis, on every layout."""

from __future__ import annotations

import random

import pytest

from opendata.ingest.extract import extract
from opendata.ingest.read import PDF_READER, PDF_READERS, read_pdf
from opendata.synth.render import LAYOUTS, pdf_bytes, rendered_letters

FIELDS = ("date_sent", "our_reference", "subject", "sender", "addressees", "signatories", "cites")
PER_LAYOUT = 3


def _letters_of_every_layout():
    """The first PER_LAYOUT rendered letters of each layout (synthetic: no third-party text)."""
    chosen: dict[str, list] = {layout: [] for layout in LAYOUTS}
    for letter in rendered_letters(300, 7)[1]:
        if len(chosen[letter.layout]) < PER_LAYOUT:
            chosen[letter.layout].append(letter)
    return chosen


LETTERS = _letters_of_every_layout()


def test_every_layout_is_covered():
    assert all(len(letters) == PER_LAYOUT for letters in LETTERS.values()), {
        k: len(v) for k, v in LETTERS.items()
    }


@pytest.mark.parametrize("layout", LAYOUTS)
def test_both_readers_give_the_same_facts(layout):
    for letter in LETTERS[layout]:
        raw = pdf_bytes(letter, random.Random(f"test-readers:{letter.id}"))  # header blocks stored shuffled
        facts = {}
        for reader in PDF_READERS:
            problems = []
            result = read_pdf(raw, letter.id, problems, reader)
            assert not problems and result.method == "pdf-text"
            found = extract(result.text).facts()
            facts[reader] = {field: found.get(field) for field in FIELDS}
        assert facts["pdfium"] == facts["pdfminer"], letter.id


def test_side_column_is_read_after_the_address_and_before_the_subject():
    letter = LETTERS["side-column"][0]
    text = read_pdf(pdf_bytes(letter, random.Random(1)), letter.id, [], "pdfium").text
    flat = " ".join(text.split())
    address = " ".join(letter.header[-3].lines[-1].split())
    side = " ".join(letter.header[-2].lines[0].split())
    subject = letter.header[-1].lines[0]
    assert flat.index(address) < flat.index(side) < flat.index(" ".join(subject.split()))


def test_the_default_reader_is_pypdfium2_in_layout_order():
    assert PDF_READER == "pdfium"


def test_the_bench_prints_letters_per_second_for_each_ingest_reader(capsys):
    from opendata.ingest.bench import compare_readers

    compare_readers(4, 1)
    rows = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines() if line.strip()}
    for reader in PDF_READERS:
        row = rows[f"ingest:{reader}"]
        assert float(row[4]) > 0  # letters/s
        assert float(row[1]) > 0.95  # similarity to the letter's text
