"""Days and dates said with a win, through ``wins chat`` across simulated days at pinned times:
a win told with its day ("on the 2nd of January", "two days ago", "last Saturday") is filed on
that day and said back with it once; the morning question hears a past deed with its day as a
win of that day; "when did I ..." names the day only for a win filed by a day said; a plan for
tomorrow is never a win or today's one thing; a date no calendar holds keeps the win today.
In Pacific/Auckland across New Year, and America/Los_Angeles across its spring clock change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, LOS_ANGELES, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def test_dates_said_while_logging_are_filed_there_and_said_back_once_in_auckland(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2027-01-04T09:00",  # a Monday, just after New Year
        AUCKLAND,
        "tell small wins on the 2nd of january i went to the dentist",
        "tell small wins yesterday i rang the bank",
        "tell small wins two days ago i paid the water bill",
        "tell small wins last saturday i went for a run",
        "tell small wins the day before yesterday i fixed the tap",
        "tell small wins on the 31st i baked bread",
        "tell small wins on tuesday i called mum",
        "tell small wins i fed the cat",
    )
    dentist, bank, bill, run, tap, bread, mum, cat = said
    assert "On Saturday, you went to the dentist" in dentist, dentist
    assert "Yesterday, you rang the bank" in bank, bank
    assert "On Saturday, you paid the water bill" in bill, bill
    assert "On Saturday, you went for a run" in run, run
    assert "On Saturday, you fixed the tap" in tap, tap
    # Last year's: the date is said in full across New Year.
    assert "On Thursday, December 31, you baked bread" in bread, bread
    assert "On Tuesday, December 29, you called mum" in mum, mum
    assert "You fed the cat" in cat and "today" not in cat.split("fed the cat")[0].lower(), cat
    for reply in said:
        assert reply.lower().count("saturday") <= 1, reply  # the day said once
    saturday, sunday, new_years_eve, today = talk(
        tmp_path,
        "2027-01-05T20:00",  # Tuesday evening, the next day
        AUCKLAND,
        "ask small wins what did I do on Saturday",
        "ask small wins what did I do on Sunday",
        "ask small wins what did I do on the 31st",
        "ask small wins what did I do yesterday",
    )
    for deed in ("went to the dentist", "paid the water bill", "went for a run", "fixed the tap"):
        assert deed in saturday, saturday
    assert "rang the bank" in sunday, sunday
    assert "baked bread" in new_years_eve, new_years_eve
    assert "fed the cat" in today and "dentist" not in today, today  # Monday, said on Monday


def test_when_did_i_names_the_day_for_a_win_filed_by_a_day_and_the_time_for_the_rest(
    tmp_path: Path,
) -> None:
    # Clocks go forward at 02:00 on Sunday 14 March 2027 in Los Angeles.
    talk(
        tmp_path,
        "2027-03-14T08:30",
        LOS_ANGELES,
        "tell small wins yesterday i went to the dentist",
        "tell small wins i walked the dog",
    )
    dentist, dog, did = talk(
        tmp_path,
        "2027-03-15T19:00",  # Monday evening
        LOS_ANGELES,
        "ask small wins when did i log the dentist",
        "ask small wins when did i log the dog",
        "ask small wins when did i go to the dentist",
    )
    assert "12 PM" not in dentist and "noon" not in dentist.lower(), dentist
    assert "Saturday" in dentist and "yesterday" in dentist, dentist  # filed; told
    assert "went to the dentist" in dentist, dentist
    assert "8:30 AM" in dog, dog  # logged as told: the clock time is known
    assert "Saturday" in did and "PM" not in did, did


def test_a_past_deed_with_its_day_said_to_the_morning_question_is_that_days_win(
    tmp_path: Path,
) -> None:
    morning, run, plan = talk(
        tmp_path,
        "2027-01-05T08:00",  # Tuesday morning
        AUCKLAND,
        "open small wins",
        "on saturday i went for a run",
        "call the bank",
    )
    assert "one small thing you'll do today" in morning, morning
    assert "On Saturday, you went for a run" in run, run
    assert "You on saturday" not in run and "two wins" not in run.lower(), run
    assert "one thing" in run, run  # then the one thing is asked for, as after any deed
    assert "call the bank" in plan, plan
    (saturday,) = talk(
        tmp_path, "2027-01-05T09:00", AUCKLAND, "ask small wins what did I do on Saturday"
    )
    assert "went for a run" in saturday, saturday


def test_a_plan_for_tomorrow_is_never_a_win_and_an_impossible_date_loses_nothing(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2027-05-10T18:00",  # Monday 10 May: April had no 31st
        LOS_ANGELES,
        "tell small wins tomorrow i'll clean the car",
        "tell small wins i'll clean the car tomorrow",
        "open small wins",
        "tomorrow i'll clean the car",
        "i washed the car on the 31st",
        "stop",
        "ask small wins how many wins do I have",
    )
    ahead, ahead_too, _, asked, impossible, _, count = said
    for reply in (ahead, ahead_too, asked):
        assert "tell me once it's done" in reply.lower() or "once you've done it" in reply, reply
        assert "one thing" not in reply.lower(), reply
    assert "There's no 31st in April, so I've kept it for today." in impossible, impossible
    assert "You washed the car" in impossible, impossible
    assert "one win" in count.lower() or " 1 " in count, count
