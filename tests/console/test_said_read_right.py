"""What two blind testers' people said, read right, through ``wins chat`` on their own nights and
days: a Manchester night nurse with ADHD (Europe/London, after a night shift) and a literal
retired engineer in Auckland. Leftover words (fillers, doubts whether it counts, "which ...",
lead-ins, asides) are never said back or kept; "me" for "my" is heard; a hard day or a bad
night told is met kindly and nothing is kept; doing X instead of Y is a win of X; and a day said
for a plan made ("booked him for Friday") dates the plan, never the deed."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import everything_kept, saved_win_texts
from tests.console.talking import AUCKLAND, LONDON, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

# Words that were said with a win and are never part of it.
LEFTOVERS = ("yeah", "dunno", "counts", "which", "sorted of", "maybe", "not fully", "plural")


def _days_kept(data_dir: Path) -> list[str]:
    """The day each win was filed on (its stored instant's date, as kept)."""
    with closing(
        sqlite3.connect(f"{(data_dir / 'wins.sqlite3').as_uri()}?mode=ro", uri=True)
    ) as db:
        return [row[0][:10] for row in db.execute("SELECT created_at FROM wins ORDER BY number")]


def _leftover_in(reply: str) -> list[str]:
    lowered = reply.lower()
    return [word for word in LEFTOVERS if f" {word} " in f" {lowered.strip('.!?')} "]


def test_a_night_nurse_in_manchester_is_heard_without_the_filler(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-09T01:35",  # a Wednesday, on a break on nights
        LONDON,
        "tell small wins yeah and I ate a proper breakfast",
        "tell small wins I dunno if it counts but I got dressed",
        "tell small wins I booked the dentist which I've been putting off for months",
        "tell small wins I fed the cats, plural, I've got two",
        "tell small wins I did some stretches instead of doomscrolling",
        "tell small wins I had me tea and went for a walk",
        "tell small wins I rang the plumber and booked him for Friday, and I also did the"
        " crossword",
    )
    for reply in said:
        assert not _leftover_in(reply), reply
    stretches, tea, plumber = said[4], said[5], said[6]
    assert not any(stretches.startswith(v) for v in WORDS.variants("not_a_win.nothing")), stretches
    assert "your tea" in tea, tea
    assert "on Friday" not in plumber, plumber
    assert saved_win_texts(tmp_path) == [
        "ate a proper breakfast",
        "got dressed",
        "booked the dentist",
        "fed the cats",
        "did some stretches instead of doomscrolling",
        "had my tea",
        "went for a walk",
        "rang the plumber and booked him for friday",
        "did the crossword",
    ]
    days = _days_kept(tmp_path)
    assert days[-2] == days[-1] == days[0], days  # the crossword is today's, never Friday's


def test_a_hard_day_and_a_bad_night_are_heard_kindly_and_nothing_is_kept(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-09T14:10",
        LONDON,
        "open small wins",
        "that's all",
        "open small wins",
        "Bad day the neighbour's dog barked from 0500 I couldn't get back to sleep",
        "no",
        "open small wins",
        "Rough one today slept badly stayed in",
    )
    dog, rough = said[3], said[6]
    for reply in (dog, rough):
        assert "win" not in reply.lower().split("?")[0] or "won't" in reply.lower(), reply
        assert "You " not in reply.split(".")[0], reply
    assert saved_win_texts(tmp_path) == []
    kept = everything_kept(tmp_path)
    assert "neighbour" not in kept and "slept" not in kept


def test_a_literal_engineer_in_auckland_keeps_the_deed_not_the_hedges(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-10T10:15",
        AUCKLAND,
        "open small wins",
        "that's all",
        "open small wins",
        "I suppose I did sort of tidy the workbench, not fully",
        "I dunno if this counts but I maybe sort of got dressed",
        "bit of a quiet one did my drugs round",
        "that's all",
    )
    workbench, dressed, round_ = said[3], said[4], said[5]
    for reply in (workbench, dressed, round_):
        assert not _leftover_in(reply), reply
    assert "tidied the workbench" in workbench, workbench
    assert "quiet one" not in round_, round_
    assert saved_win_texts(tmp_path) == [
        "tidied the workbench",
        "got dressed",
        "did my drugs round",
    ]
