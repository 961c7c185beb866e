"""Everyday talk that once set off the crisis answer or went nowhere, said through ``wins chat``
as new people said it: a polite goodbye, a question about the last thing logged, asking to take
wins back, asking what the skill is, asking to hear a reply again, yes said other ways, and the
crisis line where the person is. Zones far from UTC, the clock pinned.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import AUCKLAND, CHICAGO, WORDS, talk

# slow: each test runs `wins chat`.
pytestmark = pytest.mark.slow

DUBLIN: Final = "Europe/Dublin"
PHOENIX: Final = "America/Phoenix"
SAFETY: Final = "Are you safe right now?"
CRISIS_LINE: Final = "I'm really glad you told me"
GOODBYES: Final = frozenset(WORDS.variants("goodbye"))
ABOUT: Final = frozenset(WORDS.variants("about.speech"))
ABOUT_MORNING: Final = frozenset(WORDS.variants("about.morning"))


def _cared(line: str) -> bool:
    return SAFETY in line or CRISIS_LINE in line


def test_a_polite_goodbye_in_any_words_closes_kindly_never_a_check_in(tmp_path: Path) -> None:
    goodbyes = (
        "Thank you kindly. Goodbye.",
        "thanks very much, goodbye for now",
        "right, bye then",
        "cheerio",
        "that's all, good night",
        "Thank you. Goodbye.",
    )
    lines = [step for goodbye in goodbyes for step in ("open small wins", goodbye)]
    said = talk(tmp_path, "2027-01-06T19:01", AUCKLAND, "tell small wins I fed the cat", *lines)
    closes = said[2::2]
    assert all(line in GOODBYES for line in closes), closes
    assert saved_win_texts(tmp_path) == ["fed the cat"]


def test_a_farewell_with_more_in_it_keeps_its_care_and_the_local_line(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-29T09:35",
        AUCKLAND,
        "open small wins",
        "goodbye everyone",
        "open small wins",
        "this is goodbye",
    )
    assert SAFETY in said[1] and SAFETY in said[3], said
    assert "one seven three seven" in said[1]  # a New Zealander hears 1737 first
    assert saved_win_texts(tmp_path) == []


def test_in_ireland_the_crisis_answer_gives_the_irish_lines_first(tmp_path: Path) -> None:
    said = talk(tmp_path, "2026-10-28T22:30", DUBLIN, "open small wins", "goodbye forever")
    assert CRISIS_LINE in said[1] and "one one six, one two three" in said[1]
    assert said[1].index("one one six") < said[1].index("988")  # the US line second, if away


def test_asking_to_take_wins_back_is_never_a_safety_check(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-10-29T06:50",
        CHICAGO,
        "tell small wins I did the dishes",
        "tell small wins I walked the dog",
        "open small wins",
        "scratch the last two",
        "bin that one",
        "kill the last one",
        "delete the last one",
    )
    assert not any(_cared(line) for line in said), said
    assert "you walked the dog" in said[-1].lower() and said[-1].endswith("?"), said
    assert saved_win_texts(tmp_path) == ["did the dishes", "walked the dog"]


def test_a_question_with_last_in_it_is_asked_never_an_ending(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-07T17:35",
        PHOENIX,
        "tell small wins I welded the frame",
        "open small wins",
        "what was the last thing i logged",
        "tell small wins when was the last time I did laundry",
    )
    assert not any(_cared(line) for line in said), said
    assert saved_win_texts(tmp_path) == ["welded the frame"]


def test_a_question_to_the_morning_question_is_answered_never_the_one_thing(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2026-12-28T10:00",
        AUCKLAND,
        "open small wins",  # a newcomer's first morning: the one thing is asked
        "Good morning. What is this, exactly?",
        "what does it do",
        "I'll water the roses",
    )
    assert said[1] in ABOUT_MORNING and said[2] in ABOUT_MORNING, said
    assert "water the roses" in said[3]


def test_hard_of_hearing_and_polite_questions_get_the_reply_again_or_what_it_is_for(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2027-01-05T10:00",
        AUCKLAND,
        "tell small wins I walked to the dairy for the newspaper",
        "open small wins",
        "what did I do today",
        "Pardon? I didn't catch all of that.",
        "Could you repeat that?",
        "Please say that again more slowly.",
        "What is the purpose of this programme?",
        "How do I use it?",
        "Would you read me a win from before, please?",
    )
    assert said[3] == said[2] and said[4] == said[2] and said[5] == said[2], said
    assert said[6] in ABOUT and said[7] in ABOUT, said
    assert "walked to the dairy" in said[8], said
    assert saved_win_texts(tmp_path) == ["walked to the dairy for the newspaper"]


@pytest.mark.parametrize("yes", ["ya", "yeah go ahead", "go on then", "yes please do", "bet"])
def test_yes_said_other_ways_is_yes_to_the_weeks_recap(tmp_path: Path, yes: str) -> None:
    talk(tmp_path, "2026-12-02T18:00", PHOENIX, "tell small wins I fixed the sink at my aunts")
    said = talk(tmp_path, "2026-12-07T06:05", PHOENIX, "open small wins", yes)
    assert said[0].endswith("?") and "fixed the sink" in said[1], said
