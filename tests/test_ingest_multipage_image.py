"""A multi-page image (a TIFF from a scanner or a fax machine) is read page by page, as a PDF is:
every page is OCR'd, in order, and a file holding several letters is split into them. Before, only
the first page was read and the others were dropped without a word."""

from __future__ import annotations

import io
import random

import pytest
import yaml

from opendata.ingest import ingest
from opendata.ingest.read import MAX_PAGES, read_document
from opendata.synth.render import pdf_bytes, rendered_letters, scan_bytes


@pytest.fixture(scope="module")
def letters():
    return rendered_letters(8, 3)[1]


def _page(letter, turn: int = 0):
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(scan_bytes(pdf_bytes(letter), random.Random(1)))[0]
    return page.render(scale=200 / 72).to_pil().convert("L").rotate(turn, expand=True)


def _tiff(images) -> bytes:
    buffer = io.BytesIO()
    images[0].save(buffer, format="TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate")
    return buffer.getvalue()


def test_every_page_of_a_tiff_is_read_in_order(tmp_path, letters):
    first, second = letters[2], letters[5]
    (tmp_path / "fax.tiff").write_bytes(_tiff([_page(first), _page(second)]))
    problems: list = []
    result = read_document(tmp_path / "fax.tiff", "fax.tiff", problems)
    assert problems == [] and (result.method, result.pages, result.ocr_pages) == ("image-ocr", 2, 2)
    flat = " ".join(result.text.split())
    one, two = (flat.find(letter.truth["subject"].split()[-1]) for letter in (first, second))
    assert 0 <= one < two, (one, two)


def test_a_tiff_of_two_letters_gives_two_drafts(tmp_path, into, letters):
    first, second = letters[2], letters[5]
    (tmp_path / "scans.tif").write_bytes(_tiff([_page(first), _page(second)]))
    report = ingest([tmp_path / "scans.tif"], into)
    assert report.letters == 2, report.problems
    drafts = [
        key for key in report.written if (into / "letters" / f"{key}.txt").is_file()
    ]  # not cited letters
    texts = [(into / "letters" / f"{key}.txt").read_text(encoding="utf-8") for key in drafts]
    records = [
        yaml.safe_load((into / "letters" / f"{key}.yaml").read_text(encoding="utf-8")) for key in drafts
    ]
    assert records[1]["id"] in str(records[0].get("attachments")), records[0].get("attachments")
    assert first.truth["subject"].split()[-1] in " ".join(texts[0].split())
    assert second.truth["subject"].split()[-1] in " ".join(texts[1].split())


def test_an_image_of_more_pages_than_a_letter_has_is_refused_before_any_ocr(tmp_path):
    from PIL import Image

    blank = [Image.new("L", (40, 40), 255) for _ in range(MAX_PAGES + 1)]
    (tmp_path / "report.tiff").write_bytes(_tiff(blank))
    problems: list = []
    result = read_document(tmp_path / "report.tiff", "report.tiff", problems)
    assert result.text is None and result.ocr_pages == 0
    assert [p.code for p in problems] == ["image-too-long"]
    assert f"{MAX_PAGES + 1} pages" in problems[0].message


def test_a_photo_turned_by_its_exif_orientation_is_read_upright(tmp_path, letters):
    """A guard (Tesseract's orientation detection read it before too, with two more OCR passes): a
    phone's photo is stored sideways with an EXIF tag saying how to turn it."""
    from PIL import Image

    letter = letters[2]
    exif = Image.Exif()
    exif[0x0112] = 6  # the viewer turns it 90 degrees clockwise
    _page(letter, 90).save(tmp_path / "photo.jpg", quality=90, exif=exif)
    problems: list = []
    result = read_document(tmp_path / "photo.jpg", "photo.jpg", problems)
    assert problems == []
    assert letter.truth["subject"].split()[0] in " ".join(result.text.split())
