"""When a win was done, from its own words: "I rang my daughter yesterday evening".

A win told with an explicit past day ("yesterday", "last night", "on Saturday", "the day
before yesterday", "this morning") is filed on that day, at a time of day the words name
(morning 9:00, lunchtime 12:00, afternoon 15:00, evening 19:00, night 21:00; noon when they
name none), so "what did I do yesterday" lists it. Only days within the last week, and never
later than the moment it is told: a day that is today, a day to come ("on Friday" said on
Wednesday means last Friday, never the next), or a time of today not yet come leave the win
at the moment it was told. The words themselves are kept as said.

Pure: words and the person's local time in, a local time out.
"""

from datetime import date, datetime, time, timedelta
from typing import Final

from skill.domain.patterns import compiled

_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTS: Final = {
    "morning": time(9),
    "lunchtime": time(12),
    "afternoon": time(15),
    "evening": time(19),
    "night": time(21),
    "tonight": time(21),
}
_PART: Final = r"(?:morning|lunchtime|afternoon|evening|night)"
_DAY: Final = "|".join(_WEEKDAYS)
_WHEN: Final = (
    r"\b(?:(?P<before>the day before yesterday)(?: (?P<before_part>" + _PART + r"))?"
    r"|(?P<yesterday>yesterday)(?: (?:in the )?(?P<yesterday_part>" + _PART + r"))?"
    r"|last (?P<last_part>night|evening)"
    r"|this (?P<this_part>morning|afternoon|evening)"
    r"|(?:on|last) (?P<on_day>" + _DAY + r")(?: (?P<on_part>" + _PART + r"))?"
    r")\b(?!'s)"
)
# The longest ago a day said is believed: "on Saturday" is within the last week.
_MOST_DAYS_BACK: Final = 6


def done_at(words: str, now: datetime) -> datetime | None:
    """When the deed ``words`` tell of was done, on the person's clock ``now`` (aware, in
    their zone); None when the words name no earlier day or time (the win is filed now)."""
    found = compiled(_WHEN).search(words.lower())
    if found is None:
        return None
    today = now.date()
    groups = found.groupdict()
    day: date
    if groups["before"]:
        day, part = today - timedelta(days=2), groups["before_part"]
    elif groups["yesterday"]:
        day, part = today - timedelta(days=1), groups["yesterday_part"]
    elif groups["last_part"]:
        day, part = today - timedelta(days=1), groups["last_part"]
    elif groups["this_part"]:
        day, part = today, groups["this_part"]
    else:
        name, part = groups["on_day"], groups["on_part"]
        back = (today.weekday() - _WEEKDAYS.index(name)) % 7
        if back > _MOST_DAYS_BACK:
            return None
        day = today - timedelta(days=back)
    moment = datetime.combine(day, _PARTS.get(part or "", time(12)), tzinfo=now.tzinfo)
    if day == today:  # "this morning", "on Tuesday" said on Tuesday: today, never later
        return moment if moment < now and part else None
    return moment
