"""A win told with its day ("yesterday evening", "last night", "on Saturday") is filed on that
day and listed under it, through ``wins chat`` at pinned times: across Dublin's clock change
and Auckland's New Year; a day to come never moves a win."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

DUBLIN = "Europe/Dublin"


def test_yesterday_morning_told_after_midnight_on_the_clock_change_is_saturdays(
    tmp_path: Path,
) -> None:
    # Clocks go back at 02:00 on Sunday 25 October 2026; she has not slept yet.
    (told,) = talk(
        tmp_path,
        "2026-10-25T01:30",
        DUBLIN,
        "tell small wins I changed all the beds yesterday morning before she got sick",
    )
    saturday, today = talk(
        tmp_path,
        "2026-10-25T20:10",
        DUBLIN,
        "ask small wins what did I do on Saturday",
        "ask small wins what did I do today",
    )
    assert "You changed all the beds yesterday morning before she got sick" in told, told
    assert "today" not in told.lower(), told  # no count of today's wins for Saturday's win
    assert saturday.startswith("Yesterday, Saturday, you logged one win."), saturday  # Saturday
    assert "changed all the beds" in saturday and "yesterday" not in saturday, saturday
    assert "changed all the beds" not in today, today


def test_yesterday_evening_across_new_year_and_days_of_last_week_in_auckland(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2027-01-01T09:00",  # a Friday
        AUCKLAND,
        "tell small wins I watered Margaret's roses",
        "tell small wins I rang my daughter yesterday evening",
        "tell small wins last night I stayed up to see the fireworks",
        "tell small wins on Tuesday I walked to the dairy for the paper",
        "tell small wins I'm going to the beach on Sunday",
        "ask small wins what did I do yesterday",
        "ask small wins what did I do on Tuesday",
        "ask small wins what did I do today",
    )
    _, rang, fireworks, dairy, _, yesterday, tuesday, today = said
    assert "You rang your daughter yesterday evening" in rang, rang
    assert "Yesterday, you stayed up to see the fireworks" in fireworks, fireworks  # its day, once
    assert "walked to the dairy" in dairy, dairy
    assert yesterday.startswith("Yesterday, Thursday, you logged 2 wins."), yesterday
    assert "rang your daughter" in yesterday and "fireworks" in yesterday, yesterday
    assert tuesday.startswith("On Tuesday, December 29, you logged one win."), tuesday
    assert "walked to the dairy for the paper" in tuesday, tuesday
    assert today.startswith("Today, Friday, you logged one win."), today
    assert "roses" in today and "beach" not in today, today
