"""``wins chat`` end to end: a real process, scripted through stdin, wins kept between runs."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from skill.speech.catalog import catalog_for
from tests.conftest import saved_win_texts
from tests.console.talking import answers, chat

# any_hour: the date, hour or zone could change its outcome; slow: each test runs `wins chat`.
pytestmark = [pytest.mark.any_hour, pytest.mark.slow]

NO_WINS_YET = catalog_for("en-US").variants("hear.none")


def test_a_win_told_in_one_run_is_remembered_in_the_next(tmp_path: Path) -> None:
    (logged,) = answers(chat(tmp_path, "tell small wins I did the laundry"))
    assert "You did the laundry" in logged

    (one_shot,) = answers(chat(tmp_path, "ask small wins for a win"))
    launched, heard = answers(chat(tmp_path, "open small wins", "remind me of a win"))

    assert "you did the laundry" in one_shot.lower()
    assert "you did the laundry" not in launched.lower()
    assert "you did the laundry" in heard.lower()


def test_a_fresh_data_dir_has_no_wins(tmp_path: Path) -> None:
    answers(chat(tmp_path / "mine", "tell small wins I did the laundry"))

    (heard,) = answers(chat(tmp_path / "fresh", "ask small wins for a win"))

    assert heard in NO_WINS_YET


def test_one_line_out_per_line_in_and_nothing_else_on_stdout(tmp_path: Path) -> None:
    result = chat(tmp_path, "", "I did the laundry", "   ", "open small wins", "help", "exit")

    lines = answers(result)
    assert len(lines) == 6
    assert lines[0] == lines[2] == ""  # silence with no session listening reaches nobody
    assert "You did the laundry" in lines[1]
    assert all("<" not in line and "  " not in line for line in lines)
    assert lines[5] == ""  # "exit" ends the session; the skill says nothing
    assert "tell small wins" in result.stderr  # the hint: an Echo needs the name first
    assert result.stderr.count("Nothing was said") == 1  # said once, not for every silence


def test_json_prints_one_response_envelope_per_line(tmp_path: Path) -> None:
    result = chat(tmp_path, "open small wins", "I made tea", "stop", options=("--json",))

    launched, logged, stopped = (json.loads(line) for line in answers(result))
    assert launched["version"] == "1.0"
    assert launched["response"]["shouldEndSession"] is False
    assert "made tea" in logged["response"]["outputSpeech"]["ssml"]
    assert stopped["response"]["shouldEndSession"] is True


def test_quit_command_stops_reading(tmp_path: Path) -> None:
    result = chat(tmp_path, "open small wins", ":quit", "I did the laundry")

    assert len(answers(result)) == 1


def test_speak_reads_answers_aloud(tmp_path: Path) -> None:
    bin_dir, heard = tmp_path / "bin", tmp_path / "spoken.txt"
    bin_dir.mkdir()
    speaker = bin_dir / "espeak-ng"
    speaker.write_text(
        f"#!{sys.executable}\nimport sys\n"
        f"with open({str(heard)!r}, 'a') as out:\n"
        "    out.write(' '.join(sys.argv[1:]) + ': ' + sys.stdin.read() + '\\n')\n"
    )
    speaker.chmod(speaker.stat().st_mode | stat.S_IXUSR)
    env = {**os.environ, "PATH": str(bin_dir)}

    (said,) = answers(
        chat(tmp_path / "data", "tell small wins I did the laundry", options=("--speak",), env=env)
    )

    assert heard.read_text() == f"--stdin: {said}\n"


def test_speak_without_espeak_says_so_once_and_carries_on(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}

    result = chat(tmp_path, "open small wins", "help", options=("--speak",), env=env)

    assert len(answers(result)) == 2
    assert len([line for line in result.stderr.splitlines() if "espeak-ng" in line]) == 1


def test_a_missing_model_is_explained_without_a_traceback(tmp_path: Path) -> None:
    result = chat(tmp_path, "open small wins", options=("--model", str(tmp_path / "none.json")))

    assert result.returncode == 2
    assert result.stdout == ""
    assert "interaction model" in result.stderr
    assert "Traceback" not in result.stderr


def without_moto(*argv: str) -> str:
    """A script running ``wins`` as if moto were not installed."""
    return (
        "import sys; sys.modules['moto'] = None\n"
        "from skill.cli import main\n"
        f"raise SystemExit(main({list(argv)!r}))\n"
    )


def test_the_console_needs_no_moto(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", without_moto("chat", "--data-dir", str(tmp_path))],
        input="tell small wins I did the laundry\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "You did the laundry" in result.stdout
    assert saved_win_texts(tmp_path) == ["did the laundry"]


def test_without_moto_the_in_process_dynamodb_says_how_to_install_it(tmp_path: Path) -> None:
    script = without_moto("chat", "--embedded-dynamodb", "--data-dir", str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", script],
        input="open small wins\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2
    assert "pip install -e '.[local,moto]'" in result.stderr


@pytest.mark.parametrize("argv", [[], ["nonsense"]])
def test_the_wins_command_needs_a_known_subcommand(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "skill.cli", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2
    assert "chat" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_at_a_terminal_the_console_greets_prompts_and_shows_cards(tmp_path: Path) -> None:
    import pty

    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "skill.cli", "chat", "--data-dir", str(tmp_path)],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(terminal)
    os.write(controller, b"open small wins\nI did the laundry\n\x04")
    out, _ = process.communicate(timeout=60)
    os.close(controller)

    assert process.returncode == 0
    assert "tell small wins I did the laundry" in out  # the banner says what to try
    assert "you> Small Wins: " in out
    assert "you (listening)> Small Wins: " in out
    assert "You did the laundry" in out
    assert "[card]" in out


def test_a_seed_makes_the_wording_repeatable(tmp_path: Path) -> None:
    script = ("tell small wins I did the laundry", "tell small wins I made tea")

    runs = [
        answers(chat(tmp_path / str(run), *script, options=("--seed", "3"))) for run in range(2)
    ]

    assert runs[0] == runs[1]
