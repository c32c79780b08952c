"""What each resource's site files were made from, so a publish renders only the resources whose
inputs changed and hard-links the others' files from the previous build.

A resource's files (its page in nl and en, its description in three syntaxes) are a function of
  - its own part of the graph: the resource's triples, or for a letter's resources the letter's whole
    part and its published text (a letter page highlights its positions' passages in that text),
    and the figures drawn for it;
  - the code and vocabulary that turn them into files (`code_digest`);
  - the facts about other resources the page read (names, inverse links, letter summaries, shared
    records: noted by Facts while the page was built).
The record keeps, per resource, the digest of the first two, the reads with the digest of what they
saw, and each file's sha256. When the own digest is equal and the reads see the same values now, the
page would be rendered to the same bytes: the previous build's files are linked if its manifest
gives them those sha256 (so a record of another build can only cost a render, never a wrong file).

The record lives beside the builds (the folder of --out's builds), never inside one: it is not
published. Without it (a first publish, or a deleted record) every resource is rendered.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from importlib.metadata import version
from json.encoder import encode_basestring_ascii
from pathlib import Path

from opendata.outputs.site.facts import Facts

NAME = "site-inputs.json.gz"
READS_KEPT = 1 << 18  # reads whose digest Reads remembers (a few tens of MB)
SITE = Path(__file__).resolve().parent
# Besides the site's own package: the modules and libraries whose behaviour shapes a page's bytes.
CODE_FILES = (SITE.parent / "triples.py", SITE.parent.parent / "build" / "graph.py")
LIBRARIES = ("pyoxigraph", "jinja2", "markupsafe")


@dataclass
class Entry:
    own: str  # digest of the resource's own inputs and the code
    reads: list[tuple[str, str]]  # (kind, key) read from Facts while the page was built, sorted
    seen: str  # digest of what those reads saw
    files: str  # digest of the files' paths in the build and their sha256 (files_digest)
    # a letter's: digest of what the search index takes from its page (search.py); "" for the others
    search: str = ""


def code_digest(*parts: object) -> str:
    """The site's code, its template and the libraries' versions, with `parts` (terms, prefixes...)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in SITE.rglob("*") if p.is_file() and p.suffix in (".py", ".html")):
        digest.update(path.relative_to(SITE).as_posix().encode() + b"\0" + path.read_bytes())
    for path in CODE_FILES:
        digest.update(path.read_bytes())
    for library in LIBRARIES:
        digest.update(f"{library}={version(library)}\0".encode())
    digest.update(json.dumps(parts, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def digest(*parts: str | bytes) -> str:
    found = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        found.update(len(data).to_bytes(8, "big") + data)
    return found.hexdigest()


def files_digest(names: list[str], sha256: dict[str, str]) -> str:
    """The digest of files' paths with their sha256 ("" for a path `sha256` does not have)."""
    return digest(*(f"{name}\0{sha256.get(name, '')}" for name in sorted(names)))


class Reads:
    """What reads of the facts see now (`seen`), each read's value digested once and remembered
    while it is asked for: a sender's name is read by every page of its letters, a letter's own
    names by its few pages one after another. Of the reads asked for least recently, only the
    last READS_KEPT are kept, so memory stays bounded on an archive of any size; the facts are set
    by the time pages are built and checked."""

    def __init__(self, facts: Facts):
        self.facts = facts
        self._digest = functools.lru_cache(maxsize=READS_KEPT)(self._value_digest)

    def _value_digest(self, read: tuple[str, str]) -> bytes:
        data = f"{read[0]}\0{read[1]}\0{self.facts.value(*read)}".encode("utf-8", "surrogatepass")
        return hashlib.blake2b(data, digest_size=16).digest()

    def seen(self, reads: list[tuple[str, str]]) -> str:
        """The digest of what `reads` see in the facts now."""
        return hashlib.sha256(b"".join(map(self._digest, reads))).hexdigest()


def load(folder: Path) -> dict[str, Entry]:
    """The record kept by the last site build beside `folder` ({} when there is none or it is unreadable)."""
    return load_file(folder / NAME)


def load_file(path: Path) -> dict[str, Entry]:
    try:
        with gzip.open(path, "rb") as handle:
            data = json.loads(handle.read())
        reads = [tuple(read.split("\0", 1)) for read in data["reads"]]
        if any(len(read) != 2 for read in reads):
            return {}
        return {  # each read is one tuple, shared by the entries that read it
            key: Entry(own, [reads[i] for i in indices], seen, files, search)
            for key, (own, indices, seen, files, search) in data["entries"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError):
        return {}


def save(folder: Path, entries: dict[str, Entry]) -> None:
    """Replace the record atomically (a publish killed while writing it leaves the old one). The reads
    are many and repeat (a sender's name on each of its letters): each is stored once, by number.
    Written entry by entry into the compressed file: the whole record as one text, and its encoded and
    compressed copies, are never in memory."""
    table: dict[tuple[str, str], int] = {}
    temporary = folder / f".{NAME}.{os.getpid()}"
    with gzip.open(temporary, "wt", encoding="utf-8", compresslevel=1) as handle:
        handle.write('{"entries":{')
        for number, (key, entry) in enumerate(sorted(entries.items())):
            indices = ",".join([str(table.setdefault(read, len(table))) for read in entry.reads])
            # the text json.dumps gives (the digests are hex), without its overhead per row
            handle.write(
                f"{',' if number else ''}{encode_basestring_ascii(key)}:"
                f'["{entry.own}",[{indices}],"{entry.seen}","{entry.files}","{entry.search}"]'
            )
        reads = [f"{kind}\0{key}" for kind, key in table]
        handle.write('},"reads":' + json.dumps(reads, separators=(",", ":")) + "}")
    os.replace(temporary, folder / NAME)
