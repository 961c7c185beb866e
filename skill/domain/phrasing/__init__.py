"""Turning a person's own words into what the skill says back to them.

"I cleared my desk" is said back as "You cleared your desk". When the inner critic speaks
("I only did the dishes"), the minimiser is dropped, never echoed back.
"""

import re
from enum import StrEnum
from typing import Final, NamedTuple

# First person -> second person, word by word. Only these words change; everything else is
# left exactly as the person said it.
_SECOND_PERSON: Final[dict[str, str]] = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i'm": "you're",
    "i've": "you've",
    "i'll": "you'll",
    "i'd": "you'd",
}
# Verbs that only agree with "I": "I am" -> "you are", "I was" -> "you were".
_AGREEMENT: Final[dict[str, str]] = {
    "am": "are",
    "was": "were",
    "wasn't": "weren't",
    "wasnt": "werent",
    "ain't": "aren't",
}

# Words a second-person sentence may already start with; otherwise the carrier phrase ("I ...")
# took the subject and the skill adds "you".
_SUBJECT_STARTS: Final[frozenset[str]] = frozenset(
    {
        "you", "you're", "you've", "you'll", "you'd", "your", "yours", "yourself",
        "we", "we're", "we've", "we'll", "we'd", "our", "us",
        "he", "she", "they", "it", "it's", "the", "a", "an", "my", "me",
    }
)  # fmt: skip

# Minimisers: said by the inner critic, never said back.
_MINIMISER_WORDS: Final[frozenset[str]] = frozenset({"only", "just", "barely", "merely"})
_MINIMISER_PAIRS: Final[frozenset[tuple[str, str]]] = frozenset({("at", "least")})
_MINIMISING_LEADS: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(lead.split())
    for lead in (
        "well at least",
        "it's not much but",
        "it's nothing but",
        "it's not a big deal but",
        "it's small but",
        "it's tiny but",
        "it's silly but",
        "this is silly but",
        "this is dumb but",
        "it's dumb but",
        "all i managed was to",
        "all i did was",
    )
)

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`]")
# Control and format characters carry no words; stored text never holds them.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_PUNCTUATION_EDGE = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)


class WinKind(StrEnum):
    """Where a win came from; goals and one things are said back in their own words."""

    SAID = "said"  # "I did the laundry"
    GOAL = "goal"  # a one-minute goal done: "clear my desk"
    ONE_THING = "one_thing"  # the day's one thing done: "call the bank"


class Win(NamedTuple):
    """A win as the skill will say it back: second person, minimisers gone."""

    said: str  # e.g. "you did the laundry" (lower-case start: a sentence may come before it)
    minimised: bool  # the person played it down; the reply says it counts
    kind: WinKind = (
        WinKind.SAID
    )  # for goals and one things, ``said`` is the plan: "clear your desk"

    @property
    def sentence(self) -> str:
        """The win as a sentence of its own: "You did the laundry"."""
        return self.said[:1].upper() + self.said[1:]


def normalise(text: str) -> str:
    """Collapse whitespace, straighten apostrophes and drop control characters."""
    return " ".join(_CONTROL.sub(" ", _APOSTROPHES.sub("'", text)).split())


def drop_minimisers(text: str) -> tuple[str, bool]:
    """Remove "only", "just", "barely", "at least" and lead-ins like "it's not much but"."""
    words = normalise(text).split()
    lowered = [w.lower() for w in words]
    minimised = False
    for lead in _MINIMISING_LEADS:
        if tuple(lowered[: len(lead)]) == lead:
            keep_subject = lead[-1] in {"was", "to"}  # "all I did was X" keeps X only
            words, lowered = words[len(lead) :], lowered[len(lead) :]
            minimised = True
            if keep_subject:
                break
    kept: list[str] = []
    skip_next = False
    for index, word in enumerate(lowered):
        if skip_next:
            skip_next = False
            continue
        core = word.strip(",.!?;:")
        following = lowered[index + 1].strip(",.!?;:") if index + 1 < len(lowered) else ""
        if (core, following) in _MINIMISER_PAIRS:
            minimised, skip_next = True, True
            continue
        if core in _MINIMISER_WORDS:
            minimised = True
            continue
        kept.append(words[index])
    return " ".join(kept), minimised


def _swap(word: str, previous: str) -> str:
    match = _PUNCTUATION_EDGE.match(word)
    assert match is not None  # the pattern matches any string
    lead, core, tail = match.groups()
    lowered = core.lower()
    if lowered in _SECOND_PERSON:
        swapped = _SECOND_PERSON[lowered]
    elif lowered in _AGREEMENT and previous == "i":
        swapped = _AGREEMENT[lowered]
    else:
        return word
    # Case is not carried over: "I" is capitalised in any position, "you" is not.
    return f"{lead}{swapped}{tail}"


def second_person(text: str, *, add_subject: bool = True) -> str:
    """Say the person's words back to them: "I cleared my desk" -> "you cleared your desk".

    Text that starts with a verb (the carrier phrase "I ..." took the subject) gets "you",
    unless ``add_subject`` is off: a goal ("clear my desk") is said back as "clear your desk".
    """
    words = normalise(text).split()
    out: list[str] = []
    previous = ""
    for word in words:
        out.append(_swap(word, previous))
        previous = word.lower().strip(",.!?;:")
    if not out:
        return ""
    if add_subject and out[0].lower().strip(",.!?;:") not in _SUBJECT_STARTS:
        # The carrier took "I": "was able to..." and "am proud..." agree with "you".
        out[0] = _swap(out[0], "i")
        out.insert(0, "you")
    return " ".join(out)


def win_from_words(text: str, kind: WinKind = WinKind.SAID) -> Win:
    """Everything the skill needs to say a win back, from the words the person used."""
    if kind is not WinKind.SAID:
        return Win(said=intention(text), minimised=False, kind=kind)
    kept, minimised = drop_minimisers(text)
    return Win(said=second_person(kept), minimised=minimised)


def intention(text: str) -> str:
    """A plan said back: "I'll clear my desk" -> "clear your desk"; "my one thing is X" -> X.

    Minimisers go here too: "just drink some water" is said back as "drink some water".
    """
    kept, _ = drop_minimisers(text)
    return second_person(plan_words(kept), add_subject=False)


def plan_words(text: str) -> str:
    """A plan without the words that only mark it as one: "to call the bank" -> "call the bank"."""
    words = text.split()
    if words and words[0].lower() in {"to", "i'll", "i", "will"}:
        words = words[1:]
    return " ".join(words)
