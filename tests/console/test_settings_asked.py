"""Asking what is set, and choosing a style by a bare word, through ``wins chat`` on pinned
days (``--at``) in zones far from UTC: "what is my start date", "what style is set", "what are
my settings" (a short literal list) are each answered literally (what is set with nothing
asked after it) and keep a conversation the person opened open; after "change my style"
asks which, "calm", "the quiet one" or "normal" sets it, and words that name no style are
asked about once more, then left kindly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.console.talking import KOLKATA, LOS_ANGELES, WORDS, talk

pytestmark = pytest.mark.slow  # whole conversations, each a run of `wins chat`

GO_ON = WORDS.variants("style.continue")
WHICH = WORDS.variants("style.which")


def kept_open(reply: str) -> bool:
    return any(reply.endswith(question) for question in GO_ON)


def test_what_is_set_is_answered_literally_and_the_conversation_stays_open(
    tmp_path: Path,
) -> None:
    # Sunday 1 November in Kolkata, then the Tuesday after (within the week: the weekday).
    talk(tmp_path, "2026-11-01T20:00", KOLKATA, "tell small wins I made tea")
    said = talk(
        tmp_path,
        "2026-11-03T18:00",
        KOLKATA,
        "open small wins",
        "what is my start date",
        "when did I start using this",
        "what style is set",
        "what's my style set to",
        "what are my settings",
        "what have I got set",
    )
    # Said plainly, nothing asked after; the talk stays open, so the next question is heard.
    assert said[1] == said[2] == "Your first win here was on Sunday, November 1."
    assert said[3] == said[4] == "Your style is cheerful."
    listed = (
        "Your settings. Style: cheerful. Reminder: none. One thing today: none yet. "
        "Goal: none. Recap: your week starts on Monday."
    )
    assert said[5].startswith(listed) and kept_open(said[5])
    assert said[6].startswith(listed)


def test_the_settings_list_names_what_was_set_and_only_today_s_one_thing(tmp_path: Path) -> None:
    # Los Angeles, the morning after the clocks went back (Sunday 1 November 2026).
    talk(tmp_path, "2026-10-30T20:00", LOS_ANGELES, "tell small wins I made tea")
    talk(
        tmp_path,
        "2026-11-02T07:30",
        LOS_ANGELES,
        "ask small wins to keep it calm",
        "ask small wins to do my recap on Sundays",
        "tell small wins my one thing today is to call the bank",
    )
    (today,) = talk(
        tmp_path, "2026-11-02T09:00", LOS_ANGELES, "ask small wins what are my settings"
    )
    assert today == (
        "Your settings. Style: calm. Reminder: none. One thing today: call the bank. "
        "Goal: none. Recap: your week starts on Sunday."
    )
    (tomorrow,) = talk(
        tmp_path, "2026-11-03T09:00", LOS_ANGELES, "ask small wins what are my settings"
    )
    assert "One thing today: none yet." in tomorrow


@pytest.mark.parametrize(
    ("answer", "style"),
    [
        ("calm", "calm"),
        ("the quiet one", "calm"),
        ("quiet please", "calm"),
        ("the first one", "calm"),
        ("cheerful", "cheerful"),
        ("normal", "cheerful"),  # the style everyone starts with
        ("the usual", "cheerful"),
    ],
)
def test_a_bare_word_after_change_my_style_sets_it(tmp_path: Path, answer: str, style: str) -> None:
    said = talk(
        tmp_path,
        "2026-11-03T18:00",
        KOLKATA,
        "open small wins",
        "change my style",
        answer,
        "what's my style",
    )
    assert said[1] in WHICH
    assert any(said[2].startswith(text) for text in WORDS.variants(f"style.{style}")), said[2]
    assert said[3].startswith(f"Your style is {style}.")


def test_words_that_name_no_style_are_asked_about_once_more_then_left_kindly(
    tmp_path: Path,
) -> None:
    said = talk(
        tmp_path,
        "2026-11-03T18:00",
        KOLKATA,
        "open small wins",
        "keep it calm",
        "change my style",
        "banana",
        "purple",
        "what's my style",
    )
    assert said[2] in WHICH
    assert "calm" in said[3] and "cheerful" in said[3]  # asked once more
    assert said[4].startswith(WORDS.variants("style.left")[0]) and kept_open(said[4])
    assert said[5].startswith("Your style is calm.")  # left as it was
