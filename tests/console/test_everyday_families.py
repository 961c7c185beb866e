"""Everyday talk that tells no win, through ``wins chat`` on a pinned day: nothing meant to be
done (a plan or a refusal), how the day is going, a day lost to a screen, and how the day went
with a request for a win. Nothing of these is kept; a deed said after them is. And for care: a
blade meant for tonight said as the day's one thing is met with the crisis answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from skill.speech.catalog import catalog_for
from tests.conftest import everything_kept, saved_win_texts
from tests.console.talking import answers, chat

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

WORDS = catalog_for("en-US")
LONDON = "Europe/London"
CHICAGO = "America/Chicago"


def talk(tmp_path: Path, at: str, zone: str, *lines: str) -> list[str]:
    said = answers(chat(tmp_path, *lines, options=("--at", at, "--time-zone", zone)))
    assert len(said) == len(lines), said
    return said


def _kindly(reply: str, family: str) -> bool:
    return any(reply.startswith(variant) for variant in WORDS.variants(f"not_a_win.{family}"))


def test_nothing_meant_is_met_kindly_and_a_deed_after_it_is_kept(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-07T20:00",
        CHICAGO,
        "open small wins",
        "i'm not going to do a thing today",
        "well i did take the bins out",
        "no",
        "open small wins",
        "won't bother",
        "no",
        "tell small wins i'm not doing anything today",
    )
    _, nothing, bins, _, _, refused, _, one_shot = said
    assert _kindly(nothing, "nothing"), nothing
    assert "bins" in bins
    assert _kindly(refused, "nothing"), refused
    assert _kindly(one_shot, "nothing"), one_shot
    assert saved_win_texts(tmp_path) == ["took the bins out"]  # the stressing "did" said plainly
    assert "anything" not in everything_kept(tmp_path)


def test_how_the_day_went_and_a_day_on_a_screen_are_never_wins(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-07T19:30",
        LONDON,
        "open small wins",
        "pretty rough one",
        "no",
        "open small wins",
        "was on my phone for hours",
        "i did brush my teeth though",
        "no",
    )
    _, mood, _, _, screen_day, teeth, _ = said
    assert "rough one" not in mood.lower() and "Love it" not in mood, mood
    assert _kindly(screen_day, "nothing"), screen_day
    assert "teeth" in teeth
    assert saved_win_texts(tmp_path) == ["brushed my teeth"]  # "though" is filler


def test_how_the_day_went_with_a_request_for_a_win_reads_one_back(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-07T21:00",
        LONDON,
        "tell small wins i watered the plants",
        "open small wins",
        "awful day, just read me one of my wins",
    )
    heard = said[-1]
    assert "watered the plants" in heard, heard
    assert any(heard.startswith(lead) for lead in WORDS.variants("hear.after_hard")), heard
    assert saved_win_texts(tmp_path) == ["watered the plants"]


def test_a_blade_meant_for_tonight_said_as_the_one_thing_gets_the_crisis_answer(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2026-12-07T08:30",
        LONDON,
        "open small wins",
        "gonna use the straight razor tonight",
    )
    assert "988" in said[-1] and "one thing" not in said[-1].lower(), said[-1]
    assert saved_win_texts(tmp_path) == []
    assert "razor" not in everything_kept(tmp_path)


def test_asking_to_hear_it_again_repeats_the_question_and_counts_no_miss(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-07T19:00",
        LONDON,
        "open small wins",
        "i beg your pardon",
        "sorry, what?",
        "come again",
        "i washed the car",
        "pardon?",
        "no",
    )
    opened, pardon, what, again, car, repeated, _ = said
    assert pardon == opened and what == opened and again == opened
    assert "car" in car and repeated == car
    assert saved_win_texts(tmp_path) == ["washed the car"]
    assert "pardon" not in everything_kept(tmp_path)


def test_the_morning_question_asked_again_is_the_morning_question(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-07T08:20",
        LONDON,
        "open small wins",
        "sorry i didn't catch that",
        "i'll water the tomatoes",
    )
    opened, again, planned = said
    assert again == opened
    assert "water the tomatoes" in planned
    assert saved_win_texts(tmp_path) == []


def test_a_deed_led_into_or_shared_is_kept_as_one_win(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-07T19:15",
        LONDON,
        "open small wins",
        "oh yes, my son came round and we sorted the old records",
        "well we went to the garden centre as well",
        "no",
    )
    assert "records" in said[1] and "garden centre" in said[2]
    assert saved_win_texts(tmp_path) == [
        "my son came round and we sorted the old records",
        "we went to the garden centre as well",
    ]


def _crisis(reply: str) -> bool:
    return "988" in reply and "Are you safe" not in reply


def _checked_in(reply: str) -> bool:
    return "Are you safe right now?" in reply


@pytest.mark.parametrize(
    ("plan", "meets"),
    [
        ("walk over the bridge tonight", _crisis),  # a height and the hour: final
        ("head up to the cliffs tonight", _crisis),
        ("go to the bridge", _crisis),  # a height as where a plan goes, nothing said what for
        ("go down to the weir tonight", _checked_in),  # water at night: asked about
        ("walk over the bridge", None),  # crossing a bridge: an outing, set as the plan
    ],
)
def test_a_place_in_a_plan_is_met_alike_as_the_one_thing_and_as_a_statement(
    tmp_path: Path, plan: str, meets: Callable[[str], bool] | None
) -> None:
    morning = talk(tmp_path / "morning", "2026-12-07T08:30", LONDON, "open small wins", plan)[-1]
    (told,) = talk(tmp_path / "told", "2026-12-07T10:00", LONDON, f"tell small wins i'll {plan}")
    for reply in (morning, told):
        if meets is None:
            assert plan in reply and "988" not in reply, reply
        else:
            assert meets(reply), reply
    assert saved_win_texts(tmp_path / "morning") == saved_win_texts(tmp_path / "told") == []


def test_an_accident_in_the_kitchen_is_met_kindly_and_on_purpose_with_care(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2026-12-07T18:45",
        LONDON,
        "open small wins",
        "i burned myself on the oven tray",
        "i scalded myself with the kettle making tea",
        "tell small wins i burned myself again on purpose",
    )
    _, tray, kettle, purpose = said
    assert _kindly(tray, "mishap") and "988" not in tray, tray
    assert _kindly(kettle, "mishap") and "988" not in kettle, kettle
    assert _crisis(purpose), purpose
    assert saved_win_texts(tmp_path) == []
    assert "oven" not in everything_kept(tmp_path)
