"""How a text value is written into a CSV cell so that spreadsheets do not run it, and read back.

A spreadsheet runs a cell as a formula when it starts with = + - @, a tab or a carriage return, and
some also when such a character follows spaces, line breaks or invisible marks, or comes in a
compatibility form (the full-width ＝ is = after NFKC): CSV formula injection (OWASP). So a value is
judged after normalising (NFKC, then leading white space and invisible format characters dropped),
and a value that a spreadsheet would run is written with one extra leading `'`, which spreadsheets
treat as "text follows". So that every value survives the round trip, a value that already starts
with `'` followed by such a value or by another `'` gets the extra `'` too. Reading back: drop a
leading `'` when the rest would have needed one (`unprotect`).
"""

from __future__ import annotations

import unicodedata

FORMULA_STARTS = frozenset("=+-@\t\r")
MARK = "'"


def _invisible(char: str) -> bool:
    """White space and format characters (zero-width, soft hyphen, bidi marks): a reader does not see them."""
    return char.isspace() or unicodedata.category(char) in ("Cf", "Cc", "Zs", "Zl", "Zp")


def runs_as_formula(value: str) -> bool:
    """Whether a spreadsheet could take the value for a formula."""
    if value[:1] in FORMULA_STARTS:
        return True
    normal = unicodedata.normalize("NFKC", value)
    start = next((i for i, char in enumerate(normal) if not _invisible(char)), len(normal))
    return normal[start : start + 1] in FORMULA_STARTS or any(c in "\t\r" for c in normal[:start])


def _needs_mark(value: str) -> bool:
    return runs_as_formula(value) or (
        value[:1] == MARK and (value[1:2] == MARK or runs_as_formula(value[1:]))
    )


def protect(value: str) -> str:
    """The cell for a text value: neutralised if a spreadsheet would run it as a formula."""
    return MARK + value if _needs_mark(value) else value


def unprotect(cell: str) -> str:
    """The value a cell written by `protect` holds."""
    if cell[:1] == MARK and _needs_mark(cell[1:]):
        return cell[1:]
    return cell


def needs_quotes(cell: str) -> bool:
    """RFC 4180: a cell holding a comma, a quote, a carriage return or a line feed must be quoted,
    whatever line terminator the file uses (Python's csv module quotes a lone CR only when it is part
    of the terminator)."""
    return any(char in cell for char in ',"\r\n')
