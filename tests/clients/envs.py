"""Environments for the real clients the tests run (a CKAN harvester, a JavaScript SHACL engine).

Each is created once from its package registry by the test set-up and kept in a git-ignored
folder (`.test-envs/` at the top of the checkout, or $OPENDATA_TEST_ENVS), under a name that
includes the digest of what it installs: changing a pin gives a new environment, and a rerun
finds the old one ready. An environment is built in a temporary folder and renamed into place
only when complete, under a lock, so an interrupted or concurrent set-up never leaves half of one.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = Path(__file__).resolve().parent


def envs_root() -> Path:
    return Path(os.environ.get("OPENDATA_TEST_ENVS") or ROOT / ".test-envs")


@contextmanager
def _locked(root: Path):
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _ready(name: str, recipe: bytes, build: Callable[[Path], None]) -> Path:
    """The folder `name-<digest of recipe>`, built by `build` when it does not exist yet."""
    root = envs_root()
    target = root / f"{name}-{hashlib.sha256(recipe).hexdigest()[:12]}"
    with _locked(root):
        if not target.is_dir():
            partial = root / f".{target.name}.partial"
            shutil.rmtree(partial, ignore_errors=True)
            build(partial)
            partial.rename(target)
    return target


def _run(*command: str, cwd: Path | None = None) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, (
        f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )


def python_env(name: str, requirements: Path) -> Path:
    """A virtual environment with exactly the pinned packages of `requirements` (no dependency resolution)."""

    def build(folder: Path) -> None:
        _run(sys.executable, "-m", "venv", str(folder))
        _run(
            str(folder / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "-r",
            str(requirements),
        )

    return _ready(name, requirements.read_bytes(), build) / "bin" / "python"


def resolved_env(name: str, packages: list[str], constraints: Path) -> Path:
    """A virtual environment with `packages` and what they need, at the versions `constraints` pins."""

    def build(folder: Path) -> None:
        _run(sys.executable, "-m", "venv", str(folder))
        _run(
            str(folder / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "-c",
            str(constraints),
            *packages,
        )

    return _ready(name, "\n".join(packages).encode() + constraints.read_bytes(), build)


def site_packages(env: Path) -> Path:
    """The site-packages folder of a virtual environment."""
    found = sorted(env.glob("lib/python3*/site-packages"))
    assert len(found) == 1, found
    return found[0]


def npm_packages(name: str, *specs: str) -> Path:
    """A folder with node_modules/ holding the npm packages `specs` (name@version) and their dependencies."""

    def build(folder: Path) -> None:
        folder.mkdir(parents=True)
        (folder / "package.json").write_text('{"private": true}\n', encoding="utf-8")
        _run("npm", "install", "--no-audit", "--no-fund", "--save-exact", *specs, cwd=folder)

    return _ready(name, " ".join(specs).encode(), build)
