"""The letter's own references as found values and the letters it cites ("uw brief van 24 januari 2019,
kenmerk …"): their date, reference and writer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from opendata.ingest.extract_dates import MONTHS, DateMatch, find_dates
from opendata.ingest.extract_noise import noisy
from opendata.ingest.extract_organisations import OrgMention, find_kind_phrases, find_register_names
from opendata.ingest.extract_references import (
    DOSSIER,
    OURS,
    VALUE,
    YOURS,
    clean_reference,
    find_reference_lines,
    split_glued,
    table_rows,
    value_after,
)
from opendata.ingest.extract_results import Citation, Found, from_mention
from opendata.ingest.extract_results import found as _found

# The Tweede Kamer numbers every document and case it registers ("2019D37143", "2019Z17820"); a web copy
# of a Kamerstuk shows it as "Nummer: 2019D37143". It is the Kamer's registration, not the writer's reference;
# nor is a web copy's number of the paper itself, dossier and paper run together ("Nummer KST31234567").
# "Kenmerk 31234, nr. 567": a dossier and the paper's number in it, as a web copy labels a Kamerstuk.
_PAPER_IN_DOSSIER = re.compile(r",?[ \t]*nr\.[ \t]*[0-9]{1,4}\b")
_KAMER_NUMBER = re.compile(r"(?:19|20)[0-9]{2}[DZ][0-9]{5}|KST[0-9]{5,}[A-Z]*[0-9]*")


# A municipality's footer asks for its reference in the reply and gives it, with the page's number after
# it: "Graag ons kenmerk vermelden bij uw reactie. Kenmerk: JZ/2021/360536 1/2" (a scan whose header the
# OCR scrambled keeps it on every page; slashes OCR read as spaces stay: "BBOR 2021 253364").
_FOOTER_REFERENCE = re.compile(
    r"ons[ \t]+kenmerk[ \t]+vermelden[^.\n]{0,40}\.[ \t]*Kenmerk[ \t]*:[ \t]*"
    r"(?P<v>[A-Za-z0-9][^\s]*(?:[ \t](?![0-9]{1,2}/[0-9]{1,2}[ \t]*$)[^\s]+){0,3}?)"
    r"(?:[ \t]+[0-9]{1,2}/[0-9]{1,2})?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


_MAIL_OPENING = re.compile(r"\s*(?:Van|From)[ \t]*:")


def footer_reference(text: str) -> Found | None:
    """The reference a footer asks the reader to mention (see above), or None. A printed e-mail has no
    such footer of its own: one in it is the footer of a letter the e-mail sends, printed under it."""
    if _MAIL_OPENING.match(text):
        return None
    for match in _FOOTER_REFERENCE.finditer(text):
        value = match["v"]
        if re.search(r"[0-9]", value) and not re.fullmatch(r"[0-9]{1,2}/[0-9]{1,2}", value):
            return _found(text, value, *match.span("v"), 0.7)
    return None


# A receiver's registration of an incoming document ("Docnr: IN-18-19706"), and the case number under it.
_RECEIVER_REGISTRATION = re.compile(r"\bDoc(?:ument)?(?:nr|nummer)\.?[ \t]*:[ \t]*IN-[0-9]", re.IGNORECASE)


def references(text: str, head_end: int) -> tuple[Found | None, Found | None, list[Found]]:
    ours: Found | None = None
    yours: Found | None = None
    dossiers: list[Found] = []
    for ref in find_reference_lines(text, head_end):
        if _KAMER_NUMBER.fullmatch(ref.value) or _PAPER_IN_DOSSIER.match(text, ref.end):
            continue
        if _RECEIVER_REGISTRATION.search(text, max(0, ref.start - 80), ref.end):
            continue  # the receiver's stamp of an incoming letter: "Docnr: IN-18-19706 / Zaaknr: Z-18-32708"
        found = _found(text, ref.value, ref.start, ref.end, ref.confidence)
        if ref.role == OURS and ours is None:
            ours = found
        elif ref.role == YOURS and yours is None:
            yours = found
        elif ref.role == DOSSIER and all(d.value != ref.value for d in dossiers):
            dossiers.append(found)
    return ours or footer_reference(text), yours, dossiers


_CITE_AFTER = re.compile(
    # any kind of letter: "uw brief", "onze ledenbrief", "de bewonersbrief", "onze raadsinformatiebrief";
    # letters of one date: "In uw brieven van 8 juli 2020"
    r"(?:\b|(?<=naar))(?P<who>uw|vw|de|onze|hun|zijn|haar|mijn|een|bij|per)\s+(?:[a-z]{2,20})?brie(?:f|ven)\s+"
    r"(?:[‘'\"“][^’'\"”\n]{2,80}[’'\"”]\s+)?"  # its title quoted: "de brief ‘Stedenbeleid vanaf 2010’ van …"
    # a header's label with its colon: "Uw Kenmerk: 12.504528 Uw brief van: 3 december 2012"
    r"(?:van(?![a-z])(?:[ \t]*:)?|\(?d\.\s?d\.|gedateerd\b|met\s+dagtekening\b|verzonden\s+op\b)\s*",
    re.IGNORECASE,
)
_RECEIVED_ON = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:door|bij)[ \t]+(?:ons|mij)[ \t]+)?(?:ontvangen|binnengekomen|ingekomen)(?:[ \t]+op)?[ \t]*",
    re.IGNORECASE,
)
# A day and month without a year, "jl." (last) or not: "16 mei jl.", "23 september j.l.", "12 november".
_YEARLESS_DATE = re.compile(
    rf"[0-9]{{1,2}}[ \t]*(?:{'|'.join(m for m in MONTHS)})\b(?:[ \t]*(?:jl|j\.[ \t]?l)\.?)?(?![ \t]*[0-9'’])",
    re.IGNORECASE,
)
# A letter by which the reader was told something, dated with "op": "De Kamer is per brief op 19 juni 2023
# geïnformeerd", "bij brief op 3 maart" (the date straight after "op"; "uw brief op 3 mei ontvangen" is the
# day it came in, and stays out).
# An e-mail so dated with "van" or "op", the date straight after it: "is bevestigd per mail van 30 maart
# 2021", "heb ik per mail op 8 juli 2021 bevestigd".
_CITE_PER_LETTER_ON = re.compile(
    r"\b(?P<who>per|bij)\s+(?:brief\s+op|(?:e-?)?mail(?:bericht)?\s+(?:van|op))\s+(?=[0-9])", re.IGNORECASE
)
# A letter cited as what it was rather than as a "brief": the addressee's own request, e-mail,
# application or claim ("uw verzoek van 3 maart 2021, kenmerk …", "uw aanvraag d.d. …", "uw
# aansprakelijkstelling d.d. …") is a cited letter by its date; someone else's ("het verzoek van de
# vaste commissie … van 22 december 2011") only with its kenmerk: without one the corpus counts it no
# letter (tests/corpus/README.md).
_CITE_DOCUMENT = re.compile(
    r"\b(?P<who>uw|vw|het|de|een|mijn|onze)\s+(?:(?:Wob|Woo|WOB|WOO)-?)?(?:verzoek(?:schrift)?|e-?mail(?:bericht)?|"
    r"mail(?:bericht)?|aanvraag|aansprakelijkstelling|bezwaarschrift|schrijven|ontvangstbevestiging|offerte)\s+"
    # how it came: "uw offerte per mail d.d. 24 september 2020"
    r"(?:per\s+(?:e-?)?mail\s+)?"
    # what the request was made under, between it and its date: "uw verzoek in het kader van de Wet
    # openbaarheid van bestuur d.d. 7 december 2018"
    r"(?:(?:in\s+het\s+kader\s+van|op\s+grond\s+van)\s+(?:de\s+)?[^.;:\n]{2,60}?\s+(?=\(?d\.\s?d\.))?"
    r"(?:van(?![a-z])(?:[ \t]*:)?|\(?d\.\s?d\.|gedateerd\b|met\s+dagtekening\b|verzonden\s+op\b)\s*",
    re.IGNORECASE,
)
# A letter cited without an article, its date right after it: a footnote's "Brief d.d. 28 april 2021;
# brief d.d. 9 juni 2021", "Zie raadsbrief van 13 juni 2023"; a council letter by its kind and date
# after "zie (ook)" or "bij" ("Zie ook raadsbrief 13 juni 2023", "bijlage bij raadsbrief 14 februari
# 2023"). Not "deze brief van …", the letter itself, nor a footer's "raadsinformatiebrief 18 december 2023".
_CITE_BARE = re.compile(
    r"(?:(?<![\w-])(?<!deze )(?<!Deze )(?:[A-Za-z]{2,20})?[Bb]rief\s+(?:van(?![a-z])|\(?d\.\s?d\.)"
    r"|(?:\b[Zz]ie(?:\s+ook)?|\bbij)\s+(?:de\s+)?[a-z]{2,20}brief)\s*"
)
# A council letter by its title with its date in brackets: "In de raadsbrief Nadere uitwerking scenario's
# raamprostitutie (3 november 2020)".
_CITE_TITLED = re.compile(r"\b(?:de|het)\s+[a-z]{0,20}brief\s+[A-Z][^()\n.;]{2,100}\(\s*")
# A header's label without "van", its date alone after it, as a PDF's row of labels gives it ("Uw brief:
# 12.11.2024"); a second date on the next line is a second letter's.
HEADER_REACH = 2000  # a row of labels stands in the first page's header
_CITE_LABEL = re.compile(r"^[ \t]*[Uu]w[ \t]+brief[ \t]*:[ \t]*", re.MULTILINE)
# A letter cited by its kenmerk before its date: "uw brief met kenmerk 2022-123 van 5 mei 2022", "uw offerte
# met kenmerk OF-118 d.d. 05-03-2022", "Uw brief met kenmerk ABC/2022/77, gedateerd 5 mei 2022";
# a kind of two written with a slash too ("uw e-mail/vraagformulier van 20 maart 2022").
_CITE_KIND = (
    r"(?:[a-z]{0,20}brie(?:f|ven)|(?:Wob|Woo|WOB|WOO)?-?verzoek|e-?mail(?:bericht)?|aanvraag|offerte|"
    r"aansprakelijkstelling|bezwaarschrift|schrijven|vraagformulier(?:en)?)"
)
_CITE_KEYED = re.compile(
    rf"\b(?P<who>uw|vw|onze|mijn|de|het)\s+{_CITE_KIND}(?:/{_CITE_KIND})?(?:\s+[\w.-]+){{0,3}}?\s+(?:met\s+)?"
    rf"(?:(?:ons|uw|het)\s+)?kenmerk\s*:?\s*(?P<ref>{VALUE})\s*,?\s*(?:van(?![a-z])|\(?d\.\s?d\.|gedateerd)\s*(?=[0-9])",
    re.IGNORECASE,
)
_CITE_SLASHED = re.compile(
    rf"\b(?P<who>uw|vw)\s+{_CITE_KIND}/{_CITE_KIND}\s+(?:van(?![a-z])|\(?d\.\s?d\.)\s*(?=[0-9])",
    re.IGNORECASE,
)
# The addressee's reference label whose value dates the request it names: "Uw referentie: Technische
# inspectie kadeconstructie, d.d. 29-05-2017" (an offer answering a request of that day).
_CITE_LABEL_DATED = re.compile(
    r"^[ \t]*[Uu]w[ \t]+(?:referentie|kenmerk|verzoek|aanvraag)[ \t]*:?[^\n]*?[ \t,]d\.[ \t]?d\.[ \t]*(?=[0-9])",
    re.MULTILINE,
)
_DATE_LINE = re.compile(r"\n[ \t]*[0-9]{1,2}[ \t.-]*(?:[a-z]{3,9}|[0-9]{1,2})[ \t.-]*[0-9]{4}[ \t]*(?:\n|$)")
# Between "de brief van" and the date: nothing, or who wrote it ending in "van" ("… van Lelystad van 10 juli").
_CITE_WRITER = re.compile(r"(?:(?P<writer>[^.;:]{0,140}?)\s*\bvan\s*)?")
# "de brief die VROM op 22 mei 2008 (kenmerk: …) heeft gestuurd": the writer before "op" and the date.
_CITE_WHO_ON = re.compile(
    r"\b(?P<who>de|een)\s+brief\s+die\s+(?P<writer>[^,.;:\n]{2,80}?)\s+op\s+(?=\S{1,3}\s*[a-z])",
    re.IGNORECASE,
)
_CITE_BEFORE = re.compile(r"\b[Oo]p\s+(?:d\.[ \t]?d\.[ \t]*)?(?=\S{1,3}\s*[a-z0-9])")
_CITE_BEFORE_TAIL = re.compile(
    r"\s*(?:ontvingen|ontving|kregen|hebben|heb|hebt|heeft|stuurde|stuurden|zond|zonden)\s+(?P<by>wij|we|ik|u|v)\s+"
    # a council's or the Staten's letter by its kind: "Op 3 juli 2019 heeft u in een raadsbrief …";
    # "Op 7 mei 2024 heeft u ons een aanvullende brief gestuurd"
    r"(?:\w+\s+){0,2}(?P<who>uw|de|een|hun|mijn|onze)\s+(?:[a-z]{3,20}e\s+)?"
    r"(?:raads|informatie|staten|kamer|college)?brief"
    # a letter or e-mail by which the writer or the addressee said something: "Op 5 mei 2023 heb ik u per
    # e-mail aangegeven …", "Op 27 maart 2024 heeft u ons per brief geïnformeerd"
    # (the one told named: "Op 3 maart 2022 heeft u de gemeente Delft via de e-mail om vergoeding gevraagd")
    r"|\s*(?:heb|hebben|hebt|heeft)\s+(?P<teller>wij|we|ik|u|v)\s+(?:(?:u|v|ons|mij|jou)\s+)?"
    r"(?:(?:de|het)\s+[\w-]+(?:\s+[A-Z][\w'-]*){0,3}\s+)?"
    r"(?:per|bij|via)\s+(?:de\s+|een\s+)?(?:e-?)?(?:mail|brief)\b"
    # someone else who sent a letter that day: "Op 17 januari 2020 hebben oud-bestuurders van de Stuurgroep
    # … een brief verstuurd"
    r"|\s*(?:heeft|hebben)\s+(?P<sender>[^\s,.;:][^,.;:\n]{0,80}?)\s+een\s+(?:[a-z]{3,20}e\s+)?brief\s+"
    r"(?:verstuurd|gestuurd|gezonden|geschreven)\b"
    # written questions are a letter too: "Op d.d. 02-08-2010 heb ik namens Lijst Babijn vragen gesteld"
    r"|\s*(?:heb|hebben)\s+(?P<asker>ik|wij|we)\s+(?:[\w-]+\s+){0,4}vragen\s+gesteld\b"
    # the addressee's own request, told in the perfect tense: "Op 3 maart 2018 heeft u ons verzocht om …",
    # "Op 3 maart 2018 heeft u een Woo-verzoek ingediend" (a request asked by telephone or at the
    # desk, a word between, is none: the generic request below wants its kenmerk)
    r"|\s*(?:heeft|hebt)\s+(?P<you_asked>u|v)\s+(?:(?:ons|mij)\s+)?(?:(?:verzocht|gevraagd)\s+om\b|"
    r"(?:een|uw)\s+(?:[\w-]+\s+)?[\w-]*?(?:verzoek|aanvraag|bezwaarschrift|klacht)\b[^.;\n]{0,80}?\b"
    r"(?:ingediend|gedaan|gestuurd|toegestuurd)\b)"
    # a request made on that date, a letter only by its kenmerk: "Op 4 februari 2008 hebben de leden van
    # de commissie … mij verzocht … (kenmerk …)"
    r"|\s*(?:hebben|heeft)\s+(?:[\w,'-]+\s+){1,14}?(?P<asked>mij|ons)\s+(?:verzocht|gevraagd)\b"
    # a request told by its verb, its writer after it: "Op 1 maart 2022 verzocht de gemeente Rijswijk de
    # gemeente Delft om een advies", "Op 3 april 2023 verzocht u om openbaarmaking"
    r"|,?\s*(?:verzocht|vroeg|verzochten|vroegen)\s+(?P<requester>u|v|(?:de|het)\s+[^,.;:\n]{2,60}?)\s+"
    r"(?:[^,.;:\n]{0,80}?\s)?om\b"
    # a member's or a party's written questions: "Op 20 september 2021 heeft de fractie van D66 schriftelijke
    # vragen gesteld"
    r"|\s*(?:heeft|hebben)\s+(?P<questioner>(?:de|het)\s+[^,.;:\n]{2,60}?)\s+(?:[\w-]+\s+){0,2}?vragen\s+gesteld\b",
    re.IGNORECASE,
)
_WHO_TOLD = {"ik": "mijn", "wij": "onze", "we": "onze", "u": "uw", "v": "uw"}  # "v": an OCR'd "u"
_CITE_REFERENCE = re.compile(
    rf"(?:{noisy('kenmerk')}|{noisy('referentie')}|\bnummer|\bnr\.?)[\s:]*", re.IGNORECASE
)
_SENTENCE_END = re.compile(
    r"(?<=[a-z0-9)]{2})\.(?=\s)|\n[ \t]*\n[ \t]*(?=[A-Z])"
    r"|\n(?=[ \t]*(?:Geachte?|Datum|Ons kenmerk|Uw kenmerk|Kenmerk|Betreft|Onderwerp)\b)"
)


def find_citations(
    text: str, mentioned: Sequence[OrgMention] = ()
) -> list[tuple[Citation, str, list[Found]]]:
    """Letters cited ("uw brief van 24 januari 2019, kenmerk …"): citation, whose letter, glued extras.
    Where the text names the cited letter's writer ("de brief van Gedeputeerde Staten van Zuid-Holland
    van …", "de brief die VROM op … heeft gestuurd"), that organisation is the citation's sender."""
    found: list[tuple[Citation, str, list[Found]]] = []
    for match in (*_CITE_AFTER.finditer(text), *_CITE_PER_LETTER_ON.finditer(text)):
        dates = find_dates(text, match.end(), min(len(text), match.end() + 180))
        writer = _CITE_WRITER.fullmatch(text, match.end(), dates[0].start) if dates else None
        if writer:
            who = "uw" if match["who"].lower() == "vw" else match["who"].lower()  # "vw": an OCR'd "uw"
            citation, who, extras = _citation(text, dates[0], match.start(), who)
            if writer["writer"]:
                citation = Citation(
                    citation.date,
                    citation.reference,
                    cited_writer(text, *writer.span("writer"), mentioned, dates[0].iso),
                )
            found.append((citation, who, extras))
        elif (yearless := _YEARLESS_DATE.match(text, match.end())) is not None:
            # "uw brief van 16 mei jl. over de nota … (uw kenmerk 08-VW-B-097)": a date without its year
            # dates no letter (tests/corpus/README.md), the kenmerk after it makes a letter known by it
            reference, extras = _cited_reference(text, yearless.end())
            if reference is not None:
                who = "uw" if match["who"].lower() == "vw" else match["who"].lower()
                found.append((Citation(None, reference, None), who, extras))
    for match in _CITE_LABEL.finditer(text):
        dates = find_dates(text, match.end(), min(len(text), match.end() + 30))
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        if dates and dates[0].start == match.end() and not text[dates[0].end : line_end].strip():
            second = _DATE_LINE.match(text, line_end)
            if second is None:
                found.append(_citation(text, dates[0], match.start(), "uw"))
            elif not _DATE_LINE.match(text, second.end() - 1):
                # the cell holds two of the addressee's letters, a date a line ("Uw brief: 27 maart 2024" /
                # "7 mei 2024"): both are cited, and the one "Uw kenmerk" is given to neither (extract.py)
                found.append(_citation(text, dates[0], match.start(), "uw"))
                found += [
                    _citation(text, date, second.start(), "uw") for date in find_dates(text, *second.span())
                ]
    found += _label_row_citations(text)
    for match in (*_CITE_KEYED.finditer(text), *_CITE_SLASHED.finditer(text)):
        dates = find_dates(text, match.end(), min(len(text), match.end() + 30))
        if not dates or dates[0].start != match.end():
            continue
        who = "uw" if match["who"].lower() == "vw" else match["who"].lower()
        citation, who, extras = _citation(text, dates[0], match.start(), who)
        if "ref" in match.groupdict():
            reference = _found(text, clean_reference(match["ref"]), *match.span("ref"), 0.8)
            citation = Citation(citation.date, reference, None)
        found.append((citation, who, extras))
    for match in _CITE_LABEL_DATED.finditer(text):
        dates = find_dates(text, match.end(), min(len(text), match.end() + 20))
        if dates and dates[0].start == match.end():
            asked_on = dates[0]
            dated = _found(text, asked_on.iso, asked_on.start, asked_on.end, asked_on.confidence * 0.9)
            found.append((Citation(dated, None, None), "uw", []))
    for match in _CITE_WHO_ON.finditer(text):
        dates = find_dates(text, match.end(), min(len(text), match.end() + 30))
        if dates and dates[0].start == match.end():
            citation, who, extras = _citation(text, dates[0], match.start(), match["who"].lower())
            sender = cited_writer(text, *match.span("writer"), mentioned, dates[0].iso)
            found.append((Citation(citation.date, citation.reference, sender), who, extras))
    for match in _CITE_BEFORE.finditer(text):
        dates = find_dates(text, match.end(), min(len(text), match.end() + 30))
        if dates and dates[0].start == match.end():
            tail = _CITE_BEFORE_TAIL.match(text, dates[0].end)
            if tail and tail["asked"]:
                request = _citation(text, dates[0], match.start(), "de")
                if request[0].reference is not None:
                    found.append(request)
            elif tail and tail["sender"]:
                citation, who, extras = _citation(text, dates[0], match.start(), "de")
                sender = cited_writer(text, *tail.span("sender"), mentioned, dates[0].iso)
                found.append((Citation(citation.date, citation.reference, sender), who, extras))
            elif tail and (tail["requester"] or tail["questioner"] or tail["you_asked"]):
                group = (
                    "requester" if tail["requester"] else "questioner" if tail["questioner"] else "you_asked"
                )
                addressee = tail[group].lower() in ("u", "v")
                citation, who, extras = _citation(text, dates[0], match.start(), "uw" if addressee else "de")
                if not addressee:
                    # the writer the request or the questions name: its first words, up to the body asked
                    asker = cited_writer(text, *tail.span(group), mentioned, dates[0].iso)
                    citation = Citation(citation.date, citation.reference, asker)
                found.append((citation, who, extras))
            elif tail:
                told = tail["by"] or tail["teller"]
                if tail["who"] and not (
                    told and told.lower() in ("u", "v") and tail["who"].lower() in ("een", "de")
                ):
                    who = tail["who"].lower()
                elif told:
                    who = _WHO_TOLD[told.lower()]
                else:
                    who = "mijn" if tail["asker"].lower() == "ik" else "onze"
                found.append(_citation(text, dates[0], match.start(), who))
    for pattern in (_CITE_BARE, _CITE_TITLED):
        for match in pattern.finditer(text):
            dates = find_dates(text, match.end(), min(len(text), match.end() + 30))
            if dates and dates[0].start == match.end():
                found.append(_citation(text, dates[0], match.start(), "de"))
    for match in _CITE_DOCUMENT.finditer(text):
        dates = find_dates(text, match.end(), min(len(text), match.end() + 180))
        writer = _CITE_WRITER.fullmatch(text, match.end(), dates[0].start) if dates else None
        if writer is None:
            continue
        who = "uw" if match["who"].lower() == "vw" else match["who"].lower()  # "vw": an OCR'd "uw"
        citation, who, extras = _citation(text, dates[0], match.start(), who)
        acknowledged = (
            "ontvangstbevestiging" in match[0].lower()
        )  # the writer's own acknowledgement: a letter
        if who not in ("uw", "mijn", "onze") and citation.reference is None and not acknowledged:
            continue  # someone else's request without its kenmerk: no letter (the writer's own is one)
        if writer["writer"]:
            citation = Citation(
                citation.date,
                citation.reference,
                cited_writer(text, *writer.span("writer"), mentioned, dates[0].iso),
            )
        found.append((citation, who, extras))
    # "In uw brief van 20 juni 2019, ontvangen op 25 juni 2019, …": the second date is the day that letter
    # came in, and the same date elsewhere ("uw verzoek d.d. 25 juni 2019" in the subject) is that letter again
    received = {
        (citation.date.value, date.iso)
        for citation, _who, _extras in found
        if citation.date is not None
        and (came := _RECEIVED_ON.match(text, citation.date.end)) is not None
        and (date := next(iter(find_dates(text, came.end(), min(len(text), came.end() + 30))), None))
        is not None
        and date.start == came.end()
    }
    found = [
        item
        for item in found
        if not any(
            item[0].date is not None
            and item[0].date.value == day
            and item[0].date.value != sent
            and item[0].reference is None
            # the addressee's letter named again by its receipt day; the writer's acknowledgement of that day
            # ("De ontvangst … is bevestigd per mail van 30 maart 2021") is a letter of its own
            and item[1] == "uw"
            for sent, day in received
        )
    ]
    cited = {c.reference.value for c, _who, _extras in found if c.reference is not None}
    for match in _CITE_BY_REFERENCE.finditer(text):
        # "(brief met kenmerk 09U005574)": a letter cited by its kenmerk alone, no date
        span = value_after(text, match.end(), next_line=False)
        if span is None:
            continue
        a, b = split_glued(text, *span)[0]
        value = clean_reference(text[a:b])
        if value not in cited:
            cited.add(value)
            who = "uw" if match["who"] and match["who"].lower() in ("uw", "vw") else "de"
            found.append((Citation(None, _found(text, value, a, b, 0.7), None), who, []))
    return sorted(found, key=lambda item: item[0].date.start if item[0].date else 0)


# A letter cited by its kenmerk and no date: "(brief met kenmerk 09U005574)", "uw brief met kenmerk …".
_CITE_BY_REFERENCE = re.compile(
    rf"\b(?:(?P<who>uw|vw|de|onze|een)[ \t]+)?brief[ \t]+met[ \t]+(?:(?:ons|uw|het)[ \t]+)?{noisy('kenmerk')}[ \t]*:?",
    re.IGNORECASE,
)


# The dates a row of column labels may hold under it: the letter's own ("Datum") and the cited one's.
_DATED_COLUMNS = frozenset(("datum", "verzonden", "uw brief", "uw brief van"))


def _label_row_citations(text: str) -> list[tuple[Citation, str, list[Found]]]:
    """The letter a header's row of column labels cites under "Uw brief", as OCR sets the row: its
    values on the next line with the empty columns closed up ("Datum … Bijlagen Uw brief Uw kenmerk" /
    "21.11.2024 D2024-11-006312 2024-032187 1 van 3 12.11.2024"). Only in a row whose dated columns
    are "Datum" first and "Uw brief", with exactly two dates under them: the second is the cited letter's
    (its reference, if any, is not told apart from the other values)."""
    cited: list[tuple[Citation, str, list[Found]]] = []
    for labels, start, end in table_rows(text, min(len(text), HEADER_REACH)):
        dated = [label for label in labels if label in _DATED_COLUMNS]
        dates = find_dates(text, start, end)
        if (
            dated in (["datum", "uw brief"], ["datum", "uw brief van"])
            and labels[0] == "datum"
            and (len(dates) == 2 and dates[0].start - start < 3)
        ):
            date = dates[1]
            cited.append((Citation(_found(text, date.iso, date.start, date.end, 0.7), None, None), "uw", []))
    return cited


def cited_writer(
    text: str, start: int, end: int, mentioned: Sequence[OrgMention], day: str | None = None
) -> Found | None:
    """The writer named in text[start:end]: an organisation found there (a TOOI code, a ministry by
    name), else a capitalised name as written ("VROM"); "ik"/"wij" and the like name no one. A body
    the register knows on the cited letter's `day` but not on this letter's is that body: "de brief
    van het college van Grubbenvorst van 25 maart 1998" in a letter of 2024, long after the merger."""
    inside = [
        m
        for m in mentioned
        if start <= m.start < end and (m.resolved or m.value.startswith("ministerie van"))
    ]
    if not inside and day is not None:
        piece = text[start:end]
        inside = [
            replace(m, start=start + m.start, end=start + m.end)
            for m in (*find_kind_phrases(piece, day), *find_register_names(piece, day))
            if m.resolved
        ]
    if inside:
        return from_mention(text, inside[0], 0.7)
    name = re.fullmatch(
        r"\s*(?:de|het)?\s*(?P<name>[A-Z][\w&+./-]*(?:\s+[A-Z][\w&+./-]*){0,5})\s*", text[start:end]
    )
    if name is None:
        return None
    return _found(text, name["name"], start + name.start("name"), start + name.end("name"), 0.5)


def merge_citation(cites: list[Citation], new: Citation) -> list[Citation]:
    """One citation per cited letter: the header's "Uw brief van" and the body's "uw brief van" are one."""
    for index, old in enumerate(cites):
        same_date = old.date and new.date and old.date.value == new.date.value
        # the same kenmerk where one of the two gives no date: "uw brief met kenmerk X van <date>" read by
        # its kenmerk alone too
        same_reference = (
            old.reference and new.reference and old.reference.value == new.reference.value
        ) and (old.date is None or new.date is None)
        if (
            same_date
            and (old.reference is None or new.reference is None or old.reference.value == new.reference.value)
        ) or same_reference:
            cites[index] = Citation(
                old.date or new.date, old.reference or new.reference, old.sender or new.sender
            )
            return cites
    return cites + [new]


_BRACKETED_REFERENCE = re.compile(rf"[ \t]*\((?P<v>(?=[^)]*[0-9])(?:{VALUE}))\)")
# The reference in brackets with a word or two on what it numbers: "bij brief van 21 mei 2024 (PS24-000411
# PS brief)".
_DESCRIBED_REFERENCE = re.compile(
    rf"[ \t]*\((?P<v>(?=[^) ]*[0-9])(?:{VALUE}))(?:[ \t]+[A-Za-z]{{1,12}}){{1,2}}[ \t]*\)"
)


def _citation(text: str, date: DateMatch, start: int, who: str) -> tuple[Citation, str, list[Found]]:
    date_found = _found(text, date.iso, date.start, date.end, date.confidence * 0.95)
    reference, extras = _cited_reference(text, date.end)
    return Citation(date_found, reference, None), who, extras


def _cited_reference(text: str, position: int) -> tuple[Found | None, list[Found]]:
    """The reference told after a cited letter's date ending at `position`, in its sentence, and the
    references glued to it."""
    sentence = _SENTENCE_END.search(text, position)
    end = min(sentence.start() if sentence else len(text), position + 300)
    label = _CITE_REFERENCE.search(text, position, end)
    if label and find_dates(
        text, position, label.start()
    ):  # "… van 29 maart … ingezonden op 18 april met kenmerk …"
        label = None  # the reference belongs to what the later date dates
    span = value_after(text, label.end(), next_line=False) if label else None
    if span and label and _serial_label(label[0]) and re.fullmatch(r"[0-9]{1,4}", text[slice(*span)]):
        span = None  # "(Kamerstuk 27 625, nr. 492)": a paper's number in its dossier, no reference
    bracketed = _BRACKETED_REFERENCE.match(text, position) if span is None else None
    if bracketed:  # "In de ledenbrief van 16 november 2021 (Lbr. 21/077)"
        span = bracketed.span("v")
    elif (
        span is None
        and (described := _DESCRIBED_REFERENCE.match(text, position))
        and re.search(r"[A-Za-z/.-]", described["v"])  # "(PS24-000411 PS brief)", not "(2020 brief)"
    ):
        span = described.span("v")
    if not span:
        return None, []
    pieces = split_glued(text, *span)
    a, b = pieces[0]
    reference = _found(text, clean_reference(text[a:b]), a, b, 0.8)
    return reference, [_found(text, clean_reference(text[a:b]), a, b, 0.7) for a, b in pieces[1:]]


def _serial_label(label: str) -> bool:
    """ "nr." or "nummer": labels that also number a paper within a series."""
    return re.match(r"\s*(?:nr|nummer)\b", label, re.IGNORECASE) is not None


DOSSIER_IN_BODY = re.compile(
    r"\b(?:dossier|dossiernummer|zaak|zaaknummer)(?![a-z])[^.]{0,400}?\((?P<ref>[A-Z][A-Z0-9./_-]*[0-9][A-Z0-9./_-]*)\)|"
    # a dossier's number of a year and a serial right after the word, in the body of a mail or a request
    # ("in verband met dossier: 2019/538409", "exploitatievergunning (dossier 2018-26942)")
    r"(?<![\w-])[Dd]ossier(?:nummer|nr\.?)?[ \t]*:?[ \t]*(?P<serial>(?:19|20)[0-9]{2}[/-][0-9]{3,}(?:[/-][0-9]+)?)(?![\w/-])"
)


# "Ontwerpbesluit nr. PS/2004/41", "Statenvoorstel nr. …", "Raadsvoorstel nummer …": the number of a
# paper (a proposal, a decision, a motion), not the letter's reference.
_PAPER_BEFORE = re.compile(
    r"(?:besluit|voorstel|voordracht|motie|amendement|verordening|notitie|nota)[ \t]*$", re.IGNORECASE
)


_YOURS_BEFORE = re.compile(r"\b[Uu][Ww][ \t]*$")


def reference_in(text: str, start: int, end: int) -> Found | None:
    label = next(
        (
            m
            for m in _CITE_REFERENCE.finditer(text, start, end)
            if not (m[0][:1].lower() == "n" and _PAPER_BEFORE.search(text, max(0, m.start() - 40), m.start()))
            # "Uw Kenmerk: 12.504528" on the subject's line is the addressee's reference, not ours
            and not _YOURS_BEFORE.search(text, max(0, m.start() - 6), m.start())
        ),
        None,
    )
    span = value_after(text, label.end(), next_line=False) if label else None
    if span is None or span[1] > end + 1:
        return None
    a, b = split_glued(text, *span)[0]
    return _found(text, clean_reference(text[a:b]), a, b, 0.6)
