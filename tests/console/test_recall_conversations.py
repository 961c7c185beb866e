"""Recall across simulated days through ``wins chat``: wins logged on several days (``--at``),
then asked about yesterday, a weekday, this week, last week, a day with nothing, and counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, answers, chat, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def on(tmp_path: Path, at: str, *lines: str) -> list[str]:
    return talk(tmp_path, at, AUCKLAND, *lines)


def test_yesterday_a_weekday_this_week_and_an_empty_day_in_auckland(tmp_path: Path) -> None:
    # Tuesday 1 and Thursday 3 December, and late on Sunday 6th (still the 6th in Auckland,
    # already Sunday morning in UTC), then asked on Monday 7 December 2026.
    on(tmp_path, "2026-12-01T09:00", "tell small wins I did the laundry")
    on(tmp_path, "2026-12-03T18:00", "tell small wins I went to the dentist")
    on(
        tmp_path,
        "2026-12-06T23:30",
        *(f"tell small wins I {win}" for win in ("called my mum", "made the bed", "fed the cat")),
        "tell small wins I watered the plants",
        "tell small wins I went for a walk",
        "tell small wins I read a chapter",
    )

    said = on(
        tmp_path,
        "2026-12-07T09:00",
        "ask small wins what did I do yesterday",
        "ask small wins what did I do on Tuesday",
        "ask small wins what did I log on Thursday",
        "open small wins",
        "read me all my wins from last week",
        "the rest",
        "ask small wins what did I do on Saturday",
        "yes",
        "ask small wins how many wins have I got today",
        "ask small wins how many did I get this week",
        "ask small wins have I got any wins so far this month",
    )

    yesterday, tuesday, thursday, _, week, rest, saturday, other, today, counted, month = said
    assert yesterday.startswith("Yesterday, Sunday, you logged 6 wins. You read a chapter.")
    assert yesterday.endswith("And 1 more. Want the rest?")
    assert tuesday == "On Tuesday, you logged one win. You did the laundry."
    assert thursday == "On Thursday, you logged one win. You went to the dentist."
    assert week.startswith("Last week, you logged 8 wins. Yesterday, you read a chapter. You went")
    assert week.endswith("And 3 more. Want the rest?")
    assert rest.startswith(
        "Yesterday, you called your mum. On Thursday, you went to the dentist. "
        "On Tuesday, you did the laundry. That's all of them."
    )
    assert saturday.startswith("I don't have any wins logged on Saturday, and that's okay.")
    # A win from another day, named by its own day, never as Saturday's.
    assert other.startswith(("Yesterday, you", "On Tuesday, you", "On Thursday, you"))
    assert today.startswith("Nothing logged yet today")
    # Monday morning: this week began today, and nothing is logged in it yet.
    assert counted == "Nothing logged yet this week, since Monday, and that's okay."
    assert month == "You've logged 8 wins this month."


def test_last_week_and_a_new_year_in_los_angeles(tmp_path: Path) -> None:
    options = ("--time-zone", "America/Los_Angeles")

    def at(moment: str, *lines: str) -> list[str]:
        return answers(chat(tmp_path, *lines, options=("--at", moment, *options)))

    at("2026-12-31T23:50", "tell small wins I stayed up late")
    at("2027-01-01T00:10", "tell small wins I made a wish")

    yesterday, in_december, this_year = at(
        "2027-01-01T10:00",
        "ask small wins what did I do yesterday",
        "ask small wins what did I do in December",
        "ask small wins what did I do this year",
    )

    assert yesterday == "Yesterday, Thursday, you logged one win. You stayed up late."
    assert in_december == "In December, you logged one win. Yesterday, you stayed up late."
    assert this_year == "This year, you logged one win. Earlier today, you made a wish."
