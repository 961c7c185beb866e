"""``wins migrate-table``: copy every item of the wins table into a table of the new shape.

Adding a local index (``by_time``, ``schema.py``) cannot be done to a table that exists:
DynamoDB creates local indexes with the table only, so CloudFormation replaces the table.
The template keeps the old one (``UpdateReplacePolicy: Retain`` and deletion protection), and
this copies its items into the new one, then checks that both hold the same keys.

- **Never deletes**: nothing here deletes an item or a table. The old table stays, whole,
  until its owner removes it by hand.
- **Pages**: the old table is scanned (strongly consistent) a page at a time, and each page
  written with BatchWriteItem, 25 items a call, retrying what DynamoDB leaves unprocessed.
- **Resumable**: after each page, the state file records where the scan stopped; run again
  with the same state file and the copy goes on from there. The file is the operator's own
  (0600) and, once the copy is done, keeps no key of anyone's.
- **Idempotent**: a copy writes each item as it is in the old table, so copying twice (or
  resuming after a page half-written) leaves the same items. Items past their expiry (request
  markers) are not copied: their time is over.
- **Verified**: both tables' keys are read (keys only), and any difference is counted and
  reported; nothing is said of whose item it is.

The skill must not write to the old table while it is copied (see README, "Replacing the
table"): a win logged there after its page was copied would not be in the new table.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from skill.storage.dynamodb.schema import TABLE_DEFINITION, TIME_INDEX, TTL_ATTRIBUTE
from skill.storage.files import write_json_atomically

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

Item = dict[str, Any]

# BatchWriteItem's own limit.
BATCH: Final = 25
# Items scanned per page: one state write per page.
PAGE: Final = 500
# Unprocessed items are retried with a growing pause, this many times before giving up.
RETRIES: Final = 8
FIRST_PAUSE_SECONDS: Final = 0.05


def clock() -> datetime:
    """Now: what an expiry is compared with (a test sets its own)."""
    return datetime.now(UTC)


class MigrationError(Exception):
    """The copy cannot go on: say why, and leave both tables as they are."""


class Copied(NamedTuple):
    """What one run copied: items written, pages read, expired items passed over."""

    items: int
    pages: int
    expired: int
    resumed: bool


class Compared(NamedTuple):
    """Both tables' live keys: how many each holds, and how many only one of them holds."""

    source: int
    target: int
    only_in_source: int
    only_in_target: int

    @property
    def same(self) -> bool:
        return self.only_in_source == 0 and self.only_in_target == 0


def ensure_table(client: DynamoDBClient, name: str) -> bool:
    """The target table, of this release's shape; created (on demand billing, encrypted,
    protected from deletion, with the TTL) when missing. True when it was created."""
    try:
        table = client.describe_table(TableName=name)["Table"]
    except client.exceptions.ResourceNotFoundException:
        client.create_table(
            TableName=name,
            BillingMode="PAY_PER_REQUEST",
            SSESpecification={"Enabled": True},
            DeletionProtectionEnabled=True,
            **TABLE_DEFINITION,
        )
        client.get_waiter("table_exists").wait(TableName=name)
        client.update_time_to_live(
            TableName=name,
            TimeToLiveSpecification={"Enabled": True, "AttributeName": TTL_ATTRIBUTE},
        )
        return True
    indexes = {index["IndexName"] for index in table.get("LocalSecondaryIndexes", [])}
    wanted = {index["IndexName"] for index in TABLE_DEFINITION["LocalSecondaryIndexes"]}
    if table["KeySchema"] != TABLE_DEFINITION["KeySchema"] or not wanted <= indexes:
        raise MigrationError(f"{name} is not of this release's shape (it lacks {TIME_INDEX})")
    return False


def copy_items(
    client: DynamoDBClient,
    source: str,
    target: str,
    state_path: Path,
    now: datetime,
    *,
    page: int = PAGE,
    pause: Callable[[float], None] = time.sleep,
) -> Copied:
    """Copy every live item of ``source`` into ``target``, resuming where ``state_path`` says."""
    if source == target:
        raise MigrationError("the old and the new table are the same table")
    state = _read_state(state_path, source, target)
    resumed = bool(state.get("resume") or state.get("done"))
    if state.get("done"):
        return Copied(0, 0, 0, resumed=True)
    copied = expired = pages = 0
    resume: Item | None = state.get("resume")
    moment = int(now.timestamp())
    while True:
        kwargs: dict[str, Any] = {"ExclusiveStartKey": resume} if resume else {}
        reply = client.scan(TableName=source, Limit=page, ConsistentRead=True, **kwargs)
        live = [item for item in reply.get("Items", []) if not _expired(item, moment)]
        expired += len(reply.get("Items", [])) - len(live)
        for start in range(0, len(live), BATCH):
            _write_batch(client, target, live[start : start + BATCH], pause)
        copied += len(live)
        pages += 1
        resume = reply.get("LastEvaluatedKey")
        total = int(state.get("copied", 0)) + copied
        if resume is None:
            _write_state(
                state_path, {"source": source, "target": target, "done": True, "copied": total}
            )
            return Copied(copied, pages, expired, resumed)
        _write_state(
            state_path, {"source": source, "target": target, "resume": resume, "copied": total}
        )


def compare(client: DynamoDBClient, source: str, target: str, now: datetime) -> Compared:
    """Both tables' keys of live items, compared as digests (no key is kept or shown)."""
    moment = int(now.timestamp())
    old, new = set(_key_digests(client, source, moment)), set(_key_digests(client, target, moment))
    return Compared(len(old), len(new), len(old - new), len(new - old))


def _key_digests(client: DynamoDBClient, table: str, moment: int) -> Iterator[bytes]:
    paginator = client.get_paginator("scan")
    pages = paginator.paginate(
        TableName=table,
        ProjectionExpression="pk, sk, #expiry",
        ExpressionAttributeNames={"#expiry": TTL_ATTRIBUTE},
        ConsistentRead=True,
    )
    for reply in pages:
        for item in reply.get("Items", []):
            if not _expired(item, moment):
                key = f"{item['pk']['S']}\x00{item['sk']['S']}".encode()
                yield hashlib.blake2b(key, digest_size=16).digest()


def _expired(item: Item, moment: int) -> bool:
    expiry = item.get(TTL_ATTRIBUTE, {}).get("N")
    return expiry is not None and int(expiry) < moment


def _write_batch(
    client: DynamoDBClient, target: str, items: list[Item], pause: Callable[[float], None]
) -> None:
    requests: list[Any] = [{"PutRequest": {"Item": item}} for item in items]
    for attempt in range(RETRIES + 1):
        reply = client.batch_write_item(RequestItems={target: requests})
        requests = reply.get("UnprocessedItems", {}).get(target, [])
        if not requests:
            return
        pause(FIRST_PAUSE_SECONDS * 2**attempt)
    raise MigrationError(f"DynamoDB kept {len(requests)} items unwritten; run again to resume")


def _read_state(path: Path, source: str, target: str) -> dict[str, Any]:
    if not path.exists():
        return {}
    state: dict[str, Any] = json.loads(path.read_text("utf-8"))
    if (state.get("source"), state.get("target")) != (source, target):
        raise MigrationError(f"{path} is the state of another copy; give another --state file")
    return state


def _write_state(path: Path, state: dict[str, Any]) -> None:
    write_json_atomically(path, state)
    os.chmod(path, 0o600)


def migrate(
    client: DynamoDBClient,
    source: str,
    target: str,
    state: Path,
    now: datetime,
    say: Callable[[str], None],
    warn: Callable[[str], None],
) -> int:
    """Create the target if missing, copy, compare, and say what happened: 0 when both
    tables hold the same keys, 1 otherwise (``wins migrate-table``)."""
    try:
        if ensure_table(client, target):
            say(f"created {target}")
        copied = copy_items(client, source, target, state, now)
        compared = compare(client, source, target, now)
    except MigrationError as exc:
        warn(f"wins migrate-table: {exc}")
        return 1
    say(
        f"copied {copied.items} items in {copied.pages} pages"
        f"{' (resumed)' if copied.resumed else ''}; {copied.expired} expired items left behind"
    )
    say(f"{source}: {compared.source} items; {target}: {compared.target} items")
    if not compared.same:
        warn(
            f"not the same: {compared.only_in_source} only in {source}, "
            f"{compared.only_in_target} only in {target}. Was the skill still writing?"
        )
        return 1
    say(f"the same keys in both. {source} is kept; delete it by hand when you are sure.")
    return 0
