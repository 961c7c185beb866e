"""Natural relative dates for past wins: "Yesterday", "On Tuesday", "A week ago Tuesday".

"Last Sunday" is not used: said on a Monday, most people hear yesterday.
"""

from datetime import date
from enum import StrEnum
from typing import NamedTuple


class When(StrEnum):
    """How far back a date is, in the words a person would use."""

    TODAY = "today"
    YESTERDAY = "yesterday"
    THIS_WEEK = "this_week"  # 2-6 days ago: "On Tuesday"
    WEEK_AGO_TODAY = "week_ago_today"  # 7 days ago: "A week ago today"
    LAST_WEEK = "last_week"  # 8-13 days ago: "A week ago Tuesday"
    WEEKS_AGO = "weeks_ago"  # 2-4 weeks ago: "Three weeks ago"
    THIS_YEAR = "this_year"  # "Back in March"
    LONG_AGO = "long_ago"  # "In March 2024"


class RelativeDay(NamedTuple):
    """A past day described relative to today; speech turns it into words per locale."""

    when: When
    day: date
    weeks: int = 0


def relative_day(day: date, today: date) -> RelativeDay:
    """Describe ``day`` as seen from ``today`` (both in the person's own calendar)."""
    days = (today - day).days
    if days <= 0:
        return RelativeDay(When.TODAY, day)
    if days == 1:
        return RelativeDay(When.YESTERDAY, day)
    if days < 7:
        return RelativeDay(When.THIS_WEEK, day)
    if days == 7:
        return RelativeDay(When.WEEK_AGO_TODAY, day)
    if days < 14:  # the same weekday a week before its latest one
        return RelativeDay(When.LAST_WEEK, day)
    if days < 35:
        return RelativeDay(When.WEEKS_AGO, day, weeks=days // 7)
    if days < 330 or day.year == today.year:
        return RelativeDay(When.THIS_YEAR, day)
    return RelativeDay(When.LONG_AGO, day)
