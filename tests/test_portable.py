"""``wins export`` and ``wins import``: SQLite to DynamoDB and back without losing a win."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any

import pytest

from skill.cli import main
from skill.domain.choice import Style
from skill.domain.local_time import DailyTime
from skill.services.erasure import Erasure
from skill.services.routines import Routines
from skill.services.wins import Logged, Statement, WinsService, Wording
from skill.storage.records import Offer, Person
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import TABLE_NAME, Clock, saved_win_texts

WORDING = Wording(celebrations=dict.fromkeys(Style, 6), minimiser_replies=4)
ALEX = Person.of_account("amzn1.ask.account.ALEX")
ALEX_VOICE = Person("PERSON#amzn1.ask.account.ALEX#amzn1.ask.person.SAM", ALEX.account)
ROBIN = Person.of_account("amzn1.ask.account.ROBIN")
START = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)


def seed(data_dir: Path) -> None:
    store = SqliteWinStore(data_dir)
    clock = Clock(START)
    service = WinsService(store, clock, Random(1))
    for person, words in [
        (ALEX, "did the laundry"),
        (ALEX, 'said "no", kindly, to a, b and c'),  # quotes and commas survive CSV
        (ALEX_VOICE, "read a chapter"),
        (ROBIN, "walked the dog"),
    ]:
        clock.advance(hours=5)
        assert isinstance(service.log_win(person, Statement(words), f"r-{words}", WORDING), Logged)
    service.set_style(ALEX, Style.CALM)
    service.set_brief(ROBIN, True)
    Routines(store, clock).start_goal(ROBIN, "clear my desk")
    Routines(store, clock).remember_reminder(ALEX, "reminder-1", DailyTime(7, 30, "UTC"))
    store.set_recap(ROBIN, day=6, off=True)
    store.note_offer(ALEX, Offer.RECAP, date(2026, 11, 16))
    store.note_offer(ALEX, Offer.ANNIVERSARY, date(2026, 11, 16))
    store.note_voices(ALEX_VOICE)
    store.close()


def run(*argv: str) -> int:
    return main(list(argv))


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_sqlite_to_dynamodb_and_back_keeps_every_win_and_setting(
    tmp_path: Path, dynamodb: Any
) -> None:
    seed(tmp_path / "home")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"

    assert run("export", "--data-dir", str(tmp_path / "home"), "-o", str(first)) == 0
    assert run("import", "--table", TABLE_NAME, str(first)) == 0
    assert run("export", "--table", TABLE_NAME, "-o", str(second)) == 0
    assert run("import", "--data-dir", str(tmp_path / "back"), str(second)) == 0

    assert lines(second) == lines(first)
    assert saved_win_texts(tmp_path / "back") == saved_win_texts(tmp_path / "home")
    assert len(saved_win_texts(tmp_path / "back")) == 4
    exported = {row["person"]: row for row in lines(first) if row["type"] == "person"}
    assert exported[ALEX.key]["profile"]["style"] == "calm"
    assert exported[ROBIN.key]["profile"]["goal"] == "clear my desk"
    assert exported[ALEX.key]["profile"]["reminder_time"] == "07:30"
    assert exported[ROBIN.key]["profile"]["brief"] is True
    assert exported[ALEX.key]["profile"]["brief"] is False
    assert SqliteWinStore(tmp_path / "back").load_profile(ROBIN).brief is True
    # The weekly recap's settings, the weeks offers were made, and the household's voices.
    assert (
        exported[ROBIN.key]["profile"]["recap_day"],
        exported[ROBIN.key]["profile"]["recap_off"],
    ) == (6, True)
    assert exported[ALEX.key]["profile"]["recap_offered"] == "2026-11-16"
    assert exported[ALEX.key]["profile"]["anniversary_offered"] == "2026-11-16"
    assert exported[ALEX.key]["profile"]["has_voices"] is True
    assert exported[ALEX_VOICE.key]["profile"]["has_voices"] is True
    back = SqliteWinStore(tmp_path / "back")
    assert back.load_profile(ALEX).recap_offered == date(2026, 11, 16)
    assert back.load_profile(ROBIN).recap_day == 6
    # The count of wins by day a launch offers the recap from, as logging left it.
    counted = back.load_profile(ALEX).logged_days
    assert counted is not None and counted.wins == 2 == back.load_profile(ALEX).win_count
    assert counted == SqliteWinStore(tmp_path / "home").load_profile(ALEX).logged_days
    # and the best day kept with it, for "what's my record": carried, never counted again
    assert counted.best is not None and (counted.best.day, counted.best.wins) == (
        date(2026, 11, 22),
        1,
    )
    assert '"best":' in exported[ALEX.key]["profile"]["logged_days"]
    assert isinstance(exported[ALEX.key]["profile"]["logged_days"], str)
    assert first.stat().st_mode & 0o077 == 0


def test_csv_carries_the_wins_into_another_store(tmp_path: Path, dynamodb: Any) -> None:
    seed(tmp_path / "home")
    table = tmp_path / "wins.csv"

    assert run("export", "--data-dir", str(tmp_path / "home"), "-o", str(table)) == 0
    assert table.read_text().splitlines()[0] == "person,account,number,created_at,told_at,kind,text"
    assert run("import", "--table", TABLE_NAME, str(table)) == 0
    assert run("import", "--data-dir", str(tmp_path / "copy"), str(table)) == 0

    assert saved_win_texts(tmp_path / "copy") == saved_win_texts(tmp_path / "home")
    texts = sorted(
        item["text"]["S"] for item in dynamodb.scan(TableName=TABLE_NAME)["Items"] if "text" in item
    )
    assert texts == sorted(saved_win_texts(tmp_path / "home"))


def test_one_account_exports_with_its_voices_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path / "home")

    assert run("export", "--data-dir", str(tmp_path / "home"), "--user", ALEX.account) == 0

    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {row["person"] for row in rows[1:]} == {ALEX.key, ALEX_VOICE.key}


def test_import_leaves_people_with_data_alone_unless_told_to_replace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(tmp_path / "home")
    export = tmp_path / "all.jsonl"
    run("export", "--data-dir", str(tmp_path / "home"), "-o", str(export))
    other = SqliteWinStore(tmp_path / "other")
    WinsService(other, Clock(START), Random(2)).log_win(ROBIN, Statement("made tea"), "r1", WORDING)
    other.close()

    assert run("import", "--data-dir", str(tmp_path / "other"), str(export)) == 0
    assert "Left alone 1 people" in capsys.readouterr().err
    assert "made tea" in saved_win_texts(tmp_path / "other")
    assert "walked the dog" not in saved_win_texts(tmp_path / "other")

    assert run("import", "--replace", "--data-dir", str(tmp_path / "other"), str(export)) == 0
    assert saved_win_texts(tmp_path / "other") == saved_win_texts(tmp_path / "home")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("not an export at all\n", "header"),
        ('{"type": "export", "format": 1}\n{"type": "win", "person": "USER#a"}\n', "line 2"),
        ('{"type": "export", "format": 1}\n[1, 2]\n', "line 2"),
        (
            '{"type": "win", "person": "USER#b", "account": "a", "number": 1, '
            '"created_at": "2026-01-01T00:00:00Z", "text": "x"}\n',
            "not a person of account",
        ),
        (
            "person,account,number,created_at,kind,text\nUSER#a,a,1,yesterday,said,did it\n",
            "line 2",
        ),
    ],
)
def test_a_bad_file_is_explained_and_nothing_is_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, problem: str
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content)

    assert run("import", "--data-dir", str(tmp_path / "data"), str(bad)) == 2

    assert problem in capsys.readouterr().err
    assert saved_win_texts(tmp_path / "data") == []


def test_the_words_of_a_win_deleted_are_never_exported(tmp_path: Path) -> None:
    """The win deleted last is kept on the profile for "undo" only: an export leaves it out."""
    seed(tmp_path / "home")
    store = SqliteWinStore(tmp_path / "home")
    clock = Clock(START + timedelta(days=1))
    service = WinsService(store, clock, Random(1))
    logged = service.log_win(ROBIN, Statement("rang the dentist"), "r-dentist", WORDING)
    assert isinstance(logged, Logged)
    assert Erasure(store, clock).delete_last_win(ROBIN, 2)
    assert store.load_profile(ROBIN).last_gone is not None
    store.close()

    for name in ("out.jsonl", "out.csv"):
        path = tmp_path / name
        assert run("export", "--data-dir", str(tmp_path / "home"), "-o", str(path)) == 0
        assert "dentist" not in path.read_text(), name
        assert "last_gone" not in path.read_text(), name
