"""What a long publish is doing, on the terminal: the letters built, then each stage and output
with its seconds, and the website's pages as they are written.

Only on a terminal, and only for a corpus of PROGRESS_FROM letters or more: a small publish, a test
or a cron job's log shows the final summary alone, as before. Lines are rewritten in place
(carriage return) while a stage counts, and end with the stage's seconds:

      letters 100,000/100,000  812/s  0 s left
      checks  8.1 s
      site  1,204/242,000 pages  3,110/s  77 s left
      site  75.5 s
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from typing import TextIO

PROGRESS_FROM = 1000  # letters


class Progress:
    def __init__(self, stream: TextIO | None = None, enabled: bool = False) -> None:
        self.stream, self.enabled = stream, enabled and stream is not None
        self.started: dict[str, float] = {}  # when each counted stage counted first

    @classmethod
    def on_terminal(cls, letters: int, stream: TextIO | None = None) -> Progress:
        """Shown when `stream` (standard error by default) is a terminal and the corpus is large."""
        stream = sys.stderr if stream is None else stream
        return cls(stream, letters >= PROGRESS_FROM and stream.isatty())

    def count(self, what: str, done: int, total: int, unit: str = "") -> None:
        """`done` of `total` of a stage, with the rate since its first count and the time left."""
        if not self.enabled:
            return
        now = time.perf_counter()
        started = self.started.setdefault(what, now)
        rate = done / (now - started) if now > started else 0.0
        left = f"{(total - done) / rate:,.0f} s left" if rate else ""
        self._write(f"\r  {what}  {done:,}/{total:,}{' ' + unit if unit else ''}  {rate:,.0f}/s  {left} ")

    @contextlib.contextmanager
    def stage(self, what: str) -> Iterator[None]:
        """A stage's line: its name while it runs, then its seconds (also when it fails)."""
        if not self.enabled:
            yield
            return
        self._write(f"\r  {what} …")
        started = time.perf_counter()
        try:
            yield
        finally:
            self.done(what, time.perf_counter() - started)

    def done(self, what: str, seconds: float) -> None:
        """End a stage's line with its seconds (the line's counts, if any, are overwritten)."""
        if self.enabled:
            self._write(f"\r\033[K  {what}  {seconds:,.1f} s\n")

    def _write(self, text: str) -> None:
        assert self.stream is not None
        self.stream.write(text)
        self.stream.flush()


SILENT = Progress()
