"""A day said inside a statement, before a later deed, stays with that deed."""

from __future__ import annotations

import pytest

from skill.domain.reading import Part, read


@pytest.mark.parametrize(
    ("said", "deeds"),
    [
        (
            "i went for a run and yesterday i rang the bank",
            ["i went for a run", "i rang the bank yesterday"],
        ),
        (
            "on saturday i cleaned my room and on sunday i did my laundry",
            ["i cleaned my room", "i did my laundry on sunday"],
        ),
        (
            "i paid the gas bill, then this morning i rang the school",
            ["i paid the gas bill", "i rang the school this morning"],
        ),
        (
            "i hoovered the stairs and last night i finished my book",
            ["i hoovered the stairs", "i finished my book last night"],
        ),
    ],
)
def test_the_day_goes_with_the_deed_after_it(said: str, deeds: list[str]) -> None:
    assert [c.words for c in read(said) if c.part is Part.DEED] == deeds


@pytest.mark.parametrize(
    "said",
    ["i did the dishes and today i feel rubbish", "i fed the cat and yesterday i was exhausted"],
)
def test_a_feeling_after_a_day_is_no_deed_moved(said: str) -> None:
    deeds = [c.words for c in read(said) if c.part is Part.DEED]
    assert deeds and not [d for d in deeds if d.endswith((" today", " yesterday"))]


@pytest.mark.parametrize(
    ("said", "part"),
    [
        ("did my laundry", Part.DEED),
        ("i cleaned my room and did my homework", Part.DEED),
        ("did my win save", Part.QUESTION),
        ("did my reminder go off", Part.QUESTION),
    ],
)
def test_did_my_is_a_deed_unless_a_verb_follows_the_thing(said: str, part: Part) -> None:
    assert read(said)[-1].part is part
