"""Full-text search over the letters from static files: a Pagefind index built at publish time.

Pagefind (the `pagefind[bin]` wheel ships its binary; nothing is downloaded) indexes the letter
pages only (their `data-pagefind-body`: title, metadata, text), one index per page language, into
doc/pagefind/. The search page loads Pagefind's own UI from there: no third-party request.
"""

from __future__ import annotations

import json
import subprocess
import sys

OUTPUT = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind failed: the program's own failure, not a problem in the data."""


def write(site) -> None:
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site.doc),
        "--output-subdir",
        OUTPUT,
        "--glob",
        f"{site.letter_segment}/*.html",
        "--silent",
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SearchIndexError(
            f"pagefind failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}"
        )
    _sort_entry(site.doc / OUTPUT / "pagefind-entry.json")


def _sort_entry(path) -> None:
    """Pagefind lists the languages in hash-map order: sort them, so a build gives the same bytes."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(
        json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8"
    )
