"""Relative dates as a person would say them."""

from __future__ import annotations

from datetime import date

import pytest

from skill.domain.dates import When, relative_day

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome

SATURDAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("day", "when", "weeks"),
    [
        (date(2026, 11, 21), When.TODAY, 0),
        (date(2026, 11, 20), When.YESTERDAY, 0),
        (date(2026, 11, 17), When.THIS_WEEK, 0),  # Tuesday, four days ago: "On Tuesday"
        (date(2026, 11, 15), When.THIS_WEEK, 0),
        (date(2026, 11, 14), When.WEEK_AGO_TODAY, 0),  # "A week ago today"
        (date(2026, 11, 13), When.LAST_WEEK, 0),  # "A week ago Friday"
        (date(2026, 11, 10), When.LAST_WEEK, 0),  # "A week ago Tuesday"
        (date(2026, 11, 7), When.WEEKS_AGO, 2),
        (date(2026, 10, 20), When.WEEKS_AGO, 4),
        (date(2026, 3, 2), When.THIS_YEAR, 0),
        (date(2025, 12, 30), When.THIS_YEAR, 0),  # under a year: "Back in December"
        (date(2025, 11, 1), When.LONG_AGO, 0),
        (date(2027, 1, 1), When.TODAY, 0),  # a clock skew never produces "in the future"
    ],
)
def test_relative_day(day: date, when: When, weeks: int) -> None:
    described = relative_day(day, SATURDAY)
    assert (described.when, described.weeks, described.day) == (when, weeks, day)


def test_eight_days_ago_on_a_monday_is_not_called_last_sunday() -> None:
    # Said on a Monday, "last Sunday" means yesterday to most people.
    described = relative_day(date(2026, 11, 15), date(2026, 11, 23))
    assert described.when is When.LAST_WEEK and described.day.weekday() == 6
