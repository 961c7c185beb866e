"""When a win was done, from its own words: "I rang my daughter yesterday evening".

A win told with an explicit past day is filed on that day: "yesterday", "last night", "this
morning", "the day before yesterday", "two days ago", "on Saturday", "last Saturday", and a date
("on the 2nd of January", "on January 2nd", "on the 3rd"). It is filed at a time of day the
words name (morning 9:00, lunchtime 12:00, afternoon 15:00, evening 19:00, night 21:00; noon
when they name none: a day said is a day, not a clock time, which ``DayTold.timed`` records).
Never later than the moment it is told: a weekday is the last one within the week ("on Friday"
said on Wednesday is last Friday), a date without a month is this month's or, when that is yet
to come, last month's, and a date with one is this year's or, when yet to come, last year's. A
day that is today, or a time of today not yet come, leaves the win at the moment it was told.

A date no calendar holds where it would fall ("the 31st" when last month had 30 days, "the
30th of February") is ``NoSuchDay``: the caller keeps the win at the moment told and says so.

``ahead`` is the other side: a plan said for a day to come ("tomorrow I'll clean the car"),
which is never filed as a win and never today's one thing.

Pure: words and the person's local time in, a local time out.
"""

from datetime import date, datetime, time, timedelta
from typing import Final, NamedTuple

from skill.domain.patterns import compiled

_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS: Final = (
    *("january", "february", "march", "april", "may", "june", "july"),
    *("august", "september", "october", "november", "december"),
)
_PARTS: Final = {
    "morning": time(9),
    "lunchtime": time(12),
    "afternoon": time(15),
    "evening": time(19),
    "night": time(21),
    "tonight": time(21),
}
_UNITS: Final = (
    *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
)
_TEENS: Final = (
    *("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"),
    *("seventeenth", "eighteenth", "nineteenth"),
)
# "second" is 2, "twenty second" 22, "thirtieth" 30: the ordinals a day of the month is said in.
_ORDINAL_WORDS: Final[dict[str, int]] = {
    **{word: at for at, word in enumerate(_UNITS, start=1)},
    **{word: at for at, word in enumerate(_TEENS, start=10)},
    "twentieth": 20,
    **{f"twenty {word}": 20 + at for at, word in enumerate(_UNITS, start=1)},
    "thirtieth": 30,
    "thirty first": 31,
}
_COUNTS: Final[dict[str, int]] = {
    **{"a couple of": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7},
    **{"eight": 8, "nine": 9, "ten": 10},
}
_PART: Final = r"(?:morning|lunchtime|afternoon|evening|night)"
_DAY: Final = "|".join(_WEEKDAYS)
_MONTH: Final = "|".join(_MONTHS)
_NTH_WORD: Final = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
# A day of the month: "2nd", "22nd", "second", "twenty second"; "2" only beside a month.
_NTH: Final = r"(?:(?P<{0}>[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)|(?P<{0}_w>" + _NTH_WORD + r"))"
_NUMBER: Final = r"(?:(?P<{0}>[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?|(?P<{0}_w>" + _NTH_WORD + r"))"
# What may follow a date said without its month, so "on the 2nd floor" is no day.
_AFTER_BARE_DATE: Final = r"(?=$|[,.;!?]| (?:i|we|and|me|my|in the|at|" + _PART[3:-1] + r")\b)"
_DAYS_SAID: Final = (
    r"(?:(?P<before>the day before yesterday)(?: (?P<before_part>" + _PART + r"))?"
    r"|(?P<yesterday>yesterday)(?: (?:in the )?(?P<yesterday_part>" + _PART + r"))?"
    r"|last (?P<last_part>night|evening)"
    r"|this (?P<this_part>morning|afternoon|evening)"
    r"|(?P<ago>" + "|".join(_COUNTS) + r"|[2-9]|[1-5][0-9]) days ago"
    r"|(?P<week_ago>a week) ago"
    r"|(?:on |the )?(?:the )?" + _NUMBER.format("nth") + r" (?:of )?(?P<month>" + _MONTH + r")\b"
    r"|(?:on )?(?P<month2>"
    + _MONTH
    + r") (?:the )?"
    + _NUMBER.format("nth2")
    + r"|on the "
    + _NTH.format("nth3")
    + _AFTER_BARE_DATE
    + r"|(?P<last>last )?(?:on )?(?P<on_day>"
    + _DAY
    + r")(?: (?P<on_part>"
    + _PART
    + r"))?)"
)
_WHEN: Final = r"\b" + _DAYS_SAID + r"\b(?!'s)"
# A day said before the deed it dates: "yesterday i fixed the sink", "on the 3rd, i ran";
# the reader (``reading.py``) reads the deed without it.
DAY_FIRST: Final = r"^(?:i )?(?:earlier today|so far today|today|" + _DAYS_SAID + r")[\s,]+(?=i )"
# A weekday said without "on" or "last" names a day only where it leads the words.
_LEADS: Final = r"^(?:" + _DAY + r")\b"
# The longest ago a weekday said is believed: "on Saturday" is within the last week.
_MOST_DAYS_BACK: Final = 6
# A day to come, said with a plan: "tomorrow", "next Tuesday", "in two days".
_AHEAD_DAY: Final = (
    r"\b(?:tomorrow|the day after tomorrow|next (?:week|month|weekend|" + _DAY + r")"
    r"|in (?:a couple of|a few|two|three|four|five|\d+) days)\b"
)
_PLANNED: Final = (
    r"\b(?:i will|i'll|i ll|i shall|i am going to|i am gonna|i'm going to|i'm gonna|going to|gonna"
    r"|i plan to|i am planning to|i need to|i have to|i must|i want to|i hope to|i intend to)\b"
)


class DayTold(NamedTuple):
    """The day a win's words name, and the moment it is filed at on the person's clock."""

    at: datetime  # aware, in the person's zone
    timed: bool  # the words named a part of the day ("yesterday evening"), not only the day


class NoSuchDay(NamedTuple):
    """A date said that the calendar does not hold where it falls: "the 31st" in a month of
    30 days. ``month`` is that month (1-12), ``day`` the day of it said."""

    month: int
    day: int


def when_told(words: str, now: datetime) -> DayTold | NoSuchDay | None:
    """The day the deed ``words`` tell of was done, on the person's clock ``now`` (aware, in
    their zone); None when the words name no earlier day or time (the win is filed now)."""
    said = " ".join(words.lower().replace("\u2019", "'").split())
    found = compiled(_WHEN).search(said)
    if found is None:
        return None
    groups = found.groupdict()
    bare_weekday = groups["on_day"] and not groups["last"] and not found.group(0).startswith("on ")
    if bare_weekday and (found.start() != 0 or not compiled(_LEADS).match(said)):
        return None  # "i booked a table for saturday": a day to come, maybe
    today = now.date()
    part = next((groups[name] for name in _PART_GROUPS if groups.get(name)), None)
    day = _day(groups, today)
    if isinstance(day, NoSuchDay) or day is None:
        return day
    moment = datetime.combine(day, _PARTS.get(part or "", time(12)), tzinfo=now.tzinfo)
    if day == today:  # "this morning", "on Tuesday" said on Tuesday: today, never later
        return DayTold(moment, timed=True) if moment < now and part else None
    return DayTold(moment, timed=part is not None)


def done_at(words: str, now: datetime) -> datetime | None:
    """When the deed ``words`` tell of was done (see ``when_told``); None when it is now."""
    told = when_told(words, now)
    return told.at if isinstance(told, DayTold) else None


def ahead(words: str, *, planned: bool = False) -> bool:
    """``words`` plan something for a day to come: "tomorrow i'll clean the car", "i'm going
    to ring the bank next tuesday". A deed done now for a day to come ("i booked the dentist
    for tomorrow") is no plan. ``planned``: the words are a plan already (the one thing's)."""
    said = " ".join(words.lower().replace("\u2019", "'").split())
    if not compiled(_AHEAD_DAY).search(said):
        return False
    return planned or bool(compiled(_PLANNED).search(said))


_PART_GROUPS: Final = ("before_part", "yesterday_part", "last_part", "this_part", "on_part")


def _day(groups: dict[str, str | None], today: date) -> date | NoSuchDay | None:
    if groups["before"]:
        return today - timedelta(days=2)
    if groups["yesterday"] or groups["last_part"]:
        return today - timedelta(days=1)
    if groups["this_part"]:
        return today
    if groups["ago"]:
        return today - timedelta(days=_COUNTS.get(groups["ago"] or "") or int(groups["ago"] or 0))
    if groups["week_ago"]:
        return today - timedelta(days=7)
    for nth, month in (("nth", "month"), ("nth2", "month2")):
        number = _number(groups, nth)
        if number is not None:
            return _dated(today, _MONTHS.index(groups[month] or "") + 1, number)
    number = _number(groups, "nth3")
    if number is not None:
        return _this_or_last_month(today, number)
    name = groups["on_day"] or ""
    back = (today.weekday() - _WEEKDAYS.index(name)) % 7
    if groups["last"] and back == 0:
        back = 7  # "last Saturday" said on a Saturday: a week ago
    return today - timedelta(days=back) if back <= _MOST_DAYS_BACK or groups["last"] else None


def _number(groups: dict[str, str | None], name: str) -> int | None:
    if groups.get(name):
        return int(groups[name] or 0)
    word = groups.get(f"{name}_w")
    return _ORDINAL_WORDS[word] if word else None


def _dated(today: date, month: int, day: int) -> date | NoSuchDay:
    """The ``day`` of ``month`` this year, or last year's when this year's is yet to come."""
    year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    try:
        return date(year, month, day)
    except ValueError:
        return NoSuchDay(month, day)


def _this_or_last_month(today: date, day: int) -> date | NoSuchDay:
    """The ``day`` of this month, or of last month when this month's is yet to come."""
    if day <= today.day:
        return today.replace(day=day)
    last = today.replace(day=1) - timedelta(days=1)
    try:
        return last.replace(day=day)
    except ValueError:
        return NoSuchDay(last.month, day)
