"""How many wins a person has: today, this past week, and ever, on their own calendar."""

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Final, NamedTuple

from skill.domain.local_time import local_day, zone
from skill.storage.interface import WinStore
from skill.storage.records import Person
from skill.zones import ZoneLookup, resolve_zone

# "This week" is the last seven calendar days, today included.
WEEK_DAYS: Final = 7


class Tally(NamedTuple):
    """Wins since local midnight, in the last seven local days (today included), and ever."""

    today: int
    week: int
    total: int
    brief: bool = False  # the person asked for no follow-up questions


class Tallies:
    """Counts of a person's wins, over a store and a clock."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def tally(self, person: Person, zone_lookup: ZoneLookup | None) -> Tally:
        """The counts in the person's time zone (cached, else Alexa's, else UTC)."""
        profile = self._store.load_profile(person)
        if profile.win_count == 0:
            return Tally(0, 0, 0, brief=profile.brief)
        now = self._clock()
        zone_name = resolve_zone(profile, now, zone_lookup).name
        today = local_day(now, zone_name)
        week_start = today - timedelta(days=WEEK_DAYS - 1)
        week = self._store.count_since(person, _midnight(week_start, zone_name))
        today_count = self._store.count_since(person, _midnight(today, zone_name))
        # A win logged between these reads must not make a part larger than its whole.
        week = min(week, profile.win_count)
        return Tally(
            today=min(today_count, week), week=week, total=profile.win_count, brief=profile.brief
        )


def _midnight(day: date, zone_name: str | None) -> datetime:
    """When ``day`` begins on the person's clock, in UTC.

    Where the clocks skip midnight itself, ``fold=0`` reads the skipped time with the offset
    from before the change, which is the instant the day begins.
    """
    return datetime.combine(day, time(), tzinfo=zone(zone_name)).astimezone(UTC)
