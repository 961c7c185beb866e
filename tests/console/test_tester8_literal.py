"""What a blind tester found when an autistic student in Sydney and a retired man in Texas
asked the skill literal questions: what it keeps, whether it records a voice, whether a deleted
win is erased, what a win is, which time zone it goes by, when "that" was kept, how many wins
are stored; each gets a short literal answer with no question after it, even when asked over
the morning question (which is then asked again, never filled with the question). A day asked
for by name is named back ("Yesterday, Tuesday, ..."), a first win by its date, and "what is
this" gets what the skill is for in a sentence."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import WORDS, talk

pytestmark = pytest.mark.slow  # each run is `wins chat`

SYDNEY: Final = "Australia/Sydney"
CHICAGO: Final = "America/Chicago"


def _one_of(key: str, said: str, **fields: str) -> bool:
    return said in {text.format(**fields) for text in WORDS.variants(key)}


def test_literal_questions_about_what_is_kept_get_literal_answers(tmp_path: Path) -> None:
    # Thursday 3 December 2026, 10:15 PM in Sydney.
    said = talk(
        tmp_path,
        "2026-12-03T22:15",
        SYDNEY,
        "open small wins",
        "I finished my essay plan",
        "um what time was that saved",
        "which time zone are you going by",
        "are you recording me",
        "if I delete a win is it gone for good",
        "so what counts as a win",
        "what info do you keep on me",
        "how many wins are saved altogether",
    )
    _, _, when, zone, voice, erased, win, kept, count = said
    assert when == "That was at 10:15 PM, Sydney time."
    assert zone == "I'm using Sydney time."
    assert _one_of("asks.voice", voice)
    assert _one_of("asks.erased", erased)
    assert _one_of("asks.win_means", win)
    assert _one_of("asks.kept", kept)
    assert count.startswith("You've logged one win in all.")
    assert not any("?" in answer for answer in (when, zone, voice, erased, win, kept))
    assert saved_win_texts(tmp_path) == ["finished my essay plan"]  # no question was stored


def test_a_question_over_the_morning_question_is_answered_and_the_question_asked_again(
    tmp_path: Path,
) -> None:
    talk(tmp_path, "2026-12-02T20:00", SYDNEY, "tell small wins I went to the library")
    _, kept, win, planned = talk(
        tmp_path,
        "2026-12-03T08:30",
        SYDNEY,
        "open small wins",
        "what exactly do you save about me",
        "what's the precise definition of a win",
        "I'll email my tutor",
    )
    morning = WORDS.variants("asks.morning")[0]
    assert kept.endswith(morning) and _one_of("asks.kept", kept.removesuffix(morning).strip())
    assert win.endswith(morning) and _one_of("asks.win_means", win.removesuffix(morning).strip())
    assert "email your tutor" in planned


def test_a_day_asked_for_by_name_is_named_back_and_a_first_win_by_its_date(
    tmp_path: Path,
) -> None:
    talk(tmp_path, "2026-12-01T18:00", CHICAGO, "tell small wins I fixed the fence")
    _, did, counted, start, reminder, what = talk(
        tmp_path,
        "2026-12-02T15:05",  # Wednesday afternoon
        CHICAGO,
        "open small wins",
        "what did I do Tuesday",
        "how many wins did I get on the 1st",
        "when did I start",
        "what time is my reminder",
        "what is this",
    )
    assert did.startswith("Yesterday, Tuesday, you logged one win.")
    assert counted.startswith("Yesterday, Tuesday, you logged one win.")
    assert start == "Your first win here was yesterday, Tuesday."
    assert "?" not in reminder  # said plainly, and the talk goes on
    assert what in WORDS.variants("about.speech") and len(what.split()) < 25
    (later,) = talk(tmp_path, "2026-12-04T17:31", CHICAGO, "ask small wins when did I start")
    assert later == "Your first win here was on Tuesday, December 1."
