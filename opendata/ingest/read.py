"""Read a letter file into plain text: PDF (text layer, OCR for pages without one), images (OCR),
Word (.docx), OpenDocument (.odt) and plain text in any encoding `publish` reads.

Reading never raises on bad input: it returns the text it could read (or None) and adds Problems
with the file and a stable code. The text is kept exactly as the file gives it (never corrected):
the draft's evidence offsets point into it.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from opendata.ingest import ocr_small_print as small_print
from opendata.model.problems import ERROR, WARNING, Location, Problem
from opendata.sources.reading import MAX_TEXT_BYTES, _decode

MAX_PAGES = 100  # a letter with its attachments; a 500-page report is not a letter
MAX_FILE_BYTES = 200_000_000
MIN_PAGE_LETTERS = 20  # a PDF page with fewer letters or digits than this has no usable text layer
OCR_DPI = 300
OCR_LANGUAGE = "nld"
OCR_PACKAGE = "tesseract-ocr-nld"
OCR_TIMEOUT = 300  # seconds per page; a page Tesseract cannot finish in five minutes is not a letter page

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"}
TEXT_SUFFIXES = {".txt"}
WORD_SUFFIXES = {".docx"}
ODF_SUFFIXES = {".odt"}
SUPPORTED_SUFFIXES = PDF_SUFFIXES | IMAGE_SUFFIXES | TEXT_SUFFIXES | WORD_SUFFIXES | ODF_SUFFIXES

_LETTERS = re.compile(r"[0-9A-Za-zÀ-ÿ]")


@dataclass
class ReadResult:
    """What one file gave: its text (None when nothing usable), how it was read, its pages."""

    text: str | None
    method: str  # pdf-text, pdf-ocr, pdf-mixed, image-ocr, docx, odt, txt
    pages: int = 0
    ocr_pages: int = 0


def read_document(path: Path, display: str, problems: list[Problem]) -> ReadResult:
    """The text of one letter file, by its contents where they say what kind of file it is (a PDF
    named .txt is read as a PDF, with a warning), else by its suffix."""
    suffix = _suffix_by_content(path, display, problems)
    if suffix is None:
        return ReadResult(None, "none")
    if suffix not in SUPPORTED_SUFFIXES:
        problems.append(
            Problem(
                "unsupported-file",
                ERROR,
                f"{path.name} is not a file ingest reads",
                Location(display),
                hint="give PDF, PNG/JPEG/TIFF, .docx, .odt or .txt files",
            )
        )
        return ReadResult(None, "none")
    if suffix in TEXT_SUFFIXES:
        return _read_txt(path, display, problems)
    raw = _read_bytes(path, display, problems, "file", MAX_FILE_BYTES)
    if raw is None:
        return ReadResult(None, "none")
    if suffix in PDF_SUFFIXES:
        return read_pdf(raw, display, problems)
    if suffix in IMAGE_SUFFIXES:
        return _read_image(raw, display, problems)
    if suffix in WORD_SUFFIXES:
        return _read_docx(raw, display, problems)
    return _read_odt(raw, display, problems)


# The first bytes of each kind of file ingest reads, or knows it cannot read: (bytes, suffix, name).
_MAGIC = (
    (b"%PDF-", ".pdf", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", ".png", "a PNG image"),
    (b"\xff\xd8\xff", ".jpg", "a JPEG image"),
    (b"II*\x00", ".tif", "a TIFF image"),
    (b"MM\x00*", ".tif", "a TIFF image"),
    (b"GIF8", ".gif", "a GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc", "an old Word (.doc) or other Office 97-2003 file"),
    (b"{\\rtf", ".rtf", "an RTF file"),
)
_KIND_OF_SUFFIX = {
    **dict.fromkeys(PDF_SUFFIXES, ".pdf"),
    **dict.fromkeys(IMAGE_SUFFIXES, ".image"),
    **{suffix: suffix for suffix in TEXT_SUFFIXES | WORD_SUFFIXES | ODF_SUFFIXES},
}


def _suffix_by_content(path: Path, display: str, problems: list[Problem]) -> str | None:
    """The suffix the file is read by: its own, unless its first bytes say it is another kind of file
    (then a `suffix-mismatch` warning); None, with a problem, for an empty or unreadable file."""
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as stream:
            head = stream.read(1024)
    except OSError as exc:
        problems.append(
            Problem(
                "file-unreadable",
                ERROR,
                f"the file cannot be read: {exc.strerror}",
                Location(display),
                hint="check the file's permissions",
            )
        )
        return None
    if not head:
        problems.append(
            Problem(
                "file-empty",
                ERROR,
                "the file is empty",
                Location(display),
                hint="copy the letter's file again",
            )
        )
        return None
    found = _content_kind(head, path)
    if found is None or _KIND_OF_SUFFIX.get(found[0], found[0]) == _KIND_OF_SUFFIX.get(suffix, suffix):
        return suffix
    actual, name = found
    problems.append(
        Problem(
            "suffix-mismatch",
            WARNING,
            f"the file is {name}, not what its name ({suffix or 'no suffix'}) says; "
            + ("it was read as such" if actual in SUPPORTED_SUFFIXES else "ingest does not read it"),
            Location(display),
            hint=f"rename it to end in {actual}",
        )
    )
    return actual


def _content_kind(head: bytes, path: Path) -> tuple[str, str] | None:
    """(suffix, name) of the kind of file these first bytes begin, when they say so; a ZIP file is a
    Word or OpenDocument text by what it holds."""
    for magic, suffix, name in _MAGIC:
        if head.startswith(magic):
            return suffix, name
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return ".webp", "a WebP image"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    return None


def _zip_kind(path: Path) -> tuple[str, str] | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None  # a damaged file: its suffix's reader says so
    if "word/document.xml" in names:
        return ".docx", "a Word (.docx) file"
    if mimetype == b"application/vnd.oasis.opendocument.text":
        return ".odt", "an OpenDocument text (.odt)"
    return None


def _read_bytes(path: Path, display: str, problems: list[Problem], what: str, limit: int) -> bytes | None:
    """The bytes of an input file, or None after reporting why not (too large, unreadable).

    Input files live anywhere (not in a datasets folder), so this is not sources.py's reader.
    """
    try:
        size = path.stat().st_size
        if size > limit:
            problems.append(
                Problem(
                    "file-too-large",
                    ERROR,
                    f"the {what} is {size:,} bytes, more than {limit:,}",
                    Location(display),
                    hint="check that this is a letter",
                )
            )
            return None
        return path.read_bytes()
    except OSError as exc:
        problems.append(
            Problem(
                "file-unreadable",
                ERROR,
                f"the {what} cannot be read: {exc.strerror}",
                Location(display),
                hint="check the file's permissions",
            )
        )
        return None


def _read_txt(path: Path, display: str, problems: list[Problem]) -> ReadResult:
    raw = _read_bytes(path, display, problems, "text file", MAX_TEXT_BYTES)
    text = None if raw is None else _decode(raw, display, problems, "text file")
    return ReadResult(_usable(visible(text) if text else text, display, problems), "txt", 1)


def _usable(text: str | None, display: str, problems: list[Problem], what: str = "the file") -> str | None:
    """The text when it holds letters; a `no-text` problem otherwise."""
    if text is None:
        return None
    if len(_LETTERS.findall(text)) < MIN_PAGE_LETTERS:
        problems.append(
            Problem(
                "no-text",
                ERROR,
                f"{what} holds no readable text",
                Location(display),
                hint="check that this is a letter; a scan must be legible",
            )
        )
        return None
    return text


# ---------------------------------------------------------------- PDF

PDF_READERS = ("pdfium", "pdfminer")  # pypdfium2's text in layout order; pdfminer.six's layout analysis
PDF_READER = "pdfium"  # chosen by measurement: docs/ingest.md


def read_pdf(raw: bytes, display: str, problems: list[Problem], reader: str = PDF_READER) -> ReadResult:
    """The text layer of each page (`reader`: PDF_READERS, chosen by measurement: docs/ingest.md); OCR where a page
    has none."""
    # Each format's library is loaded when a file of that format is first read, not by every import of
    # opendata.ingest (`opendata ingest review` reads no file): pypdfium2 ~0.02 s.
    import pypdfium2 as pdfium  # type: ignore[import-untyped]  # pypdfium2 ships no type information

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        if _pdfminer_pages(raw) == 0:  # pdfium refuses a PDF without pages; pdfminer.six reads its page tree
            problems.append(
                Problem(
                    "pdf-no-pages",
                    ERROR,
                    "the PDF has no pages",
                    Location(display),
                    hint="export the letter again",
                )
            )
            return ReadResult(None, "pdf-text")
        return _pdf_refused(str(exc), display, problems)
    try:
        pages = len(pdf)
        if pages == 0:
            problems.append(
                Problem(
                    "pdf-no-pages",
                    ERROR,
                    "the PDF has no pages",
                    Location(display),
                    hint="export the letter again",
                )
            )
            return ReadResult(None, "pdf-text")
        if pages > MAX_PAGES:
            problems.append(
                Problem(
                    "pdf-too-long",
                    ERROR,
                    f"the PDF has {pages} pages, more than {MAX_PAGES}: not a letter",
                    Location(display),
                    hint="split the file into its letters, or leave reports out of the ingest",
                )
            )
            return ReadResult(None, "pdf-text", pages)
        texts, ocr_pages = [], 0
        layer = _pdfium_pages(pdf, pages) if reader == "pdfium" else _text_layer(raw, pages)
        for number in range(pages):
            text = layer[number] if number < len(layer) else ""
            if len(_LETTERS.findall(text)) < MIN_PAGE_LETTERS:
                scanned = _ocr_page(pdf[number], display, number + 1, problems)
                if scanned is None:
                    return ReadResult(None, "pdf-ocr", pages)
                text, ocr_pages = scanned, ocr_pages + 1
            texts.append(_PAGE_NUMBER.sub("", text))
    finally:
        pdf.close()
    method = "pdf-text" if not ocr_pages else "pdf-ocr" if ocr_pages == pages else "pdf-mixed"
    return ReadResult(
        _usable(visible("\n\n".join(texts)), display, problems, "the PDF"), method, pages, ocr_pages
    )


# A page's number alone on its first or last line ("1", "Pagina 2 van 7", "2 van 30", "- 3 -"): no
# reader takes it for text, and under a closing it would end the signature block (a number alone).
_PAGE_NUMBER = re.compile(
    r"(?:\A[ \t]*|(?<=\n)[ \t]*)(?:-[ \t]*)?(?:[Pp]agina[ \t]+)?[0-9]{1,3}(?:[ \t]+van[ \t]+[0-9]{1,3})?"
    r"(?:[ \t]*-)?[ \t]*(?:\n|\Z)(?=\s*\Z)|\A[ \t]*(?:[Pp]agina[ \t]+)?[0-9]{1,3}[ \t]+van[ \t]+[0-9]{1,3}[ \t]*\n"
)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and line feed


def visible(text: str) -> str:
    """Line ends as \\n; other control characters (form feeds between pages, broken font codes) as
    spaces: no reader sees them and no XML output can hold a quote that contains one."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def _text_layer(raw: bytes, pages: int) -> list[str]:
    """Each page's text in reading order, by pdfminer.six's layout analysis (reader "pdfminer").

    The previous default, kept to measure the pypdfium2 reader against (docs/ingest.md): it puts
    stored-out-of-order header blocks in order too, at a tenth of the speed (pure Python). A page
    pdfminer cannot read counts as one without a text layer (it is OCR'd).
    """
    # loaded only for the "pdfminer" reader (not the default): ~0.05 s
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    texts = []
    try:
        for page in extract_pages(io.BytesIO(raw), laparams=LAParams(), maxpages=pages):
            texts.append(
                "".join(element.get_text() for element in page if isinstance(element, LTTextContainer))
            )
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError):
        pass
    return texts


# ---------------------------------------------------------------- PDF reading order (pypdfium2)

LINE_JOIN = 2.0  # pieces of one baseline closer than this many line heights are one line
TOUCH = 0.3  # pieces closer than this many line heights touch: one word split by the file (kerning, a font change)
INSET = 0.5  # points inside a run's rectangle its text is read (neighbouring glyph boxes overlap)
MIN_CUT = 0.5  # gaps narrower than this many median line heights never cut the page
BAND = 4  # a blank band this many times MIN_CUT (two line heights: a blank line) cuts before any column


@dataclass
class _Box:
    """A line or piece of a line on a page: PDF coordinates (y upwards) and its text."""

    left: float
    bottom: float
    right: float
    top: float
    text: str
    parts: tuple[_Box, ...] = ()  # a joined line's pieces, left to right


def _pdfium_pages(pdf, pages: int) -> list[str]:
    """Each page's text in reading order from pypdfium2's text rectangles (one per run of a line).

    pdfium gives the lines in the order the file stores them; a word processor stores text boxes
    (letterhead, address window, a side column of reference labels) in any order. The lines are
    put back in reading order by a recursive XY cut, widest gap first: a page is cut between the
    blocks a reader sees as separate (across a blank band, or down a blank column), top to bottom
    and left to right. Measured against pdfminer.six's layout analysis in docs/ingest.md.
    """
    texts = []
    for number in range(pages):
        page = pdf[number]
        try:
            textpage = page.get_textpage()
            try:
                texts.append(_page_in_order(textpage))
            finally:
                textpage.close()
        finally:
            page.close()
    return texts


def _page_in_order(textpage) -> str:
    pieces = []
    rects = [textpage.get_rect(index) for index in range(textpage.count_rects())]
    overlapping = _rects_overlapping_lines(rects)
    chars = None
    for index, (left, bottom, right, top) in enumerate(rects):
        # Glyph boxes of neighbouring runs overlap by a fraction of a point ("loka" | "kaal" for
        # "lokaal"): the text is read a little inside the rectangle, so no glyph is read twice.
        inset = min(INSET, (right - left) / 4)
        text = textpage.get_text_bounded(left + inset, bottom, right - inset, top)
        if index in overlapping:
            if chars is None:
                chars = _page_chars(textpage)
            tighter = [rect for rect in rects if _area(rect) < _area(rects[index])]
            text = _text_of_own_line(chars, text, (left + inset, bottom, right - inset, top), tighter)
        text = text.replace("\r", "").replace("\n", " ")
        if text.strip():
            pieces.append(_Box(left, bottom, right, top, text))
    lines = _join_lines(pieces)
    if not lines:
        return ""
    unit = sorted(line.top - line.bottom for line in lines)[len(lines) // 2]
    lines = _label_column(_label_rows(lines, unit), unit)
    ordered: list[_Box] = []
    _xy_cut(lines, unit * MIN_CUT, ordered)
    return "".join(line.text.rstrip() + "\n" for line in ordered)


def _rects_overlapping_lines(rects: list[tuple[float, float, float, float]]) -> set[int]:
    """The rectangles that reach into a line above or below them, over the same stretch of the page.

    An OCR text layer gives each word a box as tall as its line's spacing or taller, so a word's box
    overlaps the words of the next line ("Verzonden:" over "Aan:" in a mail header's label column);
    pdfium reads every glyph a rectangle touches, so such a rectangle reads part of the next line
    too ("Verzonden:  Aan:"). A rectangle is on another line than one it overlaps when neither's
    middle lies within the other's height."""
    found: set[int] = set()
    order = sorted(range(len(rects)), key=lambda i: rects[i][1])
    for n, i in enumerate(order):
        left, bottom, right, top = rects[i]
        for j in order[n + 1 :]:
            other_left, other_bottom, other_right, other_top = rects[j]
            if other_bottom >= top:
                break
            if other_left >= right or left >= other_right:
                continue
            if bottom < (other_bottom + other_top) / 2 < top or other_bottom < (bottom + top) / 2 < other_top:
                continue  # one line
            found.update((i, j))
    return found


def _page_chars(textpage) -> list[tuple[str, float, float, float, float]] | None:
    """Each character of a page with its box, in the page's order; None when the text and the
    characters do not correspond one to one (a character outside the Basic Multilingual Plane)."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)
    if len(text) != count:
        return None
    return [(text[k], *textpage.get_charbox(k, loose=True)) for k in range(count)]


def _area(rect: tuple[float, float, float, float]) -> float:
    left, bottom, right, top = rect
    return (right - left) * (top - bottom)


def _holds(rect: tuple[float, float, float, float], x: float, y: float) -> bool:
    left, bottom, right, top = rect
    return left <= x <= right and bottom <= y <= top


def _text_of_own_line(
    chars,
    text: str,
    box: tuple[float, float, float, float],
    tighter: Sequence[tuple[float, float, float, float]] = (),
) -> str:
    """The text of a rectangle from the characters whose middle lies within its height: not those of
    a line above or below whose boxes only reach into it (see _rects_overlapping_lines), nor those a
    smaller rectangle (`tighter`) holds: a redaction's label set in a tall box over a line ("RE: meld"
    under "(geanonimiseerd)") reads that line's words, which their own rectangles read already. Spaces
    and line breaks (read as spaces) are kept wherever they stand, as pdfium places those it adds on no
    line of their own; one where several meet, none before the first character (a rectangle that
    holds no character of its own reads as nothing)."""
    if chars is None:
        return text
    left, bottom, right, top = box
    own = [
        " " if char == "\n" else char
        for char, c_left, c_bottom, c_right, c_top in chars
        if c_left < right
        and left < c_right
        and (
            char in " \n"
            or (
                bottom <= (c_bottom + c_top) / 2 <= top
                and not any(_holds(rect, (c_left + c_right) / 2, (c_bottom + c_top) / 2) for rect in tighter)
            )
        )
        and char != "\r"
    ]
    return re.sub(" {2,}", " ", "".join(own)).lstrip(" ")


def _join_lines(pieces: list[_Box]) -> list[_Box]:
    """Pieces on one baseline and near each other as one line (a label and its value stay together).

    pdfium gives a rectangle per run of text, tight around its glyphs: a word processor's PDF splits
    a line at each change of font or kerning, and a run of x-height letters or a hyphen sits lower or
    higher than its neighbours. Two pieces are on one line when the height of one holds the middle of
    the other and they are near, on either side, without overlapping; a line is every piece so linked.
    Pieces that touch (a word split by kerning, "D2024" "-" "03") are joined without a space."""
    order = sorted(pieces, key=lambda p: (p.bottom + p.top) / 2)
    parent = list(range(len(order)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    tallest = max((p.top - p.bottom for p in order), default=0.0)
    for i, a in enumerate(order):
        middle = (a.bottom + a.top) / 2
        for j in range(i + 1, len(order)):
            b = order[j]
            other = (b.bottom + b.top) / 2
            if other - middle > max(a.top - middle, tallest / 2):
                break
            reach = LINE_JOIN * max(a.top - a.bottom, b.top - b.bottom)
            if (
                (b.bottom < middle < b.top or a.bottom < other < a.top)
                and b.left - a.right < reach
                and a.left - b.right < reach
                and not (b.left < a.right - 1 and a.left < b.right - 1)
            ):
                parent[root(j)] = root(i)
    groups: dict[int, list[_Box]] = {}
    for index, piece in enumerate(order):
        groups.setdefault(root(index), []).append(piece)
    lines = []
    for group in groups.values():
        group.sort(key=lambda p: p.left)
        lines.append(_joined(group))
    lines.sort(key=lambda line: (-(line.bottom + line.top) / 2, line.left))
    return lines


# A header label: a word or three without digits ("Datum", "Uw kenmerk", "Gedeputeerde(n)", "GS-kenmerk").
_LABEL_CELL = re.compile(r"[A-Za-zÀ-ÿ()&.-]+(?: [A-Za-zÀ-ÿ()&.-]+){0,2}:?")
LABEL_ROW = 3  # labels side by side on one line, at least, with their values in the line below


def _cells(line: _Box, unit: float) -> list[_Box]:
    """A line split where its pieces stand a line height apart or more: the cells of a table's row
    ("Bijlagen" and "Uw brief" closer than a line's gap are joined as one line)."""
    if len(line.parts) < 2:
        return [line]
    cells, group = [], [line.parts[0]]
    for piece in line.parts[1:]:
        if piece.left - group[-1].right >= unit:
            cells.append(group)
            group = []
        group.append(piece)
    cells.append(group)
    if len(cells) == 1:
        return [line]
    return [_joined(g) for g in cells]


def _label_rows(lines: list[_Box], unit: float) -> list[_Box]:
    """A row of header labels with their values in the row(s) below, each under its label ("Datum
    Kenmerk Zaaknummer Pagina Bijlagen Uw brief Uw kenmerk" over "05.12.2024 D2024-11-015492 …"), as
    one block of "Label: value" lines, so no value is read under the next label; an empty cell
    gives its label alone.

    The XY cut alone reads such a table column by column, label over value, and a label whose cell
    is empty (no "Kenmerk") then stands over the next label's value ("Bijlagen", "Geen")."""
    rows: list[list[_Box]] = []
    split = [(cell, line) for line in lines for cell in _cells(line, unit)]
    cells = {id(cell): line for cell, line in split}
    for line in sorted((cell for cell, _line in split), key=lambda b: (-(b.bottom + b.top) / 2, b.left)):
        middle = (line.bottom + line.top) / 2
        if rows and abs((rows[-1][0].bottom + rows[-1][0].top) / 2 - middle) < unit / 2:
            rows[-1].append(line)
        else:
            rows.append([line])
    taken: set[int] = set()
    blocks: list[_Box] = []
    for index, row in enumerate(rows):
        labels = sorted(row, key=lambda b: b.left)
        if len(labels) < LABEL_ROW or not all(_LABEL_CELL.fullmatch(b.text.strip()) for b in labels):
            continue
        starts = [b.left - unit / 2 for b in labels]
        values_of: list[list[str]] = [[] for _ in labels]
        bottom, below = labels[0].bottom, index + 1
        while below < len(rows):
            values = rows[below]
            top = max(b.top for b in values)
            if bottom - top > 2.5 * unit or any(b.left < starts[0] for b in values):
                break
            columns = [max(k for k, start in enumerate(starts) if start <= b.left) for b in values]
            if len(set(columns)) < len(columns) or any(
                b.right > starts[k + 1] + unit for b, k in zip(values, columns) if k + 1 < len(starts)
            ):
                break
            for b, k in zip(values, columns):
                values_of[k].append(b.text.strip())
            bottom, below = min(b.bottom for b in values), below + 1
        if below == index + 1 or sum(1 for cell in values_of if cell) < 2:
            continue
        text = "\n".join(
            f"{label.text.strip().rstrip(':')}:"
            + "".join(f"{' ' if n == 0 else chr(10)}{v}" for n, v in enumerate(cell))
            for label, cell in zip(labels, values_of)
        )
        table = labels + [b for r in rows[index + 1 : below] for b in r]
        inside = {id(b) for b in table}
        parents = {id(cells[id(b)]) for b in table}
        if any(id(line) in parents and id(cell) not in inside for cell, line in split):
            continue  # a line only partly in the table: read as it is rather than lose a piece of it
        taken.update(parents)
        blocks.append(
            _Box(min(b.left for b in table), bottom, max(b.right for b in table), labels[0].top, text)
        )
    return [line for line in lines if id(line) not in taken] + blocks


# The labels a mail program writes over an e-mail printed to PDF, each alone on its line when the
# values stand in a column of their own far to the right ("Verzonden:" … "maandag 4 november 2024").
_MAIL_LABEL = re.compile(
    r"(?:van|verzonden|aan|cc|bcc|onderwerp|bijlagen?|datum|urgentie|prioriteit|"
    r"from|sent|to|subject|attachments?|date|importance):",
    re.IGNORECASE,
)
MAIL_LABELS = 3  # such labels one under another, at least


def _label_column(lines: list[_Box], unit: float) -> list[_Box]:
    """A column of e-mail header labels with each value on its label's baseline far to the right, as
    one block of "Label: value" lines (a value that runs on under itself keeps its next lines).

    The XY cut alone reads the labels' column before the values' ("Van: Verzonden: Aan: Onderwerp:"
    over "maandag 2 december 2024 11:13 / Gemeente Ommen …"), and a label whose value is empty (a
    removed sender) leaves the rest paired with the wrong labels when read by count."""
    taken: set[int] = set()
    blocks: list[_Box] = []
    for run in _label_runs(lines, unit):
        if len(run) < MAIL_LABELS or any(id(label) in taken for label in run):
            continue
        found = _values_beside(run, [line for line in lines if id(line) not in taken], unit)
        if found is None:
            continue
        values_of, used = found
        taken.update(id(b) for b in run + used)
        blocks.append(_label_block(run, values_of, used))
    if not blocks:
        return lines
    return [line for line in lines if id(line) not in taken] + blocks


def _label_runs(lines: list[_Box], unit: float) -> list[list[_Box]]:
    """The mail labels alone on their lines, top down, in runs of labels one under another."""
    labels = sorted(
        (line for line in lines if _MAIL_LABEL.fullmatch(line.text.strip())), key=lambda b: -b.top
    )
    runs: list[list[_Box]] = []
    for label in labels:
        if (
            runs
            and abs(runs[-1][-1].left - label.left) < unit
            and runs[-1][-1].bottom - label.top < 2.5 * unit
        ):
            runs[-1].append(label)
        else:
            runs.append([label])
    return runs


def _values_beside(
    run: list[_Box], lines: list[_Box], unit: float
) -> tuple[list[list[str]], list[_Box]] | None:
    """Each label's value lines in the column right of a run of labels, and the lines used; None when
    fewer than two labels have a value beside them (no such column)."""
    edge = max(label.right for label in run)
    middles = [(label.bottom + label.top) / 2 for label in run]

    def row_of(line: _Box) -> int | None:
        middle = (line.bottom + line.top) / 2
        return next((k for k, m in enumerate(middles) if abs(middle - m) < unit / 2), None)

    beside = [
        line
        for line in lines
        if line.left > edge and line.top > run[-1].bottom - 3 * unit and line.bottom < run[0].top
    ]
    on_rows = [line for line in beside if row_of(line) is not None]
    if len(on_rows) < 2:
        return None
    column = min(line.left for line in on_rows)
    values_of: list[list[str]] = [[] for _ in run]
    used: list[_Box] = []
    current, previous = None, None
    for line in sorted(beside, key=lambda b: -b.top):
        row = row_of(line)
        if row is None and abs(line.left - column) >= unit:
            continue  # neither on a label's row nor in the values' column
        if row is not None and (current is None or row > current):
            current = row
        elif current is None or previous is None or previous.bottom - line.top > unit:
            break  # neither on a label's row nor right under the value before it
        values_of[current].append(line.text.strip())
        used.append(line)
        previous = line
    if sum(1 for cell in values_of if cell) < 2:
        return None
    return values_of, used


def _label_block(run: list[_Box], values_of: list[list[str]], used: list[_Box]) -> _Box:
    """One box of "Label: value" lines over the labels and their values."""
    text = "\n".join(
        label.text.strip() + "".join(f"{' ' if n == 0 else chr(10)}{v}" for n, v in enumerate(cell))
        for label, cell in zip(run, values_of)
    )
    parts = run + used
    return _Box(
        min(b.left for b in parts),
        min(b.bottom for b in parts),
        max(b.right for b in parts),
        max(b.top for b in parts),
        text,
    )


def _joined(group: list[_Box]) -> _Box:
    """Pieces of one line, left to right, as one box; touching pieces without a space between."""
    bottom, top = min(p.bottom for p in group), max(p.top for p in group)
    text = group[0].text
    for before, piece in zip(group, group[1:]):
        touching = piece.left - before.right < TOUCH * (top - bottom)
        text += piece.text if touching or text.endswith(" ") else " " + piece.text
    return _Box(group[0].left, bottom, max(p.right for p in group), top, text, tuple(group))


def _gaps(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The blank intervals between the union of the spans: (size, where), widest found by the caller."""
    gaps, reach = [], None
    for start, end in sorted(spans):
        if reach is not None and start > reach:
            gaps.append((start - reach, (start + reach) / 2))
        reach = end if reach is None else max(reach, end)
    return gaps


def _xy_cut(boxes: list[_Box], least: float, out: list[_Box]) -> None:
    """Cut at the widest blank band or column, recursively; a block without one is read top to bottom.

    A band as high as a blank line cuts first: the subject under an address window and a side
    column is read after both, not after the address alone."""
    if len(boxes) == 1:
        out.append(boxes[0])
        return
    across = max(_gaps([(-b.top, -b.bottom) for b in boxes]), default=(0.0, 0.0))
    down = max(_gaps([(b.left, b.right) for b in boxes]), default=(0.0, 0.0))
    if max(across[0], down[0]) < least:
        out.extend(sorted(boxes, key=lambda b: (-b.top, b.left)))
    elif down[0] > across[0] and across[0] < least * BAND:
        _xy_cut([b for b in boxes if b.right <= down[1]], least, out)
        _xy_cut([b for b in boxes if b.right > down[1]], least, out)
    else:
        _xy_cut([b for b in boxes if -b.top < across[1]], least, out)
        _xy_cut([b for b in boxes if -b.top >= across[1]], least, out)


def _pdfminer_pages(raw: bytes) -> int | None:
    """The number of pages pdfminer.six finds, or None when it cannot parse the file either."""
    # loaded only when pypdfium2 refuses a PDF: ~0.03 s
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        return sum(1 for _ in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(raw)))))
    except Exception:
        return None


def _pdf_refused(message: str, display: str, problems: list[Problem]) -> ReadResult:
    if "password" in message.lower() or "security" in message.lower():
        problems.append(
            Problem(
                "pdf-encrypted",
                ERROR,
                "the PDF is encrypted with a password",
                Location(display),
                hint="ask the sender for an unprotected copy, or remove the password",
            )
        )
    else:
        problems.append(
            Problem(
                "pdf-corrupt",
                ERROR,
                f"the PDF cannot be read ({message})",
                Location(display),
                hint="the file is damaged or not a PDF: export the letter again",
            )
        )
    return ReadResult(None, "pdf-text")


def _ocr_page(page, display: str, number: int, problems: list[Problem]) -> str | None:
    image = page.render(scale=OCR_DPI / 72).to_pil()
    return ocr_image(image, f"{display} page {number}", display, problems)


# ---------------------------------------------------------------- OCR


@functools.cache
def tesseract_problem() -> str | None:
    """Why Tesseract with its Dutch model cannot run here, or None when it can."""
    binary = shutil.which("tesseract")
    if binary is None:
        return "the tesseract program is not installed"
    try:
        listed = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"tesseract cannot be run ({exc})"
    if OCR_LANGUAGE not in listed.stdout.split():
        return f"tesseract has no '{OCR_LANGUAGE}' (Dutch) model"
    return None


def ocr_image(image, what: str, display: str, problems: list[Problem]) -> str | None:
    """Tesseract's Dutch reading of a PIL image (its own page segmentation), or None with a problem."""
    missing = tesseract_problem()
    if missing:
        problems.append(
            Problem(
                "ocr-unavailable",
                ERROR,
                f"{what} needs OCR, but {missing}",
                Location(display),
                hint=f"install the Debian package {OCR_PACKAGE} (apt-get install {OCR_PACKAGE})",
            )
        )
        return None
    # loaded only when a page or an image needs OCR: ~0.3 s (pytesseract imports pandas when installed)
    import pytesseract  # type: ignore[import-untyped]  # pytesseract ships no type information

    # Tesseract's own threads only slow it down when ingest runs one file per core (--jobs).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    grey = image.convert("L")
    try:
        text = _tesseract(pytesseract, grey)
        if _common_share(text) < MIN_COMMON_SHARE:  # a page scanned sideways or upside down reads as noise
            turned = _upright(pytesseract, grey)
            if turned is not None:
                again = _tesseract(pytesseract, turned)
                text = again if _common_share(again) > _common_share(text) else text
        return text
    except (RuntimeError, pytesseract.TesseractError) as exc:
        problems.append(
            Problem(
                "ocr-failed",
                ERROR,
                f"OCR of {what} failed: {exc}",
                Location(display),
                hint="check the image; a page must be a legible scan",
            )
        )
        return None


def _tesseract(pytesseract, image) -> str:
    """Tesseract's reading of a page by its own page segmentation (`--psm 3`, its default), with the
    word boxes of the same run; the small print it ran into a taller line, read again (ocr_small_print),
    is set after the page's text."""
    text, tsv = pytesseract.run_and_get_multiple_output(
        image, extensions=["txt", "tsv"], lang=OCR_LANGUAGE, timeout=OCR_TIMEOUT
    )
    again: list[str] = []
    for box in small_print.regions(tsv, image.width):
        try:
            data = pytesseract.image_to_data(
                image.crop(box), lang=OCR_LANGUAGE, config="--psm 6", timeout=OCR_TIMEOUT
            )
        except (RuntimeError, pytesseract.TesseractError):
            continue  # the second reading adds to the page's text; without it the first stands
        again += small_print.sure_lines(data)
    return text if not again else text.rstrip() + "\n\n" + "\n".join(again) + "\n"


# The commonest Dutch words: a fifth to a third of a letter's words (0.22 to 0.40 on synthetic letters);
# a page read sideways or upside down gives noise in which they are 3 % by chance.
_COMMON_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "op",
        "te",
        "voor",
        "met",
        "aan",
        "is",
        "dat",
        "die",
        "wij",
        "u",
        "uw",
        "zijn",
        "of",
        "bij",
        "ook",
        "over",
        "als",
        "om",
        "door",
        "naar",
        "niet",
    ]
)
MIN_COMMON_SHARE = 0.10
_WORDS = re.compile(r"[a-zà-ÿ]+")


def _common_share(text: str) -> float:
    """The share of the commonest Dutch words among the words of an OCR'd text (1 for a page of a
    few words only: too little to judge)."""
    words = _WORDS.findall(text.lower())
    return 1.0 if len(words) < 20 else sum(word in _COMMON_WORDS for word in words) / len(words)


def _upright(pytesseract, image):
    """The page turned upright by Tesseract's orientation detection (OSD, the osd model Debian's
    tesseract-ocr installs), or None when it says the page is upright or cannot tell."""
    try:
        found = re.search(
            r"Rotate: (\d+)", pytesseract.image_to_osd(image, config="--psm 0", timeout=OCR_TIMEOUT)
        )
    except (RuntimeError, pytesseract.TesseractError):  # too little text, or no osd model
        return None
    turn = int(found.group(1)) if found else 0
    return image.rotate(-turn, expand=True) if turn else None  # OSD's turn is clockwise, PIL's not


def _read_image(raw: bytes, display: str, problems: list[Problem]) -> ReadResult:
    """An image's text by OCR: every page of a multi-page image (a TIFF from a scanner or a fax), in
    order, as a PDF's pages are read; each turned as its EXIF orientation says."""
    # loaded only when an image file is read: ~0.01 s
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(raw))
        image.load()
        pages = getattr(image, "n_frames", 1)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        problems.append(
            Problem(
                "image-corrupt",
                ERROR,
                f"the image cannot be read ({exc})",
                Location(display),
                hint="scan the letter again",
            )
        )
        return ReadResult(None, "image-ocr")
    if pages > MAX_PAGES:
        problems.append(
            Problem(
                "image-too-long",
                ERROR,
                f"the image has {pages} pages, more than {MAX_PAGES}: not a letter",
                Location(display),
                hint="split the file into its letters, or leave reports out of the ingest",
            )
        )
        return ReadResult(None, "image-ocr", pages)
    texts: list[str] = []
    try:
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            what = "the image" if pages == 1 else f"page {number} of the image"
            text = ocr_image(ImageOps.exif_transpose(frame.copy()), what, display, problems)
            if text is None:
                return ReadResult(None, "image-ocr", pages, len(texts))
            texts.append(_PAGE_NUMBER.sub("", text))
    except (OSError, ValueError, EOFError) as exc:  # a damaged page after the first
        problems.append(
            Problem(
                "image-corrupt",
                ERROR,
                f"page {len(texts) + 1} of the image cannot be read ({exc})",
                Location(display),
                hint="scan the letter again",
            )
        )
        return ReadResult(None, "image-ocr", pages, len(texts))
    return ReadResult(
        _usable(visible("\n\n".join(texts)), display, problems, "the image"), "image-ocr", pages, pages
    )


# ---------------------------------------------------------------- Word and OpenDocument

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TRACKED = tuple(f"{_W}{tag}" for tag in ("ins", "del", "moveFrom", "moveTo"))


def _read_docx(raw: bytes, display: str, problems: list[Problem]) -> ReadResult:
    """Headers, then body paragraphs and table cells in document order, then footers.

    A document with tracked changes (w:ins, w:del, w:moveFrom, w:moveTo) is refused: whether the
    changes were accepted in the letter as sent is not in the file, and ingest never guesses.
    """
    # loaded only when a Word file is read: ~0.04 s
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        problems.append(
            Problem(
                "docx-corrupt",
                ERROR,
                f"the Word file cannot be read ({exc})",
                Location(display),
                hint="save it again as .docx",
            )
        )
        return ReadResult(None, "docx")
    parts = [part._element for part in document.part.package.iter_parts() if hasattr(part, "_element")]
    if any(next(element.iter(*_TRACKED), None) is not None for element in parts):
        problems.append(
            Problem(
                "docx-tracked-changes",
                ERROR,
                "the Word file holds tracked changes",
                Location(display),
                hint="accept or reject the changes in Word (Review > Accept all), save, and ingest again",
            )
        )
        return ReadResult(None, "docx")
    first = document.sections[0] if len(document.sections) else None
    headers = (
        [_docx_text(first.header._definition._element)] if first and first.header._has_definition else []
    )
    footers = (
        [_docx_text(first.footer._definition._element)] if first and first.footer._has_definition else []
    )
    text = "\n".join(part for part in (*headers, _docx_text(document.element.body), *footers) if part.strip())
    return ReadResult(_usable(visible(text), display, problems, "the Word file"), "docx", 1)


def _docx_text(element) -> str:
    """The paragraphs under `element` in order, a table cell's paragraphs each on their own line, and
    a text box's paragraphs (where letter templates put the date and reference block or the address
    window) each on their own line after the paragraph it is anchored in, once: Word stores a text box
    twice, as a drawing (mc:Choice) and as VML for old readers (mc:Fallback), and the fallback is
    not read."""
    lines: list[str] = []
    _docx_paragraphs(element, lines)
    return "\n".join(lines)


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx_paragraphs(element, lines: list[str]) -> None:
    for child in element:
        if child.tag == _MC_FALLBACK:
            continue
        if child.tag == f"{_W}p":
            pieces: list[str] = []
            boxes: list = []
            _docx_runs(child, pieces, boxes)
            lines.append("".join(pieces))
            for box in boxes:
                _docx_paragraphs(box, lines)
        else:
            _docx_paragraphs(child, lines)


def _docx_runs(element, pieces: list[str], boxes: list) -> None:
    """The text of one paragraph's own runs; the text boxes anchored in it are set aside in `boxes`."""
    for child in element:
        tag = child.tag
        if tag == _MC_FALLBACK:
            continue
        if tag == f"{_W}txbxContent":
            boxes.append(child)
        elif tag == f"{_W}t":
            pieces.append(child.text or "")
        elif tag == f"{_W}tab":
            pieces.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            pieces.append("\n")
        else:
            _docx_runs(child, pieces, boxes)


def _read_odt(raw: bytes, display: str, problems: list[Problem]) -> ReadResult:
    """Paragraphs and headings in document order (odfpy); tracked changes refused as for Word."""
    # loaded only when an OpenDocument file is read: ~0.03 s
    from odf import text as odftext  # type: ignore[import-untyped]  # odfpy ships no type information
    from odf.opendocument import load  # type: ignore[import-untyped]  # odfpy ships no type information

    try:
        document = load(io.BytesIO(raw))
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        Exception,
    ) as exc:  # odfpy raises bare Exceptions on bad XML
        problems.append(
            Problem(
                "odt-corrupt",
                ERROR,
                f"the OpenDocument file cannot be read ({type(exc).__name__})",
                Location(display),
                hint="save it again as .odt",
            )
        )
        return ReadResult(None, "odt")
    if any(changes.childNodes for changes in document.text.getElementsByType(odftext.TrackedChanges)):
        problems.append(
            Problem(
                "odt-tracked-changes",
                ERROR,
                "the OpenDocument file holds tracked changes",
                Location(display),
                hint="accept or reject the changes, save, and ingest again",
            )
        )
        return ReadResult(None, "odt")
    body: list[str] = []
    _odt_lines(document.text, body)
    header, footer = _odt_page_part(document, "header"), _odt_page_part(document, "footer")
    text = "\n".join(part for part in (*header, "\n".join(body), *footer) if part.strip())
    return ReadResult(_usable(visible(text), display, problems, "the OpenDocument file"), "odt", 1)


def _odt_page_part(document, part: str) -> list[str]:
    """The first master page's header or footer (a letterhead, a footer of addresses), as for Word."""
    for page in document.masterstyles.childNodes:
        if page.nodeType == page.ELEMENT_NODE and page.qname[1] == "master-page":
            lines: list[str] = []
            for child in page.childNodes:
                if child.nodeType == child.ELEMENT_NODE and child.qname[1] == part:
                    _odt_lines(child, lines)
            return ["\n".join(lines)] if lines else []
    return []


def _odt_lines(node, lines: list[str]) -> None:
    """text:p and text:h in document order (a table cell's paragraphs included), each a line; a text
    box's paragraphs (a frame anchored in a paragraph) each a line after it."""
    for child in node.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname[1] in ("p", "h"):
            pieces: list[str] = []
            boxes: list = []
            _odt_own_text(child, pieces, boxes)
            lines.append("".join(pieces))
            for box in boxes:
                _odt_lines(box, lines)
        elif child.qname[1] != "tracked-changes":
            _odt_lines(child, lines)


# What a paragraph holds that is not the letter's text: a reviewer's comment (with its author's
# name) and a footnote's body (Word's are not read either).
_ODT_NOT_TEXT = frozenset(("annotation", "annotation-end", "note"))


def _odt_own_text(node, pieces: list[str], boxes: list) -> None:
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            pieces.append(child.data)
            continue
        if child.nodeType != child.ELEMENT_NODE or child.qname[1] in _ODT_NOT_TEXT:
            continue
        name = child.qname[1]
        if name == "text-box":
            boxes.append(child)
        elif name == "s":
            pieces.append(" " * int(child.getAttribute("c") or 1))
        elif name == "tab":
            pieces.append("\t")
        elif name == "line-break":
            pieces.append("\n")
        else:
            _odt_own_text(child, pieces, boxes)


def suffix_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


__all__ = [
    "MAX_PAGES",
    "OCR_PACKAGE",
    "ReadResult",
    "ocr_image",
    "read_document",
    "read_pdf",
    "suffix_supported",
    "tesseract_problem",
]
