"""How many wins a person logged on each of their last fourteen days, kept with the profile.

The weekly recap is offered on a launch: "You logged 6 wins last week. Want to hear your
week?". Counting those wins by reading them costs a launch a second storage call, and noting
the offer a third. Logging already writes the profile, so it keeps this count as it goes, in
the same write: a launch then knows from the profile alone whether last week had wins, and
how many.

The count is worth saying only while it is what a "yes" will read. It is worked out from:

- **the wins the screen let through when they were logged** (their ``screened`` stamp says
  "win"). Each day keeps a tag of the screen that counted it; under another screen (a new
  release) a win may read differently, so the number is not said (``Week.exact`` is False);
- **the person's calendar** in the zone ``zone``: another zone draws other days, so the count
  is not used at all;
- **every win since** ``since`` (None: since the first), and ``wins``, the win count it goes
  with. A win deleted without the count being told, or wins imported, leave the profile with
  another count: the count is not used until logging starts it again.

When the count is not used the launch reads the wins from the week's first day to today, and
keeps their count from then on (``counted_from``).

It also keeps the person's best day (``best``): the most wins counted on one day, for "what's
my record", so that is known from the profile alone however long ago it was. It outlives the
fourteen days and a count started again (another zone, a clock gone back), and covers the
wins counted from ``best_from`` (None: every win; else the first day it was kept). Deleting a
win of that day counts it out there. Pure: plain values in, plain values out.
"""

import json
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Final, NamedTuple

# Days kept: the recap's week and the week it is offered in.
KEPT_DAYS: Final = 14
# The part of the screen's version kept with each day's count: enough to tell releases apart.
TAG_CHARS: Final = 8
# A day counted under two screens: never the screen of now.
MIXED: Final = "-"


class DayCount(NamedTuple):
    """The wins logged on one day, and the screen that let them through."""

    day: date
    wins: int
    screen: str


class Week(NamedTuple):
    """What the count says of a week: how many wins, and whether that number is exact."""

    wins: int
    exact: bool


class LoggedDays(NamedTuple):
    """Wins logged on the person's recent days (``KEPT_DAYS``), counted as they were logged."""

    days: tuple[DayCount, ...] = ()
    since: date | None = None  # the first day every win is counted from; None: from the first
    wins: int = 0  # the profile's win count when last counted
    zone: str | None = None  # the zone whose calendar the days are in
    best: DayCount | None = None  # the day with the most wins counted; the latest if tied
    best_from: date | None = None  # the first day ``best`` covers; None: every win

    def logged(
        self, day: date, added: int, *, stored: int, seen: int, zone: str | None, screen: str
    ) -> "LoggedDays":
        """The count after ``stored`` wins are logged on ``day``, ``added`` of them let
        through by the screen (version ``screen``), the profile counting ``seen`` before."""
        return _logged(self, day, added, stored=stored, seen=seen, zone=zone, screen=screen)

    def counted_out(self, day: date | None, *, seen: int, today: date) -> "LoggedDays":
        """The count after a win is deleted from a profile of ``seen`` wins: ``day`` is the
        day it was counted on, None when it was not counted (the screen had not let it
        through). A count kept for other wins starts again tomorrow."""
        best = self.best
        if best is not None and best.day == day:
            best = best._replace(wins=max(best.wins - 1, 0))
        if seen != self.wins:
            restarted = LoggedDays(
                since=today + timedelta(days=1), wins=max(seen - 1, 0), zone=self.zone
            )
            return _kept_best(restarted, self._replace(best=best))
        days = tuple(
            found._replace(wins=max(found.wins - 1, 0)) if found.day == day else found
            for found in self.days
        )
        return self._replace(days=days, wins=max(seen - 1, 0), best=best)

    def with_record(self, before: "LoggedDays | None") -> "LoggedDays":
        """This count (read back from the wins, ``counted_from``) with the best day kept
        ``before`` it, and its own days weighed against it."""
        kept = _kept_best(self, before or LoggedDays(since=self.since))
        best = kept.best
        for found in kept.days:
            best = _better(best, found)
        return kept._replace(best=best)

    def week(
        self,
        start: date,
        end: date,
        *,
        wins: int,
        zone: str | None,
        screen: str | Callable[[], str],
    ) -> Week | None:
        """The wins logged from ``start`` to ``end`` (both included) for a profile of ``wins``
        wins in ``zone``; None when the count does not cover that week (read it instead).

        ``screen``, the screen's version, may be given as a function: it is then asked only
        when a day of the week has wins (working it out reads the screen's code and data)."""
        if wins != self.wins or zone != self.zone or (self.since and self.since > start):
            return None
        if not self.days:
            return None  # nothing shows how far back the count reaches
        if start < self.days[-1].day - timedelta(days=KEPT_DAYS - 1):
            return None  # older than what is kept
        within = [found for found in self.days if start <= found.day <= end]
        total = sum(found.wins for found in within)
        if not total:
            return Week(0, True)  # no day to hold to the screen of now
        tag = (screen if isinstance(screen, str) else screen())[:TAG_CHARS]
        return Week(total, all(found.screen == tag for found in within if found.wins))

    def plain(self) -> str:
        """The count as kept: compact JSON."""
        best = self.best
        return json.dumps(
            {
                "since": self.since.isoformat() if self.since else None,
                "wins": self.wins,
                "zone": self.zone,
                "days": [[found.day.isoformat(), found.wins, found.screen] for found in self.days],
                "best": [best.day.isoformat(), best.wins] if best else None,
                "best_from": self.best_from.isoformat() if self.best_from else None,
            },
            separators=(",", ":"),
        )

    @classmethod
    def of(cls, kept: str) -> "LoggedDays":
        """The count from ``plain``; raises ``ValueError`` when it is not one."""
        try:
            fields = json.loads(kept)
            days = tuple(
                DayCount(date.fromisoformat(day), _count(wins), str(screen)[:TAG_CHARS])
                for day, wins, screen in fields["days"]
            )
            since = fields.get("since")
            zone = fields.get("zone")
            logged = cls(
                days=days[-KEPT_DAYS:],
                since=date.fromisoformat(since) if since else None,
                wins=_count(fields["wins"]),
                zone=str(zone) if zone else None,
            )
            logged = _best_of(logged, fields)
        except (TypeError, KeyError, AttributeError) as exc:
            raise ValueError("not a count of logged days") from exc
        if list(logged.days) != sorted(logged.days, key=lambda found: found.day):
            raise ValueError("the logged days are out of order")
        return logged


def counted_from(
    logged: Sequence[date], since: date, today: date, *, wins: int, zone: str | None, screen: str
) -> "LoggedDays":
    """The count read back from the wins themselves: ``logged`` holds the day of every win
    the screen lets through that was logged from ``since`` to ``today``, for a profile of
    ``wins`` wins in ``zone``. Days before the last fourteen are left out."""
    tag = screen[:TAG_CHARS]
    first = max(since, today - timedelta(days=KEPT_DAYS - 1))
    counts = Counter(day for day in logged if first <= day <= today)
    counts[today] += 0  # today, even with none: how far the count reaches
    days = tuple(DayCount(day, counts[day], tag) for day in sorted(counts))
    return LoggedDays(days=days, since=since, wins=wins, zone=zone)


def _best_of(logged: LoggedDays, fields: dict[str, object]) -> LoggedDays:
    """``logged`` with the best day as kept in ``fields``; a count kept before the best day
    was has it from its own days, covering them alone."""
    if "best" not in fields:
        best = None
        for found in logged.days:
            best = _better(best, found)
        first = logged.since or (logged.days[0].day if logged.days else None)
        return logged._replace(best=best, best_from=first)
    kept, kept_from = fields["best"], fields.get("best_from")
    if kept is not None:
        if not isinstance(kept, list) or len(kept) != 2:  # noqa: PLR2004 (a day and a count)
            raise TypeError("a best day is a day and a count")
        day, wins = kept
        logged = logged._replace(best=DayCount(date.fromisoformat(day), _count(wins), ""))
    if kept_from is not None:
        logged = logged._replace(best_from=date.fromisoformat(str(kept_from)))
    return logged


def _better(best: DayCount | None, day: DayCount) -> DayCount | None:
    """The best day once ``day`` is weighed: the one with more wins, the later if tied."""
    day = day._replace(screen="")  # what screen let them through is the days' to keep
    if best is None or best.day == day.day:
        return day if day.wins else None
    if day.wins > best.wins or (day.wins == best.wins and day.day > best.day):
        return day
    return best


def _kept_best(counted: LoggedDays, before: LoggedDays) -> LoggedDays:
    """``counted``, a count started again, with the best day ``before`` kept: from when it
    was kept, or, never kept, from when ``counted`` counts."""
    if before.best is None and before.best_from is None:
        return counted._replace(best=None, best_from=counted.since)
    return counted._replace(best=before.best, best_from=before.best_from)


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("a count must be a whole number, 0 or more")
    return value


def _logged(
    kept: LoggedDays,
    day: date,
    added: int,
    *,
    stored: int,
    seen: int,
    zone: str | None,
    screen: str,
) -> "LoggedDays":
    tag = screen[:TAG_CHARS]
    if seen == 0:  # the first win (or the first since every win was deleted): all counted
        kept = LoggedDays(zone=zone, wins=0)
    elif seen != kept.wins or zone != kept.zone or (kept.days and kept.days[-1].day > day):
        if seen == kept.wins and zone == kept.zone and _within(kept, day):
            # A win told of an earlier day ("yesterday i rang my daughter"): counted there.
            counted = _counted_before(kept, day, added, stored, tag)
            return counted._replace(best=_better(kept.best, _on(counted, day)))
        # Counted for other wins, another calendar, or a clock gone back: start again from
        # tomorrow (today's earlier wins are not in it).
        restarted = LoggedDays(since=day + timedelta(days=1), wins=seen, zone=zone)
        kept = _kept_best(restarted, kept)
    days = [found for found in kept.days if found.day > day - timedelta(days=KEPT_DAYS)]
    if days and days[-1].day == day:
        last = days[-1]
        days[-1] = DayCount(day, last.wins + added, last.screen if last.screen == tag else MIXED)
    else:  # a day with none the screen let through still marks how far the count reaches
        days.append(DayCount(day, added, tag))
    best = _better(kept.best, days[-1])  # a count started today is a least: never more
    return kept._replace(days=tuple(days), wins=seen + stored, best=best)


def _on(kept: LoggedDays, day: date) -> DayCount:
    return next(found for found in kept.days if found.day == day)


def _within(kept: LoggedDays, day: date) -> bool:
    """Whether ``day``, before the last day counted, is still among the days kept."""
    return bool(kept.days) and day > kept.days[-1].day - timedelta(days=KEPT_DAYS)


def _counted_before(kept: LoggedDays, day: date, added: int, stored: int, tag: str) -> LoggedDays:
    """The count with ``added`` wins counted on ``day``, a day before the last one counted."""
    days = list(kept.days)
    at = next((index for index, found in enumerate(days) if found.day >= day), len(days))
    if at < len(days) and days[at].day == day:
        found = days[at]
        days[at] = DayCount(day, found.wins + added, found.screen if found.screen == tag else MIXED)
    else:
        days.insert(at, DayCount(day, added, tag))
    return kept._replace(days=tuple(days), wins=kept.wins + stored)
