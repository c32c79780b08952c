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
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from opendata.ingest.extract_dates import find_dates
from opendata.ingest.extract_noise import doubled_line_breaks, matched_group, noisy, noisy_alternatives

OURS, YOURS, DOSSIER = "our", "your", "dossier"
LABELS = {
    "ons kenmerk": OURS,
    "onze kenmerk": OURS,
    "ons kenmerk brief": OURS,
    "onze referentie": OURS,
    "mijn kenmerk": OURS,  # a lawyer's or a resident's own: "DATUM: MIJN DOSSIER: UW REFERENTIE:"
    "mijn referentie": OURS,
    "mijn dossier": OURS,
    "ons nummer": OURS,
    "ons nr": OURS,
    "onze ref": OURS,
    "briefnummer": OURS,
    "ons briefnummer": OURS,
    "kenmerk": OURS,
    "referentie": OURS,
    "registratienummer": OURS,
    "documentnummer": OURS,
    "brief nummer": OURS,
    "nummer": OURS,
    "nr": OURS,
    "ons registratienummer": OURS,
    "verzendnummer": OURS,
    "ledenbrief nummer": OURS,
    # a company's own number for what it writes: an offer, an order's confirmation, a reservation's
    "offertenummer": OURS,
    "ons ordernummer": OURS,
    "ordernummer": OURS,
    "bevestigingsnummer": OURS,
    "ledenbriefnummer": OURS,
    "gs-kenmerk": OURS,  # a statenvoorstel's header: "Datum GS-kenmerk Inlichtingen bij Gedeputeerde(n)"
    "uw kenmerk": YOURS,
    "uw referentie": YOURS,
    "uw nummer": YOURS,
    "uw dossier": YOURS,  # a lawyer's file number, as the answer names it: "inzake uw dossier 20180041/TH/kt"
    "uw dossiernummer": YOURS,
    "uw nr": YOURS,
    "uw ref": YOURS,
    "uw briefnummer": YOURS,
    "zaaknummer": DOSSIER,
    "zaaknr": DOSSIER,
    "zaak": DOSSIER,
    "dossiernummer": DOSSIER,
    "dossier": DOSSIER,
    "dossiernr": DOSSIER,
    "zaakkenmerk": DOSSIER,
    "ons zaaknummer": DOSSIER,
    "zaak nummer": DOSSIER,
}
_VALUE = (
    # a prefix set apart: "W 22001", "Lbr. 22/059", "DL. 2001/4749"
    r"(?:[A-Z]{1,4} (?=[0-9]{3})|[A-Z][A-Za-z]{1,3}\.[ ]?(?=[0-9]{2}))?"
    # "&" inside a reference, as a unit's abbreviation writes it: "V&OR/UIT/2020007180"
    r"[A-Za-z0-9](?:[A-Za-z0-9./_\\-]|&(?=[A-Za-z0-9]))*(?:[ ]?[/-][ ]?[A-Za-z0-9](?:[A-Za-z0-9./_\\-]|&(?=[A-Za-z0-9]))*)*"
)
VALUE = _VALUE  # a reference as a pattern, for labels elsewhere ("(Lbr. 21/077)" after a cited date)
_EMPTY_VALUES = {"-", "--", "geen", "n.v.t.", "nvt", "n.v.t", "onbekend"}
# Labels that also number a document inside a series ("Nr. 9 BRIEF VAN DE MINISTER …" is the ninth
# paper of a Kamerstuk dossier): under them a bare number of one to four digits is no reference.
_SERIAL_LABELS = {"nr", "nummer"}
_GLUE = re.compile(
    r"(?<=[0-9])(?=(?:DOS|ZK|Z|D|ZAAK|DOC|INT|UIT|BRF)[-/][0-9])"
    r"|(?<=[0-9])(?=(?![OIl]+[-/])[A-Z]{2,5}[-/][0-9]{2,})"
)
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
    alternatives = noisy_alternatives((f"l{index}", label) for index, label in enumerate(LABEL_ORDER))
    return re.compile(
        rf"^[ \t]*{_FRISIAN_LABEL}(?:{alternatives})(?![^\W\d_])(?P<after>\.?[ \t]*(?::|\.|(?=\n))?)",
        re.IGNORECASE | re.MULTILINE,
    )


# A Frisian label before its Dutch one, as Fryslân's bodies print them: "Ús kenmerk/Ons kenmerk",
# "Jo kenmerk/Uw kenmerk", "Jo brief fan/Uw brief van".
_FRISIAN_LABEL = r"(?:(?:[ÚU]s|Jo)[ \t]+(?:kenmerk|brief(?:[ \t]+fan)?)[ \t]*/[ \t]*)?"


# Labels distinctive enough to be taken inside a line too, where a text layer ran the header's
# columns together ("… Behandeld Ons kenmerk 2017/6959 Telefoon Uw kenmerk - Maastricht …").
_INLINE_LABELS = tuple(
    label for label in LABELS if " " in label or label in ("zaaknummer", "dossiernummer", "briefnummer")
)


# A one-word label only with its colon ("… deelnemende gemeenten, Leiden: 28 april 2014 Kenmerk:
# UIT-14-05096 Contact: …"): without one, "kenmerk" and "nummer" are words of a sentence; nor is it
# the last word of "Uw kenmerk:" where that label opens a line.
_INLINE_COLON_LABELS = ("kenmerk", "referentie", "registratienummer", "documentnummer")


@functools.cache
def inline_label_pattern() -> re.Pattern[str]:
    labels = sorted(_INLINE_LABELS, key=len, reverse=True)
    alternatives = noisy_alternatives((f"l{LABEL_ORDER.index(label)}", label) for label in labels)
    colon = noisy_alternatives((f"l{LABEL_ORDER.index(label)}", label) for label in _INLINE_COLON_LABELS)
    number = _INLINE_NUMBER.format(nr=f"l{LABEL_ORDER.index('nr')}", nummer=f"l{LABEL_ORDER.index('nummer')}")
    return re.compile(
        rf"(?<=[ \t])(?:(?:{alternatives})(?![^\W\d_])"
        # (or without its colon where it heads a column of the header beside another, its value set apart
        # by wide spaces: "Postbus 18      Kenmerk    18/00456")
        rf"|(?<!uw[ \t])(?<!ons[ \t])(?<!onze[ \t])(?:{colon})(?=[ \t]*:|[ \t]{{2,}}[^\s,;]*[0-9])"
        rf"|{number})(?P<after>\.?[ \t]*:?)",
        re.IGNORECASE,
    )


# "Nr.:" or "Nummer:" inside a line, as a run-in header numbers its letter ("Aan de leden van Provinciale
# Staten. Nr.: 2004-13.353/21/A.13, W Groningen, 27 mei 2004", "Tel nr: 8429 Nummer: 17A.01172"): only
# with its colon, before a number of parts (digits on both sides of a "-", "/" or "."), and after a
# sentence's or a value's end: after a word it is that word's number ("Tel nr:", "BTW nummer:", "Project
# Nr:", "Uw nr:", "tel. nr:").
_INLINE_NUMBER = (
    r"(?<=[.,;:0-9)][ \t])(?<!tel\.[ \t])(?<!fax\.[ \t])"
    r"(?:(?P<{nr}>nr)|(?P<{nummer}>nummer))(?=\.?[ \t]*:[ \t]*[^\s,;]*[0-9][^\s,;]*[-/.][^\s,;]*[0-9])"
)


LABEL_ORDER = sorted(LABELS, key=len, reverse=True)


def _label_role(match: re.Match[str]) -> str:
    return LABELS[LABEL_ORDER[int(matched_group(match, "l")[1:])]]


def clean_reference(raw: str) -> str:
    """A reference as written, with spaces around its separators and look-alike digits undone."""
    value = re.sub(r"\s*([/-])\s*", r"\1", raw.strip())
    return _DIGIT_RUN.sub(lambda m: m[0].translate(str.maketrans("lI|O", "1110")), value)


def split_glued(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the references glued together in text[start:end] (one span when none are glued)."""
    # a cut needs a reference's worth before it ("1ST-2022-6932358" is one reference, not "1" + "ST-…")
    cuts = [start] + [start + m.start() for m in _GLUE.finditer(text[start:end]) if m.start() >= 5] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def value_after(text: str, position: int, *, next_line: bool) -> tuple[int, int] | None:
    """The span of the reference that follows a label ending at `position`, or None."""
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    # a scan may read the rule under a label as underscores before the value ("Ons kenmerk __WIE/…"),
    # set apart from it by a space too ("Ons kenmerk _ ID 1261")
    # (and OCR's bracket before the value: "Ons kenmerk _ [ID 1260")
    match = re.compile(rf"[ \t:.]*(?:_+[ \t]*)?\[?(?P<v>{_VALUE})").match(text, position, line_end)
    if match is None and next_line:
        following = re.compile(rf"\s*\n[ \t]*_*(?P<v>{_VALUE})[ \t]*(?:\n|$)").match(text, line_end)
        if following and not label_pattern().match(text, following.start("v")):
            match = following
        elif following is None:
            match = _beside_date_line(text, line_end)
    if match is None:
        return None
    start, end = match.span("v")
    broken = _BROKEN_TAIL.match(text, end) if _BROKEN_HEAD.fullmatch(text, start, end) else None
    if broken:  # "PZH-2019-" / "678010037": a reference broken after its hyphen at the line's end
        end = broken.end("rest") if broken["rest"] else broken.end("rest2")
    while end > start and text[end - 1] in "./-_":
        end -= 1
    if text[start:end].lower().strip(".") in _EMPTY_VALUES or not re.search(r"[0-9]", text[start:end]):
        return None
    if _DAMAGED_WORD.fullmatch(text, start, end):
        return None  # the next label as OCR read it ("uw kenmerk behande1d door"): no value
    if end - start < 2 or (re.fullmatch(r"[0-9]{1,2}", text[start:end]) and _MONTH_AFTER.match(text, end)):
        return (
            None  # a lone mark ("Uw kenmerk 0 J 1 JULI"), a day ("zaaknummer 1 april"): the value is missing
        )
    if re.fullmatch(r"[0-9][A-Za-z]|[A-Za-z][0-9]", text[start:end]):
        return None  # a receipt stamp's field that OCR read as scraps ("Zaak : 2d a Ie"): no number
    return start, end


def _footer_label(text: str, header_end: int) -> list[ReferenceMatch]:
    """Our reference after its label and colon in a footer line's column past the header (three spaces
    or more before the label), where nothing else gave one: the first such label's value."""
    for match in inline_label_pattern().finditer(text, header_end):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _label_role(match) != OURS or ":" not in match["after"]:
            continue
        if not re.search(r"[ \t]{3,}\Z", text[line_start : match.start()]):
            continue
        span = value_after(text, match.end(), next_line=False)
        if span is not None:
            return _pieces(text, span, OURS, 0.6)
    return []


# The value under a side column's label that ends its line, in the label's column, beside the main
# column's text on both lines (the Rijkshuisstijl: "Datum 23 oktober 2018      Onze referentie" over
# "Betreft Interbestuurlijk toezicht     2018-0047215").
_COLUMN_GAP = re.compile(r"(?:^|[ \t]{3,})\Z")


_COLUMN_OURS = re.compile(
    rf"[ \t]{{3}}(?P<label>{noisy('ons kenmerk')}|{noisy('onze referentie')}|{noisy('kenmerk')})[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


_CELL_VALUE = re.compile(
    rf"(?P<v>{_VALUE})[ \t]*(?:$|[ \t]{{3}})", re.MULTILINE
)  # a column's value, alone in it


def column_value(text: str, label_start: int, label_end: int) -> tuple[int, int] | None:
    """The span of the reference under a label that ends its line in a column of its own (at least
    three spaces from the text before it, or the line's first word), in that column of the next line."""
    line_start = text.rfind("\n", 0, label_start) + 1
    line_end = text.find("\n", label_end)
    column = label_start - line_start
    if line_end < 0 or column < 20 or text[label_end:line_end].strip(" \t:"):
        return None
    if not _COLUMN_GAP.search(text[line_start:label_start]):
        return None
    next_start = line_end + 1
    if text.startswith("\n", next_start) and doubled_line_breaks(text[: max(line_end, 1)]):
        next_start += 1  # OCR doubled every line break
    next_end = text.find("\n", next_start)
    next_end = len(text) if next_end < 0 else next_end
    # the value's column, a few characters either way (OCR adds and drops characters on the line before it)
    for cell in re.finditer(r"(?:^|(?<=[ \t]{2}))(?=\S)", text[next_start:next_end]):
        if abs(cell.start() - column) > 6:
            continue
        value = _CELL_VALUE.match(text, next_start + cell.start(), next_end)
        if value is not None and re.search(r"[0-9]", value["v"]):
            return value.span("v")
    return None


# A side column's label alone on its line ("Ons kenmerk") whose value OCR ran onto the main column's
# date line beside it: "Datum 1 maart 2011 5687928/11". The value is the one token after the date.
_DATE_LINE_VALUE = re.compile(
    rf"[ \t]*\n(?:[ \t]*\n)?[ \t]*{noisy('datum')}[ \t:]+(?P<date>[^\n]+?)[ \t]+(?P<v>{_VALUE})[ \t]*(?:\n|$)",
    re.IGNORECASE,
)


def _beside_date_line(text: str, line_end: int) -> re.Match[str] | None:
    """The value ending a "Datum <date>" line under a label alone on its line (see above)."""
    line = _DATE_LINE_VALUE.match(text, line_end)
    if line is None:
        return None
    dates = find_dates(text, *line.span("date"))
    return line if dates and (dates[0].start, dates[0].end) == line.span("date") else None


# A reference broken after its hyphen or slash at a line's end and joined back: the piece before the break
# has a digit and ends in the separator ("PZH-2019-", "08-"), the piece after it (on the next line, or the
# one after a blank line, as OCR sets it) ends its line or stands before a stop, and opens with a digit or
# a letter prefix and its separator ("678010037", "VW-B-097"). A word hyphenated over a line ("ont-" /
# "vangt") is no such piece, nor a count that opens a sentence ("2 bijlagen").
_BROKEN_HEAD = re.compile(r"[A-Za-z0-9][A-Za-z0-9./_-]*[0-9][A-Za-z0-9./_]*[-/]|[0-9]{2,}[-/]")
_BROKEN_TAIL = re.compile(
    r"(?:[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<rest>(?:[0-9]|[A-Z]{1,5}[-/][A-Z0-9])[A-Za-z0-9./_-]+)"
    # on one line, a space after the hyphen before a lettered part with separators of its own: "(uw kenmerk
    # 08- VW-B-097)"
    r"|[ ](?P<rest2>[A-Z]{1,5}[-/][A-Z0-9][A-Za-z0-9./_-]*))"
    r"(?=[ \t]*(?:\n|$)|[,;:)]|\.(?:\s|$))"
)


# A lower-case word with a look-alike digit in it ("behande1d", "verzonden" as "verz0nden") is a label
# or a word OCR damaged, not a reference.
_DAMAGED_WORD = re.compile(r"[a-z]{2,}[01][a-z]+|[a-z]+[01][a-z]{2,}")
_MONTH_AFTER = re.compile(
    r"[ \t]*(?:jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\b", re.IGNORECASE
)


def find_reference_lines(text: str, header_end: int) -> list[ReferenceMatch]:
    """Every labelled reference in the text: header labels (at a line's start, inside a run-together
    header line, or in a table of labels over values), and labels with a colon anywhere."""
    found: list[ReferenceMatch] = []
    line_starts = {match.start() for match in label_pattern().finditer(text)}
    matches = list(label_pattern().finditer(text))
    matches += [
        m for m in inline_label_pattern().finditer(text, 0, header_end) if m.start() not in line_starts
    ]
    for match in sorted(matches, key=lambda m: m.start()):
        in_header = match.start() < header_end
        if not in_header and ":" not in match["after"]:
            continue
        if in_header and _after_reference_label(text, match.start()):
            continue  # "Ons kenmerk Uw kenmerk 2021/1 …": labels run together, counted by label_run_references
        if in_header and _in_reference_label_row(text, match.start()):
            continue  # "Zaaknummer Uw brief Uw kenmerk" over "Z2024-0417": the row's values, read by table_references
        span = (column_value(text, match.start(), match.end()) if in_header else None) or value_after(
            text, match.end(), next_line=in_header
        )
        if span is None or _serial_number(text, span, match):
            continue
        found += _pieces(text, span, _label_role(match), 0.9 if in_header else 0.7)
    wrapped = wrapped_label(text, header_end)
    if wrapped and not any(item.start == wrapped.reference[0] for item in found):
        found += _pieces(text, wrapped.reference, OURS, 0.9)
    taken = {item.start for item in found}
    for role, start, end in table_references(text, header_end):
        if start not in taken:
            found += _pieces(text, (start, end), role, 0.75)
    taken = {item.start for item in found}
    for role, start, end in label_run_references(text, header_end):
        if start not in taken and not any(item.role == role for item in found):
            found += _pieces(text, (start, end), role, 0.75)
    taken = {item.start for item in found}
    for role, start, end in run_in_row_references(text, header_end):
        if start not in taken and not any(item.role == role for item in found):
            found += _pieces(text, (start, end), role, 0.7)
    taken = {item.start for item in found}
    for match in _COLUMN_OURS.finditer(text, 0, header_end):  # "Kenmerk" alone, at a column's head
        span = column_value(text, match.start("label"), match.end("label"))
        if span is not None and span[0] not in taken and not any(item.role == OURS for item in found):
            found += _pieces(text, span, OURS, 0.75)
    if not any(
        item.role == OURS for item in found
    ):  # the first page's foot: "Datum  Ons kenmerk …" over its values
        footer = [r for r in table_references(text, len(text)) if r[1] >= header_end and r[0] == OURS][:1]
        found += [piece for role, start, end in footer for piece in _pieces(text, (start, end), role, 0.7)]
    if not any(
        item.role == OURS for item in found
    ):  # a footer's "… www.gemeentehw.nl   Ons kenmerk: 2023-0021857"
        found += _footer_label(text, header_end)
    taken = {item.start for item in found}
    for match in label_pattern().finditer(text, 0, header_end):
        stacked = stacked_value(text, match.start())
        if stacked and stacked.start not in taken and re.fullmatch(_VALUE, text[stacked.start : stacked.end]):
            found += _pieces(text, (stacked.start, stacked.end), _label_role(match), 0.7)
    return sorted(found, key=lambda item: item.start)


# A header line holding a label and nothing else.
_LABEL_ONLY_LINE = re.compile(
    rf"[ \t]*(?:{noisy('ons kenmerk')}|{noisy('uw kenmerk')}|{noisy('kenmerk')}|{noisy('datum')}|"
    rf"{noisy('betreft')}|{noisy('onderwerp')}|{noisy('verzonden op')}|{noisy('verzonden')}|"
    rf"{noisy('verzenddatum')}|{noisy('zaaknummer')}|{noisy('uw brief van')}|bijlagen?|"
    rf"bijlage\(n\)|{noisy('doorkiesnummer')}|"
    # a municipality's column of contact labels ("Ons kenmerk / Datum / Afdeling / Contact / Telefoon /
    # E-mail / Bijlage(n)" over its values)
    r"afdeling|contact(?:persoon)?|telefoon(?:nummer)?|e-?mail(?:adres)?|behandeld[ \t]+door)[ \t]*:?[ \t]*",
    re.IGNORECASE,
)


class Stacked(NamedTuple):
    start: int
    end: int
    later: int  # values of the labels below this one, set after this value


def stacked_value(text: str, label_start: int) -> Stacked | None:
    """The value of the label on the line at `label_start` when a text layer read the header column
    by column: a run of label-only lines ("betreft" / "ons kenmerk" / "datum") followed by as many
    value lines in the same order ("Reactie VNG op de" / "ECFD/U201401827" / "29 september 2014")."""
    above = _LINE.findall(text, max(0, label_start - 400), label_start)
    index = len(list(itertools.takewhile(_LABEL_ONLY_LINE.fullmatch, reversed(above))))
    lines = [m.span() for m in _LINE.finditer(text, label_start, min(len(text), label_start + 1500))]
    labels_here = len(list(itertools.takewhile(lambda span: _LABEL_ONLY_LINE.fullmatch(text, *span), lines)))
    run = index + labels_here
    values = lines[labels_here : labels_here + run]
    if (
        not labels_here
        or run < 2
        or len(values) < run
        or any(_LABEL_ONLY_LINE.fullmatch(text, *span) for span in values)
    ):
        return None
    return Stacked(*values[index], run - index - 1)


_LINE = re.compile(r"\S(?:[^\n]*\S)?")  # a line without its surrounding blanks


def _serial_number(text: str, span: tuple[int, int], match: re.Match[str]) -> bool:
    """A bare document number under "Nr."/"Nummer", not a letter's reference."""
    label = LABEL_ORDER[int(matched_group(match, "l")[1:])]
    return label in _SERIAL_LABELS and re.fullmatch(r"[0-9]{1,4}", text[slice(*span)]) is not None


def _pieces(text: str, span: tuple[int, int], role: str, confidence: float) -> list[ReferenceMatch]:
    start, end = span
    while start < end - 1 and text[start] == "_":  # a scan's rule under the label, read as "_"
        start += 1
    pieces = split_glued(text, start, end)
    return [
        ReferenceMatch(
            role if index == 0 else DOSSIER, clean_reference(text[start:end]), start, end, confidence
        )
        for index, (start, end) in enumerate(pieces)
    ]


# ---------------------------------------------------------------- a row of labels over a row of values

COLUMN_LABELS = (
    "datum",
    "briefnummer",
    "zaaknummer",
    "kenmerk",
    "ons kenmerk",
    "uw kenmerk",
    "behandeld door",
    "telefoonnummer",
    "telefoon",
    "contactpersoon",
    "bijlage(n)",
    "bijlagen",
    "bijlage",
    "antwoord op",
    "onderwerp",
    "e-mail",
    "doorkiesnummer",
    "uw brief van",
    "verzonden",
    "verzenddatum",
    "datum verzending",
    "afdeling",
    "uw brief",
    "ons nummer",
    "dossiernummer",
    "onze referentie",
    "uw referentie",
    "mijn kenmerk",
    "mijn referentie",
    "mijn dossier",
    "registratienummer",
    "inlichtingen bij",
    "inlichtingen",
    "pagina",  # "Datum Kenmerk Zaaknummer Pagina Bijlagen …": OCR sets a template's label row on one line
    "gs-kenmerk",  # a statenvoorstel's row: "Datum GS-kenmerk Inlichtingen bij Gedeputeerde(n)"
    "gedeputeerde(n)",
)
# The first column of a row of labels whose value under it is the date sent.
DATE_COLUMNS = ("datum", "datum verzending", "verzenddatum", "verzonden")
_COLUMN = re.compile(
    "|".join(
        noisy(label).replace("\\(", "\\(").replace("\\)", "\\)")
        for label in sorted(COLUMN_LABELS, key=len, reverse=True)
    ),
    re.IGNORECASE,
)


def _column_name(written: str) -> str:
    """The label a (possibly OCR-damaged) column heading stands for."""
    for label in sorted(COLUMN_LABELS, key=len, reverse=True):
        if re.fullmatch(noisy(label), written, re.IGNORECASE):
            return label
    return written.lower()


def label_row(line: str) -> list[str] | None:
    """The labels of a line made only of column labels ("Datum Briefnummer Zaaknummer …"), or None."""
    labels = [_column_name(m[0]) for m in _COLUMN.finditer(line)]
    rest = _COLUMN.sub("", line).strip(" \t:|_")  # a scan's rule under a label read as "_" ("_Uw brief")
    return labels if len(labels) >= 2 and not rest else None


def table_rows(text: str, header_end: int):
    """(labels, values start, values end) of each label row in the header and the value row under it:
    the first line after it, within six lines, that is neither a label, nor a row of colons, nor a
    value that a colon introduces on its own line (": Afspraken …" belongs to an "Onderwerp" label)."""
    for row in re.finditer(r"^[^\n]*$", text[:header_end], re.MULTILINE):
        labels = label_row(row[0])
        if not labels:
            continue
        for value in re.finditer(
            r"^[ \t]*\S[^\n]*$", text[row.end() : _six_lines(text, row.end())], re.MULTILINE
        ):
            line = value[0].strip()
            if line.startswith(":") or label_row(line + " datum") or _COLUMN.fullmatch(line):
                continue
            yield labels, row.end() + value.start(), row.end() + value.end()
            break


def _six_lines(text: str, position: int) -> int:
    end = position
    for _ in range(6):
        following = text.find("\n", end + 1)
        if following < 0:
            return len(text)
        end = following
    return end


# A run of marks no reference, date or word holds, standing as a token of its own ("'<~\\").
_MARKS = re.compile(r"(?:(?<=\s)|^)[^\w\s.,:;/()\-–—]{2,}[^\w\s]*(?=\s|$)", re.MULTILINE)


def table_references(text: str, header_end: int) -> list[tuple[str, int, int]]:
    """References read from a table. Columns set apart by wide spaces pair with the labels by
    position; otherwise each reference column takes the next value with a digit in it, after the
    date when the first column is the date, and the first column that is no reference ends it."""
    found = []
    for labels, start, end in table_rows(text, header_end):
        if _MARKS.search(text, start, end):
            continue  # "Kenmerk zaaknummer" over "'<~\\^6pO": what OCR made of a stamp or a barcode, no value
        cells = list(re.finditer(r"\S+(?: \S+)*", text[start:end]))
        if _references_only(labels) and not (len(cells) == len(labels) and len(cells) >= 2):
            found += _counted_row(text, labels, start, end, next_lines=True)
            continue
        if len(cells) == len(labels) and len(cells) >= 2:
            for label, cell in zip(labels, cells):
                role = LABELS.get(label)
                value = cell[0].strip(" ,;")
                if role and re.search(r"[0-9]", value) and value.lower() not in _EMPTY_VALUES:
                    found.append((role, start + cell.start(), start + cell.start() + len(value)))
            continue
        position = start
        dates = find_dates(text, start, end)
        if labels[0] in DATE_COLUMNS and dates and dates[0].start - start < 3:
            position = dates[0].end
            labels = labels[1:]
        found += _references_in_order(text, labels, position, end, run_in=False)
    return found


# A row of only reference and date labels ("Ons kenmerk Uw kenmerk Datum", "Kenmerk Datum") over its
# values: the values are read in the labels' order only when there are as many as labels, on the next
# line ("ZW/2021/4471 RB-2021-88 3 maart 2021") or each on a line of its own below it, or after the labels
# on their own line ("Ons kenmerk Uw kenmerk VenW/DGW 2008/927 08-VW-B-097 Onderwerp"). A date is one
# value, "-" an empty one; a "Datum" column takes a date and a reference column none. Fewer or more
# values than labels leave the row unread: which label an value belongs to is then a guess.
_ROW_VALUE = re.compile(
    r"(?P<split>[A-Za-z&]{2,}/[A-Za-z&]{2,}[ ](?:19|20)[0-9]{2}/[0-9]+)"  # a unit and its number: "DGW 2008/927"
    rf"|(?P<empty>-{{1,2}}|n\.v\.t\.?)(?=\s|$)|(?P<v>{_VALUE})|(?P<other>\S+)"
)


def _references_only(labels: Sequence[str]) -> bool:
    return any(LABELS.get(label) for label in labels) and all(
        LABELS.get(label) or label == "datum" for label in labels
    )


def _row_values(text: str, start: int, end: int) -> list[tuple[int, int, str]] | None:
    """The values in text[start:end] as (start, end, kind): kind "date", "empty" or "value"."""
    values: list[tuple[int, int, str]] = []
    dates = {d.start: d for d in find_dates(text, start, end)}
    position = start
    while True:
        while position < end and text[position] in " \t":
            position += 1
        if position >= end:
            return values
        if position in dates:
            values.append((position, dates[position].end, "date"))
            position = dates[position].end
            continue
        match = _ROW_VALUE.match(text, position, end)
        if match is None:
            return None
        kind = "empty" if match["empty"] else "value"
        stop = match.end()
        spaced = re.search(r" [/-] ", match[0])  # "U03.99082 - 24 november 2003": a "-" cell between two
        if kind == "value" and spaced:
            stop = match.start() + spaced.start()
        stop = min([stop, *(d for d in dates if match.start() < d < stop)])
        values.append((match.start(), len(text[:stop].rstrip(" \t-/")), kind))
        position = stop


def _counted_row(
    text: str, labels: Sequence[str], start: int, end: int, *, next_lines: bool
) -> list[tuple[str, int, int]]:
    """The references of a row of reference and date labels whose values (from `start`) are as many
    as its labels (see above); none when they are not."""
    values = _row_values(text, start, end)
    if values is not None and len(values) == 1 and len(labels) > 1 and next_lines:
        lines = [m.span() for m in _LINE.finditer(text, end, min(len(text), end + 400))]
        below = [_row_values(text, *span) for span in lines[: len(labels) - 1]]
        if len(below) == len(labels) - 1 and all(b is not None and len(b) == 1 for b in below):
            values += [b[0] for b in below if b]
    if values is None or len(values) != len(labels):
        return []
    found = []
    for label, (a, b, kind) in zip(labels, values):
        if (label == "datum") != (kind == "date") and kind != "empty":
            return []
        role = LABELS.get(label)
        if role and kind == "value" and re.search(r"[0-9]", text[a:b]):
            while b > a and text[b - 1] in ".,;":
                b -= 1
            found.append((role, a, b))
    return found


def _after_reference_label(text: str, position: int) -> bool:
    """Whether a reference label ends right before `position` on its line, blanks only between."""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position].rstrip(" \t")
    labels = list(_COLUMN.finditer(before))
    return bool(labels) and labels[-1].end() == len(before) and _column_name(labels[-1][0]) in LABELS


def _in_reference_label_row(text: str, position: int) -> bool:
    """Whether the label at `position` stands in a row of column labels after a reference label of the
    row, labels only before it on its line: OCR sets a template's label row on one line with its empty
    columns closed up ("Zaaknummer Uw brief Uw kenmerk" over "Z2024-0417"), so the value on the next line
    is the row's (its first reference column's, as table_references reads it), not the last label's."""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    labels = label_row(before + " datum") if before.strip() else None
    return bool(labels) and any(LABELS.get(label) for label in (labels or [])[:-1])


def label_run_references(text: str, header_end: int) -> list[tuple[str, int, int]]:
    """References of a run of two or more reference and date labels with only blanks between them,
    inside a header line with their values after them (see above), up to the next label or the line's
    end."""
    found: list[tuple[str, int, int]] = []
    for line in re.finditer(r"[^\n]+", text[: max(header_end, 1)]):
        labels = list(_COLUMN.finditer(text, line.start(), line.end()))
        index = 0
        while index < len(labels):
            run = [labels[index]]
            while index + len(run) < len(labels) and not text[
                run[-1].end() : labels[index + len(run)].start()
            ].strip(" \t"):
                run.append(labels[index + len(run)])
            index += len(run)
            names = [_column_name(m[0]) for m in run]
            stop = labels[index].start() if index < len(labels) else line.end()
            if len(run) < 2 or not _references_only(names) or not text[run[-1].end() : stop].strip(" \t"):
                continue
            if re.match(r"[ \t]*:", text[run[-1].end() :]):
                continue  # "… Uw kenmerk: 2021/1": the last label's own value
            found += _counted_row(text, names, run[-1].end(), stop, next_lines=False)
    return found


# A row of labels run together with its values in one line of a text layer: "… Jaargang Datum Ons
# kenmerk Inlichtingen bij januari 2004 RWB/2003/3811 de heer B. Veldboom, telefoon Aan …" (each label
# without its value, the values following the last label in the labels' order).
_ROW_DATE = re.compile(
    r"[ \t]*(?:[0-9]{1,2}[-./][0-9]{1,2}[-./][0-9]{2,4}|(?:[0-9]{1,2}[ \t]+)?(?:januari|februari|maart|april|mei|juni|"
    r"juli|augustus|september|oktober|november|december)(?:[ \t]+[0-9]{4})?)",
    re.IGNORECASE,
)


_NUMERIC_DATE = re.compile(r"[0-9]{1,2}[-./][0-9]{1,2}[-./](?:19|20)[0-9]{2}")


def run_in_row_references(text: str, header_end: int) -> list[tuple[str, int, int]]:
    """References read from a run-in row of labels (see above): two or more column labels with only
    blanks between them, inside a line longer than 200 characters; the date first when the row opens
    with "Datum", then each reference label takes the next token with a digit, until a label that is
    no reference. A row that is followed by a label's own value (": …") is no such row."""
    found: list[tuple[str, int, int]] = []
    for line in re.finditer(r"[^\n]{200,}", text[: max(header_end, 1)]):
        labels: list[re.Match[str]] = []
        for match in _COLUMN.finditer(text, line.start(), line.end()):
            if labels and text[labels[-1].end() : match.start()].strip(" \t"):
                if len(labels) >= 2:
                    break
                labels = []
            labels.append(match)
        if len(labels) < 2 or not any(LABELS.get(_column_name(m[0])) for m in labels):
            continue
        position = labels[-1].end()
        if re.match(r"[ \t]*:", text[position:]):
            continue
        names = [_column_name(m[0]) for m in labels]
        end = min(line.end(), position + 160)
        if names[0] == "datum":
            date = _ROW_DATE.match(text, position, end)
            if date is None:
                continue
            position = date.end()
            names = names[1:]
        found += _references_in_order(text, names, position, end, run_in=True)
    return found


_DIGIT_TOKEN = re.compile(r"[^\s,;]*[0-9][^\s,;]*")
_NEXT_DIGIT_TOKEN = re.compile(r"[ \t]*(?P<v>[^\s,;]*[0-9][^\s,;]*)")


def _references_in_order(
    text: str, labels: Sequence[str], position: int, end: int, *, run_in: bool
) -> list[tuple[str, int, int]]:
    """The values of a row of labels, in the labels' order: each reference label takes the next token
    with a digit in text[position:end], and the first label that is no reference (or finds no token)
    ends the row. In a row run in with its values (`run_in`) the token follows at once (blanks only),
    has four characters or more and is no date: a date is the "Datum" column's value ("Kenmerk Datum
    27-1-2021": the Kenmerk is empty). Nor is a token that opens a date a reference: a row whose empty
    reference column OCR closed up ("Datum Kenmerk Bijlagen Uw brief …" over "28.05.2024 Geen 27 maart
    2024 …") would give the cited letter's day as the Kenmerk; the row ends there."""
    found: list[tuple[str, int, int]] = []
    date_starts = {date.start for date in find_dates(text, position, end)}
    for label in labels:
        role = LABELS.get(label)
        if role is None:
            break
        if run_in:
            token = _NEXT_DIGIT_TOKEN.match(text, position, end)
            if token is None or len(token["v"]) < 4 or _NUMERIC_DATE.fullmatch(token["v"]):
                break
            found.append((role, *token.span("v")))
        else:
            token = _DIGIT_TOKEN.search(text, position, end)
            if token is None or token.start() in date_starts:
                break
            found.append((role, token.start(), token.end()))
        position = token.end()
    return found


# A label column whose two-word label wraps ("Ons" / "kenmerk") where the text layer (a redacted
# letter's OCR layer) sets each value on the row of the label above its own: "Ons JZ/2021/1" /
# "kenmerk 5 juli 2021" / "Datum Juridische Zaken" / "Afdeling …" (or "Ons" / "JZ/2021/1" / "kenmerk
# 5 juli 2021"). The reference is the value beside (or under) "Ons"; the value on the "kenmerk" row
# belongs to the label on the row after it, which is read by the header's date rule.
# A logo's scraps may open both rows ("5 5 Ons JZ/2021/1" / "5 kenmerk 7 juli 2021"): figures or marks, no word.
_LOGO_SCRAPS = r"(?:[^\w\s]{1,2}[ \t]+|[0-9][ \t]+){0,3}"
_WRAPPED_OURS = re.compile(
    rf"^[ \t]*{_LOGO_SCRAPS}(?i:ons|onze)(?:[ \t]+(?P<beside>{_VALUE})|[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<under>{_VALUE}))"
    r"[ \t]*\n(?:[ \t]*\n)?"  # a blank line between the rows too, as an OCR layer may set them
    rf"[ \t]*{_LOGO_SCRAPS}(?i:kenmerk)(?![^\W\d_])[ \t]*(?P<shifted>[^\n]*)",
    re.MULTILINE,
)


class WrappedLabel(NamedTuple):
    reference: tuple[int, int]  # the value beside or under "Ons"
    shifted: tuple[int, int]  # the rest of the "kenmerk" row: the next label's value


def wrapped_label(text: str, header_end: int) -> WrappedLabel | None:
    """A wrapped "Ons / kenmerk" label whose values sit one row up (see above), in the header."""
    for match in _WRAPPED_OURS.finditer(text, 0, max(header_end, 1)):
        group = "beside" if match["beside"] else "under"
        start, end = match.span(group)
        if not re.search(r"[0-9]", text[start:end]) or text[start:end].lower() in _EMPTY_VALUES:
            continue
        return WrappedLabel((start, end), match.span("shifted"))
    return None


# The lower part of a side column that runs on beside the body (the central government's house style:
# the directorate's address, then "Ons kenmerk" over its value, beside the first paragraphs), which a
# text layer in reading order gives after the page's body: a label-only "Ons kenmerk" line, its value
# alone on the next line, and a blank line or the page's end after it, on the first page.
_SIDE_OURS = re.compile(
    rf"^[ \t]*(?:{noisy('ons kenmerk')}|{noisy('onze referentie')})[ \t]*:?[ \t]*\n"
    rf"[ \t]*(?P<v>{_VALUE})[ \t]*(?:\n[ \t]*\n|\n?\Z)",
    re.IGNORECASE | re.MULTILINE,
)


def side_column_reference(text: str, header_end: int) -> tuple[int, int] | None:
    """Our reference from a side column read after the first page's body (see above), when the
    header gave none; the first page ends at the reader's page break (two blank lines)."""
    page_end = text.find("\n\n\n", header_end)
    page_end = len(text) if page_end < 0 else page_end + 1
    matches = [m for m in _SIDE_OURS.finditer(text, header_end, page_end + 1) if re.search(r"[0-9]", m["v"])]
    if len(matches) != 1:
        return None
    return matches[0].span("v")


# The later pages' running header: "Ons kenmerk" (or "Kenmerk") on a line of its own, a scrap of one or two
# characters OCR set beside it at most ("Ons kenmerk 3"), its value alone on the next line.
_RUNNING_LABEL = re.compile(
    rf"^[ \t]*(?:{noisy('ons kenmerk')}|{noisy('kenmerk')})[ \t]*:?(?:[ \t]+\S{{1,2}})?[ \t]*\n[ \t]*(?P<value>{_VALUE})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def running_header_reference(text: str, start: int) -> tuple[int, int] | None:
    """The reference the running header of the later pages (from `start` on) repeats, for a letter whose
    first page gives none (its label column OCR'd in among the address lines: "… Ons kenmerk" with no
    value): only where the first two such headers give it alike."""
    values = [
        match.span("value")
        for match in _RUNNING_LABEL.finditer(text, start)
        if re.search(r"[0-9]", match["value"])
    ]
    if len(values) < 2 or text[slice(*values[0])] != text[slice(*values[1])]:
        return None
    return values[0]
