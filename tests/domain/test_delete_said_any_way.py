""" "Kill the last one", "scratch that", "bin the last two", "get rid of the one before that":
deletions by place, said with everyday verbs (``forget_asks.py``, ``matching.py``); never a
deed, and never without the person's yes (the handlers ask first)."""

from __future__ import annotations

import pytest

from skill.domain.forget_asks import AskKind, ForgetAsk, forget_asked
from skill.domain.matching import BEFORE_LAST, LAST, pick, position_in, positions_in
from skill.domain.screen import Kind, screen

DELETE = AskKind.DELETE


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("kill the last one", ForgetAsk(DELETE, LAST)),
        ("nix the last one", ForgetAsk(DELETE, LAST)),
        ("drop the latest one please", ForgetAsk(DELETE, LAST)),
        ("scratch that", ForgetAsk(DELETE)),
        ("bin the last two", ForgetAsk(DELETE, BEFORE_LAST, places=(BEFORE_LAST, LAST))),
        ("scratch the last two", ForgetAsk(DELETE, BEFORE_LAST, places=(BEFORE_LAST, LAST))),
        ("can you lose the last three", ForgetAsk(DELETE, -3, places=(-3, BEFORE_LAST, LAST))),
        ("get rid of the one before that", ForgetAsk(DELETE, BEFORE_LAST)),
        ("delete the second to last one", ForgetAsk(DELETE, BEFORE_LAST)),
        ("the one before that get rid of it", ForgetAsk(DELETE, BEFORE_LAST)),
        ("the last two delete them", ForgetAsk(DELETE, BEFORE_LAST, places=(BEFORE_LAST, LAST))),
        ("trash the one about the oven", ForgetAsk(DELETE, about="the oven")),
    ],
)
def test_deletions_said_with_everyday_verbs(said: str, asked: ForgetAsk) -> None:
    assert forget_asked(said) == asked
    assert screen(said).kind is not Kind.CRISIS  # "kill", "scratch": never a crisis here


@pytest.mark.parametrize(
    "said",
    [
        "kill myself",
        "i dropped the last one",  # told done: a deed, not a request
        "i killed it at work today",
        "ditch that",  # "that" alone after "ditch": not sure it is a win
        "scratch my back",
    ],
)
def test_no_deletion_is_made_up(said: str) -> None:
    assert forget_asked(said) is None


def test_places_counted_from_the_end_of_a_list() -> None:
    assert position_in("the one before that") == BEFORE_LAST
    assert positions_in("the last two") == [BEFORE_LAST, LAST]
    assert pick([5, 6, 7], BEFORE_LAST) == 6
    assert pick([5, None, 7], BEFORE_LAST) == 5  # a place deleted since is passed over
    assert pick([7], BEFORE_LAST) is None
