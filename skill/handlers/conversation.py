"""Launch, counts, style, and the end of a session."""

from __future__ import annotations

import logging
from random import Random

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name, is_request_type
from ask_sdk_model.response import Response

from skill.alexa.api import AlexaApis
from skill.domain.choice import Style
from skill.domain.settings import named_setting, style_answered
from skill.handlers.common import (
    OPENED,
    WINS_TODAY,
    asked,
    catalog,
    follows_up,
    go_on,
    in_session,
    log_id,
    person_key,
    remember_brief,
    respond,
    session_attributes,
    slot_id,
    slot_text,
    zone_lookup,
)
from skill.handlers.recap import offer_recap
from skill.handlers.settings import brevity_named
from skill.logs import code
from skill.services.recall import Ahead, NoWinsYet
from skill.services.recap import Launch, Recaps
from skill.services.routines import LaunchState
from skill.services.tally import SpanTally, Tallies
from skill.services.wins import WinsService
from skill.speech import render
from skill.speech.questions import Asked
from skill.storage.errors import StorageError

logger = logging.getLogger(__name__)


class LaunchRequestHandler(AbstractRequestHandler):
    """ "Alexa, open small wins": say what the person can do, ask one question.

    In the person's morning, with no one thing picked today, the question is the one thing.
    """

    def __init__(self, recaps: Recaps, apis: AlexaApis, rng: Random) -> None:
        self._recaps = recaps
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
            launch = self._recaps.launch(
                person, zone_lookup(handler_input, self._apis), recognised=person.recognised
            )
        except StorageError:
            # The greeting needs no data; a storage hiccup should not cost the person a welcome.
            logger.warning("profile unavailable at launch for %s", log_id(person))
            launch = Launch(LaunchState(returning=True, morning_prompt=False))
        state = launch.state
        remember_brief(handler_input, state.brief)
        session_attributes(handler_input)[OPENED] = True
        if state.today:
            session_attributes(handler_input)[WINS_TODAY] = state.today
        # Order: a newcomer's welcome, the recap, the morning's one thing; one question a turn.
        recap = offer_recap(handler_input, launch, self._rng) if state.returning else None
        if recap is not None:
            return recap
        reply = render.launch(
            words,
            self._rng,
            returning=state.returning,
            morning=state.morning_prompt,
            brief=state.brief,
        )
        return respond(handler_input, reply)


class CountWinsIntentHandler(AbstractRequestHandler):
    """ "How many wins do I have (today / this week)?": the count, as evidence."""

    def __init__(self, tallies: Tallies, apis: AlexaApis, rng: Random) -> None:
        self._tallies = tallies
        self._apis = apis
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("CountWinsIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        if not is_intent_name("CountWinsIntent")(handler_input):
            return self._today(handler_input)  # "was it a good day": today's count, literally
        if slot_text(handler_input, "date"):  # "how many did I get on Tuesday": that day's
            return self._on_date(handler_input)
        tally = self._tallies.tally(
            person_key(handler_input), zone_lookup(handler_input, self._apis)
        )
        span = slot_id(handler_input, "span")
        if span is None and slot_text(handler_input, "span"):
            # "how many did I get yesterday": a span no count knows. Never the total instead.
            reply = render.say(catalog(handler_input), self._rng, "tally.other_span")
            return respond(handler_input, go_on(handler_input, reply, self._rng))
        reply = render.tally(
            catalog(handler_input),
            self._rng,
            tally,
            span if span in ("today", "week", "month") else "all",
            in_session=in_session(handler_input),
        )
        remember_brief(handler_input, tally.brief)
        return respond(handler_input, reply)

    def _today(self, handler_input: HandlerInput) -> Response:
        tally = self._tallies.tally(
            person_key(handler_input), zone_lookup(handler_input, self._apis)
        )
        reply = render.tally(catalog(handler_input), self._rng, tally, "today", in_session=False)
        return respond(handler_input, go_on(handler_input, reply, self._rng))

    def _on_date(self, handler_input: HandlerInput) -> Response:
        from skill.speech.recall import span_count  # on first use: the recall's words

        words = catalog(handler_input)
        outcome = self._tallies.on(
            person_key(handler_input),
            slot_text(handler_input, "date"),
            zone_lookup(handler_input, self._apis),
        )
        if isinstance(outcome, SpanTally):
            remember_brief(handler_input, outcome.brief)
            reply = span_count(words, self._rng, outcome, in_session=in_session(handler_input))
        elif isinstance(outcome, NoWinsYet):
            reply = render.say(words, self._rng, "tally.none")
        elif isinstance(outcome, Ahead):
            reply = render.say(words, self._rng, "tally.span_ahead")
        else:
            reply = render.say(words, self._rng, "tally.other_span")
        return respond(handler_input, go_on(handler_input, reply, self._rng))


class SetStyleIntentHandler(AbstractRequestHandler):
    """ "Keep it calm" / "make it cheerful again": switch and remember the style."""

    def __init__(self, service: WinsService, rng: Random) -> None:
        self._service = service
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not is_intent_name("SetStyleIntent")(handler_input):
            return False
        # "can you be brief": no style but brief replies, the settings' to change
        return brevity_named(handler_input) is None

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        chosen = slot_id(handler_input, "style")
        style = next((known for known in Style if known.value == chosen), None)
        if style is None:  # "less enthusiastic please": words no value names, read as said
            named = named_setting(slot_text(handler_input, "style") or "")
            style = next((known for known in Style if known.value == named), None)
        if style is None:
            question = render.ask(words, self._rng, "style.which", "style.reprompt")
            return respond(handler_input, question)
        self._service.set_style(person_key(handler_input), style)
        return respond(
            handler_input,
            render.style_set(words, self._rng, style, in_session=follows_up(handler_input)),
        )


class StyleAnswerHandler(AbstractRequestHandler):
    """A bare answer to "calm and quiet, or cheerful? Which would you like?": "calm", "the
    quiet one", "normal", "the second one", through whichever intent the words reached."""

    def __init__(self, service: WinsService, rng: Random) -> None:
        self._service = service
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return asked(handler_input) is Asked.STYLE and _style_said(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        style = _style_said(handler_input)
        assert style is not None  # can_handle said so
        self._service.set_style(person_key(handler_input), style)
        return respond(
            handler_input,
            render.style_set(
                catalog(handler_input), self._rng, style, in_session=follows_up(handler_input)
            ),
        )


def _style_said(handler_input: HandlerInput) -> Style | None:
    """The style the words of any slot name as an answer; None when none does."""
    request = handler_input.request_envelope.request
    slots = getattr(getattr(request, "intent", None), "slots", None) or {}
    for slot in sorted(slots):
        named = style_answered(slot_text(handler_input, slot) or "")
        style = next((known for known in Style if known.value == named), None)
        if style is not None:
            return style
    return None


class SessionEndedRequestHandler(AbstractRequestHandler):
    """The session closed (timeout, exit or error): nothing to say, nothing to fail."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("SessionEndedRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        logger.info("session ended: %s", code(getattr(request, "reason", None)))
        error = getattr(request, "error", None)
        if error is not None:
            # Alexa's error has a type, one of a few fixed codes, and a message: free text,
            # never logged (ask_sdk_model's SessionEndedError and SessionEndedErrorType).
            kind = code(getattr(error, "object_type", None))
            logger.warning("session ended with an error: %s", kind)
        response: Response = handler_input.response_builder.response
        return response
