"""The morning's one thing through ``wins chat``: told done in other words later that day, it
is celebrated as the one thing, once; said with a reminder, the plan is kept and the reminder
set; a shrug after wins today is told their count."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import LONDON, WORDS, talk, talk_ends

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

MORNING = "2026-12-10T09:00"
AFTERNOON = "2026-12-10T15:00"
NEXT_DAY = "2026-12-11T15:00"


def _plan_the_laundry(tmp_path: Path) -> None:
    talk(tmp_path, MORNING, LONDON, "open small wins", "I'll do the laundry")


@pytest.mark.parametrize(
    "told",
    ["tell small wins I did the laundry", "tell small wins laundry's done",
     "tell small wins I got the washing done"],
)  # fmt: skip
def test_the_one_thing_told_done_in_other_words_is_the_one_thing(tmp_path: Path, told: str) -> None:
    _plan_the_laundry(tmp_path)
    first, again = talk(tmp_path, AFTERNOON, LONDON, told, told)
    assert "your one thing: do the laundry" in first, first
    assert again == WORDS.text("one_thing.already", thing="do the laundry")
    assert saved_win_texts(tmp_path) == ["do the laundry"]


def test_the_same_deed_another_day_is_a_win_of_its_own(tmp_path: Path) -> None:
    _plan_the_laundry(tmp_path)
    (said,) = talk(tmp_path, NEXT_DAY, LONDON, "tell small wins I did the laundry")
    assert "one thing" not in said
    assert saved_win_texts(tmp_path) == ["did the laundry"]


def test_another_deed_is_a_win_of_its_own(tmp_path: Path) -> None:
    _plan_the_laundry(tmp_path)
    (said,) = talk(tmp_path, AFTERNOON, LONDON, "tell small wins I did the washing up")
    assert "one thing" not in said
    assert saved_win_texts(tmp_path) == ["did the washing up"]


@pytest.mark.parametrize(
    "answer",
    ["remind me to do the laundry at 4", "I'll do the laundry, remind me at 4",
     "I'll do the laundry and remind me at 4pm"],
)  # fmt: skip
def test_a_plan_with_a_reminder_keeps_the_plan(tmp_path: Path, answer: str) -> None:
    _, said = talk(tmp_path, MORNING, LONDON, "open small wins", answer)
    expected = WORDS.variants("one_thing.remind_unset")[0]
    assert said == expected.format(thing="do the laundry", time="4 PM"), said
    (read,) = talk(tmp_path, MORNING, LONDON, "tell small wins what's my one thing")
    assert "do the laundry" in read


def test_a_reminder_for_it_asks_for_the_plan_first(tmp_path: Path) -> None:
    lines = ("open small wins", "remind me to do it at 4", "I'll do the laundry")
    _, asked, said = talk(tmp_path, MORNING, LONDON, *lines)
    assert asked == WORDS.variants("one_thing.ask_reminded")[0].format(time="4 PM")
    assert "do the laundry" in said and "4 PM" in said


def test_a_plan_with_a_reminder_is_set_with_permission(tmp_path: Path) -> None:
    said = talk(
        tmp_path, MORNING, LONDON,
        "open small wins", "remind me every morning at 8", "allow",
        "I'll do the laundry, remind me at 4",
        one_answer_each=False,
    )  # fmt: skip
    expected = WORDS.variants("one_thing.set_reminded")[0]
    assert expected.format(thing="do the laundry", time="4 PM") in said, said


@pytest.mark.parametrize("shrug", ["nothing much", "nothing really", "meh", "dunno", "not much"])
def test_a_shrug_after_a_win_this_conversation_is_told_the_count(
    tmp_path: Path, shrug: str
) -> None:
    talk(tmp_path, AFTERNOON, LONDON, "tell small wins I made my bed")
    (_, _), (said, ended) = talk_ends(tmp_path, AFTERNOON, LONDON, "open small wins", shrug)
    enough = {text.format(wins="one win") for text in WORDS.variants("not_a_win.enough")}
    # the count, then (the person opened the conversation) one of their wins offered back
    then = WORDS.variants("not_a_win.enough_then")[0]
    assert any(said == f"{text} {then}" for text in enough), said
    assert not ended
    assert saved_win_texts(tmp_path) == ["made my bed"]
