"""The publisher's withdrawals: `datasets/withdrawn.yaml`.

A list of entries `{resource, date, reason, privacy}`: `resource` is the IRI, or its path under
base_iri (`brief/<key>`). Withdrawing is two steps by the publisher: delete the record, list it
here with when and why. The list is kept for good (it is what the tombstones say); deleting an
entry later changes nothing already released.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from opendata.model.problems import ERROR, Location, Problem
from opendata.sources.reading import position_of, read_yaml
from opendata.sources.records import WITHDRAWN_FILE

FILE = WITHDRAWN_FILE
FIELDS = {"resource", "date", "reason", "privacy"}


@dataclass(frozen=True)
class Withdrawal:
    iri: str
    date: datetime.date | None  # None: the release date
    reason: str
    privacy: bool
    location: Location


def load_withdrawals(datasets: Path, base_iri: str) -> tuple[dict[str, Withdrawal], list[Problem]]:
    """The withdrawals by IRI, and the problems of the file (none when there is no file)."""
    path = Path(datasets) / FILE
    if not path.exists():
        return {}, []
    problems: list[Problem] = []
    data = read_yaml(path, FILE, problems)
    if data is None:
        return {}, problems
    if not isinstance(data, list):
        return {}, problems + [
            Problem(
                "withdrawn-not-a-list",
                ERROR,
                f"{FILE} must be a list of withdrawals",
                Location(FILE, 1),
                hint="- resource: brief/<key>\n  date: 2019-07-01\n  reason: …",
            )
        ]
    found: dict[str, Withdrawal] = {}
    for index, entry in enumerate(data):
        withdrawal = _entry(data, index, entry, base_iri, problems)
        if withdrawal is None:
            continue
        if withdrawal.iri in found:
            problems.append(
                Problem(
                    "withdrawn-duplicate",
                    ERROR,
                    f"{withdrawal.iri} is withdrawn twice",
                    withdrawal.location,
                    field="resource",
                    hint="keep one entry",
                )
            )
        found[withdrawal.iri] = withdrawal
    return found, problems


def _entry(data, index: int, entry, base_iri: str, problems: list[Problem]) -> Withdrawal | None:
    line, column = position_of(data, [index])
    where = Location(FILE, line, column)
    if not isinstance(entry, dict):
        problems.append(
            Problem(
                "withdrawn-bad-entry",
                ERROR,
                "a withdrawal is a mapping with resource, date, reason",
                where,
                hint="- resource: brief/<key>",
            )
        )
        return None
    for key in sorted(set(entry) - FIELDS):
        problems.append(
            Problem(
                "withdrawn-unknown-field",
                ERROR,
                f"unknown field {key!r}",
                Location(FILE, *position_of(data, [index, key])),
                field=key,
                hint="fields are: " + ", ".join(sorted(FIELDS)),
            )
        )
    resource = entry.get("resource")
    if not isinstance(resource, str) or not resource.strip():
        problems.append(
            Problem(
                "withdrawn-no-resource",
                ERROR,
                "a withdrawal names its resource",
                where,
                field="resource",
                hint="its IRI or its path under base_iri, e.g. brief/<key>",
            )
        )
        return None
    resource = resource.strip()
    iri = resource if "://" in resource else base_iri + resource.lstrip("/")
    date = None
    if entry.get("date") is not None:
        try:
            date = datetime.date.fromisoformat(str(entry["date"]))
        except ValueError:
            problems.append(
                Problem(
                    "withdrawn-bad-date",
                    ERROR,
                    f"date {entry['date']!r} is not YYYY-MM-DD",
                    Location(FILE, *position_of(data, [index, "date"])),
                    field="date",
                    hint="e.g. 2019-07-01",
                )
            )
            return None
    reason = entry.get("reason") or ""
    privacy = entry.get("privacy", False)
    if not isinstance(reason, str) or privacy not in (True, False):
        problems.append(
            Problem(
                "withdrawn-bad-entry",
                ERROR,
                "reason is text and privacy is true or false",
                where,
                field="privacy" if not isinstance(privacy, bool) else "reason",
                hint="privacy: true",
            )
        )
        return None
    return Withdrawal(iri, date, " ".join(reason.split()), privacy, where)
