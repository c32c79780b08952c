"""The release history: `datasets/releases.csv`, beside the datasets, under the publisher's version control.

One row per change of one resource in one release (docs/releases.md). The state of the
publication after a release is the fold of the rows up to it. The file is the memory of the
publication: `dist/` is derived from it and the data, so it is never kept only in a cache, and it
is replaced in one `os.replace` only after the publish that made a release succeeded.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from opendata.model.problems import ERROR, Location, Problem

FILE = "releases.csv"
COLUMNS = (
    "release",
    "version",
    "date",
    "resource",
    "change",
    "type",
    "digest",
    "title",
    "reason",
    "withdrawn",
    "privacy",
)
KINDS = ("added", "changed", "removed", "withdrawn")
GONE = ("removed", "withdrawn")


@dataclass(frozen=True)
class Change:
    """What one release did to one resource."""

    release: int
    iri: str
    kind: str  # added | changed | removed | withdrawn
    type: str  # class IRI (the former type when removed or withdrawn)
    digest: str = ""  # "sha256:…" of the description after this release; "" when gone
    title: str = ""  # "" when withdrawn for privacy
    reason: str = ""  # why it was withdrawn (may be "")
    withdrawn: datetime.date | None = None  # removed/withdrawn: since when
    privacy: bool = False


@dataclass(frozen=True)
class Release:
    number: int
    version: str
    date: datetime.date
    changes: tuple[Change, ...]  # sorted by IRI

    def counts(self) -> dict[str, int]:
        return {kind: sum(1 for c in self.changes if c.kind == kind) for kind in KINDS}

    def notes(self) -> str:
        """The release's version notes: its counts, in English ('1 added, 1 changed, 1 withdrawn')."""
        return ", ".join(f"{n} {kind}" for kind, n in self.counts().items() if n) or "no changes"


@dataclass
class History:
    releases: list[Release] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def latest(self) -> Release | None:
        return self.releases[-1] if self.releases else None

    def _last_changes(self) -> dict[str, Change]:
        last: dict[str, Change] = {}
        for release in self.releases:
            for change in release.changes:
                last[change.iri] = change
        return last

    def live(self) -> dict[str, Change]:
        """IRI -> its last added/changed Change, for every resource in the latest release."""
        return {iri: c for iri, c in self._last_changes().items() if c.kind not in GONE}

    def tombstones(self) -> dict[str, Change]:
        """IRI -> its removed/withdrawn Change, for every resource gone (and not added again)."""
        return {iri: c for iri, c in self._last_changes().items() if c.kind in GONE}

    def last_modified(self, iri: str) -> datetime.date | None:
        """The date of the last release that changed the resource (added, changed, removed, withdrawn)."""
        dates = {r.number: r.date for r in self.releases}
        change = self._last_changes().get(iri)
        return dates[change.release] if change else None

    def is_private(self, iri: str) -> bool:
        """Ever withdrawn for privacy: its title is never shown again."""
        return any(c.privacy for r in self.releases for c in r.changes if c.iri == iri)

    def private_iris(self) -> set[str]:
        return {c.iri for r in self.releases for c in r.changes if c.privacy}

    def with_release(self, release: Release) -> History:
        """This history and one more release; titles of resources withdrawn for privacy blanked in every row."""
        releases = self.releases + [release]
        private = {c.iri for c in release.changes if c.privacy} | self.private_iris()
        if private:
            releases = [
                replace(r, changes=tuple(replace(c, title="") if c.iri in private else c for c in r.changes))
                for r in releases
            ]
        return History(releases, list(self.problems))

    def without(self, iris: set[str]) -> History:
        """This history with no trace of `iris`: what is published of a resource whose IRI names a person
        who is no longer public (the full history stays in the publisher's datasets folder)."""
        if not iris:
            return self
        releases = [
            replace(r, changes=tuple(c for c in r.changes if c.iri not in iris)) for r in self.releases
        ]
        return History(releases, list(self.problems))

    def iris(self) -> set[str]:
        return {c.iri for r in self.releases for c in r.changes}


def release_iri(base_url: str, number: int) -> str:
    """The IRI of release `number`: its RDF is published at dist/changes/release-<number>.ttl."""
    return f"{base_url}changes/release-{number}"


# ------------------------------------------------------------------ reading


def history_path(datasets: Path) -> Path:
    return Path(datasets) / FILE


def load_history(datasets: Path) -> History:
    """The release history of a datasets folder (empty when it has none); bad rows become problems."""
    path = history_path(datasets)
    if not path.exists():
        return History()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return History(
            problems=[
                Problem(
                    "releases-unreadable",
                    ERROR,
                    f"{FILE} cannot be read: {exc}",
                    Location(FILE),
                    hint="restore it from version control",
                )
            ]
        )
    return parse_history(text)


def parse_history(text: str) -> History:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    problems: list[Problem] = []
    if tuple(reader.fieldnames or ()) != COLUMNS:
        return History(
            problems=[
                Problem(
                    "releases-bad-header",
                    ERROR,
                    f"{FILE} does not start with the header row",
                    Location(FILE, 1),
                    hint="the first row is " + ",".join(COLUMNS),
                )
            ]
        )
    rows: dict[int, list[Change]] = {}
    meta: dict[int, tuple[str, datetime.date]] = {}
    for row in reader:
        line = reader.line_num
        change, release_meta = _row(row, line, problems)
        if change is None:
            continue
        if change.release in meta and meta[change.release] != release_meta:
            problems.append(
                _bad(
                    line,
                    "version",
                    "a release has one version and one date",
                    f"use {meta[change.release][0]},{meta[change.release][1]} as in its other rows",
                )
            )
            continue
        meta.setdefault(change.release, release_meta)
        rows.setdefault(change.release, []).append(change)
    numbers = sorted(rows)
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(
            Problem(
                "releases-bad-numbers",
                ERROR,
                f"{FILE}: releases are not numbered 1, 2, 3, …",
                Location(FILE),
                field="release",
                hint="restore the file from version control",
            )
        )
    releases = [
        Release(n, meta[n][0], meta[n][1], tuple(sorted(rows[n], key=lambda c: c.iri))) for n in numbers
    ]
    return History(releases, problems)


def _bad(line: int, column: str, message: str, hint: str) -> Problem:
    return Problem(
        "releases-bad-row", ERROR, f"{FILE}: {message}", Location(FILE, line), field=column, hint=hint
    )


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _row(row: dict, line: int, problems: list[Problem]) -> tuple[Change | None, tuple]:
    if None in row or any(v is None for v in row.values()):
        problems.append(
            _bad(line, "release", "the row does not have the 11 columns", "compare it with the header")
        )
        return None, ()
    if not row["release"].isdigit() or int(row["release"]) < 1:
        problems.append(
            _bad(line, "release", f"release {row['release']!r} is not a number", "releases are 1, 2, 3, …")
        )
        return None, ()
    date = _date(row["date"])
    if date is None:
        problems.append(_bad(line, "date", f"date {row['date']!r} is not YYYY-MM-DD", "e.g. 2019-06-11"))
        return None, ()
    if row["change"] not in KINDS:
        problems.append(
            _bad(line, "change", f"change {row['change']!r} is unknown", "one of " + ", ".join(KINDS))
        )
        return None, ()
    withdrawn = _date(row["withdrawn"]) if row["withdrawn"] else None
    if row["withdrawn"] and withdrawn is None:
        problems.append(
            _bad(line, "withdrawn", f"withdrawn {row['withdrawn']!r} is not YYYY-MM-DD", "e.g. 2019-07-01")
        )
        return None, ()
    change = Change(
        int(row["release"]),
        row["resource"],
        row["change"],
        row["type"],
        row["digest"],
        row["title"],
        row["reason"],
        withdrawn,
        row["privacy"] == "true",
    )
    return change, (row["version"], date)


# ------------------------------------------------------------------ writing


def history_csv(history: History) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for release in history.releases:
        for c in release.changes:
            writer.writerow(
                [
                    release.number,
                    release.version,
                    release.date.isoformat(),
                    c.iri,
                    c.kind,
                    c.type,
                    c.digest,
                    c.title,
                    c.reason,
                    c.withdrawn.isoformat() if c.withdrawn else "",
                    "true" if c.privacy else "",
                ]
            )
    return out.getvalue()


def prepare_history(datasets: Path, history: History) -> Path | None:
    """Write the new history to a temporary file beside releases.csv; None when it is unchanged.
    `commit_history` moves it into place (after the publication was switched)."""
    target = history_path(datasets)
    for stale in target.parent.glob(f".{FILE}.tmp-*"):  # left by a publish killed between the two steps
        if not _running(stale.name.rsplit("-", 1)[1]):
            stale.unlink(missing_ok=True)
    data = history_csv(history).encode("utf-8")
    if target.exists() and target.read_bytes() == data:
        return None
    temporary = target.with_name(f".{FILE}.tmp-{os.getpid()}")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return temporary


def _running(pid: str) -> bool:
    """Whether the publish that wrote a temporary history (its pid in the name) still runs."""
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def commit_history(temporary: Path | None) -> None:
    """Replace releases.csv by the prepared file in one atomic rename."""
    if temporary is not None:
        os.replace(temporary, temporary.with_name(FILE))


def discard_history(temporary: Path | None) -> None:
    if temporary is not None and temporary.exists():
        temporary.unlink()
