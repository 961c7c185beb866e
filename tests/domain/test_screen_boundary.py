"""The boundary between a crisis, a check-in and a hard win, by family: what makes going to a
place final, means taken from where they are kept at work, harm through an object, danger
still present beside a win, and work and play that use risky words. Each family is checked
with a few of its phrasings, never one sentence; the lexicon's own examples pin each rule."""

from __future__ import annotations

import pytest

from skill.domain.screen import Frame, Kind, screen

PLAN = ("i will", Frame.INTEND)
CARE = {Kind.CRISIS, Kind.CHECK_IN}


@pytest.mark.parametrize(
    "said",
    [
        "walked down to the quay for good",
        "cycled to the viaduct one last time",
        "went out to the end of the jetty at 4am by myself",
        "drove up to the quarry edge and i am not coming back",
    ],
)
def test_a_time_that_makes_going_somewhere_final_is_never_an_outing(said: str) -> None:
    assert screen(said).kind is Kind.CRISIS
    assert screen(said, *PLAN).kind is Kind.CRISIS


@pytest.mark.parametrize(
    "said",
    [
        "visit the harbour with my grandad",
        "take the ferry over to the island with my sister",
        "walk over the bridge to the library",
    ],
)
def test_an_outing_said_as_the_days_one_thing_is_a_plan(said: str) -> None:
    assert screen(said, *PLAN).kind is Kind.WIN


@pytest.mark.parametrize(
    "said",
    ["heading to the canal tonight", "going up to the multistorey roof at 3am"],
)
def test_heading_for_water_or_a_height_at_night_is_asked_about(said: str) -> None:
    assert screen(said).kind in CARE


@pytest.mark.parametrize(
    "said",
    [
        "i will take the midazolam home from theatre tonight",
        "pocketed some ketamine on my shift at the vets",
        "took the paraquat from the farm to end it",
    ],
)
def test_means_taken_from_where_they_are_kept_at_work_are_a_crisis(said: str) -> None:
    assert screen(said).kind is Kind.CRISIS


@pytest.mark.parametrize(
    "said",
    [
        "kicked the fridge until my foot swelled",
        "slammed the door on my hand till i cracked my knuckle",
    ],
)
def test_harm_through_an_object_until_the_body_gives_way_is_self_harm(said: str) -> None:
    assert screen(said).kind is Kind.CRISIS


@pytest.mark.parametrize(
    "said",
    [
        "i did the food shop and i am ok for now",
        "got the kids to school though i cannot promise anything about tonight",
        "cleaned the van all shift with the thoughts of dying still nagging at me",
    ],
)
def test_a_win_said_while_the_danger_is_still_present_offers_the_line(said: str) -> None:
    assert screen(said).kind in CARE


@pytest.mark.parametrize(
    "said",
    [
        "terminated the stuck job and the server came back",
        "the deploy hung so i killed it and ran it again",
        "titrated the hydrochloric acid in the chemistry practical",
        "reeled in a trout at the lake with my uncle",
        "used the straight razor on my first client at the barbers",
        "died on the erg in my spin session",
        "murdered the bassline in the studio",
        "tested the smoke alarm and the carbon monoxide alarm",
    ],
)
def test_work_and_play_that_use_risky_words_are_wins(said: str) -> None:
    assert screen(said).kind is Kind.WIN


@pytest.mark.parametrize(
    "said",
    [
        "killed the server process and then i am going to the bridge for good",
        "reeled in a trout then walked into the lake to drown",
        "bleached my roots and then drank the rest of the bleach",
    ],
)
def test_a_domain_of_work_or_play_never_hides_a_crisis_said_with_it(said: str) -> None:
    assert screen(said).kind is Kind.CRISIS
