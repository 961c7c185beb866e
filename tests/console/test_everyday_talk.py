"""Everyday talk through ``wins chat``: hesitations, British goodbyes and thanks, and things
named without "I", as people say them to a speaker. One scripted run of the real console each.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import answers, chat
from tests.console.test_conversations import run, understood

# slow: each test runs `wins chat`, at the pinned afternoon instant (`run`).
pytestmark = pytest.mark.slow


def test_hesitations_are_not_heard_and_never_played_down(tmp_path: Path) -> None:
    said = run(
        tmp_path,
        "tell small wins um I did the dishes",
        "tell small wins I uh fed the cat",
        "open small wins",
        "er I made my bed",
        "no",
    )
    assert all(understood(line) for line in said), said
    assert not any("shrink" in line for line in said), said
    assert saved_win_texts(tmp_path) == ["did the dishes", "fed the cat", "made my bed"]


GOODBYES = (
    "cheers",
    "ta",
    "that's me done",
    "ok bye",
    "cheers mate",
    "night night",
    "ta very much",
)


def test_a_british_goodbye_or_thanks_ends_kindly_and_keeps_nothing(tmp_path: Path) -> None:
    one_shots = run(tmp_path, *(f"tell small wins {goodbye}" for goodbye in GOODBYES))
    assert all(understood(line) and not line.endswith("?") for line in one_shots), one_shots
    for goodbye in GOODBYES[:3]:
        in_session = run(tmp_path, "open small wins", "I walked the dog", goodbye)
        assert understood(in_session[-1]) and not in_session[-1].endswith("?"), in_session
    assert saved_win_texts(tmp_path) == ["walked the dog"] * 3


def test_a_thing_named_without_i_is_logged_when_asked_and_asked_about_when_not(
    tmp_path: Path,
) -> None:
    said = run(
        tmp_path,
        "tell small wins took the bins out",  # a deed: logged
        "tell small wins a long walk",  # a thing: asked about once
        "yes",
        "tell small wins a nap",
        "no",
        "open small wins",
        "a shower",  # asked "What did you do?": a deed
        "no",
    )
    assert "You took the bins out" in said[0]
    assert "you went for a long walk" in said[1] and said[1].endswith("?")
    assert "You went for a long walk" in said[2]
    assert "you had a nap" in said[3]
    assert "You had a shower" in said[6]
    assert saved_win_texts(tmp_path) == [
        "took the bins out",
        "went for a long walk",
        "had a shower",
    ]


@pytest.mark.parametrize(
    ("zone", "line", "not_given"),
    [
        ("Europe/London", "one one six, one two three", "911"),
        ("Australia/Melbourne", "thirteen eleven fourteen", "911"),
        ("America/Chicago", "988", "one one six"),
        ("Pacific/Auckland", "one seven three seven", "988"),  # that line alone
        ("Europe/Dublin", "one one six, one two three", "988"),
    ],
)
def test_the_crisis_line_is_the_one_that_works_where_the_device_is(
    tmp_path: Path, zone: str, line: str, not_given: str
) -> None:
    at = ("--at", "2026-11-21T15:30:00+00:00", "--time-zone", zone)
    said = answers(chat(tmp_path, "tell small wins I took all my pills", "stop", options=at))
    assert line in said[0] and not_given not in said[0], said
    assert saved_win_texts(tmp_path) == []
