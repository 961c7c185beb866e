"""The list read out last, as the profile keeps it: what was asked, worked out again."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from skill.domain.list_read import (
    KEPT_FOR,
    LAST_WEEK,
    RECAP_WEEK,
    AskKind,
    ListRead,
    SpanAsk,
)
from skill.domain.spans import Span, SpanKind

AT = datetime(2026, 12, 7, 17, 0, tzinfo=UTC)
MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("ask", "span"),
    [
        (SpanAsk.of_date("2026-12-06"), Span(SpanKind.DAY, date(2026, 12, 6), date(2026, 12, 6))),
        (  # "on the 3rd": asked by its date, named by it
            SpanAsk.of_date("XXXX-XX-03"),
            Span(SpanKind.DAY, date(2026, 12, 3), date(2026, 12, 3), by_date=True),
        ),
        (LAST_WEEK, Span(SpanKind.WEEK, date(2026, 11, 30), date(2026, 12, 6))),
        (RECAP_WEEK, Span(SpanKind.WEEK, date(2026, 11, 29), date(2026, 12, 5))),  # Sundays
        (SpanAsk.ago("year"), Span(SpanKind.DAY, date(2025, 12, 7), date(2025, 12, 7))),
        (SpanAsk.ago("month"), Span(SpanKind.DAY, date(2026, 11, 7), date(2026, 11, 7))),
        (
            SpanAsk.of_span(Span(SpanKind.MONTH, date(2026, 11, 1), date(2026, 11, 30))),
            Span(SpanKind.MONTH, date(2026, 11, 1), date(2026, 11, 30)),
        ),
    ],
)
def test_each_way_of_asking_names_the_same_span_again(ask: SpanAsk, span: Span) -> None:
    assert ask.span(MONDAY, recap_day=6) == span
    read = ListRead(ask, 5, 5, AT, wins=12)
    assert ListRead.of(read.plain()) == read._replace(wins=0)  # the count is kept beside it


def test_a_list_is_fresh_for_ten_minutes_and_never_before_it_was_read() -> None:
    read = ListRead(LAST_WEEK, 0, 5, AT)
    assert read.fresh(AT) and read.fresh(AT + KEPT_FOR)
    assert not read.fresh(AT + KEPT_FOR + timedelta(seconds=1))
    assert not read.fresh(AT - timedelta(seconds=1))


@pytest.mark.parametrize(
    "kept",
    [
        "",
        "[]",
        '{"ask": ["soon", ""], "before": 0, "shown": 5, "at": "2026-12-07T17:00:00+00:00"}',
        '{"ask": ["date", ""], "before": -1, "shown": 5, "at": "2026-12-07T17:00:00+00:00"}',
        '{"ask": ["date", ""], "before": 0, "shown": 5, "at": "2026-12-07T17:00:00"}',
    ],
)
def test_what_is_not_a_list_read_is_refused(kept: str) -> None:
    with pytest.raises(ValueError):
        ListRead.of(kept)


def test_a_span_kept_wrongly_names_none_and_a_long_value_is_cut() -> None:
    assert SpanAsk(AskKind.SPAN, "week/2026-13-01/2026-13-07").span(MONDAY, 0) is None
    assert len(SpanAsk.of_date("2026-12-06" * 10).value) == 32
