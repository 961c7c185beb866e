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
    Answer,
    answer,
    asked,
    catalog,
    forget_gone,
    go_on,
    log_id,
    person_key,
    remember_gone,
    respond,
    session_attributes,
)
from skill.handlers.forgetting import EARLIER, LISTED, LISTED_COUNT
from skill.handlers.wins import HEARD
from skill.services.erasure import Erasure, LastWin
from skill.speech import render
from skill.speech.questions import Asked

logger = logging.getLogger(__name__)

DELETE_NUMBER: Final = "delete_number"  # which win the deletion question read out
DELETE_GONE: Final = "delete_gone"  # that win as stored, for "undo" once it is deleted
DELETIONS: Final = frozenset(
    {Asked.DELETE_LAST, Asked.DELETE_ALL, Asked.DELETE_HEARD, Asked.FORGET, Asked.FORGET_WHICH}
)


def keep_for_undo(handler_input: HandlerInput, win: LastWin) -> None:
    """Keep the win a deletion question names as stored, for "undo" once it is deleted."""
    if win.stored is None:
        return
    kept = {
        "text": win.stored.text,
        "kind": win.stored.kind.value,
        "at": win.stored.created_at.isoformat(),
    }
    if win.stored.told_at is not None:  # filed on a day its words named: when it was told
        kept["told"] = win.stored.told_at.isoformat()
    session_attributes(handler_input)[DELETE_GONE] = kept


class DeleteLastWinIntentHandler(AbstractRequestHandler):
    """ "Delete my last win": says which, and asks before deleting."""

    def __init__(self, erasure: Erasure, rng: Random) -> None:
        self._erasure = erasure
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("DeleteLastWinIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return ask_to_delete(
            handler_input, self._erasure.last_win(person_key(handler_input)), self._rng
        )


def ask_to_delete(handler_input: HandlerInput, last: LastWin | None, rng: Random) -> Response:
    """Name the win logged last and ask before deleting it; "nothing to delete" without one."""
    words = catalog(handler_input)
    if last is None:
        return respond(handler_input, render.say(words, rng, "delete.nothing"))
    session_attributes(handler_input)[DELETE_NUMBER] = last.number
    keep_for_undo(handler_input, last)
    said = render.win_phrase(words, last.win)
    reply = render.ask(words, rng, "delete.last_confirm", "delete.last_reprompt", win=said)
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
        key = {0: "delete.all_confirm_none", 1: "delete.all_confirm_one"}.get(
            count, "delete.all_confirm"
        )
        reply = render.ask(words, self._rng, key, "delete.all_reprompt", count=count)
        return respond(handler_input, reply)


class DeletionAnswerHandler(AbstractRequestHandler):
    """Yes or no after a deletion question. Only a yes deletes anything."""

    def __init__(self, erasure: Erasure, rng: Random) -> None:
        self._erasure = erasure
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if answer(handler_input) is None:  # first: an event out of session has no attributes
            return False
        return asked(handler_input) in DELETIONS

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        question = asked(handler_input)
        number = session_attributes(handler_input).pop(DELETE_NUMBER, None)
        gone = session_attributes(handler_input).pop(DELETE_GONE, None)
        if answer(handler_input) is not Answer.YES:
            reply = render.say(words, self._rng, "delete.kept")
            if answer(handler_input) is Answer.NO:  # "that's all" ends it
                reply = go_on(handler_input, reply, self._rng)
            return respond(handler_input, reply)
        person = person_key(handler_input)
        for key in (LISTED, EARLIER, LISTED_COUNT):  # its numbers may move now
            session_attributes(handler_input).pop(key, None)
        if question is Asked.DELETE_ALL:
            removed = self._erasure.delete_everything(person)
            forget_gone(session_attributes(handler_input), all_of_them=True)
            logger.info("deleted %d items for %s on request", removed, log_id(person))
            return respond(handler_input, render.say(words, self._rng, "delete.all_done"))
        if question is Asked.DELETE_HEARD:
            deleted = isinstance(number, int) and self._erasure.delete_win(person, number)
        else:
            deleted = isinstance(number, int) and self._erasure.delete_last_win(person, number)
        if not deleted:
            return self._said(handler_input, "delete.last_changed")
        remember_gone(handler_input, gone if isinstance(gone, dict) else None)
        return self._said(handler_input, "delete.last_done")

    def _said(self, handler_input: HandlerInput, key: str) -> Response:
        reply = render.say(catalog(handler_input), self._rng, key)
        return respond(handler_input, go_on(handler_input, reply, self._rng))


class NotAWinIntentHandler(AbstractRequestHandler):
    """ "That wasn't a win": right after hearing a win, that one; otherwise the last win
    logged, as "delete my last win" would. Deleted only on a yes."""

    def __init__(self, erasure: Erasure, rng: Random) -> None:
        self._last = DeleteLastWinIntentHandler(erasure, rng)
        self._erasure = erasure
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("NotAWinIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        heard = attributes.get(HEARD)
        just_heard = asked(handler_input) in (Asked.HEAR_ANOTHER, Asked.TELL_WIN)
        number = heard[-1] if isinstance(heard, list) and heard else None
        found = (
            self._erasure.win(person_key(handler_input), number)
            if just_heard and isinstance(number, int)
            else None
        )
        if found is None:
            return self._last.handle(handler_input)
        attributes[DELETE_NUMBER] = found.number
        keep_for_undo(handler_input, found)
        said = render.win_phrase(words, found.win)
        reply = render.ask(
            words, self._rng, "delete.heard_confirm", "delete.last_reprompt", win=said
        )
        return respond(handler_input, reply)


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
