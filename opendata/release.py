"""Atomic publication: build aside, then switch `dist` to the new build in one rename.

`dist` is a symbolic link to a complete build in `.dist.builds/`. A new build is written to a
temporary folder there, given its manifest, and only then does one atomic `rename` point `dist`
at it. A reader sees either the previous complete publication or the new one, never a mix, even
when the process is killed at any moment. A lock file keeps two publishes from racing.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import threading
from pathlib import Path

MANIFEST = "manifest.json"


class PublishLocked(Exception):
    """Another publish holds the lock on this output folder."""


def builds_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.builds"


@contextlib.contextmanager
def publish_lock(out: Path):
    out.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out.parent / f".{out.name}.lock"
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise PublishLocked(f"another publish into {out} is running ({holder}); wait for it to finish") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def new_build(out: Path) -> Path:
    """A fresh, empty folder to write a build into (beside the published ones)."""
    builds = builds_dir(out)
    builds.mkdir(parents=True, exist_ok=True)
    for stale in builds.glob("tmp-*"):  # left behind by a killed run
        shutil.rmtree(stale, ignore_errors=True)
    build = builds / f"tmp-{os.getpid()}"
    build.mkdir()
    return build


_DIGESTS: dict[tuple[str, int, int], str] = {}  # (path, size, mtime) -> sha256: the catalog and the manifest share them


def remember_sha256(path: Path, digest: str) -> None:
    """Record the digest of a file just written from bytes whose digest is already known."""
    stat = path.stat()
    _DIGESTS[(str(path), stat.st_size, stat.st_mtime_ns)] = digest


def file_sha256(path: Path) -> str:
    """sha256 of a file, computed once per version of the file in this process."""
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _DIGESTS:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        _DIGESTS[key] = digest.hexdigest()
    return _DIGESTS[key]


def write_manifest(build: Path) -> str:
    """Write manifest.json (every file with size and sha256); return the manifest's own sha256."""
    files = sorted(p for p in build.rglob("*") if p.is_file() and p.name != MANIFEST)
    entries = [{"path": p.relative_to(build).as_posix(), "bytes": p.stat().st_size, "sha256": file_sha256(p)} for p in files]
    data = json.dumps({"files": entries}, indent=1) + "\n"
    (build / MANIFEST).write_text(data, encoding="utf-8")
    return hashlib.sha256(data.encode()).hexdigest()


def verify(dist: Path) -> list[str]:
    """What is wrong with a publication compared with its manifest ([] when it is whole)."""
    manifest = dist / MANIFEST
    if not manifest.exists():
        return [f"{manifest} is missing"]
    entries = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    wrong = []
    listed = set()
    for entry in entries:
        path = dist / entry["path"]
        listed.add(entry["path"])
        if not path.is_file():
            wrong.append(f"{entry['path']} is missing")
        elif path.stat().st_size != entry["bytes"] or file_sha256(path) != entry["sha256"]:
            wrong.append(f"{entry['path']} differs from the manifest")
    extra = {p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file()} - listed - {MANIFEST}
    wrong += [f"{name} is not in the manifest" for name in sorted(extra)]
    return wrong


def release(build: Path, out: Path) -> Path:
    """Make `build` the publication at `out` in one atomic step; return the build's final folder."""
    # No fsync: the switch is atomic against a killed process (the page cache survives it).
    # Durability against power loss would need an fsync of every file and folder; not done here.
    digest = write_manifest(build)
    final = builds_dir(out) / digest[:16]
    if final.exists() and verify(final):  # half removed by a publish killed while pruning: never reuse it
        broken = builds_dir(out) / f"tmp-broken-{os.getpid()}"
        os.rename(final, broken)
        shutil.rmtree(broken, ignore_errors=True)
    if final.exists():
        shutil.rmtree(build)  # the same publication is already built, and whole
    else:
        os.rename(build, final)
    if out.exists() and not out.is_symlink():
        # a plain folder from elsewhere: keep it aside once, then switch to the link
        os.rename(out, builds_dir(out) / "previous-folder")
    link = out.parent / f".{out.name}.link-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    os.symlink(os.path.relpath(final, out.parent), link)
    os.replace(link, out)
    return final


def start_pruning(out: Path) -> threading.Thread:
    """Remove, in a background thread, every build but the published one (and builds under way):
    after the next switch the previous publication is the one kept beside the new one."""
    builds = builds_dir(out)
    current = out.resolve() if out.is_symlink() else None
    old = [p for p in builds.iterdir() if p.is_dir() and not p.name.startswith("tmp-") and p.resolve() != current] \
        if builds.is_dir() else []
    thread = threading.Thread(target=lambda: [shutil.rmtree(p, ignore_errors=True) for p in old], daemon=True)
    thread.start()
    return thread
