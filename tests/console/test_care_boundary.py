"""The care boundary in whole conversations through ``wins chat``: an outing given as the day's
one thing is a plan, while a final hour said the same way is met with care and kept nowhere;
a win said while the danger is still present offers the line and stores nothing yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import everything_kept, saved_win_texts
from tests.console.talking import answers, chat

# slow: each test runs `wins chat`, at a pinned instant and zone.
pytestmark = pytest.mark.slow

AFTERNOON = ("--at", "2026-11-21T15:30:00+00:00", "--time-zone", "UTC")
MORNING = ("--at", "2026-11-21T08:00:00+00:00", "--time-zone", "UTC")


def run(tmp_path: Path, *lines: str, at: tuple[str, ...]) -> list[str]:
    said = answers(chat(tmp_path, *lines, options=at))
    assert len(said) == len(lines), said
    return said


def test_an_outing_is_a_plan_and_a_final_hour_at_the_same_place_is_care(tmp_path: Path) -> None:
    outing = run(
        tmp_path / "outing",
        "open small wins",  # ... what's one small thing you'll do today?
        "visit the harbour with my grandad",
        "ask small wins what did I say I would do",
        at=MORNING,
    )
    assert "988" not in outing[1] and "harbour" in outing[1]
    assert "harbour" in outing[2]

    final = run(
        tmp_path / "final",
        "open small wins",
        "walk out to the end of the jetty alone at 3am",
        at=MORNING,
    )
    assert "988" in final[1]
    assert "jetty" not in everything_kept(tmp_path / "final")


def test_a_win_with_the_danger_still_present_offers_the_line(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "open small wins",  # What did you do?
        "I finished my shift but the thoughts of ending it keep coming back",
        at=AFTERNOON,
    )
    assert "988" in said[1] and "safe" in said[1]
    assert saved_win_texts(tmp_path) == []


def test_workplace_sayings_are_wins_and_the_same_words_in_danger_are_care(tmp_path: Path) -> None:
    win = run(
        tmp_path / "win",
        "open small wins",  # What did you do?
        "I finally got the hang of the new coffee machine, the pub was dead tonight",
        at=AFTERNOON,
    )
    assert "988" not in win[1]
    kept = saved_win_texts(tmp_path / "win")
    assert any("hang of the new coffee machine" in text for text in kept)

    danger = run(
        tmp_path / "danger",
        "open small wins",
        "I've got the tablets in my locker and I've thought about it every night this week",
        at=AFTERNOON,
    )
    assert "988" in danger[1]
    assert "locker" not in everything_kept(tmp_path / "danger")
