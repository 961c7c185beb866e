"""Where `wins chat` keeps wins: SQLite in the data folder, a real table, or (on request)
moto's DynamoDB in this process, to try exactly the store code the Lambda runs.

The first two are opened where the web service and the Lambda open theirs
(``skill.storage.opening``); only the in-process DynamoDB belongs to the console.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from skill.console.embedded_store import EmbeddedDynamo
from skill.console.errors import ConsoleError
from skill.storage.opening import StoreSettings, StoreSetupError, default_data_dir, open_store

if TYPE_CHECKING:
    from skill.storage.interface import PortableStore

# The in-process DynamoDB keeps its file apart from the SQLite store's, so neither reads the other.
EMBEDDED_DYNAMODB_DIR: Final = "dynamodb"


@dataclass(frozen=True)
class ConsoleStore:
    store: PortableStore
    save: Callable[[], None] | None  # the in-process DynamoDB persists after each turn
    where: str  # said to the person: where their wins are kept


def open_console_store(
    args: argparse.Namespace, stack: contextlib.ExitStack, on_hint: Callable[[str], None]
) -> ConsoleStore:
    """The store the options ask for: ``--table``, ``--embedded-dynamodb``, else SQLite."""
    data_dir = args.data_dir or default_data_dir()
    if getattr(args, "embedded_dynamodb", False) and not args.table:
        folder = data_dir / EMBEDDED_DYNAMODB_DIR
        embedded = stack.enter_context(EmbeddedDynamo(folder))
        # Imported only now: the embedded store's mock must exist before any boto3 client does.
        from skill.storage.dynamodb_export import PortableDynamoWinStore

        store = PortableDynamoWinStore(embedded.client, embedded.table_name)
        return ConsoleStore(store, embedded.save, f"{folder} (DynamoDB in this process)")
    if not args.table and os.environ.get("AWS_ENDPOINT_URL_DYNAMODB"):
        on_hint("AWS_ENDPOINT_URL_DYNAMODB is set but --table is not: using the embedded store.")
    try:
        opened = open_store(StoreSettings.for_options(args.table, data_dir), stack)
    except StoreSetupError as exc:
        raise ConsoleError(str(exc)) from exc
    return ConsoleStore(opened.store, None, opened.where)
