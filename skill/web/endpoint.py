"""The Alexa endpoint's view: read, verify, remember, then let the adapter dispatch.

Amazon expects a 400 for any request that is not acceptable, and flask-ask-sdk answers a body
it cannot deserialise, and a skill ID it refuses, with a 500 (logging each refusal at ERROR
with a traceback). So this view does the refusing itself, in one place:

1. The body must be UTF-8 JSON shaped like an Alexa request envelope. Anything else (deep
   nesting, huge numbers, odd encodings...) is a 400 that names what was wrong.
2. The checks (``verification``) run in order, the cheap ones first: timestamp, request ID,
   well-formed signature headers, skill ID, and only then the signature, which may have to
   download a certificate. A refusal is a 400 with one generic reason for every check, so a
   caller learns nothing about which check failed or why (DNS errors, validator internals,
   which skill this is); the reason goes to the log instead, as one WARNING line without a
   traceback.
3. Verified requests are remembered (``replay``), in the store too: a replay gets the first
   answer again, or, after a restart or at another server, a refusal.
4. A ``SkillDisabled`` older than the account's newest win is acknowledged unacted (``events``).

Only then does the adapter (with no verifiers of its own) hand the request to the skill. No
log line holds a word a person said or a user ID: reasons are fixed texts and exception names.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any, Final, NamedTuple

from ask_sdk_model.request_envelope import RequestEnvelope
from ask_sdk_model.services.serializer import Serializer
from flask import Request, Response, jsonify, make_response, request
from werkzeug.exceptions import HTTPException

from skill.domain.memo import one_request
from skill.entry import apology
from skill.logs import failure
from skill.storage.errors import StorageError
from skill.storage.interface import WinStore
from skill.web.events import stale_skill_disabled
from skill.web.replay import Answer, ReplayGuard
from skill.web.sdk import AbstractVerifier, VerificationException
from skill.web.verification import request_id_of, request_kind, request_time, tolerance_for

logger = logging.getLogger(__name__)

JSON_TYPE: Final = "application/json"
# The only reason a caller is given when a check refuses a request.
NOT_VERIFIED: Final = "the request could not be verified as coming from Alexa"
NOT_ANSWERED: Final = "the request was already received and could not be answered again"
NOT_ENVELOPE: Final = "the request body is not an Alexa request envelope"
# Alexa's locales: a language, then a region ("en-US", "es-419").
LOCALE: Final = re.compile(r"[a-z]{2,3}-[A-Z0-9]{2,3}")
# A log line's reason is cut here: one line, readable, never a dump of a body.
_REASON_CHARS: Final = 300


def error_response(status: int, message: str) -> tuple[Response, int]:
    """The JSON answer for a refused or failed request."""
    return jsonify(error=message), status


def log_refusal(status: int, reason: str) -> None:
    """One WARNING line per refused request, without a traceback."""
    flat = " ".join(reason.split())[:_REASON_CHARS]
    logger.warning("refused a request (%d): %s", status, flat)


def http_error(exc: HTTPException) -> tuple[Response, int]:
    """Flask's own errors (404, 405, 413...) as JSON too, for one format throughout."""
    status = exc.code or 500
    if status < 500:
        log_refusal(status, exc.name)
    return error_response(status, exc.description or exc.name)


class Envelope(NamedTuple):
    text: str
    envelope: RequestEnvelope


class Malformed(Exception):
    """The body cannot be an Alexa request envelope; the message is safe to send back."""


def read_envelope(incoming: Request, serializer: Serializer) -> Envelope:
    """The request's body as text and as an envelope; raise ``Malformed`` if it is not one."""
    if incoming.mimetype != JSON_TYPE:
        raise Malformed(f"expected Content-Type {JSON_TYPE}")
    try:
        text = incoming.get_data(cache=True).decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed("the request body is not UTF-8") from None
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than Python's stack
        raise Malformed("the request body is not valid JSON") from None
    if not isinstance(document, dict) or not isinstance(document.get("request"), dict):
        raise Malformed(NOT_ENVELOPE)
    locale = document["request"].get("locale")
    if locale is not None and not (isinstance(locale, str) and LOCALE.fullmatch(locale)):
        # The skill reads its words from a file named after the locale: only a locale's shape.
        raise Malformed("the request's locale is not a locale")
    try:
        envelope = serializer.deserialize(payload=text, obj_type=RequestEnvelope)
    except Exception:  # the SDK raises many kinds for odd shapes; every one is a bad request
        raise Malformed(NOT_ENVELOPE) from None
    if not isinstance(envelope, RequestEnvelope) or envelope.request is None:
        raise Malformed(NOT_ENVELOPE)
    return Envelope(text, envelope)


class AlexaEndpoint:
    """``POST`` on the skill's path: read, checked, remembered, then dispatched."""

    def __init__(
        self,
        adapter: Any,
        serializer: Serializer,
        checks: Sequence[AbstractVerifier],
        *,
        store: WinStore,
        guard: ReplayGuard | None = None,
        after_dispatch: Callable[[], None] | None = None,
    ) -> None:
        self._adapter = adapter
        self._serializer = serializer
        self._checks = list(checks)
        self._store = store
        self._guard = guard
        self._after_dispatch = after_dispatch

    def __call__(self) -> Any:
        try:
            read = read_envelope(request, self._serializer)
        except Malformed as exc:
            log_refusal(400, str(exc))
            return error_response(400, str(exc))
        headers = dict(request.headers.items())  # the server joined any repeated header
        try:
            for check in self._checks:
                check.verify(headers, read.text, read.envelope)
        except VerificationException as exc:
            log_refusal(400, f"{type(check).__name__}: {exc}")
            return error_response(400, NOT_VERIFIED)
        except Exception as exc:  # a check tripped over an odd but well-formed envelope
            log_refusal(400, f"{type(check).__name__}: {type(exc).__name__}")
            return error_response(400, NOT_VERIFIED)
        if self._guard is None:
            return self._answer(read)
        return self._answer_once(read, self._guard)

    def _answer_once(self, read: Envelope, guard: ReplayGuard) -> Any:
        request_id = request_id_of(read.envelope)
        kind = request_kind(read.envelope)
        expires = request_time(read.envelope) + tolerance_for(kind)
        try:
            claim = guard.claim(request_id, read.text.encode("utf-8"), expires)
        except StorageError as exc:
            # Unremembered, the request could be replayed later: it is not acted on now.
            logger.warning("could not remember a verified request: %s", type(exc).__name__)
            return self._apology(read)
        if not claim.first:
            if claim.answer is None:
                log_refusal(400, claim.why)
                return error_response(400, NOT_ANSWERED)
            logger.warning("answered a replayed %s with its first answer", kind or "request")
            return Response(claim.answer.body, claim.answer.status, mimetype=JSON_TYPE)
        answer: Answer | None = None
        try:
            response = make_response(self._answer(read))
            answer = Answer(response.status_code, response.get_data())
            return response
        finally:
            guard.settle(request_id, answer)

    def _answer(self, read: Envelope) -> Any:
        if stale_skill_disabled(read.envelope, self._store):
            logger.warning("a skill-disabled event older than the account's newest win: kept")
            return jsonify(version="1.0", response={})
        try:
            with one_request():  # each statement screened and read once in this request
                return self._adapter.dispatch_request()
        except HTTPException as exc:
            if exc.code is not None and exc.code < 500:
                raise
            return self._apology(read, exc)
        except Exception as exc:  # the last line of defence, as on Lambda
            return self._apology(read, exc)
        finally:
            if self._after_dispatch is not None:
                self._after_dispatch()

    @staticmethod
    def _apology(read: Envelope, exc: Exception | None = None) -> tuple[Response, int]:
        """The skill failed past its own exception handlers (or could not be reached): a person
        is listening, so answer as the Lambda does, with a kind apology, never a 500."""
        if exc is not None:
            logger.error("the skill could not answer a verified request: %s", failure(exc))
        return jsonify(apology(getattr(read.envelope.request, "locale", None))), 200
