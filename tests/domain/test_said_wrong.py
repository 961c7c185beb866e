"""Corrections said with the words a win has and the words it should have, no lead of
"change that to" (``skill/domain/said_wrong.py``), and a win told again
(``skill/domain/again.py``)."""

from __future__ import annotations

import pytest

from skill.domain.again import insists, logged_again
from skill.domain.forget_asks import AskKind, ForgetAsk, forget_asked
from skill.domain.said_wrong import Righted, righted


@pytest.mark.parametrize(
    ("said", "old", "words"),
    [
        ("it says i got home off nights but it was i ate a proper breakfast",
         "got home off nights", "i ate a proper breakfast"),
        ("change my ate breakfast win back it says i got home off nights but it was i ate "
         "a proper breakfast", "got home off nights", "i ate a proper breakfast"),
        ("you ve got washed the car it should be washed the van", "washed the car",
         "washed the van"),
        ("got home off nights should be ate a proper breakfast", "got home off nights",
         "ate a proper breakfast"),
        ("not got home off nights ate a proper breakfast", "got home off nights",
         "ate a proper breakfast"),
        ("no not fed the cat but fed the dog", "fed the cat", "fed the dog"),
        ("change opened the post which to opened the post", "opened the post",
         "opened the post"),
        ("change went to tesco to went to the gym", "went to tesco", "went to the gym"),
    ],
)  # fmt: skip
def test_the_words_a_win_has_and_the_words_it_should(said: str, old: str, words: str) -> None:
    assert righted(said) == Righted(old, words)


@pytest.mark.parametrize(
    "said",
    [
        "it says on the box it was made in china",
        "dinner should be ready",
        "i should be proud",
        "not bad went for a run",
        "the bins should be out",
        "you said i was brave",
        "change my mind to something else",
        "not really i tidied my room",
    ],
)
def test_talk_that_tells_no_two_deeds_is_no_correction(said: str) -> None:
    assert righted(said) is None


def test_a_win_pointed_at_and_called_wrong_is_corrected_at_its_place() -> None:
    assert forget_asked("the second one's wrong, it should be I ate a proper breakfast") == (
        ForgetAsk(AskKind.CORRECT, 2, words="i ate a proper breakfast")
    )


def test_a_delete_with_its_reason_explained_is_the_delete_at_its_place() -> None:
    asked = forget_asked("delete the second one, that's not a win that's just me saying yeah")
    assert asked == ForgetAsk(AskKind.DELETE, 2)


def test_words_that_only_insist_tell_no_deed() -> None:
    assert insists("did do it") and insists("yeah") and insists("yes i really did")
    assert not insists("went to tesco")


def test_a_deed_told_again_is_found_by_lemma_and_once_more_is_another() -> None:
    logged = ("you got home off nights", "you went to tesco")
    assert logged_again("i really did go to tesco", logged) == "you went to tesco"
    assert logged_again("went to tesco again", logged) is None
    assert logged_again("went to the gym", logged) is None


def test_a_story_told_on_after_not_is_no_correction() -> None:
    assert righted("not picked for the play so i signed up for backstage crew instead") is None
