"""The daily morning reminder: one per person, through Alexa's Reminders API."""

from __future__ import annotations

import logging
from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.alexa.api import (
    REMINDERS_SCOPE,
    AlexaApiError,
    AlexaApis,
    PermissionMissing,
    RateLimited,
)
from skill.alexa.bodies import daily_reminder
from skill.domain.local_time import (
    DEFAULT_REMINDER,
    DailyTime,
    Half,
    half_unsaid,
    in_half,
    in_named_half,
    in_the_half_of,
    is_vague,
    reminder_time,
    understood_time,
)
from skill.domain.patterns import compiled
from skill.handlers.common import (
    alexa_api,
    answers,
    asked,
    catalog,
    go_on,
    intent_name,
    person_key,
    respond,
    scope_status,
    session_attributes,
    slot_text,
    zone_lookup,
)
from skill.handlers.forgetting import THAT
from skill.services.routines import ReminderState, Routines
from skill.speech import render
from skill.speech.catalog import Catalog
from skill.speech.questions import Asked

logger = logging.getLogger(__name__)

# Session attribute holding the asked-for time while Alexa asks for consent.
PENDING_TIME: Final = "reminder_at"
# Session attribute holding an hour said without "am" or "pm" while its half is asked.
PENDING_HOUR: Final = "reminder_hour"
# "3 in the morning, or 3 in the afternoon?" up to this hour; "in the evening" after it.
_AFTERNOON_UNTIL: Final = 5


def being_set(handler_input: HandlerInput, rng: Random) -> Response | None:
    """ "What time is my reminder?" said while its time is being settled ("7 in the morning,
    or 7 in the evening?", "Is 8 AM good?"): none is set yet, said plainly, and the open
    question asked again, once; None when no reminder is being set."""
    attributes = session_attributes(handler_input)
    words = catalog(handler_input)
    question = asked(handler_input)
    hour, pending = attributes.get(PENDING_HOUR), attributes.get(PENDING_TIME)
    if question is Asked.REMINDER_HALF and isinstance(hour, str):
        reply = _half_question(words, rng, reminder_time(hour))
    elif question is Asked.REMINDER_TIME and isinstance(pending, str):
        at = reminder_time(pending)
        spoken = render.spoken_time(words, *at)
        reply = render.ask(words, rng, _confirm(at), "reminder.confirm_reprompt", time=spoken)
    else:
        return None
    if attributes.pop(_REASKED, None):  # asked again once already: the question is dropped
        attributes.pop(PENDING_HOUR, None)
        attributes.pop(PENDING_TIME, None)
        return None
    response = respond(
        handler_input,
        reply._replace(speech=f"{words.pick('asks.reminder_unset', rng)} {reply.speech}"),
    )
    attributes[_REASKED] = True
    return response


# From this hour on, a reminder is for noticing the day's wins, not for picking a one thing.
_EVENING_FROM: Final = 12


def _confirm(at: tuple[int, int]) -> str:
    """ "Is 8 AM good?", said with what a reminder at that hour is for."""
    return "reminder.confirm_evening" if at[0] >= _EVENING_FROM else "reminder.confirm"


def _half_question(words: Catalog, rng: Random, at: tuple[int, int]) -> render.Reply:
    """ "7 in the morning, or 7 in the evening?" (afternoon for hours up to 5)."""
    hour, minute = at
    said = f"{hour}" if minute == 0 else f"{hour}:{minute:02d}"
    key = (
        "reminder.which_half_afternoon"
        if hour <= _AFTERNOON_UNTIL
        else "reminder.which_half_evening"
    )
    return render.ask(words, rng, key, "reminder.which_half_reprompt", hour=said)


# Set when "what time is my reminder" has asked a reminder's open question again.
_REASKED: Final = "reminder_reasked"


class ReminderSetter:
    """Creates (replacing any earlier one) or removes the person's morning reminder."""

    def __init__(self, routines: Routines, apis: AlexaApis, rng: Random) -> None:
        self._routines = routines
        self._apis = apis
        self._rng = rng

    def request(
        self,
        handler_input: HandlerInput,
        at: str | None,
        *,
        half: Half | None = "am",
        state: ReminderState | None = None,
        keep_half: bool = False,
        exact: bool = False,
    ) -> Response:
        """ "Remind me at 7:30 every day": ask for permission if needed, then create it.

        Without a time the person said, or with only a part of the day ("in the evening"),
        a time is put to them first: a reminder is only ever set for a time they agreed to.
        An hour from 1 to 11 is in the ``half`` of the day the person named ("every morning",
        "every evening"); when they named none, it is asked about once its morning has gone by
        today.
        ``state``: the reminder's state, when this request has read it already.
        ``keep_half``: a new time for the reminder set ("make it half eight"), which keeps its
        half of the day; a reminder asked for afresh asks instead, whatever was set before.
        ``exact``: the time was said on a 24-hour clock ("oh seven fifteen", "nineteen hundred
        hours"): it means just what it says, and no half of the day is asked about or kept.
        """
        words = catalog(handler_input)
        status = scope_status(handler_input, REMINDERS_SCOPE)
        if status == "DENIED":
            reply = render.say(words, self._rng, "reminder.denied")
            return respond(handler_input, render.with_permission_card(reply, REMINDERS_SCOPE))
        attributes = session_attributes(handler_input)
        attributes.pop(_REASKED, None)
        pending = attributes.pop(PENDING_HOUR, None)
        said = understood_time(at)
        if isinstance(pending, str) and answers(handler_input, Asked.REMINDER_HALF):
            said = in_half(reminder_time(pending), at) or said
        elif said is None or is_vague(at):
            hour, minute = said or DEFAULT_REMINDER
            attributes[PENDING_TIME] = f"{hour:02d}:{minute:02d}"
            spoken = render.spoken_time(words, hour, minute)
            reply = render.ask(
                words,
                self._rng,
                _confirm((hour, minute)),
                "reminder.confirm_reprompt",
                time=spoken,
            )
            return respond(handler_input, reply)
        elif exact:
            return self.agreed(handler_input, said)
        elif half is not None:
            said = in_named_half(said, half)
        else:
            state = state or self._routines.reminder_state(
                person_key(handler_input), zone_lookup(handler_input, self._apis)
            )
            # An hour from 1 to 11 keeps the half of the day of the reminder already set
            # ("make it half eight" after 7:30 PM); without one, it is asked about once its
            # morning has gone by today.
            kept = in_the_half_of(said, state.at) if state.token and keep_half else None
            if kept is not None:
                said = kept
            elif half_unsaid(said, self._routines.now(), state.zone):
                return self._which_half(handler_input, said)
            return self.agreed(handler_input, said, state)
        if said is None:
            return self._which_half(handler_input, reminder_time(pending))
        return self.agreed(handler_input, said)

    def change(
        self, handler_input: HandlerInput, at: str | None, *, exact: bool = False
    ) -> Response:
        """ "Make it 8:30" / "can it be 9 instead": a new time for the reminder set or being
        set; without one, what to say for a daily reminder. ``exact``: said on a 24-hour
        clock."""
        attributes = session_attributes(handler_input)
        if PENDING_TIME in attributes or PENDING_HOUR in attributes:
            return self.request(handler_input, at, half=None, exact=exact)
        state = self._routines.reminder_state(
            person_key(handler_input), zone_lookup(handler_input, self._apis)
        )
        said = understood_time(at)
        if state.token or said is None:
            return self.request(
                handler_input, at, half=None, state=state, keep_half=True, exact=exact
            )
        # None set: offer one at that time, asking its half of the day first if it is unsaid.
        words = catalog(handler_input)
        if not exact and half_unsaid(said, self._routines.now(), state.zone):
            hour, minute = said
            attributes[PENDING_HOUR] = f"{hour:02d}:{minute:02d}"
            question = _half_question(words, self._rng, said)
            none_yet = words.pick("reminder.none_yet", self._rng)
            return respond(handler_input, question._replace(speech=f"{none_yet} {question.speech}"))
        hour, minute = said
        attributes[PENDING_TIME] = f"{hour:02d}:{minute:02d}"
        spoken = render.spoken_time(words, hour, minute)
        reply = render.ask(
            words, self._rng, "reminder.change_none", "reminder.confirm_reprompt", time=spoken
        )
        return respond(handler_input, reply)

    def shift(self, handler_input: HandlerInput, minutes: int) -> Response:
        """ "Push my reminder back an hour", "move it half an hour earlier": the reminder set,
        moved by ``minutes`` on the clock (round midnight if need be); none set: says so."""
        state = self._routines.reminder_state(
            person_key(handler_input), zone_lookup(handler_input, self._apis)
        )
        if not state.token or state.at is None:
            reply = render.say(catalog(handler_input), self._rng, "reminder.shift_none")
            return respond(handler_input, go_on(handler_input, reply, self._rng))
        hour, minute = reminder_time(state.at)
        moved = (hour * 60 + minute + minutes) % (24 * 60)
        return self.agreed(handler_input, divmod(moved, 60), state)

    def _which_half(self, handler_input: HandlerInput, at: tuple[int, int]) -> Response:
        """ "7 in the morning, or 7 in the evening?" (afternoon for hours up to 5)."""
        hour, minute = at
        session_attributes(handler_input)[PENDING_HOUR] = f"{hour:02d}:{minute:02d}"
        return respond(handler_input, _half_question(catalog(handler_input), self._rng, at))

    def answer(self, handler_input: HandlerInput, *, yes: bool) -> Response:
        """Yes or no to "Is 8 AM good?": go ahead, or ask which time."""
        words = catalog(handler_input)
        at = session_attributes(handler_input).get(PENDING_TIME)
        if not yes or not isinstance(at, str):
            reply = render.ask(
                words, self._rng, "reminder.which_time", "reminder.which_time_reprompt"
            )
            return respond(handler_input, reply)
        return self.agreed(handler_input, reminder_time(at))

    def agreed(
        self,
        handler_input: HandlerInput,
        at: tuple[int, int],
        state: ReminderState | None = None,
    ) -> Response:
        """The person agreed to this time: ask Alexa for permission if needed, then create.
        ``state``: the reminder's state, when this request has read it already."""
        words = catalog(handler_input)
        hour, minute = at
        spoken = render.spoken_time(words, hour, minute)
        status = scope_status(handler_input, REMINDERS_SCOPE)
        if status != "GRANTED":
            session_attributes(handler_input)[PENDING_TIME] = f"{hour:02d}:{minute:02d}"
            reply = render.say(words, self._rng, "reminder.ask_permission", time=spoken)
            return respond(handler_input, render.asking_for(reply, REMINDERS_SCOPE))
        created = self._create(handler_input, hour, minute, state)
        return respond(handler_input, go_on(handler_input, created, self._rng))

    def after_consent(self, handler_input: HandlerInput, *, status: str | None) -> Response:
        """Alexa's answer to its consent question: create the reminder once ACCEPTED. Not
        answered (the person said something else over it, or nothing) is not a no: no
        reminder is set, and how to set it is said with its time."""
        words = catalog(handler_input)
        at = session_attributes(handler_input).pop(PENDING_TIME, None)
        if status == "NOT_ANSWERED" and isinstance(at, str):
            spoken = render.spoken_time(words, *reminder_time(at))
            reply = render.say(words, self._rng, "reminder.not_answered", time=spoken)
            return respond(handler_input, render.with_permission_card(reply, REMINDERS_SCOPE))
        if status != "ACCEPTED":
            reply = render.say(words, self._rng, "reminder.no_permission")
            return respond(handler_input, render.with_permission_card(reply, REMINDERS_SCOPE))
        hour, minute = reminder_time(at if isinstance(at, str) else None)
        created = self._create(handler_input, hour, minute)
        return respond(handler_input, go_on(handler_input, created, self._rng))

    def _create(
        self,
        handler_input: HandlerInput,
        hour: int,
        minute: int,
        state: ReminderState | None = None,
    ) -> render.Reply:
        words = catalog(handler_input)
        person = person_key(handler_input)
        api = alexa_api(handler_input, self._apis)
        if api is None:
            return render.say(words, self._rng, "reminder.unavailable")
        if state is None:
            state = self._routines.reminder_state(person, zone_lookup(handler_input, self._apis))
        at = DailyTime(hour, minute, state.zone or "UTC")
        evening = hour >= _EVENING_FROM  # said in words that fit the hour it rings
        text = words.text("reminder.text_evening" if evening else "reminder.text")
        body = daily_reminder(at=at, now=self._routines.now(), locale=words.locale, text=text)
        try:
            if state.token:  # only one morning reminder: the old one goes first
                api.delete_reminder(state.token)
            token = api.create_reminder(body)
        except PermissionMissing:
            reply = render.say(words, self._rng, "reminder.revoked")
            return render.with_permission_card(reply, REMINDERS_SCOPE)
        except RateLimited:
            return render.say(words, self._rng, "reminder.busy")
        except AlexaApiError as exc:
            logger.warning("reminder not created: %s (%s)", type(exc).__name__, exc.status)
            return render.say(words, self._rng, "reminder.unavailable")
        self._routines.remember_reminder(person, token, at)
        note_reminder(handler_input)
        key = "reminder.set_evening" if evening else "reminder.set"
        return render.say(words, self._rng, key, time=render.spoken_time(words, hour, minute))

    def stop(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        person = person_key(handler_input)
        state = self._routines.reminder_state(person, None)
        if not state.token:
            none = render.say(words, self._rng, "reminder.none")
            return respond(handler_input, go_on(handler_input, none, self._rng))
        api = alexa_api(handler_input, self._apis)
        try:
            if api is None:
                raise AlexaApiError("no API endpoint in the request")
            api.delete_reminder(state.token)  # already gone (deleted in the app) is fine too
        except AlexaApiError as exc:
            logger.warning("reminder not deleted: %s (%s)", type(exc).__name__, exc.status)
            return respond(handler_input, render.say(words, self._rng, "reminder.stop_failed"))
        self._routines.forget_reminder(person)
        stopped = render.say(words, self._rng, "reminder.stopped")
        return respond(handler_input, go_on(handler_input, stopped, self._rng))


def on_a_24_hour_clock(handler_input: HandlerInput) -> bool:
    """Whether the time was said on a 24-hour clock: "oh" before it or "hours" after it
    ("oh seven fifteen", "oh seven hundred hours"), which AMAZON.TIME's value cannot carry
    ("oh seven fifteen" and "seven fifteen" are both ``07:15``), so the model's ``clock`` slot
    does. An hour from 13 needs no mark: it says its half of the day itself."""
    return bool(slot_text(handler_input, "clock"))


# The half of the day each way of asking for the reminder names: "every morning at 7" is
# 7 AM, "every evening at 7" 7 PM; "every day at 7" names none.
_HALVES: Final[dict[str, Half | None]] = {
    "SetMorningReminderIntent": "am",
    "SetEveningReminderIntent": "pm",
    "SetDailyReminderIntent": None,
}


class SetMorningReminderIntentHandler(AbstractRequestHandler):
    """ "Remind me every morning at 7" (7 AM), "remind me every evening at 7" (7 PM); "remind
    me every day at 7", "remind me at 7" (asked "morning or evening?" once 7 AM has gone by
    today, unless a reminder is set: then it keeps that one's half of the day)."""

    def __init__(self, reminders: ReminderSetter) -> None:
        self._reminders = reminders

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in _HALVES

    def handle(self, handler_input: HandlerInput) -> Response:
        half = _HALVES.get(intent_name(handler_input) or "")
        at = slot_text(handler_input, "time")
        exact = on_a_24_hour_clock(handler_input)
        return self._reminders.request(handler_input, at, half=half, exact=exact)


class ChangeReminderIntentHandler(AbstractRequestHandler):
    """ "Make it 8:30", "can it be 9 instead": in a conversation about the reminder."""

    def __init__(self, reminders: ReminderSetter) -> None:
        self._reminders = reminders

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("ChangeReminderIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        at = slot_text(handler_input, "time")
        return self._reminders.change(handler_input, at, exact=on_a_24_hour_clock(handler_input))


class StopMorningReminderIntentHandler(AbstractRequestHandler):
    """ "Stop the morning reminder"."""

    def __init__(self, reminders: ReminderSetter) -> None:
        self._reminders = reminders

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("StopMorningReminderIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return self._reminders.stop(handler_input)


# The reminder was the last thing set or read back in this conversation ("change that to ten"
# then means the reminder's time); a win logged or named since takes "that" back.
REMINDED: Final = "reminded"


def reminder_is_last(handler_input: HandlerInput) -> bool:
    """Whether "it" or "that" now means the reminder: it was set or read back, and no win was
    logged or named since."""
    attributes = session_attributes(handler_input)
    return bool(attributes.get(REMINDED)) and attributes.get(THAT) is None


def note_reminder(handler_input: HandlerInput) -> None:
    """The reminder is now what "that" means."""
    attributes = session_attributes(handler_input)
    attributes[REMINDED] = True
    attributes.pop(THAT, None)


# The free-text slots a reminder asked for in words may arrive in, and what was said before.
_REMINDER_IN: Final = {
    "CatchAllIntent": ("phrase", ""),
    "SayingIntent": ("saying", ""),
    "CorrectWinIntent": ("words", "change that to"),
    "SetOneThingIntent": ("thing", ""),
    "LogWinIntent": ("win", ""),
    "WouldIntent": ("would", "i would"),  # "I would like a reminder each morning at nine"
}
_REMINDER_ASKED: Final = "reminder_asked"


class ReminderAskedHandler(AbstractRequestHandler):
    """ "Can you remind me at 2:30 am instead", "actually move it to 2 am, that's my lunch
    break", "remind me at like 10? actually no make it 11", and "change that to ten" right
    after a reminder was set: a reminder asked for or moved, never a win or a correction."""

    def __init__(self, reminders: ReminderSetter) -> None:
        self._reminders = reminders

    def can_handle(self, handler_input: HandlerInput) -> bool:
        name = intent_name(handler_input) or ""
        if name not in _REMINDER_IN:
            return False
        slot, lead = _REMINDER_IN[name]
        words = slot_text(handler_input, slot)
        if not words:
            return False
        from skill.domain.reminder_asks import (  # on first use: it compiles
            reminder_asked,
            reminder_shift,
        )

        said = f"{lead} {words}".strip()
        found = reminder_asked(said) or reminder_shift(said)
        if found is None or (found.pointed and not reminder_is_last(handler_input)):
            return False
        handler_input.attributes_manager.request_attributes[_REMINDER_ASKED] = found
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.domain.reminder_asks import ReminderAsk, ReminderShift

        found = handler_input.attributes_manager.request_attributes[_REMINDER_ASKED]
        if isinstance(found, ReminderShift):  # "push my reminder back an hour"
            return self._reminders.shift(handler_input, found.minutes)
        assert isinstance(found, ReminderAsk)  # can_handle said so
        if found.half is not None:  # "2:30 am": that half of the day, whatever was set
            return self._reminders.request(handler_input, found.at, half=found.half)
        if found.move:
            return self._reminders.change(handler_input, found.at)
        return self._reminders.request(handler_input, found.at, half=None)


# "why 8:45", "how come that time?", "why did you say 8:45": why the time asked about is that one.
_WHY_TIME: Final = (
    r"^(?:(?:but|so|and|um|uh|wait|ok|okay)\s+)*(?:why|how come)"
    r"(?:\s+(?:is it|is that|that|at|did you (?:say|pick|choose)|the time|that time|this time"
    r"|\d{1,2}(?:\s+\d{2})?(?:\s*(?:am|pm|a m|p m))?|o clock|oclock|then))*$"
)


class WhyThatTimeHandler(AbstractRequestHandler):
    """ "Why 8:45?" asked while "Is 8:45 PM good?" waits: the literal answer (the time is the
    one the person asked for), and the question again."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        if intent_name(handler_input) != "CatchAllIntent":
            return False
        if asked(handler_input) is not Asked.REMINDER_TIME:
            return False
        if not isinstance(session_attributes(handler_input).get(PENDING_TIME), str):
            return False
        words = (slot_text(handler_input, "phrase") or "").lower().replace(":", " ")
        return bool(compiled(_WHY_TIME).match(" ".join(words.replace("?", " ").split())))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        pending = session_attributes(handler_input).get(PENDING_TIME)
        assert isinstance(pending, str)  # can_handle said so
        at = reminder_time(pending)
        spoken = render.spoken_time(words, *at)
        reply = render.ask(
            words, self._rng, "reminder.why", "reminder.confirm_reprompt", time=spoken
        )
        return respond(handler_input, reply)
