"""The DynamoDB store with export and import (``PortableStore``), for ``wins export|import``.

Kept apart from the store the Lambda loads: reading everyone's data out scans the table, which
no request ever does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from skill.storage.dynamodb.failures import failure
from skill.storage.dynamodb.items import n, person_from, s, typed, win_from
from skill.storage.dynamodb.moves import out_of_order, out_of_order_value
from skill.storage.dynamodb.schema import (
    OUT_OF_ORDER,
    PROFILE_HEARD_SENTINEL,
    PROFILE_SK,
    WIN_PREFIX,
    win_sk,
)
from skill.storage.dynamodb.store import DynamoWinStore
from skill.storage.errors import StorageUnavailable
from skill.storage.records import Person, Profile, StoredWin, profile_fields, stamp

_BATCH: Final = 25  # BatchWriteItem's limit
_BATCH_ATTEMPTS: Final = 8


class PortableDynamoWinStore(DynamoWinStore):
    """``DynamoWinStore`` plus reading everyone out and writing a person in."""

    def people(self) -> Iterator[Person]:
        found: list[Person] = []
        paginator = self._client.get_paginator("scan")
        try:
            for page in paginator.paginate(
                TableName=self._table,
                FilterExpression="sk = :profile",
                ExpressionAttributeValues={":profile": s(PROFILE_SK)},
                ProjectionExpression="pk, account",
                ConsistentRead=True,
            ):
                found.extend(person_from(item) for item in page.get("Items", []))
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not list the people") from exc
        return iter(sorted(found))

    def wins_of(self, person: Person) -> Iterator[StoredWin]:
        paginator = self._client.get_paginator("query")
        try:
            for page in paginator.paginate(
                TableName=self._table,
                KeyConditionExpression="pk = :pk AND begins_with(sk, :win)",
                ExpressionAttributeValues={":pk": s(person.key), ":win": s(WIN_PREFIX)},
                ConsistentRead=True,
            ):
                yield from (win_from(item) for item in page.get("Items", []))
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not read the wins") from exc

    def restore(self, person: Person, profile: Profile, wins: Sequence[StoredWin]) -> None:
        if profile.win_count != len(wins) or any(
            win.number != index for index, win in enumerate(wins, 1)
        ):
            raise ValueError("wins must be numbered 1..n and counted by the profile")
        self.delete_person(person)
        profile_item = self._profile_item(person, profile)
        moved = out_of_order(wins)
        if moved:  # imported wins need not be in time order: counting must know which are not
            profile_item[OUT_OF_ORDER] = out_of_order_value(moved)
        items = [profile_item]
        items.extend(self._win_item(person, win) for win in wins)
        try:
            for start in range(0, len(items), _BATCH):
                self._put(items[start : start + _BATCH])
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not import the data") from exc

    def _put(self, items: list[dict[str, Any]]) -> None:
        requests: list[Any] = [{"PutRequest": {"Item": item}} for item in items]
        for _ in range(_BATCH_ATTEMPTS):
            reply = self._client.batch_write_item(RequestItems={self._table: requests})
            requests = reply.get("UnprocessedItems", {}).get(self._table, [])
            if not requests:
                return
        raise StorageUnavailable("some items could not be written yet")

    def _profile_item(self, person: Person, profile: Profile) -> dict[str, Any]:
        return {
            **self._key(person, PROFILE_SK),
            "account": s(person.account),
            "heard_at": s(PROFILE_HEARD_SENTINEL),
            **typed(profile_fields(profile)),
        }

    def _win_item(self, person: Person, win: StoredWin) -> dict[str, Any]:
        item: dict[str, Any] = {
            **self._key(person, win_sk(win.number)),
            "number": n(win.number),
            "text": s(win.text),
            "created_at": s(stamp(win.created_at)),
        }
        if win.kind.value != "said":
            item["kind"] = s(win.kind.value)
        return item
