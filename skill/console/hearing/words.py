"""Words as the console hears them: one normalisation for sample utterances and typed text.

Alexa's speech recogniser hands a skill lowercase words without punctuation, while typed text
has capitals, commas and curly apostrophes. Matching compares *keys*, with apostrophes dropped,
so "I'm", "i'm" and "im" are one word; slot values keep the spoken spelling ("didn't").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_APOSTROPHES: Final = "'\u2019\u2018`\u00b4"
_WORD: Final = re.compile(r"[\w" + re.escape(_APOSTROPHES) + r"]+")
_TO_PLAIN_APOSTROPHE: Final = str.maketrans({mark: "'" for mark in _APOSTROPHES})


@dataclass(frozen=True)
class Word:
    """One heard word: ``text`` as a slot value would carry it, ``key`` for matching."""

    text: str
    key: str


def words(text: str) -> tuple[Word, ...]:
    """Split typed text into lowercase words, dropping punctuation as speech would."""
    heard: list[Word] = []
    for raw in _WORD.findall(text.lower()):
        spoken = raw.translate(_TO_PLAIN_APOSTROPHE).strip("'")
        key = spoken.replace("'", "")
        if _leading_zero(key):  # "0715" is said "oh seven fifteen"
            heard.extend((Word(text="oh", key="oh"), Word(text=key[1:], key=key[1:])))
        elif key:
            heard.append(Word(text=spoken, key=key))
    return tuple(heard)


def _leading_zero(key: str) -> bool:
    """A time typed with a leading zero ("0715"): a 24-hour clock's "oh". Never two digits
    alone: the "02" of a typed date ("2026-11-02") is a day."""
    return key.isdigit() and 3 <= len(key) <= 4 and key[0] == "0" and key[1] != "0"


def keys(text: str) -> tuple[str, ...]:
    """The matching keys of ``text``: what samples, synonyms and invocation names compare by."""
    return tuple(word.key for word in words(text))
