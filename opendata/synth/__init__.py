"""`opendata synth`: a realistic synthetic sources tree, in exactly the format of datasets/.

Real gemeenten, provincies and samenwerkingsorganisaties from the TOOI register (historic ones
only within their lifetime); invented colleges, councils, people in posts, memberships, themes,
dossiers, meetings and letters with Dutch text and positions quoted at exact offsets.
The same seed gives byte-identical files; letter i is the same in every corpus of more than i
letters, and the shared files do not depend on the number of letters.

`provinces` (`--provinces pv24,pv29`) limits the world to those provincies, their gemeenten and the
samenwerkingsorganisaties their names anchor there (opendata/synth/world.py): a corpus of a few
thousand records instead of some 12,000, for tests and demos. Without it the world is all of them,
the same bytes as ever.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from opendata.synth.files import SHARED_FILES, letter_files, shared_files
from opendata.synth.letters import Plan, Planner
from opendata.synth.output import SynthError, Tree, Writers
from opendata.synth.world import UnknownProvince, World, build_world

__all__ = [
    "SHARED_FILES",
    "Summary",
    "SynthError",
    "generate",
    "letter_files",
    "plan_letters",
    "shared_files",
]

PARALLEL_FROM = 2000  # letters; below this, starting worker processes costs more than it saves
CHUNK = 1000  # letters per batch handed to a worker


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


def generate(
    letters: int,
    out: Path,
    seed: int = 1,
    overwrite: bool = False,
    provinces: Collection[str] | None = None,
) -> Summary:
    """Write a corpus of `letters` letters into `out`; with `provinces` (TOOI codes) of their world only.

    The main process plans the letters in order (each may refer to earlier ones); batches of
    plans go to worker processes that render and write them meanwhile.
    """
    if letters < 0:
        raise SynthError("the number of letters cannot be negative")
    try:
        world = build_world(seed, provinces)
    except UnknownProvince as exc:
        raise SynthError(str(exc)) from None
    tree = Tree(out, overwrite)
    written = sum(tree.write(name, content) for name, content in shared_files(world, seed).items())
    planner = Planner(world, seed)
    with Writers(world, seed, tree, parallel=letters >= PARALLEL_FROM) as writers:
        for start in range(0, letters, CHUNK):
            batch = [planner.plan_next() for _ in range(min(CHUNK, letters - start))]
            writers.submit([(plan, _referenced(planner.plans, plan)) for plan in batch])
    names = {f"{plan.id}{suffix}" for plan in planner.plans for suffix in (".yaml", ".txt")}
    removed = tree.remove_letters_except(names) if overwrite else 0
    return Summary(letters, written + writers.written, removed)


def _referenced(plans: list[Plan], plan: Plan) -> dict[int, Plan]:
    """The earlier letters a letter's files name: what it answers, cites and attaches."""
    wanted = (
        set(plan.cites) | set(plan.attachments) | ({plan.reply_to} if plan.reply_to is not None else set())
    )
    return {j: plans[j] for j in sorted(wanted)}
