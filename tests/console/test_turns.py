"""Turns through ``wins chat``, as people have them: the morning question read for what was said,
a hard day with a request for a win, and a question that survives one misunderstanding.

Each run is the real console process, its clock pinned to a morning (or an afternoon).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import WORDS, answers, chat

# slow: each test runs `wins chat`; the clock is pinned, so no hour changes what is said.
pytestmark = [pytest.mark.slow]

MORNING = ("--at", "2026-12-07T09:00:00+00:00", "--time-zone", "Europe/London")
AFTERNOON = ("--at", "2026-12-07T15:00:00+00:00", "--time-zone", "Europe/London")
FAST = ("--minute-seconds", "0.2")
PLAN = "ask small wins what's my one thing"


def run(data_dir: Path, *lines: str, at: tuple[str, ...] = MORNING) -> list[str]:
    said = answers(chat(data_dir, *lines, options=at))
    assert len(said) == len(lines), said
    return said


def variants(key: str, **fields: str) -> tuple[str, ...]:
    return tuple(text.format(**fields) for text in WORDS.variants(key))


NO_PLAN = variants("one_thing.none")[0].split(".")[0]  # "You haven't picked a one thing ..."


@pytest.mark.parametrize(
    "hard",
    [
        "ugh. i can't even get out of bed",
        "honestly i can barely move",
        "rough day",
        "such a bad morning",
        "i'm exhausted",
        "i feel like rubbish",
    ],
)
def test_a_hard_morning_is_met_kindly_and_never_becomes_the_plan(tmp_path: Path, hard: str) -> None:
    said = run(tmp_path, "open small wins", hard, PLAN)
    kind = (
        *variants("one_thing.hard"),
        *variants("not_a_win.feeling"),
        *variants("not_a_win.default"),
    )
    assert said[1].startswith(kind), said[1]
    assert said[2].startswith(NO_PLAN), said[2]
    assert saved_win_texts(tmp_path) == []


@pytest.mark.parametrize("shrug", ["dunno", "nothing probably", "maybe nothing", "not sure yet"])
def test_a_shrug_sets_no_plan(tmp_path: Path, shrug: str) -> None:
    said = run(tmp_path, "open small wins", shrug, PLAN)
    assert said[1].startswith(variants("answer.no_plan")) or "No plan needed" in said[1], said
    assert said[2].startswith(NO_PLAN), said[2]


def test_deeds_told_in_the_morning_are_logged_then_the_plan_is_asked_for_once(
    tmp_path: Path,
) -> None:
    said = run(
        tmp_path,
        "open small wins",
        "i did the dishes and i also answered three emails and i called my mom back",
        "oh and i took my meds",  # another deed: logged, and not asked about the plan again
        PLAN,
    )
    assert said[1].endswith(variants("one_thing.after_win")), said[1]
    assert not said[2].endswith(variants("one_thing.after_win")), said[2]
    assert said[3].startswith(NO_PLAN), said[3]
    kept = " ".join(saved_win_texts(tmp_path))
    for deed in ("did the dishes", "answered three emails", "called my mom back", "took my meds"):
        assert deed in kept, kept
    assert "oh and" not in kept


def test_the_plan_asked_for_after_a_deed_is_set_without_fillers(tmp_path: Path) -> None:
    said = run(tmp_path, "open small wins", "i went for a run", "um i'll drink some water", PLAN)
    assert said[1].endswith(variants("one_thing.after_win")), said[1]
    assert said[3] == "Your one thing today is: drink some water."
    assert saved_win_texts(tmp_path) == ["went for a run"]


def test_a_deed_and_a_plan_in_one_breath(tmp_path: Path) -> None:
    said = run(tmp_path, "open small wins", "i already fed the cat and i'll call the bank", PLAN)
    assert "call the bank" in said[1] and "?" not in said[1]
    assert said[2] == "Your one thing today is: call the bank."
    assert saved_win_texts(tmp_path) == ["fed the cat"]


def test_a_plan_is_set_without_its_fillers(tmp_path: Path) -> None:
    said = run(tmp_path, "open small wins", "um so call my sister", PLAN)
    assert said[2] == "Your one thing today is: call your sister."


def test_crisis_said_to_the_morning_question_keeps_nothing(tmp_path: Path) -> None:
    said = run(tmp_path, "open small wins", "i did the dishes and i want to die", PLAN)
    assert "Samaritans" in said[1]  # the line that works in London, where the device is
    assert said[2].startswith(NO_PLAN)
    assert saved_win_texts(tmp_path) == []


def test_a_hard_day_with_a_request_gets_a_word_then_one_of_their_wins(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "tell small wins I did the laundry",
        "tell small wins i feel like garbage. tell me something i did",
        "tell small wins ugh rough day. remind me of a win",
        "ask small wins i feel like garbage read me a win",
        "open small wins",
        "i feel awful, tell me something i did",
        at=AFTERNOON,
    )
    for line in (said[1], said[2], said[3], said[5]):
        assert line.startswith(variants("hear.after_hard")), line
        assert "you did the laundry" in line
    assert saved_win_texts(tmp_path) == ["did the laundry"]


def test_crisis_beside_a_request_gets_the_crisis_answer(tmp_path: Path) -> None:
    run(tmp_path, "tell small wins I did the laundry", at=AFTERNOON)
    (said,) = run(tmp_path, "tell small wins i feel like dying, tell me something i did")
    assert "Samaritans" in said and "laundry" not in said


GOAL = "ask small wins to set a one minute goal to email my landlord"


@pytest.mark.parametrize("puzzled", ["what? oh. not yet", "huh sorry no i ran out of time"])
def test_a_no_after_what_oh_answers_the_goal_check_in(tmp_path: Path, puzzled: str) -> None:
    said = run(tmp_path, GOAL, "yes", ":wait", puzzled, "no", at=(*AFTERNOON, *FAST))
    assert "Did you email your landlord?" in said[2]
    assert said[3].startswith(variants("goal.not_yet")), said[3]
    assert saved_win_texts(tmp_path) == []


def test_a_goal_check_in_survives_one_misunderstanding(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        GOAL,
        "yes",
        ":wait",
        "purple monkey dishwasher",
        "not yet",
        at=(*AFTERNOON, *FAST),
    )
    assert "Did you email your landlord? Yes or not yet." in said[3]
    assert said[4].startswith(variants("goal.not_yet")), said[4]


def test_a_second_miss_drops_the_question_and_says_how_to_get_help(tmp_path: Path) -> None:
    run(tmp_path, "tell small wins I did the laundry", at=AFTERNOON)
    said = run(
        tmp_path,
        "open small wins",
        "delete my last win",
        "purple monkey dishwasher",  # asked again, naming the win
        "purple monkey dishwasher",  # dropped: a later yes deletes nothing
        "yes",
        at=AFTERNOON,
    )
    assert "you did the laundry" in said[2] and said[2].endswith("Yes or no.")
    assert "I need help" in said[3]
    assert saved_win_texts(tmp_path) == ["did the laundry"]


def test_a_deletion_restated_after_a_miss_is_answered(tmp_path: Path) -> None:
    run(tmp_path, "tell small wins I did the laundry", at=AFTERNOON)
    said = run(
        tmp_path, "open small wins", "delete my last win", "blue elephant", "yes", at=AFTERNOON
    )
    assert said[3].startswith(variants("delete.last_done"))
    assert saved_win_texts(tmp_path) == []
