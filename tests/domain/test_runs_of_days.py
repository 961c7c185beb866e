"""Runs of days ("from Wednesday to Saturday", "the last three days") and "my week", as asked."""

from datetime import date

import pytest

from skill.domain.list_read import SpanAsk, my_week
from skill.domain.spans import Span, SpanKind, days_asked

THURSDAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("first", "last", "span"),
    [
        # Alexa hears weekdays as the coming ones: both are read as the past
        ("2026-12-09", "2026-12-03", (date(2026, 12, 2), date(2026, 12, 3))),  # wed to today
        # the Saturday is last week's, so the Wednesday before it is meant
        ("2026-12-09", "2026-12-05", (date(2026, 11, 25), date(2026, 11, 28))),
        ("2026-11-30", "2026-12-02", (date(2026, 11, 30), date(2026, 12, 2))),  # mon to wed
        ("XXXX-XX-01", "XXXX-XX-03", (date(2026, 12, 1), date(2026, 12, 3))),  # 1st to 3rd
    ],
)
def test_a_run_of_days_is_the_past_and_never_runs_backwards(
    first: str, last: str, span: tuple[date, date]
) -> None:
    found = days_asked(first, last, THURSDAY)
    assert found is not None and found.kind is SpanKind.DAYS
    assert (found.first, found.last) == span


def test_a_run_by_dates_that_runs_backwards_or_names_no_day_is_none() -> None:
    assert days_asked("XXXX-XX-03", "XXXX-XX-01", THURSDAY) is None
    assert days_asked("2026-W48", "2026-12-02", THURSDAY) is None  # a week is no day
    assert days_asked("", "2026-12-02", THURSDAY) is None


@pytest.mark.parametrize(("count", "first"), [("3", date(2026, 12, 1)), ("10", date(2026, 11, 24))])
def test_the_last_days_end_today(count: str, first: date) -> None:
    assert SpanAsk.days("last", count).span(THURSDAY, 0) == Span(SpanKind.DAYS, first, THURSDAY)


@pytest.mark.parametrize("count", ["0", "?", "367", "-2"])
def test_the_last_days_need_a_number_of_them(count: str) -> None:
    assert days_asked("last", count, THURSDAY) is None


def test_the_last_day_is_today() -> None:
    assert days_asked("last", "1", THURSDAY) == Span(SpanKind.DAY, THURSDAY, THURSDAY)


def test_my_week_is_the_week_so_far_or_on_its_first_day_with_nothing_logged_the_last() -> None:
    monday = date(2026, 12, 7)
    assert my_week(THURSDAY, 0, logged_today=False) == Span(
        SpanKind.WEEK, date(2026, 11, 30), THURSDAY
    )
    assert my_week(monday, 0, logged_today=False) == Span(
        SpanKind.WEEK, date(2026, 11, 30), date(2026, 12, 6)
    )
    assert my_week(monday, 0, logged_today=True) == Span(SpanKind.WEEK, monday, monday)
    # a week that begins on Sunday, the person's recap day
    assert my_week(THURSDAY, 6, logged_today=False).first == date(2026, 11, 29)
