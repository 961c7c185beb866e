"""The span an AMAZON.DATE value names, read as a question about the past must read it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from skill.domain.spans import (
    Span,
    SpanKind,
    instants,
    last_week,
    night,
    night_asked,
    span_of,
    this_week,
)

MONDAY = date(2026, 12, 7)  # a Monday


def day(text: str, *, by_date: bool = False) -> Span:
    on = date.fromisoformat(text)
    return Span(SpanKind.DAY, on, on, by_date)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-06", day("2026-12-06")),  # yesterday, as Alexa sends it
        ("PRESENT_REF", day("2026-12-07")),
        ("2026-12-07", day("2026-12-07")),
        # "on Tuesday" comes as the coming Tuesday: a past question means the one gone by.
        ("2026-12-08", day("2026-12-01")),
        ("2026-12-13", day("2026-12-06")),  # "on Sunday", six days ahead: yesterday
        # "on the 3rd" comes as next month's 3rd: this month's is meant.
        # Asked for by its date, it is named by its date too ("on Thursday, December 3").
        ("2027-01-03", day("2026-12-03", by_date=True)),
        ("XXXX-XX-03", day("2026-12-03", by_date=True)),
        ("XXXX-XX-20", day("2026-11-20")),  # the 20th is still to come: last month's
        # "the 25th" and "December 25th" both come as 2026-12-25: the latest 25th is read,
        # and the answer names it, so a listener hears which day was read.
        ("2026-12-25", day("2026-11-25")),
        ("2027-03-14", day("2026-03-14")),  # "on March 14th", months ahead: last year's
        ("XXXX-11-03", day("2026-11-03")),
        ("2026-11-03", day("2026-11-03")),
    ],
)
def test_a_day_is_the_last_one_that_has_happened(value: str, expected: Span) -> None:
    assert span_of(value, MONDAY) == expected


@pytest.mark.parametrize(
    ("value", "by_date"),
    [
        ("2026-12-09", False),  # "on Wednesday": the coming one, two days ahead
        ("2026-12-02", False),  # "last Wednesday": as Alexa sends it
        ("2027-01-02", True),  # "on the 2nd": next month's 2nd
        ("XXXX-XX-02", True),
        ("XXXX-12-02", True),  # "December 2nd"
        ("2026-11-02", False),  # a month back: named by its date whatever was said
    ],
)
def test_a_day_of_the_last_week_asked_by_its_date_is_named_by_it(value: str, by_date: bool) -> None:
    found = span_of(value, MONDAY)
    assert found is not None and found.by_date is by_date


def test_this_week_is_since_monday_and_last_week_is_monday_to_sunday() -> None:
    # Said on Monday 7 December: this week is that Monday alone, never Thursday the 3rd.
    assert span_of("2026-W50", MONDAY) == Span(SpanKind.WEEK, MONDAY, MONDAY)
    assert span_of("2026-W50", date(2026, 12, 10)) == Span(
        SpanKind.WEEK, MONDAY, date(2026, 12, 10)
    )
    assert this_week(date(2026, 12, 13)) == Span(SpanKind.WEEK, MONDAY, date(2026, 12, 13))
    assert last_week(MONDAY) == Span(SpanKind.WEEK, date(2026, 11, 30), date(2026, 12, 6))
    assert last_week(date(2026, 12, 13)) == last_week(MONDAY)
    assert span_of("2026-W49", MONDAY) == Span(SpanKind.WEEK, date(2026, 11, 30), date(2026, 12, 6))
    assert span_of("2026-W49-WE", MONDAY) == Span(
        SpanKind.WEEKEND, date(2026, 12, 5), date(2026, 12, 6)
    )


def test_weeks_months_and_years_across_new_year() -> None:
    new_year = date(2027, 1, 1)  # a Friday, in ISO week 53 of 2026
    assert span_of("2026-W53", new_year) == Span(SpanKind.WEEK, date(2026, 12, 28), new_year)
    # Monday 4 January: a new week, holding neither New Year's Eve nor New Year's Day.
    first_monday = date(2027, 1, 4)
    assert span_of("2027-W01", first_monday) == Span(SpanKind.WEEK, first_monday, first_monday)
    assert last_week(first_monday) == Span(SpanKind.WEEK, date(2026, 12, 28), date(2027, 1, 3))
    assert span_of("2026-W52", new_year) == Span(
        SpanKind.WEEK, date(2026, 12, 21), date(2026, 12, 27)
    )
    assert span_of("2026-12", new_year) == Span(
        SpanKind.MONTH, date(2026, 12, 1), date(2026, 12, 31)
    )
    # "in November", sent as the coming one: last November.
    assert span_of("2027-11", new_year) == Span(
        SpanKind.MONTH, date(2026, 11, 1), date(2026, 11, 30)
    )
    assert span_of("2026", new_year) == Span(SpanKind.YEAR, date(2026, 1, 1), date(2026, 12, 31))
    assert span_of("2026-12-31", new_year) == day("2026-12-31")  # yesterday, last year


def test_what_is_still_to_come_is_ahead_and_never_swapped() -> None:
    next_week = span_of("2026-W51", MONDAY)
    assert next_week is not None and next_week.ahead(MONDAY)
    next_year = span_of("2027", MONDAY)
    assert next_year is not None and next_year.ahead(MONDAY)
    next_weekend = span_of("2026-W51-WE", MONDAY)
    assert next_weekend is not None and next_weekend.ahead(MONDAY)


def test_this_weekend_said_on_a_weekday_is_the_one_just_gone() -> None:
    assert span_of("2026-W50-WE", MONDAY) == Span(
        SpanKind.WEEKEND, date(2026, 12, 5), date(2026, 12, 6)
    )
    saturday = date(2026, 12, 12)
    assert span_of("2026-W50-WE", saturday) == Span(
        SpanKind.WEEKEND, date(2026, 12, 12), date(2026, 12, 13)
    )


@pytest.mark.parametrize("value", [None, "", "201X", "2026-WI", "2026-13", "2026-W60", "soon"])
def test_no_span_is_made_up(value: str | None) -> None:
    assert span_of(value, MONDAY) is None


def test_a_day_is_its_own_midnights_across_a_clock_change() -> None:
    # New Zealand's clocks went forward at 02:00 on Sunday 27 September 2026: a 23-hour day.
    start, end = instants(day("2026-09-27"), "Pacific/Auckland")
    assert (end - start).total_seconds() == 23 * 3600
    # Los Angeles went back at 02:00 on Sunday 1 November 2026: a 25-hour day.
    start, end = instants(day("2026-11-01"), "America/Los_Angeles")
    assert (end - start).total_seconds() == 25 * 3600


# --- nights ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("which", "hour", "evening"),
    [
        ("last", 15, date(2026, 12, 2)),  # the afternoon after: the night that ended this morning
        ("last", 5, date(2026, 12, 2)),  # straight off a shift: the night still going
        ("tonight", 5, date(2026, 12, 2)),  # 05:00: the night under way began last evening
        ("tonight", 7, date(2026, 12, 2)),
        ("tonight", 8, date(2026, 12, 3)),  # from 08:00, this evening's
        ("tonight", 22, date(2026, 12, 3)),
        ("2026-12-08", 15, date(2026, 12, 1)),  # "tuesday night" leans back, as days do
    ],
)
def test_a_night_is_the_evening_and_the_small_hours_after_it(
    which: str, hour: int, evening: date
) -> None:
    # Thursday 3 December 2026.
    assert night_asked(which, date(2026, 12, 3), hour) == night(evening)


def test_a_night_reads_from_six_pm_to_eight_am_across_a_clock_change() -> None:
    # New York's clocks go back at 02:00 on Sunday 1 November 2026.
    start, end = instants(night(date(2026, 10, 31)), "America/New_York")
    assert start == datetime(2026, 10, 31, 22, 0, tzinfo=UTC)  # 18:00 EDT
    assert end == datetime(2026, 11, 1, 13, 0, tzinfo=UTC)  # 08:00 EST
