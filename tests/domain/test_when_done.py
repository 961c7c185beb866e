"""The day a win was done, from its words (``skill/domain/when_done.py``): past, explicit,
within the last week, never later than it was told."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from skill.domain.day_words import undated
from skill.domain.when_done import DayTold, NoSuchDay, ahead, done_at, time_words, when_told

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
        # a day that belongs to a plan made, not to the deed that made it
        "i booked the plumber for saturday",
        "i made an appointment for the 3rd of december",
        "i booked a table for on saturday evening",
        "i moved the dentist to the 2nd of december",
        "i ordered the paint for last saturday's job",
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


AUCKLAND = ZoneInfo("Pacific/Auckland")
# Monday 4 January 2027, 9 am in Auckland: New Year's Day was Friday.
AFTER_NEW_YEAR = datetime(2027, 1, 4, 9, 0, tzinfo=AUCKLAND)


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("on the 2nd of january i went to the dentist", "2027-01-02"),
        ("i went to the dentist on january 2nd", "2027-01-02"),
        ("on january the second i went to the dentist", "2027-01-02"),
        ("on the 3rd i cleaned the oven", "2027-01-03"),
        ("i cleaned the oven on the 3rd", "2027-01-03"),
        ("on the 31st i baked bread", "2026-12-31"),  # this month's is to come: last month's
        ("on the twenty second i baked bread", "2026-12-22"),
        ("on the 5th of january i ran", "2026-01-05"),  # this year's is to come: last year's
        ("last saturday i went for a run", "2027-01-02"),
        ("saturday i went for a run", "2027-01-02"),
        ("two days ago i paid the bill", "2027-01-02"),
        ("3 days ago i paid the bill", "2027-01-01"),
        ("a week ago i paid the bill", "2026-12-28"),
        ("last monday i swam", "2026-12-28"),  # said on a Monday: a week ago
    ],
)
def test_dates_and_days_back_are_filed_on_their_day_at_noon_untimed(words: str, day: str) -> None:
    told = when_told(words, AFTER_NEW_YEAR)
    assert isinstance(told, DayTold), told
    assert told.at == datetime.fromisoformat(f"{day}T12:00").replace(tzinfo=AUCKLAND)
    assert told.timed is False


def test_a_part_of_the_day_said_is_timed() -> None:
    told = when_told("last night i read a book", AFTER_NEW_YEAR)
    assert isinstance(told, DayTold) and told.timed
    assert told.at == datetime(2027, 1, 3, 21, 0, tzinfo=AUCKLAND)


@pytest.mark.parametrize(
    "words",
    [
        "i cleaned the office on the 2nd floor",  # a floor, not a day
        "i booked a table for saturday",
        "i booked the dentist for tomorrow",  # done now, for a day to come
        "i ran the first mile",
    ],
)
def test_words_that_only_look_like_a_day_leave_the_win_now(words: str) -> None:
    assert when_told(words, AFTER_NEW_YEAR) is None


def test_a_date_the_calendar_does_not_hold_where_it_falls_is_no_such_day() -> None:
    may = datetime(2027, 5, 10, 9, 0, tzinfo=AUCKLAND)  # the 31st is to come; April had 30
    assert when_told("on the 31st i baked bread", may) == NoSuchDay(4, 31)
    assert when_told("on the 30th of february i baked bread", may) == NoSuchDay(2, 30)
    assert done_at("on the 31st i baked bread", may) is None


@pytest.mark.parametrize(
    ("words", "planned"),
    [
        ("tomorrow i'll clean the car", True),
        ("i will clean the car tomorrow", True),
        ("i'm going to ring the bank next tuesday", True),
        ("i booked the dentist for tomorrow", False),  # a deed done now
        ("i'll clean the car", False),  # today's
        ("i cleaned the car yesterday", False),
    ],
)
def test_a_plan_for_a_day_to_come_is_ahead(words: str, planned: bool) -> None:
    assert ahead(words) is planned
    assert ahead("clean the car tomorrow", planned=True)


@pytest.mark.parametrize(
    ("told", "deeds"),
    [
        (
            "i rang the plumber and booked him for friday, and i also did the crossword",
            ["rang the plumber and booked him for friday", "did the crossword"],
        ),
        (
            "i made an appointment for tuesday and hoovered the stairs",
            ["made an appointment for tuesday", "hoovered the stairs"],
        ),
        (
            "i booked the vet for saturday morning then i walked the dog",
            ["booked the vet for saturday morning", "walked the dog"],
        ),
    ],
)
def test_a_day_for_a_plan_made_dates_no_deed_said_with_it(told: str, deeds: list[str]) -> None:
    assert time_words(told, deeds) == (None,) * len(deeds)
