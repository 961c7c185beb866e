"""A plan and a reminder for it said in one breath, in answer to the morning question: "remind
me to do the laundry at 4", "I'll do the laundry, remind me at 4", "remind me at 4 to call the
bank", "remind me to do it at 4".

The plan is kept as said (it is screened as a plan like any other, later); a plan named only
by "it" or "that" is no plan, and is asked for. The time is read as a reminder's time is
(``reminder_asks``). Pure: words in, a plain record out.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

from skill.domain.patterns import compiled, spoken_words
from skill.domain.reminder_asks import reminder_asked

_TIME: Final = (
    r"(?P<time>(?:\d{1,2}(?::\d{2}|\s+\d{2})?|noon|midday|half\s+past\s+\w+|quarter\s+(?:past|to)"
    r"\s+\w+|half\s+\w+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:\s+(?:fifteen|thirty|forty\s+five|o\s+clock))?)"
    r"(?:\s+(?:am|a\s+m|pm|p\s+m|in\s+the\s+(?:morning|afternoon|evening)|tonight))?)"
)
_POLITE: Final = r"(?:(?:please|can\s+you|could\s+you|and|then|so|ok|okay)\s+)*"
_REMIND: Final = _POLITE + r"(?:remind\s+me|give\s+me\s+a\s+reminder|set\s+a\s+reminder)"
_AT: Final = r"(?:at|for|around|about)\s+"
# "remind me to do the laundry at 4", "remind me to do it at 4 please"
_REMIND_TO: Final = rf"^{_REMIND}\s+to\s+(?P<plan>.+?)\s+{_AT}{_TIME}(?:\s+please)?$"
# "remind me at 4 to do the laundry"
_REMIND_AT: Final = rf"^{_REMIND}\s+{_AT}{_TIME}\s+(?:to\s+)(?P<plan>.+?)(?:\s+please)?$"
# "I'll do the laundry, remind me at 4", "do the laundry and remind me about it at 4"
_PLAN_THEN: Final = (
    rf"^(?P<plan>.+?)\s+{_REMIND}(?:\s+(?:to\s+do\s+it|about\s+it|of\s+it|to\s+do\s+that))?"
    rf"\s+{_AT}{_TIME}(?:\s+please)?$"
)
# A plan named only by a pointer: no plan told.
_POINTERS: Final = frozenset(
    {"it", "that", "this", "do it", "do that", "do this", "them", "do them"}
)


class PlanReminder(NamedTuple):
    """``plan``: the plan's words, or None when only "it" named it; ``at``: ``HH:MM`` (24-hour
    when ``half`` was said); ``half``: "am" or "pm", when said."""

    plan: str | None
    at: str
    half: Literal["am", "pm"] | None


def plan_with_reminder(text: str) -> PlanReminder | None:
    """The plan and the reminder ``text`` asks for together; None when it asks for no
    reminder at a time of day."""
    said = compiled(r"(\d)(am|pm)\b").sub(r"\1 \2", spoken_words(text, keep=":"))
    for pattern in (_REMIND_AT, _REMIND_TO, _PLAN_THEN):
        found = compiled(pattern).match(said)
        if found is None:
            continue
        asked = reminder_asked(f"remind me at {found['time']}")
        if asked is None:
            return None
        plan = found["plan"].strip(" ,")
        plan = compiled(r"^(?:i\s+will|i\s+ll|i\s+am\s+going\s+to|i\s+m\s+going\s+to)\s+").sub(
            "", plan
        )
        return PlanReminder(None if plan in _POINTERS or not plan else plan, asked.at, asked.half)
    return None
