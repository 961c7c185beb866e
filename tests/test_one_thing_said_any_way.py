"""The morning's one thing as people say it, through the real handler: a plan told to "What's
the one thing you'll do today?" in any of its everyday forms ("get the switchboard done", "the
switchboard, hopefully", "try and ...", "need to ...", a bare noun phrase) becomes today's one
thing and is never logged as a win; a deed in the past stays a win; care comes first. And the
one thing changed with its new words in the same breath ("change my one thing to tidy the
hall"), screened before anything is kept.

The device is in Auckland (UTC+13 in December): 19:30 UTC on the 7th is 08:30 on the 8th
there, so the one thing must be filed on the 8th."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

import pytest

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.console.hearing.model import load_model
from skill.console.hearing.resolver import Resolver
from skill.entry import Handler
from skill.handlers.statements import CARRIERS
from skill.speech.catalog import catalog_for
from skill.storage.interface import PortableStore
from tests.conftest import (
    SPEAKER,
    Clock,
    Envelope,
    as_intent,
    ends_session,
    plain,
    speech,
    stored_texts,
)

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome

WORDS: Final = catalog_for("en-US")
AUCKLAND: Final = "Pacific/Auckland"
MORNING: Final = datetime(2026, 12, 7, 19, 30, tzinfo=UTC)  # 08:30 on the 8th in Auckland
NIGHT_BEFORE: Final = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # 21:00 on the 7th there
TODAY_THERE: Final = date(2026, 12, 8)
MODEL: Final = Path(__file__).resolve().parents[1] / "interaction_models/interactionModels/custom"
_SLOTS: Final = {
    "LogWinIntent": "win",
    "SetOneThingIntent": "thing",
    "ChangeOneThingIntent": "thing",
    "CatchAllIntent": "phrase",
}


def said(
    request_for: Envelope, intent: str, words: str, attributes: dict[str, Any] | None = None
) -> dict[str, Any]:
    """An IntentRequest for ``intent``, its free-text slot holding ``words``; in session when
    ``attributes`` are given."""
    envelope = request_for("log_win", new=attributes is None, attributes=attributes)
    slot = CARRIERS[intent].slot if intent in CARRIERS else _SLOTS[intent]
    return as_intent(envelope, intent, slot, words)


def starts(text: str, key: str, **fields: str) -> bool:
    return plain(text).startswith(tuple(plain(v.format(**fields)) for v in WORDS.variants(key)))


def plan_of(store: PortableStore) -> str | None:
    return store.load_profile(SPEAKER).one_thing


@pytest.fixture
def morning(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, clock: Clock
) -> dict[str, Any]:
    """A newcomer's session after the launch asked the morning question, at 08:30 in Auckland."""
    alexa.set_time_zone(AUCKLAND)
    clock.now = MORNING
    launch = handler(request_for("launch"), None)
    attributes: dict[str, Any] = launch["sessionAttributes"]
    assert attributes["asked"] == "one_thing"
    return attributes


@pytest.fixture
def returning_morning(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, clock: Clock
) -> dict[str, Any]:
    """A returning person's morning: a win told the night before, then the launch at 08:30."""
    alexa.set_time_zone(AUCKLAND)
    clock.now = NIGHT_BEFORE
    handler(said(request_for, "LogWinIntent", "made my bed"), None)
    clock.now = MORNING
    launch = handler(request_for("launch"), None)
    attributes: dict[str, Any] = launch["sessionAttributes"]
    assert attributes["asked"] == "one_thing"
    return attributes


# How the plan arrives: the slot Alexa fills when the one thing's question is open (its carrier,
# "I'll", is no part of it), a win's slot after "I", or the words alone.
PLANS: Final = [
    ("SetOneThingIntent", "get the switchboard done", "get the switchboard done"),
    ("CatchAllIntent", "get the switchboard done", "get the switchboard done"),
    ("SetOneThingIntent", "gonna get the switchboard done", "get the switchboard done"),
    ("SetOneThingIntent", "get the hall tidied", "get the hall tidied"),
    ("SetOneThingIntent", "the switchboard hopefully", "the switchboard"),
    ("SetOneThingIntent", "the switchboard, hopefully", "the switchboard"),
    ("SetOneThingIntent", "call the bank, hopefully", "call the bank"),
    ("SetOneThingIntent", "try and get the switchboard done", "get the switchboard done"),
    ("SetOneThingIntent", "try to tidy the hall", "tidy the hall"),
    ("SetOneThingIntent", "probably the switchboard", "the switchboard"),
    ("SetOneThingIntent", "need to tidy the hall", "tidy the hall"),
    ("LogWinIntent", "need to get the switchboard done", "get the switchboard done"),
    ("LogWinIntent", "should tidy the hall", "tidy the hall"),
    ("LogWinIntent", "have to call the bank", "call the bank"),
    ("SetOneThingIntent", "want to tidy the hall", "tidy the hall"),
    ("CatchAllIntent", "maybe tidy the hall", "tidy the hall"),
    ("SetOneThingIntent", "tidy the hall today", "tidy the hall"),
    ("SetOneThingIntent", "the switchboard", "the switchboard"),
    ("SetOneThingIntent", "the washing up probably", "the washing up"),
    ("SetOneThingIntent", "i'm going to try and call the bank", "call the bank"),
]


@pytest.mark.parametrize(("intent", "words", "plan"), PLANS)
def test_a_newcomers_plan_becomes_the_one_thing_and_never_a_win(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    morning: dict[str, Any],
    intent: str,
    words: str,
    plan: str,
) -> None:
    response = handler(said(request_for, intent, words, morning), None)

    assert starts(speech(response), "one_thing.set", thing=plan), speech(response)
    assert plan_of(store) == plan
    assert store.load_profile(SPEAKER).one_thing_day == TODAY_THERE
    assert stored_texts(store) == []
    assert response["sessionAttributes"].get("asked") != "one_thing"  # never asked again


@pytest.mark.parametrize(
    ("intent", "words", "plan"),
    [
        ("SetOneThingIntent", "get the switchboard done", "get the switchboard done"),
        ("SetOneThingIntent", "the switchboard, hopefully", "the switchboard"),
        ("SetOneThingIntent", "try and tidy the hall today", "tidy the hall"),
        ("LogWinIntent", "should call the bank", "call the bank"),
    ],
)
def test_a_returning_persons_plan_becomes_the_one_thing_and_never_a_win(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    returning_morning: dict[str, Any],
    intent: str,
    words: str,
    plan: str,
) -> None:
    response = handler(said(request_for, intent, words, returning_morning), None)

    assert starts(speech(response), "one_thing.set", thing=plan), speech(response)
    assert plan_of(store) == plan
    assert stored_texts(store) == ["made my bed"]


@pytest.mark.parametrize(
    ("words", "plan"),
    [
        ("get the switchboard done", "get the switchboard done"),
        ("try and get the switchboard done today", "get the switchboard done"),
        ("tidy the hall, hopefully", "tidy the hall"),
    ],
)
def test_a_plan_told_unasked_is_set_in_its_plain_words(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    alexa: FakeAlexaApi,
    clock: Clock,
    words: str,
    plan: str,
) -> None:
    alexa.set_time_zone(AUCKLAND)
    clock.now = MORNING
    # "tell small wins I'll {thing}", one-shot
    response = handler(said(request_for, "SetOneThingIntent", words), None)

    assert starts(speech(response), "one_thing.set", thing=plan), speech(response)
    assert plan_of(store) == plan
    assert stored_texts(store) == []


def test_a_deed_in_the_past_stays_a_win(
    handler: Handler, request_for: Envelope, store: PortableStore, morning: dict[str, Any]
) -> None:
    response = handler(said(request_for, "LogWinIntent", "already did the dishes", morning), None)

    assert stored_texts(store) == ["did the dishes"]
    assert plan_of(store) is None
    assert "did the dishes" in plain(speech(response))
    assert response["sessionAttributes"]["asked"] == "one_thing"  # then the question, once


def test_a_crisis_told_as_a_plan_gets_care_and_nothing_is_kept(
    handler: Handler, request_for: Envelope, store: PortableStore, morning: dict[str, Any]
) -> None:
    words = "get it over with and end it all"
    response = handler(said(request_for, "SetOneThingIntent", words, morning), None)

    assert "988" in speech(response), speech(response)  # the line to call
    assert plan_of(store) is None
    assert stored_texts(store) == []


def test_a_harm_told_as_a_plan_is_not_set(
    handler: Handler, request_for: Envelope, store: PortableStore, morning: dict[str, Any]
) -> None:
    words = "gonna punch my brother"
    response = handler(said(request_for, "SetOneThingIntent", words, morning), None)

    assert not starts(speech(response), "one_thing.set", thing="punch your brother")
    assert not ends_session(response)
    assert plan_of(store) is None
    assert stored_texts(store) == []


# --- Changing the one thing, with its new words ---------------------------------------------


@pytest.fixture
def planned(
    handler: Handler, request_for: Envelope, store: PortableStore, morning: dict[str, Any]
) -> dict[str, Any]:
    """The morning's one thing set to "call the bank"; the session goes on."""
    response = handler(said(request_for, "SetOneThingIntent", "call the bank", morning), None)
    assert plan_of(store) == "call the bank"
    attributes: dict[str, Any] = response["sessionAttributes"]
    return attributes


@pytest.mark.parametrize(
    ("words", "plan"),
    [
        ("tidy the hall", "tidy the hall"),
        ("the hall hopefully", "the hall"),
        ("try and get the hall tidied today", "get the hall tidied"),
        ("ring my mum", "ring your mum"),
    ],
)
def test_changing_the_one_thing_takes_the_new_words(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    planned: dict[str, Any],
    words: str,
    plan: str,
) -> None:
    response = handler(said(request_for, "ChangeOneThingIntent", words, planned), None)

    assert starts(speech(response), "one_thing.changed", thing=plan), speech(response)
    assert plan_of(store) == plan.replace("your ", "my ")
    assert store.load_profile(SPEAKER).one_thing_day == TODAY_THERE
    assert stored_texts(store) == []


def test_changing_the_one_thing_one_shot_takes_the_new_words(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    alexa: FakeAlexaApi,
    clock: Clock,
) -> None:
    alexa.set_time_zone(AUCKLAND)
    clock.now = MORNING
    response = handler(said(request_for, "ChangeOneThingIntent", "tidy the hall"), None)

    assert starts(speech(response), "one_thing.changed", thing="tidy the hall")
    assert plan_of(store) == "tidy the hall"


@pytest.mark.parametrize("words", ["ending it all", "killing myself tonight"])
def test_a_crisis_said_as_the_new_one_thing_gets_care_and_keeps_the_old(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    planned: dict[str, Any],
    words: str,
) -> None:
    response = handler(said(request_for, "ChangeOneThingIntent", words, planned), None)

    assert "988" in speech(response)
    assert plan_of(store) == "call the bank"
    assert stored_texts(store) == []


def test_a_harm_said_as_the_new_one_thing_is_not_set(
    handler: Handler, request_for: Envelope, store: PortableStore, planned: dict[str, Any]
) -> None:
    words = "punch my brother"
    response = handler(said(request_for, "ChangeOneThingIntent", words, planned), None)

    assert not starts(speech(response), "one_thing.changed", thing="punch your brother")
    assert plan_of(store) == "call the bank"


@pytest.mark.parametrize(
    "utterance",
    [
        "change my one thing to tidy the hall",
        "make my one thing tidy the hall",
        "actually my one thing is tidy the hall",
        "swap my one thing for tidy the hall",
        "my one thing is tidy the hall now",
        "set my one thing to tidy the hall",
        "tell small wins to change my one thing to tidy the hall",
    ],
)
def test_the_model_carries_a_change_with_its_words(utterance: str) -> None:
    heard = Resolver(load_model(MODEL / "en-US.json")).resolve(utterance)

    assert heard.intent is not None and heard.intent.name == "ChangeOneThingIntent"
    assert heard.intent.slot("thing").value == "tidy the hall"


@pytest.mark.parametrize(
    ("utterance", "intent"),
    [
        ("my one thing is tidy the hall", "SetOneThingIntent"),
        ("I'll tidy the hall", "SetOneThingIntent"),
        ("change my one thing", "CatchAllIntent"),  # no words: asked for (the asks' reply)
        ("what's my one thing", "ReadOneThingIntent"),
        ("I did my one thing", "OneThingDoneIntent"),
    ],
)
def test_a_change_collides_with_no_other_one_thing_intent(utterance: str, intent: str) -> None:
    heard = Resolver(load_model(MODEL / "en-US.json")).resolve(utterance)

    assert heard.intent is not None and heard.intent.name == intent
