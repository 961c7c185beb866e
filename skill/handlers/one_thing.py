"""The day's one thing: pick it, hear it, mark it done."""

from __future__ import annotations

from random import Random

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.alexa.api import AlexaApis
from skill.domain.phrasing.answer import is_shrug
from skill.handlers.common import (
    answers,
    catalog,
    person_key,
    respond,
    slot_text,
    zone_lookup,
)
from skill.handlers.wins import LogsWins
from skill.services.routines import Routines
from skill.services.wins import CheckIn, Crisis, NeedsWords, NotAnAnswer, NotAWin
from skill.speech import render
from skill.speech.questions import Asked


class SetOneThingIntentHandler(AbstractRequestHandler):
    """ "I'll do the dishes" / "my one thing is calling the bank"."""

    def __init__(self, routines: Routines, apis: AlexaApis, rng: Random) -> None:
        self._routines = routines
        self._apis = apis
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("SetOneThingIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        said = slot_text(handler_input, "thing")
        if said and is_shrug(said):  # "nothing" to "What's the one thing?": no plan needed
            return respond(handler_input, render.say(words, self._rng, "answer.no_plan"))
        outcome = self._routines.set_one_thing(
            person_key(handler_input),
            said,
            zone_lookup(handler_input, self._apis),
            bare=answers(handler_input, Asked.ONE_THING),
        )
        if isinstance(outcome, NotAnAnswer):  # "hi", "can you ...": the question again
            return respond(
                handler_input,
                render.ask(words, self._rng, "fallback.awaiting_one_thing", "morning.reprompt"),
            )
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
        return respond(
            handler_input, render.say(words, self._rng, "one_thing.set", thing=outcome.said)
        )


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
