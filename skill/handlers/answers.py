"""Answers without news: yes, no, "that's all", "another", help and stop, read against the
question the skill asked last (``Asked``). Every question has an answer for each of them.

The questions with answers of their own (crisis, an offered win, a goal's check-in, deleting)
are answered by their handlers, which are asked first; this handler takes the rest.
"""

from __future__ import annotations

from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.handlers.common import (
    HELPED,
    SAID,
    WINS_TODAY,
    Answer,
    answer,
    asked,
    catalog,
    free_words,
    go_on,
    not_understood,
    person_key,
    respond,
    session_attributes,
)
from skill.handlers.deletion import DELETIONS
from skill.handlers.reminders import ReminderSetter
from skill.handlers.wins import HearsWins, LogsWins
from skill.services.routines import Routines
from skill.speech import render
from skill.speech.questions import CONFIRMATIONS, Asked
from skill.speech.render import Reply

# "Yes" to a question that asks for words: the question again, plainly.
_YES: Final[dict[Asked, tuple[str, str]]] = {
    Asked.WIN: ("ask_win.speech", "ask_win.reprompt"),
    Asked.TELL_WIN: ("ask_win.speech", "ask_win.reprompt"),
    Asked.ANYTHING_ELSE: ("ask_win.else", "ask_win.reprompt"),
    Asked.ONE_THING: ("one_thing.ask", "morning.reprompt"),
    Asked.GOAL: ("goal.ask", "goal.ask_reprompt"),
    Asked.STYLE: ("style.choose", "style.reprompt"),
    Asked.REMINDER_WHEN: ("reminder.which_time", "reminder.which_time_reprompt"),
    Asked.REMINDER_HALF: ("reminder.which_half_plain", "reminder.which_half_reprompt"),
    Asked.WHAT_NEXT: ("answer.what_next", "answer.what_next_reprompt"),
}

# "No" or "that's all": a kind close that fits what was asked; the session ends.
_NO: Final[dict[Asked, str]] = {
    Asked.WIN: "answer.no_win",
    Asked.TELL_WIN: "answer.no_win",
    Asked.ONE_THING: "answer.no_plan",
    Asked.GOAL: "answer.no_goal",
    Asked.STYLE: "answer.style_kept",
    Asked.REMINDER_WHEN: "reminder.not_set",
    Asked.REMINDER_TIME: "reminder.not_set",
    Asked.REMINDER_HALF: "reminder.not_set",
}

# "No" to these, in a conversation the person opened, moves on to the wins instead.
_MOVES_ON: Final[dict[Asked, str]] = {
    Asked.ONE_THING: "answer.no_plan_on",
    Asked.REMINDER_WHEN: "reminder.not_set",
    Asked.REMINDER_HALF: "reminder.not_set",
}

# Help for the question that is open: what can be said next, here.
# After an open-ended question ("What did you do?", "Anything else?") help is the whole list:
# what the skill can do, briefly, and "What would you like?".
_HELP: Final[dict[Asked, str]] = {
    Asked.ONE_THING: "help.one_thing",
    Asked.GOAL: "help.goal",
    Asked.STYLE: "help.style",
    Asked.REMINDER_WHEN: "help.reminder_when",
    Asked.REMINDER_HALF: "help.reminder_half",
    Asked.HEAR_ANOTHER: "help.hear_another",
}
_HELP_REPROMPTS: Final[dict[str, str]] = {
    "help.one_thing": "morning.reprompt",
    "help.goal": "goal.ask_reprompt",
    "help.style": "style.reprompt",
    "help.reminder_when": "reminder.which_time_reprompt",
    "help.reminder_half": "reminder.which_half_reprompt",
    "help.hear_another": "hear.reprompt",
    "help.speech": "help.reprompt",
}


class AnswerHandler(AbstractRequestHandler):
    """Yes, no, "that's all" and "another", for every question without answers of its own."""

    def __init__(
        self,
        logs: LogsWins,
        hears: HearsWins,
        reminders: ReminderSetter,
        routines: Routines,
        rng: Random,
    ) -> None:
        self._logs = logs
        self._hears = hears
        self._reminders = reminders
        self._routines = routines
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return answer(handler_input) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        question = asked(handler_input)
        said = answer(handler_input)
        if question is Asked.REMINDER_TIME and said in (Answer.YES, Answer.NO, Answer.ANOTHER):
            # "Is 8 AM good?" Yes sets it; no (or "another time") asks which time.
            return self._reminders.answer(handler_input, yes=said is Answer.YES)
        if said is Answer.ANOTHER:
            if question in (Asked.WIN, Asked.TELL_WIN, Asked.ANYTHING_ELSE):
                return self._logs.ask_what(handler_input, "ask_win.else")
            return self._hears.one(handler_input)
        if said is Answer.YES:
            if question is Asked.HEAR_ANOTHER:
                return self._hears.one(handler_input)
            if question is Asked.STYLE and _said_last(handler_input, "style.choose"):
                # a yes to the choices said plainly: no third time, the style stays
                return respond(handler_input, render.say(words, self._rng, "answer.style_kept"))
            speech, reprompt = _YES.get(question or Asked.WHAT_NEXT, _YES[Asked.WHAT_NEXT])
            return respond(handler_input, render.ask(words, self._rng, speech, reprompt))
        # "I'm done" out of the blue: most likely the one-minute goal. ("Nothing" never is.)
        if (
            said is Answer.FINISHED
            and question is None
            and self._routines.open_goal(person_key(handler_input)) is not None
        ):
            return self._logs.finish_goal(handler_input)
        key = _NO.get(question, "answer.goodbye") if question else "answer.goodbye"
        if said is Answer.NO and question in _MOVES_ON:  # a plain no, not "that's all"
            moved_on = go_on(
                handler_input, render.say(words, self._rng, _MOVES_ON[question]), self._rng
            )
            if moved_on.reprompt is not None:
                return respond(handler_input, moved_on)
        return respond(handler_input, self._closing(handler_input, question, key))

    def _closing(self, handler_input: HandlerInput, question: Asked | None, key: str) -> Reply:
        """The kind close for ``key``; no win to tell ("nothing", "that's it") on a day with
        wins logged already is told their count instead, plainly."""
        words = catalog(handler_input)
        today = int(session_attributes(handler_input).get(WINS_TODAY) or 0)
        if today > 0 and question in (Asked.WIN, Asked.TELL_WIN):
            return render.enough(words, self._rng, today)
        return render.say(words, self._rng, key)


def _said_last(handler_input: HandlerInput, key: str) -> bool:
    """Whether the last reply said one of ``key``'s texts."""
    last = session_attributes(handler_input).get(SAID)
    speech = last.get("speech") if isinstance(last, dict) else None
    return isinstance(speech, str) and any(
        text in speech for text in catalog(handler_input).variants(key)
    )


class HelpIntentHandler(AbstractRequestHandler):
    """What you can say next, here; the question that was open stays open. "What can you
    do?", or help asked twice running, gets the whole list."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(
            is_intent_name("AMAZON.HelpIntent")(handler_input)
            or is_intent_name("WhatCanYouDoIntent")(handler_input)
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        attributes = session_attributes(handler_input)
        again = attributes.get(HELPED) is True or bool(
            is_intent_name("WhatCanYouDoIntent")(handler_input)
        )
        question = asked(handler_input)
        if question in CONFIRMATIONS and not again:
            reply = render.ask(
                words, self._rng, "help.yes_no", "help.yes_no_reprompt", asked=question
            )
        else:
            key = _HELP.get(question, "help.speech") if question and not again else "help.speech"
            reply = render.ask(words, self._rng, key, _HELP_REPROMPTS[key])
        response = respond(handler_input, reply)
        attributes[HELPED] = True
        return response


class GoodbyeIntentHandler(AbstractRequestHandler):
    """Stop, Cancel and NavigateHome: a short goodbye, and the session ends.

    Stopping in the middle of a deletion question says plainly that nothing was deleted.
    """

    INTENTS = ("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent")

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return any(is_intent_name(name)(handler_input) for name in self.INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        question = asked(handler_input)
        session_attributes(handler_input).clear()
        key = "delete.stopped" if question in DELETIONS else "goodbye"
        return respond(handler_input, render.say(catalog(handler_input), self._rng, key))


class PoliteGoodbyeHandler(GoodbyeIntentHandler):
    """A goodbye said in words of its own, whatever intent brought them and whatever was asked
    ("thank you kindly, goodbye", "right, bye then", "cheerio", "that's all, good night"): a
    short goodbye, and the session ends. Only courtesy and closing words, said whole: a
    farewell with more in it ("goodbye everyone") is judged by the screen, asked first.
    Words after a lead-in ("this is goodbye", "tonight goodbye") never arrive here."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        said = free_words(handler_input)
        if said is None:
            return False
        from skill.domain.closings import polite_close  # on first use: it compiles patterns
        from skill.domain.screen import canonical

        return polite_close(canonical(said)) == "goodbye"


def closing(handler_input: HandlerInput, rng: Random, *, rest: bool = False) -> Response:
    """ "No", "that's all" or a goodbye to the open question: a kind close that fits it; said
    worn out (``rest``), a word of rest."""
    question = asked(handler_input)
    key = _NO.get(question, "answer.goodbye") if question else "answer.goodbye"
    key = "answer.rest" if rest else key
    return respond(handler_input, render.say(catalog(handler_input), rng, key))


class FallbackIntentHandler(AbstractRequestHandler):
    """Anything unmatched, and any request no other handler takes: a gentle redirect.

    The open question is asked again, plainly, once; a second miss in a row drops it and
    says how to get help (see ``not_understood``). Registered last.
    """

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return not_understood(handler_input, self._rng)
