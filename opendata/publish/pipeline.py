"""The orchestrator: sources -> records -> checks -> graph -> SHACL -> writers -> atomic release.

Letters are the unit of work: each is read, checked, turned into triples and validated on its
own (opendata/build/letter_unit.py), cached by content hash and spread over the cores. Each
registered output (opendata/outputs/__init__.py) makes its per-letter part there too: this layer
hands the outputs' `letter_part` callables to the units through the build context. The shared records
(organisations, people, themes, meetings...) are few and are built every time. Then the checks
that need everything (references, unique ids, cycles) run on small skeletons of all records.
"""

from __future__ import annotations

import datetime
import errno
import hashlib
import multiprocessing
import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from opendata import outputs, releases
from opendata.build.graph import Node, ntriples
from opendata.build.letter_unit import BuildContext, LetterUnit, Skeleton, process_letters, worker_count
from opendata.build.progress import SILENT, Progress
from opendata.build.publication import Publication
from opendata.build.shared_unit import SharedUnit, build_shared, register_nodes, shared_key
from opendata.build.shared_unit import validate as validate_shared
from opendata.checks import privacy, shacl_queries
from opendata.checks import records as checks
from opendata.model.iris import Minter
from opendata.model.model import Model, load_model
from opendata.model.problems import ERROR, Location, Problem, ProblemCode, has_errors
from opendata.model.register import load_register
from opendata.outputs.digests import HASHED
from opendata.outputs.output import letter_parts, write_all
from opendata.publish import switch as release
from opendata.publish.cache import UnitCache, code_version
from opendata.publish.stored_parts import CacheLost
from opendata.releases import parts as resource_parts
from opendata.sources.config import Config, load_config
from opendata.sources.records import Dataset, letter_files

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
BATCH = 250  # letters per task sent to a worker process
PARALLEL_FROM = 400  # below this many letters to build, one process is faster


@dataclass
class Outcome:
    exit_code: int
    problems: list[Problem] = field(default_factory=list)
    publication: Publication | None = None
    dist: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, "output:NAME" per output
    counts: dict[str, int] = field(default_factory=dict)  # files and bytes hashed for the manifest


# ------------------------------------------------------------------ privacy

# ------------------------------------------------------------------ letters


def _build_units(
    paths: list[Path], context: BuildContext, progress: Progress = SILENT
) -> Iterator[list[LetterUnit]]:
    """The letters' units, batch by batch in order, built in worker processes when it pays."""
    batches = [[str(p) for p in paths[i : i + BATCH]] for i in range(0, len(paths), BATCH)]
    done = 0
    if len(paths) < PARALLEL_FROM or worker_count() == 1:
        results = (process_letters(batch, context) for batch in batches)
        for batch_units in results:
            done += len(batch_units)
            progress.count("letters", done, len(paths))
            yield batch_units
    else:
        # a fork server starts the workers: none inherits the publish lock; each ends when the publish ends
        with ProcessPoolExecutor(
            worker_count(),
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=release.die_with,
            initargs=(os.getpid(),),
        ) as pool:
            for batch_units in pool.map(process_letters, batches, [context] * len(batches)):
                done += len(batch_units)
                progress.count("letters", done, len(paths))
                yield batch_units


def letter_units(
    paths: list[Path], context: BuildContext, cache: UnitCache, code: str, progress: Progress = SILENT
) -> list[LetterUnit]:
    """Every letter's unit: from the cache where its files are unchanged, built otherwise.
    New units go into the cache batch by batch; with a cache, their parts stay there (read on demand)."""
    fingerprint = context.fingerprint(code)
    keys = [cache.letter_key(p, fingerprint) for p in paths]
    units = cache.get_letters(keys)
    missing = [(p, k) for p, k in zip(paths, keys) if k not in units]
    missing_keys = iter(k for _, k in missing)
    for batch_units in _build_units([p for p, _ in missing], context, progress=progress):
        batch = {next(missing_keys): unit for unit in batch_units}
        cache.put_letters(batch)
        units.update(batch)
    return [units[k] for k in keys]


# ------------------------------------------------------------------ shared records and cross checks


def shared_unit(
    model: Model, root: Path, minter: Minter, cache: UnitCache, code: str, include_drafts: bool = False
) -> SharedUnit:
    """The shared records' unit: from the cache while their files, the code, the base IRIs and
    whether drafts are published are unchanged."""
    key = "shared:" + shared_key(
        cache, model, root, f"{code}\0{minter.base_iri}\0{minter.base_url}\0{include_drafts}"
    )
    found = cache.get_many([key])
    if key in found:
        return found[key]
    unit = build_shared(model, root, minter, include_drafts=include_drafts)
    cache.put_many({key: unit})
    return unit


def shared_described(publication: Publication, cache: UnitCache, code: str) -> resource_parts.Described:
    """What the release plan needs of the shared records' triples (their resources' versions): from the
    cache while the triples, the code and the base IRIs are those it was made from."""
    config = publication.config
    key = (
        "shared-described:"
        + hashlib.sha256(
            f"{code}\0{config.base_iri}\0{config.base_url}\0{publication.shared_nt}".encode(
                "utf-8", "surrogatepass"
            )
        ).hexdigest()
    )
    found = cache.get_many([key]).get(key)
    if isinstance(found, resource_parts.Described):
        return found
    described = resource_parts.describe_part(publication.shared_nt, config.base_iri, config.base_url)
    cache.put_many({key: described})
    return described


def _cross_checks(
    model: Model,
    shared: SharedUnit,
    units: list[LetterUnit],
    today: datetime.date,
    drafts: checks.UnpublishedDrafts,
) -> list[Problem]:
    """References (a draft left out of the publication named as such), unique ids, dates in the future
    and cycles, over the skeletons of all records."""
    register = load_register()
    everything: Dataset[Skeleton] = Dataset()
    everything.unreadable_keys = shared.unreadable_keys
    everything.unreadable_classes = shared.unreadable_classes
    for record in shared.skeleton:
        everything.add(record)
    for unit in units:
        for record in unit.skeleton:
            everything.add(record)
    index = checks.reference_index(everything)
    problems = list(checks.check_ids(everything, register))
    for records in everything.records.values():
        for record in records:
            problems += checks.check_record_in_context(model, record, index, register, today, drafts)
    if not has_errors(problems):
        problems += checks.check_cycles(everything)
    return problems


def _register_part(
    model: Model, minter: Minter, shared: SharedUnit, units: list[LetterUnit]
) -> tuple[list[Node], list[Problem]]:
    codes = set(shared.organisation_codes)
    for unit in units:
        codes.update(unit.organisation_codes)
    nodes = register_nodes(model, minter, codes)
    lines = sorted({line for node in nodes for line in ntriples(node)})
    return nodes, validate_shared(model, lines, lambda iri: Location("register"))


# ------------------------------------------------------------------ build and publish


def _context(config: Config, root: Path, shared: SharedUnit) -> BuildContext:
    return BuildContext(
        str(root),
        config.base_iri,
        config.base_url,
        tuple(sorted(shared.private_people.items())),
        config.include_drafts,
        letter_parts(outputs.OUTPUTS) + ((resource_parts.NAME, resource_parts.letter_part),),
    )


def build(datasets: Path, today: datetime.date | None = None, cache_dir: Path | None = None) -> Outcome:
    """Check the sources and build the graph; nothing is written to the publication."""
    today = today or datetime.date.today()
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    model = load_model()
    config, problems = load_config(datasets)
    if config is None:
        return Outcome(EXIT_USAGE, problems)
    cache, code = UnitCache(cache_dir), code_version()
    problems += cache.problems
    minter = Minter(model, load_register(), config.base_iri, config.base_url)
    shared = shared_unit(model, datasets, minter, cache, code, config.include_drafts)
    problems += shared.problems
    context = _context(config, datasets, shared)
    paths = letter_files(datasets)
    progress = Progress.on_terminal(len(paths))
    units = sorted(letter_units(paths, context, cache, code, progress), key=lambda u: u.key)
    timings["letters"] = time.perf_counter() - clock
    progress.done("letters", timings["letters"])
    drafts = shared.unpublished_drafts.copy()
    for unit in units:
        problems += unit.problems
        drafts.update(unit.unpublished_drafts)
    units = [unit for unit in units if not unit.draft_skipped]  # drafts left out of the publication (warned)
    cache.follow(units)
    problems += _cross_checks(model, shared, units, today, drafts)
    problems += checks.check_evidence_in_other_letters(
        shared.skeleton + [s for u in units for s in u.skeleton], datasets
    )
    for unit in units:
        unit.skeleton = []  # only the cross checks read it: free the memory before writing
    timings["checks"] = time.perf_counter() - clock - timings["letters"]
    progress.done("checks", timings["checks"])
    if has_errors(problems):
        cache.release()
        return Outcome(EXIT_PROBLEMS, problems, timings=timings)
    register_part, shape_problems = _register_part(model, minter, shared, units)
    problems += shape_problems
    if has_errors(problems):
        cache.close(prune=True)
        cache.release()
        return Outcome(EXIT_PROBLEMS, problems, timings=timings)
    report = shacl_queries.report_graph([]).serialize(format="turtle")
    # the published validation report lists the data's problems, not those of this machine's cache
    # (a build from scratch has none): they are reported on the terminal only
    of_the_data = [problem for problem in problems if problem not in cache.problems]
    publication = Publication(
        config,
        model,
        minter,
        Path(datasets),
        shared,
        register_part,
        units,
        report,
        of_the_data,
        progress=progress,
        release_cache=cache.release,
    )
    publication.shared_described = shared_described(publication, cache, code)
    cache.close(prune=True)
    timings["graph"] = time.perf_counter() - clock - timings["letters"] - timings["checks"]
    progress.done("graph", timings["graph"])
    return Outcome(EXIT_OK, problems, publication, timings=timings)


def _privacy_leaks(build_dir: Path, publication: Publication) -> list[Problem]:
    """Scan every file written, by whatever writer, for the names and keys of people who are not public."""
    return privacy.scan_publication(
        build_dir, publication.shared.private_people, publication.shared.private_locations
    )


def _refused(code: ProblemCode, message: str, out: Path, hint: str) -> Outcome:
    return Outcome(EXIT_USAGE, [Problem(code, ERROR, message, Location(str(out)), hint=hint)])


def publish(
    datasets: Path, out: Path, today: datetime.date | None = None, cache_dir: Path | None = None
) -> Outcome:
    """Check --out, build, write every output into a fresh folder, verify, and release it atomically.
    A disk that fills up (or any other failure to write) leaves the previous publication as it was."""
    try:
        out = release.check_out(out, datasets)
    except release.UnsafeOut as exc:
        return _refused("out-refused", str(exc), out, "opendata only replaces publications it made itself")
    try:
        return _publish(datasets, out, today, cache_dir)
    except release.UnsafeOut as exc:  # something not made by opendata appeared among the builds meanwhile
        return _refused("out-refused", str(exc), out, "opendata only replaces publications it made itself")
    except CacheLost as exc:
        if exc.key is not None and cache_dir is not None:
            UnitCache.forget_damaged(cache_dir)  # the next publish builds the damaged letters again
        return _refused("cache-lost", f"{exc}; {out} is unchanged", out, "publish again")
    except OSError as exc:
        reason = "the disk is full" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else exc.strerror or str(exc)
        return _refused(
            "write-failed",
            f"could not write the publication: {reason} ({exc.filename or out}); {out} is unchanged",
            out,
            "free some space (or fix the permissions) and publish again",
        )


def _publish(datasets: Path, out: Path, today: datetime.date | None, cache_dir: Path | None) -> Outcome:
    hashed = (
        HASHED.files,
        HASHED.bytes,
        HASHED.compared,
    )  # the catalog's checksums and the manifest's, this publish
    with release.publish_lock(out):
        # old builds go while this one is made; without a cache, also the spare (it is not recycled)
        pruning = release.start_pruning(out, keep_spare=cache_dir is not None)
        outcome = build(datasets, today, cache_dir)
        if outcome.publication is None:
            pruning.join()
            return outcome
        clock = time.perf_counter()
        plan = releases.plan_release(outcome.publication, today)  # docs/releases.md
        outcome.problems += plan.problems
        outcome.publication.problems += plan.problems  # the validation report's (of the data only)
        if has_errors(plan.problems):
            outcome.publication.release_cache()
            pruning.join()
            return Outcome(EXIT_PROBLEMS, outcome.problems, timings=outcome.timings)
        named = privacy.naming_private_people(plan.history.iris(), outcome.publication.shared.private_people)
        # the outputs show the history without resources whose IRI names a person no longer public
        outcome.publication.history = plan.history.without(named)
        outcome.publication.release_resources = plan.resources
        # the outputs link their unchanged files from the published build and keep those of the
        # build before it that they need (the spare); without a cache nothing of an earlier build is
        # reused, so a publication damaged by hand is written whole again
        reuse = cache_dir is not None
        outcome.publication.previous_build = release.published(out) if reuse else None
        build_dir, outcome.publication.recycled = release.new_build(out, recycle=reuse)
        prepared = None
        outcome.timings["plan"] = time.perf_counter() - clock
        progress = outcome.publication.progress
        progress.done("release plan", outcome.timings["plan"])
        try:
            seconds = write_all(outputs.OUTPUTS, outcome.publication, build_dir)
            release.remove_held(build_dir, outcome.publication.recycled)  # what no writer took
            outcome.timings.update((f"output:{name}", s) for name, s in seconds.items())
            clock = time.perf_counter()
            leaks = _privacy_leaks(build_dir, outcome.publication) + releases.privacy_leaks(build_dir, plan)
            if leaks:
                return Outcome(EXIT_PROBLEMS, outcome.problems + leaks, timings=outcome.timings)
            outcome.timings["privacy"] = time.perf_counter() - clock
            progress.done("privacy scan", outcome.timings["privacy"])
            pruning.join()
            clock = time.perf_counter()
            prepared = releases.prepare_history(
                datasets, plan.history
            )  # written aside; moved in after the switch
            outcome.dist = release.release(build_dir, out)
            releases.commit_history(prepared)
            if (
                plan.private_titles
            ):  # withdrawn for privacy: keep no earlier build (it holds the content) beside it
                release.start_pruning(out, keep_spare=False).join()
            outcome.timings["release"] = time.perf_counter() - clock
            progress.done("manifest and switch", outcome.timings["release"])
            outcome.counts = {
                "hashed_files": HASHED.files - hashed[0],
                "hashed_bytes": HASHED.bytes - hashed[1],
                "compared_bytes": HASHED.compared - hashed[2],
            }
        finally:
            outcome.publication.release_cache()
            pruning.join()
            releases.discard_history(prepared)
            if build_dir.exists():
                shutil.rmtree(build_dir, ignore_errors=True)
        return outcome
