"""Logs never hold what people said, nor their full user IDs — not even when things fail."""

from __future__ import annotations

import logging
import random
from typing import Any

import pytest

from skill.alexa.api import TIMERS_SCOPE
from skill.console.alexa_stand_in import FakeAlexaApi
from skill.entry import Handler, configure_logging, make_handler
from skill.storage.dynamodb.store import DynamoWinStore
from tests.conftest import ACCOUNT, SKILL_ID, Clock, Envelope

SECRET_WIN = "told my therapist about the nightmares"
PERSON_ID = "amzn1.ask.person.PRIVATEVOICEPROFILE"


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    lines = []
    for record in caplog.records:
        lines.append(record.getMessage())
        if record.exc_info:
            lines.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(lines)


def conversation(handler: Handler, request_for: Envelope) -> None:
    steps: list[tuple[str, dict[str, Any]]] = [
        ("launch", {}),
        ("log_win", {"win": SECRET_WIN}),
        ("log_win", {"win": SECRET_WIN, "person": PERSON_ID}),
        ("hear_win", {}),
        ("set_goal", {"slots": {"goal": SECRET_WIN}, "scopes": {TIMERS_SCOPE: "GRANTED"}}),
        ("set_one_thing", {"slots": {"thing": SECRET_WIN}}),
        ("log_win", {"win": "I want to end my life"}),
        ("delete_last", {}),
        ("session_ended", {}),
    ]
    for name, extra in steps:
        handler(request_for(name, **extra), None)


def assert_private(text: str) -> None:
    assert SECRET_WIN not in text and "therapist" not in text
    assert "end my life" not in text
    assert ACCOUNT not in text and PERSON_ID not in text


def test_a_whole_conversation_logs_nothing_private(
    handler: Handler, request_for: Envelope, alexa: FakeAlexaApi, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="skill")
    caplog.set_level(logging.INFO)
    alexa.fail_next(500, path_prefix="/v1/alerts/timers")  # an API failure gets logged too
    conversation(handler, request_for)
    assert caplog.records  # the skill does log: warnings, session ends
    assert_private(everything_logged(caplog))


def test_storage_failures_log_nothing_private(
    dynamodb: Any, clock: Clock, request_for: Envelope, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    broken = DynamoWinStore(dynamodb, "no-such-table")
    handler = make_handler(broken, skill_id=SKILL_ID, clock=clock, rng=random.Random(1))
    conversation(handler, request_for)
    logged = everything_logged(caplog)
    assert "storage failed" in logged
    assert_private(logged)


def test_debug_logging_keeps_aws_libraries_quiet(
    handler: Handler, request_for: Envelope, caplog: pytest.LogCaptureFixture
) -> None:
    configure_logging("DEBUG")  # as LOG_LEVEL=DEBUG would on Lambda
    try:
        caplog.set_level(logging.DEBUG, logger="skill")
        conversation(handler, request_for)
        assert_private(everything_logged(caplog))
        assert not [r for r in caplog.records if r.name.startswith(("botocore", "urllib3"))]
    finally:
        configure_logging("WARNING")
