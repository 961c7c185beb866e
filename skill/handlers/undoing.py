""" "Undo" and "bring it back" right after a win was deleted, and "no, the other one" when a
deletion or correction question named the wrong win.

After a delete, "undo" brings that win back, as it was, until a win is logged: it never
offers to delete another. "Bring that back", "put it back", "I didn't mean to delete that"
bring back the win deleted last at any time in the same conversation (the last five deleted
are kept in the session, and forgotten when it ends). With nothing deleted, "undo" is "that
wasn't a win" (the win just heard or logged is named, and deleted only on a yes).
"""

from __future__ import annotations

from datetime import datetime
from random import Random
from typing import Any

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.domain.phrasing import WinKind
from skill.handlers.common import (
    asked,
    catalog,
    go_on,
    gone_win,
    not_understood,
    person_key,
    request_id,
    respond,
    session_attributes,
    take_back_gone,
)
from skill.handlers.deletion import DELETE_GONE, DELETE_NUMBER, NotAWinIntentHandler
from skill.handlers.forgetting import FORGET, THAT, Forgets
from skill.services.erasure import Erasure, Gone
from skill.speech import render
from skill.speech.questions import Asked


def _gone(record: dict[str, Any]) -> Gone | None:
    try:
        at = datetime.fromisoformat(str(record["at"]))
        return Gone(str(record["text"]), WinKind(record.get("kind") or "said"), at)
    except (KeyError, ValueError):
        return None


class UndoIntentHandler(AbstractRequestHandler):
    """ "Undo", "take that back" (``UndoIntent``): the win just deleted comes back; with none
    just deleted, the win just heard or logged is named and deleted on a yes. "Bring it
    back" (``RestoreWinIntent``) only ever brings back."""

    def __init__(self, erasure: Erasure, rng: Random) -> None:
        self._erasure = erasure
        self._not_a_win = NotAWinIntentHandler(erasure, rng)
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(
            is_intent_name("UndoIntent")(handler_input)
            or is_intent_name("RestoreWinIntent")(handler_input)
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        restoring = bool(is_intent_name("RestoreWinIntent")(handler_input))
        if not restoring and gone_win(handler_input, just_now=True) is None:
            return self._not_a_win.handle(handler_input)
        return bring_back(handler_input, self._erasure, self._rng)


def bring_back(handler_input: HandlerInput, erasure: Erasure, rng: Random) -> Response:
    """The win deleted last in this conversation comes back, as it was; "nothing to bring
    back" when none was deleted."""
    words = catalog(handler_input)
    record = gone_win(handler_input)
    if record is None:
        reply = render.say(words, rng, "undo.nothing")
        return respond(handler_input, go_on(handler_input, reply, rng))
    gone = _gone(record)
    back = (
        erasure.restore(person_key(handler_input), gone, request_id(handler_input))
        if gone is not None
        else None
    )
    if back is None:
        reply = render.say(words, rng, "undo.failed")
    else:
        take_back_gone(handler_input)
        session_attributes(handler_input)[THAT] = back.number
        reply = render.say(words, rng, "undo.done", win=render.win_phrase(words, back.win))
    return respond(handler_input, go_on(handler_input, reply, rng))


class OtherWinIntentHandler(AbstractRequestHandler):
    """ "No, the other one" to "Delete ...?" or "Change ...?": the most recent win not yet
    named is named instead, and asked about the same way."""

    def __init__(self, forgets: Forgets, rng: Random) -> None:
        self._forgets = forgets
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("OtherWinIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        attributes = session_attributes(handler_input)
        question = asked(handler_input)
        if question in (Asked.DELETE_LAST, Asked.DELETE_HEARD):
            number = attributes.pop(DELETE_NUMBER, None)
            attributes.pop(DELETE_GONE, None)
            passed = [number] if isinstance(number, int) else []
            return self._forgets.other(handler_input, passed, fresh=True)
        if question is Asked.FORGET:
            kept = attributes.get(FORGET)
            number = kept.get("number") if isinstance(kept, dict) else None
            passed = [number] if isinstance(number, int) else []
            return self._forgets.other(handler_input, passed, fresh=False)
        if question is Asked.CORRECT:
            return self._forgets.other_correction(handler_input)
        return not_understood(handler_input, self._rng)
