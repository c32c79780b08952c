"""How a text value is written into a CSV cell so that spreadsheets do not run it, and read back.

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a
formula: CSV formula injection (OWASP). Such a value is written with one extra leading `'`, which
spreadsheets treat as "text follows". So that every value survives the round trip, a value that
already starts with `'` followed by one of those characters or by another `'` gets the extra `'`
too. Reading back: drop a leading `'` when the next character is one of = + - @ TAB CR '.
"""

from __future__ import annotations

FORMULA_STARTS = frozenset("=+-@\t\r")
MARK = "'"
_AFTER_MARK = FORMULA_STARTS | {MARK}


def protect(value: str) -> str:
    """The cell for a text value: neutralised if a spreadsheet would run it as a formula."""
    first, second = value[:1], value[1:2]
    if first in FORMULA_STARTS or (first == MARK and second in _AFTER_MARK):
        return MARK + value
    return value


def unprotect(cell: str) -> str:
    """The value a cell written by `protect` holds."""
    if cell[:1] == MARK and cell[1:2] in _AFTER_MARK:
        return cell[1:]
    return cell
