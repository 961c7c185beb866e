"""Several deeds in one breath, and the words around a deed that are not it, through ``wins
chat`` on a pinned day and zone: each deed a win said back in a list (never "and more" for
three or fewer), a failure said with them heard and never kept, and hedges, closers, a number
corrected, a stressing "did" or a "did it" lead-in left out of what is kept and said back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import CHICAGO, LONDON, SYDNEY, WORDS, talk, talk_ends

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


@pytest.mark.parametrize(
    ("said", "kept", "listed"),
    [
        (
            "I got the kids to school, made packed lunches and found my keys",
            ["got the kids to school", "made packed lunches", "found my keys"],
            "You got the kids to school, made packed lunches and found your keys",
        ),
        (
            "I got the kids to school, made packed lunches and didn't lose my keys",
            ["got the kids to school", "made packed lunches", "didn't lose my keys"],
            "You got the kids to school, made packed lunches and didn't lose your keys",
        ),
        (
            "I submitted the statistics assignment at 4:52 pm, attended two lectures, and ate "
            "three meals.",
            ["submitted the statistics assignment at 4 52 pm", "attended two lectures"],
            "attended two lectures and ate three meals",
        ),
        (
            "I walked the dog to the park ate scrambled eggs and rang my sister",
            ["walked the dog to the park", "ate scrambled eggs", "rang my sister"],
            "You walked the dog to the park, ate scrambled eggs and rang my sister",
        ),
        (
            "I emptied the bins at half seven bought fresh bread and paid the gas bill",
            ["emptied the bins at half seven", "bought fresh bread", "paid the gas bill"],
            "bought fresh bread and paid the gas bill",
        ),
    ],
)
def test_three_deeds_in_one_breath_are_three_wins_said_back_whole(
    tmp_path: Path, said: str, kept: list[str], listed: str
) -> None:
    (reply,) = talk(tmp_path, "2026-12-03T07:40", LONDON, f"tell small wins {said}")

    assert "and more" not in reply
    assert WORDS.variants("numbers")[3] in reply.lower(), reply
    assert listed.replace("rang my", "rang your") in reply, reply
    assert saved_win_texts(tmp_path)[: len(kept)] == kept


def test_a_failure_said_after_deeds_is_heard_and_never_kept(tmp_path: Path) -> None:
    replies = talk(
        tmp_path,
        "2026-12-03T21:35",
        LONDON,
        "tell small wins I rang the school about Jayden and sorted his dinner money and then "
        "forgot to ring mum back",
        "tell small wins I hoovered the stairs, fed the cat and then missed the bus",
    )

    assert all("forgot" not in reply and "missed" not in reply for reply in replies), replies
    assert "and more" not in replies[0]
    texts = saved_win_texts(tmp_path)
    assert texts[2:] == ["hoovered the stairs", "fed the cat"], texts
    assert not any("forgot" in text or "missed" in text for text in texts)


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("I suppose I also replied to one email, which is not much", "replied to one email"),
        ("I put a wash on which is nothing really", "put a wash on"),
        (
            "I went to the library. Correction: I went to the library for 90 minutes, not 2 hours.",
            "went to the library for 90 minutes",
        ),
        ("I swam 20 lengths, not 30", "swam 20 lengths"),
        ("I did walk the dog though", "walked the dog"),
        ("I did actually ring the dentist", "rang the dentist"),
        ("I finally did it, the big shop's sorted", "sorted the big shop"),
        ("done it, the forms are sent", "sent the forms"),
        ("I changed the beds and that's about it really", "changed the beds"),
    ],
)
def test_hedges_closers_and_corrections_are_left_out_of_a_win(
    tmp_path: Path, said: str, kept: str
) -> None:
    (reply,) = talk(tmp_path, "2026-12-04T21:40", SYDNEY, f"tell small wins {said}")

    assert saved_win_texts(tmp_path) == [kept]
    for critic in ("not much", "nothing", "correction", "not 2", "not 30", "did walk", "about it"):
        assert critic not in reply.lower(), reply


def test_a_list_closed_with_nothing_else_keeps_only_the_deeds(tmp_path: Path) -> None:
    (reply,) = talk(
        tmp_path,
        "2026-12-07T21:05",
        SYDNEY,
        "tell small wins I read chapter 4 and did 20 minutes of exercise, nothing else",
    )

    assert "nothing else" not in reply
    assert saved_win_texts(tmp_path) == ["read chapter 4", "did 20 minutes of exercise"]


@pytest.mark.parametrize(
    ("said", "plan"),
    [
        ("dunno really, probably just the washing", "the washing"),
        ("the school run, that's it", "the school run"),
        ("walk the dog maybe", "walk the dog"),
        ("no idea, maybe ring the bank I guess", "ring the bank"),
    ],
)
def test_the_one_thing_is_kept_without_its_hedges(tmp_path: Path, said: str, plan: str) -> None:
    _, reply = talk(tmp_path, "2026-12-04T07:35", LONDON, "open small wins", said)

    assert f": {plan}." in reply, reply


@pytest.mark.parametrize("said", ["did my one thing", "done my one thing", "got my one thing done"])
def test_the_one_thing_told_done_without_i_is_the_one_thing(tmp_path: Path, said: str) -> None:
    talk(tmp_path, "2026-12-02T08:05", CHICAGO, "open small wins", "walk the dog")
    _, reply = talk(tmp_path, "2026-12-02T20:10", CHICAGO, "open small wins", said)

    assert "walk the dog" in reply, reply
    assert saved_win_texts(tmp_path) == ["walk the dog"]


@pytest.mark.parametrize(
    "closed", ["meh that's it really, I'm knackered", "nah that's me, I'm shattered"]
)
def test_that_is_it_said_worn_out_is_met_with_rest_and_ends(tmp_path: Path, closed: str) -> None:
    said = talk_ends(
        tmp_path, "2026-12-03T21:30", LONDON, "open small wins", "I folded the washing", closed
    )

    reply, ended = said[-1]
    assert reply in WORDS.variants("answer.rest") and ended, said


def test_that_is_it_said_in_pain_is_never_met_with_rest(tmp_path: Path) -> None:
    said = talk_ends(
        tmp_path,
        "2026-12-03T21:30",
        LONDON,
        "open small wins",
        "I folded the washing",
        "that's it, I'm exhausted and so lonely",
    )

    assert said[-1][0] not in WORDS.variants("answer.rest"), said
