"""``wins migrate-table`` on moto: a table of the old shape (no ``by_time`` index) copied whole
into one of the new, in pages, resumable, idempotent, verified, the old table never touched."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from skill.cli import main
from skill.services.recap import Recaps
from skill.storage.dynamodb import migrate
from skill.storage.dynamodb.migrate import (
    MigrationError,
    compare,
    copy_items,
    ensure_table,
)
from skill.storage.dynamodb.schema import TABLE_DEFINITION, TIME_INDEX, win_sk
from skill.storage.dynamodb.store import DynamoWinStore
from skill.storage.records import Person, Window, stamp
from tests.conftest import CallLog

OLD, NEW = "wins-old", "wins-new"
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
PEOPLE = 8
WINS_EACH = 30  # a month each: more than the fortnight counted, and many pages in all


def old_definition() -> dict[str, Any]:
    """The table before ``by_time``: as TABLE_DEFINITION was."""
    definition = copy.deepcopy(TABLE_DEFINITION)
    definition["AttributeDefinitions"] = [
        a for a in definition["AttributeDefinitions"] if a["AttributeName"] != "created_at"
    ]
    definition["LocalSecondaryIndexes"] = [
        i for i in definition["LocalSecondaryIndexes"] if i["IndexName"] != TIME_INDEX
    ]
    return definition


def person(n: int) -> Person:
    return Person.of_account(f"amzn1.ask.account.MIGRATE{n:03d}")


def seed_old_table(dynamodb: Any) -> int:
    """Profiles, wins, request markers (live and expired) and SEEN items: returns the live ones."""
    dynamodb.create_table(TableName=OLD, BillingMode="PAY_PER_REQUEST", **old_definition())
    items: list[dict[str, Any]] = []
    live_expiry, past_expiry = int(NOW.timestamp()) + 3600, int(NOW.timestamp()) - 3600
    for p in range(PEOPLE):
        who = person(p)
        first = NOW - timedelta(days=WINS_EACH)
        items.append(
            {
                "pk": {"S": who.key},
                "sk": {"S": "PROFILE"},
                "win_count": {"N": str(WINS_EACH)},
                "heard_at": {"S": "~"},
                "account": {"S": who.account},
                "created_at": {"S": stamp(first)},
                "style": {"S": "calm"},
            }
        )
        for n in range(1, WINS_EACH + 1):
            items.append(
                {
                    "pk": {"S": who.key},
                    "sk": {"S": win_sk(n)},
                    "number": {"N": str(n)},
                    "text": {"S": f"did thing {n}"},
                    "created_at": {"S": stamp(first + timedelta(days=n - 1))},
                    "request_id": {"S": f"r{n}"},
                }
            )
        for marker, expiry in (("live", live_expiry), ("gone", past_expiry)):
            items.append(
                {
                    "pk": {"S": who.key},
                    "sk": {"S": f"REQ#{marker}"},
                    "number": {"N": "1"},
                    "expires_at": {"N": str(expiry)},
                }
            )
        items.append(
            {
                "pk": {"S": f"SEEN#request-{p}"},
                "sk": {"S": "SEEN"},
                "digest": {"S": "00ff"},
                "expires_at": {"N": str(live_expiry)},
            }
        )
    for start in range(0, len(items), 25):
        batch: list[Any] = [{"PutRequest": {"Item": i}} for i in items[start : start + 25]]
        dynamodb.batch_write_item(RequestItems={OLD: batch})
    return len(items) - PEOPLE  # less the expired markers


def everything(dynamodb: Any, table: str) -> list[dict[str, Any]]:
    items = [
        item
        for page in dynamodb.get_paginator("scan").paginate(TableName=table)
        for item in page["Items"]
    ]
    return sorted(items, key=lambda item: (item["pk"]["S"], item["sk"]["S"]))


def test_every_live_item_is_copied_whole_and_the_old_table_is_left_as_it_was(
    dynamodb: Any, calls: CallLog, tmp_path: Path
) -> None:
    live = seed_old_table(dynamodb)
    before = everything(dynamodb, OLD)
    calls.take()

    assert ensure_table(dynamodb, NEW) is True
    copied = copy_items(dynamodb, OLD, NEW, tmp_path / "state.json", NOW, page=100)
    compared = compare(dynamodb, OLD, NEW, NOW)

    assert copied.items == live == PEOPLE * (WINS_EACH + 3) and copied.expired == PEOPLE
    assert compared.same and compared.source == compared.target == live
    assert everything(dynamodb, OLD) == before
    moved = everything(dynamodb, NEW)
    assert moved == [item for item in before if item["sk"]["S"] != "REQ#gone"]
    assert not {"DeleteItem", "DeleteTable", "UpdateItem"} & set(calls.take())
    state = (tmp_path / "state.json").read_text()
    assert '"done": true' in state and "amzn1" not in state  # no one's key is left behind
    assert (tmp_path / "state.json").stat().st_mode & 0o777 == 0o600


def test_the_new_table_answers_a_span_from_its_time_index(dynamodb: Any, tmp_path: Path) -> None:
    seed_old_table(dynamodb)
    ensure_table(dynamodb, NEW)
    copy_items(dynamodb, OLD, NEW, tmp_path / "state.json", NOW)
    store = DynamoWinStore(dynamodb, NEW)
    day = NOW - timedelta(days=WINS_EACH) + timedelta(days=9)

    profile, wins = store.wins_within(
        person(7), lambda _p: Window(day - timedelta(hours=1), day + timedelta(hours=1)), 10
    )

    assert profile.win_count == WINS_EACH and [win.text for win in wins] == ["did thing 10"]
    assert [win.number for win in store.recent_wins(person(7), 3)[1]] == [
        WINS_EACH,
        WINS_EACH - 1,
        WINS_EACH - 2,
    ]


def test_an_interrupted_copy_resumes_where_it_stopped(dynamodb: Any, tmp_path: Path) -> None:
    live = seed_old_table(dynamodb)
    ensure_table(dynamodb, NEW)
    state = tmp_path / "state.json"
    writes = {"count": 0}

    def network_fails_midway(**_: Any) -> None:
        writes["count"] += 1
        if writes["count"] == 5:  # part way: each write is 25 items
            raise ConnectionError("the network went away")

    dynamodb.meta.events.register("before-call.dynamodb.BatchWriteItem", network_fails_midway)
    with pytest.raises(ConnectionError):
        copy_items(dynamodb, OLD, NEW, state, NOW, page=60)
    assert '"resume"' in state.read_text()
    assert 0 < compare(dynamodb, OLD, NEW, NOW).target < live

    again = copy_items(dynamodb, OLD, NEW, state, NOW, page=60)

    assert again.resumed and again.items < live
    assert compare(dynamodb, OLD, NEW, NOW).same


def test_copying_again_changes_nothing(dynamodb: Any, tmp_path: Path, calls: CallLog) -> None:
    seed_old_table(dynamodb)
    ensure_table(dynamodb, NEW)
    copy_items(dynamodb, OLD, NEW, tmp_path / "state.json", NOW)
    first = everything(dynamodb, NEW)
    calls.take()

    done = copy_items(dynamodb, OLD, NEW, tmp_path / "state.json", NOW)
    assert done.items == 0 and done.resumed and calls.take() == []
    fresh = copy_items(dynamodb, OLD, NEW, tmp_path / "other.json", NOW)  # from the start

    assert fresh.items == len(first) and everything(dynamodb, NEW) == first
    assert ensure_table(dynamodb, NEW) is False


def test_a_difference_is_found_and_a_wrong_target_refused(dynamodb: Any, tmp_path: Path) -> None:
    seed_old_table(dynamodb)
    ensure_table(dynamodb, NEW)
    copy_items(dynamodb, OLD, NEW, tmp_path / "state.json", NOW)
    dynamodb.delete_item(TableName=NEW, Key={"pk": {"S": person(3).key}, "sk": {"S": win_sk(5)}})

    assert compare(dynamodb, OLD, NEW, NOW)[2:] == (1, 0)
    with pytest.raises(MigrationError):
        ensure_table(dynamodb, OLD)  # the old shape, without by_time
    with pytest.raises(MigrationError):
        copy_items(dynamodb, OLD, OLD, tmp_path / "same.json", NOW)
    with pytest.raises(MigrationError):
        copy_items(dynamodb, OLD, "wins-elsewhere", tmp_path / "state.json", NOW)


def test_the_command_copies_verifies_and_says_so(
    dynamodb: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(migrate, "clock", lambda: NOW)
    live = seed_old_table(dynamodb)
    state = tmp_path / "state.json"

    status = main(["migrate-table", "--from", OLD, "--to", NEW, "--state", str(state)])

    said = capsys.readouterr()
    assert status == 0, said.err
    assert f"created {NEW}" in said.out and f"{NEW}: {live} items" in said.out
    assert "amzn1" not in said.out + said.err
    assert main(["migrate-table", "--from", OLD, "--to", NEW, "--state", str(state)]) == 0


def test_the_command_counts_each_persons_fortnight_so_the_first_launch_reads_the_profile(
    dynamodb: Any,
    calls: CallLog,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Wins from before the profile counted them by day: the copy counts the last fourteen
    days', so the week's first launch offers the recap in two calls, not three."""
    monkeypatch.setattr(migrate, "clock", lambda: NOW)
    seed_old_table(dynamodb)
    state = tmp_path / "state.json"

    assert main(["migrate-table", "--from", OLD, "--to", NEW, "--state", str(state)]) == 0
    said = capsys.readouterr()
    calls.take()
    launch = Recaps(DynamoWinStore(dynamodb, NEW), lambda: NOW).launch(
        person(0), None, recognised=True
    )

    assert f"for {PEOPLE} people" in said.out and "amzn1" not in said.out + said.err
    assert calls.take() == ["GetItem", "UpdateItem"]  # the profile, and the offer noted
    assert launch.recap is not None and (launch.recap.wins, launch.recap.exact) == (7, True)
    # 9 AM: the next launch asks the morning question, and notes the day it asked it.
    again = Recaps(DynamoWinStore(dynamodb, NEW), lambda: NOW + timedelta(hours=1))
    assert again.launch(person(0), None, recognised=True).recap is None
    assert calls.take() == ["GetItem", "UpdateItem"]
    later = Recaps(DynamoWinStore(dynamodb, NEW), lambda: NOW + timedelta(hours=2))
    assert later.launch(person(0), None, recognised=True).recap is None
    assert calls.take() == ["GetItem"]


def test_the_command_alone_counts_in_place_once_and_never_twice(
    dynamodb: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A table already of this release's shape, its wins from before the count: ``--to``
    alone copies nothing and counts; run again, it finds nothing left to count."""
    monkeypatch.setattr(migrate, "clock", lambda: NOW)
    seed_old_table(dynamodb)
    ensure_table(dynamodb, NEW)
    copy_items(dynamodb, OLD, NEW, tmp_path / "state.json", NOW)
    before = everything(dynamodb, OLD)

    assert main(["migrate-table", "--to", NEW]) == 0
    first = capsys.readouterr().out
    assert main(["migrate-table", "--to", NEW]) == 0
    second = capsys.readouterr().out

    assert f"for {PEOPLE} people (0 needed no count)" in first
    assert f"for 0 people ({PEOPLE} needed no count)" in second
    assert everything(dynamodb, OLD) == before
    profile = DynamoWinStore(dynamodb, NEW).load_profile(person(3))
    assert profile.logged_days is not None
    days = profile.logged_days.days
    assert len(days) == 14 and days[-1].day == NOW.date() and days[-1].wins == 0
    assert sum(day.wins for day in days) == 13  # one a day, until yesterday
