"""Reminders moved by a span of time and asked for politely, through ``wins chat``: across
Chicago's 1 November clock change, and in Auckland."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import AUCKLAND, CHICAGO, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`


def test_pushed_back_and_brought_forward_across_the_clock_change(tmp_path: Path) -> None:
    set_up = talk(
        tmp_path,
        "2026-10-31T23:30",
        CHICAGO,
        "open small wins",
        "remind me every day at 8 pm",
        "yes",  # Alexa's permission question
        "stop",
        one_answer_each=False,
    )
    assert any("every day at 8 PM" in line for line in set_up), set_up
    said = talk(
        tmp_path,
        "2026-11-01T06:35",  # standard time since 2 am
        CHICAGO,
        "open small wins",
        "push my reminder back an hour",
        "move my reminder half an hour earlier",
        "what time is my reminder",
        "stop",
        one_answer_each=False,
    )
    text = "\n".join(said)
    assert "every day at 9 PM" in text, text
    assert "every day at 8:30 PM" in text, text
    assert "Your reminder is every day at 8:30 PM." in text, text


def test_asked_for_politely_and_moved_with_none_set_says_so_in_auckland(tmp_path: Path) -> None:
    said = talk(
        tmp_path,
        "2026-12-29T09:30",
        AUCKLAND,
        "open small wins",
        "push my reminder back an hour",
        "I would like a reminder each morning at nine please",
        "yes",
        "could you tell me what time the reminder is for",
        "stop",
        one_answer_each=False,
    )
    text = "\n".join(said)
    none = WORDS.variants("reminder.shift_none")[0]
    assert none in text, text
    assert "every day at 9 AM" in text, text
    assert "Your reminder is every day at 9 AM." in text, text
    assert "in the morning, or" not in text, text  # "each morning" said: 9 am, not asked
