"""Spoken dates as Alexa fills AMAZON.DATE, on the device's calendar: relative words from its
today, and Alexa's lean towards the future for a bare weekday, day or month."""

from __future__ import annotations

from datetime import date

import pytest

from skill.console.hearing.model import InteractionModel
from skill.console.hearing.resolver import Resolver
from skill.console.hearing.spoken_date import spoken_date

MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("today", "2026-12-07"),
        ("yesterday", "2026-12-06"),
        ("the day before yesterday", "2026-12-05"),
        ("now", "PRESENT_REF"),
        ("tuesday", "2026-12-08"),  # the coming one, as Alexa sends it
        ("on tuesday", "2026-12-08"),
        ("monday", "2026-12-07"),
        ("last tuesday", "2026-12-01"),
        ("last monday", "2026-11-30"),
        ("this week", "2026-W50"),
        ("last week", "2026-W49"),
        ("next week", "2026-W51"),
        ("this weekend", "2026-W50-WE"),
        ("last weekend", "2026-W49-WE"),
        ("this month", "2026-12"),
        ("last month", "2026-11"),
        ("in november", "2027-11"),  # a bare month: the coming one
        ("december", "2026-12"),
        ("this year", "2026"),
        ("last year", "2025"),
        ("in 2025", "2025"),
        ("the 3rd", "2027-01-03"),
        ("the third", "2027-01-03"),
        ("the twenty first", "2026-12-21"),
        ("november 3rd", "2027-11-03"),
        ("the 3rd of november", "2027-11-03"),
    ],
)
def test_words_become_the_value_alexa_sends(said: str, value: str) -> None:
    assert spoken_date(said, MONDAY) == value


@pytest.mark.parametrize(
    ("said", "value"),
    [
        # A weekday said before a date names that date (the year leans forward, as any).
        ("friday october 30", "2027-10-30"),
        ("on friday october 30th", "2027-10-30"),
        ("tuesday november 3rd", "2027-11-03"),
        ("friday the 30th of october", "2027-10-30"),
        # Numbers are month, then day: the skill's locale is en-US, whatever the zone.
        ("11/2", "2027-11-02"),
        ("on 2/11", "2027-02-11"),
        ("11/2/2026", "2026-11-02"),
        ("10/30/26", "2026-10-30"),
        # "A week ago Sunday": the Sunday before last; weeks before a named day.
        ("a week ago sunday", "2026-11-29"),
        ("a week ago monday", "2026-11-23"),  # said on a Monday: the Monday before last
        ("two weeks ago today", "2026-11-23"),
        ("a week ago yesterday", "2026-11-29"),
    ],
)
def test_dates_said_any_way_become_the_value_alexa_sends(said: str, value: str) -> None:
    assert spoken_date(said, MONDAY) == value


def test_relative_words_cross_new_year() -> None:
    new_year = date(2027, 1, 1)
    assert spoken_date("yesterday", new_year) == "2026-12-31"
    assert spoken_date("last month", new_year) == "2026-12"
    assert spoken_date("last week", new_year) == "2026-W52"
    assert spoken_date("this week", new_year) == "2026-W53"


@pytest.mark.parametrize(
    "said", ["the laundry", "soon", "the 45th", "blue", "week", "1234", "13/2", "a week ago blue"]
)
def test_words_that_are_no_date_fill_no_slot(said: str) -> None:
    assert spoken_date(said, MONDAY) is None


def test_the_resolver_hears_dates_on_the_devices_calendar(model: InteractionModel) -> None:
    resolver = Resolver(model, today=lambda: MONDAY)

    heard = resolver.resolve("ask small wins what did I do yesterday")
    assert heard.intent is not None and heard.intent.name == "RecallIntent"
    assert heard.intent.slot("date").value == "2026-12-06"
    read = resolver.resolve("read me all my wins from last week")
    assert read.intent is not None and read.intent.slot("date").value == "2026-W49"
    plain = resolver.resolve("what did I do")
    assert plain.intent is not None and plain.intent.name == "HearWinIntent"
    counted = resolver.resolve("how many wins have I got today")
    assert counted.intent is not None and counted.intent.name == "CountWinsIntent"
