"""Alexa's built-ins for lists and replies: "say that again" (AMAZON.RepeatIntent), and "more"
or "next" (AMAZON.MoreIntent, AMAZON.NextIntent) when no list or question is open.

With a question open, "more" and "next" are the answer "another" (``answer`` in
``skill.handlers.common``): they read on through a recall or a recap, or hear another win.
"""

from __future__ import annotations

from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.domain.asides import asks_again
from skill.domain.screen import canonical
from skill.handlers.care import said_in_full
from skill.handlers.common import (
    SAID,
    asked,
    catalog,
    respond,
    session_attributes,
)
from skill.speech import render
from skill.speech.render import Reply

_GOING_ON = ("AMAZON.MoreIntent", "AMAZON.NextIntent")
# The reply said again once already: asked again, it is said more simply (its reprompt).
_SAID_AGAIN: Final = "said_again"
# Words of someone lost, not someone who missed the words: said twice, the plainer question.
# "Pardon", "say that again" and "what?" get the same words again, as often as asked.
_LOST: Final = frozenset({"huh", "mean", "understand", "confused", "confusing", "eh"})


class RepeatIntentHandler(AbstractRequestHandler):
    """ "Say that again": the last reply again, with its question still open. Asked in words
    a free-text intent carried ("pardon?", "sorry what", "i beg your pardon", "come again"),
    it is the same request: never a win, and never words not understood. Asked a second time,
    the question is put more simply (its reprompt), as a person would. A new visit has no
    last reply (Alexa keeps nothing of a session once it ends): it says so, and what it can do.
    """

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if is_intent_name("AMAZON.RepeatIntent")(handler_input):
            return True
        return any(asks_again(canonical(said)) for said in said_in_full(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        said = session_attributes(handler_input).get(SAID)
        if (
            isinstance(said, dict)
            and isinstance(said.get("speech"), str)
            and isinstance(said.get("reprompt"), str)
        ):
            attributes = session_attributes(handler_input)
            speech, reprompt = said["speech"], said["reprompt"]
            lost = any(_LOST & set(canonical(w).split()) for w in said_in_full(handler_input))
            if lost and attributes.get(_SAID_AGAIN) == speech and reprompt != speech:
                speech = reprompt  # "huh?" again: the question put plainly, as after silence
            attributes[_SAID_AGAIN] = speech
            return respond(handler_input, Reply(speech, reprompt, asked=asked(handler_input)))
        reply = render.ask(catalog(handler_input), self._rng, "lists.no_repeat", "lists.reprompt")
        return respond(handler_input, reply)


class NothingToGoOnWithHandler(AbstractRequestHandler):
    """ "More" or "next" with nothing open to go on with: a kind pointer to what can be read."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        going_on = any(is_intent_name(name)(handler_input) for name in _GOING_ON)
        return going_on and asked(handler_input) is None

    def handle(self, handler_input: HandlerInput) -> Response:
        reply = render.ask(catalog(handler_input), self._rng, "lists.no_list", "lists.reprompt")
        return respond(handler_input, reply)
