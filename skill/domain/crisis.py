"""Screening for crisis or self-harm language, so it is met with care and never logged as a win.

The phrases live in ``skill/data/crisis_phrases.txt`` (one per line) so people who know this
field can review and extend them without touching code. Matching is on whole words after
normalising case, apostrophes and punctuation, and errs on the side of care.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_NON_WORD = re.compile(r"[^a-z0-9 ]+")
# Apostrophes vanish rather than split words, so "don't", "don’t" and "dont" all match.
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`]")


def _normalise(text: str) -> str:
    text = _APOSTROPHES.sub("", text.lower())
    return " " + " ".join(_NON_WORD.sub(" ", text).split()) + " "


@lru_cache(maxsize=1)
def crisis_phrases() -> tuple[str, ...]:
    """The phrase list, read once per process."""
    raw = resources.files("skill.data").joinpath("crisis_phrases.txt").read_text("utf-8")
    lines = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return tuple(_normalise(line) for line in lines if line)


def sounds_like_crisis(text: str) -> bool:
    """True when the words sound like crisis or self-harm."""
    haystack = _normalise(text)
    return any(phrase in haystack for phrase in crisis_phrases())
