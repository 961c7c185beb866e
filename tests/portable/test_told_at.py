"""``told_at`` in an export and back: a win filed on a day its words named ("yesterday I rang
my daughter") keeps when it was told through JSON lines and CSV, into SQLite and DynamoDB;
files from before it was carried still import; a told_at the skill could not have written is
an error naming its line, and nothing is imported."""

from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from skill.storage.dynamodb.export import PortableDynamoWinStore
from skill.storage.records import StoredWin
from skill.storage.sqlite.staging import STAGING_FILE, SqliteStaging
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import TABLE_NAME
from tests.portable.files import ALEX, SAM, YESTERDAY, export, kept, person_line, run, told
from tests.portable.files import win_line as line

FILED = "2026-11-19T12:00:00.000000Z"  # the day the words named, at noon
TOLD = "2026-11-20T09:15:30.000000Z"  # when it was told, the next morning


def seed(data_dir: Path) -> None:
    """Alex: a win told with its day, and one logged as told."""
    export(
        data_dir.parent / "seed.jsonl",
        person_line(ALEX),
        line(ALEX, 1, "rang my daughter", FILED, told_at=TOLD),
        line(ALEX, 2, "fed the cat", YESTERDAY, told_at=None),
    )
    assert run("import", "--data-dir", str(data_dir), str(data_dir.parent / "seed.jsonl")) == 0


def wins(path: Path) -> list[dict[str, Any]]:
    return [row for row in map(json.loads, path.read_text().splitlines()) if row["type"] == "win"]


def test_json_lines_carry_told_at_through_dynamodb_and_back(tmp_path: Path, dynamodb: Any) -> None:
    seed(tmp_path / "home")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"

    assert run("export", "--data-dir", str(tmp_path / "home"), "-o", str(first)) == 0
    assert run("import", "--table", TABLE_NAME, str(first)) == 0
    assert run("export", "--table", TABLE_NAME, "-o", str(second)) == 0
    assert run("import", "--data-dir", str(tmp_path / "back"), str(second)) == 0

    exported = {row["text"]: (row["created_at"], row["told_at"]) for row in wins(first)}
    assert exported == {"rang my daughter": (FILED, TOLD), "fed the cat": (YESTERDAY, None)}
    assert wins(second) == wins(first)
    assert told(tmp_path / "back") == {"rang my daughter": TOLD, "fed the cat": None}
    table = PortableDynamoWinStore(dynamodb, TABLE_NAME)
    assert {win.text: win.told_at for win in table.wins_of(ALEX)} == {
        "rang my daughter": datetime(2026, 11, 20, 9, 15, 30, tzinfo=UTC),
        "fed the cat": None,
    }


def test_csv_carries_told_at_in_a_column_of_its_own_empty_when_none(
    tmp_path: Path, dynamodb: Any
) -> None:
    seed(tmp_path / "home")
    table = tmp_path / "wins.csv"

    assert run("export", "--data-dir", str(tmp_path / "home"), "-o", str(table)) == 0
    with table.open(newline="") as file:
        rows = list(csv.DictReader(file))
    assert {row["text"]: row["told_at"] for row in rows} == {
        "rang my daughter": TOLD,
        "fed the cat": "",
    }
    assert run("import", "--data-dir", str(tmp_path / "copy"), str(table)) == 0
    assert run("import", "--table", TABLE_NAME, str(table)) == 0

    assert told(tmp_path / "copy") == {"rang my daughter": TOLD, "fed the cat": None}
    items = dynamodb.scan(TableName=TABLE_NAME)["Items"]
    assert {
        item["text"]["S"]: item.get("told_at", {}).get("S") for item in items if "text" in item
    } == {
        "rang my daughter": TOLD,
        "fed the cat": None,
    }


def test_an_export_from_before_told_at_still_imports(tmp_path: Path) -> None:
    """No ``told_at`` in a JSON line, and no such column in a CSV: every win as logged as
    told. An empty ``told_at`` is none too."""
    old_json = export(
        tmp_path / "old.jsonl",
        person_line(ALEX),
        line(ALEX, 1, "rang my daughter", FILED),
        line(ALEX, 2, "fed the cat", told_at=""),
    )
    old_csv = tmp_path / "old.csv"
    old_csv.write_text(
        "person,account,number,created_at,kind,text\r\n"
        f"{SAM.key},{SAM.account},1,{FILED},said,walked the dog\r\n"
    )

    assert run("import", "--data-dir", str(tmp_path / "a"), str(old_json)) == 0
    assert run("import", "--data-dir", str(tmp_path / "b"), str(old_csv)) == 0

    assert told(tmp_path / "a") == {"rang my daughter": None, "fed the cat": None}
    assert told(tmp_path / "b") == {"walked the dog": None}


def test_a_store_restored_from_its_own_wins_keeps_told_at(tmp_path: Path) -> None:
    """``restore`` (the store-level import of one person) writes ``told_at`` as well."""
    store = SqliteWinStore(tmp_path / "data")
    done = datetime(2026, 11, 19, 12, tzinfo=UTC)
    win = StoredWin(1, "rang my daughter", done, told_at=done + timedelta(hours=21))
    store.restore(ALEX, store.load_profile(ALEX)._replace(win_count=1), [win])
    assert [found.told_at for found in store.wins_of(ALEX)] == [win.told_at]
    store.close()


@pytest.mark.parametrize(
    ("told_at", "problem"),
    [
        ("last tuesday", "told_at 'last tuesday' is not a time like"),
        ("2026-11-20T09:15:30", "told_at needs a time zone"),
        (5, "told_at must be a time like"),
        ("2100-01-01T00:00:00Z", "told_at 2100-01-01T00:00:00Z is before 2014 or later than"),
        ("2026-11-17T23:00:00Z", "before the day the win was done"),  # two days before
    ],
)
def test_a_told_at_the_skill_could_not_have_written_is_explained_and_nothing_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], told_at: Any, problem: str
) -> None:
    file = export(
        tmp_path / "wins.jsonl",
        person_line(SAM),
        line(SAM, 1, "read a book"),
        line(SAM, 2, "rang my daughter", FILED, told_at=told_at),
    )

    assert run("import", "--data-dir", str(tmp_path / "data"), str(file)) == 2

    said = capsys.readouterr().err
    assert "line 4" in said and problem in said and "nothing imported" in said, said
    assert "Traceback" not in said
    assert kept(tmp_path / "data") == {}


def test_a_bad_told_at_in_a_csv_names_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "wins.csv"
    table.write_text(
        "person,account,number,created_at,told_at,kind,text\r\n"
        f"{SAM.key},{SAM.account},1,{FILED},{TOLD},said,rang my daughter\r\n"
        f"{SAM.key},{SAM.account},2,{FILED},yesterday,said,fed the cat\r\n"
    )

    assert run("import", "--data-dir", str(tmp_path / "data"), str(table)) == 2

    said = capsys.readouterr().err
    assert "line 3" in said and "told_at 'yesterday'" in said, said
    assert kept(tmp_path / "data") == {}


def test_a_staging_file_left_by_an_earlier_release_gains_told_at(tmp_path: Path) -> None:
    """An import stopped part way leaves its staging file for the next to undo: one written
    before ``told_at`` was staged is given the column, and stages wins with it."""
    path = tmp_path / STAGING_FILE
    with closing(sqlite3.connect(path)) as db:
        db.execute(
            "CREATE TABLE wins (person TEXT NOT NULL, number INTEGER NOT NULL, "
            "line INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, "
            "created_at TEXT NOT NULL)"
        )
        db.commit()
    path.chmod(0o600)
    done = datetime(2026, 11, 19, 12, tzinfo=UTC)
    win = StoredWin(1, "rang my daughter", done, told_at=done + timedelta(hours=21))

    staging = SqliteStaging(path)
    try:
        staging.add_win(ALEX, win, 0)
        assert [found.told_at for found in staging.wins_of(ALEX)] == [win.told_at]
    finally:
        staging.close()
