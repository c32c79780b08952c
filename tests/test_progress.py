"""A long publish says what it is doing on the terminal: each stage and output with its seconds;
a small one, or one whose standard error is not a terminal (a log, a pipe), prints the summary alone."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stderr, redirect_stdout

import pytest

from opendata import cli, outputs
from opendata.build import progress

from .conftest import DATASETS


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _publish(tmp_path, stderr: io.StringIO) -> str:
    with redirect_stdout(io.StringIO()), redirect_stderr(stderr):
        code = cli.main(
            [
                "publish",
                "--datasets",
                str(DATASETS),
                "--out",
                str(tmp_path / "dist"),
                "--cache",
                str(tmp_path / "c"),
            ]
        )
    assert code == 0, stderr.getvalue()
    return stderr.getvalue()


def test_each_stage_and_output_of_a_publish_shows_its_seconds_on_a_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "PROGRESS_FROM", 1)  # the seed's few letters count as a large corpus
    shown = _publish(tmp_path, Terminal())
    ended = re.findall(r"\r\x1b\[K  (.+?)  [\d,]+\.\d s\n", shown)
    stages = ["letters", "checks", "graph", "release plan"]
    written = [o.name for o in outputs.output.writing_order(outputs.OUTPUTS)]
    assert ended == [*stages, *written, "privacy scan", "manifest and switch"]
    assert re.search(r"\r  letters  \d+/\d+  ", shown), "the letters built are counted"


@pytest.mark.parametrize("letters", [1, 10**6])
def test_nothing_is_shown_where_standard_error_is_no_terminal_or_the_corpus_is_small(
    tmp_path, monkeypatch, letters
):
    monkeypatch.setattr(progress, "PROGRESS_FROM", letters)  # 1: any corpus is large enough
    stream = Terminal() if letters > 1 else io.StringIO()
    assert _publish(tmp_path, stream) == ""


def test_a_stage_that_fails_still_ends_its_line_and_counts_show_rate_and_time_left():
    stream = Terminal()
    shown = progress.Progress(stream, enabled=True)
    shown.count("site", 5, 10, "records rendered")
    with pytest.raises(RuntimeError), shown.stage("tables"):
        raise RuntimeError("a writer failed")
    text = stream.getvalue()
    assert re.match(r"\r  site  5/10 records rendered  [\d,]+/s  ", text)
    assert text.endswith("\r\x1b[K  tables  0.0 s\n")
