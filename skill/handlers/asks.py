"""Literal questions about what is set, with literal answers: "what time is my reminder",
"what's my style", "what's my goal", "when did I start", "what are my settings". Each answer
is a statement."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from random import Random
from typing import Final
from zoneinfo import ZoneInfo

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_intent_name
from ask_sdk_model.response import Response

from skill.alexa.api import AlexaApis
from skill.domain.local_time import zone_place
from skill.domain.patterns import compiled
from skill.domain.screen import Frame, Kind, screen
from skill.domain.settings import setting_asked
from skill.domain.skill_asks import Topic, asked_of_skill
from skill.domain.spans import this_week
from skill.handlers.common import (
    answers,
    asked,
    catalog,
    go_on,
    intent_name,
    listen_on,
    person_key,
    respond,
    session_attributes,
    slot_text,
    zone_lookup,
)
from skill.handlers.forgetting import THAT
from skill.handlers.reminders import being_set, note_reminder, reminder_is_last
from skill.services.standing import Settings, Standing
from skill.services.when_logged import NoWinsYet, WhenLogged
from skill.speech import render
from skill.speech.catalog import Catalog
from skill.speech.questions import Asked
from skill.speech.recall import started_words
from skill.speech.render import Reply, day_said


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
                listen_on(
                    handler_input, render.say(words, self._rng, "asks.reminder_none"), self._rng
                ),
            )
        spoken = render.spoken_time(words, *at)
        note_reminder(handler_input)  # "change that to ten" now means the reminder
        return respond(
            handler_input,
            listen_on(
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
            handler_input, listen_on(handler_input, render.say(words, self._rng, key), self._rng)
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
                listen_on(handler_input, render.say(words, self._rng, "asks.goal_none"), self._rng),
            )
        return respond(
            handler_input,
            listen_on(
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
                listen_on(
                    handler_input, render.say(words, self._rng, "asks.started_none"), self._rng
                ),
            )
        when = started_words(words, started.first, started.today)
        return respond(
            handler_input,
            listen_on(
                handler_input, render.say(words, self._rng, "asks.started", when=when), self._rng
            ),
        )


class MorningQuestion(AbstractRequestHandler):
    """ "Set my one thing", "change my one thing": the morning's question, asked now."""

    def __init__(self, rng: Random) -> None:
        self._rng = rng

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return False  # asked only by ``AsksOfSkill``, for its topic

    def handle(self, handler_input: HandlerInput) -> Response:
        words = catalog(handler_input)
        return respond(
            handler_input, render.ask(words, self._rng, "asks.morning", "morning.reprompt")
        )


class AsksOfSkill:
    """A question or request to the skill said in words no sample holds (``skill_asks``): its
    literal answer when it is about something kept, else a kind "I can't do that yet" with what
    the skill can do. Nothing is ever stored."""

    def __init__(
        self,
        standing: Standing,
        when: WhenLogged,
        apis: AlexaApis,
        rng: Random,
        more: Mapping[Topic, AbstractRequestHandler] | None = None,
    ) -> None:
        """``more``: the handlers of other areas some topics are theirs to answer (a minute's
        timer asked for starts a one-minute goal; today's one thing is read back)."""
        self._rng = rng
        self._standing = standing
        self._when = when
        self._apis = apis
        self._by_topic: dict[Topic, AbstractRequestHandler] = {
            Topic.REMINDER: AskReminderIntentHandler(standing, rng),
            Topic.STYLE: AskStyleIntentHandler(standing, rng),
            Topic.START: AskStartIntentHandler(standing, apis, rng),
            Topic.GOAL: AskGoalIntentHandler(standing, rng),
            Topic.ONE_THING_SET: MorningQuestion(rng),
            **(more or {}),
        }

    def answer(self, handler_input: HandlerInput, topic: Topic) -> Response:
        if topic in self._by_topic:
            answered = self._by_topic[topic].handle(handler_input)
            assert isinstance(answered, Response)  # every handler here answers
            return answered
        words = catalog(handler_input)
        if topic is Topic.ABILITIES:  # "what else can you do": the whole list, briefly
            return respond(
                handler_input, render.ask(words, self._rng, "help.speech", "help.reprompt")
            )
        literal = topic in _PLAIN or topic in (Topic.ZONE, Topic.LOGGED_AT)
        if topic in _PLAIN:  # what is kept, and how: a fact, said as it is
            reply = render.say(words, self._rng, _PLAIN[topic])
        elif topic is Topic.ZONE:
            zone = self._standing.zone(
                person_key(handler_input), zone_lookup(handler_input, self._apis)
            )
            reply = render.say(words, self._rng, "asks.zone", place=zone_place(zone))
        elif topic is Topic.LOGGED_AT:
            reply = self._logged_at(handler_input, words)
        elif topic is Topic.STYLES:
            reply = render.say(words, self._rng, "asks.styles")
        elif topic is Topic.WEEK:
            today = self._standing.today(
                person_key(handler_input), zone_lookup(handler_input, self._apis)
            )
            monday = this_week(today).first
            first, last = (day_named(words, day) for day in (monday, monday + timedelta(days=6)))
            reply = render.say(words, self._rng, "asks.week", first=first, last=last)
        else:
            reply = render.say(words, self._rng, "asks.cannot")
        if asked(handler_input) is Asked.ONE_THING:  # answered, then the morning's question
            again = render.ask(words, self._rng, "asks.morning", "morning.reprompt")
            return respond(handler_input, again._replace(speech=f"{reply.speech} {again.speech}"))
        if literal:  # a literal question, a literal answer: nothing asked after it
            return respond(handler_input, listen_on(handler_input, reply, self._rng))
        return respond(handler_input, go_on(handler_input, reply, self._rng))

    def _logged_at(self, handler_input: HandlerInput, words: Catalog) -> Reply:
        """ "What time was that stored": the win talked of last, else the newest, on the
        person's clock, with the place whose time it is."""
        number = session_attributes(handler_input).get(THAT)
        found = self._when.that(
            person_key(handler_input), number if isinstance(number, int) else None
        )
        if isinstance(found, NoWinsYet):
            return render.say(words, self._rng, "when_logged.no_wins")
        # A win filed on a day its words named was stored when it was told, not on that day.
        at = found.told_at or found.at
        time = render.spoken_time(words, at.hour, at.minute)
        place = zone_place(at.tzinfo.key if isinstance(at.tzinfo, ZoneInfo) else None)
        if at.date() == found.today:
            return render.say(words, self._rng, "asks.logged_today", time=time, place=place)
        day = day_said(words, at.date(), found.today)
        return render.say(
            words, self._rng, "asks.logged", day=day[:1].lower() + day[1:], time=time, place=place
        )


def day_named(words: Catalog, day: date) -> str:
    """ "Monday, December 28": a day by its weekday and date."""
    weekday = words.variants("weekdays")[day.weekday()]
    month = words.variants("months")[day.month - 1]
    return f"{weekday}, {month} {day.day}"


# The free-text slots a question to the skill may arrive in: the catch-all, a bare answer to
# "What did you do?" or to the morning question, a lead-in ("so, what styles are there").
_ASKED_IN: Final = {
    "CatchAllIntent": "phrase",
    "LogWinIntent": "win",
    "SetOneThingIntent": "thing",
    "SayingIntent": "saying",
    "PickWinIntent": "position",  # "the laundry is one win not three": only a tally's words
}
# What is kept and how, each answered in words of its own that say only what is so.
_PLAIN: Final = {
    Topic.KEPT: "asks.kept",
    Topic.VOICE: "asks.voice",
    Topic.ERASED: "asks.erased",
    Topic.WIN_MEANS: "asks.win_means",
    Topic.ONE_THING_MEANS: "asks.one_thing_means",
    Topic.GOAL_MEANS: "asks.goal_means",
    Topic.ONE_THING_CLEAR: "asks.one_thing_clear",
    Topic.TIMER_OTHER: "asks.timer_other",
    Topic.WIN_EDIT_HOW: "asks.win_edit_how",
    Topic.WINS_JOINED: "asks.wins_joined",
    Topic.SAYING_MEANS: "asks.saying_means",
    Topic.PERSON: "asks.person",
}
# A question about "it" or "that", or its time, that means what was talked of last.
_POINTS: Final = r"\b(?:it|that|what\s+time|when)\b"
# Questions after which any other question to the skill gets "I can't do that yet"; after
# any other ("Delete ...?", "Morning or evening?"), it is asked again as not understood.
_OPEN_ENDED: Final = frozenset(
    {None, Asked.ANYTHING_ELSE, Asked.TELL_WIN, Asked.HEAR_ANOTHER, Asked.WHAT_NEXT, Asked.WIN}
)
# Request attribute: the topic ``AskedOfSkillHandler`` found.
_TOPIC: Final = "asked_of_skill"


class AskedOfSkillHandler(AbstractRequestHandler):
    """ "What reminders do I have?", "what styles are there?", "can you email me my wins?":
    a question or request to the skill, in whatever slot it arrived, never a win or a plan.
    Asked after the screen and after deleting or correcting in words; anything the screen
    would meet with care or a check-in is left to it."""

    def __init__(self, asks: AsksOfSkill) -> None:
        self._asks = asks

    def can_handle(self, handler_input: HandlerInput) -> bool:
        name = intent_name(handler_input) or ""
        if name not in _ASKED_IN:
            return False
        words = slot_text(handler_input, _ASKED_IN[name])
        if words and name == "LogWinIntent" and not answers(handler_input, Asked.WIN):
            words = f"i {words}"  # said after "I": "I did the dishes" asks nothing
        topic = asked_of_skill(words) if words else None
        if name == "PickWinIntent" and topic is not Topic.WINS_JOINED:
            return False  # "the second one": a win pointed at
        if topic is None or not words or setting_asked(words) is not None:
            return False  # "could you be a bit more chill": a setting, changed
        if screen(words, "", Frame.OTHER).kind in (Kind.CRISIS, Kind.CHECK_IN):
            return False
        if (
            topic is Topic.OTHER
            and reminder_is_last(handler_input)
            and compiled(_POINTS).search(words)
        ):
            topic = Topic.REMINDER  # "when is it", said right after the reminder was set
        if topic is Topic.OTHER and asked(handler_input) not in _OPEN_ENDED:
            return False  # "what do you mean" to "Delete ...? Yes or no.": that question again
        handler_input.attributes_manager.request_attributes[_TOPIC] = topic
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        topic = handler_input.attributes_manager.request_attributes[_TOPIC]
        assert isinstance(topic, Topic)  # can_handle said so
        return self._asks.answer(handler_input, topic)
