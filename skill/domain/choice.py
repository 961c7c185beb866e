"""Choices the skill makes with randomness passed in: which win to hear, which wording to use."""

from enum import StrEnum
from random import Random
from typing import Final, NamedTuple

MILESTONES: Final = (10, 25, 50, 100, 250, 500, 1000)


class Style(StrEnum):
    """How a win is celebrated; the person switches by voice and it persists."""

    CHEERFUL = "cheerful"  # the default: warm words and one short sound
    CALM = "calm"  # low-sensory: no sound, gentle words


class CountNote(StrEnum):
    """What, if anything, the celebration says about how many wins there are."""

    NONE = "none"
    FIRST_EVER = "first_ever"
    MILESTONE = "milestone"
    TODAY = "today"


def pick_win_number(count: int, last_heard: int | None, rng: Random) -> int:
    """A win number in 1..count, uniformly at random, never the one heard last time.

    With a single win there is nothing else to choose, so that one is heard again.
    """
    if count < 1:
        raise ValueError("there are no wins to pick from")
    if count == 1 or last_heard is None or not 1 <= last_heard <= count:
        return rng.randint(1, count)
    pick = rng.randint(1, count - 1)
    return pick + 1 if pick >= last_heard else pick


def pick_unheard(
    count: int, heard: frozenset[int], last_heard: int | None, rng: Random
) -> int | None:
    """A win number in 1..count not in ``heard`` (those read out in this conversation),
    uniformly at random and, when there is a choice, not the one heard last time.

    None when every win has been heard already.
    """
    skip = {number for number in heard if 1 <= number <= count}
    if last_heard is not None and 1 <= last_heard <= count and count - len(skip) > 1:
        skip.add(last_heard)
    left = count - len(skip)
    if left < 1:
        return None
    pick = rng.randint(1, left)
    for taken in sorted(skip):  # the pick-th number that is not skipped
        if taken <= pick:
            pick += 1
        else:
            break
    return pick


def pick_variant(options: int, last: int | None, rng: Random) -> int:
    """An index in 0..options-1 that differs from ``last``, so no wording repeats twice in a row."""
    if options < 1:
        raise ValueError("no wording to pick from")
    return pick_win_number(options, None if last is None else last + 1, rng) - 1


def count_note(total: int, today: int, added: int = 1) -> CountNote:
    """The one count worth saying: first win ever, a milestone, or how many today.

    ``added`` wins were just logged together (several deeds in one breath): a milestone any of
    them reaches is noted, and "today" only when there were wins today before them.
    """
    first = total - added + 1
    if first == 1:
        return CountNote.FIRST_EVER
    if any(_milestone(number) for number in range(first, total + 1)):
        return CountNote.MILESTONE
    if today > added:
        return CountNote.TODAY
    return CountNote.NONE


def _milestone(total: int) -> bool:
    return total in MILESTONES or (total > MILESTONES[-1] and total % 1000 == 0)


class CelebrationPlan(NamedTuple):
    """Which celebration to speak; the words themselves come from the speech catalogue."""

    style: Style
    variant: int
    note: CountNote
    total: int
    today: int
    minimised: bool
    minimiser_variant: int
    brief: bool = False  # the person asked for no follow-up questions
