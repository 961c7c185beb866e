"""Genuine Alexa request envelopes, shaped as an Echo sends them.

The handler under test is the one the Lambda runs, so the console must not take shortcuts:
session, context.System and request look as they do in Alexa's JSON, including the fields a
handler might read (apiEndpoint, device id, permissions, entity resolutions on custom slots, a
timer's task on launch, the answer to a consent request).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

from skill.console.hearing.resolver import IntentMatch, SlotFill

# The console's own skill: the handler is built with this id and refuses any other.
CONSOLE_SKILL_ID: Final = "amzn1.ask.skill.00000000-0000-4000-8000-000000000000"
DEFAULT_USER_ID: Final = "amzn1.ask.account.LOCAL-CONSOLE-USER"
CONSOLE_DEVICE_ID: Final = "amzn1.ask.device.LOCAL-CONSOLE-DEVICE"
API_ENDPOINT: Final = "https://api.amazonalexa.com"
# Not a real token: the console has no Alexa account behind it.
CONSOLE_API_ACCESS_TOKEN: Final = "local-console-token"
LOCALE: Final = "en-US"
USER_INITIATED: Final = "USER_INITIATED"

Envelope = dict[str, Any]


@dataclass(frozen=True)
class Caller:
    """Who is speaking, to which skill, on which device."""

    skill_id: str = CONSOLE_SKILL_ID
    user_id: str = DEFAULT_USER_ID
    device_id: str = CONSOLE_DEVICE_ID
    locale: str = LOCALE
    api_endpoint: str = API_ENDPOINT
    api_access_token: str = CONSOLE_API_ACCESS_TOKEN


@dataclass(frozen=True)
class SessionInfo:
    """The session a request belongs to; ``attributes`` are the last response's."""

    session_id: str
    new: bool
    attributes: Mapping[str, Any] = field(default_factory=dict)


def new_session_id() -> str:
    """A session id in Alexa's format."""
    return f"amzn1.echo-api.session.{uuid.uuid4()}"


def launch_request(
    caller: Caller, now: datetime | None = None, *, task: Mapping[str, Any] | None = None
) -> Envelope:
    """The request part of "open small wins", or of a launch a timer's task asked for."""
    request = _request("LaunchRequest", caller, now)
    request["shouldLinkResultBeReturned"] = False
    if task is not None:
        request["task"] = dict(task)
    return request


def connections_response(
    caller: Caller,
    *,
    name: str,
    token: str | None,
    payload: Mapping[str, Any],
    now: datetime | None = None,
) -> Envelope:
    """The request part answering a ``Connections.SendRequest`` (e.g. a consent question)."""
    request = _request("Connections.Response", caller, now)
    request["name"] = name
    request["status"] = {"code": "200", "message": "OK"}
    request["token"] = token
    request["payload"] = dict(payload)
    return request


def intent_request(
    match: IntentMatch,
    caller: Caller,
    now: datetime | None = None,
    *,
    dialog_state: str | None = None,
    carried: Mapping[str, Any] | None = None,
) -> Envelope:
    """The request part for a resolved intent; every declared slot is present.

    In a dialog, ``dialog_state`` says how far it has got, and ``carried`` holds the slots
    the skill had already filled (its ``updatedIntent``): a slot the words leave empty keeps
    the carried one, as Alexa keeps it.
    """
    request = _request("IntentRequest", caller, now)
    if dialog_state is not None:
        request["dialogState"] = dialog_state
    slots = {fill.name: _slot(fill, caller.skill_id) for fill in match.slots}
    for name, slot in (carried or {}).items():
        if name in slots and "value" not in slots[name]:
            slots[name] = dict(slot)
    request["intent"] = {"name": match.name, "confirmationStatus": "NONE", "slots": slots}
    return request


def session_ended_request(
    caller: Caller, reason: str = USER_INITIATED, now: datetime | None = None
) -> Envelope:
    """The request part Alexa sends when the person leaves an open session."""
    request = _request("SessionEndedRequest", caller, now)
    request["reason"] = reason
    return request


def envelope(
    request: Envelope,
    session: SessionInfo,
    caller: Caller,
    permissions: Mapping[str, Any] | None = None,
) -> Envelope:
    """The whole request envelope: version, session, context and ``request``.

    ``permissions`` (consent token and scope statuses) is left out entirely, as Alexa leaves it
    out, until the person has been asked for a permission.
    """
    application = {"applicationId": caller.skill_id}
    user: Envelope = {"userId": caller.user_id}
    if permissions is not None:
        user["permissions"] = dict(permissions)
    return {
        "version": "1.0",
        "session": {
            "new": session.new,
            "sessionId": session.session_id,
            "application": dict(application),
            "attributes": dict(session.attributes),
            "user": dict(user),
        },
        "context": {
            "System": {
                "application": dict(application),
                "user": dict(user),
                "device": {"deviceId": caller.device_id, "supportedInterfaces": {}},
                "apiEndpoint": caller.api_endpoint,
                "apiAccessToken": caller.api_access_token,
            }
        },
        "request": request,
    }


def timestamp(now: datetime) -> str:
    """ISO-8601 in UTC with a trailing Z and whole seconds, as Alexa writes it."""
    return now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _request(kind: str, caller: Caller, now: datetime | None) -> Envelope:
    return {
        "type": kind,
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": timestamp(now or datetime.now(UTC)),
        "locale": caller.locale,
    }


def _slot(fill: SlotFill, skill_id: str) -> Envelope:
    """A slot as Alexa sends it; an empty slot carries no value (and no resolutions)."""
    slot: Envelope = {"name": fill.name, "confirmationStatus": "NONE"}
    if fill.value is None:
        return slot
    slot["value"] = fill.value
    slot["source"] = "USER"
    if fill.custom:
        authority: Envelope = {
            "authority": f"amzn1.er-authority.echo-sdk.{skill_id}.{fill.type_name}",
            "status": {"code": "ER_SUCCESS_NO_MATCH"},
        }
        if fill.entity is not None:
            authority["status"] = {"code": "ER_SUCCESS_MATCH"}
            authority["values"] = [{"value": {"name": fill.entity.name, "id": fill.entity.id}}]
        slot["resolutions"] = {"resolutionsPerAuthority": [authority]}
    return slot
