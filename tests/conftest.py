"""Shared fixtures: the repository's datasets, a published copy of them, and a CLI runner."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
SEED = ROOT.parent / "shared" / "seed" / "leidse-regio-2019.txt"


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `opendata ARGS` as a user would, in a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "opendata", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """The seed datasets published once for the whole session (read-only for tests)."""
    out = tmp_path_factory.mktemp("published") / "dist"
    result = run_cli("publish", "--datasets", str(DATASETS), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def datasets_copy(tmp_path) -> Path:
    """A private copy of the seed datasets that a test may break."""
    target = tmp_path / "datasets"
    shutil.copytree(DATASETS, target)
    return target
