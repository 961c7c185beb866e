""" "Undo" and "bring it back" right after a win was deleted, and "no, the other one" when a
deletion or correction question named the wrong win.

After a delete, "undo" brings that win back, as it was, until a win is logged: it never
offers to delete another. "Bring that back", "put it back", "I didn't mean to delete that"
bring back the win deleted last at any time in the same conversation (the last five deleted
are kept in the session, and forgotten when it ends). In the next conversation, within ten
minutes of the deletion and with no win logged since, the profile still keeps the win
deleted last (``skill/domain/gone.py``): "undo" names it and asks before bringing it back,
"bring it back" brings it back. With nothing deleted, "undo" is "that wasn't a win" (the win
just heard or logged is named, and deleted only on a yes).
"""

from __future__ import annotations

from datetime import datetime
from random import Random
from typing import Any, Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.domain.phrasing import WinKind, win_from_words
from skill.handlers.common import (
    UNDO_FIX,
    Answer,
    answer,
    asked,
    catalog,
    fixed_just_now,
    go_on,
    gone_win,
    not_understood,
    person_key,
    request_id,
    respond,
    session_attributes,
    take_back_gone,
)
from skill.handlers.deletion import (
    DELETE_GONE,
    DELETE_NUMBER,
    NotAWinIntentHandler,
    ask_to_delete,
)
from skill.handlers.forgetting import FORGET, THAT, Forgets
from skill.services.erasure import Erasure, Gone, LastWin
from skill.services.forgetting import Corrected, Forgetting
from skill.speech import render
from skill.speech.questions import Asked

# The win "undo" offered back in a new conversation, as stored, until the yes or no.
RESTORING: Final = "restoring"


def _record(gone: Gone) -> dict[str, Any]:
    record = {"text": gone.text, "kind": gone.kind.value, "at": gone.created_at.isoformat()}
    if gone.told_at is not None:
        record["told"] = gone.told_at.isoformat()
    return record


def _gone(record: dict[str, Any]) -> Gone | None:
    """A win deleted, as ``_record`` or a deletion kept it; one kept by an earlier release
    has no ``told``, and one with a ``told`` that is no time is not brought back wrong."""
    try:
        at = datetime.fromisoformat(str(record["at"]))
        told = record.get("told")
        told_at = datetime.fromisoformat(str(told)) if told else None
        kind = WinKind(record.get("kind") or "said")
    except (KeyError, ValueError):
        return None
    if told_at is not None and told_at.tzinfo is None:
        return None
    return Gone(str(record["text"]), kind, at, told_at)


class UndoIntentHandler(AbstractRequestHandler):
    """ "Undo", "take that back" (``UndoIntent``): the win just deleted comes back; with none
    just deleted, the win just heard or logged is named and deleted on a yes. "Bring it
    back" (``RestoreWinIntent``) only ever brings back."""

    def __init__(self, erasure: Erasure, forgetting: Forgetting, rng: Random) -> None:
        self._erasure = erasure
        self._forgetting = forgetting
        self._not_a_win = NotAWinIntentHandler(erasure, rng)
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(
            is_intent_name("UndoIntent")(handler_input)
            or is_intent_name("RestoreWinIntent")(handler_input)
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        restoring = bool(is_intent_name("RestoreWinIntent")(handler_input))
        fixed = fixed_just_now(session_attributes(handler_input))
        if fixed is not None and not restoring:
            return self._unfix(handler_input, *fixed)
        if gone_win(handler_input, just_now=not restoring) is not None:
            return bring_back(handler_input, self._erasure, self._rng)
        if restoring:
            return _bring_back_kept(handler_input, self._erasure, self._rng)
        if asked(handler_input) in (Asked.HEAR_ANOTHER, Asked.TELL_WIN):  # a win just heard
            return self._not_a_win.handle(handler_input)
        found = self._erasure.undoable(person_key(handler_input))
        if not isinstance(found, Gone):
            return ask_to_delete(handler_input, found, self._rng)
        # Deleted in another conversation, a moment ago: named, and back only on a yes.
        session_attributes(handler_input)[RESTORING] = _record(found)
        words = catalog(handler_input)
        said = render.win_phrase(words, win_from_words(found.text, found.kind))
        reply = render.ask(words, self._rng, "undo.offer", "undo.offer_reprompt", win=said)
        return respond(handler_input, reply)

    def _unfix(self, handler_input: HandlerInput, number: int, at: datetime, was: str) -> Response:
        """ "Undo" right after a correction: the win's words are put back as they were."""
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        attributes.pop(UNDO_FIX, None)
        outcome = self._forgetting.apply(person_key(handler_input), number, at, was)
        if not isinstance(outcome, Corrected):
            reply = render.say(words, self._rng, "undo.fix_failed")
        else:
            attributes[THAT] = number
            said = render.win_phrase(words, win_from_words(was))
            reply = render.say(words, self._rng, "undo.unfixed", win=said)
        return respond(handler_input, go_on(handler_input, reply, self._rng))


def bring_back(handler_input: HandlerInput, erasure: Erasure, rng: Random) -> Response:
    """The win deleted last in this conversation comes back, as it was; "nothing to bring
    back" when none was deleted."""
    record = gone_win(handler_input)
    if record is None:
        return _bring_back_kept(handler_input, erasure, rng)
    gone = _gone(record)
    back = (
        erasure.restore(person_key(handler_input), gone, request_id(handler_input))
        if gone is not None
        else None
    )
    if back is not None:
        take_back_gone(handler_input)
    return _brought_back(handler_input, back, rng)


def _bring_back_kept(handler_input: HandlerInput, erasure: Erasure, rng: Random) -> Response:
    """ "Bring it back" with nothing deleted in this conversation: the win the profile keeps
    as deleted last, if deleted a moment ago; else "nothing to bring back"."""
    back = erasure.restore_kept(person_key(handler_input), request_id(handler_input))
    if back is None:
        reply = render.say(catalog(handler_input), rng, "undo.nothing")
        return respond(handler_input, go_on(handler_input, reply, rng))
    return _brought_back(handler_input, back, rng)


def _brought_back(handler_input: HandlerInput, back: LastWin | None, rng: Random) -> Response:
    words = catalog(handler_input)
    if back is None:
        reply = render.say(words, rng, "undo.failed")
    else:
        session_attributes(handler_input)[THAT] = back.number
        reply = render.say(words, rng, "undo.done", win=render.win_phrase(words, back.win))
    return respond(handler_input, go_on(handler_input, reply, rng))


class RestoreAnswerHandler(AbstractRequestHandler):
    """Yes or no to "The win you deleted last was: ... Shall I bring it back?". Only a yes
    brings it back."""

    def __init__(self, erasure: Erasure, rng: Random) -> None:
        self._erasure = erasure
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if answer(handler_input) is None:  # first: an event out of session has no attributes
            return False
        return asked(handler_input) is Asked.RESTORE

    def handle(self, handler_input: HandlerInput) -> Response:
        record = session_attributes(handler_input).pop(RESTORING, None)
        if answer(handler_input) is not Answer.YES:
            reply = render.say(catalog(handler_input), self._rng, "undo.kept")
            if answer(handler_input) is Answer.NO:  # "that's all" ends it
                reply = go_on(handler_input, reply, self._rng)
            return respond(handler_input, reply)
        gone = _gone(record) if isinstance(record, dict) else None
        back = (
            self._erasure.restore(person_key(handler_input), gone, request_id(handler_input))
            if gone is not None
            else None
        )
        return _brought_back(handler_input, back, self._rng)


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
