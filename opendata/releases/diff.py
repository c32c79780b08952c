"""`opendata diff OLD_DIST NEW_DIST`: what changed between two publications.

Compares the state each publication records in `changes/resources.csv` (IRI, type, digest, title);
for a publication made before releases existed, the resources are cut from its `graph.nt(.gz)`
with the same rules. Exit 0 whether or not they differ (like `git diff` without --exit-code);
2 when an argument is not a publication.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

from opendata.releases.resources import ResourceVersion, describe

EXIT_OK, EXIT_USAGE = 0, 2
NO_BASE_IRI = "\0"  # an older publication does not record its base IRI: every typed subject is a resource


def read_state(dist: Path) -> dict[str, ResourceVersion] | None:
    """The resources of a publication by IRI, or None when `dist` is not a publication."""
    listed = dist / "changes" / "resources.csv"
    if listed.is_file():
        with open(listed, encoding="utf-8", newline="") as handle:
            return {
                row["resource"]: ResourceVersion(row["resource"], row["type"], row["digest"], row["title"])
                for row in csv.DictReader(handle)
            }
    for name, opener in (("graph.nt", open), ("graph.nt.gz", gzip.open)):
        if (dist / name).is_file():
            with opener(dist / name, "rt", encoding="utf-8") as handle:
                return describe(handle, NO_BASE_IRI, "")
    return None


def differences(
    old: dict[str, ResourceVersion], new: dict[str, ResourceVersion]
) -> list[tuple[str, ResourceVersion]]:
    found = []
    for iri in sorted(set(old) | set(new)):
        if iri not in old:
            found.append(("added", new[iri]))
        elif iri not in new:
            found.append(("removed", old[iri]))
        elif old[iri].digest != new[iri].digest:
            found.append(("changed", new[iri]))
    return found


def diff_command(old_dist: Path, new_dist: Path, out=sys.stdout, err=sys.stderr) -> int:
    states = []
    for dist in (old_dist, new_dist):
        state = read_state(dist)
        if state is None:
            print(
                f"opendata diff: {dist} is not a publication (no changes/resources.csv, no graph.nt)",
                file=err,
            )
            return EXIT_USAGE
        states.append(state)
    found = differences(*states)
    text = io.StringIO()
    for kind, version in found:
        text.write(f"{kind:8} {version.iri}" + (f"  {version.title}" if version.title else "") + "\n")
    counts = {kind: sum(1 for k, _ in found if k == kind) for kind in ("added", "changed", "removed")}
    text.write(", ".join(f"{n} {kind}" for kind, n in counts.items()) + "\n")
    out.write(text.getvalue())
    return EXIT_OK
