"""The intents of deleting or correcting any win, and the same requests made in words other
intents' samples took ("can you delete the one about the oven", "oops I meant fed the cat").
What they do is ``Forgets``'s (``forgetting.py``)."""

from __future__ import annotations

from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.domain.forget_asks import AskKind, ForgetAsk, forget_asked
from skill.domain.matching import pointer_in, position_in, positions_in
from skill.domain.patterns import compiled
from skill.handlers.common import (
    UNDO,
    answer,
    asked,
    catalog,
    gone_win,
    intent_name,
    session_attributes,
    slot_text,
)
from skill.handlers.deletion import NotAWinIntentHandler
from skill.handlers.forgetting import FORGET_NEXT, FORGETTING, THAT, Forgets, listed
from skill.handlers.undoing import bring_back
from skill.services.erasure import Erasure
from skill.speech import render
from skill.speech.questions import Asked

# "change the second one to fed the cat", as the words of "change the {words}" arrive.
_PLACE_THEN_WORDS: Final = (
    r"(?i)^(?:the\s+|number\s+)?(?P<place>most recent|very last|\w+)(?:\s+(?:one|win))?"
    r"\s+(?:to|into)\s+(?P<words>.+)$"
)
# Request attribute: what ``ForgetAskedHandler`` found the words ask for.
FORGET_ASKED: Final = "forget_asked"


class DeleteWinIntentHandler(AbstractRequestHandler):
    """ "Delete the one about the oven", "get rid of the laundry one": found by its words."""

    def __init__(self, forgets: Forgets) -> None:
        self._forgets = forgets

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("DeleteWinIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        about = slot_text(handler_input, "about") or ""
        several = positions_in(about)
        if several is not None:  # "delete the second one and the third one": in turn
            return self._forgets.by_places(handler_input, several)
        position = position_in(about)
        if position is not None:  # "delete the second one", heard through the words' sample
            return self._forgets.by_place(handler_input, position)
        return _named_in(self._forgets, handler_input, about)


def _named_in(forgets: Forgets, handler_input: HandlerInput, about: str) -> Response:
    """The win "delete {about}" names, reasons and all ("the second one, that's not a win,
    that's me saying yeah"; "you did do it"): by its place, else by its words."""
    found = forget_asked(f"delete {about}")
    if found is not None and found.kind is AskKind.DELETE and found.position is not None:
        return forgets.by_place(handler_input, found.position)
    if found is not None and found.kind is AskKind.DELETE and found.about:
        return forgets.by_words(handler_input, found.about)
    return forgets.by_words(handler_input, about)


class DeleteWinAtIntentHandler(AbstractRequestHandler):
    """ "Delete the second one", "delete number three", "delete the last one"; and "the
    second one" said to "Which one?"."""

    def __init__(self, forgets: Forgets, rng: Random) -> None:
        self._forgets = forgets
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if is_intent_name("PickWinIntent")(handler_input):
            return not picks_nothing(handler_input)
        return bool(is_intent_name("DeleteWinAtIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        said = slot_text(handler_input, "position") or ""
        picking = is_intent_name("PickWinIntent")(handler_input)
        if picking and asked(handler_input) not in FORGETTING:  # a pick with nothing to pick
            reply = render.say(catalog(handler_input), self._rng, "forget.pick_what")
            return self._forgets.said(handler_input, reply)
        several = positions_in(said)
        if several is not None and not picking:  # "delete the first and the third"
            return self._forgets.by_places(handler_input, several)
        position = position_in(said)
        if position is None:  # a custom slot is no enum: "delete the laundry one"
            return _named_in(self._forgets, handler_input, said)
        return self._forgets.by_place(handler_input, position)


class DeleteWinOnIntentHandler(AbstractRequestHandler):
    """ "Delete the win from Tuesday", "remove the one from the 30th of December": the win
    logged that day, named and asked about first (which one, when there were several)."""

    def __init__(self, forgets: Forgets) -> None:
        self._forgets = forgets

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("DeleteWinOnIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return self._forgets.on_day(handler_input, slot_text(handler_input, "date"))


def picks_nothing(handler_input: HandlerInput) -> bool:
    """ "the {position} one" that names no place, said when no win was asked about ("the old
    hoover gave up the ghost so i bought a new one"): a statement, never a pick or an edit."""
    if not is_intent_name("PickWinIntent")(handler_input):
        return False
    said = slot_text(handler_input, "position") or ""
    return asked(handler_input) is not Asked.FORGET_WHICH and position_in(said) is None


class ForgetAnswerHandler(AbstractRequestHandler):
    """Yes, no, "that's all" or "another" after "Delete ...?" or "Which one?"."""

    def __init__(self, forgets: Forgets) -> None:
        self._forgets = forgets

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if answer(handler_input) is None:  # first: an event out of session has no attributes
            return False
        return asked(handler_input) in FORGETTING

    def handle(self, handler_input: HandlerInput) -> Response:
        return self._forgets.answer(handler_input)


class CorrectWinIntentHandler(AbstractRequestHandler):
    """ "Change that to I cleaned the oven", "no I said walked the dog", "change the second
    one to fed the cat": the win's words are replaced, once the new ones are judged a win."""

    def __init__(self, forgets: Forgets, rng: Random) -> None:
        self._forgets = forgets
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(
            is_intent_name("CorrectWinIntent")(handler_input)
            or is_intent_name("CorrectWinAtIntent")(handler_input)
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        said = slot_text(handler_input, "words")
        if not is_intent_name("CorrectWinAtIntent")(handler_input):
            return self._forgets.correct(handler_input, said, None)
        # "change the {words}": "second one to fed the cat"
        found = compiled(_PLACE_THEN_WORDS).match(said or "")
        position = position_in(found["place"]) if found else None
        if found is not None and position is not None:
            return self._forgets.correct(handler_input, found["words"], position)
        # "the pumpkin one to ...", "last one, it's watered the plants"
        named = forget_asked(f"change the {said or ''}")
        if named is not None and named.kind is AskKind.CORRECT and named.about:
            return self._forgets.correct(handler_input, named.words, None, about=named.about)
        if named is not None and named.kind is AskKind.CORRECT and named.position is not None:
            return self._forgets.correct(handler_input, named.words, named.position)
        reply = render.say(catalog(handler_input), self._rng, "correct.how")
        return self._forgets.said(handler_input, reply)


# Intents that never carry a request to delete or correct one win in their slots (their own
# words are a time, a date or a style), and this module's own.
_NOT_ASKED_THROUGH: Final = frozenset(
    {
        "DeleteWinIntent",
        "DeleteWinAtIntent",
        "PickWinIntent",
        "CorrectWinIntent",
        "CorrectWinAtIntent",
        "RecallIntent",
        "CountWinsIntent",
        "SetMorningReminderIntent",
    }
)


def _asked_in(handler_input: HandlerInput, leads: dict[str, str]) -> ForgetAsk | None:
    """The request to delete or correct a win that a slot's words make, alone or after what
    the intent's samples say before them ("I {win}", "please {saying}"); None otherwise."""
    name = intent_name(handler_input) or ""
    if name in _NOT_ASKED_THROUGH:
        return None
    request = handler_input.request_envelope.request
    slots = getattr(getattr(request, "intent", None), "slots", None) or {}
    for slot in sorted(slots):
        words = slot_text(handler_input, slot)
        if not words:
            continue
        for said in (words, f"{leads.get(name, '')} {words}".strip()):
            found = forget_asked(said)
            if found is not None:
                return found
        if asked(handler_input) is Asked.FORGET_WHICH and position_in(words) is not None:
            return ForgetAsk(AskKind.DELETE, position_in(words))  # "the third one please"
    return None


# Questions whose answer names a thing of its own, never a correction of a win before them.
# (The morning question asked again right after a win is not one: "sorry, the dog" said then
# puts the win right, its mark says so.)
_ASKING_FOR_A_THING: Final = frozenset({Asked.GOAL, Asked.STYLE})


def _right_after_a_win(handler_input: HandlerInput) -> bool:
    """A win was logged or named in this conversation, and no question asks for a thing
    ("no, the laundry" said to the morning question at launch is the one thing)."""
    if session_attributes(handler_input).get(THAT) is None:
        return False
    return asked(handler_input) not in _ASKING_FOR_A_THING


class ForgetAskedHandler(AbstractRequestHandler):
    """ "Can you delete the one about the oven", "please get rid of the second one", "oops I
    meant fed the cat", "bring that one back": asked in words another intent's samples took.
    Asked after the screen, so crisis words never get here."""

    def __init__(
        self, forgets: Forgets, erasure: Erasure, leads: dict[str, str], rng: Random
    ) -> None:
        self._forgets = forgets
        self._erasure = erasure
        self._leads = leads
        self._rng = rng
        self._pointed = NotAWinIntentHandler(erasure, rng)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        found = _asked_in(handler_input, self._leads)
        if found is not None and found.kind is AskKind.REGRET and gone_win(handler_input) is None:
            found = None  # "I didn't mean that" with nothing deleted: not about a delete
        if found is not None and found.bare and not _right_after_a_win(handler_input):
            found = None  # "no, the laundry" to the morning question: no correction
        handler_input.attributes_manager.request_attributes[FORGET_ASKED] = found
        return found is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        found = handler_input.attributes_manager.request_attributes.get(FORGET_ASKED)
        assert isinstance(found, ForgetAsk)  # can_handle said so
        if found.kind in (AskKind.RESTORE, AskKind.REGRET):
            return bring_back(handler_input, self._erasure, self._rng)
        if found.kind is AskKind.CORRECT:
            about = found.about or None
            return self._forgets.correct(handler_input, found.words, found.position, about)
        if found.places:  # "bin the last two": each asked about in turn
            return self._forgets.by_places(handler_input, list(found.places))
        if found.position is not None:
            return self._forgets.by_place(handler_input, found.position)
        if not found.about:  # "can you take it off": the win just heard, else the last logged
            return self._pointed.handle(handler_input)
        return self._forgets.by_words(handler_input, found.about)


# The free-text slots words that only point at wins may arrive in.
_POINTED_IN: Final = {"CatchAllIntent": "phrase", "SayingIntent": "saying", "LogWinIntent": "win"}
_ALSO: Final = r"\b(?:too|as well|aswell|also)\s*$"


def _pointing(handler_input: HandlerInput) -> bool:
    """Whether there is something to point at by its words: a delete asked about, a list read
    out, or a win deleted in this conversation."""
    attributes = session_attributes(handler_input)
    question = asked(handler_input)
    return (
        question in (Asked.FORGET, Asked.FORGET_WHICH)
        or bool(listed(attributes))
        or bool(attributes.get(UNDO))
    )


class PointerHandler(AbstractRequestHandler):
    """ "The second", "both", "and the bed one", "the second one too": words that only point
    at wins, never a win of their own. Said to "Which one?", "both" asks about each in turn;
    "... too" to "Delete ...?" is a yes, then that one; anything else points to the win or
    wins named, each asked about before it is deleted."""

    def __init__(self, forgets: Forgets, rng: Random) -> None:
        self._forgets = forgets
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        name = intent_name(handler_input) or ""
        if name not in _POINTED_IN:
            return False
        words = slot_text(handler_input, _POINTED_IN[name])
        pointer = pointer_in(words or "") if words else None
        if pointer is None:
            return False
        # "and the pancake one" with nothing read out, asked or deleted: it points at nothing
        return bool(pointer.places or pointer.every) or _pointing(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        words = slot_text(handler_input, _POINTED_IN[intent_name(handler_input) or ""]) or ""
        pointer = pointer_in(words)
        assert pointer is not None  # can_handle said so
        question = asked(handler_input)
        attributes = session_attributes(handler_input)
        if pointer.every:
            shown = listed(attributes) if question is Asked.FORGET_WHICH else None
            if not shown:  # "both" with no choice open: what can be said instead
                reply = render.say(catalog(handler_input), self._rng, "forget.pick_what")
                return self._forgets.said(handler_input, reply)
            return self._forgets.by_places(handler_input, list(range(1, len(shown) + 1)))
        if question is Asked.FORGET and compiled(_ALSO).search(words.lower()) and pointer.places:
            attributes[FORGET_NEXT] = list(pointer.places)
            return self._forgets.answer(handler_input, agreed=True)
        if pointer.places:
            return self._forgets.by_places(handler_input, list(pointer.places))
        return self._forgets.by_words(handler_input, pointer.about)
