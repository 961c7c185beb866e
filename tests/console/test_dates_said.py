"""Recall by a date said any way, through ``wins chat`` on pinned days (``--at``) in zones far
from UTC: a weekday before a date ("Friday October 30", "Tuesday November 3rd"), numbers
("10/30", "11/2": month then day, since the skill is en-US, even on a device in London), "the
2nd", "October 30th", "a week ago Sunday", "last Sunday". An answer names the date when it is
more than a week back ("On Friday, October 30, you ..."), and the weekday alone within it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, LONDON, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def log_autumn(tmp_path: Path, zone: str) -> None:
    talk(tmp_path, "2026-10-30T19:00", zone, "tell small wins I carved a pumpkin")
    talk(tmp_path, "2026-11-02T12:00", zone, "tell small wins I posted a card")
    talk(tmp_path, "2026-11-03T19:00", zone, "tell small wins I voted")
    talk(tmp_path, "2026-11-08T12:00", zone, "tell small wins I made soup")


def test_dates_said_any_way_in_london_across_the_clock_change(tmp_path: Path) -> None:
    # London's clocks went back on Sunday 25 October; asked on Tuesday 10 November.
    log_autumn(tmp_path, LONDON)
    said = talk(
        tmp_path,
        "2026-11-10T19:00",
        LONDON,
        "ask small wins what did I do on Friday October 30",
        "ask small wins what did I do on 10/30",
        "ask small wins what did I do October 30th",
        "ask small wins what did I do on Tuesday November 3rd",
        "ask small wins what did I do on 11/2",
        "ask small wins what did I do on the 2nd",
        "ask small wins what did I do a week ago Sunday",
        "ask small wins what did I do last Sunday",
        "ask small wins what did I do on 2/11",
    )
    pumpkin = "On Friday, October 30, you logged one win. You carved a pumpkin."
    assert said[0] == said[1] == said[2] == pumpkin
    assert said[3] == "On Tuesday, November 3, you logged one win. You voted."
    card = "On Monday, November 2, you logged one win. You posted a card."
    assert said[4] == said[5] == card
    # A week ago Sunday is 1 November: more than a week back, so the date is named.
    assert said[6].startswith("I don't have any wins logged on Sunday, November 1,")
    # Last Sunday is within the week: the weekday alone.
    assert said[7] == "On Sunday, you logged one win. You made soup."
    # Month then day, even in London: 2/11 is February 11, not 2 November.
    assert said[8].startswith("I don't have any wins logged on Wednesday, February 11,")


def test_last_friday_and_on_friday_are_the_same_past_friday_in_auckland(tmp_path: Path) -> None:
    talk(tmp_path, "2026-12-04T21:00", AUCKLAND, "tell small wins I finished the quilt")
    last, on, long_ago = talk(
        tmp_path,
        "2026-12-08T08:00",  # Tuesday; the Friday before is the 4th
        AUCKLAND,
        "ask small wins what did I do last Friday",
        "ask small wins what did I do on Friday",
        "ask small wins what did I do a week ago Friday",
    )
    assert last == on == "On Friday, you logged one win. You finished the quilt."
    assert long_ago.startswith("I don't have any wins logged on Friday, November 27,")
