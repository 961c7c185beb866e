"""How many wins a person has: today, this week (since Monday), this month and ever, on their
own calendar. Stored words that no longer screen as a win are not counted in a span."""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import NamedTuple

from skill.domain.local_time import local_day
from skill.domain.spans import Span, SpanKind, midnight, monday_of
from skill.services.recall import READ_LIMIT, Ahead, NotADate, NoWinsYet, SpanWins, span_wins
from skill.services.wins import readable_stored
from skill.storage.interface import WinStore
from skill.storage.records import Person, Profile, Window
from skill.zones import ZoneLookup, resolve_zone


class Tally(NamedTuple):
    """Wins since local midnight, since this calendar week's Monday (today included), ever,
    and since the first of this local month."""

    today: int
    week: int
    total: int
    month: int = 0
    brief: bool = False  # the person asked for no follow-up questions


class SpanTally(NamedTuple):
    """How many wins one span the person named holds ("how many did I get on Tuesday")."""

    span: Span
    today: date
    wins: int
    brief: bool = False
    # This year asked for with none yet: how many last year held ("Last year, you logged 48").
    year_before: int | None = None


SpanCount = SpanTally | Ahead | NotADate | NoWinsYet


class Tallies:
    """Counts of a person's wins, over a store and a clock."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def on(self, person: Person, value: str | None, zone_lookup: ZoneLookup | None) -> SpanCount:
        """How many wins the span an AMAZON.DATE ``value`` names holds: two storage calls."""
        return count_span(self._store, self._clock, person, value, zone_lookup)

    def tally(self, person: Person, zone_lookup: ZoneLookup | None) -> Tally:
        """The counts in the person's time zone (cached, else Alexa's, else UTC): the profile
        and the wins since the earlier of this week's Monday and the first of the month, read
        once."""
        now = self._clock()
        days: dict[str, date] = {}
        zones: dict[str, str | None] = {}

        def window(profile: Profile) -> Window | None:
            zone_name = resolve_zone(profile, now, zone_lookup).name
            zones["zone"] = zone_name
            today = local_day(now, zone_name)
            days.update(
                today=today,
                week=monday_of(today),
                month=today.replace(day=1),
            )
            first = min(days["week"], days["month"])
            return Window(midnight(first, zone_name), midnight(today + timedelta(1), zone_name))

        profile, stored = self._store.wins_within(person, window, READ_LIMIT)
        if profile.win_count == 0:
            return Tally(0, 0, 0, brief=profile.brief)
        # The wins' days, on the calendar where the person is now.
        zone_name = zones.get("zone")
        logged = [local_day(win.created_at, zone_name) for win in stored if readable_stored(win)]
        today, week, month = days["today"], days["week"], days["month"]
        return Tally(
            today=sum(day >= today for day in logged),
            week=min(sum(day >= week for day in logged), profile.win_count),
            total=profile.win_count,
            month=sum(day >= month for day in logged),
            brief=profile.brief,
        )


def count_span(
    store: WinStore,
    clock: Callable[[], datetime],
    person: Person,
    value: str | None,
    zone_lookup: ZoneLookup | None,
) -> SpanCount:
    """The wins of the span an AMAZON.DATE ``value`` names (yesterday, Tuesday, the 3rd, last
    week), counted with the read-time filter recall uses: the profile and that span's wins,
    two storage calls."""
    read = span_wins(store, clock(), person, value, zone_lookup, year_before=True)
    if not isinstance(read, SpanWins):
        return read
    # This year's question reads last year's wins too (newest first, so this year's come
    # first): with none this year, last year's count is said instead of nothing.
    within = [win for win in read.wins if local_day(win.created_at, read.zone) >= read.span.first]
    before = len(read.wins) - len(within)
    year_before = before if not within and read.span.kind is SpanKind.YEAR and before else None
    return SpanTally(read.span, read.today, len(within), read.brief, year_before)
