"""What a blind tester found when putting wins right, through ``wins chat`` across simulated
days (``--at``), in zones far from UTC and across a clock change: "undo" right after a delete
brings the win back (and never offers to delete another), a win is changed by naming it, a
thing said alone replaces the thing and keeps the deed, "no, the other one" names the next
win, and "change that" first thing in a conversation names the win before changing it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, LONDON, NEW_YORK, WORDS, asks_to_delete, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def test_undo_right_after_a_delete_brings_the_win_back_across_the_clock_change(
    tmp_path: Path,
) -> None:
    # Saturday 31 October in New York; the clocks go back on Sunday 1 November.
    talk(tmp_path, "2026-10-31T11:00", NEW_YORK, "tell small wins I finished the logo draft")
    talk(tmp_path, "2026-10-31T11:02", NEW_YORK, "tell small wins I carved a pumpkin")
    _, asked, deleted, undone, today = talk(
        tmp_path,
        "2026-10-31T11:10",
        NEW_YORK,
        "open small wins",
        "delete the logo one",
        "yes",
        "undo that",
        "what did I do today",
    )
    assert asked in asks_to_delete("you finished the logo draft")
    assert deleted.startswith("Done. That win is deleted.")
    assert undone.startswith("Okay, it's back: you finished the logo draft.")
    assert "delete" not in undone.lower()
    assert today.startswith("Today, Saturday, you logged 2 wins.")
    assert "you carved a pumpkin" in today.lower() and "logo draft" in today

    # The next day, after the clocks went back: both are still Saturday's.
    (yesterday,) = talk(
        tmp_path, "2026-11-01T10:00", NEW_YORK, "ask small wins what did I do yesterday"
    )
    assert yesterday.startswith("Yesterday, Saturday, you logged 2 wins.")

    # "Bring it back" with nothing deleted just now says so, and deletes nothing.
    _, nothing = talk(tmp_path, "2026-11-01T10:05", NEW_YORK, "open small wins", "bring it back")
    assert nothing.startswith(WORDS.variants("undo.nothing")[0])


def test_a_win_is_changed_by_naming_it_and_a_thing_said_alone_keeps_the_deed(
    tmp_path: Path,
) -> None:
    talk(tmp_path, "2026-10-31T11:00", NEW_YORK, "tell small wins I carved a pumpkin with my niece")
    talk(tmp_path, "2026-10-31T11:02", NEW_YORK, "tell small wins I answered an email")
    _, named, fixed, again, _, thing = talk(
        tmp_path,
        "2026-10-31T11:10",
        NEW_YORK,
        "open small wins",
        "change the pumpkin one to I carved two pumpkins with my niece",
        "yes",
        "wait no, make that I carved three pumpkins with my niece",
        "I walked the cat",
        "change it to the dog",
    )
    assert named == (
        "This win: you carved a pumpkin with your niece. "
        "Change it to: you carved two pumpkins with your niece?"
    )
    # Each correction names what it replaced, briefly.
    assert fixed.startswith(
        "Fixed: you carved two pumpkins with your niece. "
        "Before, it said: you carved a pumpkin with your niece."
    )
    assert again.startswith(
        "Fixed: you carved three pumpkins with your niece. "
        "Before, it said: you carved two pumpkins with your niece."
    )
    assert thing.startswith("Fixed: you walked the dog. Before, it said: you walked the cat.")
    (today,) = talk(tmp_path, "2026-10-31T11:20", NEW_YORK, "ask small wins what did I do today")
    assert "walked the dog" in today and "three pumpkins" in today and "answered an email" in today
    assert "did the dog" not in today and "cat" not in today


def test_no_the_other_one_names_the_next_win_and_only_a_yes_deletes_it(tmp_path: Path) -> None:
    talk(tmp_path, "2026-01-08T07:40", AUCKLAND, "tell small wins I fed the cat")
    talk(tmp_path, "2026-01-08T07:45", AUCKLAND, "tell small wins I made toast")
    _, _, asked, other, gone, today = talk(
        tmp_path,
        "2026-01-08T08:00",
        AUCKLAND,
        "open small wins",
        "I walked the dog",
        "delete that",
        "no the other one",
        "yes",
        "what did I do today",
    )
    assert "you walked the dog" in asked
    assert other in asks_to_delete("you made toast")
    assert gone.startswith("Done. That win is deleted.")
    assert "made toast" not in today and "walked the dog" in today and "fed the cat" in today


def test_change_that_first_thing_in_a_conversation_names_the_win_before_changing_it(
    tmp_path: Path,
) -> None:
    # London, the morning after the clocks went back (Sunday 25 October).
    talk(tmp_path, "2026-10-24T20:00", LONDON, "tell small wins I replied to that email")
    _, named, kept, today = talk(
        tmp_path,
        "2026-10-25T09:00",
        LONDON,
        "open small wins",
        "change that to I sent two invoices",
        "no",
        "what did I do yesterday",
    )
    assert named == "This win: you replied to that email. Change it to: you sent two invoices?"
    assert kept.startswith(WORDS.variants("correct.kept")[0])
    assert "replied to that email" in today and "invoices" not in today


def test_the_last_one_after_a_recap_and_new_wins_is_the_win_logged_last_in_kolkata(
    tmp_path: Path,
) -> None:
    # Last week's wins are read in the recap; two wins are logged after it: "the last one"
    # is the win just logged, never the last of the list read before.
    talk(tmp_path, "2026-12-07T19:00", "Asia/Kolkata", "tell small wins I fed the dog")
    talk(tmp_path, "2026-12-08T19:00", "Asia/Kolkata", "tell small wins I fed the cat")
    said = talk(
        tmp_path,
        "2026-12-14T20:30",
        "Asia/Kolkata",
        "open small wins",
        "yes",
        "I bathed the baby",
        "I gave the baby a bath",
        "change the last one to I bathed both kids",
        "what did I do today",
    )
    assert "fed the dog" in said[1]
    assert said[4].startswith("Fixed: you bathed both kids.")
    assert "bathed both kids" in said[5] and "bathed the baby" in said[5]
    assert "gave the baby a bath" not in said[5]
    (last_week,) = talk(
        tmp_path, "2026-12-15T09:30", "Asia/Kolkata", "ask small wins what did I do last week"
    )
    assert "fed the dog" in last_week and "both kids" not in last_week


def test_scratch_that_takes_nothing_for_a_danger_in_kolkata(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-14T20:30",
        "Asia/Kolkata",
        "open small wins",
        "I bathed the baby",
        "actually scratch that",
    )
    assert "safe" not in said[2] and "988" not in said[2], said
