"""Saying nothing, as an Echo hears it: the reprompt once, then the session ends."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from skill.cli import main
from skill.console.alexa_stand_in import TIMERS_SCOPE, FakeAlexaApi
from skill.console.device.conversation import (
    NO_REPROMPT_HINT,
    NOTHING_HEARD_HINT,
    TIMED_OUT_HINT,
    Conversation,
    Silence,
)
from skill.console.device.echo_device import Echo
from skill.console.hearing.resolver import Resolver
from skill.console.terminal.output import Presenter
from skill.console.terminal.text import speech_text
from tests.console.conftest import Exchange
from tests.console.stand_in import ScriptedSkill, reply, ssml

ANYTHING_ELSE = "Anything else?"


def test_the_first_silence_says_the_reprompt_again_and_asks_the_skill_nothing(
    resolver: Resolver,
) -> None:
    skill = ScriptedSkill(reply(end=False, say="Hi.", reprompt=ANYTHING_ELSE))
    conversation = Conversation(skill, resolver)
    conversation.hear("open small wins")

    silence = conversation.silence()

    assert silence == Silence(reprompt=ssml(ANYTHING_ELSE))
    assert len(skill.received) == 1
    assert conversation.session_open


def test_a_second_silence_in_a_row_ends_the_session(resolver: Resolver) -> None:
    hints: list[str] = []
    skill = ScriptedSkill(reply(end=False, reprompt=ANYTHING_ELSE, attributes={"k": 1}))
    conversation = Conversation(skill, resolver, on_hint=hints.append)
    conversation.hear("open small wins")

    conversation.silence()
    silence = conversation.silence()

    opened, ended = skill.received
    assert ended["request"]["type"] == "SessionEndedRequest"
    assert ended["request"]["reason"] == "EXCEEDED_MAX_REPROMPTS"
    assert ended["session"]["sessionId"] == opened["session"]["sessionId"]
    assert ended["session"]["attributes"] == {"k": 1}
    assert silence.ended is not None and silence.reprompt is None
    assert not conversation.session_open
    assert hints == [TIMED_OUT_HINT]


def test_words_between_silences_start_the_count_again(resolver: Resolver) -> None:
    skill = ScriptedSkill(
        reply(end=False, reprompt=ANYTHING_ELSE),
        reply(end=False, reprompt="Say a win, or stop."),
    )
    conversation = Conversation(skill, resolver)
    conversation.hear("open small wins")

    conversation.silence()
    conversation.hear("help")
    silence = conversation.silence()

    assert silence == Silence(reprompt=ssml("Say a win, or stop."))
    assert [r["request"]["type"] for r in skill.received] == ["LaunchRequest", "IntentRequest"]


def test_without_a_reprompt_the_first_silence_ends_the_session(resolver: Resolver) -> None:
    hints: list[str] = []
    skill = ScriptedSkill(reply(end=False, say="Hi."))
    conversation = Conversation(skill, resolver, on_hint=hints.append)
    conversation.hear("open small wins")

    conversation.silence()

    assert skill.last["reason"] == "EXCEEDED_MAX_REPROMPTS"
    assert hints == [NO_REPROMPT_HINT]


def test_silence_with_no_session_open_reaches_no_skill(resolver: Resolver) -> None:
    hints: list[str] = []
    skill = ScriptedSkill()
    conversation = Conversation(skill, resolver, on_hint=hints.append)

    assert conversation.silence() == Silence()
    assert conversation.silence() == Silence()
    assert skill.received == []
    assert hints == [NOTHING_HEARD_HINT]  # said once


@dataclass
class Device:
    """An Echo around a stand-in skill, writing scripted output (answers and notes) to memory."""

    skill: ScriptedSkill
    echo: Echo
    out: io.StringIO
    notes: io.StringIO

    def lines(self) -> list[str]:
        return self.out.getvalue().splitlines()


@pytest.fixture
def device(resolver: Resolver, alexa: FakeAlexaApi) -> Callable[..., Device]:
    def build(*replies: dict[str, Any], as_json: bool = False) -> Device:
        skill = ScriptedSkill(*replies)
        out, notes = io.StringIO(), io.StringIO()
        presenter = Presenter(out, interactive=False, as_json=as_json, notes=notes)
        echo = Echo(Conversation(skill, resolver), presenter, alexa)
        return Device(skill, echo, out, notes)

    return build


def test_each_silence_answers_its_line_when_scripted(device: Callable[..., Device]) -> None:
    dev = device(reply(end=False, say="Hi.", reprompt=ANYTHING_ELSE))

    for line in ("", "open small wins", "", ""):
        dev.echo.take(line)

    assert dev.lines() == ["", "Hi.", ANYTHING_ELSE, ""]


def test_in_json_a_reprompt_is_null_as_no_request_was_sent(device: Callable[..., Device]) -> None:
    dev = device(reply(end=False, say="Hi.", reprompt=ANYTHING_ELSE), as_json=True)

    for line in ("open small wins", "", ""):
        dev.echo.take(line)

    launched, again, ended = (json.loads(line) for line in dev.lines())
    assert launched["response"]["reprompt"]["outputSpeech"] == ssml(ANYTHING_ELSE)
    assert again is None
    assert ended["version"] == "1.0"


def test_silence_answers_a_consent_question_not_answered(device: Callable[..., Device]) -> None:
    asking = reply(
        end=None,
        say="I need your permission.",
        directives=[
            {
                "type": "Connections.SendRequest",
                "name": "AskFor",
                "payload": {
                    "@type": "AskForPermissionsConsentRequest",
                    "@version": "1",
                    "permissionScope": TIMERS_SCOPE,
                },
                "token": "consent-token",
            }
        ],
    )
    dev = device(asking, reply(end=False, say="No timer, then.", reprompt=ANYTHING_ELSE))

    dev.echo.take("ask small wins to set a one minute goal to tidy")
    dev.echo.take("")

    assert dev.skill.last["type"] == "Connections.Response"
    assert dev.skill.last["payload"]["status"] == "NOT_ANSWERED"
    assert dev.lines() == ["I need your permission.", "No timer, then."]


def test_wins_chat_reprompts_then_ends_the_session_of_the_real_skill(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    exchanges: list[Exchange],
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("open small wins\n\n\nhelp\n"))

    assert main(["chat", "--data-dir", str(tmp_path)]) == 0

    out, err = capsys.readouterr()
    greeted, again, ended, helped = out.splitlines()
    launch, timed_out, help_, left = (exchange.request["request"] for exchange in exchanges)
    assert launch["type"] == "LaunchRequest"
    assert again == speech_text(exchanges[0].response["response"]["reprompt"]["outputSpeech"])
    assert timed_out["type"] == "SessionEndedRequest"
    assert timed_out["reason"] == "EXCEEDED_MAX_REPROMPTS"
    assert ended == ""
    assert TIMED_OUT_HINT in err
    assert help_["intent"]["name"] == "AMAZON.HelpIntent"
    assert exchanges[2].request["session"]["new"] is True  # a new session: the last one ended
    assert helped
    assert left["reason"] == "USER_INITIATED"  # the input ended with help's session open
