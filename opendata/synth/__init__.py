"""`opendata synth`: a realistic synthetic sources tree, in exactly the format of datasets/.

Real gemeenten, provincies and samenwerkingsorganisaties from the TOOI register (historic ones
only within their lifetime); invented colleges, councils, people in posts, memberships, themes,
dossiers, meetings and letters with Dutch text and positions quoted at exact offsets.
The same seed gives byte-identical files; letter i is the same in every corpus of more than i
letters, and the shared files do not depend on the number of letters.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path

from . import emit
from .letters import Plan, Planner
from .text import render
from .vocabulary import iso
from .world import WINDOW_END, World, build_world

PARALLEL_FROM = 2000  # letters; below this, starting worker processes costs more than it saves
CHUNK = 1000
SHARED_FILES = ("organisations.yaml", "memberships.yaml", "people.yaml", "posts.yaml", "themes.yaml",
                "meetings.yaml")

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


class SynthError(Exception):
    """The corpus cannot be written where asked."""


@dataclass
class Summary:
    letters: int
    written: int  # files written (unchanged files are not rewritten)
    removed: int


def plan_letters(world: World, seed: int, count: int) -> list[Plan]:
    planner = Planner(world, seed)
    for _ in range(count):
        planner.plan_next()
    return planner.plans


def shared_files(world: World, seed: int) -> dict[str, str]:
    """publication.yaml and the shared record files, by name."""
    files = {"publication.yaml": PUBLICATION.format(seed=seed, first=1995, last=iso(WINDOW_END)[:4],
                                                    issued=iso(WINDOW_END))}
    for name in SHARED_FILES:
        files[name] = emit.record_list(world.files[name])
    return files


def letter_record(world: World, plans, plan: Plan, positions: list[dict]) -> dict:
    own_dossier = plan.dossier and plan.dossier.owner == world.party[plan.sender]
    unknown = ([] if plan.sent_known else ["date_sent"]) + ([] if plan.our_reference else ["our_reference"])
    return {
        "id": plan.id,
        "kind": plan.kind,
        "title": plan.title,
        "date_sent": emit.Day(iso(plan.day)) if plan.sent_known else None,
        "date_received": emit.Day(iso(plan.received if plan.sent_known else plan.day))
        if plan.received or not plan.sent_known else None,
        "sender": plan.sender,
        "addressees": list(plan.addressees),
        "our_reference": plan.our_reference,
        "your_reference": plan.your_reference,
        "dossier_number": plan.dossier.number if own_dossier else None,
        "signatories": [{"person": person, "role": role, "post": post, "on_behalf_of": list(behalf)}
                        for person, role, post, behalf in plan.signatories],
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


class _Tree:
    """Writes files under the output folder; with overwrite, only files whose bytes change."""

    def __init__(self, root: Path, overwrite: bool) -> None:
        if root.exists() and not root.is_dir():
            raise SynthError(f"{root} exists and is not a folder")
        if root.is_dir() and any(root.iterdir()) and not overwrite:
            raise SynthError(f"{root} is not empty: choose a new folder, or pass --overwrite to update it")
        self.root, self.overwrite = root, overwrite
        (root / "letters").mkdir(parents=True, exist_ok=True)

    def write(self, relative: str, content: str) -> bool:
        """Whether the file was (re)written."""
        path = os.path.join(self.root, relative)
        data = content.encode("utf-8")
        if self.overwrite:
            try:
                with open(path, "rb") as handle:
                    if handle.read() == data:
                        return False
            except FileNotFoundError:
                pass
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)  # fewer system calls than open()
        try:
            os.write(handle, data)
        finally:
            os.close(handle)
        return True

    def remove_letters_except(self, keep: set[str]) -> int:
        removed = 0
        for path in sorted((self.root / "letters").iterdir()):
            if path.suffix in (".yaml", ".txt") and path.name not in keep:
                path.unlink()
                removed += 1
        return removed


def generate(letters: int, out: Path, seed: int = 1, overwrite: bool = False) -> Summary:
    """Write a corpus of `letters` letters into `out`.

    The main process plans the letters in order (each may refer to earlier ones); batches of
    plans go to worker processes that render and write them meanwhile.
    """
    if letters < 0:
        raise SynthError("the number of letters cannot be negative")
    tree = _Tree(out, overwrite)
    world = build_world(seed)
    written = sum(tree.write(name, content) for name, content in shared_files(world, seed).items())
    planner = Planner(world, seed)
    with _Writers(world, seed, tree, parallel=letters >= PARALLEL_FROM) as writers:
        for start in range(0, letters, CHUNK):
            batch = [planner.plan_next() for _ in range(min(CHUNK, letters - start))]
            writers.submit([(plan, _referenced(planner.plans, plan)) for plan in batch])
    names = {f"{plan.id}{suffix}" for plan in planner.plans for suffix in (".yaml", ".txt")}
    removed = tree.remove_letters_except(names) if overwrite else 0
    return Summary(letters, written + writers.written, removed)


def _referenced(plans: list[Plan], plan: Plan) -> dict[int, Plan]:
    """The earlier letters a letter's files name: what it answers, cites and attaches."""
    wanted = set(plan.cites) | set(plan.attachments) | ({plan.reply_to} if plan.reply_to is not None else set())
    return {j: plans[j] for j in sorted(wanted)}


_JOB: tuple | None = None  # what forked workers inherit: (world, seed, tree)


def _write_batch(batch: list[tuple[Plan, dict[int, Plan]]]) -> int:
    world, seed, tree = _JOB
    written = 0
    for plan, referenced in batch:
        record, text = letter_files(world, referenced, plan, seed)
        written += tree.write(f"letters/{plan.id}.yaml", record) + tree.write(f"letters/{plan.id}.txt", text)
    return written


class _Writers:
    """Renders and writes batches of letters: in forked worker processes, or here for small corpora."""

    def __init__(self, world: World, seed: int, tree: _Tree, parallel: bool) -> None:
        self.job, self.written = (world, seed, tree), 0
        workers = min(os.cpu_count() or 1, 4)
        self.parallel = parallel and workers > 1 and "fork" in multiprocessing.get_all_start_methods()
        self.workers, self.pending, self.pool = workers, [], None

    def __enter__(self) -> "_Writers":
        global _JOB
        _JOB = self.job
        if self.parallel:
            self.pool = multiprocessing.get_context("fork").Pool(self.workers)
        return self

    def submit(self, batch: list) -> None:
        if self.pool is None:
            self.written += _write_batch(batch)
        else:
            self.pending.append(self.pool.apply_async(_write_batch, (batch,)))

    def __exit__(self, *exc) -> None:
        global _JOB
        try:
            if self.pool is not None:
                if exc[0] is None:
                    self.written += sum(result.get() for result in self.pending)
                    self.pool.close()
                else:
                    self.pool.terminate()
                self.pool.join()
        finally:
            _JOB = None
