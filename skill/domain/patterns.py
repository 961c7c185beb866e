"""What the small readers of requests share: expressions compiled on first use, never at
import (a launch never pays for them), and words as said, lower case, punctuation gone."""

from __future__ import annotations

import re
from functools import cache


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled, once."""
    return re.compile(pattern)


def spoken_words(text: str, keep: str = "") -> str:
    """``text`` lower case, its words only, an apostrophe a space ("that's" is "that s"),
    one space between words; the characters in ``keep`` (":" for times) stay."""
    cleaned = re.sub(rf"[^a-z0-9'{re.escape(keep)} ]+", " ", text.lower().replace("\u2019", "'"))
    return " ".join(cleaned.replace("'", " ").split())
