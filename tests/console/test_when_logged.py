""" "What time did I log X", "when did I log X": the time and day of the most recent matching
win, in the person's zone, through ``wins chat`` (Chicago, across the 1 November clock
change); nothing matching is said kindly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import CHICAGO, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def test_when_a_win_was_logged_is_said_on_the_persons_clock(tmp_path: Path) -> None:
    talk(tmp_path, "2026-10-31T17:40", CHICAGO, "tell small wins I welded the bracket")
    talk(tmp_path, "2026-11-01T01:30", CHICAGO, "tell small wins I welded the gate")  # CDT still
    talk(tmp_path, "2026-11-02T07:05", CHICAGO, "tell small wins I did the dishes")
    said = talk(
        tmp_path,
        "2026-11-02T08:00",
        CHICAGO,
        "ask small wins what time did I log the bracket",
        "ask small wins when did I log the weld one",
        "ask small wins when did I save the dishes",
        "ask small wins what time did I log the laundry",
        "ask small wins when did I log my first win",
    )
    bracket, weld, dishes, laundry, first = said
    assert bracket == "That was on Saturday at 5:40 PM: you welded the bracket.", bracket
    assert weld == "That was yesterday at 1:30 AM: you welded the gate.", weld  # the newest
    assert dishes == "That was earlier today at 7:05 AM: you did the dishes.", dishes
    assert laundry in set(WORDS.variants("when_logged.none")), laundry
    assert "first win" in first and "That was" not in first, first  # "when did I start"
