"""Deleting by voice (always confirmed first), and everything when the skill is disabled."""

from __future__ import annotations

import logging
from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name, is_request_type
from ask_sdk_model.response import Response

from skill.handlers.common import (
    AWAITING,
    catalog,
    log_id,
    person_key,
    respond,
    session_attributes,
)
from skill.services.erasure import Erasure
from skill.speech import render

logger = logging.getLogger(__name__)

AWAITING_DELETE_LAST: Final = "delete_last"
AWAITING_DELETE_ALL: Final = "delete_all"
DELETE_NUMBER: Final = "delete_number"  # which win "delete my last win" read out


class DeleteLastWinIntentHandler(AbstractRequestHandler):
    """ "Delete my last win": says which, and asks before deleting."""

    def __init__(self, erasure: Erasure, rng: Random) -> None:
        self._erasure = erasure
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("DeleteLastWinIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        last = self._erasure.last_win(person_key(handler_input))
        if last is None:
            return respond(handler_input, render.say(words, self._rng, "delete.nothing"))
        attributes = session_attributes(handler_input)
        attributes[AWAITING] = AWAITING_DELETE_LAST
        attributes[DELETE_NUMBER] = last.number
        said = render.win_phrase(words, last.win)
        reply = render.ask(
            words, self._rng, "delete.last_confirm", "delete.last_reprompt", win=said
        )
        return respond(handler_input, reply)


class DeleteAllWinsIntentHandler(AbstractRequestHandler):
    """ "Delete all my wins": says what that means, and asks before deleting."""

    def __init__(self, erasure: Erasure, rng: Random) -> None:
        self._erasure = erasure
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("DeleteAllWinsIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        count = self._erasure.win_count(person_key(handler_input))
        session_attributes(handler_input)[AWAITING] = AWAITING_DELETE_ALL
        key = "delete.all_confirm" if count else "delete.all_confirm_none"
        reply = render.ask(words, self._rng, key, "delete.all_reprompt", count=count)
        return respond(handler_input, reply)


class DeletionAnswerHandler(AbstractRequestHandler):
    """Yes or no after a deletion question. Only a yes deletes anything."""

    def __init__(self, erasure: Erasure, rng: Random) -> None:
        self._erasure = erasure
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if not (
            is_intent_name("AMAZON.YesIntent")(handler_input)
            or is_intent_name("AMAZON.NoIntent")(handler_input)
        ):
            return False
        asked = session_attributes(handler_input).get(AWAITING)
        return asked in (AWAITING_DELETE_LAST, AWAITING_DELETE_ALL)

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        asked = attributes.pop(AWAITING, None)
        number = attributes.pop(DELETE_NUMBER, None)
        if not is_intent_name("AMAZON.YesIntent")(handler_input):
            return respond(handler_input, render.say(words, self._rng, "delete.kept"))
        person = person_key(handler_input)
        if asked == AWAITING_DELETE_ALL:
            removed = self._erasure.delete_everything(person)
            logger.info("deleted %d items for %s on request", removed, log_id(person))
            return respond(handler_input, render.say(words, self._rng, "delete.all_done"))
        if isinstance(number, int) and self._erasure.delete_last_win(person, number):
            return respond(handler_input, render.say(words, self._rng, "delete.last_done"))
        return respond(handler_input, render.say(words, self._rng, "delete.last_changed"))


class SkillDisabledHandler(AbstractRequestHandler):
    """The skill was disabled: delete the account's data, voice profiles included. No speech."""

    def __init__(self, erasure: Erasure) -> None:
        self._erasure = erasure

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("AlexaSkillEvent.SkillDisabled")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        account = person_key(handler_input).account
        removed = self._erasure.forget_account(account)
        logger.info("skill disabled: deleted %d items", removed)
        response: Response = handler_input.response_builder.response
        return response
