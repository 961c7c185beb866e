"""What one turn's words do to the question that was open, as the reader reads them.

Asked "What's the one thing you'll do today?", people answer with a plan ("call the bank"), a
deed already done ("i did the dishes"), how things are ("ugh, i can't get out of bed") or a
shrug ("dunno", "nothing probably"). Asked nothing, they sometimes say how they feel and ask
for one of their wins in one breath ("i feel awful, tell me something i did"). Asked "Did you
...?", a person who did not catch it says so first ("what? oh. not yet").

Pure: words in, a plain record out. It uses the reader, whose patterns compile on import, so
import this module on first use, never at start.
"""

import re
from enum import StrEnum
from typing import Final, NamedTuple

from skill.domain.patterns import compiled
from skill.domain.phrasing.answer import is_shrug, not_said_to_a_question
from skill.domain.reading import Clause, Context, Part, as_said, read
from skill.domain.screen import Frame, Kind, canonical, screen
from skill.domain.when_done import DAY_FIRST


class PlanKind(StrEnum):
    """What an answer to "What's the one thing you'll do today?" is."""

    CRISIS = "crisis"  # the crisis answer; nothing is kept
    DEEDS = "deeds"  # done already: logged as wins (and a plan, if one was named too)
    HARD = "hard"  # a struggle ("i can't face today", "rough day"): met kindly, never a plan
    FEELING = "feeling"  # how they are ("i'm exhausted"): heard as said, never a plan
    PLAN = "plan"  # a plan
    SHRUG = "shrug"  # no plan ("dunno"): that's okay
    # A question, a request or words that name nothing ("yesterday?", "read them out"): no
    # plan, and the question is asked again
    ELSEWHERE = "elsewhere"
    OTHER = "other"  # anything else: judged as the plan's words always were


class PlanAnswer(NamedTuple):
    kind: PlanKind
    deeds: str = ""  # the deeds as said after "I": "did the dishes and i called my mum"
    plan: str = ""  # the plan, fillers gone: "call the bank"
    # Said as a plan in so many words ("i'll ...", "going to ..."), not only read as one.
    explicit: bool = False


# Said before a plan to soften it; without them a plan may be a shrug ("nothing probably").
_SOFTENERS: Final = frozenset(
    {
        "i",
        "probably",
        "maybe",
        "perhaps",
        "really",
        "likely",
        "guess",
        "think",
        "honestly",
        "there",
        "is",
    }
)
# "rough day", "such a bad morning": how the day is going, with no one doing anything.
_HARD_TIMES: Final = (
    r"^(?:(?:a|such a|what a|it is a|it is been a|it has been a|having a)\s+)?(?:really\s+|so\s+)?"
    r"(?:rough|bad|hard|tough|long|awful|terrible|horrible|crap|crappy|shit|shitty|rubbish"
    r"|miserable|heavy|grim|bleak|dark|low)\s+(?:day|morning|night|week|time|one|start)\b"
)
_HARD: Final = frozenset({Part.STRUGGLE, Part.FEELING})
# Said to the morning question, these answer something else: never a plan.
_ELSEWHERE: Final = frozenset({Part.QUESTION, Part.REQUEST})


def _shrugged(plan: str) -> bool:
    """A plan with nothing in it once its softeners are gone: "i nothing probably"."""
    words = [word for word in plan.split() if word not in _SOFTENERS]
    return bool(words) and is_shrug(" ".join(words))


def _hard_time(words: str) -> bool:
    text = canonical(words).strip(" ,.")
    return bool(compiled(_HARD_TIMES).match(text.removeprefix("i ")))


# "i can barely move", "could hardly get up": a struggle, though the critic's word is gone.
_BARELY: Final = r"\b(?:can|could|cannot)\s+(?:barely|hardly|scarcely|not even)\b"
# How a plan starts, said before what it is: never part of the plan's words.
_PLAN_LEADS: Final = (
    r"^(?:i\s+)?(?:(?:will|am going to|am gonna|gonna|going to|want to|need to|plan to"
    r"|have to|have got to|got to|must|hope to|am hoping to|ought to|would love to"
    r"|would like to|should|might|probably|maybe|perhaps|possibly|hopefully|just)\s+)+"
)
# How a plan is softened before it ("try and", "try to"), kept out of its words.
_TRYING: Final = r"^(?:(?:try|trying|attempt)\s+(?:and|to)\s+)+"
# Said after a plan and no part of it: "tidy the hall today", "the switchboard now".
_PLAN_TAILS: Final = (
    r"(?:\s+(?:today|this morning|this afternoon|at some point|now|i think|i hope|i guess"
    r"|if i can|fingers crossed|hopefully|probably|maybe|with any luck|if all goes well))+$"
)
# Words that soften a plan and name nothing to do: "the switchboard, hopefully" is one plan.
_HEDGES_ONLY: Final = frozenset(
    {*_SOFTENERS, "hopefully", "try", "will", "hope", "so", "fingers", "crossed", "if", "can"}
    | {"am", "going", "to", "gonna", "trying", "give", "it", "a", "go"}
)


# A hedge said after the plan that takes nothing back for sure: "... or not. yeah that".
_HEDGED_TAIL: Final = (
    r"(?:\s+(?:and|or)\s+(?:not|maybe not|not sure|whatever)\b.*|\s+(?:and\s+)?yeah\s+that)$"
)


def _plan_words(clause: str) -> str:
    """A plan clause as the one thing's words: "i am going to call mum" is "call mum", "i will
    try and tidy the hall today" is "tidy the hall"."""
    words = compiled(_PLAN_LEADS).sub("", clause).removeprefix("i ")
    words = compiled(_PLAN_LEADS).sub("", compiled(_TRYING).sub("", words))
    return compiled(_PLAN_TAILS).sub("", words) or words


def _hedge_only(clause: str) -> bool:
    """A plan clause that softens the plan beside it and names nothing: "i hopefully", "i will
    try", "with any luck"."""
    if not compiled(_PLAN_TAILS).sub("", f" {clause.removeprefix('i ')}").strip():
        return True
    return all(word in _HEDGES_ONLY for word in clause.split())


def plan_answer(said: str) -> PlanAnswer:
    """``said`` in answer to "What's the one thing you'll do today?"."""
    reading = read(said, Context.PLAN)
    aside = _no_plan_told(reading) or _said_elsewhere(said, reading)
    if aside is not None:
        return PlanAnswer(aside)
    barely = bool(compiled(_BARELY).search(canonical(said)))
    planned = [
        clause.words
        for clause in reading
        if clause.part is Part.PLAN
        and not _shrugged(clause.words)
        and not _hard_time(clause.words)
        and not (barely and clause.words.startswith(("i can ", "i could ")))
    ]
    if not all(_hedge_only(words) for words in planned):
        planned = [words for words in planned if not _hedge_only(words)]
    explicit = bool(planned) and all(compiled(_PLAN_LEADS).match(words) for words in planned)
    if not explicit and any(clause.part not in (Part.PLAN, Part.SHRUG) for clause in reading):
        # Only read as a plan beside something else ("i am stupid and ugly"): no plan.
        planned = [words for words in planned if compiled(_PLAN_LEADS).match(words)]
    plans = [_plan_words(words) for words in planned]
    plan = compiled(_HEDGED_TAIL).sub("", " and ".join(plans))
    # Something done, even if it went wrong ("i burned the toast"): told, as a win is told.
    told = [
        c.words
        for c in reading
        if (c.part is Part.DEED or _gone_wrong(c.part, c.words)) and not _hedge_only(c.words)
    ]
    if told and plan:  # the deeds alone are logged, the plan is set
        deeds = _after_i(" and ".join(as_said(said, words) or words for words in told))
        return PlanAnswer(PlanKind.DEEDS, deeds=deeds, plan=plan, explicit=explicit)
    if told:  # logged as the log path logs the whole statement, in the words said, less the
        # day it names first ("on saturday i went for a run"): the win is filed on that day
        whole = compiled(_DAY_FIRST_AS_SAID).sub("", _as_said_whole(said))
        return PlanAnswer(PlanKind.DEEDS, deeds=_after_i(whole))
    if plans:
        return PlanAnswer(PlanKind.PLAN, plan=plan, explicit=explicit)
    parts = {clause.part for clause in reading}
    if Part.STRUGGLE in parts or barely or any(_hard_time(c.words) for c in reading):
        return PlanAnswer(PlanKind.HARD)
    if Part.FEELING in parts:
        return PlanAnswer(PlanKind.FEELING)
    if parts and all(
        clause.part is Part.SHRUG or (clause.part is Part.PLAN and _shrugged(clause.words))
        for clause in reading
    ):
        return PlanAnswer(PlanKind.SHRUG)
    return PlanAnswer(PlanKind.OTHER)


def _said_elsewhere(said: str, reading: tuple[Clause, ...]) -> PlanKind | None:
    """Words that answer no "What ...?" question ("hi", "what do you mean": as the question
    always was), unless a deed or a plan is told after them ("okay so i finally sent the
    invoice", "okay i'll call mum"); then only a question or a request ("yesterday?", "read
    them out"): no plan, and the question asked again. None for anything else."""
    parts = {clause.part for clause in reading}
    told = Part.DEED in parts or any(
        clause.part is Part.PLAN and compiled(_PLAN_LEADS).match(clause.words) for clause in reading
    )
    if not_said_to_a_question(said) and not told:
        return PlanKind.OTHER
    if parts and parts <= _ELSEWHERE:
        return PlanKind.ELSEWHERE
    return None


def _no_plan_told(reading: tuple[Clause, ...]) -> PlanKind | None:
    """A crisis anywhere, first; then a shrug ("no idea", "not a clue"): no plan is told. None
    for anything else."""
    parts = {clause.part for clause in reading}
    if Part.CRISIS in parts:
        return PlanKind.CRISIS
    if parts == {Part.SHRUG}:
        return PlanKind.SHRUG
    return None


# A struggle that says something was not or cannot be done ("i can't face today", "i have no
# energy") is how things are; any other ("i burned the toast") is a deed that went wrong.
_NOT_DONE: Final = r"\b(?:cannot|not|no|never|barely|hardly|nothing|too)\b"
# Said before a statement and never part of it: "oh and i took my meds".
_LEADS: Final = r"^(?:(?:oh|um|uh|er|erm|so|and|well|ok|okay|also|ugh|hmm)\b[\s,.;]*)+"


def _gone_wrong(part: Part, words: str) -> bool:
    """A struggle that tells a deed: no "not" near its start ("i cancelled the ones i don't
    use" is a deed; "i can't even get up" is not)."""
    return part is Part.STRUGGLE and compiled(_NOT_DONE).search(" ".join(words.split()[:4])) is None


def _as_said_whole(said: str) -> str:
    """The statement in the person's own words ("the budgie's cage", not "the budgies cage"),
    less the lead-ins it starts with ("oh and i took my meds")."""
    return compiled(_LEADS_AS_SAID).sub("", " ".join(said.split())).strip(" ,;.") or canonical(said)


# The lead-ins of ``_LEADS``, in any case and with the punctuation the person gave.
_LEADS_AS_SAID: Final = "(?i)" + _LEADS
# A day said first ("Yesterday, I rang the bank"), in any case.
_DAY_FIRST_AS_SAID: Final = "(?i)" + DAY_FIRST


def _after_i(words: str) -> str:
    """The words after a leading "I", as a win's slot holds them: "i did it" is "did it"."""
    return words[2:] if words.lower().startswith("i ") else words


class Feeling(StrEnum):
    HARD = "hard"  # "i feel awful", "rough day": acknowledged as hard
    TOLD = "told"  # "i feel okay": thanked for


# Asking for one of their own wins: "tell me something i did", "remind me of a win".
_HEAR: Final = (
    r"\b(?:tell|remind|read|give|show|say)\s+(?:me\s+)?(?:of\s+|about\s+|back\s+)?"
    r"(?:a|one|some|something|my|what|the|any)\b(?:\s+\w+){0,5}?\s*"
    r"\b(?:win|wins|did|done|good|something|achievement|achievements)\b"
)


# Said between a feeling and its request: "bad day, just read me a win".
_LEFT_BEFORE: Final = r"\b(?:so|and|but|just|please|can you|could you|would you)$"


def feeling_then_hear(said: str, context: Context = Context.NONE) -> Feeling | None:
    """How the person feels, when ``said`` is a feeling (or a hard day) followed by a request
    to hear one of their wins; None otherwise, and for anything the screen would not let by.
    "i feel like garbage. tell me something i did" is Feeling.HARD."""
    text = canonical(said).strip(" ,.;")
    request = compiled(_HEAR).search(text)
    if request is None:
        return None
    before = text[: request.start()].strip(" ,.;")
    before = re.sub(_LEFT_BEFORE, "", before).strip()
    if not before:
        return None
    # Care first: the whole statement is heard, then its first part alone.
    if screen(text, "", Frame.OTHER).kind in (Kind.CRISIS, Kind.CHECK_IN):
        return None
    reading = read(before, context)
    if not reading or any(clause.part is Part.CRISIS for clause in reading):
        return None
    parts = {clause.part for clause in reading}
    if not parts & _HARD and not _hard_time(_without_fillers(before)):
        return None
    if not parts <= {*_HARD, Part.SHRUG, Part.UNSURE}:
        return None
    # Someone asking for a win after saying how they feel is mostly having a hard time; a
    # plainly good feeling ("i feel great") is thanked for instead.
    good = compiled(_GOOD).search(before) is not None and compiled(_NOT).search(before) is None
    return Feeling.TOLD if good else Feeling.HARD


_GOOD: Final = (
    r"\b(?:good|great|fine|okay|ok|happy|better|proud|alright|amazing|awesome|brilliant)\b"
)
_NOT: Final = r"\b(?:not|never|no|cannot)\b"


_FILLERS: Final = r"^(?:(?:ugh|um|uh|oh|so|well|meh|honestly|man|god)\b[\s,.]*)+"


def _without_fillers(text: str) -> str:
    return compiled(_FILLERS).sub("", text)


# Said first by someone who did not catch the question: "what? oh.", "sorry, huh".
_PUZZLED: Final = (
    r"^(?:(?:what|huh|pardon|sorry|eh|wait|oh|um|uh|hmm|ah|come again|what was that)\b"
    r"[\s,.?!]*)+"
)


def answer_to_did_you(said: str) -> Part | None:
    """Yes or no to "Did you ...?", even after "what? oh."; None when it is neither."""
    text = canonical(said.replace("?", ".")).strip(" ,.;")
    rest = compiled(_PUZZLED).sub("", text).strip(" ,.;")
    if not rest:
        return None
    reading = read(rest, Context.GOAL)
    if any(clause.part is Part.CRISIS for clause in reading):
        return None
    first = reading[0].part if reading else None
    return first if first in (Part.YES, Part.NO) else None
