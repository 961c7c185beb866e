"""Spoken times as Alexa fills an AMAZON.TIME slot: "seven thirty pm" becomes ``19:30``.

Alexa never hands a skill the words of a time: it sends ``HH:MM`` (24-hour), or a code for a
part of the day ("morning" is ``MO``). A slot that cannot be heard as a time does not match
at all, so the resolver asks here and drops the sample when the answer is None. The words
themselves (numbers, "noon", "in the evening", "past", "quarter") are data in ``phrases``.

A 24-hour time is heard as one too ("nineteen hundred", "1900 hours", "oh seven fifteen"): its
value is the same ``HH:MM``, so a slot cannot tell "oh seven fifteen" from "seven fifteen"; the
model says which with a slot of its own beside the time (``clock``: "oh", "hours").

People say a time as a clock reads ("seven thirty", "7:30 pm", "eight o'clock") or as minutes
from an hour ("half past seven", "quarter to eight", "ten to nine", British "half seven").
Without am or pm the hour is taken as said, on a twelve-hour face where that matters: "quarter
to one" is ``12:45``, as "twelve forty five" would be. With one, am or pm is the half of the
day of the time meant, so "ten to twelve am" is ``11:50``.
"""

from __future__ import annotations

import re
from typing import Final

from skill.console.hearing.phrases import (
    HALF,
    HOUR_PARTS,
    MERIDIEMS,
    MINUTE_WORDS,
    NUMBER_WORDS,
    O_CLOCK,
    PAST_WORDS,
    TIME_NAMES,
    TIME_PERIODS,
    TO_WORDS,
)
from skill.console.hearing.words import keys

_GLUED: Final = re.compile(r"(\d{1,4})(am|pm)")  # "8am", "730pm" typed without a space
_PERIODS: Final = {keys(p): code for code, phrases in TIME_PERIODS.items() for p in phrases}
_NAMES: Final = {keys(phrase): value for phrase, value in TIME_NAMES.items()}
_MERIDIEMS: Final = sorted(
    ((keys(phrase), half) for phrase, half in MERIDIEMS.items()), key=lambda m: -len(m[0])
)
_O_CLOCK: Final = tuple(keys(phrase) for phrase in O_CLOCK)
_HOUR_PARTS: Final = {keys(phrase): minutes for phrase, minutes in HOUR_PARTS.items()}
_MINUTE_WORDS: Final = frozenset(MINUTE_WORDS)
_DAY: Final = 24 * 60
# A 24-hour time said as the hours of a clock: "nineteen hundred hours", "oh seven hundred".
_HOURS_WORDS: Final = frozenset({"hours", "hrs"})
_HUNDRED: Final = "hundred"


def spoken_time(text: str) -> str | None:
    """The AMAZON.TIME value for ``text`` ("07:30", "19:00", "MO"), or None if it is no time."""
    said = _unglue(keys(text))
    if said in _PERIODS:
        return _PERIODS[said]
    if said in _NAMES:
        return _NAMES[said]
    said, half = _split_meridiem(said)
    if half is None:
        said = _twenty_four_hour(said)
    minutes = _from_an_hour(said, half)
    if minutes is None:
        minutes = _as_a_clock_reads(_drop_o_clock(said), half)
    if minutes is None:
        return None
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _unglue(said: tuple[str, ...]) -> tuple[str, ...]:
    parts: list[str] = []
    for word in said:
        glued = _GLUED.fullmatch(word)
        parts.extend(glued.groups() if glued else (word,))
    return tuple(parts)


def _split_meridiem(said: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    for phrase, half in _MERIDIEMS:
        if len(said) > len(phrase) and said[-len(phrase) :] == phrase:
            return said[: -len(phrase)], half
    return said, None


def _twenty_four_hour(said: tuple[str, ...]) -> tuple[str, ...]:
    """A time on a 24-hour clock as a clock reads: "nineteen hundred (hours)" is "19 00",
    "1900 hours" is "1900"; other words as they were."""
    if len(said) > 1 and said[-1] in _HOURS_WORDS:
        said = said[:-1]
    if len(said) > 1 and said[-1] == _HUNDRED:
        said = (*said[:-1], "00")
    return said


def _drop_o_clock(said: tuple[str, ...]) -> tuple[str, ...]:
    for phrase in _O_CLOCK:
        if len(said) > len(phrase) and said[-len(phrase) :] == phrase:
            return said[: -len(phrase)]
    return said


def _as_a_clock_reads(said: tuple[str, ...], half: str | None) -> int | None:
    """Minutes into the day for "7 30", "730", "seven thirty five", "19:00" (None if not)."""
    clock = _clock(said)
    if clock is None:
        return None
    hour, minute = clock
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    return hour * 60 + minute


def _from_an_hour(said: tuple[str, ...], half: str | None) -> int | None:
    """Minutes into the day for "ten past six", "quarter to eight", "half seven" (None if not)."""
    for index, word in enumerate(said):
        if word in PAST_WORDS or word in TO_WORDS:
            offset = _minutes(said[:index], past=word in PAST_WORDS)
            hour = _hour(said[index + 1 :])
            if offset is not None and hour is not None:
                return _on_the_clock(hour, offset if word in PAST_WORDS else -offset, half)
    if len(said) > 1 and said[0] == HALF:  # British: "half seven" is half past seven
        hour = _hour(said[1:])
        if hour is not None:
            return _on_the_clock(hour, 30, half)
    return None


def _on_the_clock(hour: int | str, offset: int, half: str | None) -> int | None:
    """``offset`` minutes from ``hour`` (a number as said, or a named time of day)."""
    if isinstance(hour, str):  # "noon", "midnight": already a time; no am or pm with them
        return None if half is not None else (int(hour[:2]) * 60 + offset) % _DAY
    if half is not None and not 1 <= hour <= 12:
        return None
    minutes = (hour * 60 + offset) % _DAY
    if not 1 <= hour <= 12:  # a 24-hour hour (or zero) means just what it says
        return minutes
    face = (minutes // 60) % 12 or 12  # the hour hand on a twelve-hour face: 00:45 is 12:45
    if half is not None:
        face = face % 12 + (12 if half == "pm" else 0)
    return face * 60 + minutes % 60


def _minutes(said: tuple[str, ...], *, past: bool) -> int | None:
    """The minutes before "past" or "to": "ten", "twenty five minutes", "a quarter", "half"."""
    if said and said[-1] in _MINUTE_WORDS:
        said = said[:-1]
    if said in _HOUR_PARTS:
        minutes = _HOUR_PARTS[said]
        return minutes if past or minutes != 30 else None  # "half to" is not said
    numbers = _numbers(said)
    if numbers is None or len(numbers) != 1 or not 1 <= numbers[0] <= 30:
        return None
    return numbers[0]


def _hour(said: tuple[str, ...]) -> int | str | None:
    """The hour after "past" or "to": a number up to 23, or a named time ("midnight")."""
    if said in _NAMES:
        return _NAMES[said]
    numbers = _numbers(said)
    if numbers is None or len(numbers) != 1 or not 0 <= numbers[0] <= 23:
        return None
    return numbers[0]


def _clock(said: tuple[str, ...]) -> tuple[int, int] | None:
    """Hour and minute from digits ("7 30", "730") or number words ("seven thirty five")."""
    if len(said) == 1 and said[0].isdigit() and len(said[0]) in (3, 4):
        hour, minute = int(said[0][:-2]), int(said[0][-2:])
    else:
        numbers = _numbers(said)
        if numbers is None or not 1 <= len(numbers) <= 2:
            return None
        hour, minute = numbers[0], (numbers[1] if len(numbers) == 2 else 0)
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return hour, minute
    return None


def _numbers(said: tuple[str, ...]) -> list[int] | None:
    """Each spoken number: "thirty five" is one number, "oh five" is 5, "7" is 7."""
    numbers: list[int] = []
    joinable = False  # the last number was a tens word that a unit may complete
    for index, word in enumerate(said):
        if word.isdigit() and len(word) <= 2:
            numbers.append(int(word))
            joinable = False
        elif word in NUMBER_WORDS:
            value = NUMBER_WORDS[word]
            if joinable and 1 <= value <= 9:
                numbers[-1] += value
                joinable = False
            elif word == "oh" and index + 1 < len(said):
                joinable = True
                numbers.append(0)
            else:
                numbers.append(value)
                joinable = value >= 20
        else:
            return None
    return numbers
