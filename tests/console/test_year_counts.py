"""After New Year, "how many this year" with none yet says so kindly and gives last year's
count, through ``wins chat`` in Auckland (far from UTC: still 2026 there for UTC)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def test_a_new_year_with_none_yet_gives_last_years_count(tmp_path: Path) -> None:
    talk(
        tmp_path,
        "2026-12-31T23:50",
        AUCKLAND,
        "tell small wins I watered Margaret's roses",
        "tell small wins I stayed up to see the fireworks",
    )
    said = talk(
        tmp_path,
        "2027-01-01T00:15",  # 11:15 on New Year's Eve in UTC
        AUCKLAND,
        "ask small wins how many wins have I got this year",
        "ask small wins how many wins have I recorded this year",
        "ask small wins how many wins did I get last year",
        "tell small wins I made a cup of tea",
        "ask small wins how many this year",
    )
    got, recorded, last_year, _, after = said
    kind = "Nothing logged yet this year, and that's okay. Last year, you logged 2 wins."
    assert got == kind, got
    assert recorded == kind, recorded
    assert last_year == "Last year, you logged 2 wins.", last_year
    assert after == "This year, you logged one win.", after
