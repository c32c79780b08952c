"""Reference numbers in a letter's header: ons kenmerk, uw kenmerk, zaak- and dossiernummers.

A reference line is a label at the start of a line ("Ons kenmerk:", "Uw kenmerk", "Zaaknummer",
"Dossiernummer", "Ons nummer", "Briefnummer"…) with its value after it on the same line or, in
letters that set labels above their values, on the next line. OCR glues two numbers together
("PZH-2019-678010037DOS-2017-0006089"): a glued pair is split where a new letter prefix follows a
digit. A value is kept as written (apart from look-alike letters between digits, "20l9" → "2019");
a label with nothing after it ("Uw kenmerk: -") gives nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from opendata.ingest.extract_noise import noisy

OURS, YOURS, DOSSIER = "our", "your", "dossier"
LABELS = {
    "ons kenmerk": OURS, "onze kenmerk": OURS, "ons kenmerk brief": OURS, "onze referentie": OURS,
    "ons nummer": OURS, "ons nr": OURS, "onze ref": OURS, "briefnummer": OURS, "ons briefnummer": OURS,
    "kenmerk": OURS, "referentie": OURS, "registratienummer": OURS, "documentnummer": OURS,
    "brief nummer": OURS, "nummer": OURS, "nr": OURS, "ons registratienummer": OURS, "verzendnummer": OURS,
    "uw kenmerk": YOURS, "uw referentie": YOURS, "uw nummer": YOURS, "uw nr": YOURS, "uw ref": YOURS,
    "uw briefnummer": YOURS,
    "zaaknummer": DOSSIER, "zaaknr": DOSSIER, "zaak": DOSSIER, "dossiernummer": DOSSIER, "dossier": DOSSIER,
    "dossiernr": DOSSIER, "zaakkenmerk": DOSSIER, "ons zaaknummer": DOSSIER, "zaak nummer": DOSSIER,
}
_VALUE = r"[A-Za-z0-9][A-Za-z0-9./_\\-]*(?:[ ]?[/-][ ]?[A-Za-z0-9][A-Za-z0-9./_\\-]*)*"
_EMPTY_VALUES = {"-", "--", "geen", "n.v.t.", "nvt", "n.v.t", "onbekend"}
_GLUE = re.compile(r"(?<=[0-9])(?=(?:DOS|ZK|Z|D|ZAAK|DOC|INT|UIT|BRF)[-/][0-9])"
                   r"|(?<=[0-9])(?=(?![OIl]+[-/])[A-Z]{2,5}[-/][0-9]{2,})")
# A run of digits in which OCR put a look-alike letter ("20l9", "2OOO"), between separators.
_DIGIT_RUN = re.compile(r"(?<![A-Za-z])[0-9lI|O]*[0-9][0-9lI|O]*(?![A-Za-z])")


@dataclass(frozen=True)
class ReferenceMatch:
    role: str  # OURS, YOURS or DOSSIER
    value: str
    start: int
    end: int
    confidence: float


@functools.cache
def label_pattern() -> re.Pattern[str]:
    labels = sorted(LABELS, key=len, reverse=True)
    alternatives = "|".join(f"(?P<l{index}>{noisy(label)})" for index, label in enumerate(labels))
    return re.compile(rf"^[ \t]*(?:{alternatives})(?P<after>\.?[ \t]*(?::|\.|(?=\n))?)", re.IGNORECASE | re.MULTILINE)


def _label_role(match: re.Match[str]) -> str:
    labels = sorted(LABELS, key=len, reverse=True)
    index = next(int(key[1:]) for key, value in match.groupdict().items() if value and key[0] == "l")
    return LABELS[labels[index]]


def clean_reference(raw: str) -> str:
    """A reference as written, with spaces around its separators and look-alike digits undone."""
    value = re.sub(r"\s*([/-])\s*", r"\1", raw.strip())
    return _DIGIT_RUN.sub(lambda m: m[0].translate(str.maketrans("lI|O", "1110")), value)


def split_glued(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the references glued together in text[start:end] (one span when none are glued)."""
    cuts = [start] + [start + m.start() for m in _GLUE.finditer(text[start:end]) if m.start() > 0] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def value_after(text: str, position: int, *, next_line: bool) -> tuple[int, int] | None:
    """The span of the reference that follows a label ending at `position`, or None."""
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    match = re.compile(rf"[ \t:.]*(?P<v>{_VALUE})").match(text, position, line_end)
    if match is None and next_line:
        following = re.compile(rf"\s*\n[ \t]*(?P<v>{_VALUE})[ \t]*(?:\n|$)").match(text, line_end)
        if following and not label_pattern().match(text, following.start("v")):
            match = following
    if match is None:
        return None
    start, end = match.span("v")
    if text[start:end].lower().strip(".") in _EMPTY_VALUES or not re.search(r"[0-9]", text[start:end]):
        return None
    return start, end


def find_reference_lines(text: str, header_end: int) -> list[ReferenceMatch]:
    """Every labelled reference in the text: header labels, and labels with a colon anywhere."""
    found: list[ReferenceMatch] = []
    for match in label_pattern().finditer(text):
        in_header = match.start() < header_end
        if not in_header and ":" not in match["after"]:
            continue
        span = value_after(text, match.end(), next_line=in_header)
        if span is None:
            continue
        role = _label_role(match)
        pieces = split_glued(text, *span)
        for index, (start, end) in enumerate(pieces):
            piece_role = role if index == 0 else DOSSIER
            confidence = 0.9 if in_header else 0.7
            found.append(ReferenceMatch(piece_role, clean_reference(text[start:end]), start, end, confidence))
    return found
