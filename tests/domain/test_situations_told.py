"""Wins told without "I" first: a thing of the person's own that went well ("my cake was a
knockout"), and a situation with a subject of its own, then what the person did about it
("kids drew on the wall and i got most of it off"). Each family with phrasings of its own."""

from __future__ import annotations

import pytest

from skill.domain.phrasing import second_person
from skill.domain.results import situation_then_deed, went_well
from skill.domain.screen import canonical


@pytest.mark.parametrize(
    "said",
    [
        "my brownies were a massive hit at work",
        "my presentation went down a storm",
        "my quiz round absolutely killed",
        "my chilli was to die for",
        "my dissertation got a first",
        "my poem got published",
        "my open mic set was fire",
    ],
)
def test_a_thing_of_ones_own_that_went_well_is_told(said: str) -> None:
    assert went_well(canonical(said))


@pytest.mark.parametrize(
    "said",
    [
        "my son got an a in his test",  # his win, not theirs
        "my husband killed it at the gym",
        "my dog was amazing at the vet",
        "my cake was not a hit",
        "my plan to end it was perfect",
        "the cake was a hit",  # not said to be theirs
    ],
)
def test_others_success_or_a_denial_is_not_ones_own(said: str) -> None:
    assert not went_well(canonical(said))


@pytest.mark.parametrize(
    "said",
    [
        "boiler packed in overnight so i rang a plumber first thing",
        "cat was sick on the rug and i scrubbed it clean",
        "bathroom tap has been dripping for weeks and today i fixed it",
        "neighbour ignored my note so i rang the council",
        "migraine all day and i still fed the kids",
    ],
)
def test_a_situation_then_what_the_person_did_is_told_whole(said: str) -> None:
    assert situation_then_deed(canonical(said))


@pytest.mark.parametrize(
    "said",
    [
        "dropped the eggs and i cleaned them up",  # starts with a deed of their own
        "cleaned the kitchen and i made tea",
        "work was awful and i felt rubbish",  # nothing done about it
        "landlord ignored me and i cannot face it",
        "the bins are out",
    ],
)
def test_a_deed_first_or_nothing_done_is_not_a_situation_told(said: str) -> None:
    assert not situation_then_deed(canonical(said))


def test_a_situation_told_is_said_back_with_its_own_subject() -> None:
    said = second_person("boiler packed in overnight so i rang a plumber first thing")
    assert said.lower().startswith("boiler packed in overnight so you rang")
