"""A date asked for is that calendar day, named as asked, through ``wins chat`` (Chicago,
pinned, with wins either side of the 1 November clock change): "nov 2", "the 2nd", "11/2",
"2026-11-02", "the 2nd of november"; a date with none is said kindly, never another day."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import CHICAGO, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

NOV_2 = "On Monday, November 2, you logged one win. You fed the dog."


def test_dates_in_every_shape_read_that_day_and_name_it(tmp_path: Path) -> None:
    talk(tmp_path, "2026-10-31T23:30", CHICAGO, "tell small wins I went to the party")
    talk(tmp_path, "2026-11-02T00:30", CHICAGO, "tell small wins I fed the dog")  # after the change
    talk(tmp_path, "2026-12-02T08:00", CHICAGO, "tell small wins I paid the rent")
    said = talk(
        tmp_path,
        "2026-12-07T17:00",  # a Monday
        CHICAGO,
        "ask small wins what did I do on nov 2",
        "ask small wins what did I do on november 2nd",
        "ask small wins what did I do on the 2nd of november",
        "ask small wins what did I do on 2026-11-02",
        "ask small wins what did I do on 11/2",
        "ask small wins what did I do on the 2nd",
        "ask small wins what did I do on Wednesday",
        "ask small wins what did I do on the 3rd",
        "ask small wins what did I do on the weekend of doom",
    )
    *november, second, wednesday, third, unknown = said
    assert november == [NOV_2] * 5, november
    assert second == "On Wednesday, December 2, you logged one win. You paid the rent.", second
    assert wednesday == "On Wednesday, you logged one win. You paid the rent.", wednesday
    none = {t.format(span="on Thursday, December 3") for t in WORDS.variants("recall.none")}
    assert third in none, third
    assert unknown in set(WORDS.variants("recall.unknown")), unknown  # never last night's
