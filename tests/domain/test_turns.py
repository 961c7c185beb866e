"""What one turn's words do to the open question: the morning question, a feeling with a request
for a win, and a yes or a no said after "what? oh."."""

from __future__ import annotations

import pytest

from skill.domain.reading import Part
from skill.domain.turns import (
    Feeling,
    PlanKind,
    answer_to_did_you,
    feeling_then_hear,
    plan_answer,
)


@pytest.mark.parametrize(
    "said",
    [
        "ugh. i can't even get out of bed",
        "i cannot face anything today",
        "honestly i can barely move",
        "i could hardly sleep",
        "rough day",
        "such a bad morning",
        "it's been a long week",
        "i feel awful",
        "i'm so tired",
        "i have no energy",
    ],
)
def test_how_things_are_is_never_a_plan(said: str) -> None:
    assert plan_answer(said).kind in (PlanKind.HARD, PlanKind.FEELING)


@pytest.mark.parametrize(
    "said",
    ["dunno", "nothing probably", "probably nothing", "maybe nothing", "not sure", "idk", "meh"],
)
def test_a_shrug_is_no_plan(said: str) -> None:
    assert plan_answer(said).kind is PlanKind.SHRUG


@pytest.mark.parametrize(
    ("said", "deeds"),
    [
        ("oh and i took my meds", "took my meds"),
        ("i already fed the cat", "already fed the cat"),
        ("um i did the dishes", "did the dishes"),
        (
            "i did the dishes and i also answered three emails and i called my mom back",
            "did the dishes and i also answered three emails and i called my mom back",
        ),
        # Deeds that went wrong are told as deeds: the log path's screen judges them.
        ("i burned the toast but ate it anyway", "burned the toast but ate it anyway"),
        ("i failed my driving test", "failed my driving test"),
        ("i took my meds even though i felt fine", "took my meds even though i felt fine"),
    ],
)
def test_a_deed_already_done_is_a_deed(said: str, deeds: str) -> None:
    assert plan_answer(said) == (PlanKind.DEEDS, deeds, "", False)


def test_a_deed_and_a_plan_said_together_are_kept_apart() -> None:
    assert plan_answer("i did the dishes and i'll call the bank") == (
        PlanKind.DEEDS,
        "did the dishes",
        "call the bank",
        True,
    )


@pytest.mark.parametrize(
    ("said", "plan", "explicit"),
    [
        ("um call the bank", "call the bank", False),
        ("oh and call my mum", "call my mum", False),
        ("so i'm going to hoover the stairs", "hoover the stairs", True),
        ("laundry and the bins", "laundry and the bins", False),
        ("i feel awful but i'll try to shower", "shower", True),
    ],
)
def test_a_plan_comes_without_its_fillers(said: str, plan: str, explicit: bool) -> None:
    assert plan_answer(said) == (PlanKind.PLAN, "", plan, explicit)


@pytest.mark.parametrize(
    ("said", "plan"),
    [
        ("i'll get the switchboard done", "get the switchboard done"),
        ("get the switchboard done", "get the switchboard done"),
        ("get the hall tidied", "get the hall tidied"),
        ("gonna finish the switchboard", "finish the switchboard"),
        ("the switchboard, hopefully", "the switchboard"),
        ("the switchboard hopefully", "the switchboard"),
        ("call the bank, with any luck", "call the bank"),
        ("try and get the switchboard done", "get the switchboard done"),
        ("i'm going to try and call the bank", "call the bank"),
        ("probably the switchboard", "the switchboard"),
        ("the washing up probably", "the washing up"),
        ("need to finish the switchboard", "finish the switchboard"),
        ("i have to ring the council", "ring the council"),
        ("i should call the bank", "call the bank"),
        ("want to tidy the hall", "tidy the hall"),
        ("maybe tidy the hall", "tidy the hall"),
        ("tidy the hall today", "tidy the hall"),
        ("the switchboard", "the switchboard"),
        ("switchboard", "switchboard"),
    ],
)
def test_a_plan_said_as_people_say_it_is_the_plan_in_plain_words(said: str, plan: str) -> None:
    answer = plan_answer(said)
    assert (answer.kind, answer.plan, answer.deeds) == (PlanKind.PLAN, plan, "")


@pytest.mark.parametrize(
    "said", ["i already did the dishes", "got the switchboard done", "i got the hall tidied"]
)
def test_a_deed_in_the_past_is_still_a_deed(said: str) -> None:
    assert plan_answer(said).kind is PlanKind.DEEDS


@pytest.mark.parametrize(
    "said", ["i am stupid and ugly", "i feel gross and lazy", "i am a mess and useless"]
)
def test_words_read_as_a_plan_only_beside_a_feeling_are_no_plan(said: str) -> None:
    assert plan_answer(said).kind in (PlanKind.HARD, PlanKind.FEELING)


@pytest.mark.parametrize("said", ["i want to die", "i did the dishes and i want to end it all"])
def test_crisis_comes_first(said: str) -> None:
    assert plan_answer(said).kind is PlanKind.CRISIS


@pytest.mark.parametrize("said", ["hi", "what do you mean", "thanks"])
def test_what_answers_something_else_is_left_as_it_was(said: str) -> None:
    assert plan_answer(said).kind is PlanKind.OTHER


@pytest.mark.parametrize(
    "said",
    [
        "i feel like garbage. tell me something i did",
        "i feel awful, tell me something i did",
        "ugh rough day. remind me of a win",
        "i feel like garbage read me a win",
        "i'm so tired can you remind me of something good i did",
        "bad week, give me a win",
        "i feel rubbish, read me one of my wins",
    ],
)
def test_a_hard_day_then_a_request_for_a_win(said: str) -> None:
    assert feeling_then_hear(said) is Feeling.HARD


def test_a_good_feeling_then_a_request_is_thanked_for() -> None:
    assert feeling_then_hear("i feel great, read me a win") is Feeling.TOLD


@pytest.mark.parametrize(
    "said",
    [
        "tell me something i did",  # a request alone: the hear intent's
        "i feel awful",  # a feeling alone: heard as a statement
        "i did the dishes tell me a win",  # a deed: logged as one
        "i feel like i want to disappear read me a win",  # care first
        "i feel like dying tell me a win",
    ],
)
def test_anything_else_is_not_a_feeling_with_a_request(said: str) -> None:
    assert feeling_then_hear(said) is None


@pytest.mark.parametrize(
    ("said", "part"),
    [
        ("what? oh. not yet", Part.NO),
        ("what oh not yet", Part.NO),
        ("huh sorry no i ran out of time", Part.NO),
        ("pardon oh nope", Part.NO),
        ("sorry what oh yeah i did", Part.YES),
        ("huh oh yes", Part.YES),
        ("not yet", Part.NO),
        ("what", None),
        ("purple monkey dishwasher", None),
    ],
)
def test_a_yes_or_no_to_did_you_survives_not_catching_it(said: str, part: Part | None) -> None:
    assert answer_to_did_you(said) is part
