"""Deleting or correcting any win by voice: "delete the second one", "delete the one about the
oven", "change that to I cleaned the oven", "change the second one to fed the cat".

Deleting always asks first, naming the win; only a yes deletes, and only that win. The list a
place counts in is the one read out last in this conversation (``LISTED``: its win numbers,
kept by the recall and by a celebration of several wins).
"""

from __future__ import annotations

import re
from datetime import datetime
from random import Random
from typing import Any, Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.domain.forget_asks import AskKind, ForgetAsk, forget_asked
from skill.domain.matching import position_in
from skill.handlers.common import (
    Answer,
    answer,
    asked,
    catalog,
    follows_up,
    intent_name,
    person_key,
    respond,
    session_attributes,
    slot_text,
)
from skill.services.forgetting import (
    Chosen,
    Corrected,
    Forgetting,
    NoList,
    NoMatch,
    NothingToCorrect,
    NotInList,
    NoWinsToFind,
    Several,
)
from skill.services.wins import CheckIn, Crisis, Logged, NotAWin
from skill.speech import render
from skill.speech.catalog import Catalog
from skill.speech.questions import Asked

# The win numbers of the list read out last, in the order read (None: deleted since).
LISTED: Final = "listed"
# The win named or logged last in this conversation, by number: what "change that" corrects.
THAT: Final = "that"
# The win a "Delete ...?" question named: its number, time and the count seen.
FORGET: Final = "forget"
FORGETTING: Final = frozenset({Asked.FORGET, Asked.FORGET_WHICH})
# Request attribute: what ``ForgetAskedHandler`` found the words ask for.
FORGET_ASKED: Final = "forget_asked"
# "change the second one to fed the cat", as the words of "change the {words}" arrive.
_PLACE_THEN_WORDS: Final = re.compile(
    r"^(?:the\s+|number\s+)?(?P<place>most recent|very last|\w+)(?:\s+(?:one|win))?"
    r"\s+(?:to|into)\s+(?P<words>.+)$",
    re.IGNORECASE,
)
_GO_ON: Final = ("continue.speech", "continue.reprompt")
# Intents whose words are a win's new words: screened as a win said after "I" is.
CORRECTING: Final = ("CorrectWinIntent", "CorrectWinAtIntent")


def listed(attributes: dict[str, Any]) -> list[int | None] | None:
    """The list read out last, as kept; None when there is none (or it is not as written)."""
    value = attributes.get(LISTED)
    if not isinstance(value, list) or not value:
        return None
    if not all(number is None or isinstance(number, int) for number in value):
        return None
    return value


def remember_list(attributes: dict[str, Any], numbers: list[int]) -> None:
    """Keep the wins just read out, in order, for "delete the second one"."""
    if numbers:
        attributes[LISTED] = numbers


def remember_logged(attributes: dict[str, Any], logged: Logged) -> None:
    """Keep the win just logged, for "change that to ...", and several logged at once as the
    list read out (their numbers follow on from the count before)."""
    if logged.duplicate:  # a redelivery: its numbers are not known here
        return
    total = logged.plan.total
    attributes[THAT] = total
    if logged.others:
        remember_list(attributes, list(range(total - len(logged.wins) + 1, total + 1)))


def _kept(chosen: Chosen) -> dict[str, Any]:
    return {"number": chosen.number, "at": chosen.created_at.isoformat(), "count": chosen.total}


def _chosen_from(value: object) -> tuple[int, datetime, int] | None:
    """The win a "Delete ...?" question named, as ``_kept`` wrote it; None otherwise."""
    if not isinstance(value, dict):
        return None
    try:
        number, at, count = value["number"], datetime.fromisoformat(value["at"]), value["count"]
    except (KeyError, TypeError, ValueError):
        return None
    if not isinstance(number, int) or not isinstance(count, int) or at.tzinfo is None:
        return None
    return number, at, count


def _after_deleting(attributes: dict[str, Any], number: int, count: int) -> None:
    """The list read out and "that", once win ``number`` of ``count`` is gone and the last
    took its number: its place in the list is empty, and the last win, if kept, is found
    under its new number."""
    if attributes.get(THAT) == number:
        attributes.pop(THAT, None)
    elif attributes.get(THAT) == count:
        attributes[THAT] = number
    kept = listed(attributes)
    if kept is not None:
        attributes[LISTED] = [
            None if entry == number else number if entry == count else entry for entry in kept
        ]


class Forgets:
    """Finds the win meant, asks before deleting it, and corrects it."""

    def __init__(self, forgetting: Forgetting, rng: Random) -> None:
        self._forgetting = forgetting
        self._rng = rng

    def said(self, handler_input: HandlerInput, reply: render.Reply) -> Response:
        """A statement; in a conversation, "Anything else?" after it, so "change that" or
        "delete the third one" can follow (never for someone who asked for brief replies)."""
        if follows_up(handler_input):
            question = render.ask(catalog(handler_input), self._rng, *_GO_ON)
            reply = reply._replace(
                speech=f"{reply.speech} {question.speech}",
                reprompt=question.reprompt,
                asked=question.asked,
            )
        return respond(handler_input, reply)

    def by_words(self, handler_input: HandlerInput, about: str) -> Response:
        attributes = session_attributes(handler_input)
        outcome = self._forgetting.about(person_key(handler_input), listed(attributes), about)
        return self._found(handler_input, outcome)

    def by_place(self, handler_input: HandlerInput, position: int) -> Response:
        attributes = session_attributes(handler_input)
        outcome = self._forgetting.at(person_key(handler_input), listed(attributes), position)
        return self._found(handler_input, outcome)

    def _found(
        self,
        handler_input: HandlerInput,
        outcome: Chosen | Several | NoMatch | NoList | NotInList | NoWinsToFind,
    ) -> Response:
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        attributes.pop(FORGET, None)
        if isinstance(outcome, Chosen):
            attributes[FORGET] = _kept(outcome)
            attributes[THAT] = outcome.number  # "no ... change that to ...": this one
            said = render.win_phrase(words, outcome.win)
            reply = render.ask(
                words, self._rng, "forget.confirm", "forget.confirm_reprompt", win=said
            )
            return respond(handler_input, reply)
        if isinstance(outcome, Several):
            attributes[LISTED] = [chosen.number for chosen in outcome.wins]
            named = _named(words, [render.win_phrase(words, c.win) for c in outcome.wins])
            reply = render.ask(
                words, self._rng, "forget.which", "forget.which_reprompt", wins=named
            )
            return respond(handler_input, reply)
        if isinstance(outcome, NoWinsToFind):
            return self.said(handler_input, render.say(words, self._rng, "delete.nothing"))
        if isinstance(outcome, NoList):
            return self.said(handler_input, render.say(words, self._rng, "forget.no_list"))
        if isinstance(outcome, NotInList):
            key = "forget.not_in_list_one" if outcome.size == 1 else "forget.not_in_list"
            return self.said(handler_input, render.say(words, self._rng, key, size=outcome.size))
        return self.said(handler_input, render.say(words, self._rng, "forget.no_match"))

    def answer(self, handler_input: HandlerInput) -> Response:
        """Yes deletes the win named; anything else keeps it."""
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        kept = _chosen_from(attributes.pop(FORGET, None))
        if answer(handler_input) is not Answer.YES:
            return self.said(handler_input, render.say(words, self._rng, "forget.kept"))
        if asked(handler_input) is Asked.FORGET_WHICH:  # a yes to "Which one?": which, again
            again = render.ask(words, self._rng, "forget.which_again", "forget.which_reprompt")
            return respond(handler_input, again)
        if kept is None:
            return self.said(handler_input, render.say(words, self._rng, "delete.last_changed"))
        number, at, count = kept
        if not self._forgetting.forget(person_key(handler_input), number, at, count):
            return self.said(handler_input, render.say(words, self._rng, "delete.last_changed"))
        _after_deleting(attributes, number, count)
        return self.said(handler_input, render.say(words, self._rng, "forget.done"))

    def correct(
        self, handler_input: HandlerInput, said: str | None, position: int | None
    ) -> Response:
        """The words of the win at ``position`` of the list read out, else of the last win
        logged in this conversation, else of the last win, become ``said``."""
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        logged = attributes.get(THAT)
        outcome = self._forgetting.correct(
            person_key(handler_input),
            said,
            number=logged if isinstance(logged, int) else None,
            listed=listed(attributes),
            position=position,
        )
        if isinstance(outcome, Corrected):
            said_back = render.win_phrase(words, outcome.win)
            return self.said(handler_input, render.text(words, "correct.done", win=said_back))
        if isinstance(outcome, Crisis):  # nothing changed: the old words stay
            return respond(handler_input, render.crisis(words))
        if isinstance(outcome, NotAWin):
            refused = render.not_a_win(
                words, self._rng, outcome._replace(offer=None), in_session=False
            )
            unchanged = words.pick("correct.unchanged", self._rng)
            return self.said(
                handler_input, refused._replace(speech=f"{refused.speech} {unchanged}")
            )
        if isinstance(outcome, NoList):
            return self.said(handler_input, render.say(words, self._rng, "forget.no_list"))
        if isinstance(outcome, NotInList):
            key = "forget.not_in_list_one" if outcome.size == 1 else "forget.not_in_list"
            return self.said(handler_input, render.say(words, self._rng, key, size=outcome.size))
        if isinstance(outcome, CheckIn):
            return respond(handler_input, render.check_in(words))
        if isinstance(outcome, NothingToCorrect):
            return self.said(handler_input, render.say(words, self._rng, "correct.nothing"))
        # A shrug or words that say no deed: ask for the new words again, plainly.
        return self.said(handler_input, render.say(words, self._rng, "correct.how"))


def _named(words: Catalog, phrases: list[str]) -> str:
    """ "the first, you cleaned the oven, or the second, you fixed the oven door"."""
    ordinals = words.variants("ordinals")  # "zeroth" first
    parts = [
        words.text("forget.named", place=ordinals[place], win=phrase)
        for place, phrase in enumerate(phrases, start=1)
    ]
    if len(parts) == 1:
        return parts[0]
    return words.text("forget.or", head=", ".join(parts[:-1]), last=parts[-1])


class DeleteWinIntentHandler(AbstractRequestHandler):
    """ "Delete the one about the oven", "get rid of the laundry one": found by its words."""

    def __init__(self, forgets: Forgets) -> None:
        self._forgets = forgets

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("DeleteWinIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        about = slot_text(handler_input, "about") or ""
        position = position_in(about)
        if position is not None:  # "delete the second one", heard through the words' sample
            return self._forgets.by_place(handler_input, position)
        return self._forgets.by_words(handler_input, about)


class DeleteWinAtIntentHandler(AbstractRequestHandler):
    """ "Delete the second one", "delete number three", "delete the last one"; and "the
    second one" said to "Which one?"."""

    def __init__(self, forgets: Forgets, rng: Random) -> None:
        self._forgets = forgets
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(
            is_intent_name("DeleteWinAtIntent")(handler_input)
            or is_intent_name("PickWinIntent")(handler_input)
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        said = slot_text(handler_input, "position") or ""
        picking = is_intent_name("PickWinIntent")(handler_input)
        if picking and asked(handler_input) is not Asked.FORGET_WHICH:
            reply = render.say(catalog(handler_input), self._rng, "forget.pick_what")
            return self._forgets.said(handler_input, reply)
        position = position_in(said)
        if position is None:  # a custom slot is no enum: "delete the laundry one"
            return self._forgets.by_words(handler_input, said)
        return self._forgets.by_place(handler_input, position)


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
        found = _PLACE_THEN_WORDS.match(said or "")
        position = position_in(found["place"]) if found else None
        if found is None or position is None:
            reply = render.say(catalog(handler_input), self._rng, "correct.how")
            return self._forgets.said(handler_input, reply)
        return self._forgets.correct(handler_input, found["words"], position)


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


class ForgetAskedHandler(AbstractRequestHandler):
    """ "Can you delete the one about the oven", "please get rid of the second one", "oops I
    meant fed the cat": asked in words another intent's samples took. Asked after the screen,
    so crisis words never get here."""

    def __init__(self, forgets: Forgets, leads: dict[str, str]) -> None:
        self._forgets = forgets
        self._leads = leads

    def can_handle(self, handler_input: HandlerInput) -> bool:
        found = _asked_in(handler_input, self._leads)
        handler_input.attributes_manager.request_attributes[FORGET_ASKED] = found
        return found is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        found = handler_input.attributes_manager.request_attributes.get(FORGET_ASKED)
        assert isinstance(found, ForgetAsk)  # can_handle said so
        if found.kind is AskKind.CORRECT:
            return self._forgets.correct(handler_input, found.words, found.position)
        if found.position is not None:
            return self._forgets.by_place(handler_input, found.position)
        return self._forgets.by_words(handler_input, found.about)
