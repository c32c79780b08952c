"""The next release: what this publish changes compared with the release history.

Compares the digests of the resources in the graph just built with the state after the last
release, applies the publisher's withdrawals, and decides the version and the date (once: a
rebuild of the same release reads them back from the history, so it is byte-identical).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from opendata.model.problems import ERROR, WARNING, Location, Problem
from opendata.releases import parts
from opendata.releases.history import GONE, Change, History, Release, load_history
from opendata.releases.resources import ResourceVersion
from opendata.releases.withdrawals import FILE as WITHDRAWN_FILE
from opendata.releases.withdrawals import Withdrawal, load_withdrawals
from opendata.sources.config import CONFIG_FILE


@dataclass
class ReleasePlan:
    history: History  # including the release this publish makes, if it makes one
    release: Release | None  # None: the data did not change
    problems: list[Problem] = field(default_factory=list)
    private_titles: list[str] = field(
        default_factory=list
    )  # titles of resources withdrawn for privacy now: must appear nowhere
    resources: dict[str, ResourceVersion] = field(
        default_factory=dict
    )  # the live resources of this publication


def lines_of(chunks: Iterable[str]) -> Iterator[str]:
    for chunk in chunks:
        yield from chunk.splitlines(keepends=True)


def _current(publication) -> dict[str, ResourceVersion]:
    """The publication's resources: each letter's as described in its unit, the shared records' here."""
    config = publication.config
    base_iri, base_url = config.base_iri, config.base_url
    letters = (unit.part(parts.NAME) for unit in publication.letters)
    shared = publication.shared_described
    if not isinstance(shared, parts.Described):  # a publication built without the pipeline's cache
        shared = parts.describe_part(publication.shared_nt, base_iri, base_url)
    described = [shared] + [
        part if isinstance(part, parts.Described) else parts.describe_part(unit.nt, base_iri, base_url)
        for unit, part in zip(publication.letters, letters)
    ]
    return parts.describe_parts(described, lines_of(publication.ntriples_chunks()), base_iri, base_url)


def plan_release(publication, today: datetime.date | None = None) -> ReleasePlan:
    """The release `publication` makes on top of the history in its datasets folder."""
    config = publication.config
    history = load_history(publication.datasets)
    withdrawals, problems = load_withdrawals(publication.datasets, config.base_iri)
    problems = history.problems + problems
    current = _current(publication)
    if any(p.severity == ERROR for p in problems):
        return ReleasePlan(history, None, problems, resources=current)
    number = len(history.releases) + 1
    version = _version(history, config.version, number)
    date = _date(history, config.version, config.issued, today or datetime.date.today())
    changes, change_problems = _changes(history, current, withdrawals, number, date)
    problems += change_problems
    if any(p.severity == ERROR for p in problems) or not changes:
        return ReleasePlan(
            history, None, problems + _counted_warning(history, config.version), resources=current
        )
    previous_titles = {c.iri: c.title for r in history.releases for c in r.changes if c.title}
    private_titles = sorted(
        {previous_titles[c.iri] for c in changes if c.privacy and c.iri in previous_titles}
    )
    release = Release(number, version, date, tuple(sorted(changes, key=lambda c: c.iri)))
    after = history.with_release(release)
    return ReleasePlan(
        after, release, problems + _counted_warning(after, config.version), private_titles, current
    )


def _version(history: History, version: str, number: int) -> str:
    """publication.yaml's version when no earlier release used it; else counted: '<version>-r<N>'
    (the warning that says so is _counted_warning's)."""
    if all(r.version != version for r in history.releases):
        return version
    return f"{version}-r{number}"


def _counted_warning(history: History, version: str) -> list[Problem]:
    """Warn while the latest release is a counted one: on the publish that made it and on every
    rebuild of it alike, so the validation report of a rebuild is byte-identical."""
    latest = history.latest
    if latest is None or latest.version == version:
        return []
    return [
        Problem(
            "release-version-reused",
            WARNING,
            f"the data changed after release {version}; the latest release is numbered {latest.version}",
            Location(CONFIG_FILE),
            field="version",
            hint="give publication.yaml a new version (and issued date) for each release",
        )
    ]


def _date(history: History, version: str, issued: str, today: datetime.date) -> datetime.date:
    """`issued` for a new version issued after the last release; else the day this release is first made."""
    try:
        issued_date = datetime.date.fromisoformat(str(issued))
    except ValueError:
        issued_date = None
    new_version = all(r.version != version for r in history.releases)
    latest = history.latest
    if new_version and issued_date is not None and (latest is None or issued_date > latest.date):
        return issued_date
    return today


def _changes(
    history: History,
    current: dict[str, ResourceVersion],
    withdrawals: dict[str, Withdrawal],
    number: int,
    date: datetime.date,
) -> tuple[list[Change], list[Problem]]:
    live, tombstones = history.live(), history.tombstones()
    problems: list[Problem] = []
    changes: list[Change] = []
    for iri, now in current.items():
        if iri in withdrawals:
            problems.append(
                Problem(
                    "withdrawn-still-present",
                    ERROR,
                    f"{iri} is withdrawn but still in the datasets",
                    withdrawals[iri].location,
                    field="resource",
                    hint="delete its record (and a letter's text file), or take it off withdrawn.yaml",
                )
            )
        before = live.get(iri)
        if before is None:
            changes.append(Change(number, iri, "added", now.type, now.digest, now.title))
        elif before.digest != now.digest:
            changes.append(Change(number, iri, "changed", now.type, now.digest, now.title))
    for iri, before in live.items():
        if iri not in current:
            changes.append(_gone(number, before, withdrawals.get(iri), date))
    for iri, withdrawal in withdrawals.items():
        if iri in current or iri in live:
            continue
        if iri not in tombstones:
            problems.append(
                Problem(
                    "withdrawn-unknown",
                    ERROR,
                    f"{iri} was never published",
                    withdrawal.location,
                    field="resource",
                    hint="name the IRI of a published resource, or its path under base_iri",
                )
            )
            continue
        again, old = _gone(number, tombstones[iri], withdrawal, date), tombstones[iri]
        if (again.kind, again.reason, again.withdrawn, again.privacy) != (
            old.kind,
            old.reason,
            old.withdrawn,
            old.privacy,
        ):
            changes.append(again)  # the publisher gave a reason, a date or privacy afterwards
    return changes, problems


def _gone(number: int, before: Change, withdrawal: Withdrawal | None, date: datetime.date) -> Change:
    if withdrawal is None:
        return Change(
            number,
            before.iri,
            "removed",
            before.type,
            withdrawn=before.withdrawn or date,
            title="" if before.privacy else before.title,
            privacy=before.privacy,
        )
    return Change(
        number,
        before.iri,
        "withdrawn",
        before.type,
        title="" if withdrawal.privacy else before.title,
        reason=withdrawal.reason,
        withdrawn=withdrawal.date or date,
        privacy=withdrawal.privacy,
    )


__all__ = ["GONE", "WITHDRAWN_FILE", "ReleasePlan", "plan_release"]
