"""A week of talking to the skill the way three blind testers did (a Glasgow mum, a student, a
Sydney sparky): commands about features, requests about wins, questions about the day or the
app, and answers that are not a plain yes or no. None of it is kept as a win; each gets what it
asks for, or how to ask. Pinned time and zone through `wins chat`."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import WORDS, answers, chat, talk

pytestmark = pytest.mark.slow  # each run is `wins chat`

LONDON: Final = "Europe/London"
SYDNEY: Final = "Australia/Sydney"


def _one_of(key: str, said: str, **fields: str) -> bool:
    return any(said.startswith(text.format(**fields)) for text in WORDS.variants(key))


def test_a_mums_day_of_commands_and_questions_keeps_only_what_she_did(tmp_path: Path) -> None:
    # Tuesday 15 December 2026, 7:40 AM in Glasgow.
    said = talk(
        tmp_path,
        "2026-12-15T07:40",
        LONDON,
        "open small wins",
        "phone the health visitor",
        "did I do my one thing",
        "I did the wee ones bottles",
        "delete did the wee ones bottles",
        "yes",
        "was it a good day",
        "are you a real person",
        "what does go gently mean",
        "stop",
    )
    assert said[2] == WORDS.text("one_thing.read_not_yet", thing="phone the health visitor")
    assert said[4].endswith("you did the wee ones bottles?"), said[4]
    assert "today" in said[6] and "good day" not in said[6].lower(), said[6]  # a count
    assert _one_of("asks.person", said[7])
    assert _one_of("asks.saying_means", said[8])
    assert saved_win_texts(tmp_path) == []


def test_a_sparkys_commands_are_answered_and_never_celebrated(tmp_path: Path) -> None:
    # Monday 14 December 2026, 12:20 PM in Sydney.
    said = talk(
        tmp_path,
        "2026-12-14T12:20",
        SYDNEY,
        "open small wins",
        "I finished the switchboard at the Parramatta job",
        "hang on, I didn't finish the switchboard, that was what I was gonna do",
        "yes",
        "set my one thing",
        "ring the client back",
        "cancel my one thing, that's not a thing",
        "set a timer for ten minutes for smoko",
        "change or delete a win",
        "what's the point of this thing",
        "I set up the printer",
        "stop",
    )
    assert said[2].endswith("finished the switchboard at the parramatta job?"), said[2]
    assert said[4] in WORDS.variants("asks.morning")
    assert _one_of("asks.one_thing_clear", said[6])
    assert _one_of("asks.timer_other", said[7])
    assert _one_of("asks.win_edit_how", said[8])
    assert "Are you safe" not in said[9] and "notic" in said[9], said[9]
    assert saved_win_texts(tmp_path) == ["set up the printer"]


def test_naw_with_a_reason_is_a_no_and_aye_go_on_then_a_yes(tmp_path: Path) -> None:
    # Thursday 17 December 2026, 3:30 PM in Glasgow: a one-minute goal, the minute short.
    said = answers(
        chat(
            tmp_path,
            "open small wins",
            "set a one minute goal to empty the dishwasher",
            "yes",
            ":wait",
            "naw, the wee one woke up",
            "aye go on then",
            "stop",
            options=("--at", "2026-12-17T15:30", "--time-zone", LONDON, "--minute-seconds", "0.2"),
        )
    )
    text = "\n".join(said)
    assert "Did you empty the dishwasher?" in text
    assert any(v.split(".")[0] in text for v in WORDS.variants("goal.not_yet"))
    assert "Starting now." in text.split("Want another minute?")[-1]  # "aye go on then": another
    assert saved_win_texts(tmp_path) == []
