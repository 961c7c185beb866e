"""DynamoDB in the console's process (``wins chat --embedded-dynamodb``), kept in a local file.

For trying exactly the store code the Lambda runs without an AWS account or a server (the
everyday embedded store is SQLite). moto provides DynamoDB in-process; this module gives it a
memory. Items are
loaded at start and written back after every turn, to a temporary file first (0600) and then
renamed over the old one, so a crash mid-write never leaves a half-written file behind. The
folder and the file are held to the same rules as SQLite's (``skill.storage.files``): the
user's own, closed to others, no symbolic links.
One console per data folder: two running at once would each overwrite the other's saves.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

from skill.storage.dynamodb.schema import TABLE_DEFINITION, TTL_ATTRIBUTE
from skill.storage.errors import StoreSetupError
from skill.storage.files import checked_file, private_folder, write_json_atomically

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

EMBEDDED_REGION: Final = "us-east-1"
EMBEDDED_TABLE: Final = "wins"
ITEMS_FILE: Final = "dynamodb-items.json"
_FORMAT: Final = 1
_MISSING_MOTO: Final = (
    "The in-process DynamoDB needs moto, which is not installed. Install the moto extra with "
    "pip install -e '.[local,moto]' (or leave out --embedded-dynamodb to use SQLite)."
)

Item = dict[str, Any]


class EmbeddedDynamo:
    """DynamoDB in this process, with the table defined by ``skill.storage.dynamodb.schema``."""

    def __init__(
        self,
        data_dir: Path,
        table_name: str = EMBEDDED_TABLE,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.data_dir = data_dir
        self.table_name = table_name
        self._clock = clock
        self._mock: Any = None
        self._client: DynamoDBClient | None = None

    @property
    def items_path(self) -> Path:
        """The file holding the table's items, in DynamoDB JSON."""
        return self.data_dir / ITEMS_FILE

    @property
    def client(self) -> DynamoDBClient:
        """The boto3 client bound to the embedded table (only while started)."""
        if self._client is None:
            raise RuntimeError("the embedded DynamoDB is not started")
        return self._client

    def start(self) -> DynamoDBClient:
        """Start moto, create the table, load saved items; return the client."""
        try:
            from moto import mock_aws
        except ImportError as exc:
            raise StoreSetupError(_MISSING_MOTO) from exc
        saved = self._read_items()
        # The mock must be running before the first boto3 client exists, or the client
        # would talk to real AWS.
        self._mock = mock_aws()
        self._mock.start()
        import boto3

        client = boto3.client(
            "dynamodb",
            region_name=EMBEDDED_REGION,
            # Explicit, so an endpoint set in the environment for real tables is not used here.
            endpoint_url=f"https://dynamodb.{EMBEDDED_REGION}.amazonaws.com",
            aws_access_key_id="embedded",
            aws_secret_access_key="embedded",
        )
        client.create_table(
            TableName=self.table_name, BillingMode="PAY_PER_REQUEST", **TABLE_DEFINITION
        )
        client.update_time_to_live(
            TableName=self.table_name,
            TimeToLiveSpecification={"Enabled": True, "AttributeName": TTL_ATTRIBUTE},
        )
        now = self._clock()
        for item in saved:
            if not _expired(item, now):
                client.put_item(TableName=self.table_name, Item=item)
        self._client = client
        return client

    def save(self) -> None:
        """Write every item to the data file atomically (temporary file, then rename)."""
        items = sorted(self._scan(), key=lambda item: (item["pk"]["S"], item["sk"]["S"]))
        document = {"format": _FORMAT, "table": self.table_name, "items": items}
        write_json_atomically(self.items_path, document)

    def stop(self) -> None:
        """Stop moto; the items were saved after the last turn."""
        if self._mock is not None:
            self._mock.stop()
            self._mock = None
            self._client = None

    def __enter__(self) -> EmbeddedDynamo:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    def _scan(self) -> list[Item]:
        paginator = self.client.get_paginator("scan")
        items: list[Item] = []
        for page in paginator.paginate(TableName=self.table_name, ConsistentRead=True):
            items.extend(page.get("Items", []))
        return items

    def _read_items(self) -> list[Item]:
        """The saved items; the folder and the file are checked first, as for SQLite's."""
        private_folder(self.data_dir)
        if not checked_file(self.items_path, "the saved wins"):
            return []
        try:
            document = json.loads(self.items_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise StoreSetupError(
                f"The saved wins in {self.items_path} could not be read: {exc}"
            ) from exc
        items = document.get("items") if isinstance(document, dict) else None
        if not isinstance(items, list):
            raise StoreSetupError(
                f"{self.items_path} does not look like saved wins (no item list)."
            )
        return items


def _expired(item: Item, now: float) -> bool:
    """Whether DynamoDB's TTL would have removed ``item`` by ``now`` (moto never does)."""
    expires = item.get(TTL_ATTRIBUTE, {}).get("N")
    return expires is not None and float(expires) <= now
