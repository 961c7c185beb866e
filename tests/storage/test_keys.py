"""Reading wins by time at any size: the most recent wins on both stores (the contract), the
index SQLite uses for every read by time, and DynamoDB's calls and items read."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any

import pytest

from skill.domain.choice import Style
from skill.entry import Handler
from skill.services.wins import Logged, Statement, WinsService, Wording
from skill.storage.dynamodb.export import PortableDynamoWinStore
from skill.storage.dynamodb.store import DynamoWinStore
from skill.storage.interface import PortableStore, WinStore
from skill.storage.records import Person, Profile, StoredWin, Window
from skill.storage.sqlite.schema import DATABASE_FILE
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import SPEAKER, TABLE_NAME, CallLog, Clock, Envelope

WORDING = Wording(celebrations=dict.fromkeys(Style, 6), minimiser_replies=4)
ME = Person.of_account("amzn1.ask.account.KEYS")
STRANGER = Person.of_account("amzn1.ask.account.KEYS_STRANGER")
START = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)


def log(store: WinStore, person: Person, words: str, at: datetime, rid: str) -> None:
    outcome = WinsService(store, Clock(at), Random(1)).log_win(
        person, Statement(words), rid, WORDING
    )
    assert isinstance(outcome, Logged)


def history(wins: int, *, every: timedelta = timedelta(hours=1)) -> list[StoredWin]:
    """``wins`` wins, one an hour up to ``START``, oldest first."""
    return [StoredWin(n, f"did thing {n}", START - every * (wins - n)) for n in range(1, wins + 1)]


# --- the contract: recent_wins, on both stores ----------------------------------------------


def test_recent_wins_are_the_newest_by_time_with_the_profile(any_store: PortableStore) -> None:
    for n in range(6):
        log(any_store, ME, f"watered plant {n}", START + timedelta(minutes=n), f"r{n}")
    log(any_store, STRANGER, "fed the cat", START + timedelta(hours=1), "rs")

    profile, wins = any_store.recent_wins(ME, 4)

    assert profile.win_count == 6
    assert [win.text for win in wins] == [f"watered plant {n}" for n in (5, 4, 3, 2)]
    _, every = any_store.recent_wins(ME, 50)
    assert [win.number for win in every] == [6, 5, 4, 3, 2, 1]


def test_recent_wins_follow_time_not_numbers_after_a_move(any_store: PortableStore) -> None:
    for n in range(4):
        log(any_store, ME, f"watered plant {n}", START + timedelta(minutes=n), f"r{n}")
    any_store.delete_win(ME, 1, seen=any_store.load_profile(ME), today_count=3)  # 4 moves to 1

    _, wins = any_store.recent_wins(ME, 2)

    assert [(win.number, win.text) for win in wins] == [
        (1, "watered plant 3"),
        (3, "watered plant 2"),
    ]


def test_recent_wins_of_someone_new_or_without_wins_are_none(any_store: PortableStore) -> None:
    assert any_store.recent_wins(ME, 50) == (Profile(), [])
    any_store.set_style(ME, Style.CALM)
    profile, wins = any_store.recent_wins(ME, 50)
    assert profile.style is Style.CALM and wins == []
    log(any_store, ME, "made the bed", START, "r1")
    assert any_store.recent_wins(ME, 0)[1] == []


def test_recent_wins_find_imported_wins_by_time_whatever_their_numbers(
    any_store: PortableStore,
) -> None:
    hours = [5, 1, 3, 2, 8, 4]
    wins = [StoredWin(n, f"win {n}", START + timedelta(hours=h)) for n, h in enumerate(hours, 1)]
    any_store.restore(ME, Profile(win_count=len(wins)), wins)

    _, found = any_store.recent_wins(ME, 3)

    assert [win.text for win in found] == ["win 5", "win 1", "win 6"]


# --- SQLite: every read by time goes through the wins_by_time index --------------------------


def test_reading_by_time_uses_the_index_and_never_sorts_or_scans(tmp_path: Path) -> None:
    store = SqliteWinStore(tmp_path)
    store.restore(ME, Profile(win_count=200), history(200))
    statements: list[str] = []
    store._database._db.set_trace_callback(statements.append)  # noqa: SLF001  (a test's look inside)
    week = Window(START - timedelta(days=7), START)
    assert len(store.wins_within(ME, lambda _p: week, 1000)[1]) == 168
    assert len(store.recent_wins(ME, 50)[1]) == 50
    assert store.count_since(ME, START - timedelta(days=1)) == 25
    store.close()

    plans: list[str] = []
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        for statement in statements:
            if "FROM wins" in statement:
                plans += [str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {statement}")]
    assert sum("wins_by_time" in plan for plan in plans) == 3, plans
    assert not [plan for plan in plans if plan.startswith("SCAN") or "TEMP B-TREE" in plan], plans


# --- DynamoDB: two calls, and only the items asked for, at any number of wins ----------------


class ReadCounter:
    """Items DynamoDB read for each Query (its ``ScannedCount``), through botocore's hooks."""

    def __init__(self, dynamodb: Any) -> None:
        self.scanned: list[int] = []
        dynamodb.meta.events.register("after-call.dynamodb.Query", self)

    def __call__(self, parsed: dict[str, Any], **_: Any) -> None:
        self.scanned.append(int(parsed.get("ScannedCount", 0)))


@pytest.fixture
def dynamo(dynamodb: Any) -> PortableDynamoWinStore:
    return PortableDynamoWinStore(dynamodb, TABLE_NAME)


@pytest.mark.parametrize("wins", [100, 2000])
def test_a_day_long_ago_takes_two_calls_and_reads_that_days_wins_only(
    dynamo: PortableDynamoWinStore, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    dynamo.restore(ME, Profile(win_count=wins), history(wins))
    reads = ReadCounter(dynamodb)
    day = START - timedelta(days=3)
    calls.take()

    _, found = dynamo.wins_within(ME, lambda _p: Window(day, day + timedelta(days=1)), 1000)

    assert len(found) == 24
    assert calls.take() == ["GetItem", "Query"]
    assert sum(reads.scanned) <= 24 + 1  # that day's wins, and the day's end itself at most


@pytest.mark.parametrize("wins", [100, 2000])
def test_the_recent_fifty_take_two_calls_and_read_fifty(
    dynamo: PortableDynamoWinStore, dynamodb: Any, calls: CallLog, wins: int
) -> None:
    dynamo.restore(ME, Profile(win_count=wins), history(wins))
    reads = ReadCounter(dynamodb)
    calls.take()

    _, found = dynamo.recent_wins(ME, 50)

    assert [win.number for win in found] == list(range(wins, wins - 50, -1))
    assert calls.take() == ["GetItem", "Query"]
    assert sum(reads.scanned) <= 50 + 2


def test_the_win_just_logged_is_found_at_once(dynamo: PortableDynamoWinStore) -> None:
    """The by_time index is local: read strongly consistent, it never misses a new win."""
    dynamo.restore(ME, Profile(win_count=10), history(10))
    log(dynamo, ME, "took out the bins", START + timedelta(minutes=5), "r-new")

    later = Window(START + timedelta(minutes=1), START + timedelta(hours=1))
    _, today = dynamo.wins_within(ME, lambda _p: later, 10)

    assert [win.text for win in today] == ["took out the bins"]


@pytest.fixture
def store(dynamo_store: DynamoWinStore) -> DynamoWinStore:
    """The handler here runs on the Lambda's store: its calls are what is counted."""
    return dynamo_store


@pytest.mark.parametrize("slot", ["2026-W47", "2026-11", "2026-11-03", "2025-11-03"])
def test_a_week_a_month_or_a_day_long_ago_is_two_calls_through_the_whole_skill(
    handler: Handler,
    request_for: Envelope,
    dynamo: PortableDynamoWinStore,
    dynamodb: Any,
    calls: CallLog,
    slot: str,
) -> None:
    """Two years of wins, one every twelve hours: what is read is the span asked for."""
    wins = history(1500, every=timedelta(hours=12))
    dynamo.restore(SPEAKER, Profile(win_count=len(wins), zone="UTC", zone_checked_at=START), wins)
    reads = ReadCounter(dynamodb)
    calls.take()

    handler(request_for("recall", slots={"date": slot}), None)

    assert calls.take() == ["UpdateItem", "Query"]  # the profile read by keeping the list
    days = {"2026-W47": 7, "2026-11": 21, "2026-11-03": 1, "2025-11-03": 1}[slot]
    assert 2 <= sum(reads.scanned) <= 2 * days + 2  # two wins a day, the profile, an edge
