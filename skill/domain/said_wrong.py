"""A correction said without a verb of asking: the words a win has, then the words it should.

People put a win right the way they would tell a friend it misheard them, and no lead of
"change that to" comes first: "it says I got home off nights but it was I ate a proper
breakfast", "you've got washed the car, it should be washed the van", "got home off nights
should be ate a proper breakfast", "not got home off nights, ate a proper breakfast", "change
opened the post which to opened the post" (a win named by its own words, whatever the
recogniser made of "win"). Each names the win by the words it has (``old``) and gives the
words it should have (``words``). Both must tell a deed ("washed the car", "I ate a proper
breakfast"): "it says on the box it was made in china" and "dinner should be ready" are no
correction.

Pure: plain words in (lower case, no punctuation), a plain record out.
"""

import re
from functools import cache
from typing import Final, NamedTuple

from skill.domain.phrasing.answer import past_tense


class Righted(NamedTuple):
    """The win with the words ``old`` is to have the words ``words``."""

    old: str
    words: str


# What tells the words a win has: "it says", "it said", "you put", "you've got", "you wrote".
_HAS: Final = (
    r"(?:^|\s)(?:it|that|that\s+one|you)\s+(?:says|said|reads|read|put|wrote|written|logged"
    r"|heard|ve\s+got|have\s+got|have\s+put|ve\s+put|ve\s+written|have\s+written|got\s+down"
    r"|put\s+down)\s+(?:that\s+|me\s+as\s+|down\s+)?"
)
# What turns to the words it should have: "but it was", "it should be", "when i said".
_SHOULD: Final = (
    r"\s+(?:but\s+|when\s+|and\s+|though\s+|whereas\s+)?(?:it\s+was|it\s+is|it\s+should\s+"
    r"(?:be|say|read|have\s+been|of\s+been|have\s+said)|that\s+should\s+(?:be|say)"
    r"|i\s+meant(?:\s+to\s+say)?|i\s+said|i\s+actually\s+said|what\s+i\s+(?:said|meant)\s+was"
    r"|it\s+is\s+meant\s+to\s+(?:be|say)|it\s+was\s+meant\s+to\s+(?:be|say)|should\s+(?:be|say)"
    r"|i\s+really\s+(?:did|said)|really\s+it\s+was|actually\s+it\s+was)\s+"
)
# "X should be Y", "X is meant to say Y": the win's words, then what they should be.
_SHOULD_BE: Final = (
    r"\s+(?:should|shoulda|ought\s+to)\s+(?:be|say|read|have\s+been|of\s+been|have\s+said)\s+"
    r"|\s+(?:is|was)\s+(?:meant|supposed)\s+to\s+(?:be|say|read)\s+"
)
# "change opened the post which to ...": a verb of changing, a win by its words, "to".
_CHANGE: Final = r"^(?:change|correct|fix|edit|update|switch|amend)\s+(?P<rest>.+)$"
_TO: Final = (
    r"\s+(?:(?:win|one|which|entry|bit|thing|wind|when)\s+)?(?:to\s+say|to\s+read|to|into)\s+"
)
# "not X, Y": a mark of a mistake, if any, then what it is not.
_NOT: Final = (
    r"^(?:(?:no|nope|oops|sorry|wait|actually|wrong|that\s+is\s+wrong)\s+)*(?:it\s+is\s+|it\s+was\s+"
    r"|that\s+is\s+)?not\s+(?P<rest>.+)$"
)
# Between "not X" and the deed it should be: "not X but Y", "not X, it was Y".
_NOT_BUT: Final = r"^(?:(?:but|it\s+was|it\s+is|it\s+should\s+be|rather|instead)\s+)*"
# Words that join a story's parts ("not picked for the play so i signed up for the crew").
_JOINS: Final = frozenset({"so", "and", "because", "cause", "coz", "then", "as", "since", "till"})
# Said before the words as heard back: "you got home", "i got home".
_WHO: Final = r"^(?:(?:you|i|that\s+i|that\s+you)\s+)"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _deed(words: str) -> str | None:
    """``words`` as a deed ("you got home off nights" is "got home off nights"), or None
    when they tell none: a deed starts with a verb told in the past."""
    bare = _compiled(_WHO).sub("", words.strip())
    first = bare.split()[:1]
    if not first or first[0] in ("was", "is", "were") or first[0].endswith("ly"):
        return None  # "not really", "it was fine": no deed
    return bare if past_tense(first[0]) else None


def _new(words: str) -> str | None:
    """The new words, when they tell a deed ("i ate a proper breakfast", "ate breakfast")."""
    said = words.strip()
    first = said.split()[:1]
    if not first:
        return None
    if first[0] == "i":
        return said if len(said.split()) > 1 and _deed(said) is not None else None
    return said if _deed(said) is not None else None


def _split(rest: str, turn: str) -> Righted | None:
    """The first place ``turn`` divides ``rest`` into a deed the win has and one it should."""
    for found in _compiled(turn).finditer(rest):
        old, words = _deed(rest[: found.start()]), _new(rest[found.end() :])
        if old and words:
            return Righted(old, words)
    return None


def _not_then(rest: str) -> Righted | None:
    """ "got home off nights ate a proper breakfast" after "not": where the second deed starts."""
    said = rest.split()
    for at in range(1, len(said)):
        if said[at - 1] in _JOINS:  # "not picked so i signed up": a story, told on
            return None
        old = _deed(" ".join(said[:at]))
        words = _new(_compiled(_NOT_BUT).sub("", " ".join(said[at:])))
        if old and words:
            return Righted(old, words)
    return None


def righted(said: str) -> Righted | None:
    """The correction ``said`` (plain words) makes without asking for one, if it makes one."""
    has = _compiled(_HAS).search(said)
    if has is not None:
        found = _split(said[has.end() :], _SHOULD)
        if found is not None:
            return found
    found = _split(said, _SHOULD_BE)
    if found is not None:
        return found
    change = _compiled(_CHANGE).match(said)
    if change is not None:
        found = _split(change["rest"], _TO)
        if found is not None:
            return found
    negated = _compiled(_NOT).match(said)
    return _not_then(negated["rest"]) if negated is not None else None
