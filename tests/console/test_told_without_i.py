"""Wins told with no "I", as people talk to a speaker: the thing first and how it is now
("kitchen's clean", "bins out before the lorry came"), how a thing was and how it is now
("room was a crime scene and now it's spotless"), a state and then a thing done ("dead on the
sofa but the laundry's in the machine"), a cheer before the news ("slay got my provisional
licence"). Told as a one-shot or in a conversation, each is kept and said back as told, never
"You kitchen's clean"; words that tell nothing done are still not understood, never stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

AT = "2026-12-07T15:00"
ZONE = "Australia/Sydney"


@pytest.mark.parametrize(
    ("said", "kept", "back"),
    [
        ("kitchen's clean", "kitchen's clean", "Kitchen's clean"),
        ("bins out before the lorry came", "bins out before the lorry came", "Bins out"),
        (
            "room was a crime scene and now it's spotless",
            "room was a crime scene and now it's spotless",
            "Room was a crime scene",
        ),
        ("dead on the sofa but the laundry's in the machine", "laundry", "The laundry's in"),
        ("slay got my provisional licence", "got my provisional licence", "You got your"),
        ("omg finally rang the bank", "finally rang the bank", "You finally rang the bank"),
        ("kit handed back resettlement course done", "kit handed back", "Kit handed back"),
        (
            "passport with the right name on it arrived",
            "passport with the right name on it arrived",
            "Passport with the right name",
        ),
    ],
)
def test_a_win_told_without_i_is_kept_and_said_back_as_told(
    tmp_path: Path, said: str, kept: str, back: str
) -> None:
    (answer,) = talk(tmp_path, AT, ZONE, f"tell small wins {said}")
    assert back in answer
    assert not answer.startswith("You " + said.split()[0])
    assert any(kept in text for text in saved_win_texts(tmp_path))


def test_in_a_conversation_a_state_is_heard_and_the_thing_done_kept(tmp_path: Path) -> None:
    _, answer = talk(
        tmp_path, AT, ZONE, "open small wins", "dead on the sofa but the laundry's in the machine"
    )
    assert "The laundry's in the machine" in answer
    assert "dead on the sofa" not in answer.lower()
    assert [text for text in saved_win_texts(tmp_path) if "sofa" in text] == []


@pytest.mark.parametrize(
    "said", ["purple monkey dishwasher", "yo what time is it lol", "the weather today"]
)
def test_words_that_tell_nothing_done_are_not_kept(tmp_path: Path, said: str) -> None:
    (answer,) = talk(tmp_path, AT, ZONE, f"tell small wins {said}")
    assert "didn't quite catch" in answer
    assert saved_win_texts(tmp_path) == []
