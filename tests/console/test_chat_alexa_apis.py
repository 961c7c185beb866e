"""``wins chat`` with Alexa's APIs on loopback: consent by voice, timers ringing, reminders, zones.

Each test runs the real console as a script would (one answer on stdout per line), against
the real skill; the fake Alexa APIs answer over HTTPS and the console's Echo notes (consent
questions, timers ringing, reminders set) go to stderr.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from skill.speech.catalog import catalog_for
from tests.conftest import console_clock

# any_hour: the date, hour or zone could change its outcome; slow: each test runs `wins chat`.
pytestmark = [pytest.mark.any_hour, pytest.mark.slow]

WORDS = catalog_for("en-US")
GOAL = "ask small wins to set a one minute goal to clear my desk"
FAST = ("--minute-seconds", "0.2")


def chat(data_dir: Path, *lines: str, options: tuple[str, ...] = FAST) -> tuple[list[str], str]:
    """One scripted run, which must succeed: its stdout lines, and its stderr (the notes)."""
    result = subprocess.run(
        [
            *(sys.executable, "-m", "skill.cli", "chat", "--data-dir", str(data_dir)),
            *(*console_clock(), *options),
        ],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout.splitlines(), result.stderr


def test_a_one_minute_goal_rings_and_is_celebrated(tmp_path: Path) -> None:
    (asked, started, rang, celebrated), notes = chat(tmp_path, GOAL, "yes", ":wait", "yes")

    assert "clear your desk" in asked
    assert "Do you allow Small Wins to set timers? (yes / no)" in notes
    assert "clear your desk" in started
    assert "Timer set: 1 minute" in notes
    assert "Alexa: Time's up." in notes  # the timer's own words, said by the Echo
    assert "Did you clear your desk?" in rang
    assert "clear your desk" in celebrated
    assert "one-minute goal" in celebrated


def test_without_timer_permission_the_goal_is_kept_and_nothing_rings(tmp_path: Path) -> None:
    (asked, refused, waited), notes = chat(tmp_path, GOAL, "no", ":wait")

    assert "clear your desk" in asked
    assert refused in [
        text.format(goal="clear your desk") for text in WORDS.variants("goal.no_permission")
    ]
    assert waited == ""
    assert "Timer set" not in notes
    assert "nothing to wait for" in notes


def test_an_unanswered_consent_question_sets_no_timer(tmp_path: Path) -> None:
    (asked, answered), notes = chat(tmp_path, GOAL, "")

    assert "clear your desk" in asked
    assert "Timer set" not in notes
    assert answered  # the skill answers a consent question left unanswered too


def test_permission_once_granted_is_not_asked_again(tmp_path: Path) -> None:
    lines, notes = chat(
        tmp_path,
        GOAL,
        "yes",
        ":wait",
        "yes",
        "ask small wins to set a one minute goal to drink water",
    )

    assert notes.count("Do you allow Small Wins to set timers?") == 1
    assert "drink water" in lines[-1]
    assert notes.count("Timer set") == 2


def test_a_morning_reminder_is_set_and_stopped(tmp_path: Path) -> None:
    lines, notes = chat(
        tmp_path,
        "tell small wins to remind me every morning at 7:30 am",
        "yes",
        "tell small wins to stop the morning reminder",
        options=("--time-zone", "Europe/Paris"),
    )

    asked, set_, stopped = lines
    assert "7:30" in asked
    assert "Do you allow Small Wins to set reminders? (yes / no)" in notes
    assert "7:30" in set_
    assert "Reminder set: every day at 07:30 (Europe/Paris): " in notes
    assert stopped in WORDS.variants("reminder.stopped")
    assert "Reminder deleted." in notes


def zone_at(hour: int) -> str:
    """A fixed-offset IANA zone where the local hour is ``hour`` right now."""
    utc_hour = datetime.now(UTC).hour
    offset = next(o for o in range(-12, 15) if (utc_hour + o) % 24 == hour)
    return "Etc/UTC" if offset == 0 else f"Etc/GMT{-offset:+d}"  # Etc/GMT signs are inverted


@pytest.mark.parametrize(("hour", "morning"), [(9, True), (19, False)])
def test_the_morning_prompt_follows_the_device_time_zone(
    tmp_path: Path, hour: int, morning: bool
) -> None:
    (greeting,), _ = chat(tmp_path, "open small wins", options=("--time-zone", zone_at(hour)))

    mornings = WORDS.variants("morning.prompt") + WORDS.variants("launch.new_morning")
    assert (greeting in mornings) is morning


def test_wait_with_no_timer_answers_an_empty_line(tmp_path: Path) -> None:
    (waited, _), notes = chat(tmp_path, ":wait", "open small wins")

    assert waited == ""
    assert "nothing to wait for" in notes


def test_json_gives_one_envelope_per_line_through_consent_and_ringing(tmp_path: Path) -> None:
    lines, _ = chat(tmp_path, GOAL, "yes", ":wait", options=(*FAST, "--json"))

    asked, started, rang = (json.loads(line) for line in lines)
    assert asked["response"]["directives"][0]["type"] == "Connections.SendRequest"
    assert "shouldEndSession" not in asked["response"]
    assert "clear your desk" in started["response"]["outputSpeech"]["ssml"]
    assert "Did you clear your desk?" in rang["response"]["outputSpeech"]["ssml"]


@pytest.mark.parametrize(
    "options", [("--minute-seconds", "0"), ("--minute-seconds", "soon"), ("--time-zone", "Mars")]
)
def test_bad_options_are_explained(tmp_path: Path, options: tuple[str, ...]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "skill.cli", "chat", "--data-dir", str(tmp_path), *options],
        input="open small wins\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert options[0] in result.stderr or "time zone" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_at_a_terminal_a_timer_rings_while_the_prompt_waits(tmp_path: Path) -> None:
    import pty

    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "skill.cli", "chat", "--data-dir", str(tmp_path)),
            *(*console_clock(), *FAST),
        ],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
    )
    os.close(terminal)
    seen = b""

    def read_until(marker: bytes, start: int = 0) -> None:
        """Read the terminal until ``marker`` appears after ``start`` (30 s at most)."""
        nonlocal seen
        deadline = time.monotonic() + 30
        while marker not in seen[start:] and time.monotonic() < deadline:
            if select.select([controller], [], [], 0.1)[0]:
                seen += os.read(controller, 4096)
        assert marker in seen[start:], seen.decode(errors="replace")

    try:
        read_until(b"you> ")
        os.write(controller, GOAL.encode() + b"\n")
        read_until(b"you (yes / no)> ")
        os.write(controller, b"yes\n")
        # Nothing more is typed: the timer rings at the prompt, and the skill asks.
        read_until(b"Did you clear your desk?")
        read_until(b"you (listening)> ", seen.index(b"Did you clear your desk?"))
        os.write(controller, b"yes\n")
        read_until(b"one-minute goal")
        read_until(b"you (listening)> ", seen.index(b"one-minute goal"))
        os.write(controller, b":quit\n")
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)
    text = seen.decode(errors="replace")
    assert "Alexa: Do you allow Small Wins to set timers? (yes / no)" in text
    assert "Alexa: Time's up." in text
    assert "Traceback" not in text
