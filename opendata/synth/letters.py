"""Plans of letters: who writes to whom, when, in which role, citing and attaching what.

Letter i is planned from its own random generator (seed, i) and the plans of letters 0..i-1 only,
so it is the same letter in a corpus of any size larger than i. It cites and attaches only
earlier letters (lower numbers, earlier dates): the citation graph has no cycles.
"""

from __future__ import annotations

import datetime
import itertools
import random
from collections import defaultdict
from dataclasses import dataclass

from opendata.synth.vocabulary import THEMES, day_text, iso
from opendata.synth.world import WINDOW_END, WINDOW_START, Dossier, MeetingRef, World

Signature = tuple[str, str, str, tuple[str, ...]]  # person, role, post, on behalf of


@dataclass(slots=True)
class Plan:
    index: int
    style: str  # provincial, municipal, neighbours, council, collaboration, to-collaboration, merger, reply
    sender: str
    addressees: tuple[str, ...]
    day: int  # date sent; the date received where the date sent is unknown
    kind: str = "brief"
    id: str = ""
    title: str = ""
    sent_known: bool = True
    received: int | None = None
    our_reference: str | None = None
    your_reference: str | None = None
    dossier: Dossier | None = None
    themes: tuple[str, ...] = ()
    signatories: tuple[Signature, ...] = ()
    cites: tuple[int, ...] = ()
    attachments: tuple[int, ...] = ()
    meetings: tuple[MeetingRef, ...] = ()
    reply_to: int | None = None
    parties: tuple[str, ...] = ()  # the register organisations of sender and addressees, sender first


STYLES = (
    ("provincial", 16),
    ("municipal", 11),
    ("neighbours", 11),
    ("council", 13),
    ("collaboration", 12),
    ("to-collaboration", 8),
    ("merger", 7),
    ("reply", 22),
)
_STYLE_NAMES = tuple(name for name, _ in STYLES)
_STYLE_CUMULATIVE = tuple(itertools.accumulate(weight for _, weight in STYLES))
_THEME_KEYS = tuple(key for key, _, _ in THEMES)
_THEME_NAMES = frozenset(_THEME_KEYS)

TITLES = {
    "provincial": (
        "Bestuurlijke afspraken over {theme}",
        "Uitnodiging bestuurlijk overleg over {theme}",
        "Provinciaal beleid voor {theme}",
        "Subsidieregeling {theme} {year}",
        "Voortgang {dossier}",
    ),
    "municipal": (
        "Zienswijze op het provinciaal beleid voor {theme}",
        "Verzoek om overleg over {theme}",
        "Reactie op {dossier}",
        "Aandacht voor {theme} in {place}",
    ),
    "neighbours": (
        "Regionale samenwerking op het gebied van {theme}",
        "Afstemming over {theme}",
        "Gezamenlijke aanpak {theme}",
    ),
    "council": ("Raadsinformatiebrief {theme}", "Stand van zaken {theme}", "Informatie over {dossier}"),
    "collaboration": (
        "Ontwerpbegroting {next_year} {sender}",
        "Jaarstukken {year} {sender}",
        "Voortgang {theme} binnen {sender}",
        "Voorstellen over {theme}",
    ),
    "to-collaboration": (
        "Zienswijze op de ontwerpbegroting {next_year}",
        "Reactie op de voorstellen over {theme}",
        "Inbreng van {place} over {theme}",
    ),
    "merger": ("{dossier}", "Voortgang {dossier}", "Herindelingsadvies {dossier}"),
}


class Planner:
    """Plans letters 0, 1, 2, ... in order; each plan may refer to the ones before it."""

    def __init__(self, world: World, seed: int) -> None:
        self.world, self.seed = world, seed
        self.plans: list[Plan] = []
        self.by_party: dict[str, list[int]] = defaultdict(list)

    def plan_next(self) -> Plan:
        index = len(self.plans)
        rng = random.Random(f"opendata-synth:{self.seed}:letter:{index}")
        plan = None
        while plan is None:
            style = rng.choices(_STYLE_NAMES, cum_weights=_STYLE_CUMULATIVE)[0]
            plan = getattr(self, "_" + style.replace("-", "_"))(rng, index)
        self._complete(rng, plan)
        self.plans.append(plan)
        for code in plan.parties:
            self.by_party[code].append(index)
        return plan

    # ------------------------------------------------------------ who writes to whom

    @staticmethod
    def _day(rng: random.Random) -> int:
        """A day in the window, more of them in later years."""
        return WINDOW_START + int((WINDOW_END - WINDOW_START + 1) * rng.random() ** 0.8)

    def _gemeente(self, rng: random.Random, day: int):
        while True:
            gemeente = rng.choice(self.world.gemeenten)
            if gemeente.alive(day):
                return gemeente

    def _provincial(self, rng, index):
        province = rng.choice(self.world.provinces)
        day = self._day(rng)
        alive = self.world.alive_in_province(province.code, day)
        chosen = rng.sample(alive, min(len(alive), rng.choice((1, 1, 1, 2, 3))))
        plan = Plan(
            index,
            "provincial",
            f"gs-{province.code}",
            tuple(sorted(f"college-{g.code}" for g in chosen)),
            day,
        )
        plan.dossier = self._maybe_dossier(rng, province.code, day)
        return plan

    def _municipal(self, rng, index):
        day = self._day(rng)
        gemeente = self._gemeente(rng, day)
        return Plan(
            index,
            "municipal",
            f"college-{gemeente.code}",
            (f"gs-{gemeente.province}",),
            day,
            dossier=self._maybe_dossier(rng, gemeente.province, day),
        )

    def _neighbours(self, rng, index):
        day = self._day(rng)
        gemeente = self._gemeente(rng, day)
        others = [g for g in self.world.alive_in_province(gemeente.province, day) if g.code != gemeente.code]
        if not others:
            return None
        chosen = rng.sample(others, min(len(others), rng.choice((1, 1, 2, 3))))
        addressees = tuple(sorted(f"college-{g.code}" for g in chosen))
        return Plan(index, "neighbours", f"college-{gemeente.code}", addressees, day)

    def _council(self, rng, index):
        day = self._day(rng)
        gemeente = self._gemeente(rng, day)
        plan = Plan(
            index,
            "council",
            f"college-{gemeente.code}",
            (f"raad-{gemeente.code}",),
            day,
            kind="raadsinformatiebrief",
        )
        earlier = [
            j
            for j in self.by_party.get(gemeente.code, [])[-30:]
            if self.plans[j].day < day and self.plans[j].kind != "raadsinformatiebrief"
        ]
        if earlier and rng.random() < 0.5:
            plan.attachments = tuple(sorted(rng.sample(earlier, min(len(earlier), rng.choice((1, 1, 2))))))
        plan.dossier = self._maybe_dossier(rng, gemeente.province, day, chance=0.2)
        return plan

    def _collaboration(self, rng, index):
        if not self.world.collaborations:  # a world limited to provincies could have none
            return None
        collaboration = rng.choice(self.world.collaborations)
        day = rng.randint(collaboration.lo, collaboration.hi)
        members = self.world.members_on(collaboration.code, day)
        if not members:
            return None
        chosen = sorted(rng.sample(members, min(len(members), rng.choice((1, 2, 3)))))
        # to the municipalities themselves (TOOI codes) or to their colleges
        addressees = tuple(chosen) if rng.random() < 0.5 else tuple(f"college-{code}" for code in chosen)
        plan = Plan(index, "collaboration", collaboration.code, addressees, day)
        plan.dossier = self._maybe_dossier(rng, collaboration.code, day)
        return plan

    def _to_collaboration(self, rng, index):
        if not self.world.collaborations:
            return None
        collaboration = rng.choice(self.world.collaborations)
        day = rng.randint(collaboration.lo, collaboration.hi)
        members = self.world.members_on(collaboration.code, day)
        if not members:
            return None
        return Plan(
            index,
            "to-collaboration",
            rng.choice(members),
            (collaboration.code,),
            day,
            dossier=self._maybe_dossier(rng, collaboration.code, day, chance=0.3),
        )

    def _merger(self, rng, index):
        """Letters about a coming herindeling, to and from the municipalities that will merge."""
        if not self.world.mergers:  # none in Flevoland or Zeeland, say
            return None
        merger = rng.choice(self.world.mergers)
        day = rng.randint(merger.dossier.start, merger.dossier.end)
        alive = [g for g in merger.predecessors if g.alive(day)]
        if not alive:
            return None
        province = merger.new.province
        if rng.random() < 0.5:
            chosen = rng.sample(alive, min(len(alive), rng.choice((1, 2, 3))))
            plan = Plan(index, "merger", f"gs-{province}", tuple(sorted(g.code for g in chosen)), day)
        else:
            plan = Plan(index, "merger", f"college-{rng.choice(alive).code}", (f"gs-{province}",), day)
        plan.dossier = merger.dossier
        return plan

    def _reply(self, rng, index):
        """An answer to an earlier letter, citing it and quoting its reference number."""
        if index == 0:
            return None
        earlier = self.plans[index - 1 - rng.randrange(min(index, 300))]
        responder = earlier.addressees[0]
        day = earlier.day + rng.randint(10, 120)
        if earlier.kind == "raadsinformatiebrief" or day > WINDOW_END:
            return None
        if not (self.world.alive(responder, day) and self.world.alive(earlier.sender, day)):
            return None
        plan = Plan(
            index,
            "reply",
            responder,
            (earlier.sender,),
            day,
            reply_to=earlier.index,
            your_reference=earlier.our_reference,
            cites=(earlier.index,),
            themes=earlier.themes,
        )
        if earlier.dossier and earlier.dossier.owner == self.world.party[responder]:
            plan.dossier = earlier.dossier
        plan.title = f"Reactie op uw brief van {day_text(earlier.day)}"
        return plan

    def _maybe_dossier(self, rng, owner: str, day: int, chance: float = 0.5) -> Dossier | None:
        dossiers = self.world.active_dossiers(owner, day)
        return rng.choice(dossiers) if dossiers and rng.random() < chance else None

    # ------------------------------------------------------------ everything else

    def _complete(self, rng: random.Random, plan: Plan) -> None:
        world = self.world
        # Number first: file order is letter order, and the last file is a letter nobody cites yet.
        plan.id = f"{plan.index + 1:06d}-{plan.sender}-{iso(plan.day)}"
        sender = world.party[plan.sender]
        plan.parties = (
            sender,
            *(c for c in dict.fromkeys(world.party[a] for a in plan.addressees) if c != sender),
        )
        if not plan.themes:
            themes = [plan.dossier.id, plan.dossier.theme] if plan.dossier else []
            for theme in rng.sample(_THEME_KEYS, rng.choice((1, 1, 2))):
                if theme not in themes:
                    themes.append(theme)
            plan.themes = tuple(themes)
        if not plan.title:
            plan.title = self._title(rng, plan)
        plan.signatories = self._signatories(rng, plan.sender, plan.day)
        if rng.random() < 0.02:
            plan.our_reference = None  # the letter carries no reference number
        else:
            plan.our_reference = self._reference(rng, world.party[plan.sender], plan.day)
        last_day = min(world.orgs[code].hi for code in plan.parties)
        if plan.style in ("provincial", "collaboration") and rng.random() < 0.03:
            plan.sent_known = False  # only the date of receipt is known
        elif rng.random() < 0.3 and plan.day + 7 <= last_day:
            plan.received = plan.day + rng.randint(1, 7)
        plan.cites = plan.cites + self._citations(rng, plan)
        plan.meetings = self._meetings(rng, plan)

    def _title(self, rng: random.Random, plan: Plan) -> str:
        year = datetime.date.fromordinal(plan.day).year
        template = rng.choice([t for t in TITLES[plan.style] if plan.dossier or "{dossier}" not in t])
        theme = next((t for t in plan.themes if t in _THEME_NAMES), plan.themes[0])
        title = template.format(
            theme=self.world.themes[theme],
            dossier=plan.dossier.name if plan.dossier else "",
            year=year,
            next_year=year + 1,
            sender=self.world.names[plan.sender],
            place=self.world.orgs[self.world.party[plan.sender]].place,
        )
        return title[0].upper() + title[1:]

    def _signatories(self, rng: random.Random, sender: str, day: int) -> tuple[Signature, ...]:
        world = self.world
        code = world.party[sender]
        if sender.startswith("gs-"):
            gedeputeerde = rng.choice(world.in_office(code, "gedeputeerde", day))
            return ((gedeputeerde.person, "gedeputeerde", gedeputeerde.post, (sender,)),)
        if world.orgs[code].kind == "samenwerkingsorganisatie":
            members = world.members_on(code, day)
            if not members:
                return ()
            chair = rng.choice(members)  # the chair is a member's burgemeester
            mayor = world.in_office(chair, "burgemeester", day)[0]
            return ((mayor.person, "burgemeester", mayor.post, (sender,)),)
        secretary = world.in_office(code, "gemeentesecretaris", day)[0]
        mayor = world.in_office(code, "burgemeester", day)[0]
        return (
            (secretary.person, "gemeentesecretaris", secretary.post, (sender,)),
            (mayor.person, "burgemeester", mayor.post, (sender,)),
        )

    def _reference(self, rng: random.Random, code: str, day: int) -> str:
        year = datetime.date.fromordinal(day).year
        style = self.world.reference_style.get(code)
        if style is None:  # a samenwerkingsorganisatie
            return f"{code.upper()}-{year}-{rng.randrange(10**5):05d}"
        return style.format(
            year=year,
            yy=f"{year % 100:02d}",
            n5=f"{rng.randrange(10**5):05d}",
            n6=f"{rng.randrange(10**6):06d}",
            n9=str(rng.randrange(10**8, 10**9)),
        )

    def _citations(self, rng: random.Random, plan: Plan) -> tuple[int, ...]:
        """Up to two earlier letters of the same parties, sent before this one."""
        wanted = rng.choice((0, 0, 0, 1, 1, 2))
        if not wanted:
            return ()
        code = rng.choice(plan.parties)
        earlier = [
            j
            for j in self.by_party.get(code, [])[-40:]
            if self.plans[j].day < plan.day and j not in plan.cites and j not in plan.attachments
        ]
        return tuple(sorted(rng.sample(earlier, min(wanted, len(earlier)))))

    def _meetings(self, rng: random.Random, plan: Plan) -> tuple[MeetingRef, ...]:
        if rng.random() > 0.35:
            return ()
        recent = {m.id: m for code in plan.parties for m in self.world.meetings_before(code, plan.day)}
        if not recent:
            return ()
        chosen = rng.sample(sorted(recent), min(len(recent), rng.choice((1, 1, 2))))
        return tuple(recent[key] for key in sorted(chosen))
