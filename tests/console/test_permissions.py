"""Consent by voice, as Alexa runs it: the question, the answer request, what each request says."""

from __future__ import annotations

from typing import Any

import pytest

from skill.console.alexa_stand_in import REMINDERS_SCOPE, TIMERS_SCOPE
from skill.console.device.conversation import Conversation
from skill.console.device.permissions import (
    ConsentRequest,
    Permissions,
    consent_outcome,
    consent_request,
)
from skill.console.hearing.resolver import Resolver

TASK = {"name": "amzn1.ask.skill.x.CheckInOnGoal", "version": "1", "input": {"goal": "tidy"}}


def ask_for(scope: str, *, speech: str | None = "I need your permission.") -> dict[str, Any]:
    """A response asking Alexa to put the consent question, as the ASK SDK serialises it."""
    body: dict[str, Any] = {
        "directives": [
            {
                "type": "Connections.SendRequest",
                "name": "AskFor",
                "payload": {
                    "@type": "AskForPermissionsConsentRequest",
                    "@version": "1",
                    "permissionScope": scope,
                },
                "token": "consent-token-1",
            }
        ]
    }
    if speech:
        body["outputSpeech"] = {"type": "SSML", "ssml": f"<speak>{speech}</speak>"}
    return {"version": "1.0", "sessionAttributes": {"step": "asked"}, "response": body}


def reply(*, end: bool) -> dict[str, Any]:
    return {"version": "1.0", "sessionAttributes": {}, "response": {"shouldEndSession": end}}


class Skill:
    def __init__(self, *replies: dict[str, Any]) -> None:
        self.replies = list(replies)
        self.received: list[dict[str, Any]] = []

    def __call__(self, request: dict[str, Any], context: Any) -> dict[str, Any]:
        self.received.append(request)
        return self.replies.pop(0) if self.replies else reply(end=True)


@pytest.mark.parametrize(
    ("said", "outcome"),
    [
        ("yes", "ACCEPTED"),
        ("Yes please", "ACCEPTED"),
        ("I approve", "ACCEPTED"),
        ("allow", "ACCEPTED"),
        ("okay", "ACCEPTED"),
        ("no", "DENIED"),
        ("no thanks", "DENIED"),
        ("I don't allow it", "DENIED"),
        ("", "NOT_ANSWERED"),
        (None, "NOT_ANSWERED"),
        ("what is a timer", "NOT_ANSWERED"),
    ],
)
def test_typed_answers_become_alexa_outcomes(said: str | None, outcome: str) -> None:
    assert consent_outcome(said) == outcome


def test_the_consent_request_is_found_among_directives() -> None:
    assert consent_request(ask_for(TIMERS_SCOPE)) == ConsentRequest(TIMERS_SCOPE, "consent-token-1")
    assert consent_request(reply(end=False)) is None
    assert consent_request(None) is None
    assert "set reminders" in ConsentRequest(REMINDERS_SCOPE, None).question()


def test_permissions_are_absent_until_asked_then_track_each_scope() -> None:
    changes: list[tuple[str, bool]] = []
    permissions = Permissions("token", on_change=lambda scope, ok: changes.append((scope, ok)))
    assert permissions.as_envelope() is None

    permissions.record(TIMERS_SCOPE, "NOT_ANSWERED")
    assert permissions.as_envelope() is None
    permissions.record(TIMERS_SCOPE, "ACCEPTED")
    permissions.record(REMINDERS_SCOPE, "DENIED")

    assert permissions.as_envelope() == {
        "consentToken": "token",
        "scopes": {
            TIMERS_SCOPE: {"status": "GRANTED"},
            REMINDERS_SCOPE: {"status": "DENIED"},
        },
    }
    assert changes == [(TIMERS_SCOPE, True), (REMINDERS_SCOPE, False)]


def test_the_answer_is_a_connections_response_in_the_same_session(resolver: Resolver) -> None:
    skill = Skill(ask_for(TIMERS_SCOPE), reply(end=False))
    permissions = Permissions("token")
    conversation = Conversation(skill, resolver, permissions=permissions)

    conversation.hear("ask small wins to set a one minute goal to tidy")
    assert conversation.pending_consent == ConsentRequest(TIMERS_SCOPE, "consent-token-1")
    assert not conversation.session_open  # Alexa has the floor, not the skill
    conversation.answer_consent("ACCEPTED")

    asked, answered = skill.received
    assert "permissions" not in asked["context"]["System"]["user"]
    assert answered["session"]["new"] is False
    assert answered["session"]["sessionId"] == asked["session"]["sessionId"]
    assert answered["session"]["attributes"] == {"step": "asked"}
    request = answered["request"]
    assert request["type"] == "Connections.Response"
    assert request["name"] == "AskFor"
    assert request["status"] == {"code": "200", "message": "OK"}
    assert request["token"] == "consent-token-1"
    assert request["payload"] == {"permissionScope": TIMERS_SCOPE, "status": "ACCEPTED"}
    for user in (answered["context"]["System"]["user"], answered["session"]["user"]):
        assert user["permissions"]["scopes"] == {TIMERS_SCOPE: {"status": "GRANTED"}}
    assert conversation.pending_consent is None
    assert conversation.session_open


def test_answering_with_no_question_pending_is_a_mistake(resolver: Resolver) -> None:
    with pytest.raises(RuntimeError):
        Conversation(Skill(), resolver).answer_consent("ACCEPTED")


def test_a_timer_task_ends_the_open_session_and_launches_a_new_one(resolver: Resolver) -> None:
    skill = Skill(reply(end=False), reply(end=True), reply(end=False))
    conversation = Conversation(skill, resolver)
    conversation.hear("open small wins")

    ended, launched = conversation.launch_task(TASK)

    opened, goodbye, relaunch = skill.received
    assert ended is not None
    assert goodbye["request"]["type"] == "SessionEndedRequest"
    assert goodbye["session"]["sessionId"] == opened["session"]["sessionId"]
    assert relaunch["request"]["type"] == "LaunchRequest"
    assert relaunch["request"]["task"] == TASK
    assert relaunch["session"]["new"] is True
    assert relaunch["session"]["sessionId"] != opened["session"]["sessionId"]
    assert conversation.session_open


def test_a_timer_task_with_no_session_open_just_launches(resolver: Resolver) -> None:
    skill = Skill(reply(end=True))
    conversation = Conversation(skill, resolver)

    ended, _ = conversation.launch_task(TASK)

    assert ended is None
    assert [r["request"]["type"] for r in skill.received] == ["LaunchRequest"]
