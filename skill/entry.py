"""The request/response function shared by the Lambda entry, the console and tests.

The skill is built once per process (once per Lambda container), not once per request.
"""

from __future__ import annotations

import json
import logging
import os
import random
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final

from ask_sdk_core.skill import CustomSkill
from ask_sdk_model.request_envelope import RequestEnvelope

from skill.alexa.api import DEFAULT_TIMEOUT, AlexaApis
from skill.assembly import build_skill
from skill.domain.memo import one_request
from skill.logs import (
    KEY_ENV,
    LogKeyError,
    failure,
    key_from_environment,
    use_key,
    withhold_exception_messages,
)
from skill.speech.catalog import catalog_for
from skill.storage.dynamodb.client import TABLE_ENV, dynamodb_client
from skill.storage.interface import WinStore

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

logger = logging.getLogger(__name__)


class RequestRejected(Exception):
    """The request is not for this skill (or says for no skill at all): refuse it, store nothing."""


def _application_id(event: Any) -> str | None:
    node = event
    for key in ("context", "System", "application", "applicationId"):
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, str) else None


def apology(locale: Any) -> dict[str, Any]:
    """A valid answer for a request too malformed for the skill to read."""
    words = catalog_for(locale if isinstance(locale, str) else None)
    text = words.variants("error.general")[0]
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "SSML", "ssml": f"<speak>{text}</speak>"},
            "shouldEndSession": True,
        },
    }


SKILL_ID_ENV: Final = "WINS_SKILL_ID"


# Libraries that log request and response bodies (people's words) at DEBUG.
_CHATTY_LIBRARIES: Final = ("botocore", "boto3", "urllib3", "s3transfer")


def configure_logging(level: str | int = "INFO") -> None:
    """Set the skill's log level. Logs hold no win text: AWS libraries never go below WARNING,
    and no record carries an exception's message (``skill.logs``)."""
    logging.getLogger().setLevel(level)
    for name in _CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    withhold_exception_messages()


def utc_now() -> datetime:
    return datetime.now(UTC)


def make_handler(
    store: WinStore,
    *,
    skill_id: str | None,
    clock: Callable[[], datetime] | None = None,
    rng: random.Random | None = None,
    api_ca_file: str | None = None,
    api_timeout: float = DEFAULT_TIMEOUT,
    apis: AlexaApis | None = None,
) -> Handler:
    """A function from an Alexa request envelope (dict) to a response envelope (dict).

    ``api_ca_file`` trusts an extra certificate authority for Alexa's REST APIs: only for a
    local stand-in of those APIs on loopback. Verification is never switched off. ``apis``
    replaces the client those two would build, for a caller that prepares it ahead of time.
    """
    skill = make_skill(
        store,
        skill_id=skill_id,
        clock=clock,
        rng=rng,
        api_ca_file=api_ca_file,
        api_timeout=api_timeout,
        apis=apis,
    )

    def handle(event: dict[str, Any], context: Any) -> dict[str, Any]:
        if skill_id is not None and _application_id(event) != skill_id:
            raise RequestRejected("the request is not for this skill")
        request = event.get("request") if isinstance(event, dict) else None
        locale = request.get("locale") if isinstance(request, dict) else None
        try:
            envelope = skill.serializer.deserialize(
                payload=json.dumps(event), obj_type=RequestEnvelope
            )
            with one_request():  # each statement screened and read once in this request
                response = skill.invoke(request_envelope=envelope, context=context)
            serialised = skill.serializer.serialize(response)
        except Exception as exc:  # the last line of defence: a person always gets an answer
            logger.error("request could not be handled: %s", failure(exc))
            return apology(locale)
        if not isinstance(serialised, dict):
            return apology(locale)
        return serialised

    return handle


def make_skill(
    store: WinStore,
    *,
    skill_id: str | None,
    clock: Callable[[], datetime] | None = None,
    rng: random.Random | None = None,
    api_ca_file: str | None = None,
    api_timeout: float = DEFAULT_TIMEOUT,
    apis: AlexaApis | None = None,
) -> CustomSkill:
    """The same skill as ``make_handler``, as the SDK's own object.

    For adapters that deserialise and dispatch requests themselves, such as the web service's
    ``SkillAdapter``; the arguments mean what they mean for ``make_handler``.
    """
    return build_skill(
        store,
        skill_id=skill_id,
        clock=clock or utc_now,
        rng=rng or random.Random(),
        apis=apis or AlexaApis(ca_file=api_ca_file, timeout=api_timeout),
    )


def use_pseudonym_key_from_env() -> None:
    """Name people in logs with ``$WINS_LOG_KEY`` (the stack's ``LogPseudonymKey``).

    Without it, each container keys its pseudonyms with a secret of its own: still no user ID
    in the logs, but one person's lines from two containers no longer match.
    """
    try:
        key = key_from_environment()
    except LogKeyError as exc:
        raise RuntimeError(f"bad configuration: {exc}") from None
    if key is None:
        logger.warning("%s is not set: log pseudonyms differ from container to container", KEY_ENV)
        return
    use_key(key)


def handler_from_env(
    client: DynamoDBClient | None = None,
    *,
    rng: random.Random | None = None,
    apis: AlexaApis | None = None,
) -> Handler:
    """The production handler: table and skill ID from the environment, both required.

    ``rng`` and ``apis`` let the Lambda entry keep hold of the random source and the API client,
    to warm them before a snapshot and re-seed the random source after a restore.
    """
    missing = [name for name in (TABLE_ENV, SKILL_ID_ENV) if not os.environ.get(name)]
    if missing:
        raise RuntimeError(f"missing configuration: {', '.join(missing)}")
    use_pseudonym_key_from_env()
    # Imported here, not above: the console and the web service share this module, not this store.
    from skill.storage.dynamodb.store import DynamoWinStore

    store = DynamoWinStore(client or dynamodb_client(), os.environ[TABLE_ENV])
    return make_handler(store, skill_id=os.environ[SKILL_ID_ENV], rng=rng, apis=apis)
