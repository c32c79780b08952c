"""A letter's Dutch text from templates, and its positions with the offsets where they stand.

Offsets are counted while the text is assembled (in characters, as Python and the evidence check
count them), never searched for afterwards.
"""

from __future__ import annotations

import datetime
import random

from opendata.synth.emit import Day
from opendata.synth.letters import Plan
from opendata.synth.vocabulary import day_text, iso
from opendata.synth.world import World

OPENINGS = (
    "Met deze brief informeren wij u over {theme}.",
    "Graag brengen wij de stand van zaken rond {theme} onder uw aandacht.",
    "Zoals u weet, werken wij al geruime tijd samen op het gebied van {theme}.",
    "Naar aanleiding van recente ontwikkelingen rond {theme} schrijven wij u deze brief.",
)
FILLERS = (
    "In {year} is een start gemaakt met de uitwerking van de regionale afspraken.",
    "De komende periode staat in het teken van de verdere uitwerking van deze afspraken.",
    "Over de financiële gevolgen informeren wij u in een afzonderlijke brief.",
    "Wij danken u voor de constructieve samenwerking in de afgelopen periode.",
    "De ambtelijke voorbereiding ligt bij de betrokken vakafdelingen.",
    "Daarbij is ook gekeken naar de samenhang met {theme2}.",
    "Wij stellen het op prijs als u uw reactie vóór {later} aan ons kenbaar maakt.",
    "Voor vragen over deze brief kunt u contact opnemen met de afdeling Bestuurszaken.",
    "De gevolgen voor inwoners en ondernemers worden zorgvuldig in beeld gebracht.",
    "Het onderwerp staat ook op de agenda van het eerstvolgende portefeuillehoudersoverleg.",
    "Wij hechten eraan dat de raden tijdig en volledig worden geïnformeerd.",
    "De uitvoering vraagt om heldere afspraken over taken, verantwoordelijkheden en middelen.",
    "Een eerste evaluatie laat zien dat de gekozen aanpak werkt, al is er ruimte voor verbetering.",
    "Wij zien {theme} nadrukkelijk als een opgave die gemeentegrenzen overstijgt.",
    "De resultaten van de verkenning worden in het voorjaar van {next_year} verwacht.",
)
POSITIONS = {
    "standpunt": (
        "Wij zijn van mening dat {theme} alleen in regionaal verband goed kan worden opgepakt.",
        "Naar ons oordeel vraagt {theme} om een gezamenlijke aanpak van gemeenten en provincie.",
        "Wij vinden het van belang dat de raden actief betrokken blijven bij {theme}.",
        "Wij achten het niet wenselijk om de besluitvorming over {theme} verder te centraliseren.",
        "Wij delen uw zorg over de voortgang van {theme}, maar zien geen aanleiding het beleid te wijzigen.",
        "De huidige afspraken over {theme} bieden naar onze mening voldoende ruimte voor maatwerk.",
    ),
    "besluit": (
        "Wij hebben besloten om in {year} een bijdrage van € {amount} beschikbaar te stellen voor {theme}.",
        "Ons college heeft op {date} besloten in te stemmen met het voorstel over {theme}.",
        "Wij hebben besloten de uitvoering van {theme} voorlopig ongewijzigd voort te zetten.",
    ),
    "toezegging": (
        "Wij zeggen toe u vóór {later} te informeren over de voortgang van {theme}.",
        "Wij zullen het voorstel over {theme} in {next_year} aan {council} voorleggen.",
        "Wij zeggen u toe dat wij u tijdig betrekken bij de verdere uitwerking van {theme}.",
    ),
}
POSITION_KINDS = ("standpunt", "standpunt", "standpunt", "besluit", "toezegging")
CLAIMS = (
    "{theme} meer bestuurlijke aandacht verdient dan tot nu toe",
    "de provincie een actievere rol wil spelen bij {theme}",
    "de planning van {theme} onder druk staat",
    "u een gezamenlijke agenda voor {theme} wilt opstellen",
)
SIGN_ROLES = {
    "gemeentesecretaris": "de secretaris,",
    "burgemeester": "de burgemeester,",
    "gedeputeerde": "namens dezen, de gedeputeerde,",
}


class _Text:
    """The text as it grows, with its length so far."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, part: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(part)
        self.length += len(part)
        return start, self.length

    def value(self) -> str:
        return "".join(self.parts)


def _salutation(world: World, plan: Plan) -> str:
    first = plan.addressees[0]
    if first.startswith("raad-"):
        return "Geachte leden van de raad,"
    if first.startswith(("college-", "gs-")):
        return "Geachte colleges," if len(plan.addressees) > 1 else "Geacht college,"
    return "Geachte heer, mevrouw,"


def _closing(world: World, plan: Plan) -> str:
    sender = plan.sender
    if sender.startswith("gs-"):
        return world.names[sender] + ","
    if sender.startswith("college-"):
        return "burgemeester en wethouders van " + world.orgs[world.party[sender]].place + ","
    if world.orgs[sender].kind == "gemeente":
        return f"namens het college van burgemeester en wethouders van {world.orgs[sender].place},"
    return f"namens het algemeen bestuur van {world.names[sender]},"


def render(world: World, plans: list[Plan], plan: Plan, seed: int) -> tuple[str, list[dict]]:
    """The letter's text and its positions (statements quoted with their offsets)."""
    rng = random.Random(f"opendata-synth:{seed}:text:{plan.index}")
    text = _Text()
    positions: list[dict] = []
    _header(world, plans, plan, text)
    text.add(_salutation(world, plan) + "\n\n")
    theme_keys = [t for t in plan.themes if t in world.themes] or ["bestuurlijke-samenwerking"]
    words = _words(world, rng, plan, theme_keys)
    if plan.reply_to is not None:
        _reply_opening(world, plans, plan, rng, text, positions, words)
    else:
        text.add(rng.choice(OPENINGS).format(**words))
    paragraphs = rng.choice((1, 2, 2, 3))
    fillers = rng.sample(FILLERS, 3 * paragraphs)  # no sentence twice in one letter
    for paragraph in range(paragraphs):
        text.add("\n\n")
        sentences = fillers[3 * paragraph : 3 * paragraph + rng.randint(2, 3)]
        stating = rng.random() < (0.8 if paragraph == 0 else 0.4)
        for number, sentence in enumerate(sentences):
            if number:
                text.add(" ")
            text.add(sentence.format(**words))
            if stating and number == 0:
                text.add(" ")
                _position(world, rng, plan, text, positions, words)
    _references(world, plans, plan, text)
    text.add("\n\nMet vriendelijke groet,\n\n" + _closing(world, plan) + "\n\n")
    for person, role, _, _ in plan.signatories:
        text.add(f"{SIGN_ROLES[role]}\n{world.people[person]}\n\n")
    return text.value(), positions


def _words(world: World, rng: random.Random, plan: Plan, theme_keys: list[str]) -> dict:
    year = datetime.date.fromordinal(plan.day).year
    theme = rng.choice(theme_keys)
    council = (
        "Provinciale Staten"
        if plan.sender.startswith("gs-")
        else "het algemeen bestuur"
        if world.orgs[world.party[plan.sender]].kind == "samenwerkingsorganisatie"
        else "de raad"
    )
    return {
        "theme": world.themes[theme],
        "theme_key": theme,
        "council": council,
        "theme2": world.themes[rng.choice(theme_keys)],
        "year": year,
        "next_year": year + 1,
        "later": day_text(plan.day + rng.randint(30, 120)),
        "date": day_text(plan.day - rng.randint(1, 20)),
        "amount": f"{rng.randint(2, 400) * 2500:,}".replace(",", "."),
    }


def _header(world: World, plans: list[Plan], plan: Plan, text: _Text) -> None:
    lines = [
        world.names[plan.sender],
        "",
        "Aan: " + "\n     ".join(world.names[a] for a in plan.addressees),
        "",
    ]
    if plan.sent_known:
        lines.append(f"Datum: {day_text(plan.day)}")
    if plan.our_reference:
        lines.append(f"Ons kenmerk: {plan.our_reference}")
    if plan.your_reference:
        lines.append(f"Uw kenmerk: {plan.your_reference}")
    lines.append(f"Onderwerp: {plan.title}")
    if plan.attachments:
        lines.append(f"Bijlagen: {len(plan.attachments)}")
    text.add("\n".join(lines) + "\n\n")


def _reply_opening(world, plans, plan, rng, text, positions, words) -> None:
    earlier = plans[plan.reply_to]
    text.add(
        f"Op {day_text(earlier.day)} stuurde u ons een brief over {earlier.title[0].lower() + earlier.title[1:]}."
    )
    if rng.random() < 0.5:
        text.add(" In die brief gaf u aan dat ")
        claim = rng.choice(CLAIMS).format(**words)
        start, end = text.add(claim)
        text.add(".")
        positions.append(
            _position_record(
                plan,
                len(positions),
                "standpunt",
                claim,
                earlier.sender,
                words["theme_key"],
                start,
                end,
                day=earlier.day,
            )
        )
    text.add(" Hierbij ontvangt u onze reactie.")


def _position(world, rng, plan, text, positions, words) -> None:
    kind = rng.choice(POSITION_KINDS)
    statement = rng.choice(POSITIONS[kind]).format(**words)
    start, end = text.add(statement)
    positions.append(
        _position_record(plan, len(positions), kind, statement, plan.sender, words["theme_key"], start, end)
    )


def _position_record(
    plan: Plan,
    number: int,
    kind: str,
    statement: str,
    held_by: str,
    theme: str,
    start: int,
    end: int,
    day: int | None = None,
) -> dict:
    return {
        "id": f"{plan.id}-{kind}-{number + 1}",
        "kind": kind,
        "statement": statement,
        "held_by": [held_by],
        "date": Day(iso(day)) if day is not None else None,
        "about": [theme],
        "quote": statement,
        "start": start,
        "end": end,
    }


def citing_sentences(world: World, plans: list[Plan], plan: Plan) -> list[tuple[str, str]]:
    """("Wij verwijzen naar de brief van … van … (kenmerk …).", the cited letter's sender) for each
    letter the plan cites, apart from the one it replies to (its opening names that)."""
    sentences = []
    for j in plan.cites:
        if j == plan.reply_to:
            continue
        cited = plans[j]
        reference = f" (kenmerk {cited.our_reference})" if cited.our_reference else ""
        sentences.append(
            (
                f"Wij verwijzen naar de brief van {world.names[cited.sender]} van {day_text(cited.day)}"
                f"{reference}.",
                cited.sender,
            )
        )
    return sentences


def _references(world: World, plans: list[Plan], plan: Plan, text: _Text) -> None:
    """Sentences that name the cited letters, meetings, dossier and attachments."""
    sentences = [sentence for sentence, _sender in citing_sentences(world, plans, plan)]
    for meeting in plan.meetings:
        sentences.append(f"Tijdens de bijeenkomst '{meeting.name}' {meeting.when} is hierover gesproken.")
    if plan.dossier:
        sentences.append(f"Deze brief hoort bij het dossier {plan.dossier.name} ({plan.dossier.number}).")
    for j in plan.attachments:
        attached = plans[j]
        sentences.append(
            f"Als bijlage treft u de brief van {world.names[attached.sender]} van "
            f"{day_text(attached.day)} aan."
        )
    if sentences:
        text.add("\n\n" + " ".join(sentences))
