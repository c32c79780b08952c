"""Atomic publication: build aside, then switch `dist` to the new build in one rename.

`dist` is a symbolic link to a complete build in `.dist.builds/`. A new build is written to a
temporary folder there, given its manifest, and only then does one atomic `rename` point `dist`
at it. A reader sees either the previous complete publication or the new one, never a mix, even
when the process is killed at any moment. A lock file keeps two publishes from racing.

`opendata` deletes only what it made: every build folder carries a marker file, and only marked
folders are ever removed. An `--out` that exists and is not such a publication, or that is, holds
or lies inside the datasets folder, is refused before anything is written (`check_out`).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import hashlib
import json
import os
import select
import shutil
import signal
import threading
import time
from json.encoder import encode_basestring_ascii  # json.dumps of a string, without its overhead
from pathlib import Path

from opendata.outputs.digests import MANIFEST, file_sha256, link_if_same, manifest_entries
from opendata.outputs.site.layout import DOC_FOLDER
from opendata.outputs.texts import FOLDER as TEXTS_FOLDER

MARKER = ".opendata-publication"  # in every build folder opendata makes: only marked folders are ever removed
MARKER_TEXT = "made by opendata publish; this folder and its siblings in this builds folder may be replaced\n"


class PublishLocked(Exception):
    """Another publish holds the lock on this output folder."""


class UnsafeOut(Exception):
    """The --out folder is not one opendata may write: replacing it could destroy what it did not make."""


def is_build(folder: Path) -> bool:
    """A folder opendata made (its marker is there), as opposed to anything else that lies around."""
    return folder.is_dir() and not folder.is_symlink() and (folder / MARKER).is_file()


def is_publication(folder: Path) -> bool:
    """A whole publication made by opendata: its marker and its manifest."""
    return is_build(folder) and (folder / MANIFEST).is_file()


def _inside(path: str, folder: str) -> bool:
    return path == folder or os.path.commonpath([path, folder]) == folder


def check_out(out: Path, datasets: Path) -> Path:
    """The absolute --out to publish into, or UnsafeOut saying why opendata must not touch it."""
    if not out.name or out.name in (".", ".."):
        raise UnsafeOut(
            f"--out {out} names a folder by '.' or '..'; give the publication folder its own name, "
            "such as --out dist"
        )
    out = Path(os.path.abspath(out))
    real_out, real_datasets = os.path.realpath(out), os.path.realpath(datasets)
    if _inside(real_out, real_datasets) or _inside(real_datasets, real_out):
        raise UnsafeOut(
            f"--out {out} is, holds or lies inside the datasets folder {datasets}: publishing there "
            "would replace the sources; choose a folder beside it, such as --out dist"
        )
    builds = os.path.realpath(builds_dir(out))
    if _inside(builds, real_datasets):
        raise UnsafeOut(f"--out {out} would keep its builds inside the datasets folder {datasets}")
    if out.is_symlink():
        target = Path(real_out)  # a build of an older opendata has its manifest but no marker yet
        if not (os.path.dirname(real_out) == builds and target.is_dir() and (target / MANIFEST).is_file()):
            raise UnsafeOut(
                f"--out {out} is a link to {real_out}, which is not a publication opendata made in "
                f"{builds_dir(out)}; remove the link or choose another --out"
            )
    elif out.exists() and not is_publication(out) and not (out.is_dir() and not any(out.iterdir())):
        what = "a folder" if out.is_dir() else "a file"
        raise UnsafeOut(
            f"--out {out} is {what} that opendata did not make (it has no {MARKER} and {MANIFEST}); "
            "opendata replaces only its own publications: choose a new or empty name, such as --out dist"
        )
    return out


def builds_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.builds"


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


@contextlib.contextmanager
def publish_lock(out: Path):
    """Hold the publish lock of `out` for the duration of the block.

    The lock is `flock` on a file descriptor opened O_CLOEXEC: the kernel releases it when the holder
    dies, however it dies, so a lock whose owner is gone is simply taken by the next publish. Worker
    processes are started by a fork server (never forked from the holder) and so never hold it.
    The holder's pid in the file is only for the message."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(out), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise PublishLocked(
                f"another publish into {out} is running ({holder}); wait for it to finish"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def die_with(publisher: int) -> None:
    """Worker process initializer: end this worker as soon as the publish process `publisher` ends,
    however it ends (kill -9 included), so no worker runs on without it.

    Workers come from a fork server, so their parent is not the publish process and the fork server
    waits for them: a worker must watch the publish process itself. It does so with a pidfd (readable
    when that process exits; Linux 5.3+), else by polling its pid. PR_SET_PDEATHSIG also ends it if
    the fork server dies."""
    _kill_with_parent()
    try:
        handle = os.pidfd_open(publisher)
    except (AttributeError, OSError):
        handle = None
    threading.Thread(
        target=_exit_when_gone, args=(publisher, handle), daemon=True, name="watch-publish"
    ).start()


def _exit_when_gone(publisher: int, handle: int | None) -> None:
    if handle is not None:
        select.select([handle], [], [])
    else:
        while _running(publisher):
            time.sleep(0.5)
    os._exit(1)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _kill_with_parent() -> None:
    """Linux PR_SET_PDEATHSIG: the kernel sends SIGKILL to this process when its parent dies."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux
        pass


PR_SET_PDEATHSIG = 1


def remove_build(folder: Path) -> None:
    """Remove a build opendata made, its manifest first and its marker last: a removal cut short (a
    killed publish) leaves a folder that is still marked, or empty, so the next publish can finish
    the job, and that is never taken for a whole build to recycle (it has no manifest)."""
    if not is_build(folder):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only ever an empty folder
        return
    (folder / MANIFEST).unlink(missing_ok=True)
    for child in folder.iterdir():
        if child.name == MARKER:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    (folder / MARKER).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.rmdir()


# the folders of a spare build kept in a new build (see `new_build`): the website's and the texts'
RECYCLED = (DOC_FOLDER, TEXTS_FOLDER)


def new_build(out: Path, recycle: bool = True) -> tuple[Path, dict[str, str]]:
    """A folder, marked as opendata's, to write a build into (beside the published ones), and the
    files it holds already: {path in the build: sha256}. Without `recycle` it starts empty.

    When a whole build older than the published one is kept (the spare, see `start_pruning`), the
    new build starts as that build's website and texts folders (`RECYCLED`): most of their files are
    those the new build needs, and a writer that finds its file there with the right digest keeps it
    (digests.keep_held) instead of writing or linking one of the millions the site has. Its other folders and its manifest go
    first: whatever is left is the writers' to keep, replace (never to write into: a file may be
    linked from the published build) or remove. Without a spare the folder starts empty."""
    builds = builds_dir(out)
    builds.mkdir(parents=True, exist_ok=True)
    for stale in builds.glob("tmp-*"):  # left behind by a killed run (unmarked: removed only if empty)
        if stale.is_dir() and not stale.is_symlink():
            remove_build(stale)
    build = builds / f"tmp-{os.getpid()}"
    if build.exists():  # not ours (no marker): never removed, never written into
        raise UnsafeOut(f"{build} exists and was not made by opendata; remove it by hand")
    spare = _spare(out) if recycle else None
    if spare is None:
        build.mkdir()
        (build / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        return build, {}
    entries = manifest_entries(spare)
    os.rename(spare, build)
    (build / MANIFEST).unlink()  # from here on it is not whole: a killed run leaves it to be removed
    for child in build.iterdir():
        if child.name == MARKER or child.name in RECYCLED:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    held: dict[str, str] = {}
    for folder in RECYCLED:
        if not (build / folder).is_dir():
            continue
        for name, _, _ in _walk(str(build / folder), folder + "/"):  # a file its manifest lists is kept
            entry = entries.get(name)
            if entry is None:
                os.unlink(build / name)  # not the build's own (a leftover of a link or an edit)
            else:
                held[name] = entry[1]
    return build, held


def remove_held(build: Path, held: dict[str, str]) -> None:
    """Remove the files a recycled build still holds once every writer has run: no writer took them
    (each writer takes the paths it writes or keeps from `held`), so they are not this build's."""
    for name in sorted(held):
        os.unlink(build / name)
    held.clear()


def _spare(out: Path) -> Path | None:
    """The newest whole build beside the published one, on its file system, made by this version
    of the builds' layout (marked, with its manifest): the one a new build recycles."""
    builds, current = builds_dir(out), published(out)
    if current is None:
        return None
    candidates = [
        path
        for path in builds.iterdir()
        if not path.name.startswith(("tmp-", "previous-"))
        and path.resolve() != current
        and is_publication(path)
        and os.stat(path).st_dev == os.stat(current).st_dev
    ]
    newest = max(candidates, key=lambda path: (path / MANIFEST).stat().st_mtime_ns, default=None)
    return newest.resolve() if newest is not None else None


def published(out: Path) -> Path | None:
    """The whole build `out` links to now (None at a first publish): the next build hard-links its unchanged files."""
    if not out.is_symlink():
        return None
    target = out.resolve()
    return target if is_build(target) and (target / MANIFEST).is_file() else None


def _reused_sha256(
    path: str, stat: os.stat_result, name: str, previous: Path | None, known: dict[str, tuple[int, str]]
) -> str | None:
    """The previous manifest's digest of a file that is the previous build's: hard-linked from it
    (same inode), or written again with the same bytes, which is then replaced by a link to the
    previous file (the next build finds it by inode, and the two builds share the disk space).
    Reading it again would only give the same digest. Anything else is hashed."""
    if previous is None or name not in known:
        return None
    before = os.path.join(previous, name)
    try:
        old = os.stat(before)
        if os.path.samestat(stat, old):
            return known[name][1]
        return known[name][1] if link_if_same(path, before, stat.st_size) else None
    except OSError:
        return None


def _walk(folder: str, prefix: str = "") -> list[tuple[str, str, int]]:
    """Every file below `folder`: (`prefix` + its path below the folder, its path, its inode), in no
    order. Read from the folders alone (scandir): no file is opened or stat'ed."""
    found = []
    folders = [(prefix, folder)]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((prefix + entry.name + "/", entry.path))
                elif entry.is_file():
                    found.append((prefix + entry.name, entry.path, entry.inode()))
    return found


def _files(build: Path) -> list[tuple[str, str, int]]:
    """Every file below `build` but the manifest: (its path in the build, its path, its inode), in
    the order of their paths' parts (a folder's files before a sibling whose name extends it: the
    order of the paths with "/" read as the lowest character). A build has a few files per resource,
    and this is much of what a one-letter change costs once the site keeps its unchanged files."""
    found = [file for file in _walk(str(build)) if file[0] != MANIFEST]
    found.sort(key=lambda file: file[0].replace("/", "\0"))
    return found


def _inodes(build: Path, previous: Path | None) -> dict[str, int]:
    """The inode of each file of the previous build, when it is on the file system of `build` (a
    file of the new build with the same inode is that file, hard-linked: nothing to read or stat)."""
    if previous is None or os.stat(build).st_dev != os.stat(previous).st_dev:
        return {}
    return {name: inode for name, _, inode in _walk(str(previous))}


_MANIFEST_ENTRY = '\n  {{\n   "path": {},\n   "bytes": {},\n   "sha256": {}\n  }}'


def write_manifest(build: Path, previous: Path | None = None) -> str:
    """Write manifest.json (every file with size and sha256); return the manifest's own sha256.
    A file hard-linked from the previous build (the same inode) takes its size and digest from the
    previous manifest; of the others, only those that differ from the previous build's are hashed
    (_reused_sha256)."""
    known = manifest_entries(previous)
    inodes = _inodes(build, previous) if known else {}
    entries = []
    for name, path, inode in _files(build):
        before = known.get(name)
        if before is not None and inodes.get(name) == inode:
            size, digest = before
        else:
            stat = os.stat(path)
            size = stat.st_size
            digest = _reused_sha256(path, stat, name, previous, known) or file_sha256(Path(path), stat)
        entries.append(_MANIFEST_ENTRY.format(encode_basestring_ascii(name), size, f'"{digest}"'))
    # The text json.dumps({"files": [...]}, indent=1) gives, written line by line: with an indent,
    # json uses its pure-Python encoder, a second per 80,000 files.
    data = '{\n "files": [' + ",".join(entries) + ("\n ]\n}\n" if entries else "]\n}\n")
    (build / MANIFEST).write_text(data, encoding="utf-8")
    return hashlib.sha256(data.encode()).hexdigest()


def verify(dist: Path, twin: Path | None = None) -> list[str]:
    """What is wrong with a publication compared with its manifest ([] when it is whole).
    `twin`: a whole build with the same manifest; a file that is the twin's own (the same inode,
    hard-linked between the two) is whole without being read again."""
    manifest = dist / MANIFEST
    if not manifest.exists():
        return [f"{manifest} is missing"]
    entries = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    present = {name: (path, os.stat(path)) for name, path, _ in _files(dist)}
    wrong = []
    for entry in entries:
        name = entry["path"]
        found = present.pop(name, None)
        if found is None:
            wrong.append(f"{name} is missing")
        elif found[1].st_size != entry["bytes"] or (
            not _shared_with(twin, name, found[1]) and file_sha256(Path(found[0])) != entry["sha256"]
        ):
            wrong.append(f"{name} differs from the manifest")
    wrong += [f"{name} is not in the manifest" for name in sorted(present)]
    return wrong


def _shared_with(twin: Path | None, name: str, stat: os.stat_result) -> bool:
    if twin is None:
        return False
    try:
        return os.path.samestat(stat, os.stat(os.path.join(twin, name)))
    except OSError:
        return False


def release(build: Path, out: Path) -> Path:
    """Make `build` the publication at `out` in one atomic step; return the build's final folder."""
    # No fsync: the switch is atomic against a killed process (the page cache survives it).
    # Durability against power loss would need an fsync of every file and folder; not done here.
    digest = write_manifest(build, published(out))
    final = builds_dir(out) / digest[:16]
    if final.is_dir() and not final.is_symlink() and not is_build(final):
        remove_build(final)  # only an empty folder goes: the leftover of a removal cut short
    if final.exists() and not is_build(final):
        raise UnsafeOut(f"{final} exists and was not made by opendata; remove it by hand")
    # half removed by a publish killed while pruning: never reuse it
    if final.exists() and verify(final, twin=build):
        broken = builds_dir(out) / f"tmp-broken-{os.getpid()}"
        os.rename(final, broken)
        remove_build(broken)
    if final.exists():
        shutil.rmtree(build)  # the same publication is already built, and whole
    else:
        os.rename(build, final)
    if out.exists() and not out.is_symlink() and is_publication(out):
        # a publication opendata made as a plain folder (copied): keep it aside as an old build, then link
        os.rename(out, builds_dir(out) / f"previous-{os.getpid()}")
    elif out.is_dir() and not out.is_symlink():
        out.rmdir()  # an empty folder (check_out allowed only that); fails, harmlessly, if something appeared in it
    link = out.parent / f".{out.name}.link-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    os.symlink(os.path.relpath(final, out.parent), link)
    os.replace(link, out)
    return final


def start_pruning(out: Path, keep_spare: bool = True) -> threading.Thread:
    """Remove, in a background thread, every build but the published one, the spare the next build
    recycles (`keep_spare`, see `new_build`) and builds under way: after the next switch the previous
    publication is the one kept beside the new one."""
    builds = builds_dir(out)
    current = out.resolve() if out.is_symlink() else None
    spare = _spare(out) if keep_spare and builds.is_dir() else None
    old = (
        [
            p
            for p in builds.iterdir()
            if is_build(p) and not p.name.startswith("tmp-") and p.resolve() not in (current, spare)
        ]
        if builds.is_dir()
        else []
    )

    def remove_old() -> None:
        for build in old:
            remove_build(build)

    thread = threading.Thread(target=remove_old, daemon=True)
    thread.start()
    return thread
