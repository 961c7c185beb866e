"""Turns through the real handler: the morning question read for what was said, a hard day with
a request for a win, and an open question that survives one misunderstanding."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler
from skill.handlers.statements import CARRIERS
from skill.speech.catalog import catalog_for
from skill.storage.interface import PortableStore
from tests.conftest import (
    SPEAKER,
    Clock,
    Envelope,
    ends_session,
    plain,
    reprompt,
    speech,
    stored_texts,
)

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome

WORDS = catalog_for("en-US")
MORNING = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
_SLOTS = {
    "LogWinIntent": "win",
    "SetOneThingIntent": "thing",
    "CatchAllIntent": "phrase",
}


def starts(text: str, key: str, **fields: str) -> bool:
    return plain(text).startswith(tuple(plain(v.format(**fields)) for v in WORDS.variants(key)))


def ends(text: str, key: str, **fields: str) -> bool:
    return plain(text).endswith(tuple(plain(v.format(**fields)) for v in WORDS.variants(key)))


def _keys(prefix: str) -> list[str]:
    """The catalogue's keys at ``prefix`` or under it: "not_a_win" is every not-a-win reply."""
    if "." in prefix:
        return [prefix]
    return [f"{prefix}.{name}" for name in ("feeling", "nothing", "default", "hatred", "harm")]


def said(
    request_for: Envelope,
    intent: str,
    words: str,
    *,
    attributes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An IntentRequest for ``intent`` with its free-text slot holding ``words``; in session
    when ``attributes`` are given."""
    envelope = request_for("log_win", new=attributes is None, attributes=attributes)
    slot = CARRIERS[intent].slot if intent in CARRIERS else _SLOTS[intent]
    envelope["request"]["intent"] = {
        "name": intent,
        "confirmationStatus": "NONE",
        "slots": {slot: {"name": slot, "value": words, "confirmationStatus": "NONE"}},
    }
    return envelope


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


def plan_of(store: PortableStore) -> str | None:
    return store.load_profile(SPEAKER).one_thing


# --- 1. The morning question reads what was said ------------------------------------------


@pytest.mark.parametrize(
    ("intent", "words"),
    [
        ("SetOneThingIntent", "ugh. i can't even get out of bed"),
        ("SetOneThingIntent", "honestly i can barely move today"),
        ("SetOneThingIntent", "rough day"),
        ("SetOneThingIntent", "such a bad morning already"),
        ("SetOneThingIntent", "i feel awful"),
        ("CannotIntent", "face anything today"),
        ("StateIntent", "so tired"),
        ("FeelingIntent", "like rubbish"),
    ],
)
def test_a_hard_morning_is_met_kindly_and_never_set_as_the_plan(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    morning: dict[str, Any],
    intent: str,
    words: str,
) -> None:
    response = handler(said(request_for, intent, words, attributes=morning), None)
    # A struggle gets a kind word; a feeling told as a statement is heard as one.
    keys = ["one_thing.hard", *_keys("not_a_win")]
    assert any(starts(speech(response), key) for key in keys), speech(response)
    assert "one thing today" not in speech(response).lower()
    assert plan_of(store) is None
    assert stored_texts(store) == []


@pytest.mark.parametrize(
    "words",
    ["dunno", "nothing probably", "probably nothing", "maybe nothing", "not sure yet", "idk"],
)
def test_a_shrug_sets_no_plan_and_gets_a_gentle_word(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    morning: dict[str, Any],
    words: str,
) -> None:
    response = handler(said(request_for, "SetOneThingIntent", words, attributes=morning), None)
    assert starts(speech(response), "answer.no_plan_on"), speech(response)  # moves on to wins
    assert not ends_session(response)
    assert plan_of(store) is None


def test_nothing_said_through_its_own_intent_is_a_shrug_too(
    handler: Handler, request_for: Envelope, store: PortableStore, morning: dict[str, Any]
) -> None:
    response = handler(said(request_for, "NothingIntent", "probably", attributes=morning), None)
    assert starts(speech(response), "answer.no_plan_on"), speech(response)  # moves on to wins
    assert not ends_session(response)
    assert plan_of(store) is None


@pytest.mark.parametrize(
    ("intent", "words", "saved"),
    [
        ("SetOneThingIntent", "oh and i took my meds", ["took my meds"]),
        ("SetOneThingIntent", "um i already fed the cat", ["fed the cat"]),
        ("LogWinIntent", "did the dishes", ["did the dishes"]),
        ("LogWinIntent", "went for a walk before breakfast", ["went for a walk before breakfast"]),
    ],
)
def test_a_deed_is_logged_then_the_one_thing_is_asked_for_once(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    morning: dict[str, Any],
    intent: str,
    words: str,
    saved: list[str],
) -> None:
    first = handler(said(request_for, intent, words, attributes=morning), None)
    assert ends(speech(first), "one_thing.after_win"), speech(first)
    assert not ends_session(first) and first["sessionAttributes"]["asked"] == "one_thing"
    assert stored_texts(store) == saved
    assert plan_of(store) is None

    again = handler(
        said(request_for, "LogWinIntent", "made my bed", attributes=first["sessionAttributes"]),
        None,
    )
    assert not ends(speech(again), "one_thing.after_win"), "asked once, never twice"
    assert stored_texts(store) == [*saved, "made my bed"]


def test_several_deeds_are_logged_as_the_log_path_logs_them(
    handler: Handler, request_for: Envelope, store: PortableStore, morning: dict[str, Any]
) -> None:
    words = "i did the dishes and i also answered three emails and i called my mom back"
    response = handler(said(request_for, "SetOneThingIntent", words, attributes=morning), None)
    kept = " ".join(stored_texts(store))
    assert "did the dishes" in kept and "answered three emails" in kept and "called my mom" in kept
    assert ends(speech(response), "one_thing.after_win")
    assert plan_of(store) is None


def test_a_deed_and_a_plan_said_together_are_both_kept(
    handler: Handler, request_for: Envelope, store: PortableStore, morning: dict[str, Any]
) -> None:
    words = "i did the dishes and i'll call the bank"
    response = handler(said(request_for, "SetOneThingIntent", words, attributes=morning), None)
    assert stored_texts(store) == ["did the dishes"]
    assert plan_of(store) == "call the bank"
    assert "call the bank" in speech(response)


@pytest.mark.parametrize(
    ("words", "plan"),
    [
        ("um call the bank", "call the bank"),
        ("oh and call my mum", "call my mum"),
        ("so i'm going to hoover the stairs", "hoover the stairs"),
        ("uh i think i'll drink some water", "drink some water"),
    ],
)
def test_fillers_never_end_up_in_the_plan(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    morning: dict[str, Any],
    words: str,
    plan: str,
) -> None:
    response = handler(said(request_for, "SetOneThingIntent", words, attributes=morning), None)
    assert plan_of(store) == plan
    assert store.load_profile(SPEAKER).one_thing_day == MORNING.date()
    assert starts(speech(response), "one_thing.set", thing=plan.replace("my ", "your "))


@pytest.mark.parametrize(
    "words", ["i want to die", "i'll end it today", "i did the dishes and i want to die"]
)
def test_crisis_said_to_the_morning_question_is_met_with_care_and_nothing_is_kept(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    morning: dict[str, Any],
    words: str,
) -> None:
    response = handler(said(request_for, "SetOneThingIntent", words, attributes=morning), None)
    assert "988" in speech(response)
    assert stored_texts(store) == [] and plan_of(store) is None


# --- 2. A bad day plus a request ----------------------------------------------------------


@pytest.mark.parametrize(
    ("intent", "words"),
    [
        ("FeelLikeIntent", "garbage tell me something i did"),
        ("FeelingIntent", "awful, tell me something i did"),
        ("FeelingIntent", "rubbish can you remind me of a win"),
        ("StateIntent", "so tired read me one of my wins"),
        ("CatchAllIntent", "ugh rough day remind me of a win"),
        ("CatchAllIntent", "bad week give me a win"),
    ],
)
@pytest.mark.parametrize("in_session", [False, True])
def test_a_hard_day_and_a_request_gets_a_word_then_one_of_their_wins(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    intent: str,
    words: str,
    in_session: bool,
) -> None:
    handler(said(request_for, "LogWinIntent", "did the laundry"), None)
    attributes = {"asked": "win"} if in_session else None
    response = handler(said(request_for, intent, words, attributes=attributes), None)
    reply = speech(response)
    assert starts(reply, "hear.after_hard"), reply
    assert "you did the laundry" in reply
    assert stored_texts(store) == ["did the laundry"]
    assert ends_session(response) is not in_session


@pytest.mark.parametrize(
    ("intent", "words"),
    [
        ("FeelLikeIntent", "dying, tell me something i did"),
        ("FeelingIntent", "like i want to disappear read me a win"),
        ("CatchAllIntent", "rough day i want to kill myself remind me of a win"),
    ],
)
def test_crisis_words_beside_the_request_get_the_crisis_answer(
    handler: Handler, request_for: Envelope, store: PortableStore, intent: str, words: str
) -> None:
    handler(said(request_for, "LogWinIntent", "did the laundry"), None)
    response = handler(said(request_for, intent, words), None)
    assert "988" in speech(response) and "laundry" not in speech(response)
    assert stored_texts(store) == ["did the laundry"]


def test_a_feeling_without_a_request_is_heard_as_before(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    response = handler(said(request_for, "FeelLikeIntent", "garbage"), None)
    assert "laundry" not in speech(response) and not starts(speech(response), "hear.after_hard")
    assert stored_texts(store) == []


# --- 3. A question survives one misunderstanding ------------------------------------------


def _fallback(request_for: Envelope, attributes: dict[str, Any]) -> dict[str, Any]:
    return request_for("fallback", new=False, attributes=attributes)


def _goal_check_in(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> dict[str, Any]:
    store.set_goal(SPEAKER, "email my landlord", clock.now)
    rang = handler(request_for("task_launch"), None)
    assert "Did you email your landlord?" in speech(rang)
    return rang


def test_the_goal_check_in_is_asked_again_after_a_miss_then_dropped_after_two(
    handler: Handler, request_for: Envelope, store: PortableStore, clock: Clock
) -> None:
    rang = _goal_check_in(handler, request_for, store, clock)
    missed = handler(_fallback(request_for, rang["sessionAttributes"]), None)
    assert "Did you email your landlord? Yes or not yet." in speech(missed)
    assert missed["sessionAttributes"]["asked"] == "check_in" and not ends_session(missed)

    not_yet = handler(request_for("no", new=False, attributes=missed["sessionAttributes"]), None)
    assert starts(speech(not_yet), "goal.not_yet")

    twice = handler(_fallback(request_for, missed["sessionAttributes"]), None)
    again = handler(_fallback(request_for, twice["sessionAttributes"]), None)
    assert again["sessionAttributes"]["asked"] == "what_next" and not ends_session(again)
    assert "I need help" in (reprompt(again) or "")
    assert store.load_profile(SPEAKER).goal == "email my landlord"  # nothing was decided


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("what oh not yet", "goal.not_yet"),
        ("huh sorry no i ran out of time", "goal.not_yet"),
        ("pardon oh nope", "goal.not_yet"),
        ("what oh yeah i did", None),
        ("sorry what yes", None),
    ],
)
def test_a_yes_or_no_after_what_oh_answers_the_check_in(
    handler: Handler,
    request_for: Envelope,
    store: PortableStore,
    clock: Clock,
    words: str,
    key: str | None,
) -> None:
    rang = _goal_check_in(handler, request_for, store, clock)
    response = handler(
        said(request_for, "CatchAllIntent", words, attributes=rang["sessionAttributes"]), None
    )
    if key is not None:
        assert starts(speech(response), key), speech(response)
        assert stored_texts(store) == []
    else:
        assert "email your landlord" in speech(response)
        assert stored_texts(store) == ["email my landlord"]


def test_a_deletion_is_restated_after_a_miss_so_a_later_yes_is_informed(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    handler(said(request_for, "LogWinIntent", "did the laundry"), None)
    asked = handler(request_for("delete_last", new=False, attributes={}), None)
    missed = handler(_fallback(request_for, asked["sessionAttributes"]), None)
    assert "you did the laundry" in speech(missed) and plain(speech(missed)).endswith("Yes or no.")
    yes = handler(request_for("yes", new=False, attributes=missed["sessionAttributes"]), None)
    assert starts(speech(yes), "delete.last_done")
    assert stored_texts(store) == []


def test_a_second_miss_drops_a_deletion_so_a_later_yes_deletes_nothing(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    handler(said(request_for, "LogWinIntent", "did the laundry"), None)
    asked = handler(request_for("delete_last", new=False, attributes={}), None)
    once = handler(_fallback(request_for, asked["sessionAttributes"]), None)
    twice = handler(_fallback(request_for, once["sessionAttributes"]), None)
    assert "I need help" in (reprompt(twice) or "") and not ends_session(twice)
    handler(request_for("yes", new=False, attributes=twice["sessionAttributes"]), None)
    assert stored_texts(store) == ["did the laundry"]


def test_an_offered_win_is_offered_again_by_name_after_a_miss(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    offered = handler(said(request_for, "LogWinIntent", "failed my driving test"), None)
    missed = handler(_fallback(request_for, offered["sessionAttributes"]), None)
    assert "you took your driving test" in speech(missed).lower()
    assert missed["sessionAttributes"]["asked"] == "offer"
    handler(request_for("yes", new=False, attributes=missed["sessionAttributes"]), None)
    assert stored_texts(store) == ["took my driving test"]


def test_the_reminder_time_is_asked_again_after_a_miss(
    handler: Handler, request_for: Envelope
) -> None:
    asked = handler(request_for("set_reminder", new=False, attributes={}), None)
    assert asked["sessionAttributes"]["asked"] == "reminder_time", speech(asked)
    missed = handler(_fallback(request_for, asked["sessionAttributes"]), None)
    assert "8 AM" in speech(missed) and missed["sessionAttributes"]["asked"] == "reminder_time"


def test_the_morning_question_is_asked_again_after_words_that_do_not_answer_it(
    handler: Handler, request_for: Envelope, store: PortableStore, morning: dict[str, Any]
) -> None:
    hello = handler(said(request_for, "SetOneThingIntent", "hello", attributes=morning), None)
    assert starts(speech(hello), "fallback.awaiting_one_thing")
    assert hello["sessionAttributes"]["asked"] == "one_thing"
    thanks = handler(
        said(request_for, "SetOneThingIntent", "thanks", attributes=hello["sessionAttributes"]),
        None,
    )
    assert thanks["sessionAttributes"]["asked"] == "what_next" and not ends_session(thanks)
    assert "I need help" in (reprompt(thanks) or "")
    assert plan_of(store) is None


@pytest.mark.parametrize("question", ["crisis", "safety"])
def test_the_crisis_follow_up_is_never_dropped(
    handler: Handler, request_for: Envelope, question: str
) -> None:
    attributes: dict[str, Any] = {"asked": question}
    for _ in range(3):
        response = handler(_fallback(request_for, attributes), None)
        attributes = response["sessionAttributes"]
        assert "988" in speech(response) or "988" in (reprompt(response) or "")
        assert attributes["asked"] in ("crisis", "safety") and not ends_session(response)
