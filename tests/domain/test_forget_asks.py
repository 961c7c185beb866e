"""Requests to delete or correct one win, however they are put, and statements that are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from skill.domain.forget_asks import AskKind, ForgetAsk, forget_asked
from skill.domain.matching import LAST


@pytest.mark.parametrize(
    ("said", "position"),
    [
        ("please delete the second one", 2),
        ("can you remove the second one", 2),
        ("could you please scratch the last one", LAST),
        ("delete win two", 2),
        ("actually delete the third one", 3),
        ("I'd like you to get rid of the first win", 1),
        ("let's erase number four", 4),
    ],
)
def test_deleting_by_place_is_heard_with_any_polite_lead(said: str, position: int) -> None:
    assert forget_asked(said) == ForgetAsk(AskKind.DELETE, position)


@pytest.mark.parametrize(
    ("said", "about"),
    [
        ("I want to delete the one about the oven", "the oven"),
        ("can you delete the one about the oven", "the oven"),
        ("remove the one I logged about the bins", "the bins"),
        ("delete the win where I cleaned the oven", "i cleaned the oven"),
        ("please get rid of the laundry one", "laundry"),
        ("forget the one that says meh", "meh"),
        ("take out the one with the dentist", "the dentist"),
    ],
)
def test_deleting_by_words_is_heard_with_any_polite_lead(said: str, about: str) -> None:
    assert forget_asked(said) == ForgetAsk(AskKind.DELETE, about=about)


@pytest.mark.parametrize(
    ("said", "words", "position"),
    [
        ("oops I meant fed the cat", "fed the cat", None),
        ("actually I meant fed the dog", "fed the dog", None),
        ("no no I said walked the dog", "walked the dog", None),
        ("I said fed the cat not fed the dog", "fed the cat", None),
        ("wrong, it was fed the cat", "fed the cat", None),
        ("that's wrong, it should be fed the cat", "fed the cat", None),
        ("sorry, you misheard, I said watered the plants", "watered the plants", None),
        ("can you change my win to fed the cat", "fed the cat", None),
        ("fix it to say called my sister", "called my sister", None),
        ("please change the second one to fed the cat", "fed the cat", 2),
        ("correct number three to made tea", "made tea", 3),
    ],
)
def test_corrections_are_heard_however_the_mistake_is_marked(
    said: str, words: str, position: int | None
) -> None:
    assert forget_asked(said) == ForgetAsk(AskKind.CORRECT, position, words=words)


@pytest.mark.parametrize(
    "said",
    [
        "I deleted the old emails",
        "I removed the weeds",
        "I got rid of the old sofa",
        "I meant to call mum",
        "i meant fed the cat",  # no mark of a mistake: could be anything
        "I said no to a second drink",
        "I said hello to my neighbour",
        "i said sorry to my brother for not calling back",  # saying sorry is told, not a fix
        "i said no to the extra shift instead of burning out",
        "i said thank you to the nurse rather than rushing off",
        "it was a good day not a bad one",
        "actually it was a good day",
        "no it was fine",
        "actually i did get the post in",
        "clear my desk",
        "forget it",
        "delete that",
        "undo",
        "change the sheets",
        "change the bed to clean sheets",  # a place it names is no place in a list
        "",
    ],
)
def test_statements_and_other_requests_are_not_read_as_one(said: str) -> None:
    assert forget_asked(said) is None


def test_nothing_people_say_in_the_projects_corpora_is_read_as_a_request_to_delete_or_correct() -> (
    None
):
    root = Path(__file__).parents[1]
    said = [
        column
        for path in ("care/corpus.tsv", "care/everyday.tsv", "care/ordinary.tsv")
        for line in (root / path).read_text("utf-8").splitlines()
        if line and not line.startswith("#")
        for column in line.split("\t")[2:3]
    ] + [
        utterance
        for line in (root / "console/realtalk.tsv").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
        for utterance in line.split("\t")[2].split(" | ")
    ]
    assert len(said) > 500
    assert [text for text in said if forget_asked(text) is not None] == []
