"""The person's own clock: days, mornings, reminder times."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from skill.alexa.bodies import daily_reminder, goal_timer
from skill.domain.local_time import (
    DailyTime,
    half_unsaid,
    in_half,
    in_the_half_of,
    is_morning,
    is_vague,
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


# An hour said without am or pm: which half of the day it is.
@pytest.mark.parametrize(
    ("at", "utc", "zone", "asked"),
    [
        ((7, 0), datetime(2026, 12, 7, 18, 0, tzinfo=UTC), "Europe/London", True),  # 6 pm
        ((7, 0), datetime(2026, 12, 7, 6, 0, tzinfo=UTC), "Europe/London", False),  # 6 am
        ((7, 0), datetime(2026, 12, 7, 7, 0, tzinfo=UTC), "Europe/London", False),  # at 7 itself
        ((3, 0), datetime(2026, 12, 7, 10, 0, tzinfo=UTC), "Europe/London", True),  # 3 am gone
        ((19, 0), datetime(2026, 12, 7, 20, 0, tzinfo=UTC), "Europe/London", False),  # said whole
        ((0, 30), datetime(2026, 12, 7, 20, 0, tzinfo=UTC), "Europe/London", False),  # midnight
        ((12, 0), datetime(2026, 12, 7, 20, 0, tzinfo=UTC), "Europe/London", False),  # noon
        # 18:00 UTC is 7 am the next day in Auckland: its 7 am has not gone by yet.
        ((7, 30), datetime(2026, 12, 7, 18, 0, tzinfo=UTC), "Pacific/Auckland", False),
        # The day the clocks go back in Los Angeles: 6 pm PST.
        ((7, 0), datetime(2026, 11, 2, 2, 0, tzinfo=UTC), "America/Los_Angeles", True),
    ],
)
def test_an_hour_is_asked_about_only_once_its_morning_has_gone_by(
    at: tuple[int, int], utc: datetime, zone: str, asked: bool
) -> None:
    assert half_unsaid(at, utc, zone) is asked


@pytest.mark.parametrize(
    ("answer", "meant"),
    [
        ("MO", (7, 30)),
        ("AF", (19, 30)),
        ("EV", (19, 30)),
        ("NI", (19, 30)),
        ("19:30", (19, 30)),
        ("07:30", (7, 30)),
        ("21:00", (21, 0)),  # another time said whole is that time
        (None, None),
        ("bakery", None),
    ],
)
def test_the_half_of_the_day_is_taken_from_the_answer(
    answer: str | None, meant: tuple[int, int] | None
) -> None:
    assert in_half((7, 30), answer) == meant


def test_a_reminder_already_set_keeps_its_half_of_the_day() -> None:
    assert in_the_half_of((8, 30), "19:30") == (20, 30)
    assert in_the_half_of((8, 30), "07:30") == (8, 30)
    assert in_the_half_of((8, 30), None) is None
    assert in_the_half_of((20, 30), "07:30") is None  # said whole: nothing to keep


def test_a_part_of_the_day_is_vague_and_a_clock_time_is_not() -> None:
    assert all(is_vague(code) for code in ("MO", "AF", "EV", "NI", "ev"))
    assert not any(is_vague(value) for value in ("07:30", "", None, "noon"))
