"""Every value held to what the skill itself stores; crisis words never stored, never told."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import everything_kept
from tests.portable.files import ALEX, SAM, export, kept, person_line, run, win_line


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (person_line(ALEX, one_thing="call the bank " * 2003), "longer than the skill keeps"),
        (person_line(ALEX, goal="x" * 301), "longer than the skill keeps"),
        (win_line(ALEX, 1, "did it " * 50), "longer than the skill keeps"),
        (person_line(ALEX, today_count=-3), "today_count"),
        (person_line(ALEX, goal_number=-1), "goal_number"),
        (person_line(ALEX, last_phrase=-1), "last_phrase"),
        (person_line(ALEX, one_thing_done="yes"), "one_thing_done"),
        (person_line(ALEX, brief="on"), "brief"),
        (person_line(ALEX, reminder_time="25:99"), "reminder_time"),
        (person_line(ALEX, zone="../../../etc/passwd\n"), "zone"),
        (person_line(ALEX, reminder_token="a token\nwith lines"), "reminder_token"),
        (person_line(ALEX, win_count=3, favourite="tea"), "unknown setting 'favourite'"),
        (win_line(ALEX, 1, "did it", created_at="2100-01-01T00:00:00Z"), "later than tomorrow"),
        (win_line(ALEX, 1, "did it", created_at="1999-01-01T00:00:00Z"), "before 2014"),
        (win_line(ALEX, 0, "did it"), "number"),
        (win_line(ALEX, True, "did it"), "number"),
        ({**win_line(ALEX, 1, "did it"), "person": "USER#" + "a" * 600}, "not an Alexa ID"),
    ],
)
def test_a_value_beyond_the_skills_limits_is_refused_and_nothing_is_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: dict[str, Any], problem: str
) -> None:
    file = export(tmp_path / "wins.jsonl", person_line(SAM), win_line(SAM, 1, "read a book"), line)

    assert run("import", "--data-dir", str(tmp_path / "data"), str(file)) == 2

    told = capsys.readouterr().err
    assert "line 4" in told and problem in told and "nothing imported" in told
    assert kept(tmp_path / "data") == {}


CRISIS = "took all my pills to end it"


def test_crisis_words_are_left_out_counted_and_never_stored_or_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = export(
        tmp_path / "wins.jsonl",
        person_line(ALEX, one_thing=CRISIS, goal="end my life", today="2026-11-20", today_count=3),
        win_line(ALEX, 1, "did the laundry"),
        win_line(ALEX, 2, CRISIS, created_at="2026-11-20T11:00:00Z"),
        win_line(ALEX, 3, "i want to kill myself", created_at="2026-11-20T12:00:00Z", kind="goal"),
        win_line(ALEX, 4, "walked the dog", created_at="2026-11-20T13:00:00Z"),
    )

    assert run("import", "--data-dir", str(tmp_path / "data"), str(file)) == 0

    told = capsys.readouterr()
    assert "Imported 2 wins of 1 people" in told.err
    assert "Left out 4 wins, goals or one things that sound like a crisis" in told.err
    for words in (CRISIS, "pills", "end my life", "kill myself"):
        assert words not in told.err + told.out
        assert words not in everything_kept(tmp_path / "data")
    person = kept(tmp_path / "data")[ALEX.key]
    assert [win[:2] for win in person["wins"]] == [(1, "did the laundry"), (2, "walked the dog")]
    profile = person["profile"]
    assert (profile["win_count"], profile["today_count"]) == (2, 2)  # as many as there are
    assert (profile["one_thing"], profile["goal"]) == (None, None)


def test_control_characters_never_reach_the_store(tmp_path: Path) -> None:
    file = export(
        tmp_path / "wins.jsonl",
        person_line(ALEX),
        win_line(ALEX, 1, "did the \x1b[2J\x1b]0;owned\x07laundry\u202e"),
    )

    assert run("import", "--data-dir", str(tmp_path / "data"), str(file)) == 0

    [win] = kept(tmp_path / "data")[ALEX.key]["wins"]
    assert win[1] == "did the [2J]0;ownedlaundry"
