"""Random choices: uniform, never the same twice running, and counts worth saying."""

from __future__ import annotations

from collections import Counter
from random import Random

import pytest

from skill.domain.choice import CountNote, count_note, pick_variant, pick_win_number


def test_pick_never_repeats_the_last_heard_win() -> None:
    rng = Random(1)
    for count in range(2, 30):
        for last in range(1, count + 1):
            for _ in range(20):
                pick = pick_win_number(count, last, rng)
                assert 1 <= pick <= count and pick != last


def test_pick_is_uniform_over_the_other_wins() -> None:
    rng = Random(2)
    counts = Counter(pick_win_number(5, 3, rng) for _ in range(40_000))
    assert set(counts) == {1, 2, 4, 5}
    for number in (1, 2, 4, 5):
        assert 9_400 < counts[number] < 10_600  # 10,000 expected each; ~6 sigma


def test_pick_with_one_win_or_no_history() -> None:
    rng = Random(3)
    assert pick_win_number(1, 1, rng) == 1
    assert {pick_win_number(3, None, rng) for _ in range(200)} == {1, 2, 3}
    assert {pick_win_number(3, 99, rng) for _ in range(200)} == {1, 2, 3}  # stale last: ignored


def test_pick_with_no_wins_is_an_error() -> None:
    with pytest.raises(ValueError):
        pick_win_number(0, None, Random(0))


def test_variant_never_repeats_twice_in_a_row() -> None:
    rng = Random(4)
    last: int | None = None
    seen = set()
    for _ in range(500):
        index = pick_variant(6, last, rng)
        assert 0 <= index < 6 and index != last
        seen.add(index)
        last = index
    assert seen == set(range(6))


@pytest.mark.parametrize(
    ("total", "today", "note"),
    [
        (1, 1, CountNote.FIRST_EVER),
        (2, 1, CountNote.NONE),
        (3, 3, CountNote.TODAY),
        (10, 4, CountNote.MILESTONE),  # a milestone outranks today's count
        (25, 1, CountNote.MILESTONE),
        (50, 1, CountNote.MILESTONE),
        (100, 2, CountNote.MILESTONE),
        (101, 2, CountNote.TODAY),
        (2000, 1, CountNote.MILESTONE),
        (2001, 1, CountNote.NONE),
    ],
)
def test_count_note(total: int, today: int, note: CountNote) -> None:
    assert count_note(total, today) is note
