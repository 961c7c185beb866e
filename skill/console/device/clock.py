"""The console's clock: the real time, or a moment the person picks that then runs on.

``wins chat --at 2026-12-31T23:59`` tries the skill at another time of day (its morning
question, a new year) without touching the computer's clock. The time given is read in the
device's zone unless it names its own offset; from there the clock runs at the real pace, so
timers still ring after their minute.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from skill.console.errors import ConsoleError

Clock = Callable[[], datetime]


def real_clock() -> datetime:
    return datetime.now(UTC)


def clock_from(at: str | None, zone: str) -> Clock:
    """The real clock when ``at`` is None; otherwise one that starts at ``at`` and runs on."""
    if at is None:
        return real_clock
    start = starting_moment(at, zone)
    began = time.monotonic()

    def now() -> datetime:
        return start + timedelta(seconds=time.monotonic() - began)

    return now


def starting_moment(at: str, zone: str) -> datetime:
    """``at`` (ISO 8601) as an aware UTC moment; without an offset it is the device's time."""
    try:
        moment = datetime.fromisoformat(at.strip())
    except ValueError:
        raise ConsoleError(
            f"{at!r} is not a date and time. Use ISO 8601, e.g. 2026-12-31T23:59 "
            "(the device's time) or 2026-12-31T23:59+13:00."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(UTC)
