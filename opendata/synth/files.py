"""The files of a synthetic tree, as text: publication.yaml, the shared record files, each letter."""

from __future__ import annotations

from opendata.synth import emit
from opendata.synth.letters import Plan
from opendata.synth.text import render
from opendata.synth.vocabulary import iso
from opendata.synth.world import WINDOW_END, World

SHARED_FILES = (
    "organisations.yaml",
    "memberships.yaml",
    "people.yaml",
    "posts.yaml",
    "themes.yaml",
    "meetings.yaml",
)

PUBLICATION = """\
# A synthetic corpus written by `opendata synth --seed {seed}`: real organisations from the TOOI
# register around invented people, letters and texts. It is not real correspondence.
# See README.md, "Configuring a publication".

base_url: https://synth.opendata.example/publicatie/
base_iri: https://synth.opendata.example/id/

title:
  nl: Synthetische correspondentie tussen overheden (seed {seed})
  en: Synthetic correspondence between governments (seed {seed})
description:
  nl: >-
    Verzonnen brieven tussen Gedeputeerde Staten, colleges van burgemeester en wethouders,
    gemeenteraden en samenwerkingsorganisaties ({first}–{last}), met echte organisaties uit het
    TOOI-register en verzonnen personen, thema's, dossiers, standpunten en bijeenkomsten.
  en: >-
    Invented letters between provincial executives, municipal executives, municipal councils and
    joint arrangements ({first}–{last}), with real organisations from the TOOI register and invented
    people, themes, dossiers, positions and meetings.
keywords:
  nl: [synthetische gegevens, correspondentie, brieven, gemeenten, provincies, samenwerkingsorganisaties]
  en: [synthetic data, correspondence, letters, municipalities, provinces, joint arrangements]
version: "synth-{seed}"
issued: {issued}

publisher: gm0546
creator: gm0546
contact:
  name: Synthetische gegevens opendata
  email: opendata@synth.opendata.example
  url: https://synth.opendata.example/
license: CC0-1.0
language: nl
"""


def shared_files(world: World, seed: int) -> dict[str, str]:
    """publication.yaml and the shared record files, by name."""
    files = {
        "publication.yaml": PUBLICATION.format(
            seed=seed, first=1995, last=iso(WINDOW_END)[:4], issued=iso(WINDOW_END)
        )
    }
    for name in SHARED_FILES:
        files[name] = emit.record_list(world.files[name])
    return files


def letter_record(world: World, plans, plan: Plan, positions: list[dict]) -> dict:
    own_dossier = plan.dossier and plan.dossier.owner == world.party[plan.sender]
    unknown = ([] if plan.sent_known else ["date_sent"]) + ([] if plan.our_reference else ["our_reference"])
    received = plan.received if plan.sent_known else plan.day
    return {
        "id": plan.id,
        "kind": plan.kind,
        "title": plan.title,
        "date_sent": emit.Day(iso(plan.day)) if plan.sent_known else None,
        "date_received": emit.Day(iso(received)) if received else None,
        "sender": plan.sender,
        "addressees": list(plan.addressees),
        "our_reference": plan.our_reference,
        "your_reference": plan.your_reference,
        "dossier_number": plan.dossier.number if own_dossier and plan.dossier else None,
        "signatories": [
            {"person": person, "role": role, "post": post, "on_behalf_of": list(behalf)}
            for person, role, post, behalf in plan.signatories
        ],
        "attachments": [plans[j].id for j in plan.attachments],
        "cites": [plans[j].id for j in plan.cites],
        "themes": list(plan.themes),
        "meetings": [m.id for m in plan.meetings],
        "text": f"{plan.id}.txt",
        "unknown": unknown,
        "positions": positions,
    }


def letter_files(world: World, plans, plan: Plan, seed: int) -> tuple[str, str]:
    """The letter's record and text, as file contents (`plans[j]`: every letter it cites or attaches)."""
    text, positions = render(world, plans, plan, seed)
    return emit.document(letter_record(world, plans, plan, positions)), text
