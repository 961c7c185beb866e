"""What is said back of a win: a short phrase, and several wins as a list.

The whole text is stored; only the echo is short. "I did the laundry I did the dishes" is said
back as "you did the laundry and did the dishes", and a long story as its first part, cut
where a person would pause ("because", "so that", "and then"), never mid-word or on "and".
"""

from typing import Final

from skill.domain.phrasing.person import calm_case, needs_subject, to_second_person
from skill.domain.phrasing.text import collapse_repeats, core, cores, normalise

MAX_ECHO_WORDS: Final = 12

# Before these, an "I" is inside a clause, not the start of another win: "when I got home".
_CLAUSE_BEFORE_I: Final[frozenset[str]] = frozenset(
    {
        "when", "because", "cause", "if", "after", "before", "that", "so", "while", "until",
        "till", "since", "as", "what", "how", "who", "where", "though", "although", "than",
        "once", "whenever", "unless", "like", "but", "or", "think", "thought", "know", "knew",
        "said", "hope", "guess", "suppose", "feel", "felt", "realised", "realized", "wish",
        "mean", "why", "which", "whether", "and", "then", "also", "plus", "even", "whom",
        "let", "made", "make", "help", "helped", "saw", "heard", "watched", "did",
        "wherever", "whatever", "all", "the", "a", "an", "to", "at", "with", "for", "from",
    }
)  # fmt: skip
# Joining words dropped between two wins: "and then I", ", also I".
_JOINERS: Final[frozenset[str]] = frozenset({"and", "then", "also", "plus"})
# Where a long win is cut: what follows explains it or tells the next part of the story.
_CUT_BEFORE: Final[tuple[tuple[str, ...], ...]] = tuple(
    tuple(phrase.split())
    for phrase in (
        "because", "cause", "so that", "since", "which", "even though", "although", "though",
        "but", "and then", "then", "after that", "while", "so i", "so you", "when", "after",
        "before", "until",
    )
)  # fmt: skip
# A phrase never ends on these.
_NO_END: Final[frozenset[str]] = frozenset(
    {
        "and", "the", "a", "an", "to", "of", "your", "my", "with", "for", "at", "in", "on",
        "or", "but", "so", "that", "then", "because", "from", "by", "into", "some", "this",
        "their", "his", "her", "our", "very", "really", "was", "were", "is", "are", "you",
        "about", "as", "than", "up", "its", "it's", "you're", "you've", "you'd", "you'll",
        "had", "have", "has", "be", "been", "not", "just", "when", "which", "who", "if",
        "after", "before", "until", "while", "more", "most", "any", "all", "each", "every",
        "these", "those", "them", "we", "they", "he", "she", "i", "me", "being",
        "over", "under", "through", "onto", "out", "off", "down",
    }
)  # fmt: skip
# These start a win told as a story, not a list: "yesterday I", "this morning I".
_NOT_A_LIST_START: Final[frozenset[str]] = frozenset(
    {"when", "after", "before", "once", "while", "since", "today", "yesterday", "tonight",
     "this", "last", "finally", "then", "so", "well", "also", "first", "earlier", "if",
     "at", "in", "on", "because", "every", "later", "lately", "recently"}
)  # fmt: skip


def _starts_another_win(words: list[str], index: int, item_start: int) -> bool:
    """Is this "I" the start of another win said in the same breath?"""
    said_before = index - item_start - (core(words[item_start]) == "i")
    if core(words[index]) != "i" or said_before < 1 or index + 1 >= len(words):
        return False
    previous = words[index - 1]
    if previous.endswith((",", ".", ";", "!")):
        return True
    if core(previous) in _JOINERS:
        # "and I", "and then I": the last real word before the joiners must end a win.
        at = index - 1
        while at > item_start and core(words[at]) in _JOINERS:
            at -= 1
        return at > item_start - 1 and core(words[at]) not in _CLAUSE_BEFORE_I
    if core(previous) in _CLAUSE_BEFORE_I:
        return False
    # Run on, with no pause: only "I vacuumed I mopped" and "I did X I did Y" are two wins;
    # "something I didn't want" is one.
    first_verb = next(core(word) for word in words if core(word) != "i")
    return said_before == 1 or core(words[index + 1]) == first_verb


def _could_be_a_list(words: list[str]) -> bool:
    first = core(words[0])
    return first == "i" or (first not in _NOT_A_LIST_START and needs_subject(words))


def split_wins(words: list[str]) -> list[list[str]]:
    """Several wins said in one breath, each without its joining words."""
    if not words or not _could_be_a_list(words):
        return [words] if words else []
    items: list[list[str]] = []
    start = 0
    for index in range(1, len(words)):
        if _starts_another_win(words, index, start):
            item = words[start:index]
            while len(item) > 1 and core(item[-1]) in _JOINERS:
                item = item[:-1]
            items.append(item)
            start = index
    items.append(words[start:])
    return items


def _unpunctuated(words: list[str]) -> list[str]:
    """A phrase that goes on in a list: no pause of its own at the end."""
    return [*words[:-1], words[-1].rstrip(",;:-.")] if words else words


def _bare(words: list[str]) -> list[str]:
    """A phrase cut at the limit: it never ends on "and", "the" or "your"."""
    out = _unpunctuated(words)
    while len(out) > 1 and core(out[-1]) in _NO_END:
        out = _unpunctuated(out[:-1])
    return out


def _cut_at_pause(words: list[str], limit: int) -> tuple[list[str], bool]:
    """The first part of a long win: before "because", "and then", a comma; else at the limit.

    Also says whether what was cut explains the win (so what follows is not another win)."""
    lowered = cores(words)
    for index in range(2, min(len(words), limit + 1)):
        for pause in _CUT_BEFORE:
            if tuple(lowered[index : index + len(pause)]) == pause:
                return _unpunctuated(words[:index]), pause[0] not in _JOINERS
        if words[index - 1].endswith((",", ";", ":", ".")):
            return _unpunctuated(words[:index]), False
    return _bare(words[:limit]), False


def _comma_list(item: list[str]) -> list[list[str]]:
    """ "got up early, went for a run, showered and made breakfast": each part a win."""
    parts: list[list[str]] = [[]]
    for word in item:
        parts[-1].append(word)
        if word.endswith(","):
            parts.append([])
    if len(parts) < 3:
        return [item]
    last = parts[-1]
    if "and" in cores(last)[1:]:
        cut = cores(last).index("and", 1)
        parts[-1:] = [last[:cut], last[cut + 1 :]]
    return [part for part in parts if part]


def _item_words(item: list[str], first: bool) -> list[str]:
    """A win of the list in second person; later ones lose their "I" ("and did the dishes"),
    unless the verb needs it ("and you were brave")."""
    if first:
        adding = needs_subject(item)
        said = to_second_person(item, subject_taken=adding)
        return ["you", *said] if adding else said
    said = to_second_person(item, subject_taken=False)
    keep_subject = len(item) < 2 or core(item[1]) in {"was", "am", "wasn't", "ain't"}
    return said if keep_subject or core(item[0]) != "i" else said[1:]


def _joined(items: list[list[str]], more: bool) -> list[str]:
    phrases = [
        " ".join(_unpunctuated(item) if more or i < len(items) - 1 else item)
        for i, item in enumerate(items)
    ]
    if more:
        phrases.append("more")
    if len(phrases) == 1:
        return phrases[0].split()
    return f"{', '.join(phrases[:-1])} and {phrases[-1]}".split()


def echo(text: str) -> str:
    """The win as said back: second person, a list if there are several, at most ~12 words."""
    words = collapse_repeats(normalise(text).split())
    if not words:
        return ""
    items = [_item_words(item, i == 0) for i, item in enumerate(split_wins(calm_case(words)))]
    if not items:
        return ""
    if sum(len(item) for item in items) <= MAX_ECHO_WORDS:
        return " ".join(_joined(items, more=False))
    if len(items) == 1:
        items = _comma_list(items[0])
    kept: list[list[str]] = []
    for item in items:
        short, explained = _cut_at_pause(item, MAX_ECHO_WORDS) if len(item) > 6 else (item, False)
        if kept and sum(len(k) for k in kept) + len(short) > MAX_ECHO_WORDS - 2:
            break
        kept.append(short)
        if explained or len(short) < len(item):
            # What was cut explains this win, or tells more of it: no list goes on after it.
            return " ".join(_joined(kept, more=False))
    return " ".join(_joined(kept, more=len(kept) < len(items)))
