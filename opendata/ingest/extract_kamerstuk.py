"""A minister's letter to the States General as the official publications print it (a Kamerstuk).

Its heading is not a letterhead: a dossier number with the dossier's title ("36 600 B Vaststelling
van de begrotingsstaat …", sometimes with the letter suffix on the next line), the paper's number in
that dossier with the writer in capitals ("Nr. 9 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN
KONINKRIJKSRELATIES"), "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal" and "Den Haag,
4 oktober 2024"; it closes on one line with the post and the name ("De minister van …, R.H.A.
Plasterk"). The dossier number is a dossier reference, the paper's number is no reference of the
letter, and the heading names the ministry that writes. A heading for two ministers together
("BRIEF VAN DE MINISTERS VAN …") names no single sender, and one cut off mid-name names none; nor does
a minister "voor" a portfolio ("BRIEF VAN DE MINISTER VOOR VREEMDELINGENZAKEN EN INTEGRATIE": a minister
without a ministry of that name). A heading may name a body instead of a minister ("BRIEF VAN DE ALGEMENE
REKENKAMER", "BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR BINNENLANDSE ZAKEN"): the register's
body, or a committee as written, writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from opendata.ingest.extract_dates import find_dates
from opendata.ingest.extract_noise import Span
from opendata.ingest.extract_organisations import ministry_at
from opendata.ingest.gazetteer import load_gazetteer

# A text layer that ran the heading's lines together goes on with the paper's next part: "… EN
# KONINKRIJKSRELATIES Aan de Voorzitter …", "… koninkrijksrelaties Vergaderjaar 2006-2007 Nr. 8 …".
_RUN_ON = r"(?=[ \t]+(?-i:Aan[ \t]+de|Den[ \t]+Haag,|Vergaderjaar|Nr\.)[ \t])"
# Capitals only: the heading is set in capitals, the body's "brief van de minister" is not. Several
# writers ("MINISTERS", "STAATSSECRETARISSEN", "MINISTER EN STAATSSECRETARIS") name no single sender;
# "BRIEF HOUDENDE INTREKKING …" names none, and the closing says who writes.
_HEADING = re.compile(
    r"\bBRIEF (?:VAN DE (?P<role>MINISTER EN STAATSSECRETARIS|MINISTERS|MINISTER|STAATSSECRETARISSEN|"
    r"STAATSSECRETARIS) (?P<prep>VAN|VOOR) (?P<name>[A-ZÀ-Ý][A-ZÀ-Ý ,'-]*?)|HOUDENDE [A-ZÀ-Ý ,'-]+?)"
    rf"(?:[ \t]*$|{_RUN_ON})",
    re.MULTILINE,
)
# A budget paper may set its heading in lower case after the dossier and paper numbers:
# "30800 C 8 Brief van de minister van binnenlandse zaken en koninkrijksrelaties"; a web copy of the
# paper after the paper's number alone, the dossier's line above it ("27625 Waterbeleid" / "Nr. 693
# Brief van de minister van Infrastructuur en Waterstaat").
_NUMBERED_HEADING = re.compile(
    r"(?:(?:^[ \t]*|(?<=[a-z0-9.][ \t]))[1-9][0-9] ?[0-9]{3}(?: [A-Z]{1,4})? |^[ \t]*Nr\.[ \t]*)[0-9]{1,4} Brief van de "
    r"(?P<role>minister|staatssecretaris) "
    rf"(?P<prep>van|voor) (?P<name>[a-zà-ý][a-zà-ý ,'-]*?)(?:[ \t]*$|{_RUN_ON})",
    re.MULTILINE | re.IGNORECASE,
)
# The rest of a heading the page wrapped onto the next line (a blank line may come between): capitals only.
_WRAPPED = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<rest>[A-ZÀ-Ý][A-ZÀ-Ý ,'-]{1,60}?)[ \t]*(?=\n|$)")
_JOINT = {"MINISTERS", "STAATSSECRETARISSEN", "MINISTER EN STAATSSECRETARIS"}
_SECOND_WRITER = re.compile(r"\s+EN\s+(?:DE\s+)?(?:MINISTER|STAATSSECRETARIS)\b", re.IGNORECASE)
# A body as the writer: "BRIEF VAN DE ALGEMENE REKENKAMER", "BRIEF VAN HET COLLEGE VAN …", "BRIEF VAN DE
# VOORZITTER VAN DE VASTE COMMISSIE VOOR BINNENLANDSE ZAKEN" (the chair writes for the committee).
_BODY_HEADING = re.compile(
    r"\bBRIEF VAN (?:DE|HET) (?!MINISTER|STAATSSECRETARIS)(?:VOORZITTER VAN (?:DE|HET) )?"
    r"(?P<body>[A-ZÀ-Ý][A-ZÀ-Ý ,'-]*?)"
    rf"(?:[ \t]*$|{_RUN_ON})",
    re.MULTILINE,
)
# A committee of a Kamer or of the Staten, which the register does not hold: kept as written.
_COMMITTEE = re.compile(r"(?:(?:VASTE|ALGEMENE|BIJZONDERE) )?COMMISSIE (?:VOOR|VAN) [A-ZÀ-Ý]")
# Eerste Kamer dossiers outside legislation are numbered in Roman numerals: "CII Nota «Bestuur …»".
_ROMAN_DOSSIER_LINE = re.compile(r"^[ \t]*(?P<number>[CLXVI]{2,8})(?=[ \t]+[A-Z«])", re.MULTILINE)
# A web copy names the paper as dossier-number: "Kamerstuk 33841-171", "ID: 31953-34".
_PAPER_ID = re.compile(
    r"\b(?:Kamerstuk|ID:)[ \t]*(?P<number>[1-9][0-9]{4}(?:-(?:[A-Z]{1,4}|[IVXL]+))?)-[0-9]{1,4}\b"
)
_DOSSIER_LINE = re.compile(
    r"^[ \t]*(?P<number>[1-9][0-9] ?[0-9]{3}(?:[ -](?:[A-Z]{1,4}|[IVXL]+)(?:-[A-Z]+)?)?)"
    r"(?=[ \t]|$)",
    re.MULTILINE,
)
_SUFFIX_LINE = re.compile(r"\n[ \t]*(?P<suffix>[A-Z]{1,4})[ \t]+[A-Z][a-z]")
_CLOSING = re.compile(
    r"^[ \t]*De\s+(?P<role>minister|staatssecretaris)\s+van\s+(?P<post>[^\n,]{3,90}),[ \t]*"
    r"(?P<name>[A-Z][^\n,]{1,60}?)[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_SMALL_WORDS = {"en", "van", "voor", "de", "het"}


@dataclass(frozen=True)
class Kamerstuk:
    heading: Span  # the "BRIEF VAN DE …" heading
    sender: Span | None  # "ministerie van …" with `role` as its body, or None
    role: str  # "minister" or "staatssecretaris"; "" when the heading names no writer
    joint: bool  # several writers: no single sender
    dossiers: tuple[Span, ...]  # "36 600 B", "36 600 C"
    dated: Span | None  # the ISO date after "Den Haag," below the heading
    body_writer: bool = False  # the heading names a body, not a minister ("BRIEF VAN DE ALGEMENE REKENKAMER")


# TOOI codes of the Staten-Generaal and its two chambers: the publisher of Kamerstukken and of the
# answers to written questions, never their writer
STATES_GENERAL = frozenset({"oorg10000", "oorg10001", "oorg10002"})


def ministry_name(capitals: str) -> str:
    """ "BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES" → "Binnenlandse Zaken en Koninkrijksrelaties"."""
    words = re.sub(r"\s+", " ", capitals).strip().split(" ")
    return " ".join(word.lower() if word.lower() in _SMALL_WORDS else word.capitalize() for word in words)


def find_kamerstuk(text: str) -> Kamerstuk | None:
    """The Kamerstuk heading in the first part of the text, or None for any other letter."""
    limit = min(len(text), 3000)
    heading = _HEADING.search(text, 0, limit) or _NUMBERED_HEADING.search(text, 0, limit)
    if heading is None:
        return _body_kamerstuk(text, limit) or _reply_kamerstuk(text)
    role_word = (heading["role"] or "").upper()
    role = "staatssecretaris" if role_word.startswith("STAATSSECRETARIS") else "minister" if role_word else ""
    name = (heading["name"] or "").strip(" ,")
    name_end = heading.start("name") + len(name) if heading["name"] else heading.end()
    wrapped = _WRAPPED.match(text, heading.end()) if re.search(r"\b(?:EN|VAN|VOOR)$", name) else None
    if (
        wrapped is not None
    ):  # "… VAN SOCIALE ZAKEN EN" / "WERKGELEGENHEID": the heading wrapped onto the next line
        name, name_end = f"{name} {wrapped['rest'].strip(' ,')}", wrapped.end("rest")
    sender = None
    # "MINISTER VAN KLIMAAT EN GROENE GROEI EN DE STAATSSECRETARIS VAN INFRASTRUCTUUR": a second writer
    # after the first one's ministry (the register's "… en Klimaat" names one ministry, "en de" two writers)
    second = _SECOND_WRITER.search(name)
    if second is not None:
        name, name_end = name[: second.start()], heading.start("name") + second.start()
    joint = role_word in _JOINT or second is not None
    portfolio = (heading["prep"] or "").upper() == "VOOR"  # a minister for a portfolio has no ministry
    if name and not joint and not portfolio and not re.search(r"\b(?:EN|VAN|VOOR)$", name, re.IGNORECASE):
        sender = Span(f"ministerie van {ministry_name(name)}", heading.start("name"), name_end)
    return Kamerstuk(
        Span(heading[0], heading.start(), heading.end()),
        sender,
        role,
        joint,
        _dossier_numbers(text, heading.start()),
        _dated(text, heading.end()),
    )


def _body_kamerstuk(text: str, limit: int) -> Kamerstuk | None:
    """A paper headed by a body as its writer ("Nr. 4 BRIEF VAN DE ALGEMENE REKENKAMER"): the register's
    body, a committee as written, or no sender where the heading names neither."""
    heading = _BODY_HEADING.search(text, 0, limit)
    if heading is None:
        return None
    written = heading["body"].strip(" ,")
    start = heading.start("body")
    name = ministry_name(written)
    gazetteer = load_gazetteer()
    resolution = gazetteer.resolve(name, fuzzy=False)
    sender = None
    if resolution is None and not _COMMITTEE.match(written):
        # "TWEEDE KAMER DER STATEN-GENERAAL": the register's shorter name, of two words or more
        words = name.split(" ")
        resolution = next(
            (
                r
                for n in range(len(words) - 1, 1, -1)
                if (r := gazetteer.resolve(" ".join(words[:n]), fuzzy=False))
            ),
            None,
        )
    if resolution is not None:
        sender = Span(resolution.code, start, start + len(written))
    elif _COMMITTEE.match(written):  # "VASTE COMMISSIE VOOR BINNENLANDSE ZAKEN": "vaste commissie voor …"
        words = name.split(" ")
        cut = next(i for i, word in enumerate(words) if word in ("voor", "van"))
        sender = Span(" ".join([w.lower() for w in words[:cut]] + words[cut:]), start, start + len(written))
    return Kamerstuk(
        Span(heading[0], heading.start(), heading.end()),
        sender,
        "",
        False,
        _dossier_numbers(text, heading.start()),
        _dated(text, heading.end()),
        body_writer=True,
    )


# The government's reply to a Kamer's report on a bill, a paper of the dossier as a minister's letter is:
# its heading in capitals on a line of its own under the dossier's lines and the paper's number ("nr. 5",
# "B1"), "Ontvangen <date>" (the Kamer's receipt) under it, the minister writing in the first person. The
# heading names no writer; the closing's minister, where the copy keeps it, writes.
_REPLY_HEADING = re.compile(
    r"^[ \t]*(?:(?:[Nn]r\.|[A-Z]?[0-9]{1,3})[ \t]+)?"
    r"(?P<heading>(?:NADERE[ \t]+)?MEMORIE[ \t]+VAN[ \t]+ANTWOORD|NOTA[ \t]+NAAR[ \t]+AANLEIDING[ \t]+VAN[ \t]+HET"
    r"(?:[ \t]+(?:NADER|TWEEDE|NADERE))?[ \t]+VERSLAG)[ \t]*$",
    re.MULTILINE,
)


# … or a copy without the heading, where the minister offers the paper in its first lines: "Hierbij bied
# ik u de nota naar aanleiding van het verslag … aan".
_REPLY_OFFERED = re.compile(
    r"\bHierbij[ \t]+(?:bied|zend)[ \t]+(?:ik|wij)[ \t]+u[ \t]+de[ \t]+(?P<heading>(?:nadere[ \t]+)?memorie[ \t]+van[ \t]+"
    r"antwoord|nota[ \t]+naar[ \t]+aanleiding[ \t]+van[ \t]+het[ \t]+(?:(?:nader|tweede|nadere)[ \t]+)?verslag)\b"
)


def government_reply(text: str) -> Span | None:
    """The heading of the government's reply on a bill, or the sentence offering it (see above), near
    the top, or None."""
    limit = min(len(text), 3000)
    match = _REPLY_HEADING.search(text, 0, limit) or _REPLY_OFFERED.search(text, 0, limit)
    return None if match is None else Span(match["heading"], match.start("heading"), match.end("heading"))


def _reply_kamerstuk(text: str) -> Kamerstuk | None:
    heading = government_reply(text)
    if heading is None:
        return None
    return Kamerstuk(heading, None, "", False, _dossier_numbers(text, heading.start), None)


def _dated(text: str, position: int) -> Span | None:
    """ "Den Haag, 4 oktober 2024" after the heading, on its own line or run onto the addressee's."""
    place = re.compile(r"(?<![\w-])Den Haag,[ \t]*").search(text, position, min(len(text), position + 400))
    if place is None:
        return None
    dates = find_dates(text, place.end(), min(len(text), place.end() + 40))
    if not dates or dates[0].start != place.end():
        return None
    return Span(dates[0].iso, dates[0].start, dates[0].end)


def _dossier_numbers(text: str, heading_start: int) -> tuple[Span, ...]:
    """Dossier numbers at the start of a line above the heading (or on the heading's own line)."""
    found: list[Span] = []
    heading_line_end = text.find("\n", heading_start)
    for match in _DOSSIER_LINE.finditer(text, 0, len(text) if heading_line_end < 0 else heading_line_end):
        number, end = match["number"], match.end("number")
        suffix = _SUFFIX_LINE.match(text, end) if not text[end : text.find("\n", end)].strip() else None
        if suffix and not re.search(r"[ -][A-Z]", number):  # "36 600" / "C Vaststelling …" is 36 600 C
            number, end = f"{number} {suffix['suffix']}", suffix.end("suffix")
        if all(span.value != number for span in found):
            found.append(Span(number, match.start("number"), end))
    for match in (
        *_ROMAN_DOSSIER_LINE.finditer(text, 0, heading_start),
        *_PAPER_ID.finditer(text, 0, heading_start),
    ):
        if all(span.value.replace(" ", "") != match["number"] for span in found):
            found.append(Span(match["number"], *match.span("number")))
    return tuple(found)


# A web copy's table or title names the paper as "<dossier> nr. <number>" ("Tweede Kamer der
# Staten-Generaal | 2013-2014 | 33118 nr. 16 |") where the copy lost the paper's heading.
_PAPER_NUMBER = re.compile(
    r"(?<![0-9])(?P<number>[1-9][0-9] ?[0-9]{3}(?:[ -](?:[A-Z]{1,4}|[IVXL]+))?)[ \t]+nr\.[ \t]*[0-9]{1,4}\b"
)
_TO_A_KAMER = re.compile(r"\bAan de Voorzitter van de (?:Tweede|Eerste) Kamer der Staten-Generaal\b")


def paper_dossier(text: str) -> Span | None:
    """The dossier of a letter to a Kamer from its web copy's "33118 nr. 16", near the top."""
    if _TO_A_KAMER.search(text, 0, min(len(text), 3000)) is None:
        return None
    match = _PAPER_NUMBER.search(text, 0, min(len(text), 600))
    return Span(match["number"], *match.span("number")) if match else None


def closing_signatory(text: str) -> tuple[Span, Span] | None:
    """(name, role) of a closing "De minister van …, R.H.A. Plasterk" set on one line, near the end."""
    closings = list(_CLOSING.finditer(text, max(0, len(text) - 1500)))
    if not closings:
        return None
    match = closings[-1]
    return (
        Span(match["name"].strip(), match.start("name"), match.end("name")),
        Span(match["role"].lower(), match.start("role"), match.end("role")),
    )


# Answers to members' written questions as the Kamer publishes them (the Aanhangsel): "Antwoord van
# Staatssecretaris Heijnen (Infrastructuur en Waterstaat), mede namens …" names the writer with the
# portfolio in brackets. A ministry's name there is the sender, the post its body; a second writer ("…
# (Landbouw, Natuur en Voedselkwaliteit) en van Minister Van der Wal-Zeggelink (Natuur en Stikstof)")
# leaves no single sender, and a portfolio that is no ministry's name ("voor Natuur en Stikstof") none.
_ANSWER = re.compile(
    r"^[ \t]*Antwoord[ \t]+van[ \t]+(?:de[ \t]+)?(?P<role>[Mm]inister|[Ss]taatssecretaris)[ \t]+"
    r"(?P<name>[A-Z][^\n()]{1,60}?)[ \t]*\((?P<portfolio>[^()\n]{3,80})\)",
    re.MULTILINE,
)
_ANSWER_SECOND = re.compile(
    r"[ \t]*\n?[ \t]*en[ \t]+(?:van[ \t]+)?(?:de[ \t]+)?(?:[Mm]inister|[Ss]taatssecretaris)", re.IGNORECASE
)


@dataclass(frozen=True)
class Answer:
    heading: Span  # "Antwoord van Staatssecretaris Heijnen (Infrastructuur en Waterstaat)"
    sender: Span | None  # "ministerie van …", or None for two writers or a portfolio of no ministry
    role: str  # "minister" or "staatssecretaris"


def answer_writer(text: str) -> Answer | None:
    """The writer of answers to written questions (see above), near the top, or None."""
    match = _ANSWER.search(text, 0, min(len(text), 2000))
    if match is None:
        return None
    role = match["role"].lower()
    sender = None
    if _ANSWER_SECOND.match(text, match.end()) is None:
        ministry = ministry_at(text, match.start("portfolio"))
        if ministry is not None and ministry[1] == match.end("portfolio"):
            sender = Span(ministry[0], match.start("portfolio"), match.end("portfolio"))
    return Answer(Span(match[0].strip(), match.start("role"), match.end()), sender, role)


# A member's written questions as the Kamer publishes them, before (or without) their answers: "Vragen van
# het lid Minhas (VVD) aan de Minister van Infrastructuur en Waterstaat over … (ingezonden 12 oktober
# 2022)." The questions are a letter to that minister's ministry, dated the day they were sent in; the
# member asks in his own name (no sender), several members or ministers name no single one.
_QUESTIONS = re.compile(
    r"^[ \t]*Vragen[ \t]+van[ \t]+(?:het[ \t]+lid|de[ \t]+leden)[ \t]+[^\n]{2,200}?[ \t]+aan[ \t]+de[ \t]+"
    r"(?P<role>[Mm]inister|[Ss]taatssecretaris)[ \t]+van[ \t]+(?P<portfolio>[A-Z][^\n]{2,200}?)"
    r"(?:[ \t]+over[ \t]+[^\n]*?)?\((?:ingezonden|ontvangen)[ \t]+(?P<sent>[^()\n]{6,30})\)",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Questions:
    heading: Span  # "Vragen van het lid … (ingezonden …)"
    addressee: Span | None  # "ministerie van …", or None for a portfolio of no ministry
    sent: Span | None  # the ISO date the questions were sent in


def written_questions(text: str) -> Questions | None:
    """A member's written questions heading the text (see above), or None."""
    match = _QUESTIONS.search(text, 0, min(len(text), 1500))
    if match is None:
        return None
    ministry = ministry_at(text, match.start("portfolio"))
    addressee = Span(ministry[0], match.start("portfolio"), ministry[1]) if ministry is not None else None
    dates = find_dates(text, *match.span("sent"))
    sent = Span(dates[0].iso, dates[0].start, dates[0].end) if dates else None
    return Questions(Span(match[0].strip(), match.start(), match.end()), addressee, sent)
