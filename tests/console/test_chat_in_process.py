"""``wins chat`` in this process: which store it uses, and what the skill is sent on leaving."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import skill.entry
from skill.cli import main
from tests.conftest import TABLE_NAME, console_clock, saved_win_texts


def test_table_uses_an_existing_table_and_creates_none(
    dynamodb: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("tell small wins I did the laundry\n"))

    status = main(["chat", "--table", TABLE_NAME, "--user", "amzn1.ask.account.SOMEONE"])

    assert status == 0
    assert "You did the laundry" in capsys.readouterr().out
    assert dynamodb.list_tables()["TableNames"] == [TABLE_NAME]
    items = dynamodb.scan(TableName=TABLE_NAME)["Items"]
    assert {item["pk"]["S"] for item in items} == {"USER#amzn1.ask.account.SOMEONE"}
    assert any(item.get("text", {}).get("S") == "did the laundry" for item in items)


def test_a_missing_table_is_never_created(
    dynamodb: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("tell small wins I did the laundry\n"))

    main(["chat", "--table", "no-such-table"])

    assert len(capsys.readouterr().out.splitlines()) == 1
    assert dynamodb.list_tables()["TableNames"] == [TABLE_NAME]


@pytest.mark.slow
def test_an_endpoint_without_a_table_keeps_the_embedded_store(tmp_path: Path) -> None:
    env = {**os.environ, "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:9"}

    result = subprocess.run(
        [sys.executable, "-m", "skill.cli", "chat", "--data-dir", str(tmp_path), *console_clock()],
        input="tell small wins I did the laundry\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "You did the laundry" in result.stdout
    assert "--table" in result.stderr
    assert saved_win_texts(tmp_path) == ["did the laundry"]


@dataclass
class Turn:
    """One request the console sent, and the saved items as they were when it was sent."""

    type: str
    saved_before: str


@pytest.fixture
def turns(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Turn]:
    """Spy on the real handler the console builds: every request it receives, in order."""
    seen: list[Turn] = []
    real = skill.entry.make_handler

    def spying(*args: Any, **kwargs: Any) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
        handler = real(*args, **kwargs)

        def handle(request: dict[str, Any], context: Any) -> dict[str, Any]:
            saved = "\n".join(saved_win_texts(tmp_path))
            seen.append(Turn(request["request"]["type"], saved))
            return handler(request, context)

        return handle

    monkeypatch.setattr(skill.entry, "make_handler", spying)
    return seen


def run_chat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(script))
    return main(["chat", "--data-dir", str(tmp_path)])


def test_leaving_an_open_session_tells_the_skill(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    turns: list[Turn],
) -> None:
    assert run_chat(tmp_path, monkeypatch, "open small wins\n") == 0

    assert [turn.type for turn in turns] == ["LaunchRequest", "SessionEndedRequest"]
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_a_closed_session_is_not_ended_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, turns: list[Turn]
) -> None:
    run_chat(tmp_path, monkeypatch, "tell small wins I did the laundry\n")

    assert [turn.type for turn in turns] == ["IntentRequest"]


def test_every_turn_is_saved_before_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, turns: list[Turn]
) -> None:
    run_chat(tmp_path, monkeypatch, "tell small wins I did the laundry\ntell small wins I ran\n")

    first, second = turns
    assert first.saved_before == ""
    assert "did the laundry" in second.saved_before
    assert second.saved_before == "did the laundry"
    assert saved_win_texts(tmp_path) == ["did the laundry", "ran"]


def test_the_in_process_dynamodb_keeps_its_own_file_apart_from_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("tell small wins I did the laundry\n"))

    status = main(["chat", "--embedded-dynamodb", "--data-dir", str(tmp_path)])

    assert status == 0
    assert "You did the laundry" in capsys.readouterr().out
    assert "did the laundry" in (tmp_path / "dynamodb" / "dynamodb-items.json").read_text()
    assert saved_win_texts(tmp_path) == []
