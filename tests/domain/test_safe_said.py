"""Answers to "Are you safe right now?" in the ways people say them: a yes, words of being
safe in any English ("I'm right", "all good", "she'll be right"), a no that answers something
else before them, tiredness or a deed said after; and what is never taken as safe."""

from __future__ import annotations

import pytest

from skill.domain.safe_said import SafeSaid, safe_said


@pytest.mark.parametrize(
    "said",
    [
        "yes",
        "yeah",
        "yep of course",
        "yes I am safe",
        "I am safe, yes",
        "yeah I'm right",
        "yeah Im right",
        "I'm right mate",
        "nah I'm right",
        "yeah all good",
        "all good mate",
        "yeah nah all good",
        "it's all fine",
        "she'll be right",
        "I'm okay, thanks for asking",
        "I'm fine I guess",
        "yes I am",
        "safe",
        "I'm not in danger",
        "I'm not going to hurt myself",
        "I'm safe for now",
        "No, I am safe. Only tired.",
        "I am safe, yes. Only so tired.",
        "I'm fine, just knackered",
        "yeah I'm good, bit worn out today",
    ],
)
def test_words_of_being_safe_are_safe_and_nothing_more(said: str) -> None:
    assert safe_said(said) == SafeSaid(), said


@pytest.mark.parametrize(
    ("said", "deed"),
    [
        (
            "yeah fixed the pump on the bore this morning",
            "fixed the pump on the bore this morning",
        ),
        ("yeah I'm ok, I did the dishes", "did the dishes"),
        ("I'm right mate, got the header serviced", "got the header serviced"),
        ("all good, I walked the dog", "walked the dog"),
    ],
)
def test_a_deed_said_after_being_safe_is_kept_to_offer(said: str, deed: str) -> None:
    assert safe_said(said) == SafeSaid(deed)


@pytest.mark.parametrize(
    "said",
    [
        "no",
        "nope",
        "not really",
        "yeah nah",
        "I'm not safe",
        "no I'm not ok",
        "no I'm not",
        "I don't know",
        "I am tired",
        "yes but I want to die",
        "yes I am safe but I want to disappear",
        "yes I took all my pills",
        "I'm safe but I'm struggling",
        "what did I do on Sunday",
        "help",
    ],
)
def test_a_no_anything_unclear_or_a_danger_is_never_taken_as_safe(said: str) -> None:
    assert safe_said(said) is None, said
