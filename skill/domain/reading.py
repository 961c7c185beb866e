"""One reader for what people say: a statement, in the context of what was asked, as clauses.

People hedge, shrug, ramble and ask literal questions: "i guess i showered", "dunno", "i paid
the bill and cleaned the bathroom", "wait what's my last win". ``read`` takes the words and
the question that was open, and says what each part of them is: a deed (a win), a plan, a
shrug, a feeling, a struggle, a preference about the skill, a request, a question, a yes or a
no, thanks or goodbye, a crisis, or unsure. Hedges and fillers before a deed ("i guess", "i
mean", "kinda", "um") are dropped, and never said back.

The care screen is one stage of it: a part the screen finds a crisis, or in need of a check-in,
is read as a crisis, and a harm or a hard thing it names is a struggle, never a deed. Pure:
words in, a ``Reading`` out. Its patterns compile when it is imported, so the skill imports it
on first use, never at start.
"""

import re
from enum import StrEnum
from typing import Final, NamedTuple

from skill.domain.asides import (
    asks_by_its_shape,
    asks_the_skill,
    points_only,
    said_to_others,
    tagged,
)
from skill.domain.chatter import about_wins, points_back, remarks
from skill.domain.closings import polite_close, takes_back
from skill.domain.memo import remembered, within_a_request
from skill.domain.numbers import held_numbers
from skill.domain.patterns import compiled, spoken_words
from skill.domain.phrasing.answer import MORE_PASTS, is_shrug
from skill.domain.phrasing.critic import read_critic
from skill.domain.phrasing.trims import closes_only, trimmed
from skill.domain.results import situation_then_result, thing_done, thing_stopped
from skill.domain.screen import Frame, Kind, canonical, screen
from skill.domain.settling import settled
from skill.domain.when_done import DAY_FIRST, VAGUE_TIME


class Part(StrEnum):
    """What one clause of a statement is."""

    DEED = "deed"
    PLAN = "plan"
    SHRUG = "shrug"
    FEELING = "feeling"
    STRUGGLE = "struggle"
    PREFERENCE = "preference"
    REQUEST = "request"
    QUESTION = "question"
    YES = "yes"
    NO = "no"
    THANKS = "thanks"
    GOODBYE = "goodbye"
    CRISIS = "crisis"
    UNSURE = "unsure"


class Context(StrEnum):
    """The question that was open when the words were said."""

    NONE = "one-shot"  # "tell small wins ..." with nothing asked
    DID = "asked-did"  # "What's one thing you did today?"
    ELSE = "asked-else"  # "Anything else?"
    PLAN = "asked-plan"  # "What's the one thing you'll do today?"
    GOAL = "asked-goal"  # "Time's up. Did you ...?"


class Clause(NamedTuple):
    part: Part
    words: str = ""  # a deed, a plan or a struggle, in the first person, hedges gone


Reading = tuple[Clause, ...]

# "i could not sleep so i read a chapter": "so" starts a deed of its own when one follows it.
_SO_I_DID: Final = r"(?:\w+ed|went|got|made|took|did|read|ate|rang|wrote|had|sent|paid|bought)"
# Where one clause ends and the next begins, when the next starts like a clause of its own.
_JOINS: Final = (
    r"\s*(?:,|;|\.|\bbut\b|\beven though\b|\beven if\b|\band then\b|\band also\b|\boh and\b"
    r"|\bor\b|\band\b|\bthen\b|\balso\b|\boh wait\b|\bwait\b"
    r"|\bso(?=[\s,]+i " + _SO_I_DID + r"\b))[\s,]+"
)
# Sounds and lead-ins speech recognition keeps that say nothing.
_FILLERS: Final = (
    "um",
    "uh",
    "er",
    "erm",
    "hmm",
    "oh",
    "so",
    "well",
    "ok",
    "okay",
    "like",
    "yeah and",
    "yeah so",
    "so yeah",
    # lead-ins that open a telling: "right so i've got in off nights", "okay so", "anyway so"
    *("right so", "right then", "right well", "right okay", "right ok", "okay so", "ok so"),
    *("anyway so", "well so", "so anyway", "and yeah"),
    "k",
    "kk",
    "ah",
    "ahh",
    "aw",
    "aww",
    "ach",
    "och",
    "hang on",
    "hold on",
    "let me think",
    "let me see",
    "lemme think",
    "oh dear",
    "dear",
    "bro",
    "dude",
    "mate",
    # cheers said before the news: "slay, got my provisional licence", "guess what, booked it"
    *("slay", "yay", "yey", "yass", "yas", "yess", "yesss", "woo", "woohoo", "whoo", "whoop"),
    *("wahey", "hooray", "hurray", "huzzah", "omg", "oh my god", "oh my gosh", "boom", "ayy"),
    *("guess what", "big news", "good news", "great news", "small win", "tiny win"),
    *("little win", "quick win", "lets go", "let us go"),
)
_HEDGES: Final = (
    "i guess",
    "i think",
    "i suppose",
    "i mean",
    "i reckon",
    "honestly",
    "basically",
    "kinda",
    "kind of",
    "sort of",
    "sorta",
    "anyway",
    "anyways",
    "i dunno",
    "dunno",
    "idk",
    "ig",
    "tbh",
    "ngl",
    "lowkey",
    "literally",
    "to be honest",
    "meh",
    "ugh",
    "whatever",
)
_SHRUGS: Final = frozenset(
    {
        "nothing really",
        "probably nothing",
        "nowt",
        "nowt much",
        "sod all",
        "pass",
        "dunno yet",
        "not today",
        "nah not today",
        "cannot think of anything",
        "i cannot think of anything",
        "i got nothing",
        "got nothing",
        "not sure yet",
        "have not thought about it",
        "i have not thought about it",
        "no idea yet",
        "nothing yet",
        "not much really",
        "nope",
        "i cannot think",
        "cannot think",
        "i cannot remember",
        "cannot remember",
        "no clue",
        "not a clue",
        "have not a clue",
        "have not got a clue",
        "i have not a clue",
        "i have not got a clue",
        "i have no idea",
        "no idea at all",
        "not the foggiest",
        "i do not know",
        "do not know",
        "i do not really know",
        "not sure",
        "i am not sure",
        "i forget",
        "i forgot",
        "who knows",
        "nothing",
        "absolutely nothing",
        "nothing at all",
        "nothing much",
        "not a lot",
        "not a whole lot",
        "not loads",
        "not much",
        "bugger all",
        "zilch",
        "not a thing",
    }
)
_THANKS: Final = frozenset(
    {
        *("thanks", "thank you", "cheers", "ta", "thanks a lot", "cheers mate", "thank you dear"),
        # Acknowledgements that close a turn: "that's grand", "lovely", "nice one".
        *("grand", "that is grand", "lovely", "that is lovely", "brilliant", "great", "perfect"),
        *("that is great", "that is perfect", "nice one", "cool", "sound", "cheers then"),
    }
)
_GOODBYES: Final = frozenset(
    {"bye", "goodbye", "see you", "see ya", "night", "good night", "goodnight", "later"}
)
_DONE_FOR_NOW: Final = frozenset(
    {
        "that is all",
        "that is it",
        "that is me done",
        "that is me",
        "that is about it",
        "that is everything",
        "i am done",
        "i am good",
        "nothing else",
        "no more",
        "that is your lot",
        "that will do",
        "all done",
        "i am finished",
    }
)
_YES: Final = frozenset(
    {
        "yes",
        "yeah",
        "yep",
        "yup",
        "sure",
        "i did",
        "i did it",
        "did it",
        "done",
        "done it",
        "yes i did",
        "yeah i did",
        "yes i did it",
        "of course",
        "absolutely",
        "ok",
        "okay",
        "aye",
    }
)
_NO: Final = frozenset(
    {
        "no",
        "nope",
        "nah",
        "not yet",
        "no not yet",
        "not really",
        "i did not",
        "no i did not",
        "i have not",
        "almost",
        "nearly",
        "ran out of time",
        "no i ran out of time",
        "know",
        "no yet",
    }
)
_PREFERENCES: Final = (
    "be brief",
    "keep it short",
    "stop asking",
    "no more questions",
    "no follow ups",
    "do not ask me",
    "you do not need to ask",
    "you do not have to ask",
    "no need to ask",
    "do not need to ask",
    "dont ask me",
    "you can ask me",
    "ask me things again",
    "tone it down",
    "less excited",
    "quieter",
    "calm down",
    "keep it calm",
    "be calm",
    "be cheerful",
    "more cheerful",
    "cheer it up",
    "less chatty",
    "shorter answers",
    "talk less",
    "stop the sounds",
    "no sounds",
    "i do not want to be asked",
    "i do not like questions",
    "turn off",
    "too cheerful",
    "too much",
    "do not do the",
    "do not make a fuss",
    "can you not",
    "can you stop",
    "stop saying",
    "log it",
    "say saved",
    "less chat",
    "fewer questions",
    "shorter",
    "leave me alone",
    "i hate the",
    "stop doing",
    "stop the morning",
    "no morning",
)
_REQUESTS: Final = (
    "tell me",
    "read me",
    "remind me",
    "give me",
    "what did i",
    "what have i",
    "what was my",
    "what is my",
    "whats my",
    "how many",
    "have i got",
    "did i get",
    "list my",
    "delete",
    "undo",
    "start a",
    "set a",
    "set my",
    "cancel",
    "play",
    "say a win",
    "a win please",
    "can you read",
    "can you tell me",
    "can you remind",
    "could you read",
    "could you remind",
    "could you tell me",
    "can you say",
    "say the",
    "read the",
    "read back",
    "ask me later",
    "ask me again",
    "can you ask me",
)
_QUESTION_STARTS: Final = frozenset(
    {
        "what",
        "why",
        "how",
        "who",
        "when",
        "where",
        "which",
        "is",
        "are",
        "does",
        "do",
        "can",
        "could",
        "would",
        "will",
        "should",
        "did",
        "huh",
        "pardon",
        "sorry",
        "wat",
        "wait",
        "eh",
    }
)
_QUESTIONS: Final = (
    "repeat that",
    "say that again",
    "say again",
    "come again",
    "what was that",
    "beg your pardon",
    "i beg your pardon",
    "i was miles away",
    "i was not listening",
    "i missed that",
    "i did not catch that",
    "i did not hear",
)
_PLAN_STARTS: Final = (
    "i will",
    "i am going to",
    "i am gonna",
    "gonna",
    "going to",
    "i want to",
    "i need to",
    "i have to",
    "i have got to",
    "i got to",
    "i gotta",
    "i must",
    "i still need to",
    "i still have to",
    "have to",
    "need to",
    "i plan to",
    "i might",
    "i should",
    "i would like to",
    "will",
    "maybe",
    "probably",
    "hopefully",
    "try to",
    "i will try to",
    "i am about to",
    "about to",
    "tomorrow",
    "later",
    "tonight",
    "this afternoon",
    "this evening",
)


@remembered  # once per request: the same words are read for several purposes
def read(said: str, context: Context = Context.NONE) -> Reading:
    """What ``said`` is, clause by clause, after ``context`` was asked. Words said to someone
    else in the room ("mum can i have toast") are no part of it."""
    with within_a_request():  # one reading screens the same words more than once
        return _heard(said, context)


def _heard(said: str, context: Context) -> Reading:
    text = _spoken(said)
    kept, aside = said_to_others(text)
    if aside is None:
        reading = _read(text, context)
    else:
        reading = _read(kept, context) if kept else (Clause(Part(aside)),)
        if not any(clause.part is Part.CRISIS for clause in reading) and _crisis(text, False):
            reading = (*reading, Clause(Part.CRISIS))  # care hears the whole of it
    return _every_word_heard(said, text, reading, context)


def _every_word_heard(said: str, text: str, reading: Reading, context: Context) -> Reading:
    """Care hears every word said, before any aside or hedge is set apart from the deed:
    words dropped as an aside ("exactly which bridge has no barrier ...") are screened too."""
    whole = canonical(said)
    if whole.split() == text.replace(",", " ").replace(";", " ").replace(".", " ").split():
        return reading  # nothing was set apart
    if any(clause.part is Part.CRISIS for clause in reading):
        return reading
    parts = {clause.part for clause in reading}
    planned = Part.PLAN in parts or (context is Context.PLAN and Part.DEED not in parts)
    return (*reading, Clause(Part.CRISIS)) if _crisis(whole, planned) else reading


def _read(text: str, context: Context) -> Reading:
    whole = _whole(text, context)
    if whole is not None:
        return (whole,)
    if points_only(text):  # "the mum one", "yesterday": said alone, no deed is named
        return (Clause(Part.QUESTION),)
    first, text = _leading_answer(text, context)
    told = text  # care hears the courtesies too: "this is goodbye" is no goodbye
    text, last = _trailing_courtesy(text)
    clauses = [*first, *_told(text, context), *last]
    closed = polite_close(told) if told else None
    if closed and any(c.part not in _COURTEOUS for c in clauses):
        # "thank you kindly, goodbye", "right, bye then", "cheerio": courtesy alone, whole
        clauses = [*first, Clause(Part(closed))]
    if not clauses:
        return (Clause(Part.SHRUG),)
    if tagged(text):
        clauses = _asked_back(clauses)
    if context is Context.GOAL:
        clauses = _about_the_goal(clauses)
    planned = any(c.part is Part.PLAN for c in clauses) or (
        context is Context.PLAN and not any(c.part is Part.DEED for c in clauses)
    )
    asking = all(c.part is Part.PREFERENCE for c in clauses)
    if not any(c.part is Part.CRISIS for c in clauses) and _crisis(told, planned, asking):
        clauses.append(Clause(Part.CRISIS))
    return tuple(clauses)


def _told(text: str, context: Context) -> list[Clause]:
    """The clauses between a leading answer and a trailing courtesy."""
    if not text:
        return []
    whole = _whole(text, context)
    if whole is not None:
        return [whole]
    pieces = _clauses(text, planning=context is Context.PLAN and not thing_done(text))
    if len(pieces) > 1:  # "good morning. what is this, exactly?": the question
        pieces = [piece for piece in pieces if piece not in _BESIDE] or pieces
    return [c for part in pieces if (c := _clause(part, context))]


# Parts a goodbye made of courtesy alone is read as, however its words were cut.
_COURTEOUS: Final = frozenset({Part.THANKS, Part.GOODBYE, Part.NO, Part.YES, Part.SHRUG})


# Parts a question tag turns into a question: "i started on a thursday didn't i" tells nothing.
_TOLD_AS_ASKED: Final = frozenset({Part.DEED, Part.PLAN, Part.UNSURE, Part.YES, Part.NO})


def _asked_back(clauses: list[Clause]) -> list[Clause]:
    """A statement with a question tag: what it told is asked; how things are is still heard."""
    kept = [clause for clause in clauses if clause.part not in _TOLD_AS_ASKED]
    return [*kept, Clause(Part.QUESTION)]


def told_done(said: str) -> bool:
    """Whether ``said``, answering "what's the one thing you'll do today?", tells deeds already
    done and no plan ("did a bungee jump for my birthday"): heard as done, not as meant."""
    clauses = [c for c in read(said, Context.PLAN) if not _verbless_plan(c)]
    parts = {clause.part for clause in clauses}
    return Part.DEED in parts and Part.PLAN not in parts and Part.CRISIS not in parts


def _verbless_plan(clause: Clause) -> bool:
    """A plan read from words that name no doing ("and a right laugh" after a deed is "i a
    right laugh"): no plan at all."""
    words = clause.words.split()
    return clause.part is Part.PLAN and len(words) > 1 and words[1] in _PLAN_NOUNS_FIRST


_PLAN_NOUNS_FIRST: Final = frozenset({"a", "an", "the", "my", "some", "such"})


def _about_the_goal(clauses: list[Clause]) -> list[Clause]:
    """Asked "did you ...?": a deed said alone is the yes ("i cleared my desk"), after a yes it
    says the same again, and a struggle first is the no ("i didn't clear it but ...")."""
    first = clauses[0]
    if first.part is Part.DEED and len(clauses) == 1:
        return [Clause(Part.YES)]
    if first.part is Part.YES and len(clauses) > 1 and clauses[1].part is Part.DEED:
        return [first, *clauses[2:]] if len(clauses[1].words.split()) <= 4 else clauses
    if first.part is Part.STRUGGLE and " not " in f" {first.words} ":
        return [Clause(Part.NO), *clauses[1:]]
    return clauses


# A "no" that corrects, before the person's own deed: "no, i already did it", "nah we went".
_CORRECTING_NO: Final = r"^(?:no|nah|oh no|ah no)[,;.]? (?=(?:i|we) \w)(?!(?:i|we) \w+ not$)"
_LEADING_YES: Final = ("yes", "yeah", "yep", "yup", "sure", "aye")
_LEADING_NO: Final = ("no", "nah", "nope", "know", "not yet")


def _leading_answer(text: str, context: Context) -> tuple[list[Clause], str]:
    """ "no i'm tired now": a no, then the rest. Only where a yes or a no was asked for."""
    if context in (Context.PLAN, Context.DID):
        # "no, i already hung out the washing", "oh no wait i did the dishes": a correction's
        # "no" answers no yes-or-no question; what follows is what was said.
        for word in ("no wait", "no actually", "no", "sure", "yes", "yeah", "fine", "right", "aye"):
            if text.startswith(word + " ") or text.startswith(word + ","):
                return [], text[len(word) :].lstrip(" ,;.")
        return [], text
    if context not in (Context.ELSE, Context.GOAL):
        # "ah no i already hung out the washing", said unasked: the "no" corrects, and what
        # follows is what was said
        found = compiled(_CORRECTING_NO).match(text)
        return [], (text[found.end() :] if found else text)
    for words, part in ((_LEADING_NO, Part.NO), (_LEADING_YES, Part.YES)):
        for word in words:
            if text.startswith(word + " ") or text.startswith(word + ","):
                rest = text[len(word) :].lstrip(" ,;.")
                rest = _without(
                    rest,
                    (
                        "that is it",
                        "that is all",
                        "that is everything",
                        "that is me done",
                        "one more thing",
                        "i also",
                        "also",
                    ),
                )
                if part is Part.NO and rest.startswith(("that is oh", "oh wait", "wait")):
                    # "no wait, also the recycling": a deed added, not a no
                    rest = _without(rest, ("that is oh wait", "oh wait", "wait", "that is"))
                    return [], _without(rest, ("i also", "also"))
                if _without(rest, _HEDGES) in (_YES if part is Part.YES else _NO):
                    rest = ""  # "yeah i did it": one yes
                return [Clause(part)], rest
    return [], text


_COURTESIES: Final = (
    ("thanks", Part.THANKS),
    ("thank you", Part.THANKS),
    ("cheers", Part.THANKS),
    ("ta", Part.THANKS),
    ("bye", Part.GOODBYE),
    ("goodbye", Part.GOODBYE),
)


def _trailing_courtesy(text: str) -> tuple[str, list[Clause]]:
    """ "that's me done cheers bye": the statement, then thanks and goodbye."""
    last: list[Clause] = []
    changed = True
    while changed and text:
        changed = False
        for word, part in _COURTESIES:
            if text == word or text.endswith(" " + word):
                text = text[: -len(word)].rstrip(" ,;.")
                last.insert(0, Clause(part))
                changed = True
    return text, last


_NOT_ANSWERS: Final = frozenset(
    {Part.THANKS, Part.GOODBYE, Part.QUESTION, Part.REQUEST, Part.PREFERENCE, Part.YES}
)


class BareAnswer(NamedTuple):
    """A bare answer to "What did you do?", as the reader reads it."""

    words: str  # the words less the hedges they start with: "i cooked pasta"
    shrug: bool = False  # "not much really": no deed
    elsewhere: bool = False  # answers something else: "night", "cheers", "what counts"


def bare_answer_read(said: str) -> BareAnswer:
    """``said`` in answer to "What did you do?": a shrug, an answer to something else, or the
    words without the hedges they start with ("ugh whatever i cooked pasta")."""
    reading = read(said, Context.DID)
    parts = {clause.part for clause in reading}
    if parts and parts <= {Part.SHRUG, Part.FEELING} and _nothing_done(said, parts):
        return BareAnswer(said, shrug=True)  # "i had a rubbish day": how it went, no deed
    if parts and parts <= _NOT_ANSWERS:
        return BareAnswer(said, elsewhere=True)
    if Part.DEED in parts and parts & _ASIDES and parts <= _ASIDES | {Part.DEED}:
        # "sorry i was miles away, i fixed the bike chain": the deeds, less what was said aside
        deeds = [clause.words for clause in reading if clause.part is Part.DEED]
        return BareAnswer(" and ".join(as_said(said, deed) or deed for deed in deeds))
    if parts == {Part.DEED} and compiled(_SOME_DAY_LEAD).match(spoken_words(said)):
        # "the other day i fixed my bike": the deeds, the time said after them
        return BareAnswer(" and ".join(clause.words for clause in reading))
    return BareAnswer(unhedged(_unagreed(said)))


# Said before an answer to agree to give one, or to lead into it: "fine, i cleaned my room",
# "oh yes, my daughter visited", "well we went to the garden centre" (never the answer).
_AGREED: Final = (
    r"(?i)^(?:(?:fine|sure|right|aye|alright|all right|oh|ah|well|so|yes|yeah|yep|ok|okay"
    r"|oh yes|no|nah"
    r"|oh yeah|ah yes|ah yeah|now then|let me see|let me think)\b[,.]?\s+)+"
    r"(?=(?:i|we|my|our|me and|me n)\b)"
)


def _unagreed(said: str) -> str:
    """``said`` less a word of agreeing it starts with, when more follows."""
    return compiled(_AGREED).sub("", said, count=1)


_NEGATIONS: Final = frozenset({"not", "never", "nothing", "anything", "no", "cannot"})


def _nothing_done(said: str, parts: set[Part]) -> bool:
    """A shrug or a feeling that says no deed was done ("i'm not gonna do anything today", "i
    had a rubbish day"); not a feeling that is one ("i was on fire at bingo")."""
    text = _spoken(said)
    return Part.SHRUG in parts or _how_it_went(text) or bool(_NEGATIONS & set(text.split()))


# A yes said to a question that asked for words: it tells nothing.
_AGREEING: Final = (_YES - {"i did", "done", "did it", "i did it", "done it"}) | {
    "fine",
    "alright",
    "all right",
    "good",
    "not bad",
}

# Parts said beside an answer that are no part of it: "sure", "sorry what", "thanks".
_ASIDES: Final = frozenset(
    {Part.SHRUG, Part.YES, Part.NO, Part.QUESTION, Part.THANKS, Part.GOODBYE, Part.PREFERENCE}
)


# Lead-ins of a correction, said before the words that count: "oh wait, i wrote ten pages".
_CORRECTING: Final = ("wait", "oh wait", "no wait", "hang on", "actually")


def unhedged(said: str) -> str:
    """``said`` as it was said, less the fillers and hedges it starts with ("ugh whatever i
    cooked pasta" is "i cooked pasta"); as it was when nothing else is left ("meh")."""
    words = said.split()
    leads = {tuple(lead.split()) for lead in _FILLERS + _HEDGES + _CORRECTING}
    longest = max(len(lead) for lead in leads)
    changed = True
    while changed:
        changed = False
        plain = [word.lower().strip(".,!?;:") for word in words]
        for size in range(longest, 0, -1):
            if len(words) > size and tuple(plain[:size]) in leads:
                words = words[size:]
                changed = True
                break
    return " ".join(words)


def _spoken(said: str) -> str:
    """Lower case, contractions in one form, no punctuation but the joins, no fillers."""
    text = said.lower().replace("\u2019", "'")
    text = re.sub(r"[!?]+", ".", text)
    pieces = re.split(r"([,;.])", text)
    text = " ".join(p if p in ",;." else canonical(p) for p in pieces if p.strip())
    text = re.sub(r"\s+([,;.])", r"\1", text).strip(" ,;.")
    text = compiled(_DOUBTED).sub(" ", text)
    text = compiled(_RELATIVE_ASIDE).sub("", text)
    text = compiled(_PARTLY_DONE).sub("", text)
    text = compiled(_PLURAL_SAID).sub("", text)
    text = _unhesitated(_uncarried(text))
    text = compiled(_DAY_INSIDE).sub(r"\g<join> i \g<deed> \g<day>", text)
    text = compiled(_SOME_DAY_FIRST).sub(r"i \g<deed> \g<when>", text)
    text = compiled(_SOME_DAY_LEAD).sub("", text)
    text = compiled(_INNER_HEDGES).sub("i ", text)
    text = compiled(_HEDGED_DID).sub("", text)
    text = compiled(_VOCATIVE).sub("", text)
    text = compiled(_SHRUG_FIRST).sub("", text)
    return settled(_corrected(_without(text, _FILLERS)))


# Whether it counts, said before or after a deed: "i dunno if it counts but i got dressed",
# "not sure this counts", "this probably doesn't count but ...". Never part of the deed.
_DOUBT_LEAD: Final = (
    r"(?:dunno|do not know|not sure|am not sure|i am not sure|no idea|idk|unsure|not certain)"
    r"(?: (?:really|tbh|honestly))?,? "
)
_THIS_ONE: Final = r"(?:it|this|that|that one|this one)"
_COUNTS: Final = (
    r"(?:really |even |still |actually )?(?:counts|count|will count|would count|is a win"
    r"|counts as a win|is worth (?:saying|logging|it|mentioning))(?: or not)?"
)
_DOUBTED: Final = (
    r"(?:^|(?<=[\s,;.]))(?:i )?(?:"
    rf"(?:{_DOUBT_LEAD})?(?:if|whether) {_THIS_ONE} {_COUNTS}"
    rf"|{_DOUBT_LEAD}{_THIS_ONE} {_COUNTS}"
    rf"|{_THIS_ONE} (?:probably |might |may |prolly )?(?:does not|do not|will not|would not"
    r"|might not|may not) (?:really )?count)"
    r"(?: (?:really|tbh|though|to be honest))?[\s,;.]*(?:(?:but|and|though|anyway)\b[\s,]*)?"
)


# An aside said of the deed before it, from "which" to where the clause ends: "i booked the
# dentist which i have been putting off", "i slept twelve hours which is a lot". Never "i
# decided which one": there it is what was done.
_RELATIVE_ASIDE: Final = (
    r"(?<=\w)(?<!\bexactly)(?<!\bdecided)(?<!\bchose)(?<!\bpicked)(?<!\bknew)(?<!\bknow)(?<!\bout)"
    r"(?<!\basked)(?<!\bwondered)(?<!\bchecked)(?<!\bsaw)(?<!\bsee)(?<!\bfound)(?<!\bon)"
    r"(?<!\bin)(?<!\bat)(?<!\bof)(?<!\bfor)(?<!\bto)(?<!\babout)(?<!\bfrom)(?<!\bwith)"
    r"(?<!\bby)(?<!\bremember)(?<!\bremembered)(?<!\bforgot)(?<!\bshowed)(?<!\btold)"
    r"(?<!\bhello)(?<!\bhi)(?<!\bhey)(?<!\band)(?<!\bbut)(?<!\bso)(?<!\boh)(?<!\bwell)"
    r"(?<!\bok)(?<!\bokay)(?<!\bthen)(?<!\bor)(?<!\bnow)(?<!\bum)(?<!\bsorry)"
    r",? which\b(?! (?:one|ones|way|day|time|bus|train)\b)[^,;.]*?"
    r"(?=[,;.]|\s(?:and|but|then|so) (?:i|we)\b|\s(?:and|but) (?:then|also)\b|$)"
)


# How far a deed went, said after it: "i tidied the workbench, not fully", "but not all of it".
# The deed is the win; how far is no part of what is said back.
_PARTLY_DONE: Final = (
    r"[\s,;]+(?:but |though |well )?(?:not (?:fully|completely|entirely|properly|all of it"
    r"|all the way|the whole (?:thing|lot|way)|all|finished|quite finished|totally)|partly"
    r"|half of it|most of it|some of it|more or less|sort of|kind of|kinda|sorta|ish)"
    r"(?: (?:though|but|yet|tbh|really))?(?=[,;.]|$)"
)


# "fed the cats, plural": a word said of the word before it, never part of the deed.
_PLURAL_SAID: Final = (
    r"(?<=s),? (?:plural|both of them|all of them)(?:,? (?:(?:i|we|you) (?:have got|have|got)"
    r"|there (?:is|are|s)) (?:two|three|four|five|six|both|loads|lots|a few|\d+)(?: of them)?)?"
    r"(?=[,;.]|\s(?:i|we|and|but)\b|$)"
)


# A filler or a lead-in after the carrier's "i", before the person's own "i" ("tell small wins
# yeah and i ate a proper breakfast" is "i yeah and i ate ..."): the carrier's "i" and the
# lead-in go.
def _uncarried(text: str) -> str:
    if not text.startswith("i "):
        return text
    rest = _without(text[2:], _FILLERS)
    return rest if rest != text[2:] and rest.startswith("i ") else text


# A day said inside, before a later deed ("... and on sunday i did my laundry"): the day goes
# after the deed it belongs to ("and i did my laundry on sunday"), so the deed is read whole and
# keeps its day in its own words.
_DAY_INSIDE: Final = (
    r"(?P<join>\band then|\band|\bthen|(?<=\w),),? (?P<day>(?:on |last )?(?:monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)(?: (?:morning|afternoon|evening|night))?"
    r"|(?:the day before )?yesterday(?: (?:morning|afternoon|evening))?|today"
    r"|this (?:morning|afternoon|evening)|last night|" + VAGUE_TIME + r"),? i "
    r"(?P<deed>(?!am\b|was\b|feel\b|felt\b|will\b)[^,;.]+?)(?=,|;|\.| and | then |$)"
)


# A time said first that names no day ("the other day i fixed my bike", "a few days ago i
# called my mum", "last week i cleaned the oven"): it goes after the deed, which is read whole
# and keeps the time in its own words (never a clause of its own, "i the other day").
_SOME_DAY: Final = (
    r"(?:the other (?:day|night|morning|afternoon|evening|week|weekend)"
    r"|a (?:few|couple of) (?:days|nights|weeks) (?:ago|back)|a while (?:ago|back)|recently"
    r"|last (?:week|weekend)|earlier (?:this|in the) week)"
)
_SOME_DAY_FIRST: Final = (
    rf"^(?:i )?(?P<when>{_SOME_DAY}),? i "
    r"(?P<deed>(?!am\b|was\b|feel\b|felt\b|will\b|have\b|had\b)[^,;.]+?)"
    r"(?=,|;|\.| and | then |$)"
)
# Before anything else said with "i" ("recently i have been sad"), such a time is dropped
# (with the "i" a carrier put before it: "i the other day i felt awful").
_SOME_DAY_LEAD: Final = rf"^(?:i )?{_SOME_DAY},? (?=i )"


# A shrug said before a guess at what it is: "dunno really, probably just the washing".
_SHRUG_FIRST: Final = (
    r"^(?:i )?(?:dunno|do not know|no idea|not sure|who knows|no clue|not a clue|idk)"
    r"(?: (?:really|yet|tbh|to be honest|mate|though))*[\s,;.]+"
    r"(?=(?:probably|maybe|perhaps|possibly|hopefully|just|i guess|i suppose|i reckon) \w)"
)


# Sounds of hesitation anywhere ("so anyway i um i did a load of washing"): heard as nothing,
# and "i" said twice around one is said once.
_HESITATIONS: Final = r"(?:\b(?:um+|uh+|er+|erm+|hmm+)\b,?\s*)+|\bi (?=i\b)"


def _unhesitated(text: str) -> str:
    """``text`` less its sounds of hesitation, and "i" said twice around one said once ("i
    hmm i did the dishes")."""
    once = re.sub(r"\s+", " ", compiled(_HESITATIONS).sub(" ", text))
    return compiled(_HESITATIONS).sub(" ", once).strip(" ,;.")


# A self-correction: "i wrote ten pages no i mean i tidied my desk" tells the deed after it; the
# clause before it, back to where that clause began, is taken back.
_CORRECTION: Final = (
    r"\b(?:no,? i mean|no,? wait|no,? sorry|sorry,? i mean|actually no|or rather|scratch that"
    r"|i mean|correction|let me correct that|i should say)\b[,:]?\s+(?=i \w)"
)
_TAKEN_BACK_WITH: Final = frozenset({"wait", "oh wait"})


def _corrected(text: str) -> str:
    """``text`` with a clause taken back by a correction left out ("oh wait i wrote ten pages
    no i mean i tidied my desk" is "i tidied my desk"); as it was when none is."""
    found = compiled(_CORRECTION).search(text)
    while found is not None and found.start() > 0:
        before = text[: found.start()].rstrip(" ,;.")
        joins = list(compiled(_JOINS).finditer(before))
        kept = ""
        if joins:
            join = joins[-1]
            said = join.group().strip(" ,")
            kept = before[: join.start()] + ("" if said in _TAKEN_BACK_WITH else join.group())
        text = f"{kept.rstrip()} {text[found.end() :]}".strip()
        found = compiled(_CORRECTION).search(text)
    return text


# Words between "i" and what was done that say nothing of it: "i like kind of tidied the
# kitchen", "i also sorta called the bank". "like" goes only before another hedge or a past.
_INNER_HEDGES: Final = (
    r"\bi (?:(?:also|even|still|finally|actually|kind of|sort of|kinda|sorta|basically"
    r"|literally|honestly|totally|like(?= (?:kind of|sort of|kinda|sorta|\w+ed\b))"
    # a guess at a deed is the deed: "i maybe sort of got dressed", "i probably did the dishes"
    r"|(?:maybe|probably|perhaps|possibly)(?= (?:kind of |sort of |kinda |sorta )?"
    r"(?:\w+ed|got|did|went|had|made|took|ate|rang|read|sent|paid|bought|wrote)\b))\s+)+"
)
# "i did sort of tidy the workbench": the hedge goes, the "did" stays.
_HEDGED_DID: Final = r"(?<=\bi did )(?:kind of|sort of|kinda|sorta)\s+"


# A name for the listener at the end says nothing: "that's all folks", "heaps mate"; never
# after "my" or "the" ("i walked my mate's dog", "i fed my pet").
_VOCATIVE: Final = (
    r"(?<!\bmy)(?<!\bthe)(?<!\ba)(?<!\bour)(?<!\bhis)(?<!\bher)(?<!\byour)(?<!\btheir)"
    r"(?<!\bwith)(?<!\bto)(?<!\bfor)"
    r",? (?:folks|mate|love|pet|hun|bro|dude|buddy|pal|babe|lol)$"
)


def _without(text: str, leads: tuple[str, ...]) -> str:
    """``text`` with any of ``leads`` taken off its start, as often as they come."""
    changed = True
    while changed:
        changed = False
        for lead in leads:
            if not text.startswith(lead):
                continue
            after = text[len(lead) : len(lead) + 1]
            if not after:
                return ""
            if after in " ,":
                text = text[len(lead) :].lstrip(" ,;.")
                changed = True
    return text


def _whole(text: str, context: Context) -> Clause | None:
    """A statement read as a whole: a shrug, thanks, goodbye, yes or no, a preference."""
    bare = text.strip(" ,;.")
    if context in (Context.ELSE, Context.GOAL):
        plain = _without(bare, _HEDGES)
        if plain in _YES:
            return Clause(Part.YES)
        if plain in _NO or plain in _DONE_FOR_NOW or plain in ("not really", "nope", "nothing"):
            return Clause(Part.NO)
    if not bare or _shrugged(bare) or _shrugged(_untailed(bare)) or _shrugged_there(bare):
        return Clause(Part.SHRUG)
    if context in (Context.DID, Context.PLAN) and _without(bare, _HEDGES) in _NO:
        return Clause(Part.SHRUG)  # "no", asked what was done or planned: nothing told
    if context in (Context.DID, Context.PLAN) and _without(bare, _HEDGES) in _AGREEING:
        # "sure", "fine", asked what was done or planned: no deed or plan told
        return Clause(Part.YES if context is Context.DID else Part.SHRUG)
    if bare in _THANKS:
        return Clause(Part.THANKS)
    if bare in _GOODBYES:
        return Clause(Part.GOODBYE)
    if _without(bare, _HEDGES) in _DONE_FOR_NOW:
        return Clause(Part.GOODBYE)
    return None


# Said after a shrug, and no part of it: "i don't know yet", "nothing really to be honest".
_SHRUG_TAILS: Final = r"(?: (?:yet|really|to be honest|tbh|sorry|mate|though|at all))+$"


def _shrugged(text: str) -> bool:
    return is_shrug(text) or text in _SHRUGS


def _shrugged_there(text: str) -> bool:
    """A shrug said after "there is" ("there's nothing much", "there is nothing really")."""
    rest = compiled(r"^there(?: is| s|'s| was) ").sub("", text, count=1)
    return rest != text and (_shrugged(rest) or _shrugged(_untailed(rest)))


def _untailed(text: str) -> str:
    """``text`` less the words a shrug may end with."""
    return compiled(_SHRUG_TAILS).sub("", text)


# "i'm proud of myself i finished the essay": a new "i" starts a clause, unless a word that
# binds it to the one before comes first ("when i got home").
_NEW_I: Final = (
    r"(?<!\bwhen)(?<!\bif)(?<!\bbecause)(?<!\bafter)(?<!\bbefore)(?<!\bthat)(?<!\bas)"
    r"(?<!\buntil)(?<!\bwhile)(?<!\bso)(?<!\band)(?<!\bbut)(?<!\bthen)(?<!\bthink)"
    r"(?<!\bguess)(?<!\bmean)(?<!\bdunno)(?<!\bwhat)(?<!\bdid)(?<!\bnow)(?<!\btoday)"
    r"(?<!\btomorrow)(?<!\blater)(?<!\btonight)(?<!\byesterday)(?<!\bmaybe)(?<=\w) "
    r"(?=i (?:am|will|feel|felt|have|did|went|got|made|took|could|\w+ed)\b)"
)


# A question about what was done or kept: its "i" starts no clause ("what was the last thing i
# logged", "when was the last time i did laundry").
_ASKED_ABOUT: Final = r"^(?:what|when|which|where|how) (?:was|is|were|did|do|does)\b"


# A request takes the rest of the statement with it: "tell me something i did".
_REQUEST_INSIDE: Final = (
    r"\b(?:(?:can|could) you (?:read|remind|tell|say)|tell me|remind me|read me|give me"
    r"|what did i|what have i|how many)\b"
)
_DETERMINERS: Final = ("the ", "a ", "an ", "my ", "some ", "our ", "his ", "her ", "their ")


def _clauses(text: str, planning: bool = False) -> list[str]:
    """The statement cut where a new clause starts: "and", "then", a comma, "but". Asked for a
    plan, each thing named is a plan of its own ("laundry and the bins"). A number said in
    words ("two hundred", "a hundred and fifty", "two and a half") is never cut."""
    held = held_numbers(text)
    return [held.given_back(clause) for clause in _cut(held.text, planning)]


def _cut(text: str, planning: bool) -> list[str]:
    request = compiled(_REQUEST_INSIDE).search(text)
    asking = ""
    if request is not None:
        text, asking = text[: request.start()].strip(" ,;."), text[request.start() :]
    cut = text if compiled(_ASKED_ABOUT).match(text) else compiled(_NEW_I).sub(", ", text)
    pieces = [p.strip() for p in compiled(_JOINS).split(cut) if p and p.strip()]
    clauses: list[str] = []
    for piece in pieces:
        if clauses and not planning and _goes_on(clauses[-1], piece):
            clauses[-1] = f"{clauses[-1]} and {piece}"  # "rang the plumber and booked him"
        elif clauses and not _starts_a_clause(piece) and not planning and not thing_done(piece):
            shared = _shared_verb(clauses[-1])
            if shared and piece.startswith(_DETERMINERS):  # "did the dishes and the laundry"
                clauses.append(f"{shared} {piece}")
            else:
                clauses[-1] = f"{clauses[-1]} and {piece}"  # "fish and chips": one thing
        else:
            clauses.append(piece)
    found = [c for part in clauses for told in _day_then(part) for c in _past_run(told)]
    return [*found, asking] if asking else found


# Who or what a deed done next points back at: "rang the plumber and booked him for friday".
_BACK_AT: Final = frozenset({"him", "her"})


def _goes_on(before: str, piece: str) -> bool:
    """A deed that goes on with what the deed before it was done to, told with no subject ("i
    rang the plumber and booked him for friday", "found the form and filled it in"): one deed.
    Never after something gone wrong ("dropped the sauce and cleaned it up")."""
    words, told = piece.split(), before.split()
    if len(words) < 2 or not _is_past(words[0]) or words[1] not in _BACK_AT:
        return False
    told = told[1:] if told[:1] in (["i"], ["we"]) else told
    return bool(told) and _is_past(told[0]) and told[0] not in _GONE_WRONG and len(told) > 1


def _shared_verb(clause: str) -> str:
    """The verb a list of things shares: "did" in "i did the dishes", "went to" in "went to
    the bank"; "" when the clause starts with none."""
    words = clause.split()
    if words and words[0] in ("i", "we"):
        words = words[1:]
    if not words or not _is_past(words[0]):
        return ""
    return " ".join(words[:2]) if len(words) > 1 and words[1] in ("to", "for", "out") else words[0]


def _starts_a_clause(piece: str) -> bool:
    words = _without(piece, _FILLERS + _HEDGES).split()
    if not words:
        return True
    first = words[0]
    return (
        first in ("i", "we", "my", "me", "it", "that", "this", "he", "she", "they", "you")
        or _is_past(first)
        or first in _GONE_WRONG  # "and then forgot to ring mum back": a clause of its own
        or _is_past(_after_adverbs(words))  # "barely slept": a clause of its own
        or first in _QUESTION_STARTS
        or any(_starts(piece, p) for p in _PREFERENCES + _REQUESTS)
    )


# Words a past participle may follow without being a new deed: "got dressed", "was tired".
_LINKS: Final = frozenset(
    {
        "got",
        "get",
        "was",
        "were",
        "been",
        "am",
        "is",
        "felt",
        "feel",
        "became",
        "stayed",
        "kept",
        "had",
        "have",
        "has",
        "be",
        "being",
        "so",
        "really",
        "very",
        "too",
        "not",
        "i",
    }
)


# Words that start what a verb does something to: a past word before them starts a deed.
_OBJECT_STARTS: Final = (*_DETERMINERS, "outside ", "up ", "out ", "home ")


# Words after a past word that make it say how a thing was left, not a new deed: "got my hair
# cut short", "had the car washed at the garage", "the cake mum baked for me".
_AFTER_A_STATE: Final = frozenset(
    {
        *("", "at", "by", "in", "on", "for", "with", "from", "to", "into", "today", "yesterday"),
        *("again", "up", "off", "out", "down", "over", "too", "and", "as", "early", "late"),
        *("properly", "finally", "first", "short", "back", "away", "then", "earlier", "last"),
        *("before", "after", "while", "when", "because", "so", "but", "or", "yet", "this"),
        *("me", "him", "her", "us", "them", "it", "you", "myself", "tonight", "now", "all"),
        *("not", "i"),  # "... on monday, didn't i": a tag, never a deed
    }
)
# How long a deed took, said after it: "fixed the pump took three bloody hours" is one deed.
_TIME_TAKEN: Final = frozenset(
    {"hours", "hour", "minutes", "mins", "ages", "forever", "day", "while", "morning", "time"}
)
# Words a past word follows that make it part of what came before: "a film called jaws", "the
# email he sent me".
_BEFORE_A_STATE: Final = frozenset(
    {"he", "she", "they", "we", "you", "who", "that", "which", "mum", "dad", "called", "named"}
)
# Verbs that have a thing done by someone else: "had my nails painted", "got the car fixed".
_HAVING_DONE: Final = frozenset({"had", "got", "have", "get", "kept", "left", "found"})
# Pasts that are never a thing's state after "had" or "got" ("had my tea went for a walk" is two
# deeds; "had my hair cut" one).
_NEVER_DONE_TO: Final = frozenset(
    {"went", "ate", "took", "rang", "drank", "swam", "ran", "wrote", "gave", "came", "saw", "did",
     "drove", "sang", "began", "spoke", "chose", "rode", "flew", "grew", "knew", "threw",
     "woke", "sat", "slept"}
)  # fmt: skip
# Words that start a clause of its own inside a deed: "till my arm nearly fell off".
_SUBORDINATE: Final = frozenset(
    {"till", "until", "when", "while", "because", "cos", "as", "after", "before", "so", "if"}
)
_NUMBER_WORDS: Final = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "a", "an"}
)


def _past_run(clause: str) -> list[str]:
    """ "got up showered" is two deeds: a past verb after a finished one starts another. So
    does one after a finished deed's object, when a thing follows it ("got the kids to school
    made packed lunches", "submitted it at 4 52 pm attended two lectures"); never a past word
    that says how a thing was made ("made packed lunches", "had my nails painted")."""
    words = clause.split()
    parts: list[list[str]] = [[]]
    seen_past = False
    for index, word in enumerate(words):
        previous = words[index - 1] if index else ""
        following = words[index + 1] if index + 1 < len(words) else ""
        if (
            seen_past
            and _is_past(word)
            and word not in ("done", "been")
            and previous not in _LINKS
            and not _describes(previous, word, following)
            and (
                len(parts[-1]) <= 3
                or f"{following} ".startswith(_OBJECT_STARTS)
                or _after_its_object(parts[-1], previous, word, words[index + 1 : index + 5])
            )
        ):
            parts.append([])
            seen_past = False
        parts[-1].append(word)
        seen_past = seen_past or _is_past(word)
    return [" ".join(p) for p in parts if p]


def _describes(previous: str, word: str, following: str) -> bool:
    """ "made packed lunches", "ate fried chicken": a past form right after the verb, before a
    thing, says what kind of thing."""
    return (
        _is_past(previous)
        and word not in _IRREGULAR
        and bool(following)
        and not _is_past(following)
        and not f"{following} ".startswith(_OBJECT_STARTS)
        and following not in _AFTER_A_STATE
    )


def _after_its_object(part: list[str], previous: str, word: str, rest: list[str]) -> bool:
    """A past word after a deed and its object starts a deed of its own when a thing follows
    it: a number, or any word that does not say how the thing was left. "had my nails painted
    pink" is one deed: what was had done, to a thing named alone; so is one saying how long
    it took ("took three bloody hours")."""
    following = rest[0] if rest else ""
    if previous in _BEFORE_A_STATE:
        return False
    if word == "took" and _TIME_TAKEN & set(rest):
        return False
    if word in _NEVER_DONE_TO and following not in _AFTER_A_STATE and not _SUBORDINATE & set(part):
        return True  # "had my tea went for a walk": never how the tea was left
    if following in _AFTER_A_STATE:
        return False
    verbs = [at for at, word in enumerate(part) if _is_past(word)]
    if verbs and part[verbs[0]] in _HAVING_DONE and word not in _NEVER_DONE_TO:
        since = part[verbs[0] + 1 :]
        if len(since) <= 3 and not {"to", "at", "in", "on", "for", "from"} & set(since):
            return False  # "got the car fixed", "had my hair cut"
    return following.isdigit() or following in _NUMBER_WORDS or len(following) > 2


# Said before or after a deed to make it small: dropped, never read as a clause of its own.
_MINIMISERS: Final = (
    "it is not much",
    "not much",
    "probably nothing",
    "nothing special",
    "nothing impressive",
    "not a big deal",
    "it is dumb",
    "it is stupid",
    "this is stupid",
    "this is dumb",
    "it is so small",
    "it is tiny",
    "it is small",
    "kind of a lame one",
    "a lame one",
    "barely anything",
    "only like",
    "does that count",
    "does it count",
    "if that counts",
    "if this counts",
    "idk if this counts",
    "i know it is dumb but i am proud",
    "i know it is silly but i am proud",
    "i know it is stupid but i am proud",
    "and i am proud",
    "but i am proud",
    "tiny but mine",
    "small but mine",
    "i know it is dumb",
    "i know it is silly",
    "i know it is stupid",
    "i know it is nothing",
    "i know it is not much",
    "it was only",
    "it was just",
    "it is nothing",
    "late as usual",
    "took me all day",
    "only managed",
)


# A day said before a deed told: "today i did the grocery shopping" is "i did the shopping";
# "yesterday i fixed the sink", "on saturday i went to the market" are the deed too (the day
# it names is where the win is filed: ``when_done.py``).
_TODAY_FIRST: Final = DAY_FIRST


def _without_today(text: str) -> str:
    """ "today i did the grocery shopping" is "i did the grocery shopping"; a plan keeps it."""
    if compiled(_TODAY_FIRST).match(text) and _is_past(text.split(" i ", 1)[1].split()[0]):
        return compiled(_TODAY_FIRST).sub("", text)
    return text


# Greetings said before what is said: "good morning, what is this exactly" asks, and plans
# nothing. A greeting said alone is left as it is.
_GREETINGS: Final = (
    *("good morning", "good afternoon", "good evening", "morning", "hello there", "hello"),
    *("hi there", "hiya", "hi", "hey there", "hey"),
)


# Said beside a question or a statement, and nothing by themselves: a greeting, "exactly".
_BESIDE: Final = frozenset({*_GREETINGS, "exactly", "then", "please", "again", "now"})


def _clause(piece: str, context: Context) -> Clause | None:
    text = _without_today(_without(piece, _FILLERS))
    text = _without(text, _GREETINGS) or text
    text = compiled(_SETTING).sub("", text)  # "on my break, ...": where, never what was done
    if _said_of_the_deed(text):
        return None  # "which is not much", "nothing else": said of the deed before it
    if any(_says(text, p) for p in _PREFERENCES):
        return Clause(Part.PREFERENCE)
    if _requests(text):
        return Clause(Part.REQUEST)
    if text in _THANKS:
        return Clause(Part.THANKS)
    if text in _GOODBYES:
        return Clause(Part.GOODBYE)
    if _asks(text):
        return Clause(Part.QUESTION)
    if context in (Context.ELSE, Context.GOAL) and (text in _YES or text in _NO):
        return Clause(Part.YES if text in _YES else Part.NO)
    bare = _without(text, _HEDGES)
    nothing = _nothing_more(bare, context)
    if nothing is not None:
        return nothing
    if any(bare.startswith(p + " ") for p in _PLAN_STARTS):
        return _judged(Clause(Part.PLAN, _first_person(bare)), Frame.INTEND)
    return _statement(bare, context)


def _said_of_the_deed(text: str) -> bool:
    """Nothing left, or words said of the deed before them: "which is not much", "nothing
    else", "i've got two" (of the cats just fed)."""
    return (
        not text
        or text.startswith(_MINIMISERS)
        or closes_only(text)
        or compiled(_COUNTED).match(text) is not None
    )


# Where the person is as they tell it, said first: "on my break", "on nights", "at work".
_SETTING: Final = (
    r"^(?:i am |we are |i was )?(?:on|at|in) (?:(?:my|a|the|our) )?(?:(?:tea|lunch|fag|smoke"
    r"|coffee|dinner|quick|first|second|last|night|day|long|early|late) )?(?:break|lunch|shift"
    r"|shifts|nights|earlies|lates|day off|way home|way in|way to work|way back|work)"
    r"(?: (?:now|still|at last|finally))?(?:[\s,]+|$)"
)
# A count said of what the deed was done to: "(fed the cats) i've got two", "there's three".
_COUNTED: Final = (
    r"^(?:(?:i|we) (?:have got|have|got)|there (?:is|are|s)) (?:like )?(?:two|three|four|five|six"
    r"|seven|eight|nine|ten|a few|loads|lots|both|several|a couple|\d+)(?: of (?:them|em))?"
    r"(?: (?:now|mind|you know|actually))?$"
)


def _requests(text: str) -> bool:
    """A clause that asks the skill for something, or talks about the wins kept ("that last
    one is wrong", "bring back the tea one"): never a deed."""
    if any(_starts(text, p) for p in _REQUESTS) or asks_the_skill(text) or takes_back(text):
        return True
    return about_wins(text)


def _nothing_more(bare: str, context: Context) -> Clause | None:
    """A clause that tells nothing done ("dunno really") or nothing more ("that's it really",
    said before "i'm knackered"); None for anything else."""
    if not bare or _shrugged(bare) or _shrugged(_untailed(bare)):
        return Clause(Part.SHRUG)
    if _untailed(bare) in _DONE_FOR_NOW:
        return Clause(Part.NO if context in (Context.ELSE, Context.GOAL) else Part.GOODBYE)
    return None


def _how_it_went(text: str) -> bool:
    """ "i had a really rubbish day", "had a long week", "bad day", "pretty rough one": how a
    day went, never a deed."""
    words = text.removeprefix("i ").split()
    if len(words) <= 6 and words[:1] == ["had"] and words[-1] in _SPANS_OF_DAY:
        return True
    return hard_time(text)


# How a day is going, said with no one doing anything: "bad day", "pretty rough one", "not a
# good day", "it's been a long week honestly", "such a grim morning".
_HARD_TIME: Final = (
    r"^(?:i |it |this |today |that )?(?:(?:is|was|has been|is been|been|had|having|am having"
    r"|what|such|a|an|another|pretty|really|so|very|quite|bit of|a bit of|kind of|kinda|proper"
    r"|absolute|absolutely|right|fairly|bloody|fucking|seriously|super|just|one|of|those)\s+)*"
    r"(?:(?:rough|bad|hard|tough|long|awful|terrible|horrible|crap|crappy|shit|shitty|rubbish"
    r"|miserable|heavy|grim|bleak|dark|low|difficult|stressful|exhausting|draining|lousy|pants"
    r"|naff|dreadful|sad|lonely|slow|lazy|wasted|nightmare|hellish|brutal|gloomy|weird|meh"
    r"|quiet|busy|hectic|manic|mental|mad|crazy|mixed|odd|strange|full on|non stop"
    r"|off|stinker of a|mare of a)"
    r"|not (?:a |the |such a |so )?(?:good|great|nice|fun|easy|brilliant|fab|productive))\s+"
    r"(?:day|days|morning|night|week|time|one|start|afternoon|evening|weekend|shift|month)"
    r"(?: (?:today|again|honestly|tbh|so far|really|mate|though|yesterday|to be honest"
    r"|all round|at work|at school|all in all|just|and|but|so|anyway))*$"
)


# How the person is, said alone: "exhausted", "so tired", "feeling really low today".
_STATE_ALONE: Final = (
    r"^(?:(?:i am|am|feeling|just|so|really|very|pretty|a bit|bit|totally|absolutely"
    r"|completely|kinda|quite|properly|utterly|dead|well)\s+)*"
    r"(?:tired|exhausted|knackered|shattered|drained|wiped|wiped out|done in|worn out|bored"
    r"|stressed|stressed out|depressed|overwhelmed|anxious|sad|low|flat|numb|empty|lonely"
    r"|sick|ill|poorly|wrecked|burnt out|burned out|fed up|frustrated|annoyed|angry|upset"
    r"|scared|worried|sore|rough|awful|terrible|rubbish|crap|shit|grim|miserable|sleepy"
    # worn out where one lies: "dead on the sofa", "a zombie at my desk", "half dead in bed"
    r"|(?:half )?dead(?= (?:on|in|at) )|a zombie|a wreck|a mess|broken(?= (?:on|in|at) ))"
    r"(?: (?:and|but) (?:so |really |very )?(?:tired|exhausted|sad|low|stressed|anxious"
    r"|overwhelmed|lonely|numb|empty|sore|sleepy|fed up))*"
    r"(?: (?:on|in|at) (?:the|my|a|bed|work)(?: (?:sofa|couch|settee|bed|floor|desk|chair"
    r"|work|office|car|kitchen table|recliner))?)?"
    r"(?: (?:today|again|tbh|honestly|to be honest|mate|now|right now|as usual|all day))*$"
)


def hard_time(text: str) -> bool:
    """ "bad day", "such a rough one today", "not a good morning": how the day is going,
    told with no deed (canonical words). Never a deed, a plan or a win."""
    bare = text.strip(" ,;.")
    return bool(compiled(_HARD_TIME).match(bare) or compiled(_STATE_ALONE).match(bare))


_WH: Final = frozenset(
    {"what", "why", "how", "who", "where", "which", "huh", "pardon", "wat", "eh"}
)
_PRONOUNS: Final = frozenset({"i", "you", "it", "that", "this", "we", "my", "there", "he", "she"})


def _asks(text: str) -> bool:
    """A question: a question word first, or "did i", "can you", "is it"."""
    words = text.split()
    if words[0] in _WH or any(text.startswith(q) for q in _QUESTIONS):
        return True
    if asks_by_its_shape(words):  # "at what time will you remind me"
        return True
    if words[:2] == ["did", "my"]:  # "did my laundry" is done; "did my win save" asks
        return len(words) > 3 and words[3] in _ASKED_AFTER_MY
    return words[0] in _QUESTION_STARTS and len(words) > 1 and words[1] in _PRONOUNS


# Bare verbs after "did my <thing>" that make it a question: "did my win save", "did my
# reminder go off", "did my parcel come".
_ASKED_AFTER_MY: Final = frozenset(
    {"save", "go", "come", "arrive", "work", "get", "count", "log", "send", "show", "happen",
     "turn", "sync", "record", "stay", "change", "delete", "disappear", "load", "play"}
)  # fmt: skip


# Present wishes and needs after "i": what someone wants, never what they did.
_WANTING: Final = frozenset({"need", "want", "wish", "hope", "wonder", "would", "wanna"})


# Deeds that went wrong: read as struggles, whatever the screen makes of the words.
_GONE_WRONG: Final = frozenset(
    {
        "forgot",
        "failed",
        "missed",
        "lost",
        "bombed",
        "burnt",
        "burned",
        "dropped",
        "broke",
        "messed",
        "screwed",
        "overslept",
        "skipped",
        "cancelled",
        "procrastinated",
    }
)


def _starts(text: str, phrase: str) -> bool:
    """``text`` starts with the whole words of ``phrase`` ("play", never "played")."""
    return text == phrase or text.startswith(phrase + " ")


def _says(text: str, phrase: str) -> bool:
    """``phrase`` as whole words anywhere in ``text``."""
    return f" {phrase} " in f" {text} "


_STATE_VERBS: Final = frozenset({"is", "was", "are", "were", "feels", "hurts", "aches", "has"})
_SPANS_OF_DAY: Final = frozenset({"day", "week", "morning", "afternoon", "evening", "night"})


def _statement(text: str, context: Context) -> Clause:
    """A clause that tells something: a deed, a feeling, a struggle, a plan, a crisis."""
    if hard_time(text) or _day_told(text):  # "bad day", "rough one": how it went, never a deed
        verdict = screen(text, "", Frame.STATE)
        if verdict.kind in (Kind.CRISIS, Kind.CHECK_IN):
            return Clause(Part.CRISIS)
        return Clause(Part.FEELING, _HARD)
    if _bad_night(text):
        # "slept badly", "couldn't get back to sleep": what the night did, never a deed
        night = text if text.split()[0] in ("i", "we") else f"i {text}"
        return _judged(Clause(Part.STRUGGLE, night), Frame.DONE)
    if compiled(_STAYED_IN).match(text):  # "stayed in": how the day went, heard
        return Clause(Part.FEELING, _HARD)
    told = _of_a_thing(text)
    if told is not None:
        return told
    if remarks(text.split()) or points_back(text.split()):
        # "that's nice", "it's been a better week", "i did that": heard, no deed told
        verdict = screen(text, "", Frame.STATE)
        return Clause(Part.CRISIS if verdict.kind in (Kind.CRISIS, Kind.CHECK_IN) else Part.FEELING)
    return _told_by_someone(text, context)


# The words of a feeling that tells how hard the day or the night was: no deed, heard kindly.
_HARD: Final = "a hard time"


def hard_time_told(said: str) -> bool:
    """Whether ``said`` tells a hard day, a bad night or what happened to the person ("bad day,
    the dog barked from five, i couldn't get back to sleep", "rough one, slept badly"), and
    no deed: met kindly, never a win."""
    reading = read(said, Context.NONE)
    parts = {clause.part for clause in reading}
    if not parts <= {Part.FEELING, Part.STRUGGLE, Part.SHRUG, Part.THANKS, Part.GOODBYE}:
        return False
    return any(
        (clause.part is Part.FEELING and clause.words == _HARD)
        or (clause.part is Part.STRUGGLE and _bad_night(clause.words))
        for clause in reading
    )


def _bad_night(words: str) -> bool:
    return bool(compiled(_SLEPT_BADLY).match(words) or compiled(_COULD_NOT).match(words))


def _day_then(clause: str) -> list[str]:
    """ "bit of a quiet one did my drugs round", "rough one today slept badly": how the day went,
    said before a deed with no join, is a clause of its own."""
    words = clause.split()
    for at in range(min(len(words) - 1, 8), 1, -1):  # the longest telling of the day first
        told = words[at + 1 :] if words[at] in ("i", "we") else words[at:]
        starts = bool(told) and _is_past(told[0])  # a deed follows: "... did my drugs round"
        if starts and hard_time(" ".join(words[:at])):
            return [" ".join(words[:at]), " ".join(words[at:])]
    return [clause]


def _day_told(text: str) -> bool:
    """ "bad day the neighbour's dog barked from five": how the day went, then what happened,
    told of someone or something else: no deed of the person's."""
    words = text.split()
    return any(
        hard_time(" ".join(words[:at])) and words[at] in _THINGS_FIRST
        for at in range(2, min(len(words), 8))
    )


_THINGS_FIRST: Final = frozenset({"the", "a", "an", "some", "next", "my", "our", "his", "her"})


# A bad night told: "slept badly", "barely slept", "couldn't get back to sleep", "was up all night".
_SLEPT_BADLY: Final = (
    r"^(?:i |we )?(?:(?:barely|hardly|never|did not|could not|cannot|have not|only|not)"
    r" (?:really )?(?:slept|sleep|got (?:back )?to sleep|get (?:back )?to sleep|dropped off)"
    r"|slept (?:(?:really|so|very|pretty|quite) )?(?:badly|terribly|awfully|awful|rubbish|poorly"
    r"|horribly|like (?:crap|rubbish|shit|a baby not)|in fits and starts|on and off|fitfully)"
    r"|(?:was|were|have been) (?:up|awake) (?:all night|half the night|most of the night"
    r"|till|until|from)|tossed and turned|woke (?:up )?(?:every hour|all night|loads|constantly"
    r"|too early)|had (?:a |another )?(?:bad|rough|awful|terrible|shit|crap|rubbish|sleepless)"
    r" night|(?:had )?(?:no|zero) sleep)\b"
)
# "i couldn't face it", "i couldn't get up": what could not be done is never a deed.
_COULD_NOT: Final = r"^(?:i |we )?(?:could not|was not able to|were not able to|did not manage)\b"
# Staying in, told plainly: how the day went, heard and never celebrated.
_STAYED_IN: Final = (
    r"^(?:i |we )?(?:stayed|stopped) (?:in|home|at home|indoors|inside|in bed)"
    r"(?: (?:all day|today|again|mostly))*$"
)


def _compound(words: list[str]) -> bool:
    """ "zip lined across the quarry": a verb made of two words, told with no subject."""
    return words[0] in _COMPOUND_HEADS and _is_past(" ".join(words[1:2]))


def _told_by_someone(text: str, context: Context) -> Clause:
    """A clause that tells what someone did or how they are, or asks, or means to."""
    words = text.split()
    subject = words[0] in ("i", "we")
    verb = _verb_of(words, subject)
    feels = verb in ("am", "feel", "felt", "was", "were", "is") or _how_it_went(text)
    # "my memory's not what it was", "my back is killing me": how things are, not a deed
    feels = feels or (
        words[0] == "my" and (bool(_STATE_VERBS & set(words[1:4])) or words[2:3] == ["not"])
    )
    if feels or (verb == "i" and len(words) < 2):
        verdict = screen(text, "", Frame.FEEL if verb in ("feel", "felt") else Frame.STATE)
        if verdict.kind in (Kind.CRISIS, Kind.CHECK_IN):
            return Clause(Part.CRISIS)
        named = verdict.kind is Kind.WIN and not verdict.reason.startswith("default.")
        if named and verb not in ("feel", "felt"):
            return Clause(Part.DEED, _first_person(text))  # "i'm two weeks clean"
        return Clause(Part.FEELING)
    if subject and verb in _WANTING:  # "i need a pick me up": a wish, never a deed
        verdict = screen(text, "", Frame.OTHER)
        return Clause(Part.CRISIS if verdict.kind in (Kind.CRISIS, Kind.CHECK_IN) else Part.FEELING)
    if verb in _GONE_WRONG or (verb == "got" and len(words) > 2 and words[2] == "distracted"):
        return _judged(Clause(Part.STRUGGLE, _first_person(text)), Frame.DONE)
    if verb in ("cannot", "can") and "not" in words[:3] or verb == "cannot":
        return Clause(Part.STRUGGLE, _first_person(text))  # "i can't face today"
    if verb == "already" and len(words) > 2:
        done = " ".join(word for word in words if word != "already")
        return _judged(Clause(Part.DEED, _first_person(done)), Frame.DONE)
    # "i bungee jumped off a bridge": a past said within the first words is a deed, told;
    # never the thing's state after "get" ("get the switchboard done" is still to do)
    past_soon = verb != "get" and any(_is_past(word) for word in words[1:4])
    if (
        context is Context.PLAN
        and not _is_past(verb)
        and verb not in ("have", "did")
        and not past_soon
    ):
        return _judged(Clause(Part.PLAN, _first_person(text)), Frame.INTEND)
    if subject or _is_past(verb) or context in (Context.DID, Context.ELSE):
        # "i clean the bathroom" is a past misheard; "a long walk", asked, is a deed too
        return _judged(Clause(Part.DEED, _first_person(text)), Frame.DONE)
    return Clause(Part.UNSURE)  # words with no one doing anything, said unasked


def _planned(words: list[str], verb: str) -> bool:
    """Words said to the morning question that tell a plan: no past in them ("i bungee jumped
    off a bridge" is a deed, told, whatever word comes first)."""
    if _is_past(verb) or verb in ("have", "did"):
        return False
    return not any(_is_past(word) for word in words[1:4])


def _of_a_thing(text: str) -> Clause | None:
    """A clause about a thing, with no one named doing anything: done ("the bins are out",
    "six months sober") is a deed, in its own words; stopped ("my phone died", "the printer
    gave up the ghost") is news, heard. None for anything else."""
    words = text.split()
    if words[0] in ("i", "we") or _compound(words):
        return None
    if thing_done(text) or situation_then_result(text):
        # judged as done and as meant: "the car off the quarry road" is never a chore done
        meant = screen(text, "", Frame.INTEND).kind in (Kind.CRISIS, Kind.CHECK_IN)
        return Clause(Part.CRISIS) if meant else _judged(Clause(Part.DEED, text), Frame.DONE)
    if thing_stopped(text):
        verdict = screen(text, "", Frame.OTHER)
        return Clause(Part.CRISIS if verdict.kind in (Kind.CRISIS, Kind.CHECK_IN) else Part.FEELING)
    return None


def _judged(clause: Clause, frame: Frame) -> Clause:
    """The screen's word on a deed or a plan: care first, and a harm is a struggle."""
    verdict = screen(clause.words, "", frame)
    if verdict.kind in (Kind.CRISIS, Kind.CHECK_IN):
        return Clause(Part.CRISIS)
    if verdict.kind is Kind.NOT_A_WIN:
        return Clause(Part.STRUGGLE, clause.words)
    return clause


def _crisis(text: str, planned: bool, asking: bool = False) -> bool:
    """The whole statement, as the screen hears it: a danger spread over clauses ("the gun is
    still in the house but i haven't touched it") is one, whatever each clause says alone."""
    frame = Frame.INTEND if planned else Frame.DONE
    if not text:
        return False
    verdict = screen(text, "", frame)
    if asking and verdict.reason.startswith("net."):
        # Asked of the skill ("you don't need to ask me if there's anything else"): only a
        # named danger counts, never the learned model's guess at words about asking.
        return False
    return verdict.kind in (Kind.CRISIS, Kind.CHECK_IN)


def _first_person(text: str) -> str:
    """The words with the critic gone, starting "i": "went outside" is "i went outside"."""
    words = read_critic(trimmed(text)).text.split() or text.split()
    if words[0] not in ("i", "we", "my", "me"):
        words.insert(0, "i")
    return " ".join(words)


_IRREGULAR: Final = frozenset(
    {
        *MORE_PASTS,  # the pasts a bare answer may start with, kept in one place
        # Pasts with no "-ed" that name nothing else said first ("laid out my clothes")
        *[
            "laid",
            "shot",
            "led",
            "wept",
            "lent",
            "sank",
            "clung",
            "flung",
            "stung",
            "struck",
            "understood",
            "fought",
            "sought",
            "tore",
            "swore",
            "froze",
            "chose",
            "broke",
            "stole",
            "forgave",
            "fell",
            "bent",
            "burnt",
            "dreamt",
            "spilt",
            "stuck",
        ],
        "ate",
        "bought",
        "brought",
        "built",
        "came",
        "caught",
        "did",
        "drank",
        "drove",
        "found",
        "fed",
        "got",
        "gave",
        "went",
        "had",
        "heard",
        "held",
        "kept",
        "left",
        "made",
        "met",
        "paid",
        "put",
        "ran",
        "read",
        "rang",
        "said",
        "sat",
        "saw",
        "sent",
        "slept",
        "spoke",
        "spent",
        "stood",
        "swam",
        "taught",
        "told",
        "took",
        "thought",
        "wore",
        "woke",
        "done",
        "been",
        "sold",
        "hung",
        "lit",
        "cut",
        "set",
        "hit",
        "shut",
        "threw",
    }
)


# Words ending in "ed" that are not a past: "feed the fish", "need", "the shed".
# First halves of verbs made of two words, which speech recognition writes apart: "zip lined",
# "blow torched", "stage dived", "deep cleaned", "batch cooked", "test drove".
_COMPOUND_HEADS: Final = frozenset(
    {
        *("zip", "blow", "stage", "power", "pressure", "jet", "steam", "deep", "spot", "hand"),
        *("machine", "batch", "meal", "slow", "stir", "pan", "air", "spray", "sky", "bungee"),
        *("skate", "wake", "kite", "boogie", "paddle", "roller", "wild", "pole", "bunny"),
        *("belly", "fist", "speed", "double", "triple", "touch", "proof", "spell", "fact"),
        *("colour", "color", "gift", "free", "fast", "hard", "soft", "dry", "white", "cross"),
        *("finger", "jump", "kick", "up", "re", "pre", "bubble", "vacuum"),
    }
)
_NOT_PAST: Final = frozenset(
    {"need", "feed", "speed", "seed", "weed", "proceed", "succeed", "exceed", "shed", "sled"}
)


# Words said before a deed told with no subject that are not it: "finally rang the bank".
_ADVERBS_BEFORE: Final = frozenset(
    {"finally", "just", "actually", "also", "even", "eventually", "totally", "literally", "only"}
)
_NOT_ADVERBS: Final = frozenset(
    {"family", "belly", "bully", "holy", "rely", "reply", "supply", "apply", "fly", "ally"}
)


def _verb_of(words: list[str], subject: bool) -> str:
    """The word that says what was done: after "i" or "we", the second of a verb of two words
    ("zip lined"), or the first after adverbs ("finally rang the bank")."""
    if subject or _compound(words):
        return words[1] if len(words) > 1 else words[0]
    return _after_adverbs(words)


def _after_adverbs(words: list[str]) -> str:
    """The first word after adverbs when a past follows them ("finally rang"), else the first
    word: adverbs alone name no deed."""
    at = 0
    while at < len(words) - 1 and (
        words[at] in _ADVERBS_BEFORE
        or (len(words[at]) > 3 and words[at].endswith("ly") and words[at] not in _NOT_ADVERBS)
    ):
        at += 1
    return words[at] if at and _is_past(words[at]) else words[0]


def _is_past(word: str) -> bool:
    return word in _IRREGULAR or (len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST)


# Words the reader may leave out of a deed: fillers, hedges and the critic's words.
_LEFT_OUT: Final = frozenset(
    {
        *("um", "uh", "er", "erm", "hmm", "oh", "so", "well", "ok", "okay", "like", "yeah"),
        *("i", "guess", "think", "suppose", "mean", "reckon", "honestly", "basically"),
        *("kinda", "kind", "of", "sort", "sorta", "anyway", "anyways", "dunno", "idk", "ig"),
        *("tbh", "ngl", "lowkey", "literally", "to", "be", "honest", "just", "only", "also"),
        *("even", "still", "actually", "totally", "really", "simply", "merely", "already"),
    }
)


# Words the reader sets aside that still belong to the person's deed: "finally".
_KEPT_ASIDE: Final = frozenset({"finally"})


def as_said(words: str, deed: str) -> str | None:
    """The deed as the person said it in ``words`` (their case, accents and signs), less the
    words the reader left out of it; None when it cannot be found there so.

    ``deed`` is the reader's form ("made creme brulee"): lower case, contractions spelt out.
    It is found from the end of ``words`` back, word by word, skipping only words the reader
    may leave out; words with no letters ("&", an emoji) inside or right after it are kept.
    """
    said = words.split()
    forms = [canonical(token).split() for token in said]
    flat = [(index, form) for index, token_forms in enumerate(forms) for form in token_forms]
    wanted = deed.split()
    if wanted[:1] == ["i"] and not any(form == "i" for _, form in flat):
        wanted = wanted[1:]  # the "i" the carrier stood for
    kept: set[int] = set()
    position = len(flat) - 1
    for form in reversed(wanted):
        while position >= 0 and flat[position][1] != form:
            if kept and flat[position][1] in _KEPT_ASIDE:
                kept.add(flat[position][0])  # "i finally went to the gp": theirs to keep
            elif kept and flat[position][1] not in _LEFT_OUT:
                return None  # a word of substance would be lost from inside the deed
            position -= 1
        if position < 0:
            return None
        kept.add(flat[position][0])
        position -= 1
    if not kept:
        return None
    first, last = min(kept), max(kept)
    while first > 0 and forms[first - 1] and set(forms[first - 1]) <= _KEPT_ASIDE:
        first -= 1  # "finally called my mum"
        kept.add(first)
    while last + 1 < len(said) and not forms[last + 1]:
        last += 1  # "for my kids 🎂"
    chosen = [said[index] for index in range(first, last + 1) if index in kept or not forms[index]]
    return " ".join(chosen).strip(" ,;") or None
