"""Bare answers to "What did you do?" as the wins they stand for, and shrugs never as wins."""

from __future__ import annotations

import pytest

from skill.domain.phrasing import second_person
from skill.domain.phrasing.answer import bare_answer, deed, not_said_to_a_question
from skill.domain.screen import Frame, Kind, screen


@pytest.mark.parametrize(
    ("said", "win"),
    [
        ("the dishes", "did the dishes"),
        ("a long walk", "went for a long walk"),
        ("a walk with the dog", "went for a walk with the dog"),
        ("a nap", "had a nap"),
        ("a shower", "had a shower"),
        ("a hot bath after work", "had a hot bath after work"),
        ("the school run", "did the school run"),
        ("laundry", "did laundry"),
        ("my homework", "did my homework"),
        ("3 emails", "did 3 emails"),
        ("nothing all day", "did nothing all day"),  # after "I did {win}": never "I nothing"
        ("everything on my list", "did everything on my list"),
        ("made my bed", "made my bed"),
        ("I made my bed", "made my bed"),
        ("walked the dog", "walked the dog"),
        ("went for a walk", "went for a walk"),
        ("finally called my mum", "finally called my mum"),
        ("took my meds", "took my meds"),
        ("couldn't finish my homework", "couldn't finish my homework"),
        ("never got around to the laundry", "never got around to the laundry"),
        ("cooking dinner", "spent time cooking dinner"),
        ("painting", "spent time painting"),
        ("morning walk", "morning walk"),  # an answer, not a greeting
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
    read = bare_answer(said)
    assert read is not None
    assert screen(read, "i", Frame.DONE).kind is Kind.NOT_A_WIN


@pytest.mark.parametrize(
    ("said", "back"),
    [("the dishes", "you did the dishes"), ("laundry", "you did laundry")],
)
def test_a_bare_answer_is_said_back_in_the_second_person(said: str, back: str) -> None:
    read = bare_answer(said)
    assert read is not None
    assert second_person(read) == back


@pytest.mark.parametrize(
    "said",
    [
        "hi",
        "hello there",
        "thank you",
        "can you celebrate quieter",
        "what have I done this week",
        "remind me at half past seven every morning",
        "read me my wins",
        "tell me a win",
        "do I have any wins",
    ],
)
def test_what_answers_nothing_is_no_win(said: str) -> None:
    assert bare_answer(said) is None


@pytest.mark.parametrize(
    ("said", "question"),
    [("hi", True), ("can you help", True), ("start the laundry", False), ("call my mum", False)],
)
def test_a_plan_may_start_with_a_request_word_but_not_a_greeting(said: str, question: bool) -> None:
    assert not_said_to_a_question(said) is question


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("took the bins out", "took the bins out"),
        ("finally called my mum", "finally called my mum"),
        ("um, fed the cat.", "fed the cat"),
        ("showered", "showered"),  # a past verb that is a whole deed
        ("absolutely nailed my driving test", "absolutely nailed my driving test"),
        ("just had a glass of water lol", "just had a glass of water lol"),
        ("replied to three emails", "replied to three emails"),  # a regular past
        ("called", None),  # a past verb that is not a whole deed alone
        ("tired today", None),  # a feeling, not a deed
        ("really stressed", None),
        ("could not sleep", None),
        ("family dinner tonight", None),  # "-ly" is no past
        ("the dishes", None),  # a thing: the bare answer's job, not a deed's
        ("want to die", None),
        ("so I did it", None),
        ("", None),
        ("um", None),
    ],
)
def test_a_deed_said_without_i_is_found_and_nothing_else(said: str, expected: str | None) -> None:
    assert deed(said) == expected
