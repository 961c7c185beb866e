"""Request envelopes as an Echo sends them."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from skill.console.hearing.envelopes import (
    CONSOLE_SKILL_ID,
    DEFAULT_USER_ID,
    Caller,
    SessionInfo,
    envelope,
    intent_request,
    launch_request,
    new_session_id,
    session_ended_request,
)
from skill.console.hearing.resolver import Resolver

RECORDED = Path(__file__).resolve().parent.parent / "requests"
SESSION_ID = re.compile(r"^amzn1\.echo-api\.session\.[0-9a-f-]{36}$")
REQUEST_ID = re.compile(r"^amzn1\.echo-api\.request\.[0-9a-f-]{36}$")
MOMENT = datetime(2026, 11, 21, 15, 30, 5, 123456, tzinfo=UTC)


def shape(value: Any) -> Any:
    """The keys of a JSON value, recursively, with the values themselves left out."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value).__name__


def console_envelope(request: dict[str, Any], *, new: bool = True) -> dict[str, Any]:
    session = SessionInfo("amzn1.echo-api.session.0f3b2c1d-7e6a-4b5c-8d9e-0a1b2c3d4e5f", new)
    return envelope(request, session, Caller())


@pytest.mark.parametrize(
    ("recorded", "utterance"),
    [
        ("launch", "open small wins"),
        ("log_win", "tell small wins I did the laundry"),
        ("log_win_empty", "log a win"),
        ("hear_win", "remind me of a win"),
        ("set_style", "celebrate quietly"),
        ("help", "help"),
    ],
)
def test_envelopes_have_the_shape_of_recorded_echo_requests(
    resolver: Resolver, recorded: str, utterance: str
) -> None:
    heard = resolver.resolve(utterance)
    if heard.intent is None:
        request = launch_request(Caller(), MOMENT)
    else:
        request = intent_request(heard.intent, Caller(), MOMENT)

    expected = json.loads((RECORDED / f"{recorded}.json").read_text())
    assert shape(console_envelope(request)) == shape(expected)


def test_session_ended_has_the_shape_of_a_recorded_one() -> None:
    expected = json.loads((RECORDED / "session_ended.json").read_text())

    built = console_envelope(session_ended_request(Caller(), now=MOMENT), new=False)

    assert shape(built) == shape(expected)
    assert built["request"]["reason"] == "USER_INITIATED"


def test_an_envelope_names_the_console_skill_user_and_device() -> None:
    built = console_envelope(launch_request(Caller(), MOMENT))

    assert built["version"] == "1.0"
    assert built["session"]["application"]["applicationId"] == CONSOLE_SKILL_ID
    assert built["context"]["System"]["application"]["applicationId"] == CONSOLE_SKILL_ID
    assert built["session"]["user"]["userId"] == DEFAULT_USER_ID
    assert built["context"]["System"]["user"]["userId"] == DEFAULT_USER_ID
    assert built["context"]["System"]["apiEndpoint"] == "https://api.amazonalexa.com"
    assert built["context"]["System"]["device"]["supportedInterfaces"] == {}
    assert REQUEST_ID.match(built["request"]["requestId"])
    assert built["request"]["locale"] == "en-US"


def test_timestamps_are_utc_with_a_z_and_whole_seconds() -> None:
    elsewhere = MOMENT.astimezone(timezone(timedelta(hours=-8)))

    assert launch_request(Caller(), elsewhere)["timestamp"] == "2026-11-21T15:30:05Z"


def test_a_resolved_style_carries_alexas_entity_resolution(resolver: Resolver) -> None:
    heard = resolver.resolve("celebrate quietly")
    assert heard.intent is not None

    slot = intent_request(heard.intent, Caller(), MOMENT)["intent"]["slots"]["style"]

    assert slot["value"] == "quietly"
    assert slot["source"] == "USER"
    assert slot["resolutions"] == {
        "resolutionsPerAuthority": [
            {
                "authority": f"amzn1.er-authority.echo-sdk.{CONSOLE_SKILL_ID}.CelebrationStyle",
                "status": {"code": "ER_SUCCESS_MATCH"},
                "values": [{"value": {"name": "calm", "id": "calm"}}],
            }
        ]
    }


def test_an_unknown_style_is_heard_but_not_resolved(resolver: Resolver) -> None:
    heard = resolver.resolve("make it purple")
    assert heard.intent is not None

    slot = intent_request(heard.intent, Caller(), MOMENT)["intent"]["slots"]["style"]

    authority = slot["resolutions"]["resolutionsPerAuthority"][0]
    assert authority["status"] == {"code": "ER_SUCCESS_NO_MATCH"}
    assert "values" not in authority


def test_a_search_query_slot_has_no_resolutions(resolver: Resolver) -> None:
    heard = resolver.resolve("I did the laundry")
    assert heard.intent is not None

    slot = intent_request(heard.intent, Caller(), MOMENT)["intent"]["slots"]["win"]

    assert slot == {
        "name": "win",
        "value": "did the laundry",
        "confirmationStatus": "NONE",
        "source": "USER",
    }


def test_session_ids_are_fresh_and_in_alexas_format() -> None:
    first, second = new_session_id(), new_session_id()

    assert SESSION_ID.match(first)
    assert first != second
