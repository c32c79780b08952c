"""Releases: what each publish changed, withdrawals and their tombstones (docs/releases.md).

- `resources`: the graph cut into resources, each with the digest of its description;
- `history`: the release history file `datasets/releases.csv` (read, fold, write atomically);
- `withdrawals`: the publisher's `datasets/withdrawn.yaml`;
- `plan`: the next release, from the history, the graph and the withdrawals;
- `diff`: `opendata diff OLD_DIST NEW_DIST`.
"""

from __future__ import annotations

from pathlib import Path

from opendata.checks.privacy import leaked_titles
from opendata.model.problems import ERROR, Location, Problem
from opendata.releases.history import History, commit_history, discard_history, load_history, prepare_history
from opendata.releases.plan import ReleasePlan, plan_release


def privacy_leaks(build: Path, plan: ReleasePlan) -> list[Problem]:
    """A resource withdrawn for privacy in this release: its title must be in no byte of the build."""
    return [
        Problem(
            "withdrawn-content-published",
            ERROR,
            f"{file} still holds the title of a resource withdrawn for privacy",
            Location(file),
            hint="remove what quotes the withdrawn resource from the other records",
        )
        for file, _title in leaked_titles(build, plan.private_titles)
    ]


__all__ = [
    "History",
    "ReleasePlan",
    "commit_history",
    "discard_history",
    "load_history",
    "plan_release",
    "prepare_history",
    "privacy_leaks",
]
