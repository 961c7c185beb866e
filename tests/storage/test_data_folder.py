"""The data folder and its files, as another local user would find them: real files throughout.

The folder is 0700 and every file 0600 from its first byte; a folder or file another user owns
or may write to, and a symbolic link where a file belongs, are refused with a message that
says what to do; a folder or a database that vanishes under a running store never lets a win
be called saved.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import stat
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from random import Random
from typing import Any

import pytest

from skill.domain.choice import Style
from skill.services.wins import Logged, Statement, WinsService, Wording
from skill.storage.dynamodb.embedded import ITEMS_FILE, EmbeddedDynamo
from skill.storage.errors import StorageUnavailable, StoreSetupError
from skill.storage.files import DataFolderError
from skill.storage.interface import WinStore
from skill.storage.opening import StoreSettings, open_store
from skill.storage.records import Person
from skill.storage.sqlite.legacy import BACKUP_SUFFIX, LEGACY_FILE
from skill.storage.sqlite.schema import COMPANIONS, DATABASE_FILE
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import Clock, saved_win_texts

WORDING = Wording(celebrations=dict.fromkeys(Style, 6), minimiser_replies=4)
ME = Person.of_account("amzn1.ask.account.FOLDER")
START = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)
NOBODY = 65534  # another user: the usual uid of "nobody"


def log(store: WinStore, words: str, rid: str) -> None:
    outcome = WinsService(store, Clock(START), Random(1)).log_win(
        ME, Statement(words), rid, WORDING
    )
    assert isinstance(outcome, Logged)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def other_user() -> int:
    """A uid that is not this process's, for files given away with chown (root only)."""
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user: run the suite as root to cover it")
    return NOBODY


@pytest.fixture
def others_folder(tmp_path: Path) -> Path:
    """A folder that belongs to another user: one of the test's own given away as root, or
    else the file system's root folder, which belongs to root and never to the tests' user."""
    if os.geteuid() != 0:
        assert Path("/").stat().st_uid != os.geteuid()
        return Path("/")
    folder = tmp_path / "wins"
    folder.mkdir(mode=0o700)
    os.chown(folder, NOBODY, NOBODY)
    return folder


# The database file whose mode is noted each time SQLite has opened a connection, and the modes.
_watched: list[Path] = []
_modes_at_open: list[int] = []


def _note_mode_at_open(event: str, args: tuple[Any, ...]) -> None:
    if event == "sqlite3.connect/handle" and _watched:
        path = _watched[0]
        _modes_at_open.append(mode(path) if path.exists() else -1)


sys.addaudithook(_note_mode_at_open)  # audit hooks stay for good: a no-op unless watching


@pytest.fixture
def modes_at_open(tmp_path: Path) -> Iterator[list[int]]:
    """The mode of ``tmp_path/wins``'s database each time SQLite opened it during the test."""
    _modes_at_open.clear()
    _watched[:] = [tmp_path / "wins" / DATABASE_FILE]
    try:
        yield _modes_at_open
    finally:
        _watched.clear()


# Files private from the first byte.


def test_a_new_database_is_never_readable_by_others_not_even_for_an_instant(
    tmp_path: Path, modes_at_open: list[int]
) -> None:
    """Under the loosest umask, the file SQLite opens is 0600 already, and so are its WAL and
    shared-memory files, and the folder is 0700."""
    folder = tmp_path / "wins"
    with umask(0):
        store = SqliteWinStore(folder)
        log(store, "did the laundry", "r1")
        modes = {name: mode(folder / name) for name in (DATABASE_FILE, *COMPANIONS)}
        store.close()

    assert modes_at_open and all(seen == 0o600 for seen in modes_at_open), modes_at_open
    assert modes == dict.fromkeys((DATABASE_FILE, *COMPANIONS), 0o600)
    assert mode(folder) == 0o700


def test_an_existing_folder_and_copied_back_files_are_closed_to_others(tmp_path: Path) -> None:
    """A systemd StateDirectory= (0755) and a backup copied back with cp (0644, WAL and all)."""
    original = SqliteWinStore(tmp_path / "original")
    log(original, "did the laundry", "r1")
    folder = tmp_path / "wins"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    for name in (DATABASE_FILE, *COMPANIONS):  # copied while in use: the WAL holds the win
        shutil.copyfile(tmp_path / "original" / name, folder / name)
        (folder / name).chmod(0o644)
    original.close()

    store = SqliteWinStore(folder)
    modes = {name: mode(folder / name) for name in (DATABASE_FILE, *COMPANIONS)}
    assert [win.text for win in store.wins_of(ME)] == ["did the laundry"]
    store.close()

    assert mode(folder) == 0o700
    assert modes == dict.fromkeys((DATABASE_FILE, *COMPANIONS), 0o600)


# Refused, with a message that says what to do.


def refused(folder: Path) -> str:
    """What opening the store in ``folder`` says (it must refuse)."""
    with pytest.raises(StoreSetupError) as caught, contextlib.ExitStack() as stack:
        open_store(StoreSettings(data_dir=folder), stack)
    assert isinstance(caught.value, DataFolderError)
    return str(caught.value)


def test_a_folder_that_belongs_to_another_user_is_refused(others_folder: Path) -> None:
    before = sorted(others_folder.iterdir())

    said = refused(others_folder)

    assert "belongs to another user" in said and "--data-dir" in said
    assert sorted(others_folder.iterdir()) == before


def test_a_database_planted_by_another_user_is_refused_not_read(
    tmp_path: Path, other_user: int
) -> None:
    """Another user's 0666 database, put in a folder of ours while it was open to them."""
    planted = SqliteWinStore(tmp_path / "theirs")
    log(planted, "their planted win", "p1")
    planted.close()
    folder = tmp_path / "wins"
    folder.mkdir(mode=0o700)
    shutil.copyfile(tmp_path / "theirs" / DATABASE_FILE, folder / DATABASE_FILE)
    os.chown(folder / DATABASE_FILE, other_user, other_user)
    (folder / DATABASE_FILE).chmod(0o666)

    said = refused(folder)

    assert "belongs to another user" in said and DATABASE_FILE in said
    assert mode(folder / DATABASE_FILE) == 0o666  # left exactly as found
    assert sorted(path.name for path in folder.iterdir()) == [DATABASE_FILE]


@pytest.mark.parametrize("what", ["folder", "database"])
def test_what_others_may_write_to_is_refused(tmp_path: Path, what: str) -> None:
    folder = tmp_path / "wins"
    SqliteWinStore(folder).close()
    target = folder if what == "folder" else folder / DATABASE_FILE
    target.chmod(0o777 if what == "folder" else 0o666)

    said = refused(folder)

    assert "Other users can change" in said
    assert ("chmod 700" if what == "folder" else "chmod 600") in said


@pytest.mark.parametrize("name", [DATABASE_FILE, *COMPANIONS])
def test_a_symbolic_link_where_a_database_file_belongs_is_refused(
    tmp_path: Path, name: str
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(b"someone else's file")
    folder = tmp_path / "wins"
    folder.mkdir(mode=0o700)
    (folder / name).symlink_to(elsewhere)

    said = refused(folder)

    assert "symbolic link" in said and name in said
    assert elsewhere.read_bytes() == b"someone else's file"


@pytest.mark.parametrize("name", [DATABASE_FILE, *COMPANIONS])
def test_a_dangling_link_never_makes_a_file_at_its_target(tmp_path: Path, name: str) -> None:
    target = tmp_path / "planted-target"
    folder = tmp_path / "wins"
    folder.mkdir(mode=0o700)
    (folder / name).symlink_to(target)

    said = refused(folder)

    assert "symbolic link" in said
    assert not target.exists()


def test_a_data_folder_that_is_a_dangling_link_is_refused_and_not_made(tmp_path: Path) -> None:
    target = tmp_path / "planted-target"
    (tmp_path / "wins").symlink_to(target)

    said = refused(tmp_path / "wins")

    assert "a folder that does not exist" in said
    assert not target.exists()


def test_the_embedded_dynamodb_file_is_held_to_the_same_rules(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"items": []}')
    folder = tmp_path / "dynamodb"
    folder.mkdir(mode=0o755)
    (folder / ITEMS_FILE).symlink_to(elsewhere)

    with pytest.raises(DataFolderError, match="symbolic link"):
        EmbeddedDynamo(folder).start()
    assert mode(folder) == 0o700


def test_a_data_folder_reached_through_a_link_is_fine(tmp_path: Path) -> None:
    """A data folder may live on another disk, linked from the usual place."""
    real = tmp_path / "disk" / "wins"
    real.mkdir(parents=True, mode=0o700)
    (tmp_path / "wins").symlink_to(real)
    with contextlib.ExitStack() as stack:
        log(open_store(StoreSettings(data_dir=tmp_path / "wins"), stack).store, "ran", "r1")
    assert saved_win_texts(real) == ["ran"]


# A dynamodb-items.json that appears beside a database.


def legacy_document(*wins: str) -> str:
    """The old embedded store's file naming ``ME`` with ``wins``, as that code wrote it."""
    items: list[dict[str, Any]] = [
        {
            "pk": {"S": ME.key},
            "sk": {"S": "PROFILE"},
            "account": {"S": ME.account},
            "win_count": {"N": str(len(wins))},
        }
    ]
    items += [
        {
            "pk": {"S": ME.key},
            "sk": {"S": f"WIN#{number:010d}"},
            "number": {"N": str(number)},
            "text": {"S": words},
            "created_at": {"S": "2026-11-20T10:00:00Z"},
        }
        for number, words in enumerate(wins, 1)
    ]
    return json.dumps({"format": 1, "table": "wins", "items": items})


def test_an_old_file_placed_beside_a_database_replaces_nobody(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "wins"
    with contextlib.ExitStack() as stack:
        log(open_store(StoreSettings(data_dir=folder), stack).store, "walked the dog", "r1")
    (folder / LEGACY_FILE).write_text(legacy_document("a planted win"))

    with caplog.at_level(logging.WARNING), contextlib.ExitStack() as stack:
        store = open_store(StoreSettings(data_dir=folder), stack).store
        assert [win.text for win in store.wins_of(ME)] == ["walked the dog"]

    assert (folder / LEGACY_FILE).exists()  # left where it was
    assert not (folder / (LEGACY_FILE + BACKUP_SUFFIX)).exists()
    said = " ".join(record.getMessage() for record in caplog.records)
    assert f"{LEGACY_FILE} was not read" in said and "Nothing was changed" in said


def test_an_old_file_is_read_once_into_the_new_database_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "wins"
    folder.mkdir(mode=0o700)
    (folder / LEGACY_FILE).write_text(legacy_document("made tea", "ran"))

    with caplog.at_level(logging.WARNING), contextlib.ExitStack() as stack:
        store = open_store(StoreSettings(data_dir=folder), stack).store
        assert [win.text for win in store.wins_of(ME)] == ["made tea", "ran"]
    assert "Imported 2 wins of 1 people" in caplog.text

    (folder / LEGACY_FILE).write_text(legacy_document("a planted win"))  # and again: ignored
    with contextlib.ExitStack() as stack:
        store = open_store(StoreSettings(data_dir=folder), stack).store
        assert [win.text for win in store.wins_of(ME)] == ["made tea", "ran"]


def test_an_old_file_import_cut_short_is_finished_at_the_next_start(tmp_path: Path) -> None:
    """The database was made while the file was there, and the start stopped before the end."""
    folder = tmp_path / "wins"
    folder.mkdir(mode=0o700)
    (folder / LEGACY_FILE).write_text(legacy_document("made tea", "ran"))
    cut_short = SqliteWinStore(folder)  # made, noted as waiting for the file; nothing read
    cut_short.close()

    with contextlib.ExitStack() as stack:
        store = open_store(StoreSettings(data_dir=folder), stack).store
        assert [win.text for win in store.wins_of(ME)] == ["made tea", "ran"]
    assert not (folder / LEGACY_FILE).exists()
    assert (folder / (LEGACY_FILE + BACKUP_SUFFIX)).exists()


# A folder deleted under a running store.


def test_a_deleted_folder_is_never_answered_as_saved(tmp_path: Path) -> None:
    folder = tmp_path / "wins"
    store = SqliteWinStore(folder)
    log(store, "walked the dog", "r1")
    shutil.rmtree(folder)

    with pytest.raises(StorageUnavailable, match="deleted or replaced"):
        log(store, "made tea", "r2")
    with pytest.raises(StorageUnavailable):  # and nothing after it either
        store.load_profile(ME)
    store.close()


def test_a_database_replaced_under_a_running_store_is_never_written_to(tmp_path: Path) -> None:
    folder = tmp_path / "wins"
    store = SqliteWinStore(folder)
    log(store, "walked the dog", "r1")
    other = SqliteWinStore(tmp_path / "other")
    other.close()
    os.replace(tmp_path / "other" / DATABASE_FILE, folder / DATABASE_FILE)

    with pytest.raises(StorageUnavailable, match="deleted or replaced"):
        log(store, "made tea", "r2")
    store.close()
    assert "made tea" not in saved_win_texts(folder)
