"""Run-ons in a real ``wins chat``: several deeds in one breath are several wins, however they
are strung together, and "undo my last win" after them takes back the last deed alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import WORDS, answers, chat

# slow: each test runs `wins chat`, at the instant and zone its run pins.
pytestmark = pytest.mark.slow

AFTERNOON = ("--at", "2026-11-21T15:30:00+00:00", "--time-zone", "UTC")


def run(tmp_path: Path, *lines: str) -> list[str]:
    said = answers(chat(tmp_path, *lines, options=AFTERNOON))
    assert len(said) == len(lines), said
    return said


def test_deeds_strung_together_every_way_are_each_a_win(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "tell small wins i hoovered the lounge and changed the bed and rang my nan",
        "tell small wins i walked to the corner shop then i made soup then i had a nap",
        "tell small wins got dressed brushed my teeth and fed the fish",
        "tell small wins i replied to my boss and i also booked the optician",
        "tell small wins i'm shattered but i cooked tea and washed up",
        "open small wins",
        "sorted the post and paid the gas bill",  # a bare answer to "What did you do?"
        "no",
    )

    assert "You hoovered the lounge, changed the bed and rang your nan" in said[0]
    assert "You walked to the corner shop, made soup and had a nap" in said[1]
    assert "You got dressed, brushed your teeth and fed the fish" in said[2]
    assert "You replied to your boss and booked the optician" in said[3]
    assert "You cooked tea and washed up" in said[4] and "shattered" not in said[4]
    assert any(line in said[4] for line in WORDS.variants("told.feeling"))
    assert "You sorted the post and paid the gas bill" in said[6]
    for reply, count in [(said[0], 3), (said[1], 3), (said[3], 2), (said[6], 2)]:
        assert WORDS.variants("numbers")[count] in reply.lower(), reply
    assert saved_win_texts(tmp_path) == [
        *("hoovered the lounge", "changed the bed", "rang my nan"),
        *("walked to the corner shop", "made soup", "had a nap"),
        *("got dressed", "brushed my teeth", "fed the fish"),
        *("replied to my boss", "booked the optician"),
        *("cooked tea", "washed up"),
        *("sorted the post", "paid the gas bill"),
    ]


def test_undo_after_a_run_on_takes_back_the_last_deed_alone(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "tell small wins i emptied the bins and i cleaned the oven and i phoned the bank",
        "tell small wins to undo my last win",
        "yes",
    )

    assert "you phoned the bank" in said[1].lower()
    assert saved_win_texts(tmp_path) == ["emptied the bins", "cleaned the oven"]


def test_care_still_comes_first_for_a_run_on(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "tell small wins i tidied my desk and then i took all my pills",
        "tell small wins i shouted at my kid and then i did the dishes",
    )

    assert "988" in said[0]
    assert "dishes" not in said[1]
    assert saved_win_texts(tmp_path) == []
