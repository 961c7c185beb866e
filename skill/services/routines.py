"""One-minute goals, the day's one thing, and the morning reminder's bookkeeping.

Alexa's timers and reminders are called by the handlers; this module keeps what must be
remembered (the open goal, today's one thing, the reminder's token) and decides the
morning prompt. Time and zone are passed in or looked up; nothing here imports the SDK.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import NamedTuple

from skill.domain.local_time import DailyTime, is_morning, local_day
from skill.domain.phrasing import intention, normalise, plan_words
from skill.domain.phrasing.answer import not_said_to_a_question
from skill.domain.screen import Frame, screen
from skill.domain.when_done import ahead
from skill.services.wins import (
    Ahead,
    CheckIn,
    Crisis,
    NeedsWords,
    NotAnAnswer,
    NotAWin,
    cap,
    judged,
)
from skill.storage.interface import WinStore
from skill.storage.records import Person, Profile
from skill.zones import ZoneLookup, resolve_zone


class Goal(NamedTuple):
    """An open one-minute goal: as said ("clear my desk") and as said back ("clear your desk")."""

    text: str
    said: str
    number: int


class OneThing(NamedTuple):
    """Today's one thing, said back: "call the bank"."""

    said: str
    done: bool


def asks_the_morning_question(profile: Profile, today: date) -> bool:
    """Whether a launch this morning asks for the day's one thing: not once one is picked,
    nor once a win was logged today (the day is under way; asked again it would nag), nor
    once it was asked today, on this device or another."""
    if today in (profile.one_thing_day, profile.morning_asked):
        return False
    return not (profile.today == today and profile.today_count > 0)


class LaunchState(NamedTuple):
    returning: bool  # has logged wins before
    morning_prompt: bool  # before noon locally, and no one thing picked today
    brief: bool = False  # the person asked for no follow-up questions
    today: int = 0  # wins logged today, on the person's calendar


class ReminderState(NamedTuple):
    token: str | None
    zone: str | None
    at: str | None = None  # "HH:MM", local: the reminder's time, when there is one


class Routines:
    """Goals, the one thing and the reminder, over a store and a clock."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def launch_state(self, person: Person, zone_lookup: ZoneLookup | None) -> LaunchState:
        """What a plain launch should say. One GetItem (plus, if stale, Alexa's zone)."""
        profile = self._store.load_profile(person)
        now = self._clock()
        zone = resolve_zone(profile, now, zone_lookup).name
        today = local_day(now, zone)
        return LaunchState(
            returning=profile.win_count > 0,
            morning_prompt=is_morning(now, zone) and asks_the_morning_question(profile, today),
            brief=profile.brief,
            today=profile.wins_on(today),
        )

    def start_goal(
        self, person: Person, words: str | None, *, bare: bool = False
    ) -> Goal | NeedsWords | NotAnAnswer | Crisis | CheckIn | NotAWin:
        """Open a goal (replacing any open one) before any timer is tried, so it is never lost.
        ``bare``: said in answer to "What's the one thing?", so it may be no answer at all."""
        plan = _screened(words, bare=bare)
        if not isinstance(plan, _Plan):
            return plan
        number = self._store.set_goal(person, plan.text, self._clock())
        return Goal(plan.text, plan.said, number)

    def open_goal(self, person: Person) -> Goal | None:
        """The goal still open, if any."""
        profile = self._store.load_profile(person)
        return goal_of(profile)

    def cancel_goal(self, person: Person) -> Goal | None:
        """Drop the open goal; returns it, or None when no goal was open."""
        goal = self.open_goal(person)
        if goal is not None:
            self._store.clear_goal(person)
        return goal

    def set_one_thing(
        self,
        person: Person,
        words: str | None,
        zone_lookup: ZoneLookup | None,
        *,
        bare: bool = False,
    ) -> OneThing | NeedsWords | NotAnAnswer | Crisis | CheckIn | NotAWin | Ahead:
        """Today's one thing, on the person's own calendar day. ``bare``: said in answer to
        "What's the one thing?", so it may be no answer at all ("hi"). A plan for a day to
        come ("clean the car tomorrow") is not today's: ``Ahead``, nothing stored."""
        plan = _screened(words, bare=bare)
        if not isinstance(plan, _Plan):
            return plan
        if ahead(plan.text, planned=True):
            return Ahead()
        text, said = plan.text, plan.said
        now = self._clock()
        zone = resolve_zone(self._store.load_profile(person), now, zone_lookup)
        day = local_day(now, zone.name)
        self._store.set_one_thing(person, text, day, zone.name if zone.fetched else None, now)
        return OneThing(said, done=False)

    def one_thing_today(self, person: Person, zone_lookup: ZoneLookup | None) -> OneThing | None:
        """Today's one thing; a thing from an earlier day is simply not today's."""
        profile = self._store.load_profile(person)
        now = self._clock()
        return one_thing_of(profile, local_day(now, resolve_zone(profile, now, zone_lookup).name))

    def reminder_state(self, person: Person, zone_lookup: ZoneLookup | None) -> ReminderState:
        """The existing reminder's token, and the zone a new one should use."""
        profile = self._store.load_profile(person)
        zone = resolve_zone(profile, self._clock(), zone_lookup)
        return ReminderState(profile.reminder_token, zone.name, profile.reminder_time)

    def remember_reminder(self, person: Person, token: str, at: DailyTime) -> None:
        self._store.set_reminder(person, token, f"{at.hour:02d}:{at.minute:02d}")

    def forget_reminder(self, person: Person) -> None:
        self._store.clear_reminder(person)

    def now(self) -> datetime:
        return self._clock()


class _Plan(NamedTuple):
    text: str  # as said, capped: what is stored
    said: str  # as said back: "clear your desk"


# Every plan is screened as something the person means to do: "die" from "I want to {thing}"
# is judged as "I will die".
PLAN_CARRIER = "i will"


def _screened(
    words: str | None, *, bare: bool = False
) -> _Plan | NeedsWords | NotAnAnswer | Crisis | CheckIn | NotAWin:
    """A plan's words, checked: crisis language is met with care, harm is not a plan, and
    (``bare``) a greeting or a question in answer to "What's the one thing?" is no plan."""
    text, _ = cap(normalise(words or ""))
    planned = plan_words(text)
    # Asked for a plan, people sometimes say how things are ("couldn't get out of bed"):
    # that is judged as told, and is no plan either.
    refused = judged(screen(planned, PLAN_CARRIER, Frame.INTEND)) or judged(
        screen(planned, "i", Frame.DONE)
    )
    if refused is not None:
        return refused
    if bare and not_said_to_a_question(text):
        return NotAnAnswer()
    said = intention(text)
    return _Plan(text, said) if said else NeedsWords()


def readable_plan(text: str) -> bool:
    """Whether a stored plan may be said back: it still screens as a plan today."""
    return judged(screen(plan_words(text), PLAN_CARRIER, Frame.INTEND)) is None


def one_thing_of(profile: Profile, day: date) -> OneThing | None:
    """The profile's one thing for ``day``, if it may still be said back."""
    if not profile.one_thing or profile.one_thing_day != day:
        return None
    if not readable_plan(profile.one_thing):
        return None
    return OneThing(intention(profile.one_thing), profile.one_thing_done)


def goal_of(profile: Profile) -> Goal | None:
    """The profile's open goal, if it may still be said back."""
    if not profile.goal or not readable_plan(profile.goal):
        return None
    return Goal(profile.goal, intention(profile.goal), profile.goal_number)
