"""Which time zone a person is in: cached on their profile, refreshed from Alexa when stale."""

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from skill.domain.local_time import zone_is_fresh
from skill.storage.records import Profile

# Asks Alexa's Settings API for the device's zone. Never raises: None when unknown or failing.
ZoneLookup = Callable[[], str | None]


class ZoneChoice(NamedTuple):
    name: str | None  # None: unknown, so UTC is used
    fetched: bool  # True when it came fresh from Alexa and is worth caching


def resolve_zone(profile: Profile, now: datetime, lookup: ZoneLookup | None) -> ZoneChoice:
    """The cached zone while fresh; otherwise Alexa's answer; otherwise the stale cache."""
    if profile.zone and zone_is_fresh(profile.zone_checked_at, now):
        return ZoneChoice(profile.zone, fetched=False)
    fetched = lookup() if lookup is not None else None
    if fetched:
        return ZoneChoice(fetched, fetched=True)
    return ZoneChoice(profile.zone, fetched=False)
