"""The release history file and the withdrawals file on their own: folding, privacy blanking,
round trips and the problems bad files give (docs/releases.md)."""

from __future__ import annotations

import datetime

from opendata.releases.history import (
    COLUMNS,
    Change,
    History,
    Release,
    history_csv,
    load_history,
    parse_history,
)
from opendata.releases.withdrawals import load_withdrawals

BASE = "https://example.org/id/"
HEADER = ",".join(COLUMNS) + "\n"


def _two_releases() -> History:
    first = Release(
        1,
        "1.0",
        datetime.date(2020, 1, 1),
        (
            Change(1, BASE + "brief/a", "added", "https://schema.org/Message", "sha256:aa", "Brief A"),
            Change(
                1, BASE + "brief/b", "added", "https://schema.org/Message", "sha256:bb", "Brief van Jansen"
            ),
        ),
    )
    second = Release(
        2,
        "1.1",
        datetime.date(2020, 2, 1),
        (
            Change(
                2,
                BASE + "brief/a",
                "changed",
                "https://schema.org/Message",
                "sha256:a2",
                "Brief A, verbeterd",
            ),
            Change(
                2,
                BASE + "brief/b",
                "withdrawn",
                "https://schema.org/Message",
                reason="naam van een inwoner",
                withdrawn=datetime.date(2020, 1, 20),
                privacy=True,
            ),
        ),
    )
    return History([first]).with_release(second)


def test_the_state_is_the_fold_of_the_releases():
    history = _two_releases()
    assert (
        set(history.live()) == {BASE + "brief/a"} and history.live()[BASE + "brief/a"].digest == "sha256:a2"
    )
    assert set(history.tombstones()) == {BASE + "brief/b"}
    assert history.last_modified(BASE + "brief/b") == datetime.date(2020, 2, 1)
    assert history.is_private(BASE + "brief/b") and not history.is_private(BASE + "brief/a")


def test_a_privacy_withdrawal_blanks_the_title_in_every_release():
    text = history_csv(_two_releases())
    assert "Jansen" not in text and "Brief A, verbeterd" in text
    assert parse_history(text).releases == _two_releases().releases  # the file reads back as written


def test_a_bad_history_gives_problems_with_line_and_field(tmp_path):
    (tmp_path / "releases.csv").write_text(
        HEADER + f"1,1.0,2020-01-01,{BASE}brief/a,added,t,sha256:aa,A,,,\n"
        f"1,1.0,2020-13-01,{BASE}brief/b,added,t,sha256:bb,B,,,\n"
        f"1,1.0,2020-01-01,{BASE}brief/c,renamed,t,sha256:cc,C,,,\n",
        encoding="utf-8",
    )
    problems = load_history(tmp_path).problems
    assert [(p.code, p.location.line, p.field) for p in problems] == [
        ("releases-bad-row", 3, "date"),
        ("releases-bad-row", 4, "change"),
    ]
    (tmp_path / "releases.csv").write_text("release,version\n", encoding="utf-8")
    assert [p.code for p in load_history(tmp_path).problems] == ["releases-bad-header"]
    assert load_history(tmp_path / "nothing").releases == []


def test_withdrawals_by_path_or_iri_and_their_problems(tmp_path):
    (tmp_path / "withdrawn.yaml").write_text(
        "- resource: brief/a\n  date: 2020-01-20\n  reason: per  abuis\n"
        f"- resource: {BASE}brief/b\n  privacy: true\n"
        "- resource: brief/c\n  date: 2020-02-30\n"
        "- resource: brief/d\n  why: no\n",
        encoding="utf-8",
    )
    found, problems = load_withdrawals(tmp_path, BASE)
    assert (
        found[BASE + "brief/a"].date == datetime.date(2020, 1, 20)
        and found[BASE + "brief/a"].reason == "per abuis"
    )
    assert found[BASE + "brief/b"].privacy and found[BASE + "brief/b"].date is None
    assert BASE + "brief/c" not in found
    assert [(p.code, str(p.location), p.field) for p in problems] == [
        ("withdrawn-bad-date", "withdrawn.yaml:7:3", "date"),
        ("withdrawn-unknown-field", "withdrawn.yaml:9:3", "why"),
    ]
