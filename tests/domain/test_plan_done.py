"""A deed that tells today's one thing done, and a plan said with a reminder for it."""

from __future__ import annotations

import pytest

from skill.domain.matching import does_plan
from skill.domain.plan_reminders import PlanReminder, plan_with_reminder


@pytest.mark.parametrize(
    ("deed", "plan"),
    [
        ("did the laundry", "do the laundry"),
        ("laundry's done", "do the laundry"),
        ("got the washing done", "do the laundry"),
        ("put a wash on", "do the laundry"),
        ("walked the dog", "walk the dog"),
        ("rang my mum", "call my mum"),
        ("drank some water", "drink a glass of water"),
        ("tidied my room", "clean my bedroom"),
        ("did the dishes", "do the washing up"),
        ("hoovered the lounge", "do the hoovering"),
    ],
)
def test_a_deed_told_in_other_words_does_the_plan(deed: str, plan: str) -> None:
    assert does_plan(deed, plan)


@pytest.mark.parametrize(
    ("deed", "plan"),
    [
        ("got the washing up done", "do the laundry"),  # the dishes, not the laundry
        ("washed my hair", "do the laundry"),
        ("fed the dog", "walk the dog"),
        ("cleaned the kitchen", "clean the bathroom"),
        ("made my bed", "do the laundry"),
    ],
)
def test_a_deed_about_something_else_does_not(deed: str, plan: str) -> None:
    assert not does_plan(deed, plan)


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("remind me to do the laundry at 4", PlanReminder("do the laundry", "04:00", None)),
        ("I'll do the laundry, remind me at 4", PlanReminder("do the laundry", "04:00", None)),
        ("i'll do the laundry and remind me at 4pm", PlanReminder("do the laundry", "16:00", "pm")),
        ("remind me at half four to call the bank", PlanReminder("call the bank", "04:30", None)),
        ("remind me to do it at 4", PlanReminder(None, "04:00", None)),
        ("can you remind me to do that at quarter past two", PlanReminder(None, "02:15", None)),
    ],
)
def test_a_plan_and_its_reminder_are_read_apart(said: str, expected: PlanReminder) -> None:
    assert plan_with_reminder(said) == expected


@pytest.mark.parametrize(
    "said", ["I'll do the laundry", "remind me at 7:15", "remind me every day at 8"]
)
def test_no_plan_with_a_reminder(said: str) -> None:
    assert plan_with_reminder(said) is None
