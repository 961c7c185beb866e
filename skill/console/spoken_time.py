"""Spoken times as Alexa fills an AMAZON.TIME slot: "seven thirty pm" becomes ``19:30``.

Alexa never hands a skill the words of a time: it sends ``HH:MM`` (24-hour), or a code for a
part of the day ("morning" is ``MO``). A slot that cannot be heard as a time does not match
at all, so the resolver asks here and drops the sample when the answer is None. The words
themselves (numbers, "noon", "in the evening") are data in ``phrases``.
"""

from __future__ import annotations

import re
from typing import Final

from skill.console.phrases import MERIDIEMS, NUMBER_WORDS, O_CLOCK, TIME_NAMES, TIME_PERIODS
from skill.console.words import keys

_GLUED: Final = re.compile(r"(\d{1,4})(am|pm)")  # "8am", "730pm" typed without a space
_PERIODS: Final = {keys(p): code for code, phrases in TIME_PERIODS.items() for p in phrases}
_NAMES: Final = {keys(phrase): value for phrase, value in TIME_NAMES.items()}
_MERIDIEMS: Final = sorted(
    ((keys(phrase), half) for phrase, half in MERIDIEMS.items()), key=lambda m: -len(m[0])
)
_O_CLOCK: Final = tuple(keys(phrase) for phrase in O_CLOCK)


def spoken_time(text: str) -> str | None:
    """The AMAZON.TIME value for ``text`` ("07:30", "19:00", "MO"), or None if it is no time."""
    said = _unglue(keys(text))
    if said in _PERIODS:
        return _PERIODS[said]
    if said in _NAMES:
        return _NAMES[said]
    said, half = _split_meridiem(said)
    said = _drop_o_clock(said)
    clock = _clock(said)
    if clock is None:
        return None
    hour, minute = clock
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    return f"{hour:02d}:{minute:02d}"


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


def _drop_o_clock(said: tuple[str, ...]) -> tuple[str, ...]:
    for phrase in _O_CLOCK:
        if len(said) > len(phrase) and said[-len(phrase) :] == phrase:
            return said[: -len(phrase)]
    return said


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
