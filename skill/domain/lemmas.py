"""Words in their dictionary form ("took" is "take", "pills" is "pill"), for the screen.

simplemma, a pure-Python lemmatiser, with its English dictionary only. It is imported and its
dictionary read on first use (about 200 ms), never at import: a launch never pays for it, and
``prepare`` does it ahead of a snapshot. A word it does not know is its own lemma.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Sequence

LANGUAGE: Final = "en"
# Words people say to a speaker that the dictionary gets wrong or does not know, as they are
# meant: its lemma for "gone" is "gan", for "ending" "ending", for "kms" "km".
_KNOWN: Final = {
    "gone": "go",
    "went": "go",
    "ending": "end",
    "cutting": "cut",
    "breathing": "breathe",
    "hanging": "hang",
    "hung": "hang",
    "kms": "kms",
    "meds": "meds",
    "od": "od",
    "oded": "overdose",
    "shot": "shoot",
    "lay": "lie",
    "laid": "lay",
}


def lemma(word: str) -> str:
    """``word``'s dictionary form (lower case in, lower case out)."""
    return _KNOWN.get(word) or _lemma(word)


def lemmas(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(lemma(word) for word in words)


@lru_cache(maxsize=8192)
def _lemma(word: str) -> str:
    if not word.isalpha():
        return word
    from simplemma import lemmatize

    found = lemmatize(word, lang=LANGUAGE)
    return found.lower() if isinstance(found, str) else word


def prepare() -> None:
    """Import the lemmatiser and read its dictionary now (before a snapshot)."""
    _lemma("prepared")
