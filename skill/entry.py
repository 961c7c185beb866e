"""The request/response function shared by the Lambda entry, the console and tests.

The skill is built once per process (once per Lambda container), not once per request.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final

from ask_sdk_model.request_envelope import RequestEnvelope

from skill.alexa.api import DEFAULT_TIMEOUT, AlexaApis
from skill.app import build_skill
from skill.storage.dynamo import DynamoWinStore

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

TABLE_ENV: Final = "WINS_TABLE_NAME"
SKILL_ID_ENV: Final = "WINS_SKILL_ID"


def utc_now() -> datetime:
    return datetime.now(UTC)


def make_handler(
    store: DynamoWinStore,
    *,
    skill_id: str | None,
    clock: Callable[[], datetime] | None = None,
    rng: random.Random | None = None,
    api_ca_file: str | None = None,
    api_timeout: float = DEFAULT_TIMEOUT,
) -> Handler:
    """A function from an Alexa request envelope (dict) to a response envelope (dict).

    ``api_ca_file`` trusts an extra certificate authority for Alexa's REST APIs: only for a
    local stand-in of those APIs on loopback. Verification is never switched off.
    """
    skill = build_skill(
        store,
        skill_id=skill_id,
        clock=clock or utc_now,
        rng=rng or random.Random(),
        apis=AlexaApis(ca_file=api_ca_file, timeout=api_timeout),
    )

    def handle(event: dict[str, Any], context: Any) -> dict[str, Any]:
        envelope = skill.serializer.deserialize(payload=json.dumps(event), obj_type=RequestEnvelope)
        response = skill.invoke(request_envelope=envelope, context=context)
        serialised = skill.serializer.serialize(response)
        if not isinstance(serialised, dict):
            raise TypeError("the skill produced no response envelope")
        return serialised

    return handle


def dynamodb_client() -> DynamoDBClient:
    """A DynamoDB client sized for Alexa's ~8 second budget: short timeouts, few retries."""
    import boto3
    from botocore.config import Config

    config = Config(
        connect_timeout=1,
        read_timeout=2,
        retries={"mode": "standard", "total_max_attempts": 3},
    )
    return boto3.client("dynamodb", config=config)


def handler_from_env(client: DynamoDBClient | None = None) -> Handler:
    """The production handler: table and skill ID from the environment, both required."""
    missing = [name for name in (TABLE_ENV, SKILL_ID_ENV) if not os.environ.get(name)]
    if missing:
        raise RuntimeError(f"missing configuration: {', '.join(missing)}")
    store = DynamoWinStore(client or dynamodb_client(), os.environ[TABLE_ENV])
    return make_handler(store, skill_id=os.environ[SKILL_ID_ENV])
