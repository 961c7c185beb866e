"""The weekly recap: offered at launch ("Want to hear your week?"), read by voice any time
("read me my week"), and its day and whether it is on, as the person says."""

from __future__ import annotations

from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.domain.list_read import MY_WEEK, RECAP_WEEK, SpanAsk
from skill.handlers.common import (
    BRIEF,
    MORNING_NEXT,
    Answer,
    answer,
    asked,
    catalog,
    intent_name,
    person_key,
    respond,
    session_attributes,
    slot_id,
    slot_text,
)
from skill.handlers.recall import Recalls, note_morning, place_of, placed
from skill.services.recap import Launch, Recaps
from skill.speech import recap as words_of
from skill.speech import render
from skill.speech.questions import Asked

# The recap on offer: its week, and whether the morning question waits behind it.
RECAP: Final = "recap"
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def offer_recap(handler_input: HandlerInput, launch: Launch, rng: Random) -> Response | None:
    """The recap's question at launch, when one is due; None otherwise."""
    if launch.recap is None:
        return None
    session_attributes(handler_input)[RECAP] = {
        "span": placed(launch.recap.span, 0),
        "morning": launch.state.morning_prompt,
        "today": launch.today.isoformat() if launch.today is not None else None,
        "count": launch.recap.wins if launch.recap.exact else None,
    }
    reply = words_of.offer(catalog(handler_input), rng, launch.recap, brief=launch.state.brief)
    return respond(handler_input, reply)


class RecapAnswerHandler(AbstractRequestHandler):
    """Yes to "Want to hear your week?" reads it; no moves on to the launch's question; "that's
    all" ends kindly."""

    def __init__(self, recalls: Recalls, recaps: Recaps, rng: Random) -> None:
        self._recalls = recalls
        self._recaps = recaps
        self._rng = rng

    def _note_morning(self, handler_input: HandlerInput, today: object) -> None:
        note_morning(self._recaps, handler_input, today)

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if asked(handler_input) is not Asked.RECAP:
            return False
        return _number_asked(handler_input) or answer(handler_input) in (
            Answer.YES,
            Answer.ANOTHER,
            Answer.NO,
            Answer.DONE,
            Answer.FINISHED,
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        attributes = session_attributes(handler_input)
        offered = attributes.pop(RECAP, None)
        said = answer(handler_input)
        words = catalog(handler_input)
        if said in (Answer.DONE, Answer.FINISHED):
            return respond(handler_input, render.say(words, self._rng, "answer.goodbye"))
        morning = isinstance(offered, dict) and bool(offered.get("morning"))
        count = offered.get("count") if isinstance(offered, dict) else None
        if _number_asked(handler_input) and isinstance(count, int):
            # "Only the number": how many, then on, as after a no (the wins are not read)
            if morning and isinstance(offered, dict):
                self._note_morning(handler_input, offered.get("today"))
            key = "recap.number_one" if count == 1 else "recap.number"
            number = render.say(words, self._rng, key, count=count)
            then = words_of.declined(words, self._rng, morning=morning)
            return respond(handler_input, then._replace(speech=f"{number.speech} {then.speech}"))
        if said is Answer.NO:
            if morning and isinstance(offered, dict):  # asked now: not again today
                self._note_morning(handler_input, offered.get("today"))
            return respond(handler_input, words_of.declined(words, self._rng, morning=morning))
        if morning and isinstance(offered, dict) and isinstance(offered.get("today"), str):
            attributes[MORNING_NEXT] = offered["today"]  # asked once the reading stops
        place = place_of(offered.get("span")) if isinstance(offered, dict) else None
        if place is None:
            return self._recalls.span(handler_input, RECAP_WEEK, shape=True)
        brief = bool(attributes.get(BRIEF))
        return self._recalls.span(handler_input, place[0], brief=brief, shape=True)


def _number_asked(handler_input: HandlerInput) -> bool:
    """ "Only the number", said to "Want to hear your week?" in the catch-all's words."""
    from skill.domain.plain_answers import number_only

    if intent_name(handler_input) != "CatchAllIntent":
        return False
    words = slot_text(handler_input, "phrase")
    return bool(words) and number_only(words or "")


class ReadRecapIntentHandler(AbstractRequestHandler):
    """ "How was my week", "give me my recap", "my weekly summary": the week so far, from the
    person's recap day (on that day, before anything is logged, the week just gone), begun
    with its shape: how many, and the busiest day."""

    def __init__(self, recalls: Recalls) -> None:
        self._recalls = recalls

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("ReadRecapIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return self._recalls.span(handler_input, MY_WEEK, shape=True)


class OnThisDayIntentHandler(AbstractRequestHandler):
    """ "What did I do a year ago today?", "on this day last month": that day's wins, or, when
    there are none, said kindly with a win from another day offered (named by its own day)."""

    def __init__(self, recalls: Recalls) -> None:
        self._recalls = recalls

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("OnThisDayIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        unit = "month" if slot_id(handler_input, "ago") == "month" else "year"
        return self._recalls.span(handler_input, SpanAsk.ago(unit))


class RecapSettingsHandler(AbstractRequestHandler):
    """ "Do my recap on Sundays", "turn off my recap", "turn my recap back on"."""

    _INTENTS: Final = ("SetRecapDayIntent", "StopRecapIntent", "StartRecapIntent")

    def __init__(self, recaps: Recaps, rng: Random) -> None:
        self._recaps = recaps
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return any(is_intent_name(name)(handler_input) for name in self._INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        person = person_key(handler_input)
        if is_intent_name("StopRecapIntent")(handler_input):
            self._recaps.turn(person, on=False)
            return respond(handler_input, render.say(words, self._rng, "recap.off"))
        if is_intent_name("StartRecapIntent")(handler_input):
            self._recaps.turn(person, on=True)
            return respond(handler_input, render.say(words, self._rng, "recap.on"))
        chosen = slot_id(handler_input, "day")
        if chosen not in _WEEKDAYS:
            return respond(handler_input, render.say(words, self._rng, "recap.no_day"))
        day = _WEEKDAYS.index(chosen)
        self._recaps.set_day(person, day)
        return respond(handler_input, words_of.day_set(words, self._rng, day))
