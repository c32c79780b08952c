"""Full-text search over the letters from static files: a Pagefind index built at publish time.

Pagefind (the `pagefind[bin]` wheel ships its binary; nothing is downloaded) indexes the Dutch letter
pages only (their `data-pagefind-body`: title, metadata, text) into doc/pagefind/: the letters are
Dutch, and their English pages show the same text under English labels, so one index with Dutch
stemming serves both search pages (Pagefind falls back to it on the English page, whose results
then link to the English pages: `ENGLISH_RESULTS`). The search page loads Pagefind's own UI from
there: no third-party request.

An index over many letters is built in parts ("bundles", Pagefind's multisite search): a letter
belongs to the part its key's hash names, and the number of parts doubles as the letters outgrow
LETTERS_PER_BUNDLE (one part, doc/pagefind/, up to that; then doc/pagefind/deel-K/). The search
page merges the parts in the browser. A part whose letter pages give the index what they gave it in
the previous build (the digest of their title and the sections the index does not ignore, from the
site's inputs record: writer.searched) is hard-linked from it; only the parts with a changed, added
or removed letter are indexed again. The lists of other letters on a letter page (those it cites,
those citing it, attachments) are ignored by the index: a letter is found by its own words, and a
changed title indexes only its own letter's part, not the parts of every letter citing it. What each part was made from is recorded
beside the builds (RECORD), as the pages' inputs are (inputs.py).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path
from urllib.parse import quote

import pagefind_bin  # type: ignore[import-untyped]

from opendata.build.letter_unit import worker_count
from opendata.outputs.digests import file_sha256, link_if_same
from opendata.outputs.site import inputs
from opendata.outputs.site.layout import file_name

OUTPUT = "pagefind"
PART = "deel-{}"
LETTERS_PER_BUNDLE = 2000  # letters (two pages each) per part of the index
RECORD = "search-inputs.json.gz"  # beside the builds, as inputs.NAME
SCRIPT = "zoeken.js"  # the search page's script (in doc/pagefind/, beside the first part or in it)
# The index holds the Dutch pages; on the English search page a result (and its sub-results, with
# their anchors) links to the letter's English page.
ENGLISH_RESULTS = """\
function englishResults(result) {
  var english = function (url) { return url.replace(/\\.html(?=$|[#?])/, ".en.html"); };
  if (document.documentElement.lang !== "en") return result;
  result.url = english(result.url);
  (result.sub_results || []).forEach(function (sub) { sub.url = english(sub.url); });
  return result;
}
"""
MERGING = (
    """\
// The search over the letters' index: Pagefind's own interface, merging the index's parts when it
// has more than one (built in parts, so that a change indexes only its part again). No request
// leaves this site.
"""
    + ENGLISH_RESULTS
    + """\
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("search");
  var parts = JSON.parse(box.getAttribute("data-parts"));
  new PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
    processResult: englishResults,
    mergeIndex: parts.map(function (part) {
      return { bundlePath: new URL(part, document.baseURI).href };
    }),
  });
});
"""
)


class SearchIndexError(RuntimeError):
    """Pagefind failed: the program's own failure, not a problem in the data."""


def part_count(letters: int) -> int:
    """How many parts an index of this many letters has: a power of two."""
    count = 1
    while letters > LETTERS_PER_BUNDLE * count:
        count *= 2
    return count


def bundles(keys: list[str]) -> dict[str, list[str]]:
    """{a part's folder below doc/: the keys of its letters}, sorted, only parts with letters."""
    count = part_count(len(keys))
    if count == 1:
        return {OUTPUT: sorted(keys)} if keys else {}
    found: dict[int, list[str]] = {}
    for key in keys:
        number = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) * count >> 32
        found.setdefault(number, []).append(key)
    return {f"{OUTPUT}/{PART.format(n)}": sorted(found[n]) for n in sorted(found)}


def letter_keys(site) -> list[str]:
    return sorted(summary.key for summary in site.facts.letters.values())


def write(site, entries: dict[str, inputs.Entry], known: dict[str, str]) -> None:
    """Index every part whose letter pages changed; link the others from the previous build.
    `entries`: the site's inputs by resource key; `known`: the previous build's manifest digests."""
    parts = bundles(letter_keys(site))
    record = _load(site.out.parent)
    previous = _by_part(known)
    made: dict[str, list[str]] = {}
    to_index = []
    for folder, keys in parts.items():
        own = _inputs(site, folder, keys, entries)
        if _link(site, folder, own, record.get(folder), previous.get(folder, []), known):
            made[folder] = record[folder]
        else:
            to_index.append((folder, keys, own))
    with ThreadPoolExecutor(max(1, min(worker_count(), len(to_index)))) as pool:
        for folder, own in pool.map(lambda task: _index(site, *task), to_index):
            made[folder] = [own, _settle(site, folder, known)]
    if parts:
        (site.doc / OUTPUT / SCRIPT).write_text(MERGING, encoding="utf-8")
    _save(site.out.parent, made)


def _inputs(site, folder: str, keys: list[str], entries: dict[str, inputs.Entry]) -> str:
    """The digest of what a part is made from: what the index takes from its letters' pages (their
    files' digest where the record has no digest of that), Pagefind's version, the command."""
    pages = [f"{key}\0{_indexed(entries[_letter(site, key)])}" for key in keys]
    arguments = " ".join(_command(site, Path(), Path())[1:])  # not the executable: where it is installed
    return inputs.digest(version("pagefind"), arguments, folder, *pages)


def _indexed(entry: inputs.Entry) -> str:
    return entry.search or entry.files


def _letter(site, key: str) -> str:
    return f"{site.letter_segment}/{quote(key, safe='')}"


def _command(site, pages: Path, output: Path) -> list[str]:
    """Pagefind's own executable from its wheel, run directly (`python -m pagefind` starts an interpreter
    only to exec it: 0.14 s a part)."""
    return [
        str(pagefind_bin.get_executable()),
        "--site",
        str(pages),
        "--output-path",
        str(output),
        "--glob",
        f"{site.letter_segment}/*.html",
        "--keep-index-url",  # a letter whose key is `index`: its page, not the folder (brief/)
        "--silent",
    ]


def _index(site, folder: str, keys: list[str], own: str) -> tuple[str, str]:
    """Index one part: its letters' Dutch pages, linked into a staging folder inside the build (removed
    after; a publish killed meanwhile leaves it in an unfinished build, which is never published)."""
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site.out) as staging:
        pages = Path(staging) / site.letter_segment
        pages.mkdir()
        for key in keys:
            name = file_name(_letter(site, key)).rsplit("/", 1)[-1]
            os.link(site.doc / site.letter_segment / (name + ".html"), pages / (name + ".html"))
        done = subprocess.run(
            _command(site, Path(staging), site.doc / folder), capture_output=True, text=True
        )
    if done.returncode != 0:
        raise SearchIndexError(
            f"pagefind failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}"
        )
    _sort_entry(site.doc / folder / "pagefind-entry.json")
    return folder, own


def _part_of(name: str) -> str | None:
    """The part whose files hold a file of a build (`doc/pagefind/deel-3/x` -> `pagefind/deel-3`)."""
    prefix = f"doc/{OUTPUT}/"
    if not name.startswith(prefix):
        return None
    first = name[len(prefix) :].split("/", 1)
    if first[0].startswith(PART.format("")):
        return f"{OUTPUT}/{first[0]}" if len(first) > 1 else None
    return OUTPUT if first[0] != SCRIPT else None


def _by_part(names) -> dict[str, list[str]]:
    """{part folder: its files' paths in the build}, in one pass over a build's files."""
    found: dict[str, list[str]] = {}
    for name in names:
        part = _part_of(name)
        if part is not None:
            found.setdefault(part, []).append(name)
    return {part: sorted(files) for part, files in found.items()}


def _settle(site, folder: str, known: dict[str, str]) -> str:
    """A part just indexed: each file whose bytes equal the previous build's file of that path is
    replaced by a link to it (so the manifest takes its digest by inode, unread), the others are
    hashed; returns the digest of the part's files with their sha256 (as the manifest gives them)."""
    out, previous = site.out, site.publication.previous_build
    names = [path.relative_to(out).as_posix() for path in (out / "doc" / folder).rglob("*") if path.is_file()]
    names = _by_part(names).get(folder, [])
    sha256 = {}
    for name in names:
        path = out / name
        if previous is not None and name in known and _linked(path, previous / name):
            sha256[name] = known[name]
        else:
            sha256[name] = file_sha256(path)
    return inputs.files_digest(names, sha256)


def _linked(path: Path, before: Path) -> bool:
    """Replace `path` by a link to `before` when the two hold the same bytes (digests.link_if_same);
    False when they differ or `before` is gone."""
    try:
        size = path.stat().st_size
        before.stat()
    except OSError:
        return False
    return link_if_same(os.fspath(path), os.fspath(before), size)


def _link(
    site, folder: str, own: str, recorded: list[str] | None, names: list[str], known: dict[str, str]
) -> bool:
    """Hard-link a part (`names`: its files in the previous build) from the previous build when it
    was made from the same inputs and the record is of that build's files (by their sha256 in its
    manifest); False if not."""
    previous = site.publication.previous_build
    if previous is None or recorded is None or recorded[0] != own:
        return False
    if not names or inputs.files_digest(names, known) != recorded[1]:
        return False
    out, before, folders = os.fspath(site.out), os.fspath(previous), set()
    try:
        for name in names:
            folder_name = name.rpartition("/")[0]
            if folder_name not in folders:  # one mkdir per folder
                os.makedirs(f"{out}/{folder_name}", exist_ok=True)
                folders.add(folder_name)
            os.link(f"{before}/{name}", f"{out}/{name}")
    except OSError:  # gone or on another file system: index it
        shutil.rmtree(site.doc / folder, ignore_errors=True)
        return False
    return True


def _load(folder: Path) -> dict[str, list[str]]:
    try:
        with gzip.open(folder / RECORD, "rb") as handle:
            data = json.loads(handle.read())
        return {str(k): [str(v[0]), str(v[1])] for k, v in data.items()}
    except (OSError, ValueError, TypeError, AttributeError, IndexError, EOFError):
        return {}


def _save(folder: Path, made: dict[str, list[str]]) -> None:
    temporary = folder / f".{RECORD}.{os.getpid()}"
    temporary.write_bytes(gzip.compress(json.dumps(made, sort_keys=True).encode("utf-8"), 1, mtime=0))
    os.replace(temporary, folder / RECORD)


def _sort_entry(path) -> None:
    """Pagefind lists the languages in hash-map order: sort them, so a build gives the same bytes."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(
        json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8"
    )
