"""`opendata synth --render DIR`: synthetic letters as the files an archive holds, each with its truth.

The letters are the planned letters of `opendata synth` (real TOOI organisations, invented people,
references and subjects), laid out the way Dutch government letters are: a letterhead, a return
address above an address window, a reference block (in a side column, a row of labels over a row
of values, or stacked "Datum:/Kenmerk:" lines), a date line ("Leiden, 11 juni 2019"),
Onderwerp/Betreft, a salutation, the body, a signature block ("Burgemeester en wethouders van …",
"de secretaris, de burgemeester," side by side) and a footer with the visiting address. Some
letters take a form the real-letter sets showed: a header run into one line, several councils listed
after "Aan:", a college's numbered paper to its council, the body before the reference block with a
dispatch stamp for the date (docs/letter-layouts.md).

Renderings (each file next to `<id>.yaml`, its truth in the facts format of the ingest contract):
- `pdf/`: text-layer PDFs (reportlab), the side column and footer at their places on the page;
- `scan/`: the same pages rasterised, rotated a little, speckled and blurred, saved as image-only
  PDFs: reading them runs Tesseract for real;
- `noisy/`: the text with OCR noise (l/1/I, rn/m, glued and split words, hyphenation at line
  ends, stray signature marks);
- `docx/`: Word files, the address and reference block side by side in a table.

Letter i is the same for a seed in every run (its own random generator).
"""

from __future__ import annotations

import datetime
import io
import random
import sys
import textwrap
import time
import zipfile
from collections.abc import Collection
from pathlib import Path
from xml.sax.saxutils import escape

from opendata.synth import plan_letters
from opendata.synth.emit import Day
from opendata.synth.emit import document as yaml_document
from opendata.synth.letters import Plan
from opendata.synth.odt import odt_bytes
from opendata.synth.rendered import Block, RenderedLetter
from opendata.synth.text import FILLERS, OPENINGS, citing_sentences
from opendata.synth.vocabulary import day_text, iso, slug
from opendata.synth.world import UnknownProvince, World, build_world

FORMATS = ("pdf", "scan", "noisy", "docx")
EXTRA_FORMATS = ("text", "odt")  # rendered when asked (--formats): the plain text, OpenDocument files
LAYOUTS = (  # docs/letter-layouts.md
    "side-column",
    "label-row",
    "place-date",
    "stacked",
    "spaced",
    "columns",
    "council",
)
LETTER_LAYOUTS = LAYOUTS[:6]  # the layouts a letter between governments draws from
# forms the real-letter sets showed (docs/letter-layouts.md, "Forms from the real sets"), rendered
# only when asked (`forms=True`; make bench-extract --real-forms): the extractor misses some of them
# still, and the floors of the tests hold for the layouts above. A letter takes one by a draw of its
# own, so every other letter renders as it does without them.
REAL_FORMS = (
    "run-in",
    "councils-listed",
    "board-paper",
    "body-first",
    # the ninth and tenth sets' (docs/ingest.md, "Synthetic layouts from the real sets"), drawn by a
    # generator of their own among the letters that take none of the four above
    "label-run",
    "split-reference",
    "request-cited",
    "wrapped-label",
    # the twelfth set's (docs/letter-layouts.md, "Forms from the twelfth set"), drawn by a generator of
    # their own among the letters that take none of the eight above
    "glued-header",
    "window-first",
    "unit-signed",
    "running-header",
    "daily-board",
    # the e-mails of the twenty-first to twenty-fourth sets' (docs/letter-layouts.md, "E-mails from the later
    # sets"), drawn by a generator of their own among the letters that take none of the thirteen above
    "mail-reply",
    "headless-reply",
    # the twenty-eighth set's (docs/letter-layouts.md, "Forms from the twenty-eighth set"), drawn by a
    # generator of their own among the letters that take none of the fifteen above
    "contact-column",
    "footer-reference",
    # a memo on the municipality's form, its "Aan" and "Van" rows for an address and a signature (the
    # development set's memos, docs/letter-layouts.md, "A memo's rows"), drawn with the two above
    "memo-rows",
    # a letter two municipalities' colleges sign together, each under its own board's line (the mission's
    # joint answers; docs/letter-layouts.md, "Colleges that sign together"), drawn with the three above
    "joint-signed",
    # a reply that names the letter it answers by its kenmerk before its date (docs/letter-layouts.md,
    # "A reply by the kenmerk first"), drawn with the four above
    "keyed-reply",
)
# forms that draw the usual header and change only the signature or a sentence of the body
SIGNATURE_FORMS = ("joint-signed", "keyed-reply")
TWELFTH_FORMS = REAL_FORMS[8:13]
MAIL_FORMS = REAL_FORMS[13:15]
LATE_FORMS = REAL_FORMS[15:]
MONTHS_SHORT = ("JAN", "FEB", "MRT", "APR", "MEI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEC")
CLOSINGS = ("Met vriendelijke groet,", "Met vriendelijke groet,", "Hoogachtend,", "Met vriendelijke groeten,")
ROLE_LINES = {
    "gemeentesecretaris": "de secretaris,",
    "burgemeester": "de burgemeester,",
    "gedeputeerde": "de gedeputeerde,",
    "voorzitter": "de voorzitter,",
}
STREETS = (
    "Stadhuisplein",
    "Markt",
    "Raadhuisstraat",
    "Kerkplein",
    "Provinciehuisweg",
    "Burgemeester Visserlaan",
    "Zuid-Hollandplein",
    "Stationsweg",
    "Koningin Julianaplein",
    "Hoofdstraat",
)


# ---------------------------------------------------------------- composing a letter


CAPITALS = {
    "Groningen": "Groningen",
    "Fryslân": "Leeuwarden",
    "Friesland": "Leeuwarden",
    "Drenthe": "Assen",
    "Overijssel": "Zwolle",
    "Flevoland": "Lelystad",
    "Gelderland": "Arnhem",
    "Utrecht": "Utrecht",
    "Noord-Holland": "Haarlem",
    "Zuid-Holland": "Den Haag",
    "Zeeland": "Middelburg",
    "Noord-Brabant": "'s-Hertogenbosch",
    "Limburg": "Maastricht",
}


def _place(world: World, org_id: str) -> str:
    """Where an organisation sits: a gemeente's own name, a province's capital, a collaboration's name."""
    org = world.orgs[world.party[org_id]]
    if org.kind == "provincie":
        return CAPITALS.get(org.place, org.place)
    return org.place


def _region(world: World, org_id: str) -> str:
    """The name in a body's title: 'Gedeputeerde Staten van Zuid-Holland', 'burgemeester en wethouders van Leiden'."""
    return world.orgs[world.party[org_id]].place


def _letterhead(world: World, sender: str) -> list[str]:
    code = world.party[sender]
    org = world.orgs[code]
    if sender.startswith("gs-"):
        return [f"Provincie {org.place}", "Gedeputeerde Staten"]
    if org.kind == "gemeente":
        return [f"Gemeente {org.place}"]
    return [org.name]


def _address(rng: random.Random, place: str) -> list[str]:
    return [
        f"Postbus {rng.randint(1, 999) * 10}",
        f"{rng.randint(1000, 9999)} {rng.choice('ABCDEGHJKLMNPRSTVWXZ')}"
        f"{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}  {place.upper()}",
    ]


def _addressee_lines(world: World, plan: Plan) -> list[str]:
    lines = []
    for addressee in plan.addressees[:4]:
        name = world.names[addressee]
        if addressee.startswith("raad-"):
            name = f"de gemeenteraad van {_region(world, addressee)}"
        elif addressee.startswith("college-"):
            name = f"het college van burgemeester en wethouders van {_region(world, addressee)}"
        lines.append(name[0].upper() + name[1:])
    return lines


def _salutation(plan: Plan) -> str:
    first = plan.addressees[0]
    if first.startswith("raad-"):
        return "Geachte leden van de raad,"
    if first.startswith("gs-"):
        return "Geacht college,"
    if first.startswith("college-"):
        return "Geachte colleges," if len(plan.addressees) > 1 else "Geacht college,"
    return "Geacht bestuur,"


def _closing(world: World, plan: Plan) -> list[str]:
    sender = plan.sender
    place = _region(world, sender)
    if sender.startswith("gs-"):
        return [f"Gedeputeerde Staten van {place},"]
    if sender.startswith("college-") or world.orgs[world.party[sender]].kind == "gemeente":
        return ["Burgemeester en wethouders van " + place + ","]
    return [f"Het algemeen bestuur van {world.names[sender]},"]


def _signature_lines(world: World, plan: Plan, side_by_side: bool) -> list[str]:
    signers = [
        (ROLE_LINES.get(role, role + ","), world.people[person]) for person, role, _, _ in plan.signatories
    ]
    if side_by_side and len(signers) == 2:
        (role1, name1), (role2, name2) = signers
        return [f"{role1:<40}{role2}", "", "", f"{name1:<40}{name2}"]
    lines = []
    for role, name in signers:
        lines += [role, "", name, ""]
    return lines


def _body(world: World, plans: list[Plan], plan: Plan, rng: random.Random, mentioned: list[str]) -> list[str]:
    """The body's paragraphs; every organisation it names is added to `mentioned` (register codes)."""
    theme_keys = [t for t in plan.themes if t in world.themes] or ["bestuurlijke-samenwerking"]
    theme = world.themes[rng.choice(theme_keys)]
    year = datetime.date.fromordinal(plan.day).year
    words = {
        "theme": theme,
        "theme2": world.themes[rng.choice(theme_keys)],
        "year": year,
        "next_year": year + 1,
        "later": day_text(plan.day + rng.randint(30, 120)),
    }
    paragraphs = []
    if plan.reply_to is not None:
        earlier = plans[plan.reply_to]
        reference = f", kenmerk {earlier.our_reference}," if earlier.our_reference else ""
        paragraphs.append(
            f"In uw brief van {day_text(earlier.day)}{reference} vraagt u onze aandacht voor "
            f"{theme}. Hierbij ontvangt u onze reactie."
        )
    else:
        paragraphs.append(rng.choice(OPENINGS).format(**words))
    fillers = rng.sample(FILLERS, 6)
    for number in range(rng.choice((1, 2, 2, 3))):
        paragraphs.append(" ".join(f.format(**words) for f in fillers[2 * number : 2 * number + 2]))
    sentences = []
    for sentence, cited_sender in citing_sentences(world, plans, plan):
        sentences.append(sentence)
        mentioned.append(world.party[cited_sender])
    others = _others(world, plan, rng)
    if others:
        sentences.append(
            "Wij hebben hierover ook overleg gevoerd met "
            + " en ".join(world.names[code] for code in others)
            + "."
        )
        mentioned.extend(others)
    if plan.dossier:
        sentences.append(f"Deze brief hoort bij het dossier {plan.dossier.name} ({plan.dossier.number}).")
    if sentences:
        paragraphs.append(" ".join(sentences))
    return paragraphs


def _others(world: World, plan: Plan, rng: random.Random) -> list[str]:
    """Zero to two other organisations alive on the day, named in the body."""
    wanted = rng.choice((0, 0, 1, 1, 2))
    parties = set(plan.parties)
    pool = [o for o in world.provinces + world.collaborations if o.alive(plan.day) and o.code not in parties]
    neighbours = (
        [
            g
            for g in world.alive_in_province(world.orgs[plan.parties[0]].province or "", plan.day)
            if g.code not in parties
        ]
        if world.orgs[plan.parties[0]].province
        else []
    )
    pool = neighbours[:20] + pool
    return sorted({o.code for o in rng.sample(pool, min(wanted, len(pool)))}) if pool and wanted else []


def compose(world: World, plans: list[Plan], plan: Plan, seed: int, forms: bool = False) -> RenderedLetter:
    """The letter as rendered; `forms`: whether it may take one of the forms of the real sets."""
    rng = random.Random(f"opendata-synth:{seed}:render:{plan.index}")
    layout = "council" if plan.kind == "raadsinformatiebrief" else rng.choice(LETTER_LAYOUTS)
    form = _real_form(world, plan, seed) if forms else None
    if forms and form is None:
        form = _later_form(plan, seed)
    if forms and form is None:
        form = _twelfth_form(world, plan, seed)
    if forms and form is None:
        form = _mail_form(world, plan, seed)
    if forms and form is None:
        form = _late_form(world, plan, seed)
    if form in MAIL_FORMS:
        return _mail(world, plans, plan, seed, form)
    if form == "memo-rows":
        return _memo(world, plans, plan, seed)
    place = (
        _place(world, plan.sender)
        if world.orgs[world.party[plan.sender]].kind != "samenwerkingsorganisatie"
        else ""
    )
    date_text = day_text(plan.day) if plan.sent_known else None
    references = [("Ons kenmerk", plan.our_reference), ("Uw kenmerk", plan.your_reference)]
    if plan.dossier and rng.random() < 0.5:
        references.append(("Zaaknummer", plan.dossier.number))
    if not plan.your_reference and rng.random() < 0.3:
        references.append(("Uw kenmerk", "-"))  # an empty field, as many letters print it: nothing to extract
    references = [(label, value) for label, value in references if value]
    header = [Block(20, 15, _letterhead(world, plan.sender), size=14, bold=True)]
    if rng.random() < 0.6:
        postbus, postcode = _address(rng, place or _region(world, plan.sender))
        header.append(Block(20, 42, [f"Retouradres {postbus}, {' '.join(postcode.split())}"], size=7))
    salutation_in_header = False
    first_paragraph_then: list[str] = []  # body-first: the reference block after the opening paragraph
    if form is not None and form not in SIGNATURE_FORMS:
        layout = form
        form_rng = random.Random(f"opendata-synth:{seed}:render-form-lines:{plan.index}")
        if form == "run-in":
            header = [_run_in_header(world, plan, header, references, date_text, rng, form_rng)]
            salutation_in_header = True
        elif form == "councils-listed":
            header += _councils_listed(world, plan, references, date_text, form_rng)
        elif form == "board-paper":
            header += _board_paper(world, plan, references, date_text, form_rng)
        elif form == "wrapped-label":
            header.append(
                Block(
                    20, 50, _addressee_lines(world, plan) + _address(rng, _place(world, plan.addressees[0]))
                )
            )
            header += _wrapped_label(plan, date_text, form_rng)
        elif form in ("label-run", "split-reference", "request-cited"):
            header.append(
                Block(
                    20, 50, _addressee_lines(world, plan) + _address(rng, _place(world, plan.addressees[0]))
                )
            )
            if form == "label-run":
                header.append(_label_run(plan, references, date_text, form_rng))
            else:
                if form == "split-reference":
                    references = [
                        (label, _split_reference(value) if label == "Ons kenmerk" else value)
                        for label, value in references
                    ]
                header += _reference_blocks(form, plan, references, date_text, place, rng)
                if form == "split-reference":
                    header[-1].y -= 5  # a line more: the block starts higher, clear of the body
                for block in header:  # the broken reference on two lines of the block, as drawn
                    block.lines = [part for line in block.lines for part in line.split("\n")]
        elif form in TWELFTH_FORMS:
            header = _twelfth_header(form, world, plan, header, references, date_text, place, rng, form_rng)
        elif form in LATE_FORMS:
            window = _addressee_lines(world, plan) + _address(rng, _place(world, plan.addressees[0]))
            header.append(Block(20, 50, window))
            if form == "contact-column":
                header += _contact_column(world, plan, date_text, form_rng)
            else:  # footer-reference: the header's reference lost to the scan; the footer gives it
                shown = [(label, value) for label, value in references if label != "Ons kenmerk"]
                header += _reference_blocks("stacked", plan, shown, date_text, place, rng)
        else:  # body-first
            header += _body_first_header(world, plan, rng, form_rng)
            first_paragraph_then = [
                f"{label}{': ' if form_rng.random() < 0.5 else '  '}{value}" for label, value in references
            ]
            first_paragraph_then.append(f"{form_rng.choice(('Onderwerp', 'Betreft'))}: {plan.title}")
    elif layout == "council" and rng.random() < 0.5:  # the memo variant: Aan / Van / Datum / Onderwerp
        memo = [
            "Raadsinformatiebrief",
            "Aan: De gemeenteraad",
            "Van: Het college van burgemeester en wethouders",
        ]
        memo += ([f"Datum: {date_text}"] if date_text else []) + [
            f"{label}: {value}" for label, value in references
        ]
        header.append(Block(20, 50, memo + [f"Onderwerp: {plan.title}"]))
    elif layout == "council":
        header.append(
            Block(
                20,
                50,
                ["Raadsinformatiebrief", f"Aan de gemeenteraad van {_region(world, plan.sender)}"],
                size=11,
                bold=True,
            )
        )
        stacked = ([f"Datum: {date_text}"] if date_text else []) + [
            f"{label}: {value}" for label, value in references
        ]
        header.append(Block(20, 65, stacked + [f"Onderwerp: {plan.title}"]))
    else:
        header.append(
            Block(20, 50, _addressee_lines(world, plan) + _address(rng, _place(world, plan.addressees[0])))
        )
        header += _reference_blocks(layout, plan, references, date_text, place, rng)
    mentioned: list[str] = []
    body = _body(world, plans, plan, rng, mentioned)
    if form == "request-cited":  # "In uw verzoek van …, kenmerk …," where the reply cited "uw brief"
        noun = random.Random(f"opendata-synth:{seed}:render-form-noun:{plan.index}").choice(
            ("verzoek van", "e-mail van", "aanvraag d.d.", "verzoek d.d.", "e-mail d.d.")
        )
        body[0] = body[0].replace("In uw brief van ", f"In uw {noun} ", 1)
    if form == "keyed-reply":  # "In uw brief met kenmerk … van …" for "In uw brief van …, kenmerk …,"
        earlier = plans[plan.reply_to] if plan.reply_to is not None else None
        if earlier is not None and earlier.our_reference:
            said = f"In uw brief van {day_text(earlier.day)}, kenmerk {earlier.our_reference}, "
            keyed = f"In uw brief met kenmerk {earlier.our_reference} van {day_text(earlier.day)} "
            body[0] = body[0].replace(said, keyed, 1)
    if first_paragraph_then:
        body.insert(1, "\n".join(first_paragraph_then))
    if not salutation_in_header:
        body.insert(0, _salutation(plan) if form != "councils-listed" else _listed_salutation(plan))
    if form == "window-first":
        body[0] = "Geachte heer, mevrouw,"
    side_by_side = rng.random() < 0.5
    signature = _closing(world, plan) + [""] + _signature_lines(world, plan, side_by_side)
    partner = _joint_partner(world, plan) if form == "joint-signed" else None
    if partner is not None:  # "Het college van burgemeester en wethouders van …," and its signers under ours
        partner_lines, partner_truth = _partner_signature(world, plan, partner)
        signature = ["Het college van " + signature[0][0].lower() + signature[0][1:], *signature[1:], ""]
        signature += partner_lines
    body += [rng.choice(CLOSINGS), "\n".join(signature)]
    twelfth_rng = random.Random(f"opendata-synth:{seed}:render-form-twelfth-lines:{plan.index}")
    if form in TWELFTH_FORMS:
        body = _twelfth_body(form, world, plan, body, twelfth_rng)
    if plan.attachments:
        body.append(f"Bijlage: {len(plan.attachments)}")
    street = f"{rng.choice(STREETS)} {rng.randint(1, 120)}"
    home = place or _region(world, plan.sender)
    footer = [
        f"Bezoekadres {street}",
        home,
        f"Telefoon 0{rng.randint(10, 79)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        f"www.{_web_label(world, plan.sender)}.nl",
    ]
    if form == "running-header":  # the place only in the later pages' running headers
        footer = [footer[0], footer[2]]
    if form == "footer-reference":  # "Graag ons kenmerk vermelden bij uw reactie. Kenmerk: …" on each page
        footer = [footer[3], f"Graag ons kenmerk vermelden bij uw reactie. Kenmerk: {plan.our_reference}"]
    letter = RenderedLetter(plan.id, form if form in SIGNATURE_FORMS else layout, header, body, footer)
    letter.truth = _truth(world, plans, plan, mentioned)
    if form in TWELFTH_FORMS:
        letter.truth.update(_twelfth_truth(form, world, plan, body))
    if partner is not None:
        truth = letter.truth
        truth["sender"] = sorted([world.party[plan.sender], partner])
        truth["signatories"] = [*truth["signatories"], *partner_truth]
        truth["organisations_mentioned"] = sorted({*truth["organisations_mentioned"], partner})
    if forms:
        letter.variants = _file_variants(plan, seed)
    return letter


# ---------------------------------------------------------------- forms from the real sets


def _real_form(world: World, plan: Plan, seed: int) -> str | None:
    """One of the forms the real-letter sets showed, for some of the letters that can take it; drawn
    by a generator of its own, so a letter that takes none renders exactly as before."""
    rng = random.Random(f"opendata-synth:{seed}:render-form:{plan.index}")
    roll = rng.random()
    if plan.kind == "raadsinformatiebrief":
        return "board-paper" if roll < 0.35 else None
    if len(plan.addressees) > 1 and all(_is_gemeente(world, a) for a in plan.addressees):
        if roll < 0.4:
            return "councils-listed"
        roll = rng.random()
    if roll < 0.06:
        return "run-in"
    if roll < 0.12 and plan.sent_known:
        return "body-first"
    return None


def _later_form(plan: Plan, seed: int) -> str | None:
    """One of the forms the ninth and tenth sets showed, for a letter that took none of the earlier
    four; a generator of its own, so the earlier forms fall on the same letters as before:
    **label-run**, the reference labels run together on one line with their values by order under them
    (on one line, or each on a line of its own) or after them; **split-reference**, our reference broken
    after its hyphen or slash at the line's end; **request-cited**, a reply that cites the letter it
    answers as "uw verzoek / e-mail / aanvraag" instead of "uw brief"; **wrapped-label**, a side column
    whose "Ons kenmerk" label wraps onto two rows ("Ons" / "kenmerk") while each value stays a row up, as
    a redacted letter's OCR layer gives it ("Ons <reference>" / "kenmerk <date>" / "Datum <department>")."""
    rng = random.Random(f"opendata-synth:{seed}:render-form-later:{plan.index}")
    roll = rng.random()
    if plan.kind == "raadsinformatiebrief":
        return None
    if roll < 0.08:
        return "label-run"
    if roll < 0.18 and plan.our_reference and _split_reference(plan.our_reference) != plan.our_reference:
        return "split-reference"
    if roll < 0.45 and plan.reply_to is not None:
        return "request-cited"
    if 0.45 <= roll < 0.6 and plan.our_reference and plan.sent_known and not plan.your_reference:
        return "wrapped-label"
    return None


def _split_reference(value: str | None) -> str | None:
    """The reference broken over a line's end after its last hyphen (or slash) that a digit follows:
    "P-2019-123456789" -> "P-2019-" / "123456789"; unchanged without one."""
    if not value:
        return value
    cut = max(value.rfind("-"), value.rfind("/"))
    if cut < 2 or not value[cut + 1 : cut + 2].isdigit():
        return value
    return value[: cut + 1] + "\n" + value[cut + 1 :]


DEPARTMENTS = (
    "Ruimte en Wonen",
    "Publiekszaken",
    "Bestuursondersteuning",
    "Sociaal Domein",
    "Openbare Ruimte",
)


def _wrapped_label(plan: Plan, date_text: str | None, form_rng: random.Random) -> list[Block]:
    """A label column whose "Ons kenmerk" wraps onto two rows, each value set a row above its label
    (see _later_form): the reference beside "Ons", the date beside "kenmerk", the department beside
    "Datum"; the subject under it."""
    phone = f"14 0{form_rng.randint(10, 79)}"
    lines = [
        f"Ons {plan.our_reference}",
        f"kenmerk {date_text}",
        f"Datum {form_rng.choice(DEPARTMENTS)}",
        f"Afdeling {phone}",
        "Telefoon",
    ]
    return [
        Block(140, 80, lines, size=8, width=55),  # below the address block, which a long name runs across
        Block(20, 105, [f"{form_rng.choice(('Onderwerp', 'Betreft'))}: {plan.title}"]),
    ]


def _label_run(plan: Plan, references, date_text: str | None, form_rng: random.Random) -> Block:
    """The reference labels (and "Datum") run together on one line, their values in the same order:
    on the next line, each on a line of its own, or after the labels on their line; the subject under
    them."""
    references = list(references)
    for label in ("Uw kenmerk", "Ons kenmerk"):  # at least two labels: an empty column prints "-"
        if len(references) + bool(date_text) < 2 and all(cell[0] != label for cell in references):
            references.append((label, "-"))
    cells = references + ([("Datum", date_text)] if date_text else [])
    if form_rng.random() < 0.3:
        cells = ([("Datum", date_text)] if date_text else []) + references
    labels = " ".join(label for label, _ in cells)
    values = [value for _, value in cells]
    variant = form_rng.random()
    subject = f"{form_rng.choice(('Onderwerp', 'Betreft'))}: {plan.title}"
    if variant < 0.45:
        lines = [labels, " ".join(values)]
    elif variant < 0.8:
        lines = [labels, *values]
    else:
        lines = [f"{labels} {' '.join(values)}"]
    return Block(20, 85, [*lines, "", subject], size=9)


def _is_gemeente(world: World, addressee: str) -> bool:
    """A municipality addressed as such (a register code) or through its college."""
    return (
        not addressee.startswith(("gs-", "raad-")) and world.orgs[world.party[addressee]].kind == "gemeente"
    )


def _names_list(names: list[str]) -> str:
    """'A, B en C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _run_in_header(
    world: World,
    plan: Plan,
    header: list[Block],
    references: list[tuple[str, str | None]],
    date_text: str | None,
    rng: random.Random,
    form_rng: random.Random,
) -> Block:
    """The header as a document host's copy gives it: letterhead, return address, the addressee with
    its postal lines, the labels with their values and the salutation, one after the other in one line."""
    colon = ": " if form_rng.random() < 0.4 else " "
    parts = [" ".join(line for block in header for line in block.lines)]
    parts += _addressee_lines(world, plan) + _address(rng, _place(world, plan.addressees[0]))
    cells = ([("Datum", date_text)] if date_text else []) + references
    if plan.attachments or form_rng.random() < 0.5:
        cells.append(("Bijlage(n)", str(len(plan.attachments)) if plan.attachments else "-"))
    form_rng.shuffle(cells)
    parts += [f"{label}{colon}{value}" for label, value in cells]
    parts.append(f"{form_rng.choice(('Onderwerp', 'Betreft'))}{colon}{plan.title}")
    parts.append(_salutation(plan))
    return Block(20, 15, [" ".join(" ".join(parts).split())], size=9, wrap=True)


def _councils_listed(
    world: World,
    plan: Plan,
    references: list[tuple[str, str | None]],
    date_text: str | None,
    form_rng: random.Random,
) -> list[Block]:
    """An address to several councils or colleges named in one line after "Aan:", no postal lines
    (as a board sends one letter to every member), then a column of "Label: value" lines."""
    places = [_region(world, a) for a in plan.addressees[:4]]
    if any(a.startswith("college-") for a in plan.addressees):
        body = "de colleges van burgemeester en wethouders van"
    else:
        body = form_rng.choice(("de gemeenteraden van", "de raden van de gemeenten"))
    aan = form_rng.choice(("Aan:", "Aan:", "Aan :", "Aan"))
    lines = [f"{aan} {body} {_names_list(places)}"]
    lines += [
        f"{label}: {value}" for label, value in ([("Datum", date_text)] if date_text else []) + references
    ]
    return [Block(20, 50, lines + [f"Onderwerp: {plan.title}"])]


def _listed_salutation(plan: Plan) -> str:
    if any(a.startswith("college-") for a in plan.addressees):
        return "Geachte colleges,"
    return "Geachte dames en heren,"


def _board_paper(
    world: World,
    plan: Plan,
    references: list[tuple[str, str | None]],
    date_text: str | None,
    form_rng: random.Random,
) -> list[Block]:
    """A board's paper to its own assembly: the college's numbered information paper to the council,
    the number the paper's own ("Raadsinformatiebrief nr. 2019-037"), never a reference."""
    year = datetime.date.fromordinal(plan.day).year
    number = form_rng.randint(1, 160)
    own = form_rng.choice(
        (f"nr. {year}-{number:03d}", f"nr. {number}", f"{year}/{number}", f"nummer {number}")
    )
    lines = [
        f"Raadsinformatiebrief {own}",
        "Van het college van burgemeester en wethouders aan de gemeenteraad",
    ]
    lines += ([f"Datum: {date_text}"] if date_text else []) + [
        f"{label}: {value}" for label, value in references
    ]
    return [Block(20, 50, lines + [f"Onderwerp: {plan.title}"])]


def _body_first_header(world: World, plan: Plan, rng: random.Random, form_rng: random.Random) -> list[Block]:
    """The address block and a dispatch stamp for the date ("VERZONDEN" over "14 MRT 2018"); the
    references and subject come after the opening paragraph, as a text layer reads a letter whose
    body begins beside its reference column."""
    day = datetime.date.fromordinal(plan.day)
    stamp = f"{day.day} {MONTHS_SHORT[day.month - 1]}{form_rng.choice(('', '.'))} {day.year}"
    return [
        Block(20, 50, _addressee_lines(world, plan) + _address(rng, _place(world, plan.addressees[0]))),
        Block(
            140, 30, [form_rng.choice(("VERZONDEN", "Verzonden", "Verzenddatum")), stamp], size=9, bold=True
        ),
    ]


# ---------------------------------------------------------------- forms from the twelfth set


def _twelfth_form(world: World, plan: Plan, seed: int) -> str | None:
    """One of the forms the twelfth set showed, for a letter that took none of the earlier eight; a
    generator of its own (docs/letter-layouts.md, "Forms from the twelfth set")."""
    rng = random.Random(f"opendata-synth:{seed}:render-form-twelfth:{plan.index}")
    roll = rng.random()
    if plan.kind == "raadsinformatiebrief":
        return None
    sender_kind = world.orgs[world.party[plan.sender]].kind
    heads_a_province_or_municipality = _letterhead(world, plan.sender)[0].startswith(
        ("Provincie", "Gemeente")
    )
    if roll < 0.08 and plan.sent_known and heads_a_province_or_municipality:
        return "glued-header"
    if 0.08 <= roll < 0.2 and len(plan.addressees) == 1 and _is_gemeente(world, plan.addressees[0]):
        return "window-first"
    if 0.2 <= roll < 0.28:
        return "unit-signed"
    # running-header: to a province or a municipality, whose body the address window names (a joint
    # arrangement's name over its Postbus is all a letterhead shows, and the letterhead is gone)
    to_a_body = plan.addressees[0].startswith(("gs-", "college-"))
    if 0.28 <= roll < 0.4 and plan.sent_known and sender_kind == "gemeente" and to_a_body:
        return "running-header"
    if 0.4 <= roll < 0.7 and sender_kind == "samenwerkingsorganisatie" and plan.signatories:
        return "daily-board"
    return None


# ---------------------------------------------------------------- e-mails from the later sets

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
GREETINGS = ("Goedemiddag,", "Goedemorgen,", "Beste collega's,", "Dag allen,", "Hallo,", "Geacht college,")
MAIL_CLOSINGS = ("Met vriendelijke groet,", "Hartelijke groet,", "Met groet,", "Hartelijke groeten,")
MAILBOXES = ("info", "post", "gemeente")  # a body's general mailbox; a province's is never "gemeente@"
# the top message of a thread that lost its header: a line or two to a colleague, in the set's manner
REPLY_LINES = (
    "Kun jij dit oppakken? De vraag ligt al een tijdje bij ons.",
    "Zie hieronder het bericht waar wij het vanochtend over hadden. Wil je het in de stukken opnemen?",
    "Ter informatie doorgestuurd, want het raakt ook jouw dossier.",
)


def _mail_form(world: World, plan: Plan, seed: int) -> str | None:
    """An e-mail (docs/letter-layouts.md, "E-mails from the later sets"), for a letter that took none of
    the earlier thirteen forms, from one municipality or province to another's general mailbox; a
    generator of its own: **mail-reply**, a printed e-mail (Van / Verzonden / Aan / Onderwerp), an
    e-mail's greeting and short closing, the signer's name, post, body and contact lines, the message it
    answers quoted under it; **headless-reply**, the same e-mail answered by a line or two to a colleague
    printed without its own header, so the only header is the answered message's."""
    rng = random.Random(f"opendata-synth:{seed}:render-form-mail:{plan.index}")
    roll = rng.random()
    kinds = {world.orgs[world.party[code]].kind for code in (plan.sender, *plan.addressees)}
    if (
        plan.kind == "raadsinformatiebrief"
        or len(plan.addressees) != 1
        or not kinds <= {"gemeente", "provincie"}
    ):
        return None
    if not plan.addressees[0].startswith(("gs-", "college-")) or not plan.signatories:
        return None
    if roll < 0.12 and plan.sent_known:
        return "mail-reply"
    if 0.12 <= roll < 0.2:
        return "headless-reply"
    return None


# ---------------------------------------------------------------- forms from the twenty-eighth set

DEPARTMENTS = ("BBOR", "JZ", "VTH", "Publiekszaken", "Ruimte")


def _late_form(world: World, plan: Plan, seed: int) -> str | None:
    """One of the twenty-eighth set's forms (docs/letter-layouts.md, "Forms from the twenty-eighth set"),
    for a municipality's letter that took none of the earlier fifteen; a generator of its own:
    **contact-column**, the header's labels in one column (Ons kenmerk, Datum, Afdeling, Contact, Telefoon,
    E-mail, Bijlage(n)) over their values in a column under it, as the text layer reads them;
    **footer-reference**, the reference missing from the header (lost to the scan) and given by the footer
    that asks for it in the reply, on every page; **memo-rows**, a memo of the municipality's (_memo);
    **joint-signed**, a second college's block signing under the sender's (_joint_partner); **keyed-reply**,
    a reply that names the letter it answers by its kenmerk before its date (half of the replies)."""
    rng = random.Random(f"opendata-synth:{seed}:render-form-late:{plan.index}")
    roll = rng.random()
    if plan.kind == "raadsinformatiebrief" or world.orgs[world.party[plan.sender]].kind != "gemeente":
        return None
    if not plan.our_reference:
        return None
    if roll < 0.1 and plan.sent_known and not plan.your_reference:
        return "contact-column"
    if 0.1 <= roll < 0.2:
        return "footer-reference"
    if 0.2 <= roll < 0.28 and plan.sent_known and plan.signatories and plan.reply_to is None:
        return "memo-rows"
    if 0.28 <= roll < 0.36 and len(plan.signatories) == 2 and _joint_partner(world, plan) is not None:
        return "joint-signed"
    if roll >= 0.5 and plan.reply_to is not None and plan.your_reference:  # replies are few: half of them
        return "keyed-reply"
    return None


def _joint_partner(world: World, plan: Plan) -> str | None:
    """The municipality whose college signs a joint-signed letter with the sender's: the first other one
    of the sender's province alive on the day, addressed by neither side, with a secretary and a mayor in
    office; None where there is none."""
    code = world.party[plan.sender]
    taken = {code, *(world.party[a] for a in plan.addressees)}
    for org in world.alive_in_province(world.orgs[code].province, plan.day):
        if (
            org.kind == "gemeente"
            and org.code not in taken
            and world.in_office(org.code, "gemeentesecretaris", plan.day)
            and world.in_office(org.code, "burgemeester", plan.day)
        ):
            return org.code
    return None


def _partner_signature(world: World, plan: Plan, partner: str) -> tuple[list[str], list[dict]]:
    """The partner college's block (its board's line, its secretary and mayor) and their truth."""
    secretary = world.in_office(partner, "gemeentesecretaris", plan.day)[0]
    mayor = world.in_office(partner, "burgemeester", plan.day)[0]
    lines = [f"Het college van burgemeester en wethouders van {world.orgs[partner].place},", ""]
    signers = [(secretary.person, "gemeentesecretaris"), (mayor.person, "burgemeester")]
    for person, role in signers:
        lines += [ROLE_LINES[role], "", world.people[person], ""]
    truth = [{"name": world.people[person], "role": _role_as_written(role)} for person, role in signers]
    return lines, truth


MEMO_UNITS = (
    "Ruimtelijke Ontwikkeling",
    "Openbare Orde en Veiligheid",
    "Wonen",
    "Verkeer en Openbare Ruimte",
)


def _memo(world: World, plans: list[Plan], plan: Plan, seed: int) -> RenderedLetter:
    """A memo on the municipality's form (see _late_form): its title, then "Aan" and "Van" rows (with
    or without the colon), the writer by name with the post in brackets, a copy row and the date; the
    body under section letters and no signature. Its truth: the writer from the "Van" row; no
    reference; the title for the subject (tests/corpus/README.md)."""
    rng = random.Random(f"opendata-synth:{seed}:render-memo:{plan.index}")
    person, role, _, _ = plan.signatories[0]
    colon = ":" if rng.random() < 0.5 else ""
    post = _role_as_written(role)
    mentioned: list[str] = []
    body = _body(world, plans, plan, rng, mentioned)
    rows = [
        f"Aan{colon} {world.names[plan.addressees[0]]}",
        f"Van{colon} {world.people[person]} ({post} {rng.choice(MEMO_UNITS)})",
        f"Kopie aan{colon} het archief",
        f"Datum{colon} {day_text(plan.day)}",
    ]
    header = [Block(20, 15, _letterhead(world, plan.sender)), Block(20, 35, ["Memo", plan.title, *rows])]
    paragraphs = [f"{letter}. {paragraph}" for letter, paragraph in zip("ABCDEFGH", body, strict=False)]
    letter = RenderedLetter(plan.id, "memo-rows", header, paragraphs, [])
    truth = _truth(world, plans, plan, mentioned)
    truth.update(
        kind="brief",
        our_reference=None,
        your_reference=None,
        addressees=[world.party[plan.addressees[0]]],
        sender_body=None,
        signatories=[{"name": world.people[person], "role": post}],
        organisations_mentioned=sorted(
            dict.fromkeys([world.party[plan.sender], world.party[plan.addressees[0]], *mentioned])
        ),
    )
    letter.truth = truth
    letter.variants = _file_variants(plan, seed)
    return letter


def _contact_column(world: World, plan: Plan, date_text: str | None, form_rng: random.Random) -> list[Block]:
    """The labels over their values, each a column (see _late_form)."""
    cells = [
        ("Ons kenmerk", plan.our_reference or ""),
        ("Datum", date_text or ""),
        ("Afdeling", form_rng.choice(DEPARTMENTS)),
        ("Contact", f"Team {form_rng.choice(('Vergunningen', 'Woo', 'Beleid'))}"),
        ("Telefoon", f"14 0{form_rng.randint(10, 79)}"),
        ("E-mail", f"info@{_domain(world, plan.sender)}"),
        ("Bijlage(n)", str(len(plan.attachments)) if plan.attachments else "-"),
    ]
    return [  # clear of the body, which starts at BODY_TOP
        Block(140, 45, [label for label, _ in cells], size=8, width=55),
        Block(140, 70, [value for _, value in cells], size=8, width=55),
        Block(20, 100, [f"Onderwerp: {plan.title}"]),
    ]


def _web_label(world: World, org_id: str) -> str:
    """A body's place as a web address writes it: "leiden", "zuidholland"."""
    return slug(_region(world, org_id)).replace("-", "")


def _domain(world: World, org_id: str) -> str:
    """A body's mail domain: a municipality's name ("leiden.nl"), a province's with its kind
    ("provincie-utrecht.nl": utrecht.nl is the city's)."""
    name = _web_label(world, org_id)
    return f"provincie-{name}.nl" if world.orgs[world.party[org_id]].kind == "provincie" else f"{name}.nl"


def _role_as_written(role: str) -> str:
    """A signer's post as the signature writes it, without its article: "secretaris", "burgemeester"."""
    return ROLE_LINES[role].removeprefix("de ").rstrip(",")


def _sent(day: int, rng: random.Random) -> str:
    weekday = WEEKDAYS[datetime.date.fromordinal(day).weekday()]
    return f"{weekday} {day_text(day)} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"


def _mail(world: World, plans: list[Plan], plan: Plan, seed: int, form: str) -> RenderedLetter:
    """A letter rendered as an e-mail (see _mail_form), with the truth its text states."""
    rng = random.Random(f"opendata-synth:{seed}:render-mail:{plan.index}")
    person, role, _, _ = plan.signatories[0]
    name = world.people[person]
    post = _role_as_written(role)
    own = f"{slug(name.split()[-1])}@{_domain(world, plan.sender)}"
    box = rng.choice(MAILBOXES if not plan.addressees[0].startswith("gs-") else MAILBOXES[:2])
    receiver = f"{box}@{_domain(world, plan.addressees[0])}"
    mentioned: list[str] = []
    body = _body(world, plans, plan, rng, mentioned)
    signature = [name, post.capitalize(), _letterhead(world, plan.sender)[0]]
    signature += [f"Telefoon 14 0{rng.randint(10, 99)}", f"E-mail: {own}"]
    answered_day = plan.day - rng.randint(3, 20)
    answered = [
        f"Van: {world.names[plan.addressees[0]]} <{receiver}>",
        f"Verzonden: {_sent(answered_day, rng)}",
        f"Aan: {own}",
        f"Onderwerp: {plan.title}",
        "",
        "Graag ontvangen wij voor het einde van de maand uw reactie op het voorstel.",
    ]
    header = [
        f"Van: {name} <{own}>",
        f"Verzonden: {_sent(plan.day, rng)}",
        f"Aan: {receiver}",
        f"Onderwerp: {plan.title}",
    ]
    message = [rng.choice(GREETINGS), *body, rng.choice(MAIL_CLOSINGS), "\n".join(signature)]
    truth = _truth(world, plans, plan, mentioned)
    if form == "mail-reply":
        letter = RenderedLetter(plan.id, form, [Block(20, 15, header)], [*message, "\n".join(answered)], [])
        earlier = plans[plan.reply_to] if plan.reply_to is not None else None
        truth.update(
            our_reference=None,
            # the reply names the letter it answers in its first sentence: "In uw brief van …, kenmerk …,"
            your_reference=earlier.our_reference if earlier is not None else None,
            dossier_references=[plan.dossier.number] if plan.dossier else [],
            sender_body=None,  # a person's mail: no board's formula signs it
            signatories=[{"name": name, "role": post}],
        )
    else:  # the reply to a colleague over the e-mail, without a header: nothing of its own but its kind
        top = rng.choice(REPLY_LINES)
        letter = RenderedLetter(plan.id, form, [Block(20, 15, [top])], ["\n".join(header), *message], [])
        truth.update(
            date_sent=None,
            our_reference=None,
            your_reference=None,
            dossier_references=[],
            subject=None,
            sender=None,
            sender_body=None,
            addressees=[],
            signatories=[],
            cites=[],
            # the sender's signature and the bodies the e-mail names; a mailbox in its header names no one
            organisations_mentioned=sorted({world.party[plan.sender], *mentioned}),
        )
    letter.truth = truth
    letter.variants = _file_variants(plan, seed)
    return letter


def _file_variants(plan: Plan, seed: int) -> tuple[str, ...]:
    """How the letter's files are made, drawn with the real sets' forms: about one Word or
    OpenDocument file in eight with its letterhead in a text box, one scan in twenty turned a quarter
    or half round (a page fed sideways or upside down)."""
    rng = random.Random(f"opendata-synth:{seed}:render-files:{plan.index}")
    variants = ["text-box"] if rng.random() < 0.12 else []
    turn = rng.random()
    if turn < 0.03:
        variants.append("turned-90")
    elif turn < 0.05:
        variants.append("turned-180")
    return tuple(variants)


UNITS = (
    ("Eenheid Ruimte en Bereikbaarheid",),
    ("Team Vergunningen", "Eenheid Omgeving en Leefbaarheid"),
    ("Vergunningenkamer Natuur en Landschap",),
    ("Juridische ondersteuning", "Eenheid Bedrijfsvoering"),
    ("Omgevingsloket",),
)
ATTENTION = ("t.a.v. de afdeling Omgeving", "t.a.v. team Openbare Ruimte", "t.a.v. [naam weggelaten]")
_OCR_LOOKALIKES = {
    "a": "Q", "u": "U", "e": "c", "g": "q", "i": "l", "n": "ri", "o": "0", "r": "t",
    "s": "5", "m": "rn", "j": "i", "l": "I", "t": "f", "b": "h", "p": "o", "v": "y", "c": "e",
}  # fmt: skip


def _numeric_day(day: int, separator: str, padded: bool) -> str:
    date = datetime.date.fromordinal(day)
    if padded:
        return f"{date.day:02d}{separator}{date.month:02d}{separator}{date.year}"
    return f"{date.day}{separator}{date.month}{separator}{date.year}"


def _garbled_month(date_text: str, rng: random.Random) -> str:
    """'20 augustus 2019' as a scan's OCR may give it: most of the month's letters read as others
    ('20 QUqU5fUs 2019'), so no reader takes a date from it."""
    day, month, year = date_text.split(" ")
    letters = [_OCR_LOOKALIKES.get(c, c) if rng.random() < 0.7 else c for c in month]
    if sum(a != b for a, b in zip(letters, month)) < 3:
        letters = [_OCR_LOOKALIKES.get(c, c) for c in month]
    return f"{day} {''.join(letters)} {year}"


def _twelfth_header(
    form: str,
    world: World,
    plan: Plan,
    header: list[Block],
    references: list[tuple[str, str | None]],
    date_text: str | None,
    place: str,
    rng: random.Random,
    form_rng: random.Random,
) -> list[Block]:
    """The first page's blocks of a twelfth-set form (see _twelfth_form)."""
    letterhead = header[0]
    window = _addressee_lines(world, plan) + _address(rng, _place(world, plan.addressees[0]))
    if form == "glued-header":  # the window's last line runs into the letterhead beside it
        window[-1] += letterhead.lines[0]
        return [Block(20, 15, window + letterhead.lines[1:]), *_glued_labels(plan, form_rng)]
    if form == "window-first":  # to the municipality itself, its window above the letterhead
        gemeente = f"Gemeente {_region(world, plan.addressees[0])}"
        street = f"{form_rng.choice(STREETS)} {form_rng.randint(1, 120)}"
        postal = _address(rng, _place(world, plan.addressees[0]))[1]
        lines = [gemeente, form_rng.choice(ATTENTION), street, postal]
        blocks = [Block(20, 15, lines), Block(20, 40, letterhead.lines, size=14, bold=True)]
        return blocks + _reference_blocks("stacked", plan, references, date_text, place, rng)
    if form == "unit-signed":  # a province's letterhead without the board under it
        letterhead.lines = letterhead.lines[:1]
        return (
            header
            + [Block(20, 50, window)]
            + _reference_blocks("stacked", plan, references, date_text, place, rng)
        )
    if form == "running-header":  # OCR lost the letterhead; the first page's date may be unreadable
        shown = _garbled_month(date_text, form_rng) if date_text and form_rng.random() < 0.6 else date_text
        lines = ([f"Datum {shown}"] if shown else []) + [f"{label} {value}" for label, value in references]
        return [Block(20, 50, window), Block(20, 85, lines + [f"Onderwerp {plan.title}"])]
    # daily-board: the usual first page
    return (
        header
        + [Block(20, 50, window)]
        + _reference_blocks("side-column", plan, references, date_text, place, rng)
    )


def _glued_labels(plan: Plan, form_rng: random.Random) -> list[Block]:
    """A row of labels over their values as some PDF producers' text layers give it: each label, then
    its value on the next line run into the next label ('Datum' / '25.11.2024Kenmerk' / …); labels
    without a value run into each other ('BijlagenUw briefUw kenmerk'); the subject under them."""
    cells: list[tuple[str, str | None]] = [
        ("Datum", _numeric_day(plan.day, ".", True)),
        ("Kenmerk", plan.our_reference),
    ]
    if plan.dossier:
        cells.append(("Zaaknummer", plan.dossier.number))
    cells += [
        ("Pagina", "1 van 1"),
        ("Bijlagen", str(len(plan.attachments)) if plan.attachments else None),
        ("Uw brief", None),
        ("Uw kenmerk", plan.your_reference),
    ]
    run = "".join(label + (f"\n{value}" if value else "") for label, value in cells)
    subject = f"{form_rng.choice(('Onderwerp:', 'Onderwerp', 'Betreft'))} {plan.title}"
    return [Block(140, 50, run.split("\n"), size=8, width=55), Block(20, 97, [subject])]


def _twelfth_body(form: str, world: World, plan: Plan, body: list[str], rng: random.Random) -> list[str]:
    """The body of a twelfth-set form: its signature block (a unit's lines, a college without its place,
    a daily board's chair and secretary) and, for running-header, the later pages' running headers."""
    closing_at = max(i for i, paragraph in enumerate(body) if paragraph in CLOSINGS)
    if form == "unit-signed":
        body[closing_at + 1] = "\n".join(rng.choice(UNITS))
    elif form == "running-header":
        signers = _signature_lines(world, plan, rng.random() < 0.5)
        body[closing_at + 1] = "\n".join(["Namens het college van burgemeester en wethouders,", "", *signers])
        pages = 3
        header = f"Gemeente {_region(world, plan.sender)} Datum {_numeric_day(plan.day, '-', False)}"
        for page, at in ((3, closing_at), (2, 2)):  # the later one first: the earlier index stays
            body.insert(at, f"\f{header}\nPagina {page} van {pages}")
    elif form == "daily-board":
        secretary, chair = _daily_board_signers(world, plan)
        lines = [f"Het dagelijks bestuur van {world.names[plan.sender]},", ""]
        lines += ["de secretaris,", "", secretary, "", "de voorzitter,", "", chair]
        body[closing_at + 1] = "\n".join(lines)
    return body


def _daily_board_signers(world: World, plan: Plan) -> tuple[str, str]:
    """A daily board's secretary (an invented person of the world) and its chair (the plan's signer)."""
    rng = random.Random(f"opendata-synth:{world.seed}:daily-board:{plan.index}")
    chair = world.people[plan.signatories[0][0]]
    secretary = rng.choice(sorted(name for name in world.people.values() if name != chair))
    return secretary, chair


def _twelfth_truth(form: str, world: World, plan: Plan, body: list[str]) -> dict:
    """What a twelfth-set form's text states otherwise than the plan: no signer and no body under a
    unit's lines; a daily board's secretary and chair."""
    if form == "unit-signed":
        return {"signatories": [], "sender_body": None}
    if form == "daily-board":
        secretary, chair = _daily_board_signers(world, plan)
        return {
            "sender_body": "dagelijks-bestuur",
            "signatories": [{"name": secretary, "role": "secretaris"}, {"name": chair, "role": "voorzitter"}],
        }
    return {}


# ---------------------------------------------------------------- reference blocks


def _dated_cells(plan: Plan, date_text: str | None, rng: random.Random) -> list[tuple[str, str]]:
    """The date cells of a header: "Datum", and now and then a later dispatch stamp ("Verzonden")
    beside it, as some municipalities print it; the dispatch date is the date sent."""
    if not date_text:
        return []
    if rng.random() < 0.15:
        dated = day_text(plan.day - rng.randint(1, 6))
        return [("Datum", dated), (rng.choice(("Verzonden", "Verzonden op", "Verzenddatum")), date_text)]
    return [("Datum", date_text)]


def _reference_blocks(layout: str, plan: Plan, references, date_text, place, rng) -> list[Block]:
    subject_label = rng.choice(("Onderwerp", "Onderwerp", "Betreft", "Betreft", "BETREFT"))
    if (
        layout == "columns"
    ):  # labels in one column, values in the next: a text layer reads them column by column
        cells = [(subject_label.lower(), plan.title)] + [
            (label.lower(), value) for label, value in references
        ]
        cells += [(label.lower(), value) for label, value in _dated_cells(plan, date_text, rng)]
        return [
            Block(20, 85, [label for label, _ in cells], size=8, width=28),
            Block(50, 85, [value for _, value in cells], size=8, width=140),
        ]
    if layout == "side-column":
        lines = []
        for label, value in (
            _dated_cells(plan, date_text, rng)
            + references
            + [("Bijlagen", str(len(plan.attachments)) if plan.attachments else "-")]
        ):
            lines += [label, value, ""]
        return [
            Block(140, 50, lines[:-1], size=8, width=55),
            Block(20, 95, [f"{subject_label}: {plan.title}"]),
        ]
    if layout == "label-row":
        cells = ([("Datum", date_text)] if date_text else []) + references
        labels = "".join(f"{label:<24}" for label, _ in cells).rstrip()
        values = "".join(f"{value:<24}" for _, value in cells).rstrip()
        return [Block(20, 85, [labels, values], size=8), Block(20, 97, [f"{subject_label}: {plan.title}"])]
    if layout == "place-date" and place:
        lines = [f"{place}, {date_text}"] if date_text else []
        lines += [f"{label}: {value}" for label, value in references] + [f"{subject_label}: {plan.title}"]
        return [Block(20, 85, lines)]
    if layout == "spaced":  # label and value on one line, separated by spaces only
        cells = ([("Datum", date_text)] if date_text else []) + references + [(subject_label, plan.title)]
        return [Block(20, 85, [f"{label:<18}{value}" for label, value in cells])]
    lines = [f"{label}: {value}" for label, value in _dated_cells(plan, date_text, rng) + references]
    return [Block(20, 85, lines + [f"{subject_label}: {plan.title}"])]


def _sender_body(world: World, sender: str) -> str:
    """The body the closing names: 'Gedeputeerde Staten van …', 'Burgemeester en wethouders van …',
    'Het algemeen bestuur van …' (see _closing)."""
    if sender.startswith("gs-"):
        return "gedeputeerde-staten"
    if sender.startswith("college-") or world.orgs[world.party[sender]].kind == "gemeente":
        return "college-van-burgemeester-en-wethouders"
    return "algemeen-bestuur"


def _truth(world: World, plans: list[Plan], plan: Plan, mentioned: list[str]) -> dict:
    """The facts as the text states them (the conventions of tests/corpus/README.md): roles as
    written ('secretaris'), every registered body the text names among the organisations mentioned."""
    addressees = list(dict.fromkeys(world.party[a] for a in plan.addressees[:4]))  # those the letter shows
    named = [world.party[plan.sender], *addressees, *mentioned]
    cites = []
    for j in plan.cites:
        cited = plans[j]
        cites.append({"date": Day(iso(cited.day)), "reference": cited.our_reference})
    return {
        "source": "synth",
        "text": f"{plan.id}",
        "kind": plan.kind,
        "date_sent": Day(iso(plan.day)) if plan.sent_known else None,
        "our_reference": plan.our_reference,
        "your_reference": plan.your_reference,
        "dossier_references": [plan.dossier.number] if plan.dossier else [],
        "subject": plan.title,
        "sender": world.party[plan.sender],
        "sender_body": _sender_body(world, plan.sender),
        "addressees": sorted(addressees),
        "signatories": [
            {"name": world.people[person], "role": _role_as_written(role)}
            for person, role, _, _ in plan.signatories
        ],
        "cites": cites,
        "organisations_mentioned": sorted(dict.fromkeys(named)),
    }


# ---------------------------------------------------------------- renderings


PAGE_TOP, PAGE_BOTTOM, BODY_TOP = 15.0, 270.0, 110.0
LINE_MM = 4.6


def pdf_bytes(letter: RenderedLetter | list[RenderedLetter], rng: random.Random | None = None) -> bytes:
    """A text-layer PDF (reportlab) with the header blocks at their places, the body wrapped, a footer per page.

    With `rng`, the header blocks are drawn in a shuffled order, as word processors often store
    text boxes and side columns: a PDF reader must then recover the reading order from the page.
    A list of letters gives one PDF holding them one after the other (a letter with its attachments).
    """
    # reportlab (~60 ms) loads only when a PDF is rendered
    from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]  # reportlab ships no type information
    from reportlab.pdfgen import canvas  # type: ignore[import-untyped]  # reportlab ships no type information

    letters = letter if isinstance(letter, list) else [letter]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(letters[0].id)
    for one in letters:
        _draw_letter(pdf, one, rng, A4[1])
    pdf.save()
    return buffer.getvalue()


def _draw_letter(pdf, letter: RenderedLetter, rng: random.Random | None, height: float) -> None:
    # reportlab (~60 ms) loads only when a PDF is rendered
    from reportlab.lib.units import mm  # type: ignore[import-untyped]  # reportlab ships no type information

    def draw(x: float, y: float, line: str, size: float, bold: bool) -> None:
        pdf.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        pdf.drawString(x * mm, height - y * mm, line)

    def footer() -> None:
        draw(20, 285, "  |  ".join(letter.footer), 7, False)

    header = list(letter.header)
    if rng is not None:
        rng.shuffle(header)
    for block in header:
        lines = (
            [part for line in block.lines for part in textwrap.wrap(line, 100)] if block.wrap else block.lines
        )
        for number, line in enumerate(lines):
            draw(block.x, block.y + number * block.size * 0.45, line, block.size, block.bold)
    y = BODY_TOP
    for paragraph in letter.body:
        if paragraph.startswith("\f"):  # a new page, a running header at its top
            footer()
            pdf.showPage()
            y = PAGE_TOP
            paragraph = paragraph[1:]
        for raw in paragraph.split("\n"):
            for line in textwrap.wrap(raw, 95) or [""]:
                if y > PAGE_BOTTOM:
                    footer()
                    pdf.showPage()
                    y = PAGE_TOP + 10
                draw(20, y, line, 10, False)
                y += LINE_MM
        y += LINE_MM
    footer()
    pdf.showPage()


def bundles(count: int, seed: int) -> list[list[RenderedLetter]]:
    """Council letters with the letters they attach, as one file holds them (the seed's shape):
    the first `count` such bundles of the seed's corpus."""

    world = build_world(seed)
    planner_plans: list[Plan] = []
    found: list[Plan] = []
    step = max(50, count * 20)
    while len(found) < count:
        planner_plans = plan_letters(world, seed, len(planner_plans) + step)
        found = [p for p in planner_plans if p.attachments][:count]
        if len(planner_plans) > 200 * max(count, 1):
            break
    return [
        [compose(world, planner_plans, plan, seed)]
        + [compose(world, planner_plans, planner_plans[j], seed) for j in plan.attachments]
        for plan in found
    ]


def scan_bytes(pdf: bytes, rng: random.Random, dpi: int = 200, turn: int = 0) -> bytes:
    """The PDF's pages as a scanner gives them: grey, a little rotated, speckled and soft; no text layer;
    `turn`: degrees every page is turned (90, 180: fed sideways or upside down)."""
    # pypdfium2 and Pillow (~40 ms) load only when a scan is rendered
    import pypdfium2 as pdfium  # type: ignore[import-untyped]  # pypdfium2 ships no type information
    from PIL import Image, ImageFilter

    document = pdfium.PdfDocument(pdf)
    pages = []
    try:
        for page in document:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            if turn:
                image = image.rotate(turn, expand=True, fillcolor=255)
            image = image.rotate(
                rng.uniform(-1.2, 1.2), resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255
            )
            noise = Image.effect_noise(image.size, rng.uniform(18, 30))
            image = Image.blend(image, noise, 0.12)
            image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
            pages.append(image.point(lambda v: 255 if v > 200 else v))
    finally:
        document.close()
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return buffer.getvalue()


def noisy_text(text: str, rng: random.Random) -> str:
    """OCR noise of the kind the seed shows: l/1/I, rn/m, glued and split words, hyphenation, stray marks."""
    words = text.split(" ")
    out = []
    for word in words:
        roll = rng.random()
        if roll < 0.015 and "l" in word:
            word = word.replace("l", rng.choice(("1", "I")), 1)
        elif roll < 0.025 and "rn" in word:
            word = word.replace("rn", "m", 1)
        elif roll < 0.032 and "m" in word and "\n" not in word:
            word = word.replace("m", "rn", 1)
        elif roll < 0.040 and len(word) > 8 and word.isalpha():
            cut = rng.randint(3, len(word) - 3)
            word = word[:cut] + rng.choice((" ", "-\n")) + word[cut:]
        out.append(word)
        if rng.random() < 0.02 and out[-1] and "\n" not in out[-1]:
            out[-1] += "\u0000"  # glue to the next word
    joined = " ".join(out).replace("\u0000 ", "")
    lines = joined.split("\n")
    if rng.random() < 0.5:
        lines.insert(max(0, len(lines) - 3), rng.choice((",tc\\", "~/", "'Í,", "-;/.")))
    # Some OCR'd texts come with every line break doubled: the subject then runs over blank lines.
    return ("\n\n" if rng.random() < 0.1 else "\n").join(lines)


def docx_bytes(letter: RenderedLetter) -> bytes:
    """A Word file: the letterhead, the address and the reference block side by side in a table, the body."""
    import docx  # python-docx (~100 ms) loads only when a .docx is rendered

    document = docx.Document()
    core = document.core_properties
    core.created = core.modified = datetime.datetime(2000, 1, 1)  # deterministic files
    core.author = core.last_modified_by = "opendata synth"
    blocks = list(letter.header)
    first = blocks.pop(0)
    if "text-box" in letter.variants:
        document.element.body.insert(0, _text_box_paragraph(first.lines))
    else:
        document.add_paragraph("\n".join(first.lines))
    side = next((b for b in blocks if b.x > 100), None)
    address = next((b for b in blocks if b.y == 50 and b is not side), None)
    if side is not None and address is not None:  # (glued-header's window is the letterhead's block)
        blocks.remove(side)
        blocks.remove(address)
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "\n".join(address.lines)
        table.cell(0, 1).text = "\n".join(side.lines)
    for block in blocks:
        document.add_paragraph("\n".join(block.lines))
    for paragraph in letter.body:
        if paragraph.startswith("\f"):  # a new page, a running header at its top
            from docx.enum.text import WD_BREAK  # python-docx, loaded as docx_bytes loads it

            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            paragraph = paragraph[1:]
        document.add_paragraph(paragraph)
    document.sections[0].footer.paragraphs[0].text = " | ".join(letter.footer)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


_TEXT_BOX = (
    '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict>'
    '<v:shape id="letterhead" type="#_x0000_t202" style="position:absolute;width:260pt;height:70pt">'
    "<v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
)


def _text_box_paragraph(lines: list[str]):
    """A paragraph anchoring a text box (VML, as Word writes one for older readers) that holds `lines`,
    each a paragraph of its own."""
    from docx.oxml import parse_xml  # python-docx, loaded only when a .docx is rendered

    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines
    )
    return parse_xml(_TEXT_BOX.format(paragraphs=paragraphs))


def _fixed_zip_times(data: bytes) -> bytes:
    """The same .docx bytes on every run: zip entries get one fixed time."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- the command


def rendered_letters(
    count: int, seed: int, provinces: Collection[str] | None = None, forms: bool = False
) -> tuple[World, list[RenderedLetter]]:
    """The first `count` letters of the seed's corpus, composed; in a world of those provincies only
    when `provinces` is given (as `opendata synth --provinces`); some in the real sets' forms with
    `forms` (REAL_FORMS)."""
    world = build_world(seed, provinces)
    plans = plan_letters(world, seed, count)
    return world, [compose(world, plans, plan, seed, forms) for plan in plans]


def truth_yaml(truth: dict, text_name: str) -> str:
    return yaml_document({**truth, "text": text_name})


def render(
    count: int,
    out: Path,
    seed: int = 1,
    formats: tuple[str, ...] = FORMATS,
    provinces: Collection[str] | None = None,
    forms: bool = False,
) -> dict[str, int]:
    """Write `count` letters in each format into out/<format>/, with out/<format>/<id>.yaml truths
    (`forms`: some in the real sets' forms)."""
    _, letters = rendered_letters(count, seed, provinces, forms)
    written = {}
    for fmt in formats:
        folder = out / fmt
        folder.mkdir(parents=True, exist_ok=True)
        for letter in letters:
            rng = random.Random(f"opendata-synth:{seed}:{fmt}:{letter.id}")
            name, content = _rendering(fmt, letter, rng)
            path = folder / name
            path.write_bytes(content) if isinstance(content, bytes) else path.write_text(
                content, encoding="utf-8"
            )
            (folder / f"{letter.id}.yaml").write_text(truth_yaml(letter.truth, name), encoding="utf-8")
        written[fmt] = len(letters)
    return written


def _rendering(fmt: str, letter: RenderedLetter, rng: random.Random) -> tuple[str, bytes | str]:
    if fmt == "pdf":
        return f"{letter.id}.pdf", pdf_bytes(letter, rng)
    if fmt == "scan":
        turn = 90 if "turned-90" in letter.variants else 180 if "turned-180" in letter.variants else 0
        return f"{letter.id}.pdf", scan_bytes(pdf_bytes(letter, rng), rng, turn=turn)
    if fmt == "noisy":
        return f"{letter.id}.txt", noisy_text(letter.text(), rng)
    if fmt == "docx":
        return f"{letter.id}.docx", docx_bytes(letter)
    if fmt == "odt":
        return f"{letter.id}.odt", odt_bytes(letter)
    return f"{letter.id}.txt", letter.text()


def render_command(
    count: int, out: Path, seed: int, formats_text: str, provinces: Collection[str] | None = None
) -> int:
    formats = tuple(f.strip() for f in formats_text.split(",") if f.strip())
    unknown = [f for f in formats if f not in (*FORMATS, *EXTRA_FORMATS)]
    if unknown or not formats:
        print(
            f"opendata synth: unknown rendering {', '.join(unknown) or '(none)'}; choose from "
            f"{', '.join((*FORMATS, *EXTRA_FORMATS))}",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    try:
        written = render(count, out, seed, formats, provinces)
    except UnknownProvince as exc:
        print(f"opendata synth: {exc}", file=sys.stderr)
        return 2
    print(
        f"{out}: {count} synthetic letters (seed {seed}) rendered as "
        + ", ".join(f"{fmt} ({n})" for fmt, n in written.items())
        + f" in {time.perf_counter() - started:.1f} s"
    )
    return 0


__all__ = [
    "FORMATS",
    "RenderedLetter",
    "bundles",
    "compose",
    "docx_bytes",
    "noisy_text",
    "pdf_bytes",
    "render",
    "rendered_letters",
    "scan_bytes",
]
