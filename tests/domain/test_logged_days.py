"""The count of wins logged by day that a profile keeps, so a launch knows last week's wins
without reading them (``skill/domain/logged_days.py``). Pure: days in, counts out."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from skill.domain.logged_days import KEPT_DAYS, MIXED, DayCount, LoggedDays, Week, counted_from

ZONE = "Europe/London"
SCREEN = "a1b2c3d4e5f6a7b8c9d0e1f2"
NEWER = "ffffffffe5f6a7b8c9d0e1f2"
MONDAY = date(2026, 11, 30)  # last week: Monday 30 November to Sunday 6 December
SUNDAY = MONDAY + timedelta(days=6)


def logged(
    days: list[tuple[date, int]], *, start: LoggedDays | None = None, screen: str = SCREEN
) -> LoggedDays:
    """A count built as logging builds it, from a person's first win on."""
    kept, total = start or LoggedDays(), (start.wins if start else 0)
    for day, wins in days:
        kept = kept.logged(day, wins, stored=wins, seen=total, zone=ZONE, screen=screen)
        total += wins
    return kept


def week_of(kept: LoggedDays, *, wins: int | None = None, zone: str = ZONE) -> Week | None:
    total = kept.wins if wins is None else wins
    return kept.week(MONDAY, SUNDAY, wins=total, zone=zone, screen=SCREEN)


def test_a_weeks_wins_are_counted_from_the_first_win_on() -> None:
    kept = logged([(MONDAY - timedelta(days=1), 2), (MONDAY, 1), (SUNDAY, 3), (SUNDAY, 1)])
    kept = logged([(SUNDAY + timedelta(days=1), 4)], start=kept)  # this week's: not last week's

    assert week_of(kept) == Week(5, exact=True)
    assert kept.wins == 11


def test_a_week_with_nothing_logged_counts_none_exactly() -> None:
    kept = logged([(MONDAY - timedelta(days=3), 2), (SUNDAY + timedelta(days=1), 1)])
    assert week_of(kept) == Week(0, exact=True)


def test_wins_the_screen_did_not_let_through_are_stored_but_never_counted() -> None:
    kept = LoggedDays().logged(MONDAY, 1, stored=3, seen=0, zone=ZONE, screen=SCREEN)
    assert week_of(kept) == Week(1, exact=True)
    assert kept.wins == 3


@pytest.mark.parametrize(
    ("wins", "zone"),
    [
        (4, ZONE),  # a win deleted, or wins imported, without the count being told
        (3, "America/New_York"),  # another calendar draws other days
    ],
)
def test_a_count_for_other_wins_or_another_zone_is_not_used(wins: int, zone: str) -> None:
    kept = logged([(MONDAY, 3)])
    assert week_of(kept, wins=wins, zone=zone) is None
    assert week_of(kept) == Week(3, exact=True)


def test_a_count_started_after_the_week_began_does_not_cover_it() -> None:
    """Someone whose wins were logged before the count existed: it starts the day after."""
    kept = LoggedDays().logged(
        MONDAY + timedelta(days=2), 1, stored=1, seen=40, zone=ZONE, screen=SCREEN
    )
    assert kept.since == MONDAY + timedelta(days=3)
    assert week_of(kept) is None
    next_week = kept.week(
        MONDAY + timedelta(days=7), SUNDAY + timedelta(days=7), wins=41, zone=ZONE, screen=SCREEN
    )
    assert next_week == Week(0, exact=True)


def test_a_count_that_no_longer_matches_starts_again_when_logging() -> None:
    kept = logged([(MONDAY, 3)])  # then one of the three is deleted, the count not told
    again = kept.logged(MONDAY + timedelta(days=1), 1, stored=1, seen=2, zone=ZONE, screen=SCREEN)

    assert again.since == MONDAY + timedelta(days=2)
    assert again.wins == 3
    assert week_of(again) is None


def test_under_another_screen_the_number_is_not_exact() -> None:
    kept = logged([(MONDAY, 2)])
    kept = logged([(MONDAY, 1)], start=kept, screen=NEWER)  # a release later, the same day

    assert kept.days[-1].screen == MIXED
    assert week_of(kept) == Week(3, exact=False)
    fresh = logged([(MONDAY, 1)], screen=NEWER)
    assert week_of(fresh) == Week(1, exact=False)


def test_only_the_last_fourteen_days_are_kept() -> None:
    kept = logged([(MONDAY - timedelta(days=30) + timedelta(days=i), 1) for i in range(40)])
    assert len(kept.days) == KEPT_DAYS
    assert kept.days[0].day == kept.days[-1].day - timedelta(days=KEPT_DAYS - 1)
    older = kept.week(
        MONDAY - timedelta(days=14), SUNDAY - timedelta(days=14), wins=40, zone=ZONE, screen=SCREEN
    )
    assert older is None  # partly before what is kept


def test_deleting_a_counted_win_counts_it_out() -> None:
    kept = logged([(MONDAY, 2), (SUNDAY, 1)])
    today = SUNDAY + timedelta(days=1)

    less = kept.counted_out(SUNDAY, seen=3, today=today)
    assert week_of(less) == Week(2, exact=True)
    not_counted = kept.counted_out(None, seen=3, today=today)  # the screen had not let it through
    assert not_counted.days == kept.days and not_counted.wins == 2


def test_deleting_from_a_count_kept_for_other_wins_starts_it_again() -> None:
    kept = logged([(MONDAY, 2)])
    today = SUNDAY + timedelta(days=1)

    again = kept.counted_out(MONDAY, seen=5, today=today)
    restarted = LoggedDays(since=today + timedelta(days=1), wins=4, zone=ZONE)
    assert again._replace(best=None, best_from=None) == restarted
    assert again.best is not None and (again.best.day, again.best.wins) == (MONDAY, 1)
    assert week_of(again) is None


def test_the_kept_form_reads_back_and_anything_else_is_refused() -> None:
    kept = logged([(MONDAY, 2), (SUNDAY, 1)])
    assert LoggedDays.of(kept.plain()) == kept
    for bad in ("", "[]", '{"days": [["2026-11-30", -1, "x"]], "wins": 1}', '{"wins": 1}', "{"):
        with pytest.raises(ValueError):
            LoggedDays.of(bad)
    backwards = '{"days": [["2026-12-02", 1, "x"], ["2026-12-01", 1, "x"]], "wins": 2}'
    with pytest.raises(ValueError, match="order"):
        LoggedDays.of(backwards)


def test_a_count_read_back_from_the_wins_covers_from_its_first_day() -> None:
    today = SUNDAY + timedelta(days=2)
    logged = [MONDAY, MONDAY, SUNDAY, today, MONDAY - timedelta(days=1)]

    kept = counted_from(logged, MONDAY, today, wins=9, zone=ZONE, screen=SCREEN)

    assert kept.since == MONDAY and kept.wins == 9
    assert week_of(kept) == Week(3, exact=True)
    assert kept.days[-1] == DayCount(today, 1, SCREEN[:8])
    empty = counted_from([], MONDAY, today, wins=9, zone=ZONE, screen=SCREEN)
    assert week_of(empty) == Week(0, exact=True)  # today's mark says how far it reaches


def test_the_screens_version_is_asked_for_only_when_the_week_has_wins() -> None:
    asked: list[str] = []

    def version() -> str:
        asked.append(SCREEN)
        return SCREEN

    quiet = logged([(MONDAY - timedelta(days=1), 2), (SUNDAY + timedelta(days=1), 1)])
    assert quiet.week(MONDAY, SUNDAY, wins=quiet.wins, zone=ZONE, screen=version) == Week(0, True)
    assert asked == []  # a launch with no week to offer reads no screen code or data

    busy = logged([(MONDAY, 2), (SUNDAY, 1)])
    assert busy.week(MONDAY, SUNDAY, wins=busy.wins, zone=ZONE, screen=version) == week_of(busy)
    assert asked == [SCREEN]
    newer = busy.week(MONDAY, SUNDAY, wins=busy.wins, zone=ZONE, screen=lambda: NEWER)
    assert newer == Week(3, exact=False)


def test_a_win_told_of_an_earlier_day_is_counted_on_that_day() -> None:
    """ "Yesterday I rang my daughter", told on Monday: counted on Sunday, in its place."""
    kept = logged([(MONDAY, 1), (SUNDAY - timedelta(days=1), 2), (SUNDAY + timedelta(days=1), 1)])
    kept = logged([(SUNDAY, 1), (MONDAY + timedelta(days=2), 1)], start=kept)  # days before

    assert [(found.day, found.wins) for found in kept.days] == [
        (MONDAY, 1),
        (MONDAY + timedelta(days=2), 1),
        (SUNDAY - timedelta(days=1), 2),
        (SUNDAY, 1),
        (SUNDAY + timedelta(days=1), 1),
    ]
    assert week_of(kept) == Week(5, exact=True)
    too_old = logged([(MONDAY - timedelta(days=KEPT_DAYS), 1)], start=kept)
    assert too_old.since == MONDAY - timedelta(days=KEPT_DAYS - 1)  # beyond what is kept
