"""Sessions as Alexa keeps them: when they start, what they carry, how they end."""

from __future__ import annotations

import re
from typing import Any

import pytest

from skill.console.device.conversation import NOT_INVOKED_HINT, Conversation
from skill.console.hearing.resolver import Resolver

pytestmark = pytest.mark.any_hour  # the date, hour or zone could change its outcome

SESSION_ID = re.compile(r"^amzn1\.echo-api\.session\.[0-9a-f-]{36}$")


class Recorder:
    """A stand-in skill that records each envelope and answers with the next scripted reply."""

    def __init__(self, *replies: dict[str, Any]) -> None:
        self.replies = list(replies)
        self.received: list[dict[str, Any]] = []

    def __call__(self, request: dict[str, Any], context: Any) -> dict[str, Any]:
        self.received.append(request)
        return self.replies.pop(0) if self.replies else reply(end=True)


def reply(*, end: bool, attributes: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "version": "1.0",
        "sessionAttributes": attributes or {},
        "response": {"shouldEndSession": end},
    }


def test_an_invocation_starts_a_session_that_continues_while_the_skill_listens(
    resolver: Resolver,
) -> None:
    skill = Recorder(reply(end=False, attributes={"asked": "win"}), reply(end=True))
    conversation = Conversation(skill, resolver)

    conversation.hear("open small wins")
    assert conversation.session_open
    conversation.hear("remind me of a win")

    first, second = skill.received
    assert first["request"]["type"] == "LaunchRequest"
    assert first["session"]["new"] is True
    assert first["session"]["attributes"] == {}
    assert SESSION_ID.match(first["session"]["sessionId"])
    assert second["request"]["intent"]["name"] == "HearWinIntent"
    assert second["session"]["new"] is False
    assert second["session"]["sessionId"] == first["session"]["sessionId"]
    assert second["session"]["attributes"] == {"asked": "win"}
    assert not conversation.session_open


def test_a_closed_session_is_not_continued(resolver: Resolver) -> None:
    skill = Recorder(reply(end=True), reply(end=True))
    conversation = Conversation(skill, resolver)

    conversation.hear("tell small wins I did the laundry")
    conversation.hear("ask small wins for a win")

    first, second = skill.received
    assert first["session"]["new"] is True
    assert first["request"]["intent"]["name"] == "LogWinIntent"
    assert second["session"]["new"] is True
    assert second["session"]["sessionId"] != first["session"]["sessionId"]


def test_a_missing_should_end_session_ends_it_as_on_a_voice_only_echo(resolver: Resolver) -> None:
    conversation = Conversation(Recorder({"version": "1.0", "response": {}}), resolver)

    conversation.hear("open small wins")

    assert not conversation.session_open


def test_naming_the_skill_again_starts_a_fresh_session(resolver: Resolver) -> None:
    skill = Recorder(reply(end=False, attributes={"k": 1}), reply(end=False))
    conversation = Conversation(skill, resolver)

    conversation.hear("open small wins")
    conversation.hear("ask small wins for a win")

    second = skill.received[1]
    assert second["session"]["new"] is True
    assert second["session"]["attributes"] == {}


def test_an_utterance_without_the_name_opens_a_session_with_one_hint(resolver: Resolver) -> None:
    hints: list[str] = []
    skill = Recorder(reply(end=True), reply(end=True))
    conversation = Conversation(skill, resolver, on_hint=hints.append)

    conversation.hear("I did the laundry")
    conversation.hear("I made tea")

    assert [envelope["session"]["new"] for envelope in skill.received] == [True, True]
    assert hints == [NOT_INVOKED_HINT]


def test_leaving_an_open_session_sends_session_ended(resolver: Resolver) -> None:
    skill = Recorder(reply(end=False, attributes={"k": 1}))
    conversation = Conversation(skill, resolver)
    conversation.hear("open small wins")

    conversation.leave()

    ended = skill.received[-1]
    assert ended["request"]["type"] == "SessionEndedRequest"
    assert ended["request"]["reason"] == "USER_INITIATED"
    assert ended["session"]["new"] is False
    assert ended["session"]["attributes"] == {"k": 1}
    assert not conversation.session_open
    assert conversation.leave() is None
    assert len(skill.received) == 2


def test_saying_exit_ends_an_open_session(resolver: Resolver) -> None:
    skill = Recorder(reply(end=False))
    conversation = Conversation(skill, resolver)
    conversation.hear("open small wins")

    conversation.hear("exit")

    assert skill.received[-1]["request"]["type"] == "SessionEndedRequest"
    assert not conversation.session_open


def test_exit_with_no_session_reaches_no_skill(resolver: Resolver) -> None:
    hints: list[str] = []
    skill = Recorder()

    assert Conversation(skill, resolver, on_hint=hints.append).hear("exit") is None
    assert skill.received == []
    assert hints
