"""Danger told of "we", of a death hoped for from someone or something else, or of thoughts
still there beside a win: each is met with care, and the everyday uses of the same words stay
wins. Classes a blind set found missing; sentences here are new ones of each class."""

from __future__ import annotations

import pytest

from skill.domain.screen import Kind, screen

CARE = {Kind.CRISIS, Kind.CHECK_IN}


@pytest.mark.parametrize(
    "said",
    [
        # "we" includes the person: a pact is judged as if one said it
        "my cousin and me have agreed we are killing ourselves after the wedding",
        "we are going to end our lives together on friday",
        "we both want to hang ourselves this weekend",
        "the two of us will gas ourselves in the garage",
        # a death hoped for from someone or something else
        "i keep starting fights hoping someone finishes me off",
        "i stood in the road hoping the lorry would finish me",
        "walked out in the storm wanting the cold to finish me off",
        # a death far from the everyday word that sat beside it
        "my friend's dog died last year and i sat in the snow wanting to freeze to death",
        "i played the funeral march at the recital and honestly i am suicidal",
        # thoughts named outright and still there, beside what was done
        "i still have suicidal thoughts but i made my bed",
        "i cooked tea even though the urge to hurt myself is still there",
        "the thoughts come back every night but i went to work",
        # a way to die said as a plan, an edge or a way not to come back
        "my plan is walking into the river after my shift",
        "i am going to drive off a cliff on the way home",
        "parked by the lake and i will walk in and not come out",
    ],
)
def test_danger_is_met_with_care(said: str) -> None:
    assert screen(said, "").kind in CARE, screen(said, "")


@pytest.mark.parametrize(
    "said",
    [
        "we treated ourselves to a takeaway",
        "we enjoyed ourselves at the beach",
        "we sorted our lives out and paid off the credit card",
        "the thought still makes me laugh",
        "my phone died on the bus so i read my book instead",
        "i got to the platform early and got a seat on the train",
        "i went off the edge on the zip wire and loved it",
        "i walked over the bridge to work",
    ],
)
def test_the_everyday_uses_stay_wins(said: str) -> None:
    assert screen(said, "").kind is Kind.WIN, screen(said, "")
