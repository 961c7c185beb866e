"""Sessions, as Alexa keeps them: when one starts, what it carries, when it ends.

Naming the skill starts a new session; while the last response left the microphone open
(``shouldEndSession`` false) the next utterance continues it, carrying the response's session
attributes back. Leaving an open session sends a SessionEndedRequest, so the skill sees the
same lifecycle it sees on an Echo.

Two turns come from Alexa rather than from words: the answer to a consent question the skill
asked Alexa to put (a ``Connections.Response`` in the same session), and a launch requested by
a timer's task when it rings (a LaunchRequest carrying the task, in a new session).

Silence is heard too, as an Echo hears it: the first time the person says nothing, Alexa says
the skill's reprompt again without asking the skill; the second time in a row (or the first,
if the skill gave no reprompt) Alexa closes the session and tells the skill so
(``EXCEEDED_MAX_REPROMPTS``). And when the skill elicits a slot (``dialog``), the next words
are heard as a possible answer to that question.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from skill.console.device.permissions import ConsentRequest, Outcome, Permissions, consent_request
from skill.console.hearing.dialog import (
    Elicitation,
    carried_slots,
    elicitation_in,
    elicitation_problem,
)
from skill.console.hearing.envelopes import (
    USER_INITIATED,
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
from skill.console.hearing.resolver import Resolver

Handler = Callable[[Envelope, Any], Envelope]

NOT_INVOKED_HINT: Final = (
    'An Echo would want the skill\'s name first ("tell small wins ...", "open small wins"); '
    "sending it to Small Wins anyway."
)
NOTHING_TO_EXIT_HINT: Final = "No session is open, so there is nothing to exit."
NOTHING_HEARD_HINT: Final = "Nothing was said and no session is open, so nothing was sent."
TIMED_OUT_HINT: Final = "Nothing was said again, so Alexa ended the session."
NO_REPROMPT_HINT: Final = (
    "Nothing was said and the skill gave no reprompt, so Alexa ended the session."
)
ELICIT_CLOSED_HINT: Final = (
    "The skill elicited a slot but did not keep the session open; Alexa needs "
    '"shouldEndSession": false with Dialog.ElicitSlot.'
)
EXCEEDED_MAX_REPROMPTS: Final = "EXCEEDED_MAX_REPROMPTS"


@dataclass(frozen=True)
class Silence:
    """What Alexa did when the person said nothing.

    ``reprompt``: it said the skill's reprompt (an ``outputSpeech``) again, asking nothing of
    the skill. ``ended``: it ended the session; this is the skill's answer to being told.
    Neither: no session was listening, so nothing happened.
    """

    reprompt: Mapping[str, Any] | None = None
    ended: Envelope | None = None


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
        self._reprompt: Mapping[str, Any] | None = None
        self._silences = 0  # in a row, since the skill last answered
        self._elicitation: Elicitation | None = None
        self._quiet_hinted = False

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
        # Only the turn right after an elicitation may answer it.
        elicitation, self._elicitation = self._elicitation, None
        self._silences = 0
        heard = self._resolver.resolve(utterance, elicitation)
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
            answered = elicitation if heard.dialog_state == "IN_PROGRESS" else None
            request = intent_request(
                heard.intent,
                self._caller,
                now,
                dialog_state=heard.dialog_state,
                carried=carried_slots(answered) if answered is not None else None,
            )
        return self._send(request, SessionInfo(self._session_id, new, self._attributes))

    def silence(self) -> Silence:
        """The person said nothing: Alexa reprompts once, then ends the session.

        A consent question waiting for its answer is not the skill's to reprompt: answer it
        (``answer_consent("NOT_ANSWERED")``) instead.
        """
        if not self.session_open:
            if not self._quiet_hinted:
                self._quiet_hinted = True
                self._on_hint(NOTHING_HEARD_HINT)
            return Silence()
        self._silences += 1
        if self._silences == 1 and self._reprompt:
            return Silence(reprompt=self._reprompt)
        self._on_hint(TIMED_OUT_HINT if self._reprompt else NO_REPROMPT_HINT)
        return Silence(ended=self.leave(EXCEEDED_MAX_REPROMPTS))

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

    def leave(self, reason: str = USER_INITIATED) -> Envelope | None:
        """End the open session, as Alexa does when the person walks away or says "exit"."""
        if self._session_id is None:
            return None
        self._consent = None
        request = session_ended_request(self._caller, reason, now=self._clock())
        return self._send(request, SessionInfo(self._session_id, False, self._attributes))

    def _send(self, request: Envelope, session: SessionInfo) -> Envelope:
        permissions = self._permissions.as_envelope() if self._permissions else None
        response = self._handler(envelope(request, session, self._caller, permissions), None)
        body = response.get("response") or {}
        ended = request["type"] == "SessionEndedRequest"
        self._consent = None if ended else consent_request(response)
        self._silences = 0
        if self._consent is not None:
            # Alexa keeps the session for the answer to its consent question.
            self._attributes = dict(response.get("sessionAttributes") or {})
        # Only an explicit false keeps the microphone open on a voice-only device.
        elif ended or body.get("shouldEndSession") is not False:
            self._session_id = None
            self._attributes = {}
        else:
            self._attributes = dict(response.get("sessionAttributes") or {})
        kept = self._session_id is not None
        self._reprompt = (body.get("reprompt") or {}).get("outputSpeech") if kept else None
        self._elicitation = None if ended else self._asked_slot(request, response, kept)
        return response

    def _asked_slot(self, request: Envelope, response: Envelope, kept: bool) -> Elicitation | None:
        """The slot the response elicits, if Alexa would let the next words answer it."""
        asked = (request.get("intent") or {}).get("name")
        elicitation = elicitation_in(response, asked)
        if elicitation is None:
            return None
        if kept:
            problem = elicitation_problem(self._resolver.model, elicitation)
        else:
            problem = ELICIT_CLOSED_HINT
        if problem is not None:
            self._on_hint(problem)
            return None
        return elicitation
