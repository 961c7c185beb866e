"""Talk that is no deed, through the real handler and real request envelopes: remarks and talk
about the wins kept are answered, literally and kindly, and never stored; a deed said in the
same shapes is still logged."""

from __future__ import annotations

from typing import Any

import pytest

from skill.entry import Handler
from skill.handlers.statements import CARRIERS
from skill.speech.catalog import catalog_for
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import Envelope, as_intent, plain, speech, stored_texts

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome

CATALOG = catalog_for("en-US")
_SLOTS = {"CatchAllIntent": "phrase", "LogWinIntent": "win", "LogMinimisedWinIntent": "win"}


def said(request_for: Envelope, intent: str, words: str) -> dict[str, Any]:
    """An IntentRequest for ``intent``, in a conversation, its free-text slot holding ``words``."""
    slot = CARRIERS[intent].slot if intent in CARRIERS else _SLOTS[intent]
    return as_intent(request_for("log_win", new=False, attributes={}), intent, slot, words)


def _spoken(response: dict[str, Any]) -> str:
    return plain(speech(response))


@pytest.mark.parametrize(
    ("intent", "words"),
    [
        ("CatchAllIntent", "that's nice i'd forgotten i did that"),
        ("CatchAllIntent", "lowkey this week was kinda good actually"),
        ("CatchAllIntent", "ok thats actually kinda a lot"),
        ("StateIntent", "off to bed it's been a better week than i thought"),
    ],
)
def test_a_remark_is_heard_kindly_and_never_stored(
    handler: Handler, request_for: Envelope, store: SqliteWinStore, intent: str, words: str
) -> None:
    response = handler(said(request_for, intent, words), None)

    assert any(v in _spoken(response) for v in CATALOG.variants("talk.remark")), _spoken(response)
    assert stored_texts(store) == []


@pytest.mark.parametrize(
    ("intent", "words", "key", "named"),
    [
        ("CatchAllIntent", "that last one is wrong", "talk.wrong_pointed", ""),
        ("CatchAllIntent", "the shave one isn't right", "talk.wrong", "shave"),
        (
            "CatchAllIntent",
            "actually it wasn't the pharmacy it was the grocery store",
            "talk.wrong",
            "pharmacy",
        ),
        (
            "ThereIsIntent",
            "one that just says you stopped i never said that",
            "talk.wrong_pointed",
            "",
        ),
        (
            "CatchAllIntent",
            "the book one was actually friday can you move it to yesterday",
            "talk.move",
            "book",
        ),
        ("CatchAllIntent", "bring back the watered plants win", "talk.restore", ""),
        ("LogWinIntent", "never said that", "talk.wrong_pointed", ""),
    ],
)
def test_talk_about_a_win_is_told_what_can_be_said_and_never_stored(
    handler: Handler,
    request_for: Envelope,
    store: SqliteWinStore,
    intent: str,
    words: str,
    key: str,
    named: str,
) -> None:
    response = handler(said(request_for, intent, words), None)

    expected = {v.replace("{about}", named) for v in CATALOG.variants(key)}
    assert _spoken(response) in expected or any(
        _spoken(response).startswith(v) for v in expected
    ), _spoken(response)
    assert stored_texts(store) == []


@pytest.mark.parametrize(
    ("intent", "words", "kept"),
    [
        ("CatchAllIntent", "ok so i cleaned the kitchen", "cleaned the kitchen"),
        ("LogMinimisedWinIntent", "showered", "showered"),
        ("CatchAllIntent", "that was hard but i did the dishes", "did the dishes"),
    ],
)
def test_a_deed_said_in_the_same_shapes_is_still_logged(
    handler: Handler,
    request_for: Envelope,
    store: SqliteWinStore,
    intent: str,
    words: str,
    kept: str,
) -> None:
    handler(said(request_for, intent, words), None)

    assert stored_texts(store) == [kept]
