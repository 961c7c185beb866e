"""Whole conversations through ``wins chat``, as a newcomer would have them: every question has
an answer, bare answers are understood, silence is handled as on an Echo, and the small things
(counts, another, cancel, "that wasn't a win", reminder times) work in their own words.

Each test is one scripted run of the real console process: one answer line per line typed.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import WORDS, answers, chat

# slow: each test runs `wins chat`. Each run pins the device's instant and zone (``run``), so
# the test process's own hour cannot reach it; the two about mornings and launches also run at
# every any_hour instant, in each instant's process time zone, to show the console takes
# nothing from the machine's clock or zone.
pytestmark = pytest.mark.slow

NOT_CAUGHT = tuple(
    text.split(".")[0]
    for key in ("fallback.speech", "fallback.again", "fallback.awaiting_win")
    for text in WORDS.variants(key)
)
AFTERNOON = ("--at", "2026-11-21T15:30:00+00:00", "--time-zone", "UTC")
MORNING = ("--at", "2026-11-21T08:00:00+00:00", "--time-zone", "UTC")


def run(tmp_path: Path, *lines: str, at: tuple[str, ...] = AFTERNOON) -> list[str]:
    said = answers(chat(tmp_path, *lines, options=at))
    assert len(said) == len(lines), said
    return said


def understood(line: str) -> bool:
    return not any(line.startswith(miss) for miss in NOT_CAUGHT)


def test_yes_and_no_answer_every_question_a_newcomer_meets(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "open small wins",
        "I did the laundry",  # ... Anything else?
        "yes",  # What else did you do?
        "I made my bed",  # ... Anything else?
        "no",  # goodbye
        "open small wins",
        "give me a win",  # ... Want to hear another, or tell me a new one?
        "yes",  # another win
        "no",
        "ask small wins to keep it calm",
        "open small wins",
        "make it cheerful",  # ... Want to tell me a win now?
        "no",
    )
    assert all(understood(line) for line in said), said
    assert "You made your bed" in said[3]
    assert sorted(saved_win_texts(tmp_path)) == ["did the laundry", "made my bed"]


def test_that_is_all_and_another_mean_what_they_say(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "open small wins",
        "I watered the plants",
        "another one",  # I have another: what else?
        "I called my mum",
        "that's all",
        "open small wins",
        "how many wins do I have",
        "how many wins today",
        "give me a win",
        "another",
        "another",  # only two: none is read twice
    )
    assert all(understood(line) for line in said), said
    assert "What else" in said[2]
    assert "2 wins" in said[6] and "2 wins today" in said[7]
    heard = [line for line in said[8:10] if "you" in line.lower()]
    assert len(heard) == 2 and heard[0] != heard[1]
    assert "all 2 of your wins" in said[10]


def test_bare_answers_are_understood_after_what_did_you_do(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "open small wins",  # ... What did you do?
        "the dishes",
        "yes",  # What else did you do?
        "made my bed",
    )
    assert all(understood(line) for line in said), said
    assert len(saved_win_texts(tmp_path)) == 2


@pytest.mark.any_hour
def test_a_newcomer_hears_what_small_wins_is_before_any_morning_question(tmp_path: Path) -> None:
    first = run(tmp_path / "new", "open small wins", "stop", at=MORNING)[0]
    assert "Small Wins" in first and "?" in first
    assert first.index("Small Wins") < first.index("?")

    run(tmp_path / "back", "tell small wins I drank some water", at=MORNING)
    again = run(tmp_path / "back", "open small wins", "stop", at=MORNING)[0]
    assert "Small Wins" not in again and len(again.split()) < len(first.split())


@pytest.mark.any_hour
def test_the_morning_question_takes_yes_no_and_a_bare_plan(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "open small wins",  # ... what's one small thing you'll do today?
        "yes",
        "drink some water",
        "ask small wins what did I say I would do",
        at=MORNING,
    )
    assert all(understood(line) for line in said), said
    assert "drink some water" in said[3]


def test_a_newcomers_first_conversation_is_short(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "open small wins",
        "I did the laundry",
        "yes",
        "the dishes",
        "another one",
        "I called my mum",
        "that's all",
        "open small wins",
        "give me a win",
        "another",
        "how many wins do I have",
        "no",
        "ask small wins to set a one minute goal to drink some water",
        "ask small wins what can you do",
        "ask small wins to remind me every morning",
        "no",
        "half past seven",
    )
    lengths = sorted(len(line.split()) for line in said)
    assert all(understood(line) for line in said), said
    assert statistics.median(lengths) < 25, lengths


def test_silence_gets_the_reprompt_then_the_session_ends(tmp_path: Path) -> None:
    said = run(tmp_path, "open small wins", "", "", "I did the laundry")
    assert said[1] and understood(said[1])
    assert "You did the laundry" in said[3]


def test_help_names_what_the_skill_does_and_a_second_miss_is_shorter(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "open small wins",
        "help",  # after "What did you do?": the whole list, briefly
        "what can you do",
        "purple monkey dishwasher",
        "purple monkey dishwasher",
    )
    for line in said[1:3]:
        assert "one minute goal" in line and "remind me every morning" in line, line
        assert "give me a win" in line and "one thing" in line and "delete" in line, line
        assert len(line.split()) <= 35 and line.endswith("?"), line
    assert said[3] != said[4] and len(said[4].split()) < len(said[3].split())


def test_a_goal_can_be_cancelled_or_given_another_minute(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "ask small wins for another minute",
        "ask small wins to cancel my goal",
    )
    assert all(understood(line) for line in said), said
    assert "no goal running" in said[0].lower() and "no goal running" in said[1].lower()


def test_that_was_not_a_win_deletes_the_win_just_heard(tmp_path: Path) -> None:
    run(tmp_path, "tell small wins I did the laundry")
    run(tmp_path, "tell small wins I walked the dog")
    said = run(tmp_path, "open small wins", "give me a win", "that wasn't a win", "yes")

    heard = "did the laundry" if "did the laundry" in said[1] else "walked the dog"
    other = "walked the dog" if heard == "did the laundry" else "did the laundry"
    assert heard in said[2] and "delete" in said[2].lower() and said[2].endswith("?")
    assert saved_win_texts(tmp_path) == [other]

    (count,) = run(tmp_path, "ask small wins how many wins do I have")
    assert "one win" in count and "Every one" not in count


def test_stop_during_a_delete_question_says_nothing_was_deleted(tmp_path: Path) -> None:
    run(tmp_path, "tell small wins I did the laundry")
    said = run(tmp_path, "open small wins", "delete all my wins", "stop", "give me a win")
    assert "your one win" in said[1]
    assert "nothing" in said[2].lower() and "deleted" in said[2].lower()
    assert saved_win_texts(tmp_path) == ["did the laundry"]


def test_a_reminder_time_is_agreed_before_it_is_set(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "open small wins",
        "remind me every morning",  # I can remind you every day at 8 AM ... Is 8 AM good?
        "no",  # What time would you like?
        "half past seven",
    )
    assert "8 AM" in said[1] and said[1].endswith("?")
    assert "time" in said[2].lower()
    assert understood(said[3]) and "7:30" in said[3]


def test_style_synonyms_are_understood(tmp_path: Path) -> None:
    quiet, loud = run(
        tmp_path, "ask small wins no sounds please", "ask small wins celebrate loudly"
    )
    assert quiet.startswith(tuple(WORDS.variants("style.calm")))
    assert loud.startswith(tuple(WORDS.variants("style.cheerful")))


def test_what_is_not_an_answer_is_never_logged_or_planned(tmp_path: Path) -> None:
    said = run(
        tmp_path / "afternoon",
        "open small wins",  # What did you do?
        "hi",
        "can you celebrate quieter",
        "what have I done this week",
        "the dishes",
    )
    assert saved_win_texts(tmp_path / "afternoon") == ["did the dishes"]
    assert "quietly" in said[2]

    morning = run(tmp_path / "morning", "open small wins", "hello", "thanks", at=MORNING)
    assert "one thing" in morning[1].lower() and "one thing today" not in morning[2].lower()


def test_i_need_help_is_met_with_care_and_never_logged(tmp_path: Path) -> None:
    (said,) = run(tmp_path, "tell small wins I need help")
    assert "988" in said and "what can you do" in said
    assert saved_win_texts(tmp_path) == []


def test_wins_are_said_back_right_and_the_critic_is_not_echoed(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "tell small wins I was able to answer three emails",
        "tell small wins I know it's dumb but I opened my mail",
        "tell small wins me and my dad fixed the fence",
        "tell small wins I kinda cleaned the kitchen",
        "tell small wins I did the laundry I did the dishes and I called my mom",
    )
    assert "You were able to answer three emails" in said[0]
    assert "You opened your mail" in said[1] and "dumb" not in said[1]
    assert "You and your dad fixed the fence" in said[2]
    assert "You cleaned the kitchen" in said[3] and "kinda" not in said[3]
    assert "You did the laundry, did the dishes and called your mom" in said[4]
