"""Erasing whole partitions: a person's data on request, a household's when the skill is disabled.

Deletion is the one operation that reads a whole partition; it pages through keys only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from skill.storage.dynamodb.failures import failure
from skill.storage.dynamodb.schema import ACCOUNT_INDEX
from skill.storage.errors import StorageUnavailable
from skill.storage.records import Person

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

_BATCH: Final = 25  # BatchWriteItem's limit
_BATCH_ATTEMPTS: Final = 5


class PartitionEraser:
    """Deletes every item in a partition, or in every partition of an account."""

    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._client = client
        self._table = table_name

    def delete_account(self, account: str) -> int:
        """The account's own partition and those of its recognised voices."""
        partitions = {Person.of_account(account).key}
        paginator = self._client.get_paginator("query")
        try:
            for page in paginator.paginate(
                TableName=self._table,
                IndexName=ACCOUNT_INDEX,
                KeyConditionExpression="account = :account",
                ExpressionAttributeValues={":account": {"S": account}},
            ):
                partitions.update(item["pk"]["S"] for item in page.get("Items", []))
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not find the account's data") from exc
        return sum(self.delete_partition(key) for key in sorted(partitions))

    def delete_partition(self, key: str) -> int:
        """Every item under partition key ``key``; returns how many were deleted."""
        paginator = self._client.get_paginator("query")
        deleted = 0
        try:
            for page in paginator.paginate(
                TableName=self._table,
                KeyConditionExpression="pk = :pk",
                ExpressionAttributeValues={":pk": {"S": key}},
                ProjectionExpression="pk, sk",
                ConsistentRead=True,
            ):
                keys = [{"pk": item["pk"], "sk": item["sk"]} for item in page.get("Items", [])]
                for start in range(0, len(keys), _BATCH):
                    self._delete_keys(keys[start : start + _BATCH])
                deleted += len(keys)
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not delete the data") from exc
        return deleted

    def _delete_keys(self, keys: list[dict[str, Any]]) -> None:
        requests: list[Any] = [{"DeleteRequest": {"Key": key}} for key in keys]
        for _ in range(_BATCH_ATTEMPTS):
            reply = self._client.batch_write_item(RequestItems={self._table: requests})
            requests = reply.get("UnprocessedItems", {}).get(self._table, [])
            if not requests:
                return
        raise StorageUnavailable("some items could not be deleted yet")
