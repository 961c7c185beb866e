"""The Alexa endpoint's view: refuse what is not an Alexa request, then let the adapter work.

flask-ask-sdk answers a body it cannot deserialise, and a skill ID it refuses, with a 500;
Amazon expects a 400 for any request that is not acceptable. So the shape of the request is
checked here first, and the adapter's verification failures are turned into a 400 carrying
the verifier's reason. Every refusal is a JSON object ``{"error": "..."}``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, Final

from ask_sdk_core.exceptions import SerializationException
from ask_sdk_model.request_envelope import RequestEnvelope
from ask_sdk_model.services.serializer import Serializer
from flask import Request, Response, jsonify, request
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

from skill.entry import apology
from skill.web.sdk import VerificationException

logger = logging.getLogger(__name__)

JSON_TYPE: Final = "application/json"


def error_response(status: int, message: str) -> tuple[Response, int]:
    """The JSON answer for a refused or failed request."""
    return jsonify(error=message), status


def http_error(exc: HTTPException) -> tuple[Response, int]:
    """Flask's own errors (404, 405, 413, 500...) as JSON too, for one format throughout."""
    return error_response(exc.code or 500, exc.description or exc.name)


def problem_with(incoming: Request, serializer: Serializer) -> str | None:
    """Why ``incoming`` cannot be an Alexa request envelope, or None if it can."""
    if incoming.mimetype != JSON_TYPE:
        return f"expected Content-Type {JSON_TYPE}"
    try:
        text = incoming.get_data(cache=True).decode("utf-8")
    except UnicodeDecodeError:
        return "the request body is not UTF-8"
    try:
        document = json.loads(text)
    except ValueError:
        return "the request body is not valid JSON"
    if not isinstance(document, dict) or not isinstance(document.get("request"), dict):
        return "the request body is not an Alexa request envelope"
    try:
        serializer.deserialize(payload=text, obj_type=RequestEnvelope)
    except SerializationException:
        return "the request body is not an Alexa request envelope"
    return None


class AlexaEndpoint:
    """``POST`` on the skill's path: checked, verified by the adapter, then dispatched."""

    def __init__(
        self,
        adapter: Any,
        serializer: Serializer,
        after_dispatch: Callable[[], None] | None = None,
    ) -> None:
        self._adapter = adapter
        self._serializer = serializer
        self._after_dispatch = after_dispatch

    def __call__(self) -> Any:
        problem = problem_with(request, self._serializer)
        if problem is not None:
            return error_response(400, problem)
        dispatched = True
        try:
            return self._adapter.dispatch_request()
        except BadRequest as exc:  # a verifier refused it: the skill never saw it
            dispatched = False
            return error_response(400, _refusal_reason(exc))
        except InternalServerError:
            return self._apology()
        except HTTPException:
            raise
        except Exception:  # the last line of defence, as on Lambda
            return self._apology()
        finally:
            if dispatched and self._after_dispatch is not None:
                self._after_dispatch()

    @staticmethod
    def _apology() -> tuple[Response, int]:
        """The skill failed past its own exception handlers: a person is listening, so answer
        as the Lambda does, with a kind apology, never a 500."""
        logger.error("the skill could not answer a verified request", exc_info=True)
        body = request.get_json(silent=True)
        locale = body.get("request", {}).get("locale") if isinstance(body, dict) else None
        return jsonify(apology(locale)), 200


def _refusal_reason(exc: BadRequest) -> str:
    """The verifier's own reason: the adapter raises its BadRequest while handling it."""
    cause = exc.__context__
    if isinstance(cause, VerificationException) and str(cause):
        return f"request verification failed: {cause}"
    return exc.description or "request verification failed"
