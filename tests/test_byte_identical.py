"""The seed publishes to exactly the bytes recorded in tests/golden/seed-publication.sha256.

The digests were taken from a publication built by the code before the house was restructured (commit
c2de94c), so this test is the standing proof that the restructuring changed no published byte, and it
keeps guarding that every later refactoring does the same. A change that is meant to alter the
publication updates the file, and the diff of the golden file shows every published file it touched:

    .venv/bin/opendata publish --out /tmp/seed-dist
    (cd /tmp/seed-dist && find . -type f -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum) \\
        > tests/golden/seed-publication.sha256
"""

from __future__ import annotations

import hashlib
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden" / "seed-publication.sha256"


def digests_of(folder: Path) -> dict[str, str]:
    """Every regular file under the publication (links followed), by its path relative to it."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def golden_digests() -> dict[str, str]:
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


def test_the_seed_publication_is_byte_identical_to_the_recorded_one(published):
    expected, actual = golden_digests(), digests_of(published.resolve())
    missing = sorted(expected.keys() - actual.keys())
    extra = sorted(actual.keys() - expected.keys())
    changed = sorted(name for name in expected.keys() & actual.keys() if expected[name] != actual[name])
    assert not (missing or extra or changed), (
        f"{len(missing)} files missing, e.g. {missing[:5]}; {len(extra)} new, e.g. {extra[:5]}; "
        f"{len(changed)} changed, e.g. {changed[:10]}"
    )


def test_the_golden_file_covers_every_kind_of_output():
    """A golden list that lost most of its lines would prove little: it names each published output."""
    names = golden_digests().keys()
    for expected in ("graph.nt", "graph.ttl", "graph.jsonld", "catalog.ttl", "void.ttl", "manifest.json"):
        assert any(name.endswith(expected) for name in names), expected
    assert len(names) > 550  # the site's pages and descriptions included
    assert sum(name.startswith("doc/uitspraak/") for name in names) == 100
