"""Parts of a day and the best day, through ``wins chat`` far from UTC: "what did I tell you
this morning", "yesterday evening", "at lunch", "which day did I log the most", "what's my
record", in Auckland (UTC+13) and across London's clocks going back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

LONDON = "Europe/London"


def on(tmp_path: Path, at: str, *lines: str) -> list[str]:
    return talk(tmp_path, at, AUCKLAND, *lines)


def test_a_morning_an_afternoon_and_an_evening_in_auckland(tmp_path: Path) -> None:
    # Monday 7 December 2026 in Auckland: a win at 07:30 (Sunday evening in UTC), one at
    # 13:00, one at 20:00; then one told on Tuesday morning of Monday evening, and one of
    # Monday with no time of it.
    on(tmp_path, "2026-12-07T07:30", "tell small wins I made the bed")
    on(tmp_path, "2026-12-07T13:00", "tell small wins I ate a proper lunch")
    on(tmp_path, "2026-12-07T20:00", "tell small wins I fed the cat")
    on(
        tmp_path,
        "2026-12-08T08:00",
        "tell small wins yesterday evening I rang my sister",
        "tell small wins yesterday I fixed the tap",
        "tell small wins I had a shower",
    )

    said = on(
        tmp_path,
        "2026-12-08T10:00",
        "ask small wins what did I tell you this morning",
        "ask small wins what did I do yesterday morning",
        "ask small wins what did I log yesterday afternoon",
        "ask small wins what did I do yesterday evening",
        "ask small wins what did I do this afternoon",
        "ask small wins what did I do on monday at lunch",
    )
    morning, monday_morning, afternoon, evening, ahead, lunch = said
    # Told this morning: the shower. The two told of yesterday are yesterday's.
    assert morning == "This morning, you logged one win. You had a shower."
    assert monday_morning == "Yesterday morning, you logged one win. You made the bed."
    # The tap, filed on Monday with no time of it, is no part's: never passed off as one.
    assert afternoon == "Yesterday afternoon, you logged one win. You ate a proper lunch."
    assert evening.startswith("Yesterday evening, you logged 2 wins.")
    assert "You rang your sister." in evening and "You fed the cat." in evening
    assert ahead == "That's still to come, so nothing is logged for it yet."
    assert lunch == "At lunchtime yesterday, you logged one win. You ate a proper lunch."


def test_the_best_day_of_this_week_last_week_and_ever(tmp_path: Path) -> None:
    on(tmp_path, "2026-11-26T09:00", *(f"tell small wins I {w}" for w in ("ran", "read", "sang")))
    on(tmp_path, "2026-12-07T09:00", "tell small wins I made the bed")
    on(tmp_path, "2026-12-08T09:00", "tell small wins I swept", "tell small wins I cooked")

    said = on(
        tmp_path,
        "2026-12-08T18:00",
        "ask small wins which day did I log the most",
        "ask small wins what was my best day last week",
        "ask small wins what's my record",
    )
    week, last_week, record = said
    assert week == "Today, with 2 wins."
    assert last_week.startswith("Nothing logged last week, and that's okay. Want to tell me one?")
    assert record == "Thursday, November 26, with 3 wins."


def test_a_week_with_none_is_no_failure(tmp_path: Path) -> None:
    on(tmp_path, "2026-11-26T09:00", "tell small wins I ran")
    (said,) = on(tmp_path, "2026-12-09T09:00", "ask small wins which day did I log the most")
    assert said == "Nothing logged this week yet. Want to tell me one?"


def test_a_morning_across_the_clocks_going_back_in_london(tmp_path: Path) -> None:
    # Sunday 25 October 2026: London's clocks go back at 02:00 BST. A win at 01:30 BST is the
    # small hours (Saturday evening's); one at 11:30 GMT is the morning.
    talk(tmp_path, "2026-10-25T01:30", LONDON, "tell small wins I finished my essay")
    talk(tmp_path, "2026-10-25T11:30", LONDON, "tell small wins I went for a run")
    morning, evening = talk(
        tmp_path,
        "2026-10-25T12:30",
        LONDON,
        "ask small wins what did I do this morning",
        "ask small wins what did I do yesterday evening",
    )
    assert morning == "This morning, you logged one win. You went for a run."
    assert evening == "Yesterday evening, you logged one win. You finished your essay."
