"""Permissions as Alexa handles them: asked for by voice, remembered, sent with each request.

When a skill answers with ``Connections.SendRequest`` (name ``AskFor``), Alexa itself asks the
person "Do you allow ...?" and tells the skill the outcome in a ``Connections.Response``.
What was granted or denied then travels in every request's ``context.System.user.permissions``
and decides whether Alexa's APIs answer or refuse with 401. This module keeps that record and
turns a typed reply into Alexa's outcome (ACCEPTED, DENIED or NOT_ANSWERED).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

from skill.console.hearing.envelopes import Envelope
from skill.console.hearing.phrases import CONSENT_NO, CONSENT_YES, SCOPE_PURPOSES
from skill.console.hearing.words import keys

SKILL_NAME: Final = "Small Wins"
ASK_FOR: Final = "AskFor"
CONSENT_REQUEST_TYPE: Final = "AskForPermissionsConsentRequest"

Outcome = Literal["ACCEPTED", "DENIED", "NOT_ANSWERED"]


@dataclass(frozen=True)
class ConsentRequest:
    """A skill's request that Alexa ask for ``scope``; ``token`` comes back in the answer."""

    scope: str
    token: str | None
    name: str = ASK_FOR

    def question(self) -> str:
        """What Alexa asks the person."""
        purpose = SCOPE_PURPOSES.get(self.scope, f"use {self.scope}")
        return f"Do you allow {SKILL_NAME} to {purpose}? (yes / no)"


def consent_request(response: Envelope | None) -> ConsentRequest | None:
    """The AskFor consent request among a response's directives, if there is one."""
    body = (response or {}).get("response") or {}
    for directive in body.get("directives") or []:
        payload = directive.get("payload") or {}
        if (
            directive.get("type") == "Connections.SendRequest"
            and directive.get("name") == ASK_FOR
            and payload.get("@type") == CONSENT_REQUEST_TYPE
            and isinstance(payload.get("permissionScope"), str)
        ):
            return ConsentRequest(payload["permissionScope"], directive.get("token"))
    return None


def consent_outcome(reply: str | None) -> Outcome:
    """Alexa's outcome for what the person said; silence (None or nothing) is NOT_ANSWERED."""
    said = set(keys(reply or ""))
    if said & CONSENT_NO:
        return "DENIED"
    if said & CONSENT_YES:
        return "ACCEPTED"
    return "NOT_ANSWERED"


class Permissions:
    """Each scope's status as the person left it; ``on_change`` keeps Alexa's APIs in step.

    ``known`` are statuses from before (GRANTED or DENIED, e.g. remembered from another run):
    they are where the record starts, and are not reported as changes.
    """

    def __init__(
        self,
        consent_token: str,
        on_change: Callable[[str, bool], None] | None = None,
        *,
        known: Mapping[str, str] | None = None,
    ) -> None:
        self._consent_token = consent_token
        self._on_change = on_change or (lambda _scope, _granted: None)
        self._statuses: dict[str, str] = {
            scope: status
            for scope, status in (known or {}).items()
            if status in ("GRANTED", "DENIED")
        }

    def status(self, scope: str) -> str | None:
        """GRANTED, DENIED, or None when the person was never asked."""
        return self._statuses.get(scope)

    def record(self, scope: str, outcome: Outcome) -> None:
        """Remember the answer to a consent question; no answer changes nothing."""
        if outcome != "NOT_ANSWERED":
            self.set(scope, granted=outcome == "ACCEPTED")

    def set(self, scope: str, *, granted: bool) -> None:
        """Grant or revoke ``scope``, as the person could in the Alexa app."""
        self._statuses[scope] = "GRANTED" if granted else "DENIED"
        self._on_change(scope, granted)

    def as_envelope(self) -> dict[str, Any] | None:
        """``context.System.user.permissions``, or None while nothing was ever asked."""
        if not self._statuses:
            return None
        scopes: Mapping[str, Any] = {
            scope: {"status": status} for scope, status in self._statuses.items()
        }
        return {"consentToken": self._consent_token, "scopes": dict(scopes)}
