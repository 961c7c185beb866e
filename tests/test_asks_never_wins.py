"""Requests, commands and questions said to the skill are never kept as wins: each family is
answered with what it asks for, or a literal "I can't do that yet, but you can say: ...".
Real request envelopes through the real handler on SQLite; deeds in the same shapes still log."""

from __future__ import annotations

from typing import Any

import pytest

from skill.entry import Handler
from skill.speech.catalog import catalog_for
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import Envelope, as_intent, plain, speech, stored_texts

CATALOG = catalog_for("en-US")


def said(request_for: Envelope, words: str, intent: str = "CatchAllIntent") -> dict[str, Any]:
    """``intent`` in a conversation, its free-text slot holding ``words``."""
    slot = {"CatchAllIntent": "phrase", "PickWinIntent": "position"}[intent]
    return as_intent(request_for("log_win", new=False, attributes={}), intent, slot, words)


def spoken(response: dict[str, Any]) -> str:
    return plain(speech(response))


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("cancel my one thing, that's not a thing", "asks.one_thing_clear"),
        ("clear today's one thing please", "asks.one_thing_clear"),
        ("scrap my one thing", "asks.one_thing_clear"),
        ("set a timer for ten minutes for smoko", "asks.timer_other"),
        ("can you time me for five minutes", "asks.timer_other"),
        ("start a two minute goal", "asks.timer_other"),
        ("how do i delete one", "asks.win_edit_how"),
        ("change my last win", "asks.win_edit_how"),
        ("change or delete a win", "asks.win_edit_how"),
        ("how do I edit a win", "asks.win_edit_how"),
        ("delete a win", "asks.win_edit_how"),
        ("that is two things. can I have two", "asks.wins_joined"),
        ("can you merge those two wins", "asks.wins_joined"),
        ("make them one win please", "asks.wins_joined"),
        ("what does go gently mean", "asks.saying_means"),
        ("what do you mean by let that land", "asks.saying_means"),
        ("are you a real person", "asks.person"),
        ("am I talking to a robot", "asks.person"),
        ("is this a real human", "asks.person"),
        ("is that a win or not", "asks.win_means"),
        ("does that even count", "asks.win_means"),
    ],
)
def test_a_request_to_the_skill_is_answered_and_never_stored(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str, key: str
) -> None:
    response = handler(said(request_for, words), None)

    assert any(v in spoken(response) for v in CATALOG.variants(key)), spoken(response)
    assert stored_texts(store) == []


def test_a_tally_said_wrong_is_never_a_pointer_or_a_win(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    words = "laundry is one win not three please make it"  # what the model's slot kept
    response = handler(said(request_for, words, "PickWinIntent"), None)

    assert any(v in spoken(response) for v in CATALOG.variants("asks.wins_joined"))
    assert stored_texts(store) == []


@pytest.mark.parametrize(
    "words", ["set my one thing", "change my one thing", "pick a one thing for today"]
)
def test_setting_the_one_thing_asks_the_morning_question(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str
) -> None:
    response = handler(said(request_for, words), None)

    assert spoken(response) in CATALOG.variants("asks.morning")
    assert stored_texts(store) == []


@pytest.mark.parametrize(
    "words", ["was it a good day", "was today a good day", "did I have a good day or not"]
)
def test_was_it_a_good_day_gets_todays_count_and_nothing_stored(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str
) -> None:
    handler(said(request_for, "i did the laundry"), None)
    response = handler(said(request_for, words), None)

    assert "one win today" in spoken(response), spoken(response)
    assert stored_texts(store) == ["did the laundry"]


@pytest.mark.parametrize(
    "words",
    [
        "I set up the printer",
        "I changed the sheets",
        "I deleted old photos off my phone",
        "I made it to the gym",
    ],
)
def test_deeds_in_the_same_shapes_still_log(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, words: str
) -> None:
    handler(said(request_for, words), None)

    assert len(stored_texts(store)) == 1
