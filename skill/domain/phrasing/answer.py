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
        "idk",
        "meh",
        "eh",
        "whatever",
        "i guess",
        "guess so",
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
MORE_PASTS: Final = (
    "became",
    "began",
    "blew",
    "dealt",
    "dived",
    "dove",
    "drew",
    "dug",
    "flew",
    "grew",
    "hid",
    "knelt",
    "knew",
    "leapt",
    "learnt",
    "overcame",
    "rebuilt",
    "redid",
    "rewrote",
    "rode",
    "rose",
    "sang",
    "sewed",
    "shook",
    "slid",
    "snuck",
    "sped",
    "sprang",
    "spun",
    "strode",
    "swept",
    "swung",
    "undid",
    "won",
    "wove",
    "wrote",
)
_VERB_STARTS: Final[frozenset[str]] = frozenset(
    {
        # pasts that start a deed told without "I": "blew up the balloons", "dug the bed"
        *MORE_PASTS,
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
        "anything",
        "both",
        "each",
        "eight",
        "every",
        "everything",
        "few",
        "five",
        "four",
        "her",
        "his",
        "loads",
        "lots",
        "my",
        "nine",
        "nothing",
        "our",
        "plenty",
        "seven",
        "several",
        "six",
        "some",
        "something",
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


# Words that open something other than an answer: greetings, thanks, yes and no, questions.
_NOT_SAID_TO_A_QUESTION: Final[frozenset[str]] = frozenset(
    {
        "alexa",
        "bye",
        "cheers",
        "evening",
        "goodbye",
        "hello",
        "hey",
        "hi",
        "hiya",
        "how",
        "morning",
        "nah",
        "no",
        "nope",
        "ok",
        "okay",
        "please",
        "thank",
        "thanks",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whose",
        "why",
        "yeah",
        "yep",
        "yes",
    }
)
# Requests to the skill, which a plan may start with ("start the laundry") but a deed does not.
_REQUESTS: Final[frozenset[str]] = frozenset(
    {
        "cancel",
        "celebrate",
        "change",
        "delete",
        "help",
        "launch",
        "open",
        "play",
        "remind",
        "remove",
        "show",
        "start",
        "stop",
        "turn",
        "undo",
    }
)
_ASKING: Final[frozenset[str]] = frozenset(
    {
        "am",
        "are",
        "can",
        "could",
        "did",
        "do",
        "does",
        "has",
        "have",
        "is",
        "may",
        "might",
        "shall",
        "should",
        "was",
        "were",
        "will",
        "would",
    }
)
_PRONOUNS: Final[frozenset[str]] = frozenset(
    {
        "he",
        "i",
        "it",
        "she",
        "that",
        "there",
        "they",
        "this",
        "we",
        "you",
    }
)
_FILLERS: Final[frozenset[str]] = frozenset(
    {
        "er",
        "erm",
        "hmm",
        "like",
        "oh",
        "so",
        "uh",
        "um",
        "well",
    }
)


def _verb_first(word: str) -> bool:
    return word in _VERB_STARTS or (len(word) > 3 and word.endswith(("ed", "ly")))


def _a_thing(words: tuple[str, ...]) -> bool:
    """ "the dishes", "3 emails", or one word that is no deed ("laundry")."""
    first = words[0]
    if first in _THING_STARTS or first.isdigit():
        return True
    return len(words) == 1 and first.isalpha() and not _verb_first(first)


def bare_answer(text: str) -> str | None:
    """The win a bare answer stands for: "the dishes" -> "did the dishes"; "nothing" ->
    "did nothing"; a verb phrase ("made my bed", "I made my bed") as said, without the "I".

    None when the words answer something else: a greeting, a thanks, a question or a request
    ("hi", "can you be quieter", "remind me at seven"). Those are never logged as wins.
    """
    words = text.split()
    while words and words[0].lower().strip(",") in _FILLERS:
        words = words[1:]
    if words and words[0].lower() == "i" and len(words) > 1:
        words = words[1:]
    lowered = tuple(word.lower().strip(".,!?") for word in words)
    if not lowered or lowered in _SHRUGS:
        return _SHRUG
    if _not_an_answer(lowered):
        return None
    if _told_done(lowered):  # "the bins are out": a thing told done, kept as said
        return " ".join(words)
    if _someone_did(lowered):  # "my daughter visited and we ...": as said, no verb added
        return " ".join(words)
    if _doing(lowered[0]):  # "cooking dinner" -> "spent time cooking dinner"
        return " ".join(("spent time", *words))
    if _a_thing(lowered):
        return " ".join((*_verb_for(lowered).split(), *words))
    return " ".join(words)


def _someone_did(words: tuple[str, ...]) -> bool:
    """ "my daughter visited", "our neighbour brought soup round": someone of the person's
    doing something, told with its own subject; never a thing to put "did" before."""
    return words[0] in ("my", "our") and any(_past(word) for word in words[2:4])


def _told_done(words: tuple[str, ...]) -> bool:
    """ "the bins are out", "six months sober", "the printer died but i fixed it": a whole
    statement with its own subject, never a thing to add a verb to."""
    from skill.domain.results import thing_done, thing_stopped  # on first use
    from skill.domain.screen import canonical

    plain = canonical(" ".join(words))
    return thing_done(plain) or thing_stopped(plain)


# The verb a thing named alone is done with, by the word that names it: "a long walk" is
# "went for a long walk", "a nap" "had a nap"; anything else is "did" ("did the dishes").
_WENT_FOR: Final = frozenset(
    {"walk", "run", "jog", "swim", "ride", "hike", "stroll", "wander", "drive", "walkies"}
)
_HAD: Final = frozenset(
    {
        "nap",
        "bath",
        "shower",
        "rest",
        "lie-in",
        "breakfast",
        "lunch",
        "dinner",
        "tea",
        "supper",
        "meal",
        "snack",
        "sleep",
        "coffee",
        "chat",
        "cuppa",
        "haircut",
        "appointment",
    }
)
# Words after the thing's name that say more about it: "a walk with the dog".
_AFTER_THE_NAME: Final = frozenset(
    {"with", "to", "in", "at", "on", "for", "around", "round", "after", "before", "by", "and"}
)


def _verb_for(words: tuple[str, ...]) -> str:
    name = words[-1]
    for index, word in enumerate(words[1:], start=1):
        if word in _AFTER_THE_NAME:
            name = words[index - 1]
            break
    if words[0] not in ("a", "an", "my", "another", "two", "three"):
        return "did"  # "the school run", "the lunch dishes": a chore, done
    if name in _WENT_FOR:
        return "went for"
    if name in _HAD or name.removesuffix("s") in _HAD:
        return "had"
    return "did"


# Words ending in -ing that name a thing, not a doing.
_ING_THINGS: Final = frozenset(
    [
        "morning",
        "evening",
        "building",
        "wedding",
        "ceiling",
        "spring",
        "string",
        "ring",
        "king",
        "sibling",
        "pudding",
    ]
)


def _doing(word: str) -> bool:
    return (
        len(word) > 4
        and word.endswith("ing")
        and not word.endswith("thing")
        and (word not in _ING_THINGS)
    )


def _not_an_answer(words: tuple[str, ...]) -> bool:
    return words[0] in _REQUESTS or not_said_to_a_question(" ".join(words))


def not_said_to_a_question(text: str) -> bool:
    """True for words that answer no "What ...?" question: a greeting, thanks, a question of
    their own or a request to be told something ("hi", "can you ...", "tell me a win")."""
    words = tuple(word.lower().strip(".,!?") for word in text.split())
    while words and words[0] in _FILLERS:
        words = words[1:]
    if not words:
        return False
    first = words[0]
    if first in {"morning", "evening"} and len(words) > 1:  # "morning walk", not "morning!"
        return False
    if first in _NOT_SAID_TO_A_QUESTION or text_is_question(words):
        return True
    if len(words) > 1 and words[1] == "me":  # "read me my wins", "give me a win"
        return not _me_for_my(words)  # "had me tea": "me" for "my", a deed told
    return len(words) > 1 and words[1] == "you" and first not in _VERB_STARTS


def _me_for_my(words: tuple[str, ...]) -> bool:
    """ "had me tea", "rang me mam": "me" said for "my" before a thing of the person's."""
    from skill.domain.screen import canonical

    return len(words) > 2 and canonical(" ".join(words[1:3])) == f"my {words[2]}"


def text_is_question(words: tuple[str, ...]) -> bool:
    """ "can you ...", "do I ...", "is it ...": a question, not a deed."""
    return words[0] in _ASKING and len(words) > 1 and words[1] in _PRONOUNS


def is_shrug(text: str) -> bool:
    """ "nothing", "not much", "I dunno": no deed and no plan."""
    words = tuple(word.lower().strip(".,!?") for word in text.split())
    return not words or words in _SHRUGS or words[1:] in _SHRUGS and words[0] == "i"


# Words said before a deed that are not it: "finally took the bins out".
_BEFORE_A_DEED: Final = frozenset(
    {"finally", "just", "really", "actually", "also", "even", "so", "totally", "literally"}
)
# Past forms that start no deed: a state, a feeling or a modal ("tired", "could").
_NOT_A_DEED: Final = frozenset(
    {
        "am",
        "can",
        "could",
        "didn't",
        "still",
        "felt",
        "thought",
        "meant",
        "tired",
        "bored",
        "stressed",
        "depressed",
        "exhausted",
        "overwhelmed",
        "scared",
        "worried",
        "annoyed",
        "pissed",
        "wasted",
        "stuck",
        "embarrassed",
        "ashamed",
        "frustrated",
        "confused",
        "excited",
        "relieved",
        "disappointed",
        "drained",
        "burned",
        "burnt",
    }
)


def deed(text: str) -> str | None:
    """A deed said without "I" ("took the bins out", "finally called my mum"), as said; None
    when the words do not start like something done (a plan, a question, a thing, a feeling).

    People drop the subject with a speaker: the words arrive with no carrier to say what they
    are. Only a past verb (after fillers and "finally", "just") makes them a deed, and a past
    verb alone only when it is a whole deed ("showered").
    """
    words = [word.strip(".,!?") for word in text.split()]
    while words and words[0].lower() in _FILLERS:
        words = words[1:]
    lowered = [word.lower() for word in words]
    start = 0
    while start < len(lowered) and _before_a_deed(lowered[start]):
        start += 1
    if start >= len(lowered):
        return None
    first = lowered[start]
    if first in _NOT_A_DEED or not _past(first):
        return None
    if start == len(lowered) - 1 and first not in _PAST_ALONE:
        return None
    return " ".join(words)


def _before_a_deed(word: str) -> bool:
    """ "finally", "just", or any "-ly" word ("absolutely nailed it")."""
    return word in _BEFORE_A_DEED or (len(word) > 3 and word.endswith("ly"))


def _past(word: str) -> bool:
    """An irregular past ("took") or a regular one ("called"): never "-ly" ("family")."""
    return word in _VERB_STARTS or (len(word) > 3 and word.endswith("ed"))


def past_tense(word: str) -> bool:
    """Whether ``word`` starts a deed told in the past ("walked", "took", "did")."""
    return _past(word)


# A past verb that is a whole deed alone: "showered", "ate".
_PAST_ALONE: Final = frozenset({"ate", "showered", "slept", "cooked", "cleaned", "walked", "ran"})
