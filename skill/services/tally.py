"""Placeholder until the real tally lands."""

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from skill.storage.interface import WinStore
from skill.storage.records import Person
from skill.zones import ZoneLookup


class Tally(NamedTuple):
    today: int
    week: int
    total: int


class Tallies:
    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def tally(self, person: Person, zone_lookup: ZoneLookup | None) -> Tally:
        profile = self._store.load_profile(person)
        return Tally(profile.today_count, profile.today_count, profile.win_count)
