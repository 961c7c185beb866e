"""Where `wins chat` and `wins serve` keep wins: the embedded store, or a real table.

Both commands take the same options and open the store the same way, here.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from skill.console.embedded_store import EmbeddedDynamo, default_data_dir
from skill.console.errors import ConsoleError

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

    from skill.storage.dynamo import DynamoWinStore


@dataclass(frozen=True)
class OpenedStore:
    store: DynamoWinStore
    save: Callable[[], None] | None  # the embedded store persists after each turn; a table doesn't
    where: str  # said to the person: where their wins are kept


def open_store(
    args: argparse.Namespace, stack: contextlib.ExitStack, on_hint: Callable[[str], None]
) -> OpenedStore:
    """The store the options ask for: ``--table`` and the AWS settings, else the embedded one."""
    if args.table:
        client = real_client()
        from skill.storage.dynamo import DynamoWinStore

        return OpenedStore(
            DynamoWinStore(client, args.table), None, f"the DynamoDB table {args.table}"
        )
    if os.environ.get("AWS_ENDPOINT_URL_DYNAMODB"):
        on_hint("AWS_ENDPOINT_URL_DYNAMODB is set but --table is not: using the embedded store.")
    data_dir = args.data_dir or default_data_dir()
    embedded = stack.enter_context(EmbeddedDynamo(data_dir))
    # Imported only now: the embedded store's mock must exist before any boto3 client does.
    from skill.storage.dynamo import DynamoWinStore

    store = DynamoWinStore(embedded.client, embedded.table_name)
    return OpenedStore(store, embedded.save, str(data_dir))


def real_client() -> DynamoDBClient:
    """A client for a real table or endpoint, with the same timeouts and retries as on Lambda."""
    from botocore.exceptions import BotoCoreError

    from skill.entry import dynamodb_client

    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
    try:
        return dynamodb_client(region_name=region)
    except BotoCoreError as exc:
        raise ConsoleError(
            f"Could not set up DynamoDB for --table ({exc}). Set AWS_REGION and credentials, "
            "or AWS_ENDPOINT_URL_DYNAMODB for a local endpoint."
        ) from exc
