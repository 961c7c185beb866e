"""Wins in DynamoDB, behind one small class with an injected boto3 client.

See ``schema.py`` for the key design and why each operation costs at most two calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from skill.domain.choice import Style
from skill.domain.phrasing import WinKind
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


# DynamoDB reserved words among our attribute names, used through placeholders.
_RESERVED: Final = {"#today": "today", "#zone": "zone", "#style": "style"}


def _names(expression: str) -> dict[str, str]:
    """The placeholders an expression uses (DynamoDB refuses unused ones)."""
    return {key: name for key, name in _RESERVED.items() if key in expression}


@dataclass(frozen=True)
class Profile:
    """A person's counters, settings and open plans."""

    win_count: int = 0
    style: Style = Style.CHEERFUL
    today: date | None = None  # the day ``today_count`` counts, in the person's calendar
    today_count: int = 0
    last_phrase: int | None = None  # the celebration wording used last, never used twice running
    goal: str | None = None  # the open one-minute goal, in the person's words
    goal_number: int = 0  # how many goals were ever set; keeps timer labels unique
    one_thing: str | None = None
    one_thing_day: date | None = None  # the person's calendar day the one thing is for
    one_thing_done: bool = False
    zone: str | None = None  # the device's time zone, cached
    zone_checked_at: datetime | None = None
    reminder_token: str | None = None  # the one morning reminder, if any
    reminder_time: str | None = None  # "HH:MM", local

    def wins_on(self, day: date) -> int:
        """How many wins were logged on ``day`` (zero when the stored day is another one)."""
        return self.today_count if self.today == day else 0


@dataclass(frozen=True)
class LastHeard:
    """Which win was heard last, and the stamp that put it first in the by_heard index."""

    number: int
    stamp: str


class Finishes(StrEnum):
    """What else logging a win completes, in the same write."""

    NOTHING = "nothing"
    GOAL = "goal"  # the open one-minute goal is done: it closes
    ONE_THING = "one_thing"  # today's one thing is done


@dataclass(frozen=True)
class StoredWin:
    """One win as stored: the person's words, what kind of win, when (UTC)."""

    number: int
    text: str
    created_at: datetime
    kind: WinKind = WinKind.SAID


def stamp(moment: datetime) -> str:
    """A fixed-width UTC timestamp, so stored times sort as strings in time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _s(value: str) -> dict[str, str]:
    return {"S": value}


def _n(value: int) -> dict[str, str]:
    return {"N": str(value)}


def _text(item: Mapping[str, Any], name: str) -> str | None:
    value = item.get(name, {}).get("S")
    return str(value) if value is not None else None


def _number(item: Mapping[str, Any], name: str) -> int | None:
    value = item.get(name, {}).get("N")
    return int(value) if value is not None else None


def _day(item: Mapping[str, Any], name: str) -> date | None:
    value = _text(item, name)
    return date.fromisoformat(value) if value else None


def _profile_from(item: Mapping[str, Any] | None) -> Profile | None:
    if not item:
        return None
    style = _text(item, "style")
    checked = _text(item, "zone_checked_at")
    return Profile(
        win_count=_number(item, "win_count") or 0,
        style=next((known for known in Style if known.value == style), Style.CHEERFUL),
        today=_day(item, "today"),
        today_count=_number(item, "today_count") or 0,
        last_phrase=_number(item, "last_phrase"),
        goal=_text(item, "goal"),
        goal_number=_number(item, "goal_number") or 0,
        one_thing=_text(item, "one_thing"),
        one_thing_day=_day(item, "one_thing_day"),
        one_thing_done=bool(item.get("one_thing_done", {}).get("BOOL", False)),
        zone=_text(item, "zone"),
        zone_checked_at=datetime.fromisoformat(checked) if checked else None,
        reminder_token=_text(item, "reminder_token"),
        reminder_time=_text(item, "reminder_time"),
    )


def _win_from(item: Mapping[str, Any]) -> StoredWin:
    kind = _text(item, "kind")
    return StoredWin(
        number=int(item["number"]["N"]),
        text=item["text"]["S"],
        created_at=datetime.fromisoformat(item["created_at"]["S"]),
        kind=next((known for known in WinKind if known.value == kind), WinKind.SAID),
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
        kind: WinKind = WinKind.SAID,
        finishes: Finishes = Finishes.NOTHING,
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
        assignments = [
            "win_count = :count",
            "#today = :today",
            "today_count = :today_count",
            "last_phrase = :phrase",
            "heard_at = if_not_exists(heard_at, :sentinel)",
            "created_at = if_not_exists(created_at, :now)",
        ]
        if updated.zone and updated.zone_checked_at:
            assignments.append("#zone = :zone, zone_checked_at = :zone_checked_at")
            values[":zone"] = _s(updated.zone)
            values[":zone_checked_at"] = _s(stamp(updated.zone_checked_at))
        if finishes is Finishes.ONE_THING:
            assignments.append("one_thing_done = :done")
            values[":done"] = {"BOOL": True}
        update = "SET " + ", ".join(assignments)
        if finishes is Finishes.GOAL:
            update += " REMOVE goal, goal_set_at"
        win_item: dict[str, Any] = {
            **self._key(person, win_sk(number)),
            "number": _n(number),
            "text": _s(text),
            "created_at": _s(stamp(now)),
            "request_id": _s(request_id),
        }
        if kind is not WinKind.SAID:
            win_item["kind"] = _s(kind.value)
        marker_expiry = int((now + REQUEST_MARKER_LIFETIME).timestamp())
        items: list[Any] = [
            {
                "Update": {
                    "TableName": self._table,
                    "Key": self._key(person, PROFILE_SK),
                    "UpdateExpression": update,
                    "ConditionExpression": expected,
                    "ExpressionAttributeNames": _names(update),
                    "ExpressionAttributeValues": values,
                }
            },
            {
                "Put": {
                    "TableName": self._table,
                    "Item": win_item,
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

    def _update_profile(
        self, person: str, assignments: dict[str, Any], remove: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """SET (and REMOVE) profile attributes in one UpdateItem; returns the new values."""
        placeholders = {
            f"#{name}" if f"#{name}" in _RESERVED else name: f":{name}" for name in assignments
        }
        parts = [f"{target} = {value}" for target, value in placeholders.items()]
        parts.append("heard_at = if_not_exists(heard_at, :sentinel)")
        expression = "SET " + ", ".join(parts)
        if remove:
            expression += " REMOVE " + ", ".join(remove)
        values = {f":{name}": value for name, value in assignments.items()}
        values[":sentinel"] = _s(PROFILE_HEARD_SENTINEL)
        kwargs: dict[str, Any] = {}
        if _names(expression):
            kwargs["ExpressionAttributeNames"] = _names(expression)
        try:
            reply = self._client.update_item(
                TableName=self._table,
                Key=self._key(person, PROFILE_SK),
                UpdateExpression=expression,
                ExpressionAttributeValues=values,
                ReturnValues="UPDATED_NEW",
                **kwargs,
            )
        except (ClientError, BotoCoreError) as exc:
            raise _failure(exc, "could not update the profile") from exc
        attributes: dict[str, Any] = reply.get("Attributes", {})
        return attributes

    def set_goal(self, person: str, goal: str, now: datetime) -> int:
        """Open a one-minute goal (replacing any open one); returns its number. One UpdateItem."""
        try:
            reply = self._client.update_item(
                TableName=self._table,
                Key=self._key(person, PROFILE_SK),
                UpdateExpression=(
                    "SET goal = :goal, goal_set_at = :now, "
                    "heard_at = if_not_exists(heard_at, :sentinel) ADD goal_number :one"
                ),
                ExpressionAttributeValues={
                    ":goal": _s(goal),
                    ":now": _s(stamp(now)),
                    ":sentinel": _s(PROFILE_HEARD_SENTINEL),
                    ":one": _n(1),
                },
                ReturnValues="UPDATED_NEW",
            )
        except (ClientError, BotoCoreError) as exc:
            raise _failure(exc, "could not save the goal") from exc
        return int(reply["Attributes"]["goal_number"]["N"])

    def set_one_thing(
        self, person: str, thing: str, day: date, zone_name: str | None, now: datetime
    ) -> None:
        """Today's one thing, for the person's calendar day. One UpdateItem."""
        assignments: dict[str, Any] = {
            "one_thing": _s(thing),
            "one_thing_day": _s(day.isoformat()),
            "one_thing_done": {"BOOL": False},
        }
        if zone_name:
            assignments |= {"zone": _s(zone_name), "zone_checked_at": _s(stamp(now))}
        self._update_profile(person, assignments)

    def set_reminder(self, person: str, token: str, at: str) -> None:
        """Remember the one morning reminder's token and time. One UpdateItem."""
        self._update_profile(person, {"reminder_token": _s(token), "reminder_time": _s(at)})

    def clear_reminder(self, person: str) -> None:
        """Forget the morning reminder. One UpdateItem."""
        try:
            self._client.update_item(
                TableName=self._table,
                Key=self._key(person, PROFILE_SK),
                UpdateExpression="REMOVE reminder_token, reminder_time",
                ConditionExpression="attribute_exists(pk)",
            )
        except ClientError as exc:
            if _error_code(exc) == "ConditionalCheckFailedException":
                return
            raise _failure(exc, "could not forget the reminder") from exc
        except BotoCoreError as exc:
            raise _failure(exc, "could not forget the reminder") from exc
