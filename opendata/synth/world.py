"""The synthetic world of one seed: real organisations from the TOOI register, and around them
invented colleges and councils, people in posts, memberships, themes, dossiers and meetings.

The world depends on the seed only, never on the number of letters, so the shared source files of
a 1,000-letter corpus and a 100,000-letter corpus with the same seed are the same files.
Days are date ordinals; every organisation is used only within its lifetime.

A world may be limited to some provincies (`build_world(seed, provinces=...)`, for small corpora in
tests and demos): see `_select_organisations` and `_collaborations` for what such a world keeps.
Without a limit the world is the whole register, drawn from the same random stream as always.
"""

from __future__ import annotations

import bisect
import datetime
import random
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from opendata.model.register import load_register
from opendata.synth.emit import Day
from opendata.synth.vocabulary import (
    DOSSIER_NAMES,
    DOSSIER_THEMES,
    INITIALS,
    MONTHS,
    MUNICIPAL_REFERENCES,
    PREFIXES,
    PROVINCE_PREFIX,
    PS_ELECTIONS,
    SURNAMES,
    THEMES,
    TOOI_TOP,
    abbreviation,
    day_text,
    iso,
    slug,
)

# The letters' time window. Fixed, never the clock: a seed gives the same tree on any day.
WINDOW_START = datetime.date(1995, 1, 1).toordinal()
WINDOW_END = datetime.date(2025, 12, 31).toordinal()
YEAR = 365
KINDS = ("gemeente", "provincie", "samenwerkingsorganisatie")
COLLABORATIONS = 120  # samenwerkingsorganisaties given members, dossiers and meetings


def _ordinal(value: str) -> int:
    return datetime.date.fromisoformat(value).toordinal()


@dataclass(frozen=True)
class Org:
    """A register organisation as the world uses it: its lifetime clipped to the window (lo..hi)."""

    code: str
    kind: str
    name: str
    place: str
    province: str
    start: str
    end: str
    lo: int
    hi: int

    def alive(self, day: int) -> bool:
        return self.lo <= day <= self.hi


@dataclass(frozen=True)
class Tenure:
    post: str
    person: str
    role: str
    start: int
    end: int  # inclusive; WINDOW_END while still in office


@dataclass(frozen=True)
class Spell:
    member: str
    start: int
    end: int


@dataclass(frozen=True)
class Dossier:
    id: str
    name: str
    number: str
    theme: str
    owner: str  # register code of the organisation whose dossier it is
    start: int
    end: int


@dataclass(frozen=True)
class MeetingRef:
    day: int  # the meeting's day (the month's last day when only the month is known)
    id: str
    name: str
    when: str  # 'op 18 april 2019' or 'in september 2019'


@dataclass(frozen=True)
class Merger:
    new: Org
    predecessors: tuple[Org, ...]
    dossier: Dossier


@dataclass
class World:
    seed: int
    orgs: dict[str, Org] = field(default_factory=dict)
    provinces: list[Org] = field(default_factory=list)
    gemeenten: list[Org] = field(default_factory=list)
    by_province: dict[str, list[Org]] = field(default_factory=dict)
    collaborations: list[Org] = field(default_factory=list)
    spells: dict[str, list[Spell]] = field(default_factory=dict)
    tenures: dict[tuple[str, str], list[Tenure]] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)  # person id -> name
    themes: dict[str, str] = field(default_factory=dict)  # theme or dossier id -> name
    dossiers: dict[str, list[Dossier]] = field(default_factory=dict)  # owner code -> dossiers
    mergers: list[Merger] = field(default_factory=list)
    meetings: dict[str, list[MeetingRef]] = field(default_factory=dict)  # participant code -> by day
    names: dict[str, str] = field(default_factory=dict)  # organisation id -> display name
    party: dict[str, str] = field(default_factory=dict)  # organisation id -> its register code
    reference_style: dict[str, str] = field(default_factory=dict)
    files: dict[str, list[dict]] = field(default_factory=dict)  # shared source file -> records
    scope: frozenset[str] | None = None  # the provincies the world is limited to; None: all of them

    # ---------------------------------------------------------------- queries used by the letters

    def alive_in_province(self, province: str, day: int) -> list[Org]:
        return [g for g in self.by_province[province] if g.alive(day)]

    def members_on(self, collaboration: str, day: int) -> list[str]:
        return [s.member for s in self.spells.get(collaboration, ()) if s.start <= day <= s.end]

    def in_office(self, code: str, role: str, day: int) -> list[Tenure]:
        return [t for t in self.tenures.get((code, role), ()) if t.start <= day <= t.end]

    def active_dossiers(self, owner: str, day: int) -> list[Dossier]:
        return [d for d in self.dossiers.get(owner, ()) if d.start <= day <= d.end]

    def meetings_before(self, code: str, day: int, within: int = YEAR) -> list[MeetingRef]:
        refs = self.meetings.get(code, [])
        lo = bisect.bisect_left(refs, day - within, key=lambda m: m.day)
        hi = bisect.bisect_left(refs, day, key=lambda m: m.day)
        return refs[lo:hi]

    def alive(self, org_id: str, day: int) -> bool:
        return self.orgs[self.party[org_id]].alive(day)


class UnknownProvince(ValueError):
    """A world was asked for provincies the register does not have (the message names those it has)."""


def _province_names(everything: dict[str, Org]) -> dict[str, str]:
    return {o.code: o.name for o in everything.values() if o.kind == "provincie"}


def build_world(seed: int, provinces: Collection[str] | None = None) -> World:
    """The world of `seed`; with `provinces` (TOOI codes such as pv24, all known) only theirs.

    The order of the codes does not matter. Without `provinces` the world is the same as always.
    """
    rng = random.Random(f"opendata-synth:{seed}:world")
    world = World(seed, scope=None if provinces is None else frozenset(provinces))
    everything = _select_organisations(world)
    _local_organisations(world)
    people = _People(rng, world)
    _municipal_posts(world, rng, people)
    _provincial_posts(world, rng, people)
    world.files["people.yaml"] = people.records
    _themes(world)
    _collaborations(world, rng, _Names(everything))
    _provincial_dossiers(world, rng)
    _mergers(world, rng)
    _meetings(world, rng)
    return world


# -------------------------------------------------------------------- organisations


def _read_register() -> dict[str, Org]:
    """Gemeenten, provincies and samenwerkingsorganisaties that exist for half a year in the window."""
    orgs: dict[str, Org] = {}
    register = load_register()
    for code in sorted(register.by_code):
        org = register.by_code[code]
        if org.kind not in KINDS:
            continue
        lo = max(WINDOW_START, _ordinal(org.start)) if org.start else WINDOW_START
        hi = min(WINDOW_END, _ordinal(org.end)) if org.end else WINDOW_END
        if hi - lo < 180:
            continue
        place = org.name.removeprefix("gemeente ").removeprefix("provincie ")
        orgs[code] = Org(code, org.kind, org.name, place, org.province, org.start, org.end, lo, hi)
    return orgs


def _select_organisations(world: World) -> dict[str, Org]:
    """The register's organisations in the window (returned); the world takes them all, or in a
    limited world only the provincies of its scope and their gemeenten (historic ones too) and, for
    now, every samenwerkingsorganisatie: `_collaborations` keeps those anchored in the scope."""
    everything = _read_register()
    if world.scope is not None:
        _check_scope(world.scope, _province_names(everything))
    for code, org in everything.items():
        if (
            world.scope is not None
            and org.kind != "samenwerkingsorganisatie"
            and _province(org) not in world.scope
        ):
            continue
        world.orgs[code] = org
        world.names[code], world.party[code] = org.name, code
    world.provinces = [o for o in world.orgs.values() if o.kind == "provincie"]
    world.gemeenten = [o for o in world.orgs.values() if o.kind == "gemeente"]
    for gemeente in world.gemeenten:
        world.by_province.setdefault(gemeente.province, []).append(gemeente)
    return everything


def _province(org: Org) -> str:
    return org.code if org.kind == "provincie" else org.province


def _check_scope(scope: frozenset[str], known: dict[str, str]) -> None:
    unknown = sorted(scope - set(known))
    if unknown or not scope:
        choose = ", ".join(f"{code} ({name})" for code, name in known.items())
        asked = (
            f"unknown province code{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}"
            if unknown
            else "no province code given"
        )
        raise UnknownProvince(f"{asked}; the provincies are {choose}")


def _lifetime(org: Org) -> dict:
    """A local body lives as long as its register organisation (dates after the window left out)."""
    end = org.end if org.end and _ordinal(org.end) <= WINDOW_END else None
    return {"start": Day(org.start) if org.start else None, "end": Day(end) if end else None}


def _local_organisations(world: World) -> None:
    records = []
    for province in world.provinces:
        for prefix, kind, name in (
            ("gs", "gedeputeerde-staten", "Gedeputeerde Staten van"),
            ("ps", "provinciale-staten", "Provinciale Staten van"),
        ):
            records.append(
                _local(world, f"{prefix}-{province.code}", f"{name} {province.place}", kind, province)
            )
    for gemeente in world.gemeenten:
        records.append(
            _local(
                world,
                f"college-{gemeente.code}",
                f"college van burgemeester en wethouders van {gemeente.place}",
                "college-van-burgemeester-en-wethouders",
                gemeente,
            )
        )
        records.append(
            _local(
                world, f"raad-{gemeente.code}", f"gemeenteraad van {gemeente.place}", "gemeenteraad", gemeente
            )
        )
    world.files["organisations.yaml"] = records


def _local(world: World, key: str, name: str, kind: str, parent: Org) -> dict:
    world.names[key], world.party[key] = name, parent.code
    return {"id": key, "name": name, "kind": kind, "part_of": parent.code, **_lifetime(parent)}


# -------------------------------------------------------------------- people and posts


class _People:
    """Invented people with unique keys derived from their names."""

    def __init__(self, rng: random.Random, world: World) -> None:
        self.rng, self.world = rng, world
        self.records: list[dict] = []

    def new(self) -> str:
        rng = self.rng
        initials = "".join(rng.choice(INITIALS) + "." for _ in range(rng.choice((1, 1, 2, 2, 2, 3))))
        prefix, surname = rng.choice(PREFIXES), rng.choice(SURNAMES)
        if rng.random() < 0.08:
            surname += "-" + rng.choice(SURNAMES)
        name = f"{initials} {prefix + ' ' if prefix else ''}{surname}"
        key = base = slug(name)
        number = 2
        while key in self.world.people:
            key, number = f"{base}-{number}", number + 1
        self.world.people[key] = name
        self.records.append({"id": key, "name": name, "honorific": rng.choice(("mevrouw", "de heer"))})
        return key


def _terms(rng: random.Random, first: int, hi: int, open_end: bool, shortest: int, longest: int):
    """Consecutive terms from `first` until `hi`; the last one open when the organisation still exists."""
    start = first
    while True:
        end = start + rng.randint(shortest * YEAR, longest * YEAR) - 1
        if end >= hi:
            yield start, None if open_end else hi
            return
        yield start, end
        start = end + 1


def _post(
    world: World,
    records: list,
    key: str,
    person: str,
    role: str,
    post_in: str,
    code: str,
    start: int,
    end: int | None,
) -> None:
    records.append(
        {
            "id": key,
            "held_by": person,
            "role": role,
            "post_in": post_in,
            "start": Day(iso(start)),
            "end": Day(iso(end)) if end is not None else None,
        }
    )
    world.tenures.setdefault((code, role), []).append(
        Tenure(key, person, role, start, WINDOW_END if end is None else end)
    )


def _municipal_posts(world: World, rng: random.Random, people: _People) -> None:
    """A burgemeester and a gemeentesecretaris in office on every day of each municipality's life."""
    records = world.files.setdefault("posts.yaml", [])
    for gemeente in world.gemeenten:
        founded_in_window = bool(gemeente.start) and _ordinal(gemeente.start) >= WINDOW_START
        still_exists = gemeente.hi == WINDOW_END and not gemeente.end
        for role, shortest, longest in (("burgemeester", 6, 16), ("gemeentesecretaris", 5, 15)):
            first = gemeente.lo if founded_in_window else gemeente.lo - rng.randint(30, 6 * YEAR)
            if gemeente.start:  # no post before the municipality itself
                first = max(first, _ordinal(gemeente.start))
            for start, end in _terms(rng, first, gemeente.hi, still_exists, shortest, longest):
                key = f"{role}-{gemeente.code}-{datetime.date.fromordinal(start).year}"
                _post(world, records, key, people.new(), role, gemeente.code, gemeente.code, start, end)


def _provincial_posts(world: World, rng: random.Random, people: _People) -> None:
    """Gedeputeerden per term of Provinciale Staten; some stay on for the next term."""
    records = world.files.setdefault("posts.yaml", [])
    for province in world.provinces:
        installed = [
            datetime.date(year, rng.randint(4, 6), rng.randint(1, 28)).toordinal() for year in PS_ELECTIONS
        ]
        sitting: list[str] = []
        for number, start in enumerate(installed):
            end = installed[number + 1] - 1 if number + 1 < len(installed) else None
            stay = [person for person in sitting if rng.random() < 0.4]
            sitting = stay + [people.new() for _ in range(rng.randint(5, 7) - len(stay))]
            year = datetime.date.fromordinal(start).year
            for seat, person in enumerate(sitting, 1):
                _post(
                    world,
                    records,
                    f"gedeputeerde-{province.code}-{year}-{seat}",
                    person,
                    "gedeputeerde",
                    f"gs-{province.code}",
                    province.code,
                    start,
                    end,
                )
    for province in world.provinces:
        world.reference_style[province.code] = PROVINCE_PREFIX.get(province.code, "P") + "-{year}-{n9}"
    for gemeente in world.gemeenten:
        world.reference_style[gemeente.code] = rng.choice(MUNICIPAL_REFERENCES).replace(
            "{abbr}", abbreviation(gemeente.place)
        )


# -------------------------------------------------------------------- themes and dossiers


def _themes(world: World) -> None:
    records = world.files.setdefault("themes.yaml", [])
    for key, name, matches in THEMES:
        world.themes[key] = name
        records.append(
            {"id": key, "name": name, "scheme": "thema", "close_match": [TOOI_TOP + m for m in matches]}
        )


def _dossier(
    world: World,
    name: str,
    theme: str,
    owner: str,
    start: int,
    end: int,
    number: str,
    note: str | None = None,
) -> Dossier:
    key = base = f"{slug(name)}-{datetime.date.fromordinal(start).year}"
    suffix = 2
    while key in world.themes:
        key, suffix = f"{base}-{suffix}", suffix + 1
    dossier = Dossier(key, name, number, theme, owner, start, end)
    world.themes[key] = name
    world.dossiers.setdefault(owner, []).append(dossier)
    world.files["themes.yaml"].append(
        {"id": key, "name": name, "scheme": "dossier", "number": number, "broader": theme, "note": note}
    )
    return dossier


def _random_dossier(world: World, rng: random.Random, owner: Org, area: str, reference: str) -> None:
    which = rng.randrange(len(DOSSIER_NAMES))
    start = rng.randint(owner.lo, max(owner.lo, owner.hi - YEAR))
    end = min(owner.hi, start + rng.randint(2 * YEAR, 6 * YEAR))
    year = datetime.date.fromordinal(start).year
    number = reference.format(year=year, n=rng.randrange(10**7))
    _dossier(
        world, DOSSIER_NAMES[which].format(area=area), DOSSIER_THEMES[which], owner.code, start, end, number
    )


def _provincial_dossiers(world: World, rng: random.Random) -> None:
    for province in world.provinces:
        for _ in range(10):
            _random_dossier(world, rng, province, province.place, "DOS-{year}-{n:07d}")


def _mergers(world: World, rng: random.Random) -> None:
    """Each municipality founded in the window by a merger, with a herindeling dossier of its province."""
    for new in world.gemeenten:
        if not new.start or _ordinal(new.start) <= WINDOW_START:
            continue
        predecessors = tuple(
            g
            for g in world.by_province[new.province]
            if g.end and _ordinal(g.end) == new.lo - 1 and g.lo < new.lo - YEAR
        )
        if not predecessors:
            continue
        places = [p.place for p in predecessors]
        label = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " en " + places[-1]
        start = max(WINDOW_START, new.lo - 3 * YEAR)
        prefix, year = PROVINCE_PREFIX.get(new.province, "P"), datetime.date.fromordinal(start).year
        number = f"{prefix}-HER-{year}-{rng.randrange(10**5):05d}"
        dossier = _dossier(
            world,
            f"herindeling {label}",
            "bestuurlijke-herindeling",
            new.province,
            start,
            new.lo - 1,
            number,
            note=f"Leidde per {new.start} tot de {new.name}.",
        )
        world.mergers.append(Merger(new, predecessors, dossier))


# -------------------------------------------------------------------- collaborations


class _Names:
    """Where a collaboration's name places it: a province's name, else a municipality's place name.

    Judged against the whole register, also in a limited world: 'Veiligheidsregio Utrecht' belongs
    to Utrecht whichever provincies the world keeps.
    """

    def __init__(self, everything: dict[str, Org]) -> None:
        self.provinces = [o for o in everything.values() if o.kind == "provincie"]
        self.by_place: dict[str, Org] = {}
        gemeenten = [o for o in everything.values() if o.kind == "gemeente"]
        for gemeente in sorted(gemeenten, key=lambda g: (g.hi, g.code)):
            self.by_place[gemeente.place] = gemeente  # the latest-living municipality of that name wins
        self.places = re.compile(
            r"\b(" + "|".join(re.escape(p) for p in sorted(self.by_place, key=len, reverse=True)) + r")\b"
        )

    def anchor(self, collaboration: Org) -> tuple[str, str | None] | None:
        """Its province and maybe the municipality its name gives; None when the name says neither."""
        for province in self.provinces:
            if province.place in collaboration.name:
                return province.code, None
        found = self.places.search(collaboration.name)
        if found:
            gemeente = self.by_place[found.group(1)]
            return gemeente.province, gemeente.code
        return None


def _anchor(world: World, collaboration: Org, names: _Names, rng: random.Random) -> tuple[str, str | None]:
    """The province (and maybe a municipality) a collaboration belongs to: by its name, else by chance."""
    return names.anchor(collaboration) or (rng.choice([g.province for g in world.gemeenten]), None)


def _collaborations(world: World, rng: random.Random, names: _Names) -> None:
    """Members of samenwerkingsorganisaties that change over time: mergers, and some that leave.

    The whole world draws COLLABORATIONS of them at random, and those whose name places them
    nowhere ('Syntrophos', 'GGD West-Brabant') get a province by chance. A world limited to some
    provincies keeps instead every candidate whose name anchors it in one of them ('Veiligheidsregio
    Zeeland', 'Omgevingsdienst Flevoland & Gooi en Vechtstreek', one named after a kept
    municipality's place): its members are then plausibly its own gemeenten, none is placed by
    chance, and the number follows the region (4 for Flevoland's 6 gemeenten, historic ones
    counted; 6 for Zeeland's 18; 25 for the 150 of Zuid-Holland and Utrecht; the whole world has
    120 for 605). Scaling the 120 by the share of gemeenten kept would leave Flevoland one
    collaboration, drawn mostly from names that belong elsewhere ('GGD West-Brabant'). The choice
    depends on the register only, not on the seed. The other samenwerkingsorganisaties leave the
    world.
    """
    candidates = [
        o for o in world.orgs.values() if o.kind == "samenwerkingsorganisatie" and o.hi - o.lo >= 2 * YEAR
    ]
    if world.scope is None:
        world.collaborations = sorted(
            rng.sample(candidates, min(COLLABORATIONS, len(candidates))), key=lambda o: o.code
        )
    else:
        world.collaborations = sorted(
            (c for c in candidates if (names.anchor(c) or ("",))[0] in world.scope), key=lambda o: o.code
        )
        kept = {c.code for c in world.collaborations}
        for code in [c for c, o in world.orgs.items() if o.kind == "samenwerkingsorganisatie"]:
            if code not in kept:
                del world.orgs[code], world.names[code], world.party[code]
    records = world.files.setdefault("memberships.yaml", [])
    for collaboration in world.collaborations:
        province, named = _anchor(world, collaboration, names, rng)
        founders = [g for g in world.by_province[province] if g.alive(collaboration.lo)]
        chosen = set(rng.sample(founders, min(len(founders), rng.randint(3, 10))))
        chosen |= {world.orgs[named]} if named and world.orgs[named].alive(collaboration.lo) else set()
        _memberships(world, rng, collaboration, sorted(chosen, key=lambda g: g.code), records)
        for _ in range(2):
            number = abbreviation(collaboration.name) + "-{year}-{n:07d}"
            _random_dossier(world, rng, collaboration, collaboration.name, number)


def _memberships(
    world: World, rng: random.Random, collaboration: Org, founders: list[Org], records: list
) -> None:
    queue: list[tuple[Org, Org | None]] = [(g, None) for g in founders]
    members: set[str] = set()
    while queue:
        gemeente, predecessor = queue.pop(0)
        members.add(gemeente.code)
        start = max(collaboration.lo, gemeente.lo)
        end = min(collaboration.hi, gemeente.hi)
        start_text: str | None
        note: str | None
        if predecessor:
            start_text, note = (
                iso(start),
                f"opvolger van {predecessor.code} ({predecessor.place}) na herindeling",
            )
        else:
            starts = [s for s in (collaboration.start, gemeente.start) if s]
            start_text, note = (max(starts) if starts else None), None
        ends = [e for e in (collaboration.end, gemeente.end) if e and _ordinal(e) <= WINDOW_END]
        end_text = min(ends) if ends else None
        if not end_text and end - start > 6 * YEAR and rng.random() < 0.12:
            end = rng.randint(start + 2 * YEAR, end - 2 * YEAR)
            end_text, note = iso(end), f"uitgetreden per {iso(end + 1)}"
        records.append(
            {
                "id": f"{collaboration.code}-{gemeente.code}",
                "member": gemeente.code,
                "organisation": collaboration.code,
                "role": "deelnemer",
                "start": Day(start_text) if start_text else None,
                "end": Day(end_text) if end_text else None,
                "note": note,
            }
        )
        world.spells.setdefault(collaboration.code, []).append(Spell(gemeente.code, start, end))
        if gemeente.hi < collaboration.hi and gemeente.end:  # merged away: the new municipality takes over
            for successor in world.by_province[gemeente.province]:
                if successor.lo == gemeente.hi + 1 and successor.start and successor.code not in members:
                    members.add(successor.code)
                    queue.append((successor, gemeente))
                    break


# -------------------------------------------------------------------- meetings


def _meetings(world: World, rng: random.Random) -> None:
    records = world.files.setdefault("meetings.yaml", [])
    theme_keys = [key for key, _, _ in THEMES]
    for province in world.provinces:
        for year in range(
            datetime.date.fromordinal(WINDOW_START).year, datetime.date.fromordinal(WINDOW_END).year + 1
        ):
            day = min(WINDOW_END, datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)).toordinal())
            alive = world.alive_in_province(province.code, day)
            guests = sorted(g.code for g in rng.sample(alive, min(len(alive), rng.randint(2, 5))))
            gedeputeerde = rng.choice(world.in_office(province.code, "gedeputeerde", day))
            theme = rng.choice(theme_keys)
            name = f"Bestuurlijk overleg provincie {province.place} over {world.themes[theme]}"
            _meeting(
                world,
                records,
                f"bestuurlijk-overleg-{province.code}-{iso(day)}",
                name,
                "gesprek",
                day,
                False,
                [province.code],
                [province.code, *guests],
                [gedeputeerde.person],
                [theme],
            )
    for collaboration in world.collaborations:
        day = collaboration.lo + rng.randint(0, 2 * YEAR)
        while day <= collaboration.hi:
            members = world.members_on(collaboration.code, day)
            if len(members) >= 2:
                council = rng.random() < 0.3
                kind = "raadsbijeenkomst" if council else "collegeconferentie"
                name = f"{'Raadsbijeenkomst' if council else 'Collegeconferentie'} {collaboration.name}"
                themes = [d.id for d in world.active_dossiers(collaboration.code, day)][:1] or [
                    rng.choice(theme_keys)
                ]
                _meeting(
                    world,
                    records,
                    f"{kind}-{collaboration.code}-{iso(day)}",
                    name,
                    kind,
                    day,
                    council,
                    [rng.choice(members)],
                    members,
                    [],
                    themes,
                    also=collaboration.code,
                )
            day += rng.randint(2 * YEAR, 4 * YEAR)
    for refs in world.meetings.values():
        refs.sort(key=lambda m: (m.day, m.id))


def _meeting(
    world: World,
    records: list,
    key: str,
    name: str,
    kind: str,
    day: int,
    month_only: bool,
    organiser: list,
    participants: list,
    people: list,
    about: list,
    also: str | None = None,
) -> None:
    d = datetime.date.fromordinal(day)
    if month_only:
        last = (d.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
        date, ref = (
            Day(f"{d.year:04d}-{d.month:02d}"),
            MeetingRef(min(last.toordinal(), WINDOW_END), key, name, f"in {MONTHS[d.month - 1]} {d.year}"),
        )
    else:
        date, ref = Day(iso(day)), MeetingRef(day, key, name, f"op {day_text(day)}")
    records.append(
        {
            "id": key,
            "name": name,
            "kind": kind,
            "date": date,
            "organiser": organiser,
            "participants": participants,
            "participant_people": people,
            "about": about,
        }
    )
    for code in sorted(set(participants) | ({also} if also else set())):
        world.meetings.setdefault(code, []).append(ref)
