"""Shared fixtures: the repository's datasets, a published copy of them, and a CLI runner.

No test writes into the repository: every build cache lives in a temporary folder (OPENDATA_CACHE,
fresh for each test, so "two publishes give the same bytes" never replays an earlier run's cache),
and Hypothesis keeps no example database.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from opendata import cli

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "leidse-regio-2019.txt"

# No deadline: a busy machine makes an example slow, never wrong (speed is measured by make bench).
settings.register_profile("tests", database=None, deadline=None)
settings.load_profile("tests")
# Hypothesis keeps a cache of constants even without a database, from the moment it collects: a
# temporary folder (removed at exit) instead of .hypothesis/ in the working directory.
_HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="opendata-tests-hypothesis-")
set_hypothesis_home_dir(_HYPOTHESIS_HOME)
atexit.register(shutil.rmtree, _HYPOTHESIS_HOME, ignore_errors=True)


def run_cli(*args: str, cwd: Path | None = None, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run `opendata ARGS` as a user would, in a separate process.

    No time limit unless a test asks for one: on a busy machine a limit fails tests that are merely slow."""
    return subprocess.run(
        [sys.executable, "-m", "opendata", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_main(*args: str) -> subprocess.CompletedProcess:
    """Run `opendata ARGS` in this process: the same exit code, stdout and stderr as `run_cli`
    (an uncaught exception becomes exit 1 and a traceback, as the interpreter would make them),
    without starting Python again for every call."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception:
            traceback.print_exc()
            code = 1
    return subprocess.CompletedProcess(["opendata", *args], code, stdout.getvalue(), stderr.getvalue())


def published_graph(datasets: Path, tmp_path: Path) -> str:
    """Publish `datasets` into tmp_path/dist (with a cache beside it), check that it succeeds and that
    `opendata verify` finds every file as its manifest says; the graph's N-Triples."""
    out = tmp_path / "dist"
    published = run_main(
        "publish", "--datasets", str(datasets), "--out", str(out), "--cache", str(tmp_path / "cache")
    )
    assert published.returncode == 0, published.stderr
    assert run_main("verify", str(out)).returncode == 0
    return (out / "graph.nt").read_text(encoding="utf-8")


def require_shared(path: Path) -> Path:
    """A file or folder of ../shared (the seed, the standards) that a test compares with.

    Without it a developer's run skips, saying why; CI (the CI variable set, as .ci/run does) fails,
    so a missing checkout can never pass silently."""
    if not path.exists():
        reason = f"{path} is missing: these tests compare with ../shared, checked out next to this repository"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory) -> None:
    """The build cache of session and module fixtures: a temporary folder, never the repository's."""
    os.environ["OPENDATA_CACHE"] = str(tmp_path_factory.mktemp("session-cache") / "cache")


@pytest.fixture(autouse=True)
def _test_cache(tmp_path_factory, monkeypatch) -> None:
    """Each test starts from an empty build cache of its own."""
    monkeypatch.setenv("OPENDATA_CACHE", str(tmp_path_factory.mktemp("cache") / "cache"))


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """The seed datasets published once per session (per xdist worker), read-only for tests; in this
    process (tests of the command as a separate process publish on their own)."""
    root = tmp_path_factory.mktemp("published")
    out = root / "dist"
    result = run_main(
        "publish", "--datasets", str(DATASETS), "--out", str(out), "--cache", str(root / "cache")
    )
    assert result.returncode == 0, result.stderr
    return out


def with_drafts(datasets: Path) -> Path:
    """Set `include_drafts: true` in a sources folder's publication.yaml: its drafts are published too."""
    with (datasets / "publication.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\ninclude_drafts: true\n")
    return datasets


@pytest.fixture
def datasets_copy(tmp_path) -> Path:
    """A private copy of the seed datasets that a test may break."""
    target = tmp_path / "datasets"
    shutil.copytree(DATASETS, target)
    return target


@pytest.fixture
def into(datasets_copy) -> Path:
    """A sources folder with the seed's shared records and no letters, to ingest into."""
    for path in (datasets_copy / "letters").iterdir():
        path.unlink()
    return datasets_copy


@pytest.fixture
def drafts_copy(datasets_copy) -> Path:
    """A private copy of the seed datasets (its letters kept: the shared records cite them) that
    publishes drafts too."""
    return with_drafts(datasets_copy)
