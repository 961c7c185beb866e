"""Deleting any win in DynamoDB with the numbers kept dense.

Wins are numbered 1..n so that hearing one is an UpdateItem on a computed key (``schema.py``).
Deleting win k < n therefore moves win n into k: one TransactWriteItems puts a copy of it
(words, kind, time, request ID, heard stamp) under k, deletes it under n and counts one win
fewer, each step conditioned on what was read, so it happens whole or not at all.

A moved win's number no longer follows the order of logging, so the profile keeps
``out_of_order``: a map from the number of each moved win to its ``created_at``. Reading by
time no longer needs it (the ``by_time`` index orders wins by ``created_at``, ``timeline.py``);
it is kept, changed in the same transaction as the wins and rebuilt on import, so that the
numbering can always be told apart from the order of logging."""

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from botocore.exceptions import BotoCoreError, ClientError

from skill.domain.gone import GoneWin
from skill.domain.logged_days import LoggedDays
from skill.storage.dynamodb.failures import error_code, failure
from skill.storage.dynamodb.items import n, profile_from, s, win_from
from skill.storage.dynamodb.schema import OUT_OF_ORDER, PROFILE_SK, win_sk
from skill.storage.errors import ConcurrentUpdate, StorageError, StorageUnavailable
from skill.storage.records import Person, Profile, StoredWin, stamp

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

Item = dict[str, Any]

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


class _Counted(NamedTuple):
    """What the profile counts once a win is deleted: today's wins, and wins by day; and,
    when ``gone_at`` is given, when the win was deleted (kept for "undo", ``gone.py``)."""

    today_count: int
    logged_days: LoggedDays | None
    gone_at: datetime | None = None


class WinNumbering:
    """Deletes any win, moving the last into its place."""

    def __init__(self, client: "DynamoDBClient", table_name: str) -> None:
        self._client = client
        self._table = table_name

    def _key(self, person: Person, sk: str) -> dict[str, Any]:
        return {"pk": s(person.key), "sk": s(sk)}

    def delete(
        self,
        person: Person,
        number: int,
        *,
        count: int,
        today_count: int,
        logged_days: LoggedDays | None = None,
        gone_at: datetime | None = None,
    ) -> None:
        """Delete win ``number`` of ``count`` (the profile's win count as the caller saw it).

        One TransactGetItems reads the profile, the win and the last win; one TransactWriteItems
        writes, conditioned on all three being as read. ``ConcurrentUpdate`` otherwise.
        """
        if not 1 <= number <= count:
            raise ConcurrentUpdate("there is no such win")
        profile, doomed, last = self._read(person, number, count)
        if profile is None or _win_count(profile) != count or doomed is None or last is None:
            raise ConcurrentUpdate("the wins changed while deleting")
        counted = _Counted(today_count, logged_days, gone_at)
        self._write_deletion(person, number, count, counted, (profile, doomed, last))

    def forget(
        self,
        person: Person,
        number: int,
        *,
        count: int,
        created_at: datetime,
        today_count: Callable[[Profile], int],
        logged_days: Callable[[Profile], LoggedDays | None] | None = None,
        gone_at: datetime | None = None,
    ) -> None:
        """Delete win ``number`` of ``count`` if it is still the one logged at ``created_at``:
        one TransactGetItems (the whole profile, the win, the last win), one TransactWriteItems.
        Today's count is worked out from the profile as read."""
        if not 1 <= number <= count:
            raise ConcurrentUpdate("there is no such win")
        profile, doomed, last = self._read(person, number, count, whole=True)
        if profile is None or _win_count(profile) != count or doomed is None or last is None:
            raise ConcurrentUpdate("the wins changed while deleting")
        if doomed.get("created_at", {}).get("S") != stamp(created_at):
            raise ConcurrentUpdate("the win changed before it was deleted")
        seen = profile_from(profile) or Profile()
        counted = _Counted(
            max(today_count(seen), 0),
            logged_days(seen) if logged_days is not None else None,
            gone_at,
        )
        self._write_deletion(person, number, count, counted, (profile, doomed, last))

    def _write_deletion(
        self,
        person: Person,
        number: int,
        count: int,
        counted: _Counted,
        read: tuple[Item, Item, Item],
    ) -> None:
        """The TransactWriteItems of a deletion, conditioned on the items as ``read``."""
        profile, doomed, last = read
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
        writes.append(self._count_out(person, count, counted, moved, doomed))
        try:
            self._client.transact_write_items(TransactItems=writes)
        except ClientError as exc:
            raise _cancelled(exc, "could not delete the win") from exc
        except BotoCoreError as exc:
            raise failure(exc, "could not delete the win") from exc

    def _read(
        self, person: Person, number: int, count: int, *, whole: bool = False
    ) -> tuple[Item | None, Item | None, Item | None]:
        """The profile (``whole``, or only what a deletion changes), win ``number`` and win
        ``count`` (the last), read together."""
        profile_get: dict[str, Any] = {
            "TableName": self._table,
            "Key": self._key(person, PROFILE_SK),
        }
        if not whole:
            profile_get["ProjectionExpression"] = f"win_count, {OUT_OF_ORDER}"
        gets: list[Any] = [
            {"Get": profile_get},
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
        self,
        person: Person,
        count: int,
        counted: _Counted,
        moved: Mapping[int, str],
        doomed: Item,
    ) -> dict[str, Any]:
        values: dict[str, Any] = {
            ":less": n(count - 1),
            ":today": n(counted.today_count),
            ":count": n(count),
        }
        update = "SET win_count = :less, today_count = :today"
        if counted.logged_days is not None:
            update += ", logged_days = :logged"
            values[":logged"] = s(counted.logged_days.plain())
        if counted.gone_at is not None:  # kept for "undo" in the next conversation
            win = win_from(doomed)
            kept = GoneWin(win.text, win.kind, win.created_at, counted.gone_at, win.told_at)
            update += ", last_gone = :gone"
            values[":gone"] = s(kept.plain())
        # The list read last is forgotten: a place in it may name another win now.
        removed = ["last_read", "last_read_wins"]
        if moved:
            update += f", {OUT_OF_ORDER} = :moved"
            values[":moved"] = out_of_order_value(moved)
        else:
            removed.append(OUT_OF_ORDER)
        update += " REMOVE " + ", ".join(removed)
        return {
            "Update": {
                "TableName": self._table,
                "Key": self._key(person, PROFILE_SK),
                "UpdateExpression": update,
                "ConditionExpression": "win_count = :count",
                "ExpressionAttributeValues": values,
            }
        }


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
