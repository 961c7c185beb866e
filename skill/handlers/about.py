"""What the skill is, asked in words of the person's own ("what is this, exactly?", "what does
it do", "how do I use it"): what it is for, in a sentence, and one example; the morning's
question, if it was open, asked again. Never a plan, a win or words not understood."""

from __future__ import annotations

from random import Random

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.domain.asides import asks_what_it_is
from skill.domain.screen import canonical
from skill.handlers.care import said_in_full
from skill.handlers.common import asked, catalog, respond
from skill.speech import render
from skill.speech.questions import Asked


class WhatItIsHandler(AbstractRequestHandler):
    """ "What is the purpose of this programme?": what Small Wins is for, and an example."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if is_intent_name("WhatIsItIntent")(handler_input):  # "what is this", said alone
            return True
        return any(asks_what_it_is(canonical(said)) for said in said_in_full(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        if asked(handler_input) is Asked.ONE_THING:  # the morning question, asked again
            reply = render.ask(words, self._rng, "about.morning", "morning.reprompt")
        else:
            reply = render.ask(words, self._rng, "about.speech", "ask_win.reprompt")
        return respond(handler_input, reply)
