"""Spoken dates as Alexa fills an AMAZON.DATE slot, relative to the device's own today.

Alexa never hands a skill the words of a date: it sends ``2026-12-05`` for a day, ``2026-W49``
for a week (``2026-W49-WE`` its weekend), ``2026-12`` for a month, ``2026`` for a year and
``PRESENT_REF`` for "now", worked out on the device's calendar. Like Alexa it leans towards
the future: a bare "Tuesday", "the 3rd" or "November" is the next one, on or after today;
"last Tuesday" is the one before. The skill reads them as a question about the past must
(``skill/domain/spans.py``). Words that are no date do not fill the slot.

A weekday said before a date ("Friday October 30", "Tuesday November 3rd") names that date.
A date in numbers ("11/2", "11/2/2026") is month then day, as the skill's locale (en-US)
reads it, whatever the device's zone. "A week ago Sunday" is the Sunday a week before the
last one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final

from skill.console.hearing.words import keys

WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS: Final = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_FIRST_ORDINALS: Final = {
    word: number
    for number, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        1,
    )
}
_ORDINALS: Final = {
    **_FIRST_ORDINALS,
    **{f"twenty {w}": 20 + n for w, n in _FIRST_ORDINALS.items() if n < 10},
    "thirtieth": 30,
    "thirty first": 31,
}
_YEAR: Final = re.compile(r"^(19|20)\d\d$")
_NUMBERED: Final = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
_DAYS: Final = {
    ("today",): 0,
    ("todays",): 0,  # "read me today's"
    ("tonight",): 0,
    ("this", "morning"): 0,
    ("this", "evening"): 0,
    ("this", "afternoon"): 0,
    ("yesterday",): -1,
    ("yesterdays",): -1,
    ("last", "night"): -1,
    ("tomorrow",): 1,
    ("the", "day", "before", "yesterday"): -2,
}


# Days named by the holiday that falls on them, as Alexa resolves them: the next one on or
# after today, like any other date named without a year.
_HOLIDAYS: Final[dict[tuple[str, ...], tuple[int, int]]] = {
    ("new", "years", "eve"): (12, 31),
    ("new", "years", "day"): (1, 1),
    ("new", "year", "day"): (1, 1),
    ("christmas",): (12, 25),
    ("christmas", "day"): (12, 25),
    ("christmas", "eve"): (12, 24),
    ("boxing", "day"): (12, 26),
    ("halloween",): (10, 31),
    ("valentines", "day"): (2, 14),
    ("st", "patricks", "day"): (3, 17),
    ("saint", "patricks", "day"): (3, 17),
    ("independence", "day"): (7, 4),
    ("the", "fourth", "of", "july"): (7, 4),
}


# Months as typed short ("nov 30", "sept 3rd"): Alexa hears the month said in full.
_SHORT_MONTHS: Final = {
    **{month[:3]: month for month in MONTHS},
    "sept": "september",
}


def spoken_date(text: str, today: date) -> str | None:
    """The AMAZON.DATE value for ``text`` said on ``today``, or None if it is no date."""
    said = tuple(_SHORT_MONTHS.get(word, word) for word in keys(text))
    if said and said[0] in ("on", "in", "from", "for", "during") and len(said) > 1:
        said = said[1:]
    if said in (("the", "weekend"), ("weekend",)):  # as "this weekend" (a past one if ahead)
        said = ("this", "weekend")
    if said == ("now",) or said == ("right", "now"):
        return "PRESENT_REF"
    if said in _DAYS:
        return (today + timedelta(days=_DAYS[said])).isoformat()
    if len(said) == 1 and _YEAR.match(said[0]):  # "in 2025"
        return said[0]
    if said in _HOLIDAYS:  # "new year's eve", "boxing day"
        return _next_date(*_HOLIDAYS[said], today)
    if len(said) > 2 and said[0] in WEEKDAYS and said[1] != "the":  # "friday october 30"
        said = said[1:]
    return (
        _relative(said, today)
        or _weeks_ago(said, today)
        or _numbers(said, today)
        or _named(said, today)
        or _with_year(said)
    )


_HOW_MANY: Final = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _weeks_ago(said: tuple[str, ...], today: date) -> str | None:
    """ "a week ago sunday", "two weeks ago today", "a week ago yesterday": a day of the
    week before last (or weeks before that)."""
    if len(said) != 4 or said[0] not in _HOW_MANY or said[1] not in ("week", "weeks"):
        return None
    if said[2] != "ago":
        return None
    back = timedelta(weeks=_HOW_MANY[said[0]])
    if said[3] in WEEKDAYS:  # the last one before today, then weeks before it
        behind = (today.weekday() - WEEKDAYS.index(said[3])) % 7 or 7
        return (today - timedelta(days=behind) - back).isoformat()
    if (said[3],) in _DAYS:
        return (today + timedelta(days=_DAYS[(said[3],)]) - back).isoformat()
    return None


def _numbers(said: tuple[str, ...], today: date) -> str | None:
    """ "11 2" (typed "11/2"), "11 2 2026": month then day, as en-US writes a date; "2026
    11 02" (typed "2026-11-02"): year, month, day."""
    if len(said) not in (2, 3) or not all(word.isdigit() for word in said):
        return None
    if len(said) == 3 and _YEAR.match(said[0]):
        try:
            return date(int(said[0]), int(said[1]), int(said[2])).isoformat()
        except ValueError:
            return None
    month, day = int(said[0]), int(said[1])
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if len(said) == 2:
        return _next_date(month, day, today)
    year = int(said[2]) + (2000 if len(said[2]) == 2 else 0)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _with_year(said: tuple[str, ...]) -> str | None:
    """ "April 1, 2026", "the 3rd of November 2025", "Thursday the 2nd of April 2026": that
    very day; None when no year ends the words, or the day does not exist."""
    if len(said) < 3 or not _YEAR.match(said[-1]):
        return None
    words = [word for word in said[:-1] if word not in ("the", "of") and word not in WEEKDAYS]
    named = next((MONTHS.index(w) + 1 for w in words if w in MONTHS), None)
    day = _day_number(" ".join(w for w in words if w not in MONTHS))
    if named is None or day is None:
        return None
    try:
        return date(int(said[-1]), named, day).isoformat()
    except ValueError:
        return None


def _relative(said: tuple[str, ...], today: date) -> str | None:
    """ "this week", "last month", "next weekend", "this year", "last Tuesday"."""
    if len(said) != 2 or said[0] not in ("this", "last", "next", "past"):
        return None
    step = {"this": 0, "last": -1, "past": -1, "next": 1}[said[0]]
    unit = said[1]
    if unit in ("week", "weekend"):
        year, week, _ = (today + timedelta(weeks=step)).isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        index = today.year * 12 + today.month - 1 + step
        return f"{index // 12}-{index % 12 + 1:02d}"
    if unit == "year":
        return str(today.year + step)
    if unit in WEEKDAYS:
        ahead = (WEEKDAYS.index(unit) - today.weekday()) % 7
        if step < 0:
            return (today - timedelta(days=(7 - ahead) % 7 or 7)).isoformat()
        return (today + timedelta(days=ahead + (7 if step > 0 and ahead == 0 else 0))).isoformat()
    return None


def _named(said: tuple[str, ...], today: date) -> str | None:
    """A weekday, a month, a day of the month, or both: the next one on or after today."""
    if len(said) == 1 and said[0] in WEEKDAYS:
        ahead = (WEEKDAYS.index(said[0]) - today.weekday()) % 7
        return (today + timedelta(days=ahead)).isoformat()
    if len(said) == 1 and said[0] in MONTHS:
        month = MONTHS.index(said[0]) + 1
        year = today.year if month >= today.month else today.year + 1
        return f"{year}-{month:02d}"
    if len(said) > 2 and said[0] in WEEKDAYS and said[1] == "the":  # "thursday the 2nd"
        said = said[1:]
    words = [word for word in said if word not in ("the", "of")]
    named = next((MONTHS.index(w) + 1 for w in words if w in MONTHS), None)
    day = _day_number(" ".join(w for w in words if w not in MONTHS))
    return None if day is None else _next_date(named, day, today)


def _day_number(text: str) -> int | None:
    if text in _ORDINALS:
        return _ORDINALS[text]
    found = _NUMBERED.match(text)
    return int(found.group(1)) if found and 1 <= int(found.group(1)) <= 31 else None


def _next_date(month: int | None, day: int, today: date) -> str | None:
    """The first ``day`` (of ``month``, or of any month) on or after ``today``."""
    for offset in range(0, 13 * 31):
        candidate = today + timedelta(days=offset)
        if candidate.day == day and (month is None or candidate.month == month):
            return candidate.isoformat()
    return None
