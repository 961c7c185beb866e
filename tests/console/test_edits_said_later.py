"""Putting a win right the ways people say it, through ``wins chat`` on pinned days (``--at``)
in zones far from UTC: a correction said right after a win ("no, change that to ...", "no I
meant ...", "sorry, I said ..., it was ...", "make that ...", "not the cat, the dog") changes
that win, says what it replaced and never stores a second one; a win deleted comes back when
asked for a few turns later in the same conversation ("bring that back", "put it back", "I
didn't mean to delete that"), and is never lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import AUCKLAND, KOLKATA, SYDNEY, WORDS, asks_to_delete, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def back(win: str) -> str:
    return WORDS.variants("undo.done")[0].format(win=win)


def fixed(new: str, old: str) -> str:
    return WORDS.text("correct.done_was", win=new, old=old)


@pytest.mark.parametrize(
    ("win", "correction", "new", "old"),
    [
        ("I walked the cat", "no, change that to walked the dog", "dog", "you walked the cat"),
        ("I walked the cat", "no change it to I walked the dog", "dog", "you walked the cat"),
        ("I walked the cat", "sorry, change that to walked the dog", "dog", "you walked the cat"),
        ("I walked the cat", "no I meant the dog", "dog", "you walked the cat"),
        ("I walked the cat", "not the cat, the dog", "dog", "you walked the cat"),
        ("I walked the cat", "no, the dog", "dog", "you walked the cat"),
        ("I walked the cat", "make that the dog", "dog", "you walked the cat"),
        ("I walked the cat", "make that walked the dog", "dog", "you walked the cat"),
        (
            "I walked the cat",
            "sorry, I said walked the cat, it was walked the dog",
            "dog",
            "you walked the cat",
        ),
        ("I walked the cat", "I said the cat but I meant the dog", "dog", "you walked the cat"),
    ],
)
def test_a_correction_right_after_a_win_changes_it_and_stores_no_second_win(
    tmp_path: Path, win: str, correction: str, new: str, old: str
) -> None:
    # Evening in Kolkata (UTC+5:30): the day there is not the day in UTC for long.
    talk(tmp_path, "2026-11-01T09:00", KOLKATA, "tell small wins I made tea")
    _, logged, put_right = talk(
        tmp_path, "2026-11-02T23:50", KOLKATA, "open small wins", win, correction
    )
    assert "you walked the cat" in logged.lower()
    assert put_right.startswith(fixed("you walked the dog", old)), put_right
    assert saved_win_texts(tmp_path) == ["made tea", "walked the dog"]


def test_several_wins_each_put_right_as_said_in_one_conversation(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-11-03T21:15",
        KOLKATA,
        "open small wins",
        "I washed the car",
        "sorry, I said washed the car, it was washed the van",
        "I fed the cat",
        "oops, my sister's cat",
        "I made soup",
        "make that I made a stew",
        "what did I do today",
    )
    assert said[2].startswith(fixed("you washed the van", "you washed the car"))
    assert said[4].startswith(fixed("you fed your sister's cat", "you fed the cat"))
    assert said[6].startswith(fixed("you made a stew", "you made soup"))
    assert said[7].startswith("Today, Tuesday, you logged 3 wins.")
    assert saved_win_texts(tmp_path) == ["washed the van", "fed my sister's cat", "made a stew"]


def test_a_crisis_said_as_a_correction_is_met_with_care_and_never_stored(tmp_path: Path) -> None:
    _, _, answered = talk(
        tmp_path,
        "2026-11-03T21:15",
        SYDNEY,
        "open small wins",
        "I walked the cat",
        "no I meant I want to kill myself",
    )
    assert "Fixed" not in answered
    assert saved_win_texts(tmp_path) == ["walked the cat"]


def test_a_deleted_win_comes_back_a_few_turns_later_in_sydney(tmp_path: Path) -> None:
    # Sydney's clocks went forward on Sunday 4 October; these are the days after.
    talk(tmp_path, "2026-10-05T08:00", SYDNEY, "tell small wins I made tea")
    talk(tmp_path, "2026-10-05T08:05", SYDNEY, "tell small wins I fed the cat")
    said = talk(
        tmp_path,
        "2026-10-06T19:00",
        SYDNEY,
        "open small wins",
        "I walked the dog",
        "delete the one about tea",
        "yes",
        "what did I do today",
        "how many wins this week",
        "bring that back",
    )
    assert said[2] in asks_to_delete("you made tea")
    assert said[3].startswith(WORDS.variants("forget.done")[0])
    assert said[6].startswith(back("you made tea"))
    assert sorted(saved_win_texts(tmp_path)) == ["fed the cat", "made tea", "walked the dog"]


def test_after_a_win_is_logged_undo_means_that_win_and_bring_it_back_the_deleted_one(
    tmp_path: Path,
) -> None:
    talk(tmp_path, "2026-10-05T08:00", SYDNEY, "tell small wins I fed the cat")
    said = talk(
        tmp_path,
        "2026-10-06T19:00",
        SYDNEY,
        "open small wins",
        "delete the one about the cat",
        "yes",
        "I watered the plants",
        "undo",
        "no",
        "I didn't mean to delete that",
        "put it back",
    )
    assert said[1] in asks_to_delete("you fed the cat")
    # "Undo" after a new win names that win, and deletes only on a yes.
    assert said[4] == WORDS.variants("delete.last_confirm")[0].format(win="you watered the plants")
    assert said[6].startswith(back("you fed the cat"))
    # Nothing else was deleted: nothing more to bring back, and nothing stored twice.
    assert said[7].startswith(WORDS.variants("undo.nothing")[0])
    assert sorted(saved_win_texts(tmp_path)) == ["fed the cat", "watered the plants"]


def test_two_wins_deleted_both_come_back_newest_first(tmp_path: Path) -> None:
    talk(tmp_path, "2026-10-05T08:00", SYDNEY, "tell small wins I made tea")
    talk(tmp_path, "2026-10-05T08:05", SYDNEY, "tell small wins I fed the cat")
    said = talk(
        tmp_path,
        "2026-10-06T19:00",
        SYDNEY,
        "open small wins",
        "delete the one about tea",
        "yes",
        "delete the one about the cat",
        "yes",
        "undo that",
        "bring that back too",
    )
    assert said[5].startswith(back("you fed the cat"))
    assert said[6].startswith(back("you made tea"))
    assert sorted(saved_win_texts(tmp_path)) == ["fed the cat", "made tea"]


def test_after_the_rest_a_win_named_by_its_words_is_found_on_any_page_then_among_recent_ones(
    tmp_path: Path,
) -> None:
    # Last week's win, then seven this week (Tuesday 1 December, Auckland, UTC+13).
    talk(tmp_path, "2026-11-27T10:00", AUCKLAND, "tell small wins I repotted the fern")
    talk(
        tmp_path,
        "2026-12-01T10:00",
        AUCKLAND,
        *(
            f"tell small wins I {deed}"
            for deed in (
                "cleaned the oven",
                "fed the cat",
                "made the bed",
                "called mum",
                "watered the plants",
                "went for a walk",
                "answered an email",
            )
        ),
    )
    said = talk(
        tmp_path,
        "2026-12-03T19:00",
        AUCKLAND,
        "open small wins",
        "what did I do this week",
        "the rest",
        "delete the one about the bed",  # read on the first page, before "the rest"
        "no",
        "delete the one about the fern",  # in no list read: among the recent wins
        "no",
        "what did I do this week",
        "the rest",
        "delete the second one",  # a place counts in the whole list read, across its pages
    )
    assert "And 2 more. Want the rest?" in said[1] and "made the bed" in said[1]
    assert "made the bed" not in said[2]
    assert said[3] in asks_to_delete("you made the bed")
    assert said[5] in asks_to_delete("you repotted the fern")
    assert said[9] in asks_to_delete("you went for a walk")
    assert len(saved_win_texts(tmp_path)) == 8


def test_a_thing_said_after_a_mark_corrects_only_a_win_just_logged(tmp_path: Path) -> None:
    talk(tmp_path, "2026-12-01T20:00", AUCKLAND, "tell small wins I made tea")
    # The morning question asked again after a win: "sorry, the dog" puts the win right.
    _, _, put_right = talk(
        tmp_path,
        "2026-12-02T07:40",
        AUCKLAND,
        "open small wins",
        "I walked the cat",
        "sorry, the dog",
    )
    assert put_right.startswith(fixed("you walked the dog", "you walked the cat"))
    # Said to the morning question with no win logged in the conversation: no correction.
    _, answered = talk(tmp_path, "2026-12-03T07:40", AUCKLAND, "open small wins", "no, the laundry")
    assert "Fixed" not in answered
    assert saved_win_texts(tmp_path) == ["made tea", "walked the dog"]
