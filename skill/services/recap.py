"""The weekly recap and "on this day": what a launch offers, and the recap's settings.

A launch reads the profile (one GetItem). Logging keeps a count of the wins of the last
fourteen days in the profile (``logged_days.py``), so whether last week had wins, and how
many, is known from it: offering the recap is one more write, once a week, and the week is
read only when the person says yes. When the count does not cover the week (it was started
after the week began, wins were imported, the time zone changed), the launch reads the wins
from the week's first day to today in a Query, and keeps their count in the write that notes
the offer (or alone, when there is none to make): three calls, once, then one again. A week
with no wins is never mentioned. Nothing is offered unprompted to a voice that is not
recognised on an account that has recognised voices: it may be anyone in the household.
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Final, NamedTuple

from skill.domain.local_time import is_morning, local_day
from skill.domain.logged_days import KEPT_DAYS, Week, counted_from
from skill.domain.recap import recap_due, week_start
from skill.domain.screen_stamp import screen_version
from skill.domain.spans import Span, SpanKind, instants
from skill.services.anniversary import offers_unprompted
from skill.services.routines import LaunchState, asks_the_morning_question
from skill.services.wins import readable_stored
from skill.storage.interface import WinStore
from skill.storage.records import Offer, Person, Profile, StoredWin, Window
from skill.zones import ZoneLookup, resolve_zone

# The most wins a launch reads to count a week: more than anyone logs in one.
_WEEK_LIMIT: Final = 1000
# The most wins counted for one person's fortnight ahead of time; more are left to the launch.
_FORTNIGHT_LIMIT: Final = 2 * _WEEK_LIMIT


class RecapOffer(NamedTuple):
    """ "You logged 6 wins last week. Want to hear your week?" ``exact`` is False when the
    number may not be what a yes reads (the screen changed since they were counted): the
    offer then names no number."""

    span: Span
    wins: int
    exact: bool = True


class Launch(NamedTuple):
    state: LaunchState
    recap: RecapOffer | None = None
    today: date | None = None  # the person's calendar day, when the profile was read


def _counted(profile: Profile, span: Span, zone_name: str | None) -> Week | None:
    """The wins logged within ``span`` as the profile counted them; None when its count does
    not cover the span (the week is read instead)."""
    if profile.logged_days is None:
        return None
    return profile.logged_days.week(
        span.first, span.last, wins=profile.win_count, zone=zone_name, screen=screen_version
    )


class Recaps:
    """The weekly recap over a store and a clock."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def launch(self, person: Person, zone_lookup: ZoneLookup | None, *, recognised: bool) -> Launch:
        """What a plain launch says: the greeting's state, and the recap if one is due.

        One GetItem; offering the recap costs one write, once a week, and asking the morning
        question one write, once a day (it waits behind the recap's offer: ``note_morning``).
        A Query only when the profile's count of logged days does not cover the week (its
        write keeps the morning question's day too); a recognised voice heard for the first
        time marks its account, once.
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
            counted = _counted(profile, due, zone_name)
            if counted is not None:
                seen["counted"] = counted
                return None
            # The count does not cover the week: read it, and on to today, to count again.
            return Window(*instants(due._replace(last=today), zone_name))

        profile, stored = self._store.wins_within(person, window, _WEEK_LIMIT)
        zone_name = seen.get("zone")
        today = seen.get("today")
        assert isinstance(today, date)
        zone = zone_name if isinstance(zone_name, str) else None
        state = LaunchState(
            returning=profile.win_count > 0,
            morning_prompt=is_morning(now, zone) and asks_the_morning_question(profile, today),
            brief=profile.brief,
            today=profile.wins_on(today),
        )
        if recognised and person.recognised and not profile.has_voices:
            self._store.note_voices(person)
        span = seen.get("span")
        if not isinstance(span, Span):
            return self._asking(person, Launch(state, today=today), today)
        counted = seen.get("counted")
        week = week_start(today, profile.recap_day)
        if isinstance(counted, Week):
            if not counted.wins:  # a week with no wins is never mentioned
                return self._asking(person, Launch(state, today=today), today)
            self._store.note_offer(person, Offer.RECAP, week)
            return Launch(state, RecapOffer(span, counted.wins, counted.exact), today)
        morning = today if state.morning_prompt else None
        count = self._count_again(person, profile, stored, span, (today, zone), week, morning)
        if not count:
            return Launch(state, today=today)
        return Launch(state, RecapOffer(span, count), today)

    def _asking(self, person: Person, launch: Launch, today: date) -> Launch:
        """A launch that asks the morning question keeps the day it was asked (one write)."""
        if launch.state.morning_prompt:
            self.note_morning(person, today)
        return launch

    def note_morning(self, person: Person, today: date) -> None:
        """The morning question was asked on ``today``: not again that day, on any device."""
        self._store.note_offer(person, Offer.MORNING, today)

    def _count_again(
        self,
        person: Person,
        profile: Profile,
        stored: list[StoredWin],
        span: Span,
        when: tuple[date, str | None],
        week: date,
        morning: date | None,
    ) -> int:
        """The recap week's wins, counted from the wins read from its first day to today; the
        profile keeps the count from now on, and the offer if there are any, in one write
        (with no offer, the morning question is asked: ``morning``, its day, rides along)."""
        today, zone_name = when
        days = [local_day(win.created_at, zone_name) for win in stored if readable_stored(win)]
        count = sum(1 for day in days if span.first <= day <= span.last)
        offered = week if count else None
        if len(stored) < _WEEK_LIMIT:
            counted = counted_from(
                days,
                span.first,
                today,
                wins=profile.win_count,
                zone=zone_name,
                screen=screen_version(),
            ).with_record(profile.logged_days)
            asking = morning if offered is None else None
            if self._store.note_week(person, counted, recap_offered=offered, morning_asked=asking):
                return count
        if offered is not None:  # wins logged meanwhile: the count starts again when logging
            self._store.note_offer(person, Offer.RECAP, offered)
        elif morning is not None:
            self.note_morning(person, morning)
        return count

    def set_day(self, person: Person, day: int) -> None:
        """ "Do my recap on Sundays": the day, and the recap on."""
        self._store.set_recap(person, day=day, off=False)

    def turn(self, person: Person, *, on: bool) -> None:
        self._store.set_recap(person, off=not on)


class Backfilled(NamedTuple):
    """What counting everyone's fortnight ahead of time did: profiles given their count, those
    that needed none (no wins, or counted already), and those whose wins changed meanwhile
    or were too many (their first launch counts them)."""

    counted: int
    needed_none: int
    left: int


def count_fortnight(store: WinStore, person: Person, now: datetime) -> bool | None:
    """Keep in the profile how many wins the person logged on each of their last fourteen
    days, read from the wins themselves, as logging would have kept it: their first launch
    after this reads the profile alone. For wins logged before the count was kept
    (``wins migrate-table``). None when there is nothing to count (no wins, or the count
    covers the fortnight already); otherwise whether it was kept (not when wins were logged
    or deleted meanwhile, or too many to count here). Three calls: the profile, the
    fortnight's wins, one conditional write."""
    seen: dict[str, object] = {}

    def window(profile: Profile) -> Window | None:
        zone_name = resolve_zone(profile, now, None).name
        today = local_day(now, zone_name)
        first = today - timedelta(days=KEPT_DAYS - 1)
        seen.update(zone=zone_name, today=today, first=first)
        kept = profile.logged_days
        covered = kept is not None and kept.week(
            first, today, wins=profile.win_count, zone=zone_name, screen=screen_version()
        )
        if profile.win_count == 0 or covered:
            return None
        seen["due"] = True
        return Window(*instants(Span(SpanKind.SEVEN_DAYS, first, today), zone_name))

    profile, stored = store.wins_within(person, window, _FORTNIGHT_LIMIT)
    first, today, zone_name = seen.get("first"), seen.get("today"), seen.get("zone")
    if not seen.get("due") or not isinstance(first, date) or not isinstance(today, date):
        return None  # no wins, or counted already
    if len(stored) >= _FORTNIGHT_LIMIT:
        return False
    zone = zone_name if isinstance(zone_name, str) else None
    days = [local_day(win.created_at, zone) for win in stored if readable_stored(win)]
    counted = counted_from(
        days, first, today, wins=profile.win_count, zone=zone, screen=screen_version()
    ).with_record(profile.logged_days)
    return store.note_week(person, counted)


def count_fortnights(store: WinStore, people: Iterable[Person], now: datetime) -> Backfilled:
    """``count_fortnight`` for each of ``people``."""
    counted = needed_none = left = 0
    for person in people:
        done = count_fortnight(store, person, now)
        if done is None:
            needed_none += 1
        elif done:
            counted += 1
        else:
            left += 1
    return Backfilled(counted, needed_none, left)
