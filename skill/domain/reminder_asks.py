"""A reminder asked for, or moved, in words no sample holds: "can you remind me at 2:30 am
instead", "actually move it to 2 am, that is my lunch break on nights", "remind me at like 10?
actually no make it 11", "could you set it for quarter to eleven".

People hedge ("like", "about"), put a request politely ("can you", "actually"), give a reason
after the time ("that's my lunch break") and correct themselves ("10, no, make it 11"): the
time meant is the last one said. Pure: words in, a plain record out (the time as Alexa's
AMAZON.TIME slot gives it: ``HH:MM``, 24-hour when "am" or "pm" was said).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final, Literal, NamedTuple

from skill.domain.patterns import compiled, spoken_words


class ReminderAsk(NamedTuple):
    """``at``: ``HH:MM``; ``half``: "am" or "pm" when said; ``move``: a new time for the
    reminder set ("move it to", "make it"), not a reminder asked for afresh; ``pointed``: the
    reminder named only by "it" or "that", so meant only when it was the last thing talked of."""

    at: str
    half: Literal["am", "pm"] | None
    move: bool
    pointed: bool = False  # "change that to ten": about the reminder only if it was the last thing


_NUMBERS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "oh": 0,
}  # fmt: skip
_NIGHT_ENDS: Final = 5  # "at night" before this hour means the small hours
_LEADS: Final = (
    r"^(?:(?:ok|okay|so|um|uh|er|oh|wait|hang\s+on|hold\s+on|actually|no|sorry|hmm|right|please"
    r"|can\s+you|could\s+you|would\s+you|will\s+you|i\s+want\s+you\s+to|i\s+need\s+you\s+to)\s+)*"
)
# A part of the day said with the reminder ("every morning", "each evening"): its half.
_EVERY: Final = (
    r"(?:\s+(?:every|each)\s+(?:day|(?P<part>morning|evening|night|afternoon))|\s+daily)?"
)
_REMIND: Final = (
    r"(?:remind\s+me"
    + _EVERY
    + r"|set\s+(?:a|my|the|me\s+a)\s+(?:daily\s+)?reminder"
    + _EVERY.replace("part", "set_part")
    + r"|give\s+me\s+a\s+reminder"
    # Put politely: "i would like a reminder each morning at nine", "i'd like a daily reminder"
    r"|(?:i\s+would|i\s+d|i)\s+(?:like|love|want)\s+(?:to\s+have\s+|to\s+get\s+)?(?:a|my)"
    r"\s+(?:daily\s+)?reminder" + _EVERY.replace("part", "like_part") + ")"
)
_MOVE: Final = (
    r"(?:(?:move|change|push|switch|set|put)\s+(?:it|that|my\s+reminder|the\s+reminder|me\s+reminder"
    r"|the\s+time|my\s+reminder\s+time)|make\s+(?:it|that|my\s+reminder)|can\s+it\s+be"
    r"|(?:let\s+s|lets)\s+(?:do|make\s+it))"
)
_TIME_WORD: Final = (
    r"(?:\d{1,2}(?:\s+\d{2})?|\d{1,2}:\d{2}|noon|midday|midnight|half\s+past\s+\w+|quarter\s+past\s+\w+"
    r"|quarter\s+to\s+\w+|half\s+\w+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve)(?:\s+(?:oh\s+\w+|fifteen|thirty|forty\s+five|forty|fifty|twenty|forty|o\s+clock))?)"
)
_HEDGE: Final = r"(?:(?:like|about|around|say|maybe|at|for|to)\s+)*"
_HALF_SAID: Final = (
    r"(?:\s+(?P<half>am|a\s+m|pm|p\s+m|in\s+the\s+morning|in\s+the\s+evening|in\s+the\s+afternoon"
    r"|at\s+night|tonight))?"
)
# Verbs that point at whatever was last talked of ("change that to ten", "make it 11").
_POINTED: Final = r"(?:change|switch|make|set|put|move|push)\s+(?:it|that)|can\s+it\s+be"
# One request: the verb, the hedges, a time, its half of the day.
_ASKED: Final = rf"(?P<verb>{_REMIND}|{_MOVE})\s+{_HEDGE}(?P<time>{_TIME_WORD}){_HALF_SAID}"
# A time said again after a self-correction: "... actually no make it 11", "... no, 11".
_AGAIN: Final = (
    r"\s+(?:(?:actually|no|wait|sorry|i\s+mean|or\s+rather|make\s+(?:it|that)|scratch\s+that"
    r"|hang\s+on)\s+)+" + _HEDGE + rf"(?P<again>{_TIME_WORD}){_HALF_SAID.replace('half', 'half2')}"
)
# Words after the time that change nothing: "instead", "please", a reason.
_TAIL: Final = (
    r"(?:\s+(?:instead|please|then|thanks|every\s+day|each\s+day|daily|if\s+that\s+is\s+ok"
    r"|if\s+that\s+s\s+ok))*(?:\s+(?:that\s+is|that\s+s|thats|it\s+is|it\s+s|because|cause|as"
    r"|since|so|for|when|which\s+is)\b.*)?$"
)


def _plain(text: str) -> str:
    words = spoken_words(text, keep=":")
    plain = words
    return re.sub(r"(\d)\s*(am|pm)\b", r"\1 \2", plain)


@cache
def reminder_asked(text: str) -> ReminderAsk | None:
    """The reminder ``text`` asks for or moves, if it asks for one with a time."""
    said = _plain(text)
    found = compiled(_LEADS + _ASKED + rf"(?:{_AGAIN})?" + _TAIL).match(said)
    if found is None:
        return None
    time, half = found["time"], found["half"]
    if found["again"]:
        time, half = found["again"], found["half2"] or half  # "10 am? no, 11": 11 am
    at = _clock(time)
    if at is None:
        return None
    hour, minute = at
    part = found["part"] or found["set_part"] or found["like_part"]
    named = _half(half) or _PART_HALVES.get(part or "")  # "each morning at nine": 9 am
    if half in ("at night", "tonight") and hour < _NIGHT_ENDS:
        named = "am"  # "2 at night" is in the small hours
    if named == "pm" and hour < 12:
        hour += 12
    elif named == "am" and hour == 12:
        hour = 0
    verb = found["verb"]
    move = compiled(_MOVE).fullmatch(verb) is not None
    pointed = compiled(_POINTED).fullmatch(verb) is not None
    return ReminderAsk(f"{hour:02d}:{minute:02d}", named, move, pointed)


_PART_HALVES: Final[dict[str, Literal["am", "pm"]]] = {
    "morning": "am",
    "afternoon": "pm",
    "evening": "pm",
    "night": "pm",
}


def _half(said: str | None) -> Literal["am", "pm"] | None:
    if not said:
        return None
    if said.replace(" ", "") == "am" or said == "in the morning":
        return "am"
    return "pm"


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _clock(said: str) -> tuple[int, int] | None:
    """ "2:30", "2 30", "ten", "quarter to eleven", "half nine", "noon" as hour and minute."""
    words = said.replace(":", " ").split()
    if words in (["noon"], ["midday"]):
        return 12, 0
    if words == ["midnight"]:
        return 0, 0
    if words[0] in ("half", "quarter"):
        offset = 30 if words[0] == "half" else 15
        hour = _number(words[-1])
        if hour is None or not 1 <= hour <= 12:
            return None
        if len(words) == 3 and words[1] == "to":
            return (hour - 1) % 12 or 12, 60 - offset
        return hour, offset  # "half past nine", British "half nine"
    hour = _number(words[0])
    minutes = [n for w in words[1:] if w not in ("o", "clock") and (n := _number(w)) is not None]
    minute = sum(minutes)
    if hour is None or not 0 <= hour <= 23 or not 0 <= minute < 60:
        return None
    return hour, minute


class ReminderShift(NamedTuple):
    """The reminder moved by ``minutes`` (later when positive); ``pointed``: named only by
    "it" or "that", so meant only when the reminder was the last thing talked of."""

    minutes: int
    pointed: bool = False


_SPAN: Final = (
    r"(?P<span>an?\s+hour\s+and\s+a\s+half|(?:an?|one)\s+hour|half\s+an\s+hour|a\s+half\s+hour"
    r"|(?:a\s+)?quarter\s+(?:of\s+)?an\s+hour|(?P<count>\d{1,3}|one|two|three|four|five|ten"
    r"|fifteen|twenty|thirty|forty|forty\s+five|fifty)\s+(?P<unit>minutes?|mins?|hours?))"
)
_WHICH: Final = (
    r"(?:(?:push|move|put|shift|set|make|bump|bring|change|nudge)\s+"
    r"(?P<what>it|that|my\s+reminder|the\s+reminder|my\s+reminder\s+time|the\s+reminder\s+time))"
)
_WAY: Final = r"(?P<way>back|forward|later|earlier|on|ahead)"
_SHIFT: Final = (
    _LEADS
    + _WHICH
    + r"\s+(?:"
    + _WAY
    + r"\s+)?(?:by\s+)?(?:like\s+|about\s+)?"
    + _SPAN
    + r"(?:\s+(?P<way2>back|forward|later|earlier|on|ahead))?"
    + r"(?:\s+(?:please|then|instead|thanks))*$"
)
# "Push back" and "later" are later; "bring forward" and "earlier" are earlier. "Push it on"
# and "move it ahead" are later too, as people say them of an appointment.
_LATER: Final = frozenset({"back", "later", "on", "ahead"})


@cache
def reminder_shift(text: str) -> ReminderShift | None:
    """The reminder moved by a span of time ("push my reminder back an hour", "move my
    reminder half an hour earlier", "bring it forward 15 minutes"); None otherwise, and when
    it says neither later nor earlier."""
    found = compiled(_SHIFT).match(_plain(text))
    if found is None:
        return None
    way = found["way2"] or found["way"]
    if way is None:
        return None
    minutes = _minutes(found)
    if minutes is None or not 0 < minutes < 24 * 60:
        return None
    later = way in _LATER
    pointed = found["what"] in ("it", "that")
    return ReminderShift(minutes if later else -minutes, pointed)


def _minutes(found: re.Match[str]) -> int | None:
    span = " ".join(found["span"].split())
    fixed = {
        "a hour and a half": 90,
        "an hour and a half": 90,
        "an hour": 60,
        "a hour": 60,
        "one hour": 60,
        "half an hour": 30,
        "a half hour": 30,
        "quarter of an hour": 15,
        "quarter an hour": 15,
        "a quarter of an hour": 15,
        "a quarter an hour": 15,
    }
    if span in fixed:
        return fixed[span]
    count = found["count"]
    number = _number(count) if " " not in count else 45
    if number is None:
        return None
    return number * 60 if found["unit"].startswith("hour") else number
