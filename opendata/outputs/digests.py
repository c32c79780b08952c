"""sha256 of published files, computed once per version of a file in this process.

The writers that know a file's digest already (a source text copied byte for byte) remember it;
the catalog, the manifest and the site's reuse of the previous build read it from here. It lives in
the outputs layer so writers need not import the release machinery (opendata/publish/switch.py),
which builds on top of them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.json"

# path -> its last version's size, modification time, inode and sha256, packed (a site's files
# number millions at scale): the catalog and the manifest share them. The inode tells a file put in
# place of another (os.replace) from the one before it even when the clock has not moved on.
_DIGESTS: dict[str, bytes] = {}
_VERSION = struct.Struct("<qqQ32s")  # size, mtime in ns, inode, sha256


def _version(stat: os.stat_result, digest: str) -> bytes:
    return _VERSION.pack(stat.st_size, stat.st_mtime_ns, stat.st_ino, bytes.fromhex(digest))


def _known(path: str, stat: os.stat_result) -> str | None:
    """The digest remembered of this version of the file (the same size, time and inode), if any."""
    version = _DIGESTS.get(path)
    if version is None:
        return None
    size, mtime, inode, digest = _VERSION.unpack(version)
    same = (size, mtime, inode) == (stat.st_size, stat.st_mtime_ns, stat.st_ino)
    return digest.hex() if same else None


@dataclass
class Hashed:
    """Files and bytes read to hash them in this process: what an incremental build should keep
    proportional to the change (`make bench` and tests/test_incremental_writes.py read it)."""

    files: int = 0
    bytes: int = 0
    compared: int = 0  # bytes compared with the previous build's file instead (publish/switch.py)


HASHED = Hashed()


def remember_sha256(path: Path, digest: str) -> None:
    """Record the digest of a file just written from bytes whose digest is already known."""
    _DIGESTS[str(path)] = _version(path.stat(), digest)


def remember_versions(versions: dict[str, bytes]) -> None:
    """Take the digests of files another process wrote (put_file's `versions`): each with the
    file's size, modification time and inode, so a file changed since is hashed again."""
    _DIGESTS.update(versions)


def link_unchanged(
    target: Path, previous: Path | None, name: str, digest: str, known: dict[str, str]
) -> bool:
    """Hard-link `name` from the previous build when its manifest gives it the digest of the bytes
    `target` would get: nothing is written, and the manifest takes the digest by inode unread."""
    if previous is None or known.get(name) != digest:
        return False
    try:
        os.link(previous / name, target)
    except OSError:
        return False
    return True


def keep_held(out: str, name: str, sha: str | None, held: dict[str, str]) -> bool:
    """Whether the file `name` that the build folder `out` holds from the build it recycles (`held`:
    {path in the build: sha256}) already has the digest `sha`: then it stays. Else a held file of
    that path is removed (it is replaced, never written into: the published build may share it),
    and the path is free for the writer. Either way the path is no longer held."""
    before = held.pop(name, None)
    if before is not None and before == sha:
        return True
    if before is not None:
        os.unlink(f"{out}/{name}")
    return False


def put_file(
    out: str,
    name: str,
    data: bytes,
    previous: str | None,
    known: dict[str, str],
    versions: dict[str, bytes] | None = None,
) -> str:
    """Write `data` as `name` (a path in the build folder `out`), or hard-link the previous build's file
    of that path when its manifest (`known`) gives the same sha256: a link writes no data, costs a
    fraction of creating a file, and the manifest takes its digest by inode. A path put again is
    replaced, never written into (it may be a link: writing would change the previous build).
    A file written is remembered with its digest (in `versions`, for a worker to hand to the main
    process, else in this process): the manifest does not read it back. Returns the sha256 of `data`."""
    path = f"{out}/{name}"
    sha = hashlib.sha256(data).hexdigest()
    if previous is not None and known.get(name) == sha:
        try:
            os.link(f"{previous}/{name}", path)
            return sha
        except OSError:  # gone, on another file system, or put before: write it
            pass
    try:
        stat = _write_new(path, data)
    except FileExistsError:
        temporary = f"{path}.{os.getpid()}.new"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        stat = _write_new(temporary, data)
        os.replace(temporary, path)
    (_DIGESTS if versions is None else versions)[path] = _version(stat, sha)
    return sha


def _write_new(path: str, data: bytes) -> os.stat_result:
    """Create the file `path` (it must not exist) holding `data`; its status once written, taken
    from the open file (the manifest then finds its digest by path, size, time and inode: no read)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        return os.fstat(descriptor)
    finally:
        os.close(descriptor)


def link_if_same(path: str, before: str, size: int) -> bool:
    """Replace the file `path` of `size` bytes by a hard link to `before` when the two hold the same
    bytes (sizes first, then a block compare): the two builds then share the file, and the next build
    finds it by inode. False, and nothing changed, otherwise."""
    if os.stat(before).st_size != size or not same_bytes(Path(path), Path(before), size):
        return False
    folder, name = os.path.split(path)
    link = os.path.join(folder, f".{name}.link")
    os.link(before, link)
    os.replace(link, path)
    return True


def same_bytes(path: Path, other: Path, size: int) -> bool:
    """Whether two files of `size` bytes hold the same bytes (read in large blocks; stops at the
    first difference); the bytes read count as compared, not hashed."""
    HASHED.compared += size
    with open(path, "rb") as one, open(other, "rb") as two:
        while True:
            block = one.read(1 << 20)
            if block != two.read(1 << 20):
                return False
            if not block:
                return True


def file_sha256(path: Path, stat: os.stat_result | None = None) -> str:
    """sha256 of a file, computed once per version of the file in this process (`stat`: its
    status, when the caller has just taken it)."""
    stat = stat or path.stat()
    known = _known(str(path), stat)
    if known is not None:
        return known
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    HASHED.files += 1
    HASHED.bytes += stat.st_size
    _DIGESTS[str(path)] = _version(stat, digest.hexdigest())
    return digest.hexdigest()


# the last manifest read in this process, by (path, size, mtime): (path -> (bytes, sha256), path -> sha256)
_MANIFEST: dict[tuple[str, int, int], tuple[dict[str, tuple[int, str]], dict[str, str]]] = {}


def _manifest(build: Path | None) -> tuple[dict[str, tuple[int, str]], dict[str, str]]:
    """A build's manifest, read once per version of it in this process (the texts, the site and the
    manifest of the next build all read the previous one's); ({}, {}) without one."""
    if build is None:
        return {}, {}
    path = build / MANIFEST
    try:
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in _MANIFEST:
            entries = json.loads(path.read_text(encoding="utf-8"))["files"]
            found = {entry["path"]: (entry["bytes"], entry["sha256"]) for entry in entries}
            _MANIFEST.clear()
            _MANIFEST[key] = (found, {name: sha for name, (_, sha) in found.items()})
        return _MANIFEST[key]
    except (OSError, ValueError, KeyError, TypeError):
        return {}, {}


def manifest_entries(build: Path | None) -> dict[str, tuple[int, str]]:
    """path -> (bytes, sha256) from a build's manifest ({} without one). Not to be changed: shared."""
    return _manifest(build)[0]


def manifest_digests(build: Path | None) -> dict[str, str]:
    """path -> sha256 from a build's manifest ({} without one). Not to be changed: shared."""
    return _manifest(build)[1]
