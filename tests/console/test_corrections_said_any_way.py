"""Correcting and deleting any win by its words or its place, said the way people say it,
through ``wins chat`` across simulated days (``--at``): the win named before the change ("the
one about my mum, change that to ..."), what it should say ("the second one should say ..."),
what was meant right after a win ("I meant ..."), two wins that fit (which one, named), a
place deleted since the list was read, and what is set asked for literally."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import WORDS, asks_to_delete, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

ZONE = "America/New_York"


def _three_days_of_wins(tmp_path: Path) -> None:
    talk(tmp_path, "2026-12-07T19:00", ZONE, "tell small wins I fixed my bike")
    talk(tmp_path, "2026-12-08T20:00", ZONE, "tell small wins I called my mum")
    talk(tmp_path, "2026-12-09T08:30", ZONE, "tell small wins I went for a run")


def test_a_win_named_by_its_words_before_the_change_is_asked_about_then_changed(
    tmp_path: Path,
) -> None:
    _three_days_of_wins(tmp_path)

    said = talk(
        tmp_path,
        "2026-12-10T09:00",
        ZONE,
        "open small wins",
        "what did I do this week",
        "the one about my mum, change that to called my dad",
        "yes",
        "delete the running one",
        "hmm",  # one misunderstanding: the question is asked again, not dropped
        "yes",
        "delete the one about the bike",
        "that's all",
        "what did I do this week",
        "stop",
    )

    _, week, change, fixed, run, again, deleted, bike, kept, after, _ = said
    assert week.startswith("This week, since Monday, you logged 3 wins.")
    assert change == "This win: you called your mum. Change it to: you called your dad?"
    assert fixed.startswith("Fixed: you called your dad. Before, it said: you called your mum.")
    assert run in asks_to_delete("you went for a run")  # "running" found "went for a run"
    assert again.startswith("Sorry, I didn't") and "you went for a run?" in again
    assert deleted.startswith(WORDS.variants("forget.done")[0])
    assert bike in asks_to_delete("you fixed your bike")
    assert kept.startswith(WORDS.variants("forget.kept")[0])
    assert after.startswith("This week, since Monday, you logged 2 wins.")
    assert "called your dad" in after and "fixed your bike" in after
    assert "mum" not in after and "run" not in after


def test_right_after_a_win_what_was_meant_puts_it_right_said_any_way(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-11T09:00",
        ZONE,
        "open small wins",
        "I tidied my desk",
        "I meant tidied my room",
        "fix the last one, it's I tidied my whole room",
        "that should say I hoovered my room",
        "no I said hoovered the lounge",
        "correct that to I hoovered the lounge and the hall",
        "what did I do today",
        "stop",
    )

    _, _, meant, last, should, no_said, correct, today, _ = said
    assert meant.startswith("Fixed: you tidied your room. Before, it said: you tidied your desk.")
    assert last.startswith("Fixed: you tidied your whole room.")
    assert should.startswith("Fixed: you hoovered your room.")
    assert no_said.startswith("Fixed: you hoovered the lounge.")
    assert correct.startswith("Fixed: you hoovered the lounge and the hall.")
    assert today.startswith("Today, Friday, you logged one win.")  # one win, its words changed
    assert "desk" not in today


def test_after_a_delete_the_list_read_still_counts_and_two_that_fit_are_named(
    tmp_path: Path,
) -> None:
    talk(tmp_path, "2026-12-08T09:00", ZONE, "tell small wins I fixed my bike")
    talk(tmp_path, "2026-12-09T09:00", ZONE, "tell small wins I called my mum")
    talk(tmp_path, "2026-12-10T09:00", ZONE, "tell small wins I went for a run")
    talk(tmp_path, "2026-12-10T10:00", ZONE, "tell small wins I called my sister")

    said = talk(
        tmp_path,
        "2026-12-11T09:00",
        ZONE,
        "open small wins",
        "what did I do this week",
        "delete the second one",
        "yes",
        "change the second one to walked the dog",
        "the one about calling should say rang my gran",
        "mm",
        "the second",
        "what did I do this week",
        "stop",
    )

    _, week, second, deleted, gone, which, again, fixed, after, _ = said
    assert "You went for a run. On Wednesday, you called your mum." in week
    assert second in asks_to_delete("you went for a run")
    assert deleted.startswith(WORDS.variants("forget.done")[0])
    assert gone.startswith(WORDS.variants("forget.place_gone")[0].format(place="second"))
    assert which == (
        "Which one shall I change: the first, you called your sister, "
        "or the second, you called your mum?"
    )
    assert again.startswith("Sorry, I didn't")
    assert fixed.startswith("Fixed: you rang your gran. Before, it said: you called your mum.")
    assert after.startswith("This week, since Monday, you logged 3 wins.")
    assert "called your sister" in after and "rang your gran" in after
    assert "walked the dog" not in after and "run" not in after


def test_a_correction_is_screened_as_a_new_win_is_and_keeps_the_old_words_when_refused(
    tmp_path: Path,
) -> None:
    talk(tmp_path, "2026-12-09T09:00", ZONE, "tell small wins I called my mum")

    said = talk(
        tmp_path,
        "2026-12-10T09:00",
        ZONE,
        "open small wins",
        "the one about my mum should say I want to end my life",
        "stop",
        "ask small wins what did I do yesterday",
    )

    _, crisis, _, yesterday = said
    assert "I won't log that" in crisis and "Fixed" not in crisis
    assert yesterday.startswith("Yesterday, Wednesday, you logged one win.")
    assert "called your mum" in yesterday


def test_what_is_set_is_answered_literally(tmp_path: Path) -> None:
    talk(tmp_path, "2026-12-01T09:00", ZONE, "tell small wins I fixed my bike")
    talk(tmp_path, "2026-12-08T09:00", ZONE, "tell small wins I called my mum")

    said = talk(
        tmp_path,
        "2026-12-10T09:00",
        ZONE,
        "open small wins",
        "I'll tidy my desk",
        "open small wins",
        "what's my style",
        "what's my goal today",
        "what's my one thing",
        "when did I start",
        "how many wins did I get this week",
        "how many so far",
        "how many this month",
        "stop",
    )

    style, goal, thing, start, week, so_far, month = said[3:10]
    assert style.startswith("Your style is")
    assert goal.startswith("You don't have a one-minute goal open.")
    assert thing == "Your one thing today is: tidy your desk."
    assert start.startswith("Your first win here was on Tuesday, December 1.")
    assert week.startswith("You've logged one win this week")
    assert so_far.startswith("You've logged 2 wins in all.")
    assert month.startswith("You've logged 2 wins this month.")


def test_a_time_that_names_no_day_said_first_stays_with_its_deed_as_one_win(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2026-12-10T09:00",
        ZONE,
        "open small wins",
        "the other day I fixed my bike",
        "a few days ago I called my mum",
        "the one about my mum, change that to called my dad",
        "yes",
        "what did I do this week",
        "stop",
    )

    _, bike, mum, change, fixed, week, _ = said
    assert "fixed your bike" in bike and "two wins" not in bike
    assert "called your mum" in mum and "two wins" not in mum.lower()
    assert change.endswith("Change it to: you called your dad?")
    assert fixed.startswith("Fixed: you called your dad.")
    # Neither is today's: each is filed on a day estimated from its words, read in the week.
    assert "logged 2 wins" in week and "called your dad" in week and "fixed your bike" in week
