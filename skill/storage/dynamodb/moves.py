"""Deleting any win in DynamoDB with the numbers kept dense, and counting wins since a moment.

Wins are numbered 1..n so that hearing one is an UpdateItem on a computed key (``schema.py``).
Deleting win k < n therefore moves win n into k: one TransactWriteItems puts a copy of it
(words, kind, time, request ID, heard stamp) under k, deletes it under n and counts one win
fewer, each step conditioned on what was read, so it happens whole or not at all.

Until a first such move, numbers follow the order of logging, and "how many since Monday" is
a Query newest first that stops at the first older win. A moved win breaks that order, so the
profile keeps ``out_of_order``: a map from the number of each moved win to its ``created_at``.
A count counts those from the map and skips them in the Query; the other wins are still in
logging order (taking items out of a sorted run leaves it sorted). The map changes in the same
transaction as the wins, and is rebuilt from the wins on import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from skill.storage.dynamodb.failures import error_code, failure
from skill.storage.dynamodb.items import n, profile_from, s, win_from
from skill.storage.dynamodb.schema import OUT_OF_ORDER, PROFILE_SK, WIN_PREFIX, win_sk
from skill.storage.errors import ConcurrentUpdate, StorageError, StorageUnavailable
from skill.storage.records import Person, Profile, StoredWin, Window, stamp

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

Item = dict[str, Any]

# Wins read per page while counting, newest first: most counts ("today") end in the first page,
# and a long run ("this week" of a busy person) takes few more calls.
_FIRST_PAGE: Final = 16
_LARGEST_PAGE: Final = 1000
# Wins read in a recall's first page, newest first: a week of a busy person's wins (those
# since the span began, and one more), so most recalls take one Query.
_FIRST_RECALL_PAGE: Final = 64
# A transaction cancelled for these reasons met another write to the same wins.
_RACED: Final = frozenset({"ConditionalCheckFailed", "TransactionConflict"})


def out_of_order(wins: Sequence[StoredWin]) -> dict[int, str]:
    """The wins (by number) whose time is later than some win after them, for ``OUT_OF_ORDER``.

    What is left is in time order, so a count may stop at its first win older than asked.
    """
    moved: dict[int, str] = {}
    earliest_after: str | None = None
    for win in reversed(wins):
        at = stamp(win.created_at)
        if earliest_after is not None and at > earliest_after:
            moved[win.number] = at
        else:
            earliest_after = at
    return moved


def out_of_order_value(moved: Mapping[int, str]) -> dict[str, Any]:
    """``OUT_OF_ORDER`` as a DynamoDB map attribute."""
    return {"M": {str(key): s(at) for key, at in sorted(moved.items())}}


def _moved_in(profile: Mapping[str, Any] | None) -> dict[int, str]:
    entries = (profile or {}).get(OUT_OF_ORDER, {}).get("M", {})
    return {int(key): str(value["S"]) for key, value in entries.items()}


def _page_sizes(first: int = _FIRST_PAGE) -> Iterator[int]:
    size = min(first, _LARGEST_PAGE)
    while True:
        yield size
        size = min(size * 4, _LARGEST_PAGE)


class WinNumbering:
    """Deletes any win, moving the last into its place, and counts wins since a moment."""

    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._client = client
        self._table = table_name

    def _key(self, person: Person, sk: str) -> dict[str, Any]:
        return {"pk": s(person.key), "sk": s(sk)}

    def count_since(self, person: Person, since: datetime) -> int:
        """Wins logged at or after ``since``: GetItem(PROFILE), then Query pages newest first.

        The Query reads the counted wins and one more, never the whole partition.
        """
        after = stamp(since)
        try:
            reply = self._client.get_item(
                TableName=self._table,
                Key=self._key(person, PROFILE_SK),
                ProjectionExpression=OUT_OF_ORDER,
                ConsistentRead=True,
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not count the wins") from exc
        moved = _moved_in(reply.get("Item"))
        count = sum(1 for at in moved.values() if at >= after)
        start: dict[str, Any] | None = None
        sizes = _page_sizes()
        while True:
            page = self._newest_first(person, next(sizes), start)
            for item in page.get("Items", []):
                if int(item["sk"]["S"].removeprefix(WIN_PREFIX)) in moved:
                    continue  # counted from the map above
                if item["created_at"]["S"] < after:
                    return count  # every win from here on is older still
                count += 1
            start = page.get("LastEvaluatedKey")
            if start is None:
                return count

    def first_logged(self, person: Person) -> tuple[Profile, datetime | None]:
        """The earliest win's time. Wins never moved are in logging order by number, so the
        earliest is a moved one (its time is on the profile) or the first unmoved win, which
        is among the first ``len(moved) + 1`` numbers: one GetItem, one Query that short."""
        try:
            reply = self._client.get_item(
                TableName=self._table,
                Key=self._key(person, PROFILE_SK),
                ConsistentRead=True,
            )
            profile = reply.get("Item")
            count = _win_count(profile) if profile else 0
            if count == 0:
                return profile_from(profile) or Profile(), None
            moved = _moved_in(profile)
            page = self._client.query(
                TableName=self._table,
                KeyConditionExpression="pk = :pk AND sk BETWEEN :first AND :last",
                ExpressionAttributeValues={
                    ":pk": s(person.key),
                    ":first": s(win_sk(1)),
                    ":last": s(win_sk(count)),
                },
                ProjectionExpression="sk, created_at",
                ScanIndexForward=True,
                Limit=len(moved) + 1,
                ConsistentRead=True,
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not read the first win") from exc
        times = list(moved.values())
        for item in page.get("Items", []):
            if int(item["sk"]["S"].removeprefix(WIN_PREFIX)) not in moved:
                times.append(item["created_at"]["S"])
                break
        first = datetime.fromisoformat(min(times)) if times else None
        return profile_from(profile) or Profile(), first

    def wins_within(
        self, person: Person, window: Callable[[Profile], Window | None], limit: int
    ) -> tuple[Profile, list[StoredWin]]:
        """GetItem(PROFILE), then one Query newest first from the last win the profile counts.

        The Query reads the wins since the window's start (those after its end are passed
        over) and one more, plus any moved win the window holds; never the whole partition.
        Pages grow from ``_FIRST_RECALL_PAGE`` wins, four times over to ``_LARGEST_PAGE``: two
        calls in all when the wins since the window's start fit in the first page, and one
        more call for each page past it, so what is read follows what was asked.
        """
        try:
            reply = self._client.get_item(
                TableName=self._table, Key=self._key(person, PROFILE_SK), ConsistentRead=True
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not read the profile") from exc
        item = reply.get("Item")
        profile = profile_from(item) or Profile()
        span = window(profile)
        if span is None or limit <= 0 or profile.win_count == 0:
            return profile, []
        sweep = _Sweep(span, _moved_in(item), limit)
        sizes = _page_sizes(_FIRST_RECALL_PAGE + len(sweep.awaited))
        resume: dict[str, Any] | None = None
        while True:
            page = self._newest_first(
                person, next(sizes), resume, upto=profile.win_count, whole=True
            )
            resume = page.get("LastEvaluatedKey")
            if sweep.through(page.get("Items", [])) or resume is None:
                return profile, sweep.newest(limit)

    def _newest_first(
        self,
        person: Person,
        limit: int,
        start: dict[str, Any] | None,
        *,
        upto: int | None = None,
        whole: bool = False,
    ) -> Any:
        kwargs: dict[str, Any] = {"ExclusiveStartKey": start} if start else {}
        if upto is None:
            condition = "pk = :pk AND begins_with(sk, :win)"
            values = {":pk": s(person.key), ":win": s(WIN_PREFIX)}
        else:  # the wins the profile counts: none an import is still writing
            condition = "pk = :pk AND sk BETWEEN :first AND :last"
            values = {":pk": s(person.key), ":first": s(win_sk(1)), ":last": s(win_sk(upto))}
        if not whole:
            kwargs["ProjectionExpression"] = "sk, created_at"
        try:
            return self._client.query(
                TableName=self._table,
                KeyConditionExpression=condition,
                ExpressionAttributeValues=values,
                ScanIndexForward=False,
                Limit=limit,
                ConsistentRead=True,
                **kwargs,
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not count the wins") from exc

    def delete(self, person: Person, number: int, *, count: int, today_count: int) -> None:
        """Delete win ``number`` of ``count`` (the profile's win count as the caller saw it).

        One TransactGetItems reads the profile, the win and the last win; one TransactWriteItems
        writes, conditioned on all three being as read. ``ConcurrentUpdate`` otherwise.
        """
        if not 1 <= number <= count:
            raise ConcurrentUpdate("there is no such win")
        profile, doomed, last = self._read(person, number, count)
        if profile is None or _win_count(profile) != count or doomed is None or last is None:
            raise ConcurrentUpdate("the wins changed while deleting")
        moved = _moved_in(profile)
        last_was_moved = moved.pop(count, None) is not None  # the last number goes
        writes: list[Any] = []
        if number == count:
            writes.append(self._delete_as_read(doomed))
        else:
            if last_was_moved or number != count - 1:
                moved[number] = str(last["created_at"]["S"])
            else:  # the newest win, still last after the move: in time order
                moved.pop(number, None)
            copy = {**last, "sk": s(win_sk(number)), "number": n(number)}
            writes.append(self._put_over(copy, doomed))
            writes.append(self._delete_as_read(last))
        writes.append(self._count_out(person, count, today_count, moved))
        try:
            self._client.transact_write_items(TransactItems=writes)
        except ClientError as exc:
            raise _cancelled(exc, "could not delete the win") from exc
        except BotoCoreError as exc:
            raise failure(exc, "could not delete the win") from exc

    def _read(
        self, person: Person, number: int, count: int
    ) -> tuple[Item | None, Item | None, Item | None]:
        """The profile, win ``number`` and win ``count`` (the last), read together."""
        gets: list[Any] = [
            {
                "Get": {
                    "TableName": self._table,
                    "Key": self._key(person, PROFILE_SK),
                    "ProjectionExpression": f"win_count, {OUT_OF_ORDER}",
                }
            },
            {"Get": {"TableName": self._table, "Key": self._key(person, win_sk(number))}},
        ]
        if number != count:
            gets.append(
                {"Get": {"TableName": self._table, "Key": self._key(person, win_sk(count))}}
            )
        try:
            reply = self._client.transact_get_items(TransactItems=gets)
        except ClientError as exc:
            raise _cancelled(exc, "could not read the wins") from exc
        except BotoCoreError as exc:
            raise failure(exc, "could not read the wins") from exc
        items: list[Item | None] = [
            found.get("Item") or None for found in reply.get("Responses", [])
        ]
        if len(items) != len(gets):
            raise StorageUnavailable("could not read the wins: the answer was incomplete")
        profile, doomed = items[0], items[1]
        return profile, doomed, items[2] if number != count else doomed

    def _delete_as_read(self, win: Item) -> dict[str, Any]:
        condition, values = _unchanged(win)
        return {
            "Delete": {
                "TableName": self._table,
                "Key": {"pk": win["pk"], "sk": win["sk"]},
                "ConditionExpression": condition,
                "ExpressionAttributeValues": values,
            }
        }

    def _put_over(self, copy: Item, replaced: Item) -> dict[str, Any]:
        condition, values = _unchanged(replaced)
        return {
            "Put": {
                "TableName": self._table,
                "Item": copy,
                "ConditionExpression": condition,
                "ExpressionAttributeValues": values,
            }
        }

    def _count_out(
        self, person: Person, count: int, today_count: int, moved: Mapping[int, str]
    ) -> dict[str, Any]:
        values: dict[str, Any] = {
            ":less": n(count - 1),
            ":today": n(today_count),
            ":count": n(count),
        }
        update = "SET win_count = :less, today_count = :today"
        if moved:
            update += f", {OUT_OF_ORDER} = :moved"
            values[":moved"] = out_of_order_value(moved)
        else:
            update += f" REMOVE {OUT_OF_ORDER}"
        return {
            "Update": {
                "TableName": self._table,
                "Key": self._key(person, PROFILE_SK),
                "UpdateExpression": update,
                "ConditionExpression": "win_count = :count",
                "ExpressionAttributeValues": values,
            }
        }


class _Sweep:
    """The wins of a window, gathered from pages read newest first by number.

    Wins not moved are in time order, so the first older than the window's start ends the
    sweep, once every moved win the window holds (known from the profile's map) is found.
    """

    def __init__(self, window: Window, moved: Mapping[int, str], limit: int) -> None:
        self._start, self._end = stamp(window.start), stamp(window.end)
        self._moved = moved
        self._limit = limit
        self._in_order = 0  # wins found that were not moved: the newest, in time order
        self.awaited = {n for n, at in moved.items() if self._start <= at < self._end}
        self._found: list[StoredWin] = []
        self._past_start = False

    def through(self, items: Sequence[Item]) -> bool:
        """Take a page's wins; True once nothing further can be in the window."""
        for item in items:
            number = int(item["sk"]["S"].removeprefix(WIN_PREFIX))
            at = str(item["created_at"]["S"])
            if number in self._moved:
                if number in self.awaited:
                    self._found.append(win_from(item))
                    self.awaited.discard(number)
            elif at < self._start:
                self._past_start = True  # every win not moved from here on is older still
            elif at < self._end:
                self._found.append(win_from(item))
                self._in_order += 1
            # Every win still unread and not moved is older than all found: with ``limit`` of
            # them found (and every moved one), none of the rest can be among the newest.
            done = self._past_start or self._in_order >= self._limit
            if done and not self.awaited:
                return True
        return False

    def newest(self, limit: int) -> list[StoredWin]:
        """The wins found, newest first (moved ones were read out of order), at most ``limit``."""
        ordered = sorted(self._found, key=lambda win: (win.created_at, win.number), reverse=True)
        return ordered[:limit]


def _win_count(profile: Mapping[str, Any]) -> int:
    return int(profile.get("win_count", {}).get("N", 0))


def _unchanged(win: Item) -> tuple[str, dict[str, Any]]:
    """A condition that the win is still the one read: same time, same request.

    A win deleted and another logged under its number meanwhile fails it.
    """
    values: dict[str, Any] = {":at": win["created_at"]}
    condition = "created_at = :at"
    if "request_id" in win:
        condition += " AND request_id = :request"
        values[":request"] = win["request_id"]
    else:
        condition += " AND attribute_not_exists(request_id)"
    return condition, values


def _cancelled(exc: ClientError, what: str) -> StorageError:
    """A cancelled transaction met another write (``ConcurrentUpdate``); else a failure."""
    if error_code(exc) != "TransactionCanceledException":
        return failure(exc, what)
    reasons = {r.get("Code", "None") for r in exc.response.get("CancellationReasons", [])}
    if reasons & _RACED:
        return ConcurrentUpdate("the wins changed while deleting")
    return StorageUnavailable(f"{what}: the transaction was cancelled ({', '.join(reasons)})")
