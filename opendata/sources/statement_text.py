"""A position's statement as searchable text, derived from its exact quote.

The quote keeps the source text byte for byte (line breaks, OCR errors) so it can be found at its
offsets; the statement is what a search should match: whitespace collapsed, words hyphenated at a
line end joined again, and the OCR corrections the letter lists applied. One fact, one place: the
records hold the quote; the statement is derived from it on every build.
"""

from __future__ import annotations

import re

# "gezamen-\n\nlijk" -> "gezamenlijk"; a hyphen before a capital stays ("Zuid-\nHolland" -> "Zuid-Holland").
_LINE_END_HYPHEN = re.compile(r"(?<=\w)-[ \t]*(?:\r?\n[ \t]*)+(?=[a-zà-ÿ])")
_LINE_END_HYPHEN_KEPT = re.compile(r"(?<=\w)-[ \t]*(?:\r?\n[ \t]*)+(?=[A-ZÀ-Þ])")
_WHITESPACE = re.compile(r"\s+")
# A correction as the records write it: 'what the scan says' = what it means (anything after is a note).
_CORRECTION = re.compile(r"^'(?P<wrong>.+?)'\s*=\s*(?P<right>.+)$", re.DOTALL)


def corrections_map(corrections) -> list[tuple[str, str]]:
    """(wrong, right) pairs from a letter's `corrections`, longest wrong reading first. A correction
    whose right-hand side carries an explanation in brackets keeps only the reading before it."""
    pairs = []
    for line in corrections or ():
        match = _CORRECTION.match(str(line).strip())
        if not match:
            continue
        right = re.split(r"\s+\(", match["right"].strip(), maxsplit=1)[0].strip()
        pairs.append((match["wrong"], right))
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _collapse(text: str) -> str:
    joined = _LINE_END_HYPHEN_KEPT.sub("-", _LINE_END_HYPHEN.sub("", text))
    return _WHITESPACE.sub(" ", joined).strip()


def clean_statement(quote: str, corrections=()) -> str:
    """The quote as one line of searchable text, with the letter's OCR corrections applied."""
    text = _collapse(quote)
    for wrong, right in corrections_map(corrections):
        text = text.replace(_collapse(wrong), right)
    return text
