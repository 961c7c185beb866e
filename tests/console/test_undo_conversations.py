""" "Undo" across conversations, through ``wins chat`` at pinned times in a zone far from UTC:
right after a deletion it offers that win back (never deletes another), after a correction
it puts the old words back, and after a log it means the win logged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import CHICAGO, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def _one(key: str, **values: str) -> set[str]:
    return {text.format(**values) for text in WORDS.variants(key)}


def test_undo_in_the_next_conversation_brings_back_the_win_deleted_across_the_clock_change(
    tmp_path: Path,
) -> None:
    # Chicago's clocks go back at 02:00 on Sunday 1 November 2026: the hour from 01:00 comes
    # twice. The wins are logged on Saturday night, deleted and undone in the repeated hour.
    talk(tmp_path, "2026-10-31T23:50", CHICAGO, "tell small wins I fed the dog and did the dishes")
    asked, deleted = talk(
        tmp_path,
        "2026-11-01T01:30",
        CHICAGO,
        "tell small wins delete the one about the dishes",
        "yes",
    )
    assert "you did the dishes" in asked
    offered, back = talk(tmp_path, "2026-11-01T01:31", CHICAGO, "tell small wins undo that", "yes")
    (yesterday,) = talk(
        tmp_path, "2026-11-01T01:32", CHICAGO, "ask small wins what did I do yesterday"
    )
    (again,) = talk(tmp_path, "2026-11-01T01:33", CHICAGO, "tell small wins undo that")

    assert offered in _one("undo.offer", win="you did the dishes"), offered
    assert back.startswith(tuple(_one("undo.done", win="you did the dishes"))), back
    # Back on the day it was first logged, beside the win that was never deleted.
    assert "2 wins" in yesterday and "you did the dishes" in yesterday.lower(), yesterday
    assert "fed the dog" in yesterday
    # Brought back, it is the newest win again: "undo" now names it, to delete on a yes.
    assert "you did the dishes" in again and "Shall I delete it?" in again, again


def test_undo_long_after_a_deletion_or_after_a_log_names_the_last_win_and_deletes_nothing(
    tmp_path: Path,
) -> None:
    talk(
        tmp_path,
        "2026-11-03T06:50",
        CHICAGO,
        "tell small wins I fed the dog and paid the light bill",
    )
    talk(tmp_path, "2026-11-03T07:00", CHICAGO, "tell small wins delete my last win", "yes")
    late, kept = talk(tmp_path, "2026-11-03T07:20", CHICAGO, "tell small wins undo that", "no")
    assert "you fed the dog" in late and "Shall I delete it?" in late, late
    assert kept.startswith(tuple(WORDS.variants("delete.kept")))

    talk(tmp_path, "2026-11-03T07:30", CHICAGO, "tell small wins delete my last win", "yes")
    talk(tmp_path, "2026-11-03T07:31", CHICAGO, "tell small wins I made the bed")
    logged, _ = talk(tmp_path, "2026-11-03T07:32", CHICAGO, "tell small wins undo that", "no")
    assert "you made the bed" in logged and "Shall I delete it?" in logged, logged
    (count,) = talk(tmp_path, "2026-11-03T07:33", CHICAGO, "ask small wins how many wins today")
    assert "one win" in count, count  # two logged, two deleted, one logged: nothing came back


def test_bring_it_back_in_the_next_conversation_and_no_keeps_it_deleted(tmp_path: Path) -> None:
    talk(tmp_path, "2026-11-03T18:00", CHICAGO, "tell small wins I called in my refill and walked")
    talk(tmp_path, "2026-11-03T18:05", CHICAGO, "tell small wins delete my last win", "yes")
    offered, no = talk(tmp_path, "2026-11-03T18:06", CHICAGO, "tell small wins undo", "no")
    assert "Shall I bring it back?" in offered, offered
    assert no.startswith(tuple(WORDS.variants("undo.kept"))), no
    (back,) = talk(tmp_path, "2026-11-03T18:07", CHICAGO, "tell small wins bring it back")
    assert back.startswith(tuple(_one("undo.done", win="you walked"))), back
    (nothing,) = talk(tmp_path, "2026-11-03T18:08", CHICAGO, "tell small wins bring it back")
    assert nothing in set(WORDS.variants("undo.nothing")), nothing


def test_undo_after_a_correction_puts_the_old_words_back(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-07T20:00",
        CHICAGO,
        "open small wins",
        "I walked the cat",
        "change that to I walked the dog",
        "undo",
        "what did I do today",
        "stop",
    )
    _, _, fixed, undone, today, _ = said
    assert fixed.startswith("Fixed: you walked the dog."), fixed
    assert undone.startswith(tuple(_one("undo.unfixed", win="you walked the cat"))), undone
    assert "you walked the cat" in today.lower() and "dog" not in today, today


LONDON = "Europe/London"


def test_a_win_told_with_its_day_comes_back_from_undo_still_filed_there_and_told_when_it_was(
    tmp_path: Path,
) -> None:
    # Thursday 10 December: told "yesterday", deleted, then "undo" in the next conversation.
    talk(tmp_path, "2026-12-10T09:00", LONDON, "tell small wins yesterday I rang my daughter")
    talk(tmp_path, "2026-12-10T09:05", LONDON, "tell small wins delete my daughter one", "yes")
    offered, back = talk(tmp_path, "2026-12-10T09:06", LONDON, "tell small wins undo that", "yes")
    assert "you rang your daughter" in offered and "rang your daughter" in back, (offered, back)

    # The next morning: filed on Wednesday, told on Thursday, as before it was deleted.
    when, stored = talk(
        tmp_path,
        "2026-12-11T10:00",
        LONDON,
        "ask small wins when did I log the one about my daughter",
        "what time was that stored",
    )
    assert "Wednesday" in when and "yesterday" in when and "12 PM" not in when, when
    assert "yesterday at 9 AM" in stored, stored  # when it was told, not the noon it was filed


def test_a_win_told_with_its_day_brought_back_in_the_same_conversation_keeps_its_telling(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2026-12-10T09:00",
        LONDON,
        "open small wins",
        "on monday I cleaned the oven",
        "delete the one about the oven",
        "yes",
        "bring that back",
        "when did I log that",
    )
    assert "cleaned the oven" in said[4], said
    assert "Monday" in said[5] and "today" in said[5] and " AM" not in said[5], said
