"""The person's own clock: their calendar day, their morning, their reminder times.

Alexa gives the device's IANA time zone; UTC stands in when it is unknown or unusable.
"""

from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Final, NamedTuple

NOON: Final = 12
# A cached zone is trusted this long; people travel, devices move.
ZONE_FRESH_FOR: Final = timedelta(hours=12)
DEFAULT_REMINDER: Final = (8, 0)
# AMAZON.TIME's vague values, as a time a morning reminder could sensibly use.
_VAGUE_TIMES: Final[dict[str, tuple[int, int]]] = {
    "MO": (8, 0),
    "AF": (14, 0),
    "EV": (19, 0),
    "NI": (21, 0),
}


def zone(name: str | None) -> tzinfo:
    """The zone called ``name``, or UTC when there is none or it is not a real zone."""
    if not name:
        return UTC
    # Imported on first use: it costs a cold start ~2 ms and most requests never need a zone.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def local_now(now: datetime, zone_name: str | None) -> datetime:
    """``now`` (aware, any zone) on the person's wall clock."""
    return now.astimezone(zone(zone_name))


def local_day(now: datetime, zone_name: str | None) -> date:
    """The person's calendar day: what "today" means to them."""
    return local_now(now, zone_name).date()


def is_morning(now: datetime, zone_name: str | None) -> bool:
    """Before noon where the person is."""
    return local_now(now, zone_name).hour < NOON


def zone_is_fresh(checked_at: datetime | None, now: datetime) -> bool:
    """Whether a cached time zone is recent enough to use without asking Alexa again."""
    return checked_at is not None and timedelta(0) <= now - checked_at < ZONE_FRESH_FOR


def reminder_time(value: str | None) -> tuple[int, int]:
    """An AMAZON.TIME value ("07:30", "19:00", "MO") as hour and minute; 08:00 by default."""
    return understood_time(value) or DEFAULT_REMINDER


def understood_time(value: str | None) -> tuple[int, int] | None:
    """An AMAZON.TIME value as hour and minute; None when there is none or it makes no sense."""
    if not value:
        return None
    if value.upper() in _VAGUE_TIMES:
        return _VAGUE_TIMES[value.upper()]
    hour, _, minute = value.partition(":")
    try:
        parsed = int(hour), int(minute or "0")
    except ValueError:
        return None
    if 0 <= parsed[0] < 24 and 0 <= parsed[1] < 60:
        return parsed
    return None


class DailyTime(NamedTuple):
    """A time of day in a named zone, for a reminder that recurs every day."""

    hour: int
    minute: int
    zone_name: str

    def next_after(self, now: datetime) -> datetime:
        """The first time this clock time comes round after ``now``, in its own zone."""
        here = local_now(now, self.zone_name)
        candidate = here.replace(hour=self.hour, minute=self.minute, second=0, microsecond=0)
        return candidate if candidate > here else candidate + timedelta(days=1)
