"""The person's own clock: their calendar day, their morning, their reminder times.

Alexa gives the device's IANA time zone; UTC stands in when it is unknown or unusable.
"""

from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Final, Literal, NamedTuple

NOON: Final = 12
# A half of the day, as a reminder's words name it ("every morning", "every evening").
Half = Literal["am", "pm"]
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


def zone_place(name: str | None) -> str:
    """The place a zone is named for, as it is said: "Sydney" for Australia/Sydney, "New
    York" for America/New_York; "UTC" when there is none or it is not a real zone."""
    if not name or zone(name) is UTC:
        return "UTC"
    return name.rsplit("/", 1)[-1].replace("_", " ")


def local_now(now: datetime, zone_name: str | None) -> datetime:
    """``now`` (aware, any zone) on the person's wall clock."""
    return now.astimezone(zone(zone_name))


def local_day(now: datetime, zone_name: str | None) -> date:
    """The person's calendar day: what "today" means to them."""
    return local_now(now, zone_name).date()


# The small hours: a person awake then is still in their night (a night shift ending at 5
# am, a late one), so "Good morning" and the day's one thing wait until this hour.
MORNING_FROM: Final = 6


def is_morning(now: datetime, zone_name: str | None) -> bool:
    """From 6 am until noon where the person is: the morning question's hours. Between
    midnight and 6 am nobody is greeted with "Good morning" or asked about the day ahead:
    someone opening the skill at 5 am straight off a night shift is ending a day, not
    starting one."""
    return MORNING_FROM <= local_now(now, zone_name).hour < NOON


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


def is_vague(value: str | None) -> bool:
    """Whether an AMAZON.TIME value names a part of the day ("MO") rather than a clock time."""
    return bool(value) and str(value).upper() in _VAGUE_TIMES


def half_unsaid(at: tuple[int, int], now: datetime, zone_name: str | None) -> bool:
    """Whether an hour from 1 to 11, said without "am" or "pm", could be either half of the
    day: its morning has already gone by today where the person is ("7" said at 6 pm)."""
    hour, minute = at
    if not 1 <= hour < NOON:
        return False
    here = local_now(now, zone_name)
    return (here.hour, here.minute) > (hour, minute)


def in_half(at: tuple[int, int], value: str | None) -> tuple[int, int] | None:
    """``at`` (a morning hour) in the half of the day an answer names: "in the evening" is
    ``EV``, "7 pm" is ``19:00``; the same hour again is the morning. None: no answer."""
    hour, minute = at
    if value and value.upper() == "MO":
        return at
    if is_vague(value):
        return (hour + NOON, minute)
    said = understood_time(value)
    if said is None:
        return None
    return said


def in_named_half(at: tuple[int, int], half: Half) -> tuple[int, int]:
    """``at`` in the half of the day the person named: 7 said with "every evening" is 19:00."""
    hour, minute = at
    if half == "pm" and 1 <= hour < NOON:
        return (hour + NOON, minute)
    return at


def in_the_half_of(at: tuple[int, int], kept: str | None) -> tuple[int, int] | None:
    """``at`` (a morning hour) in the half of the day of the reminder ``kept`` ("19:30"):
    "make it half eight" moves an evening reminder to the evening. None without one."""
    known = understood_time(kept)
    if known is None or not 1 <= at[0] < NOON:
        return None
    return (at[0] + NOON, at[1]) if known[0] >= NOON else at


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
