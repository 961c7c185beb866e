"""On this day: a heard win logged a year or a month ago today, said to be one ("A year ago
today, you ..."), at most once a week, drawn from the injected random source.

Offered unprompted, so never to a voice that is not recognised on an account with recognised
voices (it may be anyone in the household), and never for a recovery step or a win the
screen is unsure of.
"""

from datetime import date
from random import Random
from typing import Final

from skill.domain.local_time import local_day
from skill.domain.phrasing import WinKind
from skill.domain.recap import anniversary_of, week_start
from skill.domain.screen import Kind, screen
from skill.storage.interface import WinStore
from skill.storage.records import Offer, Person, Profile, StoredWin

# How often a heard win that lands on an anniversary is said to be one, at most once a week.
ANNIVERSARY_CHANCE: Final = 0.5


def offers_unprompted(profile: Profile, *, recognised: bool) -> bool:
    """Whether the skill may offer a recap or "on this day" unprompted: never to an
    unrecognised voice of an account that has recognised voices."""
    return recognised or not profile.has_voices


def anniversary(
    store: WinStore,
    person: Person,
    profile: Profile,
    win: StoredWin,
    when: tuple[date, str | None],
    rng: Random,
    recognised: bool,
) -> str | None:
    """ "year" or "month" when a heard win is worth saying was logged a year or a month ago
    today, and the offer is noted; None otherwise.

    At most once a week, drawn from ``rng``, never to an unrecognised voice on an account with
    recognised voices, and never for a recovery step or a win the screen is unsure of.
    """
    today, zone_name = when
    if not offers_unprompted(profile, recognised=recognised):
        return None
    week = week_start(today)
    if profile.anniversary_offered is not None and profile.anniversary_offered >= week:
        return None
    which = anniversary_of(local_day(win.created_at, zone_name), today)
    if which is None or win.kind is not WinKind.SAID:
        return None
    verdict = screen(win.text)
    if verdict.kind is not Kind.WIN or verdict.support or not verdict.certain:
        return None
    if rng.random() >= ANNIVERSARY_CHANCE:
        return None
    store.note_offer(person, Offer.ANNIVERSARY, week)
    return which
