"""The list of wins read out last, kept with the profile so it can be acted on afterwards.

"Ask small wins what did I do yesterday", then "tell small wins delete the second one": the
first conversation ends with the list, so the second cannot find it in the session. The
profile keeps what was read instead: which span was asked for, where in it the reading began,
how many wins were read and when. Not the words, and not the wins' numbers either: a recall
learns them only from its second storage call, and a third call to keep them would break the
budget of two. The same span read again, less the wins logged since (numbered above the count
it was read at), gives the same wins in the same order (each new win is stamped after the
person's last one), so "the second one" names the win that was read second. Deleting a win
forgets the list (a place in it may name another win then). A list is kept for ``KEPT_FOR``
after it was read.

Pure: plain values in, plain values out.
"""

import json
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Final, NamedTuple

from skill.domain.recap import ago, recap_span, week_start
from skill.domain.spans import (
    Span,
    SpanKind,
    days_asked,
    last_week,
    night_asked,
    part_asked,
    span_of,
    this_month,
    this_week,
)

# How long after it was read a list can still be acted on ("delete the second one").
KEPT_FOR: Final = timedelta(minutes=10)
# The longest AMAZON.DATE value kept ("2026-W49-WE" and the like are far shorter).
_VALUE_CHARS: Final = 32
# The most wins one reading says.
_MOST_SHOWN: Final = 50


class AskKind(StrEnum):
    """How a span was asked for."""

    DATE = "date"  # an AMAZON.DATE value, read on the person's calendar that day
    SPAN = "span"  # a span already named ("the rest", the recap offered)
    LAST_WEEK = "last_week"
    RECAP = "recap"  # the week a recap tells, on the person's recap day
    AGO = "ago"  # "a year ago today", "a month ago today": value "year" or "month"
    NIGHT = "night"  # "last night", "tonight", or the night of a day ("wednesday night")
    PART = "part"  # "this morning", "yesterday afternoon": "morning/" or "morning/2026-12-05"
    CURRENT = "current"  # this week ("week") or this month ("month"), since its first day
    # "How was my week", "my recap": the person's week so far (from their recap day), or, on
    # its first day before anything is logged, the week just gone
    MY_WEEK = "my_week"
    # A run of days: "from Wednesday to Saturday" ("FROM/TO", AMAZON.DATE values), "the last
    # three days" ("last/3")
    DAYS = "days"


class SpanAsk(NamedTuple):
    """A span as it was asked for: worked out again from the day it was asked on."""

    kind: AskKind
    value: str = ""

    @classmethod
    def of_date(cls, value: str | None) -> "SpanAsk":
        return cls(AskKind.DATE, (value or "")[:_VALUE_CHARS])

    @classmethod
    def of_span(cls, span: Span) -> "SpanAsk":
        return cls(AskKind.SPAN, f"{span.kind.value}/{span.first}/{span.last}")

    @classmethod
    def night(cls, which: str) -> "SpanAsk":
        """ "last", "tonight", or an AMAZON.DATE day whose night is meant."""
        return cls(AskKind.NIGHT, which[:_VALUE_CHARS])

    @classmethod
    def part(cls, part: str, when: str | None = None) -> "SpanAsk":
        """A part of a day ("morning", "lunch", "afternoon", "evening"), of the day an
        AMAZON.DATE ``when`` names, or of today."""
        return cls(AskKind.PART, f"{part}/{when or ''}"[:_VALUE_CHARS])

    @classmethod
    def days(cls, first: str, last: str) -> "SpanAsk":
        """The days from the one AMAZON.DATE ``first`` names to ``last``'s, or, ``first``
        "last", the last ``last`` days, today included."""
        return cls(AskKind.DAYS, f"{first[: _VALUE_CHARS // 2 - 1]}/{last}"[:_VALUE_CHARS])

    @classmethod
    def ago(cls, unit: str) -> "SpanAsk":
        return cls(AskKind.AGO, "month" if unit == "month" else "year")

    def span(
        self, today: date, recap_day: int, hour: int = 12, *, logged_today: bool = True
    ) -> Span | None:
        """The span this names on ``today`` (at ``hour`` o'clock, for "tonight") for a person
        whose recap day is ``recap_day`` (who has ``logged_today`` a win or not); None when it
        names none."""
        if self.kind is AskKind.MY_WEEK:
            return my_week(today, recap_day, logged_today=logged_today)
        if self.kind is AskKind.NIGHT:
            return night_asked(self.value, today, hour)
        if self.kind is AskKind.PART:
            part, _, when = self.value.partition("/")
            return part_asked(part, when, today, time(min(max(hour, 0), 23)))
        if self.kind is AskKind.RECAP:
            return recap_span(today, recap_day)
        if self.kind is AskKind.SPAN:
            return self._named()
        return self._of_today(today)

    def _of_today(self, today: date) -> Span | None:
        """The span of a kind that ``today`` alone names."""
        if self.kind is AskKind.DATE:
            return span_of(self.value or None, today)
        if self.kind is AskKind.DAYS:
            first, _, last = self.value.partition("/")
            return days_asked(first, last, today)
        if self.kind is AskKind.CURRENT:
            return this_month(today) if self.value == "month" else this_week(today)
        if self.kind is AskKind.LAST_WEEK:
            return last_week(today)
        day = ago(today, self.value)  # AskKind.AGO
        return Span(SpanKind.DAY, day, day)

    def _named(self) -> Span | None:
        try:
            kind, first, last = self.value.split("/")
            return Span(SpanKind(kind), date.fromisoformat(first), date.fromisoformat(last))
        except ValueError:
            return None


def my_week(today: date, recap_day: int, *, logged_today: bool) -> Span:
    """ "How was my week", asked ``today``: the person's week so far, from their recap day; on
    that day, before anything is logged on it, the week just gone (as its recap tells)."""
    start = week_start(today, recap_day)
    if start == today and not logged_today:
        return recap_span(today, recap_day)
    return Span(SpanKind.WEEK, start, today)


LAST_WEEK: Final = SpanAsk(AskKind.LAST_WEEK)
THIS_WEEK: Final = SpanAsk(AskKind.CURRENT, "week")
THIS_MONTH: Final = SpanAsk(AskKind.CURRENT, "month")
RECAP_WEEK: Final = SpanAsk(AskKind.RECAP)
MY_WEEK: Final = SpanAsk(AskKind.MY_WEEK)


class ListRead(NamedTuple):
    """A list read out: the span asked for, the wins read before it (``before``), how many
    it said at most (``shown``), when (``at``, aware), and how many wins the person had
    then (``wins``: a win numbered above it was logged later, and is not in the list)."""

    ask: SpanAsk
    before: int
    shown: int
    at: datetime
    wins: int = 0

    def fresh(self, now: datetime) -> bool:
        """Whether it can still be acted on at ``now``."""
        return self.at <= now <= self.at + KEPT_FOR

    def plain(self) -> str:
        """As kept: compact JSON."""
        return json.dumps(
            {
                "ask": [self.ask.kind.value, self.ask.value],
                "before": self.before,
                "shown": self.shown,
                "at": self.at.astimezone(UTC).isoformat(),
            },
            separators=(",", ":"),
        )

    @classmethod
    def of(cls, kept: str) -> "ListRead":
        """From ``plain``; raises ``ValueError`` when it is not one."""
        try:
            fields = json.loads(kept)
            kind, value = fields["ask"]
            read = cls(
                SpanAsk(AskKind(kind), str(value)[:_VALUE_CHARS]),
                _count(fields["before"]),
                min(_count(fields["shown"]), _MOST_SHOWN),
                datetime.fromisoformat(fields["at"]),
            )
        except (TypeError, KeyError, AttributeError) as exc:
            raise ValueError("not a list read out") from exc
        if read.at.tzinfo is None:
            raise ValueError("a list's time needs its zone")
        return read


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("a count must be a whole number, 0 or more")
    return value
