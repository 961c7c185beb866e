"""The day a person logged the most wins on: "which day did I log the most", "what was my
best day this week", "what's my record".

A span's best day is counted from its wins (this week when none is named): two storage calls,
the profile and that span's wins. "Ever" is the best day the profile keeps as wins are logged
(``logged_days.py``): one call, however many wins there are. Said literally, as the most;
never a least, and a span with none is no failure.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import NamedTuple

from skill.domain.list_read import THIS_MONTH, THIS_WEEK, SpanAsk
from skill.domain.local_time import local_day
from skill.domain.spans import Span
from skill.services.recall import Ahead, NotADate, NoWinsYet, SpanWins, busiest, span_wins
from skill.storage.interface import WinStore
from skill.storage.records import Person
from skill.zones import ZoneLookup, resolve_zone

# The spans a ``WinSpan`` slot names, as a best day reads them ("today" is a day of its own).
_SPANS = {"week": THIS_WEEK, "month": THIS_MONTH, "today": SpanAsk.of_date("PRESENT_REF")}
EVER = "all"


class BestDay(NamedTuple):
    """The day or days (tied, newest first) with the most wins, ``wins`` each; ``span`` None
    for every day kept, which ``since`` says begins on a day when not at the first win."""

    span: Span | None
    today: date
    days: tuple[date, ...]
    wins: int
    since: date | None = None
    brief: bool = False


class NoneIn(NamedTuple):
    """The span holds no wins (yet)."""

    span: Span
    today: date


class NotKept:
    """No best day is kept yet for "ever" (wins from before it was kept, all of them since
    deleted): the span asked for is not passed off as another."""

    __slots__ = ()


BestOutcome = BestDay | NoneIn | Ahead | NotADate | NoWinsYet | NotKept


class BestDays:
    """The day with the most wins, over a store and a clock."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def best(
        self, person: Person, value: str | None, span: str | None, zone_lookup: ZoneLookup | None
    ) -> BestOutcome:
        """The best day of the span an AMAZON.DATE ``value`` names, else of the ``WinSpan``
        id ``span``, else of this week."""
        if not value and span == EVER:
            return self._ever(person, zone_lookup)
        ask = SpanAsk.of_date(value) if value else _SPANS.get(span or "", THIS_WEEK)
        read = span_wins(self._store, self._clock(), person, None, zone_lookup, ask)
        if not isinstance(read, SpanWins):
            return read
        return most_of(read)

    def _ever(self, person: Person, zone_lookup: ZoneLookup | None) -> BestOutcome:
        now = self._clock()
        profile = self._store.load_profile(person)
        if profile.win_count == 0:
            return NoWinsYet()
        kept = profile.logged_days
        if kept is None or kept.best is None:
            return NotKept()
        today = local_day(now, resolve_zone(profile, now, zone_lookup).name)
        best = kept.best
        return BestDay(None, today, (best.day,), best.wins, kept.best_from, profile.brief)


def most_of(read: SpanWins) -> BestDay | NoneIn:
    """The days of ``read`` with the most wins; a win filed on an estimated day ("the other
    day") is no day's."""
    tied, most = busiest(read.wins, read.zone)
    if not tied:
        return NoneIn(read.span, read.today)
    return BestDay(read.span, read.today, tied, most, brief=read.brief)
