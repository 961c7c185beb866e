"""Logging a win and hearing a past win."""

from __future__ import annotations

from random import Random

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.domain.choice import Style
from skill.handlers.common import (
    AWAITING,
    AWAITING_WIN,
    catalog,
    in_session,
    person_key,
    request_id,
    respond,
    session_attributes,
    slot_text,
)
from skill.service import (
    Crisis,
    Heard,
    Logged,
    NeedsWords,
    NoWins,
    WinsService,
    Wording,
)
from skill.speech import render

LOG_INTENTS = ("LogWinIntent", "LogMinimisedWinIntent")


class LogWinIntentHandler(AbstractRequestHandler):
    """ "Tell small wins I did the laundry" -> store it and celebrate."""

    def __init__(self, service: WinsService, rng: Random) -> None:
        self._service = service
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return any(is_intent_name(name)(handler_input) for name in LOG_INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        wording = Wording(
            celebrations={s: len(words.variants(f"celebrate.{s.value}")) for s in Style},
            minimiser_replies=len(words.variants("minimised")),
        )
        played_down = is_intent_name("LogMinimisedWinIntent")(handler_input)
        outcome = self._service.log_win(
            person_key(handler_input),
            slot_text(handler_input, "win"),
            request_id(handler_input),
            wording,
            played_down=played_down,
        )
        attributes = session_attributes(handler_input)
        if isinstance(outcome, NeedsWords):
            attributes[AWAITING] = AWAITING_WIN
            return respond(
                handler_input, render.ask(words, self._rng, "ask_win.speech", "ask_win.reprompt")
            )
        attributes.pop(AWAITING, None)
        if isinstance(outcome, Crisis):
            return respond(handler_input, render.crisis(words))
        assert isinstance(outcome, Logged)
        reply = render.celebration(words, self._rng, outcome, in_session=in_session(handler_input))
        return respond(handler_input, reply)


class HearWinIntentHandler(AbstractRequestHandler):
    """ "Ask small wins for a win" -> one of the person's own past wins."""

    def __init__(self, service: WinsService, rng: Random) -> None:
        self._service = service
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("HearWinIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        outcome = self._service.hear_win(person_key(handler_input))
        session_attributes(handler_input).pop(AWAITING, None)
        if isinstance(outcome, NoWins):
            session_attributes(handler_input)[AWAITING] = AWAITING_WIN
            return respond(handler_input, render.no_wins(words, self._rng))
        if isinstance(outcome, Heard):
            reply = render.heard(words, self._rng, outcome, in_session=in_session(handler_input))
            return respond(handler_input, reply)
        return respond(handler_input, render.unspeakable(words, outcome.total))
