"""What a blind tester found asking for wins back, through ``wins chat`` across simulated days
(``--at``), in zones far from UTC and across a clock change and New Year: recall and counts
said the ways people say them (dates with a year, a weekday before a date, holidays, a named
month), the day a reply names never clashes with the day in a win's words, the morning
question is not asked again once the day is under way, and the style is reached in plain
words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, LONDON, SYDNEY, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def test_recall_and_counts_said_many_ways_across_the_sydney_clock_change(tmp_path: Path) -> None:
    # Thursday 2 April 2026; the clocks go back in Sydney on Sunday 5 April.
    talk(tmp_path, "2026-04-02T19:00", SYDNEY, "tell small wins I ate three meals today")
    talk(tmp_path, "2026-04-08T19:00", SYDNEY, "tell small wins I went for a walk")
    talk(tmp_path, "2026-04-09T08:00", SYDNEY, "tell small wins I read a book")
    said = talk(
        tmp_path,
        "2026-04-09T18:11",  # Thursday 9 April
        SYDNEY,
        "open small wins",
        "no",
        "how many this year",
        "How many wins did I log on April 2, 2026",
        "List my wins from yesterday",
        "exact count of my wins for today",
        "read me today's",
        "What did I do on Thursday the 2nd of April",
        "How many wins did I log in March",
        "what did I do on thursday",
    )
    _, _, year, dated, yesterday, exact, todays, second, march, thursday = said
    assert year.startswith("This year, you logged 3 wins.")
    assert dated.startswith("On Thursday, April 2, you logged one win.")
    assert yesterday.startswith("Yesterday, Wednesday, you logged one win. You went for a walk.")
    assert exact.startswith("You've logged one win today.")
    assert todays.startswith("Today, Thursday, you logged one win. You read a book.")
    # The win's own "today" is left out when it is read back on another day.
    assert second.startswith("On Thursday, April 2, you logged one win. You ate three meals.")
    assert "last month" not in march and "in March" in march
    assert thursday.startswith("Today, Thursday, you logged one win.")


def test_holidays_are_dates_across_new_year_in_auckland(tmp_path: Path) -> None:
    talk(tmp_path, "2025-12-31T21:00", AUCKLAND, "tell small wins I watched the fireworks")
    talk(tmp_path, "2025-12-26T10:00", AUCKLAND, "tell small wins I went for a swim")
    eve, boxing = talk(
        tmp_path,
        "2026-01-01T09:30",
        AUCKLAND,
        "ask small wins how many wins did I get on New Year's Eve",
        "ask small wins what did I do on boxing day",
    )
    assert "1 win" in eve or "one win" in eve, eve
    assert "you went for a swim" in boxing.lower(), boxing


def test_a_win_heard_a_week_later_does_not_say_today_twice(tmp_path: Path) -> None:
    talk(tmp_path, "2026-04-02T19:00", SYDNEY, "tell small wins I ate three meals today")
    (heard,) = talk(tmp_path, "2026-04-09T18:01", SYDNEY, "ask small wins for a win")
    assert "you ate three meals" in heard and "meals today" not in heard


def test_the_morning_question_is_not_asked_again_once_a_win_is_logged_and_style_is_reached(
    tmp_path: Path,
) -> None:
    # London, the week after the clocks went back.
    first = talk(tmp_path, "2026-11-03T10:00", LONDON, "open small wins", "made tea")
    assert first[0].endswith(WORDS.variants("launch.new_morning")[0].split(". ")[-1]) or (
        "one thing" in first[0] or "one small thing" in first[0]
    )
    again, asked, calm = talk(
        tmp_path,
        "2026-11-03T10:05",
        LONDON,
        "open small wins",
        "change my style",
        "keep it calm",
    )
    # The launch may ask for "one thing you did", never again for the one thing to do today.
    assert "you'll do" not in again and "one thing today" not in again, again
    assert asked.endswith("?") and "calm" in asked
    assert calm.startswith("Okay. From now on I'll celebrate quietly")
