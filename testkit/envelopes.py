"""Request envelopes for the benchmark: the tests' real Alexa JSON, aimed at a loopback stand-in."""

from __future__ import annotations

import copy
import json
import uuid
from functools import cache
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

ROOT: Final = Path(__file__).resolve().parent.parent
REQUESTS: Final = ROOT / "tests" / "requests"
_LOOPBACK: Final = ("127.0.0.1", "localhost", "::1")


@cache
def _stored(name: str) -> dict[str, Any]:
    envelope: dict[str, Any] = json.loads((REQUESTS / f"{name}.json").read_text("utf-8"))
    return envelope


def envelope(
    name: str,
    *,
    api_endpoint: str,
    api_token: str,
    slots: dict[str, str] | None = None,
    scopes: tuple[str, ...] = (),
    new_session: bool | None = None,
) -> dict[str, Any]:
    """``tests/requests/<name>.json`` with a fresh request ID, its slots filled, scopes granted.

    Every envelope names ``api_endpoint`` as Alexa's API address, which must be on loopback:
    the benchmark never sends anything to Alexa.
    """
    if urlsplit(api_endpoint).hostname not in _LOOPBACK:
        raise ValueError(f"not a loopback address: {api_endpoint}")
    event = copy.deepcopy(_stored(name))
    event["request"]["requestId"] = f"amzn1.echo-api.request.{uuid.uuid4()}"
    system = event["context"]["System"]
    system["apiEndpoint"] = api_endpoint
    system["apiAccessToken"] = api_token
    if scopes:
        system["user"]["permissions"] = {
            "consentToken": "consent-token",
            "scopes": {scope: {"status": "GRANTED"} for scope in scopes},
        }
    for slot, value in (slots or {}).items():
        event["request"]["intent"]["slots"][slot] = {
            "name": slot,
            "value": value,
            "confirmationStatus": "NONE",
            "source": "USER",
        }
    if new_session is not None:
        event["session"]["new"] = new_session
    return event


def set_speaker(event: dict[str, Any], user_id: str) -> dict[str, Any]:
    """The same request from another Alexa account."""
    event["session"]["user"]["userId"] = user_id
    event["context"]["System"]["user"]["userId"] = user_id
    return event
