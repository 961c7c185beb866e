"""A reminder moved by a span of time, and asked for politely (``reminder_asks.py``)."""

from __future__ import annotations

import pytest

from skill.domain.reminder_asks import ReminderAsk, ReminderShift, reminder_asked, reminder_shift


@pytest.mark.parametrize(
    ("said", "shift"),
    [
        ("push my reminder back an hour", ReminderShift(60)),
        ("move my reminder half an hour earlier", ReminderShift(-30)),
        ("bring my reminder forward by 30 minutes", ReminderShift(-30)),
        ("make my reminder an hour later", ReminderShift(60)),
        ("can you move the reminder 15 minutes later please", ReminderShift(15)),
        ("could you push the reminder time back two hours", ReminderShift(120)),
        ("move my reminder an hour and a half earlier", ReminderShift(-90)),
        ("actually push my reminder on a quarter of an hour", ReminderShift(15)),
        ("push it back an hour", ReminderShift(60, pointed=True)),
        ("make it half an hour earlier", ReminderShift(-30, pointed=True)),
    ],
)
def test_a_reminder_moved_by_a_span_of_time(said: str, shift: ReminderShift) -> None:
    assert reminder_shift(said) == shift
    assert reminder_asked(said) is None  # no time of day said: never set for "an hour"


@pytest.mark.parametrize(
    "said",
    [
        "move my reminder an hour",  # later or earlier: not said
        "push my reminder to 8",  # a time of day: ``reminder_asked``
        "i pushed the car back an hour",
        "i moved my desk half an hour earlier",
        "i walked for half an hour",
    ],
)
def test_no_shift_is_made_up(said: str) -> None:
    assert reminder_shift(said) is None


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        (
            "i would like a reminder each morning at nine please",
            ReminderAsk("09:00", "am", move=False),
        ),
        ("i'd like a daily reminder at 7:30 pm", ReminderAsk("19:30", "pm", move=False)),
        ("i want a reminder every evening at 8", ReminderAsk("20:00", "pm", move=False)),
        ("remind me every morning at 7", ReminderAsk("07:00", "am", move=False)),
        ("remind me at 7", ReminderAsk("07:00", None, move=False)),  # asked when unclear
    ],
)
def test_a_reminder_asked_for_politely_and_its_part_of_the_day(
    said: str, asked: ReminderAsk
) -> None:
    assert reminder_asked(said) == asked
