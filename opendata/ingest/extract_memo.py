"""A memo's header rows: "Aan …" and "Van …" on lines of their own near the top, with or without the
colon, as a municipality's memo form or a programme's note sets them ("Aan Projectorganisatie Zuidasdok
t.a.v. …" / "Van Karin de Wit (directeur Ruimtelijke Ontwikkeling)"; "Van: Programmaorganisatie
Zuidasdok Datum: 29-9-2023" / "Aan: Project Locatieonderzoek Status: Definitief"). A second column OCR
ran onto a row ("Datum: …", "Status: …") and an attention line ("t.a.v. …") are no part of its value. An
e-mail's header ("Van:" over "Verzonden:") is no memo."""

from __future__ import annotations

import re
from typing import NamedTuple

from opendata.ingest.extract_sender import MAIL_DISPATCH
from opendata.ingest.extract_signatures import NAME, ROLE_WORDS, looks_like_body

_MEMO_LINES = 20  # the rows stand among a memo's first lines
_ROW_GAP = 3  # at most this many lines between the "Aan" and the "Van" row
_ROW = re.compile(
    r"^[ \t]*(?P<label>Aan|Van)(?:[ \t]*:[ \t]*(?P<labelled>\S[^\n]{1,120}?)"
    # without the colon, a capital after the label: "Aan de orde is …" opens a sentence
    r"|[ \t]+(?P<value>(?:(?:de|het)[ \t]+)?[A-Z][^\n]{1,120}?))[ \t]*$",
    re.MULTILINE,
)
_NEXT_COLUMN = re.compile(
    r"[ \t,]+(?:(?:Datum|Status|Kenmerk|Telefoon|Classificatie|Versie)[ \t]*:|t\.?[ \t]?a\.?[ \t]?v\.?(?![\w]))",
    re.IGNORECASE,
)
# An e-mail's header beside its dispatch line (MAIL_DISPATCH): its copies or dispatch label without a time,
# or a reply's or forward's subject ("Onderwerp: FW: …").
_MAIL_MARKS = re.compile(
    r"^[ \t]*(?:(?:Verzonden|Sent|Cc|Bcc)[ \t]*:|(?:Onderwerp|Subject)[ \t]*:[ \t]*(?:RE|FW|FWD|AW|WG|Antw)[ \t]*:)",
    re.IGNORECASE | re.MULTILINE,
)
# A person with the post in brackets or after a comma: "Karin de Wit (directeur Ruimtelijke …)".
_PERSON_WITH_POST = re.compile(
    r"(?P<name>[^(,\n]+?)[ \t]*(?:\((?P<bracketed>[^)\n]+)\)|,[ \t]*(?P<after>[^\n]+))"
)


class Span(NamedTuple):
    start: int
    end: int


class MemoRows(NamedTuple):
    to: Span  # the "Aan" row's value
    sender: Span  # the "Van" row's value
    first: int  # where the first of the two rows starts


def memo_rows(text: str) -> MemoRows | None:
    """The "Aan" and "Van" rows of a memo's head (see above), or None."""
    head_end = _line_offset(text, _MEMO_LINES)
    if MAIL_DISPATCH.search(text, 0, head_end) or _MAIL_MARKS.search(text, 0, head_end):
        return None
    rows: dict[str, re.Match[str]] = {}
    for row in _ROW.finditer(text, 0, head_end):
        rows.setdefault(row["label"], row)
    if len(rows) < 2 or text.count("\n", *sorted((rows["Aan"].start(), rows["Van"].start()))) > _ROW_GAP:
        return None
    first = min(rows["Aan"].start(), rows["Van"].start())
    return MemoRows(_value(text, rows["Aan"]), _value(text, rows["Van"]), first)


# The memo's title on the line above its rows: words, no label, no document kind ("Memo") and no body's
# name opening it (a letterhead: "Gemeente Amsterdam").
_TITLE = re.compile(r"[ \t]*(?P<title>[A-Z][^\n:]*?[ \t][^\n:]*?)[ \t]*")
_KIND_OR_BODY = re.compile(r"(?:memo|memorandum|notitie|gemeente|provincie|waterschap)\b", re.IGNORECASE)


def memo_title(text: str, rows: MemoRows) -> Span | None:
    """The memo's title above its rows (see above), or None."""
    line_end = text.rfind("\n", 0, rows.first)
    if line_end <= 0:
        return None
    line_start = text.rfind("\n", 0, line_end) + 1
    title = _TITLE.fullmatch(text, line_start, line_end)
    if title is None or _KIND_OR_BODY.match(title["title"]):
        return None
    return Span(*title.span("title"))


class Writer(NamedTuple):
    name: Span
    role: tuple[str, Span] | None  # the post as ROLE_WORDS has it, and where it is written


def person_with_post(text: str, span: Span) -> Writer | None:
    """The person a "Van" row names, with the post written beside the name ("Karin de Wit
    (directeur Ruimtelijke Ontwikkeling)" gives "directeur"), or None when the row names no person."""
    value = text[span.start : span.end]
    written = _PERSON_WITH_POST.fullmatch(value)
    name = written["name"] if written else value
    if NAME.fullmatch(name) is None or looks_like_body(name):
        return None
    if written is None:
        return Writer(Span(span.start, span.start + len(name)), None)
    group = "bracketed" if written["bracketed"] else "after"
    post_start = span.start + written.start(group)
    words = written[group].lower().split()
    for key in (" ".join(words[:2]), " ".join(words[:1])):
        if key in ROLE_WORDS:
            return Writer(
                Span(span.start, span.start + len(name)),
                (ROLE_WORDS[key], Span(post_start, post_start + len(key))),
            )
    return Writer(Span(span.start, span.start + len(name)), None)


# A row that names a unit without its organisation ("Van Directie Zuidas"), a person by post ("Aan
# Wethouder van Dantzig", "Aan de heer …") or people ("Aan Bewoners en ondernemers omgeving …", "Aan
# Projectmanagers ArenAPoort, RAI, …"): no body of its own.
_UNIT_OR_POST = re.compile(
    r"(?:(?:de|het)[ \t]+)?(?:afdeling|directie|team|sector|cluster|bureau|de[ \t]+heer|mevrouw|"
    r"bewoners|omwonenden|ondernemers|betrokkenen|belanghebbenden|deelnemers|medewerkers|collega['’]?s|"
    r"\w*managers|\w*leiders|\w*adviseurs|"
    + "|".join(sorted((re.escape(word) for word in ROLE_WORDS), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def names_a_body(text: str, span: Span) -> bool:
    """Whether a row's value names a body: no unit without its organisation, no person, no post."""
    value = text[span.start : span.end]
    return _UNIT_OR_POST.match(value) is None and person_with_post(text, span) is None


def _value(text: str, row: re.Match[str]) -> Span:
    start, end = row.span("labelled" if row["labelled"] else "value")
    cut = _NEXT_COLUMN.search(text, start, end)
    return Span(start, cut.start() if cut else end)


def _line_offset(text: str, lines: int) -> int:
    position = 0
    for _ in range(lines):
        position = text.find("\n", position) + 1
        if position == 0:
            return len(text)
    return position
