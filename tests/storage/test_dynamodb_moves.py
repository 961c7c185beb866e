"""What only DynamoDB must show when counting and deleting any win: bounded reads, whole moves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from skill.storage.dynamodb.export import PortableDynamoWinStore
from skill.storage.dynamodb.schema import OUT_OF_ORDER, PROFILE_SK, win_sk
from skill.storage.errors import ConcurrentUpdate
from skill.storage.records import Person, Profile, StoredWin
from tests.conftest import TABLE_NAME, CallLog

ME = Person.of_account("amzn1.ask.account.MOVES")
START = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)


@pytest.fixture
def store(dynamodb: Any) -> PortableDynamoWinStore:
    return PortableDynamoWinStore(dynamodb, TABLE_NAME)


def append(store: PortableDynamoWinStore, text: str, at: datetime, request_id: str) -> None:
    seen = store.load_profile(ME)
    updated = seen._replace(win_count=seen.win_count + 1, today=at.date(), today_count=1)
    store.append_win(ME, seen=seen, updated=updated, text=text, request_id=request_id, now=at)


def item(dynamodb: Any, sk: str) -> dict[str, Any]:
    found: dict[str, Any] = dynamodb.get_item(
        TableName=TABLE_NAME, Key={"pk": {"S": ME.key}, "sk": {"S": sk}}
    ).get("Item", {})
    return found


class ReadCounter:
    """Items DynamoDB read for each Query (its ``ScannedCount``), through botocore's hooks."""

    def __init__(self, dynamodb: Any) -> None:
        self.scanned: list[int] = []
        dynamodb.meta.events.register("after-call.dynamodb.Query", self)

    def __call__(self, parsed: dict[str, Any], **_: Any) -> None:
        self.scanned.append(int(parsed.get("ScannedCount", 0)))


def test_counting_among_ten_thousand_wins_reads_only_the_counted_ones(
    store: PortableDynamoWinStore, dynamodb: Any, calls: CallLog
) -> None:
    wins = [StoredWin(n, f"did thing {n}", START + timedelta(minutes=n)) for n in range(1, 10_001)]
    store.restore(ME, Profile(win_count=len(wins)), wins)
    reads = ReadCounter(dynamodb)
    calls.take()

    assert store.count_since(ME, START + timedelta(minutes=9_991)) == 10
    assert calls.take() == ["Query"]
    assert sum(reads.scanned) <= 10  # the by_time index: the ten counted wins, nothing older
    reads.scanned.clear()

    # Deleting win 1 moves the newest win (10,000) into number 1, far from the newest end.
    store.delete_win(ME, 1, seen=store.load_profile(ME), today_count=0)
    assert calls.take() == ["GetItem", "TransactGetItems", "TransactWriteItems"]
    assert store.count_since(ME, START + timedelta(minutes=9_991)) == 10
    assert sum(reads.scanned) <= 10
    reads.scanned.clear()

    assert store.count_since(ME, START + timedelta(minutes=9_001)) == 1000
    assert calls.take() == ["Query", "Query"]  # each count one Query
    assert reads.scanned[-1] == 1000  # one page: the thousand counted wins


def test_the_moved_win_keeps_its_request_and_heard_stamp_and_the_words_go(
    store: PortableDynamoWinStore, dynamodb: Any
) -> None:
    for n in range(1, 4):
        append(store, f"did thing {n}", START + timedelta(minutes=n), f"r{n}")
    store.mark_heard(ME, 3, START + timedelta(hours=1))
    last = item(dynamodb, win_sk(3))

    store.delete_win(ME, 1, seen=store.load_profile(ME), today_count=2)

    assert item(dynamodb, win_sk(1)) == {**last, "sk": {"S": win_sk(1)}, "number": {"N": "1"}}
    assert item(dynamodb, win_sk(3)) == {}
    everything = str(dynamodb.scan(TableName=TABLE_NAME)["Items"])
    assert "did thing 1" not in everything
    assert item(dynamodb, PROFILE_SK)[OUT_OF_ORDER] == {"M": {"1": last["created_at"]}}

    store.delete_win(ME, 1, seen=store.load_profile(ME), today_count=1)  # the moved one goes
    assert OUT_OF_ORDER not in item(dynamodb, PROFILE_SK)
    assert [win.text for win in store.wins_of(ME)] == ["did thing 2"]


def test_a_win_deleted_and_another_logged_meanwhile_is_not_deleted_by_mistake(
    store: PortableDynamoWinStore, dynamodb: Any
) -> None:
    """The count is back where it was, but the last win is another: the move is refused."""
    for n in range(1, 4):
        append(store, f"did thing {n}", START + timedelta(minutes=n), f"r{n}")
    seen = store.load_profile(ME)
    racing = {"done": False}

    def other_device_replaces_the_last(**_: Any) -> None:
        if not racing["done"]:
            racing["done"] = True
            store.delete_last_win(ME, 3, today_count=2)
            append(store, "made tea", START + timedelta(minutes=3), "r-other")

    dynamodb.meta.events.register(
        "before-call.dynamodb.TransactWriteItems", other_device_replaces_the_last
    )
    with pytest.raises(ConcurrentUpdate):
        store.delete_win(ME, 1, seen=seen, today_count=2)

    assert [win.text for win in store.wins_of(ME)] == ["did thing 1", "did thing 2", "made tea"]
    assert store.load_profile(ME).win_count == 3
