"""The win deleted last, kept for "undo" in the next conversation (``skill/domain/gone.py``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from skill.domain.gone import KEPT_FOR, GoneWin
from skill.domain.phrasing import WinKind

LOGGED = datetime(2026, 11, 1, 1, 30, tzinfo=ZoneInfo("America/Chicago"))  # the repeated hour
DELETED = datetime(2026, 11, 3, 13, 0, tzinfo=UTC)


def test_kept_as_plain_text_and_read_back_the_same() -> None:
    gone = GoneWin('said "no" to a café', WinKind.GOAL, LOGGED, DELETED)
    back = GoneWin.of(gone.plain())
    # Kept in UTC: the same moment (the first 01:30 of the repeated hour, not the second).
    assert back == gone._replace(created_at=LOGGED.astimezone(UTC))
    assert back.created_at == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)


def test_a_win_filed_on_a_day_said_keeps_when_it_was_told() -> None:
    told = datetime(2026, 11, 2, 9, 15, tzinfo=ZoneInfo("Europe/London"))
    gone = GoneWin("rang my daughter", WinKind.SAID, LOGGED, DELETED, told)
    back = GoneWin.of(gone.plain())
    assert back.told_at == told and back.told_at.tzinfo is not None
    assert GoneWin.of(GoneWin("fed the dog", WinKind.SAID, LOGGED, DELETED).plain()).told_at is None


def test_a_win_kept_before_told_at_was_kept_reads_back_without_it() -> None:
    kept = (
        '{"text":"fed the dog","kind":"said","at":"2026-11-01T06:30:00+00:00",'
        '"gone":"2026-11-03T13:00:00+00:00"}'
    )
    assert GoneWin.of(kept) == GoneWin(
        "fed the dog", WinKind.SAID, LOGGED.astimezone(UTC), DELETED, None
    )


@pytest.mark.parametrize(
    ("after", "fresh"),
    [
        (timedelta(0), True),
        (KEPT_FOR - timedelta(seconds=1), True),
        (KEPT_FOR, True),
        (KEPT_FOR + timedelta(seconds=1), False),
        (-timedelta(seconds=1), False),  # a clock gone back: not this deletion
    ],
)
def test_undo_means_the_deletion_for_ten_minutes(after: timedelta, fresh: bool) -> None:
    assert GoneWin("fed the dog", WinKind.SAID, LOGGED, DELETED).fresh(DELETED + after) is fresh


@pytest.mark.parametrize(
    "kept",
    [
        "",
        "[]",
        '{"text": "fed the dog"}',
        '{"text": "fed the dog", "kind": "shout", "at": "2026-11-01T00:00:00+00:00", '
        '"gone": "2026-11-01T00:00:00+00:00"}',
        '{"text": "fed the dog", "kind": "said", "at": "2026-11-01T00:00:00", '
        '"gone": "2026-11-01T00:00:00+00:00"}',
        '{"text": "", "kind": "said", "at": "2026-11-01T00:00:00+00:00", '
        '"gone": "2026-11-01T00:00:00+00:00"}',
        '{"text": "fed the dog", "kind": "said", "at": "2026-11-01T00:00:00+00:00", '
        '"gone": "2026-11-01T00:00:00+00:00", "told": "2026-11-01T09:00:00"}',
        '{"text": "fed the dog", "kind": "said", "at": "2026-11-01T00:00:00+00:00", '
        '"gone": "2026-11-01T00:00:00+00:00", "told": 5}',
    ],
)
def test_anything_else_is_refused(kept: str) -> None:
    with pytest.raises(ValueError):
        GoneWin.of(kept)
