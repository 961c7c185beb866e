"""A day already under way, through ``wins chat``: a shrug said after wins were logged that day
is met with their count, never offered "you got through the day", and the morning question
follows a weekly recap however its "Want the rest?" is answered."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import CHICAGO, WORDS, talk_ends

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

EARLIER = "2026-12-04T10:31"
EVENING = "2026-12-04T17:31"
NEXT_EVENING = "2026-12-05T17:31"


def _enough(count: str) -> set[str]:
    return {text.format(wins=count) for text in WORDS.variants("not_a_win.enough")}


def _log_two(tmp_path: Path) -> None:
    talk_ends(tmp_path, EARLIER, CHICAGO, "tell small wins I did the laundry")
    talk_ends(tmp_path, EARLIER, CHICAGO, "tell small wins I walked the dog")


def _counted(said: str, count: str) -> bool:
    """The day's count, then (in a conversation the person opened) one win offered back."""
    offers = WORDS.variants("not_a_win.enough_then")
    return any(said == f"{enough} {offer}" for enough in _enough(count) for offer in offers)


@pytest.mark.parametrize("shrug", ["meh", "dunno", "not much", "i dunno really", "not a lot"])
def test_a_shrug_after_wins_today_is_told_the_count_and_offered_one_back(
    tmp_path: Path, shrug: str
) -> None:
    _log_two(tmp_path)
    (_, _), (said, ended) = talk_ends(tmp_path, EVENING, CHICAGO, "open small wins", shrug)
    assert _counted(said, "2 wins"), said
    assert "got through the day" not in said
    assert not ended  # the conversation they opened is not closed mid-thought
    assert sorted(saved_win_texts(tmp_path)) == ["did the laundry", "walked the dog"]


@pytest.mark.parametrize("closing", ["nothing", "that's it", "no"])
def test_a_closing_after_wins_today_is_told_the_count_and_asked_nothing(
    tmp_path: Path, closing: str
) -> None:
    _log_two(tmp_path)
    (_, _), (said, ended) = talk_ends(tmp_path, EVENING, CHICAGO, "open small wins", closing)
    assert said in _enough("2 wins"), said
    assert not said.endswith("?")
    assert ended
    assert sorted(saved_win_texts(tmp_path)) == ["did the laundry", "walked the dog"]


def test_one_win_today_is_said_as_one(tmp_path: Path) -> None:
    talk_ends(tmp_path, EARLIER, CHICAGO, "tell small wins I did the laundry")
    (_, _), (said, _) = talk_ends(tmp_path, EVENING, CHICAGO, "open small wins", "meh")
    assert _counted(said, "one win"), said


def test_a_shrug_on_a_day_with_no_wins_yet_is_still_offered_the_day(tmp_path: Path) -> None:
    _log_two(tmp_path)
    (_, _), (said, ended) = talk_ends(tmp_path, NEXT_EVENING, CHICAGO, "open small wins", "meh")
    assert said not in _enough("2 wins")
    assert "got through the day" in said
    assert not ended


LAST_WEEK = "2026-12-02T10:31"  # a Wednesday
MONDAY_MORNING = "2026-12-07T09:02"
MONDAY_AFTERNOON = "2026-12-07T15:02"
DEEDS = ("did the laundry", "walked the dog", "fed the cat", "called mum", "made my bed", "ate")


def _last_week(tmp_path: Path) -> None:
    for deed in DEEDS:  # more than a recap reads at once: "Want the rest?" is asked
        talk_ends(tmp_path, LAST_WEEK, CHICAGO, f"tell small wins I {deed}")


@pytest.mark.parametrize("no", ["no", "no thanks", "nope"])
def test_no_to_the_rest_of_a_morning_recap_moves_on_to_the_one_thing(
    tmp_path: Path, no: str
) -> None:
    _last_week(tmp_path)
    said = talk_ends(
        tmp_path,
        MONDAY_MORNING,
        CHICAGO,
        "open small wins",
        "yes",
        no,
        "I'll water the plants",
    )
    asked_rest = {text.format(count=1).split(". ")[-1] for text in WORDS.variants("recall.more")}
    assert said[1][0].endswith(tuple(asked_rest)), said[1]
    assert said[2][0] in WORDS.variants("recall.stopped_morning"), said[2]
    assert not said[2][1]
    # the one thing set, and (in a conversation the person opened) asked what's done already
    assert said[3][0] in {
        f"{text.format(thing='water the plants')} {then}"
        for text in WORDS.variants("one_thing.set")
        for then in WORDS.variants("one_thing.then")
    }, said[3]
    # asked once today: a launch later that morning does not ask it again
    again = talk_ends(tmp_path, "2026-12-07T09:40", CHICAGO, "open small wins", "stop")
    assert again[0][0] not in WORDS.variants("morning.prompt")
    assert "you'll do today" not in again[0][0]


def test_no_to_the_rest_of_an_afternoon_recap_still_ends_kindly(tmp_path: Path) -> None:
    _last_week(tmp_path)
    said = talk_ends(tmp_path, MONDAY_AFTERNOON, CHICAGO, "open small wins", "yes", "no")
    assert said[2] == (WORDS.variants("recall.stopped")[0], True)
