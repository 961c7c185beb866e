"""The day's one thing: pick it, hear it, mark it done."""

from __future__ import annotations

from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.alexa.api import AlexaApis
from skill.domain.phrasing.answer import is_shrug
from skill.domain.screen import Frame, Kind, canonical, screen
from skill.handlers.common import (
    answer,
    answers,
    asked,
    catalog,
    go_on,
    intent_name,
    not_understood,
    person_key,
    respond,
    slot_text,
    zone_lookup,
)
from skill.handlers.statements import CARRIERS, statement_of
from skill.handlers.wins import LOG_INTENTS, HearsWins, LogsWins
from skill.services.routines import PLAN_CARRIER, OneThing, Routines
from skill.services.wins import (
    Ahead,
    CheckIn,
    Crisis,
    NeedsWords,
    NotAnAnswer,
    NotAWin,
    Statement,
)
from skill.speech import render
from skill.speech.catalog import Catalog
from skill.speech.questions import Asked


class OneThings:
    """Sets today's one thing from words already read, and says what became of it."""

    def __init__(self, routines: Routines, apis: AlexaApis, rng: Random) -> None:
        self._routines = routines
        self._apis = apis
        self._rng = rng

    def set(self, handler_input: HandlerInput, said: str | None, *, bare: bool) -> Response:
        words = catalog(handler_input)
        outcome = self._routines.set_one_thing(
            person_key(handler_input), said, zone_lookup(handler_input, self._apis), bare=bare
        )
        if isinstance(outcome, NotAnAnswer):  # "hi", "can you ...": the question again
            return not_understood(handler_input, self._rng)
        if isinstance(outcome, NeedsWords):
            return respond(
                handler_input, render.ask(words, self._rng, "one_thing.ask", "morning.reprompt")
            )
        if isinstance(outcome, Crisis):
            return respond(handler_input, render.crisis(words))
        if isinstance(outcome, CheckIn):
            return respond(handler_input, render.check_in(words))
        if isinstance(outcome, NotAWin):
            return respond(handler_input, render.not_a_plan(words, self._rng, outcome))
        if isinstance(outcome, Ahead):  # "clean the car tomorrow": not today's one thing
            return respond(handler_input, render.say(words, self._rng, "plan.ahead"))
        return respond(
            handler_input, render.say(words, self._rng, "one_thing.set", thing=outcome.said)
        )

    def said_back(self, handler_input: HandlerInput, said: str) -> str | None:
        """Set quietly beside a deed told with it; the plan as said back, if it was set."""
        outcome = self._routines.set_one_thing(
            person_key(handler_input), said, zone_lookup(handler_input, self._apis), bare=True
        )
        return outcome.said if isinstance(outcome, OneThing) else None


def _no_plan(handler_input: HandlerInput, rng: Random) -> render.Reply:
    """ "Don't know" to the morning question: no plan needed; in a conversation the person
    opened, it moves on to the wins rather than closing."""
    words = catalog(handler_input)
    moved_on = go_on(handler_input, render.say(words, rng, "answer.no_plan_on"), rng)
    if moved_on.reprompt is None:
        return render.say(words, rng, "answer.no_plan")
    return moved_on


class SetOneThingIntentHandler(AbstractRequestHandler):
    """ "I'll do the dishes" / "my one thing is calling the bank"."""

    def __init__(self, things: OneThings, rng: Random) -> None:
        self._things = things
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("SetOneThingIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        said = _settled(slot_text(handler_input, "thing"))
        if said and (is_shrug(said) or answer(handler_input) is not None):
            # "nothing" or "not today" to "What's the one thing?": no plan needed
            return respond(handler_input, _no_plan(handler_input, self._rng))
        return self._things.set(handler_input, said, bare=answers(handler_input, Asked.ONE_THING))


class OneThingAnswerHandler(AbstractRequestHandler):
    """Whatever is said to "What's the one thing you'll do today?", read for what it is.

    A deed already done is logged like any win (through the screen), then the one thing is
    asked for, once. How things are ("i can't get out of bed", "rough day") is met kindly and
    a shrug gently; neither is ever a plan. A plan is set without the fillers around it. A
    feeling with a request for a win ("i feel awful, remind me of a win") gets the win.
    Anything else goes the way it always went.
    """

    def __init__(self, things: OneThings, logs: LogsWins, hears: HearsWins, rng: Random) -> None:
        self._things = things
        self._logs = logs
        self._hears = hears
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        name = intent_name(handler_input)
        if answer(handler_input) is not None:  # "not today", "I don't have one": a no
            return False
        if name == "SetOneThingIntent":
            return slot_text(handler_input, "thing") is not None and answers(
                handler_input, Asked.ONE_THING
            )
        if name in LOG_INTENTS or name in CARRIERS:
            return asked(handler_input) is Asked.ONE_THING
        return False

    def handle(self, handler_input: HandlerInput) -> Response:
        # On first use: the reader compiles its patterns when imported.
        from skill.domain.turns import PlanKind, feeling_then_hear, plan_answer

        words = catalog(handler_input)
        said, told = _told(handler_input)
        feeling = feeling_then_hear(said)
        if feeling is not None:
            return self._hears.one(handler_input, lead=f"hear.after_{feeling.value}")
        reading = plan_answer(said)
        if reading.kind is PlanKind.SHRUG:
            return respond(handler_input, _no_plan(handler_input, self._rng))
        if reading.kind is PlanKind.ELSEWHERE:  # "yesterday?", "read them out": asked again
            return not_understood(handler_input, self._rng)
        if told is not None and not reading.explicit and reading.kind is not PlanKind.HARD:
            # Said as a win or a statement ("my dad is ill", "i'm exhausted"): heard as it
            # always is, screen first; a deed is followed by the morning question, once.
            morning = reading.kind is PlanKind.DEEDS
            return self._logs.said(handler_input, told, morning=morning)
        if reading.kind is PlanKind.CRISIS:
            return respond(handler_input, _care(said, words))
        if reading.kind in (PlanKind.HARD, PlanKind.FEELING):
            return respond(handler_input, render.say(words, self._rng, "one_thing.hard"))
        if reading.kind is PlanKind.DEEDS:
            plan = self._things.said_back(handler_input, reading.plan) if reading.plan else None
            deeds = Statement(reading.deeds, told=said)  # the day it names is where it is filed
            return self._logs.said(handler_input, deeds, morning=True, plan=plan)
        if reading.kind is PlanKind.PLAN:
            return self._things.set(handler_input, reading.plan, bare=True)
        return self._things.set(handler_input, said, bare=True)


def _care(said: str | None, words: Catalog) -> render.Reply:
    """Care for an answer the reader heard danger in: the crisis answer when the screen names a
    crisis in what was said, as a deed or as a plan; otherwise the check-in, which gives the
    line too and keeps nothing ("woke up on time which is huge for me" is asked about, never
    met as a crisis on a guess)."""
    text = said or ""
    named = (screen(text, carrier, frame).kind for carrier, frame in _HEARD_AS)
    return render.crisis(words) if Kind.CRISIS in named else render.check_in(words)


# How a morning answer may be meant: as said, as a deed, as a plan.
_HEARD_AS: Final = (("", Frame.OTHER), ("i", Frame.DONE), (PLAN_CARRIER, Frame.INTEND))


def _settled(said: str | None) -> str | None:
    """A plan as the person settled it ("the mockups or maybe the invoices, no, mockups" is
    "the mockups"); as said when it corrects nothing."""
    if not said:
        return said
    from skill.domain.settling import settled  # on first use: it compiles patterns

    plain = canonical(said)
    chosen = settled(plain)
    return said if chosen == plain else chosen


def _told(handler_input: HandlerInput) -> tuple[str, Statement | None]:
    """The words as said, and the statement a win's or a statement's intent makes of them
    (None for the one thing's own intent)."""
    name = intent_name(handler_input) or ""
    if name in CARRIERS:
        carrier = CARRIERS[name]
        rest = slot_text(handler_input, carrier.slot) or ""
        return f"{carrier.words} {rest}".strip(), statement_of(carrier, rest)
    if name in LOG_INTENTS:
        rest = slot_text(handler_input, "win") or ""
        return f"i {rest}".strip(), Statement(rest)
    return slot_text(handler_input, "thing") or "", None


class ReadOneThingIntentHandler(AbstractRequestHandler):
    """ "What's my one thing?" """

    def __init__(self, routines: Routines, apis: AlexaApis, rng: Random) -> None:
        self._routines = routines
        self._apis = apis
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("ReadOneThingIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        thing = self._routines.one_thing_today(
            person_key(handler_input), zone_lookup(handler_input, self._apis)
        )
        if thing is None:
            return respond(
                handler_input, render.ask(words, self._rng, "one_thing.none", "morning.reprompt")
            )
        key = "one_thing.read_done" if thing.done else "one_thing.read"
        return respond(handler_input, render.text(words, key, thing=thing.said))


class OneThingDoneIntentHandler(AbstractRequestHandler):
    """ "I did my one thing": logged as a win and celebrated like any other."""

    def __init__(self, logs: LogsWins) -> None:
        self._logs = logs

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("OneThingDoneIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return self._logs.finish_one_thing(handler_input)
