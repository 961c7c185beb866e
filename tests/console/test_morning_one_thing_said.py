"""The morning's one thing said as people say it, through ``wins chat`` in Auckland (UTC+13 in
December) at 08:30: a plan told to "What's one small thing you'll do today?" in any of its
everyday forms becomes today's one thing and is never logged as a win, for a newcomer and for
someone back the next morning; a deed in the past stays a win; and the one thing changed with
its new words in the same breath takes them, screened first."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import AUCKLAND, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

NIGHT_BEFORE = "2026-12-07T21:00"
MORNING = "2026-12-08T08:30"
AFTERNOON = "2026-12-08T16:00"


def set_as(reply: str, thing: str, key: str = "one_thing.set") -> bool:
    return reply.startswith(tuple(text.format(thing=thing) for text in WORDS.variants(key)))


@pytest.mark.parametrize(
    ("answer", "thing"),
    [
        ("I'll get the switchboard done", "get the switchboard done"),
        ("gonna get the switchboard done", "get the switchboard done"),
        ("get the switchboard done", "get the switchboard done"),
        ("the switchboard, hopefully", "the switchboard"),
        ("try and get the switchboard done", "get the switchboard done"),
        ("probably the switchboard", "the switchboard"),
        ("need to get the switchboard done", "get the switchboard done"),
        ("I should tidy the hall", "tidy the hall"),
        ("want to tidy the hall", "tidy the hall"),
        ("maybe tidy the hall", "tidy the hall"),
        ("tidy the hall today", "tidy the hall"),
        ("the switchboard", "the switchboard"),
        ("I'm gonna try and sort the hall out", "sort the hall out"),
    ],
)
def test_a_newcomers_plan_is_the_one_thing_and_never_a_win(
    tmp_path: Path, answer: str, thing: str
) -> None:
    asked, said = talk(tmp_path, MORNING, AUCKLAND, "open small wins", answer)
    assert asked.endswith("What's one small thing you'll do today?"), asked
    assert set_as(said, thing), said
    assert saved_win_texts(tmp_path) == []
    (read,) = talk(tmp_path, MORNING, AUCKLAND, "tell small wins what's my one thing")
    assert thing in read, read


@pytest.mark.parametrize(
    ("answer", "thing"),
    [
        ("get the switchboard done", "get the switchboard done"),
        ("the switchboard hopefully", "the switchboard"),
        ("probably tidy the hall", "tidy the hall"),
        ("I need to tidy the hall", "tidy the hall"),
    ],
)
def test_a_returning_persons_plan_is_the_one_thing_and_told_done_later(
    tmp_path: Path, answer: str, thing: str
) -> None:
    talk(tmp_path, NIGHT_BEFORE, AUCKLAND, "tell small wins I made my bed")
    _, said = talk(tmp_path, MORNING, AUCKLAND, "open small wins", answer)
    assert set_as(said, thing), said
    assert saved_win_texts(tmp_path) == ["made my bed"]
    (done,) = talk(tmp_path, AFTERNOON, AUCKLAND, "tell small wins I got the switchboard done")
    if "switchboard" in thing:  # the deed tells the plan done: the one thing, celebrated once
        assert f"your one thing: {thing}" in done, done
        assert saved_win_texts(tmp_path) == ["made my bed", thing]


def test_a_deed_in_the_past_stays_a_win_and_the_question_is_asked_once(tmp_path: Path) -> None:
    _, said, plan = talk(
        tmp_path, MORNING, AUCKLAND, "open small wins", "I already did the dishes", "the hall"
    )
    assert "You did the dishes" in said and said.endswith("?"), said
    assert "the hall" in plan, plan
    assert saved_win_texts(tmp_path) == ["did the dishes"]


def test_a_crisis_told_to_the_morning_question_is_met_with_care_and_nothing_kept(
    tmp_path: Path,
) -> None:
    _, said = talk(tmp_path, MORNING, AUCKLAND, "open small wins", "gonna end it all tonight")
    assert "Are you safe" in said or "988" in said, said
    assert saved_win_texts(tmp_path) == []
    (read,) = talk(tmp_path, MORNING, AUCKLAND, "tell small wins what's my one thing")
    assert "end it" not in read, read


def test_a_harm_told_to_the_morning_question_is_no_plan(tmp_path: Path) -> None:
    _, said = talk(tmp_path, MORNING, AUCKLAND, "open small wins", "gonna punch my brother")
    assert "punch" not in said, said
    assert saved_win_texts(tmp_path) == []


@pytest.mark.parametrize(
    "change",
    [
        "change my one thing to tidy the hall",
        "make my one thing tidy the hall",
        "actually my one thing is tidy the hall",
        "swap my one thing for tidy the hall",
        "my one thing is tidy the hall now",
        "set my one thing to tidy the hall",
    ],
)
def test_changing_the_one_thing_in_one_breath_takes_the_new_words(
    tmp_path: Path, change: str
) -> None:
    _, first, changed = talk(
        tmp_path, MORNING, AUCKLAND, "open small wins", "I'll call the bank", change
    )
    assert set_as(first, "call the bank"), first
    assert set_as(changed, "tidy the hall", "one_thing.changed"), changed
    (read,) = talk(tmp_path, MORNING, AUCKLAND, "tell small wins what's my one thing")
    assert "tidy the hall" in read and "bank" not in read, read
    assert saved_win_texts(tmp_path) == []


def test_changing_it_as_the_morning_question_is_asked_takes_the_new_words(tmp_path: Path) -> None:
    _, changed = talk(
        tmp_path, MORNING, AUCKLAND, "open small wins", "change my one thing to tidy the hall"
    )
    assert set_as(changed, "tidy the hall", "one_thing.changed"), changed
    assert saved_win_texts(tmp_path) == []


def test_changing_it_without_words_asks_for_them(tmp_path: Path) -> None:
    _, _, asked, changed = talk(
        tmp_path,
        MORNING,
        AUCKLAND,
        "open small wins",
        "I'll call the bank",
        "change my one thing",
        "tidy the hall",
    )
    assert asked.endswith("?"), asked
    assert "tidy the hall" in changed, changed


def test_a_crisis_said_as_the_new_one_thing_gets_care_and_keeps_the_old(tmp_path: Path) -> None:
    _, _, said = talk(
        tmp_path,
        MORNING,
        AUCKLAND,
        "open small wins",
        "I'll call the bank",
        "change my one thing to ending it all",
    )
    assert "988" in said, said
    (read,) = talk(tmp_path, MORNING, AUCKLAND, "tell small wins what's my one thing")
    assert "call the bank" in read, read
    assert saved_win_texts(tmp_path) == []
