"""Talk that is no deed, said to ``wins chat`` across a simulated week, as people say it: a
remark after a win read back, a goodbye with how the week went, "nowt" for nothing, a win said
to be wrong or on another day or wanted back. Nothing of it is stored; the deeds said around it
are, and a hedge before a deed never stops it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import answers, chat

# slow: each test runs `wins chat` at pinned instants, in London.
pytestmark = pytest.mark.slow


def _day(data_dir: Path, at: str, *lines: str) -> list[str]:
    said = answers(
        chat(data_dir, *lines, options=("--at", at, "--time-zone", "Europe/London", "--seed", "1"))
    )
    assert len(said) == len(lines), said
    return said


def test_a_week_of_remarks_and_talk_about_wins_keeps_only_the_deeds(tmp_path: Path) -> None:
    monday = _day(
        tmp_path,
        "2026-12-14T09:00",
        "open small wins",
        "ok so I cleaned the kitchen",
        "I guess I showered",
        "that last one is wrong",
        "stop",
    )
    assert "You cleaned the kitchen" in monday[1] and "You showered" in monday[2]
    assert "delete my last win" in monday[3]
    tuesday = _day(
        tmp_path,
        "2026-12-15T20:00",
        "open small wins",
        "I went to the pharmacy",
        "actually it wasn't the pharmacy, it was the grocery store",
        "the pharmacy one was actually monday, can you move it",
        "bring back the watered plants win",
        "stop",
    )
    assert "delete the one about pharmacy" in tuesday[2]
    assert "another day" in tuesday[3] and "undo" in tuesday[4]
    saturday = _day(
        tmp_path,
        "2026-12-19T23:15",
        "open small wins",
        "remind me of a win",
        "that's nice. I'd forgotten I did that",
        "I'm off to bed. It's been a better week than I thought",
    )
    assert not any("celebrat" in line or "Look at you" in line for line in saturday[2:]), saturday
    assert saved_win_texts(tmp_path) == ["cleaned the kitchen", "showered", "went to the pharmacy"]


def test_nowt_is_nothing_done_and_the_deeds_before_a_hedge_tail_are_kept(tmp_path: Path) -> None:
    said = _day(
        tmp_path,
        "2026-12-17T14:00",
        "open small wins",
        "I've done nowt today. Sat in the chair",
        "no",
        "tell small wins got up and had a shave, that's about it, nowt much",
    )
    assert "celebrat" not in said[1] and said[1].endswith("?"), said
    assert saved_win_texts(tmp_path) == ["got up", "had a shave"]


@pytest.mark.parametrize(
    ("answer", "plan"),
    [
        (
            "um I don't know. maybe write the test cases for the payment page? or not. yeah that",
            "write the test cases for the payment page",
        ),
        ("maybe ring our Susan, or not, whatever", "ring our susan"),
        ("I'll put the bins out, it's bin day", "put the bins out"),
    ],
)
def test_a_hedged_morning_plan_is_the_one_thing_never_a_win_done(
    tmp_path: Path, answer: str, plan: str
) -> None:
    said = _day(tmp_path, "2026-12-16T08:00", "open small wins", answer, "what's my one thing")
    assert "one thing" in said[1] and plan in said[1].lower(), said
    assert "Look at you" not in said[1] and "win" not in said[1], said
    assert saved_win_texts(tmp_path) == []
