"""Dropping an open goal, on every store: the goal and its words go, the count of goals stays."""

from __future__ import annotations

from datetime import UTC, datetime

from skill.storage.interface import PortableStore
from skill.storage.records import Person

ALEX = Person.of_account("amzn1.ask.account.ALEX")
SAM = Person.of_account("amzn1.ask.account.SAM")
NOW = datetime(2026, 11, 21, 15, 30, tzinfo=UTC)


def test_a_dropped_goal_is_gone_and_the_next_keeps_counting(any_store: PortableStore) -> None:
    any_store.set_goal(ALEX, "clear my desk", NOW)
    any_store.set_goal(SAM, "water the plant", NOW)

    any_store.clear_goal(ALEX)

    assert any_store.load_profile(ALEX).goal is None
    assert any_store.load_profile(SAM).goal == "water the plant"
    assert any_store.set_goal(ALEX, "drink some water", NOW) == 2


def test_dropping_a_goal_nobody_set_changes_nothing(any_store: PortableStore) -> None:
    any_store.clear_goal(ALEX)

    assert any_store.load_profile(ALEX).goal is None
    assert any_store.load_profile(ALEX).win_count == 0
