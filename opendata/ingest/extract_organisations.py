"""Names of government bodies in a letter, resolved to TOOI codes where the register holds them.

Two ways a letter names an organisation: a kind word with a name ("gemeente Zoeterwoude",
"Gedeputeerde Staten van Zuid-Holland", "het college van burgemeester en wethouders van Leiden",
"de gemeenten Leiden, Leiderdorp en Oegstgeest", "waterschap Rivierenland"), and the register's own
name of a joint arrangement or agency written out ("Holland Rijnland", "Rijkswaterstaat"). A place
name on its own ("in Leiden") is a place, not an organisation, and is not taken.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from opendata.ingest.extract_noise import joined_hyphenation, noisy
from opendata.ingest.gazetteer import Gazetteer, load_gazetteer, other_forms
from opendata.model.register import RegisteredOrganisation, load_register

COLLEGE = "college-van-burgemeester-en-wethouders"
COUNCIL = "gemeenteraad"
GS = "gedeputeerde-staten"
PS = "provinciale-staten"
# The kind words of an association's or a foundation's name ("Stichting Groen Dorp", "Comité Oude Pijp")
ASSOCIATION_KIND = (
    r"(?:vereniging|stichting|comit[ée]|platform|werkgroep|collectief|co[öo]peratie|bond|federatie)"
)
GEMEENTE, PROVINCIE, WATERSCHAP, SO = "gemeente", "provincie", "waterschap", "samenwerkingsorganisatie"
CARIBBEAN = "caribisch-openbaar-lichaam"  # Bonaire, Sint Eustatius, Saba

# "van" may be glued to the name by OCR ("vanZuid-Holland"), follow OCR's comma ("Staten, van Overijssel")
# or be split by it ("Staten, va n Overijssel"), or open the next line of an address block ("College van
# burgemeester en wethouders" over "van de gemeente Ede"), or end a line with the place on the next ("Aan
# het algemeen bestuur van de" over "Omgevingsdienst Midden-Holland"); a blank line between, where OCR
# doubled every line break
_VAN = r"(?:,(?=[ \t]*va[ \t]?n[ \t]+(?-i:[A-Z])))?(?:(?:[ \t]*\n){1,2}(?=[ \t]*van[ \t]))?[ \t]*(?:va(?:[ \t](?=n[ \t]+(?-i:[A-Z])))?n(?:[ \t]+de(?=[ \t]*\n))?(?:(?:[ \t]*\n){1,2}[ \t]*|[ \t]*))?(?:de[ \t]+)?"
# (not a reference that opens with the letters: "BENW/2017.1458", "BenW-2024.0815")
_BW = rf"(?:{noisy('burgemeester en wethouders')}|b\s*(?:&|en)\s*w\b(?![/.-]?[0-9]|/))"
# (pattern before the name, body kind, organisation kinds the name may resolve to); the kind words
# tolerate OCR noise ("wet houders", "burgemees-\nter").
_INTRODUCERS: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    (rf"(?:het\s+)?{noisy('college')}\s+van\s*{_BW}{_VAN}(?:gemeente\s+)?", COLLEGE, (GEMEENTE,)),
    (rf"{_BW}{_VAN}(?:gemeente\s+)?", COLLEGE, (GEMEENTE,)),
    # "het College van Sluis": a college named by its municipality alone (a name must follow)
    (
        rf"(?:het\s+)?{noisy('college')}\s+van\s+(?=[A-Z'])(?!Gedeputeerde|Burgemeester|B\s*(?:&|en)\s*W|Dijkgraaf)"
        r"(?:gemeente\s+)?",
        COLLEGE,
        (GEMEENTE,),
    ),
    (rf"{noisy('gedeputeerde staten')}{_VAN}(?:provincie\s+)?", GS, (PROVINCIE,)),
    (rf"{noisy('provinciale staten')}{_VAN}(?:provincie\s+)?", PS, (PROVINCIE,)),
    # "de Staten van Zeeland": Provinciale Staten by their short name (capitalised)
    (r"(?-i:Staten)[ \t]+van[ \t]+(?:de[ \t]+)?(?:provincie[ \t]+)?(?=[A-Z])", PS, (PROVINCIE,)),
    (r"(?:gemeente)?raad[ \t]+van[ \t]*(?:de[ \t]+)?(?:gemeente[ \t]+)?", COUNCIL, (GEMEENTE,)),
    (
        rf"{noisy('dagelijks bestuur')}{_VAN}(?:het\s+)?(?:(?:waterschap|hoogheemraadschap(?:\s+van)?)\s+)?",
        "dagelijks-bestuur",
        (SO, WATERSCHAP),
    ),
    (
        rf"{noisy('algemeen bestuur')}{_VAN}(?:het\s+)?(?:(?:waterschap|hoogheemraadschap(?:\s+van)?)\s+)?",
        "algemeen-bestuur",
        (SO, WATERSCHAP),
    ),
    (
        rf"(?:het\s+)?college\s+van\s*dijkgraaf\s+en\s*(?:hoog)?heemraden{_VAN}(?:het\s+)?(?:(?:waterschap|hoogheemraadschap(?:\s+van)?)\s+)?",
        "dagelijks-bestuur",
        (WATERSCHAP,),
    ),
    # "Burgemeester van Utrecht" (a letterhead, a signature): the municipality of the post
    (rf"{noisy('burgemeester')}[ \t]+van[ \t]+(?:de[ \t]+)?(?:gemeente[ \t]+)?", None, (GEMEENTE,)),
    # the same in a letter in English: "Mayor of Amsterdam", "the City of Amsterdam", "Province of Utrecht"
    (r"(?-i:Mayor|City|Municipality)[ \t]+of[ \t]+(?-i:(?=[A-Z]))", None, (GEMEENTE,)),
    (r"(?-i:Province)[ \t]+of[ \t]+(?-i:(?=[A-Z]))", None, (PROVINCIE,)),
    # an address to the town hall by the municipality's name ("Gemeentehuis Losser", "Stadhuis
    # Zwartewaterland" over "t.a.v. Burgemeester en Wethouders"): the municipality; capitalised, the name
    # right after it ("het stadhuis van Leiden", a building in a sentence, names none)
    (r"(?-i:(?:Gemeente|Stad|Raad)huis|(?:GEMEENTE|STAD|RAAD)HUIS)[ \t]+(?-i:(?=[A-Z]))", None, (GEMEENTE,)),
    # the government of a municipality or province by its place: "het gemeentebestuur van Woerden",
    # "het stadsbestuur van Utrecht", "Provinciebestuur Zeeland"
    (r"(?:gemeente|stads)bestuur[ \t]+(?:van[ \t]+)?(?:de[ \t]+)?(?:gemeente[ \t]+)?", None, (GEMEENTE,)),
    (r"provinciebestuur[ \t]+(?:van[ \t]+)?(?:de[ \t]+)?(?:provincie[ \t]+)?", None, (PROVINCIE,)),
    (rf"{noisy('gemeente')}\s*", None, (GEMEENTE,)),
    # a receiver's stamp or a list abbreviates the kind word: "Gem. STEENBERGEN", "gem. Oss"
    (r"gem\.[ \t]*(?=[A-Z])", None, (GEMEENTE,)),
    (rf"{noisy('provincie')}\s*", None, (PROVINCIE,)),
    # a Caribbean public body and its executive: "OPENBAAR LICHAAM BONAIRE", "het Bestuurscollege van het
    # openbaar lichaam Saba", "Eilandsraad Sint Eustatius"
    (
        r"(?:(?:het[ \t]+)?bestuurscollege[ \t]+van[ \t]+(?:het[ \t]+)?)?openbaar[ \t]+lichaam[ \t]+"
        r"|eilandsraad[ \t]+(?:van[ \t]+)?",
        None,
        (CARIBBEAN,),
    ),
    (r"(?:waterschap|hoogheemraadschap(?:\s+van)?|wetterskip)\s+", None, (WATERSCHAP,)),
)
_BARE_COLLEGE = re.compile(r"(?:het\s+)?college\s+van(?:\s+gemeente)?", re.IGNORECASE)
# "Bergen (L)", "Bergen (NH)"; "St." for Sint ("Mill en St. Hubert")
# A slash before a capital ends a name ("Gemeente Haarlem/Afdeling BBOR/Team …", a signature's unit line);
# inside one it stays ("a/d").
_TOKEN = re.compile(
    r"St\.(?=[ \t]+[A-Z])|[^\s,.;:()\[\]\"“”/]+(?:/(?![A-Z])[^\s,.;:()\[\]\"“”/]*)*|\([A-Z]{1,3}\)"
)
_STOP = {
    "en",
    "of",
    "die",
    "dat",
    "het",
    "de",
    "met",
    "voor",
    "heeft",
    "is",
    "zijn",
    "wordt",
    "te",
    "in",
    "op",
}
# The first word of an address's next line, never part of a name before it.
_ADDRESS_WORD = r"(?:Postbus|Bezoekadres|Retouradres|Afdeling|Directie|Ter|T\.?a\.?v)\b"
# (a name goes on over a line break, not over a blank line; OCR: "Minist-\nerie", "hetMinisterie")
MINISTRY = re.compile(
    rf"(?:\b|(?<=[Hh]et)|(?<=[Dd]e))(?i:{noisy('ministerie')})\s*van\s+(?P<name>[A-Z][\w&-]*(?:[ \t]*\n?[ \t]*(?:(?:en|van|voor)[ \t]*\n?[ \t]*)?(?!{_ADDRESS_WORD})[A-Z][\w-]*){{0,4}})"
)


@dataclass(frozen=True)
class OrgMention:
    value: str  # TOOI code, or the name as written when the register has no single match
    start: int
    end: int
    confidence: float
    body: str | None  # the body kind the phrase names (college, raad, GS…), or None
    resolved: bool


@functools.cache
def _introducer_pattern() -> re.Pattern[str]:
    groups = "|".join(f"(?P<i{index}>{source})" for index, (source, _b, _k) in enumerate(_INTRODUCERS))
    return re.compile(rf"(?<![\w-])(?:{groups})", re.IGNORECASE)


def _name_tokens(text: str, start: int, limit: int = 5) -> list[re.Match[str]]:
    """Up to `limit` tokens after `start`, on the same line: a name does not run over a line, unless
    hyphenated at its end ("Hoogheemraadschap van Schie-" over "land en de Krimpenerwaard")."""
    tokens: list[re.Match[str]] = []
    while len(tokens) < limit:
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        for token in _TOKEN.finditer(text, start, line_end):
            if tokens and text[tokens[-1].end() : token.start()].strip(" \t\n"):
                return tokens
            tokens.append(token)
            if len(tokens) == limit:
                return tokens
        hyphenated = tokens and tokens[-1][0].endswith("-") and not text[tokens[-1].end() : line_end].strip()
        if not hyphenated or line_end == len(text):
            return tokens
        start = line_end + 1
    return tokens


def resolve_name_at(
    text: str, start: int, kinds: Sequence[str], date: str | None, gazetteer: Gazetteer
) -> tuple[str, int, float] | None:
    """The organisation whose name starts at `start`: (code, end offset, score), longest name first."""
    tokens = _name_tokens(text, start)
    if not tokens or not (  # "'s-Hertogenbosch", also with a typographic apostrophe ("’s-Gravenhage")
        tokens[0][0][0].isupper() or tokens[0][0][0].isdigit() or tokens[0][0].startswith(("'s", "’s"))
    ):
        return None
    for count in range(len(tokens), 0, -1):
        if tokens[count - 1][0].lower() in _STOP:
            continue
        end = tokens[count - 1].end()
        name = joined_hyphenation(text[start:end])
        resolution = gazetteer.resolve(name, kinds=kinds, date=date, fuzzy=count <= 3)
        if resolution:
            return resolution.code, end, resolution.score
    return None


def written_name_at(text: str, start: int) -> tuple[str, int] | None:
    """A capitalised name as written (for bodies the register lacks), or None."""
    tokens = _name_tokens(text, start, limit=4)
    kept = []
    for token in tokens:
        if not token[0][0].isupper() and token[0].lower() not in {"van", "de", "der", "den", "aan", "a/d"}:
            break
        kept.append(token)
    while kept and not kept[-1][0][0].isupper():
        kept.pop()
    if not kept:
        return None
    return text[start : kept[-1].end()], kept[-1].end()


_ARTICLE_END = re.compile(r"(?<![\w-])De[ \t]+\Z")


def find_kind_phrases(
    text: str, date: str | None, start: int = 0, end: int | None = None, gazetteer: Gazetteer | None = None
) -> list[OrgMention]:
    """Organisations named with a kind word in text[start:end], resolved where possible."""
    gazetteer = gazetteer or load_gazetteer()
    end = len(text) if end is None else end
    found: list[OrgMention] = []
    for match in _introducer_pattern().finditer(text, start, end):
        index = next(int(key[1:]) for key, value in match.groupdict().items() if value is not None)
        _source, body, kinds = _INTRODUCERS[index]
        # an article the introducer reads ("… wethouders van de Leidse regio") may be the place's own
        # first word ("van De Wolden", "van De Bilt"): the name with it first
        article = _ARTICLE_END.search(match[0])
        resolved = (
            resolve_name_at(text, match.start() + article.start(), kinds, date, gazetteer)
            if article
            else None
        )
        resolved = resolved or resolve_name_at(text, match.end(), kinds, date, gazetteer)
        if not resolved and (SO in kinds or WATERSCHAP in kinds):
            resolved = register_name_at(text, match.end(), date)
        if resolved:
            code, name_end, score = resolved
            found.append(OrgMention(code, match.start(), name_end, round(0.6 + 0.35 * score, 2), body, True))
        elif body is not None and not _BARE_COLLEGE.fullmatch(match[0].strip()):
            # a body the register cannot resolve: kept as written ("het College van" alone names none),
            # without its article ("vragen aan het College van Burgemeester en Wethouders")
            phrase_end = match.start() + len(match[0].rstrip())
            written = re.sub(
                r"^(?:de|het)\s+", "", re.sub(r"\s+", " ", match[0]).strip(), flags=re.IGNORECASE
            )
            found.append(OrgMention(written, match.start(), phrase_end, 0.5, body, False))
    found.extend(_adjective_councils(text, date, start, end, gazetteer))
    found.extend(_councils_by_name(text, date, start, end, gazetteer))
    found.extend(_municipality_lists(text, date, start, end, gazetteer))
    found.extend(_college_lists(text, date, start, end, gazetteer))
    kept = _dedupe_overlaps(found)
    return kept + [
        mention
        for mention in _water_boards_before_register(text, date, start, end)
        if not any(k.resolved and k.start < mention.end and mention.start < k.end for k in kept)
    ]


# A water board named by its kind word and a name the register gives only a body begun after the
# letter's date: "het Hoogheemraadschap Amstel, Gooi en Vecht" in 2008, where the register's
# "waterschap Amstel, Gooi en Vecht" begins in 2017. The register has no body for it on that date, so
# the name is kept as written, kind word and all (commas inside the name too).
_WATER_BOARD_KIND = re.compile(
    r"(?<![\w-])(?:hoogheemraadschap|waterschap|wetterskip)(?:[ \t]+van)?[ \t]+(?=(?-i:[A-Z]))", re.IGNORECASE
)


@functools.cache
def _water_board_names() -> tuple[tuple[str, str], ...]:
    """(name without its kind word, code) of every water board in the register."""
    names = []
    for code, name in load_gazetteer().names_of_kinds((WATERSCHAP,)).items():
        bare = re.sub(r"^(?:waterschap|hoogheemraadschap(?:\s+van)?|wetterskip)\s+", "", name, flags=re.I)
        names.append((bare, code))
    return tuple(sorted(names, key=lambda item: -len(item[0])))


def _water_boards_before_register(text: str, date: str | None, start: int, end: int) -> list[OrgMention]:
    if not date:
        return []
    register = load_register()
    found = []
    for kind in _WATER_BOARD_KIND.finditer(text, start, end):
        for bare, code in _water_board_names():
            name = _name_pattern(bare).match(text, kind.end(), end)
            if name is None:
                continue
            org = register.get(code)
            if org is not None and org.start and org.start > date:
                written = fold_spaces(text[kind.start() : name.end()])
                found.append(OrgMention(written, kind.start(), name.end(), 0.6, None, True))
            break
    return found


# A council named by its municipality without "van": "de leden van de Gemeenteraad Nieuwegein" (only
# where the name resolves: "de gemeenteraad Besluit …" names none).
_COUNCIL_BY_NAME = re.compile(r"(?<![\w-])[Gg]emeenteraad[ \t]+(?=[A-Z])")


def _councils_by_name(
    text: str, date: str | None, start: int, end: int, gazetteer: Gazetteer
) -> list[OrgMention]:
    found = []
    for match in _COUNCIL_BY_NAME.finditer(text, start, end):
        resolved = resolve_name_at(text, match.end(), (GEMEENTE,), date, gazetteer)
        if resolved:
            code, name_end, score = resolved
            found.append(
                OrgMention(code, match.start(), name_end, round(0.6 + 0.35 * score, 2), COUNCIL, True)
            )
    return found


# A municipality's body named by the town's adjective: "de Amsterdamse gemeenteraad", "het Utrechtse
# college", "de Leidse raad" (Leidse → Leiden, Groningse → Groningen, Zwolse → Zwolle).
_ADJECTIVE_BODY = re.compile(
    r"(?<![\w-])(?P<stem>[A-Z][a-zà-ÿ]{2,})se[ \t]+(?P<body>gemeenteraad|raad|college|gemeente)\b"
)
_ADJECTIVE_BODIES = {"gemeenteraad": COUNCIL, "raad": COUNCIL, "college": COLLEGE, "gemeente": None}


def _adjective_councils(
    text: str, date: str | None, start: int, end: int, gazetteer: Gazetteer
) -> list[OrgMention]:
    found = []
    for match in _ADJECTIVE_BODY.finditer(text, start, end):
        stem = match["stem"]
        codes = set()
        for name in (stem, stem + "en", stem + "le", stem + "e", stem + "a"):
            resolution = gazetteer.resolve(name, kinds=(GEMEENTE,), date=date, fuzzy=False)
            if resolution is not None and resolution.score == 1.0:
                codes.add(resolution.code)
        if len(codes) == 1:
            body = _ADJECTIVE_BODIES[match["body"]]
            found.append(OrgMention(codes.pop(), match.start(), match.end(), 0.7, body, True))
    return found


# "twee gemeentes"; a singular before two names, as a shared civil service signs: "Gemeente Haarlem en Zandvoort".
# The list may open right after the kind word with a colon ("8 gemeenten: De Bilt, Houten …"), a
# bracket ("andere gemeenten (Oss, Uden en …)") or "te weten"/"namelijk", a singular's too ("één
# gemeente, te weten Breda").
_NAMELY = r",?\s+(?:te\s+weten|namelijk)\b"
_LIST = re.compile(
    r"(?<![\w-])(?:(?P<gm>gemeente[ns]|gemeente(?=(?-i:\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+en\s+[A-Z]))"
    rf"|gemeente(?={_NAMELY}))|provincies|provincie(?={_NAMELY})|(?P<ws>waterschappen))"
    rf"(?:[ \t]*[:(]\s*|{_NAMELY}[ \t]*:?\s*|\s+)",
    re.IGNORECASE,
)


def _municipality_lists(
    text: str, date: str | None, start: int, end: int, gazetteer: Gazetteer
) -> list[OrgMention]:
    """Each municipality in "de gemeenten Leiden, Leiderdorp en Oegstgeest", each province in "de
    provincies Gelderland en Utrecht", each water board in "de waterschappen Rijn en IJssel, Vallei en
    Veluwe en Drents Overijsselse Delta" (the longest name the register has first: names hold "en")."""
    found = []
    for match in _LIST.finditer(text, start, end):
        kinds = (GEMEENTE,) if match["gm"] else (WATERSCHAP,) if match["ws"] else (PROVINCIE,)
        listed = _name_list(text, match.end(), end, kinds, None, date, gazetteer)
        if not listed:  # "De volgende gemeenten hebben van dat aanbod gebruikgemaakt: Almere, Amstelveen, …"
            colon = _LIST_COLON.match(text, match.end(), end)
            if colon:
                listed = _name_list(text, colon.end(), end, kinds, None, date, gazetteer)
                if colon["bracket"] and listed and not _BRACKET_END.match(text, listed[-1].end):
                    listed = []  # a bracket that holds more than names: "… (Utrecht Centraal)"
        found += listed
    return found


# The rest of the sentence up to a colon that opens the list: "… gemeenten hebben dat gedaan: A, B en C",
# or up to a bracket that holds the list and nothing else: "vier gemeenten die het nog niet deden (Oss,
# Uden en Boxtel)".
_LIST_COLON = re.compile(r"[^.;:\n]{1,100}?:[ \t]*|[^.;:()\n]{1,160}?(?P<bracket>\()[ \t]*")
_BRACKET_END = re.compile(r"[ \t]*\)")


# "de colleges van burgemeester en wethouders van Leiden, Leiderdorp en Oegstgeest" (in an address
# block often with the names on the next line), "de colleges van Gedeputeerde Staten van Flevoland,
# Noord-Holland en Utrecht": one college per name.
_COLLEGES = re.compile(
    rf"(?<![\w-]){noisy('colleges')}\s+van\s+(?:(?P<bw>{_BW})|(?P<gs>{noisy('gedeputeerde staten')}))"
    rf"\s+van\s+(?:de\s+(?:gemeenten|provincies)\s+)?",
    re.IGNORECASE,
)


def _college_lists(
    text: str, date: str | None, start: int, end: int, gazetteer: Gazetteer
) -> list[OrgMention]:
    found = []
    for match in _COLLEGES.finditer(text, start, end):
        body, kinds = (COLLEGE, (GEMEENTE,)) if match["bw"] else (GS, (PROVINCIE,))
        found += _name_list(text, match.end(), end, kinds, body, date, gazetteer)
    return found


def _name_list(
    text: str,
    position: int,
    end: int,
    kinds: tuple[str, ...],
    body: str | None,
    date: str | None,
    gazetteer: Gazetteer,
) -> list[OrgMention]:
    """Each name of "Leiden, Leiderdorp en Oegstgeest" from `position`, until a name does not resolve.
    A name two organisations share ("Bergen, Gennep en Mook en Middelaar") is the one in the
    province of the list's other names."""
    found: list[OrgMention] = []
    shared: list[tuple[int, int, list[RegisteredOrganisation]]] = []
    while position < end:
        resolved = resolve_name_at(text, position, kinds, date, gazetteer)
        if resolved:
            code, name_end, score = resolved
            found.append(OrgMention(code, position, name_end, round(0.6 + 0.3 * score, 2), body, True))
        else:
            word = re.compile(r"[A-Z][\w'-]*(?:\s+\([A-Z]{1,3}\))?").match(text, position)
            namesakes = gazetteer.namesakes(word[0], kinds=kinds, date=date) if word else []
            if len(namesakes) < 2:
                break
            name_end = word.end() if word else position
            shared.append((position, name_end, namesakes))
        separator = re.compile(r"\s*(?:,|\ben\b|&)\s*").match(text, name_end)
        if not separator or separator.end() == name_end:
            break
        position = separator.end()
    register = load_register()
    provinces = {org.province for m in found if (org := register.get(m.value)) is not None}
    for start, name_end, namesakes in shared:
        fitting = [org for org in namesakes if org.province in provinces]
        if len(provinces) == 1 and len(fitting) == 1:
            found.append(OrgMention(fitting[0].code, start, name_end, 0.6, body, True))
    return sorted(found, key=lambda m: m.start)


# Register names that are ordinary words too: a capitalised "Politie" or "Sociaal" names nothing.
_ORDINARY_WORDS = {"Politie", "Sociaal", "Hecht", "Stark"}


_VERSION_SUFFIX = re.compile(r"[ \t]+(?:[0-9]\.[0-9]|(?:19|20)[0-9]{2})$")


@functools.cache
def _register_names() -> Mapping[str, tuple[tuple[str, str], ...]]:
    """Distinctive register names (and, for names of three words or more, the variant without
    "Regio"), by first word; "Regio West-Brabant" is not shortened to the region's name."""
    by_first: dict[str, set[tuple[str, str]]] = defaultdict(set)
    names = load_gazetteer().names_of_kinds((SO, "zbo", "overheidsorganisatie", WATERSCHAP))
    for code, name in names.items():
        variants = {name, name[:1].upper() + name[1:]}  # "de Zeeuwse Muziekschool" starts a line as "De …"
        shortened = re.sub(
            r"^(?:Regio|Gemeenschappelijke [Rr]egeling|GR|Samenwerkingsorganisatie|Openbaar [Ll]ichaam)\s+",
            "",
            name,
        )
        if " " in shortened:
            variants.add(shortened)
        # "Gemeentelijke Gezondheidsdienst Noord- en Oost-Gelderland" is written "GGD Noord- en Oost-Gelderland",
        # "Regionale uitvoeringsdienst Zeeland" "RUD Zeeland" (gazetteer.other_forms)
        variants |= other_forms(name)
        # a re-established body's register name ends in its version or year ("Regionale uitvoeringsdienst
        # Utrecht 2.0", "… in de Liemers 2024"): letters write the name without it
        for variant in list(variants):
            unversioned = _VERSION_SUFFIX.sub("", variant)
            if unversioned != variant and unversioned.count(" ") >= 2:
                variants.add(unversioned)
        for variant in variants:
            if (
                variant in _ORDINARY_WORDS
                or len(variant) < 3
                or (not variant[0].isupper() and not variant[0].isdigit())
            ):
                continue
            if (
                " " not in variant
                and len(variant) < 10
                and not re.search(r"[A-Z0-9].*[A-Z0-9]|[a-z]", variant[1:])
            ):
                continue
            # a name with accents is also written without them ("Veiligheidsregio Fryslan"): the text
            # is read without them too (find_register_names)
            for written in {variant, _plain(variant)}:
                by_first[written.split()[0]].add((written, code))
                if " " in written:
                    by_first[written.split()[0].lower()].add((written, code))
    return {first: tuple(sorted(items, key=lambda item: -len(item[0]))) for first, items in by_first.items()}


# Each accented Latin letter as its letter without the accent (one character for one, so offsets stay).
_PLAIN = {
    code: decomposed[0]
    for code in range(0xC0, 0x250)
    if len(decomposed := unicodedata.normalize("NFD", chr(code))) > 1
    and decomposed[0].isascii()
    and all(unicodedata.combining(mark) for mark in decomposed[1:])
}


def _plain(text: str) -> str:
    """`text` with its accents dropped ("Fryslân" -> "Fryslan"), each character in its place."""
    return text.translate(_PLAIN)


def register_name_at(text: str, position: int, date: str | None) -> tuple[str, int, float] | None:
    """A register name written out at `position` (any case for names of several words)."""
    word = re.compile(r"[\w&'+-]+").match(text, position)  # "Duo+" keeps its plus
    if word is None:
        return None
    for name, code in _register_names().get(word[0].lower(), ()):
        written = text[position : position + len(name)]
        if (written == name or (" " in name and written.lower() == name.lower())) and not re.match(
            r"[\w-]", text[position + len(name) :][:1]
        ):
            org = load_register().get(code)
            if org is not None and (not date or org.existed_on(date)):
                return code, position + len(name), 0.9
    return None


@functools.cache
def _name_pattern(name: str) -> re.Pattern[str]:
    """A register name as a letter may set it: any white space (a line break) between its words,
    any case when it has several words."""
    # "Noord- en Oost-Gelderland" is also written "Noord- en Oost Gelderland": a hyphen inside a word
    # may be a space
    words = r"\s+".join(
        r"(?:-[ \t]*|\s+)".join(re.escape(part) for part in re.split(r"(?<=\w)-(?=\w)", word))
        for word in name.split()
    )
    return re.compile(rf"{words}(?![\w-])", re.IGNORECASE if " " in name else 0)


def find_register_names(text: str, date: str | None) -> list[OrgMention]:
    """Register names of joint arrangements, agencies and water authorities written out in full.

    A name written out in full stands for its organisation even after it ended (a letter cites what
    a dissolved body wrote); of two bodies with one name, the one existing on the date is taken.
    """
    by_first = _register_names()
    text = _plain(text)  # a name written with or without its accents matches its plain variant
    found = []
    taken_until = 0
    for token in re.finditer(r"(?<![\w-])[\w&'+-]+", text):
        if token.start() < taken_until:
            continue  # inside a longer name already found
        candidates = by_first.get(token[0], ()) or by_first.get(token[0].lower(), ())
        matches = [
            (match, code)
            for name, code in candidates
            if (match := _name_pattern(name).match(text, token.start())) is not None
        ]
        if not matches:
            continue
        longest = max(match.end() for match, _code in matches)
        codes = _dated({code for match, code in matches if match.end() == longest}, date)
        assembly = _WATER_BOARD_ASSEMBLY.match(text, longest)
        if assembly is not None and codes == [_STATES_GENERAL_JOINT]:
            # "de Verenigde Vergadering van Delfland": the water board's assembly names its water board
            board = _water_board_named(assembly["name"], date)
            if board is not None:
                found.append(OrgMention(board, token.start(), assembly.end(), 0.85, None, True))
            taken_until = assembly.end()
            continue
        if codes == [_STATES_GENERAL_JOINT] and _names_water_board_assembly(text, date):
            continue  # "ter behandeling in de Verenigde Vergadering" of the water board named before
        if len(codes) == 1:
            found.append(OrgMention(codes[0], token.start(), longest, 0.85, None, True))
            taken_until = longest
    more = _shortened_namesakes(text, found, date) + _courts_by_seat(text, date)
    return sorted(found + more, key=lambda m: m.start)


# A court named by its seat after "te" or "in" ("de rechtbank te Amsterdam", "het Gerechtshof te
# 's-Gravenhage"): the register's court named after that municipality ("Rechtbank Amsterdam", "Gerechtshof
# Den Haag"). A seat that is no court's name in the register ("de rechtbank te Haarlem", a location of
# Rechtbank Noord-Holland) names none.
_COURT_AT_SEAT = re.compile(
    r"(?<![\w-])(?P<kind>rechtbank|gerechtshof)[ \t]+(?:te|in)\s+(?=(?-i:[A-Z'’]))", re.IGNORECASE
)


def _courts_by_seat(text: str, date: str | None) -> list[OrgMention]:
    found = []
    for court in _COURT_AT_SEAT.finditer(text):
        seat = resolve_name_at(text, court.end(), (GEMEENTE,), date, load_gazetteer())
        if seat is None or seat[2] < 1.0:
            continue
        place = re.sub(r"^gemeente\s+|\s*\([^)]*\)$", "", load_register().by_code[seat[0]].name)
        codes = {
            code
            for variant, code in _register_names().get(court["kind"].capitalize(), ())
            if variant.lower() == f"{court['kind']} {place}".lower()
        }
        for code in _dated(codes, date):
            found.append(OrgMention(code, court.start(), seat[1], 0.8, None, True))
    return found


# The register's "Verenigde Vergadering" is the States General's joint session; a water board's general
# assembly has that name too (Delfland's, Schieland's): "AAN DE VERENIGDE VERGADERING VAN DELFLAND".
_STATES_GENERAL_JOINT = "oorg10000"
_WATER_BOARD_ASSEMBLY = re.compile(
    r"[ \t]+(?i:van|der)[ \t]+(?!(?i:de[ \t]+)?Staten)(?:(?i:het[ \t]+hoogheemraadschap(?:[ \t]+van)?)[ \t]+)?"
    r"(?P<name>[A-Z][\w-]+)(?![\w-])"
)


def _names_water_board_assembly(text: str, date: str | None) -> bool:
    return any(
        _water_board_named(m["name"], date) is not None
        for m in re.finditer(r"(?i:verenigde\s+vergadering)" + _WATER_BOARD_ASSEMBLY.pattern, text)
    )


def _water_board_named(name: str, date: str | None) -> str | None:
    """The one water board whose register name holds the word `name` ("Delfland", "DELFLAND")."""
    word = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
    codes = {
        code for code, full in load_gazetteer().names_of_kinds((WATERSCHAP,)).items() if word.search(full)
    }
    dated = _dated(codes, date)
    return dated[0] if len(dated) == 1 else None


# Two bodies whose names share their last words, the first name cut short: "de Eerste en Tweede Kamer"
# names the Eerste Kamer as well as the Tweede Kamer.
_SHORTENED_BEFORE = re.compile(r"(?<![\w-])(?P<word>[A-Z][\w-]*)[ \t]+en[ \t]+\Z")


def _shortened_namesakes(text: str, found: list[OrgMention], date: str | None) -> list[OrgMention]:
    more = []
    for mention in found:
        name = text[mention.start : mention.end]
        words = name.split()
        before = _SHORTENED_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        if before is None or len(words) < 2:
            continue
        fuller = " ".join([before["word"], *words[1:]])
        codes = {code for variant, code in _register_names().get(before["word"], ()) if variant == fuller}
        for code in _dated(codes, date):
            if code != mention.value:
                more.append(OrgMention(code, before.start("word"), before.end("word"), 0.8, None, True))
    return more


# The police, in lower case ("samen met politie en brandweer", "De politie pleit …"): the national
# police since 2013 (a capitalised "Politie" alone names nothing: see _ORDINARY_WORDS).
_POLICE = re.compile(r"(?<![\w-])politie(?![\w-])")


def find_police(text: str, date: str | None) -> list[OrgMention]:
    org = load_register().get("oorg10264")
    if org is None or (date and not org.existed_on(date)):
        return []
    return [OrgMention(org.code, m.start(), m.end(), 0.7, None, True) for m in _POLICE.finditer(text)][:1]


def _dated(codes: set[str], date: str | None) -> list[str]:
    """Of organisations sharing a name: those existing on `date`, else those begun by then."""
    register = load_register()
    orgs = [org for code in sorted(codes) if (org := register.get(code)) is not None]
    if not date:
        return [org.code for org in orgs if not org.end] or [org.code for org in orgs]
    alive = [org.code for org in orgs if org.existed_on(date)]
    return alive or [org.code for org in orgs if not org.start or org.start <= date]


def letterhead_name(text: str, date: str | None, found: list[OrgMention]) -> OrgMention | None:
    """The first line of the letter as a register name, OCR damage and all ("de Noordeli jke
    Rekenkamer"), when no other pattern read it: a letterhead is a name on its own."""
    line = re.compile(r"\s*([^\n]{4,80}?)[ \t]*(?:\n|$)").match(text)
    if line is None or any(m.start < line.end(1) for m in found):
        return None
    if re.match(r"(?:aan|t\.?a\.?v|het|de\s+(?:gemeenteraad|raad|leden))\b", line[1], re.IGNORECASE):
        return None
    kinds = (SO, "zbo", "overheidsorganisatie", WATERSCHAP, GEMEENTE, PROVINCIE, CARIBBEAN)
    resolution = load_gazetteer().resolve(line[1], kinds=kinds, date=date)
    if resolution is None:
        return None
    return OrgMention(
        resolution.code, line.start(1), line.end(1), round(0.5 + 0.4 * resolution.score, 2), None, True
    )


# A logo sets "Gemeente" over the name with the paper's kind beside it, as OCR reads it:
# "> < Gemeente Raadsinformatiebrief" / "Amsterdam".
_LOGO_KIND = re.compile(
    r"\A\W*(?P<kind>Gemeente|Provincie|Waterschap)[ \t]+[A-Z][a-z]+[ \t]*\n[ \t]*(?P<name>[A-Z][\w'’ -]{2,40}?)[ \t]*\n"
)


# An emblem beside the logo's two lines, which OCR reads as short scraps before each: "ee IM & ee IM e
# Gemeente" / "I & IM Haarlem" (a redacted letter's new text layer), or on lines of their own ("oe nd" /
# "KiM Gemeente" / "& Haarlem", "xx Gemeente" / "XL" / "NS Haarlem" from a scan). Every scrap is at
# most three characters, or four without a colon (two scraps run together, "eKij"; "Aan:" is a
# label); the kind word ends the first line and the name the second.
_SCRAPS = r"(?:(?:[^\s:]{1,4}|[^\s]{1,3})(?:[ \t]+|[ \t]*\n[ \t]*)){0,12}"
_EMBLEM_LOGO = re.compile(
    rf"\A\s*{_SCRAPS}(?P<kind>Gemeente|Provincie|Waterschap)[ \t]*\n[ \t]*{_SCRAPS}"
    r"(?P<name>[A-Z][\w'’-]{2,40})[ \t]*\n"
)


def logo_name(text: str, date: str | None) -> OrgMention | None:
    """The organisation a two-line logo names, its kind word and name split by a word beside it, or
    each line after an emblem's scraps."""
    logo = _LOGO_KIND.match(text) or _EMBLEM_LOGO.match(text)
    if logo is None:
        return None
    kinds = {"Gemeente": GEMEENTE, "Provincie": PROVINCIE, "Waterschap": WATERSCHAP}[logo["kind"]]
    resolution = load_gazetteer().resolve(logo["name"], kinds=(kinds,), date=date)
    if resolution is None or resolution.score < 0.95:
        return None
    return OrgMention(resolution.code, logo.start("name"), logo.end("name"), 0.7, None, True)


# The same two lines with an emblem's scraps anywhere in a text: a logo in an e-mail's signature, under
# the writer's post ("#r Gemeente" / "Ns r   Haarlem" / "Gemeente   t" / "Zandvoort").
_EMBLEM_LINES = re.compile(
    r"(?m)^[ \t]*(?:(?:[^\s:]{1,4}|[^\s]{1,3})[ \t]+){0,6}(?P<kind>Gemeente|Provincie|Waterschap)"
    r"(?:[ \t]+[^\s:]{1,3}){0,2}[ \t]*\n[ \t]*(?:(?:[^\s:]{1,4}|[^\s]{1,3})[ \t]+){0,6}"
    r"(?P<name>[A-Z][\w'’-]{2,40})[ \t]*$"
)


def emblem_logos(text: str, date: str | None) -> list[OrgMention]:
    """The bodies two-line logos name anywhere in a text, each line after or before an emblem's
    scraps (the name resolved as the kind's, as logo_name does): mentions, never the letterhead."""
    found = []
    for logo in _EMBLEM_LINES.finditer(text):
        kinds = {"Gemeente": GEMEENTE, "Provincie": PROVINCIE, "Waterschap": WATERSCHAP}[logo["kind"]]
        resolution = load_gazetteer().resolve(logo["name"], kinds=(kinds,), date=date)
        if resolution is not None and resolution.score >= 0.95:
            found.append(OrgMention(resolution.code, logo.start("name"), logo.end("name"), 0.6, None, True))
    return found


@functools.cache
def _web_names() -> Mapping[str, tuple[str, ...]]:
    """Municipalities, provinces and water authorities by their name as a web address writes it
    ("middendrenthe", "brabantsedelta")."""
    by_label: dict[str, list[str]] = defaultdict(list)
    names = load_gazetteer().names_of_kinds((GEMEENTE, PROVINCIE, WATERSCHAP))
    for code, name in names.items():
        bare = re.sub(
            r"^(?:gemeente|provincie|waterschap|hoogheemraadschap)\s+", "", name, flags=re.IGNORECASE
        )
        by_label[re.sub(r"[^a-z0-9]", "", bare.lower())].append(code)
        if code.startswith("pv"):  # "provinciegroningen.nl", "provincie-utrecht.nl"
            by_label["provincie" + re.sub(r"[^a-z0-9]", "", bare.lower())].append(code)
        if code.startswith("ws"):  # "waterschaplimburg.nl"
            by_label[re.sub(r"[^a-z0-9]", "", name.lower())].append(code)
    for label, code in _OTHER_DOMAINS.items():
        by_label[label].append(code)
    return {label: _domain_owners(codes) for label, codes in by_label.items()}


def _domain_owners(codes: list[str]) -> tuple[str, ...]:
    """Of the bodies whose name is a domain's, those of the kind that owns it: a municipality before a
    province of the same name (groningen.nl and utrecht.nl are the cities', the provinces write
    "provincie"), a province before a water authority (limburg.nl is the province's; Waterschap Limburg
    writes "waterschaplimburg")."""
    for prefix in ("gm", "pv"):
        if any(code.startswith(prefix) for code in codes):
            return tuple(code for code in codes if code.startswith(prefix))
    return tuple(codes)


# Provinces whose own domain is not their name: "…@pzh.nl", "www.brabant.nl".
_OTHER_DOMAINS = {"pzh": "pv28", "brabant": "pv30"}


def _domain_codes(label: str, date: str | None) -> list[str]:
    """The municipalities, provinces and water authorities a web or mail domain's name ("middendrenthe",
    "pzh", "provincie-utrecht") may be, of those existing on `date` (`_dated`); a name OCR damaged
    ("culernborg", "1ochem") is read with its look-alikes undone where the name as written is none."""
    label = label.replace("-", "").lower()
    names = _web_names()
    codes = names.get(label) or names.get(label.replace("rn", "m").replace("1", "l").replace("0", "o"), ())
    return _dated(set(codes), date)


_WEB_ADDRESS = re.compile(r"\bwww\.(?:gemeente-?)?(?P<label>[a-z0-9-]{3,40})\.nl\b", re.IGNORECASE)


def web_address_name(text: str, start: int, end: int, date: str | None) -> OrgMention | None:
    """The organisation whose web address a letterhead prints ("Internet www.middendrenthe.nl")."""
    for address in _WEB_ADDRESS.finditer(text, start, end):
        codes = _domain_codes(address["label"], date)
        if len(codes) == 1:
            return OrgMention(codes[0], *address.span("label"), 0.6, None, True)
    return None


# An address the letter gives as its own for replies or information: an e-mail address at the
# body's domain ("omgevingsmanagement@purmerend.nl", "veiligheid@leiden.nl") or a web address written
# without a scheme ("op www.leiden.nl/contact", "Via www.beekdaelen.nl/blauweader"); a link with a
# scheme ("https://www.zeeland.nl/…") points to a document and names no writer.
_OWN_ADDRESS = re.compile(
    # (a text layer may read the l of ".nl" as 1 or i: "postbus@overijssel.n1"; a redacted copy removes the
    # name before the @: "email @denhaag.nl")
    r"(?:[\w.+-]+|(?<=mail[ \t]))@(?:gemeente-?)?(?P<mail>[a-z0-9-]{3,40})\.n[l1i]\b|"
    r"(?<![\w/.:])www\.(?:gemeente-?)?(?P<web>[a-z0-9-]{3,40})\.n[l1i]\b",
    re.IGNORECASE,
)


# An e-mail's opening "From:" line whose address a redaction left as a scrap set apart from the "@".
_FROM_LINE_ADDRESS = re.compile(
    r"\s*(?:From|Van)[ \t]*:[^\n@]*?[\w.+-]+[ ]@(?:gemeente-?)?(?P<mail>[a-z0-9-]{3,40})\.n[l1i]\b",
    re.IGNORECASE,
)
_RECEIVER_LINE = re.compile(r"[ \t]*(?:Aan|To|CC|Cc|BCC|Bcc|ce)[ \t]*[:;]", re.IGNORECASE)  # OCR: "ce:"


# A mail header's receiver line that holds only bodies' general mailboxes ("Aan: gemeente@wierden.nl",
# "To: Info Meierijstad <info@meierijstad.nl>", "Aan: info@apeldoorn.nl; info@epe.nl"): the bodies
# themselves, not a person or a unit.
_TO_LINE = re.compile(r"^[ \t]*(?:Aan|To)[ \t]*:[ \t]*(?P<rest>[^\n]*?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_GENERAL_MAILBOX = re.compile(
    r"[ \t]*(?:[^<>@;\n]*<)?(?P<box>(?:gemeente|info|post|postbus|gemeentepost|provincie)@"
    r"(?:gemeente-?)?(?P<label>[a-z0-9-]{3,40})\.n[l1i])>?[ \t]*",
    re.IGNORECASE,
)


def general_mailboxes(text: str, end: int) -> list[OrgMention]:
    """The municipalities, provinces or water authorities whose general mailboxes the first receiver line
    of a mail header before `end` writes to, where it holds nothing else; [] where a mailbox's domain
    names no single body."""
    line = _TO_LINE.search(text, 0, end)
    if line is None:
        return []
    found = []
    for item in re.finditer(r"[^;]+", line["rest"]):
        box = _GENERAL_MAILBOX.fullmatch(item[0])
        if box is None:
            return []
        codes = _domain_codes(box["label"], None)
        if len(codes) != 1:
            return []
        start = line.start("rest") + item.start() + box.start("label")
        found.append(OrgMention(codes[0], start, start + len(box["label"]), 0.6, None, True))
    return found


# Where a letter says it was sent to the address on its line: "Per e-mail verstuurd:", "Verzonden per
# e-mail aan", "Per mail:".
_SENT_TO = re.compile(
    r"[^\n@]*\b(?:per[ \t]+e-?mail|verstuurd|verzonden[ \t]+(?:per|aan))\b[^\n@]*$", re.IGNORECASE
)
# A line that ends an address block, walking up from an address: a blank line, another label of the
# header, a line that closes with a comma (a salutation, a closing), a sentence.
_NOT_ADDRESS_LINE = re.compile(
    r"[ \t]*$|[ \t]*(?:Van|From|Onderwerp|Subject|Betreft|Datum|Date|Verzonden|Sent)[ \t]*:|[^\n]*,[ \t]*$"
    r"|(?:\S+[ \t]+){6}\S",
    re.IGNORECASE,
)
_RECEIVER_BLOCK_LINES = 7


def _receivers_address(text: str, position: int) -> bool:
    """Whether the mail or web address at `position` is the receiver's: on a mail header's receiver
    line ("Aan: Griffie <griffie@haarlem.nl>"), after "Per e-mail verstuurd:", or among the lines of
    an address block under "Aan:" ("Aan: Gemeente Amsterdam / Amstel 1 / … / woo@amsterdam.nl")
    with no blank line between."""
    line_start = text.rfind("\n", 0, position) + 1
    if _RECEIVER_LINE.match(text, line_start) or _SENT_TO.match(text[line_start:position]):
        return True
    for _ in range(_RECEIVER_BLOCK_LINES):
        if line_start == 0:
            return False
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[line_start : text.find("\n", line_start)]
        if _NOT_ADDRESS_LINE.match(line):
            return False
        if _RECEIVER_LINE.match(line):
            return True
    return False


def own_address_name(
    text: str, date: str | None, start: int = 0, end: int | None = None
) -> OrgMention | None:
    """The one municipality, province or water authority whose domain every contact address in the
    text (between `start` and `end`) has (an officer's letter that gives "u kunt mij mailen via
    …@purmerend.nl"), else None."""
    hits: list[tuple[tuple[str, ...], tuple[int, int]]] = []
    opening = _FROM_LINE_ADDRESS.match(text) if start == 0 else None
    if (
        opening is not None
    ):  # the writer's own mailbox, its name redacted to a scrap: "From: … defi @amsterdam.nl>"
        hits.append((tuple(_domain_codes(opening["mail"], date)), opening.span("mail")))
    for address in _OWN_ADDRESS.finditer(text, start, len(text) if end is None else end):
        if _receivers_address(text, address.start()):
            continue
        group = "mail" if address["mail"] else "web"
        hits.append((tuple(_domain_codes(address[group], date)), address.span(group)))
    domains = {code for found, _span in hits for code in found}
    if len(domains) != 1 or any(len(found) != 1 for found, _span in hits if found):
        return None
    span = next(span for found, span in hits if found)
    return OrgMention(domains.pop(), *span, 0.55, None, True)


# Ministries by their usual abbreviation ("de gezamenlijke provincies en BZK", "mijn collega's van OCW,
# VROM, VWS en EZ"), kept as written; after a minister's title ("de minister van BZK", "…
# Koninkrijksrelaties (BZK)") or a committee's ("de vaste commissie voor VROM") it names the office or
# the portfolio, not the ministry. A letter that names a ministry in full and by its abbreviation ("het
# Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)", "het Ministerie van BZK") names one.
# The older short names have an ampersand or a lower-case "en" inside ("V&W", "VenW").
_ABBREVIATED_MINISTRIES = {
    "BZK": "Binnenlandse Zaken en Koninkrijksrelaties",
    "VROM": "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer",
    "OCW": "Onderwijs, Cultuur en Wetenschap",
    "VWS": "Volksgezondheid, Welzijn en Sport",
    "SZW": "Sociale Zaken en Werkgelegenheid",
    "LNV": "Landbouw, Natuur en Voedselkwaliteit",
    "EZ": "Economische Zaken",
    "EZK": "Economische Zaken en Klimaat",
    "IenM": "Infrastructuur en Milieu",
    "IenW": "Infrastructuur en Waterstaat",
    "JenV": "Justitie en Veiligheid",
    "J&V": "Justitie en Veiligheid",
    "VenJ": "Veiligheid en Justitie",
    "V&J": "Veiligheid en Justitie",
    "OC&W": "Onderwijs, Cultuur en Wetenschap",
    "KGG": "Klimaat en Groene Groei",
    "VenW": "Verkeer en Waterstaat",
    "V&W": "Verkeer en Waterstaat",
    "I&M": "Infrastructuur en Milieu",
    "I&W": "Infrastructuur en Waterstaat",
    "OCenW": "Onderwijs, Cultuur en Wetenschap",
    "EL&I": "Economische Zaken, Landbouw en Innovatie",
    "BuZa": "Buitenlandse Zaken",
}
_MINISTRY_ABBREVIATIONS = tuple(_ABBREVIATED_MINISTRIES)
_MINISTRY_ABBREVIATION = re.compile(
    r"(?<![\w&./-])(?P<abbr>"
    + "|".join(sorted(_MINISTRY_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w&/-])"
)
# The ministries sit in Den Haag: letters right before the city are its postcode's ("2511 EZ Den Haag").
_PLACE_AFTER = re.compile(r"[ \t]+(?:Den[ \t]+Haag|DEN[ \t]+HAAG|'s-Gravenhage|'S-GRAVENHAGE)\b")
_POSTCODE_DIGITS_BEFORE = re.compile(r"(?<![0-9])[1-9][0-9]{3}[ \t]?$")
_AFTER_TITLE = re.compile(
    r"(?:minister|staatssecretaris|commissie)s?[ \t]+(?:van|voor)[ \t]+(?:[^.;()\n]{0,80}\()?[ \t]*$|"
    # a local office's portfolio: "(wethouder EZ en wethouder G&O)", "gedeputeerde EZ"
    r"\b(?:wethouder|gedeputeerde|portefeuillehouder)s?[ \t]+(?:van[ \t]+|voor[ \t]+)?$|"
    # a committee named without "voor" before its short name: "Commissie(s) Sociale Zaken en Werkgelegenheid (SZW)"
    r"commissie(?:s|\(s\))?[ \t]+[^.;()\n]{0,80}\([ \t]*$|"
    # a committee's meeting by the portfolio's short name: "Procedurevergadering IenW", "commissieoverleg BZK"
    r"\w*(?:vergadering|overleg)[ \t]+$",
    re.IGNORECASE,
)


# The ministries' names since 2000 (a closed list): a name read on from a letterhead ("Ministerie van
# Binnenlandse Zaken en Koninkrijksrelaties Gemeentefonds Septembercirculaire") ends where the ministry's
# name ends, and a name with commas ("Volksgezondheid, Welzijn en Sport") is read whole. Longest first.
_MINISTRY_NAMES = (
    "Binnenlandse Zaken en Koninkrijksrelaties",
    "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer",
    "Landbouw, Visserij, Voedselzekerheid en Natuur",
    "Economische Zaken, Landbouw en Innovatie",
    "Landbouw, Natuur en Voedselkwaliteit",
    "Volkshuisvesting en Ruimtelijke Ordening",
    "Landbouw, Natuurbeheer en Visserij",
    "Sociale Zaken en Werkgelegenheid",
    "Onderwijs, Cultuur en Wetenschap",
    "Volksgezondheid, Welzijn en Sport",
    "Infrastructuur en Waterstaat",
    "Economische Zaken en Klimaat",
    "Infrastructuur en Milieu",
    "Justitie en Veiligheid",
    "Veiligheid en Justitie",
    "Klimaat en Groene Groei",
    "Verkeer en Waterstaat",
    "Asiel en Migratie",
    "Binnenlandse Zaken",
    "Buitenlandse Zaken",
    "Economische Zaken",
    "Algemene Zaken",
    "Financiën",
    "Justitie",
    "Defensie",
)
# Read through OCR's look-alikes, split and glued words ("Binnen1andse Zaken", "Zakenen
# Koninkrijksrelaties", "Vo1ksgezondheid"): the name is still the ministry's, written out in full.
_KNOWN_MINISTRIES = tuple(re.compile(noisy(name) + r"(?![\w-])", re.IGNORECASE) for name in _MINISTRY_NAMES)


# A ministry's name whose last word OCR cut short ("Binnenlandse Zaken en Koninkrij 3 (BZK)"): all its
# words but the last as they are, the last one's first four letters or more, then no letter.
_CUT_KNOWN_MINISTRIES = tuple(
    (
        name,
        re.compile(
            r"\s+".join(re.escape(word) for word in name.split()[:-1])
            + r"\s+(?P<cut>"
            + re.escape(name.split()[-1][:4])
            + r"[a-zà-ÿ]*)(?![\w-])",
            re.IGNORECASE,
        ),
    )
    for name in _MINISTRY_NAMES
    if " " in name
)


def _cut_known_ministry(text: str, position: int) -> tuple[str, int] | None:
    """The ministry whose name, its last word cut short, starts at `position`, and where it ends."""
    for name, pattern in _CUT_KNOWN_MINISTRIES:
        match = pattern.match(text, position)
        if match is not None and name.split()[-1].lower().startswith(match["cut"].lower()):
            return name, match.end()
    return None


# A list of ministries by their short names ("de ministeries van OCW, Financiën en Defensie",
# "mijn collega's van SZW, Justitie, …"): there a one-word ministry is named by its word alone.
_MINISTRY_LIST = re.compile(
    r"\b(?:ministeries|collega[’']s)[ \t]+van[ \t]+(?P<list>(?:[A-Z][\w&]*(?:,[ \t]*|[ \t]+en[ \t]+)){1,12}[A-Z][\w&]*)"
)
_ONE_WORD_MINISTRIES = ("Financiën", "Justitie", "Defensie")
_ONE_WORD_MINISTRY = re.compile(r"(?<![\w&])(?P<word>" + "|".join(_ONE_WORD_MINISTRIES) + r")(?![\w&])")


def ministry_written_out(value: str) -> str | None:
    """ "BZK" or "ministerie van BZK" → "ministerie van Binnenlandse Zaken en Koninkrijksrelaties"."""
    abbreviation = value.removeprefix("ministerie van ")
    name = _ABBREVIATED_MINISTRIES.get(abbreviation)
    return f"ministerie van {name}" if name else None


def ministry_at(text: str, position: int) -> tuple[str, int] | None:
    """The ministry whose name or abbreviation starts at `position` ("Binnenlandse zaken en
    Koninkrijksrelaties", "het Ministerie van BZK", "EZK"), as "ministerie van …" in full, and where its
    name ends; None where no ministry is named there."""
    named = re.compile(r"(?:(?:het|de)[ \t]+)?(?:[Mm]inisterie[ \t]+van[ \t]+)?").match(text, position)
    start = named.end() if named else position
    for name, pattern in zip(_MINISTRY_NAMES, _KNOWN_MINISTRIES):
        known = pattern.match(text, start)
        if known is not None:
            return f"ministerie van {name}", known.end()
    abbreviation = _MINISTRY_ABBREVIATION.match(text, start)
    if abbreviation is not None and abbreviation["abbr"] in _ABBREVIATED_MINISTRIES:
        return f"ministerie van {_ABBREVIATED_MINISTRIES[abbreviation['abbr']]}", abbreviation.end()
    return None


def is_ministry(value: str) -> bool:
    """Whether a mention's value is a ministry (by name or by abbreviation as written)."""
    return (
        value.startswith("ministerie van")
        or value in _MINISTRY_ABBREVIATIONS
        or value in _ONE_WORD_MINISTRIES
    )


def find_ministries(text: str) -> list[OrgMention]:
    """Ministries ("het ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "BZK"), kept by name."""
    named = []
    for match in MINISTRY.finditer(text):
        name, end = fold_spaces(match["name"]), match.end()
        known = ministry_at(text, match.start("name"))
        cut = _cut_known_ministry(text, match.start("name"))
        if cut is not None and (known is None or cut[1] > known[1]):
            # "Binnenlandse Zaken en Koninkrij 3 (BZK)": a name OCR cut in its last word is that name
            name, end = cut
        elif known is not None:  # the ministry's own name in full (also where OCR damaged it), not the
            # words a letterhead runs on with
            name, end = known[0].removeprefix("ministerie van "), known[1]
        # "het ministerie van I&W": a ministry named by its short name after "ministerie van" is named
        # in full (its abbreviation inside is no second mention)
        name = _ABBREVIATED_MINISTRIES.get(name, name)
        named.append(OrgMention(f"ministerie van {name}", match.start(), end, 0.8, None, False))
    spans = [(m.start, m.end) for m in named]
    for match in _MINISTRY_ABBREVIATION.finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        if _AFTER_TITLE.search(text, max(0, match.start() - 120), match.start()):
            continue
        if _PLACE_AFTER.match(text, match.end()):
            continue  # a postcode's letters whose digits the copy lost: "Schedeldoekshaven EZ Den Haag"
        if _POSTCODE_DIGITS_BEFORE.search(text, max(0, match.start() - 6), match.start()):
            continue  # a postcode's letters: "Postbus 5780, 1225 EZ PIJNACKER"
        if _in_mail_header_line(text, match.start()):
            continue  # a redacted receiver's scraps: "Aan: BIN EZ Oamsterdam.nl>"
        named.append(OrgMention(match["abbr"], match.start(), match.end(), 0.6, None, False))
    for listed in _MINISTRY_LIST.finditer(text):
        for match in _ONE_WORD_MINISTRY.finditer(text, *listed.span("list")):
            named.append(OrgMention(match["word"], match.start(), match.end(), 0.6, None, False))
    return named


_MAIL_HEADER_LINE = re.compile(r"[ \t]*(?:van|aan|cc|bcc|from|to)[ \t]*:|[^\n]*@", re.IGNORECASE)


def _in_mail_header_line(text: str, position: int) -> bool:
    """Whether `position` is on a mail header's sender or receiver line, or a line with a mail address."""
    return _MAIL_HEADER_LINE.match(text, text.rfind("\n", 0, position) + 1) is not None


def fold_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _dedupe_overlaps(mentions: list[OrgMention]) -> list[OrgMention]:
    mentions = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[OrgMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
