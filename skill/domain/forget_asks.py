"""Whether words ask to delete or correct one win, however they are put.

People ask in many ways that no sample names: "can you delete the one about the oven", "please
get rid of the second one", "I want to remove the laundry one", "oops I meant fed the cat", "I
said fed the cat, not fed the dog", "wrong, it was fed the cat". Those reach the skill through
other intents' slots (a statement, a plan, the catch-all); this reads them as the request they
are: a family of leads (politeness, a correction's "no" or "oops"), a verb and what it names.

Pure: words in, a plain record out. Words that tell of something done ("I deleted the old
emails", "I meant to call mum") are not a request and read as None.
"""

import re
from enum import StrEnum
from functools import cache
from typing import Final, NamedTuple

from skill.domain.matching import position_in


class AskKind(StrEnum):
    DELETE = "delete"
    CORRECT = "correct"


class ForgetAsk(NamedTuple):
    """Delete or correct: the win by ``position`` (from 1, or ``LAST``) or by ``about`` (its
    words), or "that" when both are empty; ``words``, a correction's new words."""

    kind: AskKind
    position: int | None = None
    about: str = ""
    words: str = ""


# Said before a request without changing it.
_POLITE: Final = (
    r"^(?:(?:alexa|ok|okay|hey|um|uh|er|so|oh|and|please|just|right|now)\s+"
    r"|(?:can|could|would|will)\s+you\s+(?:please\s+)?"
    r"|(?:i\s+(?:want|need|would\s+like|wanna|d\s+like)\s+(?:you\s+)?to\s+)"
    r"|(?:can|could|may)\s+i\s+"
    r"|(?:let\s+s|lets)\s+)+"
)
_DELETE_VERB: Final = (
    r"(?:delete|remove|erase|forget|scratch|undo|get\s+rid\s+of|take\s+out|take\s+away|rub\s+out"
    r"|cross\s+out|strike)"
)
_WIN: Final = r"(?:one|win|entry|thing)"
# "delete the second one", "remove number three", "scratch the last win"
_DELETE_AT: Final = (
    rf"^{_DELETE_VERB}\s+(?:the\s+|my\s+|that\s+)?(?:win\s+)?(?:number\s+|no\s+)?"
    rf"(?P<place>most\s+recent|very\s+last|\w+)(?:\s+{_WIN})?(?:\s+please)?$"
)
# "delete the one about the oven", "forget the win where i called mum"
_DELETE_ABOUT: Final = (
    rf"^{_DELETE_VERB}\s+(?:the|my|that)\s+{_WIN}\s+(?:(?:that\s+)?i\s+(?:said|logged|told\s+you)\s+)?"
    r"(?:about|where|when|with|saying|that\s+says|that\s+said|on|of)\s+(?P<about>.+?)(?:\s+please)?$"
)
# "get rid of the laundry one", "delete the oven win"
_DELETE_NAMED: Final = (
    rf"^{_DELETE_VERB}\s+(?:the|my|that)\s+(?P<about>.+?)\s+{_WIN}(?:\s+please)?$"
)
_THAT: Final = (
    r"(?:that|it|this|that\s+one|that\s+win|my\s+last\s+win|my\s+last\s+one|the\s+last\s+win"
    r"|my\s+win|what\s+i\s+said)"
)
_CHANGE: Final = r"(?:change|correct|fix|edit|update|make|switch|alter)"
# "change that to i cleaned the fridge", "fix it to say fed the cat"
_CHANGE_THAT: Final = (
    rf"^{_CHANGE}\s+{_THAT}\s+(?:to\s+say|to\s+read|so\s+it\s+says|to|into|say)\s+(?P<words>.+)$"
)
# "change the second one to fed the cat", "correct number two to fed the cat"
_CHANGE_AT: Final = (
    rf"^{_CHANGE}\s+(?:the\s+|my\s+)?(?:win\s+)?(?:number\s+)?(?P<place>most\s+recent|very\s+last|\w+)"
    rf"(?:\s+{_WIN})?\s+(?:to\s+say|to|into|say)\s+(?P<words>.+)$"
)
# "change the pumpkin one to i carved two pumpkins", "fix the one about the oven to say ..."
_CHANGE_ABOUT: Final = (
    rf"^{_CHANGE}\s+(?:the|my|that)\s+(?:{_WIN}\s+(?:about|where|when|with|saying|that\s+says)"
    rf"\s+(?P<about>.+?)|(?P<named>.+?)\s+{_WIN})\s+(?:to\s+say|to\s+read|to|into|say)\s+"
    r"(?P<words>.+)$"
)
# "make that i carved two pumpkins", "wait no make it i walked the dog"
_MAKE_THAT: Final = r"^make\s+(?:that|it)\s+(?:say\s+)?(?P<words>i\s+.+)$"
# Said first by someone putting a mistake right: "no", "oops", "sorry", "wait", "that's wrong".
_MARK: Final = (
    r"(?:no|nope|oops|whoops|sorry|wait|actually|hang\s+on|hold\s+on|not\s+quite|wrong"
    r"|that\s+is\s+wrong|that\s+is\s+not\s+right|that\s+is\s+not\s+what\s+i\s+said"
    r"|that\s+was\s+wrong|you\s+got\s+it\s+wrong|you\s+misheard|you\s+heard\s+wrong"
    r"|that\s+is\s+not\s+it|not\s+that)"
)
# Said only of a mistake: after these, "it was ..." puts it right ("actually it was a good day"
# tells how the day was, so "actually" and "no" are not among them).
_WRONG: Final = (
    r"(?:wrong|that\s+is\s+wrong|that\s+was\s+wrong|that\s+is\s+not\s+right"
    r"|that\s+is\s+not\s+what\s+i\s+said|you\s+got\s+it\s+wrong|you\s+misheard"
    r"|you\s+heard\s+wrong|not\s+quite|oops|whoops)"
)
# "oops i meant fed the cat", "no i said walked the dog", "that's wrong it should be fed the cat"
_MARKED: Final = (
    rf"^(?:{_MARK}\s+)+(?:i\s+(?:meant|said|meant\s+to\s+say|was\s+saying)"
    r"|it\s+should\s+(?:be|say)|that\s+should\s+(?:be|say)|what\s+i\s+said\s+was)\s+"
    r"(?P<words>.+)$"
)
_LEADING_MARKS: Final = rf"^(?:{_MARK}\s+)+"
# "wrong, it was fed the cat", "you misheard, it was fed the cat"
_WRONG_THEN: Final = rf"^(?:{_MARK}\s+)*{_WRONG}\s+(?:it\s+was|it\s+is)\s+(?P<words>.+)$"
# "i said fed the cat not fed the dog" (never "it was X not Y": that tells how something was,
# nor "i said sorry for not listening": words said to someone, not a correction)
_NOT_THAT: Final = (
    r"^(?:i\s+said|i\s+meant)\s+"
    r"(?!(?:sorry|thanks|thank\s+you|no|yes|hello|hi|goodbye|bye|please|well\s+done)\b)"
    r"(?P<words>.+?)"
    r"\s+(?:not|instead\s+of|rather\s+than)\s+.+$"
)


# The expressions above are compiled on first use, never at import: a launch never pays.
@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def prepare() -> None:
    """Compile the expressions now (before a snapshot), rather than on the first request."""
    for pattern in (_POLITE, _MARKED, _WRONG_THEN, _NOT_THAT, _CHANGE_THAT, _CHANGE_AT):
        _compiled(pattern)
    for pattern in (_CHANGE_ABOUT, _MAKE_THAT, _LEADING_MARKS):
        _compiled(pattern)
    for pattern in (_DELETE_AT, _DELETE_ABOUT, _DELETE_NAMED):
        _compiled(pattern)


def _plain(text: str) -> str:
    """Lower case, words only ("that's" is "thats", as said), leads of politeness gone."""
    words = re.sub(r"[^a-z0-9' ]+", " ", text.lower()).replace("'", " ").split()
    plain = " ".join(words)
    plain = re.sub(r"\bthat s\b", "thats", plain)
    plain = re.sub(r"\bi m\b", "im", plain)
    plain = re.sub(r"\bit s\b", "it is", plain)
    plain = re.sub(r"\bthats\b", "that is", plain)
    return _compiled(_POLITE).sub("", plain).strip()


def _change_asked(said: str) -> ForgetAsk | None:
    """ "Change that to ...", "change the second one to ...", "change the pumpkin one to ...",
    "make that i ...": the correction ``said`` (plain words) asks for, if any."""
    found = _compiled(_CHANGE_THAT).match(said)
    if found:
        return ForgetAsk(AskKind.CORRECT, words=found["words"])
    found = _compiled(_CHANGE_AT).match(said)
    if found and position_in(found["place"]) is not None:
        return ForgetAsk(AskKind.CORRECT, position_in(found["place"]), words=found["words"])
    found = _compiled(_CHANGE_ABOUT).match(said)
    if found:
        about = found["about"] or found["named"]
        place = position_in(about)
        if place is not None:
            return ForgetAsk(AskKind.CORRECT, place, words=found["words"])
        return ForgetAsk(AskKind.CORRECT, about=about, words=found["words"])
    found = _compiled(_MAKE_THAT).match(_compiled(_LEADING_MARKS).sub("", said))
    if found:
        return ForgetAsk(AskKind.CORRECT, words=found["words"])
    return None


def forget_asked(text: str) -> ForgetAsk | None:
    """The request to delete or correct one win that ``text`` makes, if it makes one."""
    said = _plain(text)
    if not said:
        return None
    marked = (
        _compiled(_MARKED).match(said)
        or _compiled(_WRONG_THEN).match(said)
        or _compiled(_NOT_THAT).match(said)
    )
    said = said.removeprefix("actually ")
    changed = _change_asked(said)
    if changed is not None:
        return changed
    if marked:
        return ForgetAsk(AskKind.CORRECT, words=marked["words"])
    found = _compiled(_DELETE_AT).match(said)
    if found and position_in(found["place"]) is not None:
        return ForgetAsk(AskKind.DELETE, position_in(found["place"]))
    found = _compiled(_DELETE_ABOUT).match(said) or _compiled(_DELETE_NAMED).match(said)
    if found:
        about = found["about"]
        place = position_in(about)
        if place is not None:
            return ForgetAsk(AskKind.DELETE, place)
        return ForgetAsk(AskKind.DELETE, about=about)
    return None
