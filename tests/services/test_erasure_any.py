"""Deleting any win by its number, through the service, on every store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from random import Random
from typing import Any

from skill.domain.choice import Style
from skill.services.erasure import Erasure
from skill.services.wins import Logged, Statement, WinsService, Wording
from skill.storage.dynamodb.store import DynamoWinStore
from skill.storage.interface import PortableStore, WinStore
from skill.storage.records import Person
from tests.conftest import TABLE_NAME, Clock

WORDING = Wording(celebrations=dict.fromkeys(Style, 6), minimiser_replies=4)
ME = Person.of_account("amzn1.ask.account.ERASURE")
# Saturday 21 November 2026, 09:00 in Auckland (UTC+13): Friday evening in UTC.
MORNING_IN_AUCKLAND = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)


def log(store: WinStore, clock: Clock, words: str, zone: str | None = None) -> None:
    lookup = (lambda: zone) if zone else None
    outcome = WinsService(store, clock, Random(1)).log_win(
        ME, Statement(words), f"r-{words}", WORDING, zone_lookup=lookup
    )
    assert isinstance(outcome, Logged)


def texts(store: PortableStore) -> list[str]:
    return [win.text for win in store.wins_of(ME)]


def test_any_win_is_deleted_and_the_last_takes_its_number(any_store: PortableStore) -> None:
    clock = Clock(MORNING_IN_AUCKLAND)
    for words in ("walked the dog", "made tea", "called mum", "fed the cat"):
        log(any_store, clock, words)
        clock.advance(minutes=5)
    erasure = Erasure(any_store, clock)

    assert erasure.delete_win(ME, 2)

    assert texts(any_store) == ["walked the dog", "fed the cat", "called mum"]
    profile = any_store.load_profile(ME)
    assert (profile.win_count, profile.today_count) == (3, 3)
    # The last logged is the last, whatever number a move gave it: undo deletes it.
    last = erasure.last_win(ME)
    assert last is not None and (last.number, last.win.said) == (2, "you fed the cat")
    assert not erasure.delete_last_win(ME, 3)  # no longer the last logged: kept
    assert erasure.delete_last_win(ME, 2)
    assert texts(any_store) == ["walked the dog", "called mum"]


def test_todays_count_loses_only_a_win_of_today_in_the_persons_own_zone(
    any_store: PortableStore,
) -> None:
    """In Auckland it is Saturday morning; yesterday's wins there are Friday's."""
    clock = Clock(MORNING_IN_AUCKLAND - timedelta(days=1))
    log(any_store, clock, "walked the dog", "Pacific/Auckland")  # Friday in Auckland
    log(any_store, clock, "made tea", "Pacific/Auckland")
    clock.now = MORNING_IN_AUCKLAND  # Friday in UTC still, Saturday in Auckland
    log(any_store, clock, "called mum", "Pacific/Auckland")
    log(any_store, clock, "fed the cat", "Pacific/Auckland")
    erasure = Erasure(any_store, clock)
    assert any_store.load_profile(ME).today_count == 2

    assert erasure.delete_win(ME, 1)  # Friday's win: today's count stays
    assert any_store.load_profile(ME).today_count == 2
    assert erasure.delete_win(ME, 1)  # now "fed the cat", Saturday's
    profile = any_store.load_profile(ME)
    assert (profile.win_count, profile.today_count) == (2, 1)
    assert sorted(texts(any_store)) == ["called mum", "made tea"]


def test_a_missing_number_deletes_nothing(any_store: PortableStore) -> None:
    clock = Clock(MORNING_IN_AUCKLAND)
    log(any_store, clock, "walked the dog")
    log(any_store, clock, "made tea")
    erasure = Erasure(any_store, clock)

    assert not erasure.delete_win(ME, 0)
    assert not erasure.delete_win(ME, 3)
    assert not erasure.delete_win(Person.of_account("amzn1.ask.account.NOBODY"), 1)
    assert texts(any_store) == ["walked the dog", "made tea"]
    assert erasure.delete_win(ME, 2) and not erasure.delete_win(ME, 2)  # already gone
    assert texts(any_store) == ["walked the dog"]


def test_a_win_logged_meanwhile_stops_the_deletion(dynamodb: Any) -> None:
    """Another device logs between reading the wins and deleting: nothing is deleted."""
    store = DynamoWinStore(dynamodb, TABLE_NAME)
    clock = Clock(MORNING_IN_AUCKLAND)
    log(store, clock, "walked the dog")
    log(store, clock, "made tea")
    racing = {"done": False}

    def other_device_logs(**_: Any) -> None:
        if not racing["done"]:
            racing["done"] = True
            log(store, clock, "fed the cat")

    dynamodb.meta.events.register("before-call.dynamodb.TransactGetItems", other_device_logs)

    assert not Erasure(store, clock).delete_win(ME, 1)
    assert store.load_profile(ME).win_count == 3
    assert [store.win(ME, n) is not None for n in (1, 2, 3)] == [True, True, True]
