"""What a blind tester's four people said that the reader took for wins, by family, through
``wins chat`` on their own days and zones: words said to someone else in the room, questions
and requests to the skill, fragments that name no deed, self-corrections, and replies to the
morning question that answer something else. Nothing of these is kept; what the person settled
on is."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import everything_kept, saved_win_texts
from tests.console.talking import AUCKLAND, LONDON, NEW_YORK, SYDNEY, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def _not_understood(reply: str) -> bool:
    keys = (
        "fallback.speech",
        "fallback.again",
        "fallback.awaiting_one_thing",
        "fallback.awaiting_win",
        "fallback.once",
    )
    return any(reply.startswith(variant) for key in keys for variant in WORDS.variants(key))


def test_a_household_talking_over_a_win_on_a_shared_echo_in_auckland(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2025-12-29T08:20",
        AUCKLAND,
        "open small wins",
        "I got both kids dressed and out the door before nine",
        "mummy can we have pancakes",  # a child, to the parent
        "sorry that was my daughter I also packed the lunches",
        "I folded the towels Ben stop kicking your brother",
        "and the pancake one",  # points at nothing logged: no deed
        "stop",
    )
    _, _, pancakes, lunches, towels, pointed, _ = said
    assert _not_understood(pancakes), pancakes
    assert "pancake" not in lunches.lower() and "daughter" not in lunches.lower()
    assert "Ben" not in towels and "brother" not in towels
    assert _not_understood(pointed), pointed
    assert saved_win_texts(tmp_path) == [
        "got both kids dressed and out the door before nine",
        "packed the lunches",
        "folded the towels",
    ]
    kept = everything_kept(tmp_path)
    assert "pancake" not in kept and "ben" not in kept and "daughter" not in kept


def test_questions_are_never_kept_for_a_literal_listener_in_sydney(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-04-09T18:10",
        SYDNEY,
        "open small wins",
        "On which day will you remind me?",
        "open small wins",
        "I logged a walk on Monday, didn't I",
        "tell small wins I tidied my desk, didn't I",
        "tell small wins I watered the ferns",
    )
    assert _not_understood(said[1]) and _not_understood(said[3]), said
    assert saved_win_texts(tmp_path) == ["watered the ferns"]


def test_read_them_out_after_a_list_is_the_rest_in_london(tmp_path: Path) -> None:
    for number, deed in enumerate(
        ("made tea", "fed the cat", "walked to the shop", "rang my sister", "hoovered", "got up")
    ):
        talk(tmp_path, f"2026-11-03T0{number + 1}:30", LONDON, f"tell small wins I {deed}")
    said = talk(
        tmp_path,
        "2026-11-03T10:00",
        LONDON,
        "open small wins",
        "what did I do today",
        "read them out",
        "stop",
    )
    _, listed, rest, _ = said
    assert listed.endswith(WORDS.variants("recall.more")[0]) or "Want the rest?" in listed
    assert "made tea" in rest
    assert len(saved_win_texts(tmp_path)) == 6
    assert "read them" not in everything_kept(tmp_path)


def test_what_a_rambling_freelancer_settled_on_is_kept_in_new_york(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-10-29T10:15",
        NEW_YORK,
        "open small wins",
        "okay so um I finally sent the quote to the client, the long one, wait no it was "
        "two quotes, I sent two quotes",
        "ugh okay today I, hmm, I did the ironing, no wait that was yesterday, today I did the "
        "food shop",
        "I went for a swim. Actually it was more of a paddle",
        "stop",
    )
    assert "two quotes" in said[1] and "long one" not in said[1]
    assert "food shop" in said[2] and "ironing" not in said[2]
    assert "paddle" in said[3] and "swim" not in said[3]
    assert saved_win_texts(tmp_path) == [
        "sent two quotes",
        "did the food shop",
        "went for a paddle",
    ]


def test_a_plan_settled_on_after_two_is_the_one_thing_in_new_york(tmp_path: Path) -> None:
    talk(tmp_path, "2026-11-01T20:00", NEW_YORK, "tell small wins I answered two emails")
    said = talk(
        tmp_path,
        "2026-11-02T09:31",
        NEW_YORK,
        "open small wins",
        "I'm gonna write the blog post, or maybe the newsletter, no, blog post",
        "what's my one thing",
    )
    assert "write the blog post" in said[1] and "newsletter" not in said[1]
    assert "newsletter" not in said[2] and "blog post" in said[2]


def test_replies_to_the_morning_question_that_are_no_plan_in_london(tmp_path: Path) -> None:
    talk(tmp_path, "2026-10-23T20:00", LONDON, "tell small wins I made tea")
    styled = talk(
        tmp_path, "2026-10-24T09:05", LONDON, "open small wins", "could you be less chirpy"
    )
    assert styled[1].startswith(tuple(WORDS.variants("style.calm"))), styled
    shrug = talk(tmp_path, "2026-10-25T07:30", LONDON, "open small wins", "not a clue")
    assert shrug[1].startswith(tuple(WORDS.variants("answer.no_plan_on"))), shrug
    day_only = talk(
        tmp_path, "2026-10-25T08:10", LONDON, "open small wins", "hoovered", "last week?"
    )
    assert _not_understood(day_only[2]), day_only
    kept = everything_kept(tmp_path)
    assert "chirpy" not in kept and "last week" not in kept and "clue" not in kept
    assert saved_win_texts(tmp_path) == ["made tea", "hoovered"]
