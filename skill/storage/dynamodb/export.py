"""The DynamoDB store with export and import (``PortableStore``), for ``wins export|import``.

Kept apart from the store the Lambda loads: reading everyone's data out scans the table, which
no request ever does.

An import step cannot be one transaction here: TransactWriteItems takes at most 100 actions
("groups up to 100 action requests", DynamoDB API Reference, TransactWriteItems), and a person
may have thousands of wins. So a step is written with BatchWriteItem, wins first and each
profile last (its ``win_count`` is what makes the wins heard), and the import undoes the steps
it made if a later one fails (``skill/portable/importing.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from skill.storage.dynamodb.failures import error_code, failure
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
from skill.storage.errors import ConcurrentUpdate, PartlyWritten, StorageError, StorageUnavailable
from skill.storage.records import Person, Profile, StoredWin, profile_fields, stamp
from skill.storage.staging import ImportStep

_BATCH: Final = 25  # BatchWriteItem's limit
_BATCH_ATTEMPTS: Final = 8
_GET_BATCH: Final = 100  # BatchGetItem's limit
_CHANGED: Final = (
    "someone's data changed while it was being imported (were they talking to the skill?)"
)


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

    def holding(self, people: Sequence[Person]) -> set[Person]:
        """Those with a profile: every write the skill makes keeps one beside the wins."""
        found: set[Person] = set()
        try:
            for start in range(0, len(people), _GET_BATCH):
                chosen = {p.key: p for p in people[start : start + _GET_BATCH]}
                keys: list[Any] = [self._key(person, PROFILE_SK) for person in chosen.values()]
                for _ in range(_BATCH_ATTEMPTS):
                    reply = self._client.batch_get_item(
                        RequestItems={
                            self._table: {
                                "Keys": keys,
                                "ProjectionExpression": "pk",
                                "ConsistentRead": True,
                            }
                        }
                    )
                    items = reply.get("Responses", {}).get(self._table, [])
                    found.update(chosen[item["pk"]["S"]] for item in items)
                    unprocessed: Any = reply.get("UnprocessedKeys", {}).get(self._table)
                    keys = list(unprocessed["Keys"]) if unprocessed else []
                    if not keys:
                        break
                else:
                    raise StorageUnavailable("some people could not be looked up yet")
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not look the people up") from exc
        return found

    def write_import(self, step: ImportStep) -> None:
        """Clear, then add the wins, then each profile, whose ``out_of_order`` map is worked out
        from the person's wins as written (read newest first, a page at a time).

        BatchWriteItem takes no conditions, so before anything of someone new is written, they
        are looked up once more: someone who began talking to the skill meanwhile is not
        written over. Any failure is ``PartlyWritten``, naming who may have been written.
        """
        written: set[Person] = set()
        try:
            self._write_step(step, written)
        except ConcurrentUpdate as exc:
            raise PartlyWritten(str(exc), frozenset(written)) from exc
        except ClientError as exc:
            told = str(failure(exc, "could not import the data"))
            raise PartlyWritten(told, frozenset(written)) from exc
        except (BotoCoreError, StorageError) as exc:
            raise PartlyWritten(f"could not import the data: {exc}", frozenset(written)) from exc

    def _write_step(self, step: ImportStep, written: set[Person]) -> None:
        starting = {p for p, win in step.wins if win.number == 1} | {
            p for p, profile in step.profiles if profile.win_count == 0
        }
        if self.holding(sorted(starting - set(step.cleared))):
            raise ConcurrentUpdate(_CHANGED)
        for person in step.cleared:
            written.add(person)
            self.delete_person(person)
        items = [self._win_item(person, win) for person, win in step.wins]
        for start in range(0, len(items), _BATCH):
            written.update(person for person, _win in step.wins[start : start + _BATCH])
            self._put(items[start : start + _BATCH])
        for person, profile in step.profiles:
            item = self._profile_item(person, profile)
            moved = self._moved(person)
            if moved:
                item[OUT_OF_ORDER] = out_of_order_value(moved)
            try:
                self._client.put_item(
                    TableName=self._table, Item=item, ConditionExpression="attribute_not_exists(pk)"
                )
            except ClientError as exc:
                if error_code(exc) == "ConditionalCheckFailedException":
                    raise ConcurrentUpdate(_CHANGED) from exc
                raise

    def records_of(self, person: Person) -> Iterator[dict[str, Any]]:
        """Every item of the person's partition as DynamoDB keeps it, the profile last."""
        profile: list[dict[str, Any]] = []
        paginator = self._client.get_paginator("query")
        try:
            for page in paginator.paginate(
                TableName=self._table,
                KeyConditionExpression="pk = :pk",
                ExpressionAttributeValues={":pk": s(person.key)},
                ConsistentRead=True,
            ):
                for item in page.get("Items", []):
                    if item["sk"]["S"] == PROFILE_SK:
                        profile.append(dict(item))
                    else:
                        yield {"item": dict(item)}
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not read the data") from exc
        yield from ({"item": item} for item in profile)

    def put_records(self, person: Person, records: Iterable[Mapping[str, Any]]) -> None:
        """Items in batches of 25, the profile last (``records_of`` gives it last)."""
        batch: list[dict[str, Any]] = []
        try:
            for record in records:
                item = dict(record["item"])
                if item.get("pk") != s(person.key):
                    raise ValueError(f"not an item of {person.key}'s")
                batch.append(item)
                if len(batch) == _BATCH:
                    self._put(batch)
                    batch = []
            if batch:
                self._put(batch)
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not put the data back") from exc

    def _moved(self, person: Person) -> dict[int, str]:
        """``moves.out_of_order`` over the person's wins, read newest first."""
        moved: dict[int, str] = {}
        earliest_after: str | None = None
        paginator = self._client.get_paginator("query")
        for page in paginator.paginate(
            TableName=self._table,
            KeyConditionExpression="pk = :pk AND begins_with(sk, :win)",
            ExpressionAttributeValues={":pk": s(person.key), ":win": s(WIN_PREFIX)},
            ProjectionExpression="#number, created_at",
            ExpressionAttributeNames={"#number": "number"},
            ScanIndexForward=False,
            ConsistentRead=True,
        ):
            for item in page.get("Items", []):
                at = item["created_at"]["S"]
                if earliest_after is not None and at > earliest_after:
                    moved[int(item["number"]["N"])] = at
                else:
                    earliest_after = at
        return moved

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
        if win.screened:
            item["screened"] = s(win.screened)
        if win.told_at is not None:  # filed on a day its words named: when it was told
            item["told_at"] = s(stamp(win.told_at))
        return item
