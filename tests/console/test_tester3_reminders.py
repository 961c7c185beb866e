"""What a blind tester found with reminders and with conversations that closed too soon,
through ``wins chat`` across simulated days (``--at``), in zones far from UTC and across a clock
change: "am" and "in the morning" are heard, a bare hour is asked about only when its morning
has gone by, an evening reminder is worded for the evening, the reminder is asked about, moved
("ten, no, ten thirty") and stopped the ways people say it, and answers in a conversation the
person opened keep it open."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import LONDON, NEW_YORK, SYDNEY, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

FOLLOW_UP = WORDS.variants("style.continue")


def test_am_and_in_the_morning_are_heard_and_never_asked_again(tmp_path: Path) -> None:
    said = talk(tmp_path, "2026-10-29T10:25", NEW_YORK, "open small wins", "remind me at 9:30 am")
    assert "9:30 AM" in said[1] and "morning, or" not in said[1]
    said = talk(
        tmp_path / "b",
        "2026-10-29T10:22",
        NEW_YORK,
        "ask small wins to remind me at 9:30 in the morning",
    )
    assert "9:30 AM" in said[0] and "morning, or" not in said[0]


def test_an_evening_reminder_is_worded_for_the_evening_and_kept_across_the_clock_change(
    tmp_path: Path,
) -> None:
    # Tuesday 27 October in London, two days after the clocks went back.
    said = talk(
        tmp_path,
        "2026-10-27T19:35",
        LONDON,
        "open small wins",
        "remind me at half seven",
        "in the evening",
        "yes",
        "what time's the reminder",
        "stop the reminder",
    )
    _, half, permission, *rest = said
    assert half == "7:30 in the morning, or 7:30 in the evening?"
    assert "7:30 PM" in permission
    done = next(line for line in rest if line.startswith("Done."))
    assert done.startswith("Done. I'll remind you every day at 7:30 PM to notice what you did.")
    assert "one thing" not in done
    assert any(line.startswith("Your reminder is every day at 7:30 PM.") for line in rest)
    assert any(line.startswith("Okay. Your reminder is off.") for line in rest)
    assert not any("morning reminder" in line for line in rest)


def test_the_reminder_is_asked_about_and_moved_to_the_time_said_last(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-04-05T19:00",  # Sydney, the evening the clocks went back
        SYDNEY,
        "open small wins",
        "remind me every morning at 7",
        "yes",
        "what exact time is my reminder set for",
        "actually can you move my reminder to ten, no, ten thirty",
        "at what time will you remind me",
    )
    asked = [line for line in said if line.startswith("Your reminder is every day at")]
    assert asked == [
        f"Your reminder is every day at 7 AM. {FOLLOW_UP[0]}",
        f"Your reminder is every day at 10:30 AM. {FOLLOW_UP[0]}",
    ] or [line.split(".")[0] for line in asked] == [
        "Your reminder is every day at 7 AM",
        "Your reminder is every day at 10:30 AM",
    ]


def test_move_my_reminder_with_none_set_offers_one_and_answers_keep_the_talk_open(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2026-11-03T10:10",
        LONDON,
        "open small wins",
        "move my reminder to eight",
        "no",
        "what time is my reminder",
        "what did I do yesterday",
    )
    _, offered, declined, none, yesterday = said
    assert offered.startswith("There's no reminder")
    assert offered.endswith("?")
    assert not declined.startswith("Done")
    assert none.startswith("You don't have a reminder.") and "?" not in none  # said plainly
    assert "skill's name" not in yesterday and "haven't logged" in yesterday  # still open
