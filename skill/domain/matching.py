"""Finding the win a person means: "the second one", "the last one", "the one about the oven".

A position counts in the list the skill read out last ("the second one" is the second it
said). Words are matched by meaning where that is cheap: each word in its dictionary form
("cleaned" is "clean", "ovens" is "oven"), without the little words ("the", "about", "one")
and the inner critic's ("just", "only"), so "the one where I cleaned the oven" finds "I just
cleaned the ovens". Pure: words and stored texts in, a choice out.
"""

import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from skill.domain.lemmas import lemma
from skill.domain.patterns import compiled

# The last of a list: "the last one", "the latest", "the most recent". Places counted from
# the end are negative: the one before it ("the one before that", "the second to last") -2.
LAST: Final = -1
BEFORE_LAST: Final = -2

_ORDINALS: Final[dict[str, int]] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
    "seventh": 7,
    "7th": 7,
    "eighth": 8,
    "8th": 8,
    "ninth": 9,
    "9th": 9,
    "tenth": 10,
    "10th": 10,
}
_NUMBERS: Final[dict[str, int]] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_LAST_WORDS: Final = frozenset({"last", "latest", "final", "newest", "recent", "previous"})
# Said around a position without changing it: "the second one", "win number two".
_AROUND: Final = frozenset(
    {"the", "one", "win", "number", "no", "most", "very", "that", "thing", "item", "please", "my"}
)
_MOST_POSITION: Final = 50
_WORD: Final = r"[a-z0-9']+"

# Words that say which win without saying what it was: dropped before matching.
_STOP: Final = frozenset(
    {
        "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been",
        "before", "but", "by", "did", "do", "does", "for", "from", "go", "got", "had", "has",
        "have", "i", "i'd", "i'm", "i've", "in", "into", "is", "it", "it's", "its", "me",
        "mine", "my", "myself", "of", "off", "on", "one", "ones", "or", "out", "so", "some",
        "that", "the", "them", "then", "there", "this", "to", "up", "was", "were", "what",
        "when", "where", "which", "who", "win", "wins", "with", "you", "your", "bit", "thing",
        "today", "yesterday", "earlier", "time", "said", "say", "log", "logged", "told",
        "finally", "actually", "really", "again", "also", "too", "very", "well", "oh", "um",
        "uh", "like", "get", "make", "made", "done",
    }
)  # fmt: skip
# The inner critic's words: never what a win was about.
_CRITIC: Final = frozenset(
    {"only", "just", "barely", "merely", "simply", "kinda", "sorta", "even", "least", "tiny"}
)


class Candidate(NamedTuple):
    """A win that may be meant: its number and its stored words."""

    number: int
    text: str


def position_in(words: str) -> int | None:
    """The position a phrase names, counted from 1 ("the second one" is 2, "number three" 3);
    ``LAST`` for "the last one"; None when it names no position."""
    said = [word for word in compiled(_WORD).findall(words.lower()) if word not in _AROUND]
    if len(said) == 1:
        word = said[0]
        if word in _LAST_WORDS:
            return LAST
        if word in _ORDINALS:
            return _ORDINALS[word]
        if word in _NUMBERS:
            return _NUMBERS[word]
        if word.isdigit() and 0 < int(word) <= _MOST_POSITION:
            return int(word)
    if said in (["most", "recent"], ["very", "last"]):
        return LAST
    if " ".join(said) in _BEFORE_LAST_WORDS:
        return BEFORE_LAST
    return None


# "the one before that", "the second to last", "the last but one", "the penultimate one".
_BEFORE_LAST_WORDS: Final = frozenset(
    {
        "before",  # "the one before that": "the", "one" and "that" are said around it
        "before that",
        "before the last",
        "before last",
        "before the last one",
        "second to last",
        "second last",
        "last but one",
        "penultimate",
        "next to last",
    }
)
# "the last two", "the last three": that many places, counted from the end.
_LAST_SEVERAL: Final = (
    r"^(?:the\s+|my\s+)?(?:last|latest|most\s+recent)\s+(?P<count>two|three|2|3)"
    r"(?:\s+(?:ones|wins|of\s+them))?$"
)


def positions_in(words: str) -> list[int] | None:
    """The places several pointers name, in the order said ("the second one and the third
    one" is [2, 3], "two and four" [2, 4]); None unless each part names one and there are
    at least two."""
    several = compiled(_LAST_SEVERAL).match(" ".join(compiled(_WORD).findall(words.lower())))
    if several is not None:  # "the last two": the earlier first, so the last stays last
        count = _NUMBERS.get(several["count"]) or int(several["count"])
        return list(range(-count, 0))
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b|\bthen\b|\bplus\b)\s*", words.lower()) if p]
    found = [position_in(part) for part in parts]
    if len(found) < 2 or any(place is None for place in found):
        return None
    return [place for place in found if place is not None]


class Pointer(NamedTuple):
    """Words that only point at wins in a list: ``places`` ("the second", "the first and the
    third"), ``every`` ("both", "all of them") or ``about`` ("and the bed one")."""

    places: tuple[int, ...] = ()
    every: bool = False
    about: str = ""


_POINTER_LEAD: Final = r"^(?:(?:and|also|oh|ok|okay|um|uh|so|then|plus)\s+)+"
_POINTER_TAIL: Final = r"(?:\s+(?:too|as\s+well|also|please|then|aswell))+$"
_EVERY: Final = frozenset({"both", "both of them", "all of them", "all", "the lot", "them all"})
_NAMED_ONE: Final = r"^(?:the|that)\s+(?P<about>\w+(?:\s+\w+)?)\s+one$"


def pointer_in(words: str) -> Pointer | None:
    """What words that only point at wins point at ("the second one too", "both", "and the
    bed one"); None for anything else. Never a deed: "the second" is no win of its own."""
    said = " ".join(compiled(_WORD).findall(words.lower()))
    said = compiled(_POINTER_TAIL).sub("", compiled(_POINTER_LEAD).sub("", said)).strip()
    if not said:
        return None
    if said in _EVERY:
        return Pointer(every=True)
    several = positions_in(said)
    if several is not None:
        return Pointer(tuple(several))
    place = position_in(said)
    if place is not None:
        return Pointer((place,))
    named = compiled(_NAMED_ONE).match(said)
    if named and named["about"] not in ("other", "same", "last", "next"):
        return Pointer(about=named["about"])
    return None


def pick(listed: Sequence[int | None], position: int) -> int | None:
    """The win number at ``position`` (from 1, or ``LAST``) of a list read out; None when the
    list has no such place, or that place's win was deleted since."""
    if position < 0:  # counted from the end: the last, the one before it
        present = [number for number in listed if number is not None]
        return present[position] if len(present) >= -position else None
    if not 1 <= position <= len(listed):
        return None
    return listed[position - 1]


def content(text: str) -> frozenset[str]:
    """What a phrase is about: its words in dictionary form, little and critic words gone."""
    found = set()
    for word in compiled(_WORD).findall(text.lower()):
        bare = word.strip("'")
        if not bare or bare in _STOP or bare in _CRITIC:
            continue
        found.add(lemma(bare.removesuffix("'s")))
    return frozenset(found)


# Said around a win's words when quoting it back, never what it was: "delete you did do it".
_QUOTED: Final = frozenset(
    {"i", "you", "me", "my", "your", "um", "uh", "er", "like", "just", "yeah", "so", "oh", "the"}
)


def _said(text: str) -> frozenset[str]:
    """A win's words as said, each in dictionary form, the person and fillers left out: how
    words made only of little ones ("did do it") are found."""
    words = compiled(_WORD).findall(text.lower())
    return frozenset(lemma(word.strip("'")) for word in words if word.strip("'") not in _QUOTED)


def best_matches(about: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates ``about`` describes best, in the order given (newest first).

    A candidate matches when it shares at least half of what ``about`` is about; the best
    share wins. Several with the same words (a win logged twice) are one: the first (newest).
    Words made only of little ones ("did do it") match a win of those words, as said.
    Empty when nothing matches, or ``about`` says nothing a win could be about.
    """
    wanted = content(about)
    if not wanted:  # "delete you did do it": no word of its own, so the words as said
        said = _said(about)
        return [c for c in candidates if said and _said(c.text) == said][:1]
    scored: list[tuple[float, Candidate]] = []
    for candidate in candidates:
        shared = len(wanted & content(candidate.text))
        if shared and shared * 2 >= len(wanted):
            scored.append((shared / len(wanted), candidate))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    chosen: list[Candidate] = []
    seen: set[frozenset[str]] = set()
    for score, candidate in scored:
        key = content(candidate.text)
        if score == best and key not in seen:
            seen.add(key)
            chosen.append(candidate)
    return chosen


# Words said for the same everyday thing, each to one name: "got the washing done" is the
# laundry, "rang my mum" is calling her. Phrases first: "the washing up" is the dishes, never
# the laundry. Only nouns and verbs that name the same thing whoever says them: "washed my
# hair" is no laundry, so "wash" itself is no name here.
_ALIKE_PHRASES: Final = (
    (r"\bwash(?:ing|ed)?[ -]up\b", "dishes"),
    (r"\bfood shop\b", "shopping"),
    (r"\bput (?:a|the) wash on\b", "laundry"),
)
_ALIKE: Final[dict[str, str]] = {
    "washing": "laundry",
    "dish": "dishes",
    "pot": "dishes",
    "hoovering": "hoover",
    "vacuum": "hoover",
    "vacuuming": "hoover",
    "hoovered": "hoover",
    "vacuumed": "hoover",
    "rubbish": "bin",
    "trash": "bin",
    "garbage": "bin",
    "grocery": "shopping",
    "groceries": "shopping",
    "shop": "shopping",
    "ring": "call",
    "rang": "call",
    "phone": "call",
    "phoned": "call",
    "mom": "mum",
    "mam": "mum",
    "mother": "mum",
    "father": "dad",
    "jog": "run",
    "jogging": "run",
    "stroll": "walk",
    "tidy": "clean",
    "tidied": "clean",
    "clear": "clean",
    "cleared": "clean",
    "bedroom": "room",
}


def _named(text: str) -> frozenset[str]:
    """What ``text`` is about, each word by the one name of its everyday thing."""
    said = text.lower().replace("\u2019", "'")
    for phrase, name in _ALIKE_PHRASES:
        said = compiled(phrase).sub(name, said)
    found = set()
    for word in compiled(_WORD).findall(said):
        bare = word.strip("'").removesuffix("'s")
        if not bare or bare in _STOP or bare in _CRITIC:
            continue
        found.add(_ALIKE.get(bare) or _ALIKE.get(lemma(bare)) or lemma(bare))
    return frozenset(found)


def does_plan(deed: str, plan: str) -> bool:
    """Whether ``deed`` ("laundry's done", "got the washing done") tells ``plan`` ("do the
    laundry") done: it names at least two thirds of what the plan is about, by lemma and by
    everyday name. "fed the dog" is not "walk the dog"; "drank some water" is "drink a glass
    of water"."""
    wanted = _named(plan)
    if not wanted:
        return False
    shared = len(wanted & _named(deed))
    return shared > 0 and shared * 3 >= len(wanted) * 2
