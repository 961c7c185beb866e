"""The weekly recap across simulated days through ``wins chat`` (``--at``), in Auckland (far
from UTC): wins logged Tuesday to Saturday, the recap offered on Monday's first open, never
twice, its day moved to Sunday, and a week with no wins never mentioned."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, answers, chat, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def on(tmp_path: Path, at: str, *lines: str) -> list[str]:
    return talk(tmp_path, at, AUCKLAND, *lines)


def log_the_week(tmp_path: Path) -> None:
    """Tuesday 1 to Saturday 5 December 2026, Saturday late in the evening (Saturday morning
    in UTC)."""
    days = ["01T09:00", "02T12:00", "03T18:00", "03T19:00", "04T08:00", "04T09:00", "05T23:30"]
    deeds = [
        "did the laundry",
        "called my mum",
        "went to the dentist",
        "fed the cat",
        "made the bed",
        "watered the plants",
        "read a chapter",
    ]
    for day, deed in zip(days, deeds, strict=True):
        on(tmp_path, f"2026-12-{day}", f"tell small wins I {deed}")


def test_monday_offers_last_week_yes_reads_it_and_it_is_never_offered_twice(
    tmp_path: Path,
) -> None:
    log_the_week(tmp_path)

    offered, read, again, rest = on(
        tmp_path, "2026-12-07T09:00", "open small wins", "yes", "say that again", "more"
    )

    assert "You logged 7 wins last week" in offered or "Last week, you logged 7 wins" in offered
    assert offered.endswith("?")
    # its shape first: how many, and the busiest days (two tied), never a least
    assert read.startswith("7 wins last week, most on Friday and Thursday. On Saturday, you read")
    assert read.endswith("And 2 more. Want the rest?")
    assert "laundry" in rest and "That's all of them." in rest
    assert again == read  # "say that again": the last reply, its question still open

    (later,) = on(tmp_path, "2026-12-07T20:00", "open small wins")
    assert "last week" not in later.lower()
    (wednesday,) = on(tmp_path, "2026-12-09T20:00", "open small wins")
    assert "last week" not in wednesday.lower()


def test_no_moves_on_and_a_sunday_recap_and_an_empty_week(tmp_path: Path) -> None:
    log_the_week(tmp_path)

    offered, declined = on(tmp_path, "2026-12-07T09:00", "open small wins", "no")
    assert offered.endswith("?")
    assert declined == "Okay. What's one small thing you'll do today?"

    (moved,) = on(tmp_path, "2026-12-08T09:00", "tell small wins to do my recap on sundays")
    assert moved == "Okay. I'll offer your recap on Sundays."
    # Sunday 13th: the week Sunday 6 to Saturday 12 holds nothing, so nothing is said of it.
    (sunday,) = on(tmp_path, "2026-12-13T09:00", "open small wins")
    assert "week" not in sunday.lower()

    (read,) = on(tmp_path, "2026-12-13T10:00", "ask small wins to read me my week")
    assert read.startswith("I don't have any wins logged last week, and that's okay.")


def test_the_recap_turned_off_is_not_offered_until_turned_back_on(tmp_path: Path) -> None:
    log_the_week(tmp_path)
    (off,) = on(tmp_path, "2026-12-06T09:00", "tell small wins to turn off my recap")
    assert "no more weekly recaps" in off.lower()

    (monday,) = on(tmp_path, "2026-12-07T09:00", "open small wins")
    assert "last week" not in monday.lower()

    on(tmp_path, "2026-12-07T10:00", "tell small wins to turn my recap back on")
    (again,) = on(tmp_path, "2026-12-07T11:00", "open small wins")
    assert "7 wins" in again


def test_on_this_day_by_voice_and_a_heard_win_a_year_ago_today(tmp_path: Path) -> None:
    def at(moment: str, *lines: str) -> list[str]:
        options = ("--at", moment, "--seed", "2", "--time-zone", AUCKLAND)
        said = answers(chat(tmp_path, *lines, options=options))
        assert len(said) == len(lines), said
        return said

    at("2025-12-07T10:00", "tell small wins I fixed the fence")
    at("2026-11-20T10:00", "tell small wins I baked bread")

    year, month, heard = at(
        "2026-12-07T09:00",
        "ask small wins what did I do a year ago today",
        "ask small wins what did I do on this day last month",
        "ask small wins for a win",
    )
    assert year == "On December 7, 2025, you logged one win. You fixed the fence."
    # Nothing on 7 November: said so, never another day passed off as that one.
    assert month.startswith("I don't have any wins logged on Saturday, November 7")
    assert "bread" not in month
    assert heard.startswith("A year ago today, you fixed the fence.")

    (later,) = at("2026-12-07T12:00", "ask small wins for a win")  # once a week at most
    assert not later.startswith("A year ago today")


def test_a_week_across_the_clocks_going_back_in_london(tmp_path: Path) -> None:
    """The clocks went back at 02:00 on Sunday 25 October 2026: a win at 01:30 that Sunday
    (summer time, 00:30 UTC) and one late that evening belong to last week; one just after
    midnight on Monday belongs to the new week."""
    london = ("--time-zone", "Europe/London")

    def at(moment: str, *lines: str) -> list[str]:
        said = answers(chat(tmp_path, *lines, options=("--at", moment, *london)))
        assert len(said) == len(lines), said
        return said

    at("2026-10-20T09:00", "tell small wins I did the laundry")
    at("2026-10-25T01:30", "tell small wins I fed the cat")  # before the change
    at("2026-10-25T23:30", "tell small wins I read a chapter")  # after it
    at("2026-10-26T00:30", "tell small wins I made tea")  # the new week

    offered, read = at("2026-10-26T18:00", "open small wins", "yes")

    assert "3 wins" in offered
    assert read.startswith("3 wins last week, most on Sunday. Yesterday, you read a chapter.")
    assert "made tea" not in read and "laundry" in read


def test_an_offer_left_unanswered_is_not_made_again_that_week_and_next_week_counts_right(
    tmp_path: Path,
) -> None:
    """The session ends with the offer unanswered: the week's offer was made, so opening again
    that week offers nothing. Next Monday offers the new week, its count kept as wins were
    logged and one deleted, without reading the week until yes."""
    log_the_week(tmp_path)

    (offered,) = on(tmp_path, "2026-12-07T09:00", "open small wins")  # then silence
    assert "7 wins" in offered and offered.endswith("?")
    (tuesday,) = on(tmp_path, "2026-12-08T19:00", "open small wins")
    assert "last week" not in tuesday.lower()

    on(tmp_path, "2026-12-09T12:00", "tell small wins I made soup")
    on(tmp_path, "2026-12-10T12:00", "tell small wins I fed the dog")
    _, asked, deleted = on(
        tmp_path, "2026-12-10T13:00", "open small wins", "delete my last win", "yes"
    )
    assert "fed the dog" in asked and asked.endswith("?")
    assert "deleted" in deleted.lower()

    offered, read = on(tmp_path, "2026-12-14T08:00", "open small wins", "yes")
    assert "You logged one win last week" in offered
    assert read.startswith("One win last week. On Wednesday, you made soup.")
    assert "soup" in read and "dog" not in read
