"""Bare answers to "What did you do?" as the wins they stand for, and shrugs never as wins."""

from __future__ import annotations

import pytest

from skill.domain.phrasing import second_person
from skill.domain.phrasing.answer import bare_answer
from skill.domain.screen import Frame, Kind, screen


@pytest.mark.parametrize(
    ("said", "win"),
    [
        ("the dishes", "did the dishes"),
        ("laundry", "did laundry"),
        ("my homework", "did my homework"),
        ("3 emails", "did 3 emails"),
        ("made my bed", "made my bed"),
        ("I made my bed", "made my bed"),
        ("walked the dog", "walked the dog"),
        ("went for a walk", "went for a walk"),
        ("finally called my mum", "finally called my mum"),
        ("took my meds", "took my meds"),
        ("couldn't finish my homework", "couldn't finish my homework"),
        ("never got around to the laundry", "never got around to the laundry"),
        ("cooking", "cooking"),
        ("nothing", "did nothing"),
        ("Nothing really.", "did nothing"),
        ("I dunno", "did nothing"),
        ("not much", "did nothing"),
        ("I can't remember", "did nothing"),
    ],
)
def test_a_bare_answer_becomes_the_win_it_stands_for(said: str, win: str) -> None:
    assert bare_answer(said) == win


@pytest.mark.parametrize("said", ["nothing", "not much", "I dunno", "nothing at all", "zero"])
def test_a_shrug_is_never_a_win(said: str) -> None:
    assert screen(bare_answer(said), "i", Frame.DONE).kind is Kind.NOT_A_WIN


@pytest.mark.parametrize(
    ("said", "back"),
    [("the dishes", "you did the dishes"), ("laundry", "you did laundry")],
)
def test_a_bare_answer_is_said_back_in_the_second_person(said: str, back: str) -> None:
    assert second_person(bare_answer(said)) == back
