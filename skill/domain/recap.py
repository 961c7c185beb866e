"""The weekly recap's calendar: which week a recap tells, and whether it is due.

A person's week starts on their recap day (Monday unless they chose another), in their own
time zone. On the first launch on or after that day, the week that has just ended (the seven
days before it) may be offered: "Want to hear your week? You logged 6 wins." A week is
offered once, and a week with no wins is never mentioned.

Pure: days in, days out. The person's calendar day comes from ``local_day`` (their zone), so
clock changes and New Year need nothing special here.
"""

from calendar import monthrange
from datetime import date, timedelta
from typing import Final

from skill.domain.spans import Span, SpanKind

MONDAY: Final = 0
_WEEK: Final = 7


def week_start(today: date, recap_day: int = MONDAY) -> date:
    """The latest ``recap_day`` (0 Monday .. 6 Sunday) on or before ``today``."""
    return today - timedelta(days=(today.weekday() - recap_day) % _WEEK)


def recap_span(today: date, recap_day: int = MONDAY) -> Span:
    """The seven days that ended the day before this week's recap day: the week a recap tells.

    With Monday as the recap day this is last week, Monday to Sunday; with Sunday, Sunday to
    Saturday. Either is said as "last week".
    """
    start = week_start(today, recap_day)
    return Span(SpanKind.WEEK, start - timedelta(days=_WEEK), start - timedelta(days=1))


def recap_due(
    today: date, recap_day: int, offered: date | None, *, off: bool = False
) -> Span | None:
    """The week to offer on a launch ``today``, or None: the recap is off, or this week's was
    offered already (``offered`` is the start of the week it was last offered in)."""
    if off:
        return None
    start = week_start(today, recap_day)
    if offered is not None and offered >= start:
        return None
    return recap_span(today, recap_day)


def ago(today: date, unit: str) -> date:
    """The day a "year" or a "month" before ``today``: its last day when it is shorter
    (a month before 31 March is 28 or 29 February; a year before 29 February is the 28th)."""
    if unit == "year":
        year, month = today.year - 1, today.month
    else:
        year, month = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    return date(year, month, min(today.day, monthrange(year, month)[1]))


def anniversary_of(day: date, today: date) -> str | None:
    """ "year" when ``day`` is a year ago today, "month" when a month ago to the day, else None.

    A 29 February is a year ago on 28 February of a year that has none; a 31st is a month ago
    on no day of a shorter month.
    """
    if day >= today:
        return None
    if (day.month, day.day) == (today.month, today.day) or (
        (day.month, day.day) == (2, 29) and (today.month, today.day) == (2, 28)
    ):
        return "year" if today.year - day.year == 1 else None
    last_month = today.replace(day=1) - timedelta(days=1)
    if day.day == today.day and (day.year, day.month) == (last_month.year, last_month.month):
        return "month"
    return None
