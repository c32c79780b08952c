"""The signature block: who signs, in which role, on whose behalf.

After the closing ("Met vriendelijke groet", "Hoogachtend") Dutch government letters set, in some
order: the signing body ("Burgemeester en wethouders van Leiden,", "Gedeputeerde Staten van
Zuid-Holland,", "namens de vijf colleges…", "Namens deze,"), the roles ("de secretaris, de
burgemeester,") and the names ("A.R. de Graaf  P.J. Bouvy-Koene"), often in two columns that the
text layer gives as one line of names and one line of roles, paired by position. A scan adds debris
from the handwritten signature and may cut the first letters of a line ("urge gemeente Oegstgeest"
for "burgemeester gemeente Oegstgeest", "mens" for "namens").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from opendata.ingest.extract_noise import fold, noisy
from opendata.ingest.extract_organisations import (
    ASSOCIATION_KIND,
    COLLEGE,
    COUNCIL,
    GEMEENTE,
    GS,
    PROVINCIE,
    PS,
    WATERSCHAP,
    OrgMention,
    resolve_name_at,
)
from opendata.ingest.extract_results import Found, Signatory, from_mention
from opendata.ingest.extract_results import found as _found
from opendata.ingest.gazetteer import load_gazetteer

ROLE_WORDS = {
    "burgemeester": "burgemeester",
    "loco-burgemeester": "loco-burgemeester",
    "locoburgemeester": "loco-burgemeester",
    "loco-secretaris": "loco-secretaris",
    "locosecretaris": "loco-secretaris",
    "wethouder": "wethouder",
    "gemeentesecretaris": "gemeentesecretaris",
    "secretaris": "secretaris",
    "secretaris-directeur": "secretaris-directeur",
    "provinciesecretaris": "provinciesecretaris",
    "griffier": "griffier",
    "raadsgriffier": "griffier",
    "statengriffier": "griffier",
    "gedeputeerde": "gedeputeerde",
    "voorzitter": "voorzitter",
    # the chair's and the secretary's posts abbreviated after a name ("H.E. van Nierop, vz")
    "vz": "voorzitter",
    "voorz": "voorzitter",
    "secr": "secretaris",
    "dijkgraaf": "dijkgraaf",
    "directeur": "directeur",
    "algemeen directeur": "directeur",
    "minister": "minister",
    "staatssecretaris": "staatssecretaris",
    "commissaris van de koning": "commissaris-van-de-koning",
    "commissaris van de koningin": "commissaris-van-de-koning",
    "portefeuillehouder": "portefeuillehouder",
    "teamleider": "teamleider",
    "afdelingshoofd": "afdelingshoofd",
    "hoofd afdeling": "afdelingshoofd",  # "hoofd afdeling Publiekszaken"
    "hoofd van de afdeling": "afdelingshoofd",
    "manager": "manager",
    "hoogheemraad": "hoogheemraad",
    "heemraad": "heemraad",
    "bestuurder": "bestuurder",
    "fractievoorzitter": "fractievoorzitter",
    "raadslid": "raadslid",
    "statenlid": "statenlid",
    # a Caribbean public body's posts: its chair (as a mayor) and its secretary
    "gezaghebber": "gezaghebber",
    "eilandsecretaris": "eilandsecretaris",
    "eilandsgriffier": "griffier",
}
CLOSINGS = (
    "met vriendelijke groeten",
    "met vriendelijke groet",
    "vriendelijke groet",
    "hoogachtend",
    "met de meeste hoogachting",
    "met hoogachting",
    "met collegiale groet",
    "met collegiale groeten",
    "met vriendelijke en collegiale groet",
    "met hartelijke groet",
    "met hartelijke groeten",
    "hartelijke groet",
    "hartelijke groeten",
    "met groet",
    "groeten",  # an e-mail's short closing: "Groeten, (geanonimiseerd)"
    "groet",  # "Groet, Pierre"
    # a council member's written questions signed under the form's label: "Indiener(s)," / "T.R. IJzendoorn"
    "indiener(s)",
    "indieners",
    "indiener",
    # a letter in English (a municipality's to an international body, and its answer)
    "yours sincerely",
    "yours faithfully",
    "kind regards",
    "with kind regards",
    "best regards",
)
_ARTICLE = r"(?:de|het)\s+"
_TITLES = r"(?:(?:mr|dr|drs|ir|ing|prof|ds|mw|mevr|dhr|bc)\.\s*)*"
_INITIALS = r"(?:[A-Z](?:[a-z]|[A-Z](?=\.))?\.\s?-?\s?)+"
_CALLED = (
    r"(?:\([A-Z][a-zà-ÿ]+\)\s*)?"  # the name a person goes by, after the initials: "H.G.A. (Bertie) Steur"
)
_PARTICLES = r"(?:(?:[Vv][aáà]n|[Dd][eéè]|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|het|la|le|op|in|'t|von|du)\s*)*"  # OCR glues them: "vanden"; "Ter Meer-Ronda"
# (a Dutch name opens with the digraph in capitals: "IJzendoorn", "IJsselmuiden")
# (OCR reads an l inside a name as 1, | or I: "Aa1derink", "P1asmeijer", "VeId"; the name stays as written)
_SURNAME_LETTERS = r"(?:[a-zà-ÿ'’]|(?<=[A-Za-zà-ÿ])[1|](?=[a-zà-ÿ])|(?<=[a-zà-ÿ])I(?=[a-zà-ÿ]|\b))+"
_SURNAME = rf"(?:IJ|[A-Z]){_SURNAME_LETTERS}(?:-(?:IJ|[A-Za-z]){_SURNAME_LETTERS})*"
# A courtesy title before a signer's name ("Mevrouw J.H. Coelman"): no part of the name.
_COURTESY = r"(?:[Mm]evrouw|[Dd]e[ \t]+heer|[Mm]ijnheer)"
# A surname in capitals after initials, as a board's signature block prints it ("A.P. HEIDEMA").
_CAPITALS = r"[A-Z][A-Z'’]{2,}(?:-[A-Z][A-Z'’]{2,})*(?![\w.])"
# A first name before the initials: "drs Natalie E. Kool" (a title without its full stop stays outside).
_FIRST_NAME = (
    r"(?!(?:Burgemeester|Wethouder|Gedeputeerde|Secretaris|Voorzitter|Griffier|Directeur|Minister|"
    r"Staatssecretaris|Dijkgraaf|Namens|Hoofd|Met|De|Het|Aan|Van|Mevrouw|Mijnheer|Heer)\b)[A-Z][a-zà-ÿ]+\s+"
)
# A surname of two names ("Schultz van Haegen", "Haegen-Maas Geesteranus", "De Vries Lentsch"): a second
# name after a particle, and a last one where it ends the line and is no post.
_POST_WORDS = (
    r"(?:[A-Z][a-zà-ÿ]*(?:meester|houder|secretaris|voorzitter|griffier|directeur|leider|manager|"
    r"co[öo]rdinator|regisseur|adviseur|medewerker|jurist)|Gedeputeerde|Minister|Staatssecretaris|"
    r"Dijkgraaf|Director|Chair|Mayor|President|Secretary|Officer)\b"
)
_DOUBLE_SURNAME = (
    rf"(?:[ \t]+(?:van|ter|ten|de)(?:[ \t]+(?:de|der|den))?[ \t]+{_SURNAME})?"
    rf"(?:[ \t]+(?!{_POST_WORDS}){_SURNAME}(?=[ \t]*(?:\n|$)))?"
)
NAME = re.compile(
    rf"{_TITLES}(?:(?:{_FIRST_NAME}{_INITIALS}\s*{_PARTICLES}{_SURNAME}|"
    rf"{_INITIALS}\s*{_CALLED}{_PARTICLES}{_SURNAME}){_DOUBLE_SURNAME}|{_INITIALS}\s*{_CAPITALS}|"
    rf"{_INITIALS}[A-Z]\.?(?![\w.])|"
    rf"[A-Z][a-zà-ÿ]+\s+{_PARTICLES}{_SURNAME})"
    r"(?:[ \t]+(?:MPA|MBA|MSc|BSc|LLM|EMPM|MPM)\b)?"  # a degree written after the name
)
_STOPS = re.compile(
    r"^\s*(?:bijlage|bijlagen|kopie|afschrift|c\.?c\.?(?=\s*:)|dit is een|deze brief is|postbus|"
    # the next page's header rows ("Betreft Bijeenkomst …", "Onderwerp …")
    r"betreft|onderwerp|"
    r"bezoekadres|telefoon|www\.|e-mail|pagina|blad|"
    # a publication's footnotes under the closing: "X Noot", "1  Ter inzage gelegd bij …", "Naar boven"
    r"x\s*noot|noten?|naar boven|ter inzage gelegd|raadpleegbaar via|[0-9]{1,2}(?=[ \t]|$)|"
    # a web page's furniture after the letter: "Back To Top", "Terug naar boven", "Deel dit bericht"
    r"back\s+to\s+top|terug(?:\s+naar\s+(?:boven|overzicht|het\s+overzicht))?|deel\s+dit|delen|print|"
    r"reageer|reacties?|lees\s+meer|share|tweet|"
    # a decision's objection clause under the block: "Bezwaar", "Niet mee eens?", "Tegen dit besluit kan …"
    r"bezwaar(?=[ \t]*$)|niet\s+mee\s+eens|tegen\s+dit\s+besluit|"
    # the next page's running header: "Gemeente Amsterdam Datum 7-2-2023" / "Kenmerk …" / "Pagina 3 van 7"
    r"(?:ons\s+|uw\s+)?kenmerk|[^\n]{0,60}\bdatum[ \t]+[0-9]{1,2}[-./][0-9]{1,2}[-./][0-9]{2,4})\b"
    # a document host's page number on a line of its own ("(2)"): the next page, not the block
    r"|^[ \t]*\([0-9]{1,3}\)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Lines that name the signing body ("Burgemeester en wethouders van Leiden,"): neither roles nor names.
_BODY_LINE = re.compile(
    rf"{noisy('burgemeester en wethouders')}|{noisy('gedeputeerde staten')}|"
    rf"{noisy('provinciale staten')}|\bcollege|\bbestuur\b|\bnamens\b|\bregeling\b|\bministerie\b",
    re.IGNORECASE,
)
# The first words of a unit's or a portfolio's name, never a person's: "Beheer Openbare Ruimte",
# "wethouder Ruimtelijke Ordening", "portefeuillehouder Jeugd en Onderwijs".
_FIELD_WORDS = (
    r"Beheer|Beleid\w*|Openbare|Ruimtelijke|Dienstverlening|Bedrijfsvoering|Handhaving|Vergunning\w*|Toezicht|"
    r"Stadsbeheer|Stadszaken|Communicatie|Strategie|Veiligheid|Duurzaamheid|Mobiliteit|Financi[eë]n|Onderwijs|"
    r"Jeugd|Zorg|Wonen|Economie|Cultuur|Sport|Verkeer|Milieu|Welzijn|Werk|Inkomen|Wijkzaken|Sociale?|Ruimte|"
    r"Energie|Klimaat|Natuur|Landschap|Water|Volkshuisvesting|Gezondheid|Armoede|Participatie"
)
_FIELD_NAME = re.compile(rf"(?-i:{_FIELD_WORDS})\b")
# Lines that name a body or an address, never a person.
_NOT_A_NAME_LINE = re.compile(
    r"\b(?:bestuur|\w*college|gemeente|provincie|staten|regeling|waterschap|hoogheemraadschap|wetterskip|"
    r"omgevingsdienst|\w*dienst|"
    r"\w*fractie|\w*partij(?![^(\n]*\))|lijst|\w*belangen|leefbaar|lokaal[ \t]+belang|"
    r"burgemeester en wethouders|namens|postbus|ministerie|raad|minister van|staatssecretaris van)\b|\b[1-9][0-9]{3}\s?[A-Z]{2}\b|\|"
    # a web form's summary of the sender's data ("Uw gegevens" / "Voorletters H" / "Achternaam En"):
    # a field's label and its value, not a signature
    r"|^[ \t]*(?:achternaam|voorletters|voornamen?|tussenvoegsels?|roepnaam|geslachtsnaam)\b"
    # a job title alone, a rank before it ("Sr. Bestuursadviseur", "Senior beleidsmedewerker"), a unit
    # or a building ("Kabinet burgemeester", "Stadhuis Amsterdam"): no person's name
    r"|^[ \t]*(?:(?:sr|jr)\.?|senior|junior)?[ \t]*\w*(?:adviseur|medewerker|co[öo]rdinator|specialist|"
    r"consulent|assistent|jurist|regisseur|functionaris)[ \t]*$"
    r"|^[ \t]*(?:stadhuis|gemeentehuis|provinciehuis|kabinet)\b"
    # a web or mail address the OCR mangled ("Este Qamsterdam.nl"); a member's post ("Stadsdeelcommissielid PvdA")
    r"|\.n[l1i]\b|^[ \t]*\w*(?:commissie|raads|staten|fractie)lid\b|\w*rekenkamer\w*|\bombuds\w*"
    # a union's name ("Koninklijke Nederlandse Voetbalbond"), a building in an address ("World Trade Center - B4")
    r"|\w+bond\b|\b(?:center|centre|tower|gebouw|plaza)\b"
    # a unit's name that opens with its field ("Beheer Openbare Ruimte", "Beleidsuitvoering Openbare Ruimte en
    # Groen /BBOR", "Stadsdeel Centrum", "Expertisecentrum Gebied en Gebruik"): no signer
    rf"|^[ \t]*(?-i:{_FIELD_WORDS}|Stadsdeel|[A-Z][a-z]*centrum)\b"
    # a company's name with its legal form ("Koninklijke Van der Most B.V."): the writer, no person
    r"|[ \t](?-i:B\.V\.?|N\.V\.?|BV|NV)[ \t]*$"
    # an attachment's heading in capitals with its year ("UITGANGSPUNTEN BEGROTING 2022 E.V."): no signer
    r"|^[ \t]*(?-i:[A-Z]{3,}(?:[ \t]+[A-Z]{2,})*[ \t]+(?:19|20)[0-9]{2})\b"
    # a greeting that opens the next message ("Beste Femke,", "Hoi Pierre,")
    r"|^[ \t]*(?:beste|hoi|hallo|dag|lieve|geachte)\b"
    # a post in English under a name ("Executive Director", "Chair of the Management Board", "Mayor of …")
    r"|^[ \t]*(?:(?:executive|deputy|managing|vice)[ \t]+)?(?:director|chair(?:person|man|woman)?|mayor|"
    r"president|secretary|officer)\b"
    # a unit's or portfolio's name, capitalised words joined by "en" and no initial ("Wonen en Zorg",
    # "Openbare Orde en Veiligheid"): two people are never signed with a bare first word after "en"
    r"|^[ \t]*(?-i:[A-Z][a-zà-ÿ]+(?:[ \t]+[A-Z][a-zà-ÿ]+)?[ \t]+(?:en|&)[ \t]+[A-Z][a-zà-ÿ]+)[ \t]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    value: str
    start: int
    end: int
    confidence: float
    detail: str | None = None


@dataclass(frozen=True)
class SignatureLine:
    names: tuple[Span, ...]
    roles: tuple[Span, ...]


@functools.cache
def closing_pattern() -> re.Pattern[str]:
    """A closing on a line of its own, or after a sentence and followed by the signer ("… bieden.
    Met vriendelijke groet, Aad Scheffer"), as text layers that run lines together give it."""
    alternatives = "|".join(noisy(closing) for closing in sorted(CLOSINGS, key=len, reverse=True))
    return re.compile(
        # (after the sentence, a page number the scan set in its margin may come first: "… is. 2 Met …")
        rf"(?:^[ \t]*|(?<=[.!?][ \t])(?:[0-9]{{1,2}}[ \t]+)?)(?:{alternatives})[ \t]*(?:[,;][ \t]*(?=[A-Z\n(])|[,;]?(?:\.{{1,3}}|…)?[ \t]*(?:\|[ \t]*)?$)"
        # (a scan's bar after the closing: "Hoogachtend, |"; a redacted name after it: "Groeten, (geanonimiseerd)";
        # dots for the comma: "Met Vriendelijke Groet...";
        # OCR's semicolon for the comma: "Met vriendelijke groeten;")
        # run on after a word without a full stop, as a text layer gives a page's last lines ("… website
        # RUD Zeeland Met vriendelijke groet, Anton van Leeuwen MPA, directeur …"): the capital M and
        # the name after the comma say it is the closing
        r"|(?<=[\w)][ \t])(?-i:Met)[ \t]+vriendelijke[ \t]+groet(?:en)?[ \t]*,[ \t]*(?=[A-Z])",
        re.IGNORECASE | re.MULTILINE,
    )


def last_closing(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    matches = list(closing_pattern().finditer(text, start, len(text) if end is None else end))
    return matches[-1] if matches else None


def signature_zone(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets of the signature block: the lines after the letter's last closing, and the "Namens …,"
    line just above the closing where the formula stands before it ("Namens het college van burgemeester
    en wethouders van Amsterdam," / "Met vriendelijke groet,")."""
    closing = last_closing(text, start, end)
    if closing is None:
        return None
    zone_start = closing.end()
    above = _NAMENS_ABOVE.search(text, max(start, closing.start() - 200), closing.start())
    if above is not None and above[0].rstrip().endswith(","):
        zone_start = above.start()
    return zone_start, block_end(text, closing.end(), min(end, closing.end() + 900))


# What a web page prints under the letter it carries: "Top", "Naar boven", "Download", "Delen", a note on
# how to read what it links to ("Let op: dit magazine is het best te lezen op …").
_PAGE_TAIL = re.compile(
    r"(?:\s*\n[ \t]*(?:top|naar boven|terug|download|delen|print|deel dit bericht|read more|lees meer|lees verder|"
    r"meer lezen|let op:[^\n]*)[ \t]*)*\s*\Z",
    re.I,
)
_SIGNER_LINE = re.compile(
    rf"[ \t]*(?:(?P<post>[Bb]urgemeester|[Ww]ethouder|[Gg]edeputeerde|[Dd]ijkgraaf|[Vv]oorzitter)[ \t]+)?"
    rf"(?P<name>{NAME.pattern})[ \t]*,?[ \t]*$"
)


def unclosed_signer_zone(text: str) -> tuple[int, int] | None:
    """A letter that ends without a closing formula, its writer's name on the last line after a
    blank line ("… Dank u wel.\n\nBurgemeester Jannewietske de Vries", "… door te komen.\n\nHans
    Engels,"), or on the line above the last where that names the writer's post and body ("… Veel
    leesplezier!\n\nAnna de Wit\ndijkgraaf Waterschap Aa en Maas"): those lines are the signature
    block. The text before it must end a sentence."""
    tail = _PAGE_TAIL.search(text)
    body = text[: tail.start() if tail else len(text)].rstrip()
    line_start = body.rfind("\n") + 1
    if line_start == 0:
        return None
    post = _POST_OF_BODY_LINE.fullmatch(body, line_start)
    if post is not None and body.rfind("\n", 0, line_start - 1) >= 0:
        name_start = body.rfind("\n", 0, line_start - 1) + 1
        if _unclosed_name_line(body, name_start, line_start - 1):
            return name_start, len(body)
    return (line_start, len(body)) if _unclosed_name_line(body, line_start, len(body)) else None


# The writer's post and body on the line under the name: "dijkgraaf Hoogheemraadschap De Stichtse Rijnlanden",
# "burgemeester van Zwolle": a body's kind word or "van" after the post, then only the body's name (not a
# sentence, nor a name: "Burgemeester Anna Verzonnen" is the signer's own line).
_POST_OF_BODY_LINE = re.compile(
    r"[ \t]*(?:[Dd]ijkgraaf|[Bb]urgemeester|[Ww]ethouder|[Gg]edeputeerde|[Vv]oorzitter|[Dd]irecteur|"
    r"[Ss]ecretaris)[ \t]+(?:van[ \t]+|(?=(?:[Ww]aterschap|[Hh]oogheemraadschap|[Ww]etterskip|[Gg]emeente|[Pp]rovincie|"
    r"[Vv]eiligheidsregio|[Oo]mgevingsdienst|GGD)\b))"
    r"(?:[A-Z][\w'’-]*|de|het|der|en|van|voor)(?:[ \t]+(?:[A-Z][\w'’-]*|de|het|der|en|van|voor|aan))*[ \t]*"
)


def _unclosed_name_line(body: str, line_start: int, line_end: int) -> bool:
    """Whether body[line_start:line_end] is a writer's name alone after a blank line ending a sentence."""
    before = body[:line_start]
    if not re.search(r"[.!?][\"”’)]?[ \t]*\n[ \t]*\n\s*\Z", before):
        return False
    line = _SIGNER_LINE.fullmatch(body, line_start, line_end)
    return line is not None and not looks_like_body(line["name"])


def block_end(text: str, start: int, end: int) -> int:
    """Where the signature block starting at `start` ends: before the first line that is an
    address, an attachment list or a footnote, else at `end`."""
    for line in re.finditer(r"[^\n]*", text[start:end]):
        if (
            _STOPS.match(line[0])
            and not _scribble_before_name(text, start + line.start(), end)
            and not _page_break_before_name(text, start + line.start(), end)
        ):
            return start + line.start()
    return end


def _page_break_before_name(text: str, position: int, end: int) -> bool:
    """A stop line that is a page's footer or running header (the same line stands again elsewhere in
    the text) with the signer's name alone after it: the block runs on over the page break ("de
    burgemeester," / "Bezoekadres Stationsweg 85 | …" / the next page / "H.E.C. van Sanders")."""
    line_end = text.find("\n", position, end)
    line_end = end if line_end < 0 else line_end
    line = text[position:line_end].strip()
    if not line or sum(1 for other in text.splitlines() if other.strip() == line) < 2:
        return False
    following = re.match(r"\s*([^\n]*)", text[line_end:end])
    name = following[1] if following else ""
    return bool(name) and _NAME_ALONE.fullmatch(name) is not None and not looks_like_body(name)


# A line the scanned handwriting left: short, no run of three letters ("4", "45 Et ZV, B Sn", "ED.", "| - -").
_SCRIBBLE = re.compile(r"[ \t]*(?=[^\n]*\S)(?![^\n]*[A-Za-zÀ-ÿ]{3})[^\n]{1,20}$", re.MULTILINE)
# A name alone on its line (initials or a first name; a title, a scan's underscores before it).
_NAME_ALONE = re.compile(rf"[ \t_|]*(?:{_COURTESY}[ \t]+)?(?:{NAME.pattern})[ \t,.—–|-]*")


def _scribble_before_name(text: str, position: int, end: int) -> bool:
    """A line that stops the block only by looking like a footnote's number ("4", "45 Et ZV, B Sn") is the
    handwriting's scribble when only such lines and blank lines stand between it and a name alone on its
    line: the signer's name follows, the block goes on."""
    first_end = text.find("\n", position, end)
    if not _SCRIBBLE.fullmatch(text, position, end if first_end < 0 else first_end):
        return False
    while position < end:
        line_end = text.find("\n", position, end)
        line_end = end if line_end < 0 else line_end
        line = text[position:line_end]
        if line.strip() and not _SCRIBBLE.fullmatch(line):
            return _NAME_ALONE.fullmatch(line) is not None and not looks_like_body(line)
        position = line_end + 1
    return False


def role_key(word: str) -> tuple[str, float] | None:
    """The role a (possibly OCR-damaged) word names, with a confidence, or None."""
    word = " ".join(word.lower().strip(" ,.;:()").split())
    if word in ROLE_WORDS:
        return ROLE_WORDS[word], 0.95
    if len(word) >= 6:
        for candidate, key in ROLE_WORDS.items():
            if " " not in candidate and fuzz.ratio(word, candidate) >= 85:
                return key, 0.75
    return None


def role_fragment(word: str) -> tuple[str, float] | None:
    """A role word whose first letters the scan lost ("urge" for "burgemeester"), at low confidence."""
    word = word.lower()
    if len(word) < 4:
        return None
    hits = {
        key
        for candidate, key in ROLE_WORDS.items()
        if (" " not in candidate and candidate.endswith(word))
        or (len(word) >= 4 and word in candidate and candidate.index(word) <= 2)
    }
    return (hits.pop(), 0.5) if len(hits) == 1 else None


_ROLE_PHRASES = sorted(ROLE_WORDS, key=len, reverse=True)
_ROLE_TOKEN = re.compile(
    r"[Hh]oofd[ \t]+(?:van[ \t]+de[ \t]+)?[Aa]fdeling(?![\w-])|[A-Za-zÀ-ÿ-]+(?:\s+van\s+de\s+[Kk]oning(?:in)?)?"
)
# An officer's job title under or beside the name in a body's letter to residents or a project's
# partners ("Projectleider", "Omgevingsmanager gemeente Purmerend", "Projectcoördinator Cluster
# Beheer", "Directievoerder, Cluster Beheer"): the role as written, without the unit that follows.
# A bare title names its field in the next word ("Coordinator Groenbeheer", "Adviseur Verkeer").
# The model's Role list lacks these posts: a draft leaves such a signature out (never a guessed role).
_JOB_TITLE = re.compile(
    r"(?<![\w-])(?P<title>(?P<prefix>[a-zà-ÿ]{3,}-?)?(?:leider|manager|co[öoƶ]rdinator|regisseur)|"
    # a ministry's officials who sign for the minister: "de directeur-generaal …", "de secretaris-generaal"
    # "de hoofdingenieur-directeur" (a Rijkswaterstaat region's head), a police unit's chief, the officer
    # for data protection, the Algemene Rekenkamer's president
    r"directievoerder|(?:directeur|secretaris|inspecteur)-generaal|hoofdingenieur-directeur|politiechef|"
    r"functionaris[ \t]+gegevensbescherming|president|(?:senior[ \t]+)?(?:beleids)?medewerker|"
    r"(?:(?:senior|juridisch)[ \t]+)?(?:beleids)?adviseur|(?:sector|team|cluster|bureau|unit)hoofd|"
    r"[a-zà-ÿ]*jurist)(?![\w-])"
    r"(?P<field>[ \t]+[A-Z][a-zà-ÿ]{3,}(?=[ \t]*$))?",
    re.IGNORECASE,
)
_BARE_TITLES = {"coördinator", "coordinator", "medewerker", "adviseur", "senior adviseur"}
# A line that opens with an organisational unit names no person: "Team Vastgoed", "Cluster Beheer",
# "Afdeling Water & Groen", "Team Aanpak Binnenstad".
# A unit's line ("Team Vastgoed", "Eenheid Publieke Dienstverlening", "Procedurekamer Vergunningverlening",
# "Procedureondersteuning"): no person's name.
_UNIT_LINE = re.compile(
    r"^[ \t]*(?:team|afdeling|cluster|sector|directie|bureau|unit|eenheid|secretariaat|"
    r"\w+(?:kamer|ondersteuning|loket))\b",
    re.IGNORECASE,
)


# A line that opens with a bare post ("Medewerker", "Adviseur") or a team's word ("Projectteam",
# "Kernteam"): what follows names its field or the team, not a person.
_POST_OR_TEAM_OPENING = re.compile(
    r"[ \t]*(?:(?:senior[ \t]+)?(?:medewerker|adviseur)|co[öo]rdinator|[A-Za-zÀ-ÿ]*team)(?![\w-])",
    re.IGNORECASE,
)


def job_titles(line: str, start: int, taken: Sequence[Span]) -> list[Span]:
    """Job titles on one line of a signature block, as written (lower case), outside `taken` roles.
    A line of two titles is one post as written ("Accountmanager advies – senior adviseur")."""
    titles: list[Span] = []
    for match in _JOB_TITLE.finditer(line):
        span = (start + match.start(), start + match.end("title"))
        if any(role.start < span[1] and span[0] < role.end for role in taken):
            continue
        title = (
            re.sub(r"\s+", " ", match["title"]).lower().replace("ƶ", "ö")
        )  # a text layer's "Projectcoƶrdinator"
        end = span[1]
        if title in _BARE_TITLES and match["field"]:
            title += " " + match["field"].strip().lower()
            end = start + match.end("field")
        titles.append(Span(title, span[0], end, 0.8))
    if len(titles) > 1:
        whole = re.sub(r"\s+", " ", line[titles[0].start - start : titles[-1].end - start]).lower()
        return [Span(whole, titles[0].start, titles[-1].end, 0.75)]
    if titles and titles[0].value in _BARE_TITLES:
        return []  # "adviseur" alone says no post: which adviser, of what, the block does not say
    return titles


# An official's post opening the line, whose unit may hold a body's word: "de directeur-generaal Openbaar
# Bestuur en Democratische Rechtsstaat,", "de directeur Bestuur en Organisatie,".
_OFFICIAL_OPENS = re.compile(
    r"[ \t]*(?:de[ \t]+)?(?:(?:directeur|secretaris|inspecteur)-generaal|(?:hoofdingenieur-)?directeur|afdelingshoofd|"
    r"teamleider|manager|politiechef|"
    # "voorzitter dagelijks bestuur" under the name: the chair of the board the block signs for
    r"voorzitter(?=[ \t]+(?:van[ \t]+(?:het[ \t]+)?)?(?:dagelijks|algemeen)[ \t]+bestuur[ \t]*,?[ \t]*$))\b",
    re.IGNORECASE,
)


# A signature line is short; a longer one is running text under the block (a web page's list of
# links, a sentence about an attachment), where two capitalised words are no signer's name.
_PROSE_WORDS = 8


def _slash_joined(text: str, roles: list[Span]) -> list[Span]:
    """Roles in order, two posts joined by a slash ("de gemeentesecretaris/algemeen directeur") as one:
    the first, over both."""
    joined: list[Span] = []
    for role in roles:
        if joined and re.fullmatch(r"[ \t]*/[ \t]*", text[joined[-1].end : role.start]):
            joined[-1] = replace(joined[-1], end=role.end)
            continue
        joined.append(role)
    return joined


def parse_line(text: str, start: int, end: int) -> SignatureLine:
    """Names and roles on one line of the signature block, in order."""
    line = text[start:end]
    roles: list[Span] = []
    names: list[Span] = []
    if (
        _BODY_LINE.search(line)
        and not re.search(r",\s*(?:de\s+)?[a-z]+\s*$", line.strip(" ,")[-40:] or "")
        and not _OFFICIAL_OPENS.match(line)
    ):
        return SignatureLine((), ())
    for match in _ROLE_TOKEN.finditer(line):
        found = role_key(match[0])
        if (
            found is None
            and re.match(r"\s*(?:gemeente|van)\b", line[match.end() :])
            and not roles
            and not names
        ):
            found = role_fragment(match[0])
        if found:
            role_start = start + match.start()
            general = re.search(r"(?i:\balgemeen)[ \t]+$", line[: match.start()])
            if found[0] == "directeur" and general:  # "Algemeen directeur": the post as written
                found, role_start = ("algemeen directeur", found[1]), start + general.start()
            roles.append(Span(found[0], role_start, start + match.end(), found[1]))
    roles += job_titles(line, start, roles)
    roles = _slash_joined(text, sorted(roles, key=lambda role: role.start))
    name_line = not _NOT_A_NAME_LINE.search(line) and not _UNIT_LINE.match(line)
    prose = len(line.split()) > _PROSE_WORDS
    scan = line
    if lead := _POST_OR_TEAM_OPENING.match(line):
        # "Medewerker Procedure ondersteuning", "Projectteam Erotisch Centrum": the post's or team's
        # word opens the line and the capitalised words after it are its field, no person's name
        scan = " " * lead.end() + line[lead.end() :]
    for match in NAME.finditer(scan) if name_line else ():
        if prose and not re.search(r"\b[A-Z]\.", match[0]):
            continue  # two capitalised words in running text ("… de plannen Groene Zoom , Oude Haven …")
        span = (start + match.start(), start + match.end())
        overlapping = [role for role in roles if role.start < span[1] and span[0] < role.end]
        if overlapping:
            # "Burgemeester Jannewietske de Vries": the post, then the name to the end of the line
            role = overlapping[0]
            after = _NAME_AFTER_POST.match(text, role.end, end) if role.value == "burgemeester" else None
            if after is None or role.start != span[0]:
                continue
            match, span = after, after.span("name")
            names.append(Span(normalise_name(after["name"]), *span, 0.8))
            continue
        if looks_like_body(match[0]) or _logo_name_line(text, start, match[0]):
            continue
        if _FIELD_NAME.match(match[0]):
            continue  # "wethouder Ruimtelijke Ordening": the post's portfolio, no person's name
        if not re.search(r"[A-Z]\.", match[0]) and all(
            len(word) <= 2 for word in re.findall(r"[A-Za-zÀ-ÿ'’]+", match[0])
        ):
            continue  # a scanned signature's scrap of two-letter words ("Ee Ae"), no name; initials are one
        if re.match(r"[ \t]*:", line[match.end() :]):
            continue  # a label over its value ("Post Author: admin", a web page's furniture)
        if not re.search(r"\b[A-Z]\.", match[0]) and _words_before(line, match.start(), roles, names, start):
            # two capitalised words after other words on the line: a role's unit or portfolio ("Directeur
            # Directie Openbare Orde", "Teammanager Toezicht & Handhaving Bouw"), a map's OCR ("oh Sn Bede")
            continue
        second = _SECOND_SURNAME.match(line, match.end())
        if (
            second
            and re.search(r"\b[A-Z]\.", match[0])
            and role_key(second["word"]) is None
            and not _JOB_TITLE.fullmatch(second["word"])
        ):
            # a double surname without its hyphen, alone after the initials: "M. van der Linden Bosch"
            span = (span[0], start + second.end("word"))
            names.append(Span(normalise_name(line[match.start() : second.end("word")]), *span, 0.85))
            continue
        names.append(Span(normalise_name(match[0]), *span, 0.85))
    return SignatureLine(tuple(names), tuple(roles))


# A logo's first line ends with its kind word ("#r Gemeente" over "Ns Haarlem", an emblem's scraps
# before each): the next line's capitalised words end with the body's name, no person's.
_LOGO_KIND_ABOVE = re.compile(r"(?<![\w-])(?P<kind>Gemeente|Provincie|Waterschap)[ \t]*\n[ \t]*\Z")


def _logo_name_line(text: str, start: int, candidate: str) -> bool:
    above = _LOGO_KIND_ABOVE.search(text, max(0, start - 40), start)
    if above is None:
        return False
    kind = {"Gemeente": GEMEENTE, "Provincie": PROVINCIE, "Waterschap": WATERSCHAP}[above["kind"]]
    resolution = load_gazetteer().resolve(candidate.split()[-1], kinds=(kind,))
    return resolution is not None and resolution.score >= 0.95


def _words_before(line: str, position: int, roles: Sequence[Span], names: Sequence[Span], start: int) -> bool:
    """Words before `position` on the line other than its roles, the names before it, an article or a title."""
    before = list(line[:position])
    for span in (*roles, *names):
        for i in range(max(0, span.start - start), min(position, span.end - start)):
            before[i] = " "
    rest = re.sub(
        rf"\b(?:de|het|{_COURTESY}|(?:mr|dr|drs|ir|ing|prof|ds|mw|mevr|dhr)\b\.?)", " ", "".join(before)
    )
    return re.search(r"[A-Za-zÀ-ÿ]", rest) is not None


# The one word left on a name's line after its surname, capitalised: a second surname.
_SECOND_SURNAME = re.compile(r"[ \t]+(?P<word>[A-Z][a-zà-ÿ'’]{2,})[ \t]*[,.]?[ \t]*$")


# After "Burgemeester" on a line, a name that fills the rest of it (a burgemeester has no portfolio
# that a capitalised phrase could be: "Wethouder Ruimtelijke Ordening" stays a role alone).
_NAME_AFTER_POST = re.compile(rf"[ \t]+(?P<name>{NAME.pattern})[ \t]*[,.]?[ \t]*$")


def looks_like_body(name: str) -> bool:
    return bool(
        re.search(
            r"\b(?:Staten|Gemeente|Provincie|College|Burgemeester|Wethouders|Namens|Met|Hoogachtend|"
            r"Team|Cluster|Afdeling|Sector|Directie|Bureau|Secretariaat|Project|Programma|Eenheid)\b|"
            # a public body's kind word in its name: "Recreatieschap Drenthe", "Veiligheidsregio Fryslân"
            r"(?i:\w*(?:schap|regio|dienst)|wetterskip)\b|"
            r"(?i:partij|fractie|stichting|vereniging|corporatie|comit[ée]|werkgroep|platform|(?:wijk|buurt|dorps|cli[eë]nten|jongeren|advies)raad|"
            r"co[öo]peratie|genootschap|\w*organisatie)\b|"
            # a society of friends: "Vrienden van het Beatrixpark"
            r"^Vrienden\b",
            name,
        )
    )


def normalise_name(raw: str) -> str:
    """Initials written together ("A. R. de Graaf" → "A.R. de Graaf", "E.R. J" → "E.R.J."), titles dropped."""
    name = re.sub(r"\s+", " ", raw).strip(" ,")
    name = re.sub(rf"^{_TITLES}", "", name)
    name = re.sub(r"(?<=\b[A-Z]\.) (?=[A-Z]\b)", "", name)
    name = re.sub(r"(?<=\b[A-Z]\.) (?=[A-Z]\.)", "", name)
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", name):
        name += "."
    return name


def lines_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line in text[start:end]; a line hyphenated into the next
    ("Burgemeester en wetho-" / "uders van Boekel,") counts as one."""
    lines: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        if not m[0].strip():
            continue
        span = (start + m.start(), start + m.end())
        if lines and text[lines[-1][0] : lines[-1][1]].rstrip().endswith("-") and m[0].lstrip()[:1].islower():
            lines[-1] = (lines[-1][0], span[1])
        else:
            lines.append(span)
    return lines


def pair_signatories(text: str, start: int, end: int) -> list[tuple[Span | None, Span | None]]:
    """(name, role) pairs of the signature block, paired on one line, by column, or by nearness."""
    lines = lines_of(text, start, end)
    parsed = [parse_line(text, a, b) for a, b in lines]
    pairs: list[tuple[Span | None, Span | None]] = []
    used_names: set[int] = set()
    used_roles: set[int] = set()
    for index, (a, b) in enumerate(lines):  # a block run into one line
        if len(parsed[index].names) == len(parsed[index].roles) >= 1:
            continue
        run_in = run_in_pairs(text, a, b)
        if run_in:
            parsed[index] = SignatureLine(tuple(n for n, _ in run_in), tuple(r for _, r in run_in))
            pairs += run_in
            used_names.update(name.start for name, _ in run_in)
            used_roles.update(role.start for _, role in run_in)
    _units_after_roles(text, parsed)
    for line in parsed:  # "J. Jansen, burgemeester" on one line
        if len(line.names) == len(line.roles) >= 1 and line.names[0].start not in used_names:
            for name, role in zip(line.names, line.roles):
                pairs.append((name, role))
                used_names.add(name.start)
                used_roles.add(role.start)
    kept = [index for index, line in enumerate(parsed) if line.names or line.roles]
    rows = [parsed[index] for index in kept]
    # a line of names over or under a line of roles
    for row, (first, second) in enumerate(zip(rows, rows[1:])):
        for names, roles in ((first.names, second.roles), (second.names, first.roles)):
            if roles is first.roles and _signs_under_post(text, lines[kept[row]], rows[row + 2 : row + 4]):
                continue
            free_names = [n for n in names if n.start not in used_names]
            free_roles = [r for r in roles if r.start not in used_roles]
            if free_names and len(free_names) == len(free_roles) and not (first.names and first.roles):
                for name, role in zip(free_names, free_roles):
                    pairs.append((name, role))
                    used_names.add(name.start)
                    used_roles.add(role.start)
    for line in parsed:
        for name in line.names:
            if name.start not in used_names:
                pairs.append((name, None))
        for role in line.roles:
            if role.start not in used_roles and not _name_removed(text, role.start):
                pairs.append((None, role))
    return _acting_posts(text, sorted(pairs, key=lambda pair: min(s.start for s in pair if s is not None)))


def _column(text: str, position: int) -> int:
    return position - (text.rfind("\n", 0, position) + 1)


def _acting_posts(
    text: str, pairs: list[tuple[Span | None, Span | None]]
) -> list[tuple[Span | None, Span | None]]:
    """A signer who stands in for the post over the name says so under it: under "de burgemeester," and
    the name, "loco-burgemeester" in the name's column is the post that name signs in, no signer of its
    own."""
    acting = [role for name, role in pairs if name is None and role and role.value.startswith("loco-")]
    taken: set[int] = set()
    for index, (name, role) in enumerate(pairs):
        if name is None or role is None or role.end > name.start:
            continue
        line_end = text.find("\n", name.end)
        for stand_in in acting:
            under_name = line_end >= 0 and not text[line_end : stand_in.start].strip("\n \t,")
            same_column = abs(_column(text, stand_in.start) - _column(text, name.start)) <= 6
            if stand_in.value == f"loco-{role.value}" and under_name and same_column:
                pairs[index] = (name, stand_in)
                taken.add(stand_in.start)
                break
    return [
        (name, role) for name, role in pairs if name is not None or role is None or role.start not in taken
    ]


# Posts of an organisation's staff, which a unit follows ("teamleider Beheer Openbare Ruimte").
_UNIT_ROLES = frozenset(("teamleider", "afdelingshoofd", "manager", "directeur", "algemeen directeur"))


def _units_after_roles(text: str, parsed: list[SignatureLine]) -> None:
    """Under a line that names a signer without a role, a line of one role and then capitalised words
    without initials ("teamleider Beheer Openbare Ruimte", "manager Sociaal Domein") holds that signer's
    role and its unit, no second person: the words are dropped as a name (in place), so the role pairs
    with the name above."""
    rows = [index for index, line in enumerate(parsed) if line.names or line.roles]
    for above, index in zip(rows, rows[1:]):
        line = parsed[index]
        if not (parsed[above].names and not parsed[above].roles and len(line.roles) == len(line.names) == 1):
            continue
        role, name = line.roles[0], line.names[0]
        if role.value not in _UNIT_ROLES or role.end > name.start:
            continue  # an office's holder may follow it ("wethouder Piet Jansen")
        if not re.search(r"\b[A-Z]\.", text[name.start : name.end]):
            parsed[index] = SignatureLine((), line.roles)


# A post and its place closing a line of its own: "De burgemeester van Amsterdam,".
_POST_OF_PLACE = re.compile(
    r"[ \t]*(?:[Dd]e|[Hh]et)[ \t]+[\w-]+[ \t]+van[ \t]+(?:de[ \t]+)?[A-Z][^\n,]{1,60},[ \t]*"
)


def _signs_under_post(text: str, line: tuple[int, int], below: Sequence[SignatureLine]) -> bool:
    """A post and its place over the signer's name ("De burgemeester van Amsterdam," / "J. Jansen") names
    whom the signer signs for when a line of the signer's own post follows the name ("Directeur …") and no
    other name follows that post: the name takes the post under it. An office of a place under the name
    ("burgemeester van Enschede" under "de voorzitter van de Veiligheidsregio Twente,") is the signer's
    other office: the signer signs in the post above."""
    if not _POST_OF_PLACE.fullmatch(text, *line) or not below:
        return False
    under = below[0]
    if under.roles and _OTHER_OFFICE.match(text, under.roles[0].start):
        return False
    return bool(under.roles) and not under.names and not (len(below) > 1 and below[1].names)


# An elected office of a named place, as a signer's other office under the name: "burgemeester van Enschede".
_OTHER_OFFICE = re.compile(
    r"(?i:burgemeester|wethouder|gedeputeerde|dijkgraaf)[ \t]+van[ \t]+(?:de[ \t]+(?:gemeente|provincie)[ \t]+)?"
    r"[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*)*[ \t]*$",
    re.MULTILINE,
)


# A name a published copy removed (a Woo redaction: "(geanonimiseerd)", "[weggelakt]", the ground
# "5.1.2e", a black bar read as "█"): a role beside or under it has no signer the text names.
_REDACTED = re.compile(
    r"geanonimi|weggelakt|(?<![0-9.])(?:5\.1\.2|10\.2)[ \t]*[a-i](?![a-z])|█", re.IGNORECASE
)


def _name_removed(text: str, position: int) -> bool:
    """A redaction marker on the role's line or the line above it (see above)."""
    line_start = text.rfind("\n", 0, position) + 1
    above_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else 0
    line_end = text.find("\n", position)
    return _REDACTED.search(text, above_start, len(text) if line_end < 0 else line_end) is not None


# Where a signature block run into one line ends: an address, an attachment list, a footnote or a web
# page's links after the last name ("… R.P. van Dam 1 Ter inzage gelegd …", "… secretaris. Top").
_RUN_IN_STOP = re.compile(
    r"(?<![\w.])(?:postbus|bezoekadres|telefoon|e-mail|www\.|bijlagen?|kopie|afschrift|x\s*noot|noot|noten?|"
    r"naar boven|ter inzage|raadpleegbaar|top|read more|lees meer|[0-9]{1,2}(?=[ \t]|$))(?![\w])",
    re.IGNORECASE,
)


_WITH_INITIALS = re.compile(rf"{_TITLES}{_INITIALS}")
_SURNAME_REST = re.compile(r"((?:[ \t]+[A-Z][a-zà-ÿ'’]+)+)[ \t.]*$")


def run_in_pairs(text: str, start: int, end: int) -> list[tuple[Span, Span]]:
    """(name, role) pairs of a signature block run into one line, read part by part between its
    commas: "burgemeester en wethouders van X, de secretaris, A. Jansen de burgemeester, B. de Vries"
    (each post before its name, as columns read one after the other), "P. de Groot, voorzitter.
    L. Smit, secretaris." (each name before its post), or all posts and then all names. A
    line whose names and posts follow no such order gives none."""
    stop = _RUN_IN_STOP.search(text, start, end)
    end = stop.start() if stop else end
    if text.count(",", start, end) < 1 or text[start:end].rstrip().endswith(","):
        return []  # a line ending in a comma is a post or a body whose names follow on the next lines
    tokens: list[tuple[str, Span]] = []
    for part in re.finditer(r"[^,]+", text[start:end]):
        part_end = start + part.end()
        line = parse_line(text, start + part.start(), part_end)
        # only a name with initials: a capitalised pair of words continues a body's name ("De
        # minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer,")
        for name in line.names:
            if _WITH_INITIALS.match(name.value):
                # a surname of two words fills its part: "R.P. Dam Hoekstra X Noot …"
                rest = _SURNAME_REST.match(text, name.end, part_end)
                if rest:
                    name = Span(
                        normalise_name(text[name.start : rest.end(1)]),
                        name.start,
                        rest.end(1),
                        name.confidence,
                    )
                tokens.append(("name", name))
        tokens += [("role", r) for r in line.roles]
    tokens.sort(key=lambda token: token[1].start)
    if len(tokens) < 2 or len(tokens) % 2:
        return []
    kinds = [kind for kind, _ in tokens]
    half = len(tokens) // 2
    if all(kinds[i] != kinds[i + 1] for i in range(len(kinds) - 1)):
        ordered = [(tokens[i][1], tokens[i + 1][1]) for i in range(0, len(tokens), 2)]
    elif half >= 2 and len(set(kinds[:half])) == 1 and len(set(kinds[half:])) == 1:
        ordered = list(zip((t[1] for t in tokens[:half]), (t[1] for t in tokens[half:])))
    else:
        return []
    return [(a, b) if kinds[0] == "name" else (b, a) for a, b in ordered]


# A board's signature formula run on after the last sentence, without a closing formula: "… of
# waterschappen. Gedeputeerde Staten van Overijssel, voorzitter, secretaris,", "Burgemeester en
# wethouders van Ede, de secretaris, de burgemeester,"; also run on after a word that ends no sentence
# where its two posts follow, OCR having lost their commas ("… stukken: geen Burgemeester en wethouders
# van Leeuwarderadeel, de secretaris de burgemeester …": two posts in a row end no sentence of a letter).
_BOARD_SIGNED = re.compile(
    r"(?:(?<=[.!?][ \t])|^[ \t]*|(?<=[ \t])(?=[A-Z][^\n,]{2,90},[ \t]*(?:de[ \t]+)?"
    r"(?:voorzitter|secretaris|burgemeester|dijkgraaf|griffier)(?:,[ \t]*|[ \t]+)(?:de[ \t]+)?"
    r"(?:voorzitter|secretaris|burgemeester|dijkgraaf|griffier)\b))"
    r"(?P<board>(?:[Hh]et[ \t]+)?(?:[Cc]ollege[ \t]+van[ \t]+)?"
    r"(?:Gedeputeerde[ \t]+Staten|[Bb]urgemeester[ \t]+en[ \t]+[Ww]ethouders|[Dd]ijkgraaf[ \t]+en[ \t]+"
    r"(?:[Hh]oog)?[Hh]eemraden|[Dd]agelijks[ \t]+[Bb]estuur)[ \t]+van[ \t]+[^\n,]{2,60}),[ \t]*"
    r"(?:de[ \t]+)?(?P<first>voorzitter|secretaris|burgemeester|dijkgraaf|griffier)(?:,[ \t]*|[ \t]+)"
    r"(?:de[ \t]+)?(?P<second>voorzitter|secretaris|burgemeester|dijkgraaf|griffier)\b",
    re.MULTILINE,
)


# A board's name on a line of its own closing a letter that has no closing formula, its signers' posts
# and names below: "Gedeputeerde Staten van Overijssel,\nvoorzitter, A.P. Heidema\nsecretaris, N. Versteeg",
# "… van Overijssel,\nvoorzitter\nA.P. HEIDEMA\nsecretaris\nN. VERSTEEG".
_BOARD_LINE = re.compile(
    r"^[ \t]*(?:[Hh]et[ \t]+)?(?:[Cc]ollege[ \t]+van[ \t]+)?(?:Gedeputeerde[ \t]+Staten|[Bb]urgemeester[ \t]+en[ \t]+"
    r"[Ww]ethouders|[Dd]ijkgraaf[ \t]+en[ \t]+(?:[Hh]oog)?[Hh]eemraden|[Dd]agelijks[ \t]+[Bb]estuur)(?:[ \t]+|,[ \t]*)va[ \t]?n(?:[ \t]+|(?=['’]))"  # OCR: "Staten,van", "Staten, va n", "van's-Hertogenbosch"
    r"[^\n,]{2,60},[ \t]*$",
    re.MULTILINE,
)
_BLOCK_POSTS = (
    r"(?:[l1I|]oco-|waarnemend[ \t]+)?"
    r"(?:(?:gemeente|provincie)?secretaris|voorzitter|burgemeester|dijkgraaf|(?:raads|staten)?griffier|commissaris)\b"
)
_POST_OPENS = re.compile(rf"[ \t]*(?:de[ \t]+)?{_BLOCK_POSTS}", re.IGNORECASE)


_NAME_THEN_POST = re.compile(
    rf"[ \t]*(?:{_TITLES})?(?:{NAME.pattern})[ \t]*,[ \t]*(?:de[ \t]+)?{_BLOCK_POSTS}",
    re.IGNORECASE,
)


def board_block_zone(text: str) -> tuple[int, int] | None:
    """The last board's name on a line of its own with a post opening the next line (see above), as a
    signature zone: the board's line and the lines under it to the block's end."""
    matches = list(_BOARD_LINE.finditer(text))
    if not matches:
        return None
    board = matches[-1]
    below = _past_scribbles(text, board.end())
    line_end = text.find("\n", below)
    line_end = len(text) if line_end < 0 else line_end
    if not (
        _POST_OPENS.match(text, below)
        # the post after the signer's name: "drs. A.B. Jansen, voorzitter"
        or _NAME_THEN_POST.match(text, below)
        # the signers' names removed from a published copy, or the board's "namens het college,"
        or (_REDACTED.search(text, below, line_end) and not re.search(r"[.!?][ \t]*$", text[below:line_end]))
        or re.match(r"[ \t]*namens[ \t]+het[ \t]+college\b", text[below:line_end], re.IGNORECASE)
    ):
        return None
    return board.start(), block_end(text, below, min(len(text), below + 400))


def _past_scribbles(text: str, position: int) -> int:
    """Where the next line with words starts after `position`, past blank lines and at most six lines a
    scanned signature left ("AL", "nr", "PA nn": `_SCRIBBLE`) between a board's line and its posts; or,
    where a post opens a line after them, past scraps with letters too ("dennen", "Name”", "[valse":
    `_LETTERED_SCRAP`)."""
    scribbled = _past(text, position, _SCRIBBLE)
    scrapped = _past(text, position, _LETTERED_SCRAP)
    return scrapped if scrapped != scribbled and _POST_OPENS.match(text, scrapped) else scribbled


# A scrap with letters that handwriting leaves on a scan: a word or two in at most twelve characters,
# no initials, no sentence's end ("dennen", "Name”", "Nasser”", "nl Là", "[valse"; not "J. de Vries").
_LETTERED_SCRAP = re.compile(
    r"[ \t]*(?=[^\n]*\S)(?![^\n]*\b[A-Z]\.)(?![^\n]*[.!?:;,][ \t]*$)(?=[^\n]{1,12}$)"
    r"(?!(?i:(?:de[ \t]+)?(?:voorzitter|secretaris|burgemeester|dijkgraaf|griffier|commissaris))\b)"  # a post
    r"\S+(?:[ \t]+\S+)?[ \t]*$",
    re.MULTILINE,
)


def _past(text: str, position: int, scrap: re.Pattern[str]) -> int:
    """Where the next line with words starts after `position`, past blank lines and at most six lines
    that `scrap` matches."""
    for _ in range(7):
        below = position + len(text[position:]) - len(text[position:].lstrip())  # OCR: blank lines
        line_end = text.find("\n", below)
        line_end = len(text) if line_end < 0 else line_end
        if not (scrap.fullmatch(text, below, line_end) or _SCRIBBLE.fullmatch(text, below, line_end)):
            return below
        position = line_end
    return position + len(text[position:]) - len(text[position:].lstrip())


def board_signed_zone(text: str, start: int = 0) -> tuple[int, int] | None:
    """The last board signature formula without a closing (see above), as a signature zone."""
    matches = list(_BOARD_SIGNED.finditer(text, start))
    return matches[-1].span() if matches else None


# The signers' names run on after the formula's two posts, in the posts' order, on the same line: "… de
# secretaris de burgemeester WIM EPPINGA drs. JOOP R.A. BOERTJENS". Where the two names part is told by
# a title ("drs.", "mr.") or by initials after a surname ("J. Jansen P. de Vries"); without either
# ("JAN JANSEN PIET PIETERS") which words are whose is not told.
_RUN_ON_NAMES = re.compile(r"[ \t,]*(?P<names>[^\n]{5,90}?)[ \t.,]*$", re.MULTILINE)
_NAME_WORD = re.compile(
    rf"(?:{_TITLES.replace('*', '+')})|(?:[A-Z]\.)+|[A-ZÀ-Ý][\w'’-]*|(?:van|de|der|den|ter|ten|te|la)\b"
)
_TITLE_WORD = re.compile(r"(?:mr|dr|drs|ir|ing|prof)\.\s*$", re.IGNORECASE)


def board_formula_signers(text: str, zone: tuple[int, int]) -> list[tuple[Span, Span]]:
    """(name, post) of the two signers whose names follow a run-on board formula (see above)."""
    formula = _BOARD_SIGNED.match(text, zone[0])
    if formula is None or formula.end() != zone[1]:
        return []
    after = _RUN_ON_NAMES.match(text, zone[1])
    if after is None:
        return []
    stop = _RUN_IN_STOP.search(text, after.start("names"), after.end("names"))
    words = list(
        _NAME_WORD.finditer(text, after.start("names"), stop.start() if stop else after.end("names"))
    )
    covered = "".join(text[w.start() : w.end()] for w in words)
    if not words or len(re.sub(r"\s", "", covered)) != len(
        re.sub(r"\s", "", text[words[0].start() : words[-1].end()])
    ):
        return []  # other words than a name's among them
    cuts = [i for i, w in enumerate(words) if i > 0 and _TITLE_WORD.match(w[0])]
    if not cuts:
        cuts = [
            i
            for i, w in enumerate(words)
            if i > 0 and re.fullmatch(r"(?:[A-Z]\.)+", w[0]) and len(words[i - 1][0].rstrip(".")) > 1
        ]
    if len(cuts) != 1:
        return []
    parts = (words[: cuts[0]], words[cuts[0] :])
    signers = []
    for part, post in zip(parts, ("first", "second")):
        named = [w for w in part if not _TITLE_WORD.match(w[0])]
        if len(named) < 2:
            return []
        name = Span(
            normalise_name(text[named[0].start() : named[-1].end()]), named[0].start(), named[-1].end(), 0.6
        )
        signers.append((name, Span(formula[post].lower(), *formula.span(post), 0.8)))
    return signers


# "Namens …," opening a line, or (a web page that ran the signature into the last sentence) after
# the end of a sentence: "… (nieuwsbrief april 2018) Namens de Gebiedscommissie …,".
_NAMENS = re.compile(
    r"(?:^[ \t]*(?:namens|amens|mens)|(?<=[.)][ \t])namens(?=[^\n]*,[ \t]*$))[ \t]+(?!deze\b|dezen\b|hen\b|hem\b|haar\b)"
    r"(?P<who>[^\n]{4,120}?)[ \t,]*$",
    re.IGNORECASE | re.MULTILINE,
)
# "Namens …," on the line above the closing, blank lines between at most (signature_zone).
_NAMENS_ABOVE = re.compile(
    r"^[ \t]*namens[ \t]+(?!deze\b|dezen\b|hen\b|hem\b|haar\b)[^\n]{4,120}?[ \t]*,[ \t]*\n(?:[ \t]*\n)*[ \t]*\Z",
    re.IGNORECASE | re.MULTILINE,
)
# "Namens …," with the first signer's name after it on the same line: run on after the last sentence
# ("… (zie de kaart). Namens de Adviescommissie Groene Hart, P. de Groot, voorzitter. …") or opening a
# line of its own ("Namens de fractie CDA, Reynold Bontes.").
_NAMENS_RUN_IN = re.compile(
    rf"(?:(?<=[.)][ \t])|^[ \t]*)Namens[ \t]+(?!deze\b|dezen\b|hen\b|hem\b|haar\b)(?P<who>[^\n,]{{4,120}}?),[ \t]*(?={NAME.pattern})",
    re.MULTILINE,
)
_BODY_WORDS = (
    (r"\bcolleges?\b|burgemeester\s+en\s+wethouders|\bb\s*(?:&|en)\s*w\b(?![/.-]?[0-9]|/)", COLLEGE),
    (r"gedeputeerde\s+staten", GS),
    (r"provinciale\s+staten", PS),
    (r"\braden\b|\braad\b", COUNCIL),
)


# A post and its municipality without "van" in a "namens" line: "Namens de burgemeester Amsterdam,".
_POST_AND_PLACE = re.compile(
    r"(?:de[ \t]+)?(?:burgemeester|loco-burgemeester)[ \t]+(?:van[ \t]+)?(?:de[ \t]+gemeente[ \t]+)?"
    r"(?P<place>[A-Z][\w'-]*(?:[ \t]+[A-Za-z][\w'-]*){0,3})",
    re.IGNORECASE,
)


def _body_of(phrase: str) -> str | None:
    for pattern, body in _BODY_WORDS:
        if re.search(pattern, phrase, re.IGNORECASE):
            return body
    return None


# Dutch political parties by the names they sign with: "namens de PVV Noord-Brabant" is a party, not
# the province whose name follows.
PARTIES = r"PVV|CDA|VVD|SP|D66|SGP|PvdA|PvdD|GroenLinks|GL|ChristenUnie|CU|BBB|JA21|FvD|DENK|50PLUS|Volt|NSC"
_PARTY_NAME = re.compile(rf"(?:(?:{PARTIES})(?![\w-])|[^\n]*(?:fractie|[Pp]artij|PARTIJ)\b|Lijst[ \t]+[A-Z])")
# A local audit office or ombudsman that signs by its name alone: "De Rekenkamer Rotterdam,", "de
# Ombudsman Metropool Amsterdam,", "Rekenkamercommissie Oss,". The register holds none of them.
AUDIT_WORD = re.compile(r"rekenkamer|ombuds", re.IGNORECASE)
_AUDIT_BODY_LINE = re.compile(
    rf"^[ \t]*(?:[Dd]e[ \t]+|[Hh]et[ \t]+)?(?P<who>(?=[A-Z])\w*(?i:{AUDIT_WORD.pattern})\w*"
    r"(?:[ \t]+(?:[A-Z][\w'’-]*|van|voor|de|en)){0,4}?)[ \t]*,[ \t]*$",
    re.MULTILINE,
)


# A party's line in the signature block: "Statenfractie PARTIJ VOOR ZEELAND (PVZ),", "Lijst Babijn", a
# local party by the words local parties are named with and its place ("GemeenteBelangen Marum",
# "Dorpsbelangen …", "Lokaal Belang …", "Leefbaar …") or a national party's branch ("D66 Haarlem").
_PARTY_LINE = re.compile(
    r"^[ \t]*(?P<who>(?:Statenfractie|Raadsfractie|Waterschapsfractie|Fractie|Lijst)[ \t]+[^\n]{2,80}?|"
    r"[A-Z][\w/&+-]*-fractie|"
    rf"(?:[A-Z][a-z]*(?-i:[Bb]elangen)|(?:Lokaal|Algemeen)[ \t]+Belang|Leefbaar|{PARTIES})"
    r"[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)[ \t,]*$",
    re.MULTILINE,
)
_SEVERAL_PARTIES = re.compile(r"\b(?:fracties|partijen)\b", re.IGNORECASE)
_MEMBER_OF = re.compile(r"\b(?:lid|leden)[ \t]+(?:van[ \t]+(?:de[ \t]+)?)?$", re.IGNORECASE)


def on_behalf_of(
    text: str, zone: tuple[int, int], found: Sequence[OrgMention], groups: Mapping[str, Sequence[str]]
) -> tuple[Found | None, tuple[Found, ...]]:
    """The body the block signs for ("namens …", "Burgemeester en wethouders van …"), with a group's members."""
    namens = _NAMENS_RUN_IN.match(text, zone[0], zone[1]) or _NAMENS.search(text, *zone)
    if namens and _A_SENTENCE.search(namens["who"]):
        # "Namens D66 Haarlem wil ik graag twee vragen stellen, …": a sentence of the letter that
        # opens with "Namens", its writer speaking; no signature's line
        namens = None
    board = _BOARD_LINE.match(text, zone[0])
    if namens and board and namens.start() >= board.end() and _body_of(namens["who"]) == _body_of(board[0]):
        # "Het college van burgemeester en wethouders van Haarlem, / namens het college,": the board's
        # line names the body with its place, the "namens" under it only repeats it
        namens = None
    if namens and _SEVERAL_PARTIES.search(namens["who"]):
        # "Namens de leden van de fracties;" over two chairs of two parties: the letter has two writers
        return None, ()
    if namens:
        start, end = namens.span("who")
        post = _POST_AND_PLACE.fullmatch(namens["who"])
        if post is not None:  # "Namens de burgemeester Amsterdam,": the post's municipality, no body
            resolved = load_gazetteer().resolve(post["place"], kinds=("gemeente",), fuzzy=False)
            if resolved is not None:
                return _found(
                    text, resolved.code, start + post.start("place"), start + post.end("place"), 0.7
                ), ()
        article = re.match(r"(?:de|het)\s+(?=\S)", namens["who"], re.IGNORECASE)
        party = _PARTY_NAME.match(namens["who"], article.end() if article else 0)
        inside = [m for m in found if start <= m.start < end and m.resolved]
        if inside and not party:
            own = from_mention(text, inside[0], 0.85)
            if len({body for pattern, body in _BODY_WORDS if re.search(pattern, namens["who"], re.I)}) > 1:
                # "namens Provinciale Staten en het college van Gedeputeerde Staten van …": two bodies
                own = replace(own, detail=None)
            return own, ()
        body = _body_of(namens["who"])
        members = _group_members(text, start, end, groups, body)
        if article and not body:  # "namens de BSD-fractie": the party's name, without the article
            start += article.end()
        board = _BOARD_OF_PROPER_NAME.match(text, start, end)
        if board is not None and not body:  # "Namens het bestuur van het Interprovinciaal Overleg,"
            start = board.start("name")
        who = re.sub(r"\s+", " ", text[start:end]).strip()
        return _found(text, who, start, end, 0.7, body), members
    joint = joint_boards(text, zone, found)
    if joint is not None:  # each body's board line over its own signers: the bodies write together
        return joint
    audit = _AUDIT_BODY_LINE.search(text, *zone)
    if audit and not any(m.resolved and audit.start("who") <= m.start < audit.end("who") for m in found):
        # "De Rekenkamer Rotterdam," over its chair and secretary: the body the register lacks, as written
        return _found(text, audit["who"], *audit.span("who"), 0.7), ()
    party_line = _PARTY_LINE.search(text, *zone)
    if party_line:  # "Hoogachtend, / Statenfractie PARTIJ VOOR ZEELAND (PVZ), / …"
        return _found(text, party_line["who"].strip(), *party_line.span("who"), 0.7), ()
    in_zone = [
        m
        for m in found
        if zone[0] <= m.start < zone[1] and m.body and not _MEMBER_OF.search(text, zone[0], m.start)
    ]
    if in_zone and not any(m.resolved for m in in_zone) and all(m.body in _BOARD_BODIES for m in in_zone):
        # "Het dagelijks bestuur / Namens hen / De secretaris van de Bestuurscommissie Noord, gemeente
        # Amsterdam": a board named without its organisation ("het algemeen bestuur van de bestuurscommissie
        # van stadsdeel Zuid") is no sender as written; the municipality a line over the signer's name
        # names is, without a body; none named, the block names no sender. A board of a public body the
        # register lacks, named by its proper name ("het dagelijks bestuur van Regio Twente,"), signs for
        # that body, as written.
        return _place_over_signer(text, zone, found) or _unregistered_board(text, in_zone[0]), ()
    if not any(m.resolved for m in in_zone):
        for line in _BOARD_LINE.finditer(text, *zone):
            inside = [m for m in found if line.start() <= m.start < line.end() and m.resolved]
            if (
                inside
            ):  # "dijkgraaf en heemraden van Waterschap Vallei en Veluwe,": the body whose board signs
                return from_mention(text, inside[0], 0.85), ()
    named = [m for m in in_zone if m.resolved]
    # the closing's first line names a post and its municipality ("De burgemeester van Amsterdam,"): that
    # municipality signs, before any body a later line names (an objection clause's "bij het College …")
    first = re.match(r"\s*[^\n]*", text[zone[0] : zone[1]])
    first_end = zone[0] + (first.end() if first else 0)
    post_line = [
        m
        for m in found
        if zone[0] <= m.start < first_end
        and m.resolved
        and m.value.startswith("gm")
        and not m.body
        and text[zone[0] : first_end].rstrip().endswith(",")
    ]
    if post_line and not (named and named[0].start < post_line[0].start):
        return from_mention(text, post_line[0], 0.85), ()
    if named:
        return from_mention(text, named[0], 0.9), ()
    if in_zone:
        return from_mention(text, in_zone[0], 0.5), ()
    return None, ()


_BOARD_BODIES = {"dagelijks-bestuur", "algemeen-bestuur"}
# How a group of one kind of board is named: "colleges van burgemeester en wethouders van A, B en C".
_BOARDS_OF = {COLLEGE: "colleges van burgemeester en wethouders van", GS: "Gedeputeerde Staten van"}


def listed(names: Sequence[str]) -> str:
    """Names as a Dutch list writes them: "A, B en C"."""
    return ", ".join(names[:-1]) + " en " + names[-1] if len(names) > 1 else "".join(names)


def joint_boards(
    text: str, zone: tuple[int, int], found: Sequence[OrgMention]
) -> tuple[Found, tuple[Found, ...]] | None:
    """A letter several bodies sign, each under its own board's line ("Het college van burgemeester en
    wethouders van Teylingen," / its secretary and mayor / "Het college van burgemeester en wethouders van
    Lisse," / …): the group, named after its members as the lines write them ("colleges van burgemeester
    en wethouders van Teylingen en Lisse"), with the board's kind where all are of one, and each member;
    None where fewer than two bodies sign so."""
    members: list[tuple[Found, str]] = []
    for line in _BOARD_LINE.finditer(text, *zone):
        inside = [m for m in found if line.start() <= m.start < line.end() and m.resolved and m.body]
        if inside and all(member.value != inside[0].value for member, _ in members):
            place = re.sub(r"\s+", " ", line[0].rstrip(" \t,").rpartition(" van ")[2])
            members.append((from_mention(text, inside[0], 0.8), place))
    if len(members) < 2:
        return None
    bodies = {member.detail for member, _ in members}
    body = bodies.pop() if len(bodies) == 1 else None
    places = listed([place for _, place in members])
    name = f"{_BOARDS_OF[body]} {places}" if body in _BOARDS_OF else places
    start, end = members[0][0].start, members[-1][0].end
    return _found(text, name, start, end, 0.7, body), tuple(member for member, _ in members)


# A writer speaking after the body's name: the "namens" opens a sentence, not a signature's line.
_A_SENTENCE = re.compile(r"[ \t](?:ik|wij|we|willen|wil|vragen|verzoeken|sturen)[ \t]", re.IGNORECASE)


# The proper name after a board's words, to the line's end or its comma: capitalised words, no unit of an
# organisation ("de bestuurscommissie van stadsdeel Zuid" is none).
_BOARD_OF_NAME = re.compile(
    r"[ \t]*(?:de[ \t]+|het[ \t]+)?(?P<name>(?!(?:[Bb]estuurscommissie|[Ss]tadsdeel|[Cc]ommissie)\b)[A-Z][\w'’-]*"
    r"(?:[ \t]+(?:[A-Z][\w'’-]*|en|van|de|voor|aan)){0,4})[ \t]*,?[ \t]*$",
    re.MULTILINE,
)


# A body's board before its proper name ("bestuur van het Interprovinciaal Overleg"): the body signs.
_BOARD_OF_PROPER_NAME = re.compile(
    r"(?:(?:het|de)[ \t]+)?(?:(?:dagelijks|algemeen)[ \t]+)?bestuur[ \t]+van[ \t]+(?:het[ \t]+|de[ \t]+)?"
    r"(?P<name>(?-i:[A-Z]))",
    re.IGNORECASE,
)


def _unregistered_board(text: str, board: OrgMention) -> Found | None:
    """The body the register lacks whose board signs, by the name after the board's words; None where
    none follows."""
    named = _BOARD_OF_NAME.match(text, board.end)
    if named is None:
        return None
    return _found(text, named["name"], *named.span("name"), 0.6, board.body)


def _place_over_signer(text: str, zone: tuple[int, int], found: Sequence[OrgMention]) -> Found | None:
    """The one municipality or province named in the block above the first signer's name, if any."""
    names = [name for name, _ in pair_signatories(text, *zone) if name is not None]
    if not names:
        return None
    places = {
        m.value
        for m in found
        if zone[0] <= m.start < names[0].start and m.resolved and not m.body and m.value[:2] in ("gm", "pv")
    }
    if len(places) != 1:
        return None
    first = next(m for m in found if zone[0] <= m.start < names[0].start and m.value in places)
    return from_mention(text, first, 0.7)


def _group_members(
    text: str, start: int, end: int, groups: Mapping[str, Sequence[str]], body: str | None
) -> tuple[Found, ...]:
    folded = fold(text[start:end])
    for name, codes in sorted(groups.items(), key=lambda item: -len(item[0])):
        if fold(name) and fold(name) in folded:
            return tuple(_found(text, code, start, end, 0.7, body) for code in codes)
    return ()


# An e-mail's header: "Verzonden:" with "Aan:" on one of the two lines under it (OCR or a redaction can
# take the "Van:" line above), or "Van:"/"From:" with "Verzonden:"/"Sent:" under it.
MAIL_HEADER = re.compile(
    r"^[ \t]*(?:(?:[Vv]an|From)[ \t]*:[^\n]*\n(?:[^\n]*\n)?[ \t]*(?:Verzonden|Sent)[ \t]*:"
    # the "Aan:" line may be removed with the receiver's name: "Verzonden: …" / "(geanonimiseerd)" / "CC: …"
    r"|(?:Verzonden|Sent)[ \t]*:[^\n]*\n(?:[^\n]*\n)?[ \t]*(?:Aan|To|CC|Cc|Onderwerp|Subject)[ \t]*:)",
    re.MULTILINE,
)


# A phone's or web mail's line over the message a reply quotes: "Op 30 aug. 2022 om 09:56 heeft … het
# volgende geschreven:" (over two lines as often as not), "On 30 Aug 2022, at 09:56, … wrote:".
_QUOTE_INTRO = re.compile(
    r"^[ \t]*(?:Op|On)[ \t][^\n]{4,80}?[0-9]{1,2}[:.][0-9]{2}[^\n]{0,120}?\n?[^\n]{0,40}?"
    r"(?:geschreven|wrote)[ \t]*:",
    re.MULTILINE,
)


def quoted_message_start(text: str) -> int:
    """Where the message an e-mail answers or forwards begins: its header, the second in the text after
    the first message's body ("Verzonden: … / Aan: …" under the reply's text), or the line a reply sets
    over the message it quotes ("Op … heeft … het volgende geschreven:"). The reply's signature is above
    it; a closing and a name below it are the quoted writer's. The text's length where there is neither."""
    headers = list(MAIL_HEADER.finditer(text))
    intro = _QUOTE_INTRO.search(text, headers[0].end()) if headers else None
    starts = [intro.start()] if intro is not None else []
    if headers:
        forward = _FORWARD_MARK.search(text, headers[0].end())
        starts += [forward.start()] if forward is not None else []
    if len(headers) >= 2:
        first, second = headers[0], headers[1]
        # the first header opens the text (a line or two of a redacted name above it) and the second comes
        # after a body: a forwarded letter's own header block read twice is no second message
        if text[: first.start()].count("\n") <= 3 and text[first.end() : second.start()].count("\n") >= 4:
            starts.append(second.start())
    top = _OPENING_FROM.match(text)
    if top is not None:
        # a header of another shape opens the text ("Van: …" / "Onderwerp: …" / "Datum: …"): the first
        # header after a body of its own (two lines or more that are no header's) is the quoted message's
        # (a forward with no text of its own has none: the forwarded message is the letter)
        starts += [
            h.start() for h in headers if len(_BODY_LINE_OF_MAIL.findall(text, top.end(), h.start())) >= 2
        ][:1]
    return min(starts, default=len(text))


# A mail program's line over a forwarded or quoted message: "Begin doorgestuurd bericht:", "Begin forwarded
# message:", "-----Oorspronkelijk bericht-----", "---------- Forwarded message ---------".
_FORWARD_MARK = re.compile(
    r"^[ \t]*(?:Begin[ \t]+(?:doorgestuurd[ \t]+bericht|forwarded[ \t]+message)[ \t]*:|"
    r"-{2,}[ \t]*(?:Oorspronkelijk[ \t]+bericht|Original[ \t]+Message|Forwarded[ \t]+message|Doorgestuurd[ \t]+bericht)"
    r"[ \t]*-{2,})",
    re.MULTILINE | re.IGNORECASE,
)
_OPENING_FROM = re.compile(r"(?:[^\n]*\n){0,3}?[ \t]*(?:Van|From)[ \t]*:[^\n]*")
_BODY_LINE_OF_MAIL = re.compile(
    r"^(?![ \t]*(?:Van|From|Aan|To|CC|BCC|Onderwerp|Subject|Datum|Date|Verzonden|Sent|Bijlagen?|Attachments)[ \t]*:)"
    r"[ \t]*\S[^\n]*$",
    re.MULTILINE | re.IGNORECASE,
)


def namens_zone(text: str) -> tuple[int, int] | None:
    """A block that signs without a closing: "Namens de PVV Noord-Brabant," and the names under it, or
    a party's line and its member's name ending the text ("Lijst Babijn" / "François Babijn")."""
    matches = list(_NAMENS.finditer(text, max(0, len(text) - 800)))
    if matches and matches[-1][0].rstrip().endswith(","):
        start = matches[-1].start()
        return start, block_end(text, start, min(len(text), start + 400))
    run_in = list(_NAMENS_RUN_IN.finditer(text, max(0, len(text) - 800)))
    if run_in:
        start = run_in[-1].start()
        return start, min(len(text), start + 400)
    for namens in reversed(list(_NAMENS.finditer(text))):
        # further from the end (a decision's objection clause after it): "Namens de burgemeester van
        # Amsterdam," on a line of its own with a name alone on the next line that is not blank, or
        # after the code of the Woo's ground a removed signature was blacked out under ("5.1.2.e", OCR'd
        # "5.1,2,e": a line without three letters in a row, as a scan's scribble)
        below = re.match(r"[ \t]*\n(?:[ \t]*\n)*", text[namens.end() :])
        if namens[0].rstrip().endswith(",") and below:
            line_start = _past(text, namens.end(), _SCRIBBLE)
            line_end = text.find("\n", line_start)
            line = text[line_start : len(text) if line_end < 0 else line_end]
            if _NAME_ALONE.fullmatch(line) and not looks_like_body(line):
                start = namens.start()
                return start, block_end(text, start, min(len(text), start + 400))
    tail = text.rstrip()
    party = list(_PARTY_LINE.finditer(tail, max(0, len(tail) - 200)))
    if party and re.fullmatch(r"\s*\n[ \t]*" + NAME.pattern + r"[^\n]{0,40}", tail[party[-1].end() :]):
        return party[-1].start(), len(tail)
    boards = [m for m in _NAMENS.finditer(text) if m[0].rstrip().endswith(",") and _BOARD.match(m["who"])]
    if boards:
        # a board's formula on a line of its own ("Namens het college van burgemeester en wethouders van
        # Amsterdam,") over a scrawl and the signer's post as OCR read them, before the objection clause:
        # the formula and the short lines under it, up to a sentence (a line of prose names no signer)
        end = boards[-1].end()
        for _ in range(4):
            below_line = _NEXT_LINE.match(text, end)
            if (
                below_line is None
                or not below_line[1].split()
                or len(below_line[1].split()) > 6
                or below_line[1].rstrip().endswith(".")
            ):
                break
            end = below_line.end()
        return boards[-1].start(), end
    return None


_NEXT_LINE = re.compile(r"\n([^\n]*)")
_BOARD = re.compile(
    r"(?:het[ \t]+|de[ \t]+)?(?:college[ \t]+van[ \t]+(?:burgemeester|b[ \t]*(?:&|en)[ \t]*w|gedeputeerde|dijkgraaf)|"
    r"burgemeester[ \t]+en[ \t]+wethouders|gedeputeerde[ \t]+staten|(?:dagelijks|algemeen)[ \t]+bestuur|"
    r"burgemeester[ \t]+van)\b",
    re.IGNORECASE,
)


def minister_zone(text: str) -> tuple[int, int] | None:
    """A ministry's letter has no closing: its signature block starts at "De minister van …,". A letter
    followed by what it offers (a note printed under it: "… stuur ik u de notitie. / De Minister
    van …, / H. J. van Dam / DE VERKIEZING VAN WETHOUDERS …") has the block before that text: the
    post on a line of its own with the name alone on a line under it."""
    match = _MINISTER.search(text, max(0, len(text) - 700))
    if match is None:
        enclosing = list(_MINISTER_ABOVE_ENCLOSURE.finditer(text))
        if enclosing:
            return enclosing[-1].start(), enclosing[-1].end()
    return (match.start(), block_end(text, match.end(), min(len(text), match.end() + 300))) if match else None


_MINISTER_ABOVE_ENCLOSURE = re.compile(
    rf"^[ \t]*De[ \t]+(?:[Mm]inister|[Ss]taatssecretaris)[ \t]+van[ \t]+[^\n,]{{3,90}},[ \t]*\n(?:[ \t]*\n)?"
    rf"[ \t]*(?:{NAME.pattern})[ \t]*(?=\n[ \t]*\n)",
    re.MULTILINE,
)


# "De minister van …," on a line of its own, or run on after the last sentence with the name after
# it and nothing but the page's end or footnotes after the name ("… te sturen. De minister van
# Infrastructuur en Waterstaat, R.P. van Dam"; a footnote's number may stand at the sentence's end:
# "… de wegen.1 De minister van …", "… de wegen2. De minister van …").
_MINISTER = re.compile(
    # (the ministry's name may go on on the next line: "De Minister van Sociale Zaken" / "en Werkgelegenheid,")
    # or end on "en", "van" or "voor" with the rest on the next line ("… Binnenlandse Zaken en" / "Koninkrijksrelaties,")
    r"^[ \t]*De\s+(?:minister|staatssecretaris)\s+van\s+[^\n]{3,90}(?:\n[ \t]*(?:en|voor)[ \t][^\n,]{2,60}|"
    r"(?:(?<=[ \t]en)|(?<=[ \t]van)|(?<=[ \t]voor))\n[ \t]*[^\n,]{2,60})?,[ \t]*$|"
    r"(?:(?<=[.!?][ \t])|(?<=[.!?][0-9][ \t]))De[ \t]+(?:minister|staatssecretaris)[ \t]+van[ \t]+[^\n,]{3,90},"
    rf"[ \t]*(?=(?-i:{NAME.pattern}(?:[ \t]+[A-Z][a-zà-ÿ]+)?)[ \t]*(?:$|{_RUN_IN_STOP.pattern}))",
    re.MULTILINE | re.IGNORECASE,
)


def signatories(
    text: str, zone: tuple[int, int], behalf: Found | None, found: Sequence[OrgMention], date: str | None
) -> tuple[Signatory, ...]:
    result = []
    for name, role in pair_signatories(text, *zone):
        role_found = post_of = None
        if role is not None:
            post_org = next((m for m in found if m.resolved and role.end <= m.start <= role.end + 3), None)
            place = _post_place(text, role.end, role.value, date) if post_org is None else None
            role_found = _found(
                text,
                role.value,
                role.start,
                role.end,
                role.confidence,
                post_org.value if post_org else place[0] if place else None,
            )
            post_of = _post_of(text, role_found, post_org, place, found)
        name_found = _found(text, name.value, name.start, name.end, name.confidence) if name else None
        result.append(Signatory(name_found, role_found, behalf, post_of))
    return tuple(result)


# A role written as the post of a body, over a line break or a blank line: "De secretaris van de
# Bestuurscommissie Noord," / "De secretaris van" + "" + "de Bestuurscommissie Noord, gemeente Amsterdam".
_POST_OF = re.compile(
    r"[ \t]*(?:\n[ \t]*){0,2}van[ \t]*(?:\n[ \t]*){0,2}(?P<body>[^\s,;][^\n,;]*?)[ \t]*(?=[,;]|$)",
    re.MULTILINE,
)


# A role followed on its line by the name of what the signer leads: "Algemeen directeur STRAAT Museum",
# "Voorzitter Stichting Het Groene Dorp", "fractievoorzitter CDA". The name holds an association's kind
# word or opens with a word in capitals; a field or a part of a body does not ("Projectleider Parkeren",
# "Directeur Ruimte en Economie").
_POST_LED = re.compile(
    r"[ \t]+(?!(?i:van|de|het|der)\b)(?P<body>(?:[A-Z][\w'’&.-]*[ \t]+){0,3}?(?=[A-Z])(?i:[\w-]*"
    + ASSOCIATION_KIND
    + r")\b"
    r"(?:[ \t]+[A-Za-z][\w'’&.-]*){0,3}|[A-Z]{2,}(?![a-z])(?:[ \t]+[A-Za-z][\w'’&.-]*){0,3})[ \t]*,?[ \t]*$",
    re.MULTILINE,
)


def _post_of(
    text: str,
    role: Found,
    post_org: OrgMention | None,
    place: tuple[str, int] | None,
    found: Sequence[OrgMention],
) -> Found | None:
    """The body a role is written to be of: the organisation right after it ("burgemeester Amsterdam"), or
    what follows "van", resolved when one registered organisation (or its body) is the whole of it ("de
    secretaris van het college van burgemeester en wethouders van Leiden", "… van de gemeente Leiden", "…
    van Leiden"), else as written ("De secretaris van de Bestuurscommissie Noord"). None when the role
    names no body."""
    if post_org is not None:
        return from_mention(text, post_org)
    match = _POST_OF.match(text, role.end)
    if match is None:
        led = _POST_LED.match(text, role.end)  # "Algemeen directeur STRAAT Museum"
        return _found(text, led["body"], *led.span("body"), role.confidence) if led else None
    start, end = match.span("body")
    if place is not None and not text[place[1] : end].strip(" \t."):  # "van (de gemeente) Leiden"
        return _found(text, place[0], start, end, role.confidence)
    for mention in found:
        if (
            mention.resolved
            and start <= mention.start
            and re.fullmatch(r"(?:(?:de|het)[ \t]+)?", text[start : mention.start], re.IGNORECASE)
            and not text[mention.end : end].strip(" \t.")
        ):
            return from_mention(text, mention)
    return _found(text, match["body"], start, end, role.confidence)


def run_in_signer(text: str, zone: tuple[int, int], behalf: Found | None) -> tuple[Signatory, ...]:
    """The signer a text layer ran into the closing's line, with the sender's address after the name:
    "… Met vriendelijke groeten, Wim Boogholt Afdeling Complexe projecten / Postbus …"; or after the body
    the block signs for on the same line ("Namens de fractie CDA, Reynold Bontes.")."""
    namens = _NAMENS_RUN_IN.match(text, zone[0], zone[1])
    if namens is not None:
        start = namens.end()
    elif zone[0] == 0 or text[zone[0] - 1] == "\n":
        return ()  # the block starts on a line of its own: read as usual
    else:
        start = zone[0] + len(text[zone[0] :]) - len(text[zone[0] :].lstrip(" \t"))
    name = NAME.match(text, start)
    if name is None or looks_like_body(name[0]):
        return ()
    found = _found(text, normalise_name(name[0]), name.start(), name.end(), 0.6)
    return (Signatory(found, None, behalf),)


_POST_PLACE = re.compile(r"[ \t]+van[ \t]+(?:de[ \t]+)?(?:gemeente[ \t]+|provincie[ \t]+)?")
_PROVINCIAL_ROLES = {"gedeputeerde", "commissaris-van-de-koning", "provinciesecretaris"}


def _post_place(text: str, position: int, role: str, date: str | None) -> tuple[str, int] | None:
    """The municipality or province of a post written as "burgemeester van Leiden", and where its name ends."""
    match = _POST_PLACE.match(text, position)
    if match is None:
        return None
    kinds = ("provincie",) if role in _PROVINCIAL_ROLES else ("gemeente",)
    resolved = resolve_name_at(text, match.end(), kinds, date, load_gazetteer())
    return (resolved[0], resolved[1]) if resolved else None


# A personal letterhead at the text's top: the writer's name ending a line (a place or a scrap before it:
# "Den Haag Pauline Krikke"), the post alone on the next (a scrap of one or two characters before it: "R
# Burgemeester").
_LETTERHEAD_POST = re.compile(
    r"[ \t]*(?:\S{1,2}[ \t]+)?(?P<post>[Bb]urgemeester|[Ww]ethouder|[Dd]ijkgraaf|[Gg]edeputeerde)[ \t]*$"
)


def letterhead_writer(text: str) -> tuple[Span, Span] | None:
    """The writer a personal letterhead names in the text's first six lines ("Pauline Krikke" over
    "Burgemeester"), as (name, post): for a letter whose signature gives no name."""
    lines = list(re.finditer(r"[^\n]*", text[: min(len(text), 400)]))[::2][:6]  # (finditer's empty matches)
    for above, below in zip(lines, lines[1:], strict=False):
        post = _LETTERHEAD_POST.fullmatch(below[0])
        if post is None:
            continue
        # the longest run of the line's last words that is a name ("Den Haag Pauline Krikke": "Pauline Krikke")
        line = above[0].rstrip()
        name = next(
            (
                m
                for w in re.finditer(r"(?<!\S)\S", line)
                if (m := NAME.fullmatch(line, w.start())) is not None and not looks_like_body(m[0])
            ),
            None,
        )
        if name is None:
            continue
        start = above.start() + name.start()
        role = role_key(post["post"])
        if role is None:
            continue
        return (
            Span(normalise_name(name[0]), start, above.start() + name.end(), 0.6),
            Span(role[0], below.start() + post.start("post"), below.start() + post.end("post"), 0.6),
        )
    return None


# A printed e-mail's writer on its first line, as a mail program writes a name: "From: “Rossum, Pierre van”"
# (surname first, the particle after the first name) or "Van: Karin de Wit".
_FROM_NAME = re.compile(
    r"\A\s*(?:From|Van)[ \t]*:[ \t]*[“\"']?(?:"
    r"(?P<last>[A-Z][\w'’-]+),[ \t]*(?P<first>[A-Z][a-zà-ÿ]+)(?P<particle>(?:[ \t]+(?:van|de|der|den|ter|ten|te)){0,2})"
    # the name ends at its closing quote (a redacted address may follow), or before the address or the line's end
    rf"|(?P<whole>(?P<first2>[A-Z][a-zà-ÿ]+)[ \t]+{_PARTICLES}{_SURNAME}))[ \t]*(?:[”\"']|(?=[ \t]*(?:<|\n|$)))"
)


def mail_from_signer(text: str, signed_end: int) -> Span | None:
    """The writer a printed e-mail's "From:" line names, where its own message signs with that writer's
    first name alone ("Groet, Pierre", "Groet, Pierre."): the name as a person writes it ("Pierre van
    Rossum"), its evidence the From line's. None where the message signs otherwise or not at all."""
    match = _FROM_NAME.match(text)
    if match is None:
        return None
    first = match["first"] or match["first2"]
    closing = last_closing(text, 0, signed_end)
    if closing is None:
        return None
    after = re.match(
        r"[ \t]*\n?(?:[ \t]*\n)?[ \t]*(?P<name>[A-Z][a-zà-ÿ]+)[ \t]*\.?[ \t]*(?:\n|$)",
        text[closing.end() : signed_end],
    )
    if after is None or after["name"] != first:
        return None
    if match["whole"]:
        return Span(re.sub(r"\s+", " ", match["whole"]), match.start("whole"), match.end("whole"), 0.7)
    particle = re.sub(r"\s+", " ", match["particle"]).strip()
    name = " ".join(part for part in (first, particle, match["last"]) if part)
    return Span(name, match.start("last"), match.end("particle") if particle else match.end("first"), 0.7)
