"""What the console's Echo shows of timers and reminders, and the device's own settings."""

from __future__ import annotations

import signal
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from skill.console.alexa_stand_in import FakeAlexaApi, ReminderRecord, TimerRecord
from skill.console.device.alerts import (
    AlertWatcher,
    reminder_set,
    ringing_words,
    task_of,
    timer_set,
)
from skill.console.device.prompt_wake import PromptWaker, Rang
from skill.console.device.settings import checked_time_zone, machine_time_zone
from skill.console.errors import ConsoleError
from tests.console.test_fake_alexa_api import REMINDER, TIMER


def record(body: dict[str, Any]) -> TimerRecord:
    now = datetime.now(UTC)
    return TimerRecord(id="t1", body=body, created_at=now, fires_at=now)


def test_a_daily_reminder_says_when_where_and_what() -> None:
    assert reminder_set(REMINDER) == (
        "Reminder set: every day at 08:00 (America/Los_Angeles): Your one thing?"
    )


def test_other_reminders_are_described_too() -> None:
    once = {
        **REMINDER,
        "trigger": {"type": "SCHEDULED_ABSOLUTE", "scheduledTime": "2026-01-06T07:30:00"},
    }
    relative = {**REMINDER, "trigger": {"type": "SCHEDULED_RELATIVE", "offsetInSeconds": 600}}

    assert reminder_set(once).startswith("Reminder set: on 2026-01-06 at 07:30 (the device's")
    assert reminder_set(relative).startswith("Reminder set: in 10 minutes:")


def test_a_timer_is_described_and_rings_with_its_own_words() -> None:
    assert timer_set(TIMER) == "Timer set: 1 minute (clear my desk)."
    assert ringing_words(record(TIMER), "en-US") == "Your minute is up. Check in?"
    assert task_of(record(TIMER)) == TIMER["triggeringBehavior"]["operation"]["task"]


def test_an_announce_timer_has_no_task() -> None:
    operation = {"type": "ANNOUNCE", "textToAnnounce": [{"locale": "en-US", "text": "Stretch!"}]}
    body = {**TIMER, "triggeringBehavior": {**TIMER["triggeringBehavior"], "operation": operation}}

    assert task_of(record(body)) is None
    assert ringing_words(record(body), "en-US") == "Stretch!"


def test_the_watcher_reports_each_change_once() -> None:
    api = FakeAlexaApi()  # not started: the watcher only reads its records
    watcher = AlertWatcher(api)
    assert watcher.changes() == []

    api.reminders["r1"] = ReminderRecord("r1", REMINDER, datetime.now(UTC))
    api.timers["t1"] = record(TIMER)
    assert watcher.changes() == [timer_set(TIMER), reminder_set(REMINDER)]
    assert watcher.changes() == []

    del api.reminders["r1"]
    assert watcher.changes() == ["Reminder deleted."]


def test_the_machine_zone_comes_from_tz_then_localtime_then_utc(tmp_path: Path) -> None:
    link = tmp_path / "localtime"
    target = tmp_path / "usr" / "share" / "zoneinfo" / "Europe" / "Berlin"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"")
    link.symlink_to(target)

    assert machine_time_zone({"TZ": ":Asia/Tokyo"}, link) == "Asia/Tokyo"
    assert machine_time_zone({"TZ": "nonsense"}, link) == "Europe/Berlin"
    assert machine_time_zone({}, tmp_path / "missing") == "UTC"


def test_a_time_zone_option_must_name_a_zone() -> None:
    assert checked_time_zone("Pacific/Auckland") == "Pacific/Auckland"
    with pytest.raises(ConsoleError, match="IANA"):
        checked_time_zone("Middle/Earth")


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="needs POSIX signals")
def test_a_ringing_timer_wakes_the_prompt_only_while_it_shows() -> None:
    before = signal.getsignal(signal.SIGUSR1)
    waker = PromptWaker()
    waker.install()
    try:
        waker.poke()  # not at the prompt: nothing happens
        time.sleep(0.05)
        poker = threading.Timer(0.1, waker.poke)
        poker.start()
        started = time.monotonic()
        with pytest.raises(Rang), waker.prompt(lambda: False):
            time.sleep(5)  # stands in for input()
        assert time.monotonic() - started < 2
        with pytest.raises(Rang), waker.prompt(lambda: True):
            pytest.fail("a timer that already rang must interrupt before the prompt shows")
    finally:
        waker.uninstall()
    assert signal.getsignal(signal.SIGUSR1) == before
