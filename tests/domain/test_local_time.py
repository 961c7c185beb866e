"""The person's own clock: days, mornings, reminder times."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from skill.alexa.bodies import daily_reminder, goal_timer
from skill.domain.local_time import (
    DailyTime,
    is_morning,
    local_day,
    reminder_time,
    zone_is_fresh,
)
from skill.domain.phrasing import intention

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome

NOW = datetime(2026, 11, 21, 10, 30, tzinfo=UTC)


def test_local_day_crosses_midnight_by_zone() -> None:
    assert local_day(NOW, "Pacific/Auckland") == date(2026, 11, 21)  # 23:30
    assert local_day(NOW + timedelta(hours=1), "Pacific/Auckland") == date(2026, 11, 22)
    assert local_day(NOW, "America/Los_Angeles") == date(2026, 11, 21)  # 02:30


@pytest.mark.parametrize("zone", [None, "", "Not/AZone", "../../etc/passwd"])
def test_unknown_zones_fall_back_to_utc(zone: str | None) -> None:
    assert local_day(NOW, zone) == date(2026, 11, 21)
    assert is_morning(NOW, zone)


def test_morning_is_before_noon_locally() -> None:
    assert is_morning(datetime(2026, 11, 21, 19, 59, tzinfo=UTC), "America/Los_Angeles")
    assert not is_morning(datetime(2026, 11, 21, 20, 0, tzinfo=UTC), "America/Los_Angeles")


def test_zone_freshness() -> None:
    assert zone_is_fresh(NOW - timedelta(hours=11), NOW)
    assert not zone_is_fresh(NOW - timedelta(hours=13), NOW)
    assert not zone_is_fresh(None, NOW)
    assert not zone_is_fresh(NOW + timedelta(hours=1), NOW)  # from the future: distrust


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, (8, 0)),
        ("07:30", (7, 30)),
        ("19:00", (19, 0)),
        ("MO", (8, 0)),
        ("EV", (19, 0)),
        ("25:00", (8, 0)),
        ("soon", (8, 0)),
    ],
)
def test_reminder_times(value: str | None, expected: tuple[int, int]) -> None:
    assert reminder_time(value) == expected


def test_daily_time_next_occurrence_respects_daylight_saving() -> None:
    at = DailyTime(8, 0, "America/Los_Angeles")
    # Saturday 31 Oct 2026, 20:00 local; DST ends overnight; next 08:00 is still local 08:00.
    next_time = at.next_after(datetime(2026, 11, 1, 3, 0, tzinfo=UTC))
    assert (next_time.hour, next_time.minute, next_time.day) == (8, 0, 1)
    assert next_time.utcoffset() == timedelta(hours=-8)


def test_reminder_body_uses_local_times_without_zone_suffix() -> None:
    body = daily_reminder(
        at=DailyTime(8, 0, "Pacific/Auckland"), now=NOW, locale="en-US", text="Hi"
    )
    assert body["trigger"]["scheduledTime"] == "2026-11-22T08:00:00.000"
    assert body["requestTime"] == "2026-11-21T23:30:00.000"


def test_goal_timer_body_names_the_task_for_this_skill() -> None:
    body = goal_timer(
        skill_id="amzn1.ask.skill.abc", goal="drink water", label="L", locale="en-US", confirm="C"
    )
    task = body["triggeringBehavior"]["operation"]["task"]
    assert task == {
        "name": "amzn1.ask.skill.abc.CheckInOnGoal",
        "version": "1",
        "input": {"goal": "drink water"},
    }


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ("clear my desk", "clear your desk"),
        ("to call my mom", "call your mom"),
        ("just drink some water", "drink some water"),
        ("I'll do the dishes", "do the dishes"),
    ],
)
def test_intentions_are_said_back_without_a_subject(words: str, said: str) -> None:
    assert intention(words) == said
