"""Sessions, as Alexa keeps them: when one starts, what it carries, when it ends.

Naming the skill starts a new session; while the last response left the microphone open
(``shouldEndSession`` false) the next utterance continues it, carrying the response's session
attributes back. Leaving an open session sends a SessionEndedRequest, so the skill sees the
same lifecycle it sees on an Echo.

Two turns come from Alexa rather than from words: the answer to a consent question the skill
asked Alexa to put (a ``Connections.Response`` in the same session), and a launch requested by
a timer's task when it rings (a LaunchRequest carrying the task, in a new session).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Final

from skill.console.envelopes import (
    Caller,
    Envelope,
    SessionInfo,
    connections_response,
    envelope,
    intent_request,
    launch_request,
    new_session_id,
    session_ended_request,
)
from skill.console.permissions import ConsentRequest, Outcome, Permissions, consent_request
from skill.console.resolver import Resolver

Handler = Callable[[Envelope, Any], Envelope]

NOT_INVOKED_HINT: Final = (
    'An Echo would want the skill\'s name first ("tell small wins ...", "open small wins"); '
    "sending it to Small Wins anyway."
)
NOTHING_TO_EXIT_HINT: Final = "No session is open, so there is nothing to exit."


class Conversation:
    """Plays Alexa's part between the person and one skill handler."""

    def __init__(
        self,
        handler: Handler,
        resolver: Resolver,
        caller: Caller | None = None,
        *,
        on_hint: Callable[[str], None] | None = None,
        clock: Callable[[], datetime] | None = None,
        permissions: Permissions | None = None,
    ) -> None:
        self._handler = handler
        self._resolver = resolver
        self._caller = caller or Caller()
        self._on_hint = on_hint or (lambda _hint: None)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._session_id: str | None = None
        self._attributes: dict[str, Any] = {}
        self._hinted = False
        self._permissions = permissions
        self._consent: ConsentRequest | None = None

    @property
    def session_open(self) -> bool:
        """Whether the skill is listening: its last response kept the session open."""
        return self._session_id is not None and self._consent is None

    @property
    def pending_consent(self) -> ConsentRequest | None:
        """The consent question Alexa puts next, if the skill asked for one.

        While it is pending, the person's next words are its answer: ``answer_consent``.
        """
        return self._consent

    def hear(self, utterance: str) -> Envelope | None:
        """Send what ``utterance`` means to the skill; return its response envelope.

        Returns None when nothing reaches the skill ("exit" with no session open).
        """
        heard = self._resolver.resolve(utterance)
        if heard.kind == "exit":
            if self.session_open:
                return self.leave()
            self._on_hint(NOTHING_TO_EXIT_HINT)
            return None
        new = heard.invoked or not self.session_open
        if new and not heard.invoked and not self._hinted:
            # Forgiving on purpose: a newcomer may skip the name; say once what an Echo needs.
            self._hinted = True
            self._on_hint(NOT_INVOKED_HINT)
        if new or self._session_id is None:
            self._session_id = new_session_id()
            self._attributes = {}
        now = self._clock()
        if heard.intent is None:
            request = launch_request(self._caller, now)
        else:
            request = intent_request(heard.intent, self._caller, now)
        return self._send(request, SessionInfo(self._session_id, new, self._attributes))

    def answer_consent(self, outcome: Outcome) -> Envelope:
        """Tell the skill how the person answered Alexa's consent question."""
        asked = self._consent
        if asked is None or self._session_id is None:
            raise RuntimeError("no consent question is waiting for an answer")
        self._consent = None
        if self._permissions is not None:
            self._permissions.record(asked.scope, outcome)
        request = connections_response(
            self._caller,
            name=asked.name,
            token=asked.token,
            payload={"permissionScope": asked.scope, "status": outcome},
            now=self._clock(),
        )
        return self._send(request, SessionInfo(self._session_id, False, self._attributes))

    def launch_task(self, task: Mapping[str, object]) -> tuple[Envelope | None, Envelope]:
        """A timer's task brings the skill back: any open session ends, a new one starts.

        Returns the response to ending the old session (None if none was open) and the
        response to the launch.
        """
        ended = self.leave()
        self._session_id = new_session_id()
        self._attributes = {}
        request = launch_request(self._caller, self._clock(), task=task)
        return ended, self._send(request, SessionInfo(self._session_id, True, self._attributes))

    def leave(self) -> Envelope | None:
        """End the open session, as Alexa does when the person walks away or says "exit"."""
        if self._session_id is None:
            return None
        self._consent = None
        request = session_ended_request(self._caller, now=self._clock())
        return self._send(request, SessionInfo(self._session_id, False, self._attributes))

    def _send(self, request: Envelope, session: SessionInfo) -> Envelope:
        permissions = self._permissions.as_envelope() if self._permissions else None
        response = self._handler(envelope(request, session, self._caller, permissions), None)
        body = response.get("response") or {}
        ended = request["type"] == "SessionEndedRequest"
        self._consent = None if ended else consent_request(response)
        if self._consent is not None:
            # Alexa keeps the session for the answer to its consent question.
            self._attributes = dict(response.get("sessionAttributes") or {})
        # Only an explicit false keeps the microphone open on a voice-only device.
        elif ended or body.get("shouldEndSession") is not False:
            self._session_id = None
            self._attributes = {}
        else:
            self._attributes = dict(response.get("sessionAttributes") or {})
        return response
