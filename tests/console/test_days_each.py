"""Deeds told with days of their own are filed and said back each on its day, and words
that name no one day ("a few days ago") are never today's nor passed off as a day's, through
``wins chat`` at pinned times: London, Auckland across New Year, London's clock change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, LONDON, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def test_two_days_in_one_breath_are_filed_and_said_on_each(tmp_path: Path) -> None:
    told, monday, yesterday = talk(
        tmp_path,
        "2026-12-10T09:00",  # a Thursday
        LONDON,
        "tell small wins on monday i cleaned the oven and yesterday i went for a run",
        "ask small wins what did I do on monday",
        "ask small wins what did I do yesterday",
    )
    assert "You cleaned the oven on Monday and went for a run yesterday" in told, told
    assert monday.startswith("On Monday, you logged one win."), monday
    assert "cleaned the oven" in monday and "run" not in monday, monday
    assert yesterday.startswith("Yesterday, Wednesday, you logged one win."), yesterday
    assert "went for a run" in yesterday and "oven" not in yesterday, yesterday


def test_yesterday_and_today_said_together_count_only_todays(tmp_path: Path) -> None:
    told, today = talk(
        tmp_path,
        "2026-12-10T09:00",
        LONDON,
        "tell small wins i fed the cat and last night i finished my book",
        "ask small wins what did I do today",
    )
    assert "You fed the cat today and finished your book last night" in told, told
    assert today.startswith("Today, Thursday, you logged one win."), today
    assert "book" not in today, today


def test_vague_days_are_never_todays_and_read_back_as_estimates(tmp_path: Path) -> None:
    bike, mum, today, tuesday, week = talk(
        tmp_path,
        "2026-12-10T09:00",
        LONDON,
        "tell small wins the other day i fixed my bike",
        "tell small wins a few days ago i called my mum",
        "ask small wins what did I do today",
        "ask small wins what did I do on tuesday",
        "ask small wins what did I do this week",
    )
    assert "You fixed your bike the other day" in bike, bike
    assert "You called your mum a few days ago" in mum, mum
    assert "today" not in bike.lower() and "today" not in mum.lower()
    assert "bike" not in today and "mum" not in today, today
    assert "bike" not in tuesday, tuesday  # an estimate is no day's win
    assert "logged 2 wins" in week, week
    assert "Around Tuesday, December 8, you fixed your bike" in week, week
    assert "Around Monday, December 7, you called your mum" in week, week


def test_days_of_their_own_after_midnight_in_auckland_across_new_year(tmp_path: Path) -> None:
    told, yesterday, tuesday = talk(
        tmp_path,
        "2027-01-01T00:30",  # a Friday, half an hour into the year
        AUCKLAND,
        "tell small wins on tuesday i walked to the dairy and yesterday i rang my daughter",
        "ask small wins what did I do yesterday",
        "ask small wins what did I do on tuesday",
    )
    assert "walked to the dairy on Tuesday, December 29" in told, told
    assert "rang your daughter yesterday" in told, told
    assert yesterday.startswith("Yesterday, Thursday, you logged one win."), yesterday
    assert "rang your daughter" in yesterday and "dairy" not in yesterday, yesterday
    assert tuesday.startswith("On Tuesday, December 29, you logged one win."), tuesday


def test_an_estimate_across_the_clock_change_stays_out_of_yesterday(tmp_path: Path) -> None:
    # Clocks go forward at 01:00 on Sunday 28 March 2027 in London.
    book, bike, yesterday, week = talk(
        tmp_path,
        "2027-03-28T00:30",
        LONDON,
        "tell small wins last night i finished my book",
        "tell small wins the other day i fixed my bike",
        "ask small wins what did I do yesterday",
        "ask small wins what did I do this week",
    )
    assert "finished your book" in book, book
    assert "You fixed your bike the other day" in bike, bike
    assert yesterday.startswith("Yesterday, Saturday, you logged one win."), yesterday
    assert "bike" not in yesterday, yesterday
    assert "Around Friday, March 26, you fixed your bike" in week, week
