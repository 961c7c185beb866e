"""Words as the skill handles them: one form of apostrophe, no control characters, and a
word's punctuation kept apart from the word itself so rewriting never loses it."""

from functools import lru_cache
from typing import Final

from skill.domain.patterns import compiled

_APOSTROPHES: Final = r"[\u2018\u2019\u02bc`]"
# Control and format characters carry no words; stored text never holds them.
_CONTROL: Final = "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
_EDGE: Final = r"(?s)^(\W*)(.*?)(\W*)$"

# Words people really do say twice on purpose ("I had had enough", "very very proud").
_MEANT_TWICE: Final[frozenset[str]] = frozenset(
    {"had", "that", "very", "really", "so", "no", "yes", "ha", "bye", "far", "more", "many"}
)


def normalise(text: str) -> str:
    """Collapse whitespace, straighten apostrophes and drop control characters."""
    return " ".join(compiled(_CONTROL).sub(" ", compiled(_APOSTROPHES).sub("'", text)).split())


@lru_cache(maxsize=8192)
def edges(word: str) -> tuple[str, str, str]:
    """A word as (leading punctuation, the word, trailing punctuation)."""
    match = compiled(_EDGE).match(word)
    assert match is not None  # the pattern matches any string
    lead, core, tail = match.groups()
    return lead, core, tail


def core(word: str) -> str:
    """The word without its punctuation, in lower case: "Mine!" -> "mine"."""
    return edges(word)[1].lower()


def cores(words: list[str]) -> list[str]:
    return [core(word) for word in words]


def _unstuttered(word: str) -> str:
    # "I-I-I" is one stammered word, said once.
    lead, middle, tail = edges(word)
    parts = middle.split("-")
    if len(parts) > 1 and len({part.lower() for part in parts}) == 1 and parts[0]:
        return f"{lead}{parts[-1]}{tail}"
    return word


def collapse_repeats(words: list[str]) -> list[str]:
    """A stutter or a repeated word said once: "I I I did it" -> "I did it"."""
    kept: list[str] = []
    for word in (_unstuttered(w) for w in words):
        previous = kept[-1] if kept else ""
        said_twice = previous and core(previous) == core(word) and core(word)
        if said_twice and core(word) not in _MEANT_TWICE and edges(previous)[2] in {"", ","}:
            kept[-1] = word
            continue
        kept.append(word)
    return kept
