"""What only the SQLite store must show: its file, its versions, two processes, old data."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import threading
from datetime import UTC, date, datetime
from pathlib import Path
from random import Random

import pytest

from skill.domain.choice import Style
from skill.services.routines import Routines
from skill.services.wins import Logged, Statement, WinsService, Wording
from skill.storage.dynamodb.embedded import EmbeddedDynamo
from skill.storage.dynamodb.store import DynamoWinStore
from skill.storage.errors import StorageError
from skill.storage.interface import WinStore
from skill.storage.opening import StoreSettings, open_store
from skill.storage.records import Offer, Person
from skill.storage.sqlite.legacy import BACKUP_SUFFIX, LEGACY_FILE
from skill.storage.sqlite.schema import DATABASE_FILE, SCHEMA_VERSION
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import Clock

WORDING = Wording(celebrations=dict.fromkeys(Style, 6), minimiser_replies=4)
ME = Person.of_account("amzn1.ask.account.SQLITE")
VOICE = Person("PERSON#amzn1.ask.account.SQLITE#amzn1.ask.person.VOICE", ME.account)
START = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)


def log(store: WinStore, words: str, rid: str, seed: int = 1) -> None:
    outcome = WinsService(store, Clock(START), Random(seed)).log_win(
        ME, Statement(words), rid, WORDING
    )
    assert isinstance(outcome, Logged)


def test_one_file_in_wal_mode_at_the_current_schema_version(tmp_path: Path) -> None:
    store = SqliteWinStore(tmp_path)
    log(store, "did the laundry", "r1")
    store.close()

    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert (tmp_path / DATABASE_FILE).stat().st_mode & 0o077 == 0  # only the owner may read


def test_a_file_from_a_newer_version_is_refused_not_misread(tmp_path: Path) -> None:
    SqliteWinStore(tmp_path).close()
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")

    with pytest.raises(StorageError, match="newer"):
        SqliteWinStore(tmp_path)


def test_two_processes_on_one_folder_take_turns_and_lose_nothing(tmp_path: Path) -> None:
    """Two stores (two connections, as two processes would have) logging at the same time."""
    first, second = SqliteWinStore(tmp_path), SqliteWinStore(tmp_path)
    errors: list[BaseException] = []

    def logs(store: SqliteWinStore, name: str) -> None:
        try:
            for n in range(40):
                log(store, f"{name} did thing {n}", f"{name}-{n}", seed=n)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=logs, args=pair) for pair in ((first, "a"), (second, "b"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    wins = list(first.wins_of(ME))
    assert [win.number for win in wins] == list(range(1, 81))
    assert len({win.text for win in wins}) == 80
    assert second.load_profile(ME).win_count == 80


def test_deleted_wins_leave_no_trace_in_the_folder(tmp_path: Path) -> None:
    store = SqliteWinStore(tmp_path)
    log(store, "told my sister the secret plan", "r1")
    log(store, "walked the dog", "r2")
    store.delete_person(ME)
    log(store, "made tea", "r3")

    everything = b"".join(path.read_bytes() for path in tmp_path.iterdir() if path.is_file())
    assert b"secret plan" not in everything and b"walked the dog" not in everything
    store.close()


def test_the_folder_holds_only_the_database(tmp_path: Path) -> None:
    store = SqliteWinStore(tmp_path)
    log(store, "did the laundry", "r1")
    Routines(store, Clock(START)).start_goal(ME, "clear my desk")
    store.close()

    assert {path.name for path in tmp_path.iterdir()} <= {
        DATABASE_FILE,
        f"{DATABASE_FILE}-wal",
        f"{DATABASE_FILE}-shm",
    }


def test_the_old_embedded_file_is_imported_once_and_kept_as_a_backup(tmp_path: Path) -> None:
    """A data folder as the moto-based embedded store left it, written by that very code."""
    with EmbeddedDynamo(tmp_path) as embedded:
        old = DynamoWinStore(embedded.client, embedded.table_name)
        for n, words in enumerate(["did the laundry", "walked the dog", "called mum"], 1):
            log(old, words, f"r{n}", seed=n)
        WinsService(old, Clock(START), Random(1)).set_style(ME, Style.CALM)
        WinsService(old, Clock(START), Random(1)).log_win(
            VOICE, Statement("read a book"), "v1", WORDING
        )
        Routines(old, Clock(START)).start_goal(ME, "clear my desk")
        old.mark_heard(ME, 2, START)
        embedded.save()
    saved = (tmp_path / LEGACY_FILE).read_bytes()

    with contextlib.ExitStack() as stack:
        store = open_store(StoreSettings(data_dir=tmp_path), stack).store
        assert [w.text for w in store.wins_of(ME)] == [
            "did the laundry",
            "walked the dog",
            "called mum",
        ]
        assert [w.text for w in store.wins_of(VOICE)] == ["read a book"]
        profile = store.load_profile(ME)
        assert (profile.win_count, profile.style, profile.goal) == (3, Style.CALM, "clear my desk")
        assert list(store.people()) == sorted([ME, VOICE])
        log(store, "fed the cat", "r4")
    with contextlib.ExitStack() as stack:  # the next start imports nothing again
        store = open_store(StoreSettings(data_dir=tmp_path), stack).store
        assert [w.number for w in store.wins_of(ME)] == [1, 2, 3, 4]
        assert store.load_profile(ME).win_count == 4

    assert not (tmp_path / LEGACY_FILE).exists()
    assert (tmp_path / (LEGACY_FILE + BACKUP_SUFFIX)).read_bytes() == saved


def test_an_unreadable_old_file_stops_the_start_and_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / LEGACY_FILE).write_text(json.dumps({"format": 1}))

    from skill.storage.errors import StoreSetupError

    with pytest.raises(StoreSetupError, match="could not be imported"), contextlib.ExitStack() as s:
        open_store(StoreSettings(data_dir=tmp_path), s)
    assert (tmp_path / LEGACY_FILE).exists()


def test_logging_and_hearing_never_scan_a_table(tmp_path: Path) -> None:
    """Every statement of a log and a hear finds its rows through a key or an index."""
    store = SqliteWinStore(tmp_path)
    log(store, "did the laundry", "r0")
    statements: list[str] = []
    store._database._db.set_trace_callback(statements.append)  # noqa: SLF001  (a test's look inside)
    log(store, "walked the dog", "r1")
    WinsService(store, Clock(START), Random(1)).hear_win(ME)
    store.close()

    plans: list[str] = []
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        for statement in statements:
            if statement.split()[0].upper() in ("SELECT", "INSERT", "UPDATE", "DELETE"):
                plans += [str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {statement}")]
    assert plans and len(statements) > 8
    assert not [plan for plan in plans if plan.startswith("SCAN")], plans


def test_a_wins_words_stand_apart_in_the_file(tmp_path: Path) -> None:
    """Read as plain text, the folder holds each win's words whole, not run into the next value."""
    store = SqliteWinStore(tmp_path)
    log(store, "showered", "r1")
    store.close()
    raw = "".join(f.read_bytes().decode("utf-8", "replace") for f in tmp_path.iterdir())
    assert re.search(r"\bshowered\b", raw)


SECRET = "told my sister the secret plan for her surprise party next saturday"


@pytest.mark.parametrize("number", [1, 2, 3])
def test_deleting_any_win_leaves_no_trace_of_its_words(tmp_path: Path, number: int) -> None:
    store = SqliteWinStore(tmp_path)
    for n in range(1, 4):
        log(store, SECRET if n == number else f"did thing {n}", f"r{n}", seed=n)

    store.delete_win(ME, number, seen=store.load_profile(ME), today_count=2)

    everything = b"".join(path.read_bytes() for path in tmp_path.iterdir() if path.is_file())
    assert b"secret plan" not in everything and b"surprise party" not in everything
    store.close()


def test_the_last_win_moves_whole_into_a_deleted_ones_number(tmp_path: Path) -> None:
    store = SqliteWinStore(tmp_path)
    for n in range(1, 4):
        log(store, f"did thing {n}", f"r{n}", seed=n)

    store.delete_win(ME, 1, seen=store.load_profile(ME), today_count=2)
    store.close()

    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        rows = db.execute("SELECT number, text, request_id FROM wins ORDER BY number").fetchall()
    assert rows == [(1, '"did thing 3"', "r3"), (2, '"did thing 2"', "r2")]


def test_counting_and_deleting_find_their_rows_through_keys_and_indexes(tmp_path: Path) -> None:
    store = SqliteWinStore(tmp_path)
    for n in range(3):
        log(store, f"did thing {n}", f"r{n}", seed=n)
    statements: list[str] = []
    store._database._db.set_trace_callback(statements.append)  # noqa: SLF001  (a test's look inside)
    assert store.count_since(ME, START) == 3
    store.delete_win(ME, 1, seen=store.load_profile(ME), today_count=2)
    store.close()

    plans: list[str] = []
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        for statement in statements:
            if statement.split()[0].upper() in ("SELECT", "INSERT", "UPDATE", "DELETE"):
                plans += [str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {statement}")]
    assert any("wins_by_time" in plan for plan in plans), plans
    assert not [plan for plan in plans if plan.startswith("SCAN")], plans


# Deleting or correcting any win.


def test_a_corrected_wins_old_words_leave_no_trace_in_the_folder(tmp_path: Path) -> None:
    store = SqliteWinStore(tmp_path)
    for n in range(1, 4):
        log(store, SECRET if n == 2 else f"did thing {n}", f"r{n}", seed=n)
    second = store.win(ME, 2)
    assert second is not None

    store.replace_words(ME, 2, created_at=second.created_at, text="baked a cake")

    everything = b"".join(path.read_bytes() for path in tmp_path.iterdir() if path.is_file())
    assert b"secret plan" not in everything and b"surprise party" not in everything
    assert b"baked a cake" in everything
    store.close()


def test_finding_forgetting_and_correcting_read_through_keys_never_a_scan(tmp_path: Path) -> None:
    store = SqliteWinStore(tmp_path)
    for n in range(1, 6):
        log(store, f"did thing {n}", f"r{n}", seed=n)
    statements: list[str] = []
    store._database._db.set_trace_callback(statements.append)  # noqa: SLF001  (a test's look inside)
    assert len(store.recent_wins(ME, 3)[1]) == 3
    assert len(store.wins_numbered(ME, [4, 2])) == 2
    third = store.win(ME, 3)
    assert third is not None
    store.replace_words(ME, 3, created_at=third.created_at, text="did it")
    store.forget_win(ME, 3, count=5, created_at=third.created_at, today_count=lambda p: 4)
    store.close()

    plans: list[str] = []
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        for statement in statements:
            if statement.split()[0].upper() in ("SELECT", "INSERT", "UPDATE", "DELETE"):
                plans += [str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {statement}")]
    assert plans and not [plan for plan in plans if plan.startswith("SCAN")], plans


def test_a_file_from_before_brief_mode_keeps_its_profiles_and_gains_the_setting(
    tmp_path: Path,
) -> None:
    store = SqliteWinStore(tmp_path)
    log(store, "did the laundry", "r1")
    store.set_style(ME, Style.CALM)
    store.close()
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        _drop_recap_columns(db)
        db.execute("ALTER TABLE profiles DROP COLUMN brief")
        db.execute("ALTER TABLE wins DROP COLUMN screened")
        db.execute("ALTER TABLE wins DROP COLUMN told_at")  # added in version 11
        db.execute("PRAGMA user_version=3")

    store = SqliteWinStore(tmp_path)
    before = store.load_profile(ME)
    store.set_brief(ME, True)
    after = store.load_profile(ME)
    store.close()

    assert (before.win_count, before.style, before.brief) == (1, Style.CALM, False)
    assert after == before._replace(brief=True)
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11


# The weekly recap's columns, added in version 6, the count of wins by day, in version 7, and
# the last win's stamp and the list read last, in version 8, and the day the morning question
# was asked, in version 9, and the win deleted last, in version 10 (dropped with those of
# version 8 to make a file of an older version).
_RECAP_COLUMNS = ("recap_day", "recap_off", "recap_offered", "anniversary_offered", "has_voices")
_LAST_COLUMNS = ("last_logged", "last_read", "last_read_wins", "morning_asked", "last_gone")


def _drop_recap_columns(db: sqlite3.Connection) -> None:
    for column in (*_RECAP_COLUMNS, "logged_days", *_LAST_COLUMNS):
        db.execute(f"ALTER TABLE profiles DROP COLUMN {column}")


def test_a_file_from_before_the_recap_keeps_its_profiles_and_gains_its_settings(
    tmp_path: Path,
) -> None:
    store = SqliteWinStore(tmp_path)
    log(store, "did the laundry", "r1")
    store.set_brief(ME, True)
    store.close()
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        _drop_recap_columns(db)
        db.execute("ALTER TABLE wins DROP COLUMN told_at")  # added in version 11
        db.execute("PRAGMA user_version=5")

    store = SqliteWinStore(tmp_path)
    before = store.load_profile(ME)
    store.set_recap(ME, day=6)
    after = store.load_profile(ME)
    store.close()

    assert (before.win_count, before.brief) == (1, True)
    assert (before.recap_day, before.recap_off, before.has_voices) == (0, False, False)
    assert after == before._replace(recap_day=6)
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_file_from_before_the_count_by_day_keeps_its_profiles_and_counts_from_its_next_win(
    tmp_path: Path,
) -> None:
    store = SqliteWinStore(tmp_path)
    log(store, "did the laundry", "r1")
    store.set_recap(ME, day=6)
    store.close()
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        for column in ("logged_days", *_LAST_COLUMNS):
            db.execute(f"ALTER TABLE profiles DROP COLUMN {column}")
        db.execute("ALTER TABLE wins DROP COLUMN told_at")  # added in version 11
        db.execute("PRAGMA user_version=6")

    store = SqliteWinStore(tmp_path)
    before = store.load_profile(ME)
    log(store, "made the bed", "r2")
    after = store.load_profile(ME)
    store.close()

    assert (before.win_count, before.recap_day, before.logged_days) == (1, 6, None)
    assert after.logged_days is not None and after.logged_days.wins == 2
    assert after.logged_days.since is not None  # the first win was logged before the count
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11


def test_a_file_from_before_the_last_stamp_keeps_its_profiles_and_stamps_from_its_next_win(
    tmp_path: Path,
) -> None:
    store = SqliteWinStore(tmp_path)
    log(store, "did the laundry", "r1")
    store.close()
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        for column in _LAST_COLUMNS:
            db.execute(f"ALTER TABLE profiles DROP COLUMN {column}")
        db.execute("ALTER TABLE wins DROP COLUMN told_at")  # added in version 11
        db.execute("PRAGMA user_version=7")

    store = SqliteWinStore(tmp_path)
    before = store.load_profile(ME)
    log(store, "made the bed", "r2")
    after = store.load_profile(ME)
    newest = store.last_win(ME)
    store.close()

    assert (before.win_count, before.last_logged, before.last_read) == (1, None, None)
    assert newest is not None and after.last_logged == newest.created_at
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11


def test_a_file_from_before_the_morning_day_keeps_its_profiles_and_asks_the_morning_question(
    tmp_path: Path,
) -> None:
    store = SqliteWinStore(tmp_path)
    log(store, "did the laundry", "r1")
    store.close()
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        db.execute("ALTER TABLE profiles DROP COLUMN morning_asked")
        db.execute("ALTER TABLE profiles DROP COLUMN last_gone")
        db.execute("ALTER TABLE wins DROP COLUMN told_at")  # added in version 11
        db.execute("PRAGMA user_version=8")

    store = SqliteWinStore(tmp_path)
    before = store.load_profile(ME)
    store.note_offer(ME, Offer.MORNING, date(2026, 12, 7))
    after = store.load_profile(ME)
    store.close()

    assert (before.win_count, before.morning_asked) == (1, None)
    assert after == before._replace(morning_asked=date(2026, 12, 7))
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11


def test_a_file_from_before_undo_kept_a_deletion_keeps_its_profiles_and_keeps_the_next(
    tmp_path: Path,
) -> None:
    store = SqliteWinStore(tmp_path)
    log(store, "did the laundry", "r1")
    log(store, "made the bed", "r2")
    store.close()
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        db.execute("ALTER TABLE profiles DROP COLUMN last_gone")
        db.execute("ALTER TABLE wins DROP COLUMN told_at")  # added in version 11
        db.execute("PRAGMA user_version=9")

    store = SqliteWinStore(tmp_path)
    before = store.load_profile(ME)
    moment = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    store.delete_last_win(ME, 2, today_count=1, gone_at=moment)
    after = store.load_profile(ME)
    store.close()

    assert (before.win_count, before.last_gone) == (2, None)
    assert after.last_gone is not None
    assert (after.last_gone.text, after.last_gone.gone_at) == ("made the bed", moment)
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 11


def test_a_file_of_the_first_version_gains_the_index_and_the_replay_memory(tmp_path: Path) -> None:
    store = SqliteWinStore(tmp_path)
    log(store, "did the laundry", "r1")
    store.close()
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        db.execute("DROP INDEX wins_by_time")
        db.execute("DROP TABLE seen_requests")
        _drop_recap_columns(db)
        db.execute("ALTER TABLE profiles DROP COLUMN brief")
        db.execute("ALTER TABLE wins DROP COLUMN screened")
        db.execute("ALTER TABLE wins DROP COLUMN told_at")  # added in version 11
        db.execute("PRAGMA user_version=1")

    store = SqliteWinStore(tmp_path)
    assert store.count_since(ME, START) == 1
    store.close()
    with contextlib.closing(sqlite3.connect(tmp_path / DATABASE_FILE)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert {"wins_by_time", "seen_requests"} <= names
