"""Crisis language is recognised broadly, without mistaking ordinary wins for it."""

from __future__ import annotations

import pytest

from skill.domain.crisis import crisis_phrases, sounds_like_crisis


@pytest.mark.parametrize(
    "said",
    [
        "I want to kill myself",
        "thought about suicide today",
        "I don't want to be alive anymore",
        "i dont want to live",  # no apostrophe: listed as "do not"/"don't" both
        "I hurt myself again",
        "I want to end it all",
        "everyone would be better off without me",
        "I took an overdose",
        "I KILLED MYSELF TRYING, JK",  # errs on the side of care
        "thinking of self-harm",
        "I can\u2019t go on",
    ],
)
def test_crisis_language_is_recognised(said: str) -> None:
    assert sounds_like_crisis(said)


@pytest.mark.parametrize(
    "said",
    [
        "did the laundry",
        "I killed it at my presentation",
        "finished a killer workout",
        "cut my hair",
        "I cut the grass myself",
        "had an odd day but I cooked",
    ],
)
def test_ordinary_wins_are_not_flagged(said: str) -> None:
    assert not sounds_like_crisis(said)


def test_the_phrase_list_is_broad_and_normalised() -> None:
    phrases = crisis_phrases()
    assert len(phrases) >= 40
    assert all(p == p.lower() and p.startswith(" ") and p.endswith(" ") for p in phrases)
