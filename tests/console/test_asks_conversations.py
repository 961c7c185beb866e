"""Asking what is set, counting in any words, and the reminder told any way, through `wins
chat` over simulated days: in zones far from UTC and across a change of the clocks.

Each run pins its own instant (``--at``, UTC) and zone, so the machine's clock never reaches it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.console.talking import WORDS, chat

pytestmark = pytest.mark.slow

REMINDER_SET = re.compile(r"Reminder set: every day at (\d\d:\d\d) \(([^)]+)\)")


def run(tmp_path: Path, at: str, zone: str, *lines: str) -> tuple[list[str], list[tuple[str, str]]]:
    """One run of the console: its answers, one per line typed, and the reminders it set."""
    result = chat(tmp_path, *lines, options=("--at", at, "--time-zone", zone))
    assert result.returncode == 0, result.stderr
    said = result.stdout.splitlines()
    assert len(said) == len(lines), said
    found = REMINDER_SET.findall(result.stdout + result.stderr)
    return said, [(str(time), str(where)) for time, where in found]


def test_half_seven_in_london_is_asked_about_set_told_and_moved_across_the_clock_change(
    tmp_path: Path,
) -> None:
    # Saturday 27 March 2027, 6 pm in London (GMT): the clocks go forward that night.
    said, set_ = run(
        tmp_path,
        "2027-03-27T18:00:00+00:00",
        "Europe/London",
        "tell small wins I did the laundry",
        "open small wins",
        "remind me at half seven",  # 7:30 in the morning, or 7:30 in the evening?
        "in the evening",
        "yes",  # to Alexa's own question: may Small Wins set reminders?
    )
    assert said[2] == "7:30 in the morning, or 7:30 in the evening?"
    assert "every day at 7:30 PM" in said[4]
    assert set_ == [("19:30", "Europe/London")]

    # Sunday 28 March, 7 pm in London (BST since 1 am): the same wall-clock time.
    said, set_ = run(
        tmp_path,
        "2027-03-28T18:00:00+00:00",
        "Europe/London",
        "ask small wins what time is my reminder",
        "ask small wins when did I start",
        "open small wins",
        "change my reminder to half eight",  # keeps the evening
        "ask small wins when is my reminder",
        "ask small wins how many wins have I got today",
    )
    assert said[0] == "Your reminder is every day at 7:30 PM."
    assert said[1] == "Your first win here was yesterday, Saturday."
    assert "every day at 8:30 PM" in said[3]
    assert set_ == [("20:30", "Europe/London")]
    assert said[4] == "Your reminder is every day at 8:30 PM."
    assert "nothing logged yet today" in said[5].lower(), said[5]  # the laundry was yesterday


def test_seven_in_los_angeles_after_the_clocks_go_back(tmp_path: Path) -> None:
    # Saturday 31 October 2026, 11:30 pm in Los Angeles (PDT).
    said, _ = run(
        tmp_path,
        "2026-11-01T06:30:00+00:00",
        "America/Los_Angeles",
        "tell small wins I watered the plants",
        "ask small wins do I have a reminder",
    )
    assert said[1] in WORDS.variants("asks.reminder_none")

    # Sunday 1 November, 6 pm (PST since 2 am): "seven" could be either; "the evening".
    said, set_ = run(
        tmp_path,
        "2026-11-02T02:00:00+00:00",
        "America/Los_Angeles",
        "ask small wins when did I start",
        "ask small wins to remind me every day at 7",
        "the evening",
        "yes",
        "ask small wins what time is my reminder",
        "open small wins",
        "can it be quarter past seven instead",
        "ask small wins what time will you remind me",
    )
    assert said[0] == "Your first win here was yesterday, Saturday."
    assert said[1] == "7 in the morning, or 7 in the evening?"
    assert "every day at 7 PM" in said[3]
    assert said[4] == "Your reminder is every day at 7 PM."
    assert "every day at 7:15 PM" in said[6]
    assert said[7] == "Your reminder is every day at 7:15 PM."
    assert set_ == [("19:00", "America/Los_Angeles"), ("19:15", "America/Los_Angeles")]


def test_the_morning_reminder_takes_the_morning_and_a_time_said_whole_is_never_asked_about(
    tmp_path: Path,
) -> None:
    # 9 pm in Auckland (UTC+13).
    said, set_ = run(
        tmp_path,
        "2026-12-07T08:00:00+00:00",
        "Pacific/Auckland",
        "tell small wins to remind me every morning at quarter to eight",
        "yes",
        "tell small wins to remind me at 7:15 pm every day",
        "ask small wins what style am I on",
        "ask small wins to keep it calm",
        "ask small wins what's my style",
        "ask small wins what's my goal",
        "tell small wins to remind me every evening at half eight",
        "ask small wins am I in calm mode",
    )
    assert "every day at 7:45 AM" in said[1]
    assert "every day at 7:15 PM" in said[2]
    assert set_ == [
        ("07:45", "Pacific/Auckland"),
        ("19:15", "Pacific/Auckland"),
        ("20:30", "Pacific/Auckland"),
    ]
    assert said[3] == "Your style is cheerful."
    assert said[5] == "Your style is calm."
    assert said[6] in WORDS.variants("asks.goal_none")
    assert "every day at 8:30 PM" in said[7]
    assert said[8] == "Your style is calm."


def test_counts_are_understood_in_the_words_people_use(tmp_path: Path) -> None:
    # 10 am in Kolkata (UTC+5:30).
    lines = (
        "tell small wins I did the laundry",
        "tell small wins I made my bed",
        "ask small wins how many wins have I got",
        "ask small wins how many did I get today",
        "ask small wins how many so far",
        "ask small wins how many this month",
        "ask small wins have I got any wins today",
        "ask small wins what's my count",
        "ask small wins how many wins is that",
    )
    said, _ = run(tmp_path, "2026-12-07T04:30:00+00:00", "Asia/Kolkata", *lines)
    for line, answer in zip(lines[2:], said[2:], strict=True):
        assert "2" in answer or "two" in answer.lower(), (line, answer)
