"""First person into second person, with the grammar English needs around it.

"I was able to" -> "you were able to", "that's mine" -> "that's yours", "a coal mine" stays a
mine, "an I.T. ticket" keeps its letters, and "me and my dad" -> "you and your dad".
"""

from typing import Final

from skill.domain.phrasing.text import collapse_repeats, core, edges, normalise

_SECOND_PERSON: Final[dict[str, str]] = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i'm": "you're",
    "im": "you're",
    "i've": "you've",
    "i'll": "you'll",
    "i'd": "you'd",
}
# Verbs that agree with "I" but not with "you": "I am" -> "you are", "I was" -> "you were".
_AGREEMENT: Final[dict[str, str]] = {
    "am": "are",
    "was": "were",
    "wasn't": "weren't",
    "wasnt": "werent",
    "ain't": "aren't",
}
# Words that may stand between "I" and its verb: "I really was brave".
_BETWEEN_SUBJECT_AND_VERB: Final[frozenset[str]] = frozenset(
    {"really", "still", "also", "even", "actually", "finally", "never", "always", "too",
     "totally", "truly", "honestly", "definitely", "certainly", "officially", "now", "then"}
)  # fmt: skip
# Before "mine", these make it a place: "a coal mine", "the old mine".
_MINE_THE_PLACE_AFTER: Final[frozenset[str]] = frozenset(
    {"a", "an", "the", "this", "coal", "gold", "salt", "silver", "copper", "iron", "tin",
     "diamond", "old", "abandoned", "open", "deep", "underground", "slate", "lead", "land",
     "every", "each", "another", "disused", "working", "historic", "local", "famous"}
)  # fmt: skip
_MINE_THE_PLACE_BEFORE: Final[frozenset[str]] = frozenset(
    {"shaft", "shafts", "tour", "tours", "field", "fields", "worker", "workers", "entrance",
     "cart", "museum", "tunnel", "tunnels"}
)  # fmt: skip
# A second-person sentence may already start with these; otherwise the carrier phrase
# ("I ...") took the subject and the skill adds "you".
_SUBJECT_STARTS: Final[frozenset[str]] = frozenset(
    {
        "you", "you're", "you've", "you'll", "you'd", "your", "yours", "yourself",
        "we", "we're", "we've", "we'll", "we'd", "our", "us",
        "he", "she", "they", "it", "it's", "the", "a", "an",
        "when", "after", "before", "once", "while", "since", "today", "yesterday", "tonight",
        "this", "that", "that's", "there", "there's", "last", "earlier", "if",
        # a time kept, told with no "I": "six months sober today"
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "twenty", "thirty", "fifty", "hundred",
    }
)  # fmt: skip
_SUBJECTS: Final[frozenset[str]] = frozenset({"i", "i'm", "im", "i've", "i'd", "i'll", "me"})
_SENTENCE_ENDS: Final[tuple[str, ...]] = (".", "!", "?")


def _initialism(words: list[str], index: int) -> bool:
    """Is this "I" a letter, as in "I.T.", "an I T ticket" or "A. I."?"""
    lead, middle, tail = edges(words[index])
    previous = core(words[index - 1]) if index else ""
    following = edges(words[index + 1])[1] if index + 1 < len(words) else ""
    if "/" in lead or "/" in tail or previous in {"an", "the"}:
        return True
    if tail.startswith(".") and len(following) == 1 and following.isalpha():
        return True
    return len(following) == 1 and following.isupper() and following not in {"A", "I"}


def _mine_is_a_place(words: list[str], index: int) -> bool:
    previous = core(words[index - 1]) if index else ""
    following = core(words[index + 1]) if index + 1 < len(words) else ""
    if previous in {"i", "we", "they", "to", "you"}:  # "I mine bitcoin": the verb
        return True
    return previous in _MINE_THE_PLACE_AFTER or following in _MINE_THE_PLACE_BEFORE


def _swapped(words: list[str], index: int) -> str | None:
    word = core(words[index])
    if word not in _SECOND_PERSON:
        return None
    if word == "i" and _initialism(words, index):
        return None
    if word == "mine" and _mine_is_a_place(words, index):
        return None
    if word == "me" and _me_for_my(words, index):
        return "your"  # "had me tea" -> "had your tea"
    return _SECOND_PERSON[word]


def _me_for_my(words: list[str], index: int) -> bool:
    """ "me" said for "my" before a thing of the person's ("had me tea", "rang me mam"), as
    British and Irish speech has it: the screen's spellings say which things."""
    from skill.domain.screen import canonical  # on first use: it reads the spellings

    following = core(words[index + 1]) if index + 1 < len(words) else ""
    return bool(following) and canonical(f"me {following}") == f"my {following}"


def _agreeing(word: str) -> str | None:
    return _AGREEMENT.get(core(word))


def _rewrite(words: list[str], index: int, new_core: str) -> str:
    lead, _, tail = edges(words[index])
    previous = words[index - 1] if index else ""
    if previous.endswith(_SENTENCE_ENDS):
        new_core = new_core[:1].upper() + new_core[1:]
    return f"{lead}{new_core}{tail}"


def to_second_person(words: list[str], *, subject_taken: bool) -> list[str]:
    """Each first-person word in second person; verbs after a new "you" agree with it.

    ``subject_taken``: the words start after an "I" that was said but not passed in.
    """
    out = list(words)
    after_subject = subject_taken
    for index in range(len(words)):
        swapped = _swapped(words, index)
        if swapped is not None:
            out[index] = _rewrite(words, index, swapped)
            after_subject = core(words[index]) == "i"
            continue
        agreeing = _agreeing(words[index]) if after_subject else None
        if agreeing is not None:
            out[index] = _rewrite(words, index, agreeing)
        if core(words[index]) not in _BETWEEN_SUBJECT_AND_VERB:
            after_subject = False
    return out


def calm_case(words: list[str]) -> list[str]:
    """Shouted words said back calmly, and a capital that only started the sentence dropped:
    "Did the laundry" -> "did the laundry" (names and "I" keep theirs)."""
    letters = "".join(words)
    if sum(c.isupper() for c in letters) > 3 and not any(c.islower() for c in letters):
        words = [word.lower() for word in words]
    first = edges(words[0])[1]
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and needs_subject(words):
        return [words[0].lower(), *words[1:]]
    return words


def needs_subject(words: list[str]) -> bool:
    """Did the carrier phrase take the subject ("[I] did the laundry")?"""
    first = core(words[0])
    if first in _SUBJECT_STARTS or first in _SECOND_PERSON or first.isdigit():
        return False
    # "finally I called", "Mike and I cooked": the subject is said, a word or two in.
    lowered = [core(word) for word in words[:4]]
    if len(lowered) > 1 and lowered[1] in _SUBJECTS and not _initialism(words, 1):
        return False
    from skill.domain.results import own_subject  # on first use: compiles patterns

    if own_subject(" ".join(core(word) for word in words)):
        # "kids drew on the wall and i got it off", "kitchen's clean": the thing is the subject
        return False
    if _named_first([core(word) for word in words[:10]]):
        return False  # "passport with the new name arrived": a thing named, then its verb
    return not any(
        word in _SUBJECTS and lowered[index - 1] == "and"
        for index, word in enumerate(lowered[2:], start=2)
    )


# Words that tell what became of a thing named before them: "passport ... arrived", "stall
# sold out", "course done". A verb told after the words that name the thing.
_THING_VERBS: Final[frozenset[str]] = frozenset(
    {"was", "were", "is", "are", "got", "done", "sorted", "finished", "sold", "eaten", "sent",
     "paid", "made", "built", "won", "taken", "given", "written", "bought", "fed", "clean"}
)  # fmt: skip
_LEADING_ADVERBS: Final[frozenset[str]] = frozenset(
    {"finally", "just", "actually", "also", "even", "really", "totally", "literally", "then",
     "about", "now", "not", "only", "almost", "nearly", "barely", "hardly", "still", "already",
     "somehow", "kind", "sort", "of", "kinda", "sorta", "at", "last", "so", "too", "never"}
)  # fmt: skip


def _named_first(words: list[str]) -> bool:
    """Words that start with a thing, not a deed: no verb comes first, and one comes a few
    words in ("passport with the new name arrived", "market stall sold out by noon")."""
    from skill.domain.phrasing.answer import past_tense  # on first use

    start = 0
    while start < len(words) - 1 and (
        words[start] in _LEADING_ADVERBS or words[start].endswith("ly")
    ):
        start += 1
    first = words[start] if words else ""
    if not first or past_tense(first) or first in _SUBJECTS or first in _BASE_VERBS:
        return False
    return any(
        word in _THING_VERBS or (past_tense(word) and word not in _BASE_VERBS)
        for word in words[start + 1 :]
    )


# Verbs said after "I" in the present or as a plan, that start no thing: "walk the dog".
_BASE_VERBS: Final[frozenset[str]] = frozenset(
    {"am", "was", "were", "have", "has", "had", "did", "does", "been", "do", "go", "make",
     "take", "get", "walk", "call", "clean", "cook", "feed", "wash",
     "read", "write", "run", "try", "keep", "finish", "start", "help", "work", "play", "eat",
     "put", "set", "cut", "let", "hit", "can", "will", "would", "could", "should", "must",
     "need", "want", "love", "like", "hate", "think", "know", "feel", "managed", "survived"}
)  # fmt: skip


def second_person(text: str, *, add_subject: bool = True) -> str:
    """Say the person's words back to them: "I cleared my desk" -> "you cleared your desk".

    Text that starts with a verb (the carrier phrase "I ..." took the subject) gets "you",
    unless ``add_subject`` is off: a goal ("clear my desk") is said back as "clear your desk".
    """
    words = collapse_repeats(normalise(text).split())
    if not words:
        return ""
    words = calm_case(words)
    adding = add_subject and needs_subject(words)
    out = to_second_person(words, subject_taken=adding)
    return " ".join(["you", *out] if adding else out)
