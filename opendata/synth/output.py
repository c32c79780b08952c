"""Writing a synthetic tree: only changed files, letters rendered in worker processes."""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from opendata.synth.files import letter_files
from opendata.synth.letters import Plan
from opendata.synth.world import World


class SynthError(Exception):
    """The corpus cannot be written where asked."""


class Tree:
    """Writes files under the output folder; with overwrite, only files whose bytes change."""

    def __init__(self, root: Path, overwrite: bool) -> None:
        if root.exists() and not root.is_dir():
            raise SynthError(f"{root} exists and is not a folder")
        if root.is_dir() and any(root.iterdir()) and not overwrite:
            raise SynthError(f"{root} is not empty: choose a new folder, or pass --overwrite to update it")
        self.root, self.overwrite = root, overwrite
        (root / "letters").mkdir(parents=True, exist_ok=True)

    def write(self, relative: str, content: str) -> bool:
        """Whether the file was (re)written."""
        path = os.path.join(self.root, relative)
        data = content.encode("utf-8")
        if self.overwrite:
            try:
                with open(path, "rb") as handle:
                    if handle.read() == data:
                        return False
            except FileNotFoundError:
                pass
        descriptor = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644
        )  # fewer system calls than open()
        try:
            os.write(descriptor, data)
        finally:
            os.close(descriptor)
        return True

    def remove_letters_except(self, keep: set[str]) -> int:
        removed = 0
        for path in sorted((self.root / "letters").iterdir()):
            if path.suffix in (".yaml", ".txt") and path.name not in keep:
                path.unlink()
                removed += 1
        return removed


_JOB: tuple[World, int, Tree] | None = None  # what forked workers inherit: (world, seed, tree)


def _write_batch(batch: list[tuple[Plan, dict[int, Plan]]]) -> int:
    if _JOB is None:
        raise RuntimeError("_write_batch runs inside Writers, which sets the job")
    world, seed, tree = _JOB
    written = 0
    for plan, referenced in batch:
        record, text = letter_files(world, referenced, plan, seed)
        written += tree.write(f"letters/{plan.id}.yaml", record) + tree.write(f"letters/{plan.id}.txt", text)
    return written


class Writers:
    """Renders and writes batches of letters: in forked worker processes, or here for small corpora."""

    def __init__(self, world: World, seed: int, tree: Tree, parallel: bool) -> None:
        self.job, self.written = (world, seed, tree), 0
        workers = min(os.cpu_count() or 1, 4)
        self.parallel = parallel and workers > 1 and "fork" in multiprocessing.get_all_start_methods()
        self.workers = workers
        self.pending: list[AsyncResult] = []
        self.pool: Pool | None = None

    def __enter__(self) -> Writers:
        global _JOB
        _JOB = self.job
        if self.parallel:
            self.pool = multiprocessing.get_context("fork").Pool(self.workers)
        return self

    def submit(self, batch: list) -> None:
        if self.pool is None:
            self.written += _write_batch(batch)
        else:
            self.pending.append(self.pool.apply_async(_write_batch, (batch,)))

    def __exit__(self, *exc) -> None:
        global _JOB
        try:
            if self.pool is not None:
                if exc[0] is None:
                    self.written += sum(result.get() for result in self.pending)
                    self.pool.close()
                else:
                    self.pool.terminate()
                self.pool.join()
        finally:
            _JOB = None
