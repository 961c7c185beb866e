"""What of a statement is the person's own deed: a deed taken back, a greeting or a question,
someone else's doing before their own, and a loss told as a deed."""

from __future__ import annotations

import pytest

from skill.domain.meant import Meant, Set, meant


@pytest.mark.parametrize(
    "said",
    [
        "walked the dog. actually no I didnt, my dad did",
        "did the dishes. wait no my brother did. nvm",
        "did the dishes wait no my brother did nvm",
        "made dinner oops no it wasn't me",
        "hoovered the stairs, hang on, no, my sister did it",
        "walked the dog actually no i didnt",
    ],
)
def test_a_deed_taken_back_is_not_kept(said: str) -> None:
    assert meant(said) == Meant("", Set.TAKEN_BACK)


def test_a_deed_taken_back_for_one_of_their_own_keeps_their_own() -> None:
    assert meant("walked the dog wait no i didnt but i fed the cat") == Meant(
        "fed the cat", Set.TAKEN_BACK
    )


@pytest.mark.parametrize(
    "said", ["yo what time is it lol", "happy new year lol", "hi", "merry christmas everyone"]
)
def test_a_greeting_or_a_question_alone_is_nothing_to_keep(said: str) -> None:
    assert meant(said) == Meant("", Set.GREETED)


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("happy new year lol. I stayed up till midnight", "stayed up till midnight"),
        ("hi I made soup", "made soup"),
        ("good morning i made coffee", "made coffee"),
    ],
)
def test_a_greeting_before_a_deed_is_left_out(said: str, kept: str) -> None:
    assert meant(said) == Meant(kept, Set.ASIDE)


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        (
            "He was awake at night. I have brought him back to bed without shouting",
            "have brought him back to bed without shouting",
        ),
        ("the kids were loud i stayed calm", "stayed calm"),
    ],
)
def test_someone_elses_doing_before_the_persons_own_is_left_out(said: str, kept: str) -> None:
    assert meant(said) == Meant(kept, Set.SCENE)


@pytest.mark.parametrize(
    "said",
    ["the dog got into the chooks, lost four hens", "lost another ewe", "lost two lambs today"],
)
def test_a_loss_told_as_a_deed_is_a_loss(said: str) -> None:
    assert meant(said).set_aside is Set.LOSS


@pytest.mark.parametrize(
    "said",
    [
        "walked the dog",
        "did the dishes no big deal",
        "went out but i did not enjoy it",
        "cleaned the kitchen, wait no, I vacuumed the lounge",
        "lost 5 kilos",
        "lost weight",
        "lost two hens to a fox but i still fixed the fence",
        "the boiler packed in so i rang a plumber",
        "he was tired so i cooked dinner",
        "morning walk with the dog",
        "evening class finished",
        "hey presto fixed it",
    ],
)
def test_everything_else_is_kept_as_said(said: str) -> None:
    assert meant(said) == Meant(said)
