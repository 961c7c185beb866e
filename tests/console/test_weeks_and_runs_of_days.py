"""The week as people ask for it, and runs of days, through ``wins chat``: "how was my week"
(the week so far; on its first day before anything is logged, the week just gone), begun with
its shape; "from Wednesday to Saturday", "between the 1st and the 3rd", "the last three days";
words no span names keep the visit open. In Auckland (UTC+13) and across London's clocks going
back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, LONDON, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def a_week_in_auckland(tmp_path: Path) -> None:
    """Monday 30 November to Saturday 5 December 2026, Auckland: one win on Monday, three on
    Wednesday (two at 07:00, Tuesday evening in UTC), one on Saturday."""
    talk(tmp_path, "2026-11-30T08:00", AUCKLAND, "tell small wins I made the bed")
    talk(
        tmp_path, "2026-12-02T07:00", AUCKLAND, "tell small wins I swept", "tell small wins I sang"
    )
    talk(tmp_path, "2026-12-02T21:30", AUCKLAND, "tell small wins I rang mum")
    talk(tmp_path, "2026-12-05T12:00", AUCKLAND, "tell small wins I fed the cat")


def test_my_week_on_a_sunday_evening_is_this_week_begun_with_its_shape(tmp_path: Path) -> None:
    a_week_in_auckland(tmp_path)
    week, summary, days, unknown, three, dated = talk(
        tmp_path,
        "2026-12-06T19:00",
        AUCKLAND,
        "ask small wins how was my week",
        "ask small wins for my weekly summary",
        "ask small wins what did I do from wednesday to saturday",
        "what did I do on my days off",
        "what did I do the last three days",
        "ask small wins what did I do between the 1st and the 3rd",
    )
    assert week == (
        "5 wins this week, most on Wednesday. Yesterday, you fed the cat. On Wednesday, you "
        "rang mum. You sang. You swept. On Monday, you made the bed."
    )
    assert summary == week
    assert days.startswith("From Wednesday to Saturday, you logged 4 wins. Yesterday, you fed")
    # Words no span names: what can be read back, asked, and the visit goes on
    assert unknown in WORDS.variants("recall.unknown")
    assert three.startswith("In the last 3 days, you logged one win. Yesterday, you fed the cat.")
    assert dated.startswith("From Tuesday, December 1 to Thursday, December 3, you logged 3 wins.")


def test_on_monday_before_anything_is_logged_my_week_is_the_week_just_gone(
    tmp_path: Path,
) -> None:
    a_week_in_auckland(tmp_path)
    recap, brief, summary = talk(
        tmp_path,
        "2026-12-07T08:00",
        AUCKLAND,
        "ask small wins what's the weekly recap",
        "ask small wins to be brief",
        "ask small wins give me my weekly summary",
    )
    assert recap.startswith("5 wins last week, most on Wednesday. On Saturday, you fed the cat.")
    assert brief.startswith("Okay.")
    assert summary.startswith("5 wins last week. On Saturday, you fed the cat.")  # shorter


def test_my_week_across_the_clocks_going_back_in_london(tmp_path: Path) -> None:
    # Sunday 25 October 2026: London's clocks go back at 02:00 BST. A win at 01:30 BST and one
    # at 23:30 GMT are both Sunday's; the week is Monday 19 to Sunday 25.
    talk(tmp_path, "2026-10-21T12:00", LONDON, "tell small wins I cooked")
    talk(tmp_path, "2026-10-25T01:30", LONDON, "tell small wins I wrote my essay")
    talk(tmp_path, "2026-10-25T23:30", LONDON, "tell small wins I went for a run")
    last, _, this, two = talk(
        tmp_path,
        "2026-10-26T00:30",
        LONDON,
        "ask small wins how was my week",
        "tell small wins I made coffee",
        "ask small wins how was my week",
        "ask small wins what did I do the last two days",
    )
    assert last == (
        "3 wins last week, most on Sunday. Yesterday, you went for a run. You wrote your essay. "
        "On Wednesday, you cooked."
    )
    assert this == "One win this week. You made coffee."
    assert two.startswith("In the last 2 days, you logged 3 wins. Earlier today, you made coffee.")
