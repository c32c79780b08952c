"""Publication is atomic: OUT holds the previous complete publication or the new one, never a mix.

`opendata publish` is killed (SIGKILL) at random moments, many times, while it switches OUT between
three versions of a dataset; after every kill OUT verifies against its manifest and is one of the
two publications it may be. A failed run leaves OUT byte-identical, and a second publish into the
same OUT while one runs stops with a clear message (exit 2).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from opendata import outputs
from opendata.outputs.digests import MANIFEST, file_sha256, put_file
from opendata.outputs.output import Output
from opendata.publish import switch
from opendata.publish.switch import builds_dir, publish_lock, verify, write_manifest

from .conftest import DATASETS, ROOT, run_cli, run_main

KILLS = 30
SEED = 20190611  # fixed, so that a failure can be replayed; the delays still spread over a whole publish


def _variant(target: Path, number: int) -> Path:
    """A copy of the seed datasets whose publication differs from the other variants."""
    shutil.copytree(DATASETS, target)
    config = target / "publication.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('version: "2019.1"', f'version: "2019.{number}"'),
        encoding="utf-8",
    )
    assert f'version: "2019.{number}"' in config.read_text(encoding="utf-8")
    return target


def _publish_args(datasets: Path, out: Path, cache: Path) -> list[str]:
    return ["publish", "--datasets", str(datasets), "--out", str(out), "--cache", str(cache)]


def _manifest(out: Path) -> bytes:
    return (out / "manifest.json").read_bytes()


def _snapshot(out: Path) -> dict[str, bytes]:
    """Every byte of the publication, and where the link points."""
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    files["<link>"] = os.readlink(out).encode() if out.is_symlink() else b"<folder>"
    return files


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "opendata", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _kill(process: subprocess.Popen) -> None:
    """SIGKILL the publish and anything it started (its own process group)."""
    with contextlib.suppress(ProcessLookupError):  # it had finished
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> dict:
    """Three dataset variants, each published once to learn its manifest."""
    root = tmp_path_factory.mktemp("atomic")
    cache = root / "cache"
    variants, manifests = [], []
    for number in (1, 2, 3):
        datasets = _variant(root / f"datasets-{number}", number)
        out = root / f"reference-{number}" / "dist"
        result = run_main(*_publish_args(datasets, out, cache))
        assert result.returncode == 0, result.stderr
        variants.append(datasets)
        manifests.append(_manifest(out))
    assert len(set(manifests)) == 3
    return {"root": root, "datasets": variants, "manifests": manifests, "cache": cache}


def _copy_of_reference(versions: dict, number: int, target: Path) -> Path:
    """A copy of the publication of variant `number` that the fixture made (its OUT, builds folder and
    lock file): an OUT holding a whole publication, for a test to publish into."""
    shutil.copytree(versions["root"] / f"reference-{number}", target / "www", symlinks=True)
    out = target / "www" / "dist"
    assert out.is_symlink() and verify(out) == [] and _manifest(out) == versions["manifests"][number - 1]
    return out


def _timed_publish(datasets: Path, out: Path, cache: Path) -> float:
    started = time.perf_counter()
    process = _start(_publish_args(datasets, out, cache))
    _, stderr = process.communicate()
    assert process.returncode == 0, stderr.decode()
    return time.perf_counter() - started


@pytest.mark.integration  # thirty publishes killed at measured moments
def test_killed_publishes_leave_a_whole_publication(versions):
    root, manifests, cache = versions["root"], versions["manifests"], versions["cache"]
    out = root / "killed" / "dist"
    # the measured duration of a whole publish into this OUT, started exactly as the killed ones are
    duration = max(_timed_publish(versions["datasets"][n], out, cache) for n in (0, 1, 2, 0))
    rng = random.Random(SEED)
    # one random moment in each of KILLS equal slices of the duration: every phase gets its kills
    delays = [(slot + rng.random()) * duration / KILLS for slot in range(KILLS)]
    rng.shuffle(delays)
    outcomes = {"previous": 0, "new": 0}
    for kill, delay in enumerate(delays):
        previous = _manifest(out)
        target = (
            manifests.index(previous) + 1
        ) % 3  # cycle through three versions: old builds get pruned too
        process = _start(_publish_args(versions["datasets"][target], out, versions["cache"]))
        time.sleep(delay)
        _kill(process)
        stderr = process.stderr.read().decode()
        process.stderr.close()
        assert "Traceback" not in stderr, stderr
        assert out.exists(), f"kill {kill} after {delay:.3f} s: {out} is gone"
        assert verify(out) == [], f"kill {kill} after {delay:.3f} s: {verify(out)}"
        now = _manifest(out)
        assert now in (previous, manifests[target]), f"kill {kill} after {delay:.3f} s: a third publication"
        outcomes["previous" if now == previous else "new"] += 1
    result = run_cli("verify", str(out))
    assert result.returncode == 0, result.stderr
    # after all that, a publish still works and leaves nothing half-built behind
    final = run_cli(*_publish_args(versions["datasets"][0], out, versions["cache"]))
    assert final.returncode == 0, final.stderr
    assert verify(out) == [] and _manifest(out) == manifests[0]
    assert not list(builds_dir(out).glob("tmp-*"))
    print(f"{KILLS} kills over 0–{duration:.2f} s: {outcomes}")


def test_a_half_removed_old_build_is_not_reused(versions):
    """A publish killed while pruning leaves an old build half-deleted; publishing that version again must not
    point OUT at the broken remains."""
    out = versions["root"] / "pruned" / "dist"
    first, second = versions["datasets"][0], versions["datasets"][1]
    assert run_main(*_publish_args(first, out, versions["cache"])).returncode == 0
    first_build = (out.parent / os.readlink(out)).resolve()
    assert run_main(*_publish_args(second, out, versions["cache"])).returncode == 0
    (first_build / "graph.ttl").unlink()  # as if rmtree had been interrupted
    assert run_main(*_publish_args(first, out, versions["cache"])).returncode == 0
    assert verify(out) == [] and _manifest(out) == versions["manifests"][0]


@pytest.mark.parametrize(
    "breakage, exit_code",
    [
        ("letters/reactie-leidse-regio-2019-06-11.yaml", 1),  # bad data
        ("publication.yaml", 2),  # bad configuration
    ],
)
def test_a_failed_publish_leaves_the_previous_one_byte_identical(versions, tmp_path, breakage, exit_code):
    datasets = tmp_path / "datasets"
    shutil.copytree(versions["datasets"][0], datasets)
    out = _copy_of_reference(versions, 1, tmp_path)
    before = _snapshot(out)
    broken = datasets / breakage
    broken.write_text(
        broken.read_text(encoding="utf-8")
        .replace("sender: ", "sender: [unclosed ", 1)
        .replace("license: CC0-1.0", "license: MIT"),
        encoding="utf-8",
    )
    result = run_main(*_publish_args(datasets, out, tmp_path / "cache"))
    assert result.returncode == exit_code, result.stderr
    assert "Traceback" not in result.stderr
    assert _snapshot(out) == before
    assert verify(out) == []


def test_a_second_publish_while_one_runs_stops_with_a_clear_message(versions, tmp_path):
    out = _copy_of_reference(versions, 1, tmp_path)
    before = _snapshot(out)
    with publish_lock(out):  # a publish in progress holds this lock
        result = run_cli(*_publish_args(versions["datasets"][1], out, tmp_path / "cache"))
    assert result.returncode == 2
    assert f"another publish into {out} is running" in result.stderr, result.stderr
    assert "wait for it to finish" in result.stderr
    assert "Traceback" not in result.stderr
    assert _snapshot(out) == before
    # once the lock is free, the same command succeeds
    assert run_main(*_publish_args(versions["datasets"][1], out, tmp_path / "cache")).returncode == 0
    assert _manifest(out) == versions["manifests"][1]


def test_two_publishes_started_at_once_never_mix(versions, tmp_path):
    out = tmp_path / "dist"
    for _attempt in range(3):
        processes = [
            _start(_publish_args(versions["datasets"][n], out, tmp_path / f"cache-{n}")) for n in (1, 2)
        ]
        results = []
        for process in processes:
            _, stderr = process.communicate()
            results.append((process.returncode, stderr.decode()))
        codes = sorted(code for code, _ in results)
        assert codes in ([0, 0], [0, 2]), results
        for code, stderr in results:
            assert "Traceback" not in stderr
            if code == 2:
                assert "another publish into" in stderr and "is running" in stderr, stderr
        assert verify(out) == []
        assert _manifest(out) in versions["manifests"][1:]
        assert json.loads(_manifest(out))["files"]


# ------------------------------------------------------------------ orphan workers and the lock (issue 10, item 7)


def _children() -> dict[int, int]:
    """pid -> parent pid of every process on the machine (from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def _descendants(root: int) -> set[int]:
    parents = _children()
    found, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """A corpus large enough that publish starts worker processes (PARALLEL_FROM letters or more)."""
    from opendata.publish.pipeline import PARALLEL_FROM

    target = tmp_path_factory.mktemp("synth") / "datasets"
    result = run_cli("synth", "--letters", str(PARALLEL_FROM + 200), "--out", str(target))
    assert result.returncode == 0, result.stderr
    return target


@pytest.mark.parametrize("round_", range(2))
@pytest.mark.integration  # kills a publish of 600 letters and its workers
def test_a_killed_publish_leaves_no_worker_and_no_lock(synthetic, tmp_path, round_):
    """kill -9 of the publish process alone (not its group): its workers die with it, the kernel drops the
    lock, and the next publish runs instead of reporting 'another publish ... (pid N)' for a dead pid."""
    from opendata.build.letter_unit import worker_count

    assert worker_count() > 1, "this machine gives one worker: publish would start no worker processes"
    out = tmp_path / "dist"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "opendata",
            "publish",
            "--datasets",
            str(synthetic),
            "--out",
            str(out),
            "--no-cache",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    workers: set[int] = set()
    try:
        while len(workers) < 2 and process.poll() is None:  # the fork server and at least one worker
            workers = _descendants(process.pid)
            time.sleep(0.05)
        assert process.poll() is None, "publish ended before it started its workers"
        time.sleep(0.5 + round_)  # let the workers get busy
        workers |= _descendants(process.pid)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        waited = 0.0
        while any(_alive(pid) for pid in workers) and waited < 30:
            time.sleep(0.1)
            waited += 0.1
        survivors = [pid for pid in workers if _alive(pid)]
        assert not survivors, f"workers outlived the killed publish: {survivors}"
    finally:
        for pid in _descendants(process.pid) | workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    with publish_lock(out):  # the lock is free at once: the kernel released it with the killed holder
        pass
    result = run_cli(
        "publish", "--datasets", str(synthetic), "--out", str(out), "--cache", str(tmp_path / "cache")
    )
    assert "another publish" not in result.stderr, result.stderr


# ------------------------------------------------------------------ a full disk (issue 10)


def _snapshot_folder(out: Path) -> dict[str, bytes]:
    return _snapshot(out) if out.exists() else {}


@pytest.fixture
def small_disk(tmp_path):
    """A 6 MB tmpfs of our own (needs the right to mount: root, as in CI's container)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)], capture_output=True, text=True
    )
    if result.returncode:
        pytest.skip(
            f"cannot mount a tmpfs here ({result.stderr.strip()}); test_a_writer_that_hits_a_full_disk covers it"
        )
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_gives_a_clean_message_and_keeps_the_publication(small_disk, tmp_path):
    datasets = tmp_path / "datasets"
    shutil.copytree(Path(__file__).resolve().parent / "cases" / "_base", datasets)
    out = small_disk / "dist"
    assert run_cli("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache").returncode == 0
    before = _snapshot(out)
    free = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(b"\0" * max(0, free.f_bavail * free.f_frsize - 64 * 1024))
    letter = datasets / "letters" / "brief-gs.yaml"
    letter.write_text(
        letter.read_text(encoding="utf-8").replace("title: ", "title: nieuw ", 1), encoding="utf-8"
    )
    result = run_cli("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache")
    assert result.returncode == 2, result.stderr
    assert (
        "Traceback" not in result.stderr
        and "write-failed" in result.stderr
        and "disk is full" in result.stderr
    )
    assert _snapshot(out) == before and verify(out) == []
    assert not list(builds_dir(out).glob("tmp-*"))
    (small_disk / "filler").unlink()
    assert run_cli("publish", "--datasets", str(datasets), "--out", str(out), "--no-cache").returncode == 0


def test_a_writer_that_hits_a_full_disk(tmp_path, monkeypatch):
    """The same without a tmpfs: one writer raises ENOSPC half-way (a unit test of the orchestrator)."""
    import errno

    from opendata.publish import pipeline

    datasets = tmp_path / "datasets"
    shutil.copytree(Path(__file__).resolve().parent / "cases" / "_base", datasets)
    out = tmp_path / "dist"
    assert pipeline.publish(datasets, out).exit_code == 0
    before = _snapshot(out)

    def full(publication, folder):
        (folder / "half.bin").write_bytes(b"x" * 10)
        raise OSError(errno.ENOSPC, "No space left on device", str(folder / "half.bin"))

    registered = outputs.OUTPUTS
    monkeypatch.setattr(outputs, "OUTPUTS", registered[:2] + (Output("full", full),) + registered[2:])
    outcome = pipeline.publish(datasets, out)
    assert outcome.exit_code == 2 and [p.code for p in outcome.problems] == ["write-failed"]
    assert "disk is full" in outcome.problems[0].message
    assert _snapshot(out) == before and not list(builds_dir(out).glob("tmp-*"))


@settings(max_examples=30, deadline=None)
@given(
    names=st.lists(
        st.text(
            st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=12
        ),
        max_size=6,
        unique=True,
    ),
    contents=st.binary(max_size=40),
)
@example(names=["a", "a-"], contents=b"")  # a/a-0 before a-: parts order, not the string's
def test_the_manifest_is_the_json_of_every_file_in_path_order(names, contents):
    """write_manifest writes its JSON line by line: the same text as json.dumps(indent=1) of every
    file but the manifest, in the order of their paths' parts, whatever the names."""
    with tempfile.TemporaryDirectory() as folder:
        build = Path(folder)
        for number, name in enumerate(names):
            target = build / (name if number % 2 else f"{name}/{name}-{number}")
            if target.exists() or name in (".", "..") or name == MANIFEST:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(contents + bytes([number]))
        files = sorted(p for p in build.rglob("*") if p.is_file() and p.name != MANIFEST)
        expected = [
            {"path": p.relative_to(build).as_posix(), "bytes": p.stat().st_size, "sha256": file_sha256(p)}
            for p in files
        ]
        digest = write_manifest(build)
        text = (build / MANIFEST).read_text(encoding="utf-8")
        assert text == json.dumps({"files": expected}, indent=1) + "\n"
        assert digest == hashlib.sha256(text.encode()).hexdigest()


def _build(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    write_manifest(folder)
    return folder


def test_verify_names_every_file_that_is_missing_changed_or_extra(tmp_path):
    build = _build(tmp_path / "b", {"a.txt": b"een", "doc/b.html": b"twee", "doc/manifest.json": b"{}"})
    assert verify(build) == []
    (build / "a.txt").unlink()
    (build / "doc/b.html").write_bytes(b"TWEE")  # the same size, other bytes
    (build / "doc/manifest.json").write_bytes(b"[]")  # a nested manifest.json is a file like any other
    (build / "doc/c.html").write_bytes(b"drie")
    assert verify(build) == [
        "a.txt is missing",
        "doc/b.html differs from the manifest",
        "doc/manifest.json differs from the manifest",
        "doc/c.html is not in the manifest",
    ]


def test_verify_beside_a_twin_reads_only_what_the_twin_does_not_share(tmp_path, monkeypatch):
    """Publishing a build again that already exists checks the old one is whole; the files hard-linked
    between the two are the same file, so only the others are read."""
    old = _build(tmp_path / "old", {"a.txt": b"een", "doc/b.html": b"twee", "doc/c.html": b"drie"})
    new = tmp_path / "new"
    for name in ("a.txt", "doc/b.html", MANIFEST):
        (new / name).parent.mkdir(parents=True, exist_ok=True)
        os.link(old / name, new / name)
    (new / "doc/c.html").write_bytes(b"drie")  # written again: not shared
    read = []
    monkeypatch.setattr(switch, "file_sha256", lambda path: read.append(path.name) or file_sha256(path))
    assert verify(old, twin=new) == []
    assert read == ["c.html"]
    (old / "doc/b.html").unlink()  # a removal cut short
    (old / "doc/c.html").write_bytes(b"DRIE")
    assert verify(old, twin=new) == ["doc/b.html is missing", "doc/c.html differs from the manifest"]


def test_a_manifest_takes_a_linked_files_size_and_digest_from_the_previous_one(tmp_path, monkeypatch):
    """Files hard-linked from the previous build are neither read nor stat'ed again; the manifest
    is the one a build from scratch gets."""
    old = _build(tmp_path / "old", {"a.txt": b"een", "doc/b.html": b"twee", "doc/c.html": b"drie"})
    new = tmp_path / "new"
    for name in ("a.txt", "doc/b.html"):
        (new / name).parent.mkdir(parents=True, exist_ok=True)
        os.link(old / name, new / name)
    (new / "doc/c.html").write_bytes(b"DRIE!")
    checked = []
    real = switch._reused_sha256
    monkeypatch.setattr(
        switch, "_reused_sha256", lambda path, *rest: checked.append(path) or real(path, *rest)
    )
    write_manifest(new, previous=old)
    assert [Path(path).name for path in checked] == ["c.html"]
    linked = (new / MANIFEST).read_text(encoding="utf-8")
    scratch = tmp_path / "scratch"
    shutil.copytree(new, scratch)
    (scratch / MANIFEST).unlink()
    write_manifest(scratch)
    assert linked == (scratch / MANIFEST).read_text(encoding="utf-8")


def test_put_file_links_the_same_bytes_and_never_writes_into_the_previous_build(tmp_path):
    previous, out = tmp_path / "old", tmp_path / "new"
    _build(previous, {"doc/a.json": b"[1]"})
    (out / "doc").mkdir(parents=True)
    known = {"doc/a.json": file_sha256(previous / "doc/a.json")}
    before = (previous / "doc/a.json").stat()
    put_file(str(out), "doc/a.json", b"[1]", str(previous), known)
    assert (out / "doc/a.json").samefile(previous / "doc/a.json")  # linked, not written
    put_file(str(out), "doc/a.json", b"[2]", str(previous), known)  # the same path put again
    assert (out / "doc/a.json").read_bytes() == b"[2]"
    after = (previous / "doc/a.json").stat()
    assert (previous / "doc/a.json").read_bytes() == b"[1]" and after.st_mtime_ns == before.st_mtime_ns
    put_file(str(out), "doc/b.json", b"[3]", str(previous), known)  # not in the previous build
    assert (out / "doc/b.json").read_bytes() == b"[3]" and (out / "doc/b.json").stat().st_nlink == 1
    assert sorted(p.name for p in (out / "doc").iterdir()) == ["a.json", "b.json"]
