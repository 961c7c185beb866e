"""The reader and the words said back, for wins told with no "I" (see the console test of the
same name for the whole path)."""

from __future__ import annotations

import pytest

from skill.domain.phrasing import second_person
from skill.domain.reading import Context, Part, read
from skill.domain.results import situation_then_result, thing_done


@pytest.mark.parametrize(
    "said",
    [
        "bins out before the lorry came",
        "the laundrys in the machine",
        "bins out on the kerb",
        "bathrooms spotless",
        "proper breakfast eaten",
        "kit handed back",
        "passport with the right marker arrived",
        "stall sold out by noon",
    ],
)
def test_a_thing_and_how_it_is_now_is_a_thing_done(said: str) -> None:
    assert thing_done(said)


@pytest.mark.parametrize(
    "said",
    [
        "my sisters in the icu",
        "the dogs out in the garden",
        "the car is broken",
        "the dishes are still not done",
        "drive the car off",
        "the school run",
    ],
)
def test_a_person_a_place_or_a_thing_gone_wrong_is_not(said: str) -> None:
    assert not thing_done(said)


@pytest.mark.parametrize(
    ("said", "done"),
    [
        ("room was a crime scene and now it is spotless", True),
        ("sink was full all week but now it is empty", True),
        ("inbox was at two hundred and now it is at zero", True),
        ("room was a mess and now it is worse", False),
        ("kitchen was a disaster and still is", False),
        ("the car was broken and now it is totally wrecked", False),
    ],
)
def test_how_a_thing_was_and_how_it_is_now(said: str, done: bool) -> None:
    assert situation_then_result(said) is done


@pytest.mark.parametrize(
    ("said", "parts"),
    [
        ("dead on the sofa but the laundry's in the machine", [Part.FEELING, Part.DEED]),
        ("half dead in bed but the kids are fed", [Part.FEELING, Part.DEED]),
        ("knackered on the couch all day", [Part.FEELING]),
        ("slay got my provisional licence", [Part.DEED]),
        ("guess what booked the dentist", [Part.DEED]),
        ("small win, did the dishes", [Part.DEED]),
        ("omg finally rang the bank", [Part.DEED]),
        ("just finished the essay", [Part.DEED]),
        ("really tired", [Part.FEELING]),
    ],
)
def test_the_reader_hears_a_state_a_cheer_and_an_adverb_before_the_deed(
    said: str, parts: list[Part]
) -> None:
    assert [clause.part for clause in read(said, Context.NONE)] == parts


@pytest.mark.parametrize(
    ("said", "back"),
    [
        ("kitchen's clean", "kitchen's clean"),
        ("dishes done", "dishes done"),
        ("passport with the right marker arrived", "passport with the right marker arrived"),
        ("market stall sold out by noon", "market stall sold out by noon"),
        ("new job started", "new job started"),
        ("walked the dog", "you walked the dog"),
        ("walk the dog every day", "you walk the dog every day"),
        ("finally rang the bank", "you finally rang the bank"),
        ("just about finished the report", "you just about finished the report"),
        ("cleaned the kitchen which was grim", "you cleaned the kitchen which was grim"),
        ("was brave today", "you were brave today"),
    ],
)
def test_you_is_said_only_before_a_deed(said: str, back: str) -> None:
    assert second_person(said) == back
