"""A person's wins in time order, through the ``by_time`` local index (``schema.py``).

A span's wins ("what did I do on the 3rd of November") are one Query between the span's two
times, newest first; the most recent wins are one Query newest first with a limit. Either
reads the wins asked for and at most a few items more (the profile, whose ``created_at`` is
the person's first win, and wins an import is still writing), at 100 wins or 100,000. The
index reads strongly consistent, so the win just logged is always found.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from skill.domain.list_read import ListRead
from skill.storage.dynamodb.failures import error_code, failure
from skill.storage.dynamodb.items import profile_from, s, win_from
from skill.storage.dynamodb.schema import PROFILE_SK, TIME_INDEX, WIN_PREFIX
from skill.storage.records import Person, Profile, StoredWin, Window, logged_order, stamp

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

Item = dict[str, Any]

# Items a page may hold besides the wins asked for: the profile, and the window's end itself
# (read by BETWEEN, which includes it, and then left out).
_SLACK: Final = 2
# The earliest and latest moments a key condition can name.
_BEFORE_ALL: Final = "0"
_AFTER_ALL: Final = "~"


class WinTimeline:
    """Reads a person's wins by when they were logged: one GetItem and one Query."""

    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._client = client
        self._table = table_name

    def wins_within(
        self,
        person: Person,
        window: Callable[[Profile], Window | None],
        limit: int,
        *,
        read: ListRead | None = None,
    ) -> tuple[Profile, list[StoredWin]]:
        """GetItem(PROFILE) (or, to keep ``read`` as the list read last, an UpdateItem that
        returns the profile as it was), then one Query of ``by_time`` between the window's
        two times."""
        profile = self._profile(person) if read is None else self._noting(person, read)
        span = window(profile)
        if span is None or limit <= 0 or profile.win_count == 0:
            return profile, []
        wins = self._newest(person, profile, limit, stamp(span.start), stamp(span.end))
        return profile, wins

    def recent_wins(self, person: Person, limit: int) -> tuple[Profile, list[StoredWin]]:
        """GetItem(PROFILE), then one Query of ``by_time`` newest first, ``limit`` wins."""
        profile = self._profile(person)
        if limit <= 0 or profile.win_count == 0:
            return profile, []
        # Whole items: ``told_at`` is not in the index, and a local index fetches what it
        # lacks from the table within the same Query ("when did I log it" needs it).
        return profile, self._newest(person, profile, limit, _BEFORE_ALL, _AFTER_ALL, whole=True)

    def first_logged(self, person: Person) -> tuple[Profile, datetime | None]:
        """The earliest win's time: GetItem(PROFILE), then one Query of ``by_time`` oldest
        first, a few items long (more only while an import is still writing)."""
        profile = self._profile(person)
        if profile.win_count == 0:
            return profile, None
        resume: Item | None = None
        while True:
            reply = self._page(person, _BEFORE_ALL, _AFTER_ALL, 1, resume, newest_first=False)
            for item in reply.get("Items", []):
                if _counted(item, profile, _AFTER_ALL):
                    return profile, datetime.fromisoformat(item["created_at"]["S"])
            resume = reply.get("LastEvaluatedKey")
            if resume is None:
                return profile, None

    def count_since(self, person: Person, since: datetime) -> int:
        """Wins logged at or after ``since``: one Query of ``by_time`` that counts them (a page
        holds about 1 MB of index entries, thousands of wins; a longer run takes more)."""
        count = 0
        resume: Item | None = None
        while True:
            kwargs: dict[str, Any] = {"ExclusiveStartKey": resume} if resume else {}
            try:
                reply = self._client.query(
                    TableName=self._table,
                    IndexName=TIME_INDEX,
                    KeyConditionExpression="pk = :pk AND created_at >= :since",
                    FilterExpression="begins_with(sk, :win)",
                    ExpressionAttributeValues={
                        ":pk": s(person.key),
                        ":since": s(stamp(since)),
                        ":win": s(WIN_PREFIX),
                    },
                    Select="COUNT",
                    ConsistentRead=True,
                    **kwargs,
                )
            except (ClientError, BotoCoreError) as exc:
                raise failure(exc, "could not count the wins") from exc
            count += int(reply.get("Count", 0))
            resume = reply.get("LastEvaluatedKey")
            if resume is None:
                return count

    def _profile(self, person: Person) -> Profile:
        try:
            reply = self._client.get_item(
                TableName=self._table,
                Key={"pk": s(person.key), "sk": s(PROFILE_SK)},
                ConsistentRead=True,
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not read the profile") from exc
        return profile_from(reply.get("Item")) or Profile()

    def _noting(self, person: Person, read: ListRead) -> Profile:
        """The profile, read by the UpdateItem that keeps ``read`` in it (a profile there is:
        nobody new gains one by a list read out)."""
        try:
            reply = self._client.update_item(
                TableName=self._table,
                Key={"pk": s(person.key), "sk": s(PROFILE_SK)},
                # With the win count it was read at: wins logged later are not in it.
                UpdateExpression=(
                    "SET last_read = :read, last_read_wins = if_not_exists(win_count, :none)"
                ),
                ConditionExpression="attribute_exists(pk)",
                ExpressionAttributeValues={":read": s(read.plain()), ":none": {"N": "0"}},
                ReturnValues="ALL_OLD",
            )
        except ClientError as exc:
            if error_code(exc) == "ConditionalCheckFailedException":
                return Profile()
            raise failure(exc, "could not read the profile") from exc
        except BotoCoreError as exc:
            raise failure(exc, "could not read the profile") from exc
        return profile_from(reply.get("Attributes")) or Profile()

    def _page(
        self,
        person: Person,
        start: str,
        end: str,
        limit: int,
        resume: Item | None,
        *,
        newest_first: bool,
        whole: bool = False,
    ) -> Any:
        """One Query of ``by_time`` between two times, from ``resume`` on; ``whole``: every
        attribute of each win, not only those the index projects."""
        kwargs: dict[str, Any] = {"ExclusiveStartKey": resume} if resume else {}
        if whole:
            kwargs["Select"] = "ALL_ATTRIBUTES"
        try:
            return self._client.query(
                TableName=self._table,
                IndexName=TIME_INDEX,
                KeyConditionExpression="pk = :pk AND created_at BETWEEN :start AND :end",
                ExpressionAttributeValues={
                    ":pk": s(person.key),
                    ":start": s(start),
                    ":end": s(end),
                },
                ScanIndexForward=not newest_first,
                Limit=limit,
                ConsistentRead=True,
                **kwargs,
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not read the wins") from exc

    def _newest(
        self,
        person: Person,
        profile: Profile,
        limit: int,
        start: str,
        end: str,
        *,
        whole: bool = False,
    ) -> list[StoredWin]:
        """At most ``limit`` wins from ``start`` (included) to ``end`` (excluded), newest
        first: the wins the profile counts (numbers 1..win_count), none an import is still
        writing. One Query, unless such items fill its page; then one more per page."""
        found: list[StoredWin] = []
        resume: Item | None = None
        while True:
            limit_now = limit - len(found) + _SLACK
            reply = self._page(
                person, start, end, limit_now, resume, newest_first=True, whole=whole
            )
            for item in reply.get("Items", []):
                if _counted(item, profile, end):
                    found.append(win_from(item))
            resume = reply.get("LastEvaluatedKey")
            if resume is None or len(found) >= limit:
                # Within a minute the later number was logged later (``logged_order``),
                # whatever the seconds say: the slack read puts a few such wins in order.
                found.sort(key=logged_order, reverse=True)
                return found[:limit]


def _counted(item: Item, profile: Profile, end: str) -> bool:
    """A win the profile counts, logged before ``end``."""
    if not item["sk"]["S"].startswith(WIN_PREFIX) or item["created_at"]["S"] >= end:
        return False
    return 1 <= int(item["number"]["N"]) <= profile.win_count
