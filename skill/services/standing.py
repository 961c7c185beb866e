"""What is set, read back literally: the reminder's time, the style, the goal, the first day,
and all the settings at once.

Each answer reads the profile once (and, for the first day, one short read of the earliest
win); nothing here writes. Words a store keeps are said back only if they still screen as a
plan, as everywhere else.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import NamedTuple

from skill.domain.choice import Style
from skill.domain.local_time import local_day, understood_time
from skill.services.routines import Goal, OneThing, goal_of, one_thing_of
from skill.storage.interface import WinStore
from skill.storage.records import Person
from skill.zones import ZoneLookup, resolve_zone


class ReminderSet(NamedTuple):
    """The daily reminder's local time, or None when there is no reminder."""

    at: tuple[int, int] | None


class StyleSet(NamedTuple):
    style: Style
    brief: bool


class Started(NamedTuple):
    """The person's calendar day of their earliest win kept, and today, in their zone."""

    first: date
    today: date


class Settings(NamedTuple):
    """Every setting, for "what are my settings": the style (and brief), the reminder's local
    time, today's one thing, the open goal, and the recap's week (None when it is off)."""

    style: StyleSet
    reminder: ReminderSet
    one_thing: OneThing | None
    goal: Goal | None
    recap_day: int | None  # 0 Monday .. 6 Sunday


class Standing:
    """Reads of what a person has set, over a store and a clock."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def reminder(self, person: Person) -> ReminderSet:
        profile = self._store.load_profile(person)
        if not profile.reminder_token:
            return ReminderSet(None)
        return ReminderSet(understood_time(profile.reminder_time))

    def style(self, person: Person) -> StyleSet:
        profile = self._store.load_profile(person)
        return StyleSet(profile.style, profile.brief)

    def goal(self, person: Person) -> Goal | None:
        return goal_of(self._store.load_profile(person))

    def settings(self, person: Person, zone_lookup: ZoneLookup | None) -> Settings:
        """All that is set, from one read of the profile."""
        profile = self._store.load_profile(person)
        now = self._clock()
        today = local_day(now, resolve_zone(profile, now, zone_lookup).name)
        at = understood_time(profile.reminder_time) if profile.reminder_token else None
        return Settings(
            StyleSet(profile.style, profile.brief),
            ReminderSet(at),
            one_thing_of(profile, today),
            goal_of(profile),
            None if profile.recap_off else profile.recap_day,
        )

    def today(self, person: Person, zone_lookup: ZoneLookup | None) -> date:
        """Today on the person's calendar (one read of the profile, for its time zone)."""
        profile = self._store.load_profile(person)
        now = self._clock()
        return local_day(now, resolve_zone(profile, now, zone_lookup).name)

    def zone(self, person: Person, zone_lookup: ZoneLookup | None) -> str | None:
        """The time zone the person's days are counted in (one read of the profile)."""
        profile = self._store.load_profile(person)
        return resolve_zone(profile, self._clock(), zone_lookup).name

    def started(self, person: Person, zone_lookup: ZoneLookup | None) -> Started | None:
        """The day of the earliest win kept, on the person's calendar; None without wins."""
        profile, first = self._store.first_logged(person)
        if first is None:
            return None
        now = self._clock()
        zone = resolve_zone(profile, now, zone_lookup).name
        return Started(local_day(first, zone), local_day(now, zone))
