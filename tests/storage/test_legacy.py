"""The old embedded file is brought in once, into a new database only, from a file of the
skill's own, and every start says what became of it."""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from skill.storage.files import DataFolderError
from skill.storage.opening import StoreSettings, open_store
from skill.storage.records import Person
from skill.storage.sqlite.legacy import BACKUP_SUFFIX, LEGACY_FILE
from tests.conftest import saved_win_texts

ME = Person.of_account("amzn1.ask.account.ME")
PLANTED = Person.of_account("amzn1.ask.account.PLANTED")


def items_of(person: Person, *texts: str) -> list[dict[str, Any]]:
    profile = {
        "pk": {"S": person.key},
        "sk": {"S": "PROFILE"},
        "account": {"S": person.account},
        "win_count": {"N": str(len(texts))},
    }
    wins = [
        {
            "pk": {"S": person.key},
            "sk": {"S": f"WIN#{n:010d}"},
            "number": {"N": str(n)},
            "text": {"S": text},
            "created_at": {"S": f"2026-11-20T10:00:0{n}.000000Z"},
        }
        for n, text in enumerate(texts, 1)
    ]
    return [profile, *wins]


def old_file(folder: Path, *items: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LEGACY_FILE
    path.write_text(json.dumps({"format": 1, "table": "wins", "items": list(items)}))
    path.chmod(0o600)
    return path


def open_once(folder: Path) -> list[str]:
    """Open the folder as every command does; the words of its wins afterwards."""
    with contextlib.ExitStack() as stack:
        open_store(StoreSettings(data_dir=folder), stack)
    return saved_win_texts(folder)


def test_the_first_start_brings_the_old_file_in_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    old_file(tmp_path, *items_of(ME, "did the laundry", "walked the dog"), *items_of(PLANTED, "x"))

    with caplog.at_level(logging.WARNING):
        assert open_once(tmp_path) == ["did the laundry", "walked the dog", "x"]

    assert "Imported 3 wins of 2 people from" in caplog.text
    assert (tmp_path / (LEGACY_FILE + BACKUP_SUFFIX)).exists()
    assert not (tmp_path / LEGACY_FILE).exists()


def test_an_old_file_placed_beside_a_database_with_wins_replaces_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    old_file(tmp_path, *items_of(ME, "did the laundry"))
    assert open_once(tmp_path) == ["did the laundry"]
    old_file(tmp_path, *items_of(ME, "planted words"), *items_of(PLANTED, "more planted words"))

    with caplog.at_level(logging.WARNING):
        assert open_once(tmp_path) == ["did the laundry"]

    assert "was not read" in caplog.text
    assert (tmp_path / LEGACY_FILE).exists()


def test_an_old_file_that_appears_after_the_first_start_is_never_brought_in(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert open_once(tmp_path) == []  # a new folder: nothing to bring in, and that is recorded
    old_file(tmp_path, *items_of(PLANTED, "planted words"))

    with caplog.at_level(logging.WARNING):
        assert open_once(tmp_path) == []

    assert "was not read" in caplog.text


def test_a_database_with_wins_and_no_record_yet_is_left_as_it_is(tmp_path: Path) -> None:
    """A database made before the first start was recorded, holding wins already."""
    assert open_once(tmp_path) == []
    with contextlib.closing(sqlite3.connect(tmp_path / "wins.sqlite3")) as db:
        db.execute("DELETE FROM meta")
        db.execute("INSERT INTO profiles (person, account, win_count) VALUES (?, ?, 0)", ME)
        db.commit()
    old_file(tmp_path, *items_of(ME, "planted words"))

    assert open_once(tmp_path) == []
    assert (tmp_path / LEGACY_FILE).exists()


@pytest.mark.parametrize("how", ["link", "writable by others"])
def test_only_a_file_of_the_skills_own_is_brought_in(tmp_path: Path, how: str) -> None:
    elsewhere = old_file(tmp_path / "elsewhere", *items_of(PLANTED, "planted words"))
    folder = tmp_path / "data"
    folder.mkdir()
    if how == "link":
        (folder / LEGACY_FILE).symlink_to(elsewhere)
    else:
        old_file(folder, *items_of(PLANTED, "planted words")).chmod(0o666)

    with pytest.raises(DataFolderError, match="old saved wins"):
        open_once(folder)
    assert saved_win_texts(folder) == []
