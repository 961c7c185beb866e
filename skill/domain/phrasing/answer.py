"""A bare answer to "What did you do?" as the win it stands for.

Asked "What did you do?", people answer with a verb ("made my bed"), a thing ("the dishes",
"laundry") or a shrug ("nothing", "I dunno"). The first is the win as it is; a thing is what
they did ("did the dishes"); a shrug is "did nothing", which is never celebrated. Anything
else ("couldn't finish my homework") is left as said, for the screen to judge as "I ...".
"""

from __future__ import annotations

from typing import Final

# Answers that mean nothing was done (or the person can't say): never a win.
_SHRUGS: Final[frozenset[tuple[str, ...]]] = frozenset(
    tuple(phrase.split())
    for phrase in (
        "nothing",
        "nothing really",
        "nothing much",
        "not much",
        "not a lot",
        "not really",
        "none",
        "nada",
        "zero",
        "zilch",
        "dunno",
        "i dunno",
        "don't know",
        "i don't know",
        "no idea",
        "not sure",
        "i'm not sure",
        "can't remember",
        "i can't remember",
        "i can't think of anything",
        "can't think of anything",
        "nothing at all",
        "absolutely nothing",
        "not a thing",
    )
)
_SHRUG: Final = "did nothing"

# Common verbs whose past form does not end in -ed, and words that start a verb phrase.
_VERB_STARTS: Final[frozenset[str]] = frozenset(
    {
        "actually",
        "also",
        "am",
        "ate",
        "bought",
        "brought",
        "built",
        "came",
        "can",
        "caught",
        "chose",
        "could",
        "cut",
        "did",
        "didn't",
        "drank",
        "drew",
        "drove",
        "even",
        "fed",
        "felt",
        "finally",
        "finished",
        "forgave",
        "fought",
        "found",
        "froze",
        "gave",
        "got",
        "grew",
        "had",
        "heard",
        "held",
        "hid",
        "hit",
        "hung",
        "just",
        "kept",
        "knew",
        "knit",
        "laid",
        "led",
        "left",
        "lent",
        "let",
        "lit",
        "made",
        "managed",
        "meant",
        "met",
        "paid",
        "put",
        "quit",
        "ran",
        "rang",
        "read",
        "really",
        "remembered",
        "rode",
        "said",
        "sang",
        "sat",
        "saw",
        "sent",
        "set",
        "sewed",
        "shone",
        "shook",
        "shot",
        "showed",
        "shut",
        "slept",
        "slid",
        "sold",
        "sought",
        "spent",
        "split",
        "spoke",
        "spread",
        "spun",
        "started",
        "stayed",
        "still",
        "stole",
        "stood",
        "struck",
        "stuck",
        "stung",
        "swam",
        "swept",
        "swung",
        "taught",
        "thought",
        "threw",
        "told",
        "took",
        "tore",
        "tried",
        "understood",
        "was",
        "went",
        "were",
        "woke",
        "won",
        "wore",
        "wrote",
    }
)


# Words that start a thing rather than a deed: "the dishes", "my homework", "3 emails".
_THING_STARTS: Final[frozenset[str]] = frozenset(
    {
        "a",
        "all",
        "an",
        "another",
        "both",
        "each",
        "eight",
        "every",
        "few",
        "five",
        "four",
        "her",
        "his",
        "loads",
        "lots",
        "my",
        "nine",
        "our",
        "plenty",
        "seven",
        "several",
        "six",
        "some",
        "ten",
        "that",
        "the",
        "their",
        "these",
        "this",
        "those",
        "three",
        "twenty",
        "two",
        "your",
    }
)


def _verb_first(word: str) -> bool:
    return word in _VERB_STARTS or (len(word) > 3 and word.endswith(("ed", "ly", "ing")))


def _a_thing(words: tuple[str, ...]) -> bool:
    """ "the dishes", "3 emails", or one word that is no deed ("laundry")."""
    first = words[0]
    if first in _THING_STARTS or first.isdigit():
        return True
    return len(words) == 1 and first.isalpha() and not _verb_first(first)


def bare_answer(text: str) -> str:
    """The win a bare answer stands for: "the dishes" -> "did the dishes"; "nothing" ->
    "did nothing"; a verb phrase ("made my bed", "I made my bed") as said, without the "I"."""
    words = text.split()
    if words and words[0].lower() == "i" and len(words) > 1:
        words = words[1:]
    lowered = tuple(word.lower().strip(".,!?") for word in words)
    if not lowered or lowered in _SHRUGS:
        return _SHRUG
    if _a_thing(lowered):
        return " ".join(("did", *words))
    return " ".join(words)


def is_shrug(text: str) -> bool:
    """ "nothing", "not much", "I dunno": no deed and no plan."""
    words = tuple(word.lower().strip(".,!?") for word in text.split())
    return not words or words in _SHRUGS or words[1:] in _SHRUGS and words[0] == "i"
