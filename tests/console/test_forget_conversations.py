"""Deleting and correcting any win through ``wins chat``, across simulated days (``--at``):
by its place in a list just read, by its words, and "change that to ...", in a zone far from
UTC and across a clock change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import WORDS, asks_to_delete, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def test_a_week_read_out_then_the_second_deleted_one_kept_and_a_crisis_correction_in_auckland(
    tmp_path: Path,
) -> None:
    zone = "Pacific/Auckland"
    talk(tmp_path, "2026-12-01T09:00", zone, "tell small wins I did the laundry")
    talk(tmp_path, "2026-12-03T18:00", zone, "tell small wins I cleaned the oven")
    talk(
        tmp_path,
        "2026-12-06T23:30",  # late on Sunday in Auckland, Sunday morning in UTC
        zone,
        "tell small wins I called my mum and made the bed and fed the cat",
        "tell small wins I watered the plants",
    )

    said = talk(
        tmp_path,
        "2026-12-07T09:00",
        zone,
        "open small wins",
        "read me all my wins from last week",
        "delete the second one",
        "yes",
        "delete the one about the oven",
        "no",
        "change that to I want to end it all",
        "stop",
        "ask small wins what did I do last week",
        "the rest",
    )

    _, week, second, deleted, oven, kept, crisis, _, again, rest = said
    assert week.startswith("Last week, you logged 6 wins. Yesterday, you watered")
    assert week.endswith("And 1 more. Want the rest?")
    assert second in asks_to_delete("you fed the cat")  # newest first: the plants, then the cat
    assert deleted.startswith(WORDS.variants("forget.done")[0])
    assert oven in asks_to_delete("you cleaned the oven")
    assert kept.startswith(WORDS.variants("forget.kept")[0])
    assert "I won't log that" in crisis and "Fixed" not in crisis
    assert "fed the cat" not in again + rest
    assert again.startswith("Last week, you logged 5 wins.")
    assert "On Thursday, you cleaned the oven." in again + " " + rest  # its words unchanged


def test_correcting_and_deleting_across_the_clock_change_in_london(tmp_path: Path) -> None:
    zone = "Europe/London"
    # Clocks go back at 02:00 on Sunday 25 October 2026: one win before, five after.
    talk(tmp_path, "2026-10-24T23:30", zone, "tell small wins I went for a run")
    talk(
        tmp_path,
        "2026-10-25T02:30",
        zone,
        "tell small wins I walked the dgo and fed the cat and made tea and read a book "
        "and called dad",
    )

    said = talk(
        tmp_path,
        "2026-10-26T08:00",
        zone,
        "open small wins",
        "read me my wins from last week",
        "change the fifth one to walked the dog",
        "delete the first one",
        "yes",
        "stop",
        "ask small wins what did I do yesterday",
        "ask small wins what did I do on Saturday",
    )

    _, week, fixed, asked, deleted, _, sunday, saturday = said
    assert week.startswith("Last week, you logged 6 wins. Yesterday, you called")
    assert fixed.startswith("Fixed: you walked the dog.")
    assert asked in asks_to_delete("you called dad")
    assert deleted.startswith(WORDS.variants("forget.done")[0])
    assert sunday.startswith("Yesterday, Sunday, you logged 4 wins.")
    assert "You walked the dog." in sunday
    assert "dgo" not in sunday and "called dad" not in sunday
    assert saturday == "On Saturday, you logged one win. You went for a run."


def test_asked_in_other_words_which_one_undo_and_oops_in_los_angeles(tmp_path: Path) -> None:
    zone = "America/Los_Angeles"
    talk(tmp_path, "2026-12-31T23:50", zone, "tell small wins I fixed the oven door")
    said = talk(
        tmp_path,
        "2027-01-01T10:00",  # New Year's Day, the next year
        zone,
        "open small wins",
        "I cleaned the oven",
        "can you delete the one about the oven",
        "the second one please",
        "yes",
        "I fed the dgo",
        "oops I meant fed the dog",
        "I made tea",
        "undo",
        "yes",
    )

    _, _, which, asked, deleted, _, fixed, _, undo, undone = said
    assert which == (
        "Which one: the first, you cleaned the oven, or the second, you fixed the oven door?"
    )
    assert asked in asks_to_delete("you fixed the oven door")
    assert deleted.startswith(WORDS.variants("forget.done")[0])
    assert fixed.startswith("Fixed: you fed the dog.")
    assert "you made tea" in undo
    assert "deleted" in undone

    week = talk(tmp_path, "2027-01-02T09:00", zone, "ask small wins what did I do this week")[0]
    assert "cleaned the oven" in week and "fed the dog" in week
    assert "oven door" not in week and "made tea" not in week and "dgo" not in week


def test_a_one_shot_list_is_acted_on_in_the_next_conversation_in_los_angeles(
    tmp_path: Path,
) -> None:
    """Two runs pinned to the same minute (each clock starts at its first second), a list
    asked for in one breath, then "tell small wins delete the second one" three minutes on:
    the second win read is named and deleted, and undo, a minute on, offers that win back."""
    zone = "America/Los_Angeles"
    talk(
        tmp_path,
        "2026-12-07T09:00",
        zone,
        "tell small wins I did the laundry",
        "tell small wins I fed the cat",
    )
    talk(tmp_path, "2026-12-07T09:00", zone, "tell small wins I called my sister")

    (listed,) = talk(tmp_path, "2026-12-07T09:02", zone, "ask small wins what did I do today")
    second, deleted = talk(
        tmp_path, "2026-12-07T09:05", zone, "tell small wins delete the second one", "yes"
    )
    again, undo = talk(
        tmp_path,
        "2026-12-07T09:06",
        zone,
        "ask small wins what did I do today",
        "tell small wins undo",
    )

    assert listed.endswith("You called your sister. You fed the cat. You did the laundry.")
    assert second in asks_to_delete("you fed the cat")
    assert deleted.startswith(WORDS.variants("forget.done")[0])
    assert again.endswith("You called your sister. You did the laundry.")
    assert undo in {t.format(win="you fed the cat") for t in WORDS.variants("undo.offer")}


def test_a_list_is_not_acted_on_after_ten_minutes(tmp_path: Path) -> None:
    zone = "Pacific/Auckland"
    talk(tmp_path, "2026-12-07T09:00", zone, "tell small wins I did the laundry and fed the cat")
    talk(tmp_path, "2026-12-07T09:01", zone, "ask small wins what did I do today")

    (late,) = talk(tmp_path, "2026-12-07T09:12", zone, "tell small wins delete the second one")

    assert late in WORDS.variants("forget.no_list")
