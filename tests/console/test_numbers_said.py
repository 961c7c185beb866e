"""Numbers said in words stay one phrase in a win, through ``wins chat`` (Chicago, pinned)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import CHICAGO, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def test_numbers_and_quantities_are_kept_whole_in_the_wins_said_back_and_listed(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2026-10-29T06:40",
        CHICAGO,
        "tell small wins I picked two hundred orders and I remembered my badge",
        "tell small wins I did a hundred and fifty squats",
        "tell small wins I studied for two and a half hours and fed the cat",
        "tell small wins I walked twenty five minutes",
        "open small wins",
        "what did I do today",
        "the rest",
    )
    picked, squats, studied, walked, _, first, rest = said
    today = f"{first} {rest}"
    assert "You picked two hundred orders and remembered your badge" in picked, picked
    assert "You did a hundred and fifty squats" in squats, squats
    assert "You studied for two and a half hours and fed the cat" in studied, studied
    assert "You walked twenty five minutes" in walked, walked
    assert "6 wins" in first, first
    for win in (
        "You picked two hundred orders.",
        "You did a hundred and fifty squats.",
        "You studied for two and a half hours.",
    ):
        assert win in today, today
    assert "You picked two." not in today and "Hundred orders" not in today
