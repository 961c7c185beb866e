"""Spans of the person's calendar that a question about the past names: a day, a week, a
weekend, a month, a year, read from an AMAZON.DATE value.

Alexa fills AMAZON.DATE with ISO-8601-like values: ``2026-12-05`` (a day), ``2026-W49`` (a
week, Monday to Sunday), ``2026-W49-WE`` (its weekend), ``2026-12`` (a month), ``2026`` (a
year), ``PRESENT_REF`` (now), and partial dates such as ``XXXX-11-03``. A week is the calendar
week, Monday to Sunday, as a literal listener hears it: "this week" said on Monday 7 December
is that Monday alone, never Thursday the 3rd, and "last week" is the Monday to Sunday before.
Alexa leans towards
the future: "Tuesday" or "December 20th" said on December 7th comes as the next one. A
question about what someone did can only mean the past, so such a day is read as the last one
that has happened: a weekday within the coming week as the one before, a day of next month
within a month as this month's ("on the 3rd"), a date later in the coming year as last
year's, a month to come as last year's. A week or a year still to come ("next
week") is said to be ahead, never swapped for another.
"""

from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Final, NamedTuple

from skill.domain.local_time import zone
from skill.domain.patterns import compiled

_DAY: Final = r"^(\d{4}|XXXX)-(\d{2}|XX)-(\d{2})$"
_WEEK: Final = r"^(\d{4})-W(\d{2})(-WE)?$"
_MONTH: Final = r"^(\d{4})-(\d{2})$"
_YEAR: Final = r"^(\d{4})$"
_WEEK_DAYS: Final = 7
_MONTH_DAYS: Final = 31
_YEAR_DAYS: Final = 366


class SpanKind(StrEnum):
    DAY = "day"
    WEEK = "week"
    SEVEN_DAYS = "seven_days"  # "in the last seven days", today included
    WEEKEND = "weekend"
    MONTH = "month"
    YEAR = "year"
    NIGHT = "night"  # an evening and the small hours after it: ``first`` is the evening's day
    DAYS = "days"  # a run of days asked for: "from Wednesday to Saturday", "the last 3 days"
    # Parts of one day (``DAY_PARTS``): ``first`` is the day; an evening runs into the next.
    MORNING = "morning"
    LUNCH = "lunch"
    AFTERNOON = "afternoon"
    EVENING = "evening"


class Span(NamedTuple):
    """Whole calendar days, ``first`` to ``last`` included, on the person's calendar."""

    kind: SpanKind
    first: date
    last: date
    # A day asked for by its date ("on the 2nd", "November 2nd"), not by its weekday: named
    # by its date too, even within the last week ("on Wednesday, December 2").
    by_date: bool = False

    def ahead(self, today: date) -> bool:
        """Whether the span has not begun yet."""
        return self.first > today

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last


def span_of(value: str | None, today: date) -> Span | None:
    """The span an AMAZON.DATE ``value`` names, read as the past where Alexa leans forward;
    None when there is no value or it names no span this skill reads (a decade, a season)."""
    if not value:
        return None
    value = value.strip().upper()
    if value == "PRESENT_REF":
        return Span(SpanKind.DAY, today, today)
    if found := compiled(_DAY).match(value):
        year, month, number = found.group(1), found.group(2), int(found.group(3))
        day = _past_day(year, month, number, today)
        if day is None:
            return None
        # Further back than a week a day is named by its date anyway: kept plain there.
        recent = (today - day).days < _WEEK_DAYS
        by_date = recent and _by_date(year, month, number, today)
        return Span(SpanKind.DAY, day, day, by_date=by_date)
    if found := compiled(_WEEK).match(value):
        week = _week(int(found.group(1)), int(found.group(2)), weekend=bool(found.group(3)))
        return None if week is None else _past_week(week, today)
    if found := compiled(_MONTH).match(value):
        year, month = int(found.group(1)), int(found.group(2))
        if not 1 <= month <= 12:
            return None
        if (year, month) > (today.year, today.month):  # "in March", said in December
            year = today.year - 1 if month > today.month else year - 1
        return _month(year, month)
    if found := compiled(_YEAR).match(value):
        year = int(found.group(1))
        return Span(SpanKind.YEAR, date(year, 1, 1), date(year, 12, 31))
    return None


def _past_week(week: Span, today: date) -> Span:
    """The week, or the weekend, a past question means."""
    if week.kind is SpanKind.WEEK and week.holds(today):
        return this_week(today)  # since Monday, as "how many this week" counts
    soon = week.first - today < timedelta(days=_WEEK_DAYS)
    if week.kind is SpanKind.WEEKEND and week.ahead(today) and soon:
        # "this weekend", said on a weekday: this week's is still to come, the last is meant
        shift = timedelta(days=_WEEK_DAYS)
        return week._replace(first=week.first - shift, last=week.last - shift)
    return week


def _by_date(year: str, month: str, day: int, today: date) -> bool:
    """Whether an AMAZON.DATE day was asked for by its date: Alexa fills a weekday said
    ("on Wednesday") with a day of the week to come, a date said ("on the 2nd") with the next
    such date, often further ahead, or with no year or month."""
    if "X" in year or "X" in month:
        return True
    named = _date(int(year), int(month), day)
    return named is not None and (named - today).days >= _WEEK_DAYS


def _past_day(year: str, month: str, day: int, today: date) -> date | None:
    """The day named, the last one on or before ``today`` where Alexa gave the next one."""
    if month == "XX":  # "on the 3rd": this month's, or last month's if it is still to come
        candidate = _date(today.year, today.month, day)
        if candidate is None or candidate > today:
            last_month = today.replace(day=1) - timedelta(days=1)
            candidate = _date(last_month.year, last_month.month, day)
        return candidate
    if year == "XXXX":
        candidate = _date(today.year, int(month), day)
        if candidate is not None and candidate > today:
            candidate = _date(today.year - 1, int(month), day)
        return candidate
    candidate = _date(int(year), int(month), day)
    if candidate is None or candidate <= today:
        return candidate
    ahead = (candidate - today).days
    if ahead < _WEEK_DAYS:  # "on Tuesday", heard as the coming one
        return candidate - timedelta(days=_WEEK_DAYS)
    month_before = _date(
        candidate.year - (candidate.month == 1), (candidate.month - 2) % 12 + 1, candidate.day
    )
    if ahead <= _MONTH_DAYS and month_before is not None and month_before <= today:
        return month_before  # "on the 3rd", heard as next month's
    if ahead <= _YEAR_DAYS:  # "on December 20th", heard as the coming one
        return _date(candidate.year - 1, candidate.month, candidate.day)
    return candidate  # further ahead still: said of the future, and named as such


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _week(year: int, week: int, *, weekend: bool) -> Span | None:
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    sunday = monday + timedelta(days=6)
    if weekend:
        return Span(SpanKind.WEEKEND, monday + timedelta(days=5), sunday)
    return Span(SpanKind.WEEK, monday, sunday)


def _month(year: int, month: int) -> Span:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return Span(SpanKind.MONTH, first, following - timedelta(days=1))


# The most days "the last ... days" reads: a year's.
MOST_DAYS: Final = _YEAR_DAYS


def days_asked(first: str, last: str, today: date) -> Span | None:
    """The run of days from the day an AMAZON.DATE ``first`` names to ``last``'s, both read as
    the past ("from Wednesday to Saturday", said on a Thursday: last week's Wednesday, as the
    Saturday is last week's); ``first`` "last": the last ``last`` days, today included. None
    when they name no run of days."""
    if first == "last":
        count = int(last) if last.isdigit() else 0
        if not 1 <= count <= MOST_DAYS:
            return None
        if count == 1:  # "the last day": today
            return Span(SpanKind.DAY, today, today)
        return Span(SpanKind.DAYS, today - timedelta(days=count - 1), today)
    start, end = span_of(first, today), span_of(last, today)
    if start is None or end is None:
        return None
    if start.kind is not SpanKind.DAY or end.kind is not SpanKind.DAY:
        return None
    begin = start.first
    if begin > end.first and not start.by_date:  # a weekday: the one before the last day
        begin -= timedelta(days=_WEEK_DAYS * -(-(begin - end.first).days // _WEEK_DAYS))
    if begin > end.first:
        return None
    return Span(SpanKind.DAYS, begin, end.first, by_date=start.by_date or end.by_date)


def seven_days(today: date) -> Span:
    """The last seven days, today included."""
    return Span(SpanKind.SEVEN_DAYS, today - timedelta(days=_WEEK_DAYS - 1), today)


def monday_of(today: date) -> date:
    """The Monday that began ``today``'s calendar week (``today`` itself on a Monday)."""
    return today - timedelta(days=today.weekday())


def this_week(today: date) -> Span:
    """ "This week": since Monday, today included; on a Monday, that Monday alone."""
    return Span(SpanKind.WEEK, monday_of(today), today)


def this_month(today: date) -> Span:
    """ "This month": since its first day, today included."""
    return Span(SpanKind.MONTH, today.replace(day=1), today)


def last_week(today: date) -> Span:
    """ "Last week": the Monday to Sunday before this week."""
    monday = monday_of(today) - timedelta(days=_WEEK_DAYS)
    return Span(SpanKind.WEEK, monday, monday + timedelta(days=_WEEK_DAYS - 1))


def midnight(day: date, zone_name: str | None) -> datetime:
    """When ``day`` begins on the person's clock, in UTC.

    Where the clocks skip midnight itself, ``fold=0`` reads the skipped time with the offset
    from before the change, which is the instant the day begins.
    """
    return datetime.combine(day, time(), tzinfo=zone(zone_name)).astimezone(UTC)


def instants(span: Span, zone_name: str | None) -> tuple[datetime, datetime]:
    """The span as UTC instants: its first midnight, and the midnight after its last day; a
    night, from its evening at ``NIGHT_FROM`` to ``NIGHT_UNTIL`` the next morning."""
    if span.kind is SpanKind.NIGHT:
        return _at(span.first, NIGHT_FROM, zone_name), _at(span.last, NIGHT_UNTIL, zone_name)
    if (edges := DAY_PARTS.get(span.kind)) is not None:
        start, end = edges
        return _at_time(span.first, start, zone_name), _at_time(span.last, end, zone_name)
    return midnight(span.first, zone_name), midnight(span.last + timedelta(days=1), zone_name)


# A night, for "last night" and "tonight": from 6 pm to 8 am the next morning, so that a night
# shift and the charting before handover are one night, and a night worker's afternoon is not.
NIGHT_FROM: Final = 18
NIGHT_UNTIL: Final = 8


def night(evening: date) -> Span:
    """The night that begins on the evening of ``evening``."""
    return Span(SpanKind.NIGHT, evening, evening + timedelta(days=1))


def night_asked(which: str, today: date, hour: int) -> Span | None:
    """The night "last night" or "tonight" means, asked at ``hour`` on ``today``, or the
    night of an AMAZON.DATE day ("wednesday night").

    The rule: "last night" is always the night that began yesterday evening, whether it is
    still going (asked at 5 am straight off a shift) or ended this morning (asked in the
    afternoon). "Tonight" is the night under way: before ``NIGHT_UNTIL`` that is the one that
    began yesterday evening (a win at 23:50 counts for "tonight" asked at 05:00); from then on,
    this evening's.
    """
    if which == "last":
        return night(today - timedelta(days=1))
    if which == "tonight":
        return night(today - timedelta(days=1) if hour < NIGHT_UNTIL else today)
    day = span_of(which, today)
    if day is None or day.kind is not SpanKind.DAY:
        return None
    return night(day.first)


def _at(day: date, hour: int, zone_name: str | None) -> datetime:
    """``hour`` o'clock on ``day`` on the person's clock, in UTC."""
    return _at_time(day, time(hour), zone_name)


def _at_time(day: date, moment: time, zone_name: str | None) -> datetime:
    return datetime.combine(day, moment, tzinfo=zone(zone_name)).astimezone(UTC)


# The parts of a day a question names ("what did I do this morning", "yesterday afternoon",
# "at lunch", "on Tuesday evening"), from when to when on the person's clock: the small hours
# end at 4, the morning runs to noon, the afternoon to 6 pm, and the evening from then into
# the small hours of the next day. Lunch sits across noon. "Last night" and "tonight" are
# nights (``NIGHT_FROM`` to ``NIGHT_UNTIL``), which a night shift runs through.
SMALL_HOURS_END: Final = time(4)
DAY_PARTS: Final[dict[SpanKind, tuple[time, time]]] = {
    SpanKind.MORNING: (SMALL_HOURS_END, time(12)),
    SpanKind.LUNCH: (time(11, 30), time(14)),
    SpanKind.AFTERNOON: (time(12), time(18)),
    SpanKind.EVENING: (time(18), SMALL_HOURS_END),
}


def part_of(kind: SpanKind, day: date) -> Span:
    """The part ``kind`` (one of ``DAY_PARTS``) of ``day``."""
    start, end = DAY_PARTS[kind]
    return Span(kind, day, day + timedelta(days=1) if end <= start else day)


def part_asked(part: str, when: str, today: date, now: time) -> Span | None:
    """The part of a day ``part`` ("morning", "lunch", "afternoon", "evening") names, of the
    day an AMAZON.DATE ``when`` names, or, with none, of today, asked at ``now`` on the
    person's clock. In the small hours, before ``SMALL_HOURS_END``, "this evening" is the one
    still going on (yesterday's), as "tonight" is. None when it names no part of a day."""
    try:
        kind = SpanKind(part)
    except ValueError:
        return None
    if kind not in DAY_PARTS:
        return None
    if when:
        day = span_of(when, today)
        if day is None or day.kind is not SpanKind.DAY:
            return None
        return part_of(kind, day.first)
    if kind is SpanKind.EVENING and now < SMALL_HOURS_END:
        return part_of(kind, today - timedelta(days=1))
    return part_of(kind, today)


def not_begun(span: Span, now: datetime, zone_name: str | None) -> bool:
    """Whether ``span`` is a part of a day still to come at ``now`` ("this afternoon", asked
    in the morning): nothing can have been logged in it yet."""
    return span.kind in DAY_PARTS and instants(span, zone_name)[0] > now
