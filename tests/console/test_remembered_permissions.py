"""Permissions remembered per person between runs of the console, as a device remembers them."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from skill.cli import main
from skill.console.alexa_stand_in import REMINDERS_SCOPE, TIMERS_SCOPE
from skill.console.device.permissions import Permissions
from skill.console.device.remembered_permissions import (
    PERMISSIONS_FILE,
    Grantor,
    RememberedPermissions,
)
from skill.console.hearing.envelopes import DEFAULT_USER_ID
from tests.console.conftest import Exchange

ALEX = Grantor("amzn1.ask.account.ALEX")
SAM = Grantor("amzn1.ask.account.SAM")
GOAL = "ask small wins to set a one minute goal to tidy my desk"
CONSENT_QUESTION = "Do you allow Small Wins to set timers?"


def remembered(tmp_path: Path, grantor: Grantor = ALEX) -> RememberedPermissions:
    return RememberedPermissions(tmp_path / PERMISSIONS_FILE, grantor)


def test_what_was_granted_or_denied_is_there_next_time(tmp_path: Path) -> None:
    first = remembered(tmp_path)
    first.record(TIMERS_SCOPE, granted=True)
    first.record(REMINDERS_SCOPE, granted=False)

    assert remembered(tmp_path).load() == {TIMERS_SCOPE: "GRANTED", REMINDERS_SCOPE: "DENIED"}


def test_a_revoked_scope_is_remembered_as_denied(tmp_path: Path) -> None:
    remembered(tmp_path).record(TIMERS_SCOPE, granted=True)
    remembered(tmp_path).record(TIMERS_SCOPE, granted=False)

    assert remembered(tmp_path).load() == {TIMERS_SCOPE: "DENIED"}


def test_each_account_and_voice_has_its_own(tmp_path: Path) -> None:
    alex_by_voice = Grantor(ALEX.user_id, "amzn1.ask.person.ALEX")
    remembered(tmp_path, ALEX).record(TIMERS_SCOPE, granted=True)
    remembered(tmp_path, alex_by_voice).record(TIMERS_SCOPE, granted=False)

    assert remembered(tmp_path, ALEX).load() == {TIMERS_SCOPE: "GRANTED"}
    assert remembered(tmp_path, alex_by_voice).load() == {TIMERS_SCOPE: "DENIED"}
    assert remembered(tmp_path, SAM).load() == {}


def test_a_missing_file_means_nothing_granted_yet(tmp_path: Path) -> None:
    hints: list[str] = []

    memory = RememberedPermissions(tmp_path / "none" / PERMISSIONS_FILE, ALEX, hints.append)

    assert memory.load() == {}
    assert hints == []


@pytest.mark.parametrize("content", ["{not json", "", "[]", '{"callers": 3}', "\udcff"])
def test_an_unreadable_file_means_nothing_granted_yet_with_a_hint(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / PERMISSIONS_FILE
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    hints: list[str] = []
    memory = RememberedPermissions(path, ALEX, hints.append)

    assert memory.load() == {}
    assert len(hints) == 1 and "nothing was granted yet" in hints[0]
    memory.record(TIMERS_SCOPE, granted=True)  # and the next answer is kept again
    assert remembered(tmp_path).load() == {TIMERS_SCOPE: "GRANTED"}


def test_statuses_other_than_granted_or_denied_are_ignored(tmp_path: Path) -> None:
    caller = {"userId": ALEX.user_id, "personId": None}
    scopes = {TIMERS_SCOPE: "GRANTED", REMINDERS_SCOPE: "MAYBE", "x": 1}
    (tmp_path / PERMISSIONS_FILE).write_text(
        json.dumps({"format": 1, "callers": [{**caller, "scopes": scopes}, "junk"]})
    )

    assert remembered(tmp_path).load() == {TIMERS_SCOPE: "GRANTED"}


def test_the_file_is_replaced_whole_and_nothing_else_is_left(tmp_path: Path) -> None:
    remembered(tmp_path).record(TIMERS_SCOPE, granted=True)
    remembered(tmp_path, SAM).record(TIMERS_SCOPE, granted=True)

    assert [path.name for path in tmp_path.iterdir()] == [PERMISSIONS_FILE]
    document = json.loads((tmp_path / PERMISSIONS_FILE).read_text())
    assert {caller["userId"] for caller in document["callers"]} == {ALEX.user_id, SAM.user_id}


def test_a_failed_write_is_a_hint_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("not a folder")
    hints: list[str] = []
    memory = RememberedPermissions(tmp_path / "a file" / PERMISSIONS_FILE, ALEX, hints.append)

    memory.record(TIMERS_SCOPE, granted=True)

    assert len(hints) == 1 and "could not be remembered" in hints[0]


def test_known_statuses_are_sent_without_being_reported_as_changes() -> None:
    changes: list[tuple[str, bool]] = []

    permissions = Permissions(
        "token",
        on_change=lambda scope, granted: changes.append((scope, granted)),
        known={TIMERS_SCOPE: "GRANTED", REMINDERS_SCOPE: "UNKNOWN"},
    )

    assert permissions.as_envelope() == {
        "consentToken": "token",
        "scopes": {TIMERS_SCOPE: {"status": "GRANTED"}},
    }
    assert changes == []


def run_chat(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, *lines: str, user: str | None = None
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    options = ("--user", user) if user else ()
    assert main(["chat", "--data-dir", str(data_dir), *options]) == 0


def scopes_sent(exchange: Exchange) -> dict[str, object] | None:
    user = exchange.request["context"]["System"]["user"]
    return None if "permissions" not in user else dict(user["permissions"]["scopes"])


def test_a_second_run_sends_what_the_first_was_allowed_and_does_not_ask_again(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    exchanges: list[Exchange],
) -> None:
    run_chat(monkeypatch, tmp_path, GOAL, "yes")
    first = capsys.readouterr()
    first_run, exchanges[:] = list(exchanges), []

    run_chat(monkeypatch, tmp_path, GOAL)
    second = capsys.readouterr()

    assert CONSENT_QUESTION in first.err
    assert scopes_sent(first_run[0]) is None  # never asked before
    granted = scopes_sent(first_run[1])
    assert granted == {TIMERS_SCOPE: {"status": "GRANTED"}}
    assert CONSENT_QUESTION not in second.err
    assert scopes_sent(exchanges[0]) == granted
    assert "Timer set" in second.err  # Alexa's timers API agrees: the timer was set
    assert "tidy your desk" in second.out


def test_another_user_in_the_same_data_folder_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run_chat(monkeypatch, tmp_path, GOAL, "yes")
    capsys.readouterr()

    run_chat(monkeypatch, tmp_path, GOAL, user="amzn1.ask.account.SOMEONE-ELSE")

    assert CONSENT_QUESTION in capsys.readouterr().err


def test_a_corrupt_permissions_file_starts_the_console_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / PERMISSIONS_FILE).write_text("{oops")

    run_chat(monkeypatch, tmp_path, GOAL, "yes")

    err = capsys.readouterr().err
    assert "could not be read" in err
    assert CONSENT_QUESTION in err
    assert remembered(tmp_path, Grantor(DEFAULT_USER_ID)).load() == {TIMERS_SCOPE: "GRANTED"}
