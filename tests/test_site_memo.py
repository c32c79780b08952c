"""The page builders' memos are bounded (site/memo.py): a memo that forgets gives the same pages."""

from __future__ import annotations

import pickle
from pathlib import Path

from opendata.outputs.site import memo
from opendata.outputs.site.memo import Memo

from .conftest import DATASETS, run_main


def test_a_memo_never_holds_more_than_its_limit_and_keeps_what_it_was_last_given():
    remembered = Memo(limit=3)
    for number in range(10):
        remembered[number] = number * number
        assert len(remembered) <= 3
        assert remembered[number] == number * number
    assert remembered.get(0) is None  # forgotten


def test_a_memo_is_pickled_empty_with_its_limit():
    remembered = Memo(limit=7)
    remembered["a"] = 1
    copy = pickle.loads(pickle.dumps(remembered))
    assert isinstance(copy, Memo) and copy.limit == 7 and not copy


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


def test_the_website_is_the_same_when_every_memo_forgets_after_two_values(published, tmp_path, monkeypatch):
    monkeypatch.setattr(memo, "LIMIT", 2)
    out = tmp_path / "dist"
    result = run_main(
        "publish", "--datasets", str(DATASETS), "--out", str(out), "--cache", str(tmp_path / "cache")
    )
    assert result.returncode == 0, result.stderr
    forgetting, remembering = _files(out / "doc"), _files(published / "doc")
    assert forgetting.keys() == remembering.keys()
    assert [name for name in forgetting if forgetting[name] != remembering[name]] == []
