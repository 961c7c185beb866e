"""The morning question ("What's the one thing you'll do today?") at most once a day per
person, across conversations, through ``wins chat`` on pinned days (``--at``) in Auckland:
the day it was asked is kept on the profile, so a second launch that morning, after "I don't
know" or after the recap's "no", greets without it; the next morning asks again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

MORNING = (*WORDS.variants("morning.prompt"), *WORDS.variants("launch.new_morning"))
AFTER_THE_RECAP = WORDS.variants("recap.declined_morning")


def asks_the_morning_question(reply: str) -> bool:
    return reply in MORNING or reply in AFTER_THE_RECAP


def test_asked_once_a_morning_after_i_dont_know_and_again_the_next_day(tmp_path: Path) -> None:
    talk(tmp_path, "2026-12-01T20:00", AUCKLAND, "tell small wins I made tea")
    first, shrug, _ = talk(
        tmp_path, "2026-12-02T07:40", AUCKLAND, "open small wins", "I don't know", "stop"
    )
    assert asks_the_morning_question(first)
    assert not asks_the_morning_question(shrug)

    # Later that morning, nothing logged and no one thing picked: not asked again.
    (again,) = talk(tmp_path, "2026-12-02T09:30", AUCKLAND, "open small wins")
    assert not asks_the_morning_question(again)
    assert again in WORDS.variants("launch.returning")

    # The next morning is a new day: asked once more.
    (tomorrow,) = talk(tmp_path, "2026-12-03T07:05", AUCKLAND, "open small wins")
    assert asks_the_morning_question(tomorrow)


def test_asked_after_the_recaps_no_counts_as_asked_for_the_day(tmp_path: Path) -> None:
    talk(tmp_path, "2026-12-02T20:00", AUCKLAND, "tell small wins I made tea")
    # Monday 7 December: the week's first launch offers the recap before the morning question.
    offer, declined, _ = talk(
        tmp_path, "2026-12-07T08:00", AUCKLAND, "open small wins", "no", "stop"
    )
    assert not asks_the_morning_question(offer)
    assert asks_the_morning_question(declined)

    (later,) = talk(tmp_path, "2026-12-07T10:15", AUCKLAND, "open small wins")
    assert not asks_the_morning_question(later)


def test_a_morning_with_no_launch_before_still_asks(tmp_path: Path) -> None:
    # A one-shot win the evening before, and a one-shot question this morning: neither asked.
    talk(tmp_path, "2026-12-01T20:00", AUCKLAND, "tell small wins I made tea")
    talk(tmp_path, "2026-12-02T07:00", AUCKLAND, "ask small wins how many wins this week")
    (launched,) = talk(tmp_path, "2026-12-02T07:30", AUCKLAND, "open small wins")
    assert asks_the_morning_question(launched)
