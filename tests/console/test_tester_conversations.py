"""What a tester who had seen no code said, by family, through ``wins chat`` across simulated
days (``--at``), in zones far from UTC and across a clock change and New Year: "this week" as
the calendar week, counts by day, the order of wins logged in one minute, deleting from a list
just read, rambled and corrected requests, British and Irish answers, and another request said
over a question."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, LONDON, LOS_ANGELES, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def test_this_week_is_since_monday_and_last_week_is_the_calendar_week_in_auckland(
    tmp_path: Path,
) -> None:
    talk(tmp_path, "2026-12-03T18:00", AUCKLAND, "tell small wins I went to the dentist")
    talk(tmp_path, "2026-12-06T23:30", AUCKLAND, "tell small wins I fed the cat")

    # Monday 7 December, early, nothing yet: said kindly, and last week offered.
    early = talk(
        tmp_path,
        "2026-12-07T07:00",
        AUCKLAND,
        "ask small wins how many wins this week",
        "open small wins",
        "no",
        "what did I do this week",
        "go on so",
    )
    _, _, _, this_week, last_week = early
    assert early[0] == "Nothing logged yet this week, since Monday, and that's okay."
    assert this_week == WORDS.variants("recall.none_this_week")[0]
    assert last_week.startswith("Last week, you logged 2 wins. Yesterday, you fed the cat.")
    assert "On Thursday, you went to the dentist." in last_week

    talk(tmp_path, "2026-12-07T09:00", AUCKLAND, "tell small wins I did the laundry")
    week, counted = talk(
        tmp_path,
        "2026-12-07T10:00",
        AUCKLAND,
        "ask small wins what did I do this week",
        "ask small wins how many did I get this week",
    )
    assert week == "This week, since Monday, you logged one win. You did the laundry."
    assert "dentist" not in week and "cat" not in week
    assert counted == "You've logged one win this week, since Monday."


def test_this_week_across_new_year_in_los_angeles_and_a_clock_change_in_london(
    tmp_path: Path,
) -> None:
    talk(tmp_path / "la", "2026-12-31T23:50", LOS_ANGELES, "tell small wins I stayed up late")
    talk(tmp_path / "la", "2027-01-01T10:00", LOS_ANGELES, "tell small wins I made a wish")
    talk(tmp_path / "la", "2027-01-04T08:00", LOS_ANGELES, "tell small wins I went to work")
    counted, last_week = talk(
        tmp_path / "la",
        "2027-01-04T18:00",
        LOS_ANGELES,
        "ask small wins how many wins this week",
        "ask small wins how many wins did I get last week",
    )
    assert counted == "You've logged one win this week, since Monday."
    assert last_week == "Last week, you logged 2 wins."

    # Clocks go back at 02:00 on Sunday 25 October 2026.
    talk(tmp_path / "uk", "2026-10-25T01:30", LONDON, "tell small wins I went for a run")
    talk(tmp_path / "uk", "2026-10-26T00:10", LONDON, "tell small wins I read a book")
    sunday, monday = talk(
        tmp_path / "uk",
        "2026-10-26T09:00",
        LONDON,
        "ask small wins how many wins did I get yesterday",
        "ask small wins what did I do this week",
    )
    assert sunday == "Yesterday, Sunday, you logged one win."
    assert monday == "This week, since Monday, you logged one win. You read a book."


def test_counts_by_day_in_auckland(tmp_path: Path) -> None:
    talk(
        tmp_path,
        "2026-12-03T18:00",
        AUCKLAND,
        "tell small wins I went to the dentist",
        "tell small wins I did the dishes",
    )
    talk(tmp_path, "2026-12-06T23:30", AUCKLAND, "tell small wins I fed the cat")

    said = talk(
        tmp_path,
        "2026-12-07T09:00",
        AUCKLAND,
        "ask small wins how many wins did I get yesterday",
        "ask small wins how many on Tuesday",
        "ask small wins how many did I log on the 3rd",
        "ask small wins how many wins have I got in all",
        "open small wins",
        "no",
        "how many did I get on thursday",
        "grand, thanks",
    )
    yesterday, tuesday, third, total, _, _, thursday, closed = said
    assert yesterday == "Yesterday, Sunday, you logged one win."
    assert tuesday == "Nothing logged on Tuesday, and that's okay."
    assert third == "On Thursday, December 3, you logged 2 wins."  # asked by its date
    assert total.startswith("You've logged 3 wins in all.")
    assert thursday.startswith("On Thursday, you logged 2 wins.")
    assert "?" in thursday  # in a conversation, the next question follows
    assert closed in WORDS.variants("answer.no_win")  # "grand, thanks": that's all


def test_wins_of_one_minute_come_back_last_logged_first_and_undo_names_the_last(
    tmp_path: Path,
) -> None:
    # Each run's clock starts at the minute's first second: the third win, logged last, has
    # an earlier second than the second.
    talk(
        tmp_path,
        "2026-12-07T09:00",
        LOS_ANGELES,
        "tell small wins I did the laundry",
        "tell small wins I made the bed",
    )
    talk(tmp_path, "2026-12-07T09:00", LOS_ANGELES, "tell small wins I fed the cat")

    today, _, undo, undone, after = talk(
        tmp_path,
        "2026-12-07T09:00",
        LOS_ANGELES,
        "ask small wins what did I do today",
        "open small wins",
        "undo",
        "yeah go on",
        "what did I do today",
    )
    assert today == (
        "Today, Monday, you logged 3 wins. You fed the cat. You made the bed. You did the laundry."
    )
    assert "you fed the cat" in undo
    assert "deleted" in undone.lower()
    assert after.startswith(
        "Today, Monday, you logged 2 wins. You made the bed. You did the laundry."
    )


def test_delete_the_second_one_right_after_a_list_in_a_session_the_person_opened(
    tmp_path: Path,
) -> None:
    talk(
        tmp_path,
        "2026-12-07T08:00",
        AUCKLAND,
        "tell small wins I did the laundry",
        "tell small wins I made the bed",
        "tell small wins I fed the cat",
    )
    said = talk(
        tmp_path,
        "2026-12-07T09:00",
        AUCKLAND,
        "open small wins",
        "what did I do today",
        "delete the second one",
        "go on then",
        "ask small wins to delete the second one",
    )
    _, listed, asked, deleted, no_list = said
    assert listed.startswith("Today, Monday, you logged 3 wins. You fed the cat. You made the bed.")
    assert listed.endswith("?")  # the session stays open after the list
    assert asked in {
        text.format(win="you made the bed") for text in WORDS.variants("forget.confirm")
    }
    assert deleted.startswith(WORDS.variants("forget.done")[0])
    # A new one-shot knows no list: it says how to get one.
    assert no_list == WORDS.variants("forget.no_list")[0]
    assert "what did I do today" in no_list


def test_rambled_and_corrected_requests_are_heard_in_los_angeles(tmp_path: Path) -> None:
    talk(tmp_path, "2026-12-03T18:00", LOS_ANGELES, "tell small wins I went to the dentist")
    talk(tmp_path, "2026-12-06T10:00", LOS_ANGELES, "tell small wins I went for a walk")
    said = talk(
        tmp_path,
        "2026-12-07T19:00",
        LOS_ANGELES,
        "open small wins",
        "hang on what did I get done on thursday",
        "what did I do yesterday then",
        "ask small wins what did I do on saturday",
        "what about sunday",
        "ask small wins what I did yesterday",
        "ask small wins so how many wins have I got today",
    )
    _, thursday, yesterday, saturday, sunday, one_shot, today = said
    assert thursday.startswith("On Thursday, you logged one win. You went to the dentist.")
    assert yesterday.startswith("Yesterday, Sunday, you logged one win. You went for a walk.")
    assert saturday.startswith("I don't have any wins logged on Saturday")
    assert sunday.startswith("Yesterday, Sunday, you logged one win. You went for a walk.")
    assert one_shot == "Yesterday, Sunday, you logged one win. You went for a walk."
    assert today.startswith("Nothing logged yet today")


def test_reminders_rambled_corrected_and_asked_about_over_a_question(tmp_path: Path) -> None:
    talk(tmp_path, "2026-12-07T08:00", LONDON, "tell small wins I did the laundry")
    said = talk(
        tmp_path,
        "2026-12-07T18:00",  # after the morning: "7" could be either half of the day
        LONDON,
        "open small wins",
        "wait can you remind me at like quarter past seven",
        "what time is my reminder",
        "in the evening",
        "what time is my reminder",
    )
    _, which, over, permission, not_answered = said
    assert which == "7:15 in the morning, or 7:15 in the evening?"
    assert over.startswith("No reminder is set yet") and over.endswith("in the evening?")
    assert "7:15 PM" in permission
    # Said over Alexa's consent question: not a no, and the time agreed is named.
    assert not_answered.startswith("No reminder is set, as I didn't hear a yes.")
    assert "7:15 PM" in not_answered
    one_thing = talk(
        tmp_path, "2026-12-08T08:00", LONDON, "open small wins", "actually move my reminder to 9"
    )
    assert "9" in one_thing[1] and "one thing" not in one_thing[1].lower()
    moved = talk(
        tmp_path,
        "2026-12-08T18:00",
        LONDON,
        "open small wins",
        "move me reminder to quarter past eight in the evening",
    )
    assert "8:15 PM" in moved[1]
