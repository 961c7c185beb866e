"""What the store reads and writes, as plain data, and the DynamoDB item conversions."""

from collections.abc import Mapping
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from skill.domain.choice import Style
from skill.domain.phrasing import WinKind


class Person(NamedTuple):
    """Whose data: the partition key, and the Alexa account it belongs to.

    ``key`` is ``USER#<userId>`` or, for a recognised voice, ``PERSON#<userId>#<personId>``. Every
    profile records its ``account`` so that disabling the skill deletes the whole household's
    data, voice profiles included (they are found through the ``by_account`` index).
    """

    key: str
    account: str

    @classmethod
    def of_account(cls, user_id: str) -> "Person":
        return cls(f"USER#{user_id}", user_id)


class Profile(NamedTuple):
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


class LastHeard(NamedTuple):
    """Which win was heard last, and the stamp that put it first in the by_heard index."""

    number: int
    stamp: str


class Finishes(StrEnum):
    """What else logging a win completes, in the same write."""

    NOTHING = "nothing"
    GOAL = "goal"  # the open one-minute goal is done: it closes
    ONE_THING = "one_thing"  # today's one thing is done


class StoredWin(NamedTuple):
    """One win as stored: the person's words, what kind of win, when (UTC)."""

    number: int
    text: str
    created_at: datetime
    kind: WinKind = WinKind.SAID


def stamp(moment: datetime) -> str:
    """A fixed-width UTC timestamp, so stored times sort as strings in time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def s(value: str) -> dict[str, str]:
    return {"S": value}


def n(value: int) -> dict[str, str]:
    return {"N": str(value)}


def text(item: Mapping[str, Any], name: str) -> str | None:
    value = item.get(name, {}).get("S")
    return str(value) if value is not None else None


def number(item: Mapping[str, Any], name: str) -> int | None:
    value = item.get(name, {}).get("N")
    return int(value) if value is not None else None


def day(item: Mapping[str, Any], name: str) -> date | None:
    value = text(item, name)
    return date.fromisoformat(value) if value else None


def profile_from(item: Mapping[str, Any] | None) -> Profile | None:
    if not item:
        return None
    style = text(item, "style")
    checked = text(item, "zone_checked_at")
    return Profile(
        win_count=number(item, "win_count") or 0,
        style=next((known for known in Style if known.value == style), Style.CHEERFUL),
        today=day(item, "today"),
        today_count=number(item, "today_count") or 0,
        last_phrase=number(item, "last_phrase"),
        goal=text(item, "goal"),
        goal_number=number(item, "goal_number") or 0,
        one_thing=text(item, "one_thing"),
        one_thing_day=day(item, "one_thing_day"),
        one_thing_done=bool(item.get("one_thing_done", {}).get("BOOL", False)),
        zone=text(item, "zone"),
        zone_checked_at=datetime.fromisoformat(checked) if checked else None,
        reminder_token=text(item, "reminder_token"),
        reminder_time=text(item, "reminder_time"),
    )


def win_from(item: Mapping[str, Any]) -> StoredWin:
    kind = text(item, "kind")
    return StoredWin(
        number=int(item["number"]["N"]),
        text=item["text"]["S"],
        created_at=datetime.fromisoformat(item["created_at"]["S"]),
        kind=next((known for known in WinKind if known.value == kind), WinKind.SAID),
    )
