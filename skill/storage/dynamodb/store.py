"""Wins in DynamoDB, behind one small class with an injected boto3 client.

See ``schema.py`` for the key design and why each operation costs at most two calls.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from botocore.exceptions import BotoCoreError, ClientError

from skill.domain.choice import Style
from skill.domain.list_read import ListRead
from skill.domain.logged_days import LoggedDays
from skill.domain.phrasing import WinKind
from skill.storage.dynamodb.erase import PartitionEraser
from skill.storage.dynamodb.failures import error_code, failure
from skill.storage.dynamodb.integrity import reject_corrupt_answers
from skill.storage.dynamodb.items import n, profile_from, s, text, win_from
from skill.storage.dynamodb.moves import WinNumbering
from skill.storage.dynamodb.schema import (
    HEARD_INDEX,
    PROFILE_HEARD_SENTINEL,
    PROFILE_SK,
    REQUEST_PREFIX,
    SEEN_PREFIX,
    SEEN_SK,
    TTL_ATTRIBUTE,
    WIN_PREFIX,
    win_sk,
)
from skill.storage.dynamodb.timeline import WinTimeline
from skill.storage.errors import (
    ConcurrentUpdate,
    DuplicateRequest,
    StorageError,
    StorageUnavailable,
)
from skill.storage.records import (
    MAX_NUMBERED,
    MAX_WINS_AT_ONCE,
    Finishes,
    LastHeard,
    Offer,
    Person,
    Profile,
    StoredWin,
    Window,
    filed_moments,
    newest_logged,
    stamp,
    told_each,
)

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

# A redelivered Alexa request arrives within seconds; two days is generous.
REQUEST_MARKER_LIFETIME: Final = timedelta(days=2)

Item = dict[str, Any]


# On a heard win: the week "on this day" was last spent, carried from win heard to win heard.
SPENT_ATTRIBUTE: Final = "anniversary_spent"

# DynamoDB reserved words among our attribute names, used through placeholders.
_RESERVED: Final = {"#today": "today", "#zone": "zone", "#style": "style"}


def _names(expression: str) -> dict[str, str]:
    """The placeholders an expression uses (DynamoDB refuses unused ones)."""
    return {key: name for key, name in _RESERVED.items() if key in expression}


class DynamoWinStore:
    """All reads and writes of a person's wins, counters and settings."""

    def __init__(self, client: DynamoDBClient, table_name: str) -> None:
        reject_corrupt_answers(client)
        self._client = client
        self._table = table_name
        self._eraser = PartitionEraser(client, table_name)
        self._numbering = WinNumbering(client, table_name)
        self._timeline = WinTimeline(client, table_name)

    def _key(self, person: Person, sk: str) -> dict[str, Any]:
        return {"pk": s(person.key), "sk": s(sk)}

    def load_profile(self, person: Person) -> Profile:
        """The person's profile (defaults when they are new). One GetItem."""
        try:
            reply = self._client.get_item(
                TableName=self._table, Key=self._key(person, PROFILE_SK), ConsistentRead=True
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not read the profile") from exc
        return profile_from(reply.get("Item")) or Profile()

    def append_win(
        self,
        person: Person,
        *,
        seen: Profile,
        updated: Profile,
        text: str,
        request_id: str,
        now: datetime,
        kind: WinKind = WinKind.SAID,
        finishes: Finishes = Finishes.NOTHING,
        screened: str | None = None,
        filed: datetime | None = None,
        told_at: datetime | None = None,
    ) -> None:
        """Store win number ``updated.win_count`` and the new counters in one transaction.

        ``seen`` is the profile this write was computed from: if another write happened since,
        ``ConcurrentUpdate`` is raised and nothing is stored. A request already stored raises
        ``DuplicateRequest``.
        """
        self._append(
            person,
            seen,
            updated,
            (text,),
            request_id,
            now,
            kind,
            finishes,
            (screened,),
            filed,
            told_at,
        )

    def append_wins(
        self,
        person: Person,
        *,
        seen: Profile,
        updated: Profile,
        texts: Sequence[str],
        request_id: str,
        now: datetime,
        screened: Sequence[str | None] = (),
        filed: datetime | None = None,
        told_at: datetime | None = None,
        filed_each: Sequence[datetime | None] = (),
    ) -> None:
        """Several wins said at once, the counters and the marker: one TransactWriteItems."""
        self._append(
            person,
            seen,
            updated,
            texts,
            request_id,
            now,
            WinKind.SAID,
            Finishes.NOTHING,
            screened,
            filed,
            told_at,
            filed_each,
        )

    def _append(
        self,
        person: Person,
        seen: Profile,
        updated: Profile,
        texts: Sequence[str],
        request_id: str,
        now: datetime,
        kind: WinKind,
        finishes: Finishes,
        screened: Sequence[str | None] = (),
        filed: datetime | None = None,
        told_at: datetime | None = None,
        filed_each: Sequence[datetime | None] = (),
    ) -> None:
        # The transaction holds the profile, one put per win and the marker: at most
        # MAX_WINS_AT_ONCE + 2 items, far within DynamoDB's 100.
        if not texts or len(texts) > MAX_WINS_AT_ONCE:
            raise ValueError(f"one write stores 1 to {MAX_WINS_AT_ONCE} wins, not {len(texts)}")
        number = updated.win_count
        # Each win stamped after the last within a minute: read in the order logged.
        moments = filed_moments(now, seen.last_logged, len(texts), filed, filed_each)
        newest = newest_logged(seen.last_logged, max(moments))
        expected = "win_count = :seen"
        if seen.win_count == 0:  # a new person, or one whose every win was deleted
            expected = "attribute_not_exists(win_count) OR win_count = :seen"
        values: dict[str, Any] = {
            ":seen": n(seen.win_count),
            ":count": n(number),
            ":today": s((updated.today or now.date()).isoformat()),
            ":today_count": n(updated.today_count),
            ":phrase": n(updated.last_phrase or 0),
            ":sentinel": s(PROFILE_HEARD_SENTINEL),
            ":now": s(stamp(moments[0])),
            ":last": s(stamp(newest)),
            ":account": s(person.account),
        }
        assignments = [
            "win_count = :count",
            "#today = :today",
            "today_count = :today_count",
            "last_phrase = :phrase",
            "heard_at = if_not_exists(heard_at, :sentinel)",
            "created_at = if_not_exists(created_at, :now)",
            "last_logged = :last",
            "account = if_not_exists(account, :account)",
        ]
        if updated.zone and updated.zone_checked_at:
            assignments.append("#zone = :zone, zone_checked_at = :zone_checked_at")
            values[":zone"] = s(updated.zone)
            values[":zone_checked_at"] = s(stamp(updated.zone_checked_at))
        if updated.logged_days is not None:
            assignments.append("logged_days = :logged")
            values[":logged"] = s(updated.logged_days.plain())
        if finishes is Finishes.ONE_THING:
            assignments.append("one_thing_done = :done")
            values[":done"] = {"BOOL": True}
        update = "SET " + ", ".join(assignments)
        # The win deleted last goes: "undo" now means the win logged.
        update += " REMOVE last_gone"
        if finishes is Finishes.GOAL:
            update += ", goal, goal_set_at"
        first = number - len(texts) + 1
        win_items = self._win_items(
            person,
            texts,
            first,
            moments,
            request_id,
            kind,
            screened,
            told_each(told_at, len(texts), filed_each),
        )
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
            *(
                {
                    "Put": {
                        "TableName": self._table,
                        "Item": win_item,
                        "ConditionExpression": "attribute_not_exists(pk)",
                    }
                }
                for win_item in win_items
            ),
            {
                "Put": {
                    "TableName": self._table,
                    "Item": {
                        **self._key(person, f"{REQUEST_PREFIX}{request_id}"),
                        "number": n(number),
                        TTL_ATTRIBUTE: n(marker_expiry),
                    },
                    "ConditionExpression": "attribute_not_exists(pk)",
                }
            },
        ]
        try:
            self._client.transact_write_items(TransactItems=items)
        except ClientError as exc:
            raise self._transaction_error(exc, len(items)) from exc
        except BotoCoreError as exc:
            raise failure(exc, "could not store the win") from exc

    def _win_items(
        self,
        person: Person,
        texts: Sequence[str],
        first: int,
        moments: Sequence[datetime],
        request_id: str,
        kind: WinKind,
        screened: Sequence[str | None],
        told_at: Sequence[datetime | None] = (),
    ) -> list[Item]:
        """The items of wins ``first``.., one per text (stamped ``moments``), each with its
        verdict if known."""
        win_items: list[Item] = []
        for at, said in enumerate(texts, start=first):
            win_item: Item = {
                **self._key(person, win_sk(at)),
                "number": n(at),
                "text": s(said),
                "created_at": s(stamp(moments[at - first])),
                "request_id": s(request_id),
            }
            if kind is not WinKind.SAID:
                win_item["kind"] = s(kind.value)
            verdict = screened[at - first] if at - first < len(screened) else None
            if verdict:
                win_item["screened"] = s(verdict)
            told = told_at[at - first] if at - first < len(told_at) else None
            if told is not None:  # filed on a day its words named: when it was told, too
                win_item["told_at"] = s(stamp(told))
            win_items.append(win_item)
        return win_items

    @staticmethod
    def _transaction_error(exc: ClientError, count: int) -> StorageError:
        """What a cancelled write of ``count`` items means: the marker (last) is there already,
        or the profile or a win number (the others) changed under it."""
        if error_code(exc) != "TransactionCanceledException":
            return failure(exc, "could not store the win")
        reasons = [r.get("Code", "None") for r in exc.response.get("CancellationReasons", [])]
        if len(reasons) == count and reasons[-1] == "ConditionalCheckFailed":
            return DuplicateRequest("this request was already stored")
        if "ConditionalCheckFailed" in reasons[:-1]:
            return ConcurrentUpdate("the profile changed while logging")
        return StorageUnavailable(f"the transaction was cancelled ({', '.join(reasons)})")

    def hear_state(self, person: Person) -> tuple[Profile | None, LastHeard | None]:
        """The profile and the number of the win heard last. One bounded Query (2 items).

        The by_heard index sorts the profile (``heard_at = "~"``) first and then wins by when
        they were last heard, newest first.
        """
        try:
            reply = self._client.query(
                TableName=self._table,
                IndexName=HEARD_INDEX,
                KeyConditionExpression="pk = :pk",
                ExpressionAttributeValues={":pk": s(person.key)},
                ScanIndexForward=False,
                Limit=2,
                ConsistentRead=True,
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not read the wins") from exc
        profile: Profile | None = None
        last_heard: LastHeard | None = None
        for item in reply.get("Items", []):
            if item["sk"]["S"] == PROFILE_SK:
                profile = profile_from(item)
            elif "number" in item:
                spent = text(item, SPENT_ATTRIBUTE)
                last_heard = LastHeard(
                    int(item["number"]["N"]),
                    item["heard_at"]["S"],
                    win_from(item),
                    date.fromisoformat(spent) if spent else None,
                )
        return profile, last_heard

    def mark_heard(
        self,
        person: Person,
        number: int,
        now: datetime,
        after: LastHeard | None = None,
        *,
        spent: date | None = None,
    ) -> StoredWin | None:
        """Stamp win ``number`` as heard now and return it. One UpdateItem; None if missing.

        The stamp always sorts after ``after`` (the previous last-heard), even if the clock
        stood still or stepped back, so the index never loses track of the last win heard.
        ``spent`` is kept on the win, read back with it while it is the last heard.
        """
        heard_at = stamp(now)
        if after is not None and heard_at <= after.stamp:
            heard_at = after.stamp + "1"
        update = "SET heard_at = :heard"
        values: dict[str, Any] = {":heard": s(heard_at)}
        if spent is not None:
            update += f", {SPENT_ATTRIBUTE} = :spent"
            values[":spent"] = s(spent.isoformat())
        try:
            reply = self._client.update_item(
                TableName=self._table,
                Key=self._key(person, win_sk(number)),
                UpdateExpression=update,
                ConditionExpression="attribute_exists(pk)",
                ExpressionAttributeValues=values,
                ReturnValues="ALL_NEW",
            )
        except ClientError as exc:
            if error_code(exc) == "ConditionalCheckFailedException":
                return None
            raise failure(exc, "could not read the win") from exc
        except BotoCoreError as exc:
            raise failure(exc, "could not read the win") from exc
        return win_from(reply["Attributes"])

    def set_style(self, person: Person, style: Style) -> None:
        """Remember how the person likes wins celebrated. One UpdateItem."""
        try:
            self._client.update_item(
                TableName=self._table,
                Key=self._key(person, PROFILE_SK),
                # "style" is a DynamoDB reserved word, hence the name placeholder.
                UpdateExpression=(
                    "SET #style = :style, heard_at = if_not_exists(heard_at, :sentinel), "
                    "account = if_not_exists(account, :account)"
                ),
                ExpressionAttributeNames={"#style": "style"},
                ExpressionAttributeValues={
                    ":style": s(style.value),
                    ":sentinel": s(PROFILE_HEARD_SENTINEL),
                    ":account": s(person.account),
                },
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not save the style") from exc

    def set_brief(self, person: Person, brief: bool) -> None:
        """Remember whether replies leave out their follow-up questions. One UpdateItem."""
        self._update_profile(person, {"brief": {"BOOL": brief}})

    def _update_profile(
        self, person: Person, assignments: dict[str, Any], remove: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """SET (and REMOVE) profile attributes in one UpdateItem; returns the new values."""
        try:
            reply = self._client.update_item(
                **self._profile_update(person, assignments, remove), ReturnValues="UPDATED_NEW"
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not update the profile") from exc
        attributes: dict[str, Any] = reply.get("Attributes", {})
        return attributes

    def _profile_update(
        self, person: Person, assignments: dict[str, Any], remove: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """An update of the profile's attributes, creating the profile if need be: the
        arguments of one UpdateItem, or of one Update in a transaction."""
        placeholders = {
            f"#{name}" if f"#{name}" in _RESERVED else name: f":{name}" for name in assignments
        }
        parts = [f"{target} = {value}" for target, value in placeholders.items()]
        parts.append("heard_at = if_not_exists(heard_at, :sentinel)")
        parts.append("account = if_not_exists(account, :account)")
        expression = "SET " + ", ".join(parts)
        if remove:
            expression += " REMOVE " + ", ".join(remove)
        values = {f":{name}": value for name, value in assignments.items()}
        values[":sentinel"] = s(PROFILE_HEARD_SENTINEL)
        values[":account"] = s(person.account)
        update: dict[str, Any] = {
            "TableName": self._table,
            "Key": self._key(person, PROFILE_SK),
            "UpdateExpression": expression,
            "ExpressionAttributeValues": values,
        }
        if _names(expression):
            update["ExpressionAttributeNames"] = _names(expression)
        return update

    # The weekly recap and the offers made unprompted (one block: recap, "on this day").
    def set_recap(self, person: Person, *, day: int | None = None, off: bool | None = None) -> None:
        """Set the recap's day and whether it is off. One UpdateItem."""
        assignments: dict[str, Any] = {}
        if day is not None:
            assignments["recap_day"] = n(day % 7)
        if off is not None:
            assignments["recap_off"] = {"BOOL": off}
        if assignments:
            self._update_profile(person, assignments)

    def note_offer(self, person: Person, offer: Offer, week: date) -> None:
        """Remember the week an offer was made in. One UpdateItem."""
        self._update_profile(person, {offer.value: s(week.isoformat())})

    def note_week(
        self,
        person: Person,
        counted: LoggedDays,
        *,
        recap_offered: date | None = None,
        morning_asked: date | None = None,
    ) -> bool:
        """One conditional UpdateItem: the count, and the offer and the morning question's day
        when given, if the wins are as counted."""
        assignments = "logged_days = :logged"
        values: dict[str, Any] = {":logged": s(counted.plain()), ":seen": n(counted.wins)}
        if recap_offered is not None:
            assignments += f", {Offer.RECAP.value} = :week"
            values[":week"] = s(recap_offered.isoformat())
        if morning_asked is not None:
            assignments += f", {Offer.MORNING.value} = :morning"
            values[":morning"] = s(morning_asked.isoformat())
        try:
            self._client.update_item(
                TableName=self._table,
                Key=self._key(person, PROFILE_SK),
                UpdateExpression=f"SET {assignments}",
                ConditionExpression="win_count = :seen",
                ExpressionAttributeValues=values,
            )
        except ClientError as exc:
            if error_code(exc) == "ConditionalCheckFailedException":
                return False
            raise failure(exc, "could not update the profile") from exc
        except BotoCoreError as exc:
            raise failure(exc, "could not update the profile") from exc
        return True

    def note_voices(self, voice: Person) -> None:
        """Mark the account's profile and the voice's as having voices: one transaction."""
        flag = {"has_voices": {"BOOL": True}}
        account = Person.of_account(voice.account)
        items: list[Any] = [
            {"Update": self._profile_update(account, flag)},
            {"Update": self._profile_update(voice, flag)},
        ]
        try:
            self._client.transact_write_items(TransactItems=items)
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not update the profile") from exc

    def set_goal(self, person: Person, goal: str, now: datetime) -> int:
        """Open a one-minute goal (replacing any open one); returns its number. One UpdateItem."""
        try:
            reply = self._client.update_item(
                TableName=self._table,
                Key=self._key(person, PROFILE_SK),
                UpdateExpression=(
                    "SET goal = :goal, goal_set_at = :now, "
                    "heard_at = if_not_exists(heard_at, :sentinel), "
                    "account = if_not_exists(account, :account) ADD goal_number :one"
                ),
                ExpressionAttributeValues={
                    ":account": s(person.account),
                    ":goal": s(goal),
                    ":now": s(stamp(now)),
                    ":sentinel": s(PROFILE_HEARD_SENTINEL),
                    ":one": n(1),
                },
                ReturnValues="UPDATED_NEW",
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not save the goal") from exc
        return int(reply["Attributes"]["goal_number"]["N"])

    def set_one_thing(
        self, person: Person, thing: str, day: date, zone_name: str | None, now: datetime
    ) -> None:
        """Today's one thing, for the person's calendar day. One UpdateItem."""
        assignments: dict[str, Any] = {
            "one_thing": s(thing),
            "one_thing_day": s(day.isoformat()),
            "one_thing_done": {"BOOL": False},
        }
        if zone_name:
            assignments |= {"zone": s(zone_name), "zone_checked_at": s(stamp(now))}
        self._update_profile(person, assignments)

    def set_reminder(self, person: Person, token: str, at: str) -> None:
        """Remember the one morning reminder's token and time. One UpdateItem."""
        self._update_profile(person, {"reminder_token": s(token), "reminder_time": s(at)})

    def clear_goal(self, person: Person) -> None:
        """Drop the open one-minute goal, words and all. One UpdateItem."""
        self._remove_from_profile(person, "goal, goal_set_at", "could not drop the goal")

    def clear_reminder(self, person: Person) -> None:
        """Forget the morning reminder. One UpdateItem."""
        self._remove_from_profile(
            person, "reminder_token, reminder_time", "could not forget the reminder"
        )

    def _remove_from_profile(self, person: Person, attributes: str, failed: str) -> None:
        """REMOVE ``attributes`` from an existing profile; no profile means nothing to remove."""
        try:
            self._client.update_item(
                TableName=self._table,
                Key=self._key(person, PROFILE_SK),
                UpdateExpression=f"REMOVE {attributes}",
                ConditionExpression="attribute_exists(pk)",
            )
        except ClientError as exc:
            if error_code(exc) == "ConditionalCheckFailedException":
                return
            raise failure(exc, failed) from exc
        except BotoCoreError as exc:
            raise failure(exc, failed) from exc

    def last_win(self, person: Person) -> StoredWin | None:
        """The most recently logged win. One Query, newest first, Limit 1."""
        try:
            reply = self._client.query(
                TableName=self._table,
                KeyConditionExpression="pk = :pk AND begins_with(sk, :win)",
                ExpressionAttributeValues={":pk": s(person.key), ":win": s(WIN_PREFIX)},
                ScanIndexForward=False,
                Limit=1,
                ConsistentRead=True,
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not read the last win") from exc
        items = reply.get("Items", [])
        return win_from(items[0]) if items else None

    def win(self, person: Person, number: int) -> StoredWin | None:
        """Win ``number``, without marking it heard. One GetItem; None if missing."""
        try:
            reply = self._client.get_item(
                TableName=self._table, Key=self._key(person, win_sk(number)), ConsistentRead=True
            )
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not read the win") from exc
        item = reply.get("Item")
        return win_from(item) if item else None

    def count_since(self, person: Person, since: datetime) -> int:
        """Wins logged at or after ``since``: one counting Query (``timeline.py``)."""
        return self._timeline.count_since(person, since)

    def first_logged(self, person: Person) -> tuple[Profile, datetime | None]:
        """The earliest win's time: GetItem(PROFILE), then one short Query oldest first."""
        return self._timeline.first_logged(person)

    def wins_within(
        self,
        person: Person,
        window: Callable[[Profile], Window | None],
        limit: int,
        *,
        read: ListRead | None = None,
    ) -> tuple[Profile, list[StoredWin]]:
        """The profile and the window's wins, newest first: GetItem (UpdateItem to keep
        ``read``), then one Query."""
        return self._timeline.wins_within(person, window, limit, read=read)

    def recent_wins(self, person: Person, limit: int) -> tuple[Profile, list[StoredWin]]:
        """The profile and the ``limit`` most recent wins, newest first: GetItem, one Query."""
        return self._timeline.recent_wins(person, limit)

    def delete_last_win(
        self,
        person: Person,
        number: int,
        *,
        today_count: int,
        logged_days: LoggedDays | None = None,
        gone_at: datetime | None = None,
    ) -> None:
        """Delete win ``number`` if it is still the last one, and count it out.

        Raises ``ConcurrentUpdate`` when another win was logged since it was read out.
        """
        self._numbering.delete(
            person,
            number,
            count=number,
            today_count=today_count,
            logged_days=logged_days,
            gone_at=gone_at,
        )

    def delete_win(
        self,
        person: Person,
        number: int,
        *,
        seen: Profile,
        today_count: int,
        logged_days: LoggedDays | None = None,
        gone_at: datetime | None = None,
    ) -> None:
        """Delete win ``number``; the last win takes its number. Two calls, one transaction."""
        self._numbering.delete(
            person,
            number,
            count=seen.win_count,
            today_count=today_count,
            logged_days=logged_days,
            gone_at=gone_at,
        )

    # Deleting or correcting any win: a list read out, the most recent, by words or place.
    def wins_numbered(self, person: Person, numbers: Sequence[int]) -> list[StoredWin]:
        """One TransactGetItems (never more than ``MAX_NUMBERED`` items, and never a partial
        answer as BatchGetItem may give)."""
        asked = list(dict.fromkeys(numbers))[:MAX_NUMBERED]
        if not asked:
            return []
        gets: list[Any] = [
            {"Get": {"TableName": self._table, "Key": self._key(person, win_sk(number))}}
            for number in asked
        ]
        try:
            reply = self._client.transact_get_items(TransactItems=gets)
        except (ClientError, BotoCoreError) as exc:
            raise failure(exc, "could not read the wins") from exc
        return [
            win_from(found["Item"]) for found in reply.get("Responses", []) if found.get("Item")
        ]

    def forget_win(
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
        """Two calls: one TransactGetItems, one TransactWriteItems (``moves.py``)."""
        self._numbering.forget(
            person,
            number,
            count=count,
            created_at=created_at,
            today_count=today_count,
            logged_days=logged_days,
            gone_at=gone_at,
        )

    def replace_words(
        self, person: Person, number: int, *, created_at: datetime, text: str
    ) -> None:
        """One conditional UpdateItem: the words are overwritten in place."""
        try:
            self._client.update_item(
                TableName=self._table,
                Key=self._key(person, win_sk(number)),
                # The stamp named the old words: it goes with them, and the new words are
                # screened when read.
                UpdateExpression="SET #text = :text REMOVE screened",
                ConditionExpression="created_at = :at",
                ExpressionAttributeNames={"#text": "text"},
                ExpressionAttributeValues={":text": s(text), ":at": s(stamp(created_at))},
            )
        except ClientError as exc:
            if error_code(exc) == "ConditionalCheckFailedException":
                raise ConcurrentUpdate("the win changed before it was corrected") from exc
            raise failure(exc, "could not change the win") from exc
        except BotoCoreError as exc:
            raise failure(exc, "could not change the win") from exc

    def delete_person(self, person: Person) -> int:
        """Delete every item of one person: wins, settings, markers. Returns how many."""
        return self._eraser.delete_partition(person.key)

    def delete_account(self, account: str) -> int:
        """Delete the data of every person of an Alexa account (its own and its voices')."""
        return self._eraser.delete_account(account)

    def remember_request(
        self, request_id: str, digest: bytes, expires: datetime, now: datetime
    ) -> bytes | None:
        """One conditional PutItem; a request seen before comes back with the refusal.

        The item carries the table's TTL attribute, but DynamoDB deletes expired items only
        within a few days, so the condition itself treats an expired item as absent.
        ``ReturnValuesOnConditionCheckFailure`` returns the remembered item with the
        ``ConditionalCheckFailedException``, so a replay costs no second call. (AWS: "Time to
        Live", and PutItem's ``ReturnValuesOnConditionCheckFailure``.)
        """
        try:
            self._client.put_item(
                TableName=self._table,
                Item={
                    "pk": s(f"{SEEN_PREFIX}{request_id}"),
                    "sk": s(SEEN_SK),
                    "digest": s(digest.hex()),
                    TTL_ATTRIBUTE: n(math.ceil(expires.timestamp())),
                },
                ConditionExpression=f"attribute_not_exists(pk) OR {TTL_ATTRIBUTE} < :now",
                ExpressionAttributeValues={":now": n(int(now.timestamp()))},
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
            )
        except ClientError as exc:
            if error_code(exc) != "ConditionalCheckFailedException":
                raise failure(exc, "could not remember the request") from exc
            return _remembered_digest(dict(exc.response).get("Item"))
        except BotoCoreError as exc:
            raise failure(exc, "could not remember the request") from exc
        return None


def _remembered_digest(item: object) -> bytes:
    """The digest on a remembered request's item; without a readable one, a replay all the same."""
    found = text(item, "digest") if isinstance(item, dict) else None
    try:
        return bytes.fromhex(found or "")
    except ValueError:
        return b""
