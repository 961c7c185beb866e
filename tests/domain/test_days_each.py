"""Each deed of a statement on the day said with it, and time words that name no one day
("the other day") filed on an estimate that keeps their vagueness (``when_done.py``)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from skill.domain.day_words import undated
from skill.domain.when_done import DayTold, said_vague, time_words, vague_time, when_told

LONDON = ZoneInfo("Europe/London")
# Thursday 10 December 2026, 9 am in London.
NOW = datetime(2026, 12, 10, 9, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("told", "deeds", "whens"),
    [
        (
            "on monday i cleaned the oven and yesterday i went for a run",
            ["cleaned the oven", "went for a run yesterday"],
            ("on monday", "yesterday"),
        ),
        (  # a time before a deed's "i" dates it and the deeds after it
            "yesterday i did the dishes, hoovered and went for a walk",
            ["did the dishes", "hoovered", "went for a walk"],
            ("yesterday", "yesterday", "yesterday"),
        ),
        (  # today's, said beside another day's, stops it
            "yesterday i did the dishes and today i went for a walk",
            ["did the dishes", "went for a walk today"],
            ("yesterday", None),
        ),
        (  # a day said before a later deed leaves the first one today's
            "i went for a run and yesterday i rang the bank",
            ["went for a run", "rang the bank yesterday"],
            (None, "yesterday"),
        ),
        (  # a day that ends what was said dates the deeds no day dates before it
            "i cleaned the oven and went for a run yesterday",
            ["cleaned the oven", "went for a run yesterday"],
            ("yesterday", "yesterday"),
        ),
        (
            "on saturday i cleaned my room, on sunday i did my laundry and last night i read",
            ["cleaned my room", "did my laundry on sunday", "read last night"],
            ("on saturday", "on sunday", "last night"),
        ),
        (
            "over the weekend i fixed the fence and earlier this week i rang the bank",
            ["fixed the fence", "rang the bank earlier this week"],
            ("over the weekend", "earlier this week"),
        ),
    ],
)
def test_each_deed_keeps_the_time_said_with_it(
    told: str, deeds: list[str], whens: tuple[str | None, ...]
) -> None:
    assert time_words(told, deeds) == whens


def test_a_deed_not_found_in_the_words_keeps_the_whole_statement() -> None:
    told = "yesterday i failed my driving test but i went"
    assert time_words(told, ["took my driving test"]) == (told,)


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("the other day i fixed my bike", date(2026, 12, 8)),
        ("i called my mum a few days ago", date(2026, 12, 7)),
        ("a couple of days ago i hoovered", date(2026, 12, 8)),
        ("i sorted the post earlier this week", date(2026, 12, 8)),
        ("last weekend i painted the fence", date(2026, 12, 5)),
        ("over the weekend i fixed the gate", date(2026, 12, 5)),
        ("i finished the report last week", date(2026, 12, 2)),
    ],
)
def test_time_words_that_name_no_day_are_an_estimate_kept_as_said(words: str, day: date) -> None:
    told = when_told(words, NOW)
    assert isinstance(told, DayTold) and told.at.date() == day and not told.timed
    assert told.vague is not None and told.vague in words
    assert vague_time(words) == told.vague == said_vague(words)
    assert told.vague not in undated(words)  # read back on another day without them


@pytest.mark.parametrize(
    ("words", "at"),
    [
        ("over the weekend i fixed the gate", datetime(2026, 12, 12, 9, tzinfo=LONDON)),  # Sat
        ("earlier this week i rang the bank", datetime(2026, 12, 7, 9, tzinfo=LONDON)),  # Mon
    ],
)
def test_vague_words_that_may_mean_today_leave_the_win_as_told(words: str, at: datetime) -> None:
    assert when_told(words, at) is None


def test_a_day_named_is_no_estimate() -> None:
    assert vague_time("i went for a run yesterday") is None
    assert said_vague("yesterday i rang the bank and the other day i ran") is None
