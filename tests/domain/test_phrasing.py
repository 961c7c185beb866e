"""Saying a person's words back to them, and never echoing the inner critic."""

from __future__ import annotations

import pytest

from skill.domain.phrasing import drop_minimisers, second_person, win_from_words


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("I cleared my desk", "you cleared your desk"),
        ("cleared my desk", "you cleared your desk"),
        ("did the laundry", "you did the laundry"),
        ("finally called my mom", "you finally called your mom"),
        ("I made myself lunch", "you made yourself lunch"),
        ("I'm out of bed", "you're out of bed"),
        ("i've started my essay", "you've started your essay"),
        ("I'll remember that one was mine", "you'll remember that one was yours"),
        ("I'd never done that before", "you'd never done that before"),
        ("I am proud of me", "you are proud of you"),
        ("I was brave", "you were brave"),
        ("asked for help when I needed it", "you asked for help when you needed it"),
        ("my partner and I cooked", "your partner and you cooked"),
        ("we went for a walk", "we went for a walk"),
        ("I\u2019m dressed", "you're dressed"),  # a curly apostrophe from the app
        ("fed the cat, finally!", "you fed the cat, finally!"),
    ],
)
def test_second_person_rewrites_only_first_person_words(said: str, expected: str) -> None:
    assert second_person(said) == expected


def test_other_words_are_left_alone() -> None:
    # "imagine", "mine" inside words, "Iowa": only whole pronouns change.
    assert second_person("drove to Iowa to see Mimi") == "you drove to Iowa to see Mimi"
    assert second_person("painted a mural of mines") == "you painted a mural of mines"


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("I only did the dishes", "I did the dishes"),
        ("I just brushed my teeth", "I brushed my teeth"),
        ("I barely got out of bed", "I got out of bed"),
        ("at least I showered", "I showered"),
        ("Well, at least I ate something", "I ate something"),
        ("it's not much but I replied to one text", "I replied to one text"),
        ("merely opened the mail", "opened the mail"),
    ],
)
def test_minimisers_are_dropped(said: str, kept: str) -> None:
    assert drop_minimisers(said) == (kept, True)


def test_plain_wins_are_not_marked_minimised() -> None:
    assert drop_minimisers("I walked the dog") == ("I walked the dog", False)


@pytest.mark.parametrize(
    "said",
    [
        "I only did the dishes",
        "I just brushed my teeth",
        "I barely got out of bed",
        "at least I showered",
        "kind of cleaned my room",
    ],
)
def test_win_said_back_never_echoes_the_minimiser(said: str) -> None:
    win = win_from_words(said)
    assert win.minimised
    words = set(win.said.lower().replace(",", "").split())
    assert not words & {"only", "just", "barely", "least"}
    assert win.sentence.startswith("You ")


def test_sentence_capitalises_only_the_first_letter() -> None:
    assert win_from_words("did the laundry").sentence == "You did the laundry"


def test_normalise_drops_control_and_direction_characters() -> None:
    from skill.domain.phrasing import normalise

    assert normalise("did \x1b the\u202e laundry\x00\n") == "did the laundry"
