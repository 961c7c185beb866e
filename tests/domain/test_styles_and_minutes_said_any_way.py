"""Styles picked by name, a minute's goal wanted, and 24-hour times as the stand-in hears them."""

from __future__ import annotations

import pytest

from skill.console.hearing.spoken_time import spoken_time
from skill.console.hearing.words import keys
from skill.domain.settings import Setting, named_setting
from skill.domain.skill_asks import Topic, asked_of_skill


@pytest.mark.parametrize(
    ("said", "setting"),
    [
        ("switch to calm", Setting.CALM),
        ("use the calm style", Setting.CALM),
        ("use calm style", Setting.CALM),
        ("go calm", Setting.CALM),
        ("calm mode", Setting.CALM),
        ("set it to calm", Setting.CALM),
        ("can I have the quiet one", Setting.CALM),
        ("cheerful please", Setting.CHEERFUL),
        ("go back to cheerful please", Setting.CHEERFUL),
        ("switch to decaf", None),
        ("I want quiet", None),
        ("quiet", None),
        ("use the first one", None),
    ],
)
def test_a_style_picked_by_name(said: str, setting: Setting | None) -> None:
    assert named_setting(said) == setting


@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("I want a goal of one minute", Topic.GOAL_START),
        ("one minute challenge", Topic.GOAL_START),
        ("set me a minute", Topic.GOAL_START),
        ("give me a one minute challenge", Topic.GOAL_START),
        ("i want a goal of ten minutes", None),
        ("I set a one minute challenge", None),
        ("i want a challenge", None),
    ],
)
def test_a_minute_wanted(said: str, topic: Topic | None) -> None:
    assert asked_of_skill(said) == topic


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("nineteen hundred", "19:00"),
        ("nineteen hundred hours", "19:00"),
        ("1900 hours", "19:00"),
        ("seven hundred", "07:00"),
        ("seven fifteen", "07:15"),
    ],
)
def test_24_hour_times_heard(said: str, value: str) -> None:
    assert spoken_time(said) == value


def test_a_leading_zero_typed_is_said_oh() -> None:
    assert keys("0715") == ("oh", "715")
    assert keys("0") == ("0",)
    assert keys("2026-11-02") == ("2026", "11", "02")  # a typed date's day, never "oh 2"
