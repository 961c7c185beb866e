"""What every store reads and writes, as plain data, whatever keeps it.

The person key format is spelt out here and nowhere else.
"""

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, Final, NamedTuple

from skill.domain.choice import Style
from skill.domain.gone import GoneWin
from skill.domain.list_read import ListRead
from skill.domain.logged_days import LoggedDays
from skill.domain.phrasing import WinKind

_ACCOUNT_PREFIX: Final = "USER#"
_VOICE_PREFIX: Final = "PERSON#"
# Several deeds said in one breath are stored as several wins in one write. Ten is more than
# anyone tells at once, and keeps DynamoDB's transaction (a profile update, a put for each win
# and the request marker) far below its limit of 100 items.
MAX_WINS_AT_ONCE: Final = 10
# The most wins ``wins_numbered`` reads at once: a list read out, or the recent ones to match.
MAX_NUMBERED: Final = 50


class Person(NamedTuple):
    """Whose data: the key every store files it under, and the Alexa account it belongs to.

    ``key`` is ``USER#<userId>`` or, for a recognised voice, ``PERSON#<userId>#<personId>``. Every
    profile records its ``account`` so that disabling the skill deletes the whole household's
    data, voice profiles included.
    """

    key: str
    account: str

    @classmethod
    def of_account(cls, user_id: str) -> "Person":
        """The account's own data: everyone speaking to it whose voice is not recognised."""
        return cls(f"{_ACCOUNT_PREFIX}{user_id}", user_id)

    @classmethod
    def of_voice(cls, user_id: str, person_id: str) -> "Person":
        """A recognised voice of the account: kept apart from the account's own data."""
        return cls(f"{_VOICE_PREFIX}{user_id}#{person_id}", user_id)

    @classmethod
    def from_key(cls, key: str, account: str | None = None) -> "Person":
        """The person a stored ``key`` names; ``account`` when stored beside it, else the key's.

        Raises ``ValueError`` when the key is not one of ``account``'s people.
        """
        if account is None:
            account = key.removeprefix(_ACCOUNT_PREFIX).removeprefix(_VOICE_PREFIX).split("#")[0]
        person = cls(key, account)
        if not account or not person.is_of(account):
            raise ValueError(f"{key!r} is not a person of account {account!r}")
        return person

    @property
    def recognised(self) -> bool:
        """Whether this is a recognised voice, not the account's own data."""
        return self.key.startswith(_VOICE_PREFIX)

    def is_of(self, account: str) -> bool:
        """Whether this is the account's own data or one of its recognised voices."""
        return self.key == f"{_ACCOUNT_PREFIX}{account}" or self.key.startswith(
            f"{_VOICE_PREFIX}{account}#"
        )


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
    brief: bool = False  # no follow-up questions: a reply that asks nothing ends the session
    # The weekly recap: its day (0 Monday .. 6 Sunday), whether it is off, and the first day of
    # the week it was last offered in (never twice in one week).
    recap_day: int = 0
    recap_off: bool = False
    recap_offered: date | None = None
    # The first day of the week "on this day" was last offered in: at most once a week.
    anniversary_offered: date | None = None
    # The person's calendar day the morning question ("What's the one thing you'll do
    # today?") was last asked at a launch: at most once a day, whatever the device.
    morning_asked: date | None = None
    # A recognised voice was seen: on the account's own profile, no recap or "on this day" is
    # offered unprompted to a voice not recognised (it may be anyone in the household); on a
    # voice's profile, the account has been told.
    has_voices: bool = False
    # Wins logged on each of the last fourteen days, counted as they are logged, so a launch
    # knows from the profile alone whether last week had wins to offer (``logged_days.py``).
    logged_days: LoggedDays | None = None
    # When the newest win was stamped: a win logged within the same minute is stamped after
    # it, so the order wins are read in is the order they were logged (``logged_moments``).
    last_logged: datetime | None = None
    # The list of wins read out last (what was asked, not the words), so "delete the second
    # one" can follow a list that ended the conversation (``list_read.py``).
    last_read: ListRead | None = None
    # The win deleted last (its words, kind and time) and when, so "undo" said soon after in
    # another conversation brings it back (``gone.py``); removed when a win is logged.
    last_gone: GoneWin | None = None

    def wins_on(self, day: date) -> int:
        """How many wins were logged on ``day`` (zero when the stored day is another one)."""
        return self.today_count if self.today == day else 0


class Offer(StrEnum):
    """What the skill offers or asks unprompted, at most once a week (the recap, "on this day")
    or a day (the morning question): the profile field that says when."""

    RECAP = "recap_offered"
    ANNIVERSARY = "anniversary_offered"
    MORNING = "morning_asked"


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
    # The screen's verdict on these words, kept when they were stored (``screen_stamp.py``):
    # trusted at read time only while it still matches the words and the screen.
    screened: str | None = None
    # When it was told, for a win filed on a day its words named ("yesterday i rang the
    # bank"): ``created_at`` is then that day (at noon, or the part of it named), never a
    # time anyone saw, so "when did I log it" names the day only. None: logged as told.
    told_at: datetime | None = None


class LastHeard(NamedTuple):
    """Which win was heard last, and the stamp that put it first in the by_heard index.

    ``win`` is that win as stored, where the store reads it with the stamp; ``spent`` the first
    day of the week "on this day" was last spent, carried with the win heard last (see
    ``skill/services/anniversary.py``), so noting it costs no write of its own.
    """

    number: int
    stamp: str
    win: StoredWin | None = None
    spent: date | None = None


class Window(NamedTuple):
    """A stretch of time, from ``start`` (included) to ``end`` (excluded), both aware."""

    start: datetime
    end: datetime


def stamp(moment: datetime) -> str:
    """A fixed-width UTC timestamp, so stored times sort as strings in time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def logged_order(win: StoredWin) -> tuple[str, int]:
    """The key that sorts wins in the order they were logged (newest first: reversed): by
    their stamps, which ``logged_moments`` keeps strictly increasing within a minute, and so
    the order the ``by_time`` indexes read them in, at a page's edge too. Wins stored before
    that (several said in one breath shared a moment) fall back on their numbers."""
    return stamp(win.created_at), win.number


def logged_moments(now: datetime, last: datetime | None, count: int = 1) -> list[datetime]:
    """The stamps of ``count`` wins logged at ``now`` after a win stamped ``last``: each
    after the one before, and after ``last`` when it is of the same minute, though the clock
    says otherwise (a clock pinned to a minute, as the console's ``--at`` is, starts each run
    at its first second; two devices' clocks may be seconds apart). A clock gone back more
    than that is believed: a win is never moved to another minute."""
    first = now
    if last is not None and now <= last and stamp(now)[:_MINUTE] == stamp(last)[:_MINUTE]:
        first = last + _TICK
    return [first + _TICK * step for step in range(count)]


def filed_moments(
    now: datetime,
    last: datetime | None,
    count: int,
    filed: datetime | None = None,
    filed_each: Sequence[datetime | None] = (),
) -> list[datetime]:
    """The stamps of ``count`` wins logged together (``logged_moments``): all at ``filed``
    (or ``now``), or, given ``filed_each``, each at its own (None: ``now``), a tick apart in the
    order given, so wins told on days of their own are each on theirs."""
    if not filed_each:
        return logged_moments(filed or now, last, count)
    return [logged_moments(at or now, last, count)[step] for step, at in enumerate(filed_each)]


def told_each(
    told_at: datetime | None, count: int, filed_each: Sequence[datetime | None] = ()
) -> list[datetime | None]:
    """When each of ``count`` wins logged together was told, kept only for those filed on a
    day their words named (``StoredWin.told_at``)."""
    if not filed_each:
        return [told_at] * count
    return [told_at if at is not None else None for at in filed_each]


def newest_logged(last: datetime | None, stamped: datetime) -> datetime:
    """The profile's ``last_logged`` once a win stamped ``stamped`` is stored: a win filed on
    an earlier day ("yesterday i ...") leaves the newest stamp as it was."""
    return stamped if last is None or stamped > last else last


# The finest step a stamp shows.
_TICK: Final = timedelta(microseconds=1)


# "2026-12-07T09:00": the minute of a stamp.
_MINUTE: Final = 16


def profile_fields(profile: Profile) -> dict[str, Any]:
    """Every field of ``profile`` as a plain value: numbers, ISO dates and stamps, text."""
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
        "one_thing_done": profile.one_thing_done,
        "zone": profile.zone,
        "zone_checked_at": stamp(profile.zone_checked_at) if profile.zone_checked_at else None,
        "reminder_token": profile.reminder_token,
        "reminder_time": profile.reminder_time,
        "brief": profile.brief,
        "recap_day": profile.recap_day,
        "recap_off": profile.recap_off,
        "recap_offered": profile.recap_offered.isoformat() if profile.recap_offered else None,
        "anniversary_offered": (
            profile.anniversary_offered.isoformat() if profile.anniversary_offered else None
        ),
        "morning_asked": profile.morning_asked.isoformat() if profile.morning_asked else None,
        "has_voices": profile.has_voices,
        "logged_days": profile.logged_days.plain() if profile.logged_days else None,
        "last_logged": stamp(profile.last_logged) if profile.last_logged else None,
        "last_read": profile.last_read.plain() if profile.last_read else None,
        "last_read_wins": profile.last_read.wins if profile.last_read else None,
        "last_gone": profile.last_gone.plain() if profile.last_gone else None,
    }


def profile_of(fields: Mapping[str, Any]) -> Profile:
    """A profile from ``profile_fields``' plain values; a missing or unknown one is the default.

    Lenient on purpose: it reads what a store wrote, never input from outside.
    """
    phrase = fields.get("last_phrase")
    return Profile(
        win_count=int(fields.get("win_count") or 0),
        style=next(
            (known for known in Style if known.value == fields.get("style")), Style.CHEERFUL
        ),
        today=_day(fields.get("today")),
        today_count=int(fields.get("today_count") or 0),
        last_phrase=None if phrase is None else int(phrase),
        goal=fields.get("goal"),
        goal_number=int(fields.get("goal_number") or 0),
        one_thing=fields.get("one_thing"),
        one_thing_day=_day(fields.get("one_thing_day")),
        one_thing_done=bool(fields.get("one_thing_done")),
        zone=fields.get("zone"),
        zone_checked_at=_moment(fields.get("zone_checked_at")),
        reminder_token=fields.get("reminder_token"),
        reminder_time=fields.get("reminder_time"),
        brief=bool(fields.get("brief")),
        recap_day=int(fields.get("recap_day") or 0) % 7,
        recap_off=bool(fields.get("recap_off")),
        recap_offered=_day(fields.get("recap_offered")),
        anniversary_offered=_day(fields.get("anniversary_offered")),
        morning_asked=_day(fields.get("morning_asked")),
        has_voices=bool(fields.get("has_voices")),
        logged_days=_logged_days(fields.get("logged_days")),
        last_logged=_moment(fields.get("last_logged")),
        last_read=_last_read(fields.get("last_read"), fields.get("last_read_wins")),
        last_gone=_last_gone(fields.get("last_gone")),
    )


def win_of(
    number: Any,
    text: str,
    created_at: str,
    kind: str | None,
    screened: str | None = None,
    told_at: str | None = None,
) -> StoredWin:
    """A win from its stored values; an unknown kind is a win said in the person's words."""
    return StoredWin(
        number=int(number),
        text=text,
        created_at=datetime.fromisoformat(created_at),
        kind=next((known for known in WinKind if known.value == kind), WinKind.SAID),
        screened=screened,
        told_at=datetime.fromisoformat(told_at) if told_at else None,
    )


def _style(value: Any) -> Style:
    return next((known for known in Style if known.value == value), Style.CHEERFUL)


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _logged_days(value: Any) -> LoggedDays | None:
    """The kept count, or None when there is none or it cannot be read (counted again)."""
    if not value or not isinstance(value, str):
        return None
    try:
        return LoggedDays.of(value)
    except ValueError:
        return None


def _last_read(value: Any, wins: Any) -> ListRead | None:
    """The list kept, with the win count it was read at (kept beside it: the read of the
    profile writes it), or None when there is none or it cannot be read (none to act on)."""
    if not value or not isinstance(value, str) or not isinstance(wins, int) or wins < 0:
        return None
    try:
        return ListRead.of(value)._replace(wins=wins)
    except ValueError:
        return None


def _last_gone(value: Any) -> GoneWin | None:
    """The win deleted last, or None when there is none or it cannot be read (none to undo)."""
    if not value or not isinstance(value, str):
        return None
    try:
        return GoneWin.of(value)
    except ValueError:
        return None


def _moment(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
