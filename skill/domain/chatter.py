"""Talk that tells no deed: a remark about how things are, and talk about the wins themselves.

People react and comment between wins: "that's nice", "it's been a better week than I thought",
"this week was kinda good", "I'd forgotten I did that". They point at what was kept and say it
is wrong, or ask for it moved or back: "that last one is wrong", "the book one was actually
friday, can you move it", "bring back the watered plants win", "it wasn't the pharmacy, it was
the grocery store", "there's one that says you stopped, I never said that". None of it is a
deed, and none of it is ever stored as a win. Families, not sentences: a remark is a pointer or
a thing as the subject of "is" or "was"; talk about wins names a win ("the X one") or points
back at one with a verb of keeping, moving or getting wrong.

Pure: canonical words in (``screen.canonical``), a kind out.
"""

from enum import StrEnum
from typing import Final

from skill.domain.patterns import compiled


class Talk(StrEnum):
    REMARK = "remark"  # "that's nice", "it's been a good week": heard, never a deed
    WRONG = "wrong"  # "that last one is wrong", "it wasn't the pharmacy": a win put right
    MOVE = "move"  # "the book one was friday, can you move it": a win's day put right
    RESTORE = "restore"  # "bring back the watered plants win": a deleted win asked back


# Words that point at something said or at how things are, as the subject of a remark.
_POINTERS: Final = frozenset({"that", "it", "this", "there", "these", "those", "which", "what"})
# Verbs that say how a thing is (or was), never what someone did.
_BEING: Final = frozenset({"is", "was", "are", "were", "has", "had", "been", "be", "s", "seems"})
# Said before a remark without changing it: "actually it wasn't", "oh that's nice".
_LEADS: Final = frozenset({"actually", "oh", "well", "so", "and", "but", "no", "wait", "yeah"})
# A span the person looks back on: "this week was good", "today has been ok".
_SPANS: Final = frozenset({"week", "day", "weekend", "month", "morning", "evening", "year"})

# A win of the person's named or pointed at: "the book one", "that last one", "the meds win".
_A_WIN: Final = r"(?:(?:the|that|this|my)\s+(?:\w+\s+){0,3}(?:one|win|entry)s?)"
_ABOUT_WINS: Final = (
    # a kept win said to be wrong: "that last one is wrong", "the shave one isn't right"
    rf"\b{_A_WIN}\s+(?:is|was|are|were)\s+(?:\w+\s+)?(?:wrong|not\s+right|not\s+true|a\s+mistake"
    r"|not\s+a\s+win|rubbish|made\s+up)\b",
    # words put in the person's mouth: "I never said that", "I didn't say it"
    r"\bi\s+(?:never|did\s+not|didnt)\s+(?:actually\s+)?(?:said|say)\s+(?:that|it|this|those)\b",
    # a win moved to another day: "can you move it to yesterday", "put the book one on friday"
    rf"\b(?:move|shift|put|change)\s+(?:it|that|this|them|{_A_WIN})\s+(?:to|on|onto|over\s+to)\s+\w+",
    # a win named and said to belong to another day: "the book one was actually friday"
    rf"\b{_A_WIN}\s+(?:was|is)\s+(?:actually\s+|really\s+)?(?:on\s+)?(?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|yesterday|today|last\s+\w+)\b",
    # a deleted win asked back: "bring back the watered plants win", "put the tea one back"
    rf"^(?:can\s+you\s+|could\s+you\s+|please\s+)?(?:bring|put|get)\s+(?:back\s+{_A_WIN}"
    rf"|{_A_WIN}\s+back|back\s+(?:the|my)\s+.+\s+(?:one|win))\b",
    r"^(?:can\s+you\s+|could\s+you\s+|please\s+)?(?:restore|undelete|recover)\b",
    # a detail of a win put right: "it wasn't the pharmacy, it was the grocery store"
    r"\b(?:it|that)\s+(?:was\s+not|wasnt|is\s+not|isnt)\s+.+?\s*,?\s+(?:it\s+was|it\s+is|but)\s+\w+",
    # a win said to be there that should not be: "there's one that says you stopped"
    r"\bthere\s+(?:is|s|was)\s+(?:a\s+|one\s+|a\s+win\s+)(?:\w+\s+)?(?:that|which|where)\s+"
    r"(?:says|said|just\s+says)\b",
)


# A remark anywhere in a statement said without punctuation: "off to bed it's been a good week".
_REMARK_INSIDE: Final = (
    r"(?:^|\b(?:and|but|so|oh|ok|okay|well|yeah)\s+|^i\s+(?:am|was)\s+\w+(?:\s+\w+){0,3}\s+)"
    r"(?:that|it|this|there)\s+(?:is|was|has\s+been|is\s+been|s)\b"
    r"|\b(?:this|the|last)\s+(?:week|day|weekend|month)\s+(?:was|is|has\s+been)\b"
)
_MOVED: Final = (
    r"\b(?:move|shift|put|change)\s+\w+|\b(?:was|is)\s+(?:actually\s+|really\s+)?(?:on\s+)?\w+day\b"
)
_RESTORED: Final = r"\b(?:bring|put|get)\b.*\bback\b|\b(?:restore|undelete|recover)\b"
# The win a request names: "the book one", "the watered plants win", "it wasn't the pharmacy".
_NAMED: Final = (
    r"\b(?:the|that|my)\s+(?P<named>(?!last\b|other\b)\w+(?:\s+\w+){0,2}?)\s+(?:one|win)\b"
    r"|\b(?:was\s+not|wasnt|is\s+not|isnt)\s+(?:the\s+|my\s+|a\s+)?(?P<detail>\w+(?:\s+(?!it\b|but\b|that\b)\w+)?)\b"
)


def talk_in(text: str) -> Talk | None:
    """What a statement tells when it tells no deed: talk about the wins kept (first: what it
    asks for), or a remark on how things are; None otherwise. ``text`` is canonical. The
    caller knows the reader found no deed in it."""
    if about_wins(text):
        if compiled(_RESTORED).search(text):
            return Talk.RESTORE
        return Talk.MOVE if compiled(_MOVED).search(text) else Talk.WRONG
    if remarks(text.split()) or compiled(_REMARK_INSIDE).search(text):
        return Talk.REMARK
    return None


def named_in(text: str) -> str:
    """The words a request about a win names it by ("book" in "the book one was friday",
    "pharmacy" in "it wasn't the pharmacy"); empty when it only points ("that last one")."""
    found = compiled(_NAMED).search(text)
    if found is None:
        return ""
    return (found.group("named") or found.group("detail") or "").strip()


def about_wins(text: str) -> bool:
    """Whether the words ask about, complain of or put right a win kept ("that last one is
    wrong", "bring back the tea one", "can you move it to friday")."""
    return any(compiled(pattern).search(text) for pattern in _ABOUT_WINS)


# "i did that", "i really did do that": a deed that only points back at one read out.
_POINTED_DEED: Final = (
    r"^i (?:\w+ly |really |actually )?(?:did|did do|done|have done) (?:that|this|those)$"
)


def points_back(words: list[str]) -> bool:
    """Whether a clause tells no deed of its own but points back at one already told or read
    out ("i did that", said of a win read back: "that's nice, i'd forgotten i did that")."""
    return bool(compiled(_POINTED_DEED).match(" ".join(words)))


def remarks(words: list[str]) -> bool:
    """Whether a clause remarks on how a thing is, with a pointer or a span as its subject:
    "that is nice", "it has been a better week", "this week was good", "the book one was
    friday". Never a deed: no one in it did anything."""
    at = 0
    while at < len(words) - 1 and words[at] in _LEADS:
        at += 1
    rest = words[at:]
    if len(rest) < 2:
        return False
    if rest[0] in _POINTERS and rest[1] in _BEING:
        # "there's nothing probably" is a shrug, heard as one elsewhere
        return rest[0] != "there" or rest[2:3] not in (["nothing"], ["no"], ["not"])
    if rest[0] in ("the", "this", "that", "my", "today", "tonight", "yesterday"):
        # "this week was good", "the last one was wrong", "today was ok"
        head = rest[: next((i for i, w in enumerate(rest) if w in _BEING), len(rest))]
        named = bool(_SPANS & set(head)) or head[-1:] in (["one"], ["win"]) or len(head) == 1
        return len(head) < len(rest) and len(head) <= 4 and named
    return False
