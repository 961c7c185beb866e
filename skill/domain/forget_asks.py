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

from skill.domain.matching import position_in, positions_in
from skill.domain.phrasing.answer import past_tense
from skill.domain.said_wrong import righted as said_wrong


class AskKind(StrEnum):
    DELETE = "delete"
    CORRECT = "correct"
    RESTORE = "restore"  # "bring that back": the win deleted last
    REGRET = "regret"  # "I didn't mean that": the win deleted last, if one was


class ForgetAsk(NamedTuple):
    """Delete or correct: the win by ``position`` (from 1, or ``LAST``) or by ``about`` (its
    words), or "that" when both are empty; ``words``, a correction's new words. ``bare``: a
    thing said alone after a mark ("no, the dog"), a correction only right after a win."""

    kind: AskKind
    position: int | None = None
    about: str = ""
    words: str = ""
    bare: bool = False
    # Several places, in the order to ask about them ("bin the last two"): each in turn.
    places: tuple[int, ...] = ()


# Said before a request without changing it.
_POLITE: Final = (
    r"^(?:(?:alexa|ok|okay|hey|um|uh|er|so|oh|and|please|just|right|now)\s+"
    r"|(?:can|could|would|will)\s+you\s+(?:please\s+)?"
    r"|(?:i\s+(?:want|need|would\s+like|wanna|d\s+like)\s+(?:you\s+)?to\s+)"
    r"|(?:can|could|may)\s+i\s+"
    r"|(?:let\s+s|lets)\s+)+"
)
_DELETE_VERB: Final = (
    r"(?:delete|remove|erase|forget|scratch|scrap|ditch|bin|wipe|undo|get\s+rid\s+of|take\s+out"
    r"|take\s+off|take\s+away|rub\s+out|cross\s+out|strike|kill|nix|dump|drop|toss|trash"
    r"|chuck|axe|lose|junk)"
)
# Verbs that delete what "it" or "that" points at ("forget it", "undo that" and "scrap that"
# mean something else).
_POINTED_VERB: Final = (
    r"(?:delete|remove|erase|scratch|get\s+rid\s+of|take\s+out|take\s+off|cross\s+out|rub\s+out)"
)
# Split verbs, said around what they name: "take it off", "take the drink one out".
_SPLIT_VERB: Final = r"(?:take|get|cross|rub|wipe|strike)"
_PARTICLE: Final = r"(?:off|out|away)"
_WIN: Final = r"(?:one|win|entry|thing)"
# "delete the second one", "remove number three", "scratch the last win"
_DELETE_AT: Final = (
    rf"^{_DELETE_VERB}\s+(?:the\s+|my\s+|that\s+)?(?:win\s+)?(?:number\s+|no\s+)?"
    rf"(?P<place>most\s+recent|very\s+last|\w+)(?:\s+{_WIN})?(?:\s+please)?$"
)
# "kill the last one", "bin the last two", "get rid of the one before that": places said
# in more words than one; and said first, the verb after ("the one before that get rid of it")
_DELETE_PLACES: Final = rf"^{_DELETE_VERB}\s+(?P<what>.+?)(?:\s+please)?$"
_PLACES_THEN_DELETE: Final = (
    rf"^(?P<what>.+?)\s+{_DELETE_VERB}\s+(?:it|them|those|that|that\s+one)(?:\s+please)?$"
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
# Why a win should go, said before or after asking it: "that wasn't a win", "it didn't
# actually happen", "I never did that", "that was a mistake".
_NEGATED: Final = r"(?:was\s+not|wasn\s+t|wasnt|wasnae|is\s+not|isn\s+t|isnt|isnae)"
_NEVER: Final = r"(?:did\s+not|didn\s+t|didnt|didnae|never)"
_REASON: Final = (
    rf"(?:(?:but\s+|because\s+|cause\s+|coz\s+|as\s+|since\s+)?(?:that|it|this|that\s+one)"
    rf"\s+(?:{_NEGATED}\s+(?:a\s+win|true|real|right|correct|mine)"
    rf"|{_NEVER}\s+(?:actually\s+|really\s+)?happen|was\s+(?:a\s+mistake|wrong))"
    rf"|(?:but\s+|because\s+|cause\s+|as\s+|since\s+)?i\s+{_NEVER}\s+(?:actually\s+|really\s+)?"
    r"(?:do|did)\s+(?:it|that|this)(?:\s+yet)?)"
)
# Said after the reason to explain it: "that's not a win, that's just me saying yeah".
_WHY: Final = (
    r"(?:\s+(?:that\s+is|that\s+was|it\s+is|it\s+was|i\s+was|i\s+(?:just\s+)?said|just|me"
    r"|because|cause|coz|only)\b.*)?"
)
# "the email one didn't actually happen, can you take it off": a win named, the reason, and
# the request that points back at it.
_NAMED_THEN_ASKED: Final = (
    rf"^(?P<named>(?:the|my|that)\s+.+?\s+{_WIN})\s+(?:{_NEVER}\s+(?:actually\s+|really\s+)?"
    rf"happen|{_NEGATED}\s+(?:a\s+win|true|real|right|correct)|was\s+(?:a\s+mistake|wrong)"
    rf"|i\s+{_NEVER}\s+(?:actually\s+|really\s+)?(?:do|did)\s+(?:it|that)(?:\s+yet)?)"
    r"\s+(?:so\s+)?(?P<ask>.+)$"
)
# "the second one, delete it please", "the chem one can you get rid of it": the win named
# first, then a request that points back at it.
_NAMED_FIRST: Final = (
    rf"^(?P<named>(?:the|my|that)\s+{_WIN}\s+about\s+.+?"
    r"|(?:the|my|that)\s+(?:(?!(?:was|wasn|wasnt|is|isn|isnt|not|a|t)\b)\w+\s+){1,3}"
    rf"{_WIN})"
    r"\s+(?P<ask>(?:(?:please|so|and|just|now|can|could|would|will|you)\s+)*"
    rf"(?:{_POINTED_VERB}|{_SPLIT_VERB})\s+.+)$"
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
# "make it to the gym", "make that to work": getting there, never a correction.
_MAKE_IT_TO: Final = r"^make\s+(?:that|it|this)\s+(?:one\s+|win\s+)?to\s+(?!say|read)"
# "make that i carved two pumpkins", "wait no make it walked the dog", "make that the dog":
# new words that tell a deed or name a thing (never "make it to the gym", "make that call").
_MAKE_THAT: Final = r"^make\s+(?:that|it)\s+(?:say\s+|read\s+)?(?P<words>.+)$"
# The first word of a thing said alone ("the dog", "two pumpkins", "my sister").
_THING: Final = (
    r"(?:the|a|an|my|his|her|their|our|some|both|two|three|four|five|six|seven|eight|nine"
    r"|ten|several|lots\s+of|loads\s+of)"
)
# Words that make a thing into news ("the dog is sick", "my sister came round").
_NEWS: Final = (
    r"(?:is|was|are|were|has|had|have|did|does|do|will|would|can|could|got|gets|came|went"
    r"|said|says|made|makes|not|never|and|but|because|so)"
)
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
# A win pointed at: "the second one", "the last one", "the mum one", "the one about my mum",
# "that", "it": what a correction names before or after its verb.
_POINTED: Final = (
    rf"(?:(?:the|my|that)\s+{_WIN}\s+(?:about|where|when|with|saying|that\s+says)\s+.+?"
    rf"|(?:the|my|that)\s+(?:win\s+)?(?:number\s+)?(?:\w+\s+){{1,3}}?{_WIN}"
    rf"|(?:the|my)\s+(?:number\s+)?(?:last|first|second|third|fourth|fifth|latest)"
    r"|number\s+\w+|that|it|this)"
)
# "the one about my mum, change that to called my dad", "the second one, can you fix it to
# say walked the dog": the win named first, then a change that points back at it.
_NAMED_THEN_CHANGED: Final = (
    rf"^(?P<named>{_POINTED})\s+(?:(?:please|so|and|just|now|can|could|would|will|you)\s+)*"
    rf"{_CHANGE}\s+(?:that|it|this|that\s+one|it\s+one)\s+(?:to\s+say|to\s+read|to|into|say)\s+"
    r"(?P<words>.+)$"
)
# "the second one should say walked the dog", "the mum one should read called my dad",
# "the last one should be walked the dog": the win named, then what it should say.
_NAMED_SHOULD: Final = (
    rf"^(?P<named>{_POINTED})\s+(?:it\s+)?should\s+(?:have\s+)?(?P<verb>say|said|read|be|been)"
    r"\s+(?P<words>.+)$"
)
# "fix the last one, it's watered the plants", "correct that, it should say fed the cat",
# "change the one about my mum, it was called my dad": a change, the win, then its words.
_CHANGED_THEN_SAID: Final = (
    rf"^{_CHANGE}\s+(?P<named>{_POINTED})\s+(?:it\s+is|it\s+was|it\s+should\s+(?:say|read|be)"
    r"|should\s+(?:say|read|be)|to\s+be|so\s+it\s+says|so\s+it\s+reads)\s+(?P<words>.+)$"
)
# "the second one s wrong", "the last one is not right, it should be ...": said of a win
# pointed at before what it should say ("it should be" after it reads as "should be").
_CALLED_WRONG: Final = (
    rf"^(?P<named>{_POINTED})\s+(?:s|is|was|are)\s+(?:wrong|not\s+right|incorrect|a\s+mistake"
    r"|not\s+what\s+i\s+said)(?:\s+(?:so|and|because))?\s+(?=\S)"
)
# What a pointed win is about: "the one about my mum", "the mum one".
_POINTED_ABOUT: Final = rf"^(?:the|my|that)\s+{_WIN}\s+\w+(?:\s+says)?\s+(?P<about>.+)$"
_POINTED_NAMED: Final = rf"^(?:the|my|that)\s+(?P<about>.+?)\s+{_WIN}$"
# "i meant washed the van", "i meant to say i walked the dog": right after a win, the words
# it should have been (never "i meant to call mum", "i meant it", "i meant well").
_MEANT: Final = r"^i\s+meant(?:\s+to\s+say)?\s+(?!to\s)(?P<words>.+)$"
# What a correction puts right, said after what was wrong: "sorry i said washed the car, it was
# washed the van", "i said the cat but i meant the dog", "no i said X when i meant Y". After a
# mark of a mistake any of these turns; without one, only "i meant" ("i said hello to my
# neighbour it was nice" tells of a day).
_THEN_RIGHT: Final = (
    r"(?:but\s+|and\s+|when\s+|so\s+)?(?:it\s+was|it\s+is|it\s+should\s+(?:be|say|have\s+been)"
    r"|that\s+should\s+(?:be|say)|i\s+meant(?:\s+to\s+say)?|what\s+i\s+meant\s+was"
    r"|i\s+should\s+have\s+said|i\s+wanted\s+to\s+say)"
)
_SAID_THEN_MARKED: Final = (
    rf"^(?:{_MARK}\s+)+i\s+said\s+(?P<old>.+?)\s+{_THEN_RIGHT}\s+(?P<words>.+)$"
)
_SAID_THEN_MEANT: Final = (
    r"^i\s+said\s+(?P<old>.+?)\s+(?:but\s+|when\s+)?i\s+meant(?:\s+to\s+say)?"
    r"\s+(?!to\s)(?P<words>.+)$"
)
# "not the cat, the dog", "no, not the cat, the dog": one thing put right by another.
_NOT_THING: Final = (
    rf"^(?:{_MARK}\s+)*not\s+(?P<old>{_THING}(?:\s+(?!{_NEWS}\b)\w+){{1,3}})\s+"
    rf"(?:but\s+|it\s+was\s+)?(?P<words>{_THING}(?:\s+(?!{_NEWS}\b)\w+){{1,3}})$"
)
# "no, the dog", "sorry, two pumpkins", "oops, my sister": a mark of a mistake and a thing
# alone, a few words long with no verb of its own ("no, the dog is sick" tells news).
_MARK_THING: Final = (
    r"^(?:no|nope|sorry|oops|whoops|wait|actually|not\s+quite|wrong)\s+"
    r"(?:(?:no|sorry|wait|it\s+was|i\s+meant)\s+)*"
    rf"(?P<words>{_THING}(?:\s+(?!{_NEWS}\b)\w+){{1,3}})$"
)
# "wrong, it was fed the cat", "you misheard, it was fed the cat"
_WRONG_THEN: Final = rf"^(?:{_MARK}\s+)*{_WRONG}\s+(?:it\s+was|it\s+is)\s+(?P<words>.+)$"
# "i said fed the cat not fed the dog" (never "it was X not Y": that tells how something was;
# nor "i said sorry / no / thank you ... for not ...", nor what was said instead of doing
# something ("... instead of exploding"): saying those is a deed, told)
_NOT_THAT: Final = (
    r"^(?:i\s+said|i\s+meant)\s+"
    r"(?!(?:sorry|thanks|thank|no|yes|hello|hi|goodbye|bye|please|well\s+done)\b)"
    r"(?!.*\bout\s+loud\b)"  # "i said his name out loud instead of crying": a deed, told
    r"(?P<words>.+?)\s+(?<!\bfor\s)(?:not|instead\s+of|rather\s+than)\s+(?!\w+ing\b).+$"
)


# "bring that back", "put it back too", "i want that one back", "undo the delete".
_THAT_ONE: Final = r"(?:that|it|this|that\s+one|this\s+one|that\s+win|the\s+win|my\s+win|them)"
_RESTORE: Final = (
    rf"^(?:{_MARK}\s+|oh\s+no\s+|oh\s+)*(?:please\s+)?(?:"
    rf"(?:bring|put|get|give|give\s+me)\s+{_THAT_ONE}\s+back"
    rf"|give\s+me\s+back\s+{_THAT_ONE}|bring\s+back\s+{_THAT_ONE}|put\s+back\s+{_THAT_ONE}"
    rf"|(?:i\s+want|i\s+d\s+like|i\s+would\s+like|have)\s+{_THAT_ONE}\s+back"
    rf"|undo\s+(?:the|that|my)\s+(?:delete|deletion|deleting)|undelete(?:\s+{_THAT_ONE})?"
    rf"|restore\s+{_THAT_ONE})"
    r"(?:\s+(?:too|again|please|now|as\s+well|then))*$"
)
# "i didn't mean that", "oh no i didn't mean to delete that", "that was a mistake": regret
# that means the win deleted just now, and nothing when none was.
_REGRET: Final = (
    rf"^(?:{_MARK}\s+|oh\s+no\s+|oh\s+|oh\s+dear\s+)*(?:"
    r"i\s+(?:did\s+not|didn\s+t|didnt)\s+mean\s+(?:that|it|that\s+one|this|to(?:\s+do\s+that"
    r"|\s+(?:delete|remove|erase|do)\s+(?:that|it|this|that\s+one)))"
    r"|(?:that|deleting\s+that|deleting\s+it)\s+was\s+a\s+mistake"
    r"|i\s+deleted\s+the\s+wrong\s+one|wrong\s+one|i\s+(?:did\s+not|didn\s+t|didnt)\s+want"
    r"\s+(?:that|it)\s+(?:deleted|gone))$"
)


# The expressions above are compiled on first use, never at import: a launch never pays.
@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def prepare() -> None:
    """Compile the expressions now (before a snapshot), rather than on the first request."""
    for pattern in (_POLITE, _MARKED, _WRONG_THEN, _NOT_THAT, _CHANGE_THAT, _CHANGE_AT):
        _compiled(pattern)
    for pattern in (_CHANGE_ABOUT, _MAKE_THAT, _LEADING_MARKS, _SAID_THEN_MARKED):
        _compiled(pattern)
    for pattern in (_SAID_THEN_MEANT, _NOT_THING, _MARK_THING, _MAKE_IT_TO, _RESTORE, _REGRET):
        _compiled(pattern)
    for pattern in (_DELETE_AT, _DELETE_ABOUT, _DELETE_NAMED, _DELETE_PLACES):
        _compiled(pattern)
    for pattern in (_FEATURE, _DELETE_WORDS, _TAKEN_BACK):
        _compiled(pattern)
    for pattern in (_NAMED_THEN_CHANGED, _NAMED_SHOULD, _CHANGED_THEN_SAID, _MEANT):
        _compiled(pattern)
    for pattern in (_POINTED_ABOUT, _POINTED_NAMED, _CALLED_WRONG):
        _compiled(pattern)
    _compiled(_PLACES_THEN_DELETE)


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
    pointed = _pointed_change(said)
    if pointed is not None:
        return pointed
    found = _compiled(_CHANGE_THAT).match(said)
    if found and not _compiled(_MAKE_IT_TO).match(said):
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
    if found and _new_words(found["words"]):
        return ForgetAsk(AskKind.CORRECT, words=found["words"])
    return None


def _righted_or_changed(said: str) -> ForgetAsk | None:
    """A correction said with the words the win has ("it says X but it was Y", "X should be
    Y", "not X, Y"), or asked for ("change that to", "the second one's wrong, it should be
    ..."), its marks of a mistake first or not (``said`` in plain words)."""
    wrong = said_wrong(said)
    if wrong is not None and position_in(wrong.old) is None:
        return ForgetAsk(AskKind.CORRECT, about=wrong.old, words=wrong.words)
    # "the second one's wrong, it should be ...": the win named, then what it should say
    said = _compiled(_CALLED_WRONG).sub(r"\g<named> ", said)
    return _change_asked(_compiled(_LEADING_MARKS).sub("", said))


def _pointed_change(said: str) -> ForgetAsk | None:
    """A correction that names its win apart from its verb: "the one about my mum, change
    that to called my dad", "the second one should say walked the dog", "fix the last one,
    it's watered the plants" (``said`` in plain words), if it is one."""
    found = _compiled(_NAMED_THEN_CHANGED).match(said) or _compiled(_CHANGED_THEN_SAID).match(said)
    should = _compiled(_NAMED_SHOULD).match(said)
    if found is not None:
        return _named_correction(found["named"], found["words"], bare=False)
    if should is None:
        return None
    if should["verb"] in ("say", "said", "read"):
        return _named_correction(should["named"], should["words"], bare=False)
    # "should be" needs new words that tell a deed ("the last one should be fine" does not)
    if not _new_words(should["words"]):
        return None
    return _named_correction(should["named"], should["words"], bare=True)


def _named_correction(named: str, words: str, *, bare: bool) -> ForgetAsk | None:
    """The correction of the win ``named`` ("that", "the second one", "the one about my
    mum", "the mum one") to ``words``; None when ``named`` names no win. ``bare``: "that"
    and "it" said with "should be", a correction only right after a win."""
    if named in ("that", "it", "this"):  # "it should be done by friday": only after a win
        return ForgetAsk(AskKind.CORRECT, words=words, bare=bare)
    if named.startswith("number "):
        named = f"the {named}"
    place = position_in(named)
    if place is not None:
        return ForgetAsk(AskKind.CORRECT, place, words=words)
    about = _compiled(_POINTED_ABOUT).match(named)
    if about is not None:  # "the one about my mum"
        return ForgetAsk(AskKind.CORRECT, about=about["about"], words=words)
    one = _compiled(_POINTED_NAMED).match(named)
    if one is None or _points(one["about"]) or one["about"] in ("other", "same", "new"):
        return None  # "the other one should be ...": no win named by its words
    return ForgetAsk(AskKind.CORRECT, about=one["about"], words=words)


# Last words of a pointer into a list or a question's answer, never a thing: "the other one".
_POINTERS: Final = frozenset({"one", "ones", "rest", "other", "others", "lot", "list", "all"})


def _points(words: str) -> bool:
    """ "the other one", "the second", "the rest": words that point, not a thing."""
    return words.split()[-1] in _POINTERS or position_in(words) is not None


def _new_words(words: str) -> bool:
    """Words that can stand for a win's new words after "make that": "i walked the dog",
    "walked the dog", "the dog"; never "to the gym" or "call" (a plan, not a correction)."""
    first = words.split()[0]
    if first == "i" or _compiled(rf"^{_THING}\s+\w").match(words):
        return True
    return past_tense(first)


def _meant_words(words: str) -> bool:
    """After a bare "i meant": a deed told ("washed the van", "i washed the van"), never a
    thing alone ("i meant the world to her") nor anything else ("i meant it")."""
    first = words.split()[0]
    return first == "i" or past_tense(first)


def forget_asked(text: str) -> ForgetAsk | None:
    """The request to delete or correct one win that ``text`` makes, if it makes one."""
    # "change my one thing to call mum": a one thing, never a win
    found = None if _compiled(_FEATURE).match(_plain(text)) else _asked(text)
    if found is None or not found.words:
        return found
    return found._replace(words=_with_apostrophes(found.words, text))


def _with_apostrophes(words: str, text: str) -> str:
    """New words as said: "my sister s cat" is "my sister's cat" again when ``text`` said so."""
    for said in re.findall(r"[a-z0-9]+(?:'[a-z]+)+", text.lower().replace("\u2019", "'")):
        words = re.sub(rf"\b{re.escape(said.replace(chr(39), ' '))}\b", said, words)
    return words


# What the skill keeps that is no win: "change my one thing to ...", "cancel my goal".
_FEATURE: Final = (
    r"^(?:\w+\s+){0,4}?(?:my|me|the|today\s+s|todays|a)\s+(?:one\s+minute\s+)?(?:one\s+thing"
    r"|goal|reminder|timer|style)\b"
    # "make it one", "make them two wins": wins joined or split, never new words for one
    r"|^make\s+(?:it|that|them|this|those)\s+(?:into\s+)?(?:one|two|three|a\s+single)"
    r"(?:\s+(?:wins?|things?|ones?))?(?:\s+please)?$"
)
# "delete did the wee ones", "remove walked the dog": the verb, then the win's own words
# (a deed, its "I" left out); "delete a win" names none and is a question of how.
_DELETE_WORDS: Final = (
    r"^(?:delete|remove|erase|scrap|bin)\s+(?!(?:a|an|one|some|all|every|everything|it|that|this"
    r"|them|those|these|the|my|please)\b)(?P<about>\w+(?:\s+\w+)+?)(?:\s+please)?$"
)
# A win taken back: "hang on, i didn't finish the switchboard", "wait, i never actually
# posted it"; a lead that takes back, then a deed said not done.
_TAKEN_BACK: Final = (
    r"^(?:hang\s+on|hold\s+on|wait|actually|oh|oops|sorry|no|nah|naw|um|oh\s+wait)\s+"
    r"(?:(?:hang\s+on|wait|actually|sorry|no)\s+)*i\s+(?:did\s+not|didn\s+t|didnt|didnae|never"
    r"|have\s+not|haven\s+t|havent)\s+(?:actually\s+|really\s+)?(?!(?:mean|meant|say|said|want"
    r"|wanna|know|think)\b)(?P<about>\w+(?:\s+\w+){1,5}?)"
    r"(?:\s+(?:yet|after\s+all|that\s+was\s+.*|it\s+was\s+.*|i\s+was\s+.*))?$"
)


def _taken_back(said: str) -> ForgetAsk | None:
    """ "Hang on, i didn't finish the switchboard": the win it takes back, offered for
    deleting by its words."""
    back = _compiled(_TAKEN_BACK).match(said)
    return None if back is None else ForgetAsk(AskKind.DELETE, about=back["about"])


def _asked(text: str) -> ForgetAsk | None:
    said = _plain(text)
    if not said:
        return None
    if _compiled(_TAKEN_BACK).match(said):
        return _taken_back(said)
    if _compiled(_RESTORE).match(said):
        return ForgetAsk(AskKind.RESTORE)
    if _compiled(_REGRET).match(said):
        return ForgetAsk(AskKind.REGRET)
    marked = (
        _compiled(_MARKED).match(said)
        or _compiled(_WRONG_THEN).match(said)
        or _compiled(_NOT_THAT).match(said)
    )
    righted = _compiled(_SAID_THEN_MARKED).match(said) or _compiled(_SAID_THEN_MEANT).match(said)
    if righted:  # "sorry i said washed the car, it was washed the van": the words after
        return ForgetAsk(AskKind.CORRECT, words=righted["words"])
    meant = _compiled(_MEANT).match(said)
    if meant and _meant_words(meant["words"]):  # "i meant washed the van": right after a win
        return ForgetAsk(AskKind.CORRECT, words=meant["words"], bare=True)
    said = said.removeprefix("actually ")
    changed = _righted_or_changed(said)  # "no, change that to", "it says X but it was Y"
    if changed is not None:  # a mark of a mistake before it says it corrects, whenever said
        return changed._replace(bare=False) if marked else changed
    thing = _compiled(_NOT_THING).match(said) or _compiled(_MARK_THING).match(said)
    if thing and not _points(thing["words"]):  # "not the cat, the dog", "no, the dog"
        return ForgetAsk(AskKind.CORRECT, words=thing["words"], bare=True)
    if marked:
        return ForgetAsk(AskKind.CORRECT, words=marked["words"])
    return _delete_asked(said)


def _named_then_pointed(named: re.Match[str]) -> ForgetAsk | None:
    """A win named, then a request that points back at it ("can you take it off"): that win
    deleted; None when the request names a win of its own, or is none."""
    asked = _delete_asked(_compiled(_POLITE).sub("", named["ask"]).strip())
    if asked is not None and asked.position is None and not asked.about:
        return _delete_asked(f"delete {named['named']}")
    return None


def _delete_asked(said: str) -> ForgetAsk | None:
    """ "Delete the second one", "delete the one about the oven", "take off the drink one, that
    wasn't a win", "the email one didn't happen, can you take it off": the deletion ``said``
    (plain words) asks for, if any. "Take it off" alone names no win: the one just heard or
    logged (``ForgetAsk(DELETE)`` with neither place nor words)."""
    named = _compiled(_NAMED_THEN_ASKED).match(said)
    if named:  # "the email one didn't happen, can you take it off": the one it named
        return _named_then_pointed(named)
    first = _compiled(_NAMED_FIRST).match(said)
    if first and _named_then_pointed(first) is not None:  # "the second one, delete it please"
        return _named_then_pointed(first)
    reason = _compiled(rf"^(?P<ask>.+?)\s+{_REASON}{_WHY}$").match(said)
    if reason:  # "take off the drink one, that wasn't a win"
        said = reason["ask"]
    reason = _compiled(rf"^{_REASON}\s+(?:so\s+)?(?P<ask>.+)$").match(said)
    if reason:  # "that wasn't a win, can you take it off"
        said = _compiled(_POLITE).sub("", reason["ask"]).strip()
    split = _compiled(
        rf"^{_SPLIT_VERB}\s+(?P<what>.+?)\s+{_PARTICLE}(?:\s+(?:please|again|now))*$"
    ).match(said)
    if split:  # "take it off", "take the drink one out"
        said = f"delete {split['what']}"
    if _compiled(rf"^{_POINTED_VERB}\s+{_THAT_ONE}(?:\s+(?:please|again|now))*$").match(said):
        return ForgetAsk(AskKind.DELETE)
    placed = _place_asked(said)
    if placed is not None:
        return placed
    found = (
        _compiled(_DELETE_ABOUT).match(said)
        or _compiled(_DELETE_NAMED).match(said)
        or _compiled(_DELETE_WORDS).match(said)
    )
    if found:
        about = found["about"]
        place = position_in(about)
        if place is not None:
            return ForgetAsk(AskKind.DELETE, place)
        return ForgetAsk(AskKind.DELETE, about=about)
    return None


def _place_asked(said: str) -> ForgetAsk | None:
    """ "Delete the second one", "kill the last one", "bin the last two", "the one before
    that get rid of it": a deletion by place (``said`` in plain words), if it is one."""
    found = _compiled(_DELETE_AT).match(said)
    if found and position_in(found["place"]) is not None:
        return ForgetAsk(AskKind.DELETE, position_in(found["place"]))
    found = _compiled(_DELETE_PLACES).match(said) or _compiled(_PLACES_THEN_DELETE).match(said)
    return _places(found["what"]) if found else None


def _places(what: str) -> ForgetAsk | None:
    """A deletion of the places ``what`` names ("the last two", "the one before that"), if
    it names places and nothing else."""
    several = positions_in(what)
    if several is not None:
        return ForgetAsk(AskKind.DELETE, several[0], places=tuple(several))
    place = position_in(what)
    return None if place is None else ForgetAsk(AskKind.DELETE, place)
