"""An import changes nothing unless all of it goes in: a bad line anywhere, or a write that
fails part way, leaves the store exactly as it was."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from pathlib import Path
from random import Random
from typing import Any, cast

import pytest

from skill.domain.choice import Style
from skill.portable.importing import STEP_ITEMS, ImportStopped, import_export
from skill.services.wins import Logged, Statement, WinsService, Wording
from skill.storage.dynamodb.store import DynamoWinStore
from skill.storage.interface import PortableStore
from skill.storage.opening import StoreSettings, open_staging, open_store
from skill.storage.records import Person
from skill.storage.sqlite.store import SqliteWinStore
from skill.storage.staging import ImportStep
from tests.conftest import TABLE_NAME, Clock, pinned_now
from tests.portable.files import ALEX, ROBIN, SAM, export, kept, person_line, run, win_line

WORDING = Wording(celebrations=dict.fromkeys(Style, 6), minimiser_replies=4)
ZOE = Person.of_account("amzn1.ask.account.ZOE")


def seed(data_dir: Path, people: dict[Person, list[str]]) -> None:
    store = SqliteWinStore(data_dir)
    service = WinsService(store, Clock(pinned_now() - timedelta(days=2)), Random(1))
    for person, texts in people.items():
        for n, text in enumerate(texts):
            said = service.log_win(person, Statement(text), f"{person.key}-{n}", WORDING)
            assert isinstance(said, Logged)
    store.close()


def test_a_bad_value_after_good_people_imports_nobody(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path / "data", {ROBIN: ["walked the dog"]})
    before = kept(tmp_path / "data")
    file = export(
        tmp_path / "wins.jsonl",
        person_line(ALEX, style="calm"),
        win_line(ALEX, 1, "did the laundry"),
        person_line(SAM),
        win_line(SAM, 1, "read a chapter"),
        # A time that cannot be stored (a year 1 in a zone ahead of UTC) on the last line.
        win_line(SAM, 2, "made tea", created_at="0001-01-01T00:00:00+05:00"),
    )

    assert run("import", "--replace", "--data-dir", str(tmp_path / "data"), str(file)) == 2

    told = capsys.readouterr().err
    assert "line 6" in told and "nothing imported" in told and "Traceback" not in told
    assert kept(tmp_path / "data") == before


class FullDiskBefore:
    """The real store, whose disk fills up just before import step ``at``: SQLite's own
    "database or disk is full" (``max_page_count``), at the seam where the import writes."""

    def __init__(self, store: SqliteWinStore, at: int) -> None:
        self._store = store
        self._at = at
        self.steps = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def write_import(self, step: ImportStep) -> None:
        self.steps += 1
        db = self._store._database._db  # noqa: SLF001  (the test fills the disk)
        if self.steps == self._at:
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            db.execute(f"PRAGMA max_page_count={pages}")
        self._store.write_import(step)
        db.execute("PRAGMA max_page_count=4294967294")


def test_a_write_that_fails_part_way_is_undone_and_the_replaced_get_their_data_back(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    seed(data, {ROBIN: ["walked the dog", "called mum"], ZOE: ["made my bed"]})
    before = kept(data)
    start = pinned_now() - timedelta(days=1)
    many = 2 * STEP_ITEMS + STEP_ITEMS // 2  # Robin's wins span three steps
    file = export(
        tmp_path / "wins.jsonl",
        person_line(ALEX),
        win_line(ALEX, 1, "did the laundry"),
        person_line(ROBIN, style="calm"),
        *(
            win_line(ROBIN, n, f"washed cup {n % 9}", (start + timedelta(seconds=n)).isoformat())
            for n in range(1, many + 1)
        ),
        person_line(ZOE),
        win_line(ZOE, 1, "read a chapter"),
    )

    with contextlib.ExitStack() as stack:
        settings = StoreSettings(data_dir=data)
        store = open_store(settings, stack).store
        full = FullDiskBefore(cast(SqliteWinStore, store), at=3)
        with pytest.raises(ImportStopped, match="full") as stopped, file.open() as source:
            import_export(
                source,
                cast(PortableStore, full),
                open_staging(settings, stack),
                replace=True,
                now=pinned_now(),
            )

    assert stopped.value.undone
    assert full.steps == 3  # two went in, the third met a full disk
    assert kept(data) == before
    assert {path.name for path in data.iterdir()} <= {
        "wins.sqlite3",
        "wins.sqlite3-wal",
        "wins.sqlite3-shm",
    }


def test_an_export_that_fits_one_step_is_one_transaction(tmp_path: Path) -> None:
    data = tmp_path / "data"
    file = export(
        tmp_path / "wins.jsonl",
        person_line(ALEX),
        *(win_line(ALEX, n, f"washed cup {n}") for n in range(1, 50)),
        person_line(SAM),
        win_line(SAM, 1, "read a chapter"),
    )
    steps: list[ImportStep] = []

    class Counting(FullDiskBefore):
        def write_import(self, step: ImportStep) -> None:
            steps.append(step)
            super().write_import(step)

    with contextlib.ExitStack() as stack:
        settings = StoreSettings(data_dir=data)
        store = cast(SqliteWinStore, open_store(settings, stack).store)
        with file.open() as source:
            done = import_export(
                source,
                cast(PortableStore, Counting(store, at=0)),
                open_staging(settings, stack),
                replace=False,
                now=pinned_now(),
            )

    assert (done.people, done.wins, len(steps)) == (2, 50, 1)
    assert [p for p, _ in steps[0].profiles] == [ALEX, SAM]


def test_a_bad_value_writes_nothing_to_a_dynamodb_table_either(
    tmp_path: Path, dynamodb: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    file = export(
        tmp_path / "wins.jsonl",
        person_line(ALEX),
        win_line(ALEX, 1, "did the laundry"),
        person_line(SAM, today_count=-1),
    )

    assert run("import", "--table", TABLE_NAME, str(file)) == 2

    assert "line 4" in capsys.readouterr().err
    assert dynamodb.scan(TableName=TABLE_NAME)["Items"] == []


class TalkingBefore(FullDiskBefore):
    """The real store; just before step ``at`` someone logs their first win through the skill
    (the Lambda's store on the same table), so the import meets data that was not there."""

    def __init__(self, store: Any, at: int, talker: WinsService, who: Person) -> None:
        self._store, self._at, self.steps = store, at, 0
        self._talker, self._who = talker, who

    def write_import(self, step: ImportStep) -> None:
        self.steps += 1
        if self.steps == self._at:
            said = self._talker.log_win(self._who, Statement("made tea"), "r-tea", WORDING)
            assert isinstance(said, Logged)
        self._store.write_import(step)


def test_a_table_written_part_way_is_undone_and_someone_talking_meanwhile_keeps_their_win(
    tmp_path: Path, dynamodb: Any
) -> None:
    start = pinned_now() - timedelta(days=1)
    file = export(
        tmp_path / "wins.jsonl",
        person_line(ALEX),
        *(
            win_line(ALEX, n, "washed a cup", (start + timedelta(seconds=n)).isoformat())
            for n in range(1, STEP_ITEMS + 5)
        ),
        person_line(SAM),
        win_line(SAM, 1, "read a chapter"),
    )
    talker = WinsService(DynamoWinStore(dynamodb, TABLE_NAME), Clock(pinned_now()), Random(1))

    with contextlib.ExitStack() as stack:
        settings = StoreSettings(table=TABLE_NAME)
        talking = TalkingBefore(open_store(settings, stack).store, 2, talker, SAM)
        with pytest.raises(ImportStopped, match="changed") as stopped, file.open() as source:
            import_export(
                source,
                cast(PortableStore, talking),
                open_staging(settings, stack),
                replace=False,
                now=pinned_now(),
            )

    assert stopped.value.undone
    items = dynamodb.scan(TableName=TABLE_NAME)["Items"]
    assert {item["pk"]["S"] for item in items} == {SAM.key}
    assert [item["text"]["S"] for item in items if "text" in item] == ["made tea"]
