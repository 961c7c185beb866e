"""The weekly recap's calendar: which week is new, on the person's recap day, and which day a
month or a year ago today is. Days are the person's own (``local_day`` in their zone)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from skill.domain.local_time import local_day
from skill.domain.recap import ago, anniversary_of, recap_due, recap_span, week_start
from skill.domain.spans import Span, SpanKind

MONDAY, SUNDAY = 0, 6


def test_a_monday_starts_a_week_and_the_recap_tells_the_one_before() -> None:
    monday = date(2026, 12, 7)
    assert week_start(monday) == monday
    assert week_start(date(2026, 12, 13)) == monday  # Sunday: still that week
    assert recap_span(monday) == Span(SpanKind.WEEK, date(2026, 11, 30), date(2026, 12, 6))


def test_a_sunday_recap_tells_sunday_to_saturday() -> None:
    assert week_start(date(2026, 12, 12), SUNDAY) == date(2026, 12, 6)
    assert recap_span(date(2026, 12, 6), SUNDAY) == Span(
        SpanKind.WEEK, date(2026, 11, 29), date(2026, 12, 5)
    )


def test_a_recap_is_due_once_a_week_and_never_when_off() -> None:
    monday = date(2026, 12, 7)
    assert recap_due(monday, MONDAY, None) is not None
    assert recap_due(monday, MONDAY, date(2026, 11, 30)) is not None  # last week's offer
    assert recap_due(monday, MONDAY, monday) is None
    assert recap_due(date(2026, 12, 10), MONDAY, monday) is None  # Thursday, same week
    assert recap_due(date(2026, 12, 10), MONDAY, None) is not None  # first open on Thursday
    assert recap_due(monday, MONDAY, None, off=True) is None


def test_across_new_year_the_week_spans_both_years() -> None:
    span = recap_span(date(2027, 1, 4))
    assert span == Span(SpanKind.WEEK, date(2026, 12, 28), date(2027, 1, 3))
    assert recap_due(date(2027, 1, 1), MONDAY, date(2026, 12, 28)) is None  # a Friday


@pytest.mark.parametrize(
    ("moment", "zone", "new_week"),
    [
        # 11:30 UTC on Sunday 6 December is already Monday in Auckland and Kiritimati...
        (datetime(2026, 12, 6, 11, 30, tzinfo=UTC), "Pacific/Auckland", date(2026, 12, 7)),
        (datetime(2026, 12, 6, 11, 30, tzinfo=UTC), "Pacific/Kiritimati", date(2026, 12, 7)),
        # ...and still Sunday in Honolulu, where the week that started on the 30th goes on.
        (datetime(2026, 12, 6, 11, 30, tzinfo=UTC), "Pacific/Honolulu", date(2026, 11, 30)),
        # Europe's clocks went back in the small hours of Sunday 25 October 2026: a Monday
        # just after midnight in Berlin is still Sunday in UTC.
        (datetime(2026, 10, 25, 23, 30, tzinfo=UTC), "Europe/Berlin", date(2026, 10, 26)),
        # The US changed on 1 November: 00:30 on Monday 2nd in New York is 05:30 UTC.
        (datetime(2026, 11, 2, 5, 30, tzinfo=UTC), "America/New_York", date(2026, 11, 2)),
        (datetime(2026, 11, 2, 4, 30, tzinfo=UTC), "America/New_York", date(2026, 10, 26)),
    ],
)
def test_the_week_is_the_persons_own_far_from_utc_and_across_clock_changes(
    moment: datetime, zone: str, new_week: date
) -> None:
    assert week_start(local_day(moment, zone)) == new_week


def test_a_year_or_a_month_ago_today() -> None:
    today = date(2026, 12, 7)
    assert anniversary_of(date(2025, 12, 7), today) == "year"
    assert anniversary_of(date(2026, 11, 7), today) == "month"
    assert anniversary_of(date(2024, 12, 7), today) is None  # two years: not said
    assert anniversary_of(date(2026, 12, 6), today) is None
    assert anniversary_of(today, today) is None
    assert anniversary_of(date(2025, 12, 31), date(2026, 1, 31)) == "month"  # across New Year
    assert anniversary_of(date(2024, 2, 29), date(2025, 2, 28)) == "year"


def test_a_year_or_a_month_before_today_is_its_last_day_when_shorter() -> None:
    assert ago(date(2026, 12, 7), "year") == date(2025, 12, 7)
    assert ago(date(2026, 12, 7), "month") == date(2026, 11, 7)
    assert ago(date(2027, 1, 15), "month") == date(2026, 12, 15)  # across New Year
    assert ago(date(2026, 3, 31), "month") == date(2026, 2, 28)
    assert ago(date(2028, 2, 29), "year") == date(2027, 2, 28)
