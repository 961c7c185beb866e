"""Reading back the wins of one span of the person's calendar: "what did I do yesterday",
"read me my wins from this week", "what did I log in November".

The span is the person's own (their time zone: cached, else Alexa's, else UTC). Its wins are
read newest first, a few at a time; stored words that no longer screen as a win are neither
read nor counted. A span with nothing in it is said to be empty, never filled from another
day.
"""

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from typing import Final, NamedTuple

from skill.domain.choice import Style
from skill.domain.list_read import ListRead, SpanAsk
from skill.domain.local_time import local_day, local_now
from skill.domain.phrasing import Win, win_from_words
from skill.domain.spans import DAY_PARTS, Span, SpanKind, instants, not_begun
from skill.domain.when_done import DAY_ONLY, vague_time
from skill.services.wins import readable_stored
from skill.storage.interface import WinStore
from skill.storage.records import Person, Profile, StoredWin, Window
from skill.zones import ZoneLookup, resolve_zone

# Wins read out in one turn; "Want the rest?" reads the next ones.
PAGE: Final = 5
# The most wins one span's answer reads from the store: a month of a very busy person.
READ_LIMIT: Final = 1000


class RecalledWin(NamedTuple):
    """A win read back, and the person's calendar day it was logged on."""

    win: Win
    day: date
    number: int = 0  # its number, for "delete the second one"
    # Filed on a day estimated from words that name none ("a few days ago"): never said as
    # that day's (``when_done.vague_time``).
    around: bool = False


class Recalled(NamedTuple):
    """Some of a span's wins, newest first: ``wins`` follow the ``before`` already read out."""

    span: Span
    today: date
    wins: tuple[RecalledWin, ...]
    before: int
    total: int
    brief: bool = False  # the person asked for no follow-up questions
    win_count: int = 0  # the wins the person had when these were read (numbered 1 to it)
    # A recap's shape: the day or days (newest first) with the most wins and how many each
    # has, asked for with ``shape``; none otherwise
    busiest: tuple[tuple[date, ...], int] = ((), 0)
    calm: bool = False  # the person chose the calm style

    @property
    def left(self) -> int:
        """How many are still to be read after these."""
        return self.total - self.before - len(self.wins)


class NothingThen(NamedTuple):
    """The span holds no wins; ``others`` says the person has wins on other days."""

    span: Span
    today: date
    others: bool


class Ahead(NamedTuple):
    """The span has not begun yet ("next week"): nothing can have been logged in it."""

    span: Span
    today: date


class NotADate:
    """No span this skill can read was named (a decade, a season, nothing)."""

    __slots__ = ()


class NoWinsYet:
    """The person has no wins at all yet."""

    __slots__ = ()


RecallOutcome = Recalled | NothingThen | Ahead | NotADate | NoWinsYet


class Recall:
    """A span's wins, over a store and a clock."""

    def __init__(self, store: WinStore, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    def recall(
        self,
        person: Person,
        value: str | None,
        zone_lookup: ZoneLookup | None,
        *,
        span: Span | SpanAsk | None = None,
        before: int = 0,
        shown: int = PAGE,
        shape: bool = False,
    ) -> RecallOutcome:
        """The wins of the span an AMAZON.DATE ``value`` names (or of ``span``, when going on
        with one already read from, or as asked for otherwise, as the weekly recap's week
        is), from the ``before``-th newest: two storage calls. The profile keeps what was
        read (``shown`` wins at most) in the call that reads it, so "delete the second one"
        can follow after the conversation ends (``list_read.py``). ``shape``: the busiest
        day too, as a recap begins with it."""
        now = self._clock()
        if isinstance(span, Span):
            span = SpanAsk.of_span(span)
        ask = span or SpanAsk.of_date(value)
        # kept whole: after "the rest", "the sixth one" and "the second one" are of all read
        noted = ListRead(ask, 0, max(before, 0) + shown, now)
        read = span_wins(self._store, now, person, None, zone_lookup, ask, noted=noted)
        if not isinstance(read, SpanWins):
            return read
        chosen, today, wins = read.span, read.today, read.wins
        if not wins:  # only the page read out is put into words
            return NothingThen(chosen, today, others=True)
        before = min(max(before, 0), len(wins))
        page = tuple(_win(win, read.zone) for win in wins[before : before + PAGE])
        return Recalled(
            chosen,
            today,
            page,
            before,
            len(wins),
            brief=read.brief,
            win_count=read.win_count,
            busiest=busiest(wins, read.zone) if shape else ((), 0),
            calm=read.calm,
        )


def busiest(wins: list[StoredWin], zone_name: str | None) -> tuple[tuple[date, ...], int]:
    """The day or days (newest first) with the most of ``wins``, and how many each has; a
    win filed on an estimated day ("the other day") is no day's."""
    days = Counter(
        local_day(win.created_at, zone_name) for win in wins if vague_time(win.text) is None
    )
    if not days:
        return (), 0
    most = max(days.values())
    tied = tuple(sorted((day for day, count in days.items() if count == most), reverse=True))
    return tied, most


class SpanWins(NamedTuple):
    """A span's wins as stored, newest first, less those that no longer read as wins."""

    span: Span
    today: date
    wins: list[StoredWin]
    zone: str | None
    brief: bool
    win_count: int = 0  # the person's wins in all, when read
    calm: bool = False


def span_wins(
    store: WinStore,
    now: datetime,
    person: Person,
    value: str | None,
    zone_lookup: ZoneLookup | None,
    ask: SpanAsk | None = None,
    *,
    noted: ListRead | None = None,
    year_before: bool = False,
) -> SpanWins | Ahead | NotADate | NoWinsYet:
    """The wins of the span an AMAZON.DATE ``value`` names (or as ``ask`` asks), read in two
    storage calls: the profile (keeping ``noted`` as the list read, if given), then the span
    on the person's calendar. Each is held to the screen (through its stamp while that
    still matches), so none that no longer reads as a win is counted or read out."""
    asked: dict[str, Span | date | None] = {}
    zones: dict[str, str | None] = {}
    ask = ask or SpanAsk.of_date(value)

    def window(profile: Profile) -> Window | None:
        zone_name = resolve_zone(profile, now, zone_lookup).name
        today = local_day(now, zone_name)
        chosen = ask.span(
            today,
            profile.recap_day,
            local_now(now, zone_name).hour,
            logged_today=profile.wins_on(today) > 0,
        )
        asked.update(span=chosen, today=today)
        zones["zone"] = zone_name
        if chosen is not None and not_begun(chosen, now, zone_name):
            asked["begun"] = None  # "this afternoon", asked in the morning: still to come
        if chosen is None or "begun" in asked or chosen.ahead(today) or profile.win_count == 0:
            return None
        if year_before and chosen.kind is SpanKind.YEAR and chosen.first.year == today.year:
            # "how many this year", said early in January: last year's too, in the same read
            chosen = chosen._replace(first=chosen.first.replace(year=today.year - 1))
        return Window(*instants(chosen, zone_name))

    profile, stored = store.wins_within(person, window, READ_LIMIT, read=noted)
    chosen, today = asked.get("span"), asked.get("today")
    assert isinstance(today, date)
    if profile.win_count == 0:
        return NoWinsYet()
    if not isinstance(chosen, Span):
        return NotADate()
    if chosen.ahead(today) or "begun" in asked:
        return Ahead(chosen, today)
    zone_name = zones.get("zone")
    wins = [win for win in stored if readable_stored(win) and _read_in(chosen, win, zone_name)]
    calm = profile.style is Style.CALM
    return SpanWins(chosen, today, wins, zone_name, profile.brief, profile.win_count, calm)


def _win(stored: StoredWin, zone_name: str | None) -> RecalledWin:
    words = win_from_words(stored.text, stored.kind)
    day = local_day(stored.created_at, zone_name)
    return RecalledWin(words, day, stored.number, around=vague_time(stored.text) is not None)


def _read_in(span: Span, win: StoredWin, zone_name: str | None) -> bool:
    """Whether ``win`` is read as one of ``span``'s: a win filed on a day estimated from
    words that name none ("the other day") never is a day's or a night's, only a longer
    span's ("this week"), where it is said as the estimate it is. A part of a day ("this
    morning") holds the wins told in it, and those told later whose words named it ("this
    morning i went for a run"); never a win filed on a day said with no time of it
    ("yesterday i rang the bank" is filed at noon, a time no one saw)."""
    if span.kind in DAY_PARTS:
        return win.told_at is None or _part_named(win, zone_name)
    return span.kind not in (SpanKind.DAY, SpanKind.NIGHT) or vague_time(win.text) is None


def _part_named(win: StoredWin, zone_name: str | None) -> bool:
    """Whether a win filed on a day its words named was filed at a time of day they named
    too ("yesterday evening"), not at the day's noon (``when_done.DAY_ONLY``)."""
    return vague_time(win.text) is None and local_now(win.created_at, zone_name).time() != DAY_ONLY


def read_again(
    store: WinStore, now: datetime, person: Person, zone_lookup: ZoneLookup | None
) -> tuple[Profile, list[StoredWin]]:
    """The profile, and the wins of the list it keeps as read last (``last_read``), in the
    order read, while it can still be acted on: the same span read again, less the wins
    logged since (numbered above the count it was read at). None of them when no list is
    kept, or it is older than ``KEPT_FOR``. Two storage calls; one when there is no list."""
    found: dict[str, ListRead | Span] = {}

    def window(profile: Profile) -> Window | None:
        read = profile.last_read
        if read is None or not read.fresh(now) or profile.win_count == 0:
            return None
        zone_name = resolve_zone(profile, read.at, zone_lookup).name
        today = local_day(read.at, zone_name)
        chosen = read.ask.span(
            today,
            profile.recap_day,
            local_now(read.at, zone_name).hour,
            logged_today=profile.wins_on(today) > 0,
        )
        if chosen is None or chosen.ahead(today):
            return None
        found["read"] = read
        found["span"] = chosen
        return Window(*instants(chosen, zone_name))

    profile, stored = store.wins_within(person, window, READ_LIMIT)
    read, span = found.get("read"), found.get("span")
    if not isinstance(read, ListRead) or not isinstance(span, Span):
        return profile, []
    wins = [
        win
        for win in stored
        if win.number <= read.wins and readable_stored(win) and _read_in(span, win, profile.zone)
    ]
    return profile, wins[read.before : read.before + read.shown]
