"""Start-up work done once per container, before a SnapStart snapshot; fresh randomness after.

With SnapStart, Lambda imports the entry once when a version is published, snapshots the
memory, and starts later containers from that snapshot: work done at import is then off every
person's clock. So when nobody waits for the start-up (a snapshot, or provisioned concurrency),
import does the slow first-time work that requests would otherwise pay for: the DynamoDB
client's first call (operation model, endpoint rules, signer, parser), the SDK's request and
response models, the speech catalogue, the statement screen's rules, its word lists and the
lemmatiser's dictionary (about 200 ms), the screen's version (a digest of its code and data,
which stored verdicts are checked against: a few milliseconds), the expressions the skill's
modules compile on first use (about 10 ms), and the TLS context for Alexa's APIs (about
20 ms: reading the system's certificate authorities). An on-demand start does none
of it ahead: someone is waiting, and the first request pays for just what it needs (a launch
needs no screen rules, no intent models and, mostly, no Alexa API).

Everything in a snapshot is shared by every container restored from it, including the state of
random number generators: each copy would pick the same "random" wordings and past wins, and
botocore's retry jitter would be identical everywhere. ``reseed_after_restore`` registers fresh
seeds from the operating system with the runtime's after-restore hooks.
"""

import importlib
import logging
import os
import random
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from botocore.awsrequest import AWSResponse
from botocore.compat import HTTPHeaders
from botocore.exceptions import BotoCoreError, ClientError

from skill.alexa.api import AlexaApis
from skill.domain import forget_asks, patterns, screen, screen_stamp, settings
from skill.entry import SKILL_ID_ENV, Handler, handler_from_env
from skill.speech.catalog import DEFAULT_LOCALE, catalog_for
from skill.storage.dynamodb.client import TABLE_ENV, dynamodb_client
from skill.storage.dynamodb.schema import PROFILE_SK

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

logger = logging.getLogger(__name__)

# The runtime's hook registry: provided by Lambda's Python runtimes that support SnapStart
# (python3.12 and later), published on PyPI as snapshot-restore-py. Absent elsewhere.
RESTORE_HOOKS: Final = "snapshot_restore_py"
_PRIMING_HOOK: Final = "wins-warm-up"
# Never contacted: building an API client only needs an https address.
_UNUSED_ENDPOINT: Final = "https://warm-up.invalid"
_WARM_UP_USER: Final = "amzn1.ask.account.WARM-UP"
# Set by Lambda during start-up: on-demand, provisioned-concurrency or snap-start.
INITIALIZATION_TYPE_ENV: Final = "AWS_LAMBDA_INITIALIZATION_TYPE"
_NOBODY_WAITING: Final = frozenset({"snap-start", "provisioned-concurrency"})
# Directives the handlers import where they use them, never at start: a snapshot has them.
_ON_FIRST_USE: Final = (
    "ask_sdk_model.dialog.elicit_slot_directive",
    "ask_sdk_model.interfaces.connections.send_request_directive",
)


class Prepared(NamedTuple):
    """The Lambda's handler, ready for its first request, and the random source it uses."""

    handler: Handler
    rng: random.Random


class _Body:
    """The body of an answer made up locally: botocore reads it with ``stream()``."""

    def __init__(self, content: bytes) -> None:
        self._content = content

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._content


def _answer_locally(request: Any, **_: Any) -> AWSResponse:
    # An empty GetItem answer: "no such item".
    headers = HTTPHeaders()
    headers["x-amzn-RequestId"] = "warm-up"
    return AWSResponse(request.url, 200, headers, _Body(b"{}"))


def prime_client(client: "DynamoDBClient", table_name: str) -> None:
    """Send one GetItem through the whole client, answered locally and never sent.

    The first call of a botocore client builds what every later call reuses. A ``before-send``
    hook answers it in-process, so no connection is opened (a restore would find it dead) and
    the table sees nothing.
    """
    events, event = client.meta.events, "before-send.dynamodb.GetItem"
    # The stubs type every handler as returning None; a before-send handler may return the answer.
    events.register_first(event, _answer_locally, unique_id=_PRIMING_HOOK)  # type: ignore[arg-type]
    key = {"pk": {"S": "WARM-UP"}, "sk": {"S": PROFILE_SK}}
    try:
        client.get_item(TableName=table_name, Key=key)
    except (BotoCoreError, ClientError) as exc:  # warming is an optimisation, never a failure
        logger.debug("the DynamoDB client could not be primed: %s", type(exc).__name__)
    finally:
        events.unregister(event, unique_id=_PRIMING_HOOK)


def warm_up_request(skill_id: str) -> dict[str, Any]:
    """A help request from nobody in particular: it touches no storage and no Alexa API.

    It carries a slot only so that the SDK loads its slot models too.
    """
    system = {"application": {"applicationId": skill_id}, "user": {"userId": _WARM_UP_USER}}
    return {
        "version": "1.0",
        "context": {"System": system},
        "request": {
            "type": "IntentRequest",
            "requestId": "amzn1.echo-api.request.warm-up",
            "timestamp": "2026-01-01T00:00:00Z",
            "locale": DEFAULT_LOCALE,
            "intent": {
                "name": "AMAZON.HelpIntent",
                "confirmationStatus": "NONE",
                "slots": {"win": {"name": "win", "value": "warm up", "confirmationStatus": "NONE"}},
            },
        },
    }


def prime_skill(handler: Handler, skill_id: str) -> None:
    """Run one request through the SDK, and load the words and the statement screen's rules."""
    handler(warm_up_request(skill_id), None)
    for module in _ON_FIRST_USE:
        importlib.import_module(module)
    catalog_for(DEFAULT_LOCALE)
    screen.prepare()
    settings.prepare()  # the families of asks about the skill, and of deleting or correcting
    forget_asks.prepare()
    screen_stamp.screen_version()  # the digest stored verdicts are checked against
    # Every expression the skill's modules keep for first use, now that they are imported.
    patterns.prepare([module for name, module in list(sys.modules.items()) if _ours(name)])


def _ours(module: str) -> bool:
    return module == "skill" or module.startswith("skill.")


def prime_api_client(apis: AlexaApis) -> None:
    """Build the TLS context every Alexa API call shares. Nothing is sent."""
    apis.for_request(_UNUSED_ENDPOINT, "warm-up")


def nobody_waiting() -> bool:
    """Whether this start-up is off every person's clock: a snapshot, or provisioned concurrency."""
    return os.environ.get(INITIALIZATION_TYPE_ENV) in _NOBODY_WAITING


def reseed(rng: random.Random) -> None:
    """Fresh seeds from the operating system for ``rng`` and the ``random`` module."""
    rng.seed(os.urandom(32))
    random.seed(os.urandom(32))  # botocore's retry jitter draws from the module's generator


def reseed_after_restore(rng: random.Random) -> bool:
    """Re-seed ``rng`` after every SnapStart restore; False where there are no restores."""
    try:
        hooks = importlib.import_module(RESTORE_HOOKS)
    except ImportError:  # not on Lambda: a process that is never restored needs nothing
        return False
    hooks.register_after_restore(reseed, rng)
    return True


def prepare_from_env() -> Prepared:
    """The production handler (as ``handler_from_env`` builds it), warmed up if nobody waits."""
    rng = random.Random()
    apis = AlexaApis()
    client = dynamodb_client()
    handler = handler_from_env(client, rng=rng, apis=apis)
    if nobody_waiting():
        prime_client(client, os.environ[TABLE_ENV])
        prime_skill(handler, os.environ[SKILL_ID_ENV])
        prime_api_client(apis)
    reseed_after_restore(rng)
    return Prepared(handler, rng)
