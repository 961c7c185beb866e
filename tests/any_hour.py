"""The instants and process time zones the tests marked ``any_hour`` run at, besides the pinned one.

Every test starts at one pinned instant (``tests/conftest.py``); a test marked ``any_hour``
runs at each of these too, in the same pytest process: time-machine moves the clock, and the
process's time zone is set (``TZ`` and ``time.tzset()``) around the test. The instants are where
a skill that thinks in local days and mornings breaks: early morning, a second either side of
noon, late evening, New Year's Eve, and both sides of a daylight-saving change. The zones are
those furthest ahead of and behind UTC (Pacific/Kiritimati, UTC+14; America/Adak, UTC-10/-9,
with daylight saving), so the computer's local date is a day away from the device's.

The fast lane (``scripts/dev test --fast``) runs the pinned instant only, and says so.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from datetime import datetime
from typing import Final, NamedTuple


class Moment(NamedTuple):
    id: str  # the test ID's part: ``test_launch[late-evening]``
    at: datetime
    zone: str  # the process's TZ


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text)


MOMENTS: Final = (
    Moment("early-morning", _utc("2026-06-15T05:10:00+00:00"), "Pacific/Kiritimati"),
    Moment("before-noon", _utc("2026-06-15T11:59:59+00:00"), "America/Adak"),
    Moment("noon", _utc("2026-06-15T12:00:00+00:00"), "Pacific/Kiritimati"),
    Moment("late-evening", _utc("2026-06-15T22:45:00+00:00"), "America/Adak"),
    Moment("new-years-eve", _utc("2026-12-31T23:59:00+00:00"), "Pacific/Kiritimati"),
    # US daylight saving ends at 06:00 UTC on 1 November 2026 (01:59 EDT, then 01:00 EST).
    Moment("before-clocks-go-back", _utc("2026-11-01T05:59:00+00:00"), "America/New_York"),
    Moment("after-clocks-go-back", _utc("2026-11-01T06:01:00+00:00"), "America/New_York"),
)


@contextlib.contextmanager
def process_zone(zone: str | None) -> Iterator[None]:
    """The process's local time zone is ``zone`` inside (None: as it is), children included."""
    if zone is None:
        yield
        return
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
