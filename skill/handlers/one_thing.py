"""The day's one thing: pick it, hear it, mark it done."""

from __future__ import annotations

import logging
from datetime import datetime
from random import Random
from typing import Final

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.alexa.api import REMINDERS_SCOPE, AlexaApiError, AlexaApis
from skill.alexa.bodies import reminder_once
from skill.domain.local_time import DailyTime, local_now
from skill.domain.patterns import compiled
from skill.domain.phrasing.answer import is_shrug
from skill.domain.screen import Frame, Kind, canonical, screen
from skill.handlers.common import (
    alexa_api,
    answer,
    answers,
    asked,
    catalog,
    free_words,
    go_on,
    intent_name,
    listen_on,
    not_understood,
    person_key,
    respond,
    scope_status,
    session_attributes,
    slot_text,
    zone_lookup,
)
from skill.handlers.statements import CARRIERS, statement_of
from skill.handlers.wins import LOG_INTENTS, HearsWins, LogsWins
from skill.services.routines import PLAN_CARRIER, OneThing, Routines
from skill.services.wins import (
    Ahead,
    CheckIn,
    Crisis,
    NeedsWords,
    NotAnAnswer,
    NotAWin,
    Statement,
)
from skill.speech import render
from skill.speech.catalog import Catalog
from skill.speech.questions import Asked

logger = logging.getLogger(__name__)

# The time ("HH:MM") a reminder was asked for with a plan named only by "it" ("remind me to
# do it at 4"): set once the plan is told.
PLAN_REMINDER: Final = "plan_reminder"
_NOON: Final = 12


class OneThings:
    """Sets today's one thing from words already read, and says what became of it."""

    def __init__(self, routines: Routines, apis: AlexaApis, rng: Random) -> None:
        self._routines = routines
        self._apis = apis
        self._rng = rng

    def set(
        self,
        handler_input: HandlerInput,
        said: str | None,
        *,
        bare: bool,
        key: str = "one_thing.set",
    ) -> Response:
        """``key``: what is said once it is set ("one_thing.changed" when it replaces)."""
        words = catalog(handler_input)
        outcome = self._routines.set_one_thing(
            person_key(handler_input), said, zone_lookup(handler_input, self._apis), bare=bare
        )
        if isinstance(outcome, NotAnAnswer):  # "hi", "can you ...": the question again
            return not_understood(handler_input, self._rng)
        if isinstance(outcome, NeedsWords):
            return respond(
                handler_input, render.ask(words, self._rng, "one_thing.ask", "morning.reprompt")
            )
        if isinstance(outcome, Crisis):
            return respond(handler_input, render.crisis(words))
        if isinstance(outcome, CheckIn):  # the crisis answer if a frame names a crisis
            return respond(handler_input, _care(said, words))
        if isinstance(outcome, NotAWin):
            return respond(handler_input, render.not_a_plan(words, self._rng, outcome))
        if isinstance(outcome, Ahead):  # "clean the car tomorrow": not today's one thing
            return respond(handler_input, render.say(words, self._rng, "plan.ahead"))
        at = session_attributes(handler_input).pop(PLAN_REMINDER, None)
        if isinstance(at, str):
            return respond(handler_input, self._remind(handler_input, outcome.said, at, None))
        # Set in a conversation the person opened, the conversation goes on: there is often
        # a second thing to say ("ok also I woke up on time").
        reply = render.say(words, self._rng, key, thing=outcome.said)
        return respond(
            handler_input,
            go_on(handler_input, reply, self._rng, ("one_thing.then", "one_thing.then_reprompt")),
        )

    def set_reminded(
        self, handler_input: HandlerInput, plan: str | None, at: str, half: str | None
    ) -> Response:
        """A plan and a reminder for it, said together: the plan set (screened as any plan)
        and a reminder once, today, at the time said; "remind me to do it at 4" asks which
        plan first."""
        if plan is None:
            zone = self._routines.reminder_state(
                person_key(handler_input), zone_lookup(handler_input, self._apis)
            ).zone
            hour, minute = _today_at(self._routines.now(), at, half, zone)
            session_attributes(handler_input)[PLAN_REMINDER] = f"{hour:02d}:{minute:02d}"
            words = catalog(handler_input)
            spoken = render.spoken_time(words, hour, minute)
            reply = render.ask(
                words, self._rng, "one_thing.ask_reminded", "morning.reprompt", time=spoken
            )
            return respond(handler_input, reply)
        outcome = self._routines.set_one_thing(
            person_key(handler_input), plan, zone_lookup(handler_input, self._apis), bare=True
        )
        if not isinstance(outcome, OneThing):
            return self.set(handler_input, plan, bare=True)  # said as any other answer says
        return respond(handler_input, self._remind(handler_input, outcome.said, at, half))

    def _remind(
        self, handler_input: HandlerInput, thing: str, at: str, half: str | None
    ) -> render.Reply:
        """A reminder once, today, of ``thing``; what became of it, said with the plan."""
        words = catalog(handler_input)
        state = self._routines.reminder_state(
            person_key(handler_input), zone_lookup(handler_input, self._apis)
        )
        zone = state.zone or "UTC"
        now = self._routines.now()
        hour, minute = _today_at(now, at, half, zone)
        spoken = render.spoken_time(words, hour, minute)
        api = alexa_api(handler_input, self._apis)
        if scope_status(handler_input, REMINDERS_SCOPE) != "GRANTED" or api is None:
            reply = render.say(words, self._rng, "one_thing.remind_unset", thing=thing, time=spoken)
            return render.with_permission_card(reply, REMINDERS_SCOPE)
        text = words.text("one_thing.reminder_text", thing=thing)
        body = reminder_once(
            at=DailyTime(hour, minute, zone), now=now, locale=words.locale, text=text
        )
        try:
            api.create_reminder(body)
        except AlexaApiError as exc:
            logger.warning("plan reminder not created: %s (%s)", type(exc).__name__, exc.status)
            return render.say(words, self._rng, "one_thing.remind_failed", thing=thing, time=spoken)
        return render.say(words, self._rng, "one_thing.set_reminded", thing=thing, time=spoken)

    def said_back(self, handler_input: HandlerInput, said: str) -> str | None:
        """Set quietly beside a deed told with it; the plan as said back, if it was set."""
        outcome = self._routines.set_one_thing(
            person_key(handler_input), said, zone_lookup(handler_input, self._apis), bare=True
        )
        return outcome.said if isinstance(outcome, OneThing) else None


def _today_at(now: datetime, at: str, half: str | None, zone: str | None) -> tuple[int, int]:
    """The time of day ``at`` ("04:00") means for a reminder today: an hour from 1 to 11 said
    without "am" or "pm" is the afternoon or evening once its morning has gone by ("at 4",
    said at 9 AM, is 4 PM)."""
    hour, minute = (int(part) for part in at.split(":"))
    if half is None and 1 <= hour < _NOON:
        here = local_now(now, zone or "UTC")
        if (here.hour, here.minute) >= (hour, minute):
            hour += _NOON
    return hour, minute


def _no_plan(handler_input: HandlerInput, rng: Random) -> render.Reply:
    """ "Don't know" to the morning question: no plan needed; in a conversation the person
    opened, it moves on to the wins rather than closing."""
    words = catalog(handler_input)
    moved_on = go_on(handler_input, render.say(words, rng, "answer.no_plan_on"), rng)
    if moved_on.reprompt is None:
        return render.say(words, rng, "answer.no_plan")
    return moved_on


class PlanReminderHandler(AbstractRequestHandler):
    """A plan and a reminder said together: "I'll do the laundry, remind me at 4" (any time),
    or "remind me to do the laundry at 4" in answer to the morning question."""

    def __init__(self, things: OneThings) -> None:
        self._things = things

    def can_handle(self, handler_input: HandlerInput) -> bool:
        name = intent_name(handler_input)
        if name == "SetOneThingIntent":
            said = slot_text(handler_input, "thing")
        elif name == "CatchAllIntent" and asked(handler_input) is Asked.ONE_THING:
            said = free_words(handler_input)
        else:
            return False
        from skill.domain.plan_reminders import plan_with_reminder  # compiles on first use

        return bool(said) and plan_with_reminder(said or "") is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.domain.plan_reminders import plan_with_reminder

        name = intent_name(handler_input)
        said = slot_text(handler_input, "thing" if name == "SetOneThingIntent" else "phrase")
        asked_for = plan_with_reminder(said or "")
        assert asked_for is not None  # can_handle found it
        return self._things.set_reminded(
            handler_input, asked_for.plan, asked_for.at, asked_for.half
        )


class SetOneThingIntentHandler(AbstractRequestHandler):
    """ "I'll do the dishes" / "my one thing is calling the bank"."""

    def __init__(self, things: OneThings, rng: Random) -> None:
        self._things = things
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("SetOneThingIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        said = _settled(slot_text(handler_input, "thing"))
        if said and (is_shrug(said) or answer(handler_input) is not None):
            # "nothing" or "not today" to "What's the one thing?": no plan needed
            return respond(handler_input, _no_plan(handler_input, self._rng))
        bare = answers(handler_input, Asked.ONE_THING)
        return self._things.set(handler_input, _as_planned(said), bare=bare)


class ChangeOneThingIntentHandler(AbstractRequestHandler):
    """ "change my one thing to tidy the hall", "actually my one thing is the hall": the new
    words are taken, read as the morning question's answer is (fillers and hedges gone) and
    screened as any plan is before anything is kept."""

    def __init__(self, things: OneThings, rng: Random) -> None:
        self._things = things
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("ChangeOneThingIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.domain.turns import PlanKind, plan_answer  # compiles on first use

        said = _settled(slot_text(handler_input, "thing"))
        if not said:  # no new words: the one thing is asked for
            return self._things.set(handler_input, None, bare=False)
        if is_shrug(said):
            return respond(handler_input, _no_plan(handler_input, self._rng))
        if plan_answer(said).kind is PlanKind.CRISIS:
            return respond(handler_input, _care(said, catalog(handler_input)))
        plan = _as_planned(said)
        return self._things.set(handler_input, plan, bare=False, key="one_thing.changed")


class OneThingAnswerHandler(AbstractRequestHandler):
    """Whatever is said to "What's the one thing you'll do today?", read for what it is.

    A deed already done is logged like any win (through the screen), then the one thing is
    asked for, once. How things are ("i can't get out of bed", "rough day") is met kindly and
    a shrug gently; neither is ever a plan. A plan is set without the fillers around it. A
    feeling with a request for a win ("i feel awful, remind me of a win") gets the win.
    Anything else goes the way it always went.
    """

    def __init__(self, things: OneThings, logs: LogsWins, hears: HearsWins, rng: Random) -> None:
        self._things = things
        self._logs = logs
        self._hears = hears
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        name = intent_name(handler_input)
        if answer(handler_input) is not None:  # "not today", "I don't have one": a no
            return False
        if name == "SetOneThingIntent":
            return slot_text(handler_input, "thing") is not None and answers(
                handler_input, Asked.ONE_THING
            )
        if name in LOG_INTENTS or name in CARRIERS:
            return asked(handler_input) is Asked.ONE_THING
        if name == "CatchAllIntent" and asked(handler_input) is Asked.ONE_THING:
            # words no sample names ("get the switchboard done"): taken here when a plan
            from skill.domain.turns import PlanKind, plan_answer  # on first use

            return plan_answer(free_words(handler_input) or "").kind is PlanKind.PLAN
        return False

    def handle(self, handler_input: HandlerInput) -> Response:
        # On first use: the reader compiles its patterns when imported.
        from skill.domain.turns import PlanKind, feeling_then_hear, plan_answer

        words = catalog(handler_input)
        said, told = _told(handler_input)
        feeling = feeling_then_hear(said)
        if feeling is not None:
            return self._hears.one(handler_input, lead=f"hear.after_{feeling.value}")
        reading = plan_answer(said)
        if told is None and reading.kind is PlanKind.DEEDS and _same_in_past(said):
            # "I'll {put the bins out}": a verb that is the same now and past, said first
            # through the plan's carrier, is the plan ("clipped the budgie's nails" is done)
            reading = plan_answer(f"i will {said}")
        if reading.kind is PlanKind.SHRUG:
            return respond(handler_input, _no_plan(handler_input, self._rng))
        if reading.kind is PlanKind.ELSEWHERE:  # "yesterday?", "read them out": asked again
            return not_understood(handler_input, self._rng)
        if told is not None and not reading.explicit and reading.kind not in _never_logged():
            # Said as a win or a statement ("my dad is ill", "i'm exhausted"): heard as it
            # always is, screen first; a deed is followed by the morning question, once.
            morning = reading.kind is PlanKind.DEEDS
            return self._logs.said(handler_input, told, morning=morning)
        if reading.kind is PlanKind.CRISIS:
            return respond(handler_input, _care(said, words))
        if reading.kind in (PlanKind.HARD, PlanKind.FEELING):
            return respond(handler_input, render.say(words, self._rng, "one_thing.hard"))
        if reading.kind is PlanKind.DEEDS:
            plan = self._things.said_back(handler_input, reading.plan) if reading.plan else None
            deeds = Statement(reading.deeds, told=said)  # the day it names is where it is filed
            return self._logs.said(handler_input, deeds, morning=True, plan=plan)
        if reading.kind is PlanKind.PLAN:
            return self._things.set(handler_input, reading.plan, bare=True)
        return self._things.set(handler_input, said, bare=True)


# Verbs said the same now and in the past: after "I'll", a plan; after "I", a deed.
_SAME_IN_PAST: Final = frozenset(
    {"put", "read", "set", "cut", "shut", "hit", "let", "cast", "hurt", "quit", "spread", "split"}
)


def _same_in_past(said: str) -> bool:
    return canonical(said).split()[:1] in ([verb] for verb in _SAME_IN_PAST)


def _never_logged() -> frozenset[object]:
    from skill.domain.turns import PlanKind  # on first use: the reader compiles its patterns

    # a hard time is met kindly; a plan, however hedged, is set and never logged as done
    return frozenset({PlanKind.HARD, PlanKind.PLAN})


def _care(said: str | None, words: Catalog) -> render.Reply:
    """Care for an answer the reader heard danger in: the crisis answer when the screen names a
    crisis in what was said, as a deed or as a plan; otherwise the check-in, which gives the
    line too and keeps nothing ("woke up on time which is huge for me" is asked about, never
    met as a crisis on a guess)."""
    text = said or ""
    named = (screen(text, carrier, frame).kind for carrier, frame in _HEARD_AS)
    return render.crisis(words) if Kind.CRISIS in named else render.check_in(words)


# How a morning answer may be meant: as said, as a deed, as a plan.
_HEARD_AS: Final = (("", Frame.OTHER), ("i", Frame.DONE), (PLAN_CARRIER, Frame.INTEND))


def _settled(said: str | None) -> str | None:
    """A plan as the person settled it ("the mockups or maybe the invoices, no, mockups" is
    "the mockups"); as said when it corrects nothing."""
    if not said:
        return said
    from skill.domain.settling import settled  # on first use: it compiles patterns

    plain = canonical(said)
    chosen = settled(plain)
    return said if chosen == plain else chosen


def _as_planned(said: str | None) -> str | None:
    """A plan's words as the morning question's answer reads them ("try and get the
    switchboard done today, hopefully" is "get the switchboard done"); as said otherwise."""
    if not said:
        return said
    from skill.domain.turns import PlanKind, plan_answer  # on first use: it compiles patterns

    reading = plan_answer(said)
    return reading.plan if reading.kind is PlanKind.PLAN and reading.plan else said


def _told(handler_input: HandlerInput) -> tuple[str, Statement | None]:
    """The words as said, and the statement a win's or a statement's intent makes of them
    (None for the one thing's own intent)."""
    name = intent_name(handler_input) or ""
    if name in CARRIERS:
        carrier = CARRIERS[name]
        rest = slot_text(handler_input, carrier.slot) or ""
        return f"{carrier.words} {rest}".strip(), statement_of(carrier, rest)
    if name in LOG_INTENTS:
        rest = slot_text(handler_input, "win") or ""
        return f"i {rest}".strip(), Statement(rest)
    if name == "CatchAllIntent":
        return slot_text(handler_input, "phrase") or "", None
    return slot_text(handler_input, "thing") or "", None


class ReadOneThingIntentHandler(AbstractRequestHandler):
    """ "What's my one thing?" """

    def __init__(self, routines: Routines, apis: AlexaApis, rng: Random) -> None:
        self._routines = routines
        self._apis = apis
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("ReadOneThingIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        thing = self._routines.one_thing_today(
            person_key(handler_input), zone_lookup(handler_input, self._apis)
        )
        if thing is None:
            return respond(
                handler_input, render.ask(words, self._rng, "one_thing.none", "morning.reprompt")
            )
        key = "one_thing.read_done" if thing.done else "one_thing.read"
        if not thing.done and _asks_if_done(handler_input):  # "did I do my one thing": no
            key = "one_thing.read_not_yet"
        reply = render.text(words, key, thing=thing.said)
        return respond(handler_input, listen_on(handler_input, reply, self._rng))


def _asks_if_done(handler_input: HandlerInput) -> bool:
    """Whether the words asked if today's one thing was done ("did I do my one thing", "have
    I finished my one thing"), not what it is."""
    said = free_words(handler_input) or ""
    return compiled(_ASKS_IF_DONE).search(said.lower()) is not None


_ASKS_IF_DONE: Final = r"\b(?:did|have|has)\s+i\b"


class OneThingDoneIntentHandler(AbstractRequestHandler):
    """ "I did my one thing": logged as a win and celebrated like any other."""

    def __init__(self, logs: LogsWins) -> None:
        self._logs = logs

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("OneThingDoneIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        return self._logs.finish_one_thing(handler_input)
