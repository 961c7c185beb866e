"""What three blind testers asked over a week: what the skill can do, what its ideas are, a
minute's timer, brevity asked as a question, and help; and conversations they opened that
closed mid-thought (the one thing set, a shrug after a win, "be brief")."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import WORDS, talk, talk_ends

pytestmark = pytest.mark.slow  # each run is `wins chat`

LONDON: Final = "Europe/London"
CHICAGO: Final = "America/Chicago"


def _one_of(key: str, said: str, **fields: str) -> bool:
    return said in {text.format(**fields) for text in WORDS.variants(key)}


def test_questions_about_what_it_does_get_literal_answers(tmp_path: Path) -> None:
    # Monday 14 December 2026, midday in Leeds.
    said = talk(
        tmp_path, "2026-12-14T12:30", LONDON,
        "open small wins",
        "what can you do then",
        "what else can you do besides that",
        "what is a one thing",
        "what's a one minute goal, my daughter said summat about one",
        "how do I do a one minute thing",
        "what exactly counts as a win",
    )  # fmt: skip
    _, can, besides, one_thing, goal, how, win = said
    assert _one_of("help.speech", can) and _one_of("help.speech", besides)
    assert _one_of("asks.one_thing_means", one_thing)
    assert _one_of("asks.goal_means", goal) and _one_of("asks.goal_means", how)
    assert _one_of("asks.win_means", win)
    assert saved_win_texts(tmp_path) == []


def test_a_timer_for_a_minute_starts_a_one_minute_goal(tmp_path: Path) -> None:
    said = talk(
        tmp_path, "2026-12-16T16:35", CHICAGO,
        "open small wins", "can you set a timer for like one minute",
    )  # fmt: skip
    assert _one_of("goal.ask", said[1]), said[1]


def test_what_was_my_one_thing_in_more_words_reads_it_and_keeps_listening(
    tmp_path: Path,
) -> None:
    at = "2026-12-18T08:30"
    talk(tmp_path, at, LONDON, "open small wins", "I'll go to the post office")
    said = talk_ends(
        tmp_path, "2026-12-18T18:05", LONDON,
        "open small wins", "what was my one thing today, I've forgotten",
    )  # fmt: skip
    (read, ended) = said[1]
    assert "go to the post office" in read and not ended


def test_setting_the_one_thing_keeps_a_conversation_you_opened_going(tmp_path: Path) -> None:
    said = talk_ends(
        tmp_path, "2026-12-14T08:25", CHICAGO,
        "open small wins", "I'll take my meds and go to chem", "ok also I woke up on time",
    )  # fmt: skip
    (set_, ended), (woke, _) = said[1], said[2]
    assert "Today's one thing" in set_ or "Your one thing today" in set_, set_
    assert not ended
    assert "You woke up on time" in woke
    assert saved_win_texts(tmp_path) == ["woke up on time"]


def test_a_one_shot_one_thing_still_ends(tmp_path: Path) -> None:
    ((said, ended),) = talk_ends(
        tmp_path, "2026-12-14T08:25", CHICAGO, "tell small wins I'll go to chem"
    )
    assert _one_of("one_thing.set", said, thing="go to chem") and ended


def test_be_brief_asked_as_a_question_is_brief_mode_and_still_listens(tmp_path: Path) -> None:
    said = talk_ends(
        tmp_path, "2026-12-18T19:03", CHICAGO,
        "open small wins", "can you be brief", "I did laundry",
    )  # fmt: skip
    (brief, ended), (logged, logged_ended) = said[1], said[2]
    assert _one_of("settings.brief", brief) and not ended
    assert "You did laundry" in logged and "?" not in logged and logged_ended


def test_idk_to_an_offer_is_no_yes_and_the_conversation_goes_on(tmp_path: Path) -> None:
    said = talk_ends(
        tmp_path, "2026-12-15T13:20", CHICAGO,
        "open small wins", "I took my meds",
        "honestly I skipped office hours I just couldn't", "idk",
    )  # fmt: skip
    (offered, _), (idk, ended) = said[2], said[3]
    assert offered.endswith("?")
    assert idk.startswith(WORDS.variants("not_a_win.offer_declined")[0]) and not ended
    assert saved_win_texts(tmp_path) == ["took my meds"]


def test_i_dont_know_really_after_a_win_offers_one_back(tmp_path: Path) -> None:
    said = talk_ends(
        tmp_path, "2026-12-15T13:15", LONDON,
        "open small wins", "I had a shave", "I don't know really", "yes",
    )  # fmt: skip
    (count, ended), (heard, _) = said[2], said[3]
    assert "That's plenty" in count and count.endswith("?") and not ended
    assert "had a shave" in heard
