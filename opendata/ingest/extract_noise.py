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

# Between two letters of a word: nothing, one stray space, or a hyphenation over one or two lines.
WORD_GAP = r"(?:-[ \t]*\n\s*|-[ \t]|[ \t])?"
# What each letter may look like after OCR (lower case; patterns are compiled case-insensitively).
_LOOKALIKES = {
    "l": "[l1i|!]",
    "i": "[il1|!j]",
    "j": "[ji]",
    "o": "[o0]",
    "m": "(?:m|rn|nn)",
    "e": "[eéc]",
    "c": "[ce]",
    "d": "(?:d|cl)",
    "a": "[aà]",
    "u": "[uü]",
    "n": "(?:n|ri)",
}
# Two letters OCR reads as one ("vriendelüke"; "m" for "rn"), or as others with the same gaps.
_DIGRAPHS = {"ij": f"(?:[il1|!j]{WORD_GAP}[ji]|ü)", "rn": f"(?:r{WORD_GAP}(?:n|ri)|m)"}
_UNIT = re.compile("|".join(_DIGRAPHS) + "|.", re.DOTALL)


@functools.cache
def noisy(phrase: str) -> str:
    """A regex source matching `phrase` with OCR look-alikes, split words and hyphenations.

    Spaces in the phrase match any run of white space (or none: words glue together).
    """
    words = []
    for word in phrase.split():
        units = _UNIT.findall(word.lower())
        letters = [_DIGRAPHS.get(unit) or _LOOKALIKES.get(unit, re.escape(unit)) for unit in units]
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


# The words the extractor keys on, each read through its OCR look-alikes in one place (see
# `repair_key_words`): labels, the salutation, closings, role words and the kind words of bodies.
# Short words that damage turns into others are left out; words a space could make of two ordinary
# words ("bij lage") are read through their look-alikes but not across a space (_UNSPLIT).
KEY_WORDS = (
    "datum", "onderwerp", "betreft", "kenmerk", "verzonden", "verzenddatum", "zaaknummer", "referentie",
    "inzake", "bijlage", "bijlagen", "aan", "geachte", "hoogachtend", "vriendelijke", "groet", "groeten",
    "namens", "burgemeester", "wethouder", "wethouders", "secretaris", "gemeentesecretaris", "griffier",
    "voorzitter", "gedeputeerde", "gedeputeerden", "dijkgraaf", "directeur", "commissaris", "gemeente",
    "gemeenten", "gemeenteraad", "gemeenteraden", "provincie", "provinciale", "staten", "waterschap",
    "hoogheemraadschap", "college", "colleges", "veiligheidsregio", "bestuur", "dagelijks", "algemeen", "raad",
    "minister", "staatssecretaris", "leden",
)  # fmt: skip
_UNSPLIT = frozenset({"bijlage", "bijlagen"})
# Words that join key words into a board's name ("Gedeputeerde Staten van de provincie").
_JOINING = frozenset({"van", "de", "der", "het", "en"})


@functools.cache
def _key_word_pattern() -> re.Pattern[str]:
    words = sorted(KEY_WORDS, key=len, reverse=True)
    alternatives = "|".join(f"(?P<k{KEY_WORDS.index(w)}>{noisy(w)})" for w in words)
    return re.compile(rf"(?<![\w|!])(?:{alternatives})(?![\w|!])", re.IGNORECASE)


@functools.cache
def _key_word_alone(word: str) -> re.Pattern[str]:
    return re.compile(noisy(word), re.IGNORECASE)


def _cased(word: str, written: str) -> str:
    """`word` in the case `written` shows: capitals, a capital first letter, or lower case."""
    letters = [ch for ch in written if ch.isalpha() and ch not in "lI"]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return word.upper()
    return word.capitalize() if written[:1].isupper() and written[:1] not in "lI" else word


@dataclass(frozen=True)
class Repaired:
    """A text whose key words OCR damaged are written out again, and the way back to the original:
    each edit is (start, end) in the repaired text, (start, end) in the original and the key word."""

    text: str
    edits: tuple[tuple[int, int, int, int, str], ...]

    def offset(self, position: int, end: bool = False) -> int:
        """The original text's offset of a repaired text's offset (a start inside a repaired word
        goes to the word's start, an end inside it to the word's end)."""
        shift = 0
        for start, stop, original_start, original_stop, _word in self.edits:
            if position <= start:
                break
            if position < stop:
                return original_stop if end else original_start
            shift = original_stop - stop
        return position + shift

    def as_written(self, value: str, start: int, end: int, original: str) -> str:
        """`value`, read from the repaired text at (start, end), with its repaired key words as the
        original writes them; a value made of key words alone (a board: "Gedeputeerde Staten",
        "gemeenteraad") is read as those words, like a role."""
        words = re.findall(r"\w+", value.lower())
        if words and all(word in KEY_WORDS or word in _JOINING for word in words):
            return value
        position = 0
        for edit_start, edit_stop, original_start, original_stop, word in self.edits:
            if edit_stop <= start or edit_start >= end:
                continue
            found = re.compile(rf"(?<!\w){word}(?!\w)", re.IGNORECASE).search(value, position)
            if found is None:
                continue
            written = original[original_start:original_stop]
            value = value[: found.start()] + written + value[found.end() :]
            position = found.start() + len(written)
        return value


def repair_key_words(text: str) -> Repaired | None:
    """The text with each key word (KEY_WORDS) that OCR damaged ("Hoogachtencl", "Gcmeente",
    "A an", "burge-\nmeester") written out again, the words OCR glued to a board's name or a key word
    spaced again ("Burgemeester enwethouders", "degemeenteraden": `_glued_boards`, `_glued_articles`),
    each label a text layer glued to the value before it put on a line of its own (`_glued_labels`)
    and each elided article set with a typographic mark written with an apostrophe
    (`_typographic_elisions`), or None where there is none of these. A damaged word two key words
    could be is left as it is."""
    damaged = _damaged_key_words(text)
    boards = _glued_boards(text, damaged)
    glued = [*boards, *_glued_articles(text, damaged + boards)]
    changes = sorted([*damaged, *_glued_labels(text), *_typographic_elisions(text), *glued])
    if not changes:
        return None
    edits = []
    parts = []
    shift = previous = 0
    for original_start, original_end, clean, word in changes:
        parts += [text[previous:original_start], clean]
        start = original_start + shift
        edits.append((start, start + len(clean), original_start, original_end, word))
        shift += len(clean) - (original_end - original_start)
        previous = original_end
    return Repaired("".join(parts) + text[previous:], tuple(edits))


def _damaged_key_words(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, the word written out, the key word) of each key word OCR damaged."""
    changes = []
    for match in _key_word_pattern().finditer(text):
        written = match[0]
        word = KEY_WORDS[int(matched_group(match, "k")[1:])]
        if written.lower() == word or (word in _UNSPLIT and re.search(r"\s", written)):
            continue
        if sum(bool(_key_word_alone(other).fullmatch(written)) for other in KEY_WORDS) > 1:
            continue
        changes.append((match.start(), match.end(), _cased(word, written), word))
    return changes


# A PDF's text layer that reads a row of labels over their values cell by cell glues each value to
# the next cell's label ("Datum / 25.11.2024Kenmerk / D2024-00052908Zaaknummer / Z2024-00007045Pagina /
# 1 van 1BijlagenUw briefUw kenmerk"), and an address window's last line to the letterhead beside it
# ("7500 AA  ENSCHEDEProvincie Overijssel"). A label or kind word right after a digit or a word in
# capitals, or "Uw brief"/"Uw kenmerk" right after any letter, starts a line of its own.
_GLUED_LABEL = re.compile(
    r"(?:(?<=[0-9])|(?<=[A-Z]{2}))(?P<label>Datum|Kenmerk|Zaaknummer|Pagina|Bijlagen?|Onderwerp|Provincie|"
    r"Gemeente|Waterschap|Hoogheemraadschap)(?=\s|[A-Z]|$)|(?<=[0-9a-z])(?P<yours>Uw[ \t]+(?:brief|kenmerk))\b"
)


def _glued_labels(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, the label on a new line, the label) of each label glued to the text before it; the
    line break is the text's own, doubled in a text whose every line break OCR doubled (a single one
    there would read as two lines of one block and make the text look single-spaced)."""
    line_break = "\n\n" if doubled_line_breaks(text) else "\n"
    return [
        (match.start(), match.end(), line_break + match[0], match[0].lower())
        for match in _GLUED_LABEL.finditer(text)
    ]


# A board's name whose words OCR glued together ("Burgemeester enwethouders van", "Gedeputeerde
# StatenvanUtrecht"), and the "van" after it glued to it or to the place: each gap without a space
# gets one, so every rule that reads a board's line reads it.
_GLUED_BOARD = re.compile(
    r"(?<![\w|!])(?P<board>burgemeester(?P<g0>\s*)en(?P<g1>\s*)wethouders|gedeputeerde(?P<g2>\s*)staten|"
    r"(?:dagelijks|algemeen)(?P<g3>\s*)bestuur)(?:(?P<before>\s*)(?P<van>van)(?P<after>(?=[A-Z'’])|\s))?",
    re.IGNORECASE,
)


def _glued_boards(text: str, damaged: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, the board's words spaced, the words spaced in lower case) of each board's name with
    words glued together (`_GLUED_BOARD`) that no damaged key word overlaps."""
    changes = []
    for match in _GLUED_BOARD.finditer(text):
        gaps = [match.span(name) for name in ("g0", "g1", "g2", "g3") if match[name] is not None]
        glued = [start for start, end in gaps if start == end]
        van = match["van"] is not None and (match["before"] == "" or match["after"] == "")
        if not glued and not van:
            continue
        end = match.end("van") if van else match.end("board")
        if any(start < end and match.start() < stop for start, stop, _c, _w in damaged):
            continue
        spaced = "".join(
            (" " if position in glued else "") + text[position]
            for position in range(match.start(), match.end("board"))
        )
        if van:
            spaced += " van" + (" " if match["after"] == "" else "")
        changes.append((match.start(), end, spaced, spaced.lower().strip()))
    return changes


@functools.cache
def _glued_article_pattern() -> re.Pattern[str]:
    """An article glued to the key word after it ("degemeenteraden", "hetcollege"), "van" glued to the
    key word before it ("collegesvan de"), a name glued to it ("gemeentenAlmelo") or to "van" ("raad
    vanWaalwijk"): the place where a space is missing."""
    words = "|".join(sorted((w for w in KEY_WORDS if len(w) >= 4), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w|!])(?:de|het)(?=(?:{words})(?![\w|!]))|(?<![\w|!])(?:{words})(?=van(?:\s|[A-Z]))"
        # a key word in lower case glued to the name after it: "de gemeentenAlmelo, Enschede …" (a name
        # that sets a capital inside itself, "GemeenteBelangen", is written so)
        rf"|(?<![\w|!])(?-i:(?=[a-z]))(?:{words})(?-i:(?=[A-Z][a-z]))"
        # "van" glued to the name after it, after a space: "de gemeenteraad vanWaalwijk"
        r"|(?<=[ \t])(?-i:van)(?-i:(?=[A-Z][a-z]))",
        re.IGNORECASE,
    )


def _glued_articles(text: str, taken: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, end, the word with the space OCR lost, the word) of each article glued to a key word after
    it and each key word glued to "van" after it, outside the edits `taken` already: the word is
    followed by a space in the repaired text."""
    return [
        (match.start(), match.end(), match[0] + " ", match[0].lower())
        for match in _glued_article_pattern().finditer(text)
        if not any(start < match.end() + 3 and match.start() < stop for start, stop, _c, _w in taken)
    ]


# The elided article of a place's name ("'s-Hertogenbosch", "'s-Gravenhage", "'t Zandt") as a word
# processor or OCR sets it: an opening quote, a backtick or an accent in place of the apostrophe
# ("‘s-Hertogenbosch", "`s-Gravenhage"). Read as an apostrophe, so names match as the register
# writes them; the right single quote (’) is read as one already.
_TYPOGRAPHIC_ELISION = re.compile(r"(?<!\w)[‘`´ʻʼ](?=[sStT](?:-[ \t]?|[ \t])[A-Z])")


def _typographic_elisions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, "'", "'") of each elided article's mark that is no apostrophe."""
    return [(match.start(), match.end(), "'", "'") for match in _TYPOGRAPHIC_ELISION.finditer(text)]


def doubled_line_breaks(text: str) -> bool:
    """Whether every line break of `text` comes doubled (no two lines touch), as in some OCR'd texts."""
    return "\n\n" in text and re.search(r"[^\n]\n[^\n]", text) is None


_HYPHENATED = re.compile(r"-[ \t]*(?:\n[ \t]*){1,2}(?=(?P<capital>[A-Z])?)")  # (OCR may double the break)


def joined_hyphenation(text: str) -> str:
    """A name hyphenated over a line break, as justified text sets it, joined: "Slie-\ndrecht" is
    "Sliedrecht"; before a capital the hyphen is the name's own ("Borger-\nOdoorn" is "Borger-Odoorn")."""
    return _HYPHENATED.sub(lambda match: "-" if match["capital"] else "", text)


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


def _furniture_end(text: str, match: re.Match[str]) -> int:
    """Where the host's furniture ends: after its "Transcript <title>" line, or, where a text layer ran
    the letter's header into that line ("Transcript <title>Victorialaan 1 … Geachte griffier,"), right
    after the title it repeats; the rest of the line is the letter's."""
    line_start = text.rfind("\n", 0, match.end() - 1) + 1
    title = " ".join(text[: match.end("title")].split())
    repeated = re.compile(r"Transcript[ \t]+" + r"[ \t]+".join(map(re.escape, title.split())))
    on_line = repeated.match(text, line_start) if title else None
    if on_line is None or not text[on_line.end() : text.find("\n", on_line.end())].strip():
        return match.end()
    return on_line.end()


# A document host's list of other documents under the one it carries, from its heading on a line of
# its own to the end of the page ("Vergelijkbare documenten", "Gerelateerde documenten", "Related
# documents"): other letters' titles, dates and bodies, none of them this letter's.
_HOST_TAIL = re.compile(
    r"^[ \t]*(?:vergelijkbare|gerelateerde|verwante|soortgelijke|related|similar)[ \t]+document(?:en|s)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def blanked(text: str, start: int, end: int | None = None) -> str:
    """`text` with text[start:end] (to its end by default) made blank: every character but the line
    breaks a space, so the offsets of what stays are the original's."""
    end = len(text) if end is None else end
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def blank_host_preamble(text: str) -> str:
    """`text` with a document host's furniture (see above) blanked, its title line kept: every other
    character but the line breaks becomes a space, so offsets into the text stay the original's."""
    match = _HOST_PREAMBLE.match(text)
    if match is None:
        return text
    return blanked(text, match.end("title"), _furniture_end(text, match))


def blank_host_furniture(text: str) -> str:
    """`blank_host_preamble`, and the host's list of other documents (`_HOST_TAIL`) blanked too."""
    tail = _HOST_TAIL.search(text)
    return blank_host_preamble(text if tail is None else blanked(text, tail.start()))
