"""In a conversation the person opened, "I did my physio exercises" said to "What did you do?"
reaches the skill as "did my physio exercises": the carrier took the "I". Read alone that
looks like a question; it is a deed of the person's, and kept. A question to the skill said
the same way is still no win."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import saved_win_texts
from tests.console.talking import talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

AT = "2026-11-18T15:40"


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("i did my physical therapy exercises", "did my physical therapy exercises"),
        ("I set a mousetrap", "set a mousetrap"),
        ("i did my nebulizer", "did my nebulizer"),
    ],
)
def test_a_deed_said_with_i_to_the_open_question_is_kept(
    tmp_path: Path, said: str, kept: str
) -> None:
    talk(tmp_path, AT, "Pacific/Auckland", "open small wins", said)
    assert any(kept in text for text in saved_win_texts(tmp_path))


def test_a_question_to_the_skill_is_still_no_win(tmp_path: Path) -> None:
    talk(tmp_path, AT, "Pacific/Auckland", "open small wins", "did you get that")
    assert saved_win_texts(tmp_path) == []
