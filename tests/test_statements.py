"""Statements through the real handler: crisis is met with care and kept nowhere, harm and pain
are not celebrated, and a win hiding in a hard day is stored only on a yes."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from skill.entry import Handler
from skill.handlers.statements import CARRIERS
from skill.storage.interface import PortableStore
from skill.storage.sqlite.store import SqliteWinStore
from tests.conftest import (
    SPEAKER,
    Envelope,
    ends_session,
    everything_kept,
    plain,
    reprompt,
    speech,
)

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome


def said(
    request_for: Envelope,
    intent: str,
    words: str,
    *,
    new: bool = True,
    attributes: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An IntentRequest for ``intent`` with its free-text slot holding ``words``."""
    envelope = request_for("log_win", new=new, attributes=attributes)
    slot = CARRIERS[intent].slot if intent in CARRIERS else _plain_slots[intent]
    envelope["request"]["intent"] = {
        "name": intent,
        "confirmationStatus": "NONE",
        "slots": {slot: {"name": slot, "value": words, "confirmationStatus": "NONE"}},
    }
    return envelope


_plain_slots = {"LogWinIntent": "win", "SetOneThingIntent": "thing", "SetGoalIntent": "goal"}


@pytest.mark.parametrize(
    ("intent", "words"),
    [
        ("SetOneThingIntent", "die"),  # "I want to {thing}": only "die" reaches the slot
        ("LogWinIntent", "took too many pills"),
        ("StateIntent", "thinking about killing myself"),
        ("NobodyIntent", "would miss me"),
        ("FeelLikeIntent", "dying"),
        ("SetGoalIntent", "end it tonight"),
    ],
)
def test_crisis_gets_care_and_the_line_and_nothing_is_kept_anywhere(
    handler: Handler,
    request_for: Envelope,
    store: SqliteWinStore,
    caplog: pytest.LogCaptureFixture,
    intent: str,
    words: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    response = handler(said(request_for, intent, words), None)

    assert "988" in speech(response) and "911" in speech(response)
    assert "won't log" in speech(response)
    assert "988" in response["response"]["card"]["content"]
    assert not ends_session(response)  # nobody is cut off
    assert "988" in (reprompt(response) or "")
    assert everything_kept(store.data_dir) == "[]"  # no win, no one thing, no goal, no marker
    assert words not in caplog.text


def test_after_the_crisis_answer_yes_or_no_gets_the_line_again_and_stop_ends_kindly(
    handler: Handler, request_for: Envelope
) -> None:
    crisis = handler(said(request_for, "LogWinIntent", "want to die"), None)
    attributes = crisis["sessionAttributes"]
    assert "want to die" not in json.dumps(attributes)

    answered = handler(request_for("yes", new=False, attributes=attributes), None)
    stopped = handler(request_for("stop", new=False, attributes=attributes), None)

    assert "988" in speech(answered) and not ends_session(answered)
    assert "988" in speech(stopped) and ends_session(stopped)


@pytest.mark.parametrize(
    ("intent", "words", "family_words"),
    [
        ("LogWinIntent", "hit my partner", "hard moment"),
        ("LogWinIntent", "relapsed", "doesn't erase"),
        ("StateIntent", "useless", "critic"),
        ("LogWinIntent", "stopped eating", "body deserves care"),
    ],
)
def test_harm_and_pain_are_not_celebrated_or_stored(
    handler: Handler,
    request_for: Envelope,
    store: SqliteWinStore,
    intent: str,
    words: str,
    family_words: str,
) -> None:
    response = handler(said(request_for, intent, words), None)

    assert family_words in speech(response)
    # Self-hatred gets the line too, gently; harm to others, relapse and not eating do not.
    assert ("988" in speech(response)) is (family_words == "critic")
    assert "soundbank" not in speech(response)  # no celebration sound
    assert everything_kept(store.data_dir) == "[]"


def test_a_win_hiding_in_a_struggle_is_offered_and_stored_only_on_a_yes(
    handler: Handler, request_for: Envelope, store: SqliteWinStore
) -> None:
    offered = handler(said(request_for, "LogWinIntent", "failed my driving test"), None)
    assert "You took your driving test" in speech(offered)
    assert plain(speech(offered)).endswith("?") and not ends_session(offered)
    assert everything_kept(store.data_dir) == "[]"

    declined = handler(request_for("no", new=False, attributes=offered["sessionAttributes"]), None)
    assert "won't log" in speech(declined)
    assert everything_kept(store.data_dir) == "[]"

    offered = handler(said(request_for, "LogWinIntent", "failed my driving test"), None)
    accepted = handler(request_for("yes", new=False, attributes=offered["sessionAttributes"]), None)
    assert "You took your driving test" in speech(accepted)
    assert "took my driving test" in everything_kept(store.data_dir)


@pytest.mark.parametrize(
    ("intent", "words", "said_back", "stored"),
    [
        ("LogWinIntent", "went a month without self harm", "You went a month", "month"),
        ("StateIntent", "two weeks clean", "You are two weeks clean", "am two weeks clean"),
        ("FeelingIntent", "good about cleaning my room", "You feel good about", "cleaning"),
        ("HaveDoneIntent", "done the laundry", "You have done the laundry", "laundry"),
        ("MeAndIntent", "my dog went for a walk", "You and your dog went", "dog went"),
        ("MyIntent", "mom and I went shopping", "Your mom and you went", "shopping"),
    ],
)
def test_wins_said_in_other_shapes_are_celebrated_in_the_persons_words(
    handler: Handler,
    request_for: Envelope,
    store: SqliteWinStore,
    intent: str,
    words: str,
    said_back: str,
    stored: str,
) -> None:
    response = handler(said(request_for, intent, words), None)

    assert said_back in speech(response)
    assert "988" not in speech(response)
    assert stored in everything_kept(store.data_dir)


def test_a_recovery_step_in_crisis_words_gets_a_gentle_word_of_support(
    handler: Handler, request_for: Envelope
) -> None:
    response = handler(said(request_for, "LogWinIntent", "resisted the urge to hurt myself"), None)
    assert "support" in speech(response).lower()
    assert "988" not in speech(response)
    assert "soundbank" not in speech(response)  # quiet, whatever the person's style


def test_a_stored_win_the_rules_now_refuse_is_never_read_back(
    handler: Handler, request_for: Envelope, store: PortableStore
) -> None:
    handler(request_for("log_win", win="made tea"), None)
    [win] = store.wins_of(SPEAKER)
    # As an older rule list might have let through:
    profile = store.load_profile(SPEAKER)
    store.restore(SPEAKER, profile, [win._replace(text="took too many pills")])

    heard = handler(request_for("hear_win"), None)

    assert "pills" not in speech(heard)
    assert "1 win" in speech(heard) or "wins" in speech(heard)
