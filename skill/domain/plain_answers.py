"""Whole answers said in words no answer intent's samples hold: "not at the moment", "nah I'm
good", "maybe later" (a no); "ok cool bye", "ok that's it", "that is it" (that's all).

Any question the skill asks takes a no and a "that's all"; people give both in many more ways
than a model's samples list, and a catch-all brings them as words. These are read here, as the
answer they are, so every question hears them the same way. Pure: words in, an answer out.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from typing import Final

from skill.domain.patterns import compiled, spoken_words


class Plain(StrEnum):
    NO = "no"
    DONE = "done"
    YES = "yes"


_LEAD: Final = r"(?:(?:ok|okay|oh|um|uh|er|erm|well|hmm|right|alright|cool|so)\s+)*"
_NO: Final = r"(?:no|nah|nope|naw|na|nae|no\s+thanks|no\s+thank\s+you|nah\s+thanks|no\s+ta)"
# "I don't have a one thing today", "no plans yet": no answer to the morning question.
_NO_PLAN: Final = (
    r"(?:i\s+)?(?:do\s+not|don\s+t|dont|have\s+not|haven\s+t|havent)\s+(?:have\s+|got\s+)?"
    r"(?:a|one|any)\s+(?:one\s+thing|plan|plans|thing)(?:\s+(?:today|yet|for\s+today|planned))*"
    r"|(?:no|nothing)\s+(?:one\s+thing|plan|plans|planned)(?:\s+(?:today|yet|for\s+today))*"
    r"|i\s+(?:have|ve)\s+(?:got\s+)?no\s+(?:plan|plans|one\s+thing)(?:\s+(?:today|yet))*"
)
_LATER: Final = (
    r"(?:not\s+(?:now|right\s+now|just\s+now|at\s+the\s+moment|at\s+present|today|tonight|yet"
    r"|for\s+now|this\s+time|really|especially|particularly|anymore)"
    r"|maybe\s+(?:later|another\s+time|tomorrow|next\s+time)|later|another\s+time|some\s+other\s+time"
    r"|i\s+(?:would|d)\s+rather\s+not|rather\s+not|i\s+(?:will|ll)\s+pass|pass|no\s+need"
    r"|i\s+(?:am|m)\s+(?:good|fine|ok|okay|alright|all\s+right)(?:\s+(?:thanks|thank\s+you|ta))?"
    rf"|all\s+good|i\s+(?:do\s+not|don\s+t|dont)\s+(?:think\s+so|want\s+to|need\s+to)|{_NO_PLAN})"
)
_DECLINE: Final = rf"^{_LEAD}(?:{_NO}\s+)?(?:{_LATER})(?:\s+(?:thanks|thank\s+you|ta|cheers))?$"
_END: Final = (
    r"(?:bye|goodbye|bye\s+bye|see\s+ya|see\s+you|later\s+then|cheers|ta|thanks|thank\s+you"
    r"|that\s+is\s+(?:it|all|everything|all\s+for\s+now|it\s+for\s+now)|thats\s+(?:it|all)"
    r"|i\s+(?:am|m)\s+done|done|all\s+done|nothing\s+else|no\s+more|enough|stop\s+there"
    r"|that\s+(?:will|ll)\s+do|thatll\s+do|that\s+will\s+be\s+all|(?:that\s+is|thats)\s+enough"
    r"|enough\s+for\s+(?:now|today)|(?:that\s+is|thats)\s+me(?:\s+done)?|periodt|peace\s+out)"
)
# Several of the closing words, at least one of them a goodbye or "that's it", in any order.
_CLOSE: Final = rf"^{_LEAD}(?:{_NO}\s+)?(?:{_END}\s+)*(?:{_END})(?:\s+{_LEAD}{_END})*$"
_THANKS_ONLY: Final = r"^(?:(?:ok|okay|cool|great|right)\s+)*(?:thanks|thank\s+you|ta|cheers)$"


# A yes said with its warmth: "aye go on then", "go on then", "yeah why not", "ok go for it";
# a bare "aye" or "yes" is the model's to hear.
_YES_WORD: Final = r"(?:aye|yeah|yes|yep|yup|ok|okay|sure|alright|right|go\s+on)"
_YES_MORE: Final = (
    r"(?:go\s+on|then|please|why\s+not|go\s+for\s+it|do\s+it|let\s+s\s+do\s+it|lets\s+do\s+it"
    r"|sounds\s+good|fair\s+enough|ta|cheers|mate|love|aye|yeah|sure)"
)
_YES: Final = rf"^{_LEAD}{_YES_WORD}(?:\s+{_YES_MORE})+$|^go\s+on(?:\s+{_YES_MORE})*$"
# A no with its reason after it: "naw, the wee one woke up", "no i got called away".
_NO_BECAUSE: Final = rf"^{_LEAD}(?:{_NO}|not\s+yet|nah\s+not\s+yet)\s+(?!i\s+(?:did|have|do)\b)\w+"


def reason_no(text: str) -> bool:
    """Whether ``text`` is a no with a reason after it ("naw, the wee one woke up"): to a
    question whether something was done, a no."""
    return compiled(_NO_BECAUSE).match(_plain(text)) is not None


def _plain(text: str) -> str:
    words = spoken_words(text)
    plain = words
    plain = re.sub(r"\bthat s\b", "that is", plain)
    plain = re.sub(r"\bi m\b", "i am", plain)
    return re.sub(r"\bim\b", "i am", plain)


@cache
def plain_answer(text: str) -> Plain | None:
    """The answer ``text`` is when it says nothing but a no or "that's all"; None otherwise.
    "ok thanks" alone is no answer: to "Want to hear your week?" it may mean yes."""
    said = _plain(text)
    if not said or compiled(_THANKS_ONLY).match(said):
        return None
    if compiled(_DECLINE).match(said):
        return Plain.NO
    if compiled(_YES).match(said):
        return Plain.YES
    if compiled(_CLOSE).match(said):
        return Plain.DONE
    return None


_NUMBER_ONLY: Final = (
    rf"^{_LEAD}(?:(?:only|just)\s+(?:the|a)?\s*(?:number|count|total|how\s+many)"
    r"|(?:the\s+)?(?:number|count|total)\s+(?:only|is\s+enough|will\s+do)"
    r"|(?:just|only)\s+tell\s+me\s+how\s+many)(?:\s+(?:please|thanks|thank\s+you))?$"
)


def number_only(text: str) -> bool:
    """ "Only the number", "just the count": to "Want to hear your week?", how many, not
    which."""
    return bool(compiled(_NUMBER_ONLY).match(_plain(text)))
