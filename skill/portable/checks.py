"""Every value of an export held to what the skill itself would have stored.

The skill keeps at most ``MAX_WIN_CHARS`` characters of a win, a goal or a one thing, never a
control character, counts that are never negative, times it read from its own clock, and
nothing said in a crisis. An import holds a file to the same: a value out of bounds is an
error naming the line (nothing is imported), and words the care screen (``screen.py``) hears
as crisis are left out and counted, never stored and never logged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any, Final

from skill.domain.choice import Style
from skill.domain.local_time import understood_time
from skill.domain.logged_days import LoggedDays
from skill.domain.phrasing import WinKind, plan_words
from skill.domain.screen import Frame, Kind, screen
from skill.services.routines import PLAN_CARRIER
from skill.services.wins import MAX_WIN_CHARS
from skill.storage.records import Person, Profile

# Alexa was launched in November 2014: no win of this skill is older. A day ahead of this
# computer's clock allows for a clock set a little fast, never for a year typed wrong.
EARLIEST: Final = datetime(2014, 1, 1, tzinfo=UTC)
AHEAD: Final = timedelta(days=1)
# A win is told on the day it was done or later, never before. ``created_at`` is a time on that
# day in the person's zone (noon, or the part of the day named), which an export gives in UTC
# without the zone: a day before it is before that day began in any zone.
TOLD_BEFORE_DONE: Final = timedelta(days=1)
MAX_ID_CHARS: Final = 512  # Alexa's user and person IDs are a few hundred characters at most
MAX_COUNT: Final = 10**9
MAX_PHRASE: Final = 1000  # an index into a handful of wordings
# Control and format characters: stored text never holds them (``phrasing.text.normalise``);
# tabs and line breaks are whitespace, kept as they are.
_CONTROL: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)
_ID_CHARACTER: Final = re.compile(r"[\x21-\x7e]+")  # printable ASCII, no spaces
_ZONE: Final = re.compile(r"[A-Za-z0-9_+\-/]{1,64}")
# Wins per person are many; kinds of words are few. Each distinct text is screened once.
_SCREENED: Final = 16384

# The longest count of logged days a profile keeps: fourteen days, a zone's name, a few numbers.
_LOGGED_DAYS_CHARS: Final = 1000

PROFILE_FIELDS: Final = frozenset(
    {
        "win_count",  # ignored: the wins count
        "style",
        "today",
        "today_count",
        "last_phrase",
        "goal",
        "goal_number",
        "one_thing",
        "one_thing_day",
        "one_thing_done",
        "zone",
        "zone_checked_at",
        "reminder_token",
        "reminder_time",
        "brief",
        "recap_day",
        "recap_off",
        "recap_offered",
        "anniversary_offered",
        "morning_asked",
        "has_voices",
        "logged_days",
        "last_logged",
        # Left out on import: a list read out lasts minutes, and names wins by their numbers.
        "last_read",
        "last_read_wins",
        # Left out on import too, and never exported: the words of a win deleted.
        "last_gone",
    }
)


class Checker:
    """Checks rows against the skill's limits at ``now``; counts the crisis text left out."""

    def __init__(self, now: datetime) -> None:
        self._latest = now + AHEAD
        self.crisis = 0

    def person(self, row: Mapping[str, Any]) -> Person:
        key, account = _identifier(row.get("person"), "person"), row.get("account")
        return Person.from_key(key, _identifier(account, "account"))

    def win_text(self, value: Any, kind: WinKind) -> str | None:
        """The words of a win; None (and counted) when they sound like crisis."""
        text = _text(value, "a win's text")
        if text is None:
            raise ValueError("a win needs its words")
        if _crisis(text, kind):
            self.crisis += 1
            return None
        return text

    def moment(self, value: Any, what: str) -> datetime:
        example = "a time like 2026-11-21T15:30:00.000000Z"
        if not isinstance(value, str):
            raise ValueError(f"{what} must be {example}")
        try:
            moment = datetime.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"{what} {value!r} is not {example}") from exc
        if moment.tzinfo is None:
            raise ValueError(f"{what} needs a time zone (exports use UTC, ending in Z)")
        if not EARLIEST <= moment <= self._latest:
            raise ValueError(f"{what} {value} is before 2014 or later than tomorrow")
        return moment

    def told_at(self, value: Any, created_at: datetime) -> datetime | None:
        """When a win filed on a day its words named was told; None when the value is absent
        or empty (logged as told, or an export from before ``told_at`` was carried). It is
        never before the day the win was done (``TOLD_BEFORE_DONE``)."""
        if value is None or value == "":
            return None
        told = self.moment(value, "told_at")
        if told < created_at - TOLD_BEFORE_DONE:
            raise ValueError(
                f"told_at {value} is before the day the win was done (created_at "
                f"{created_at.isoformat()}): a win is told on that day or later"
            )
        return told

    def day(self, value: Any, what: str) -> date | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ValueError(f"{what} must be a date like 2026-11-21")
        day = date.fromisoformat(value)
        if not EARLIEST.date() <= day <= self._latest.date():
            raise ValueError(f"{what} {value} is before 2014 or later than tomorrow")
        return day

    def profile(self, fields: Any) -> Profile:
        """A person's settings; a goal or one thing that sounds like crisis is left out."""
        if fields is None:
            fields = {}
        if not isinstance(fields, dict):
            raise ValueError("a person's profile must be a JSON object")
        unknown = sorted(set(fields) - PROFILE_FIELDS)
        if unknown:
            raise ValueError(f"unknown setting {unknown[0]!r}")
        checked_at, logged = fields.get("zone_checked_at"), fields.get("last_logged")
        return Profile(
            style=_style(fields.get("style")),
            today=self.day(fields.get("today"), "today"),
            today_count=_count(fields.get("today_count"), "today_count"),
            last_phrase=_phrase(fields.get("last_phrase")),
            goal=self._plan(fields.get("goal"), "the goal"),
            goal_number=_count(fields.get("goal_number"), "goal_number"),
            one_thing=self._plan(fields.get("one_thing"), "the one thing"),
            one_thing_day=self.day(fields.get("one_thing_day"), "one_thing_day"),
            one_thing_done=_flag(fields.get("one_thing_done"), "one_thing_done"),
            zone=_zone(fields.get("zone")),
            zone_checked_at=None if not checked_at else self.moment(checked_at, "zone_checked_at"),
            reminder_token=_token(fields.get("reminder_token")),
            reminder_time=_reminder_time(fields.get("reminder_time")),
            brief=_flag(fields.get("brief"), "brief"),
            recap_day=_weekday(fields.get("recap_day")),
            recap_off=_flag(fields.get("recap_off"), "recap_off"),
            recap_offered=self.day(fields.get("recap_offered"), "recap_offered"),
            anniversary_offered=self.day(fields.get("anniversary_offered"), "anniversary_offered"),
            morning_asked=self.day(fields.get("morning_asked"), "morning_asked"),
            has_voices=_flag(fields.get("has_voices"), "has_voices"),
            logged_days=_logged_days(fields.get("logged_days")),
            last_logged=None if not logged else self.moment(logged, "last_logged"),
        )

    def _plan(self, value: Any, what: str) -> str | None:
        text = _text(value, what)
        if text is not None and _crisis(text, WinKind.GOAL):
            self.crisis += 1
            return None
        return text


def kind_of(value: Any) -> WinKind:
    if value is None or value == "":
        return WinKind.SAID
    if not isinstance(value, str):
        raise ValueError(f"unknown kind of win {value!r}")
    return WinKind(value)


def number_of(value: Any) -> int:
    """A win's number in the export (CSV gives it as text)."""
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_COUNT:
        raise ValueError(f"a win's number must be a whole number from 1, not {value!r}")
    return value


def _identifier(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{what} is missing")
    if len(value) > MAX_ID_CHARS or not _ID_CHARACTER.fullmatch(value):
        raise ValueError(f"{what} is not an Alexa ID (printable characters, no spaces)")
    return value


def _text(value: Any, what: str) -> str | None:
    """Words as the skill keeps them; None for none. Control characters are dropped."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{what} must be text")
    text = _CONTROL.sub("", value)
    if not text.strip():
        return None
    if len(text) > MAX_WIN_CHARS:
        raise ValueError(f"{what} is longer than the skill keeps ({MAX_WIN_CHARS} characters)")
    return text


def _crisis(text: str, kind: WinKind) -> bool:
    """Whether the care screen hears crisis, as it judges such words when they are said back."""
    return _verdict(" ".join(text.split()), kind is not WinKind.SAID) is Kind.CRISIS


@lru_cache(maxsize=_SCREENED)
def _verdict(text: str, plan: bool) -> Kind:
    if not plan:
        return screen(text).kind
    planned = plan_words(text)
    intended = screen(planned, PLAN_CARRIER, Frame.INTEND).kind
    # As the skill screens a plan when it is set: meant, and as told ("couldn't get up").
    return intended if intended is Kind.CRISIS else screen(planned).kind


def _style(value: Any) -> Style:
    if value is None or value == "":
        return Style.CHEERFUL
    if not isinstance(value, str):
        raise ValueError(f"unknown style {value!r}")
    return Style(value)


def _count(value: Any, what: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise ValueError(f"{what} must be a whole number from 0, not {value!r}")
    return value


def _phrase(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_PHRASE:
        raise ValueError(f"last_phrase must be a small whole number, not {value!r}")
    return value


def _weekday(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
        raise ValueError(f"recap_day must be 0 (Monday) to 6 (Sunday), not {value!r}")
    return value


def _flag(value: Any, what: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ValueError(f"{what} must be true or false")
    return value


def _logged_days(value: Any) -> LoggedDays | None:
    """The count of wins logged by day, as the skill keeps it (``logged_days.py``)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > _LOGGED_DAYS_CHARS:
        raise ValueError("logged_days must be the skill's own count of wins by day")
    try:
        return LoggedDays.of(value)
    except ValueError as exc:
        raise ValueError(f"logged_days is not a count of wins by day: {exc}") from exc


def _zone(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _ZONE.fullmatch(value):
        raise ValueError(f"zone {value!r} is not a time zone name like Europe/London")
    return value


def _token(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > MAX_ID_CHARS:
        raise ValueError("reminder_token is not a reminder's token")
    if not _ID_CHARACTER.fullmatch(value):
        raise ValueError("reminder_token is not a reminder's token")
    return value


def _reminder_time(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d\d:\d\d", value):
        raise ValueError("reminder_time must be a time of day like 07:30")
    if understood_time(value) is None:
        raise ValueError(f"reminder_time {value} is not a time of day")
    return value
