"""When a win was done, from its own words: "I rang my daughter yesterday evening".

A win told with an explicit past day is filed on that day: "yesterday", "last night", "this
morning", "the day before yesterday", "two days ago", "on Saturday", "last Saturday", and a date
("on the 2nd of January", "on January 2nd", "on the 3rd"). It is filed at a time of day the
words name (morning 9:00, lunchtime 12:30, afternoon 15:00, evening 19:00, night 21:00; noon
when they name none: a day said is a day, not a clock time, which ``DayTold.timed`` records,
and which ``DAY_ONLY`` tells of a win stored so: no part of a day holds it).
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

from collections.abc import Sequence
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
    "lunchtime": time(12, 30),
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
    **{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7},
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
# Time words that name no one day ("the other day", "last weekend"): the win is filed on a
# day estimated from them (``_estimated``), and its words keep them, so it is never read back
# as that day's (``vague_time``).
VAGUE_TIME: Final = (
    r"(?:the other day|(?:a few|a couple of|a couple|few|couple of) days (?:ago|back)"
    r"|(?:last|over the|at the|on the) weekend|earlier (?:this|in the) week|last week)"
)
_DAYS_SAID: Final = (
    r"(?:(?P<vague>" + VAGUE_TIME + r")"
    r"|(?P<before>the day before yesterday)(?: (?P<before_part>" + _PART + r"))?"
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


# When a win told of a day with no time of it is filed: its day's noon, a time no part named.
DAY_ONLY: Final = time(12)


class DayTold(NamedTuple):
    """The day a win's words name, and the moment it is filed at on the person's clock."""

    at: datetime  # aware, in the person's zone
    timed: bool  # the words named a part of the day ("yesterday evening"), not only the day
    # The person's own words when they name no one day ("a few days ago"): ``at`` is then an
    # estimate, never said or read back as the day it was done.
    vague: str | None = None


class NoSuchDay(NamedTuple):
    """A date said that the calendar does not hold where it falls: "the 31st" in a month of
    30 days. ``month`` is that month (1-12), ``day`` the day of it said."""

    month: int
    day: int


def when_told(words: str, now: datetime) -> DayTold | NoSuchDay | None:
    """The day the deed ``words`` tell of was done, on the person's clock ``now`` (aware, in
    their zone); None when the words name no earlier day or time (the win is filed now)."""
    said = " ".join(words.lower().replace("\u2019", "'").split())
    found = next(
        (at for at in compiled(_WHEN).finditer(said) if not _for_a_plan(said, at.start())), None
    )
    if found is None:
        return None
    groups = found.groupdict()
    bare_weekday = groups["on_day"] and not groups["last"] and not found.group(0).startswith("on ")
    if bare_weekday and (found.start() != 0 or not compiled(_LEADS).match(said)):
        return None  # "i booked a table for saturday": a day to come, maybe
    today = now.date()
    if groups["vague"]:
        return _estimated(groups["vague"], now)
    part = next((groups[name] for name in _PART_GROUPS if groups.get(name)), None)
    day = _day(groups, today)
    if isinstance(day, NoSuchDay) or day is None:
        return day
    moment = datetime.combine(day, _PARTS.get(part or "", DAY_ONLY), tzinfo=now.tzinfo)
    if day == today:  # "this morning", "on Tuesday" said on Tuesday: today, never later
        return DayTold(moment, timed=True) if moment < now and part else None
    return DayTold(moment, timed=part is not None)


# Words before a day that make it the day of a plan made, not of the deed: "booked him for
# friday", "made an appointment for tuesday", "ordered it for the 3rd", "due on monday".
_PLAN_DAY_BEFORE: Final = (
    r"(?:\bfor|\bby|\buntil|\btill|\bdue|\bdue on|\bset for|\bready for|\bbooked in for"
    r"|\b(?:moved|changed|pushed|rescheduled|rebooked|put)(?: (?!on\b)\w+){0,3} (?:back |off )?"
    r"(?:to|until|till))"
    r"(?: the| this| next| on)? *$"
)


def _for_a_plan(said: str, start: int) -> bool:
    """Whether the time words at ``start`` date a plan made ("booked him for friday"), never
    the deed that made it."""
    return compiled(_PLAN_DAY_BEFORE).search(said[:start].rstrip()) is not None


def _estimated(vague: str, now: datetime) -> DayTold | None:
    """A day for time words that name none: the middle of what they may mean, never today
    or later ("over the weekend" said on a Saturday is today's: None)."""
    today = now.date()
    weekday = today.weekday()
    if "week" in vague and "weekend" not in vague:
        if vague.startswith("last"):  # the Wednesday of last week
            back = weekday + 5
        else:  # earlier this week: between Monday and yesterday
            back = weekday - (weekday - 1) // 2 if weekday else 0
    elif "weekend" in vague:
        # the weekend over, or the Saturday of one under way
        back = weekday + 2 if weekday < 5 else weekday - 5 + 7 * vague.startswith("last")
    elif "few" in vague:
        back = 3
    else:  # "the other day", "a couple of days ago"
        back = 2
    if back <= 0:
        return None
    day = datetime.combine(today - timedelta(days=back), time(12), tzinfo=now.tzinfo)
    return DayTold(day, timed=False, vague=vague)


def vague_time(words: str) -> str | None:
    """The time words in a win's own words that name no one day ("called my mum a few days
    ago": "a few days ago"): its day is an estimate. None when there are none."""
    said = " ".join(words.lower().replace("\u2019", "'").split())
    found = compiled(_VAGUE_FOUND).search(said)
    return found.group(0) if found else None


_VAGUE_FOUND: Final = r"\b" + VAGUE_TIME + r"\b"


def said_vague(words: str) -> str | None:
    """The first time words ``words`` say, when they name no one day ("the other day i fixed
    my bike": "the other day"); None when they name a day, or no time at all."""
    said = " ".join(words.lower().replace("\u2019", "'").split())
    found = compiled(_TIMES).search(said)
    return vague_time(found.group(0)) if found else None


# What else a deed's time may be said as: today's, said beside another day's.
_TODAY_SAID: Final = r"(?P<today>earlier today|so far today|today|tonight)"
# Every time a statement says, today's too.
_TIMES: Final = r"\b(?:" + _TODAY_SAID + "|" + _DAYS_SAID + r")\b(?!'s)"
_TODAY_ONLY: Final = r"^" + _TODAY_SAID + r"$"
# A time said before the "i" of the deed it dates ("and yesterday i rang the bank").
_LEADING: Final = r"^[\s,]*(?:and |then |and then )?[\s,]*i\b"
# A weekday said with nothing to make it past ("on", "last"): dates a deed only said first.
_BARE_WEEKDAY: Final = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


def time_words(told: str, deeds: Sequence[str]) -> tuple[str | None, ...]:
    """Each deed's own time words in ``told``, the whole of what was said ("on monday i
    cleaned the oven and yesterday i went for a run": "on monday", "yesterday"), None for a
    deed done today. A time said before a deed's "i" dates it and the deeds after it; one
    said after a deed dates that deed, and the deeds before it that no time dates, when it
    ends what was said ("i cleaned the oven and went for a run yesterday"). Where a deed
    cannot be found in ``told``, every deed keeps ``told`` whole (its first time words).

    Pure: words in, words out; ``when_told`` makes a day of each."""
    said = " ".join(told.lower().replace("\u2019", "'").split())
    starts = _starts(said, deeds)
    if starts is None:
        return tuple(said for _ in deeds)
    times = [
        (found.start(), found.end(), found.group(0)) for found in compiled(_TIMES).finditer(said)
    ]
    own: list[str | None] = [None] * len(deeds)
    dated = [False] * len(deeds)
    times = [(start, end, words) for start, end, words in times if not _for_a_plan(said, start)]
    for start, end, words in times:
        after = next((at for at, begins in enumerate(starts) if begins >= end), None)
        leads = after is not None and compiled(_LEADING).match(said[end : starts[after]])
        if not leads and compiled(_BARE_WEEKDAY).fullmatch(words):
            continue  # "i have to bring it back friday": a day to come, maybe; never a date
        at = after if leads else max((k for k, b in enumerate(starts) if b < start), default=0)
        assert at is not None
        if not dated[at]:
            own[at], dated[at] = _as_day(words), True
    if not any(dated):
        return tuple(own)
    carried: str | None = None
    for at in range(len(deeds)):  # a time goes on to the deeds after it that say none
        if dated[at]:
            carried = own[at]
        else:
            own[at] = carried
    first = next(at for at, is_dated in enumerate(dated) if is_dated)
    if times[-1][1] >= len(said.rstrip(" .!?")) - 1 and first == len(deeds) - 1:
        own[:first] = [own[first]] * first  # "... and went for a run yesterday": all of them
    return tuple(own)


def _as_day(words: str) -> str | None:
    """Time words as ``when_told`` reads them; None for today's."""
    return None if compiled(_TODAY_ONLY).match(words) else words


def _starts(said: str, deeds: Sequence[str]) -> list[int] | None:
    """Where each deed starts in ``said``, in order: by its first two words, or its first."""
    starts: list[int] = []
    at = 0
    for deed in deeds:
        words = deed.lower().removeprefix("i ").split()
        found = -1
        for length in (2, 1):
            if len(words) >= length:
                found = _find(said, " ".join(words[:length]), at)
            if found >= 0:
                break
        if found < 0:
            return None
        starts.append(found)
        at = found + 1
    return starts


def _find(said: str, words: str, after: int) -> int:
    """Where ``words`` start in ``said`` at or after ``after``, as whole words; -1 if not."""
    padded = f" {said} "
    at = padded.find(f" {words} ", after)
    return -1 if at < 0 else at


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
