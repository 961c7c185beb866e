"""Settings asked for in a person's own words, through ``wins chat``: brief mode on and off,
calm and cheerful in plain words, and never a setting kept as a win.

Each test is one scripted run of the real console process: one answer line per line typed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import everything_kept, saved_win_texts
from tests.console.talking import WORDS, answers, chat

pytestmark = [pytest.mark.slow]

AFTERNOON = ("--at", "2026-11-21T15:30:00+00:00", "--time-zone", "UTC")
# What the console says (on stderr) when a line comes after the session ended, as an Echo
# would need the skill's name again.
NAME_FIRST = "An Echo would want the skill's name first"
FOLLOW_UPS = tuple(
    question
    for key in ("continue.speech", "hear.continue", "style.continue", "not_a_win.continue")
    for question in WORDS.variants(key)
)


def run(tmp_path: Path, *lines: str) -> tuple[list[str], subprocess.CompletedProcess[str]]:
    result = chat(tmp_path, *lines, options=AFTERNOON)
    said = answers(result)
    assert len(said) == len(lines), said
    return said, result


def asks_a_follow_up(line: str) -> bool:
    return any(question in line for question in FOLLOW_UPS)


def test_brief_mode_leaves_out_follow_ups_ends_sessions_and_still_confirms_a_delete(
    tmp_path: Path,
) -> None:
    said, result = run(
        tmp_path,
        "open small wins",
        "stop asking me questions",  # the session ends with the confirmation
        "open small wins",
        "I did the laundry",  # celebrated; no "Any other wins?"; the session ends
        "tell small wins I walked the dog",
        "ask small wins for a win",
        "open small wins",
        "how many wins do I have",
        "open small wins",
        "delete my last win",  # still asks first
        "yes",
    )
    assert said[1] in WORDS.variants("settings.brief")
    assert said[2] in WORDS.variants("launch.brief")
    for line in said[3:9]:
        assert not asks_a_follow_up(line), line
    assert "You did the laundry" in said[3]
    assert said[9].endswith("?")
    assert saved_win_texts(tmp_path) == ["did the laundry"]
    # Every reply with no question ended its session: nothing was said to a closed one.
    assert NAME_FIRST not in result.stderr


def test_brief_mode_turns_off_again_in_other_words(tmp_path: Path) -> None:
    said, _ = run(
        tmp_path,
        "tell small wins to keep it short",
        "open small wins",
        "you can ask me things again",
        "I made my bed",
        "no",
    )
    assert said[0] in WORDS.variants("settings.brief")
    assert said[2].startswith(WORDS.variants("settings.chatty")[0])
    assert asks_a_follow_up(said[3]), said[3]
    assert saved_win_texts(tmp_path) == ["made my bed"]


def test_calm_and_cheerful_in_natural_words(tmp_path: Path) -> None:
    said, _ = run(
        tmp_path,
        "ask small wins to tone it down",
        "tell small wins I did the dishes",
        "ask small wins to be more upbeat",
        "open small wins",
        "less enthusiastic please",
        "no",
        "tell small wins quieter",
    )
    calm, cheerful = WORDS.variants("style.calm"), WORDS.variants("style.cheerful")
    assert said[0] in calm and said[6] in calm
    assert said[2] in cheerful
    assert said[4].startswith(tuple(calm))
    assert saved_win_texts(tmp_path) == ["did the dishes"]


def test_settings_said_one_shot_or_in_session_are_never_stored_as_wins(tmp_path: Path) -> None:
    said, _ = run(
        tmp_path,
        "tell small wins i don't want to be asked questions",
        "tell small wins to stop asking me questions",
        "ask small wins to tone it down",
        "tell small wins i'd rather you didn't ask me anything",
        "tell small wins stop the sounds",
        "open small wins",
        "i don't like being asked questions",
        "open small wins",
        "leave me alone",
    )
    assert saved_win_texts(tmp_path) == []
    assert said[0] in WORDS.variants("settings.brief")
    assert said[-1] in WORDS.variants("settings.options")


def test_a_request_about_questions_said_to_the_morning_question_is_no_plan(
    tmp_path: Path,
) -> None:
    said = answers(
        chat(
            tmp_path,
            "tell small wins I did the laundry",
            "open small wins",  # a win today already: no morning question
            "please stop asking me so many questions",
            "open small wins",
            "you can ask me stuff again",
            "open small wins",
            "be calmer with my kids",  # a plan of the person's own, not a setting
            options=("--at", "2026-11-21T08:00:00+00:00", "--time-zone", "UTC"),
        )
    )
    assert said[2] in WORDS.variants("settings.brief")
    assert said[3] in WORDS.variants("launch.brief")  # asked no more than the day's win
    assert said[4].startswith(WORDS.variants("settings.chatty")[0])
    assert not said[6].startswith(tuple(WORDS.variants("style.calm")))
    kept = everything_kept(tmp_path)
    assert "questions" not in kept and "stuff" not in kept
    assert saved_win_texts(tmp_path) == ["did the laundry"]


def test_styles_said_any_way_and_24_hour_times_and_goals_said_another_way(tmp_path: Path) -> None:
    said = answers(
        chat(
            tmp_path,
            "ask small wins to switch to calm",
            "ask small wins to switch to cheerful",
            "ask small wins to use the calm style",
            "ask small wins can I have the quiet one",
            "ask small wins to remind me every day at 0715",
            "yes",
            "ask small wins to move my reminder to nineteen hundred hours",
            "ask small wins for a one minute challenge",
            options=("--at", "2026-12-08T09:00", "--time-zone", "Pacific/Auckland"),
        )
    )
    assert "quietly" in said[0] and "Cheerful" in said[1], said
    assert "quietly" in said[2] and "quietly" in said[3], said
    assert any("7:15 AM" in line for line in said), said
    assert any("7 PM" in line for line in said), said
    assert "What will you do for one minute?" in said[-1], said
    assert saved_win_texts(tmp_path) == []
