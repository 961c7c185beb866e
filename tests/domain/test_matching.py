"""Finding the win a person means, by its place in a list read out or by its words."""

from __future__ import annotations

import pytest

from skill.domain.matching import LAST, Candidate, best_matches, content, pick, position_in


@pytest.mark.parametrize(
    ("said", "position"),
    [
        ("second", 2),
        ("the second one", 2),
        ("2nd", 2),
        ("number three", 3),
        ("three", 3),
        ("the 4th win", 4),
        ("first", 1),
        ("the last one", LAST),
        ("latest", LAST),
        ("the most recent one", LAST),
        ("very last", LAST),
        ("win number 5", 5),
    ],
)
def test_a_place_is_heard_however_it_is_named(said: str, position: int) -> None:
    assert position_in(said) == position


@pytest.mark.parametrize("said", ["laundry", "the oven", "", "one", "second and third", "0", "99"])
def test_words_that_name_no_place_are_not_a_place(said: str) -> None:
    assert position_in(said) is None


def test_a_place_picks_from_the_list_as_read_and_a_deleted_place_is_empty() -> None:
    listed = [7, None, 5, 4]
    assert pick(listed, 1) == 7
    assert pick(listed, 2) is None  # deleted since it was read
    assert pick(listed, LAST) == 4
    assert pick(listed, 5) is None
    assert pick([None, None], LAST) is None


def test_what_a_phrase_is_about_leaves_out_little_and_critic_words() -> None:
    assert content("the one where I just cleaned the ovens") == {"clean", "oven"}
    assert content("only the laundry") == {"laundry"}
    assert content("the one about it") == frozenset()


RECENT = [
    Candidate(9, "called my mum"),
    Candidate(8, "cleaned the oven"),
    Candidate(7, "did the laundry"),
    Candidate(6, "fixed the oven door"),
    Candidate(5, "did the laundry"),
]


@pytest.mark.parametrize(
    ("about", "number"),
    [
        ("the oven", None),  # two wins are about the oven: which?
        ("cleaning the oven", 8),
        ("the oven door", 6),
        ("where I called mum", 9),
        ("mum", 9),
        ("the laundry", 7),  # logged twice: the newest
        ("washing the laundry", 7),
    ],
)
def test_words_find_the_win_they_describe_by_meaning(about: str, number: int | None) -> None:
    found = best_matches(about, RECENT)
    if number is None:
        assert [c.number for c in found] == [8, 6]
    else:
        assert [c.number for c in found] == [number]


@pytest.mark.parametrize("about", ["the dentist", "meh", "the one about it", "", "walking"])
def test_words_that_describe_no_win_find_none(about: str) -> None:
    assert best_matches(about, RECENT) == []


def test_a_match_needs_half_of_what_was_said() -> None:
    # "oven" alone of "oven gloves shopping": one of three is too little.
    assert best_matches("shopping for oven gloves", RECENT) == []
