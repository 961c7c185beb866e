"""Care before anything else: every slot of every intent screened, and the safety check-in.

``ScreenEverySlotHandler`` is asked first. Whatever intent the words arrived through (a style,
a goal, a reminder, a phrase no carrier caught), each slot's words are judged with the carrier
that intent stands for before any other handler sees them: a crisis is met with care and the
crisis line, and a risk left unexplained with a check-in. The intents that log a win judge
their own check-ins, so that what was said can be offered after the person says they are safe.

``SafetyAnswerHandler`` takes the answer to "Are you safe right now?": a yes (or "I'm okay")
gets warmth and, if there was one, the win offered; anything else gets the crisis answer.
"""

from __future__ import annotations

from random import Random
from typing import TYPE_CHECKING, Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.intent_request import IntentRequest
from ask_sdk_model.response import Response

from skill.domain.deeds import tells_no_deed
from skill.domain.phrasing.answer import bare_answer, deed, is_shrug
from skill.domain.screen import Frame, Kind, canonical, is_win, screen
from skill.domain.settings import setting_asked
from skill.domain.skill_asks import asked_of_skill
from skill.domain.when_done import ahead
from skill.handlers.answers import FallbackIntentHandler, closing
from skill.handlers.common import (
    CHECKED,
    OFFER,
    answers,
    asked,
    catalog,
    follows_up,
    intent_name,
    respond,
    session_attributes,
    slot_text,
)
from skill.handlers.deletion import DELETIONS
from skill.handlers.forget_intents import picks_nothing
from skill.handlers.forgetting import FORGETTING
from skill.handlers.settings import ChangesSettings
from skill.handlers.statements import CARRIERS
from skill.handlers.wins import LOG_INTENTS, HearsWins, LogsWins, feeling_then_hear
from skill.services.routines import PLAN_CARRIER
from skill.services.wins import SHRUGGED, NotAWin, Statement, talk_told
from skill.speech import render
from skill.speech.questions import Asked

if TYPE_CHECKING:  # the reader is imported on first use: it compiles patterns
    from skill.domain.reading import Context
    from skill.domain.safe_said import SafeSaid

_PLAN_INTENTS: Final = ("SetOneThingIntent", "ChangeOneThingIntent", "SetGoalIntent")
_CORRECTING: Final = ("CorrectWinIntent", "CorrectWinAtIntent")  # a win's new words
CATCH_ALL: Final = "CatchAllIntent"
_GOODBYE: Final = ("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent")
# Intents that ask for something (a win read back, a count, what is set). Said to "Are you safe
# right now?", they answer something else: the question is asked again, gently, once.
_ASKING: Final = frozenset(
    {
        "HearWinIntent",
        "RecallIntent",
        "RecallNightIntent",
        "RecallPartIntent",
        "RecallDaysIntent",
        "BestDayIntent",
        "RecordDayIntent",
        "CountWinsIntent",
        "ReadRecapIntent",
        "OnThisDayIntent",
        "ReadOneThingIntent",
        "AskReminderIntent",
        "AskStyleIntent",
        "AskSettingsIntent",
        "AskGoalIntent",
        "AskStartIntent",
        "WhatCanYouDoIntent",
        "WhatIsItIntent",
    }
)
# Session: "Are you safe right now?" was asked again after a question: never a third time.
_REASKED: Final = "safety_reasked"


def _carrier(intent: str) -> tuple[str, Frame]:
    """The carrier phrase and frame an intent's slots are said in."""
    if intent in CARRIERS:
        return CARRIERS[intent].words, CARRIERS[intent].frame
    if intent in LOG_INTENTS:
        return "i", Frame.DONE
    if intent in _PLAN_INTENTS:
        return PLAN_CARRIER, Frame.INTEND
    if intent in _CORRECTING:  # a win's new words: heard as a win is
        return "i", Frame.DONE
    return "", Frame.OTHER


def said_in_full(handler_input: HandlerInput) -> tuple[str, ...]:
    """The words of a free-text intent as they may have been said: its slots alone (a slot
    asked for holds the whole answer: "sorry what"), and after the carrier its samples stand
    for ("i" + "beg your pardon"); () for an intent with no words."""
    values = _slot_values(handler_input)
    if not values:
        return ()
    carrier, _ = _carrier(intent_name(handler_input) or "")
    return (" ".join(values), " ".join([carrier, *values]).strip())


def _slot_values(handler_input: HandlerInput) -> list[str]:
    request = handler_input.request_envelope.request
    if not isinstance(request, IntentRequest) or request.intent is None:
        return []
    names = sorted((request.intent.slots or {}).keys())
    return [text for name in names if (text := slot_text(handler_input, name))]


class ScreenEverySlotHandler(AbstractRequestHandler):
    """Asked first: a slot said in crisis gets care, whatever the intent; a risk in a slot of
    an intent that does not log wins gets a check-in. Anything else goes on as usual."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def _verdict(self, handler_input: HandlerInput) -> Kind | None:
        name = intent_name(handler_input)
        if name is None or asked(handler_input) is Asked.SAFETY:
            return None
        carrier, frame = _carrier(name)
        if frame is Frame.INTEND and name == "SetOneThingIntent":
            from skill.domain.reading import told_done

            values = _slot_values(handler_input)
            if values and all(told_done(words) for words in values):
                carrier, frame = "i", Frame.DONE  # the morning question answered with a deed
            elif values and all(_asks_only(words) for words in values):
                carrier, frame = "", Frame.OTHER  # "what does it do": asked, never "i will"
        logs_wins = name in CARRIERS or name in LOG_INTENTS or name == CATCH_ALL
        found: Kind | None = None
        if name in _LEAD_INS and any(_farewell(words) for words in _slot_values(handler_input)):
            return Kind.CHECK_IN  # "this is goodbye", "tonight goodbye": never a polite one
        for words in _slot_values(handler_input):
            kind = screen(words, carrier, frame).kind
            if kind is Kind.CRISIS:
                return kind
            if kind is Kind.CHECK_IN and not logs_wins:
                found = kind
        return found

    def can_handle(self, handler_input: HandlerInput) -> bool:
        verdict = self._verdict(handler_input)
        handler_input.attributes_manager.request_attributes["screened"] = verdict
        return verdict is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        verdict = handler_input.attributes_manager.request_attributes.get("screened")
        session_attributes(handler_input).pop(OFFER, None)
        words = catalog(handler_input)
        if verdict is Kind.CRISIS:
            return respond(handler_input, render.crisis(words))
        return respond(handler_input, render.check_in(words))


def _asks_only(words: str) -> bool:
    """Words said to the morning question that only ask something ("what does it do", "what
    is this exactly"): heard as asked, never with "I will" before them."""
    from skill.domain.reading import Context, Part, read  # on first use: it compiles patterns

    parts = {clause.part for clause in read(words, Context.PLAN)}
    return bool(parts) and parts <= {Part.QUESTION, Part.REQUEST}


# Intents whose samples put a lead-in before the words, unknown to the skill ("this is
# {saying}", "tonight {saying}"): a goodbye after one keeps its care.
_LEAD_INS: Final = frozenset({"SayingIntent"})


def _farewell(words: str) -> bool:
    """Courtesy and closing words alone, with a goodbye in them ("bye then", "goodbye")."""
    from skill.domain.closings import polite_close  # on first use: it compiles patterns

    return polite_close(canonical(words)) == "goodbye"


class SafetyAnswerHandler(AbstractRequestHandler):
    """The answer to "Are you safe right now?". A yes, or words that say the person is safe
    ("yeah I'm right", "no, I am safe, only tired"), gets warmth, and the deed said with it (or
    the win that waited) offered; a question instead of an answer gets the question again,
    once, with how to leave; anything else (a no, help, words not understood) gets the crisis
    answer, and stop or cancel a goodbye that leaves the line."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if intent_name(handler_input) is None:
            return False  # first: an event out of session has no attributes to look at
        return asked(handler_input) is Asked.SAFETY

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        reasked = attributes.pop(_REASKED, False)
        name = intent_name(handler_input) or ""
        if name in _GOODBYE:
            attributes.pop(OFFER, None)
            return respond(handler_input, render.crisis_goodbye(words))
        safe = _safe_answer(handler_input, name)
        if safe is None:
            if not reasked and _asks_instead(handler_input, name):
                attributes[_REASKED] = True
                return respond(handler_input, render.check_in_again(words))
            attributes.pop(OFFER, None)
            return respond(handler_input, render.crisis(words))
        offer = safe.deed or attributes.get(OFFER)
        offer = offer if isinstance(offer, str) and offer else None
        if offer:
            attributes[OFFER] = offer
            attributes[CHECKED] = True
        reply = render.safe(words, self._rng, offer, in_session=follows_up(handler_input))
        return respond(handler_input, reply)


def _asks_instead(handler_input: HandlerInput, name: str) -> bool:
    """A question or a request said in place of an answer ("what did I do on Sunday")."""
    if name in _ASKING:
        return True
    values = _slot_values(handler_input)
    if not values:
        return False
    said = " ".join(values)
    if asked_of_skill(said) is not None:
        return True
    from skill.domain.reading import Part, read  # on first use: it compiles patterns

    parts = {clause.part for clause in read(said)}
    return bool(parts) and parts <= {Part.QUESTION, Part.REQUEST}


class AfterCrisisHandler(AbstractRequestHandler):
    """Words said right after the crisis answer that are no win: "I'm okay" gets warmth and the
    line again, never a celebration; "I don't know", "meh", "nothing" get the line again. A
    real win or anything else goes on as usual (and a crisis was screened before this)."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        name = intent_name(handler_input)
        if name is None or asked(handler_input) is not Asked.CRISIS:
            return False
        values = _slot_values(handler_input)
        if not values:
            return False
        return _said_safe(handler_input, name) or is_shrug(" ".join(values))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        session_attributes(handler_input).pop(OFFER, None)
        if _said_safe(handler_input, intent_name(handler_input) or ""):
            return respond(handler_input, render.safe_after_crisis(words))
        return respond(handler_input, render.crisis_again(words, self._rng))


def _safe_answer(handler_input: HandlerInput, name: str) -> SafeSaid | None:
    """The words as an answer to "Are you safe right now?" (``safe_said``); a yes is one."""
    from skill.domain.safe_said import SafeSaid, safe_said  # on first use: it reads deeds

    if name == "AMAZON.YesIntent":
        return SafeSaid()
    values = _slot_values(handler_input)
    if not values:
        return None
    carrier, _ = _carrier(name)

    return safe_said(" ".join([carrier, *values]))


def _said_safe(handler_input: HandlerInput, name: str) -> bool:
    return _safe_answer(handler_input, name) is not None


def _phrase(handler_input: HandlerInput) -> str:
    """The words no sample names: the catch-all's slot, or a statement a pick's sample took
    ("the {position} one"), said again whole."""
    if intent_name(handler_input) == CATCH_ALL:
        return slot_text(handler_input, "phrase") or ""
    return f"the {slot_text(handler_input, 'position') or ''} one"


def _told_whole(phrase: str) -> bool:
    """Words with a subject of their own that tell a deed or a thing now done ("the bins are
    out", "my phone died but i still finished the essay"), or a situation and then what the
    person did about it: stored whole, as said."""
    from skill.domain.deeds import own_deed
    from skill.domain.results import own_subject, situation_then_deed  # on first use

    # "landlord ignored me so i reported the mould": a situation, then what they did about it
    return (own_subject(phrase) and own_deed(phrase)) or situation_then_deed(canonical(phrase))


def _read_deed(phrase: str, handler_input: HandlerInput) -> str | None:
    """The deeds in words no sample names, as the reader reads them ("meh i did ten minutes on
    the bike", "barely anything but i watered the plants"), hedges gone, several joined by
    "and" (each is logged as a win of its own); None when there is no deed, or any part is a
    crisis (the screen below answers that)."""
    from skill.domain.reading import Context, Part, read  # on first use: it compiles patterns

    context = _context(handler_input)
    reading = read(phrase, context) if phrase else ()
    if any(clause.part is Part.CRISIS for clause in reading):
        return None
    added = context is Context.ELSE  # after "Anything else?": only what names a deed
    deeds = [
        _as_done(phrase, clause.words, added) for clause in reading if clause.part is Part.DEED
    ]
    return " and ".join(deed for deed in deeds if deed) or None


def _as_done(phrase: str, found: str, added: bool) -> str | None:
    """A deed as the person said it ("called the dentist which I'd been putting off"); a thing
    added after "Anything else?" as the deed it stands for ("no wait, also the recycling" is
    "did the recycling"), and None for words there that name no deed ("purple monkey")."""
    from skill.domain.reading import as_said  # on first use: it compiles patterns

    words = found.removeprefix("i ")
    first = words.split()[:1]
    if added and first and first[0] in _NAMING | {"the"}:
        return bare_answer(words) or None
    if added and deed(words.removeprefix("we ")) is None:  # "we went to the garden centre"
        return None
    return (as_said(phrase, found) or words).removeprefix("I ").removeprefix("i ")


def _context(handler_input: HandlerInput) -> Context:
    """The question open when words no sample names were said, as the reader knows it."""
    from skill.domain.reading import Context  # on first use: it compiles patterns

    if answers(handler_input, Asked.WIN):
        return Context.DID
    if asked(handler_input) in _CLOSABLE:
        return Context.ELSE
    return Context.NONE


# Questions a plain "no, that's everything, goodnight" closes: nothing is left to do.
_CLOSABLE: Final = frozenset(
    {Asked.ANYTHING_ELSE, Asked.TELL_WIN, Asked.HEAR_ANOTHER, Asked.WHAT_NEXT}
)


def _closes(phrase: str, handler_input: HandlerInput) -> bool:
    """True when the words close the open question: a no, thanks or goodbye, in any order
    ("no that is everything", "k bye", "whatever, bye", "that's all folks")."""
    from skill.domain.reading import Part, read  # on first use: it compiles patterns

    if not phrase or asked(handler_input) not in _CLOSABLE:
        return False
    parts = {clause.part for clause in read(phrase, _context(handler_input))}
    closing = {Part.NO, Part.GOODBYE, Part.THANKS}
    return bool(parts & closing) and parts <= closing | {Part.SHRUG}


def _closes_worn_out(phrase: str, handler_input: HandlerInput) -> bool:
    """True when the words close the open question and tell being worn out ("meh that's it
    really, i'm knackered"): the close is met with rest."""
    from skill.domain.closings import worn_out
    from skill.domain.reading import Part, read  # on first use: it compiles patterns

    if not phrase or asked(handler_input) not in _CLOSABLE or not worn_out(canonical(phrase)):
        return False
    parts = {clause.part for clause in read(phrase, _context(handler_input))}
    closing = {Part.NO, Part.GOODBYE, Part.THANKS}
    return bool(parts & closing) and parts <= closing | {Part.SHRUG, Part.FEELING}


def _shrugs(phrase: str, handler_input: HandlerInput) -> bool:
    """True when every part of the words is a shrug ("meh", "probably nothing", "whatever")."""
    from skill.domain.reading import Part, read  # on first use: it compiles patterns

    reading = read(phrase, _context(handler_input)) if phrase else ()
    return bool(reading) and all(clause.part is Part.SHRUG for clause in reading)


_NAMING: Final = frozenset({"a", "an", "my", "some", "another"})
_NAMED_WORDS: Final = 5


def _unsure_thing(phrase: str) -> str | None:
    """The win a thing named alone, unasked, may stand for ("a long walk" is "went for a long
    walk"), when it screens as a win; None for anything else (a shrug, a question, a harm)."""
    from skill.domain.reading import Part, read, unhedged  # on first use: it compiles patterns

    if [clause.part for clause in read(phrase)] != [Part.UNSURE]:
        return None
    said = unhedged(phrase)
    words = said.lower().split()
    # A thing named with "a", "my" or "some", in a few words ("a long walk", "my tax return");
    # never a sentence, a number or a complaint ("that was not a win").
    if not words or words[0] not in _NAMING or len(words) > _NAMED_WORDS:
        return None
    offer = bare_answer(said)
    # Only a thing a verb was found for ("a nap" is "had a nap"); "purple monkey" is no deed.
    if not offer or offer == said or offer == bare_answer("nothing") or not is_win(offer):
        return None
    return offer


_TOLD_WORDS: Final = 3
_ASKING_WORDS: Final = frozenset({"what", "when", "where", "why", "how", "who", "which"})
_NOT_TOLD: Final = frozenset(
    {"not", "no", "never", "remove", "delete", "change", "undo", "cancel", "stop", "please"}
)


def _told_done(word: str) -> bool:
    """A past or a participle ("arrived", "sold", "done"): words that tell something done."""
    from skill.domain.phrasing.answer import past_tense  # on first use

    if word in ("was", "were", "had", "did"):  # "that was a question": no deed told
        return False
    return past_tense(word) or word in ("done", "sorted", "finished", "sold", "eaten", "won")


def _unsure_told(phrase: str) -> str | None:
    """Words that tell something done with no deed the reader can name ("passport with the
    new name came through at last"), which the screen finds benign: stored as said and met
    calmly, since an uncertain win is acknowledged, never cheered. None for a few words, a
    greeting, a question, words with nothing done in them, or anything the screen or the harm
    net would not celebrate."""
    from skill.domain.reading import Part, read  # on first use: it compiles patterns
    from skill.domain.screen import likely_harm

    if len(phrase.split()) < _TOLD_WORDS or not phrase.strip(" ,.!?")[:1].isalnum():
        return None
    if {clause.part for clause in read(phrase)} != {Part.UNSURE}:
        return None
    words = [word.strip(",.!?").lower() for word in phrase.split()]
    if _ASKING_WORDS.intersection(words[:4]) or _NOT_TOLD.intersection(words):
        return None  # "that was not a win, remove it": a complaint or a request
    if not any(map(_told_done, words)):
        return None  # "yo what time is it", "purple monkey dishwasher": no deed told
    if screen(phrase, "").kind is not Kind.WIN or likely_harm(phrase, ""):
        return None
    return phrase.strip(" ,.!?")


# Questions about deleting or changing one win: a shrug ("hmm", "um") is no answer to them,
# so they are asked again rather than dropped.
_YES_OR_NO_ON_A_WIN: Final = DELETIONS | FORGETTING


class CatchAllIntentHandler(AbstractRequestHandler):
    """Words no sample names, which the model's catch-all ("{phrase}") brings with their words.

    A deed said without "I" ("took the bins out") is logged like any win, screened on the way.
    Anything else is screened as said (care, or a check-in); a setting asked for is changed;
    anything left is answered as not understood.
    """

    def __init__(
        self,
        logs: LogsWins,
        settings: ChangesSettings,
        hears: HearsWins,
        rng: Random,
    ) -> None:
        self._logs = logs
        self._rng = rng
        self._settings = settings
        self._hears = hears
        self._not_understood = FallbackIntentHandler(rng)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == CATCH_ALL or picks_nothing(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        phrase = _phrase(handler_input)
        # "did i finish my one thing", "what styles are there?": a question, never a deed
        asking = tells_no_deed(phrase) or (bool(phrase) and asked_of_skill(phrase) is not None)
        done = None if asking else deed(phrase)
        if done:
            return self._logs.said(handler_input, Statement(done, told=phrase))
        # The whole phrase is heard first: a danger spread over its parts is one.
        kind = screen(phrase, "", Frame.OTHER).kind if phrase else None
        if kind is Kind.CRISIS:
            return respond(handler_input, render.crisis(catalog(handler_input)))
        if kind is Kind.CHECK_IN:
            return respond(handler_input, render.check_in(catalog(handler_input)))
        setting = setting_asked(phrase) if phrase else None
        if setting is not None:  # "less enthusiastic", "leave me alone": never a win
            return self._settings.change(handler_input, setting)
        heard = feeling_then_hear(phrase, self._hears, handler_input)  # "rough day, read me a win"
        if heard is not None:
            return heard
        nothing_told = self._nothing_told(phrase, handler_input)
        if nothing_told is not None:
            return nothing_told
        if phrase and ahead(phrase):  # "tomorrow i'm going to clean the car": a plan, later
            reply = render.say(catalog(handler_input), self._rng, "plan.ahead")
            return respond(handler_input, reply)
        told = None if asking else self._told(phrase, handler_input)
        if told is not None:
            return told
        offer = _unsure_thing(phrase)
        if offer:  # "a long walk", said unasked: maybe a win, so ask once
            session_attributes(handler_input)[OFFER] = offer
            reply = render.unsure_offer(catalog(handler_input), self._rng, offer)
            return respond(handler_input, reply)
        return self._not_understood.handle(handler_input)

    def _told(self, phrase: str, handler_input: HandlerInput) -> Response | None:
        """Words told whole, or the deeds the reader finds, logged; or words that tell something
        done with no deed it can name ("passport with the new name came through"), stored as
        said, calmly."""
        if _told_whole(phrase):  # "the printer died but i fixed it": as said
            return self._logs.said(handler_input, Statement(phrase))
        found = _read_deed(phrase, handler_input)
        if found:
            return self._logs.said(handler_input, Statement(found, told=phrase))
        told = _unsure_told(phrase)
        if told:
            return self._logs.said(handler_input, Statement(told, unsure=True))
        return None

    def _nothing_told(self, phrase: str, handler_input: HandlerInput) -> Response | None:
        """ "no that's everything" closes the open question; "meh" gets a gentle word (and the
        day's offer), never a win or "what?". None for anything else."""
        if _closes(phrase, handler_input):
            return closing(handler_input, self._rng)
        if _closes_worn_out(phrase, handler_input):
            return closing(handler_input, self._rng, rest=True)
        talk = talk_told(phrase, "") if phrase else None
        if talk is not None:  # "that's nice", "that last one is wrong": heard, never a win
            return self._logs.not_a_win(handler_input, talk)
        if not _shrugs(phrase, handler_input):
            return None
        if asked(handler_input) in _YES_OR_NO_ON_A_WIN:  # "hmm" to "Delete ...?": asked again
            return self._not_understood.handle(handler_input)
        if asked(handler_input) in _CLOSABLE:
            return closing(handler_input, self._rng)
        # said unasked, a shrug is met gently; nothing is offered to log
        return self._logs.not_a_win(handler_input, NotAWin(SHRUGGED, None))
