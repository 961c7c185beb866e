"""Wins in DynamoDB, behind one small class with an injected boto3 client.

See ``schema.py`` for the key design and why each operation costs at most two calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from skill.domain.choice import Style
from skill.storage.errors import (
    ConcurrentUpdate,
    DuplicateRequest,
    StorageError,
    StorageUnavailable,
)
from skill.storage.schema import (
    HEARD_INDEX,
    PROFILE_HEARD_SENTINEL,
    PROFILE_SK,
    REQUEST_PREFIX,
    TTL_ATTRIBUTE,
    win_sk,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

# A redelivered Alexa request arrives within seconds; two days is generous.
REQUEST_MARKER_LIFETIME: Final = timedelta(days=2)
_UNAVAILABLE_CODES: Final = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "InternalServerError",
        "ServiceUnavailable",
        "TransactionInProgressException",
    }
)

Item = dict[str, Any]


@dataclass(frozen=True)
class Profile:
    """A person's counters and settings."""

    win_count: int = 0
    style: Style = Style.CHEERFUL
    today: date | None = None  # the day ``today_count`` counts, in the person's calendar
    today_count: int = 0
    last_phrase: int | None = None  # the celebration wording used last, never used twice running

    def wins_on(self, day: date) -> int:
        """How many wins were logged on ``day`` (zero when the stored day is another one)."""
        return self.today_count if self.today == day else 0


@dataclass(frozen=True)
class LastHeard:
    """Which win was heard last, and the stamp that put it first in the by_heard index."""

    number: int
    stamp: str


@dataclass(frozen=True)
class StoredWin:
    """One win as stored: the person's words and when they said them (UTC)."""

    number: int
    text: str
    created_at: datetime


def stamp(moment: datetime) -> str:
    """A fixed-width UTC timestamp, so stored times sort as strings in time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _s(value: str) -> dict[str, str]:
    return {"S": value}


def _n(value: int) -> dict[str, str]:
    return {"N": str(value)}


def _profile_from(item: Mapping[str, Any] | None) -> Profile | None:
    if not item:
        return None
    style = item.get("style", {}).get("S", Style.CHEERFUL.value)
    today = item.get("today", {}).get("S")
    last = item.get("last_phrase", {}).get("N")
    return Profile(
        win_count=int(item.get("win_count", {}).get("N", "0")),
        style=next((known for known in Style if known.value == style), Style.CHEERFUL),
        today=date.fromisoformat(today) if today else None,
        today_count=int(item.get("today_count", {}).get("N", "0")),
        last_phrase=int(last) if last is not None else None,
    )


def _win_from(item: Mapping[str, Any]) -> StoredWin:
    return StoredWin(
        number=int(item["number"]["N"]),
        text=item["text"]["S"],
        created_at=datetime.fromisoformat(item["created_at"]["S"]),
    )


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _failure(exc: ClientError | BotoCoreError, what: str) -> StorageError:
    """Throttling, outages and timeouts are worth retrying later; anything else is a fault."""
    if isinstance(exc, BotoCoreError) or _error_code(exc) in _UNAVAILABLE_CODES:
        return StorageUnavailable(f"{what}: storage unavailable")
    return StorageError(f"{what}: {_error_code(exc)}")


class DynamoWinStore:
    """All reads and writes of a person's wins, counters and settings."""

    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        self._client = client
        self._table = table_name

    def _key(self, person: str, sk: str) -> dict[str, Any]:
        return {"pk": _s(person), "sk": _s(sk)}

    def load_profile(self, person: str) -> Profile:
        """The person's profile (defaults when they are new). One GetItem."""
        try:
            reply = self._client.get_item(
                TableName=self._table, Key=self._key(person, PROFILE_SK), ConsistentRead=True
            )
        except (ClientError, BotoCoreError) as exc:
            raise _failure(exc, "could not read the profile") from exc
        return _profile_from(reply.get("Item")) or Profile()

    def append_win(
        self,
        person: str,
        *,
        seen: Profile,
        updated: Profile,
        text: str,
        request_id: str,
        now: datetime,
    ) -> None:
        """Store win number ``updated.win_count`` and the new counters in one transaction.

        ``seen`` is the profile this write was computed from: if another write happened since,
        ``ConcurrentUpdate`` is raised and nothing is stored. A request already stored raises
        ``DuplicateRequest``.
        """
        number = updated.win_count
        expected = "attribute_not_exists(win_count)" if seen.win_count == 0 else "win_count = :seen"
        values: dict[str, Any] = {
            ":count": _n(number),
            ":today": _s((updated.today or now.date()).isoformat()),
            ":today_count": _n(updated.today_count),
            ":phrase": _n(updated.last_phrase or 0),
            ":sentinel": _s(PROFILE_HEARD_SENTINEL),
            ":now": _s(stamp(now)),
        }
        if seen.win_count:
            values[":seen"] = _n(seen.win_count)
        marker_expiry = int((now + REQUEST_MARKER_LIFETIME).timestamp())
        items: list[Any] = [
            {
                "Update": {
                    "TableName": self._table,
                    "Key": self._key(person, PROFILE_SK),
                    "UpdateExpression": (
                        "SET win_count = :count, #today = :today, today_count = :today_count, "
                        "last_phrase = :phrase, heard_at = if_not_exists(heard_at, :sentinel), "
                        "created_at = if_not_exists(created_at, :now)"
                    ),
                    "ConditionExpression": expected,
                    "ExpressionAttributeNames": {"#today": "today"},
                    "ExpressionAttributeValues": values,
                }
            },
            {
                "Put": {
                    "TableName": self._table,
                    "Item": {
                        **self._key(person, win_sk(number)),
                        "number": _n(number),
                        "text": _s(text),
                        "created_at": _s(stamp(now)),
                        "request_id": _s(request_id),
                    },
                    "ConditionExpression": "attribute_not_exists(pk)",
                }
            },
            {
                "Put": {
                    "TableName": self._table,
                    "Item": {
                        **self._key(person, f"{REQUEST_PREFIX}{request_id}"),
                        "number": _n(number),
                        TTL_ATTRIBUTE: _n(marker_expiry),
                    },
                    "ConditionExpression": "attribute_not_exists(pk)",
                }
            },
        ]
        try:
            self._client.transact_write_items(TransactItems=items)
        except ClientError as exc:
            raise self._transaction_error(exc) from exc
        except BotoCoreError as exc:
            raise _failure(exc, "could not store the win") from exc

    @staticmethod
    def _transaction_error(exc: ClientError) -> StorageError:
        if _error_code(exc) != "TransactionCanceledException":
            return _failure(exc, "could not store the win")
        reasons = [r.get("Code", "None") for r in exc.response.get("CancellationReasons", [])]
        if len(reasons) == 3 and reasons[2] == "ConditionalCheckFailed":
            return DuplicateRequest("this request was already stored")
        if "ConditionalCheckFailed" in reasons[:2]:
            return ConcurrentUpdate("the profile changed while logging")
        return StorageUnavailable(f"the transaction was cancelled ({', '.join(reasons)})")

    def hear_state(self, person: str) -> tuple[Profile | None, LastHeard | None]:
        """The profile and the number of the win heard last. One bounded Query (2 items).

        The by_heard index sorts the profile (``heard_at = "~"``) first and then wins by when
        they were last heard, newest first.
        """
        try:
            reply = self._client.query(
                TableName=self._table,
                IndexName=HEARD_INDEX,
                KeyConditionExpression="pk = :pk",
                ExpressionAttributeValues={":pk": _s(person)},
                ScanIndexForward=False,
                Limit=2,
                ConsistentRead=True,
            )
        except (ClientError, BotoCoreError) as exc:
            raise _failure(exc, "could not read the wins") from exc
        profile: Profile | None = None
        last_heard: LastHeard | None = None
        for item in reply.get("Items", []):
            if item["sk"]["S"] == PROFILE_SK:
                profile = _profile_from(item)
            elif "number" in item:
                last_heard = LastHeard(int(item["number"]["N"]), item["heard_at"]["S"])
        return profile, last_heard

    def mark_heard(
        self, person: str, number: int, now: datetime, after: LastHeard | None = None
    ) -> StoredWin | None:
        """Stamp win ``number`` as heard now and return it. One UpdateItem; None if missing.

        The stamp always sorts after ``after`` (the previous last-heard), even if the clock
        stood still or stepped back, so the index never loses track of the last win heard.
        """
        heard_at = stamp(now)
        if after is not None and heard_at <= after.stamp:
            heard_at = after.stamp + "1"
        try:
            reply = self._client.update_item(
                TableName=self._table,
                Key=self._key(person, win_sk(number)),
                UpdateExpression="SET heard_at = :heard",
                ConditionExpression="attribute_exists(pk)",
                ExpressionAttributeValues={":heard": _s(heard_at)},
                ReturnValues="ALL_NEW",
            )
        except ClientError as exc:
            if _error_code(exc) == "ConditionalCheckFailedException":
                return None
            raise _failure(exc, "could not read the win") from exc
        except BotoCoreError as exc:
            raise _failure(exc, "could not read the win") from exc
        return _win_from(reply["Attributes"])

    def set_style(self, person: str, style: Style) -> None:
        """Remember how the person likes wins celebrated. One UpdateItem."""
        try:
            self._client.update_item(
                TableName=self._table,
                Key=self._key(person, PROFILE_SK),
                # "style" is a DynamoDB reserved word, hence the name placeholder.
                UpdateExpression=(
                    "SET #style = :style, heard_at = if_not_exists(heard_at, :sentinel)"
                ),
                ExpressionAttributeNames={"#style": "style"},
                ExpressionAttributeValues={
                    ":style": _s(style.value),
                    ":sentinel": _s(PROFILE_HEARD_SENTINEL),
                },
            )
        except (ClientError, BotoCoreError) as exc:
            raise _failure(exc, "could not save the style") from exc
