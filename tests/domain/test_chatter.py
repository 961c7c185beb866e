"""Talk that is no deed, in families: remarks on how things are, and talk about the wins kept
(said to be wrong, wanted on another day, wanted back). Never a deed; a deed said beside a
remark is still one."""

from __future__ import annotations

import pytest

from skill.domain.chatter import Talk, named_in, talk_in
from skill.domain.reading import Context, Part, read
from skill.domain.screen import canonical


@pytest.mark.parametrize(
    ("said", "talk"),
    [
        ("that's nice, I'd forgotten I did that", Talk.REMARK),
        ("oh that's lovely", Talk.REMARK),
        ("it's been a better week than I thought", Talk.REMARK),
        ("this week was kinda good actually", Talk.REMARK),
        ("today was alright in the end", Talk.REMARK),
        ("the weekend has been quiet", Talk.REMARK),
        ("that last one is wrong", Talk.WRONG),
        ("the shave one isn't right", Talk.WRONG),
        ("the tea win was a mistake", Talk.WRONG),
        ("actually it wasn't the pharmacy, it was the grocery store", Talk.WRONG),
        ("there's one that just says you stopped", Talk.WRONG),
        ("I never said that", Talk.WRONG),
        ("the book one was actually friday", Talk.MOVE),
        ("can you move it to yesterday", Talk.MOVE),
        ("put the gym one on monday", Talk.MOVE),
        ("bring back the watered plants win", Talk.RESTORE),
        ("can you put the tea one back", Talk.RESTORE),
        ("restore my last win", Talk.RESTORE),
    ],
)
def test_talk_is_heard_for_what_it_is(said: str, talk: Talk) -> None:
    assert talk_in(canonical(said)) is talk


@pytest.mark.parametrize(
    "said",
    [
        "I cleaned the kitchen",
        "I put the bins out",
        "I moved the sofa",
        "I brought the washing in",
        "I got the shopping",
        "the bins are out",
        "I said sorry to my sister",
    ],
)
def test_deeds_are_no_talk(said: str) -> None:
    assert talk_in(canonical(said)) is None


@pytest.mark.parametrize(
    ("said", "named"),
    [
        ("the book one was actually friday", "book"),
        ("bring back the watered plants win", "watered plants"),
        ("actually it wasn't the pharmacy, it was the grocery store", "pharmacy"),
        ("that last one is wrong", ""),
    ],
)
def test_the_win_talked_about_is_named_by_its_words(said: str, named: str) -> None:
    assert named_in(canonical(said)) == named


@pytest.mark.parametrize(
    "said",
    [
        "that's nice. I'd forgotten I did that",
        "I'm off to bed. It's been a better week than I thought",
        "that last one is wrong",
        "the book one was actually friday, can you move it to yesterday",
        "bring back the watered plants win",
        "there's one that just says you stopped, I never said that",
        "lowkey that's it I guess",
        "actually it wasn't the pharmacy, it was the grocery store",
    ],
)
@pytest.mark.parametrize("context", [Context.NONE, Context.ELSE, Context.DID])
def test_talk_is_never_read_as_a_deed(said: str, context: Context) -> None:
    assert Part.DEED not in {clause.part for clause in read(said, context)}


@pytest.mark.parametrize(
    ("said", "deeds"),
    [
        ("ok so I cleaned the kitchen", ["i cleaned the kitchen"]),
        ("I guess I showered", ["i showered"]),
        ("that was hard but I did the dishes", ["i did the dishes"]),
        ("it was a good day, I walked the dog", ["i walked the dog"]),
        ("got up and had a shave, that's about it, nowt much", ["i got up", "i had a shave"]),
    ],
)
def test_deeds_said_with_the_same_shapes_are_still_deeds(said: str, deeds: list[str]) -> None:
    found = [c.words for c in read(said, Context.ELSE) if c.part is Part.DEED]
    assert found == deeds


@pytest.mark.parametrize(
    "said",
    [
        "I've done nowt today",
        "I have not done owt since",
        "done nowt much",
        "I haven't done anything since lunch",
    ],
)
def test_nowt_and_owt_are_nothing_done(said: str) -> None:
    parts = {clause.part for clause in read(said, Context.ELSE)}
    assert Part.DEED not in parts


@pytest.mark.parametrize(
    ("said", "plan"),
    [
        ("um i don't know. maybe write the test cases? or not. yeah that", "write the test cases"),
        ("maybe ring our susan, or not", "ring our susan"),
        ("i might go to the shop or maybe not", "go to the shop"),
    ],
)
def test_a_hedged_plan_keeps_the_plan_without_its_hedge(said: str, plan: str) -> None:
    from skill.domain.turns import PlanKind, plan_answer

    reading = plan_answer(said)
    assert (reading.kind, reading.plan) == (PlanKind.PLAN, plan)
