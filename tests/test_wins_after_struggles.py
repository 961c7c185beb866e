"""Whole path (a real envelope, the handlers, the SQLite store): wins told with a struggle in
them are kept whole, and a harm or a crisis beside them keeps its answer. By family: a wrong
made right, a mishap and its clean-up, a situation with its own subject then a deed, a thing
of one's own that went well, and risky words in everyday idioms."""

from __future__ import annotations

from typing import Any

import pytest

from skill.entry import Handler
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import Envelope, everything_kept, plain, speech


def said(handler: Handler, request_for: Envelope, name: str, slot: str, words: str) -> str:
    """What the skill says to ``words`` in ``slot`` of intent ``name``, as Alexa fills it;
    " [care]" after it when the line was given, spoken and on a card."""
    envelope = request_for("log_win")
    envelope["request"]["intent"] = {
        "name": name,
        "confirmationStatus": "NONE",
        "slots": {slot: {"name": slot, "value": words, "confirmationStatus": "NONE"}},
    }
    response: dict[str, Any] = handler(envelope, None)
    card = response["response"].get("card", {}).get("content", "")
    care = "988" in speech(response) and "988" in card
    return plain(speech(response)) + (" [care]" if care else "")


@pytest.mark.any_hour
@pytest.mark.parametrize(
    ("name", "slot", "words", "kept"),
    [
        ("LogWinIntent", "win", "shouted at my brother and said sorry before bed", "shouted"),
        ("LogWinIntent", "win", "failed my theory test and booked the resit", "failed"),
        ("LogWinIntent", "win", "burnt the first batch of scones and made a second lot", "scones"),
        ("LogWinIntent", "win", "dropped the eggs on the floor and cleaned them up", "eggs"),
        ("CatchAllIntent", "phrase", "cat was sick on the rug and i scrubbed it clean", "rug"),
        ("MyIntent", "mine", "brownies were a massive hit at work", "brownies"),
        ("LogWinIntent", "win", "booked the physio because my back has been killing me", "back"),
    ],
)
def test_a_win_told_with_its_struggle_is_kept_whole(
    handler: Handler,
    request_for: Envelope,
    store: SqliteWinStore,
    name: str,
    slot: str,
    words: str,
    kept: str,
) -> None:
    answer = said(handler, request_for, name, slot, words)
    assert "[care]" not in answer and "won't log" not in answer
    assert kept in everything_kept(store.data_dir)
    assert not answer.lower().startswith(("you cat", "you brownies"))  # its own subject


@pytest.mark.parametrize(
    ("name", "slot", "words"),
    [
        ("LogWinIntent", "win", "hit my partner and said sorry after"),
        ("LogWinIntent", "win", "got drunk and yelled at my mum and apologised in the morning"),
        ("LogWinIntent", "win", "yelled at my kids and then watched telly"),
    ],
)
def test_a_harm_with_no_true_repair_keeps_nothing(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, name: str, slot: str, words: str
) -> None:
    said(handler, request_for, name, slot, words)
    assert everything_kept(store.data_dir) == "[]"


@pytest.mark.parametrize(
    ("name", "slot", "words"),
    [
        ("LogWinIntent", "win", "failed my exams and took all my pills tonight"),
        ("MyIntent", "mine", "back is killing me and i want to end it tonight"),
        ("MyIntent", "mine", "phone died and i wish i was dead too"),
        ("CatchAllIntent", "phrase", "fridge died so i am going to end it all"),
    ],
)
def test_a_crisis_said_with_them_gets_the_line_and_keeps_nothing(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, name: str, slot: str, words: str
) -> None:
    assert said(handler, request_for, name, slot, words).endswith("[care]")
    assert everything_kept(store.data_dir) == "[]"
