"""Opening the store the settings name, in one place for the Lambda, ``wins serve`` and
``wins chat``: a DynamoDB table when one is named, else SQLite in the data folder.

Each kind of store is imported only when it is opened, so the Lambda never loads SQLite code
and the self-hosted commands never need a DynamoDB table.
"""

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple

# Loaded by the services anyway; imported here so the record below needs no forward reference.
from skill.storage.interface import PortableStore

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

    from skill.storage.dynamodb import DynamoWinStore

TABLE_ENV: Final = "WINS_TABLE_NAME"
DATA_DIR_ENV: Final = "WINS_DATA_DIR"


class StoreSetupError(Exception):
    """The store cannot be opened; the message says what to do."""


class StoreSettings(NamedTuple):
    """Which store: ``table`` names a DynamoDB table; otherwise SQLite in ``data_dir``."""

    table: str | None = None
    data_dir: Path | None = None  # None: ``default_data_dir()``
    region: str | None = None  # for the table; None: the usual AWS settings

    @classmethod
    def for_options(cls, table: str | None, data_dir: Path | None) -> "StoreSettings":
        """What ``--table`` and ``--data-dir`` ask for; a table's region from the AWS settings."""
        region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or None
        return cls(table=table, data_dir=data_dir, region=region)


class OpenedStore(NamedTuple):
    store: PortableStore
    where: str  # said to the person: where their wins are kept


def open_store(settings: StoreSettings, stack: contextlib.ExitStack) -> OpenedStore:
    """The store ``settings`` name, ready to use; it is closed when ``stack`` closes."""
    if settings.table:
        from skill.storage.dynamodb_export import PortableDynamoWinStore

        client = _client(settings.region)
        table = PortableDynamoWinStore(client, settings.table)
        return OpenedStore(table, f"the DynamoDB table {settings.table}")
    from skill.storage.errors import StorageError
    from skill.storage.legacy import import_legacy_items
    from skill.storage.sqlite import SqliteWinStore

    data_dir = settings.data_dir or default_data_dir()
    try:
        store = SqliteWinStore(data_dir)
    except (StorageError, OSError) as exc:
        raise StoreSetupError(f"The wins in {data_dir} could not be opened: {exc}") from exc
    stack.callback(store.close)
    try:
        import_legacy_items(store, data_dir)
    except (StorageError, ValueError, OSError) as exc:
        raise StoreSetupError(f"The saved wins in {data_dir} could not be imported: {exc}") from exc
    return OpenedStore(store, str(data_dir))


def open_table(
    table: str, client: "DynamoDBClient | None" = None, region: str | None = None
) -> "DynamoWinStore":
    """The Lambda's store: the DynamoDB store alone, with the Lambda's client settings."""
    from skill.storage.dynamodb import DynamoWinStore

    return DynamoWinStore(client or _client(region), table)


def _client(region: str | None) -> "DynamoDBClient":
    """A client for a real table or endpoint, with the same timeouts and retries as on Lambda."""
    from botocore.exceptions import BotoCoreError

    from skill.entry import dynamodb_client

    try:
        return dynamodb_client(region_name=region)
    except BotoCoreError as exc:
        raise StoreSetupError(
            f"Could not set up DynamoDB for the table ({exc}). Set AWS_REGION and credentials, "
            "or AWS_ENDPOINT_URL_DYNAMODB for a local endpoint."
        ) from exc


def default_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$WINS_DATA_DIR``, else ``$XDG_DATA_HOME/wins``, else ``~/.local/share/wins``."""
    env = os.environ if environ is None else environ
    if env.get(DATA_DIR_ENV):
        return Path(env[DATA_DIR_ENV]).expanduser()
    if env.get("XDG_DATA_HOME"):
        return Path(env["XDG_DATA_HOME"]).expanduser() / "wins"
    return Path.home() / ".local" / "share" / "wins"
