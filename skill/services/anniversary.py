"""On this day: a heard win logged a year or a month ago today, said to be one ("A year ago
today, you ..."), at most once a week, drawn from the injected random source.

The week's chance is spent the first time that week a heard win lands on its anniversary,
whether the coin then says it or not: so whether it was spent follows from the win heard and
the day it was heard, and no write of its own is needed. The week it was last spent rides
with the win heard last (``mark_heard``'s ``spent``), which the next hearing reads anyway: a
heard win stays two DynamoDB calls, "on this day" included.

Offered unprompted, so never to a voice that is not recognised on an account with recognised
voices (it may be anyone in the household), and never for a recovery step or a win the
screen is unsure of.
"""

from datetime import UTC, date, datetime
from random import Random
from typing import Final

from skill.domain.local_time import local_day
from skill.domain.phrasing import WinKind
from skill.domain.recap import anniversary_of, week_start
from skill.domain.screen import Kind, screen
from skill.storage.records import LastHeard, Profile, StoredWin, stamp

# How often a heard win that lands on an anniversary is said to be one, at most once a week.
ANNIVERSARY_CHANCE: Final = 0.5


def offers_unprompted(profile: Profile, *, recognised: bool) -> bool:
    """Whether the skill may offer a recap or "on this day" unprompted: never to an
    unrecognised voice of an account that has recognised voices."""
    return recognised or not profile.has_voices


def lands_on_anniversary(win: StoredWin, day: date, zone_name: str | None) -> str | None:
    """ "year" or "month" when ``win``, heard on ``day``, was logged a year or a month before
    and is worth saying so: said in the person's words, a win the screen is sure of and that
    is no recovery step. None otherwise."""
    which = anniversary_of(local_day(win.created_at, zone_name), day)
    if which is None or win.kind is not WinKind.SAID:
        return None
    verdict = screen(win.text)
    if verdict.kind is not Kind.WIN or verdict.support or not verdict.certain:
        return None
    return which


def spent_week(profile: Profile, last: LastHeard | None, zone_name: str | None) -> date | None:
    """The first day of the latest week "on this day" was spent: as kept, as carried by the
    win heard last, or that win's own week if it landed on its anniversary."""
    weeks = [profile.anniversary_offered, last.spent if last else None]
    if last is not None and last.win is not None:
        heard_day = local_day(_moment(last.stamp), zone_name)
        if lands_on_anniversary(last.win, heard_day, zone_name):
            weeks.append(week_start(heard_day))
    return max((week for week in weeks if week is not None), default=None)


def anniversary(
    profile: Profile,
    spent: date | None,
    win: StoredWin,
    when: tuple[date, str | None],
    rng: Random,
    recognised: bool,
) -> str | None:
    """ "year" or "month" when a heard win is said to be from a year or a month ago today;
    None otherwise. ``spent`` is ``spent_week``'s answer, from before this win was heard.

    At most once a week, drawn from ``rng``, never to an unrecognised voice on an account with
    recognised voices, and never for a recovery step or a win the screen is unsure of.
    """
    today, zone_name = when
    if not offers_unprompted(profile, recognised=recognised):
        return None
    if spent is not None and spent >= week_start(today):
        return None
    which = lands_on_anniversary(win, today, zone_name)
    if which is None or rng.random() >= ANNIVERSARY_CHANCE:
        return None
    return which


def _moment(heard: str) -> datetime:
    """When a heard stamp was made (a stamp made after another may carry a tail: see
    ``mark_heard``)."""
    return datetime.fromisoformat(heard[: len(stamp(_EPOCH))])


_EPOCH: Final = datetime(2000, 1, 1, tzinfo=UTC)
