"""A win's own words about its day, left out when it is read back on another.

"I ate three meals today" was true the day it was said. Read back a week later after "A week
ago today", the "today" in the win's words would clash with the day the reply names ("A week
ago today, you ate three meals today"), so the reply names the day once and the words about
the day are left out: "A week ago today, you ate three meals". Pure: words in, words out.
"""

from typing import Final

from skill.domain.patterns import compiled
from skill.domain.when_done import VAGUE_TIME

_MONTH: Final = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)"
)
# Words that name the day a win was said on, relative to that day.
_DAY_WORDS: Final = (
    r"(?i)\s*,?\s*\b(?:" + VAGUE_TIME + r"|earlier\s+today|today|tonight|last\s+(?:night|evening)"
    r"|(?:the\s+day\s+before\s+)?yesterday(?:\s+(?:in\s+the\s+)?"
    r"(?:morning|lunchtime|afternoon|evening|night))?"
    r"|(?:on|last)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|lunchtime|afternoon|evening|night))?"
    r"|this\s+(?:morning|afternoon|evening)"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|\d+)\s+days\s+ago"
    r"|a\s+week\s+ago"
    r"|(?:on\s+)?(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|(?:(?:twenty|thirty)\s+)?[a-z]+(?:st|nd|rd|th))\s+of\s+"
    + _MONTH
    + r"|(?:on\s+)?"
    + _MONTH
    + r"\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?"
    r"|on\s+the\s+\d{1,2}(?:st|nd|rd|th))\b(?!')"
)


def undated(phrase: str) -> str:
    """``phrase`` without the words that name its day relative to when it was said; the
    phrase itself when nothing else would be left."""
    left = " ".join(compiled(_DAY_WORDS).sub("", phrase).split())
    return left if len(left.split()) >= 2 else phrase
