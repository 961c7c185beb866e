"""The inner critic, taken out of a win without changing what the win was.

"I only did the dishes" is said back as "you did the dishes". A hedge is dropped only where
dropping it keeps the meaning: "I only just made the bus" and "a bit of cake" stay as said,
and "I just about finished the report" is kept whole and marked as not (yet) a clean win.
"""

from typing import Final, NamedTuple

from skill.domain.phrasing.text import collapse_repeats, core, cores, normalise

# Single words said by the critic, dropped wherever they are not part of a fixed phrase.
_CRITIC_WORDS: Final[frozenset[str]] = frozenset(
    {"only", "just", "barely", "merely", "simply", "kinda", "sorta"}
)
# Phrases that keep these words: dropping one would change what happened.
_KEPT_PHRASES: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(phrase.split())
    for phrase in (
        "only just", "just in time", "just in case", "just as", "just like", "just so",
        "not only", "not just", "if only", "the only", "my only", "an only", "only if",
        "one and only", "only child", "a just", "just about", "just now", "just the way",
    )
)  # fmt: skip
# The kept phrases by their first word: only those can start where that word is.
_KEPT_BY_FIRST: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    first: tuple(phrase for phrase in _KEPT_PHRASES if phrase[0] == first)
    for first in {phrase[0] for phrase in _KEPT_PHRASES}
}
# Said of a thing not (quite) done: kept as said, and not celebrated as done.
_NEAR_MISSES: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(phrase.split())
    for phrase in ("just about", "almost", "nearly", "not quite", "halfway", "half way")
)
# Before "kind of" / "sort of" these make it a noun: "a new kind of pasta".
_KIND_OF_NOUN: Final[frozenset[str]] = frozenset(
    {
        "a", "an", "the", "this", "that", "what", "some", "any", "every", "each", "one",
        "which", "same", "new", "different", "my", "your", "his", "her", "their", "our",
        "no", "another", "whatever", "right", "wrong", "weird", "special", "only", "all",
    }
)  # fmt: skip
_DIGITS_OR_COUNT: Final[frozenset[str]] = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty",
     "half", "a", "an", "once", "twice", "thirty", "fifteen", "forty", "fifty", "a hundred"}
)  # fmt: skip
# Fixed lead-ins the critic uses; dropped whole.
_LEADS: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(lead.split())
    for lead in (
        "well at least", "i guess", "i suppose", "guess", "suppose",
    )
)  # fmt: skip
# A preamble before "but" made only of these words, with one critic word in it, is dropped:
# "I know it's dumb but", "this is probably stupid, but", "it's not a big deal but".
_PREAMBLE_WORDS: Final[frozenset[str]] = frozenset(
    {
        "i", "know", "it's", "its", "it", "is", "this", "that's", "that", "thats", "probably",
        "maybe", "not", "much", "a", "big", "deal", "really", "so", "sounds", "seem", "seems",
        "may", "might", "be", "kind", "sort", "of", "okay", "ok", "well", "anything", "i'm",
        "sure", "was", "thing", "like", "super", "pretty", "very", "all", "totally", "and",
        "um", "uh", "honestly", "lol", "haha", "yeah", "tiny", "little", "just", "the", "most",
    }
)  # fmt: skip
_CRITIC_VERDICTS: Final[frozenset[str]] = frozenset(
    {
        "dumb", "stupid", "silly", "small", "tiny", "nothing", "much", "lame", "pathetic",
        "minor", "embarrassing", "ridiculous", "boring", "deal", "nothin", "trivial", "petty",
        "laughable", "sad", "pointless", "whatever", "meh", "special", "impressive",
    }
)  # fmt: skip
# "All I did was water the plants" -> "I did water the plants": the win, said with weight.
_ALL_I_DID: Final[tuple[tuple[tuple[str, ...], list[str]], ...]] = (
    (("all", "i", "managed", "was", "to"), ["I", "managed", "to"]),
    (("all", "i", "managed", "to", "do", "was"), ["I", "did"]),
    (("all", "i", "did", "was"), ["I", "did"]),
    (("all", "i", "could", "do", "was"), ["I", "did"]),
)
_FIRST_PERSON: Final[frozenset[str]] = frozenset({"i", "i'm", "i've", "i'd", "i'll", "my", "me"})


class Critic(NamedTuple):
    """A win with the critic's words taken out."""

    text: str  # the win in the person's own (first-person) words
    minimised: bool  # the critic spoke; the reply says the win counts
    clean: bool = True  # False: said of something not quite done; kept whole, not celebrated


def _starts(lowered: list[str], phrase: tuple[str, ...], at: int = 0) -> bool:
    return tuple(lowered[at : at + len(phrase)]) == phrase


def _all_i_did(words: list[str]) -> tuple[list[str], bool]:
    lowered = cores(words)
    for lead, instead in _ALL_I_DID:
        if _starts(lowered, lead) and len(words) > len(lead):
            return [*instead, *words[len(lead) :]], True
    return words, False


def _drop_leads(words: list[str]) -> tuple[list[str], bool]:
    words, dropped = _all_i_did(words)
    changed = True
    while changed and words:
        changed = False
        lowered = cores(words)
        for lead in _LEADS:
            hedge = lead[-1] in {"guess", "suppose"}
            after = lowered[len(lead) : len(lead) + 1]
            if hedge and (not after or after[0] not in _FIRST_PERSON):
                continue  # "guess the password" is a guess, not a hedge
            if _starts(lowered, lead) and len(words) > len(lead):
                words, dropped, changed = words[len(lead) :], True, True
                break
        else:
            words, changed = _drop_preamble(words)
            dropped = dropped or changed
    return words, dropped


def _is_critic_clause(lowered: list[str]) -> bool:
    return (
        bool(lowered)
        and all(word in _PREAMBLE_WORDS | _CRITIC_VERDICTS for word in lowered)
        and any(word in _CRITIC_VERDICTS for word in lowered)
    )


def _drop_preamble(words: list[str]) -> tuple[list[str], bool]:
    """ "I know it's dumb but I opened my mail" -> "I opened my mail"."""
    lowered = cores(words)
    if "but" not in lowered[:10]:
        return words, False
    cut = lowered.index("but")
    if cut + 1 < len(words) and _is_critic_clause(lowered[:cut]):
        return words[cut + 1 :], True
    return words, False


def _drop_tail(words: list[str]) -> tuple[list[str], bool]:
    """ "I cleaned the kitchen, I guess" / "... but it's not much": the tail goes."""
    lowered = cores(words)
    for tail in (("i", "guess"), ("i", "suppose"), ("i", "think")):
        if len(words) > 2 and tuple(lowered[-2:]) == tail:
            return _trim_comma(words[:-2]), True
    if "but" in lowered[-7:]:
        cut = len(lowered) - 1 - lowered[::-1].index("but")
        if cut > 1 and _is_critic_clause(lowered[cut + 1 :]):
            return _trim_comma(words[:cut]), True
    return words, False


def _trim_comma(words: list[str]) -> list[str]:
    if words:
        words[-1] = words[-1].rstrip(",;:- ")
    return words


def _protected(lowered: list[str]) -> set[int]:
    """Positions of critic words that are part of a phrase whose meaning needs them."""
    kept: set[int] = set()
    for index, word in enumerate(lowered):
        for phrase in _KEPT_BY_FIRST.get(word, ()):
            if _starts(lowered, phrase, index):
                kept.update(range(index, index + len(phrase)))
    return kept


def _hedge_length(lowered: list[str], index: int) -> int:
    """How many words from ``index`` are a hedge to drop (0: none)."""
    word = lowered[index]
    previous = lowered[index - 1] if index else ""
    following = lowered[index + 1 : index + 4]
    if word in {"kind", "sort"} and following[:1] == ["of"] and previous not in _KIND_OF_NOUN:
        return 2
    if word == "at" and following[:1] == ["least"]:
        return 0 if following[1:2] and _is_count(following[1]) else 2
    if word == "a" and previous != "quite":
        for hedge in (["little", "bit"], ["tiny", "bit"], ["bit"]):
            after = following[len(hedge) : len(hedge) + 1]
            if following[: len(hedge)] == hedge and after != ["of"]:
                return 1 + len(hedge)
    return 1 if word in _CRITIC_WORDS else 0


def _is_count(word: str) -> bool:
    return word[:1].isdigit() or word in _DIGITS_OR_COUNT


def _drop_hedges(words: list[str]) -> tuple[list[str], bool]:
    lowered = cores(words)
    kept_positions = _protected(lowered)
    kept: list[str] = []
    index, dropped = 0, False
    while index < len(words):
        length = 0 if index in kept_positions else _hedge_length(lowered, index)
        if length:
            # The hedge's punctuation stays: "kind of, well" keeps its comma on the word before.
            tail = words[index + length - 1][len(words[index + length - 1].rstrip(",.!?;:")) :]
            if kept and tail:
                kept[-1] += tail
            index, dropped = index + length, True
            continue
        kept.append(words[index])
        index += 1
    return kept, dropped


def _bare_minimum(words: list[str]) -> tuple[list[str], bool]:
    """ "the bare minimum of homework" -> "some homework"; "did the bare minimum" -> "did what
    mattered". Anywhere else ("more than the bare minimum") it is kept, and not a hedge."""
    lowered = cores(words)
    for index in range(len(lowered)):
        if lowered[index : index + 2] != ["bare", "minimum"]:
            continue
        start = index - 1 if index and lowered[index - 1] in {"the", "a"} else index
        before = lowered[start - 1] if start else ""
        if lowered[index + 2 : index + 3] == ["of"]:
            return [*words[:start], "some", *words[index + 3 :]], True
        if before in {"did", "do", "done", "doing", "managed", "got", "get"}:
            tail = words[index + 1][len(words[index + 1].rstrip(",.!?;:")) :]
            return [*words[:start], "what", f"mattered{tail}", *words[index + 2 :]], True
        return words, False
    return words, False


def read_critic(text: str) -> Critic:
    """The win without the critic: preambles, hedges and minimisers gone, meaning kept."""
    words = collapse_repeats(normalise(text).split())
    words, led = _drop_leads(words)
    words, tailed = _drop_tail(words)
    lowered = cores(words)
    near_miss = any(
        _starts(lowered, phrase, index) for index in range(len(lowered)) for phrase in _NEAR_MISSES
    )
    words, minimum = _bare_minimum(words)
    words, hedged = _drop_hedges(words) if words else (words, False)
    if hedged and words:  # "I made it to class, at least": no pause left hanging at the end
        words[-1] = words[-1].rstrip(",;:-")
    return Critic(" ".join(words), led or tailed or minimum or hedged, clean=not near_miss)


def drop_minimisers(text: str) -> tuple[str, bool]:
    """Remove "only", "just", "kind of", "at least" and lead-ins like "it's not much but"."""
    critic = read_critic(text)
    return critic.text, critic.minimised


def is_first_person(word: str) -> bool:
    return core(word) in _FIRST_PERSON
