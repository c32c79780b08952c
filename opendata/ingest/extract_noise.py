"""Regular expressions that tolerate the OCR noise of scanned letters.

Scans of Dutch government letters misread a few shapes again and again: l, 1, I, | and ! for one
another, rn for m, 0 for o, a space inside a word ("Zuid-Holla nd"), a hyphenation that splits a
word over lines ("ken-\\n\\nmerk") and two words glued together ("11juni"). Rather than correcting
the text (its offsets are the evidence), the patterns that look for label words accept these
variants directly, so a match still points at the characters as they are.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# What each letter may look like after OCR (lower case; patterns are compiled case-insensitively).
_LOOKALIKES = {
    "l": "[l1i|!]",
    "i": "[il1|!j]",
    "j": "[ji]",
    "o": "[o0]",
    "m": "(?:m|rn|nn)",
    "e": "[eéc]",
    "a": "[aà]",
    "u": "[uü]",
    "n": "(?:n|ri)",
}
# Between two letters of a word: nothing, one stray space, or a hyphenation over one or two lines.
WORD_GAP = r"(?:-[ \t]*\n\s*|-[ \t]|[ \t])?"


@functools.cache
def noisy(phrase: str) -> str:
    """A regex source matching `phrase` with OCR look-alikes, split words and hyphenations.

    Spaces in the phrase match any run of white space (or none: words glue together).
    """
    words = []
    for word in phrase.split():
        letters = [_LOOKALIKES.get(ch, re.escape(ch)) for ch in word.lower()]
        words.append(WORD_GAP.join(letters))
    return r"\s*".join(words)


def noisy_alternatives(groups: Iterable[tuple[str, str]]) -> str:
    """A regex source "(?P<name>…)|(?P<name>…)" of (group name, phrase) pairs, each phrase through
    `noisy`, in the order given (put longer phrases first): which group matched names the phrase."""
    return "|".join(f"(?P<{name}>{noisy(phrase)})" for name, phrase in groups)


def matched_group(match: re.Match[str], prefix: str) -> str:
    """The name of the group starting with `prefix` that took part in `match`."""
    return next(
        key for key, value in match.groupdict().items() if value is not None and key.startswith(prefix)
    )


def fold(text: str) -> str:
    """Letters and digits only, lower case, without accents: the key names are compared on."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


_DIGIT_LOOKALIKES = str.maketrans(
    {"l": "1", "I": "1", "i": "1", "L": "1", "|": "1", "!": "1", "O": "0", "o": "0"}
)


def as_digits(token: str) -> str:
    """Digits as OCR may have shown them (l8 → 18, 2O19 → 2019), separators dropped."""
    return re.sub(r"[^0-9]", "", token.translate(_DIGIT_LOOKALIKES))


def line_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end offsets of the line holding `position`."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


@dataclass(frozen=True)
class Span:
    """A value found in the text, with its offsets."""

    value: str
    start: int
    end: int


def strip_span(text: str, start: int, end: int, chars: str = " \t\r\n,.;:") -> tuple[int, int]:
    """Narrow (start, end) so that the span neither begins nor ends with `chars`."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


# A document host's copy of a PDF opens with a title the host made from the document's own words
# and with its page furniture: docplayer ("… / Maat: px / Weergave met pagina beginnen: /
# Download "…" / Transcriptie"), 5dok ("• No results found / … / Share "…" / … / Hele tekst"),
# slideum ("… / Download Report / Transcript …"). The furniture is no part of the letter; the title
# line may name the body (a PDF's title "Provincie Noord-Brabant") but cuts the letter's words
# anywhere, a salutation or a date out of its place among them.
_HOST_PREAMBLE = re.compile(
    r"\A(?P<title>(?:[ \t]*(?:• No results found)?[ \t]*\n)*[^\n]*\n)"
    r"(?=.{0,900}?(?:\bMaat: px\n|\bBezig met laden|\bDownload Report\n))"
    r".{0,1200}?(?:^Transcriptie[ \t]*\n|^Hele tekst[ \t]*\n|^Transcript\b[^\n]*\n)"
    r"(?:\s*(?:\(1\)|1)(?=[ \t\n]))?",  # and the host's number of the first page
    re.DOTALL | re.MULTILINE,
)


def host_title_end(text: str) -> int:
    """The end of a document host's title line (see above), or 0 for a text without one."""
    match = _HOST_PREAMBLE.match(text)
    return match.end("title") if match else 0


def blank_host_preamble(text: str) -> str:
    """`text` with a document host's furniture (see above) blanked, its title line kept: every other
    character but the line breaks becomes a space, so offsets into the text stay the original's."""
    match = _HOST_PREAMBLE.match(text)
    if match is None:
        return text
    title = match.end("title")
    return text[:title] + re.sub(r"[^\n]", " ", text[title : match.end()]) + text[match.end() :]
