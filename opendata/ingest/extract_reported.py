"""A web page that reports a letter instead of carrying it: a province's news item ("Het College van
Gedeputeerde Staten … heeft vandaag een brief naar Provinciale Staten gestuurd"), a joint arrangement's
page ("In een brief aan Minister … lichten de gemeenten hun plannen toe", a link "Brief aan BZK …"), a
party's or a paper's report ("… een brief verstuurd aan minister Donner van Binnenlandse zaken …", "In
een brief aan de leden van Provinciale Staten informeert …", "… de minister van EZK een 'brandbrief'
gestuurd"). Without a salutation or an address, the sentence that reports the letter says whom it is
to: the body right after "brief aan/naar", or right before "een brief gestuurd"."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from opendata.ingest.extract_dates import DateMatch, find_dates
from opendata.ingest.extract_organisations import (
    GS,
    PS,
    OrgMention,
    is_ministry,
    ministry_at,
    ministry_written_out,
)
from opendata.ingest.extract_results import Found
from opendata.ingest.extract_results import found as _found

# How far into the text a report of its letter is read: a page's title, its first paragraphs and the
# letter's own link under them.
REPORT_REACH = 1200

_LETTER = r"[\w-]*brief"
_QUOTE = r"[‘’'\"“”]?"
_SENT = r"(?:gestuurd|verstuurd|gezonden|verzonden|geschreven|te[ \t]+sturen)"
# "brief aan …", "brief naar …", "brief verstuurd aan …", "brief gestuurd aan …"
_LETTER_TO = re.compile(
    rf"(?<![\w-]){_LETTER}{_QUOTE}(?:[ \t]+{_SENT})?[ \t]+(?:aan|naar)[ \t]+", re.IGNORECASE
)
# "… de minister van EZK een 'brandbrief' gestuurd": the addressee just before the letter.
_LETTER_SENT = re.compile(rf"[ \t]+een[ \t]+{_QUOTE}{_LETTER}{_QUOTE}[ \t]+{_SENT}\b", re.IGNORECASE)
# "Via deze GS-brief worden Provinciale Staten geïnformeerd", "Via deze brief worden de leden van
# Provinciale Staten over de planning nader geïnformeerd" (a few words of the sentence, none with a
# capital, before the verb)
_LETTER_INFORMS = re.compile(rf"(?<![\w-]){_LETTER}[ \t]+(?:wordt|worden)[ \t]+", re.IGNORECASE)
_INFORMED = re.compile(r"(?:[ \t]+[a-zà-ÿ]+){0,4}?[ \t]+(?:geïnformeerd|ingelicht)\b")
# Words between "aan" and the body: "de leden van de", "het".
_ARTICLE = re.compile(r"(?:(?:de|het)[ \t]+)?(?:leden[ \t]+van[ \t]+(?:de[ \t]+)?)?", re.IGNORECASE)
# A minister or state secretary, by name or not, of a ministry: "Minister Raymond Knops van het Ministerie
# van BZK", "minister Donner van Binnenlandse zaken en Koninkrijksrelaties", "de minister van EZK".
_MINISTER = re.compile(
    r"(?:de[ \t]+)?(?:[Mm]inister|[Ss]taatssecretaris)(?:[ \t]+[A-Z][\w'’.-]*){0,3}[ \t]+van[ \t]+",
)


def reported_addressees(text: str, found: Sequence[OrgMention]) -> tuple[Found, ...]:
    """The bodies the sentences in the text's first part report a letter to be sent to."""
    end = min(len(text), REPORT_REACH)
    addressees: dict[str, Found] = {}
    for match in _LETTER_TO.finditer(text, 0, end):
        body = _body_at(text, match.end(), found)
        if body is not None:
            addressees.setdefault(body.value, body)
    for match in _LETTER_INFORMS.finditer(text, 0, end):
        body = _body_at(text, match.end(), found)
        if body is not None and _INFORMED.match(text, body.end):
            addressees.setdefault(body.value, body)
    for match in _INFORMS_BY.finditer(
        text, 0, end
    ):  # "… informeerde minister X van BZK de provincie Limburg"
        ministry = ministry_at(text, match.end())
        body = _body_at(text, _SPACE.match(text, ministry[1]).end(), found) if ministry else None  # type: ignore[union-attr]
        if body is not None and _letter_in_sentence(text, match.start()):
            addressees.setdefault(body.value, body)
    for match in _LETTER_SENT.finditer(text, 0, end):
        body = _body_before(text, match.start(), found)
        if body is not None:
            addressees.setdefault(body.value, body)
    for match in _INFORM.finditer(text, 0, end):
        # "De ministers … informeren de Tweede Kamer over …" under a title "Kamerbrief over …": the body
        # informed, where the sentence or the page's title names the letter
        body = _body_at(text, match.end(), found)
        title = len(text) - len(text.lstrip())
        if body is not None and (_letter_in_sentence(text, match.start()) or in_letter_title(text, title)):
            addressees.setdefault(body.value, body)
    return tuple(addressees.values())


_INFORM = re.compile(r"\b(?:informeert|informeren|informeerde|informeerden)[ \t]+(?=(?:de|het)[ \t]+[A-Z])")


# "De commissaris van de Koning in de provincie Groningen heeft, mede namens …, … een brief gestuurd"
_HAS = re.compile(r"[ \t]*,?[ \t]+(?:heeft|hebben)\b")
_SENTENCE = re.compile(r"[^.!?\n]+")
_REPORTS_SENT = re.compile(rf"(?<![\w-]){_LETTER}{_QUOTE}\b[^.!?\n]{{0,80}}?\b{_SENT}\b", re.IGNORECASE)
# "… is door bestuur en fractie van LADA een brief verstuurd aan …": a party or body by its name
_SENT_BY = re.compile(
    r"\bdoor[ \t]+(?:(?:het[ \t]+)?bestuur[ \t]+en[ \t]+)?(?:(?:de[ \t]+)?fractie[ \t]+(?:van[ \t]+)?)?"
    rf"(?P<who>[A-Z][\w'’&-]*(?:[ \t]+[A-Z][\w'’&-]*){{0,3}})[ \t]+een[ \t]+{_QUOTE}{_LETTER}{_QUOTE}[ \t]+{_SENT}\b"
)
# "In een brief van … informeerde minister Ollongren van Binnenlandse Zaken en Koninkrijksrelaties …"
_INFORMS_BY = re.compile(
    r"\b(?:informeerde|informeert|schreef|schrijft)[ \t]+(?:de[ \t]+)?(?P<role>[Mm]inister|[Ss]taatssecretaris)"
    r"(?:[ \t]+[A-Z][\w'’.-]*){0,3}[ \t]+van[ \t]+"
)


_SPACE = re.compile(r"[ \t]*")


def _letter_in_sentence(text: str, position: int) -> bool:
    """Whether the sentence around `position` names a letter."""
    start = max(text.rfind(mark, 0, position) for mark in ".!?\n") + 1
    end = min((i for i in (text.find(mark, position) for mark in ".!?\n") if i >= 0), default=len(text))
    return re.search(rf"(?<![\w-]){_LETTER}\b", text[start:end], re.IGNORECASE) is not None


def reported_sender(text: str, found: Sequence[OrgMention]) -> Found | None:
    """The body the text's first part reports to have sent a letter, or None."""
    end = min(len(text), REPORT_REACH)
    for sentence in _SENTENCE.finditer(text, 0, end):
        informs = _INFORMS_BY.search(sentence[0])
        if informs is not None and _letter_in_sentence(text, sentence.start() + informs.start()):
            ministry = ministry_at(text, sentence.start() + informs.end())
            if ministry is not None:
                start = sentence.start() + informs.start("role")
                return _found(text, ministry[0], start, ministry[1], 0.5, informs["role"].lower())
        reported = _REPORTS_SENT.search(sentence[0])
        if reported is None:
            continue
        by = _SENT_BY.search(sentence[0])
        if by is not None:
            start = sentence.start() + by.start("who")
            mention = next((m for m in found if m.start == start and m.resolved), None)
            if mention is not None:
                return _found(text, mention.value, mention.start, mention.end, 0.5, mention.body)
            return _found(text, by["who"], start, sentence.start() + by.end("who"), 0.5)
        for mention in found:
            if (
                mention.resolved
                and sentence.start() <= mention.start
                and mention.end < sentence.start() + reported.start()
                and _HAS.match(text, mention.end)
            ):
                return _found(text, mention.value, mention.start, mention.end, 0.5, mention.body)
    return None


# The members of a body: "de nieuwe en herbenoemde Tweede Kamerleden", "de Statenleden".
_MEMBERS = re.compile(
    r"(?:(?:de|alle)[ \t]+)?(?:[a-z]+[ \t]+(?:en[ \t]+)?){0,3}(?:(?P<kamer>Tweede|Eerste)[ \t]+Kamerleden|"
    r"(?P<staten>[Ss]tatenleden))\b"
)
_KAMERS = {"Tweede": "oorg10002", "Eerste": "oorg10001"}


def _body_at(text: str, position: int, found: Sequence[OrgMention]) -> Found | None:
    """The addressee named at `position`: a registered body (or its members), Provinciale Staten, or a
    ministry (by name, abbreviation or minister)."""
    members = _MEMBERS.match(text, position)
    if members is not None:
        value = _KAMERS[members["kamer"]] if members["kamer"] else "Provinciale Staten"
        group = "kamer" if members["kamer"] else "staten"
        return _found(text, value, members.start(group), members.end(), 0.5)
    start = _ARTICLE.match(text, position).end()  # type: ignore[union-attr]  # (matches the empty string)
    minister = _MINISTER.match(text, start)
    if minister is not None:
        ministry = ministry_at(text, minister.end())
        return _found(text, ministry[0], minister.end(), ministry[1], 0.5) if ministry else None
    mention = next((m for m in found if m.start == start), None)
    if mention is not None:
        return _from(text, mention)
    ministry = ministry_at(text, start)
    return _found(text, ministry[0], start, ministry[1], 0.5) if ministry else None


def _body_before(text: str, end: int, found: Sequence[OrgMention]) -> Found | None:
    """The addressee named right before "een brief gestuurd": "de minister van EZK"."""
    line_start = text.rfind("\n", 0, end) + 1
    for minister in _MINISTER.finditer(text, line_start, end):
        ministry = ministry_at(text, minister.end())
        if ministry is not None and not text[ministry[1] : end].strip():
            return _found(text, ministry[0], minister.end(), ministry[1], 0.5)
    mention = next((m for m in found if m.end <= end and not text[m.end : end].strip()), None)
    return _from(text, mention) if mention is not None else None


def _from(text: str, mention: OrgMention) -> Found | None:
    if mention.resolved:
        return _found(text, mention.value, mention.start, mention.end, 0.5)
    if mention.body == PS:
        return _found(text, "Provinciale Staten", mention.start, mention.end, 0.5)
    if mention.body == GS:
        return _found(text, "Gedeputeerde Staten", mention.start, mention.end, 0.5)
    if is_ministry(mention.value):
        written = ministry_written_out(mention.value) or mention.value
        return _found(text, written, mention.start, mention.end, 0.5)
    return None


# A link to the letter: a line that opens with the letter's name and ends in its date, or opens with
# the date (the file's "dd-mm-yy") before the letter's name.
_LINK_LINE = re.compile(
    rf"^[ \t]*(?:[\w-]+[ \t]+)?{_LETTER}[ \t]+(?:van|aan)\b[^\n]*$", re.IGNORECASE | re.MULTILINE
)
_DATED_LINK = re.compile(
    rf"^[ \t]*(?P<d>[0-9]{{1,2}})-(?P<m>[0-9]{{1,2}})-(?P<y>[0-9]{{2}})[ \t]+{_LETTER}[ \t]+(?:van|aan)\b",
    re.IGNORECASE | re.MULTILINE,
)


def reported_date(text: str) -> DateMatch | None:
    """The date of the letter a page links to, or None."""
    for line in _LINK_LINE.finditer(text):
        dates = find_dates(text, *line.span())
        if dates and not text[dates[-1].end : line.end()].strip(" \t."):
            return dates[-1]
    for link in _DATED_LINK.finditer(text):
        try:
            day = datetime.date(2000 + int(link["y"]), int(link["m"]), int(link["d"]))
        except ValueError:
            continue
        return DateMatch(day.isoformat(), link.start("d"), link.end("y"), 0.6)
    return None


# A page's title that names a letter ("Felicitatiebrief Tweede Kamer", "Brief aan de Staten", up to two
# words in: "GS brief …", "Kerst 2019- brief burgemeester …"): the body in it is what the letter is about
# or to, not a letterhead; the letter gate counts such a title as a mark of a letter.
_LETTER_TITLE = re.compile(rf"[ \t]*(?:[\w-]+[ \t]+){{0,2}}{_LETTER}\b[^\n]*", re.IGNORECASE)


def _first_line(text: str) -> tuple[int, int]:
    """The span of the text's first line that holds more than blanks (its title on a web page)."""
    leading = len(text) - len(text.lstrip())
    line_end = text.find("\n", leading)
    return leading, len(text) if line_end < 0 else line_end


def letter_title(text: str) -> tuple[int, int] | None:
    """The span of the text's first line where that line is a title naming a letter, or None."""
    start, end = _first_line(text)
    return (start, end) if _LETTER_TITLE.fullmatch(text, start, end) else None


def in_letter_title(text: str, position: int) -> bool:
    """Whether `position` lies on the text's first line and that line is a title naming a letter."""
    title = letter_title(text)
    return title is not None and title[0] <= position < title[1]


# A page's title that names a body's reaction to a consultation or a bill: "Reactie VNG op
# consultatieverzoek …", "Bestuurlijke reactie IPO inzake …", "Reactie van de Unie van Waterschappen op …".
_REACTION_TITLE = re.compile(
    r"[ \t]*(?:[\w-]+[ \t]+){0,2}[Rr]eactie[ \t]+(?:van[ \t]+(?:de[ \t]+|het[ \t]+)?)?"
    r"(?P<who>[A-Z][\w'’&.-]*(?:[ \t]+(?:van[ \t]+)?[A-Z][\w'’&.-]*){0,4})[ \t]+(?:op|inzake|over)\b"
)


def reaction_title_sender(text: str, found: Sequence[OrgMention]) -> Found | None:
    """The body whose reaction the text's title says it is, as the register knows it or as written."""
    title = _REACTION_TITLE.match(text, *_first_line(text))
    if title is None:
        return None
    start, end = title.span("who")
    mention = next((m for m in found if m.start == start and m.resolved), None)
    if mention is not None:
        return _found(text, mention.value, mention.start, mention.end, 0.5, mention.body)
    return _found(text, title["who"], start, end, 0.5)
