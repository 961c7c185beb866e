"""Care heard wherever words arrive, and days and plans read as meant (pinned days and zones).

Each conversation here failed before the change it covers: a plan for tomorrow said beside
danger was put off as a plan; the morning answer the learned net alone worried about got the
full crisis answer; a weekday for a task to come dated the deeds before it; "I have to ..." was
a deed; a deed begun "asked" was answered with the settings there are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import everything_kept, saved_win_texts
from tests.console.talking import CHICAGO, talk

pytestmark = pytest.mark.slow

LONDON = "Europe/London"
CHECKED = "Are you safe right now?"
CRISIS = "I'm really glad you told me, and I'm sorry it's this hard."


def test_a_plan_for_tomorrow_beside_danger_is_met_with_care(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-10T15:00",
        LONDON,
        "tell small wins rang the crisis team, they call back tomorrow and i'm not sure i'll be"
        " ok till then",
    )
    assert CHECKED in said[0] or CRISIS in said[0], said
    assert "still to come" not in said[0]
    assert "crisis team" not in everything_kept(tmp_path)


def test_a_morning_answer_only_the_net_worried_about_gets_the_check_in(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-14T08:10",
        CHICAGO,
        "open small wins",
        "ok so I woke up on time which is kinda huge for me and I also took my meds",
    )
    assert CRISIS not in said[1], said  # never the crisis answer on a guess


def test_a_named_crisis_said_to_the_morning_question_gets_the_crisis_answer(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2026-12-14T08:10",
        CHICAGO,
        "open small wins",
        "gonna top myself off the cliff tonight",
    )
    assert CRISIS in said[1], said
    assert "cliff" not in everything_kept(tmp_path)


def test_a_weekday_for_a_task_to_come_dates_nothing_and_is_no_win(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-16T13:07",
        CHICAGO,
        "tell small wins I went to the disability services office. They gave me a form. I have"
        " to bring it back Friday",
        "ask small wins what did I do today",
    )
    assert "Friday" not in said[0] and "friday" not in said[0], said
    kept = saved_win_texts(tmp_path)
    assert kept and not any("bring it back" in text for text in kept), kept
    assert "disability services office" in said[1], said  # filed today, not last Friday


def test_a_deed_begun_with_asked_is_not_taken_for_a_setting(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-11-18T15:40",
        LONDON,
        "open small wins",
        "asked the front desk for a quieter room",
    )
    assert "calm or cheerful" not in said[1], said


@pytest.mark.parametrize(
    "answer",
    [
        "I know exactly which bridge on my beat has no barrier, I'm going there after my shift",
        "I booked the dentist which doesn't matter because I won't be here next week",
    ],
)
def test_words_the_reader_sets_apart_as_an_aside_are_still_heard_by_care(
    tmp_path: Path, answer: str
) -> None:
    said = talk(tmp_path, "2026-12-10T08:30", LONDON, "open small wins", answer)
    assert CHECKED in said[-1] or CRISIS in said[-1], said
    assert "one thing" not in said[-1].lower(), said
    kept = everything_kept(tmp_path)
    assert "bridge" not in kept and "dentist" not in kept
    assert saved_win_texts(tmp_path) == []
