"""Counting wins today, this week and ever, on the person's own calendar, at any hour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from skill.services.tally import Tallies, Tally
from skill.storage.interface import PortableStore
from skill.storage.records import Person, Profile, StoredWin
from tests.conftest import Clock

ME = Person.of_account("amzn1.ask.account.TALLY")
NEW_YORK = ZoneInfo("America/New_York")


def local(text: str, zone: ZoneInfo = NEW_YORK, *, fold: int = 0) -> datetime:
    """An instant given as the wall clock in ``zone`` shows it ("2026-11-01 01:30")."""
    return datetime.fromisoformat(text).replace(tzinfo=zone, fold=fold)


def seed(
    store: PortableStore,
    moments: list[datetime],
    *,
    zone: str | None = None,
    checked: datetime | None = None,
) -> None:
    """Wins logged at these moments, and the zone the profile caches (checked at ``checked``)."""
    wins = [StoredWin(n, f"did thing {n}", at.astimezone(UTC)) for n, at in enumerate(moments, 1)]
    profile = Profile(win_count=len(wins), zone=zone, zone_checked_at=checked)
    store.restore(ME, profile, wins)


# US daylight saving ends at 06:00 UTC on Sunday 1 November 2026: 01:59 EDT, then 01:00 EST.
AROUND_THE_CHANGE = [
    local("2026-10-25 23:30"),  # Sunday: the week before, outside the week
    local("2026-10-26 00:00"),  # the first instant of the week: Monday, 26 October
    local("2026-10-31 23:59:59"),  # yesterday
    local("2026-11-01 00:00"),  # the first instant of the day, still in daylight time (04:00 UTC)
    local("2026-11-01 01:30", fold=0),  # 05:30 UTC
    local("2026-11-01 01:30", fold=1),  # the same wall time an hour later, in standard time
]


@pytest.mark.parametrize(
    "hour", ["02:00", "05:00", "08:00", "11:00", "14:00", "17:00", "20:00", "23:00", "23:59:59"]
)
def test_on_the_day_the_clocks_go_back_at_any_hour(any_store: PortableStore, hour: str) -> None:
    now = local(f"2026-11-01 {hour}")
    seed(any_store, AROUND_THE_CHANGE, zone="America/New_York", checked=now - timedelta(hours=1))

    tally = Tallies(any_store, Clock(now)).tally(ME, None)

    assert tally[:3] == Tally(today=3, week=5, total=6)[:3]


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Midnight after the change is 05:00 UTC, not 04:00: yesterday's three wins are not
        # today's, and on this Monday a new calendar week has begun with none in it.
        (local("2026-11-02 00:00"), Tally(today=0, week=0, total=6)),
        (local("2026-11-07 23:59:59"), Tally(today=0, week=0, total=6)),
        (local("2026-11-08 00:00"), Tally(today=0, week=0, total=6)),
        # The evening before the change (the later wins not yet logged): the week since
        # Monday 26 October's first instant, never Sunday the 25th.
        (local("2026-10-31 23:59:59"), Tally(today=1, week=2, total=3)),
    ],
)
def test_the_days_and_the_week_either_side_of_the_change(
    any_store: PortableStore, now: datetime, expected: Tally
) -> None:
    logged = [at for at in AROUND_THE_CHANGE if at <= now]
    seed(any_store, logged, zone="America/New_York", checked=now - timedelta(hours=1))

    assert Tallies(any_store, Clock(now)).tally(ME, None)[:3] == expected[:3]


def test_on_the_day_the_clocks_go_forward(any_store: PortableStore) -> None:
    """8 March 2026: 01:59 EST, then 03:00 EDT; the day has 23 hours, and begins at 05:00 UTC."""
    moments = [
        local("2026-03-07 23:59:59"),
        local("2026-03-08 00:00"),
        local("2026-03-08 01:59"),
        local("2026-03-08 03:00"),
    ]
    now = local("2026-03-08 23:59:59")
    seed(any_store, moments, zone="America/New_York", checked=now - timedelta(hours=1))

    assert Tallies(any_store, Clock(now)).tally(ME, None)[:3] == Tally(today=3, week=4, total=4)[:3]


def test_a_new_person_has_nothing_to_count(any_store: PortableStore) -> None:
    now = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)
    assert (
        Tallies(any_store, Clock(now)).tally(ME, lambda: "Europe/Berlin")[:3] == Tally(0, 0, 0)[:3]
    )


def test_without_a_known_zone_the_days_are_utc_days(any_store: PortableStore) -> None:
    now = datetime(2026, 11, 21, 0, 30, tzinfo=UTC)
    seed(any_store, [now - timedelta(minutes=31), now - timedelta(minutes=30), now])

    assert Tallies(any_store, Clock(now)).tally(ME, lambda: None)[:3] == Tally(2, 3, 3)[:3]
    assert Tallies(any_store, Clock(now)).tally(ME, None)[:3] == Tally(2, 3, 3)[:3]


def test_alexas_zone_is_asked_when_the_cached_one_is_stale(any_store: PortableStore) -> None:
    """Tokyo's day begins at 15:00 UTC the day before; the stale cache says UTC's London."""
    now = datetime(2026, 11, 21, 16, 0, tzinfo=UTC)  # 01:00 on the 22nd in Tokyo
    earlier = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)  # 23:00 on the 21st in Tokyo
    seed(any_store, [earlier, now], zone="Europe/London", checked=now - timedelta(days=2))

    assert Tallies(any_store, Clock(now)).tally(ME, lambda: "Asia/Tokyo")[:3] == Tally(1, 2, 2)[:3]
    assert (
        Tallies(any_store, Clock(now)).tally(ME, lambda: None)[:3] == Tally(2, 2, 2)[:3]
    )  # London


def test_a_fresh_cached_zone_is_used_without_asking(any_store: PortableStore) -> None:
    now = datetime(2026, 11, 21, 16, 0, tzinfo=UTC)
    earlier = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)
    seed(any_store, [earlier, now], zone="Asia/Tokyo", checked=now - timedelta(hours=1))
    asked: list[bool] = []

    def lookup() -> str:
        asked.append(True)
        return "Europe/London"

    assert Tallies(any_store, Clock(now)).tally(ME, lookup)[:3] == Tally(1, 2, 2)[:3]
    assert asked == []


def test_counts_follow_deletions(any_store: PortableStore) -> None:
    now = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)
    seed(any_store, [now - timedelta(days=d) for d in (9, 3, 0)])
    seen = any_store.load_profile(ME)

    any_store.delete_win(ME, 1, seen=seen, today_count=1)  # today's win moves into number 1

    assert Tallies(any_store, Clock(now)).tally(ME, None)[:3] == Tally(1, 2, 2)[:3]
