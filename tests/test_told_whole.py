"""Statements with a subject of their own, through the real handler and store: a thing told
done ("the bins are out"), a deed after a thing that stopped working ("my phone died but I
still finished the essay"), and a statement a pick's sample took ("the old kettle packed in so
I bought a new one"). Said one-shot, as a bare answer to "What did you do?", and to the
morning question; kept as said, apostrophes and all."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler
from skill.handlers.statements import CARRIERS
from skill.storage.interface import PortableStore
from tests.conftest import SPEAKER, Clock, Envelope, plain, speech, stored_texts

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change what is kept

MORNING = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
_SLOTS = {"LogWinIntent": "win", "SetOneThingIntent": "thing", "CatchAllIntent": "phrase"}
_SLOTS |= {"PickWinIntent": "position"}


def said(
    request_for: Envelope, intent: str, words: str, *, attributes: dict[str, Any] | None = None
) -> dict[str, Any]:
    """An IntentRequest for ``intent`` with its free-text slot holding ``words``."""
    envelope = request_for("log_win", new=attributes is None, attributes=attributes)
    slot = CARRIERS[intent].slot if intent in CARRIERS else _SLOTS[intent]
    envelope["request"]["intent"] = {
        "name": intent,
        "confirmationStatus": "NONE",
        "slots": {slot: {"name": slot, "value": words, "confirmationStatus": "NONE"}},
    }
    return envelope


@pytest.mark.parametrize(
    ("words", "back"),
    [
        ("the bins are out", "The bins are out"),
        ("the deadline's met and the report's in", "The deadline"),
        ("six months sober today", "Six months sober today"),
        ("my phone died but I still finished the essay", None),
    ],
)
def test_a_statement_with_its_own_subject_said_one_shot_is_kept_as_said(
    handler: Handler, request_for: Envelope, store: PortableStore, words: str, back: str | None
) -> None:
    intent = "MyIntent" if words.startswith("my ") else "CatchAllIntent"
    slot_words = words.removeprefix("my ") if intent == "MyIntent" else words
    response = handler(said(request_for, intent, slot_words), None)
    reply = plain(speech(response))
    assert "988" not in reply
    if back is not None:
        assert back in reply
    assert " and ".join(stored_texts(store)).lower() == words.lower()


@pytest.mark.parametrize(
    "words",
    ["my phone died", "my laptop bit the dust", "my car broke down"],
)
def test_a_thing_that_stopped_is_heard_and_never_stored(
    handler: Handler, request_for: Envelope, store: PortableStore, words: str
) -> None:
    handler(said(request_for, "MyIntent", words.removeprefix("my ")), None)
    assert stored_texts(store) == []


@pytest.mark.parametrize(
    "words",
    ["the bins are out", "kids fed and in bed", "the printer gave up the ghost but I fixed it"],
)
def test_a_bare_answer_with_its_own_subject_gets_no_verb_added(
    handler: Handler, request_for: Envelope, store: PortableStore, words: str
) -> None:
    handler(said(request_for, "LogWinIntent", words, attributes={"asked": "win"}), None)
    assert stored_texts(store) == [words]


@pytest.fixture
def morning(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, clock: Clock
) -> dict[str, Any]:
    """The session attributes after a launch has asked the morning question."""
    alexa.set_time_zone("UTC")
    clock.now = MORNING
    launch = handler(request_for("launch"), None)
    attributes: dict[str, Any] = launch["sessionAttributes"]
    assert attributes["asked"] == "one_thing"
    return attributes


@pytest.mark.parametrize(
    ("words", "kept"),
    [
        ("clipped the budgie's nails", "clipped the budgie's nails"),
        ("the bins are out", "the bins are out"),
        ("kids fed and in bed", "kids fed and in bed"),
    ],
)
def test_a_deed_told_to_the_morning_question_is_kept_as_said_never_set_as_the_plan(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    morning: dict[str, Any],
    words: str,
    kept: str,
) -> None:
    handler(said(request_for, "SetOneThingIntent", words, attributes=morning), None)
    assert stored_texts(store) == [kept]
    assert store.load_profile(SPEAKER).one_thing is None


@pytest.mark.parametrize(
    "position",
    ["old kettle packed in so i went out and bought a new", "dog ate my shoe so i bought a new"],
)
def test_a_statement_a_picks_sample_took_is_never_heard_as_a_pick(
    handler: Handler, request_for: Envelope, store: PortableStore, position: str
) -> None:
    response = handler(said(request_for, "PickWinIntent", position), None)
    assert "delete the second one" not in plain(speech(response))


def test_a_pick_still_picks(handler: Handler, request_for: Envelope) -> None:
    response = handler(said(request_for, "PickWinIntent", "second"), None)
    assert "delete the second one" in plain(speech(response))


@pytest.mark.parametrize(
    "words",
    ["blew up all the balloons for the party", "dug the veg patch", "rewrote my cv"],
)
def test_a_deed_said_without_i_that_starts_with_an_irregular_past_is_logged(
    handler: Handler, request_for: Envelope, store: PortableStore, words: str
) -> None:
    handler(said(request_for, "CatchAllIntent", words), None)
    assert stored_texts(store) == [words]


def test_a_plan_in_crisis_said_to_the_morning_question_is_never_a_thing_done(
    handler: Handler, request_for: Envelope, store: PortableStore, morning: dict[str, Any]
) -> None:
    words = "drive the car off the quarry road one of these nights"  # "I'm going to {thing}"
    response = handler(said(request_for, "SetOneThingIntent", words, attributes=morning), None)
    assert "988" in plain(speech(response))
    assert stored_texts(store) == []
