""" "What time did I log the weld one", "when did I save the bracket": when the most recent
win those words describe was logged, said in the person's zone."""

from __future__ import annotations

from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.domain.day_words import undated
from skill.domain.patterns import compiled, spoken_words
from skill.handlers.common import (
    catalog,
    go_on,
    person_key,
    respond,
    session_attributes,
    slot_text,
)
from skill.handlers.forgetting import THAT
from skill.services.when_logged import LoggedWhen, NoneLike, NoWinsYet, WhenLogged
from skill.speech import render
from skill.speech.render import day_said

# Words that point at the win talked of last, or the newest: "that", "it", "my last win".
_LATEST: Final = (
    r"^(?:that|it|this|that one|this one|the last one|my last one|(?:my|the) (?:last|latest"
    r"|newest|most recent) (?:win|one)|my last win)$"
)


class WhenLoggedIntentHandler(AbstractRequestHandler):
    """``WhenLoggedIntent``: the slot ``about`` (screened first, as every slot is) names the
    win; its time and day are said, or that none like it was found."""

    def __init__(self, when: WhenLogged, rng: Random) -> None:
        self._when = when
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("WhenLoggedIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        about = slot_text(handler_input, "about") or ""
        found: LoggedWhen | NoneLike | NoWinsYet
        if compiled(_LATEST).match(spoken_words(about)):  # "when did I log that": the last
            number = session_attributes(handler_input).get(THAT)
            found = self._when.that(
                person_key(handler_input), number if isinstance(number, int) else None
            )
        else:
            found = self._when.find(person_key(handler_input), about)
        if isinstance(found, NoWinsYet):
            reply = render.say(words, self._rng, "when_logged.no_wins")
        elif not isinstance(found, LoggedWhen):
            reply = render.say(words, self._rng, "when_logged.none")
        elif found.told_at is not None:  # filed by a day said: the day only, never a time
            reply = render.say(
                words,
                self._rng,
                "when_logged.said_day",
                day=_lower(day_said(words, found.at.date(), found.today)).removeprefix("on "),
                told_day=_lower(day_said(words, found.told_at.date(), found.today)),
                what=undated(render.win_phrase(words, found.win)).removeprefix("you "),
                win=undated(render.win_phrase(words, found.win)),
            )
        else:
            day = day_said(words, found.at.date(), found.today)
            reply = render.say(
                words,
                self._rng,
                "when_logged.said",
                day=day[:1].lower() + day[1:],
                time=render.spoken_time(words, found.at.hour, found.at.minute),
                win=render.win_phrase(words, found.win),
            )
        return respond(handler_input, go_on(handler_input, reply, self._rng))


def _lower(day: str) -> str:
    """A day as it goes within a sentence: "yesterday", "on Tuesday"."""
    return day[:1].lower() + day[1:]
