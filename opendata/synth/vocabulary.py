"""Word lists the synthetic corpus is made of: names, themes, reference formats, Dutch dates."""

from __future__ import annotations

import datetime
import re
import unicodedata

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

INITIALS = "AABCDEEFGHHIJJJKLMMNPPRRSTWW"
SURNAMES = (
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Dijkstra",
    "Kok",
    "Jacobs",
    "Vermeulen",
    "Willems",
    "Schouten",
    "Huisman",
    "Kuipers",
    "Veenstra",
    "Hoekstra",
    "Postma",
    "Prins",
    "Blom",
    "Koster",
    "Maas",
    "Verhoeven",
    "Bosman",
    "Kramer",
    "Timmermans",
    "Groen",
    "Wouters",
    "Gerritsen",
    "Jonker",
    "Hermans",
    "Molenaar",
    "Baljeu",
    "Koene",
    "Bouvy",
    "Sanders",
    "Evers",
    "Kroon",
    "Drost",
    "Nijland",
    "Wolters",
    "Zwart",
    "Scholten",
    "Lammers",
    "Hofman",
    "Verbeek",
    "Haverkamp",
    "Oosterhuis",
    "Brink",
    "Boersma",
    "Pronk",
    "Roelofs",
)
PREFIXES = ("", "", "", "", "", "van", "de", "van der", "van den", "van de", "ter", "den", "in 't")

# Themes (scheme thema). The TOOI topic IRIs are those the curated datasets/themes.yaml uses.
TOOI_TOP = "https://identifier.overheid.nl/tooi/def/thes/top/"
THEMES = (
    ("energietransitie", "energietransitie", ("c_f4f1867a",)),
    ("klimaatopgave", "klimaatopgave", ("c_79010191",)),
    ("woningbouwopgave", "woningbouwopgave", ("c_124eaf3a",)),
    ("bedrijventerreinenstrategie", "bedrijventerreinenstrategie", ("c_d363776f", "c_9af4b880")),
    ("jeugdzorg", "jeugdzorg", ("c_0fe7c5e7",)),
    ("wmo", "Wmo", ("c_d0463fb7",)),
    ("bestuurlijke-herindeling", "bestuurlijke herindeling", ("c_f37fd49d",)),
    ("internationaal-onderwijs", "internationaal onderwijs", ("c_c232ae4a",)),
    ("bereikbaarheid", "bereikbaarheid", ()),
    ("openbaar-vervoer", "openbaar vervoer", ()),
    ("natuur-en-landschap", "natuur en landschap", ()),
    ("stikstof", "stikstof", ()),
    ("waterveiligheid", "waterveiligheid", ()),
    ("cultureel-erfgoed", "cultureel erfgoed", ()),
    ("openbare-orde-en-veiligheid", "openbare orde en veiligheid", ()),
    ("afvalinzameling", "afvalinzameling", ()),
    ("regionale-economie", "regionale economie", ()),
    ("werk-en-inkomen", "werk en inkomen", ()),
    ("onderwijshuisvesting", "onderwijshuisvesting", ()),
    ("recreatie-en-toerisme", "recreatie en toerisme", ()),
    ("omgevingswet", "Omgevingswet", ()),
    ("digitale-overheid", "digitale overheid", ()),
    ("armoedebeleid", "armoedebeleid", ()),
    ("landbouw", "landbouw", ()),
    ("gemeentefinancien", "gemeentefinanciën", ()),
    ("bestuurlijke-samenwerking", "bestuurlijke samenwerking", ()),
)

DOSSIER_NAMES = (
    "Regionale Energiestrategie {area}",
    "Woonagenda {area}",
    "Bereikbaarheidsprogramma {area}",
    "Gebiedsprogramma {area}",
    "Regionale Investeringsagenda {area}",
    "Programma Klimaatadaptatie {area}",
    "Uitvoeringsagenda {area}",
    "Versterking bestuurskracht {area}",
    "Regionaal Mobiliteitsprogramma {area}",
    "Natuurnetwerk {area}",
)
DOSSIER_THEMES = (
    "energietransitie",
    "woningbouwopgave",
    "bereikbaarheid",
    "regionale-economie",
    "regionale-economie",
    "klimaatopgave",
    "bestuurlijke-samenwerking",
    "bestuurlijke-samenwerking",
    "openbaar-vervoer",
    "natuur-en-landschap",
)

# Letter prefixes of the provinces' reference numbers (PZH-2019-678010037).
PROVINCE_PREFIX = {
    "pv20": "PG",
    "pv21": "PF",
    "pv22": "PD",
    "pv23": "PO",
    "pv24": "PFL",
    "pv25": "PGLD",
    "pv26": "PU",
    "pv27": "PNH",
    "pv28": "PZH",
    "pv29": "PZL",
    "pv30": "PNB",
    "pv31": "PL",
}
# How a municipality numbers its letters: one of these per municipality.
MUNICIPAL_REFERENCES = ("{abbr}/{year}/{n6}", "Z/{yy}/{n6}", "{year}-{n6}", "U{yy}.{n5}", "{abbr}-{yy}-{n5}")

PS_ELECTIONS = (1991, 1995, 1999, 2003, 2007, 2011, 2015, 2019, 2023)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def day_text(day: int) -> str:
    """A date ordinal as Dutch prose: 11 juni 2019."""
    d = datetime.date.fromordinal(day)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def iso(day: int) -> str:
    return datetime.date.fromordinal(day).isoformat()


def abbreviation(name: str) -> str:
    """LEI for Leiden, HR for Holland Rijnland: a plausible letter code for a reference number."""
    words = [w for w in re.split(r"[\s-]+", slug(name).replace("-", " ")) if w]
    if len(words) > 1:
        return "".join(w[0] for w in words[:4]).upper()
    return (words[0][:3] if words else "ORG").upper()
