"""Literal questions about what is set, with literal answers: "what time is my reminder",
"what's my style", "what's my goal", "when did I start", "what are my settings". Each answer
is a statement."""

from __future__ import annotations

from random import Random

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.alexa.api import AlexaApis
from skill.domain.spans import Span, SpanKind
from skill.handlers.common import catalog, go_on, person_key, respond, zone_lookup
from skill.handlers.reminders import being_set
from skill.services.standing import Settings, Standing
from skill.speech import render
from skill.speech.catalog import Catalog
from skill.speech.recall import span_words


class AskReminderIntentHandler(AbstractRequestHandler):
    """ "What time is my reminder?" / "Do I have a reminder?": the time, or how to set one."""

    def __init__(self, standing: Standing, rng: Random) -> None:
        self._standing = standing
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("AskReminderIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        setting = being_set(handler_input, self._rng)  # said over "Morning or evening?"
        if setting is not None:
            return setting
        at = self._standing.reminder(person_key(handler_input)).at
        if at is None:
            return respond(
                handler_input,
                go_on(handler_input, render.say(words, self._rng, "asks.reminder_none"), self._rng),
            )
        spoken = render.spoken_time(words, *at)
        return respond(
            handler_input,
            go_on(
                handler_input, render.say(words, self._rng, "asks.reminder", time=spoken), self._rng
            ),
        )


class AskStyleIntentHandler(AbstractRequestHandler):
    """ "What's my style?": calm or cheerful, and brief when it is on."""

    def __init__(self, standing: Standing, rng: Random) -> None:
        self._standing = standing
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("AskStyleIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        style, brief = self._standing.style(person_key(handler_input))
        key = f"asks.style_{style.value}{'_brief' if brief else ''}"
        return respond(
            handler_input, go_on(handler_input, render.say(words, self._rng, key), self._rng)
        )


class AskSettingsIntentHandler(AbstractRequestHandler):
    """ "What are my settings?": a short literal list of the style, the reminder, today's one
    thing, the goal and the recap's week, each "none" when it is not set."""

    def __init__(self, standing: Standing, apis: AlexaApis, rng: Random) -> None:
        self._standing = standing
        self._apis = apis
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("AskSettingsIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        settings = self._standing.settings(
            person_key(handler_input), zone_lookup(handler_input, self._apis)
        )
        reply = render.say(words, self._rng, "asks.settings", **settings_said(words, settings))
        return respond(handler_input, go_on(handler_input, reply, self._rng))


def settings_said(words: Catalog, settings: Settings) -> dict[str, str]:
    """Each setting as its line of "what are my settings" ("Reminder: none.")."""
    style = settings.style.style.value
    at = settings.reminder.at
    thing, goal, day = settings.one_thing, settings.goal, settings.recap_day
    return {
        "style": words.text(
            "asks.settings_brief" if settings.style.brief else "asks.settings_style", style=style
        ),
        "reminder": (
            words.text("asks.settings_reminder", time=render.spoken_time(words, *at))
            if at is not None
            else words.text("asks.settings_reminder_none")
        ),
        "one_thing": (
            words.text("asks.settings_one_thing", thing=thing.said)
            if thing is not None
            else words.text("asks.settings_one_thing_none")
        ),
        "goal": (
            words.text("asks.settings_goal", goal=goal.said)
            if goal is not None
            else words.text("asks.settings_goal_none")
        ),
        "recap": (
            words.text("asks.settings_recap", weekday=words.variants("weekdays")[day])
            if day is not None
            else words.text("asks.settings_recap_off")
        ),
    }


class AskGoalIntentHandler(AbstractRequestHandler):
    """ "What's my goal?": the open one-minute goal, or none."""

    def __init__(self, standing: Standing, rng: Random) -> None:
        self._standing = standing
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("AskGoalIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        goal = self._standing.goal(person_key(handler_input))
        if goal is None:
            return respond(
                handler_input,
                go_on(handler_input, render.say(words, self._rng, "asks.goal_none"), self._rng),
            )
        return respond(
            handler_input,
            go_on(
                handler_input, render.say(words, self._rng, "asks.goal", goal=goal.said), self._rng
            ),
        )


class AskStartIntentHandler(AbstractRequestHandler):
    """ "When did I start?": the day of the earliest win kept, on the person's calendar."""

    def __init__(self, standing: Standing, apis: AlexaApis, rng: Random) -> None:
        self._standing = standing
        self._apis = apis
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_intent_name("AskStartIntent")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        started = self._standing.started(
            person_key(handler_input), zone_lookup(handler_input, self._apis)
        )
        if started is None:
            return respond(
                handler_input,
                go_on(handler_input, render.say(words, self._rng, "asks.started_none"), self._rng),
            )
        day = Span(SpanKind.DAY, started.first, started.first)
        when = span_words(words, day, started.today)
        return respond(
            handler_input,
            go_on(
                handler_input, render.say(words, self._rng, "asks.started", when=when), self._rng
            ),
        )
