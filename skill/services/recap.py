"""The weekly recap and "on this day": what a launch offers, and the recap's settings.

A launch reads the profile and, when a recap is due, the week's wins in the same two storage
calls (``wins_within``); offering it is remembered with one more write, once a week. A week
with no wins is never mentioned. Nothing is offered unprompted to a voice that is not
recognised on an account that has recognised voices: it may be anyone in the household.
"""

from collections.abc import Callable
from datetime import date, datetime
from random import Random
from typing import Final, NamedTuple

from skill.domain.local_time import is_morning, local_day
from skill.domain.phrasing import WinKind
from skill.domain.recap import anniversary_of, recap_due, recap_span, week_start
from skill.domain.screen import Kind, screen
from skill.domain.spans import Span, instants
from skill.services.routines import LaunchState
from skill.services.wins import readable
from skill.storage.interface import WinStore
from skill.storage.records import Offer, Person, Profile, StoredWin, Window
from skill.zones import ZoneLookup, resolve_zone

# The most wins a launch reads to count a week: more than anyone logs in one.
_WEEK_LIMIT: Final = 1000
# How often a heard win that lands on an anniversary is said to be one, at most once a week.
ANNIVERSARY_CHANCE: Final = 0.5


class RecapOffer(NamedTuple):
    """ "You logged 6 wins last week. Want to hear your week?" """

    span: Span
    wins: int


class Launch(NamedTuple):
    state: LaunchState
    recap: RecapOffer | None = None


def recap_week(profile: Profile, today: date) -> Span:
    """The week a recap tells, on the person's recap day."""
    return recap_span(today, profile.recap_day)


def offers_unprompted(profile: Profile, *, recognised: bool) -> bool:
    """Whether the skill may offer a recap or "on this day" unprompted: never to an
    unrecognised voice of an account that has recognised voices."""
    return recognised or not profile.has_voices


class Recaps:
    """The weekly recap over a store and a clock."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def launch(self, person: Person, zone_lookup: ZoneLookup | None, *, recognised: bool) -> Launch:
        """What a plain launch says: the greeting's state, and the recap if one is due.

        One GetItem, plus one Query when a recap is due; offering it costs one write, once a
        week; a recognised voice heard for the first time marks its account, once.
        """
        now = self._clock()
        seen: dict[str, object] = {}

        def window(profile: Profile) -> Window | None:
            zone_name = resolve_zone(profile, now, zone_lookup).name
            today = local_day(now, zone_name)
            seen.update(zone=zone_name, today=today)
            if profile.win_count == 0 or not offers_unprompted(profile, recognised=recognised):
                return None
            due = recap_due(today, profile.recap_day, profile.recap_offered, off=profile.recap_off)
            if due is None:
                return None
            seen["span"] = due
            return Window(*instants(due, zone_name))

        profile, stored = self._store.wins_within(person, window, _WEEK_LIMIT)
        zone_name = seen.get("zone")
        today = seen.get("today")
        assert isinstance(today, date)
        zone = zone_name if isinstance(zone_name, str) else None
        state = LaunchState(
            returning=profile.win_count > 0,
            morning_prompt=is_morning(now, zone) and profile.one_thing_day != today,
            brief=profile.brief,
        )
        voice = person.key != Person.of_account(person.account).key
        if recognised and voice and not profile.has_voices:
            self._store.note_voices(person)
        span = seen.get("span")
        if not isinstance(span, Span):
            return Launch(state)
        count = sum(1 for win in stored if readable(win.text, win.kind))
        if not count:  # a week with no wins is never mentioned
            return Launch(state)
        self._store.note_offer(person, Offer.RECAP, week_start(today, profile.recap_day))
        return Launch(state, RecapOffer(span, count))

    def set_day(self, person: Person, day: int) -> None:
        """ "Do my recap on Sundays": the day, and the recap on."""
        self._store.set_recap(person, day=day, off=False)

    def turn(self, person: Person, *, on: bool) -> None:
        self._store.set_recap(person, off=not on)


def anniversary(
    store: WinStore,
    person: Person,
    profile: Profile,
    win: StoredWin,
    today: date,
    rng: Random,
    *,
    recognised: bool,
) -> str | None:
    """ "year" or "month" when a heard win is worth saying was logged a year or a month ago
    today, and the offer is noted; None otherwise.

    At most once a week, drawn from ``rng``, never to an unrecognised voice on an account with
    recognised voices, and never for a recovery step or a win the screen is unsure of.
    """
    if not offers_unprompted(profile, recognised=recognised):
        return None
    week = week_start(today)
    if profile.anniversary_offered is not None and profile.anniversary_offered >= week:
        return None
    which = anniversary_of(local_day(win.created_at, profile.zone), today)
    if which is None or win.kind is not WinKind.SAID:
        return None
    verdict = screen(win.text)
    if verdict.kind is not Kind.WIN or verdict.support or not verdict.certain:
        return None
    if rng.random() >= ANNIVERSARY_CHANCE:
        return None
    store.note_offer(person, Offer.ANNIVERSARY, week)
    return which
