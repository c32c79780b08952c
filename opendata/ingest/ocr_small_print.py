"""Small print that Tesseract's page segmentation runs into a taller line, read a second time.

A letter's foot may hold a few lines of small print beside a logo: "Datum verzending" / "22.05.2024"
under the body, the province's name in large letters to its right. Tesseract's layout analysis sets
the small lines and the logo's word on one text line as tall as the logo, and reads the small print
there as a scrap or two ("ern", "ee") with a low confidence: the dispatch date is lost, although a
crop of the small print alone reads it cleanly (docs/ingest.md, "Real letters through the scanner").

From the first pass's word boxes (Tesseract's TSV), each such line is found: words read badly (one
scrap for two or three small lines) beside a word much taller than they are (the logo's, read well or
not). The small words' stretch of
the page, up to the next word on the line, is read again as one block of text (`--psm 6`); the lines
of that reading Tesseract is sure of are returned, to be set after the page's text (where a PDF's
text layer puts the same side column). Nothing is guessed: a line read with a low confidence is left
out, and a page with many such lines (a map or a figure, whose scraps mix sizes everywhere) is not
read again.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

SMALL = 0.65  # a word under 0.65 of the height of the tallest word on its line is small print there
BADLY_READ = 60.0  # Tesseract's mean confidence (0-100) under which a cluster of small words is re-read
SURE = 70.0  # a line of the second reading is kept at this mean confidence or more
MAX_REGIONS = 3  # more such lines on a page: a figure or a map, not a letter's small print
GAP = 3  # small words further apart than this many of their heights are read as separate stretches


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


def lines_of(tsv: str) -> list[list[Word]]:
    """The words of Tesseract's TSV output, grouped by the text line it set them on, left to right."""
    lines: dict[tuple[str, str, str], list[Word]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        word = Word(
            text,
            int(row["left"]),
            int(row["top"]),
            int(row["width"]),
            int(row["height"]),
            float(row["conf"]),
        )
        lines.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(word)
    return [sorted(words, key=lambda w: w.left) for words in lines.values()]


def regions(tsv: str, page_width: int) -> list[tuple[int, int, int, int]]:
    """The boxes (left, top, right, bottom) of badly read small print run into a taller line and of
    the lines under a dispatch label read without them, or none when there are more than MAX_REGIONS."""
    lines = lines_of(tsv)
    boxes = []
    for words in lines:
        tallest = max(w.height for w in words)
        for cluster in _small_clusters(words, tallest):
            if sum(w.confidence for w in cluster) / len(cluster) >= BADLY_READ or _symbol(cluster):
                continue
            boxes.append(_box(cluster, words, page_width))
    for words in lines:
        box = _under_dispatch_label(words, lines)
        if box is not None and not any(_overlap(box, other) for other in boxes):
            boxes.append(box)
    return boxes if len(boxes) <= MAX_REGIONS else []


# A dispatch label alone on its line ("Datum verzending", "Verzenddatum:"): its date stands under it.
_DISPATCH_LABEL = re.compile(
    r"(?:datum[ ]verzending|datum[ ]van[ ]verzending|verzenddatum|verzonden[ ]op)[ ]?:?"
)


def _under_dispatch_label(words: list[Word], lines: list[list[Word]]) -> tuple[int, int, int, int] | None:
    """The label and the three lines' height under it, as wide again as the label, when a dispatch
    label was read with nothing under it: the date Tesseract's page segmentation dropped (a scan's
    small print at the foot of the page, under the label in bold), or none there at all."""
    if not _DISPATCH_LABEL.fullmatch(" ".join(w.text.lower() for w in words)):
        return None
    left, top = words[0].left, min(w.top for w in words)
    right, bottom = words[-1].right, max(w.bottom for w in words)
    height = bottom - top
    box = (max(0, left - height), max(0, top - height // 2), right + (right - left), bottom + 3 * height)
    below = (box[0], bottom + 1, box[2], box[3])
    if any(_overlap(below, (w.left, w.top, w.right, w.bottom)) for line in lines for w in line):
        return None
    return box


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _symbol(cluster: list[Word]) -> bool:
    """A bullet, a dash or a scrap of a line under the text: narrower than twice its height, no run of
    small print."""
    return cluster[-1].right - cluster[0].left < 2 * max(w.height for w in cluster)


def _small_clusters(words: list[Word], tallest: int) -> list[list[Word]]:
    """Runs of neighbouring small words on one line."""
    clusters: list[list[Word]] = []
    current: list[Word] = []
    for word in words:
        small = word.height < SMALL * tallest
        if small and current and word.left - current[-1].right < GAP * max(w.height for w in current):
            current.append(word)
            continue
        if current:
            clusters.append(current)
        current = [word] if small else []
    if current:
        clusters.append(current)
    return clusters


def _box(cluster: list[Word], line: list[Word], page_width: int) -> tuple[int, int, int, int]:
    """The small words' stretch: from a word's height before them up to the next word of the line (or
    a few centimetres on), as high as the whole line and half a small word more each way (the small
    lines above and below the one Tesseract found)."""
    height = max(w.height for w in cluster)
    following = [w.left for w in line if w.left >= cluster[-1].right]
    right = min(following) - 5 if following else min(page_width, cluster[-1].right + 400)
    top = min(w.top for w in line) - height // 2
    bottom = max(w.bottom for w in line) + height // 2
    return max(0, cluster[0].left - height), max(0, top), right, bottom


def sure_lines(tsv: str) -> list[str]:
    """The lines of a reading whose words Tesseract is sure of on average (SURE)."""
    kept = []
    for words in lines_of(tsv):
        if sum(w.confidence for w in words) / len(words) >= SURE:
            kept.append(" ".join(w.text for w in words))
    return kept
