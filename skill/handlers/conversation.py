"""Launch, style, and Alexa's built-in intents."""

from __future__ import annotations

import logging
from random import Random

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name, is_request_type
from ask_sdk_model.response import Response

from skill.alexa.api import AlexaApis
from skill.domain.choice import Style
from skill.handlers.common import (
    AWAITING,
    AWAITING_WIN,
    catalog,
    in_session,
    log_id,
    person_key,
    respond,
    session_attributes,
    slot_id,
    zone_lookup,
)
from skill.handlers.goals import AWAITING_GOAL
from skill.handlers.one_thing import AWAITING_ONE_THING
from skill.services.routines import LaunchState, Routines
from skill.services.wins import WinsService
from skill.speech import render
from skill.storage.errors import StorageError

logger = logging.getLogger(__name__)


class LaunchRequestHandler(AbstractRequestHandler):
    """ "Alexa, open small wins": say what the person can do, ask one question.

    In the person's morning, with no one thing picked today, the question is the one thing.
    """

    def __init__(self, routines: Routines, apis: AlexaApis, rng: Random) -> None:
        self._routines = routines
        self._apis = apis
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        # A launch carrying a task (a goal timer ended) belongs to its own handler.
        launch = bool(is_request_type("LaunchRequest")(handler_input))
        return launch and not getattr(request, "task", None)

    def handle(self, handler_input: HandlerInput) -> Response:
        person = person_key(handler_input)
        words = catalog(handler_input)
        try:
            state = self._routines.launch_state(person, zone_lookup(handler_input, self._apis))
        except StorageError:
            # The greeting needs no data; a storage hiccup should not cost the person a welcome.
            logger.warning("profile unavailable at launch for %s", log_id(person))
            state = LaunchState(returning=True, morning_prompt=False)
        if state.morning_prompt:
            session_attributes(handler_input)[AWAITING] = AWAITING_ONE_THING
            reply = render.ask(words, self._rng, "morning.prompt", "morning.reprompt")
            return respond(handler_input, reply)
        return respond(handler_input, render.launch(words, self._rng, returning=state.returning))


class SetStyleIntentHandler(AbstractRequestHandler):
    """ "Keep it calm" / "make it cheerful again": switch and remember the style."""

    def __init__(self, service: WinsService, rng: Random) -> None:
        self._service = service
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("SetStyleIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        chosen = slot_id(handler_input, "style")
        style = next((known for known in Style if known.value == chosen), None)
        if style is None:
            question = render.ask(words, self._rng, "style.which", "style.reprompt")
            return respond(handler_input, question)
        self._service.set_style(person_key(handler_input), style)
        return respond(
            handler_input,
            render.style_set(words, self._rng, style, in_session=in_session(handler_input)),
        )


class HelpIntentHandler(AbstractRequestHandler):
    """What you can say; the session stays open."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("AMAZON.HelpIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(
            handler_input,
            render.ask(catalog(handler_input), self._rng, "help.speech", "help.reprompt"),
        )


class GoodbyeIntentHandler(AbstractRequestHandler):
    """Stop, Cancel and NavigateHome: a short goodbye, and the session ends."""

    INTENTS = ("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent")

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return any(is_intent_name(name)(handler_input) for name in self.INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        session_attributes(handler_input).clear()
        return respond(handler_input, render.say(catalog(handler_input), self._rng, "goodbye"))


class SessionEndedRequestHandler(AbstractRequestHandler):
    """The session closed (timeout, exit or error): nothing to say, nothing to fail."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("SessionEndedRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        reason = getattr(request, "reason", None)
        logger.info("session ended: %s", getattr(reason, "value", reason))
        error = getattr(request, "error", None)
        if error is not None:
            logger.warning("session ended with an error: %s", getattr(error, "message", error))
        response: Response = handler_input.response_builder.response
        return response


class FallbackIntentHandler(AbstractRequestHandler):
    """Anything unmatched, and any request no other handler takes: a gentle redirect.

    Registered last so that unknown intents and request types also land here.
    """

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        awaiting = session_attributes(handler_input).get(AWAITING)
        hints = {
            AWAITING_WIN: "fallback.awaiting_win",
            AWAITING_ONE_THING: "fallback.awaiting_one_thing",
            AWAITING_GOAL: "fallback.awaiting_goal",
        }
        key = (
            hints.get(awaiting, "fallback.speech")
            if isinstance(awaiting, str)
            else "fallback.speech"
        )
        return respond(
            handler_input, render.ask(catalog(handler_input), self._rng, key, "fallback.reprompt")
        )
