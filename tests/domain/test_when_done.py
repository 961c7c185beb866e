"""The day a win was done, from its words (``skill/domain/when_done.py``): past, explicit,
within the last week, never later than it was told."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from skill.domain.day_words import undated
from skill.domain.when_done import done_at

CHICAGO = ZoneInfo("America/Chicago")
# Monday 7 December 2026, 9 am in Chicago.
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=CHICAGO)


@pytest.mark.parametrize(
    ("words", "when"),
    [
        ("i rang my daughter yesterday evening", "2026-12-06T19:00"),
        ("yesterday i fixed the sink", "2026-12-06T12:00"),
        ("i went for a run yesterday morning", "2026-12-06T09:00"),
        ("i cooked yesterday in the afternoon", "2026-12-06T15:00"),
        ("last night i read a book", "2026-12-06T21:00"),
        ("i called my mum last evening", "2026-12-06T19:00"),
        ("the day before yesterday i cooked", "2026-12-05T12:00"),
        ("on saturday i went to the market", "2026-12-05T12:00"),
        ("i went to the gym on tuesday", "2026-12-01T12:00"),  # six days back: last week's
        ("on sunday morning i swam", "2026-12-06T09:00"),
        ("last friday i paid the rent", "2026-12-04T12:00"),
        ("I RANG MY DAUGHTER YESTERDAY EVENING", "2026-12-06T19:00"),
    ],
)
def test_an_explicit_past_day_is_where_the_win_is_filed(words: str, when: str) -> None:
    assert done_at(words, NOW) == datetime.fromisoformat(when).replace(tzinfo=CHICAGO)


@pytest.mark.parametrize(
    "words",
    [
        "i fed the dog",  # no day said
        "i went to the gym on monday",  # today: filed now
        "this evening i ran",  # later today: never in the future
        "this morning i ran",  # 9 am, said at 9 am: now
        "i paid yesterday's bill",  # a thing of yesterday, done now
        "i booked a table for saturday",  # no "on": a day to come, maybe
        "i did the dishes tonight",
    ],
)
def test_no_past_day_leaves_the_win_at_the_moment_it_is_told(words: str) -> None:
    assert done_at(words, NOW) is None


def test_this_morning_said_in_the_afternoon_is_this_morning() -> None:
    later = NOW.replace(hour=15)
    assert done_at("this morning i walked the dog", later) == NOW


def test_yesterday_across_a_clock_change_and_new_year() -> None:
    dublin = ZoneInfo("Europe/Dublin")  # clocks go back at 02:00 on Sunday 25 October 2026
    said = datetime(2026, 10, 25, 1, 30, tzinfo=dublin)
    when = done_at("i changed all the beds yesterday morning", said)
    assert when == datetime(2026, 10, 24, 9, 0, tzinfo=dublin)
    assert when is not None and when.utcoffset() == said.utcoffset()  # summer time, both
    auckland = ZoneInfo("Pacific/Auckland")
    new_year = datetime(2027, 1, 1, 9, 0, tzinfo=auckland)
    assert done_at("i rang my daughter yesterday evening", new_year) == datetime(
        2026, 12, 31, 19, 0, tzinfo=auckland
    )


@pytest.mark.parametrize(
    ("said", "read_back"),
    [
        ("you rang your daughter yesterday evening", "you rang your daughter"),
        ("you went to the market on saturday", "you went to the market"),
        ("you read a book last night", "you read a book"),
        ("you paid yesterday's bill", "you paid yesterday's bill"),
    ],
)
def test_read_back_on_its_own_day_the_day_is_named_once(said: str, read_back: str) -> None:
    assert undated(said) == read_back
