"""Rows of the SQLite store as the storage layer's records, and back."""

import json
from datetime import date, datetime
from typing import Any, Final

from skill.domain.choice import Style
from skill.domain.phrasing import WinKind
from skill.storage.records import Profile, StoredWin, stamp

# The profile's columns in the order ``profile_row`` reads them.
PROFILE_COLUMNS: Final = (
    "win_count, style, today, today_count, last_phrase, goal, goal_number, one_thing, "
    "one_thing_day, one_thing_done, zone, zone_checked_at, reminder_token, reminder_time"
)


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def profile_row(row: tuple[Any, ...]) -> Profile:
    """A profile from a row of ``SELECT {PROFILE_COLUMNS}``."""
    (count, style, today, today_count, phrase, goal, goal_number, thing, thing_day, done) = row[:10]
    zone, checked, token, at = row[10:]
    return Profile(
        win_count=int(count),
        style=next((known for known in Style if known.value == style), Style.CHEERFUL),
        today=_day(today),
        today_count=int(today_count),
        last_phrase=phrase,
        goal=goal,
        goal_number=int(goal_number),
        one_thing=thing,
        one_thing_day=_day(thing_day),
        one_thing_done=bool(done),
        zone=zone,
        zone_checked_at=_moment(checked),
        reminder_token=token,
        reminder_time=at,
    )


def profile_values(profile: Profile) -> dict[str, Any]:
    """Every stored column of ``profile``, for writing it whole (import)."""
    return {
        "win_count": profile.win_count,
        "style": profile.style.value,
        "today": profile.today.isoformat() if profile.today else None,
        "today_count": profile.today_count,
        "last_phrase": profile.last_phrase,
        "goal": profile.goal,
        "goal_number": profile.goal_number,
        "one_thing": profile.one_thing,
        "one_thing_day": profile.one_thing_day.isoformat() if profile.one_thing_day else None,
        "one_thing_done": int(profile.one_thing_done),
        "zone": profile.zone,
        "zone_checked_at": stamp(profile.zone_checked_at) if profile.zone_checked_at else None,
        "reminder_token": profile.reminder_token,
        "reminder_time": profile.reminder_time,
    }


def sealed(text: str) -> str:
    """A win's words as kept in the file: a JSON string, quotes and all.

    SQLite writes a row's values back to back ("...did the laundrysaid2026-..."), so plain
    text would run into its neighbours; quoted, each win's words stand apart in the file, as they
    do in an export or in the old store's file, for anyone (or any tool) reading the folder.
    """
    return json.dumps(text, ensure_ascii=False)


def unsealed(value: Any) -> str:
    """The words from ``sealed``; a plain value (an older row) is taken as it is."""
    if isinstance(value, str) and value.startswith('"') and value.endswith('"'):
        try:
            loaded = json.loads(value)
        except ValueError:
            return value
        return loaded if isinstance(loaded, str) else value
    return str(value)


def stored_win(row: tuple[Any, ...]) -> StoredWin:
    """A win from a row of ``SELECT number, text, created_at, kind``."""
    number, text, created_at, kind = row
    return StoredWin(
        number=int(number),
        text=unsealed(text),
        created_at=datetime.fromisoformat(created_at),
        kind=next((known for known in WinKind if known.value == kind), WinKind.SAID),
    )
